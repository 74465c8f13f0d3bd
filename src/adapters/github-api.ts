import { createHash } from 'node:crypto';
import { ServiceError, TrustError } from '../errors.ts';
import type { GitObjectSource, GitTreeEntry } from './git-client.ts';
import { DEFAULT_RETRY, isTransient, rateLimitWait, withRetry, type RetryPolicy } from './retry.ts';

/** A release as the tool uses it. */
export interface Release {
  readonly id: number;
  readonly tagName: string;
  readonly draft: boolean;
  readonly htmlUrl: string;
  readonly uploadUrl: string;
  readonly assets: readonly { readonly id: number; readonly name: string; readonly size: number }[];
}

/** The slice of GitHub's REST API the Action uses; small enough that a test double is simple. */
export interface GitHubApi {
  /** A ref like `tags/x/v1.0.0`: the object it points at, or undefined on 404. */
  tryGetRef(ref: string): Promise<{ type: string; sha: string } | undefined>;
  /** Every ref whose name starts with `prefix` (like `tags/manifest/s`), in one call: full names (`refs/...`). */
  listMatchingRefs(prefix: string): Promise<{ ref: string; type: string; sha: string }[]>;
  /** An annotated tag object: what it points at. */
  getTag(sha: string): Promise<{ type: string; sha: string }>;
  /** A commit's root tree. */
  getCommitTree(sha: string): Promise<string>;
  /** A recursive tree listing. */
  getTree(
    sha: string,
  ): Promise<{ entries: { path: string; mode: string; type: string; sha: string }[]; truncated: boolean }>;
  /** A blob's bytes. */
  getBlob(sha: string): Promise<Buffer>;
  /** A published release by tag, or undefined on 404. */
  tryGetReleaseByTag(tag: string): Promise<Release | undefined>;
  /** The newest releases, newest first (drafts included for authenticated callers). */
  listReleases(max: number): Promise<Release[]>;
  /** The bytes of a release asset. */
  downloadAsset(assetId: number): Promise<Buffer>;
  /** Creates a release (the Action always creates drafts, then publishes). */
  createRelease(input: {
    tag: string;
    commit: string;
    name: string;
    body: string;
    prerelease: boolean;
  }): Promise<Release>;
  /** Uploads one asset to a (draft) release. */
  uploadAsset(release: Release, name: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Publishes a draft release; never marks it latest. */
  publishRelease(id: number): Promise<Release>;
  /** Every job of one attempt of a workflow run, with its steps (all pages). */
  listJobsForRunAttempt(runId: number, attempt: number): Promise<WorkflowJob[]>;
  /**
   * One page (`ARTIFACTS_PER_PAGE`) of the repository's workflow artifacts, as GitHub lists them:
   * newest first (observed; the documentation gives no order), expired ones included.
   */
  listArtifactsPage(page: number): Promise<{ totalCount: number; artifacts: RepositoryArtifact[] }>;
  /** The reviews of a workflow run's protected environments (who approved or rejected, with comments). */
  listRunApprovals(runId: number): Promise<RunApproval[]>;
}

/** One review of a workflow run's deployment to protected environments (GitHub lists no time). */
export interface RunApproval {
  readonly state: 'approved' | 'rejected' | 'pending';
  readonly user: string;
  readonly environments: readonly string[];
  readonly comment: string;
}

/** Artifacts per page of the repository's list: GitHub's maximum. */
export const ARTIFACTS_PER_PAGE = 100;

/** A workflow artifact as the run history uses it. */
export interface RepositoryArtifact {
  readonly id: number;
  readonly name: string;
  readonly sizeInBytes: number;
  /** ISO time GitHub created it (the upload). */
  readonly createdAt: string;
  /** Expired artifacts are listed, but their bytes are gone (a download answers 410). */
  readonly expired: boolean;
  /** `sha256:<hex>` of the zip, when GitHub reports one. */
  readonly digest: string | undefined;
  /** The workflow run that uploaded it. */
  readonly runId: number | undefined;
}

/** A job of a workflow run as the tool uses it (the fleet gate counts failed legs). */
export interface WorkflowJob {
  readonly name: string;
  /** `queued`, `in_progress`, `completed`, ... */
  readonly status: string;
  /** `success`, `failure`, `cancelled`, `skipped`, `timed_out`, ...; null until completed. */
  readonly conclusion: string | null;
  /** Steps by name with their conclusion; empty when GitHub lists none. */
  readonly steps: readonly { readonly name: string; readonly conclusion: string | null }[];
}

/** The octokit surface used here (kept structural so the module does not load octokit itself). */
interface OctokitLike {
  request(route: string, params?: Record<string, unknown>): Promise<{ status: number; data: unknown }>;
}

/**
 * GitHubApi over octokit (from @actions/github). Every call is retried on 5xx, 429 and network
 * errors; 4xx answers (404, 422) are returned or thrown at once.
 */
export class OctokitGitHubApi implements GitHubApi {
  readonly #octokit: OctokitLike;
  readonly #owner: string;
  readonly #repo: string;
  readonly #retry: RetryPolicy;
  readonly #onRetry: ((message: string) => void) | undefined;
  readonly #sleep: (ms: number) => Promise<void>;
  // One waiting budget for the whole client (one run), not per call: ten rate-limited calls must
  // not hold a run for ten times the bound.
  #rateLimitWaitedMs = 0;

