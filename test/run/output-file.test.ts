import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkOutputsFit,
  MAX_ENV_STRING_BYTES,
  MAX_OUTPUTS_ENV_BYTES,
  outputEnvName,
} from '../../src/run/output-file.ts';
import { releaseRemediation, type Released } from '../helpers/released.ts';

let current: Released | undefined;
afterEach(() => current?.repo.remove());

/** A value that makes `STEP_<ID>_<KEY>=value` and its NUL exactly `bytes` long. */
function valueFilling(stepId: string, key: string, bytes: number): string {
  return 'a'.repeat(bytes - outputEnvName(stepId, key).length - 2);
}

describe('checkOutputsFit', () => {
  it('accepts an output whose environment string is exactly the kernel limit, refuses one byte more', () => {
    expect(checkOutputsFit('big', { v: valueFilling('big', 'v', MAX_ENV_STRING_BYTES) }, {})).toBeUndefined();
    expect(checkOutputsFit('big', { v: valueFilling('big', 'v', MAX_ENV_STRING_BYTES + 1) }, {})).toMatch(
      /output 'v' takes 131073 bytes as STEP_BIG_V=/,
    );
  });

  it('uses the limit the kernel applies (Linux, 4 KiB pages)', () => {
    if (process.platform !== 'linux') return;
    const spawnWith = (bytes: number) =>
      spawnSync('true', [], { env: { PATH: '/usr/bin:/bin', STEP_BIG_V: valueFilling('big', 'v', bytes) } });
    expect(spawnWith(MAX_ENV_STRING_BYTES).error).toBeUndefined();
    expect((spawnWith(MAX_ENV_STRING_BYTES + 1).error as NodeJS.ErrnoException | undefined)?.code).toBe('E2BIG');
  });

  it('refuses outputs that would take all outputs past the total budget, counting the earlier ones', () => {
    const chunk = 'a'.repeat(120 * 1024);
    const eight = Object.fromEntries(Array.from({ length: 8 }, (_, k) => [`k${k}`, chunk]));
    expect(checkOutputsFit('one', eight, {})).toBeUndefined();
    const earlier = Object.fromEntries(Object.entries(eight).map(([k, v]) => [outputEnvName('one', k), v]));
    expect(checkOutputsFit('two', eight, earlier)).toMatch(new RegExp(`at most ${MAX_OUTPUTS_ENV_BYTES}`));
    expect(checkOutputsFit('two', { small: 'x' }, earlier)).toBeUndefined();
  });
});

describe('big step outputs in a real run', () => {
  it('refuses a 200 KiB output when it is read, so later steps and the rollback still start', async () => {
    current = await releaseRemediation(
      'svc',
      [
        'name: svc',
        'description: writes an output no environment can hold',
        'steps:',
        '  - id: big',
        '    run: |',
        '      printf "small=ok\\nhuge=%s\\n" "$(head -c 204800 /dev/zero | tr "\\0" a)" >> "$REMEDIATION_OUTPUT"',
        '  - { id: next, run: "echo next started; exit 3" }',
        'rollback:',
        '  - { id: undo, run: "echo rollback started" }',
        '',
      ].join('\n'),
    );
    const result = await current.run();
    expect(result.code).toBe(1);
    const dir = current.records()[0]!;
    const snap = current.snapshot(dir);
    expect(snap.error?.code).toBe('STEP_FAILED');
    expect(snap.steps.map((s) => `${s.stage}/${s.id}:${s.exitCode}`)).toEqual([
      'steps/big:0',
      'steps/next:3',
      'rollback/undo:0',
    ]);
    expect(snap.rollback).toBe('succeeded');
    expect(snap.steps[0]!.outputs).toEqual({});
    const log = readFileSync(join(dir, 'run.log'), 'utf8');
    expect(log).toContain("steps/big: outputs ignored: output 'huge' takes 204815 bytes as STEP_BIG_HUGE=");
    expect(log).toContain('rollback started');
  });

  it('refuses outputs past the total budget, so many large outputs cannot add up to E2BIG either', async () => {
    const writer = (id: string) =>
      [
        `  - id: ${id}`,
        '    run: |',
        '      v=$(head -c 122880 /dev/zero | tr "\\0" a)',
        '      for k in 1 2 3 4 5 6 7 8; do echo "k$k=$v" >> "$REMEDIATION_OUTPUT"; done',
      ].join('\n');
    current = await releaseRemediation(
      'svc',
      [
        'name: svc',
        'description: outputs that add up',
        'steps:',
        writer('one'),
        writer('two'),
        writer('three'),
        '  - { id: last, run: "echo last started: ${#STEP_ONE_K1}" }',
        '',
      ].join('\n'),
    );
    const result = await current.run();
    expect(result.code).toBe(0);
    const dir = current.records()[0]!;
    const snap = current.snapshot(dir);
    expect(snap.status).toBe('succeeded');
    expect(snap.steps.map((s) => Object.keys(s.outputs).length)).toEqual([8, 0, 0, 0]);
    const log = readFileSync(join(dir, 'run.log'), 'utf8');
    expect(log).toMatch(/steps\/two: outputs ignored: with these, step outputs would take \d+ bytes/);
    expect(log).toContain('last started: 122880');
  });
});
