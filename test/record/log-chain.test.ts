import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { chainLink, GENESIS } from '../../src/record/log-chain-format.ts';
import { verifyLogChain, type LogChainResult } from '../../src/record/log-chain-verifier.ts';
import { BLOCK_BYTES, ChainedLogWriter, WORKER_AFTER_BLOCKS } from '../../src/record/log-chain-writer.ts';
import { CHAIN_FILE, LOG_FILE } from '../../src/record/record-files.ts';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'log-chain-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Deterministic log content: the byte at absolute offset p. */
function contentAt(offset: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let k = 0; k < length; k++) {
    const p = offset + k;
    bytes[k] = (p * 31 + (p >>> 8) * 7 + (p >>> 16)) & 0xff;
  }
  return bytes;
}

/** Writes `total` bytes in odd-sized writes, closes, and returns the files and the summary. */
async function writeLog(total: number, flushEvery?: (k: number) => boolean) {
  const dir = await tempDir();
  const writer = await ChainedLogWriter.open(dir);
  let offset = 0;
  for (let k = 0; offset < total; k++) {
    const size = Math.min(total - offset, 1 + ((k * 7919) % 9001));
    writer.write(contentAt(offset, size));
    offset += size;
    if (flushEvery?.(k)) writer.flush();
  }
  const summary = await writer.close();
  const log = await readFile(join(dir, LOG_FILE));
  const chain = await readFile(join(dir, CHAIN_FILE), 'utf8');
  return { dir, summary, log, chain };
}

function expectProblem(result: LogChainResult, range: { start: number; end: number } | undefined): string {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.range).toEqual(range);
  return result.problem;
}

/** Rewrites chain lines with freshly computed links, as an attacker without the snapshot would. */
function rechain(log: Buffer, blocks: ReadonlyArray<{ start: number; end: number }>): string {
  let head = GENESIS;
  return blocks
    .map(({ start, end }, i) => {
      const sha256 = hashHex(log.subarray(start, end));
      head = chainLink(head, i, start, end, sha256);
      return `${JSON.stringify({ i, start, end, sha256, chain: head })}\n`;
    })
    .join('');
}

