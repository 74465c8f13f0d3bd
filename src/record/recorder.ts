import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogSummary } from './log-chain-format.ts';
import { ChainedLogWriter } from './log-chain-writer.ts';
import { CHAIN_FILE, LOG_FILE, MAX_RECORD_FILE_BYTES, SNAPSHOT_FILE } from './record-files.ts';
import { verifyLogChain } from './log-chain-verifier.ts';
import { tryReadBoundedFile } from '../adapters/bounded-file.ts';
import { snapshotDigest } from './record-verifier.ts';
import { InterleavedRedactor, redactText, redactValue } from './redactor.ts';
import { releaseChunk } from '../adapters/chunk-memory.ts';
import type { TreeFile } from '../core/tree-digest.ts';
import { writeDefinitionBundle } from './definition-bundle.ts';
import type { RecordSeal } from './receipt-writer.ts';
import type { RunSnapshot, RunStatus, StepOutcome, StepRecord } from './snapshot.ts';
import type { StageName } from '../core/definition.ts';
import { describeError } from '../errors.ts';

/** Receives redacted log bytes; returns true when it still holds them after returning (queued). */
export type Echo = (bytes: Buffer) => boolean;

/**
 * A live view of the record as it is written (the CLI's console): told what the record is told,
 * after redaction, so what a person watches is exactly what the record keeps. Never writes to it.
 */
export interface RecordObserver {
  /** A step started; `step` as first recorded. */
  readonly stepStarted?: (step: Readonly<StepRecord>) => void;
  /** A step ended; `step` as saved (outcome, exit code, duration, error). */
  readonly stepEnded?: (step: Readonly<StepRecord>) => void;
  /** Bytes of a step's output, redacted, as they are appended to run.log (engine lines are not). */
  readonly output?: (bytes: Buffer) => void;
  /** What the stages concluded (the check's finding, the rollback's result, the run's error). */
  readonly concluded?: (facts: StageFacts) => void;
}

/** How often buffered log bytes are flushed while a step runs, so a killed run loses little. */
const FLUSH_INTERVAL_MS = 1000;

/** Stream numbers of a step's output in the recorder's InterleavedRedactor. */
const STDOUT = 0;
const STDERR = 1;

/**
 * Space kept in the record folder beyond the first snapshot's size, and freed when a write fails:
 * on a full disk, the final snapshot.json (saying what happened) must still fit, and a log cut
 * back to its last block frees too little for it.
 */
const RESERVE_SLACK_BYTES = 32 * 1024;
/** The reserve's file: not a record file, so never published or verified. */
const RESERVE_FILE = '.space-reserve';

/** Error code of a run whose record could not be written (a full disk, a file size limit). */
export const RECORD_WRITE_FAILED = 'RECORD_WRITE_FAILED';

/** A step as the executor starts it. */
export interface StepStart {
  readonly stage: StageName;
  readonly id: string;
  readonly name?: string;
  readonly continueOnError: boolean;
  readonly started: string;
}

/** What the executor learned when a step ended. */
export interface StepEnd {
  readonly ended: string;
  readonly durationMs: number;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly outcome: StepOutcome;
  readonly outputs: Readonly<Record<string, string>>;
}

/** What the stages concluded, reported as soon as it is known so a killed run's record keeps it. */
export interface StageFacts {
  readonly check?: RunSnapshot['check'];
  readonly rollback?: RunSnapshot['rollback'];
  readonly error?: { readonly code: string; readonly message: string };
}

/** How a run ended: the final facts the record is closed with. */
export interface RunEnd extends StageFacts {
  readonly status: RunStatus;
  /** The run's declared outputs. */
  readonly outputs?: Readonly<Record<string, string>>;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };
/** The snapshot as the recorder, its only writer, holds it. */
type SnapshotState = Writable<Omit<RunSnapshot, 'steps'>> & { steps: Writable<StepRecord>[] };

/** The first write of the record that failed. */
export interface RecordFailure {
  /** What could not be written. */
  readonly file: 'run.log' | 'snapshot.json';
  readonly error: unknown;
}

