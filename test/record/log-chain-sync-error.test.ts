import type * as Fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// A disk that fails writeback: the background fdatasync reports EIO. On Linux such an error is
// reported once per descriptor, so the final fsync may not see it again: close() must fail anyway.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  const fdatasync = (_fd: number, done: (error: NodeJS.ErrnoException | null) => void) =>
    setTimeout(() => done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })), 5);
  return { ...fs, default: { ...fs, fdatasync }, fdatasync };
});

const { BLOCK_BYTES, ChainedLogWriter } = await import('../../src/record/log-chain-writer.ts');

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('ChainedLogWriter on a failing disk', () => {
  it('fails close() when a background sync of run.log failed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'log-chain-eio-'));
    dirs.push(dir);
    const writer = await ChainedLogWriter.open(dir);
    const block = Buffer.alloc(BLOCK_BYTES, 0x61);
    for (let k = 0; k < 130; k++) writer.write(block); // past 8 MiB: one background sync starts
    await expect(writer.close()).rejects.toMatchObject({ code: 'EIO' });
  });
});
