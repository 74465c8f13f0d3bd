// Verifies a run record (snapshot.json + run.log + run.log.chain). Pure: readRecord does the I/O.
//
// What it relies on in snapshot.json (written by the executor):
//   status: string                       final status of the run
//   log: { file: "run.log", bytes, blocks, head, complete? }
//                                        the ChainedLogWriter summary; absent, or complete: false,
//                                        when the run was killed before finishing (only the log's
//                                        valid prefix is then verified, and the record is incomplete)
//   steps[]: { log?: { start, end } }    each step's byte range of run.log, in execution order
// The snapshot's own digest is not inside it: snapshotDigest() is printed by the executor (job
// summary) and passed back in to pin the snapshot, which in turn pins the log through log.head.

import { createHash } from 'node:crypto';
import { TrustError, UsageError } from '../errors.ts';
import type { ByteRange } from './log-chain-format.ts';
import { describeRange, verifyLogChain } from './log-chain-verifier.ts';
import { CHAIN_FILE, LOG_FILE, SNAPSHOT_FILE, type RecordFiles } from './record-files.ts';

/** What the caller pins from outside the record. */
export interface RecordVerificationOptions {
  /** `sha256:<hex>` of snapshot.json as printed when the run ended. */
  readonly snapshotDigest?: string;
}

/** A record that passed every check. */
export interface RecordVerified {
  readonly ok: true;
  /** False when the run was interrupted: only a valid prefix of its log exists. */
  readonly complete: boolean;
  readonly status: string;
  readonly snapshotDigest: string;
  readonly log: {
    readonly bytes: number;
    readonly blocks: number;
    readonly head: string;
    /** Log bytes after the last chained block (interrupted runs only). */
    readonly unchainedBytes: number;
  };
  readonly steps: number;
}

/** The first problem found: a byte range of run.log and/or a snapshot field. */
export interface RecordProblem {
  readonly ok: false;
  readonly problem: string;
  readonly range?: ByteRange;
  /** Path of the snapshot field at fault, like `log.head` or `steps[2].log.end`. */
  readonly field?: string;
}

/** Outcome of verifying a run record. */
export type RecordVerification = RecordVerified | RecordProblem;

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const HEX64 = /^[0-9a-f]{64}$/;

/** `sha256:<hex>` of the exact snapshot.json bytes: the value that pins a record. */
export function snapshotDigest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Verifies a run record; returns the first problem, or what was verified. Pure. */
export function verifyRecord(files: RecordFiles, options: RecordVerificationOptions = {}): RecordVerification {
  const digest = snapshotDigest(files.snapshot);
  if (options.snapshotDigest !== undefined) {
    const expected = options.snapshotDigest.toLowerCase();
    if (!DIGEST.test(expected)) {
      throw new UsageError(
        'USAGE',
        `invalid snapshot digest '${options.snapshotDigest.slice(0, 80)}': expected sha256:<64 hex digits> as printed by the run`,
      );
    }
    // Pinning the snapshot stops a consistent rewrite of snapshot, log and chain together.
    if (digest !== expected) return problem(`${SNAPSHOT_FILE} digest is ${digest}, expected ${expected}`);
  }

  let snapshot: unknown;
  try {
    snapshot = JSON.parse(files.snapshot.toString('utf8'));
  } catch {
    return problem(`${SNAPSHOT_FILE} is not valid JSON`);
  }
  if (!isObject(snapshot)) return problem(`${SNAPSHOT_FILE} is not a JSON object`);

  // A record without a status cannot say whether the remediation worked.
  if (typeof snapshot['status'] !== 'string' || snapshot['status'].length === 0) {
    return fieldProblem('status', `expected a status string, got ${describe(snapshot['status'])}`);
  }
  const status = snapshot['status'];

  const recorded = readLogSummary(snapshot['log']);
  if ('problem' in recorded) return recorded;

  const chain = verifyLogChain(files.log, files.chain);
  if (!chain.ok) return problem(chain.problem, chain.range);

  if (recorded.prefix !== undefined) {
    // The prefix pinned at closing must be exactly what the chain covers now.
    const { bytes, blocks, head } = recorded.prefix;
    if (chain.bytes !== bytes || chain.blocks !== blocks || chain.head !== head) {
      const range = {
        start: Math.min(chain.bytes, bytes),
        end: Math.max(chain.bytes, bytes, Math.min(chain.bytes, bytes) + 1),
      };
      return fieldProblem(
        'log.head',
        `expected the chain to cover ${bytes} bytes in ${blocks} block(s) with head ${head} (pinned when the record was closed), got ${chain.bytes} bytes in ${chain.blocks} with head ${chain.head}: ${LOG_FILE} and ${CHAIN_FILE} were rewritten`,
        range,
      );
    }
  }
  if (recorded.summary !== undefined) {
    const { bytes, blocks, head } = recorded.summary;
    // A finished run's chain must end exactly where the snapshot says: no lines dropped or added.
    if (chain.partialLine) return problem(`${CHAIN_FILE} ends with a partial line, but the run finished`);
    if (chain.bytes !== bytes) {
      const range = { start: Math.min(chain.bytes, bytes), end: Math.max(chain.bytes, bytes) };
      const what =
        chain.bytes < bytes
          ? `${describeRange(range)} of ${LOG_FILE} are missing from ${CHAIN_FILE} (truncated or lines removed)`
          : `${describeRange(range)} of ${LOG_FILE} were appended after the run`;
      return fieldProblem('log.bytes', `expected ${chain.bytes}, got ${bytes}: ${what}`, range);
    }
    // Bytes after the recorded end were added after the run finished.
    if (chain.unchainedBytes > 0) {
      const range = { start: chain.bytes, end: files.log.length };
      return problem(`${describeRange(range)} of ${LOG_FILE} are not covered by ${CHAIN_FILE}`, range);
    }
    // The head pins the whole chain: a log rewritten with a freshly computed chain differs here.
    if (chain.head !== head) {
      return fieldProblem(
        'log.head',
        `expected ${chain.head}, got ${head}: ${LOG_FILE} and ${CHAIN_FILE} do not match the snapshot`,
      );
    }
    if (chain.blocks !== blocks) return fieldProblem('log.blocks', `expected ${chain.blocks}, got ${blocks}`);
  }

  const steps = checkSteps(snapshot['steps'], chain.bytes);
  if (typeof steps !== 'number') return steps;

  return {
    ok: true,
    complete: recorded.summary !== undefined && chain.complete,
    status,
    snapshotDigest: digest,
    log: { bytes: chain.bytes, blocks: chain.blocks, head: chain.head, unchainedBytes: chain.unchainedBytes },
    steps,
  };
}

