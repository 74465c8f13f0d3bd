// The CLI commands the reusable workflows call, so their logic is tested code, not inline shell.
import { appendFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describeError, ExitCode, TrustError, UsageError, type ExitCodeValue } from '../errors.ts';
import { parseDispatchPayload } from '../core/dispatch-payload.ts';
import { formatIssue } from '../core/definition-parser.ts';
import { OctokitGitHubApi, type GitHubApi } from '../adapters/github-api.ts';
import { DEFAULT_RETRY } from '../adapters/retry.ts';
import { GitCli, gitEnvironment } from '../adapters/git-client.ts';
import { appendGitHubOutputs } from '../adapters/github-output.ts';
import { artifactClientFor, type RunArtifacts } from '../adapters/run-artifacts.ts';
import type { CommandContext } from '../app/context.ts';
import type { Report } from './report.ts';
import type { GitHubEnvironment } from '../app/github-environment.ts';
import { decideFleetGate, recordSuffixOf } from '../app/fleet-gate.ts';
import {
  decideBlastRadius,
  formatLimit,
  legsToFix,
  renderBlastRadius,
  type PlannedLeg,
  type TargetCheck,
  type UnhealthyLimit,
} from '../app/blast-radius.ts';
import { loadTrustedKeys } from '../app/load-keys.ts';
import { readManifest } from '../app/manifest-file.ts';
import { readBoundedFile } from '../adapters/bounded-file.ts';
import { findNewestManifest } from '../app/newest-manifest.ts';
import { findPublishedManifest } from '../app/published-manifest.ts';
import { MANIFEST_ASSET, manifestTag } from '../core/manifest-home.ts';
import { authenticateManifest } from '../core/manifest-verifier.ts';
import { contentTypeFor, publishReleaseWithAssets } from '../app/publish-release.ts';
import { readRecord } from '../record/record-files.ts';
import { snapshotDigest } from '../record/record-verifier.ts';
import { countRows, renderRecordTable } from '../app/summarize-records.ts';
import { rowOfSnapshot } from '../app/run-list.ts';
import {
  checkManifestChange,
  checkTargetsFile,
  renderValidation,
  shownName,
  validateChanges,
} from '../app/validate-changes.ts';
import { shellcheckOn } from '../adapters/shellcheck.ts';
import { parseSnapshot } from '../record/read-snapshot.ts';
import { readTargetsFile, routeLegs, routeOutput, type RouteOutput } from '../app/target-routing.ts';
import { resolveTarget } from '../core/targets-config.ts';

/** Largest event payload file read: GitHub's limit for a webhook payload. */
const MAX_EVENT_FILE_BYTES = 25 * 1024 * 1024;

/** `dispatch parse`: validates a repository_dispatch payload and writes it as step outputs. */
export async function dispatchParse(
  event: string,
  githubOutput: string | undefined,
  github: GitHubEnvironment,
  context: CommandContext,
): Promise<ExitCodeValue> {
  // Bounded like every file the caller names; GitHub caps webhook payloads at 25 MB.
  const bytes = readBoundedFile(event, { label: '--event', maxBytes: MAX_EVENT_FILE_BYTES });
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new UsageError('INVALID_PARAMS', `cannot read the event payload ${event}`, { cause: error });
  }
  const request = parseDispatchPayload(parsed);
  const output = githubOutput ?? github.output;
  const values = {
    remediation: request.remediation,
    params: JSON.stringify(request.params),
    target: request.target,
    'alert-digest': request.alertDigest,
    'idempotency-key': request.idempotencyKey,
  };
  if (output) await appendGitHubOutputs(output, values);
  context.out(
    `dispatch: ${request.remediation}${request.target ? ` on ${request.target}` : ''} (${Object.keys(request.params).length} parameter(s))${request.idempotencyKey ? `, idempotency key ${request.idempotencyKey}` : ''}`,
  );
  return ExitCode.ok;
}