/**
 * Writes a run's record as it goes: the redacted, hash-chained log and snapshot.json. Secrets are
 * redacted before any byte reaches disk, per stream (stdout and stderr each keep their own
 * carry-over, so a secret split across chunks of one stream is still caught) and across the
 * joins where the two streams meet in the log.
 */
export class RunRecorder {
  readonly dir: string;
  /** The snapshot; only the recorder writes it (steps through startStep/endStep, the end through finish). */
  readonly #snapshot: SnapshotState;
  readonly #log: ChainedLogWriter;
  readonly #secrets: readonly string[];
  readonly #clock: () => Date;
  readonly #echo: Echo | undefined;
  #observer: RecordObserver | undefined;
  readonly #output: InterleavedRedactor;
  #offset = 0;
  /** Whether the last byte written ended a line: engine lines always start on their own line. */
  #atLineStart = true;
  #timer: NodeJS.Timeout | undefined;
  #failure: RecordFailure | undefined;
  /** Set once run.log failed: no more log bytes are written (the echo still gets them). */
  #logFailed = false;
  readonly #failed = new AbortController();
  /** sha256 of definition.tar as written (null: none). */
  #definitionSha256: string | null = null;
  #seal: RecordSeal | undefined;

  private constructor(
    dir: string,
    log: ChainedLogWriter,
    secrets: readonly string[],
    snapshot: RunSnapshot,
    clock: () => Date,
    echo: Echo | undefined,
    observer: RecordObserver | undefined,
  ) {
    this.dir = dir;
    this.#echo = echo;
    this.#observer = observer;
    this.#log = log;
    this.#secrets = secrets;
    this.#snapshot = {
      ...snapshot,
      steps: snapshot.steps.map((step) => ({ ...step })),
      outputs: { ...snapshot.outputs },
    };
    this.#clock = clock;
    this.#output = new InterleavedRedactor(secrets, 2);
  }

  /**
   * Creates the record folder's files (never over an existing record), copies the verified
   * `definition` files into it when given, and writes the first snapshot. `echo`, when given, also
   * receives every redacted log byte (the runner's live log); `observer`, when given, is told of
   * each step and its output as recorded (the CLI's live console).
   */
  static async create(
    dir: string,
    secrets: readonly string[],
    snapshot: RunSnapshot,
    clock: () => Date,
    echo?: Echo,
    definition?: readonly TreeFile[],
    observer?: RecordObserver,
  ): Promise<RunRecorder> {
    const log = await ChainedLogWriter.open(dir);
    // The verified files go into the record before anything runs, so even a killed run's record
    // shows what it was running.
    const bundle = definition === undefined ? undefined : writeDefinitionBundle(dir, definition);
    const copied = bundle === undefined ? {} : { definition: bundle.definition };
    const recorder = new RunRecorder(dir, log, secrets, { ...snapshot, ...copied }, clock, echo, observer);
    recorder.#definitionSha256 = bundle?.sha256 ?? null;
    const first = recorder.#writeSnapshot();
    recorder.#reserveSpace(first.byteLength + RESERVE_SLACK_BYTES);
    recorder.#timer = setInterval(() => recorder.flush(), FLUSH_INTERVAL_MS);
    recorder.#timer.unref();
    return recorder;
  }

  /** The snapshot as recorded so far (read-only: the recorder is its only writer). */
  get snapshot(): Readonly<RunSnapshot> {
    return this.#snapshot;
  }

  /** Records that a step started (saved with the next save): its log range starts here. */
  startStep(start: StepStart): Readonly<StepRecord> {
    const record: Writable<StepRecord> = {
      stage: start.stage,
      id: start.id,
      ...(start.name !== undefined ? { name: start.name } : {}),
      started: start.started,
      ended: '',
      durationMs: 0,
      attempts: 0,
      exitCode: null,
      signal: null,
      outcome: 'failed',
      continueOnError: start.continueOnError,
      outputs: {},
      log: { start: this.#offset, end: this.#offset },
    };
    this.#snapshot.steps.push(record);
    this.#tell((o) => o.stepStarted?.(record));
    return record;
  }

  /** Counts a step's attempt. */
  stepAttempt(step: Readonly<StepRecord>, attempt: number): void {
    this.#ownStep(step).attempts = attempt;
  }

  /** Notes why a step failed around its process (redacted); the first reason given is kept unless replaced. */
  stepError(step: Readonly<StepRecord>, message: string): void {
    this.#ownStep(step).error = this.redact(message);
  }

  /** Records how a step ended, flushes the log so its range is final, and saves the snapshot. */
  endStep(step: Readonly<StepRecord>, end: StepEnd): void {
    const record = this.#ownStep(step);
    record.ended = end.ended;
    record.durationMs = end.durationMs;
    record.exitCode = end.exitCode;
    record.signal = end.signal;
    record.outcome = end.outcome;
    record.outputs = { ...end.outputs };
    this.flush();
    record.log = { start: record.log.start, end: this.#offset };
    this.save();
    this.#tell((o) => o.stepEnded?.(record));
  }

  /** Records what the stages concluded so far (saved with the next save). */
  concluded(facts: StageFacts): void {
    this.#conclude(facts);
    // Told as the stages conclude; the end's repetition of the same facts (finish) is not.
    const told = facts.error === undefined ? facts : { ...facts, error: this.#redactError(facts.error) };
    this.#tell((o) => o.concluded?.(told));
  }

  #conclude(facts: StageFacts): void {
    if (facts.check !== undefined) this.#snapshot.check = facts.check;
    if (facts.rollback !== undefined) this.#snapshot.rollback = facts.rollback;
    if (facts.error !== undefined) this.#snapshot.error = { ...facts.error };
  }

  #redactError(error: { readonly code: string; readonly message: string }): { code: string; message: string } {
    return { code: error.code, message: this.redact(error.message) };
  }

  #ownStep(step: Readonly<StepRecord>): Writable<StepRecord> {
    // Identity, not equality: only records this recorder handed out are written.
    const record = this.#snapshot.steps.find((candidate) => candidate === step);
    if (record === undefined) throw new Error(`step ${step.stage}/${step.id} was not started by this recorder`);
    return record;
  }

  /** Bytes written to the log so far (the offset the next byte lands at). */
  get offset(): number {
    return this.#offset;
  }

  /** The first write of the record that failed, if one did. */
  get failure(): RecordFailure | undefined {
    return this.#failure;
  }

  /**
   * Aborted when a write of the record fails: the executor stops the running step on it (it must
   * not go on changing the system unrecorded) and runs the rollback.
   */
  get failed(): AbortSignal {
    return this.#failed.signal;
  }

  /** Writes a timestamped engine line (a step marker, a decision, an error). */
  line(text: string): void {
    this.#writeLine(redactText(text, this.#secrets));
  }

  /**
   * Writes a step or run marker (`==> stage/id ...`, `<== stage/id exit N (outcome)`,
   * `run <status>`), unredacted: markers hold only ids, numbers and fixed words, and verify-run
   * checks the snapshot's claims against them, which a redacted `exit ***` would defeat.
   */
  marker(text: string): void {
    this.#writeLine(text);
  }

  /** A chunk of a step's stdout. The recorder takes it: its memory is freed once recorded. */
  stdout(chunk: Buffer): void {
    this.#record(STDOUT, chunk);
  }

  /** A chunk of a step's stderr. The recorder takes it: its memory is freed once recorded. */
  stderr(chunk: Buffer): void {
    this.#record(STDERR, chunk);
  }

  /**
   * Ends a step's streams: releases the held-back bytes of both, each redacted in full as the end
   * of its own stream and joined without letting a secret form across the join. Nothing is held
   * back after this, so what the log gets next must not continue the output: the executor writes
   * a marker, which starts a new line with a timestamp.
   */
  endStreams(): void {
    for (const part of this.#output.end()) this.#writeOutput(part);
  }

  /** Pushes buffered log bytes to disk as a chained block (nothing once the log failed). */
  flush(): void {
    if (this.#logFailed) return;
    try {
      this.#log.flush();
    } catch (error) {
      this.#fail('run.log', error);
    }
  }

  /** Redacts a string for the record (error messages, outputs). */
  redact(text: string): string {
    return redactText(text, this.#secrets);
  }

  /**
   * Writes snapshot.json atomically (temp file + rename), redacted. Synchronous: safe in signal
   * paths. A failure (a full disk) never throws out of the run: it becomes the record's failure,
   * and the last snapshot written stays in place.
   */
  save(): void {
    try {
      this.#writeSnapshot();
    } catch (error) {
      this.#fail('snapshot.json', error);
    }
  }

  /**
   * Closes the log, stores its summary in the snapshot, writes it, and returns the snapshot digest.
   * After a failed write, the log is closed at its last complete block, so the record on disk is
   * still closed and valid (verify-run accepts it), and the snapshot says what was lost. Throws
   * only when the final snapshot.json cannot be written.
   */
  async finish(end?: RunEnd): Promise<string> {
    clearInterval(this.#timer);
    if (end !== undefined) this.#applyEnd(end);
    this.flush();
    this.#releaseSpace();
    let summary: LogSummary | undefined;
    try {
      summary = this.#logFailed ? await this.#log.closeValidPrefix() : await this.#log.close();
    } catch (error) {
      // The files could not be closed as a valid whole (a failed sync, a cut that failed):
      // the log stays an open, unpinned prefix, as a killed run's does.
      this.#fail('run.log', error);
    }
    if (summary !== undefined) {
      this.#snapshot.log = { file: 'run.log', bytes: summary.bytes, blocks: summary.blocks, head: summary.head };
      // Step ranges past what the log kept would point at bytes nobody can vouch for.
      for (const step of this.#snapshot.steps) {
        step.log = { start: Math.min(step.log.start, summary.bytes), end: Math.min(step.log.end, summary.bytes) };
      }
    }
    if (this.#failure !== undefined) this.#reportFailure(this.#failure, summary);
    const bytes = this.#writeSnapshot();
    this.#seal = {
      snapshot: bytes,
      ...(summary !== undefined ? { log: { bytes: summary.bytes, head: summary.head } } : {}),
      definitionSha256: this.#definitionSha256,
    };
    return snapshotDigest(bytes);
  }

  /** What the closed record holds, for signing it (undefined until finish() wrote it). */
  get seal(): RecordSeal | undefined {
    return this.#seal;
  }

  /**
   * Says in the snapshot that the record is short, when the executor has not already (the write
   * failed during the rollback, after the last step, or while closing). The error becomes
   * RECORD_WRITE_FAILED when the log was cut (verify-run accepts missing end markers only then),
   * keeping what it said before. A run that had ended well is `crashed`: its record cannot show
   * it. Only `cancelled` and `crashed` may keep a log that could not be closed.
   */
  /** The final facts, and the run's end time and duration from the recorder's clock. */
  #applyEnd(end: RunEnd): void {
    this.#conclude(end);
    this.#snapshot.status = end.status;
    if (end.outputs !== undefined) this.#snapshot.outputs = { ...end.outputs };
    const ended = this.#clock();
    this.#snapshot.ended = ended.toISOString();
    this.#snapshot.durationMs = Math.max(0, ended.getTime() - Date.parse(this.#snapshot.started));
  }

  #reportFailure(failure: RecordFailure, summary: LogSummary | undefined): void {
    const snapshot = this.#snapshot;
    const what = describeRecordFailure(failure);
    const cut = summary === undefined ? 'the log could not be closed' : `the log ends at byte ${summary.bytes}`;
    const before = snapshot.error;
    if (before?.code === RECORD_WRITE_FAILED) {
      if (summary === undefined)
        snapshot.error = { ...before, message: `${before.message}; the log could not be closed` };
    } else if (before === undefined || snapshot.status === 'succeeded' || snapshot.status === 'healthy') {
      snapshot.error = {
        code: RECORD_WRITE_FAILED,
        message: this.redact(`the run ended ${snapshot.status}, but ${what}; ${cut}`),
      };
      snapshot.status = 'crashed';
    } else if (this.#logFailed) {
      snapshot.error = {
        code: RECORD_WRITE_FAILED,
        message: this.redact(`${before.message} (${before.code}); then ${what}; ${cut}`),
      };
    } else {
      snapshot.error = { ...before, message: before.message + this.redact(`; then ${what}`) };
    }
    if (summary === undefined && snapshot.status !== 'cancelled') snapshot.status = 'crashed';
  }

  #writeSnapshot(): Buffer {
    return writeSnapshotFile(this.dir, redactSnapshot(this.#snapshot, this.#secrets));
  }

  /** Remembers the first failed write and tells the executor; never throws (stream handlers call it). */
  #fail(file: RecordFailure['file'], error: unknown): void {
    if (file === 'run.log') this.#logFailed = true;
    if (this.#failure !== undefined) return;
    this.#failure = { file, error };
    // The space kept back goes to what must still be written: the snapshots of the rollback
    // steps and the final one (and, on the same filesystem, what the rollback needs).
    this.#releaseSpace();
    this.#failed.abort(error);
  }

  /**
   * Writes the reserve file. Best effort: on a disk already too full for it the run still starts,
   * and only loses the guarantee that the final snapshot fits.
   */
  #reserveSpace(bytes: number): void {
    try {
      writeFileSync(join(this.dir, RESERVE_FILE), Buffer.alloc(bytes), { flag: 'wx', mode: 0o600 });
    } catch {
      this.#releaseSpace();
    }
  }

  #releaseSpace(): void {
    try {
      rmSync(join(this.dir, RESERVE_FILE), { force: true });
    } catch {
      // Nothing more can be freed.
    }
  }

  #writeLine(text: string): void {
    this.#write(Buffer.from(`${this.#atLineStart ? '' : '\n'}[${this.#clock().toISOString()}] ${text}\n`, 'utf8'));
  }

  #record(stream: number, chunk: Buffer): void {
    // The redactor hands out views of the chunk (and small buffers of its own), the log copies
    // them into its ring and the redactor copies the tail it holds back, so once the echo (if
    // any) has let go, nothing refers to the chunk: free it now rather than at a later GC, which
    // keeps a loud step's memory flat (see adapters/chunk-memory.ts).
    let held = false;
    for (const part of this.#output.push(stream, chunk)) held = this.#writeOutput(part) || held;
    if (!held) releaseChunk(chunk);
  }

  /**
   * Tells the observer; a console that fails (a bug in it) must not stop the step or the record
   * from the middle of a stream handler: it is dropped, and the log says why.
   */
  #tell(call: (observer: RecordObserver) => void): void {
    const observer = this.#observer;
    if (observer === undefined) return;
    try {
      call(observer);
    } catch (error) {
      this.#observer = undefined;
      this.line(`!! the live console stopped: ${describeError(error)}`);
    }
  }

  /** Appends a step's redacted output, and shows it to the observer, which copies what it keeps. */
  #writeOutput(bytes: Buffer): boolean {
    if (bytes.byteLength > 0) this.#tell((o) => o.output?.(bytes));
    return this.#write(bytes);
  }

  /**
   * Appends to the log and the echo; returns whether the echo still holds the bytes. Called from
   * the step's stream handlers: a failed write (ENOSPC, EFBIG) must not throw there, where it would
   * crash the tool mid-step with the step still running and no rollback. It marks the recorder
   * failed instead; the log takes no more bytes (the chain stays valid up to its last complete
   * block), and the echo still gets them.
   */
  #write(bytes: Buffer): boolean {
    if (bytes.byteLength === 0) return false;
    this.#atLineStart = bytes[bytes.byteLength - 1] === 0x0a;
    if (!this.#logFailed) {
      try {
        this.#log.write(bytes);
        this.#offset += bytes.byteLength;
      } catch (error) {
        this.#fail('run.log', error);
      }
    }
    return this.#echo?.(bytes) === true;
  }
}

