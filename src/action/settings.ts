import { createHash } from 'node:crypto';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.ts';
import { parseIdempotencyKey } from '../core/idempotency-key.ts';
import { parseParamsJson } from '../core/params-json.ts';
import { parseTargetFacts } from '../core/targets-config.ts';
import { PLAN_DIGEST_PATTERN } from '../core/plan-digest.ts';
import { parseVersionRef, type VersionRef } from '../core/version-ref.ts';
import { readGitHubEnvironment, type GitHubEnvironment } from '../app/github-environment.ts';
import { parseRunTarget, parseThreshold } from '../app/run-request.ts';

/** Where records are published. */
export type PublishTarget = 'artifact' | 'release' | 'both' | 'none';

/** Whether to attest the record on GitHub: `auto` when the job can mint an OIDC token, `true` always (fail if it cannot), `false` never. */
export type AttestSetting = 'auto' | 'true' | 'false';

/** The Action's inputs and the runner facts it needs, parsed once. */
export interface ActionSettings {
  /** The pinned version to run. */
  readonly ref: VersionRef;
  /** Parameters from the `params` JSON object. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Trusted public keys: PEM text blocks. */
  readonly trustedKeysPem: readonly string[];
  /** Key files in the workspace, when `trusted-keys` names paths instead of PEM text. */
  readonly trustedKeyPaths: readonly string[];
  /** Distinct trusted keys that must have signed the manifest (1-100). */
  readonly threshold: number;
  /** Lowest manifest serial accepted (replay protection), on top of the highest serial published. */
  readonly minSerial: number;
  /**
   * Recovery only (input `accept-older-serial`): the one manifest serial below the highest
   * published serial that this run accepts; recorded. Undefined (the default) refuses them all.
   */
  readonly acceptOlderSerial: number | undefined;
  /** `release` (the tag's release asset, plus the newest published manifest) or a workspace path. */
  readonly manifest: { readonly kind: 'release' } | { readonly kind: 'path'; readonly path: string };
  /** Verify and print the plan without running any step or writing a record. */
  readonly dryRun: boolean;
  /** Run the fix even when the check stage reports the system healthy. */
  readonly force: boolean;
  /** Run only the check stage and report `healthy` or `unhealthy` (input `check-only`); never a fix. */
  readonly checkOnly: boolean;
  /** What the run acts on (input `target`), recorded; undefined when empty. */
  readonly target: string | undefined;
  /** Facts about the target (input `target-facts`, a JSON object), each a TARGET_<NAME> variable of the steps; empty when none. */
  readonly targetFacts: Readonly<Record<string, string>>;
  /** Run even when the version's circuit breaker is open (input `ignore-circuit-breaker`); recorded. */
  readonly ignoreCircuitBreaker: boolean;
  /**
   * The alert's idempotency key (input `idempotency-key`); undefined when empty, and the run then
   * derives it from the repository_dispatch payload's `alert`.
   */
  readonly idempotencyKey: string | undefined;
  /**
   * A run record to replay (input `replay-of`, a folder in the workspace) and the snapshot digest
   * that authenticates it (input `replay-snapshot-digest`); undefined for an ordinary run.
   */
  readonly replay: { readonly dir: string; readonly snapshotDigest: string } | undefined;
  /**
   * The plan digest a reviewer approved (input `plan-digest`, the plan job's output): the run is
   * refused (PLAN_CHANGED) unless it plans exactly that. Undefined when empty.
   */
  readonly approvedPlanDigest: string | undefined;
  /**
   * The environment whose reviewers must have approved this run (input `approved-in`): refused
   * (NOT_APPROVED) unless the run's approvals list an approval there. Undefined when empty.
   */
  readonly approvedIn: string | undefined;
  /** Where the record is published. */
  readonly publish: PublishTarget;
  /** Appended to artifact names and release tags (one record per matrix leg), encoded by recordSuffix; '' for none. */
  readonly recordSuffix: string;
  /** Artifact retention in days (1-90), or undefined for the repository's default. */
  readonly retentionDays: number | undefined;
  /** The token the REST API is called with (input `github-token`); attestations are stored with it too. */
  readonly token: string;
  /** Whether to attest the closed record on GitHub (input `attest`). */
  readonly attest: AttestSetting;
  /**
   * Whether the job can request an OIDC token (it has `id-token: write`: the runner then sets
   * ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN).
   */
  readonly idTokenAvailable: boolean;
  /** The runner's variables, read once here. */
  readonly github: GitHubEnvironment;
  /** The checked-out repository (GITHUB_WORKSPACE). */
  readonly workspace: string;
  /** The runner's scratch folder (RUNNER_TEMP): the run's scratch space and records go under it. */
  readonly runnerTemp: string;
  /** Where the record folder is written (under RUNNER_TEMP). */
  readonly outDir: string;
  /** `owner/name`. */
  readonly repository: string;
  /** The workflow run's id (GITHUB_RUN_ID). */
  readonly runId: string;
  /** The run's attempt (GITHUB_RUN_ATTEMPT, 1 when unset). */
  readonly runAttempt: string;
  /** The GitHub server's web address, for links (GITHUB_SERVER_URL, github.com when unset). */
  readonly serverUrl: string;
}

