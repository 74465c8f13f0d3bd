import { describe, expect, it } from 'vitest';
import type { PastRun } from '../../src/record/circuit-breaker.ts';
import { DUPLICATE_LOOKBACK_MS, findDuplicateRuns } from '../../src/record/duplicate-alert.ts';
import type { RunSnapshot, RunStatus, StepRecord } from '../../src/record/snapshot.ts';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const KEY = 'c6eadffa33fcdf37@2026-12-01T03:00:00Z';

function step(stage: StepRecord['stage']): StepRecord {
  return {
    stage,
    id: stage === 'steps' ? 'fix' : 'probe',
    started: NOW.toISOString(),
    ended: NOW.toISOString(),
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

/** A past run `minutesAgo` before NOW with the key KEY and a check and a fix step, unless told otherwise. */
function past(
  minutesAgo: number,
  options: {
    name?: string;
    version?: string;
    key?: string | null;
    status?: RunStatus;
    stages?: StepRecord['stage'][];
  } = {},
): PastRun {
  const key = options.key === undefined ? KEY : options.key;
  const snapshot = {
    runId: `run-${minutesAgo}`,
    status: options.status ?? 'succeeded',
    remediation: { name: options.name ?? 'fix-disk', version: options.version ?? 'v1.0.0', tag: 'x' },
    started: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
    steps: (options.stages ?? ['check', 'steps']).map(step),
    ...(key !== null ? { idempotencyKey: key } : {}),
  } as unknown as RunSnapshot;
  return { dir: `runs/${minutesAgo}`, snapshot };
}

const subject = { name: 'fix-disk', idempotencyKey: KEY };
const dirs = (runs: readonly PastRun[]) => runs.map((r) => r.dir);

describe('findDuplicateRuns', () => {
  it('finds the earlier runs with the key whose fix stage started, oldest first', () => {
    const history = [past(5), past(240), past(60, { status: 'failed' })];
    expect(dirs(findDuplicateRuns(subject, history, NOW))).toEqual(['runs/240', 'runs/60', 'runs/5']);
  });

  // Attack: the same alert delivered twice (retry, HA pair, re-notification) after a new version
  // was released: still a duplicate.
  it('matches any version of the same remediation, and a run still going', () => {
    const history = [past(10, { version: 'v2.0.0' }), past(1, { status: 'running' })];
    expect(dirs(findDuplicateRuns(subject, history, NOW))).toEqual(['runs/10', 'runs/1']);
  });

  it('does not match another remediation, another key, or a run without a key', () => {
    const history = [
      past(1, { name: 'other' }),
      past(2, { key: `${KEY}x` }),
      past(3, { key: KEY.toUpperCase() }),
      past(4, { key: null }),
    ];
    expect(findDuplicateRuns(subject, history, NOW)).toEqual([]);
  });

  it('does not match a run whose fix stage never started: healthy, check error, refused (a refused duplicate too)', () => {
    const history = [
      past(1, { status: 'healthy', stages: ['check'] }),
      past(2, { status: 'failed', stages: ['check'] }),
      past(3, { status: 'refused', stages: [] }),
      past(4, { status: 'cancelled', stages: ['check'] }),
    ];
    expect(findDuplicateRuns(subject, history, NOW)).toEqual([]);
  });

  it('does not match a record claiming `refused` with fix steps', () => {
    expect(findDuplicateRuns(subject, [past(1, { status: 'refused' })], NOW)).toEqual([]);
  });

  it('looks back DUPLICATE_LOOKBACK_MS (24 hours); the edge counts', () => {
    const day = DUPLICATE_LOOKBACK_MS / 60_000;
    expect(day).toBe(24 * 60);
    expect(dirs(findDuplicateRuns(subject, [past(day), past(day + 1)], NOW))).toEqual([`runs/${day}`]);
  });

  it('matches a record dated in the future (the clock was set back): it fails closed', () => {
    expect(dirs(findDuplicateRuns(subject, [past(-30)], NOW))).toEqual(['runs/-30']);
  });
});
