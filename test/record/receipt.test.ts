import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pae, parseEnvelope, serialiseEnvelope, signEnvelope } from '../../src/core/dsse.ts';
import { parsePrivateKey, parsePublicKey, type TrustedKey } from '../../src/core/keys.ts';
import { ChainedLogWriter } from '../../src/record/log-chain-writer.ts';
import {
  IN_TOTO_PAYLOAD_TYPE,
  IN_TOTO_STATEMENT_TYPE,
  RECEIPT_PREDICATE_TYPE,
  statementBytes,
  type ReceiptStatement,
} from '../../src/record/receipt.ts';
import { recordStatement, writeReceipt, type RecordSeal } from '../../src/record/receipt-writer.ts';
import { verifyRunRecord } from '../../src/app/verify-run.ts';
import { runCli } from '../helpers/git-repo.ts';
import { releaseRemediation, replaceFile, rewriteBundle, type Released } from '../helpers/released.ts';
import { rejected, thrown } from '../helpers/errors.ts';

let r: Released;
let record: string;
let refusedRecord: string;
let runKey: TrustedKey;
let otherKey: TrustedKey;
const SECRET = 'receipt-secret-value-1234';

beforeAll(async () => {
  r = await releaseRemediation(
    'signed',
    [
      'name: signed',
      'description: two steps and a helper script',
      'inputs:',
      '  who: { type: string, default: world }',
      'secrets: [API_TOKEN]',
      'steps:',
      '  - { id: greet, run: "echo hello $PARAM_WHO; echo token $API_TOKEN" }',
      '  - { id: helper, run: "sh \\"$REMEDIATION_DIR/helper.sh\\"" }',
      '',
    ].join('\n'),
    { 'helper.sh': 'echo from the helper script\n' },
  );
  expect((await runCli(['keygen', '--out', 'run-key'], { cwd: r.repo.dir })).code).toBe(0);
  expect((await runCli(['keygen', '--out', 'other-key'], { cwd: r.repo.dir })).code).toBe(0);
  runKey = parsePublicKey(readFileSync(r.repo.path('run-key.pub')), 'run-key.pub');
  otherKey = parsePublicKey(readFileSync(r.repo.path('other-key.pub')), 'other-key.pub');
  const result = await r.run(['--sign-key', 'run-key'], { API_TOKEN: SECRET });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/receipt: .*receipt\.dsse\.json \(signed by [0-9a-f]{16}\)/);
  record = r.records()[0]!;
  // A refusal is signed too (REMEDIATE_SIGN_KEY instead of the flag): an unknown version.
  const refused = await runCli(['run', 'signed@v9.9.9', '--trusted-key', 'k1.pub', '--out', 'runs'], {
    cwd: r.repo.dir,
    env: { REMEDIATE_SIGN_KEY: 'run-key' },
  });
  expect(refused.code).toBe(3);
  refusedRecord = r.records().find((dir) => dir.includes('v9.9.9'))!;
}, 60_000);
afterAll(() => r.repo.remove());

/** snapshot.json as a forger edits it: every field writable. */
interface Forged {
  remediation: { name: string; version: string; tag: string };
  trigger: { user?: string };
  started: string;
  status: string;
  log: unknown;
}

const envelopeOf = (dir: string) => parseEnvelope(readFileSync(join(dir, 'receipt.dsse.json')), 'receipt');
const statementOf = (dir: string) =>
  JSON.parse(Buffer.from(envelopeOf(dir).payload, 'base64').toString('utf8')) as ReceiptStatement;
const sha256 = (path: string) => execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0];

let copies = 0;
function copy(from = record): string {
  const dir = r.repo.path(`copy-${++copies}`);
  cpSync(from, dir, { recursive: true });
  return dir;
}
const verifyWithKey = (dir: string) => runCli(['verify-run', dir, '--trusted-key', 'run-key.pub'], { cwd: r.repo.dir });

