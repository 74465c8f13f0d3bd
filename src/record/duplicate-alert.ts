// The duplicate-alert check: pure, over run records already read and validated, and a `now` handed
// in. Reading the history is the caller's I/O (app/run-history.ts); deriving the key is
// core/idempotency-key.ts.

import type { PastRun } from './circuit-breaker.ts';
import { fixStageStarted } from './circuit-breaker.ts';

/**
 * How far back a run looks for an earlier run with its idempotency key: 24 hours. Re-sends come
 * within seconds (an HA pair), minutes (retries on 5xx) or hours (Alertmanager's repeat_interval,
 * 4h by default, re-notifies a still-firing alert with the same fingerprint and startsAt); a day
 * covers them. It also bounds the history read: on GitHub every record of the remediation in the
 * window is downloaded (at most HISTORY_MAX_DOWNLOADS), so a week would refuse busy remediations
 * for an unreadable history. An alert still firing a day later with the same key runs again once
 * a day, which the circuit breaker limits like any other run.
 */
export const DUPLICATE_LOOKBACK_MS = 24 * 60 * 60 * 1000;

/** The run about to start: which remediation, for which idempotency key. */
export interface AlertSubject {
  readonly name: string;
  readonly idempotencyKey: string;
}

/**
 * The earlier runs that make this one a duplicate, oldest first (the first is the run that took
 * the alert): runs of `subject.name` (any version), with the same key, started within
 * DUPLICATE_LOOKBACK_MS before `now`, whose fix stage started and that did not end `refused`.
 */
export function findDuplicateRuns(subject: AlertSubject, history: readonly PastRun[], now: Date): PastRun[] {
  const since = now.getTime() - DUPLICATE_LOOKBACK_MS;
  return history
    .filter(({ snapshot }) => {
      // Attack (or accident): an alert delivered twice (a retry after a lost 5xx answer, both
      // Alertmanagers of an HA pair, a re-notification) changes production twice. Any version
      // matches: releasing a new version in between must not make the old alert new again.
      if (snapshot.remediation.name !== subject.name) return false;
      if (snapshot.idempotencyKey !== subject.idempotencyKey) return false;
      // Only a run that started to change things took the alert: a healthy check, a check error or
      // a refusal (a duplicate refused earlier included, which has no steps) left it to the next
      // delivery. `refused` with steps is no record the recorder writes; it is excluded all the same.
      if (!fixStageStarted(snapshot) || snapshot.status === 'refused') return false;
      // A record dated after `now` (the clock was set back) still counts: the check fails closed
      // rather than letting a clock change make an old alert new.
      return Date.parse(snapshot.started) >= since;
    })
    .sort((a, b) => Date.parse(a.snapshot.started) - Date.parse(b.snapshot.started));
}
