import { TrustError, UsageError } from '../errors.ts';
import { checkDefinition } from './check-definition.ts';
import { appendRelease, signManifest, type PreviousManifest } from '../core/manifest-editor.ts';
import { authenticateManifest } from '../core/manifest-verifier.ts';
import { treeDigest } from '../core/tree-digest.ts';
import type { SigningKey } from '../core/keys.ts';
import type { VersionRef } from '../core/version-ref.ts';
import type { GitRepository } from '../adapters/git-client.ts';
import { readRemediationAtCommit, remediationDir } from '../adapters/remediation-source.ts';
import { stageManifest, tryReadManifest } from './manifest-file.ts';

/** Settings of `remediate release`. */
export interface ReleaseSettings {
  /** The version to release. */
  readonly ref: VersionRef;
  /** Manifest path (absolute). */
  readonly manifestPath: string;
  /** Lifetime of the new manifest in milliseconds. */
  readonly lifetimeMs: number;
  /**
   * Sign an entry for a tag that was already pushed (the release workflow) instead of tagging
   * HEAD: the tag's commit is released, and no tag is created.
   */
  readonly existingTag?: boolean;
  /** Where to write the new manifest (default: `manifestPath`, replacing it). */
  readonly manifestOut?: string;
  /**
   * With `existingTag`: there is no previous manifest, on purpose. Without it a missing previous
   * manifest is refused: in automation, "none found" must never silently start over at serial 1.
   */
  readonly firstRelease?: boolean;
}

/** What a release produced. */
export interface ReleaseResult {
  readonly commit: string;
  readonly digest: string;
  readonly serial: number;
  readonly signers: readonly string[];
}

/**
 * Releases HEAD's remediations/<name>/ as <name>/<version>: validates it, refuses a dirty folder
 * and any version or tag that exists, tags HEAD, and writes the new signed manifest.
 */
export async function releaseVersion(
  git: GitRepository,
  keys: readonly SigningKey[],
  settings: ReleaseSettings,
  now: Date,
): Promise<ReleaseResult> {
  const { ref } = settings;
  const dir = remediationDir(ref.name);
  const existingTag = await git.tryResolveTag(ref.tag);
  let commit: string;
  if (settings.existingTag) {
    // Signing a pushed tag: what is released is exactly the tag's commit, read from git objects.
    if (!existingTag) {
      throw new TrustError(
        'TAG_NOT_FOUND',
        `tag ${ref.tag} does not exist; push it first (or release without --from-tag to tag HEAD)`,
      );
    }
    commit = existingTag;
  } else {
    // What is released is the committed content: uncommitted edits would be signed as if reviewed.
    const dirty = await git.statusOf(dir);
    if (dirty.length) {
      throw new UsageError(
        'DIRTY_TREE',
        `${dir}/ has uncommitted changes; commit or stash them first:\n${dirty.map((l) => `  ${l}`).join('\n')}`,
      );
    }
    // A tag that exists already names released (or squatted) content: never move it.
    if (existingTag) {
      throw new TrustError(
        'VERSION_EXISTS',
        `tag ${ref.tag} already exists (at ${existingTag.slice(0, 12)}); a released version is never changed: release a new version`,
      );
    }
    commit = await git.headCommit();
  }
  const previous = await loadPrevious(settings.manifestPath, keys);
  if (settings.existingTag && !previous && !settings.firstRelease) {
    throw new UsageError(
      'NOT_FOUND',
      `no previous manifest at ${settings.manifestPath}; pass --first-release if this is the repository's first release (a release that found no manifest must not start over at serial 1)`,
    );
  }
  if (settings.existingTag && previous && settings.firstRelease) {
    throw new UsageError(
      'USAGE',
      `--first-release, but ${settings.manifestPath} already holds manifest serial ${previous.payload.serial}`,
    );
  }
  const files = await readRemediationAtCommit(git, commit, ref.name);
  const definitionFile = files.find((f) => f.path === 'remediation.yml');
  if (!definitionFile)
    throw new UsageError('NOT_FOUND', `${dir}/remediation.yml does not exist at ${commit.slice(0, 12)}`);
  await checkDefinition(`${dir}/remediation.yml`, definitionFile.content, ref.name);
  const digest = treeDigest(files);

  const payload = appendRelease(previous, { ref, commit, digest }, now, settings.lifetimeMs);
  const pending = await stageManifest(settings.manifestOut ?? settings.manifestPath, signManifest(payload, keys));
  if (!settings.existingTag) {
    try {
      await git.createAnnotatedTag(
        ref.tag,
        commit,
        `${ref.name} ${ref.version}\n\ndigest: ${digest}\nmanifest serial: ${payload.serial}\n`,
      );
    } catch (error) {
      await pending.discard();
      throw error;
    }
  }
  await pending.commit();
  return { commit, digest, serial: payload.serial, signers: keys.map((k) => k.keyid) };
}

/**
 * Loads the manifest being extended. It must carry a valid signature by one of the keys signing
 * now: otherwise an edited manifest.json (say, with a re-pointed entry) would be re-signed blindly.
 * Expiry is not checked here: releasing is how an expiring manifest gets renewed.
 */
export async function loadPrevious(
  manifestPath: string,
  keys: readonly SigningKey[],
): Promise<PreviousManifest | undefined> {
  const bytes = await tryReadManifest(manifestPath);
  if (!bytes) return undefined;
  const verified = authenticateManifest(
    bytes,
    keys.map((k) => ({ keyid: k.keyid, key: k.publicKey })),
    1,
  );
  return { payload: verified.payload, payloadBytes: verified.payloadBytes };
}
