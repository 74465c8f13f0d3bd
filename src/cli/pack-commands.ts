// The CLI commands the reusable workflows call, so their logic is tested code, not inline shell.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ExitCode, TrustError, UsageError, type ExitCodeValue } from '../errors.ts';
import { parseDispatchPayload } from '../core/dispatch-payload.ts';
import { formatIssue } from '../core/definition-parser.ts';
import { OctokitGitHubApi, type GitHubApi } from '../adapters/github-api.ts';
import { DEFAULT_RETRY } from '../adapters/retry.ts';
import { GitCli, gitEnvironment } from '../adapters/git-client.ts';
import { appendGitHubOutputs } from '../adapters/github-output.ts';
import type { CommandContext } from '../app/context.ts';
import { loadTrustedKeys } from '../app/load-keys.ts';
import { findNewestManifest } from '../app/newest-manifest.ts';
import { findPublishedManifest } from '../app/published-manifest.ts';
import { MANIFEST_ASSET, manifestTag } from '../core/manifest-home.ts';
import { authenticateManifest } from '../core/manifest-verifier.ts';
import { contentTypeFor, publishReleaseWithAssets } from '../app/publish-release.ts';
import { readRecord } from '../record/record-files.ts';
import { snapshotDigest } from '../record/record-verifier.ts';
import { countRows, renderRecordTable, rowOf } from '../app/summarize-records.ts';
import { checkManifestChange, renderValidation, validateChanges } from '../app/validate-changes.ts';
import type { RunSnapshot } from '../run/snapshot.ts';

/** `dispatch parse`: validates a repository_dispatch payload and writes it as step outputs. */
export async function dispatchParse(
  event: string,
  githubOutput: string | undefined,
  context: CommandContext,
): Promise<ExitCodeValue> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(event, 'utf8'));
  } catch (error) {
    throw new UsageError('INVALID_PARAMS', `cannot read the event payload ${event}`, { cause: error });
  }
  const request = parseDispatchPayload(parsed);
  const output = githubOutput ?? context.env.GITHUB_OUTPUT;
  const values = {
    remediation: request.remediation,
    params: JSON.stringify(request.params),
    target: request.target,
    'alert-digest': request.alertDigest,
  };
  if (output) await appendGitHubOutputs(output, values);
  context.out(
    `dispatch: ${request.remediation}${request.target ? ` on ${request.target}` : ''} (${Object.keys(request.params).length} parameter(s))`,
  );
  return ExitCode.ok;
}

/** `validate`: definitions changed since a base ref, with annotations and a review table. */
export async function validateCommand(
  base: string | undefined,
  summary: string | undefined,
  context: CommandContext,
): Promise<ExitCodeValue> {
  const git = new GitCli(context.cwd, gitEnvironment(context.env));
  const root = await git.topLevel();
  const results = await validateChanges(git, root, base);
  const onGitHub = context.env.GITHUB_ACTIONS === 'true';
  let invalid = 0;
  for (const result of results) {
    for (const issue of result.issues) {
      invalid++;
      context.out(
        onGitHub
          ? `::error file=${issue.file},line=${issue.line},col=${issue.column}::${escapeCommand(`${issue.path ? `${issue.path}: ` : ''}${issue.message}`)}`
          : `error: ${formatIssue(issue)}`,
      );
    }
    const state = result.issues.length
      ? 'invalid'
      : result.changedSinceRelease
        ? `changed; ship as ${result.name}/${result.nextVersion}`
        : 'unchanged since release';
    context.out(`${result.name}: ${state} (${result.newDigest ?? 'no digest'})`);
  }
  let manifestNote: string | undefined;
  let refusal: TrustError | undefined;
  if (base !== undefined) {
    try {
      manifestNote = await checkManifestChange(git, root, base);
    } catch (error) {
      if (!(error instanceof TrustError)) throw error;
      refusal = error;
      manifestNote = `❌ not append-only: ${error.message}`;
    }
  }
  if (summary) await appendFile(summary, renderValidation(results, manifestNote));
  if (refusal) throw refusal;
  return invalid ? ExitCode.usage : ExitCode.ok;
}

/** `summarize`: one table over many run records (drift sweeps, fleet rollouts). */
export async function summarizeCommand(
  dirs: readonly string[],
  summary: string | undefined,
  context: CommandContext,
): Promise<ExitCodeValue> {
  const rows = [];
  for (const dir of dirs) {
    const files = await readRecord(dir);
    rows.push(rowOf(JSON.parse(files.snapshot.toString('utf8')) as RunSnapshot, snapshotDigest(files.snapshot)));
  }
  const table = renderRecordTable(rows);
  if (summary) await appendFile(summary, table);
  context.out(table);
  return countRows(rows).failed ? ExitCode.failed : ExitCode.ok;
}