describe('the signed receipt', () => {
  it('is an in-toto Statement v1 over every record file, with the predicate the schema describes', () => {
    const envelope = envelopeOf(record);
    expect(envelope.payloadType).toBe(IN_TOTO_PAYLOAD_TYPE);
    expect(envelope.signatures.map((s) => s.keyid)).toEqual([runKey.keyid]);
    const statement = statementOf(record);
    expect(statement._type).toBe(IN_TOTO_STATEMENT_TYPE);
    expect(statement.predicateType).toBe(RECEIPT_PREDICATE_TYPE);
    // Digests as sha256sum computes them, for every file: the definition's copies included.
    expect(statement.subject).toEqual(
      ['definition.tar', 'run.log', 'run.log.chain', 'snapshot.json'].map((name) => ({
        name,
        digest: { sha256: sha256(join(record, name)) },
      })),
    );
    // The copies are the released bytes, readable with tar.
    expect(execFileSync('tar', ['-xOf', join(record, 'definition.tar'), 'helper.sh'], { encoding: 'utf8' })).toBe(
      'echo from the helper script\n',
    );
    const snapshot = r.snapshot(record);
    expect(statement.predicate).toMatchObject({
      runId: snapshot.runId,
      status: 'succeeded',
      remediation: { name: 'signed', version: 'v1.0.0', tag: 'signed/v1.0.0', commit: snapshot.remediation.commit },
      manifest: { serial: 1, signers: snapshot.manifest!.signers },
      params: { digest: snapshot.params!.digest },
      trigger: { kind: 'local' },
      log: snapshot.log,
      definition: { file: 'definition.tar', omitted: [] },
    });
    const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
    ajv.addSchema(JSON.parse(readFileSync('remediations/run-snapshot.schema.json', 'utf8')));
    const validate = ajv.compile(JSON.parse(readFileSync('remediations/run-receipt.schema.json', 'utf8')));
    expect(validate(statement.predicate), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...statement.predicate, extra: 1 })).toBe(false);
  });

  it('never holds a secret value', () => {
    expect(readFileSync(join(record, 'receipt.dsse.json'), 'utf8')).not.toContain(SECRET);
    expect(Buffer.from(envelopeOf(record).payload, 'base64').toString()).not.toContain(SECRET);
    expect(readFileSync(join(record, 'run.log'), 'utf8')).toContain('token ***');
  });

  it('verifies with `openssl pkeyutl -verify -rawin` over the DSSE PAE bytes, and fails for an edited payload', () => {
    const dir = mkdtempSync(join(tmpdir(), 'receipt-openssl-'));
    try {
      const envelope = envelopeOf(record);
      const payload = Buffer.from(envelope.payload, 'base64');
      writeFileSync(join(dir, 'pae.bin'), pae(envelope.payloadType, payload));
      writeFileSync(join(dir, 'sig.bin'), Buffer.from(envelope.signatures[0]!.sig, 'base64'));
      const verify = () =>
        execFileSync(
          'openssl',
          [
            'pkeyutl',
            '-verify',
            '-pubin',
            '-inkey',
            r.repo.path('run-key.pub'),
            '-rawin',
            '-in',
            'pae.bin',
            '-sigfile',
            'sig.bin',
          ],
          { cwd: dir, encoding: 'utf8', stdio: 'pipe' },
        );
      expect(verify()).toMatch(/Signature Verified Successfully/);
      const edited = Buffer.from(payload.toString().replace('"succeeded"', '"cancelled"'));
      writeFileSync(join(dir, 'pae.bin'), pae(envelope.payloadType, edited));
      expect(verify).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('authenticates the record with the run key, and signs refusals as well', async () => {
    const ok = await verifyWithKey(record);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^intact: status succeeded/);
    expect(ok.stdout).toContain(`authenticated: receipt signed by ${runKey.keyid.slice(0, 16)}`);
    const refused = await verifyWithKey(refusedRecord);
    expect(refused.stdout).toMatch(/^intact: status refused/);
    expect(statementOf(refusedRecord).predicate).toMatchObject({
      status: 'refused',
      error: { code: 'TAG_NOT_FOUND' },
    });
    expect(statementOf(refusedRecord).subject.map((s) => s.name)).toEqual([
      'run.log',
      'run.log.chain',
      'snapshot.json',
    ]);
  });
});

describe('verify-run without an anchor', () => {
  it('reports the record consistent but exits 3 UNANCHORED', async () => {
    const result = await runCli(['verify-run', record], { cwd: r.repo.dir });
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^consistent: status succeeded/);
    expect(result.stdout).not.toMatch(/intact/);
    expect(result.stderr).toMatch(/refused \[UNANCHORED\]: .* is consistent but NOT authenticated/);
  });

  it('still reports tampering first (RECORD_TAMPERED with the byte range)', async () => {
    const dir = copy();
    const log = readFileSync(join(dir, 'run.log'));
    log[5] = log[5]! ^ 1;
    writeFileSync(join(dir, 'run.log'), log);
    const result = await runCli(['verify-run', dir], { cwd: r.repo.dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/RECORD_TAMPERED.*bytes 0-\d+ of run\.log were altered/);
  });
});

