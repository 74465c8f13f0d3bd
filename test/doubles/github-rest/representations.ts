import type { GitCommitObject, GitRef, GitTagObject, GitTreeEntry } from './git-objects.ts';
import type { StoredArtifact, StoredJob } from './actions-state.ts';
import type { StoredAsset, StoredRelease } from './state.ts';

/**
 * Where the double lives and which repository it serves. Every URL in a response points back at
 * the double (API, uploads, downloads and html pages alike), so nothing a client follows leaves
 * loopback.
 */
export interface UrlContext {
  /** The double's origin, e.g. `http://127.0.0.1:40123`. */
  readonly origin: string;
  readonly owner: string;
  readonly repo: string;
}

function repoApi(ctx: UrlContext): string {
  return `${ctx.origin}/repos/${ctx.owner}/${ctx.repo}`;
}

function nodeId(prefix: string, value: string | number): string {
  return `${prefix}_${Buffer.from(String(value)).toString('base64url')}`;
}

/** The path a release asset's browser_download_url points at (on github.com it is the same path). */
export function browserDownloadPath(ctx: UrlContext, tag: string, name: string): string {
  return `/${ctx.owner}/${ctx.repo}/releases/download/${encodeURIComponent(tag)}/${encodeURIComponent(name)}`;
}

/** GitHub's Simple User for the Actions bot, which creates releases with GITHUB_TOKEN. */
export function actionsBot(ctx: UrlContext): Record<string, unknown> {
  return simpleUser(ctx, 'github-actions[bot]', 41898282, 'Bot');
}

/** GitHub's Simple User schema for `login`. */
export function simpleUser(ctx: UrlContext, login: string, id: number, type = 'User'): Record<string, unknown> {
  const user = `${ctx.origin}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: nodeId('U', id),
    avatar_url: `${ctx.origin}/avatars/u/${id}`,
    gravatar_id: '',
    url: user,
    html_url: `${ctx.origin}/${encodeURIComponent(login)}`,
    followers_url: `${user}/followers`,
    following_url: `${user}/following{/other_user}`,
    gists_url: `${user}/gists{/gist_id}`,
    starred_url: `${user}/starred{/owner}{/repo}`,
    subscriptions_url: `${user}/subscriptions`,
    organizations_url: `${user}/orgs`,
    repos_url: `${user}/repos`,
    events_url: `${user}/events{/privacy}`,
    received_events_url: `${user}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** A release asset (Release Asset schema). */
export function assetJson(ctx: UrlContext, release: StoredRelease, asset: StoredAsset): Record<string, unknown> {
  return {
    url: `${repoApi(ctx)}/releases/assets/${asset.id}`,
    id: asset.id,
    node_id: nodeId('RA', asset.id),
    name: asset.name,
    label: asset.label,
    uploader: actionsBot(ctx),
    content_type: asset.contentType,
    state: 'uploaded',
    size: asset.bytes.length,
    digest: asset.digest,
    download_count: asset.downloadCount,
    created_at: asset.createdAt,
    updated_at: asset.updatedAt,
    browser_download_url: `${ctx.origin}${browserDownloadPath(ctx, release.tagName, asset.name)}`,
  };
}

/** A release (Release schema); `upload_url` is a URI template on the double's own origin. */
export function releaseJson(ctx: UrlContext, release: StoredRelease): Record<string, unknown> {
  const api = `${repoApi(ctx)}/releases/${release.id}`;
  return {
    url: api,
    assets_url: `${api}/assets`,
    // On GitHub this is https://uploads.github.com/...; clients must take the origin from here.
    upload_url: `${api}/assets{?name,label}`,
    html_url: `${ctx.origin}/${ctx.owner}/${ctx.repo}/releases/tag/${encodeURIComponent(release.tagName)}`,
    id: release.id,
    author: actionsBot(ctx),
    node_id: nodeId('RE', release.id),
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    draft: release.draft,
    immutable: release.immutable,
    prerelease: release.prerelease,
    created_at: release.createdAt,
    updated_at: release.updatedAt,
    published_at: release.publishedAt,
    assets: release.assets.map((asset) => assetJson(ctx, release, asset)),
    tarball_url: `${repoApi(ctx)}/tarball/${encodeURIComponent(release.tagName)}`,
    zipball_url: `${repoApi(ctx)}/zipball/${encodeURIComponent(release.tagName)}`,
    body: release.body,
  };
}

function objectUrl(ctx: UrlContext, type: string, sha: string): string {
  const kind = type === 'commit' ? 'commits' : type === 'tag' ? 'tags' : type === 'tree' ? 'trees' : 'blobs';
  return `${repoApi(ctx)}/git/${kind}/${sha}`;
}

/** GitHub's verification block for an object it holds no signature for. */
const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };

/** A git reference (Git Reference schema). */
export function refJson(ctx: UrlContext, ref: GitRef): Record<string, unknown> {
  return {
    ref: ref.ref,
    node_id: nodeId('REF', ref.ref),
    url: `${repoApi(ctx)}/git/${ref.ref}`,
    object: { sha: ref.sha, type: ref.type, url: objectUrl(ctx, ref.type, ref.sha) },
  };
}

