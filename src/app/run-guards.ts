// The guardrails a run passes after verification and before any step: the circuit breaker (its
// limits from the signed definition) and the duplicate-alert check (the run's idempotency key).
// Both count the same past runs, so the history is read once, far enough back for both. The
// counting is pure (record/circuit-breaker.ts, record/duplicate-alert.ts); reading is the
// RunHistorySource's.

import { TrustError, describeError } from '../errors.ts';
import { parseDuration, type CircuitBreakerSpec } from '../core/definition.ts';
import { countBreakerRuns, fixStartedAt } from '../record/circuit-breaker.ts';
import { DUPLICATE_LOOKBACK_MS, findDuplicateRuns } from '../record/duplicate-alert.ts';
import type { CircuitBreakerRecord } from '../record/snapshot.ts';
import type { RunHistory, RunHistorySource } from './run-history.ts';
import { oneLine } from './terminal-text.ts';

/** What the guards look at: the verified version's breaker, and this run's request. */
export interface GuardSubject {
  /** The remediation's name: both guards count runs of any of its versions. */
  readonly name: string;
  /** The verified definition's `circuit-breaker`, if it declares one. */
  readonly breaker: CircuitBreakerSpec | undefined;
  /** The run's target (--target), counted per target by the breaker. */
  readonly target: string | undefined;
  /** The run's idempotency key, if it has one: a run with the same key may not fix twice. */
  readonly idempotencyKey: string | undefined;
  /** --ignore-circuit-breaker: the breaker only reports (recorded); the duplicate check is not affected. */
  readonly ignoreCircuitBreaker: boolean;
  /** `remediate try`: the breaker counts unreleased runs only (and released runs never count them). */
  readonly unreleased?: boolean;
}

/** The guards' verdict: what to record, lines for the run log, and the refusal when one refused. */
export interface GuardVerdict {
  /** Set when the version declares a breaker: what it counted, and whether it was ignored. */
  readonly breakerRecord?: CircuitBreakerRecord;
  /** One line per guard that looked, for the run's log. */
  readonly summaries: readonly string[];
  /** DUPLICATE_ALERT, CIRCUIT_OPEN or HISTORY_UNAVAILABLE: nothing may run. */
  readonly refusal?: TrustError;
}

/**
 * Runs the guards that apply (none without a breaker and a key): reads the history once, since the
 * earliest of their windows, and checks the duplicate first (the more specific answer: this alert
 * was taken already), then the breaker. Unreadable records are skipped and named on `out`; a
 * history that cannot be read at all refuses the run (HISTORY_UNAVAILABLE): the guards fail closed.
 */
export async function checkRunGuards(
  subject: GuardSubject,
  source: RunHistorySource,
  out: (line: string) => void,
  now: Date,
): Promise<GuardVerdict> {
  const { breaker, idempotencyKey } = subject;
  if (breaker === undefined && idempotencyKey === undefined) return { summaries: [] };
  const windows = [
    ...(breaker !== undefined ? [parseDuration(breaker.within)] : []),
    ...(idempotencyKey !== undefined ? [DUPLICATE_LOOKBACK_MS] : []),
  ];
  const since = new Date(now.getTime() - Math.max(...windows));
  // Named by the guard the user knows from the definition first; the breaker's wording is kept.
  const reader = breaker !== undefined ? 'circuit breaker' : 'duplicate check';
  let history: RunHistory;
  try {
    history = await source(subject.name, since);
  } catch (error) {
    return historyUnavailable(subject, describeError(error), out);
  }
  for (const { dir, problem } of history.skipped) {
    // Attack: a hostile record's problem (a schema message quoting its bytes) printed raw would put
    // workflow commands (`\n::add-mask::`) or terminal escapes into the job log; one line, escaped.
    out(`${reader}: skipped ${oneLine(dir)}, not a readable record (${oneLine(problem.slice(0, 200))})`);
  }
  const duplicate =
    idempotencyKey === undefined ? undefined : checkDuplicate(subject.name, idempotencyKey, history, now);
  const breakerVerdict = breaker === undefined ? undefined : checkBreaker(breaker, subject, history, out, now);
  const refusal = duplicate?.refusal ?? breakerVerdict?.refusal;
  return {
    ...(breakerVerdict !== undefined ? { breakerRecord: breakerVerdict.record } : {}),
    summaries: [duplicate?.summary, breakerVerdict?.summary].filter((line) => line !== undefined),
    ...(refusal !== undefined ? { refusal } : {}),
  };
}

const HOUR_MS = 60 * 60 * 1000;

interface Verdict {
  readonly summary: string;
  readonly refusal?: TrustError;
}

