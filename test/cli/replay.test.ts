// `remediate replay`: a released version run again from its record, through the real CLI.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../src/core/dsse.ts';
import type { ReceiptStatement } from '../../src/record/receipt.ts';
import { paramsDigest } from '../../src/record/snapshot-digests.ts';
import { runCli, type CliResult } from '../helpers/git-repo.ts';
import { pinnedAsIs, releaseRemediation, type Released, type Snapshot } from '../helpers/released.ts';

const DEFINITION = [
  'name: touch-file',
  'description: appends a line to a file',
  'inputs:',
  "  file: { type: string, required: true, pattern: '^/[A-Za-z0-9/._-]+$' }",
  '  note: { type: string, default: plain }',
  '  count: { type: number, default: 3 }',
  'secrets: [API_TOKEN]',
  'steps:',
  '  - { id: touch, run: \'echo "$PARAM_NOTE $PARAM_COUNT" >> "$PARAM_FILE"\' }',
  '',
].join('\n');

const SECRET = 'hunter2-secret-value';
const env = { API_TOKEN: SECRET };

let r: Released;
let touched: string;
let original: string;

beforeAll(async () => {
  r = await releaseRemediation('touch-file', DEFINITION);
  touched = r.repo.path('touched.txt');
  expect((await runCli(['keygen', '--out', 'run-key'], { cwd: r.repo.dir })).code).toBe(0);
  const first = await withRecord(() =>
    r.run(['--param', `file=${touched}`, '--param', 'count=7', '--target', 'web-1', '--sign-key', 'run-key'], env),
  );
  expect(first.code, first.stderr).toBe(0);
  original = first.record!;
}, 60_000);
afterAll(() => r.repo.remove());

/** Runs a command and returns its result with the record folder it added (at most one). */
async function withRecord(command: () => Promise<CliResult>): Promise<CliResult & { record: string | undefined }> {
  const before = new Set(r.records());
  const result = await command();
  const added = r.records().filter((dir) => !before.has(dir));
  expect(added.length).toBeLessThanOrEqual(1);
  return { ...result, record: added[0] };
}

/** `remediate replay <dir> --trusted-key k1.pub --out runs ...args`. */
function replay(dir: string, args: readonly string[] = [], extraEnv: NodeJS.ProcessEnv = env) {
  return withRecord(() =>
    runCli(['replay', dir, '--trusted-key', 'k1.pub', '--out', 'runs', ...args], { cwd: r.repo.dir, env: extraEnv }),
  );
}

const digestOf = (dir: string) =>
  `sha256:${createHash('sha256')
    .update(readFileSync(join(dir, 'snapshot.json')))
    .digest('hex')}`;
const lines = () => readFileSync(touched, 'utf8').split('\n').filter(Boolean);

/** A copy of the original record with `edit` applied to its snapshot (params digest recomputed, as a forger would). */
function forged(name: string, edit: (values: Record<string, string | number | boolean>) => void): string {
  const dir = r.repo.path(name);
  cpSync(original, dir, { recursive: true });
  const snapshot = r.snapshot(dir);
  const values = { ...snapshot.params!.values };
  edit(values);
  const rewritten: Snapshot = { ...snapshot, params: { values, digest: paramsDigest(values) } };
  writeFileSync(join(dir, 'snapshot.json'), JSON.stringify(rewritten));
  return dir;
}