/** What failed, for the snapshot's error: `the run log could not be written (ENOSPC: ...)`. */
export function describeRecordFailure(failure: RecordFailure): string {
  const what = failure.file === 'run.log' ? 'the run log' : 'snapshot.json';
  return `${what} could not be written (${describeError(failure.error)})`;
}

/**
 * Redacts the snapshot fields that can carry text from steps or callers: parameter values,
 * outputs, error messages. Structural fields the engine writes (ids, digests, versions, keys) are
 * left alone, so a short secret value such as "0" cannot corrupt them and break verification.
 */
export function redactSnapshot(snapshot: RunSnapshot, secrets: readonly string[]): RunSnapshot {
  if (secrets.length === 0) return snapshot;
  return {
    ...snapshot,
    ...(snapshot.error ? { error: { ...snapshot.error, message: redactText(snapshot.error.message, secrets) } } : {}),
    ...(snapshot.params
      ? { params: { ...snapshot.params, values: redactValue(snapshot.params.values, secrets) } }
      : {}),
    outputs: redactValue(snapshot.outputs, secrets),
    steps: snapshot.steps.map((step) => ({
      ...step,
      outputs: redactValue(step.outputs, secrets),
      ...(step.error !== undefined ? { error: redactText(step.error, secrets) } : {}),
    })),
  };
}

