// The circuit breaker of a released version, through the real CLI on local records (--out).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../src/core/dsse.ts';
import type { ReceiptStatement } from '../../src/record/receipt.ts';
import { runCli, type CliResult } from '../helpers/git-repo.ts';
import { pinnedAsIs, releaseRemediation, type Released } from '../helpers/released.ts';

const DEFINITION = [
  'name: flappy',
  'description: a fix that does not hold',
  'inputs:',
  '  healthy: { type: boolean, default: false }',
  '  touched: { type: string, required: true }',
  'circuit-breaker:',
  '  max-runs: 3',
  '  within: 1h',
  'check:',
  '  - { id: probe, run: \'if [ "$PARAM_HEALTHY" = true ]; then exit 0; fi; exit 1\' }',
  'steps:',
  '  - { id: fix, run: \'echo "fixed $PARAM_TOUCHED" >> "$PARAM_TOUCHED"\' }',
  '',
].join('\n');

let r: Released;
let touched: string;

beforeAll(async () => {
  r = await releaseRemediation('flappy', DEFINITION);
  touched = r.repo.path('touched.txt');
  expect((await runCli(['keygen', '--out', 'run-key'], { cwd: r.repo.dir })).code).toBe(0);
}, 60_000);
afterAll(() => r.repo.remove());

/** Runs flappy@v1.0.0 and returns the result with the record folder it wrote (if any). */
async function run(args: string[]): Promise<CliResult & { record: string | undefined }> {
  const before = new Set(r.records());
  const result = await r.run(['--param', `touched=${touched}`, ...args]);
  const added = r.records().filter((dir) => !before.has(dir));
  expect(added.length).toBeLessThanOrEqual(1);
  return { ...result, record: added[0] };
}

/** How many times the fix step ran: one line per run in the file it touches. */
const fixes = () => (existsSync(touched) ? readFileSync(touched, 'utf8').split('\n').filter(Boolean).length : 0);