/** Like verifyRecord, but throws TrustError('RECORD_TAMPERED') naming the first problem. */
export function assertRecordIntact(files: RecordFiles, options: RecordVerificationOptions = {}): RecordVerified {
  const result = verifyRecord(files, options);
  if (!result.ok) throw new TrustError('RECORD_TAMPERED', `run record failed verification: ${result.problem}`);
  return result;
}

interface LogSummaryFields {
  readonly bytes: number;
  readonly blocks: number;
  readonly head: string;
}

/** Reads snapshot.log; `summary` is undefined when the run did not finish its log. */
function readLogSummary(
  value: unknown,
): { readonly summary: LogSummaryFields | undefined; readonly prefix?: LogSummaryFields } | RecordProblem {
  if (value === undefined) return { summary: undefined };
  if (!isObject(value)) return fieldProblem('log', `expected an object, got ${describe(value)}`);
  const complete = value['complete'];
  if (complete !== undefined && typeof complete !== 'boolean') {
    return fieldProblem('log.complete', `expected a boolean, got ${describe(complete)}`);
  }
  if (complete === false) {
    // A prefix pinned when the record was closed (the Action's post step): checked as such.
    if (value['head'] === undefined) return { summary: undefined };
    const { bytes, blocks, head } = value;
    if (!isCount(bytes)) return fieldProblem('log.bytes', `expected a byte count, got ${describe(bytes)}`);
    if (!isCount(blocks)) return fieldProblem('log.blocks', `expected a block count, got ${describe(blocks)}`);
    if (typeof head !== 'string' || !HEX64.test(head)) {
      return fieldProblem('log.head', `expected 64 lower-case hex digits, got ${describe(head)}`);
    }
    return { summary: undefined, prefix: { bytes, blocks, head } };
  }
  // Only run.log is chained; a snapshot pointing elsewhere would vouch for an unverified file.
  if (value['file'] !== LOG_FILE)
    return fieldProblem('log.file', `expected '${LOG_FILE}', got ${describe(value['file'])}`);
  const { bytes, blocks, head } = value;
  if (!isCount(bytes)) return fieldProblem('log.bytes', `expected a byte count, got ${describe(bytes)}`);
  if (!isCount(blocks)) return fieldProblem('log.blocks', `expected a block count, got ${describe(blocks)}`);
  if (typeof head !== 'string' || !HEX64.test(head)) {
    return fieldProblem('log.head', `expected 64 lower-case hex digits, got ${describe(head)}`);
  }
  return { summary: { bytes, blocks, head } };
}

/** Checks each step's log range lies in the verified log, in order; returns the step count. */
function checkSteps(value: unknown, logBytes: number): number | RecordProblem {
  if (value === undefined) return 0;
  if (!Array.isArray(value)) return fieldProblem('steps', `expected an array, got ${describe(value)}`);
  let previousEnd = 0;
  for (const [k, step] of value.entries()) {
    const at = `steps[${k}]`;
    if (!isObject(step)) return fieldProblem(at, `expected an object, got ${describe(step)}`);
    const range = step['log'];
    if (range === undefined) continue;
    if (!isObject(range)) return fieldProblem(`${at}.log`, `expected { start, end }, got ${describe(range)}`);
    const { start, end } = range;
    if (!isCount(start)) return fieldProblem(`${at}.log.start`, `expected a byte offset, got ${describe(start)}`);
    if (!isCount(end)) return fieldProblem(`${at}.log.end`, `expected a byte offset, got ${describe(end)}`);
    // Ranges in execution order stop a step's output being attributed to another step.
    if (start < previousEnd) {
      return fieldProblem(
        `${at}.log.start`,
        `expected at least ${previousEnd} (end of the previous step), got ${start}`,
      );
    }
    if (end < start) return fieldProblem(`${at}.log.end`, `expected at least ${start} (its start), got ${end}`);
    // A range past the chained log would point at bytes nobody can vouch for.
    if (end > logBytes) {
      return fieldProblem(`${at}.log.end`, `expected at most ${logBytes} (end of the chained log), got ${end}`, {
        start: logBytes,
        end,
      });
    }
    previousEnd = end;
  }
  return value.length;
}

function problem(text: string, range?: ByteRange): RecordProblem {
  return range === undefined ? { ok: false, problem: text } : { ok: false, problem: text, range };
}

function fieldProblem(field: string, text: string, range?: ByteRange): RecordProblem {
  const base = { ok: false as const, problem: `snapshot field '${field}': ${text}`, field };
  return range === undefined ? base : { ...base, range };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