  /** `repository` is `owner/name`; `sleep` is replaced only by tests of rate-limit waits. */
  constructor(
    octokit: OctokitLike,
    repository: string,
    retry: RetryPolicy = DEFAULT_RETRY,
    onRetry?: (message: string) => void,
    sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    const [owner, repo] = repository.split('/');
    if (!owner || !repo) throw new Error(`expected GITHUB_REPOSITORY as owner/name, got '${repository}'`);
    this.#octokit = octokit;
    this.#owner = owner;
    this.#repo = repo;
    this.#retry = retry;
    this.#onRetry = onRetry;
    this.#sleep = sleep;
  }

  async tryGetRef(ref: string): Promise<{ type: string; sha: string } | undefined> {
    const data = await this.#tryGet('GET /repos/{owner}/{repo}/git/ref/{ref}', { ref });
    const object = (data as { object?: { type: string; sha: string } } | undefined)?.object;
    return object ? { type: object.type, sha: object.sha } : undefined;
  }

  async listMatchingRefs(prefix: string): Promise<{ ref: string; type: string; sha: string }[]> {
    const data = (await this.#call('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', { ref: prefix })) as {
      ref: string;
      object: { type: string; sha: string };
    }[];
    return data.map((r) => ({ ref: r.ref, type: r.object.type, sha: r.object.sha }));
  }

  async getTag(sha: string): Promise<{ type: string; sha: string }> {
    const data = (await this.#call('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', { tag_sha: sha })) as {
      object: { type: string; sha: string };
    };
    return { type: data.object.type, sha: data.object.sha };
  }

  async getCommitTree(sha: string): Promise<string> {
    const data = (await this.#call('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { commit_sha: sha })) as {
      tree: { sha: string };
    };
    return data.tree.sha;
  }

