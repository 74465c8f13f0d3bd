// A record that can no longer be written: a file size limit (`ulimit -f`, EFBIG) stands in for a
// full disk (ENOSPC): both fail the same writes, and a limit needs no root or loop device.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, runCli, runProgram } from '../helpers/git-repo.ts';
import { isAlive, releaseRemediation, type Released, pinnedAsIs } from '../helpers/released.ts';
import { canMountTmpfs, runOnTmpfs } from '../helpers/tmpfs.ts';

let current: Released | undefined;
afterEach(() => current?.repo.remove());

/** Runs `remediate run` with every file it writes limited to `kib` KiB. */
function runLimited(r: Released, kib: number, env: NodeJS.ProcessEnv = {}) {
  return runProgram(
    'bash',
    [
      '-c',
      `ulimit -f ${kib} && exec "$0" "$@"`,
      process.execPath,
      CLI,
      'run',
      'svc@v1.0.0',
      '--trusted-key',
      'k1.pub',
      '--out',
      'runs',
    ],
    { cwd: r.repo.dir, env },
  );
}

describe('a run whose log hits a full disk', () => {
  it('stops the step and its background child, runs the rollback, and closes a valid record', async () => {
    current = await releaseRemediation(
      'svc',
      [
        'name: svc',
        'description: prints more than the disk takes',
        'steps:',
        '  - { id: first, run: "echo first" }',
        '  - id: loud',
        '    run: |',
        '      sleep 300 &',
        '      echo $! > "$HOME/child.pid"',
        '      for i in $(seq 1 20000); do echo "progress line $i of a step that prints a lot"; done',
        '      touch "$HOME/loud-finished"',
        '  - { id: never, run: "touch \\"$HOME/never\\"" }',
        'rollback:',
        '  - { id: undo, run: "touch \\"$HOME/rolled-back\\"; echo undoing" }',
        '',
      ].join('\n'),
    );
    const r = current;
    const result = await runLimited(r, 256, { HOME: r.repo.dir });
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.code).toBe(1);
    const dir = r.records()[0]!;
    const snap = r.snapshot(dir);
    expect(snap.status).toBe('failed');
    expect(snap.error?.code).toBe('RECORD_WRITE_FAILED');
    expect(snap.error?.message).toMatch(/EFBIG/);
    expect(snap.rollback).toBe('succeeded');
    expect(snap.steps.map((s) => `${s.stage}/${s.id}:${s.outcome}`)).toEqual([
      'steps/first:succeeded',
      'steps/loud:failed',
      'rollback/undo:succeeded',
    ]);
    expect(readFileSync(r.repo.path('rolled-back'), 'utf8')).toBe('');
    expect(() => readFileSync(r.repo.path('never'))).toThrow();
    expect(() => readFileSync(r.repo.path('loud-finished'))).toThrow();
    expect(isAlive(Number(readFileSync(r.repo.path('child.pid'), 'utf8')))).toBe(false);
    // Closed at its last complete block: the snapshot pins a log that verifies as complete.
    const logBytes = 'bytes' in snap.log ? snap.log.bytes : -1;
    expect(logBytes).toBeLessThanOrEqual(256 * 1024);
    expect(readFileSync(join(dir, 'run.log')).byteLength).toBe(logBytes);
    const verified = await runCli(['verify-run', dir, ...pinnedAsIs(dir)], { cwd: r.repo.dir });
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^intact: status failed/);
  });
});

describe('a check whose output fills the disk', () => {
  it('is stopped, changes nothing (no steps, no rollback), and the record verifies', async () => {
    current = await releaseRemediation(
      'svc',
      [
        'name: svc',
        'description: a loud check',
        'check:',
        '  - id: probe',
        '    run: |',
        '      for i in $(seq 1 20000); do echo "probe line $i of a check that prints a lot"; done',
        '      exit 1',
        'steps:',
        '  - { id: fix, run: "touch \\"$HOME/fixed\\"" }',
        'rollback:',
        '  - { id: undo, run: "touch \\"$HOME/undone\\"" }',
        '',
      ].join('\n'),
    );
    const r = current;
    const result = await runLimited(r, 256, { HOME: r.repo.dir });
    expect(result.code).toBe(1);
    const dir = r.records()[0]!;
    const snap = r.snapshot(dir);
    expect(snap).toMatchObject({ status: 'failed', check: 'error', error: { code: 'RECORD_WRITE_FAILED' } });
    expect(snap.rollback).toBeUndefined();
    expect(snap.steps.map((s) => `${s.stage}/${s.id}:${s.outcome}`)).toEqual(['check/probe:failed']);
    expect(() => readFileSync(r.repo.path('fixed'))).toThrow();
    expect(() => readFileSync(r.repo.path('undone'))).toThrow();
    const verified = await runCli(['verify-run', dir, ...pinnedAsIs(dir)], { cwd: r.repo.dir });
    expect(verified.stdout).toMatch(/^intact: status failed/);
  });
});

