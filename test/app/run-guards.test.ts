// The guards between verification and the first step, over a history source handed in.
import { describe, expect, it } from 'vitest';
import type { CircuitBreakerSpec } from '../../src/core/definition.ts';
import { checkRunGuards, type GuardSubject } from '../../src/app/run-guards.ts';
import type { RunHistory, RunHistorySource } from '../../src/app/run-history.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const BREAKER: CircuitBreakerSpec = { 'max-runs': 2, within: '1h', per: 'target' };
const KEY = 'A1';

function fixed(minutesAgo: number, key?: string): RunHistory['runs'][number] {
  const started = new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();
  const snapshot = {
    runId: `run-${minutesAgo}`,
    status: 'succeeded',
    remediation: { name: 'svc', version: 'v1.0.0', tag: 'svc/v1.0.0' },
    started,
    target: 'web-1',
    steps: [{ stage: 'steps', id: 'fix' }],
    ...(key !== undefined ? { idempotencyKey: key } : {}),
  } as unknown as RunSnapshot;
  return { dir: `runs/run-${minutesAgo}`, snapshot };
}

/** A source that returns `runs` and remembers each call. */
function source(runs: RunHistory['runs']): RunHistorySource & { calls: { name: string; since: Date }[] } {
  const calls: { name: string; since: Date }[] = [];
  const read = (name: string, since: Date) => {
    calls.push({ name, since });
    return Promise.resolve({ runs, skipped: [] });
  };
  return Object.assign(read, { calls });
}

const subject = (over: Partial<GuardSubject> = {}): GuardSubject => ({
  name: 'svc',
  breaker: undefined,
  target: 'web-1',
  idempotencyKey: undefined,
  ignoreCircuitBreaker: false,
  ...over,
});

const guard = (s: GuardSubject, history: RunHistorySource, out: string[] = []) =>
  checkRunGuards(s, history, (line) => out.push(line), NOW);

describe('checkRunGuards', () => {
  it('reads no history when neither guard applies', async () => {
    const history = source([fixed(1, KEY)]);
    expect(await guard(subject(), history)).toEqual({ summaries: [] });
    expect(history.calls).toEqual([]);
  });

  it('reads the history once, since the earliest window, when both apply', async () => {
    const history = source([]);
    const verdict = await guard(subject({ breaker: BREAKER, idempotencyKey: KEY }), history);
    expect(history.calls).toEqual([{ name: 'svc', since: new Date('2026-11-30T12:00:00.000Z') }]);
    expect(verdict.refusal).toBeUndefined();
    expect(verdict.breakerRecord).toEqual({ counted: 0, ignored: false });
    expect(verdict.summaries).toEqual([
      "duplicate check: no earlier run of svc took idempotency key 'A1' within 24 hours",
      "circuit breaker: 0 run(s) for target 'web-1' started their fix stage within 1h (max-runs 2)",
    ]);
    const breakerOnly = source([]);
    await guard(subject({ breaker: BREAKER }), breakerOnly);
    expect(breakerOnly.calls[0]?.since).toEqual(new Date('2026-12-01T11:00:00.000Z'));
  });

  it('refuses a duplicate with DUPLICATE_ALERT naming the earlier run', async () => {
    const verdict = await guard(subject({ idempotencyKey: KEY }), source([fixed(30, KEY), fixed(10, 'B2')]));
    expect(verdict.refusal?.code).toBe('DUPLICATE_ALERT');
    expect(verdict.refusal?.message).toContain('v1.0.0 run run-30 (status succeeded, started 2026-12-01T11:30:00.000Z');
    expect(verdict.refusal?.message).toContain('record runs/run-30');
  });

  it('checks the duplicate before the breaker, and --ignore-circuit-breaker does not pass a duplicate', async () => {
    const history = source([fixed(30, KEY), fixed(20, KEY)]);
    const both = await guard(subject({ breaker: BREAKER, idempotencyKey: KEY }), history);
    expect(both.refusal?.code).toBe('DUPLICATE_ALERT');
    expect(both.breakerRecord).toEqual({ counted: 2, ignored: false });
    expect(both.refusal?.message).toMatch(/and 1 later run\(s\)/);
    const ignored = await guard(
      subject({ breaker: BREAKER, idempotencyKey: KEY, ignoreCircuitBreaker: true }),
      history,
    );
    expect(ignored.refusal?.code).toBe('DUPLICATE_ALERT');
    const otherKey = await guard(subject({ breaker: BREAKER, idempotencyKey: 'B2' }), history);
    expect(otherKey.refusal?.code).toBe('CIRCUIT_OPEN');
  });

  // Attack: making the history unreadable must not turn a guard off.
  it('fails closed when the history cannot be read (HISTORY_UNAVAILABLE)', async () => {
    const broken: RunHistorySource = () => Promise.reject(new Error('403 Resource not accessible by integration'));
    const keyed = await guard(subject({ idempotencyKey: KEY }), broken);
    expect(keyed.refusal?.code).toBe('HISTORY_UNAVAILABLE');
    expect(keyed.refusal?.message).toMatch(/403 Resource not accessible/);
    const breaker = await guard(subject({ breaker: BREAKER }), broken);
    expect(breaker.refusal?.code).toBe('HISTORY_UNAVAILABLE');
    expect(breaker.breakerRecord).toEqual({ counted: 0, ignored: false });
    // --ignore-circuit-breaker passes the breaker's unreadable count (recorded), never the duplicate check.
    const out: string[] = [];
    const ignored = await guard(subject({ breaker: BREAKER, ignoreCircuitBreaker: true }), broken, out);
    expect(ignored.refusal).toBeUndefined();
    expect(ignored.breakerRecord).toEqual({ counted: 0, ignored: true });
    expect(out.join('\n')).toMatch(/ignored by --ignore-circuit-breaker/);
    const both = await guard(subject({ breaker: BREAKER, idempotencyKey: KEY, ignoreCircuitBreaker: true }), broken);
    expect(both.refusal?.code).toBe('HISTORY_UNAVAILABLE');
  });

  it('names skipped records once, by the guard that read them', async () => {
    const out: string[] = [];
    const history: RunHistorySource = () =>
      Promise.resolve({ runs: [], skipped: [{ dir: 'runs/junk', problem: 'no snapshot.json' }] });
    await guard(subject({ breaker: BREAKER, idempotencyKey: KEY }), history, out);
    expect(out).toEqual(['circuit breaker: skipped runs/junk, not a readable record (no snapshot.json)']);
    const keyOnly: string[] = [];
    await guard(subject({ idempotencyKey: KEY }), history, keyOnly);
    expect(keyOnly).toEqual(['duplicate check: skipped runs/junk, not a readable record (no snapshot.json)']);
  });
});