/** Options of `targets resolve`. */
export interface TargetsResolveOptions {
  /** One target (--target), or the legs of a drift or fleet plan (--legs JSON). */
  readonly route: { readonly target: string } | { readonly legs: string };
  readonly file: string;
  readonly githubOutput: string | undefined;
}

/**
 * `targets resolve`: the runner labels and facts of one target (outputs `target`, `runs-on` as a
 * JSON list for fromJSON, `facts` as a JSON object), or of every leg's target (output `routes`,
 * keyed by target). A missing or invalid file, a hostile name (exit 2) or an unknown target
 * (exit 3, UNKNOWN_TARGET) writes no output, so the job that would request the runner never starts.
 */
export async function targetsResolveCommand(
  options: TargetsResolveOptions,
  github: GitHubEnvironment,
  context: CommandContext,
): Promise<ExitCodeValue> {
  const config = readTargetsFile(options.file);
  const output = options.githubOutput ?? github.output;
  const describe = (target: string, route: RouteOutput) => {
    const facts = Object.keys(route.facts);
    return `target ${target}: runs-on ${JSON.stringify(route['runs-on'])}${facts.length ? `, facts ${facts.join(', ')}` : ''}`;
  };
  if ('target' in options.route) {
    const { target } = options.route;
    const route = routeOutput(resolveTarget(config, target, options.file));
    // JSON.stringify keeps each value on one line; the delimiter form keeps any value from adding outputs.
    if (output) {
      await appendGitHubOutputs(output, {
        target,
        'runs-on': JSON.stringify(route['runs-on']),
        facts: JSON.stringify(route.facts),
      });
    }
    context.out(describe(target, route));
    return ExitCode.ok;
  }
  const routes = routeLegs(config, options.route.legs, options.file);
  if (output) await appendGitHubOutputs(output, { routes: JSON.stringify(routes) });
  for (const [target, route] of Object.entries(routes)) context.out(describe(target, route));
  return ExitCode.ok;
}

/** `validate`: definitions changed since a base ref, with annotations and a review table. */
export async function validateCommand(
  base: string | undefined,
  summary: string | undefined,
  github: GitHubEnvironment,
  context: CommandContext,
  report: Report,
): Promise<ExitCodeValue> {
  const git = new GitCli(context.cwd, gitEnvironment(context.env));
  const root = await git.topLevel();
  const results = await validateChanges(git, root, base, shellcheckOn(context.env.PATH));
  const onGitHub = github.actions;
  let invalid = 0;
  // Said once, not silently skipped: whoever reads the output knows the scripts were not linted.
  if (results.some((result) => result.lint === 'missing')) report.note('shellcheck not found; shell lint skipped');
  for (const result of results) {
    for (const issue of result.issues) {
      invalid++;
      report.line(
        onGitHub
          ? `::error file=${escapeProperty(issue.file)},line=${issue.line},col=${issue.column}::${escapeCommand(`${issue.path ? `${issue.path}: ` : ''}${issue.message}`)}`
          : `error: ${formatIssue(issue)}`,
      );
    }
    // shellcheck's findings are advice: printed (annotated on GitHub), never a reason to fail;
    // under --json on stderr, and in the document.
    for (const warning of result.warnings) {
      report.line(
        onGitHub
          ? `::warning file=${escapeProperty(warning.file)},line=${warning.line},col=${warning.column}::${escapeCommand(`${warning.path ? `${warning.path}: ` : ''}${warning.message}`)}`
          : `warning: ${formatIssue(warning)}`,
      );
    }
    const state = result.issues.length
      ? 'invalid'
      : result.changedSinceRelease
        ? `changed; ship as ${result.name}/${result.nextVersion}`
        : 'unchanged since release';
    // --quiet: only the problems (the issue lines above).
    report.detail(`${shownName(result.name)}: ${state} (${result.newDigest ?? 'no digest'})`);
  }
  report.know({
    remediations: results.map((result) => ({
      name: result.name,
      valid: result.issues.length === 0,
      issues: result.issues,
      warnings: result.warnings,
      digest: result.newDigest ?? null,
      latestTag: result.latestTag ?? null,
      latestDigest: result.latestDigest ?? null,
      changedSinceRelease: result.changedSinceRelease,
      nextVersion: result.nextVersion,
    })),
  });
  // The targets file routing reads (when the repository has one): its problems fail validation too.
  const targets = checkTargetsFile(root);
  for (const issue of targets?.issues ?? []) {
    report.line(
      onGitHub
        ? `::error file=${escapeProperty(issue.file)},line=${issue.line},col=${issue.column}::${escapeCommand(`${issue.path ? `${issue.path}: ` : ''}${issue.message}`)}`
        : `error: ${formatIssue(issue)}`,
    );
  }
  if (targets) report.detail(`${targets.file}: ${targets.issues.length ? 'invalid' : 'valid'}`);
  report.know({
    targets: targets ? { file: targets.file, valid: targets.issues.length === 0, issues: targets.issues } : null,
  });
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
  if (summary) await appendFile(summary, renderValidation(results, manifestNote, targets));
  report.know({ manifest: manifestNote ?? null });
  if (refusal) throw refusal;
  const targetProblems = targets?.issues.length ?? 0;
  const problems =
    invalid + targetProblems === 0
      ? undefined
      : [
          invalid ? `${invalid} problem(s) in ${results.filter((r) => r.issues.length > 0).length} remediation(s)` : '',
          targetProblems ? `${targetProblems} problem(s) in ${targets?.file}` : '',
        ]
          .filter(Boolean)
          .join('; ');
  return report.finish({
    status: problems === undefined ? 'valid' : 'invalid',
    exitCode: problems === undefined ? ExitCode.ok : ExitCode.usage,
    code: problems === undefined ? null : invalid > 0 ? 'INVALID_DEFINITION' : 'INVALID_CONFIG',
    message: problems ?? null,
  });
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
    rows.push(rowOfSnapshot(parseSnapshot(files.snapshot, dir), snapshotDigest(files.snapshot), dir));
  }
  const table = renderRecordTable(rows);
  if (summary) await appendFile(summary, table);
  context.out(table);
  return countRows(rows).failed ? ExitCode.failed : ExitCode.ok;
}

