import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupProcessRunner, type ProcessRequest } from '../../src/adapters/process-runner.ts';
import { isAlive } from '../helpers/released.ts';

const dirs: string[] = [];
const pids: number[] = [];
afterEach(() => {
  for (const pid of pids.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone, as it should be
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs a bash script under the runner; returns its stdout and result. */
async function runBash(script: string, options: Partial<ProcessRequest> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'runner-test-'));
  dirs.push(cwd);
  let stdout = '';
  const result = await new GroupProcessRunner().run({
    command: 'bash',
    args: ['-c', script],
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    timeoutMs: 30_000,
    killGraceMs: 200,
    signal: new AbortController().signal,
    onStdout: (chunk) => (stdout += chunk.toString()),
    onStderr: () => {},
    ...options,
  });
  const jobs = stdout.match(/\d+/g)?.map(Number) ?? [];
  pids.push(...jobs);
  return { result, jobs };
}

async function gone(pid: number): Promise<boolean> {
  // SIGKILL is delivered at once, but the kernel may take a moment to tear the process down.
  for (let k = 0; k < 50 && isAlive(pid); k++) await new Promise((resolve) => setTimeout(resolve, 20));
  return !isAlive(pid);
}

describe.runIf(process.platform === 'linux')('GroupProcessRunner and background jobs', () => {
  it('ends a `set -m` job (its own process group, same session) when the step ends', async () => {
    const { result, jobs } = await runBash(
      'set -m; sleep 300 >/dev/null 2>&1 & echo $!; sleep 300 </dev/null >/dev/null 2>&1 & disown; echo $!',
    );
    expect(result.exitCode).toBe(0);
    expect(jobs).toHaveLength(2);
    for (const pid of jobs) expect(await gone(pid)).toBe(true);
  });

  it('ends a `set -m` job when the step times out', async () => {
    const { result, jobs } = await runBash('set -m; sleep 300 >/dev/null 2>&1 & echo $!; sleep 300', {
      timeoutMs: 500,
    });
    expect(result.timedOut).toBe(true);
    expect(jobs).toHaveLength(1);
    expect(await gone(jobs[0]!)).toBe(true);
  });

  it('leaves a process that started its own session with setsid (a deliberate daemon)', async () => {
    const { result, jobs } = await runBash('setsid sleep 300 >/dev/null 2>&1 </dev/null & echo $!; sleep 0.3');
    expect(result.exitCode).toBe(0);
    expect(jobs).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isAlive(jobs[0]!)).toBe(true);
  });
});

describe('GroupProcessRunner and a process that cannot start', () => {
  it('reports an environment too big for execve (E2BIG, thrown by spawn) as a spawn error, never a rejection', async () => {
    const result = await new GroupProcessRunner().run({
      command: 'true',
      args: [],
      cwd: tmpdir(),
      env: { PATH: '/usr/bin:/bin', HUGE: 'a'.repeat(200 * 1024) },
      timeoutMs: 10_000,
      killGraceMs: 100,
      signal: new AbortController().signal,
      onStdout: () => {},
      onStderr: () => {},
    });
    expect(result).toMatchObject({ exitCode: null, signal: null, spawnError: expect.stringMatching(/E2BIG/) });
  });
});
