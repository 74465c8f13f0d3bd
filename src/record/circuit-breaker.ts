// The circuit breaker's count: pure, over run records already read and validated, and a `now`
// handed in. Listing the records (the --out folder) is the caller's I/O (app/run-history.ts).

import { parseDuration, type CircuitBreakerSpec } from '../core/definition.ts';
import type { RunSnapshot } from './snapshot.ts';

/** A past run as the breaker sees it: where its record is, and its parsed snapshot. */
export interface PastRun {
  /** The record folder (for the refusal message). */
  readonly dir: string;
  readonly snapshot: RunSnapshot;
  /** `sha256:` of the snapshot.json bytes parsed, when the source read them (runs list shows it). */
  readonly snapshotDigest?: string;
}

/** The run about to start: which remediation, for which target (undefined: no --target). */
export interface BreakerSubject {
  readonly name: string;
  readonly target: string | undefined;
  /**
   * An unreleased run (`remediate try`): it counts only unreleased runs, and a released run never
   * counts them. Undefined is a released run.
   */
  readonly unreleased?: boolean;
}

/** What the breaker found: the counted runs (newest first), and whether the limit is reached. */
export interface BreakerCount {
  readonly open: boolean;
  readonly counted: readonly PastRun[];
  /** When the count falls below max-runs again (ISO time), if nothing else runs; set when open. */
  readonly closesAt?: string;
}

/**
 * Whether a run's fix stage started: at least one step of the `steps` stage began. A check that
 * found nothing to fix (healthy), a check error and a refusal have none, and do not count.
 */
export function fixStageStarted(snapshot: RunSnapshot): boolean {
  return snapshot.steps.some((step) => step.stage === 'steps');
}

/**
 * When a run's fix stage started: its first `steps` step's start, else (a record without step
 * times) when the run started. A run whose check took long still counts from when it changed
 * something. Never earlier than the run's own start: a fix step cannot begin before its run, so
 * an earlier stamp is a clock stepped back during the check (NTP on a self-hosted runner), and
 * trusting it would let the run leave the window early (found by review).
 */
export function fixStartedAt(snapshot: RunSnapshot): number {
  const runStart = Date.parse(snapshot.started);
  const first = snapshot.steps.find((step) => step.stage === 'steps');
  const at = first === undefined ? Number.NaN : Date.parse(first.started);
  return Number.isFinite(at) ? Math.max(at, runStart) : runStart;
}

/**
 * Counts the past runs of `subject.name` (any version) whose fix stage started within
 * `breaker.within` before `now`, with the same target when `per: target` (no target is a target
 * of its own), and says whether the next run must be refused (count >= max-runs).
 */
export function countBreakerRuns(
  breaker: CircuitBreakerSpec,
  subject: BreakerSubject,
  history: readonly PastRun[],
  now: Date,
): BreakerCount {
  const windowStart = now.getTime() - parseDuration(breaker.within);
  const counted = history
    .filter(({ snapshot }) => {
      // Attack: a loop of another remediation, or of another target, must not lock this one out;
      // and a new version of the same remediation must not reset the count (any version counts).
      if (snapshot.remediation.name !== subject.name) return false;
      if (breaker.per === 'target' && snapshot.target !== subject.target) return false;
      // Trying a working tree on a laptop (`remediate try`) is not a run of a released version:
      // it must not open the breaker of the version production runs, nor hide behind it. Each
      // kind counts its own runs.
      if ((snapshot.unreleased === true) !== (subject.unreleased === true)) return false;
      if (!fixStageStarted(snapshot)) return false;
      // A record dated after `now` (the clock was set back) still counts: the breaker fails
      // closed rather than letting a clock change reopen it.
      return fixStartedAt(snapshot) >= windowStart;
    })
    .sort((a, b) => fixStartedAt(b.snapshot) - fixStartedAt(a.snapshot));
  const max = breaker['max-runs'];
  if (counted.length < max) return { open: false, counted };
  // The breaker closes once all but max-1 counted runs have left the window: when the max-th
  // newest one does.
  const last = counted[max - 1];
  const closesAt =
    last === undefined ? undefined : new Date(fixStartedAt(last.snapshot) + parseDuration(breaker.within));
  return { open: true, counted, ...(closesAt !== undefined ? { closesAt: closesAt.toISOString() } : {}) };
}