/** Reads an input by name (core.getInput in the Action). */
export type InputReader = (name: string) => string;

/** Parses the Action's inputs and runner environment; throws UsageError naming the input to fix. */
export function readActionSettings(input: InputReader, env: NodeJS.ProcessEnv): ActionSettings {
  const github = readGitHubEnvironment(env);
  const workspace = required(github.workspace, 'GITHUB_WORKSPACE (run this inside a GitHub Actions job)');
  const runnerTemp = required(github.runnerTemp, 'RUNNER_TEMP (run this inside a GitHub Actions job)');
  const keysText = input('trusted-keys').trim();
  if (!keysText)
    throw new UsageError('USAGE', "input 'trusted-keys': expected PEM public keys or workspace paths of key files");
  // PEM blocks and path lines may be mixed; every line outside a block is a path, none dropped.
  const blocks = keysText.match(/-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g) ?? [];
  if (blocks.some((b) => !b.startsWith('-----BEGIN PUBLIC KEY-----'))) {
    throw new UsageError(
      'INVALID_KEY',
      "input 'trusted-keys': expected public keys (-----BEGIN PUBLIC KEY-----); a private key does not belong in a workflow input",
    );
  }
  const pems = blocks;
  const paths = blocks
    .reduce((text, block) => text.replace(block, '\n'), keysText)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((p) => inWorkspace(workspace, p, 'trusted-keys'));
  const manifestInput = input('manifest').trim() || 'release';
  return {
    ref: parseVersionRef(input('remediation').trim()),
    params: parseParams(input('params')),
    trustedKeysPem: pems,
    trustedKeyPaths: paths,
    threshold: parseThreshold(input('threshold') || undefined, "input 'threshold'"),
    minSerial: integer(input('min-serial') || '0', 'min-serial', 0, 1e9),
    acceptOlderSerial: input('accept-older-serial').trim()
      ? integer(input('accept-older-serial'), 'accept-older-serial', 1, 1e9)
      : undefined,
    manifest:
      manifestInput === 'release'
        ? { kind: 'release' }
        : { kind: 'path', path: inWorkspace(workspace, manifestInput, 'manifest') },
    dryRun: boolean(input('dry-run'), 'dry-run'),
    force: boolean(input('force'), 'force'),
    checkOnly: boolean(input('check-only'), 'check-only'),
    target: parseRunTarget(input('target').trim() || undefined, "input 'target'"),
    targetFacts: parseTargetFacts(input('target-facts'), "input 'target-facts'"),
    ignoreCircuitBreaker: boolean(input('ignore-circuit-breaker'), 'ignore-circuit-breaker'),
    idempotencyKey: input('idempotency-key').trim()
      ? parseIdempotencyKey(input('idempotency-key'), "input 'idempotency-key'")
      : undefined,
    replay: replaySettings(input, workspace),
    approvedPlanDigest: planDigestInput(input('plan-digest')),
    approvedIn: environmentInput(input('approved-in')),
    publish: publishTarget(input('publish') || 'both'),
    recordSuffix: recordSuffix(input('record-suffix')),
    retentionDays: input('retention-days') ? integer(input('retention-days'), 'retention-days', 1, 90) : undefined,
    token: input('github-token'),
    attest: attestSetting(input('attest') || 'auto'),
    idTokenAvailable: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL) && Boolean(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
    github,
    workspace,
    runnerTemp,
    outDir: join(runnerTemp, 'remediate-runs'),
    repository: required(github.repository, 'GITHUB_REPOSITORY'),
    runId: required(github.runId, 'GITHUB_RUN_ID'),
    runAttempt: github.runAttempt ?? '1',
    serverUrl: github.serverUrl ?? 'https://github.com',
  };
}

/**
 * The record to replay and its anchor. The digest is required: a record read from storage that
 * the record's own writer could change is authenticated only by something kept elsewhere (the
 * snapshot digest in the original run's job summary and outputs).
 */
function replaySettings(input: InputReader, workspace: string): ActionSettings['replay'] {
  const dir = input('replay-of').trim();
  const digest = input('replay-snapshot-digest').trim();
  if (!dir) {
    if (digest) throw new UsageError('USAGE', "input 'replay-snapshot-digest' is only used with 'replay-of'");
    return undefined;
  }
  if (!/^sha256:[0-9a-f]{64}$/.test(digest)) {
    throw new UsageError(
      'USAGE',
      `input 'replay-snapshot-digest': expected the replayed run's snapshot digest (sha256:<64 hex>, from its job summary or 'snapshot-digest' output), got '${digest.slice(0, 80)}'`,
    );
  }
  return { dir: inWorkspace(workspace, dir, 'replay-of'), snapshotDigest: digest };
}