/** Options of `blast-radius`. */
export interface BlastRadiusOptions {
  readonly dirs: readonly string[];
  readonly maxUnhealthy: UnhealthyLimit;
  readonly total: number;
  /** The plan's legs (drift.yml's approval mode): also write the legs that need a fix. */
  readonly legs: readonly PlannedLeg[] | undefined;
  /** Every leg needs a fix (a check leg did not succeed: its record may be missing or another's). */
  readonly holdAll: boolean;
  readonly githubOutput: string | undefined;
  readonly summary: string | undefined;
}

/**
 * `blast-radius`: the gate between the check-only legs and the fix legs of drift.yml and
 * fleet.yml. Reads each check-only record, counts the targets not known to be healthy (drift
 * found, no usable answer, no record), writes `unhealthy`, `allowed` and `over` outputs and a
 * summary naming them, and refuses (TOO_MANY_UNHEALTHY, exit 3) when more than allowed: then
 * the fix legs do not run. A record that cannot be read counts as unhealthy and is named.
 */
export async function blastRadiusCommand(
  options: BlastRadiusOptions,
  github: GitHubEnvironment,
  context: CommandContext,
): Promise<ExitCodeValue> {
  const checks: TargetCheck[] = [];
  for (const dir of options.dirs) {
    const folder = basename(dir.replace(/\/+$/, ''));
    try {
      const snapshot = parseSnapshot((await readRecord(dir)).snapshot, dir);
      checks.push({
        target: rowOfSnapshot(snapshot, '', dir).target ?? folder,
        status: snapshot.status,
        checkOnly: snapshot.checkOnly === true,
        record: dir,
        ran: {
          remediation: `${snapshot.remediation.name}@${snapshot.remediation.version}`,
          target: snapshot.target ?? '',
        },
      });
    } catch (error) {
      // Fails closed: whoever can damage a record must not make its target look healthy.
      checks.push({
        target: folder,
        status: undefined,
        checkOnly: false,
        record: dir,
        problem: `unreadable record: ${describeError(error).slice(0, 200)}`,
      });
    }
  }
  // Named in target order, not in the order the records were downloaded (the summary and the
  // refusal read the same on every run).
  checks.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  const radius = decideBlastRadius(checks, options.total, options.maxUnhealthy);
  const toFix = options.legs === undefined ? undefined : legsToFix(options.legs, checks, options.holdAll);
  const output = options.githubOutput ?? github.output;
  const summary = options.summary ?? github.stepSummary;
  if (output) {
    await appendGitHubOutputs(output, {
      unhealthy: String(radius.counted),
      allowed: String(radius.allowed),
      over: String(radius.over),
      // JSON.stringify keeps the list on one line: it cannot add another output.
      ...(toFix !== undefined ? { 'fix-legs': JSON.stringify(toFix), 'fix-count': String(toFix.length) } : {}),
    });
  }
  const report =
    renderBlastRadius(radius, options.maxUnhealthy) +
    (toFix === undefined || radius.over
      ? ''
      : `\n${toFix.length} of ${options.legs?.length ?? 0} leg(s) need a fix${toFix.length ? ' and wait for approval' : '; nothing to approve, nothing runs'}.\n`);
  if (summary) await appendFile(summary, report);
  context.out(report);
  if (!radius.over) return ExitCode.ok;
  const named = [...radius.unhealthy, ...radius.unknown].map((c) => c.target);
  const message = `${radius.counted} of ${radius.total} target(s) need fixing or gave no usable check (max-unhealthy ${formatLimit(options.maxUnhealthy)} allows ${radius.allowed}); no target is fixed${named.length ? `: ${named.slice(0, 20).join(', ')}${named.length > 20 ? `, and ${named.length - 20} more` : ''}` : ''}${radius.missing ? `; ${radius.missing} left no check record` : ''}`;
  if (github.actions) context.out(`::error title=blast radius::${escapeCommand(message)}`);
  throw new TrustError('TOO_MANY_UNHEALTHY', message);
}