/**
 * Writes snapshot.json atomically (temp file + rename): a reader never sees half a snapshot, and a
 * writer killed mid-write leaves the previous one. The one way snapshot.json is written.
 */
export function writeSnapshotFile(dir: string, snapshot: RunSnapshot): Buffer {
  const bytes = Buffer.from(`${JSON.stringify(snapshot, null, 2)}\n`, 'utf8');
  const temp = join(dir, `.${SNAPSHOT_FILE}.tmp`);
  writeFileSync(temp, bytes);
  renameSync(temp, join(dir, SNAPSHOT_FILE));
  return bytes;
}

/**
 * Closes a record whose run never finished (the Action's main step was killed or cancelled): the
 * status becomes `cancelled` (the job was cancelled) or `crashed`, with the reason and the end
 * time; the log stays the valid prefix it is, which verify-run reports as incomplete. Returns the
 * bytes written. A finished record is left alone.
 */
export function closeUnfinishedRecord(
  dir: string,
  snapshot: RunSnapshot,
  reason: { readonly cancelled: boolean; readonly closedBy: string },
  now: Date,
): Buffer | undefined {
  if (snapshot.status !== 'running') return undefined;
  return writeSnapshotFile(dir, {
    ...snapshot,
    status: reason.cancelled ? 'cancelled' : 'crashed',
    error: {
      code: reason.cancelled ? 'CANCELLED' : 'CRASHED',
      message: reason.cancelled
        ? `the job was cancelled and the main step was stopped before it could finish the record; closed by ${reason.closedBy}`
        : `the main step ended without finishing the record (killed or crashed); closed by ${reason.closedBy}`,
    },
    ended: now.toISOString(),
    durationMs: Math.max(0, now.getTime() - Date.parse(snapshot.started)),
    log: { file: LOG_FILE, complete: false, ...validPrefix(dir) },
  });
}

/**
 * The valid prefix of a killed run's log, as its chain covers it: pinned in the snapshot, so the
 * snapshot digest published for the record pins the log too (without it, the log of a cancelled
 * run could be rewritten, its chain recomputed, and still match the published digest). Nothing
 * when the log and chain cannot be read or do not verify.
 */
function validPrefix(dir: string): { bytes: number; blocks: number; head: string } | Record<string, never> {
  try {
    const read = (name: string) =>
      tryReadBoundedFile(join(dir, name), { label: 'record file', maxBytes: MAX_RECORD_FILE_BYTES });
    const log = read(LOG_FILE);
    const chain = read(CHAIN_FILE);
    if (log === undefined || chain === undefined) return {};
    const checked = verifyLogChain(log, chain.toString('utf8'));
    return checked.ok ? { bytes: checked.bytes, blocks: checked.blocks, head: checked.head } : {};
  } catch {
    return {};
  }
}