/** An annotated tag (Git Tag schema). */
export function tagJson(ctx: UrlContext, tag: GitTagObject): Record<string, unknown> {
  return {
    node_id: nodeId('TAG', tag.sha),
    sha: tag.sha,
    url: objectUrl(ctx, 'tag', tag.sha),
    tagger: tag.tagger,
    object: { sha: tag.objectSha, type: tag.objectType, url: objectUrl(ctx, tag.objectType, tag.objectSha) },
    tag: tag.tag,
    message: tag.message,
    verification: UNSIGNED,
  };
}

/** A commit (Git Commit schema). */
export function commitJson(ctx: UrlContext, commit: GitCommitObject): Record<string, unknown> {
  const html = `${ctx.origin}/${ctx.owner}/${ctx.repo}/commit`;
  return {
    sha: commit.sha,
    node_id: nodeId('C', commit.sha),
    url: objectUrl(ctx, 'commit', commit.sha),
    html_url: `${html}/${commit.sha}`,
    author: commit.author,
    committer: commit.committer,
    tree: { sha: commit.tree, url: objectUrl(ctx, 'tree', commit.tree) },
    message: commit.message,
    parents: commit.parents.map((sha) => ({ sha, url: objectUrl(ctx, 'commit', sha), html_url: `${html}/${sha}` })),
    verification: UNSIGNED,
  };
}

/** A tree listing (Git Tree schema); the double never truncates. */
export function treeJson(ctx: UrlContext, sha: string, entries: readonly GitTreeEntry[]): Record<string, unknown> {
  return {
    sha,
    url: objectUrl(ctx, 'tree', sha),
    tree: entries.map((entry) => ({
      path: entry.path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.size === undefined ? {} : { size: entry.size }),
      // Submodule entries (type commit) name a commit in another repository: GitHub gives no url.
      ...(entry.type === 'commit' ? {} : { url: objectUrl(ctx, entry.type, entry.sha) }),
    })),
    truncated: false,
  };
}

/** A blob (Blob schema): base64 wrapped at 60 columns with newlines, as GitHub sends it. */
export function blobJson(ctx: UrlContext, sha: string, bytes: Buffer): Record<string, unknown> {
  const base64 = bytes.toString('base64');
  const lines = base64.match(/.{1,60}/g) ?? [];
  return {
    sha,
    node_id: nodeId('B', sha),
    size: bytes.length,
    url: objectUrl(ctx, 'blob', sha),
    content: lines.map((line) => `${line}\n`).join(''),
    encoding: 'base64',
  };
}

/** A workflow job (Job schema), on a runner the double makes up. */
export function jobJson(ctx: UrlContext, job: StoredJob): Record<string, unknown> {
  const completed = job.status === 'completed';
  return {
    id: job.id,
    run_id: job.runId,
    run_url: `${repoApi(ctx)}/actions/runs/${job.runId}`,
    run_attempt: job.attempt,
    node_id: nodeId('CR', job.id),
    head_sha: '0'.repeat(40),
    url: `${repoApi(ctx)}/actions/jobs/${job.id}`,
    html_url: `${ctx.origin}/${ctx.owner}/${ctx.repo}/actions/runs/${job.runId}/job/${job.id}`,
    status: job.status,
    conclusion: job.conclusion,
    created_at: job.createdAt,
    started_at: job.createdAt,
    completed_at: completed ? job.createdAt : null,
    name: job.name,
    steps: job.steps.map((step) => ({
      name: step.name,
      status: step.status,
      conclusion: step.conclusion,
      number: step.number,
      started_at: job.createdAt,
      completed_at: step.status === 'completed' ? job.createdAt : null,
    })),
    check_run_url: `${repoApi(ctx)}/check-runs/${job.id}`,
    labels: ['self-hosted', 'linux'],
    runner_id: 1,
    runner_name: 'runner-1',
    runner_group_id: 1,
    runner_group_name: 'Default',
    workflow_name: 'remediate-fleet',
    head_branch: 'main',
  };
}

/** A workflow run artifact (Artifact schema). */
export function artifactJson(ctx: UrlContext, artifact: StoredArtifact): Record<string, unknown> {
  const api = `${repoApi(ctx)}/actions/artifacts/${artifact.id}`;
  return {
    id: artifact.id,
    node_id: nodeId('MDg6QXJ0aWZhY3Q', artifact.id),
    name: artifact.name,
    size_in_bytes: artifact.zip.length,
    url: api,
    archive_download_url: `${api}/zip`,
    expired: artifact.expired,
    created_at: artifact.createdAt,
    expires_at: artifact.expiresAt,
    updated_at: artifact.createdAt,
    digest: artifact.digest,
    workflow_run: {
      id: artifact.runId,
      repository_id: 1,
      head_repository_id: 1,
      head_branch: 'main',
      head_sha: '0'.repeat(40),
    },
  };
}

/** One review of a workflow run's deployment (Environment Approval schema). */
export function reviewJson(
  ctx: UrlContext,
  review: { state: string; login: string; environments: readonly string[]; comment: string },
  userId: number,
): Record<string, unknown> {
  return {
    environments: review.environments.map((name, i) => ({
      id: 1000 + i,
      node_id: nodeId('EN', name),
      name,
      url: `${repoApi(ctx)}/environments/${encodeURIComponent(name)}`,
      html_url: `${ctx.origin}/${ctx.owner}/${ctx.repo}/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
    })),
    state: review.state,
    user: simpleUser(ctx, review.login, userId),
    comment: review.comment,
  };
}
