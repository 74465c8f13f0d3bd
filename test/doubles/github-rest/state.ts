import { createHash } from 'node:crypto';

/** One uploaded asset. */
export interface StoredAsset {
  readonly id: number;
  readonly releaseId: number;
  readonly name: string;
  readonly label: string | null;
  readonly contentType: string;
  readonly bytes: Buffer;
  /** `sha256:<hex>`, as GitHub reports an asset's digest. */
  readonly digest: string;
  readonly createdAt: string;
  updatedAt: string;
  downloadCount: number;
}

/** One release, as the double keeps it. */
export interface StoredRelease {
  readonly id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  /** Set when the release is published while the repository has immutable releases on. */
  immutable: boolean;
  makeLatest: 'true' | 'false' | 'legacy';
  readonly createdAt: string;
  publishedAt: string | null;
  updatedAt: string;
  readonly assets: StoredAsset[];
}

/** Fields a client may send to create or update a release (the request body, already validated). */
export interface ReleaseInput {
  readonly tag_name?: string;
  readonly target_commitish?: string;
  readonly name?: string;
  readonly body?: string;
  readonly draft?: boolean;
  readonly prerelease?: boolean;
  readonly make_latest?: 'true' | 'false' | 'legacy';
}

/** Why a release operation was refused; the server turns these into GitHub's error bodies. */
export type ReleaseRefusal =
  | { readonly code: 'release_not_found' }
  | { readonly code: 'tag_already_exists'; readonly tag: string }
  | { readonly code: 'asset_already_exists'; readonly name: string }
  | { readonly code: 'release_immutable' };

/** Either what was asked for or why it was refused. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: ReleaseRefusal };

/** GitHub's timestamps: ISO 8601, UTC, whole seconds. */
export function githubTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The repository's releases and assets, in memory. No I/O and no HTTP: the server validates the
 * request, calls one method here, and renders the result. Release and asset ids come from
 * separate counters: unique per kind, as on GitHub.
 */
export class ReleaseStore {
  readonly #releases: StoredRelease[] = [];
  readonly #now: () => Date;
  #nextReleaseId = 1;
  #nextAssetId = 1;
  /** Whether releases published from now on become immutable (a repository setting on GitHub). */
  immutableReleases: boolean;

  constructor(options: { now: () => Date; immutableReleases: boolean }) {
    this.#now = options.now;
    this.immutableReleases = options.immutableReleases;
  }