/** `github newest-manifest`: the highest-serial manifest on the repository's releases. */
export async function newestManifestCommand(
  out: string,
  trustedKeys: readonly string[],
  github: GitHubEnvironment,
  context: CommandContext,
): Promise<ExitCodeValue> {
  const keys = trustedKeys.length ? await loadTrustedKeys(trustedKeys) : [];
  const newest = await findNewestManifest(await githubApi(github, context.err), keys);
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
  github: GitHubEnvironment,
  context: CommandContext,
): Promise<ExitCodeValue> {
  if (options.trustedKeys.length === 0) {
    throw new UsageError(
      'USAGE',
      'github publish-manifest: give --trusted-key <pub>: only a manifest they signed is published',
    );
  }
  const keys = await loadTrustedKeys(options.trustedKeys);
  const bytes = await readManifest(options.manifest);
  // Publishing something unsigned or signed by another key would only make runs skip it; refuse early.
  const serial = authenticateManifest(bytes, keys, 1).payload.serial;
  const tag = manifestTag(serial);
  const api = await githubApi(github, context.err);
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

/** Largest release asset GitHub accepts (2 GiB), minus one byte. */
const MAX_RELEASE_ASSET_BYTES = 2 ** 31 - 1;
/** Largest release notes file read: GitHub refuses a release body over 125,000 characters. */
const MAX_NOTES_FILE_BYTES = 1024 * 1024;

/** `github publish-release`: draft, assets, publish, for a pushed tag. */
export async function publishReleaseCommand(
  options: { tag: string; assets: readonly string[]; notesFile: string | undefined; prerelease: boolean },
  github: GitHubEnvironment,
  context: CommandContext,
): Promise<ExitCodeValue> {
  const git = new GitCli(context.cwd, gitEnvironment(context.env));
  const commit = await git.tryResolveTag(options.tag);
  if (!commit)
    throw new TrustError('TAG_NOT_FOUND', `tag ${options.tag} does not exist in this checkout; fetch tags first`);
  const assets = await Promise.all(
    options.assets.map(async (file) => ({
      name: basename(file),
      // GitHub's limit for one release asset.
      bytes: readBoundedFile(file, { label: '--asset', maxBytes: MAX_RELEASE_ASSET_BYTES }),
      contentType: contentTypeFor(file),
    })),
  );
  const body = options.notesFile
    ? readBoundedFile(options.notesFile, { label: '--notes-file', maxBytes: MAX_NOTES_FILE_BYTES }).toString('utf8')
    : '';
  const published = await publishReleaseWithAssets(await githubApi(github, context.err), {
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

/** Options of `github fleet-gate`. */
export interface FleetGateOptions {
  /** Text every leg's job name contains (`fleet <remediation> on `). */
  readonly legPrefix: string;
  /** Legs skip their run once this many legs failed. */
  readonly maxFailures: number;
  /** Name of the gate step itself: a leg that failed there never ran the remediation. */
  readonly gateStep: string;
  readonly githubOutput: string | undefined;
  readonly summary: string | undefined;
}

/**
 * `github fleet-gate`: counts this run attempt's failed fleet legs and writes `skip=true|false`.
 * When the jobs cannot be read the leg fails (exit 1) with an error saying why: an unknown count
 * must not read as zero, and the leg must not pass silently.
 */
export async function fleetGateCommand(
  options: FleetGateOptions,
  github: GitHubEnvironment,
  context: CommandContext,
): Promise<ExitCodeValue> {
  const { runId, attempt } = runOf(github);
  const output = options.githubOutput ?? github.output;
  const summary = options.summary ?? github.stepSummary;
  const api = await githubApi(github, context.err);
  let jobs;
  try {
    jobs = await api.listJobsForRunAttempt(runId, attempt);
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const why = typeof status === 'number' ? `HTTP ${status}` : error instanceof Error ? error.message : String(error);
    const hint = status === 403 || status === 404 ? ' (the calling job must grant actions: read)' : '';
    context.out(
      `::error title=fleet gate::cannot read the jobs of run ${runId} attempt ${attempt}: ${escapeCommand(why)}${hint}. This leg does not run; other legs do not count it as a failed fix.`,
    );
    if (summary) await appendFile(summary, `Not run: the fleet gate could not read this run's jobs (${why})${hint}.\n`);
    return ExitCode.failed;
  }
  const decision = decideFleetGate(jobs, options.legPrefix, options.gateStep, options.maxFailures);
  if (output)
    await appendGitHubOutputs(output, { skip: String(decision.kind === 'skip'), failed: String(decision.failed) });
  if (decision.notCounted > 0)
    context.out(
      `::warning title=fleet gate::${decision.notCounted} leg(s) failed in their own gate (API error) and are not counted as failed fixes`,
    );
  if (decision.kind === 'skip') {
    context.out(
      `::warning title=fleet stopped::${decision.failed} leg(s) already failed (max-failures ${options.maxFailures}); this target is skipped`,
    );
    if (summary)
      await appendFile(
        summary,
        `Skipped: ${decision.failed} leg(s) of this fleet had already failed (max-failures ${options.maxFailures}).\n`,
      );
  } else {
    context.out(`fleet gate: ${decision.failed} failed leg(s) so far, max-failures ${options.maxFailures}: run`);
  }
  return ExitCode.ok;
}

/** Options of `github download-records`. */
export interface DownloadRecordsOptions {
  readonly dir: string;
  /** Only records whose record suffix starts with this. */
  readonly suffixPrefix: string | undefined;
  /** No record whose record suffix starts with this. */
  readonly skipSuffixPrefix: string | undefined;
}

/**
 * `github download-records`: downloads the record artifacts of this run attempt, or of `run` (an
 * earlier run of this repository, for a replay), `remediation-*-<run id>-<attempt>-*`, each into
 * `<dir>/<artifact name>/`, optionally only those whose record suffix starts (or does not start)
 * with a prefix: the workflows keep their check-only legs' records (`check-<leg>`) apart from
 * their fix legs'. Finding none is not an error here; the caller decides what a missing record
 * means.
 */
export async function downloadRecordsCommand(
  options: DownloadRecordsOptions,
  github: GitHubEnvironment,
  context: CommandContext,
  run: { readonly runId: number; readonly attempt: number } | undefined = undefined,
  artifactsFor: (token: string, repository: string, runId: number) => Promise<RunArtifacts> = (
    token,
    repository,
    runId,
  ) => artifactClientFor({ token, repository, runId }),
): Promise<ExitCodeValue> {
  const { runId, attempt } = run ?? runOf(github);
  const { token, repository } = githubTarget(github);
  const artifacts = await artifactsFor(token, repository, runId);
  const { dir, suffixPrefix, skipSuffixPrefix } = options;
  const records = (await artifacts.list()).filter((a) => {
    const suffix = recordSuffixOf(a.name, runId, attempt);
    if (suffix === undefined) return false;
    if (suffixPrefix !== undefined) return suffix.startsWith(suffixPrefix);
    if (skipSuffixPrefix !== undefined) return !suffix.startsWith(skipSuffixPrefix);
    return true;
  });
  const refused: string[] = [];
  for (const record of records) {
    // Unzipped into a scratch folder and moved into place only once its digest matched: the
    // client unzips before it compares, and a swapped zip must never be tabled as a record.
    const target = join(dir, record.name);
    const scratch = join(dir, `.partial-${record.name}`);
    await rm(scratch, { recursive: true, force: true });
    await mkdir(scratch, { recursive: true });
    const matched = record.digest !== undefined && (await artifacts.download(record, scratch));
    if (!matched) {
      await rm(scratch, { recursive: true, force: true });
      refused.push(record.name);
      context.err(
        `artifact ${record.name}: ${record.digest === undefined ? 'GitHub lists no digest for it' : 'the downloaded zip does not match its listed digest'}; not used`,
      );
      continue;
    }
    await rename(scratch, target);
    context.out(`downloaded ${record.name}`);
  }
  context.out(`${records.length - refused.length} record artifact(s) of run ${runId} attempt ${attempt} in ${dir}`);
  if (refused.length) {
    throw new TrustError(
      'DIGEST_MISMATCH',
      `${refused.length} record artifact(s) could not be checked against their listed digest and were left out: ${refused.join(', ')}`,
    );
  }
  return ExitCode.ok;
}

/** This run's id and attempt, from the runner's variables. */
function runOf(github: GitHubEnvironment): { runId: number; attempt: number } {
  const runId = Number(github.runId);
  const attempt = Number(github.runAttempt ?? '1');
  if (!Number.isSafeInteger(runId) || runId < 1 || !Number.isSafeInteger(attempt) || attempt < 1)
    throw new UsageError('USAGE', 'set GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT (the runner sets both in every step)');
  return { runId, attempt };
}

function githubTarget(github: GitHubEnvironment): { token: string; repository: string } {
  const { token, repository } = github;
  if (!token) throw new UsageError('USAGE', 'set GITHUB_TOKEN (on GitHub: env: GITHUB_TOKEN: ${{ github.token }})');
  if (!repository) throw new UsageError('USAGE', 'set GITHUB_REPOSITORY to owner/name');
  return { token, repository };
}

async function githubApi(github: GitHubEnvironment, report?: (line: string) => void): Promise<GitHubApi> {
  const { token, repository } = githubTarget(github);
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token, { baseUrl: github.apiUrl ?? 'https://api.github.com' });
  return new OctokitGitHubApi(octokit, repository, DEFAULT_RETRY, report);
}

/**
 * Escapes a workflow command's property value (GitHub's rules: the message's, plus `:` and `,`).
 * A file name is the pull request's to choose: unescaped, `x,line=1::text` in it would end the
 * property and write an annotation of its own choosing.
 */
function escapeProperty(text: string): string {
  return escapeCommand(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Escapes a workflow command's message (GitHub's rules: %, CR, LF). */
function escapeCommand(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
