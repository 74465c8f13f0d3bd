import { describe, expect, it } from 'vitest';
import type { CircuitBreakerSpec } from '../../src/core/definition.ts';
import { countBreakerRuns, fixStageStarted, type PastRun } from '../../src/record/circuit-breaker.ts';
import type { RunSnapshot, StepRecord } from '../../src/record/snapshot.ts';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const BREAKER: CircuitBreakerSpec = { 'max-runs': 3, within: '1h', per: 'target' };

function step(stage: StepRecord['stage'], at = NOW.toISOString()): StepRecord {
  return {
    stage,
    id: stage === 'steps' ? 'fix' : 'probe',
    started: at,
    ended: at,
    durationMs: 1,
    attempts: 1,
    exitCode: 0,
    signal: null,
    outcome: 'succeeded',
    continueOnError: false,
    outputs: {},
    log: { start: 0, end: 0 },
  };
}

/** A past run: `minutesAgo` before NOW, with a check step and (unless healthy) a fix step. */
function past(
  minutesAgo: number,
  options: {
    name?: string;
    target?: string;
    version?: string;
    stages?: StepRecord['stage'][];
    unreleased?: boolean;
  } = {},
): PastRun {
  const started = new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();
  const snapshot = {
    runId: `run-${minutesAgo}`,
    status: 'succeeded',
    remediation: { name: options.name ?? 'fix-disk', version: options.version ?? 'v1.0.0', tag: 'x' },
    started,
    steps: (options.stages ?? ['check', 'steps']).map((stage) => step(stage, started)),
    ...(options.target !== undefined ? { target: options.target } : {}),
    ...(options.unreleased === true ? { unreleased: true } : {}),
  } as unknown as RunSnapshot;
  return { dir: `runs/${minutesAgo}`, snapshot };
}

const subject = (target?: string) => ({ name: 'fix-disk', target });

describe('fixStageStarted', () => {
  it('is true only when a step of the `steps` stage began', () => {
    expect(fixStageStarted(past(1).snapshot)).toBe(true);
    expect(fixStageStarted(past(1, { stages: ['check'] }).snapshot)).toBe(false);
    expect(fixStageStarted(past(1, { stages: [] }).snapshot)).toBe(false);
    expect(fixStageStarted(past(1, { stages: ['steps', 'rollback'] }).snapshot)).toBe(true);
  });
});

