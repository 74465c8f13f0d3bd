import type * as Fs from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StepEnd, StepStart } from '../../src/record/recorder.ts';
import type { RunSnapshot, StepRecord } from '../../src/record/snapshot.ts';

// run.log and run.log.chain are written with writeSync: that is where the disk fills up here.
// snapshot.json (writeFileSync, small) still fits, as it often does on a full disk.
const disk = vi.hoisted(() => ({ free: Number.POSITIVE_INFINITY, snapshotFails: false }));
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
  const writeFileSync = (...args: Parameters<typeof fs.writeFileSync>) => {
    if (disk.snapshotFails && String(args[0]).endsWith('.snapshot.json.tmp')) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    }
    fs.writeFileSync(...args);
  };
  return { ...fs, default: { ...fs, writeSync, writeFileSync }, writeSync, writeFileSync };
});

const { RunRecorder } = await import('../../src/record/recorder.ts');
const { readRecord } = await import('../../src/record/record-files.ts');
const { verifyRecord } = await import('../../src/record/record-verifier.ts');

const dirs: string[] = [];
afterEach(async () => {
  disk.free = Number.POSITIVE_INFINITY;
  disk.snapshotFails = false;
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function startRecorder() {
  const dir = join(await mkdtemp(join(tmpdir(), 'recorder-enospc-')), 'record');
  dirs.push(dirname(dir));
  const snapshot = {
    status: 'running',
    steps: [] as StepRecord[],
    outputs: {},
    log: { file: 'run.log', complete: false },
  } as unknown as RunSnapshot;
  return { dir, snapshot, recorder: await RunRecorder.create(dir, [], snapshot, () => new Date(0)) };
}

/** A step as the executor starts one. */
function start(id: string): StepStart {
  return { stage: 'steps', id, started: '', continueOnError: false };
}

/** A step's end as the executor reports it. */
function end(): StepEnd {
  return { ended: '', durationMs: 0, exitCode: 1, signal: null, outcome: 'failed', outputs: {} };
}

describe('RunRecorder on a disk that fills up', () => {
  it('takes the failed write without throwing, stops writing the log, and tells the executor', async () => {
    const { dir, recorder } = await startRecorder();
    recorder.line('before the disk filled up');
    recorder.flush();
    disk.free = 100;
    // A step's output chunk, as the stream handler hands it over: this used to throw ENOSPC out
    // of the handler and crash the tool mid-step.
    expect(() => recorder.stdout(Buffer.alloc(200_000, 0x61))).not.toThrow();
    expect(recorder.failed.aborted).toBe(true);
    expect(recorder.failure).toMatchObject({ file: 'run.log', error: { code: 'ENOSPC' } });
    const size = (await readFile(join(dir, 'run.log'))).byteLength;
    disk.free = Number.POSITIVE_INFINITY;
    recorder.stdout(Buffer.alloc(200_000, 0x62));
    recorder.line('after');
    recorder.flush();
    expect((await readFile(join(dir, 'run.log'))).byteLength).toBe(size);
    await recorder.finish();
  });

  it('closes a valid record: the log cut at its last chained block, step ranges kept inside it', async () => {
    const { dir, recorder } = await startRecorder();
    const first = recorder.startStep(start('first'));
    recorder.line('first step output');
    recorder.endStep(first, end());
    const loud = recorder.startStep(start('loud'));
    disk.free = 70_000;
    for (let k = 0; k < 10; k++) recorder.stdout(Buffer.alloc(50_000, 0x61));
    recorder.endStep(loud, end());
    recorder.startStep(start('undo'));
    await recorder.finish({ status: 'failed', error: { code: 'RECORD_WRITE_FAILED', message: 'set by the executor' } });
    const files = await readRecord(dir);
    const written = JSON.parse(files.snapshot.toString('utf8')) as RunSnapshot;
    expect(written.status).toBe('failed');
    expect(written.error).toEqual({ code: 'RECORD_WRITE_FAILED', message: 'set by the executor' });
    expect(written.log).toMatchObject({ bytes: files.log.byteLength });
    expect(verifyRecord(files)).toMatchObject({ ok: true, complete: true, status: 'failed' });
  });

  it('records a run that had succeeded but whose log failed at the end as crashed, with the reason', async () => {
    const { dir, recorder } = await startRecorder();
    recorder.line('all steps succeeded');
    disk.free = 10;
    recorder.marker('run succeeded');
    await recorder.finish({ status: 'succeeded' });
    const files = await readRecord(dir);
    const written = JSON.parse(files.snapshot.toString('utf8')) as RunSnapshot;
    expect(written.status).toBe('crashed');
    expect(written.error?.code).toBe('RECORD_WRITE_FAILED');
    expect(written.error?.message).toMatch(/^the run ended succeeded, but the run log could not be written \(ENOSPC/);
    expect(verifyRecord(files)).toMatchObject({ ok: true, complete: true });
  });
});

describe('RunRecorder when only snapshot.json cannot be written', () => {
  it('tells the executor, keeps the log going (the rollback is still recorded), and says so at the end', async () => {
    const { dir, recorder } = await startRecorder();
    disk.snapshotFails = true;
    expect(() => recorder.save()).not.toThrow();
    expect(recorder.failed.aborted).toBe(true);
    expect(recorder.failure).toMatchObject({ file: 'snapshot.json', error: { code: 'ENOSPC' } });
    recorder.line('the rollback is still recorded');
    disk.snapshotFails = false;
    recorder.marker('run failed');
    await recorder.finish({ status: 'failed', error: { code: 'STEP_FAILED', message: 'steps step one exited 1' } });
    const files = await readRecord(dir);
    expect(files.log.toString('utf8')).toContain('the rollback is still recorded');
    const written = JSON.parse(files.snapshot.toString('utf8')) as RunSnapshot;
    expect(written.error?.code).toBe('STEP_FAILED');
    expect(written.error?.message).toMatch(/; then snapshot\.json could not be written \(ENOSPC/);
    expect(verifyRecord(files)).toMatchObject({ ok: true, complete: true, status: 'failed' });
  });
});