/** `github newest-manifest`: the highest-serial manifest on the repository's releases. */
export async function newestManifestCommand(
  out: string,
  trustedKeys: readonly string[],
  context: CommandContext,
): Promise<ExitCodeValue> {
  const keys = trustedKeys.length ? await loadTrustedKeys(trustedKeys) : [];
  const newest = await findNewestManifest(await githubApi(context.env, context.err), keys);
  if (!newest) {
    context.out('No manifest has been published in this repository yet: this is the first release; nothing written');
    return ExitCode.ok;
  }
  await writeFile(out, newest.bytes);
  context.out(`wrote ${out}: serial ${newest.serial} from release ${newest.release}`);
  return ExitCode.ok;
}

/**
 * `github publish-manifest`: publishes a signed manifest as the release `manifest/s<serial>`,
 * where runs find the newest one in a constant number of API calls. Re-running with the same
 * manifest is a no-op, so a failed release job can be re-run.
 */
export async function publishManifestCommand(
  options: { manifest: string; trustedKeys: readonly string[]; target: string },
  context: CommandContext,
): Promise<ExitCodeValue> {
  if (options.trustedKeys.length === 0) {
    throw new UsageError(
      'USAGE',
      'github publish-manifest: give --trusted-key <pub>: only a manifest they signed is published',
    );
  }
  const keys = await loadTrustedKeys(options.trustedKeys);
  const bytes = await readFile(options.manifest);
  // Publishing something unsigned or signed by another key would only make runs skip it; refuse early.
  const serial = authenticateManifest(bytes, keys, 1).payload.serial;
  const tag = manifestTag(serial);
  const api = await githubApi(context.env, context.err);
  const existing = await api.tryGetReleaseByTag(tag);
  if (existing) {
    const asset = existing.assets.find((a) => a.name === MANIFEST_ASSET);
    if (asset && (await api.downloadAsset(asset.id)).equals(bytes)) {
      context.out(`${tag} is already published with this manifest: ${existing.htmlUrl}`);
      return ExitCode.ok;
    }
    throw new TrustError(
      'VERSION_EXISTS',
      `release ${tag} already exists with another manifest: serial ${serial} was published before; sign serial ${serial + 1} on top of the newest manifest instead`,
    );
  }
  // Publishing an older serial than the newest would at best be passed over, and at worst (the
  // newer one deleted later) become what releases build on: only newer manifests are published.
  const newest = await findPublishedManifest(api, { keys, threshold: 1 });
  if (newest && newest.serial >= serial) {
    throw new TrustError(
      'SERIAL_ROLLBACK',
      `manifest serial ${serial} is not newer than the published ${newest.tag}; publish only a manifest signed on top of it (serial ${newest.serial + 1} or more)`,
    );
  }
  const git = new GitCli(context.cwd, gitEnvironment(context.env));
  const commit = await git.tryResolveCommit(options.target);
  if (!commit) throw new UsageError('USAGE', `--target ${options.target} names no commit in this checkout`);
  const published = await publishReleaseWithAssets(api, {
    tag,
    commit,
    name: `Remediation manifest, serial ${serial}`,
    body: `Signed remediation manifest, serial ${serial}. Runs use the manifest with the highest serial published under a \`manifest/s<serial>\` tag.`,
    prerelease: false,
    assets: [{ name: MANIFEST_ASSET, bytes, contentType: contentTypeFor(MANIFEST_ASSET) }],
  });
  context.out(`published ${tag}: ${published.url}`);
  return ExitCode.ok;
}

/** `github publish-release`: draft, assets, publish, for a pushed tag. */
export async function publishReleaseCommand(
  options: { tag: string; assets: readonly string[]; notesFile: string | undefined; prerelease: boolean },
  context: CommandContext,
): Promise<ExitCodeValue> {
  const git = new GitCli(context.cwd, gitEnvironment(context.env));
  const commit = await git.tryResolveTag(options.tag);
  if (!commit)
    throw new TrustError('TAG_NOT_FOUND', `tag ${options.tag} does not exist in this checkout; fetch tags first`);
  const assets = await Promise.all(
    options.assets.map(async (file) => ({
      name: basename(file),
      bytes: await readFile(file),
      contentType: contentTypeFor(file),
    })),
  );
  const body = options.notesFile ? await readFile(options.notesFile, 'utf8') : '';
  const published = await publishReleaseWithAssets(await githubApi(context.env, context.err), {
    tag: options.tag,
    commit,
    name: options.tag,
    body,
    prerelease: options.prerelease,
    assets,
  });
  context.out(`published ${published.tag} with ${assets.map((a) => a.name).join(', ')}: ${published.url}`);
  return ExitCode.ok;
}

async function githubApi(env: NodeJS.ProcessEnv, report?: (line: string) => void): Promise<GitHubApi> {
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
  if (!token) throw new UsageError('USAGE', 'set GITHUB_TOKEN (on GitHub: env: GITHUB_TOKEN: ${{ github.token }})');
  const repository = env.GITHUB_REPOSITORY;
  if (!repository) throw new UsageError('USAGE', 'set GITHUB_REPOSITORY to owner/name');
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token, { baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com' });
  return new OctokitGitHubApi(octokit, repository, DEFAULT_RETRY, report);
}

/** Escapes a workflow command's message (GitHub's rules: %, CR, LF). */
function escapeCommand(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
