import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TrustError, UsageError } from '../../src/errors.ts';
import type { LogSummary } from '../../src/record/log-chain-format.ts';
import { BLOCK_BYTES, ChainedLogWriter } from '../../src/record/log-chain-writer.ts';
import { CHAIN_FILE, LOG_FILE, readRecord, SNAPSHOT_FILE, type RecordFiles } from '../../src/record/record-files.ts';
import {
  assertRecordIntact,
  snapshotDigest,
  verifyRecord,
  type RecordVerification,
} from '../../src/record/record-verifier.ts';
import { thrown } from '../helpers/errors.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const STEP_OUTPUT = [
  'check: disk usage 97% on /var\n'.repeat(3000),
  'steps[0] clear-cache: removed 1200 files\n'.repeat(4000),
  'verify: disk usage 41% on /var\n'.repeat(100),
];

interface Built {
  readonly dir: string;
  readonly files: RecordFiles;
  readonly summary: LogSummary;
  readonly snapshot: Record<string, unknown>;
}

/** Writes a real record the way the executor does: log per step, flush at boundaries, snapshot last. */
async function buildRecord(edit?: (snapshot: Record<string, unknown>) => void): Promise<Built> {
  const dir = await mkdtemp(join(tmpdir(), 'record-'));
  dirs.push(dir);
  const writer = await ChainedLogWriter.open(dir);
  const steps: Array<{ id: string; log: { start: number; end: number } }> = [];
  let offset = 0;
  for (const [k, output] of STEP_OUTPUT.entries()) {
    writer.write(Buffer.from(output));
    writer.flush();
    steps.push({ id: `step-${k}`, log: { start: offset, end: offset + Buffer.byteLength(output) } });
    offset += Buffer.byteLength(output);
  }
  const summary = await writer.close();
  const snapshot: Record<string, unknown> = {
    name: 'clear-disk',
    version: 'v1.0.0',
    status: 'succeeded',
    log: { file: LOG_FILE, ...summary },
    steps,
  };
  edit?.(snapshot);
  await writeFile(join(dir, SNAPSHOT_FILE), `${JSON.stringify(snapshot, null, 2)}\n`);
  return { dir, files: await readRecord(dir), summary, snapshot };
}

/** The block ranges listed in a chain file. */
function blockRanges(chain: string): Array<{ start: number; end: number }> {
  return chain
    .trimEnd()
    .split('\n')
    .map((line) => {
      const { start, end } = JSON.parse(line) as { start: number; end: number };
      return { start, end };
    });
}

function withSnapshot(files: RecordFiles, snapshot: unknown): RecordFiles {
  return { ...files, snapshot: Buffer.from(JSON.stringify(snapshot)) };
}

function problemOf(result: RecordVerification): { problem: string; field?: string; range?: unknown } {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result;
}

describe('snapshotDigest', () => {
  it('is sha256: and the hex SHA-256 of the exact bytes', () => {
    const bytes = Buffer.from('{"status":"succeeded"}\n');
    expect(snapshotDigest(bytes)).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    expect(snapshotDigest(Buffer.from('{"status":"succeeded"} \n'))).not.toBe(snapshotDigest(bytes));
  });
});