describe('circuit-breaker (local records)', () => {
  it('does not count a healthy check, runs three fixes, and refuses the fourth with CIRCUIT_OPEN', async () => {
    const healthy = await run(['--target', 'web-1', '--param', 'healthy=true']);
    expect(healthy.code).toBe(0);
    expect(r.snapshot(healthy.record!)).toMatchObject({ status: 'healthy', circuitBreaker: { counted: 0 } });
    for (let i = 1; i <= 3; i++) {
      const fixed = await run(['--target', 'web-1']);
      expect(fixed.code, fixed.stderr).toBe(0);
      expect(r.snapshot(fixed.record!)).toMatchObject({
        status: 'succeeded',
        target: 'web-1',
        circuitBreaker: { counted: i - 1, ignored: false },
      });
    }
    expect(fixes()).toBe(3);

    const refused = await run(['--target', 'web-1']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^refused \[CIRCUIT_OPEN\]: /);
    expect(refused.stderr).toMatch(/3 run\(s\) for target 'web-1' started their fix stage within 1h \(max-runs 3\)/);
    expect(fixes()).toBe(3);
    const snapshot = r.snapshot(refused.record!);
    expect(snapshot).toMatchObject({
      status: 'refused',
      error: { code: 'CIRCUIT_OPEN' },
      target: 'web-1',
      circuitBreaker: { counted: 3, ignored: false },
      steps: [],
    });
    // The refusal is a record like any other: it verifies against its snapshot digest.
    const verified = await runCli(['verify-run', refused.record!, ...pinnedAsIs(refused.record!)], {
      cwd: r.repo.dir,
    });
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
  });

  it('is not bypassed by --force, nor by a dry run', async () => {
    const forced = await run(['--target', 'web-1', '--force']);
    expect(forced.code).toBe(3);
    expect(forced.stderr).toMatch(/\[CIRCUIT_OPEN\]/);
    expect(r.snapshot(forced.record!)).toMatchObject({ status: 'refused', forced: true });
    const dry = await run(['--target', 'web-1', '--dry-run']);
    expect(dry.code).toBe(3);
    expect(dry.stderr).toMatch(/\[CIRCUIT_OPEN\]/);
    expect(dry.record).toBeUndefined();
    expect(fixes()).toBe(3);
  });

  it('still runs another target, and a run without a target (a target of its own)', async () => {
    const other = await run(['--target', 'web-2']);
    expect(other.code, other.stderr).toBe(0);
    expect(r.snapshot(other.record!)).toMatchObject({ target: 'web-2', circuitBreaker: { counted: 0 } });
    const none = await run([]);
    expect(none.code, none.stderr).toBe(0);
    expect(r.snapshot(none.record!)).not.toHaveProperty('target');
    expect(fixes()).toBe(5);
  });

  it('runs with --ignore-circuit-breaker, and records (and signs) that it was ignored', async () => {
    const ignored = await run(['--target', 'web-1', '--ignore-circuit-breaker', '--sign-key', 'run-key']);
    expect(ignored.code, ignored.stderr).toBe(0);
    expect(ignored.stdout).toMatch(
      /circuit breaker open: 3 run\(s\) for target 'web-1' .*; ignored by --ignore-circuit-breaker/,
    );
    expect(readFileSync(join(ignored.record!, 'run.log'), 'utf8')).toMatch(
      /circuit breaker: 3 run\(s\) for target 'web-1' started their fix stage within 1h \(max-runs 3\); open, ignored/,
    );
    expect(fixes()).toBe(6);
    expect(r.snapshot(ignored.record!)).toMatchObject({
      status: 'succeeded',
      circuitBreaker: { counted: 3, ignored: true },
    });
    const verified = await runCli(['verify-run', ignored.record!, '--trusted-key', 'run-key.pub'], {
      cwd: r.repo.dir,
    });
    expect(verified.code, verified.stderr).toBe(0);
    const envelope = parseEnvelope(readFileSync(join(ignored.record!, 'receipt.dsse.json')), 'receipt');
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as ReceiptStatement;
    expect(statement.predicate).toMatchObject({ target: 'web-1', circuitBreaker: { counted: 3, ignored: true } });
    const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
    ajv.addSchema(JSON.parse(readFileSync('remediations/run-snapshot.schema.json', 'utf8')));
    const validate = ajv.compile(JSON.parse(readFileSync('remediations/run-receipt.schema.json', 'utf8')));
    expect(validate(statement.predicate), JSON.stringify(validate.errors)).toBe(true);
  });

  it('does not count runs outside the window, and skips unreadable records saying so', async () => {
    // Age every counted web-1 run, and its steps, by two hours (the snapshot stays schema-valid).
    const older = (at: string) => new Date(Date.parse(at) - 2 * 3_600_000).toISOString();
    for (const dir of r.records()) {
      const snapshot = r.snapshot(dir);
      if (snapshot.target !== 'web-1') continue;
      const steps = snapshot.steps.map((step) => ({ ...step, started: older(step.started), ended: older(step.ended) }));
      const aged = { ...snapshot, started: older(snapshot.started), steps };
      writeFileSync(join(dir, 'snapshot.json'), JSON.stringify(aged));
    }
    const junk = r.repo.path('runs', 'flappy-v1.0.0-junk');
    mkdirSync(junk);
    writeFileSync(join(junk, 'snapshot.json'), '{"not": "a snapshot"}');
    const again = await run(['--target', 'web-1']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`circuit breaker: skipped ${junk}, not a readable record`);
    expect(r.snapshot(again.record!)).toMatchObject({ circuitBreaker: { counted: 0, ignored: false } });
    expect(fixes()).toBe(7);
  });

  it('refuses a --target that is not a short label, before anything runs', async () => {
    for (const bad of ['-x', 'a b', 'x'.repeat(201), '.hidden', 'a;rm', '']) {
      const result = await run([`--target=${bad}`]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/\[USAGE\]: --target: expected a short label/);
      expect(result.record).toBeUndefined();
    }
  });
});