describe('remediate replay', () => {
  it('runs the same version with the same parameters and target, and records replayOf in the snapshot and receipt', async () => {
    const before = lines().length;
    const result = await replay(original, ['--receipt-key', 'run-key.pub', '--sign-key', 'run-key']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^replaying touch-file@v1\.0\.0 run \S+ \(snapshot sha256:[0-9a-f]{64}\)$/m);
    expect(result.stdout).toMatch(/authenticated: receipt signed by/);
    expect(lines()).toHaveLength(before + 1);
    expect(lines().at(-1)).toBe('plain 7');

    const old = r.snapshot(original);
    const fresh = r.snapshot(result.record!);
    expect(fresh.runId).not.toBe(old.runId);
    expect(fresh).toMatchObject({
      status: 'succeeded',
      target: 'web-1',
      replayOf: { runId: old.runId, snapshotDigest: digestOf(original), authenticated: true },
      remediation: { commit: old.remediation.commit, digest: old.remediation.digest },
    });
    expect(fresh.params).toEqual(old.params);
    expect(fresh.params!.digest).toBe(old.params!.digest);
    expect(readFileSync(join(result.record!, 'run.log'), 'utf8')).toContain(`replay of run ${old.runId}`);

    // The receipt signs the link, and the new record verifies like any other.
    const verified = await runCli(['verify-run', result.record!, '--trusted-key', 'run-key.pub'], { cwd: r.repo.dir });
    expect(verified.code, verified.stderr).toBe(0);
    const envelope = parseEnvelope(readFileSync(join(result.record!, 'receipt.dsse.json')), 'receipt');
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as ReceiptStatement;
    expect(statement.predicate.replayOf).toEqual(fresh.replayOf);
    expect(statement.predicate.params).toEqual({ digest: old.params!.digest });
    const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
    ajv.addSchema(JSON.parse(readFileSync('remediations/run-snapshot.schema.json', 'utf8')));
    const validate = ajv.compile(JSON.parse(readFileSync('remediations/run-receipt.schema.json', 'utf8')));
    expect(validate(statement.predicate), JSON.stringify(validate.errors)).toBe(true);

    const shown = await runCli(['show', result.record!, '--trusted-key', 'run-key.pub'], { cwd: r.repo.dir });
    expect(shown.stdout).toContain(
      `  replay of: run ${old.runId}, snapshot ${digestOf(original)} (authenticated when replayed)`,
    );

    // A replay of the replay names the replay it repeats, not the first run.
    const again = await replay(result.record!, ['--snapshot-digest', digestOf(result.record!)]);
    expect(again.code, again.stderr).toBe(0);
    expect(r.snapshot(again.record!)).toMatchObject({
      replayOf: { runId: fresh.runId, snapshotDigest: digestOf(result.record!), authenticated: true },
      params: { digest: old.params!.digest },
    });
  });

  it('refuses an unauthenticated record unless --unanchored, which is recorded and warned about', async () => {
    const before = lines().length;
    const refused = await replay(original);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/\[UNANCHORED\]/);
    expect(refused.record).toBeUndefined();
    expect(lines()).toHaveLength(before);

    const anyway = await replay(original, ['--unanchored']);
    expect(anyway.code, anyway.stderr).toBe(0);
    expect(anyway.stderr).toMatch(/^warning: .* is NOT authenticated \(--unanchored\)/m);
    expect(r.snapshot(anyway.record!)).toMatchObject({ replayOf: { authenticated: false } });
    expect(lines()).toHaveLength(before + 1);
  });

  it('refuses a tampered record, with or without an anchor, and runs nothing', async () => {
    const before = lines().length;
    // A parameter edited with its digest recomputed: consistent, but the receipt no longer covers it.
    const edited = forged('edited', (values) => (values['count'] = 99));
    const signed = await replay(edited, ['--receipt-key', 'run-key.pub']);
    expect(signed.code).toBe(3);
    expect(signed.stderr).toMatch(/\[RECORD_TAMPERED\]/);
    const pinned = await replay(edited, ['--snapshot-digest', digestOf(original)]);
    expect(pinned.code).toBe(3);
    expect(pinned.stderr).toMatch(/\[RECORD_TAMPERED\]/);
    // Edited without recomputing the digest: inconsistent, refused even --unanchored.
    const sloppy = r.repo.path('sloppy');
    cpSync(original, sloppy, { recursive: true });
    const snapshot = r.snapshot(sloppy);
    writeFileSync(
      join(sloppy, 'snapshot.json'),
      JSON.stringify({
        ...snapshot,
        params: { ...snapshot.params, values: { ...snapshot.params!.values, count: 99 } },
      }),
    );
    const unanchored = await replay(sloppy, ['--unanchored']);
    expect(unanchored.code).toBe(3);
    expect(unanchored.stderr).toMatch(/\[RECORD_TAMPERED\]/);
    for (const result of [signed, pinned, unanchored]) expect(result.record).toBeUndefined();
    expect(lines()).toHaveLength(before);
  });

  it('refuses parameters that no longer validate against the signed definition (exit 2, nothing runs)', async () => {
    const before = lines().length;
    const edited = forged('bad-param', (values) => (values['file'] = 'relative/../path; rm -rf /'));
    const result = await replay(edited, ['--unanchored']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\[INVALID_PARAMS\]/);
    expect(result.record).toBeUndefined();
    const unknown = forged('unknown-param', (values) => (values['extra'] = 'x'));
    const refused = await replay(unknown, ['--unanchored']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/\[INVALID_PARAMS\]/);
    expect(lines()).toHaveLength(before);
  });

  it('refuses a record whose parameter holds a redacted secret value', async () => {
    const run = await withRecord(() => r.run(['--param', `file=${touched}`, '--param', `note=x-${SECRET}`], env));
    expect(run.code, run.stderr).toBe(0);
    expect(r.snapshot(run.record!).params!.values['note']).toBe('x-***');
    const result = await replay(run.record!, ['--snapshot-digest', digestOf(run.record!)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\[NOT_REPLAYABLE\]: .*note/);
    expect(result.record).toBeUndefined();
  });

  it('collects secrets again: a missing secret refuses the replay before anything runs', async () => {
    const result = await replay(original, ['--receipt-key', 'run-key.pub'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\[MISSING_SECRET\]/);
    expect(result.record).toBeUndefined();
  });

  it('refuses a record that claims other bytes ran than the version verifies as (recorded), or whose parameters would be recorded differently', async () => {
    const before = lines().length;
    const other = r.repo.path('other-commit');
    cpSync(original, other, { recursive: true });
    const snapshot = r.snapshot(other);
    writeFileSync(
      join(other, 'snapshot.json'),
      JSON.stringify({ ...snapshot, remediation: { ...snapshot.remediation, commit: 'f'.repeat(40) } }),
    );
    const mismatch = await replay(other, ['--unanchored']);
    expect(mismatch.code).toBe(3);
    expect(mismatch.stderr).toMatch(/^refused \[COMMIT_MISMATCH\]/m);
    expect(r.snapshot(mismatch.record!)).toMatchObject({ status: 'refused', replayOf: { authenticated: false } });

    // This run's secret equals a recorded parameter value: the new record would redact it, so the
    // parameters digest would differ from the original's. Refused rather than recorded differently.
    const redacting = await replay(original, ['--receipt-key', 'run-key.pub'], { API_TOKEN: 'plain' });
    expect(redacting.code).toBe(2);
    expect(redacting.stderr).toMatch(/\[NOT_REPLAYABLE\]: replay of run .*expected sha256:/);
    expect(redacting.record).toBeUndefined();
    expect(lines()).toHaveLength(before);
  });

  it('takes parameters only from the record', async () => {
    const result = await replay(original, ['--receipt-key', 'run-key.pub', '--param', 'count=1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\[USAGE\]/);
  });

  it('refuses a yanked version (YANKED, exit 3, recorded with replayOf), and a refusal is not replayable', async () => {
    const yank = await runCli(['yank', 'touch-file@v1.0.0', '--key', 'k1', '--reason', 'breaks things'], {
      cwd: r.repo.dir,
    });
    expect(yank.code, yank.stderr).toBe(0);
    const before = lines().length;
    const result = await replay(original, ['--receipt-key', 'run-key.pub']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^refused \[YANKED\]/m);
    expect(lines()).toHaveLength(before);
    const refusal = r.snapshot(result.record!);
    expect(refusal).toMatchObject({
      status: 'refused',
      error: { code: 'YANKED' },
      replayOf: { runId: r.snapshot(original).runId, snapshotDigest: digestOf(original) },
    });
    expect(refusal).not.toHaveProperty('params');

    const again = await replay(result.record!, pinnedAsIs(result.record!));
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/\[NOT_REPLAYABLE\]: .* was refused \(YANKED\)/);
    expect(again.record).toBeUndefined();
    expect(existsSync(touched)).toBe(true);
  });
});
