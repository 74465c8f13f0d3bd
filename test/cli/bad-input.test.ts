// Issue 11: bad input gets a one-line error with the exit code of its kind, never INTERNAL with a
// stack trace, and never a hang. Every case drives the real CLI as a child process.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/git-repo.ts';
import { releaseRemediation, type Released } from '../helpers/released.ts';

/** A hung CLI is killed after this long, so the test fails instead of waiting forever. */
const HANG_MS = 15_000;

// A step whose multi-line output carries workflow commands on lines of their own.
const LOUD_OUTPUT = [
  'name: loud',
  'description: writes workflow commands into a multi-line output',
  'outputs:',
  '  report: { step: say, key: report }',
  'steps:',
  '  - id: say',
  '    run: |',
  '      {',
  '        echo "report<<EOF"',
  '        echo "first line"',
  '        echo "::error title=x::injected"',
  '        echo "::add-mask::first"',
  '        echo "EOF"',
  '      } >> "$REMEDIATION_OUTPUT"',
  '',
].join('\n');

let r: Released;
let scratch: string;
beforeAll(async () => {
  r = await releaseRemediation('loud', LOUD_OUTPUT);
  scratch = mkdtempSync(join(tmpdir(), 'remediate-bad-input-'));
});
afterAll(() => {
  r.repo.remove();
  rmSync(scratch, { recursive: true, force: true });
});

const cli = (args: readonly string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(args, { cwd: r.repo.dir, env, timeoutMs: HANG_MS });
const run = (...extra: string[]) => cli(['run', 'loud@v1.0.0', '--trusted-key', 'k1.pub', '--out', 'runs', ...extra]);
const verify = (...extra: string[]) => cli(['verify', 'loud@v1.0.0', '--trusted-key', 'k1.pub', ...extra]);

/** Exit code, error code, and one line on stderr: no stack trace, no INTERNAL. */
function expectOneLineError(result: CliResult, exitCode: number, code: string): void {
  expect(result.signal).toBeNull(); // not killed for hanging
  expect(result.code).toBe(exitCode);
  expect(result.stderr).toMatch(new RegExp(`^(error|refused) \\[${code}\\]: `));
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toContain('INTERNAL');
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

function fifo(name: string): string {
  const path = join(scratch, name);
  execFileSync('mkfifo', [path]);
  return path;
}

describe('files named on the command line are checked before they are read (item 10)', () => {
  it('refuses /dev/zero as --params-file instead of reading it until killed', async () => {
    const result = await run('--params-file', '/dev/zero');
    expectOneLineError(result, 2, 'NOT_A_FILE');
    expect(result.stderr).toContain('--params-file /dev/zero is a character device');
    expect(r.records()).toEqual([]);
  });

  it('refuses a FIFO as a key file, a manifest or a params file instead of blocking on it', async () => {
    const key = await verify('--trusted-key', fifo('key.fifo'));
    expectOneLineError(key, 2, 'NOT_A_FILE');
    expect(key.stderr).toContain('is a FIFO');
    expectOneLineError(await verify('--manifest', fifo('manifest.fifo')), 2, 'NOT_A_FILE');
    expectOneLineError(await run('--params-file', fifo('params.fifo')), 2, 'NOT_A_FILE');
  });

  it('refuses files over their limit by size, before reading them', async () => {
    // Sparse files: 200 MB on paper, nothing on disk.
    const manifest = join(scratch, 'huge-manifest.json');
    writeFileSync(manifest, '');
    truncateSync(manifest, 200_000_000);
    const big = await verify('--manifest', manifest);
    expectOneLineError(big, 2, 'FILE_TOO_LARGE');
    expect(big.stderr).toContain('is 200000000 bytes; at most 67108864 bytes are accepted');

    const key = join(scratch, 'huge.pub');
    writeFileSync(key, '');
    truncateSync(key, 1_000_000);
    expectOneLineError(await verify('--trusted-key', key), 2, 'FILE_TOO_LARGE');

    const params = join(scratch, 'huge-params.json');
    writeFileSync(params, '');
    truncateSync(params, 65_537);
    expectOneLineError(await run('--params-file', params), 2, 'INVALID_PARAMS');
  });

  it('names a missing or unreadable key file in one line', async () => {
    expectOneLineError(await verify('--trusted-key', 'missing.pub'), 2, 'NOT_FOUND');
    expectOneLineError(await verify('--trusted-key', scratch), 2, 'NOT_A_FILE');
  });
});