/** An environment name (input `approved-in`): GitHub allows at most 255 characters, no control characters. */
function environmentInput(text: string): string | undefined {
  const value = text.trim();
  if (!value) return undefined;
  if (value.length > 255 || [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    throw new UsageError(
      'USAGE',
      `input 'approved-in': expected the name of the GitHub environment whose reviewers approve this run, got '${value.slice(0, 80)}'`,
    );
  }
  return value;
}

function planDigestInput(text: string): string | undefined {
  const value = text.trim();
  if (!value) return undefined;
  if (!PLAN_DIGEST_PATTERN.test(value)) {
    throw new UsageError(
      'USAGE',
      `input 'plan-digest': expected the plan job's plan digest (sha256:<64 hex>, its 'plan-digest' output), got '${value.slice(0, 80)}'`,
    );
  }
  return value;
}

function parseParams(text: string): Record<string, unknown> {
  const trimmed = text.trim();
  // `toJSON(github.event.client_payload.params)` of an event without params is `null`: none given.
  if (!trimmed || trimmed === 'null') return {};
  return parseParamsJson(trimmed, "input 'params'", 'e.g. ${{ toJSON(github.event.client_payload.params) }}');
}

// Paths from inputs are resolved inside the workspace: an input cannot make the Action read
// '/etc/...' or another job's files as keys or manifests.
function inWorkspace(workspace: string, path: string, name: string): string {
  const full = isAbsolute(path) ? path : resolve(workspace, path);
  const rel = relative(workspace, full);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new UsageError('USAGE', `input '${name}': expected a path inside the workspace, got '${path}'`);
  }
  return full;
}

/** Longest record suffix: `<run id>-<attempt>-<suffix>` names the record folder (at most 128). */
export const MAX_RECORD_SUFFIX = 64;
/** Characters of the readable start kept when a suffix is shortened to a digest. */
const SHORTENED_PREFIX = 30;

/**
 * Turns `record-suffix` into a name valid in artifact names, release tags (git's check-ref-format)
 * and folder names, distinct for distinct inputs: two matrix legs whose suffixes differ must
 * never share an artifact name (the second upload fails with 409) or a release tag.
 * Letters, digits and '-' stay; '.' stays except where git forbids it in a ref (a second '.' in a
 * row, a '.' at the end, the '.' of a final `.lock`); every other UTF-8 byte, '_' included, is
 * written `_xx` (two lowercase hex digits). So 'a b' is `a_20b`, never `a-b`; 'é' is `_c3_a9`,
 * never nothing. Decoding that is unambiguous, so the mapping is one-to-one. A result over
 * MAX_RECORD_SUFFIX keeps its readable start and ends in `_h` and 128 bits of the value's SHA-256:
 * `_h` never occurs in an unshortened name (after '_' always come two hex digits).
 */
export function recordSuffix(text: string): string {
  const bytes = Buffer.from(text.trim(), 'utf8');
  let encoded = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    const char = String.fromCharCode(byte);
    if (/^[A-Za-z0-9-]$/.test(char)) encoded += char;
    else if (char === '.' && !refForbidsDotAt(bytes, i)) encoded += char;
    else encoded += `_${byte.toString(16).padStart(2, '0')}`;
  }
  if (encoded.length <= MAX_RECORD_SUFFIX) return encoded;
  let prefix = encoded.slice(0, SHORTENED_PREFIX);
  // Never cut an escape in half: `_3` would read as the start of a different one.
  const cut = prefix.lastIndexOf('_');
  if (cut >= 0 && cut > prefix.length - 3) prefix = prefix.slice(0, cut);
  return `${prefix}_h${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}`;
}

// git check-ref-format: no '..' anywhere, and a ref (the suffix ends the release tag) cannot end
// with '.' or '.lock'.
function refForbidsDotAt(bytes: Buffer, i: number): boolean {
  const rest = bytes.subarray(i).toString('latin1');
  return rest === '.' || rest.startsWith('..') || rest === '.lock';
}

function integer(text: string, name: string, min: number, max: number): number {
  if (!/^\d{1,10}$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
    throw new UsageError('USAGE', `input '${name}': expected a whole number from ${min} to ${max}, got '${text}'`);
  }
  return Number(text);
}

function boolean(text: string, name: string): boolean {
  const value = text.trim().toLowerCase();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new UsageError('USAGE', `input '${name}': expected true or false, got '${text}'`);
}

function publishTarget(text: string): PublishTarget {
  const value = text.trim();
  if (value === 'artifact' || value === 'release' || value === 'both' || value === 'none') return value;
  throw new UsageError('USAGE', `input 'publish': expected artifact, release, both or none, got '${text}'`);
}

function attestSetting(text: string): AttestSetting {
  const value = text.trim().toLowerCase();
  if (value === 'auto' || value === 'true' || value === 'false') return value;
  throw new UsageError('USAGE', `input 'attest': expected auto, true or false, got '${text}'`);
}

function required(value: string | undefined, what: string): string {
  if (!value) throw new UsageError('USAGE', `missing ${what}`);
  return value;
}