  async getTree(sha: string) {
    const data = (await this.#call('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
      tree_sha: sha,
      recursive: '1',
    })) as {
      tree: { path: string; mode: string; type: string; sha: string }[];
      truncated: boolean;
    };
    return { entries: data.tree, truncated: data.truncated };
  }

  async getBlob(sha: string): Promise<Buffer> {
    const data = (await this.#call('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { file_sha: sha })) as {
      content: string;
      encoding: string;
    };
    if (data.encoding !== 'base64') throw new Error(`blob ${sha}: expected base64 encoding, got ${data.encoding}`);
    return Buffer.from(data.content, 'base64');
  }

  async tryGetReleaseByTag(tag: string): Promise<Release | undefined> {
    const data = await this.#tryGet('GET /repos/{owner}/{repo}/releases/tags/{tag}', { tag });
    return data === undefined ? undefined : toRelease(data);
  }

  async listReleases(max: number): Promise<Release[]> {
    const releases: Release[] = [];
    for (let page = 1; releases.length < max; page++) {
      const data = (await this.#call('GET /repos/{owner}/{repo}/releases', { per_page: 100, page })) as unknown[];
      releases.push(...data.map(toRelease));
      if (data.length < 100) break;
    }
    return releases.slice(0, max);
  }

  async downloadAsset(assetId: number): Promise<Buffer> {
    const data = await this.#call('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      asset_id: assetId,
      headers: { accept: 'application/octet-stream' },
    });
    if (data instanceof ArrayBuffer) return Buffer.from(data);
    if (typeof data === 'string') return Buffer.from(data);
    return Buffer.from(data as Uint8Array);
  }

  async createRelease(input: {
    tag: string;
    commit: string;
    name: string;
    body: string;
    prerelease: boolean;
  }): Promise<Release> {
    return toRelease(
      await this.#call('POST /repos/{owner}/{repo}/releases', {
        tag_name: input.tag,
        target_commitish: input.commit,
        name: input.name,
        body: input.body,
        draft: true,
        prerelease: input.prerelease,
        make_latest: 'false',
      }),
    );
  }

  async uploadAsset(release: Release, name: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.#call(`POST ${release.uploadUrl}`, {
      name,
      data: bytes,
      headers: { 'content-type': contentType, 'content-length': bytes.byteLength },
    });
  }

  async publishRelease(id: number): Promise<Release> {
    return toRelease(
      await this.#call('PATCH /repos/{owner}/{repo}/releases/{release_id}', {
        release_id: id,
        draft: false,
        make_latest: 'false',
      }),
    );
  }

  async listJobsForRunAttempt(runId: number, attempt: number): Promise<WorkflowJob[]> {
    const jobs: WorkflowJob[] = [];
    for (let page = 1; ; page++) {
      const data = (await this.#call('GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs', {
        run_id: runId,
        attempt_number: attempt,
        per_page: 100,
        page,
      })) as {
        total_count: number;
        jobs: {
          name: string;
          status: string;
          conclusion: string | null;
          steps?: { name: string; conclusion: string | null }[];
        }[];
      };
      for (const job of data.jobs) {
        jobs.push({
          name: job.name,
          status: job.status,
          conclusion: job.conclusion,
          steps: (job.steps ?? []).map((s) => ({ name: s.name, conclusion: s.conclusion })),
        });
      }
      // A short page is the last; total_count guards against a page that repeats forever.
      if (data.jobs.length < 100 || jobs.length >= data.total_count) break;
    }
    return jobs;
  }

  async listArtifactsPage(page: number): Promise<{ totalCount: number; artifacts: RepositoryArtifact[] }> {
    const data = (await this.#call('GET /repos/{owner}/{repo}/actions/artifacts', {
      per_page: ARTIFACTS_PER_PAGE,
      page,
    })) as {
      total_count: number;
      artifacts: {
        id: number;
        name: string;
        size_in_bytes: number;
        created_at: string | null;
        expired: boolean;
        digest?: string | null;
        workflow_run?: { id?: number } | null;
      }[];
    };
    return {
      totalCount: data.total_count,
      artifacts: data.artifacts.map((a) => ({
        id: a.id,
        name: a.name,
        sizeInBytes: a.size_in_bytes,
        createdAt: a.created_at ?? '',
        expired: a.expired,
        digest: a.digest || undefined,
        runId: a.workflow_run?.id,
      })),
    };
  }

  async listRunApprovals(runId: number): Promise<RunApproval[]> {
    const data = (await this.#call('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', {
      run_id: runId,
    })) as {
      state: string;
      user?: { login?: string } | null;
      environments?: { name?: string }[];
      comment?: string | null;
    }[];
    // Bounded: what GitHub lists goes into the record, and the schema caps it.
    return data.slice(0, 100).map((review) => ({
      state: review.state === 'approved' || review.state === 'rejected' ? review.state : 'pending',
      user: String(review.user?.login ?? '').slice(0, 100),
      environments: (review.environments ?? []).slice(0, 50).map((e) => String(e.name ?? '').slice(0, 255)),
      comment: String(review.comment ?? '').slice(0, 4096),
    }));
  }

  async #call(route: string, params: Record<string, unknown>): Promise<unknown> {
    const label = `${route.split(' ')[0]} ${route.split(' ')[1]?.replace(/^https?:\/\/[^/]+/, '')}`;
    const limit = this.#retry.maxRateLimitWaitMs ?? 0;
    const timeout = this.#retry.requestTimeoutMs;
    for (;;) {
      try {
        const response = await withRetry(
          () =>
            this.#octokit.request(route, {
              owner: this.#owner,
              repo: this.#repo,
              ...params,
              // A request that is never answered would otherwise hold the job until its timeout.
              ...(timeout ? { request: { signal: AbortSignal.timeout(timeout) } } : {}),
            }),
          isTransient,
          this.#retry,
          (error, attempt, delay) =>
            this.#onRetry?.(`${label} failed (${describeStatus(error)}); retry ${attempt} in ${delay} ms`),
        );
        return response.data;
      } catch (error) {
        const wait = rateLimitWait(error, Date.now());
        if (!wait) throw apiError(label, error);
        // Waiting is bounded: a token whose hourly budget is spent would otherwise hold the runner
        // (and the remediation) for up to an hour without saying why.
        if (this.#rateLimitWaitedMs + wait.delayMs > limit) {
          throw new ServiceError(
            'RATE_LIMITED',
            `${label}: GitHub's API rate limit for this token is used up (${wait.reason}); waited ${Math.round(this.#rateLimitWaitedMs / 1000)} s of at most ${Math.round(limit / 1000)} s. Re-run after the limit resets, or use a token with its own budget (a GitHub App installation token)`,
            withStatus(error),
          );
        }
        this.#onRetry?.(`${label} was rate limited (${wait.reason}); waiting ${Math.ceil(wait.delayMs / 1000)} s`);
        await this.#sleep(wait.delayMs);
        this.#rateLimitWaitedMs += wait.delayMs;
      }
    }
  }

  async #tryGet(route: string, params: Record<string, unknown>): Promise<unknown> {
    try {
      return await this.#call(route, params);
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  }
}