/** Every leaf of a JSON value, by path. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [path];
  return Object.entries(value).flatMap(([key, inner]) =>
    leaves(inner, [...path, Array.isArray(value) ? Number(key) : key]),
  );
}

function changed(value: unknown): unknown {
  if (typeof value === 'string') return `${value}x`;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  return 'x';
}

describe('a rewritten record is refused with the run key', () => {
  it('refuses an edit of any field of snapshot.json', async () => {
    const original = readFileSync(join(record, 'snapshot.json'), 'utf8');
    const paths = leaves(JSON.parse(original));
    expect(paths.length).toBeGreaterThan(40);
    const dir = copy();
    for (const path of paths) {
      const snapshot = JSON.parse(original) as Record<string | number, unknown>;
      let at: Record<string | number, unknown> = snapshot;
      for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
      const last = path.at(-1)!;
      at[last] = changed(at[last]);
      writeFileSync(join(dir, 'snapshot.json'), JSON.stringify(snapshot, null, 2));
      const error = await rejected(verifyRunRecord(dir, { trustedKeys: [runKey] }));
      expect(error, `edit of ${path.join('.')}`).toMatchObject({ code: 'RECORD_TAMPERED' });
    }
  });

  it('refuses the changes an auditor would try: name, user, start, status relabel', async () => {
    const edits: [string, (s: Forged) => void, RegExp][] = [
      [
        'remediation name and tag',
        (s) => {
          s.remediation.name = 'other';
          s.remediation.tag = `other/${s.remediation.version}`;
        },
        /snapshot\.json has sha256/,
      ],
      ['trigger.user', (s) => (s.trigger.user = 'someone-else'), /snapshot\.json has sha256/],
      ['started', (s) => (s.started = '2020-01-01T00:00:00.000Z'), /snapshot\.json has sha256/],
      ['status relabelled cancelled', (s) => (s.status = 'cancelled'), /snapshot field 'status'/],
      ['name without the tag', (s) => (s.remediation.name = 'other'), /snapshot field 'remediation\.tag'/],
    ];
    for (const [what, edit, message] of edits) {
      const dir = copy();
      const snapshot = JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')) as Forged;
      edit(snapshot);
      writeFileSync(join(dir, 'snapshot.json'), JSON.stringify(snapshot, null, 2));
      const result = await verifyWithKey(dir);
      expect(result.code, what).toBe(3);
      expect(result.stderr, what).toMatch(/RECORD_TAMPERED/);
      expect(result.stderr, what).toMatch(message);
    }
  });

  it('refuses a log rewritten with a recomputed chain and snapshot', async () => {
    const dir = copy();
    const log = readFileSync(join(dir, 'run.log'), 'utf8').replace('hello world', 'hello WORLD');
    const scratch = mkdtempSync(join(tmpdir(), 'rechain-'));
    const writer = await ChainedLogWriter.open(join(scratch, 'rec'));
    writer.write(Buffer.from(log));
    const summary = await writer.close();
    cpSync(join(scratch, 'rec', 'run.log'), join(dir, 'run.log'));
    cpSync(join(scratch, 'rec', 'run.log.chain'), join(dir, 'run.log.chain'));
    rmSync(scratch, { recursive: true, force: true });
    const snapshot = JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')) as Forged;
    snapshot.log = { file: 'run.log', bytes: summary.bytes, blocks: summary.blocks, head: summary.head };
    writeFileSync(join(dir, 'snapshot.json'), JSON.stringify(snapshot, null, 2));
    // Consistent again: only the anchor tells.
    expect((await runCli(['verify-run', dir], { cwd: r.repo.dir })).stderr).toMatch(/UNANCHORED/);
    const result = await verifyWithKey(dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/RECORD_TAMPERED.*(run\.log|snapshot\.json) has sha256/);
  });

  it('refuses an edited or added definition copy', async () => {
    // Same length, other bytes: the tar stays well-formed.
    const edited = copy();
    const tar = readFileSync(join(edited, 'definition.tar'));
    const at = tar.indexOf('echo from the helper script');
    tar.write('echo from a forged  script', at, 'utf8');
    writeFileSync(join(edited, 'definition.tar'), tar);
    const result = await verifyWithKey(edited);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/RECORD_TAMPERED.*definition\.tar: helper\.sh is not the verified file/);
    // A definition copy laid into a refusal's record, to be shown as what was refused.
    const added = copy(refusedRecord);
    cpSync(join(record, 'definition.tar'), join(added, 'definition.tar'));
    expect((await verifyWithKey(added)).stderr).toMatch(
      /RECORD_TAMPERED.*definition\.tar is in the record, but snapshot\.json lists no definition copy/,
    );
  });

  it('refuses a receipt re-signed by another key, edited, from another run, missing, or of another type', async () => {
    const envelope = envelopeOf(record);
    const payload = Buffer.from(envelope.payload, 'base64');
    const other = parsePrivateKey(readFileSync(r.repo.path('other-key')), 'other-key');
    const mine = parsePrivateKey(readFileSync(r.repo.path('run-key')), 'run-key');

    // Whoever rewrote the record re-signs it with a key of their own.
    const resigned = copy();
    writeFileSync(
      join(resigned, 'receipt.dsse.json'),
      serialiseEnvelope(signEnvelope(IN_TOTO_PAYLOAD_TYPE, payload, [other])),
    );
    expect((await verifyWithKey(resigned)).stderr).toMatch(/refused \[UNTRUSTED_KEY\]: receipt signer check/);

    // The payload edited under the original signature.
    const edited = copy();
    const editedPayload = Buffer.from(payload.toString().replace('"succeeded"', '"healthy"'));
    writeFileSync(
      join(edited, 'receipt.dsse.json'),
      serialiseEnvelope({ ...envelope, payload: editedPayload.toString('base64') }),
    );
    expect((await verifyWithKey(edited)).stderr).toMatch(/refused \[SIGNATURE_INVALID\]: receipt signature check/);

    // A valid receipt of another run (the refusal) laid next to this record.
    const swapped = copy();
    cpSync(join(refusedRecord, 'receipt.dsse.json'), join(swapped, 'receipt.dsse.json'));
    expect((await verifyWithKey(swapped)).stderr).toMatch(/RECORD_TAMPERED/);

    // The receipt removed.
    const missing = copy();
    rmSync(join(missing, 'receipt.dsse.json'));
    expect((await verifyWithKey(missing)).stderr).toMatch(/refused \[UNANCHORED\]: .* has no receipt\.dsse\.json/);

    // A statement signed by the run key under another payload type (type confusion).
    const retyped = copy();
    writeFileSync(
      join(retyped, 'receipt.dsse.json'),
      serialiseEnvelope(signEnvelope('application/vnd.remediate.manifest.v1+json', payload, [mine])),
    );
    expect((await verifyWithKey(retyped)).stderr).toMatch(/refused \[MALFORMED\]: receipt payloadType/);

    // A genuine statement of this record, signed by the run key, but with a predicate that lies.
    const lying = copy();
    const statement = recordStatement(lying);
    const lie = { ...statement, predicate: { ...statement.predicate, forced: !statement.predicate.forced } };
    writeFileSync(
      join(lying, 'receipt.dsse.json'),
      serialiseEnvelope(signEnvelope(IN_TOTO_PAYLOAD_TYPE, statementBytes(lie), [mine])),
    );
    expect((await verifyWithKey(lying)).stderr).toMatch(/RECORD_TAMPERED.*predicate does not match snapshot\.json/);
  });

  it('is refused by a key that did not sign it', async () => {
    const error = await rejected(verifyRunRecord(record, { trustedKeys: [otherKey] }));
    expect(error).toMatchObject({ code: 'UNTRUSTED_KEY' });
  });
});

// Attack: a process a step left running rewrites the record between its closing and its signing,
// to get a forgery signed with the run key (or attested with the workflow's identity).
describe('signing checks the record against its seal', () => {
  function sealOf(dir: string): RecordSeal {
    const snapshot = readFileSync(join(dir, 'snapshot.json'));
    const log = (JSON.parse(snapshot.toString()) as { log: { bytes: number; head: string } }).log;
    return {
      snapshot,
      log: { bytes: log.bytes, head: log.head },
      definitionSha256: sha256(join(dir, 'definition.tar'))!,
    };
  }
  const key = () => parsePrivateKey(readFileSync(r.repo.path('run-key')), 'run-key');

  it('signs a record that is what was closed', () => {
    const dir = copy();
    expect(writeReceipt(dir, key(), sealOf(dir)).statement.subject).toHaveLength(4);
  });

  it('refuses to sign a swapped snapshot, log or definition copy, and writes no receipt', () => {
    const edits: [string, (dir: string) => void][] = [
      [
        'snapshot.json',
        (dir) => {
          const path = join(dir, 'snapshot.json');
          writeFileSync(path, readFileSync(path, 'utf8').replace(/"user": "[^"]*"/, '"user": "alice-the-approver"'));
        },
      ],
      [
        'run.log or run.log.chain',
        (dir) => {
          const path = join(dir, 'run.log');
          writeFileSync(path, readFileSync(path, 'utf8').replace('hello world', 'hello WORLD'));
        },
      ],
      ['definition.tar', (dir) => rewriteBundle(dir, replaceFile('helper.sh', 'echo other\n'))],
    ];
    for (const [what, edit] of edits) {
      const dir = copy();
      const seal = sealOf(dir);
      rmSync(join(dir, 'receipt.dsse.json'));
      edit(dir);
      const error = thrown(() => writeReceipt(dir, key(), seal));
      expect(error?.code, what).toBe('RECORD_TAMPERED');
      expect(error?.message, what).toContain(`${what}`);
      expect(error?.message, what).toContain('changed after the record was closed and before it was signed');
      expect(existsSync(join(dir, 'receipt.dsse.json')), what).toBe(false);
    }
  });
});
