// The recorder's observer (the CLI's live console): told what the record is told, after redaction,
// and never able to stop the step or the record by failing.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunRecorder, type RecordObserver } from '../../src/record/recorder.ts';
import type { RunSnapshot, StepRecord } from '../../src/record/snapshot.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function startRecorder(secrets: readonly string[], observer: RecordObserver) {
  const dir = join(await mkdtemp(join(tmpdir(), 'recorder-observer-')), 'record');
  dirs.push(dirname(dir));
  const snapshot = {
    status: 'running',
    steps: [] as StepRecord[],
    outputs: {},
    log: { file: 'run.log', complete: false },
  } as unknown as RunSnapshot;
  const recorder = await RunRecorder.create(dir, secrets, snapshot, () => new Date(0), undefined, undefined, observer);
  return { dir, recorder };
}

const START = { stage: 'steps', id: 's', continueOnError: false, started: new Date(0).toISOString() } as const;
const END = { ended: '', durationMs: 5, exitCode: 0, signal: null, outcome: 'succeeded', outputs: {} } as const;

describe('RecordObserver', () => {
  it('sees step output redacted as run.log keeps it, and no engine line', async () => {
    const seen: string[] = [];
    const { dir, recorder } = await startRecorder(['s3cr3t-value'], {
      output: (bytes) => seen.push(bytes.toString('utf8')),
    });
    const step = recorder.startStep(START);
    recorder.line('an engine line');
    // Split across chunks: redacted all the same.
    recorder.stdout(Buffer.from('token=s3cr3t'));
    recorder.stdout(Buffer.from('-value ok\n'));
    recorder.endStreams();
    recorder.endStep(step, END);
    await recorder.finish({ status: 'succeeded' });
    const shown = seen.join('');
    expect(shown).toBe('token=*** ok\n');
    expect(await readFile(join(dir, 'run.log'), 'utf8')).toContain(shown);
  });

  it('a failing observer is dropped and the log says so; the step and the record go on', async () => {
    let calls = 0;
    const { dir, recorder } = await startRecorder([], {
      output: () => {
        calls++;
        throw new Error('console broke');
      },
    });
    const step = recorder.startStep(START);
    recorder.stdout(Buffer.from('one\n'));
    recorder.stdout(Buffer.from('two\n'));
    recorder.endStreams();
    recorder.endStep(step, END);
    await recorder.finish({ status: 'succeeded' });
    expect(calls).toBe(1);
    const log = await readFile(join(dir, 'run.log'), 'utf8');
    expect(log).toContain('!! the live console stopped: console broke');
    expect(log).toContain('one\ntwo\n');
    expect(recorder.failure).toBeUndefined();
  });
});