  /** Every release, newest first (creation time, then id), as list-releases orders them. */
  list(): StoredRelease[] {
    return [...this.#releases].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  }

  /** A release by id, drafts included. */
  byId(id: number): StoredRelease | undefined {
    return this.#releases.find((r) => r.id === id);
  }

  /** The published release with this tag; get-by-tag never returns drafts. */
  publishedByTag(tag: string): StoredRelease | undefined {
    return this.#releases.find((r) => r.tagName === tag && !r.draft);
  }

  /** An asset by id, with its release. */
  asset(id: number): { release: StoredRelease; asset: StoredAsset } | undefined {
    for (const release of this.#releases) {
      const asset = release.assets.find((a) => a.id === id);
      if (asset) return { release, asset };
    }
    return undefined;
  }

  /** Creates a release; a second release for the same tag is refused, draft or not. */
  create(input: ReleaseInput & { readonly tag_name: string }, defaultBranch: string): Outcome<StoredRelease> {
    if (this.#releases.some((r) => r.tagName === input.tag_name)) {
      return { ok: false, refusal: { code: 'tag_already_exists', tag: input.tag_name } };
    }
    const now = githubTimestamp(this.#now());
    const draft = input.draft ?? false;
    const release: StoredRelease = {
      id: this.#nextReleaseId++,
      tagName: input.tag_name,
      targetCommitish: input.target_commitish ?? defaultBranch,
      name: input.name ?? null,
      body: input.body ?? null,
      draft,
      prerelease: input.prerelease ?? false,
      immutable: !draft && this.immutableReleases,
      makeLatest: input.make_latest ?? 'true',
      createdAt: now,
      publishedAt: draft ? null : now,
      updatedAt: now,
      assets: [],
    };
    this.#releases.push(release);
    return { ok: true, value: release };
  }

  /**
   * Updates a release. Publishing (draft -> false) stamps published_at and, with immutable
   * releases on, locks the release; an immutable release keeps its tag and target.
   */
  update(id: number, input: ReleaseInput): Outcome<StoredRelease> {
    const release = this.byId(id);
    if (!release) return { ok: false, refusal: { code: 'release_not_found' } };
    if (input.tag_name !== undefined && input.tag_name !== release.tagName) {
      if (release.immutable) return { ok: false, refusal: { code: 'release_immutable' } };
      if (this.#releases.some((r) => r.tagName === input.tag_name)) {
        return { ok: false, refusal: { code: 'tag_already_exists', tag: input.tag_name } };
      }
      release.tagName = input.tag_name;
    }
    if (input.target_commitish !== undefined && input.target_commitish !== release.targetCommitish) {
      if (release.immutable) return { ok: false, refusal: { code: 'release_immutable' } };
      release.targetCommitish = input.target_commitish;
    }
    if (input.name !== undefined) release.name = input.name;
    if (input.body !== undefined) release.body = input.body;
    if (input.prerelease !== undefined) release.prerelease = input.prerelease;
    if (input.make_latest !== undefined) release.makeLatest = input.make_latest;
    const now = githubTimestamp(this.#now());
    if (input.draft === false && release.draft) {
      release.draft = false;
      release.publishedAt = now;
      release.immutable = this.immutableReleases;
    } else if (input.draft === true && !release.draft) {
      // Immutable releases cannot go back to draft on GitHub either.
      if (release.immutable) return { ok: false, refusal: { code: 'release_immutable' } };
      release.draft = true;
      release.publishedAt = null;
    }
    release.updatedAt = now;
    return { ok: true, value: release };
  }

  /**
   * Adds an asset. Names never overwrite, and an immutable (published) release takes no more
   * assets: that is the guarantee immutable releases give consumers.
   */
  upload(
    releaseId: number,
    name: string,
    label: string | null,
    contentType: string,
    bytes: Buffer,
  ): Outcome<StoredAsset> {
    const release = this.byId(releaseId);
    if (!release) return { ok: false, refusal: { code: 'release_not_found' } };
    if (release.immutable) return { ok: false, refusal: { code: 'release_immutable' } };
    if (release.assets.some((a) => a.name === name))
      return { ok: false, refusal: { code: 'asset_already_exists', name } };
    const now = githubTimestamp(this.#now());
    const asset: StoredAsset = {
      id: this.#nextAssetId++,
      releaseId,
      name,
      label,
      contentType,
      bytes,
      digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
      createdAt: now,
      updatedAt: now,
      downloadCount: 0,
    };
    release.assets.push(asset);
    release.updatedAt = now;
    return { ok: true, value: asset };
  }

  /**
   * Seeds a release directly (tests): assets are attached before the release is published, so a
   * seeded immutable release is in the state GitHub's own draft -> upload -> publish leaves.
   */
  seed(input: {
    tag: string;
    assets: readonly { name: string; bytes: Buffer; contentType: string }[];
    draft: boolean;
    prerelease: boolean;
    immutable: boolean;
    name: string | null;
    body: string | null;
    targetCommitish: string;
  }): StoredRelease {
    const created = this.create(
      { tag_name: input.tag, draft: true, prerelease: input.prerelease, target_commitish: input.targetCommitish },
      input.targetCommitish,
    );
    if (!created.ok) throw new Error(`addRelease: a release for tag ${input.tag} already exists`);
    const release = created.value;
    release.name = input.name;
    release.body = input.body;
    for (const asset of input.assets) {
      const uploaded = this.upload(release.id, asset.name, null, asset.contentType, asset.bytes);
      if (!uploaded.ok) throw new Error(`addRelease: asset ${asset.name} given twice`);
    }
    if (!input.draft) {
      release.draft = false;
      release.publishedAt = githubTimestamp(this.#now());
      release.immutable = input.immutable;
    }
    return release;
  }
}
