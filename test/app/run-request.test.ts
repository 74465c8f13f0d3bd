// What the CLI and the Action share when they ask for a run.
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import {
  buildRunDeps,
  githubRunId,
  KILL_GRACE_MS,
  MAX_THRESHOLD,
  parseThreshold,
  RETRY_BACKOFF_MS,
} from '../../src/app/run-request.ts';
import { GroupProcessRunner } from '../../src/adapters/process-runner.ts';
import type { GitObjectSource } from '../../src/adapters/git-client.ts';
import { thrown } from '../helpers/errors.ts';

describe('parseThreshold', () => {
  it('accepts 1 to 100, and gives 1 when none is asked for', () => {
    expect(parseThreshold(undefined, '--threshold')).toBe(1);
    expect(parseThreshold('1', '--threshold')).toBe(1);
    expect(parseThreshold('2', '--threshold')).toBe(2);
    expect(parseThreshold('100', '--threshold')).toBe(MAX_THRESHOLD);
  });

  it('refuses 0, 101 and anything not a whole number, naming the option', () => {
    for (const text of ['0', '101', '-1', '1.5', '2e1', '', ' 2', 'two', '99999999999']) {
      const error = thrown(() => parseThreshold(text, "input 'threshold'"));
      expect(error?.code, text).toBe('USAGE');
      expect(error?.message, text).toBe(`input 'threshold': expected a whole number from 1 to 100, got '${text}'`);
    }
  });
});

describe('githubRunId', () => {
  it('names the record by run and attempt, and by matrix leg when there is a suffix', () => {
    expect(githubRunId('4242', '1')).toBe('4242-1');
    expect(githubRunId('4242', '3', 'web-1')).toBe('4242-3-web-1');
  });
});

describe('buildRunDeps', () => {
  it('adds the process runner and the timings both front ends use to what the front end supplies', () => {
    const supplied = {
      git: {} as GitObjectSource, // never called: nothing runs

      manifestBytes: new Uint8Array(),
      trustedKeys: [],
      callerEnv: { PATH: '/usr/bin' },
      scratchRoot: tmpdir(),
      clock: () => new Date(0),
      cancel: new AbortController().signal,
      out: () => undefined,
    };
    const deps = buildRunDeps(supplied);
    expect(deps).toMatchObject(supplied);
    expect(deps.runner).toBeInstanceOf(GroupProcessRunner);
    // The values both front ends passed before they shared them.
    expect(deps.retryBackoffMs).toBe(1000);
    expect(deps.killGraceMs).toBe(2000);
    expect([RETRY_BACKOFF_MS, KILL_GRACE_MS]).toEqual([1000, 2000]);
  });
});
