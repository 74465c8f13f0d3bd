// `run --check-only` of a released version, through the real CLI on a real repository: only the
// check stage runs, the status says what it found, and it never counts for the circuit breaker.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../src/core/dsse.ts';
import type { ReceiptStatement } from '../../src/record/receipt.ts';
import { runCli, type CliResult } from '../helpers/git-repo.ts';
import { releaseRemediation, type Released } from '../helpers/released.ts';

const DEFINITION = [
  'name: drifty',
  'description: a check, a fix, a verify and a rollback that each leave a mark',
  'inputs:',
  '  healthy: { type: boolean, default: false }',
  '  marks: { type: string, required: true }',
  'circuit-breaker:',
  '  max-runs: 1',
  '  within: 1h',
  'check:',
  '  - { id: probe, run: \'echo check >> "$PARAM_MARKS"; if [ "$PARAM_HEALTHY" = true ]; then exit 0; fi; exit 1\' }',
  'steps:',
  '  - { id: fix, run: \'echo fix >> "$PARAM_MARKS"\' }',
  'verify:',
  '  - { id: confirm, run: \'echo verify >> "$PARAM_MARKS"; exit 1\' }',
  'rollback:',
  '  - { id: undo, run: \'echo rollback >> "$PARAM_MARKS"\' }',
  '',
].join('\n');

let r: Released;
let marks: string;

beforeAll(async () => {
  r = await releaseRemediation('drifty', DEFINITION);
  marks = r.repo.path('marks.txt');
  expect((await runCli(['keygen', '--out', 'run-key'], { cwd: r.repo.dir })).code).toBe(0);
}, 60_000);
afterAll(() => r.repo.remove());

/** Runs drifty@v1.0.0 and returns the result with the record folder it wrote (if any). */
async function run(args: string[]): Promise<CliResult & { record: string | undefined }> {
  const before = new Set(r.records());
  const result = await r.run(['--param', `marks=${marks}`, ...args]);
  const added = r.records().filter((dir) => !before.has(dir));
  expect(added.length).toBeLessThanOrEqual(1);
  return { ...result, record: added[0] };
}

/** The stages that ran so far, one line per step, in order (and empties the list). */
function takeMarks(): string[] {
  if (!existsSync(marks)) return [];
  const lines = readFileSync(marks, 'utf8').split('\n').filter(Boolean);
  r.repo.write('marks.txt', '');
  return lines;
}

describe('run --check-only', () => {
  it('finds drift: runs only the check, ends unhealthy with exit 0, and records and signs checkOnly', async () => {
    const result = await run(['--check-only', '--target', 'web-1', '--sign-key', 'run-key']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^drifty@v1\.0\.0: unhealthy$/m);
    expect(takeMarks()).toEqual(['check']);
    const snapshot = r.snapshot(result.record!);
    expect(snapshot).toMatchObject({ status: 'unhealthy', checkOnly: true, check: 'drift', target: 'web-1' });
    expect(snapshot.steps.map((s) => `${s.stage}/${s.id}`)).toEqual(['check/probe']);
    expect(snapshot).not.toHaveProperty('rollback');
    // A check-only run starts no fix, so the breaker neither counts nor records it.
    expect(snapshot).not.toHaveProperty('circuitBreaker');
    expect(readFileSync(join(result.record!, 'run.log'), 'utf8')).toMatch(
      /check only: remediation needed; nothing was changed/,
    );

    const verified = await runCli(['verify-run', result.record!, '--trusted-key', 'run-key.pub'], {
      cwd: r.repo.dir,
    });
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^intact: status unhealthy/);
    const envelope = parseEnvelope(readFileSync(join(result.record!, 'receipt.dsse.json')), 'receipt');
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as ReceiptStatement;
    expect(statement.predicate).toMatchObject({ status: 'unhealthy', checkOnly: true, forced: false });
    const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
    ajv.addSchema(JSON.parse(readFileSync('remediations/run-snapshot.schema.json', 'utf8')));
    const validate = ajv.compile(JSON.parse(readFileSync('remediations/run-receipt.schema.json', 'utf8')));
    expect(validate(statement.predicate), JSON.stringify(validate.errors)).toBe(true);

    const shown = await runCli(['show', result.record!, '--trusted-key', 'run-key.pub'], { cwd: r.repo.dir });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/check only: yes/);
  });

  it('finds nothing: ends healthy with checkOnly recorded', async () => {
    const result = await run(['--check-only', '--target', 'web-1', '--param', 'healthy=true']);
    expect(result.code, result.stderr).toBe(0);
    expect(takeMarks()).toEqual(['check']);
    expect(r.snapshot(result.record!)).toMatchObject({ status: 'healthy', checkOnly: true, check: 'healthy' });
  });

  it('refuses --check-only with --force before anything is verified or run (exit 2, no record)', async () => {
    const result = await run(['--check-only', '--force', '--target', 'web-1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\[USAGE\]: check-only and force cannot be combined/);
    expect(result.record).toBeUndefined();
    expect(takeMarks()).toEqual([]);
  });

  it('is never counted by the circuit breaker, and still runs when the breaker is open', async () => {
    // Two check-only runs of web-1 above: a fix now is the first that counts (max-runs 1).
    const fixed = await run(['--target', 'web-1']);
    expect(fixed.code, fixed.stderr).toBe(1); // verify fails on purpose: the fix stage started
    expect(takeMarks()).toEqual(['check', 'fix', 'verify', 'rollback']);
    expect(r.snapshot(fixed.record!)).toMatchObject({ status: 'failed', circuitBreaker: { counted: 0 } });

    const refused = await run(['--target', 'web-1']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/\[CIRCUIT_OPEN\]: circuit breaker open: 1 run\(s\)/);

    const checked = await run(['--check-only', '--target', 'web-1']);
    expect(checked.code, checked.stderr).toBe(0);
    expect(r.snapshot(checked.record!)).toMatchObject({ status: 'unhealthy', checkOnly: true });
    expect(takeMarks()).toEqual(['check']);
  });

  it('tables check-only records as unhealthy, not failed (summarize exits 0)', async () => {
    const checkOnly = r.records().filter((dir) => r.snapshot(dir).checkOnly === true);
    expect(checkOnly.length).toBe(3);
    const summary = await runCli(['summarize', ...checkOnly], { cwd: r.repo.dir });
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stdout).toMatch(/Remediation runs: 1 healthy, 2 unhealthy \(check only\), 0 fixed, 0 failed/);
  });
});