function toRelease(value: unknown): Release {
  const r = value as {
    id: number;
    tag_name: string;
    draft: boolean;
    html_url: string;
    upload_url: string;
    assets?: { id: number; name: string; size: number }[];
  };
  return {
    id: r.id,
    tagName: r.tag_name,
    draft: r.draft,
    htmlUrl: r.html_url,
    uploadUrl: r.upload_url,
    assets: (r.assets ?? []).map((a) => ({ id: a.id, name: a.name, size: a.size })),
  };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The options of a ServiceError for a failed call: its cause, and its HTTP status when it had one. */
function withStatus(error: unknown): { cause: unknown; status?: number } {
  const status = statusOf(error);
  return status === undefined ? { cause: error } : { cause: error, status };
}

/**
 * A failed call as a ServiceError that names the operation and the status, never the body: a
 * 5xx answer is an HTML page, and an error body is GitHub's to change.
 */
function apiError(label: string, error: unknown): ServiceError {
  const status = statusOf(error);
  const hint =
    status === 401
      ? ': the token is missing or invalid'
      : status === 403
        ? ': the token lacks a permission this call needs (see the permissions in the README)'
        : status === 404
          ? ': not found (or the token cannot see it)'
          : status !== undefined && status >= 500
            ? ': GitHub is failing; re-run later'
            : '';
  return new ServiceError('GITHUB_API', `${label} failed (${describeStatus(error)})${hint}`, withStatus(error));
}

function describeStatus(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? `HTTP ${status}` : error instanceof Error ? error.message : String(error);
}

/** Git's object id of a blob: sha1 (40 hex) or sha256 (64 hex) of `blob <size>\0<content>`. */
export function gitBlobId(content: Uint8Array, idLength: number): string {
  const hash = createHash(idLength === 64 ? 'sha256' : 'sha1');
  hash.update(`blob ${content.byteLength}\0`);
  hash.update(content);
  return hash.digest('hex');
}

/** Blob requests in flight at once when reading a remediation through the API. */
export const BLOB_READS_IN_FLIGHT = 8;

/**
 * Reads git objects through the REST API, for when the checkout does not have the tag. It yields
 * the same entries as `git ls-tree -r`, so the digest is the same as from a local checkout.
 */
export class RestGitSource implements GitObjectSource {
  readonly #api: GitHubApi;

  constructor(api: GitHubApi) {
    this.#api = api;
  }

  async tryResolveTag(tag: string): Promise<string | undefined> {
    let object = await this.#api.tryGetRef(`tags/${tag}`);
    // Annotated tags (possibly nested) are peeled to the commit they name, as `^{commit}` does.
    for (let depth = 0; object && object.type === 'tag'; depth++) {
      if (depth > 10) throw new TrustError('MALFORMED', `tag ${tag}: too many nested tag objects`);
      object = await this.#api.getTag(object.sha);
    }
    if (object && object.type !== 'commit') {
      throw new TrustError('TAG_NOT_FOUND', `tag ${tag} points at a ${object.type}, expected a commit`);
    }
    return object?.sha;
  }

  async listTree(commit: string, dir: string): Promise<GitTreeEntry[]> {
    const tree = await this.#api.getTree(await this.#api.getCommitTree(commit));
    // A truncated listing could silently leave files out of the digest: refuse it.
    if (tree.truncated) {
      throw new TrustError(
        'UNSAFE_TREE',
        `the tree of ${commit} is too large for GitHub's API to list; check out the tag instead`,
      );
    }
    return tree.entries
      .filter((e) => e.path.startsWith(`${dir}/`) && e.type !== 'tree')
      .map((e) => ({ mode: e.mode, type: e.type as GitTreeEntry['type'], oid: e.sha, path: e.path }));
  }

  async readBlobs(oids: readonly string[]): Promise<Map<string, Buffer>> {
    const blobs = new Map<string, Buffer>();
    // A few requests in flight at once: a remediation of many files is not one round trip per
    // file in sequence, and the count stays well under GitHub's concurrency guidance.
    let next = 0;
    let failed = false;
    const worker = async (): Promise<void> => {
      while (!failed && next < oids.length) {
        const oid = oids[next++]!;
        try {
          blobs.set(oid, await this.#readBlob(oid));
        } catch (error) {
          failed = true; // the other workers stop asking; the first error is what the caller sees
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(BLOB_READS_IN_FLIGHT, oids.length) }, worker));
    return blobs;
  }

  async #readBlob(oid: string): Promise<Buffer> {
    const content = await this.#api.getBlob(oid);
    // The API's bytes must hash to the object id they were asked for (git's blob hash), so a
    // substituted answer is caught here, before the digest check would catch it anyway.
    if (gitBlobId(content, oid.length) !== oid) {
      throw new TrustError(
        'DIGEST_MISMATCH',
        `blob ${oid}: the content GitHub returned does not hash to its object id`,
      );
    }
    return content;
  }
}