describe('countBreakerRuns', () => {
  it('opens at max-runs runs within the window, newest first, and says when it closes', () => {
    const history = [past(50, { target: 'web-1' }), past(5, { target: 'web-1' }), past(20, { target: 'web-1' })];
    const count = countBreakerRuns(BREAKER, subject('web-1'), history, NOW);
    expect(count.open).toBe(true);
    expect(count.counted.map((r) => r.dir)).toEqual(['runs/5', 'runs/20', 'runs/50']);
    // The third newest (50 min ago) leaves the window 10 minutes from now.
    expect(count.closesAt).toBe('2026-12-01T12:10:00.000Z');
    expect(countBreakerRuns(BREAKER, subject('web-1'), history.slice(0, 2), NOW)).toMatchObject({ open: false });
  });

  it('does not count runs outside the window; the window edge counts', () => {
    const history = [past(61, { target: 't' }), past(60, { target: 't' }), past(120, { target: 't' })];
    const count = countBreakerRuns(BREAKER, subject('t'), history, NOW);
    expect(count.counted.map((r) => r.dir)).toEqual(['runs/60']);
    expect(count.open).toBe(false);
  });

  it('counts a run from when its fix stage started, not when the run did (a long check)', () => {
    const slow = past(70, { target: 't' });
    const fixAt = new Date(NOW.getTime() - 50 * 60_000).toISOString();
    const snapshot = {
      ...slow.snapshot,
      steps: [step('check', slow.snapshot.started), step('steps', fixAt)],
    } as RunSnapshot;
    const count = countBreakerRuns({ ...BREAKER, 'max-runs': 1 }, subject('t'), [{ ...slow, snapshot }], NOW);
    expect(count.counted).toHaveLength(1);
    // It leaves the window an hour after its fix began.
    expect(count.closesAt).toBe('2026-12-01T12:10:00.000Z');
    // A fix stamped before its own run began (the clock stepped back during the check) counts
    // from the run's start: the breaker fails closed.
    const stepped = { ...past(10, { target: 't' }).snapshot } as RunSnapshot;
    const backwards = {
      ...stepped,
      steps: [step('steps', new Date(NOW.getTime() - 3 * 3_600_000).toISOString())],
    } as RunSnapshot;
    expect(countBreakerRuns(BREAKER, subject('t'), [{ dir: 'x', snapshot: backwards }], NOW).counted).toHaveLength(1);
    // The run's own start is still counted from when the record has no step times to go by.
    const untimed = { ...snapshot, steps: [{ ...step('steps'), started: 'not a time' }] } as RunSnapshot;
    expect(countBreakerRuns(BREAKER, subject('t'), [{ ...slow, snapshot: untimed }], NOW).counted).toHaveLength(0);
  });

  it('counts a record dated in the future (the clock was set back): it fails closed', () => {
    expect(countBreakerRuns(BREAKER, subject(), [past(-30)], NOW).counted).toHaveLength(1);
  });

  it('does not count healthy checks, refusals, other remediations or other targets', () => {
    const history = [
      past(1, { stages: ['check'] }),
      past(2, { stages: [] }),
      past(3, { name: 'other' }),
      past(4, { target: 'web-2' }),
      past(5, { target: 'web-1' }),
    ];
    expect(countBreakerRuns(BREAKER, subject('web-1'), history, NOW).counted.map((r) => r.dir)).toEqual(['runs/5']);
    // No target is a target of its own: only runs without one count for a run without one.
    expect(countBreakerRuns(BREAKER, subject(), history, NOW).counted).toEqual([]);
  });

  it('counts every version of the remediation, and every target with per: remediation', () => {
    const history = [past(1, { version: 'v1.0.0', target: 'a' }), past(2, { version: 'v2.0.0', target: 'b' }), past(3)];
    const perRemediation: CircuitBreakerSpec = { ...BREAKER, per: 'remediation' };
    const count = countBreakerRuns(perRemediation, subject('c'), history, NOW);
    expect(count.counted).toHaveLength(3);
    expect(count.open).toBe(true);
    expect(countBreakerRuns(BREAKER, subject('a'), history, NOW).counted).toHaveLength(1);
  });

  it('with max-runs 1, one run in the window opens it', () => {
    const one: CircuitBreakerSpec = { 'max-runs': 1, within: '30s', per: 'target' };
    expect(countBreakerRuns(one, subject(), [past(0.25)], NOW)).toMatchObject({ open: true });
    expect(countBreakerRuns(one, subject(), [past(1)], NOW)).toMatchObject({ open: false });
  });

  it('keeps unreleased runs (remediate try) and released runs apart, each counting only its own', () => {
    const history = [
      past(1, { unreleased: true, version: 'v0.0.0-unreleased' }),
      past(2, { unreleased: true, version: 'v0.0.0-unreleased' }),
      past(3, { unreleased: true, version: 'v0.0.0-unreleased' }),
      past(4),
    ];
    // Three tries on a laptop do not open the breaker of the released version production runs.
    const released = countBreakerRuns(BREAKER, subject(), history, NOW);
    expect(released.counted.map((r) => r.dir)).toEqual(['runs/4']);
    expect(released.open).toBe(false);
    // And a try counts the tries: a looping working tree still stops at max-runs.
    const tried = countBreakerRuns(BREAKER, { ...subject(), unreleased: true }, history, NOW);
    expect(tried.counted.map((r) => r.dir)).toEqual(['runs/1', 'runs/2', 'runs/3']);
    expect(tried.open).toBe(true);
  });
});