describe('a run whose engine fails around a step', () => {
  it('records the fault on the step, still runs the rollback, and ends crashed', async () => {
    // The second step's working directory is a file the first step made: the engine cannot
    // prepare it, as it could not write the step's copy to a full disk.
    current = await releaseRemediation(
      'svc',
      [
        'name: svc',
        'description: engine fault mid-run',
        'steps:',
        '  - { id: one, run: "touch x" }',
        '  - { id: two, working-directory: x, run: "echo never" }',
        'rollback:',
        '  - { id: undo, run: "echo undoing" }',
        '',
      ].join('\n'),
    );
    const result = await current.run();
    expect(result.code).toBe(1);
    const snap = current.snapshot(current.records()[0]!);
    expect(snap.status).toBe('crashed');
    expect(snap.error?.code).toBe('INTERNAL');
    expect(snap.rollback).toBe('succeeded');
    expect(snap.steps.map((s) => `${s.stage}/${s.id}:${s.outcome}`)).toEqual([
      'steps/one:succeeded',
      'steps/two:failed',
      'rollback/undo:succeeded',
    ]);
    expect((snap.steps[1] as { error?: string }).error).toMatch(/EEXIST|ENOTDIR/);
  });
});

describe('a rollback that fills the disk', () => {
  it('is not stopped: it runs to its end unrecorded, and the record says so and verifies', async () => {
    current = await releaseRemediation(
      'svc',
      [
        'name: svc',
        'description: a loud rollback',
        'steps:',
        '  - { id: fix, run: "exit 7" }',
        'rollback:',
        '  - id: undo',
        '    run: |',
        '      for i in $(seq 1 20000); do echo "undo line $i of a rollback that prints a lot"; done',
        '      touch "$HOME/undo-finished"',
        '  - { id: after, run: "touch \\"$HOME/after\\"" }',
        '',
      ].join('\n'),
    );
    const r = current;
    const result = await runLimited(r, 256, { HOME: r.repo.dir });
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(1);
    expect(readFileSync(r.repo.path('undo-finished'), 'utf8')).toBe('');
    expect(readFileSync(r.repo.path('after'), 'utf8')).toBe('');
    const dir = r.records()[0]!;
    const snap = r.snapshot(dir);
    expect(snap.status).toBe('failed');
    expect(snap.rollback).toBe('succeeded');
    expect(snap.error?.code).toBe('RECORD_WRITE_FAILED');
    expect(snap.error?.message).toMatch(
      /^steps step 'fix' exited 7 \(STEP_FAILED\); then the run log could not be written \(EFBIG/,
    );
    const verified = await runCli(['verify-run', dir, ...pinnedAsIs(dir)], { cwd: r.repo.dir });
    expect(verified.stderr).toBe('');
    expect(verified.stdout).toMatch(/^intact: status failed/);
  });
});

describe.runIf(canMountTmpfs())('a rollback on a full scratch disk', () => {
  it('starts from the copy reserved at the start when no fresh copy can be made', async () => {
    current = await releaseRemediation(
      'svc',
      [
        'name: svc',
        'description: a step that fills the temporary folder',
        'steps:',
        '  - id: fill',
        '    run: |',
        // A process holding the step's copy open keeps its space after the engine removes the
        // copy, so once the disk is full no fresh copy fits. The step waits until the holder leads
        // its own session: the engine ends the step's session with the step, and a holder still
        // starting then (seen on a loaded machine) would die and free the space.
        '      setsid sleep 300 < "$REMEDIATION_DIR/undo.sh" >/dev/null 2>&1 &',
        '      echo $! > "$HOME/holder.pid"',
        '      until [ "$(cut -d" " -f6 /proc/$!/stat)" = "$!" ]; do sleep 0.01; done',
        '      dd if=/dev/zero of="$TMPDIR/fill" bs=4k 2>/dev/null || true',
        '      exit 1',
        'rollback:',
        '  - { id: undo, run: \'bash "$REMEDIATION_DIR/undo.sh"\' }',
        '',
      ].join('\n'),
      { 'undo.sh': 'kill "$(cat "$HOME/holder.pid")"\nrm -f "$TMPDIR/fill"\necho undone from the verified bytes\n' },
    );
    const r = current;
    // TMPDIR (the engine's scratch space and the step's) is a 512 KiB tmpfs; the record is not.
    const scratch = r.repo.path('scratch');
    const leftovers = r.repo.path('leftovers');
    mkdirSync(scratch);
    mkdirSync(leftovers);
    const run = ['run', 'svc@v1.0.0', '--trusted-key', 'k1.pub', '--out', 'runs'];
    const result = await runOnTmpfs(
      { mountPoint: scratch, size: '512k', copyTo: leftovers },
      [process.execPath, CLI, ...run],
      { cwd: r.repo.dir, env: { TMPDIR: scratch, HOME: r.repo.dir, NODE_DISABLE_COMPILE_CACHE: '1' } },
    );
    const holder = Number(readFileSync(r.repo.path('holder.pid'), 'utf8'));
    if (isAlive(holder)) process.kill(holder, 'SIGKILL');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const dir = r.records()[0]!;
    const snap = r.snapshot(dir);
    expect(snap.status).toBe('failed');
    expect(snap.error?.code).toBe('STEP_FAILED');
    expect(snap.rollback).toBe('succeeded');
    const log = readFileSync(join(dir, 'run.log'), 'utf8');
    expect(log).toMatch(
      /!! rollback: no fresh copy could be made \(ENOSPC[^)]*\); using the one reserved at the start/,
    );
    expect(log).toContain('undone from the verified bytes');
    expect(isAlive(holder)).toBe(false);
    // The scratch folder, with the reserved copy, was removed.
    expect(readdirSync(leftovers)).toEqual([]);
  });
});
