// Signals to the Action's main entry (src/main.ts, run from source) while a run is in progress.
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { RunnerFiles, startEntry } from '../helpers/action-runner.ts';
import { isAlive, releaseRemediation, waitForFile, type Released } from '../helpers/released.ts';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github-rest/server.ts';

/** The entry's source: the signal wiring under test, without a rebuilt dist/. */
const MAIN_SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/main.ts');

let released: Released | undefined;
let runner: RunnerFiles | undefined;
let gh: GitHubDouble | undefined;
afterEach(async () => {
  await gh?.close();
  released?.repo.remove();
  if (runner) rmSync(runner.dir, { recursive: true, force: true });
});

describe('the Action main entry and SIGHUP', () => {
  it('cancels the run like SIGTERM: step stopped, record finished as cancelled, note left for the post step', async () => {
    released = await releaseRemediation(
      'svc',
      'name: svc\ndescription: slow\nsteps:\n  - id: slow\n    run: |\n      echo $$ > "$GITHUB_WORKSPACE/step.pid"\n      sleep 300\n',
    );
    const r = released;
    runner = new RunnerFiles('repository_dispatch');
    // The Action reads the highest published manifest serial before it runs: the REST double answers.
    gh = await startGitHubDouble({ token: 'test-token', gitDir: r.repo.dir, repository: 'octo-org/repo' });
    const env = runner.env(
      r.repo.dir,
      {
        remediation: 'svc@v1.0.0',
        'trusted-keys': 'k1.pub',
        manifest: 'remediations/manifest.json',
        publish: 'none',
        'github-token': 'test-token',
      },
      { GITHUB_API_URL: gh.url },
    );
    const { child, done } = startEntry(MAIN_SOURCE, env, r.repo.dir);
    await waitForFile(r.repo.path('step.pid'));
    const step = Number(readFileSync(r.repo.path('step.pid'), 'utf8'));
    child.kill('SIGHUP');
    const result = await done;
    try {
      expect(result.stderr).toBe('');
      expect(runner.savedState()['cancel-requested']).toBe('true');
      const dir = runner.savedState()['record-dir']!;
      const snapshot = JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8'));
      expect(snapshot.status).toBe('cancelled');
      expect(isAlive(step)).toBe(false);
    } finally {
      try {
        process.kill(-step, 'SIGKILL');
      } catch {
        // gone, as it should be
      }
    }
  });
});