function hashHex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('ChainedLogWriter and verifyLogChain', () => {
  it('round-trips several MB of odd-sized writes with random flushes', async () => {
    let seed = 7;
    const flushSometimes = (): boolean => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % 13 === 0;
    };
    const total = 3 * 1024 * 1024 + 12345;
    const { summary, log, chain } = await writeLog(total, flushSometimes);
    expect(log.equals(contentAt(0, total))).toBe(true);
    expect(summary.bytes).toBe(total);
    const lines = chain.trimEnd().split('\n');
    expect(lines.length).toBe(summary.blocks);
    // Flushes cut short blocks, so there are more blocks than full-size ones would need.
    expect(summary.blocks).toBeGreaterThan(Math.ceil(total / BLOCK_BYTES));
    for (const line of lines) {
      const block = JSON.parse(line) as { start: number; end: number };
      expect(block.end - block.start).toBeLessThanOrEqual(BLOCK_BYTES);
    }
    expect(verifyLogChain(log, chain)).toEqual({
      ok: true,
      complete: true,
      blocks: summary.blocks,
      bytes: total,
      head: summary.head,
      unchainedBytes: 0,
      partialLine: false,
    });
    expect(verifyLogChain(log, chain, { head: summary.head, bytes: total }).ok).toBe(true);
  });

  it('writes the documented chain format', async () => {
    const { summary, log, chain } = await writeLog(100);
    const sha256 = hashHex(log);
    const expected = chainLink(GENESIS, 0, 0, 100, sha256);
    expect(chain).toBe(`{"i":0,"start":0,"end":100,"sha256":"${sha256}","chain":"${expected}"}\n`);
    expect(expected).toBe(hashHex(Buffer.from(`${GENESIS}\n0\n0\n100\n${sha256}`)));
    expect(summary).toEqual({ head: expected, bytes: 100, blocks: 1 });
  });

  it('records an empty log as no blocks with the genesis head', async () => {
    const { summary, log, chain } = await writeLog(0);
    expect(summary).toEqual({ head: GENESIS, bytes: 0, blocks: 0 });
    expect(verifyLogChain(log, chain, { head: GENESIS, bytes: 0 })).toMatchObject({ ok: true, complete: true });
  });

  it('refuses to open a folder that already holds a log', async () => {
    const { dir } = await writeLog(10);
    await expect(ChainedLogWriter.open(dir)).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    await expect(ChainedLogWriter.open(dir)).rejects.toBeInstanceOf(UsageError);
    // The existing record is untouched.
    expect((await readFile(join(dir, LOG_FILE))).length).toBe(10);
  });

  it('refuses writes after close', async () => {
    const writer = await ChainedLogWriter.open(await tempDir());
    await writer.close();
    expect(() => writer.write(Buffer.from('late'))).toThrow(/closed/);
  });

  describe('detects tampering', () => {
    const total = 3 * BLOCK_BYTES + 3392;

    it('a flipped byte, naming the block that holds it', async () => {
      const { log, chain } = await writeLog(total);
      log[70000] = (log[70000] ?? 0) ^ 0x01;
      const problem = expectProblem(verifyLogChain(log, chain), { start: 65536, end: 131072 });
      expect(problem).toContain('bytes 65536-131071 of run.log were altered');
    });

    it('a chain line removed from the middle', async () => {
      const { log, chain } = await writeLog(total);
      const lines = chain.split('\n');
      lines.splice(1, 1);
      expectProblem(verifyLogChain(log, lines.join('\n')), { start: 65536, end: 131072 });
    });

    it('two blocks of the log swapped', async () => {
      const { log, chain } = await writeLog(total);
      const swapped = Buffer.concat([log.subarray(65536, 131072), log.subarray(0, 65536), log.subarray(131072)]);
      expectProblem(verifyLogChain(swapped, chain), { start: 0, end: 65536 });
    });

    it('two chain lines swapped', async () => {
      const { log, chain } = await writeLog(total);
      const lines = chain.split('\n');
      [lines[1], lines[2]] = [lines[2] as string, lines[1] as string];
      expectProblem(verifyLogChain(log, lines.join('\n')), { start: 65536, end: 131072 });
    });

    it('a truncated log, from its new end to where the chain says it ends', async () => {
      const { log, chain } = await writeLog(total);
      const problem = expectProblem(verifyLogChain(log.subarray(0, 150000), chain), { start: 150000, end: total });
      expect(problem).toContain('truncated');
    });

    it('an edited chain line', async () => {
      const { log, chain } = await writeLog(total);
      const lines = chain.split('\n');
      const block = JSON.parse(lines[2] as string) as Record<string, unknown>;
      block['chain'] = 'f'.repeat(64);
      lines[2] = JSON.stringify(block);
      const problem = expectProblem(verifyLogChain(log, lines.join('\n')), { start: 131072, end: 196608 });
      expect(problem).toContain('line 3');
    });

    it('a renumbered chain line', async () => {
      const { log, chain } = await writeLog(total);
      const lines = chain.split('\n');
      lines[1] = (lines[1] as string).replace('"i":1', '"i":5');
      expectProblem(verifyLogChain(log, lines.join('\n')), { start: 65536, end: 131072 });
    });

    it('a malformed line in the middle of the chain', async () => {
      const { log, chain } = await writeLog(total);
      const lines = chain.split('\n');
      lines[1] = (lines[1] as string).slice(0, 20);
      expect(verifyLogChain(log, lines.join('\n'))).toMatchObject({
        ok: false,
        problem: expect.stringContaining('line 2'),
      });
      lines[1] = '{"i":1,"start":65536,"end":131072,"sha256":"x","chain":"y"}';
      expect(verifyLogChain(log, lines.join('\n')).ok).toBe(false);
    });

    it('a consistent rewrite of log and chain only against the recorded head', async () => {
      const { log, chain, summary } = await writeLog(total);
      const edited = Buffer.from(log);
      edited.write('rm -rf / # innocent', 1000);
      const blocks = chain
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { start: number; end: number });
      const forged = rechain(edited, blocks);
      // Without a pinned head the forgery is self-consistent: this is why the snapshot records it.
      expect(verifyLogChain(edited, forged).ok).toBe(true);
      const problem = expectProblem(verifyLogChain(edited, forged, { head: summary.head, bytes: total }), undefined);
      expect(problem).toContain('head');
    });

    it('bytes appended after the last block, when the summary is known', async () => {
      const { log, chain, summary } = await writeLog(total);
      const appended = Buffer.concat([log, Buffer.from('forged line\n')]);
      expect(verifyLogChain(appended, chain)).toMatchObject({ ok: true, complete: false, unchainedBytes: 12 });
      expectProblem(verifyLogChain(appended, chain, { head: summary.head, bytes: total }), {
        start: total,
        end: total + 12,
      });
    });

    it('trailing chain lines removed, when the summary is known', async () => {
      const { log, chain, summary } = await writeLog(total);
      const lines = chain.split('\n');
      const shortened = `${lines.slice(0, 2).join('\n')}\n`;
      expectProblem(verifyLogChain(log, shortened, { head: summary.head, bytes: total }), {
        start: 131072,
        end: total,
      });
    });
  });

  describe('long logs, hashed on a worker thread', () => {
    // Past 8 MiB, so background syncs of run.log run too (and close() must wait for one in flight).
    const total = (WORKER_AFTER_BLOCKS + 150) * BLOCK_BYTES + 1234;
    const fullBlocks = (bytes: number) =>
      Array.from({ length: Math.ceil(bytes / BLOCK_BYTES) }, (_, i) => ({
        start: i * BLOCK_BYTES,
        end: Math.min(bytes, (i + 1) * BLOCK_BYTES),
      }));
    const tick = () => new Promise((done) => setTimeout(done, 1));

    it('writes exactly the chain a single thread would, however the answers interleave', async () => {
      const dir = await tempDir();
      const writer = await ChainedLogWriter.open(dir);
      let offset = 0;
      for (let k = 0; offset < total; k++) {
        const size = Math.min(total - offset, 1 + ((k * 7919) % 30001));
        writer.write(contentAt(offset, size));
        offset += size;
        // Yielding now and then lets the worker's answers arrive between writes.
        if (k % 7 === 0) await tick();
      }
      const summary = await writer.close();
      const log = await readFile(join(dir, LOG_FILE));
      const chain = await readFile(join(dir, CHAIN_FILE), 'utf8');
      expect(log.equals(contentAt(0, total))).toBe(true);
      // Block boundaries depend only on write() and flush(), so the chain is fully determined.
      expect(chain).toBe(rechain(log, fullBlocks(total)));
      expect(verifyLogChain(log, chain, { head: summary.head, bytes: total })).toMatchObject({ ok: true });
      expect(writer.hashedBy.worker).toBeGreaterThan(0);
      expect(writer.hashedBy.writer + writer.hashedBy.worker).toBe(fullBlocks(total).length);
    });

    it('flush() chains every block at once, even with hashes still in flight', async () => {
      const dir = await tempDir();
      const writer = await ChainedLogWriter.open(dir);
      const bytes = (WORKER_AFTER_BLOCKS + 10) * BLOCK_BYTES;
      writer.write(contentAt(0, bytes)); // no yield: the worker's answers cannot have arrived
      writer.flush();
      const chained = await readFile(join(dir, CHAIN_FILE), 'utf8');
      expect(chained).toBe(rechain(contentAt(0, bytes), fullBlocks(bytes)));
      await tick();
      await tick(); // late answers for settled blocks change nothing
      writer.write(contentAt(bytes, 10));
      const summary = await writer.close();
      const log = await readFile(join(dir, LOG_FILE));
      const chain = await readFile(join(dir, CHAIN_FILE), 'utf8');
      expect(chain).toBe(rechain(log, [...fullBlocks(bytes), { start: bytes, end: bytes + 10 }]));
      expect(verifyLogChain(log, chain, { head: summary.head, bytes: bytes + 10 })).toMatchObject({ ok: true });
    });
  });

  it('accepts the valid prefix left by a writer that was never closed', async () => {
    const dir = await tempDir();
    const writer = await ChainedLogWriter.open(dir);
    writer.write(contentAt(0, 100000));
    writer.flush();
    writer.write(contentAt(100000, 5000)); // buffered only: lost when the process dies
    const log = await readFile(join(dir, LOG_FILE));
    const chain = await readFile(join(dir, CHAIN_FILE), 'utf8');
    expect(log.length).toBe(100000);
    expect(verifyLogChain(log, chain)).toMatchObject({
      ok: true,
      complete: true,
      bytes: 100000,
      blocks: 2,
      head: writer.summary.head,
    });

    // Killed between appending a block's bytes and its chain line (line half written).
    await appendFile(join(dir, LOG_FILE), contentAt(100000, 300));
    await appendFile(join(dir, CHAIN_FILE), '{"i":2,"start":100000,"end":1003');
    const log2 = await readFile(join(dir, LOG_FILE));
    const chain2 = await readFile(join(dir, CHAIN_FILE), 'utf8');
    expect(verifyLogChain(log2, chain2)).toMatchObject({
      ok: true,
      complete: false,
      bytes: 100000,
      blocks: 2,
      unchainedBytes: 300,
      partialLine: true,
    });
    // A finished run may not end like that.
    expect(verifyLogChain(log2, chain2, { bytes: 100000 }).ok).toBe(false);
    await writer.close();
  });

  it.each([
    { label: 'flushing often', flushEvery: 5, readyAt: 300000, inFlight: false },
    {
      // The writer never yields, so no worker answer is ever taken in: blocks wait unchained.
      label: 'with blocks in flight to the hashing worker',
      flushEvery: 0,
      readyAt: (WORKER_AFTER_BLOCKS + 8) * BLOCK_BYTES,
      inFlight: true,
    },
  ])(
    'leaves a valid prefix when the writing process is SIGKILLed mid-stream, $label',
    async ({ flushEvery, readyAt, inFlight }) => {
      const dir = await tempDir();
      const script = join(dir, 'writer.mts');
      const moduleUrl = new URL('../../src/record/log-chain-writer.ts', import.meta.url).href;
      await writeFile(
        script,
        `import { writeSync } from 'node:fs';
import { ChainedLogWriter } from ${JSON.stringify(moduleUrl)};
${contentAt.toString()}
const writer = await ChainedLogWriter.open(process.argv[2] as string);
let offset = 0;
let announced = false;
for (let k = 0; ; k++) {
  const size = 1 + ((k * 7919) % 9001);
  writer.write(contentAt(offset, size));
  offset += size;
  if (${flushEvery} > 0 && k % ${flushEvery} === 0) writer.flush();
  if (!announced && writer.summary.bytes > ${readyAt}) {
    writeSync(1, 'ready\\n');
    announced = true;
  }
  if (announced && ${inFlight}) {
    writeSync(1, 'stalled\\n');
    for (;;) {} // busy: the worker's answers stay queued, their blocks unchained
  }
  if (announced) await new Promise((done) => setTimeout(done, 1));
}
`,
      );
      const logDir = join(dir, 'record');
      const child = spawn(process.execPath, [script, logDir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
      await new Promise<void>((done, failed) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes(inFlight ? 'stalled' : 'ready')) done();
        });
        child.on('exit', () => failed(new Error(`writer exited early: ${stderr}`)));
      });
      await new Promise((done) => setTimeout(done, 30));
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');

      const log = await readFile(join(logDir, LOG_FILE));
      const chain = await readFile(join(logDir, CHAIN_FILE), 'utf8');
      const result = verifyLogChain(log, chain);
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) throw new Error(result.problem);
      expect(result.bytes).toBeGreaterThan(readyAt);
      expect(log.equals(contentAt(0, log.length))).toBe(true);
      if (inFlight) {
        // Written but not yet chained, and never more than the ring holds (README: up to 1 MiB).
        expect(result.unchainedBytes).toBeGreaterThan(0);
        expect(result.unchainedBytes).toBeLessThanOrEqual(16 * BLOCK_BYTES);
      }
    },
  );
});
