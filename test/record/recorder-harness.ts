// Drives a real RunRecorder into a fresh record folder, for tests that look for secrets in the
// bytes a record holds: run.log and snapshot.json, exactly as they would be uploaded.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOG_FILE, SNAPSHOT_FILE } from '../../src/record/record-files.ts';
import { RunRecorder } from '../../src/record/recorder.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';

/**
 * One thing a run writes to its log: a chunk of a step's output, an engine line, a step marker, or
 * the end of a step's output (the executor writes a marker right after it).
 */
export type LogWrite =
  | { readonly kind: 'stdout' | 'stderr'; readonly bytes: Buffer }
  | { readonly kind: 'line' | 'marker'; readonly text: string }
  | { readonly kind: 'end-streams' };

/** The bytes of a finished record's files. */
export interface RecordedFiles {
  readonly log: Buffer;
  readonly snapshot: Buffer;
}

/**
 * Records `writes` with `secrets` declared, puts each of `fields` into a snapshot field that
 * carries caller or step text (run outputs, step outputs, step error, run error, parameters, in
 * turn), finishes the record and returns the bytes of run.log and snapshot.json.
 */
export async function recordRun(
  secrets: readonly string[],
  writes: readonly LogWrite[],
  fields: readonly string[] = [],
): Promise<RecordedFiles> {
  const dir = await mkdtemp(join(tmpdir(), 'recorder-redaction-'));
  try {
    const outputs: Record<string, string> = {};
    const stepOutputs: Record<string, string> = {};
    const params: Record<string, string> = {};
    const texts = { stepError: '', runError: '' };
    fields.forEach((field, index) => {
      const slot = index % 5;
      if (slot === 0) outputs[`out${index}`] = field;
      else if (slot === 1) stepOutputs[`out${index}`] = field;
      else if (slot === 2) texts.stepError += field;
      else if (slot === 3) texts.runError += field;
      else params[`param${index}`] = field;
    });
    // Only the fields redactSnapshot reads; the rest of a snapshot does not carry secrets.
    const snapshot = {
      steps: [{ stage: 'steps', id: 'print', outputs: stepOutputs, error: texts.stepError, log: { start: 0, end: 0 } }],
      outputs,
      params: { values: params, digest: 'sha256:0' },
      error: { code: 'STEP_FAILED', message: texts.runError },
    } as unknown as RunSnapshot;
    const recorder = await RunRecorder.create(dir, secrets, snapshot, () => new Date(0));
    for (const write of writes) {
      if (write.kind === 'stdout') recorder.stdout(write.bytes);
      else if (write.kind === 'stderr') recorder.stderr(write.bytes);
      else if (write.kind === 'line') recorder.line(write.text);
      else if (write.kind === 'marker') recorder.marker(write.text);
      else recorder.endStreams();
    }
    recorder.endStreams();
    await recorder.finish();
    return { log: await readFile(join(dir, LOG_FILE)), snapshot: await readFile(join(dir, SNAPSHOT_FILE)) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
