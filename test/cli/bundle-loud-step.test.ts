import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { gitTestEnv } from '../helpers/git-repo.ts';
import { releaseRemediation, type Released } from '../helpers/released.ts';

const bundle = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/cli/index.js');
let current: Released | undefined;
afterEach(() => current?.repo.remove());

describe('the built CLI recording a loud step', () => {
  it('hashes on its worker thread, syncs in the background, and the record verifies with no secret in it', async () => {
    // ~12 MiB: past the worker's start (2 MiB) and several background syncs (every 8 MiB).
    current = await releaseRemediation(
      'loud',
      [
        'name: loud',
        'description: prints a lot',
        'secrets: [TOKEN]',
        'steps:',
        '  - id: print',
        '    run: |',
        '      for i in $(seq 1 40); do head -c 230000 /dev/urandom | base64; echo "token=$TOKEN"; done',
        '',
      ].join('\n'),
    );
    const env = { ...gitTestEnv(), TOKEN: 'tok-5f1e9c2a77d04b1b' };
    const out = execFileSync(
      process.execPath,
      [bundle, 'run', 'loud@v1.0.0', '--trusted-key', 'k1.pub', '--out', 'runs'],
      { cwd: current.repo.dir, env, encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const digest = /snapshot: (sha256:[0-9a-f]{64})/.exec(out)?.[1];
    expect(digest, out).toBeDefined();
    const dir = current.records()[0]!;
    const verified = execFileSync(process.execPath, [bundle, 'verify-run', dir, '--snapshot-digest', digest!], {
      env,
      encoding: 'utf8',
    });
    expect(verified).toMatch(/intact/);
    const log = readFileSync(join(dir, 'run.log'), 'utf8');
    expect(log.length).toBeGreaterThan(12_000_000);
    expect(log).not.toContain('tok-5f1e9c2a77d04b1b');
    expect(log.split('token=***').length - 1).toBe(40);
  }, 60_000);
});