function historyUnavailable(subject: GuardSubject, problem: string, out: (line: string) => void): GuardVerdict {
  const { breaker, idempotencyKey } = subject;
  const why = `cannot read the run history to count past runs (${oneLine(problem.slice(0, 300))}); nothing runs until it can be read`;
  // Attack: making the history unreadable (a token without `actions: read`, an API outage, a
  // damaged --out) must not turn a guard off; nothing runs until the history can be read.
  if (idempotencyKey !== undefined) {
    // The duplicate check fails closed too: --ignore-circuit-breaker is about the breaker's
    // count, not about running one alert twice. Running without the key is the way past it.
    const message = `duplicate check: ${why}, or run without the idempotency key (idempotency key '${idempotencyKey}')`;
    return {
      ...(breaker !== undefined ? { breakerRecord: { counted: 0, ignored: subject.ignoreCircuitBreaker } } : {}),
      summaries: [message],
      refusal: new TrustError('HISTORY_UNAVAILABLE', message),
    };
  }
  const message = `circuit breaker: ${why}, or pass --ignore-circuit-breaker (recorded)`;
  if (subject.ignoreCircuitBreaker) {
    out(`${message}; ignored by --ignore-circuit-breaker, and this is recorded`);
    return { breakerRecord: { counted: 0, ignored: true }, summaries: [message] };
  }
  return {
    breakerRecord: { counted: 0, ignored: false },
    summaries: [message],
    refusal: new TrustError('HISTORY_UNAVAILABLE', message),
  };
}

/** The duplicate-alert check: refused when an earlier run with this key started its fix stage. */
function checkDuplicate(name: string, key: string, history: RunHistory, now: Date): Verdict {
  const earlier = findDuplicateRuns({ name, idempotencyKey: key }, history.runs, now);
  const first = earlier[0];
  if (first === undefined) {
    return {
      summary: `duplicate check: no earlier run of ${name} took idempotency key '${key}' within ${DUPLICATE_LOOKBACK_MS / HOUR_MS} hours`,
    };
  }
  const { snapshot } = first;
  // Attack (or accident): the same alert delivered again (a retry, the other half of an HA pair,
  // a re-notification, a replayed dispatch) must not change production a second time. What a
  // person does next (escalate, or run it again without the key) is a decision, not a retry.
  const message = [
    `duplicate alert: idempotency key '${key}' was taken by ${snapshot.remediation.version} run ${snapshot.runId}`,
    ` (status ${snapshot.status}, started ${snapshot.started}, record ${oneLine(first.dir)})`,
    earlier.length > 1 ? ` and ${earlier.length - 1} later run(s)` : '',
    '; nothing runs for the same alert twice: look at that run, and to run again for this alert run without the idempotency key',
  ].join('');
  return { summary: message, refusal: new TrustError('DUPLICATE_ALERT', message) };
}

/**
 * Counts this remediation's past runs against the version's circuit breaker; past max-runs the run
 * is refused (CIRCUIT_OPEN) unless --ignore-circuit-breaker, which is recorded.
 */
function checkBreaker(
  spec: CircuitBreakerSpec,
  subject: GuardSubject,
  history: RunHistory,
  out: (line: string) => void,
  now: Date,
): Verdict & { readonly record: CircuitBreakerRecord } {
  const count = countBreakerRuns(
    spec,
    { name: subject.name, target: subject.target, unreleased: subject.unreleased === true },
    history.runs,
    now,
  );
  const ignored = subject.ignoreCircuitBreaker;
  const record = { counted: count.counted.length, ignored };
  const scope =
    spec.per === 'target'
      ? `for target ${subject.target === undefined ? '(none)' : `'${subject.target}'`}`
      : 'for any target';
  const counted = `${count.counted.length} ${subject.unreleased === true ? 'unreleased (remediate try) ' : ''}run(s) ${scope} started their fix stage within ${spec.within} (max-runs ${spec['max-runs']})`;
  // Attack (or accident): a remediation that keeps firing (a flapping alert, a fix that does not
  // hold, a replayed trigger) and keeps changing production. Past the signed limit nothing runs
  // until the window passes; --force (which only skips the healthy check) does not change that,
  // and only the explicit, recorded --ignore-circuit-breaker does.
  if (count.open && !ignored) {
    const newest = count.counted[0];
    const message = [
      `circuit breaker open: ${counted}`,
      newest === undefined
        ? ''
        : `; newest: ${newest.snapshot.remediation.version} run ${newest.snapshot.runId} at ${new Date(fixStartedAt(newest.snapshot)).toISOString()} (${oneLine(newest.dir)})`,
      count.closesAt === undefined ? '' : `; it closes at ${count.closesAt}`,
      '; escalate to a person, or pass --ignore-circuit-breaker to run anyway (recorded)',
    ].join('');
    return { record, summary: message, refusal: new TrustError('CIRCUIT_OPEN', message) };
  }
  if (count.open) {
    out(`circuit breaker open: ${counted}; ignored by --ignore-circuit-breaker, and this is recorded`);
  }
  return {
    record,
    summary: `circuit breaker: ${counted}${count.open ? '; open, ignored by --ignore-circuit-breaker' : ''}`,
  };
}
