import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_FILE } from '../../src/record/record-files.ts';
import { releaseChunk } from '../../src/adapters/chunk-memory.ts';
import { RunRecorder } from '../../src/record/recorder.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A chunk the way a pipe read delivers it: the only view of its own memory. */
function pipeChunk(text: string, size = 65536): Buffer {
  const chunk = Buffer.alloc(size, 'x');
  chunk.write(text);
  chunk[size - 1] = 0x0a;
  return chunk;
}

describe('releaseChunk', () => {
  it('frees a chunk that alone owns its memory', () => {
    const chunk = pipeChunk('hello');
    releaseChunk(chunk);
    expect(chunk.byteLength).toBe(0);
    expect((chunk.buffer as ArrayBuffer).detached).toBe(true);
  });

  it('leaves shared memory alone: slices, pooled small buffers, shared array buffers', () => {
    const big = pipeChunk('a');
    const slice = big.subarray(10, 20);
    releaseChunk(slice);
    expect(big.byteLength).toBe(65536);
    const pooled = Buffer.from('small strings share an 8 KiB pool');
    const neighbour = Buffer.from('a neighbour in the same pool');
    releaseChunk(pooled);
    expect(pooled.toString()).toBe('small strings share an 8 KiB pool');
    expect(neighbour.toString()).toBe('a neighbour in the same pool');
    const shared = new Uint8Array(new SharedArrayBuffer(16));
    releaseChunk(shared);
    expect(shared.byteLength).toBe(16);
  });
});

describe('RunRecorder and step output chunks', () => {
  it('frees each chunk once it is in the log, but never while the echo still holds it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chunk-memory-'));
    dirs.push(dir);
    const held: Buffer[] = [];
    let queueEcho = false;
    const snapshot = { steps: [], outputs: {} } as unknown as RunSnapshot;
    const recorder = await RunRecorder.create(
      dir,
      ['a-secret-value'],
      snapshot,
      () => new Date(0),
      (bytes) => {
        if (!queueEcho) return false;
        held.push(bytes); // like a stdout write that is still queued
        return true;
      },
    );
    const first = pipeChunk('first chunk, token a-secret-value\n');
    recorder.stdout(first);
    expect(first.byteLength).toBe(0);

    queueEcho = true;
    const second = pipeChunk('second chunk, no secret\n');
    recorder.stderr(second);
    expect(second.byteLength).toBe(65536);
    // The queued echo still sees the bytes it was given.
    expect(Buffer.concat(held).toString()).toContain('second chunk, no secret\n');

    recorder.endStreams();
    await recorder.finish();
    const log = await readFile(join(dir, LOG_FILE), 'utf8');
    expect(log.startsWith('first chunk, token ***\n')).toBe(true);
    expect(log).toContain('second chunk, no secret\n');
    expect(log).not.toContain('a-secret-value');
    expect(log.length).toBe(2 * 65536 - 'a-secret-value'.length + 3);
  });
});

describe('the Action echo on a real pipe the runner is slow to read', () => {
  it('never frees a chunk the stdout stream still holds: the live log gets every byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chunk-echo-'));
    dirs.push(dir);
    const script = join(dir, 'echo.mts');
    const recorderUrl = new URL('../../src/record/recorder.ts', import.meta.url).href;
    const coreIoUrl = new URL('../../src/action/core-io.ts', import.meta.url).href;
    await writeFile(
      script,
      `import { RunRecorder } from ${JSON.stringify(recorderUrl)};
import { coreIo } from ${JSON.stringify(coreIoUrl)};
const io = coreIo();
let kept = 0;
const snapshot = { steps: [], outputs: {} };
const recorder = await RunRecorder.create(process.argv[2], [], snapshot, () => new Date(0), (bytes) => {
  const held = io.writeRaw(bytes);
  if (held) kept++;
  return held;
});
for (let k = 0; k < 40; k++) {
  const chunk = Buffer.alloc(65536, 0x61 + (k % 26));
  chunk[65535] = 0x0a;
  recorder.stdout(chunk);
}
recorder.endStreams();
await recorder.finish();
process.stderr.write(String(kept));
`,
    );
    const child = spawn(process.execPath, [script, join(dir, 'record')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Not reading yet: the pipe fills and the child's writes queue, holding their buffers.
    await new Promise((done) => setTimeout(done, 400));
    const received: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => received.push(chunk));
    const code = await new Promise((done) => child.on('close', done));
    expect(code, stderr).toBe(0);
    const expected = Buffer.concat(
      Array.from({ length: 40 }, (_, k) => {
        const chunk = Buffer.alloc(65536, 0x61 + (k % 26));
        chunk[65535] = 0x0a;
        return chunk;
      }),
    );
    expect(Number(stderr)).toBeGreaterThan(0); // some writes really were queued
    expect(Buffer.concat(received).equals(expected)).toBe(true);
    expect((await readFile(join(dir, 'record', LOG_FILE))).equals(expected)).toBe(true);
  });
});
