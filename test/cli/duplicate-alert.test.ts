// Duplicate alerts refused by their idempotency key, through the real CLI on local records (--out):
// given with --idempotency-key, or derived from a repository_dispatch payload in a GitHub job.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../src/core/dsse.ts';
import type { ReceiptStatement } from '../../src/record/receipt.ts';
import { runCli, type CliResult } from '../helpers/git-repo.ts';
import { pinnedAsIs, releaseRemediation, type Released } from '../helpers/released.ts';

const DEFINITION = [
  'name: dedupe',
  'description: a fix that must run once per alert',
  'inputs:',
  '  healthy: { type: boolean, default: false }',
  '  touched: { type: string, required: true }',
  'circuit-breaker:',
  '  max-runs: 20',
  '  within: 1h',
  '  per: remediation',
  'check:',
  '  - { id: probe, run: \'if [ "$PARAM_HEALTHY" = true ]; then exit 0; fi; exit 1\' }',
  'steps:',
  '  - { id: fix, run: \'echo "fixed $PARAM_TOUCHED" >> "$PARAM_TOUCHED"\' }',
  '',
].join('\n');

let r: Released;
let touched: string;

beforeAll(async () => {
  r = await releaseRemediation('dedupe', DEFINITION);
  touched = r.repo.path('touched.txt');
  expect((await runCli(['keygen', '--out', 'run-key'], { cwd: r.repo.dir })).code).toBe(0);
}, 60_000);
afterAll(() => r.repo.remove());

const LOCAL = { GITHUB_ACTIONS: 'false' };

/** Runs dedupe@v1.0.0 and returns the result with the record folder it wrote (if any). */
async function run(
  args: string[],
  env: NodeJS.ProcessEnv = LOCAL,
): Promise<CliResult & { record: string | undefined }> {
  const before = new Set(r.records());
  const result = await r.run(['--param', `touched=${touched}`, ...args], env);
  const added = r.records().filter((dir) => !before.has(dir));
  expect(added.length).toBeLessThanOrEqual(1);
  return { ...result, record: added[0] };
}

/** How many times the fix step ran: one line per run in the file it touches. */
const fixes = () => (existsSync(touched) ? readFileSync(touched, 'utf8').split('\n').filter(Boolean).length : 0);

describe('duplicate alerts (--idempotency-key, local records)', () => {
  let first: string;

  it('records the key in the snapshot and the signed receipt', async () => {
    const result = await run(['--idempotency-key', 'PD-Q1ABC', '--sign-key', 'run-key']);
    expect(result.code, result.stderr).toBe(0);
    expect(fixes()).toBe(1);
    first = result.record!;
    expect(r.snapshot(first)).toMatchObject({ status: 'succeeded', idempotencyKey: 'PD-Q1ABC' });
    expect(readFileSync(join(first, 'run.log'), 'utf8')).toContain(
      "duplicate check: no earlier run of dedupe took idempotency key 'PD-Q1ABC' within 24 hours",
    );
    const envelope = parseEnvelope(readFileSync(join(first, 'receipt.dsse.json')), 'receipt');
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as ReceiptStatement;
    expect(statement.predicate).toMatchObject({ idempotencyKey: 'PD-Q1ABC' });
    const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
    ajv.addSchema(JSON.parse(readFileSync('remediations/run-snapshot.schema.json', 'utf8')));
    const validate = ajv.compile(JSON.parse(readFileSync('remediations/run-receipt.schema.json', 'utf8')));
    expect(validate(statement.predicate), JSON.stringify(validate.errors)).toBe(true);
    const verified = await runCli(['verify-run', first, '--trusted-key', 'run-key.pub'], { cwd: r.repo.dir });
    expect(verified.code, verified.stderr).toBe(0);
  });

  // Attack (or accident): the same alert delivered again (a retry after a lost answer, the other
  // half of an HA pair, a re-notification) changes production a second time.
  it('refuses a second run with the same key: DUPLICATE_ALERT, exit 3, no step ran, recorded', async () => {
    const again = await run(['--idempotency-key', 'PD-Q1ABC']);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/^refused \[DUPLICATE_ALERT\]: /);
    const firstRunId = r.snapshot(first).runId;
    expect(again.stderr).toContain(`idempotency key 'PD-Q1ABC' was taken by v1.0.0 run ${firstRunId}`);
    expect(again.stderr).toContain(`status succeeded`);
    expect(again.stderr).toContain(`record ${first}`);
    expect(fixes()).toBe(1);
    expect(r.snapshot(again.record!)).toMatchObject({
      status: 'refused',
      error: { code: 'DUPLICATE_ALERT' },
      idempotencyKey: 'PD-Q1ABC',
      circuitBreaker: { counted: 1, ignored: false },
      steps: [],
    });
    const verified = await runCli(['verify-run', again.record!, ...pinnedAsIs(again.record!)], { cwd: r.repo.dir });
    expect(verified.code, verified.stderr).toBe(0);
  });

  it('is not bypassed by --force, --ignore-circuit-breaker or a dry run; refusals count for nothing later', async () => {
    const forced = await run(['--idempotency-key', 'PD-Q1ABC', '--force', '--ignore-circuit-breaker']);
    expect(forced.code).toBe(3);
    expect(forced.stderr).toMatch(/\[DUPLICATE_ALERT\]/);
    // The earlier refusals did not become "the run that took the alert", nor count for the breaker.
    expect(forced.stderr).toContain(`run ${r.snapshot(first).runId} `);
    expect(r.snapshot(forced.record!)).toMatchObject({ circuitBreaker: { counted: 1, ignored: true } });
    const dry = await run(['--idempotency-key', 'PD-Q1ABC', '--dry-run']);
    expect(dry.code).toBe(3);
    expect(dry.stderr).toMatch(/\[DUPLICATE_ALERT\]/);
    expect(dry.record).toBeUndefined();
    expect(fixes()).toBe(1);
  });

  it('runs a different key, and a run without a key', async () => {
    const other = await run(['--idempotency-key', 'PD-Q2XYZ']);
    expect(other.code, other.stderr).toBe(0);
    const none = await run([]);
    expect(none.code, none.stderr).toBe(0);
    expect(r.snapshot(none.record!)).not.toHaveProperty('idempotencyKey');
    expect(fixes()).toBe(3);
  });

  it('runs again when the first run with the key was refused, or found nothing to fix', async () => {
    const refused = await run(['--idempotency-key', 'AM-1', '--min-serial', '99']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/\[SERIAL_ROLLBACK\]/);
    expect(r.snapshot(refused.record!)).toMatchObject({ status: 'refused', idempotencyKey: 'AM-1' });
    const healthy = await run(['--idempotency-key', 'AM-1', '--param', 'healthy=true']);
    expect(healthy.code, healthy.stderr).toBe(0);
    expect(r.snapshot(healthy.record!)).toMatchObject({ status: 'healthy', idempotencyKey: 'AM-1' });
    const fixed = await run(['--idempotency-key', 'AM-1']);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixes()).toBe(4);
    const duplicate = await run(['--idempotency-key', 'AM-1']);
    expect(duplicate.code).toBe(3);
    expect(duplicate.stderr).toContain(`run ${r.snapshot(fixed.record!).runId} `);
  });

  // Attack: a key that spans lines or carries escapes would be printed in refusals and logs.
  it('refuses an --idempotency-key that is not one line of visible ASCII, before anything runs', async () => {
    for (const bad of ['', 'a b', 'a\n::warning::x', 'x'.repeat(257), 'clé']) {
      const result = await run([`--idempotency-key=${bad}`]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/\[USAGE\]: --idempotency-key: expected/);
      expect(result.record).toBeUndefined();
    }
  });
});

