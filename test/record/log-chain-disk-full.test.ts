import type * as Fs from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// A disk that fills up: every write takes what space is left (a short write), then fails with
// ENOSPC, the way write(2) behaves on a full filesystem or past `ulimit -f` (EFBIG).
const disk = vi.hoisted(() => ({ free: Number.POSITIVE_INFINITY }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  const writeSync = (fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null) => {
    if (disk.free <= 0) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    }
    const written = fs.writeSync(fd, buffer, offset, Math.min(length, disk.free), position);
    disk.free -= written;
    return written;
  };
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { GENESIS } = await import('../../src/record/log-chain-format.ts');
const { verifyLogChain } = await import('../../src/record/log-chain-verifier.ts');
const { BLOCK_BYTES, ChainedLogWriter } = await import('../../src/record/log-chain-writer.ts');

const dirs: string[] = [];
afterEach(async () => {
  disk.free = Number.POSITIVE_INFINITY;
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function openWriter() {
  const dir = await mkdtemp(join(tmpdir(), 'log-chain-enospc-'));
  dirs.push(dir);
  return { dir, writer: await ChainedLogWriter.open(dir) };
}

async function readFiles(dir: string) {
  return { log: await readFile(join(dir, 'run.log')), chain: await readFile(join(dir, 'run.log.chain'), 'utf8') };
}

describe('ChainedLogWriter on a disk that fills up', () => {
  it('closes at the last chained block: the cut-short block is removed and what stays verifies as complete', async () => {
    const { dir, writer } = await openWriter();
    writer.write(Buffer.alloc(3 * BLOCK_BYTES, 0x61));
    writer.flush();
    disk.free = 1000;
    expect(() => writer.write(Buffer.alloc(2 * BLOCK_BYTES, 0x62))).toThrow(/ENOSPC/);
    // Half a block reached run.log before the disk was full.
    expect((await readFiles(dir)).log.byteLength).toBeGreaterThan(3 * BLOCK_BYTES);
    const summary = await writer.closeValidPrefix();
    expect(summary).toMatchObject({ bytes: 3 * BLOCK_BYTES, blocks: 3 });
    const { log, chain } = await readFiles(dir);
    expect(log.byteLength).toBe(3 * BLOCK_BYTES);
    expect(verifyLogChain(log, chain, { head: summary.head, bytes: summary.bytes })).toMatchObject({
      ok: true,
      complete: true,
    });
  });

  it('removes a chain line cut short, and chains blocks already whole in run.log once space is back', async () => {
    const { dir, writer } = await openWriter();
    disk.free = BLOCK_BYTES + 20; // the block fits; its chain line does not
    expect(() => writer.write(Buffer.alloc(BLOCK_BYTES, 0x61))).toThrow(/ENOSPC/);
    expect((await readFiles(dir)).chain).toHaveLength(20);
    disk.free = Number.POSITIVE_INFINITY; // the rollback freed space, say
    const summary = await writer.closeValidPrefix();
    expect(summary).toMatchObject({ bytes: BLOCK_BYTES, blocks: 1 });
    const { log, chain } = await readFiles(dir);
    expect(verifyLogChain(log, chain, summary)).toMatchObject({ ok: true, complete: true });
  });

  it('closes as an empty, valid log when not even one chain line fits', async () => {
    const { dir, writer } = await openWriter();
    disk.free = BLOCK_BYTES + 20;
    expect(() => writer.write(Buffer.alloc(BLOCK_BYTES, 0x61))).toThrow(/ENOSPC/);
    const summary = await writer.closeValidPrefix();
    expect(summary).toEqual({ bytes: 0, blocks: 0, head: GENESIS });
    const { log, chain } = await readFiles(dir);
    expect(log.byteLength).toBe(0);
    expect(verifyLogChain(log, chain, summary)).toMatchObject({ ok: true, complete: true });
  });
});
