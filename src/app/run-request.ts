// One run, as either front end asks for it: the CLI's `run` and the Action's main step build their
// RunSettings and RunDeps here, so a run has the same limits and timings whichever started it.
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.ts';
import { GroupProcessRunner } from '../adapters/process-runner.ts';
import { sha256Digest } from '../core/tree-digest.ts';
import { TARGET, TARGET_RULE } from '../core/dispatch-payload.ts';
import type { GitHubEnvironment } from './github-environment.ts';
import type { RunDeps, RunSettings } from './run.ts';
import { idempotencyKeyOfEvent, readGitHubEvent, triggerFromEnvironment } from './trigger.ts';

/** First delay before a step is retried; the executor doubles it per attempt. */
export const RETRY_BACKOFF_MS = 1000;
/**
 * Between SIGTERM and SIGKILL when a step is stopped. A cancelled GitHub job gets SIGTERM 7.5 s
 * after SIGINT: a step stopped at SIGINT is gone in time to finish the record before then.
 */
export const KILL_GRACE_MS = 2000;

/** Distinct trusted signatures a manifest needs when the caller asks for no number. */
export const DEFAULT_THRESHOLD = 1;
/** Fewest signatures a threshold may ask for: zero would accept an unsigned manifest. */
export const MIN_THRESHOLD = 1;
/** Most signatures a threshold may ask for: more keys than any trust set holds, so a larger number is a mistake. */
export const MAX_THRESHOLD = 100;

/**
 * Parses a signature threshold given as text (`label` names where: `--threshold`,
 * `input 'threshold'`); undefined gives DEFAULT_THRESHOLD. Throws UsageError outside
 * MIN_THRESHOLD..MAX_THRESHOLD.
 */
export function parseThreshold(text: string | undefined, label: string): number {
  if (text === undefined) return DEFAULT_THRESHOLD;
  const value = Number(text);
  if (!/^\d{1,10}$/.test(text) || value < MIN_THRESHOLD || value > MAX_THRESHOLD) {
    throw new UsageError(
      'USAGE',
      `${label}: expected a whole number from ${MIN_THRESHOLD} to ${MAX_THRESHOLD}, got '${text.slice(0, 40)}'`,
    );
  }
  return value;
}

/** A run's target: the one pattern every entry point checks (core/dispatch-payload.ts). */
export const RUN_TARGET = TARGET;

/** Checks a run's target given as text (`label`: `--target`); throws UsageError when it is not a short label. */
export function parseRunTarget(text: string | undefined, label: string): string | undefined {
  if (text === undefined) return undefined;
  if (!RUN_TARGET.test(text)) {
    throw new UsageError('USAGE', `${label}: expected a short label (${TARGET_RULE}), got '${text.slice(0, 60)}'`);
  }
  return text;
}

/**
 * The record's run id in a GitHub job: `<run id>-<attempt>`, and `-<suffix>` for one leg of a
 * matrix, so every attempt and every leg writes a record folder of its own.
 */
export function githubRunId(runId: string, attempt: string, suffix = ''): string {
  return `${runId}-${attempt}${suffix ? `-${suffix}` : ''}`;
}

/** A run as a front end asks for it; buildRunSettings adds what it reads from the machine. */
export interface RunRequest extends Omit<RunSettings, 'trigger' | 'toolDigest'> {
  /** The GitHub job the run belongs to, if any: who or what started it goes into the record. */
  readonly github: GitHubEnvironment;
  /** The running tool's own file, whose digest goes into the record. */
  readonly toolPath: string;
}

/**
 * The settings of a run: the request, its trigger, the digest of the tool that runs it, and in a
 * GitHub job the idempotency key of the event's alert when the request gives none (an explicit
 * key, --idempotency-key or the Action's input, overrides it).
 */
export async function buildRunSettings(request: RunRequest): Promise<RunSettings> {
  const { github, toolPath, ...settings } = request;
  const event = await readGitHubEvent(github);
  const idempotencyKey = settings.idempotencyKey ?? idempotencyKeyOfEvent(event);
  return {
    ...settings,
    ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    trigger: triggerFromEnvironment(github, event),
    toolDigest: sha256Digest(await readFile(toolPath)),
  };
}

/** What a front end supplies for a run: the sources, keys, environment, clock and where output goes. */
export type SuppliedRunDeps = Omit<RunDeps, 'runner' | 'retryBackoffMs' | 'killGraceMs'>;

/** The dependencies of a run: what the front end supplied, the process runner and the shared timings. */
export function buildRunDeps(supplied: SuppliedRunDeps): RunDeps {
  return {
    ...supplied,
    runner: new GroupProcessRunner(),
    retryBackoffMs: RETRY_BACKOFF_MS,
    killGraceMs: KILL_GRACE_MS,
  };
}