describe('duplicate alerts in a GitHub job (the key derived from the repository_dispatch payload)', () => {
  /** The runner's variables for one delivery: its own workflow run id, the event file given. */
  function job(runId: string, alert: unknown): NodeJS.ProcessEnv {
    const event = r.repo.path(`event-${runId}.json`);
    writeFileSync(
      event,
      JSON.stringify({
        action: 'remediate',
        client_payload: { remediation: 'dedupe@v1.0.0', alert },
      }),
    );
    return {
      GITHUB_ACTIONS: 'true',
      GITHUB_RUN_ID: runId,
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_REPOSITORY: 'octo-org/repo',
      GITHUB_EVENT_NAME: 'repository_dispatch',
      GITHUB_EVENT_PATH: event,
    };
  }
  const ALERT = { source: 'alertmanager', fingerprint: 'c6eadffa33fcdf37', startsAt: '2026-11-28T03:00:00Z' };

  it('derives fingerprint@startsAt, and refuses the second delivery (the other Alertmanager of an HA pair)', async () => {
    const before = fixes();
    const delivered = await run([], job('7001', ALERT));
    expect(delivered.code, delivered.stderr).toBe(0);
    expect(r.snapshot(delivered.record!)).toMatchObject({
      idempotencyKey: 'c6eadffa33fcdf37@2026-11-28T03:00:00Z',
      trigger: { kind: 'github', event: 'repository_dispatch', runId: '7001' },
    });
    const again = await run([], job('7002', { ...ALERT, source: 'alertmanager-2' }));
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/^refused \[DUPLICATE_ALERT\]: .* run 7001-1 /);
    expect(fixes()).toBe(before + 1);
    // A new firing of the same alert series (a new startsAt) is a new alert.
    const refired = await run([], job('7003', { ...ALERT, startsAt: '2026-11-28T09:00:00Z' }));
    expect(refired.code, refired.stderr).toBe(0);
    expect(fixes()).toBe(before + 2);
  });

  it('takes --idempotency-key over the derived key', async () => {
    const explicit = await run(['--idempotency-key', 'manual-7004'], job('7004', ALERT));
    expect(explicit.code, explicit.stderr).toBe(0);
    expect(r.snapshot(explicit.record!)).toMatchObject({ idempotencyKey: 'manual-7004' });
  });

  // Type confusion: an alert id of another type must not silently give no key (and no check).
  it('refuses an alert whose id is not a string with exit 2, before anything runs', async () => {
    const result = await run([], job('7005', { id: 12345 }));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\[INVALID_PARAMS\]: repository_dispatch payload: alert\.id must be a string/);
    expect(result.record).toBeUndefined();
  });
});
