import { writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { ChainedLogWriter } from '../record/log-chain.ts';
import { SNAPSHOT_FILE } from '../record/record-files.ts';
import { snapshotDigest } from '../record/record-verifier.ts';
import { InterleavedRedactor, redactText, redactValue } from '../record/redactor.ts';
import { releaseChunk } from '../adapters/chunk-memory.ts';
import type { RunSnapshot } from './snapshot.ts';

/** Receives redacted log bytes; returns true when it still holds them after returning (queued). */
export type Echo = (bytes: Buffer) => boolean;

/** How often buffered log bytes are flushed while a step runs, so a killed run loses little. */
const FLUSH_INTERVAL_MS = 1000;

/** Stream numbers of a step's output in the recorder's InterleavedRedactor. */
const STDOUT = 0;
const STDERR = 1;

/**
 * Writes a run's record as it goes: the redacted, hash-chained log and snapshot.json. Secrets are
 * redacted before any byte reaches disk, per stream (stdout and stderr each keep their own
 * carry-over, so a secret split across chunks of one stream is still caught) and across the
 * joins where the two streams meet in the log.
 */
export class RunRecorder {
  readonly dir: string;
  readonly snapshot: RunSnapshot;
  readonly #log: ChainedLogWriter;
  readonly #secrets: readonly string[];
  readonly #clock: () => Date;
  readonly #echo: Echo | undefined;
  readonly #output: InterleavedRedactor;
  #offset = 0;
  /** Whether the last byte written ended a line: engine lines always start on their own line. */
  #atLineStart = true;
  #timer: NodeJS.Timeout | undefined;

  private constructor(
    dir: string,
    log: ChainedLogWriter,
    secrets: readonly string[],
    snapshot: RunSnapshot,
    clock: () => Date,
    echo: Echo | undefined,
  ) {
    this.dir = dir;
    this.#echo = echo;
    this.#log = log;
    this.#secrets = secrets;
    this.snapshot = snapshot;
    this.#clock = clock;
    this.#output = new InterleavedRedactor(secrets, 2);
  }

  /**
   * Creates the record folder's files (never over an existing record) and writes the first
   * snapshot. `echo`, when given, also receives every redacted log byte (the runner's live log).
   */
  static async create(
    dir: string,
    secrets: readonly string[],
    snapshot: RunSnapshot,
    clock: () => Date,
    echo?: Echo,
  ): Promise<RunRecorder> {
    const log = await ChainedLogWriter.open(dir);
    const recorder = new RunRecorder(dir, log, secrets, snapshot, clock, echo);
    recorder.save();
    recorder.#timer = setInterval(() => recorder.flush(), FLUSH_INTERVAL_MS);
    recorder.#timer.unref();
    return recorder;
  }

  /** Bytes written to the log so far (the offset the next byte lands at). */
  get offset(): number {
    return this.#offset;
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
    for (const part of this.#output.end()) this.#write(part);
  }

  /** Pushes buffered log bytes to disk as a chained block. */
  flush(): void {
    this.#log.flush();
  }

  /** Redacts a string for the record (error messages, outputs). */
  redact(text: string): string {
    return redactText(text, this.#secrets);
  }

  /** Writes snapshot.json atomically (temp file + rename), redacted. Synchronous: safe in signal paths. */
  save(): Buffer {
    const bytes = Buffer.from(`${JSON.stringify(redactSnapshot(this.snapshot, this.#secrets), null, 2)}\n`, 'utf8');
    const temp = join(this.dir, `.${SNAPSHOT_FILE}.tmp`);
    writeFileSync(temp, bytes);
    renameSync(temp, join(this.dir, SNAPSHOT_FILE));
    return bytes;
  }

  /** Closes the log, stores its summary in the snapshot, writes it, and returns the snapshot digest. */
  async finish(): Promise<string> {
    clearInterval(this.#timer);
    const summary = await this.#log.close();
    this.snapshot.log = { file: 'run.log', bytes: summary.bytes, blocks: summary.blocks, head: summary.head };
    return snapshotDigest(this.save());
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
    for (const part of this.#output.push(stream, chunk)) held = this.#write(part) || held;
    if (!held) releaseChunk(chunk);
  }

  /** Appends to the log and the echo; returns whether the echo still holds the bytes. */
  #write(bytes: Buffer): boolean {
    if (bytes.byteLength === 0) return false;
    this.#atLineStart = bytes[bytes.byteLength - 1] === 0x0a;
    this.#log.write(bytes);
    this.#offset += bytes.byteLength;
    return this.#echo?.(bytes) === true;
  }
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