describe('verifyRecord', () => {
  it('accepts an untouched record and reports what it verified', async () => {
    const { files, summary } = await buildRecord();
    const digest = snapshotDigest(files.snapshot);
    expect(verifyRecord(files, { snapshotDigest: digest })).toEqual({
      ok: true,
      complete: true,
      status: 'succeeded',
      snapshotDigest: digest,
      log: { ...summary, unchainedBytes: 0 },
      steps: 3,
    });
    expect(summary.blocks).toBeGreaterThan(3);
  });

  it('refuses a snapshot whose digest differs from the pinned one', async () => {
    const { files } = await buildRecord();
    const pinned = snapshotDigest(files.snapshot);
    const edited = { ...files, snapshot: Buffer.from(files.snapshot.toString().replace('succeeded', 'failed   ')) };
    expect(problemOf(verifyRecord(edited, { snapshotDigest: pinned })).problem).toContain('digest');
    // The edit alone is self-consistent; only the pinned digest catches it.
    expect(verifyRecord(edited).ok).toBe(true);
  });

  it('treats a malformed pinned digest as a usage error', async () => {
    const { files } = await buildRecord();
    expect(() => verifyRecord(files, { snapshotDigest: 'abc' })).toThrow(UsageError);
  });

  it('names the first altered byte range of the log', async () => {
    const { files } = await buildRecord();
    const block = blockRanges(files.chain)[2] as { start: number; end: number };
    const log = Buffer.from(files.log);
    log[block.start + 10] = 0x21;
    log[block.end + 10] = 0x21; // a later alteration is not the first one
    const result = problemOf(verifyRecord({ ...files, log }));
    expect(result.range).toEqual(block);
    expect(result.problem).toContain(`bytes ${block.start}-${block.end - 1} of run.log were altered`);
  });

  it('names an edited log.head', async () => {
    const { files, snapshot, summary } = await buildRecord();
    const forged = { ...snapshot, log: { file: LOG_FILE, ...summary, head: 'a'.repeat(64) } };
    const result = problemOf(verifyRecord(withSnapshot(files, forged)));
    expect(result.field).toBe('log.head');
    expect(result.problem).toContain(`snapshot field 'log.head': expected ${summary.head}, got ${'a'.repeat(64)}`);
  });

  it('names an edited log.blocks and log.file', async () => {
    const { files, snapshot, summary } = await buildRecord();
    const blocks = { ...snapshot, log: { file: LOG_FILE, ...summary, blocks: summary.blocks + 1 } };
    expect(problemOf(verifyRecord(withSnapshot(files, blocks))).field).toBe('log.blocks');
    const file = { ...snapshot, log: { ...summary, file: '../other.log' } };
    expect(problemOf(verifyRecord(withSnapshot(files, file))).field).toBe('log.file');
  });

  it("names a step's end offset edited past the log", async () => {
    const { files, snapshot } = await buildRecord();
    const steps = structuredClone(snapshot['steps']) as Array<{ log: { start: number; end: number } }>;
    const last = steps[2] as { log: { start: number; end: number } };
    last.log.end = files.log.length + 100;
    const result = problemOf(verifyRecord(withSnapshot(files, { ...snapshot, steps })));
    expect(result.field).toBe('steps[2].log.end');
    expect(result.range).toEqual({ start: files.log.length, end: files.log.length + 100 });
  });

  it('names step ranges that overlap or run backwards', async () => {
    const { files, snapshot } = await buildRecord();
    const overlapping = structuredClone(snapshot['steps']) as Array<{ log: { start: number; end: number } }>;
    (overlapping[1] as { log: { start: number } }).log.start -= 1;
    expect(problemOf(verifyRecord(withSnapshot(files, { ...snapshot, steps: overlapping }))).field).toBe(
      'steps[1].log.start',
    );
    const backwards = structuredClone(snapshot['steps']) as Array<{ log: { start: number; end: number } }>;
    const first = backwards[0] as { log: { start: number; end: number } };
    first.log.end = first.log.start - 1;
    expect(problemOf(verifyRecord(withSnapshot(files, { ...snapshot, steps: backwards }))).field).toMatch(
      /^steps\[0\]\.log\.(start|end)$/,
    );
  });

  it('names a log truncated at a block boundary with its chain lines removed', async () => {
    const { files, summary } = await buildRecord();
    const keep = 2;
    const cut = (blockRanges(files.chain)[keep - 1] as { end: number }).end;
    const chain = `${files.chain.split('\n').slice(0, keep).join('\n')}\n`;
    const log = files.log.subarray(0, cut);
    const result = problemOf(verifyRecord({ ...files, chain, log }));
    expect(result.field).toBe('log.bytes');
    expect(result.range).toEqual({ start: cut, end: summary.bytes });
  });

  it('names bytes appended to the log after the run', async () => {
    const { files, summary } = await buildRecord();
    const log = Buffer.concat([files.log, Buffer.from('all good, nothing to see\n')]);
    const result = problemOf(verifyRecord({ ...files, log }));
    expect(result.range).toEqual({ start: summary.bytes, end: log.length });
  });

  it('refuses a partial last chain line when the run finished', async () => {
    const { files } = await buildRecord();
    expect(problemOf(verifyRecord({ ...files, chain: `${files.chain}{"i":` })).problem).toContain('partial line');
  });

  it('requires a status and a JSON object', async () => {
    const { files, snapshot } = await buildRecord();
    const withoutStatus: Record<string, unknown> = { ...snapshot };
    delete withoutStatus['status'];
    expect(problemOf(verifyRecord(withSnapshot(files, withoutStatus))).field).toBe('status');
    expect(problemOf(verifyRecord({ ...files, snapshot: Buffer.from('{"status":') })).problem).toContain('JSON');
    expect(problemOf(verifyRecord({ ...files, snapshot: Buffer.from('[1]') })).problem).toContain('object');
  });

  it("verifies only the prefix of an interrupted run's log and reports it incomplete", async () => {
    const { files, snapshot, summary } = await buildRecord();
    const interrupted = { ...snapshot, status: 'cancelled', log: { file: LOG_FILE, complete: false } };
    // Killed between a block's log bytes and its chain line.
    const log = Buffer.concat([files.log, Buffer.from('half a block')]);
    const result = verifyRecord({ ...withSnapshot(files, interrupted), log });
    expect(result).toMatchObject({
      ok: true,
      complete: false,
      status: 'cancelled',
      log: { ...summary, unchainedBytes: 12 },
    });
    const noLog: Record<string, unknown> = { ...snapshot, status: 'cancelled' };
    delete noLog['log'];
    expect(verifyRecord(withSnapshot(files, noLog))).toMatchObject({ ok: true, complete: false });
    // The prefix itself is still checked.
    const altered = Buffer.from(files.log);
    altered[5] = 0;
    expect(problemOf(verifyRecord({ ...withSnapshot(files, noLog), log: altered })).range).toEqual({
      start: 0,
      end: BLOCK_BYTES,
    });
  });

  it('throws RECORD_TAMPERED through assertRecordIntact', async () => {
    const { files } = await buildRecord();
    expect(assertRecordIntact(files).ok).toBe(true);
    const log = Buffer.from(files.log);
    log[0] = 0;
    const caught = thrown(() => assertRecordIntact({ ...files, log }));
    expect(caught).toBeInstanceOf(TrustError);
    expect((caught as TrustError).code).toBe('RECORD_TAMPERED');
  });
});

describe('readRecord', () => {
  it('reads the three files of a record folder', async () => {
    const { dir, files } = await buildRecord();
    expect(files.snapshot.equals(await readFile(join(dir, SNAPSHOT_FILE)))).toBe(true);
    expect(files.log.equals(await readFile(join(dir, LOG_FILE)))).toBe(true);
    expect(files.chain).toBe(await readFile(join(dir, CHAIN_FILE), 'utf8'));
  });

  it('reports a missing file as NOT_FOUND', async () => {
    const { dir } = await buildRecord();
    await unlink(join(dir, CHAIN_FILE));
    await expect(readRecord(dir)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
