// Signals to the CLI process (src/cli/main.ts) while a run is in progress.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, gitTestEnv, runCli } from '../helpers/git-repo.ts';
import { isAlive, releaseRemediation, waitForFile, type Released, pinnedAsIs } from '../helpers/released.ts';

let current: Released | undefined;
afterEach(() => current?.repo.remove());

describe('a run that gets SIGHUP (its terminal closed)', () => {
  it('stops the step, its `set -m` job included, and finishes the record as cancelled', async () => {
    current = await releaseRemediation(
      'svc',
      [
        'name: svc',
        'description: a long step with a job in its own process group',
        'steps:',
        '  - id: long',
        '    run: |',
        '      set -m',
        '      sleep 300 >/dev/null 2>&1 &',
        '      echo $! > "$HOME/job.pid"',
        '      echo $$ > "$HOME/step.pid"',
        '      touch "$HOME/started"',
        '      wait',
        '  - { id: never, run: "true" }',
        '',
      ].join('\n'),
    );
    const r = current;
    const child = spawn(process.execPath, [CLI, 'run', 'svc@v1.0.0', '--trusted-key', 'k1.pub', '--out', 'runs'], {
      cwd: r.repo.dir,
      env: { ...gitTestEnv(), HOME: r.repo.dir },
      stdio: 'ignore',
    });
    await waitForFile(r.repo.path('started'));
    child.kill('SIGHUP');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const job = Number(readFileSync(r.repo.path('job.pid'), 'utf8'));
    const step = Number(readFileSync(r.repo.path('step.pid'), 'utf8'));
    try {
      expect(code).toBe(4);
      const dir = r.records()[0]!;
      const snap = r.snapshot(dir);
      expect(snap.status).toBe('cancelled');
      expect(snap.error?.message).toMatch(/SIGHUP/);
      expect(snap.steps.map((s) => `${s.id}:${s.outcome}`)).toEqual(['long:cancelled']);
      expect(isAlive(step)).toBe(false);
      expect(isAlive(job)).toBe(false);
      const verified = await runCli(['verify-run', dir, ...pinnedAsIs(dir)], { cwd: r.repo.dir });
      expect(verified.stdout).toMatch(/^intact: status cancelled/);
    } finally {
      for (const pid of [step, job]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone, as it should be
        }
      }
    }
  });
});
