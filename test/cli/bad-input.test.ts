// Issue 11: bad input gets a one-line error with the exit code of its kind, never INTERNAL with a
// stack trace, and never a hang. Every case drives the real CLI as a child process.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, gitTestEnv, runCli, type CliResult } from '../helpers/git-repo.ts';
import { releaseRemediation, type Released } from '../helpers/released.ts';
import { reportError } from '../../src/cli/commands.ts';
import type { CommandContext } from '../../src/app/context.ts';

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

describe('the signature threshold takes the bounds of the Action, 1 to 100 (issue 12)', () => {
  it('refuses --threshold 0 and 101 as a usage error before anything is verified or run', async () => {
    for (const threshold of ['0', '101']) {
      const ran = await run('--threshold', threshold);
      expectOneLineError(ran, 2, 'USAGE');
      expect(ran.stderr).toContain(`--threshold: expected a whole number from 1 to 100, got '${threshold}'`);
      const verified = await verify('--threshold', threshold);
      expectOneLineError(verified, 2, 'USAGE');
      expect(verified.stderr).toContain('expected a whole number from 1 to 100');
    }
    expect(r.records()).toEqual([]);
  });

  it('passes 100 on to the verifier, which then needs 100 trusted keys', async () => {
    const result = await verify('--threshold', '100');
    expectOneLineError(result, 2, 'USAGE');
    expect(result.stderr).toContain('threshold 100 needs at least that many distinct trusted keys, got 1');
  });
});

describe('system errors name the problem in one line with the exit code of their kind (item 11)', () => {
  it('refuses --out /proc/self up front instead of spinning in mkdir forever', async () => {
    const result = await run('--out', '/proc/self');
    expectOneLineError(result, 2, 'NOT_A_FOLDER');
    expect(result.stderr).toContain('/proc is a kernel file system');
  });

  it('refuses --out /dev/full, and an --out below a file, before anything runs', async () => {
    const full = await run('--out', '/dev/full');
    expectOneLineError(full, 2, 'NOT_A_FOLDER');
    expect(full.stderr).toContain('--out /dev/full is not a folder');
    const underFile = await run('--out', join('k1.pub', 'runs'));
    expectOneLineError(underFile, 2, 'NOT_A_FOLDER');
    expect(underFile.stderr).toContain(`${r.repo.path('k1.pub')} is not a folder`);
    expect(r.records()).toEqual([]);
  });

  it('still creates a missing --out folder, and a dry run does not check it', async () => {
    const dry = await run('--out', '/proc/self', '--dry-run');
    expect(dry.code).toBe(0);
    const out = join(scratch, 'new', 'runs');
    const created = await cli(['run', 'loud@v1.0.0', '--trusted-key', 'k1.pub', '--out', out]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`record:   ${out}/loud-v1.0.0-`);
  });

  it('verify-run on a file says it is not a record folder', async () => {
    const result = await cli(['verify-run', 'k1.pub']);
    expectOneLineError(result, 2, 'NOT_A_FOLDER');
    expect(result.stderr).toContain('pass the folder of a run record');
  });

  it('keygen into a missing folder names the folder', async () => {
    const result = await cli(['keygen', '--out', join('no-such-folder', 'k2')]);
    expectOneLineError(result, 2, 'NOT_FOUND');
    expect(result.stderr).toContain(`folder ${r.repo.path('no-such-folder')} does not exist`);
  });

  it("reports git's dubious-ownership refusal in one line, also where a lookup may fail", async () => {
    // git refuses a repository owned by another user; its own test switch makes it refuse this
    // one, through a `git` first on PATH (the tool hands git no GIT_* variable of the caller).
    const bin = join(scratch, 'bin');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    execFileSync('mkdir', ['-p', bin]);
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nGIT_TEST_ASSUME_DIFFERENT_OWNER=1 exec ${realGit} "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}` };

    const verified = await cli(['verify', 'loud@v1.0.0', '--trusted-key', 'k1.pub'], env);
    expectOneLineError(verified, 2, 'DUBIOUS_OWNERSHIP');
    expect(verified.stderr).toContain(`git config --global --add safe.directory ${r.repo.dir}`);
    // rev-parse is allowed to fail here; the refusal must not read as "names no commit".
    expectOneLineError(await cli(['digest', 'loud', '--ref', 'HEAD'], env), 2, 'DUBIOUS_OWNERSHIP');
  });

  it('exits quietly with its own exit code when the reader of its output goes away (EPIPE)', async () => {
    const child = spawn(process.execPath, [CLI, 'verify', 'loud@v1.0.0', '--trusted-key', 'k1.pub'], {
      cwd: r.repo.dir,
      env: gitTestEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // `remediate verify ... | true`: the reader is gone before the first line is written.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('reports output it could not write (stdout on a full disk) in one line', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [CLI, 'verify', 'loud@v1.0.0', '--trusted-key', 'k1.pub'], {
        cwd: r.repo.dir,
        env: gitTestEnv(),
        stdio: ['ignore', full, 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expectOneLineError({ code, signal: null, stdout: '', stderr }, 2, 'IO_ERROR');
      expect(stderr).toContain('cannot write to standard output: no space left on the device (ENOSPC)');
    } finally {
      closeSync(full);
    }
  });

  it('keeps INTERNAL, with its stack trace, for bugs, and never exits 2 for one', () => {
    const lines: string[] = [];
    const context = { err: (line: string) => lines.push(line) } as unknown as CommandContext;
    expect(reportError(new TypeError('x is undefined'), context)).toBe(1);
    expect(lines[0]).toBe('error [INTERNAL]: x is undefined');
    expect(lines[1]).toMatch(/^TypeError: x is undefined\n\s+at /);
  });
});

/**
 * The lines the GitHub runner would run as workflow commands: `::name ...::` at the start of a
 * line (after blanks), except between `::stop-commands::<token>` and `::<token>::`.
 */
function activeWorkflowCommands(output: string): string[] {
  const active: string[] = [];
  let stopToken: string | undefined;
  for (const raw of output.split(/\r\n|\r|\n/)) {
    const line = raw.trimStart();
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) stopToken = stop[1];
    else if (/^::[a-z-]+( [^:]*)?::/.test(line)) active.push(line);
  }
  return active;
}

describe('run outputs cannot act as workflow commands (item 14)', () => {
  it('prints a multi-line output inside a stop-commands fence, value unchanged', async () => {
    const result = await run();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  output report=first line\n::error title=x::injected\n::add-mask::first\n');
    expect(activeWorkflowCommands(result.stdout)).toEqual([]);
  });

  it('the runner model sees commands printed outside a fence (so the check above can fail)', () => {
    expect(activeWorkflowCommands('  output report=a\n::error title=x::injected\n')).toEqual([
      '::error title=x::injected',
    ]);
  });
});
