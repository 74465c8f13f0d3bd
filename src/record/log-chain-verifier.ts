// Verifies run.log against run.log.chain (the format is in log-chain-format.ts). Pure: it gets the
// bytes, does no I/O, and loads neither the writer nor its hashing worker.

import { sha256Hex } from '../core/tree-digest.ts';
import { chainLink, GENESIS, parseChainLine, type ByteRange } from './log-chain-format.ts';
import { CHAIN_FILE, LOG_FILE } from './record-files.ts';

/** Outcome of verifying a log against its chain. */
export type LogChainResult =
  | {
      readonly ok: true;
      /** False when trailing log bytes are unchained or the chain ends in a partial line. */
      readonly complete: boolean;
      readonly blocks: number;
      /** Bytes of run.log covered by the chain. */
      readonly bytes: number;
      readonly head: string;
      /** Bytes after the last chained block (an interrupted writer's unflushed tail). */
      readonly unchainedBytes: number;
      /** Whether the chain file ends in a line without its newline (a killed writer). */
      readonly partialLine: boolean;
    }
  | { readonly ok: false; readonly problem: string; readonly range?: ByteRange };

/** Describes a byte range the way people read it: inclusive at both ends. */
export function describeRange(range: ByteRange): string {
  return range.end - range.start <= 1 ? `byte ${range.start}` : `bytes ${range.start}-${range.end - 1}`;
}

/**
 * Verifies run.log against run.log.chain. Pure. Reports the first problem in log order.
 * Without `expected`, an interrupted writer's valid prefix (unchained trailing bytes, a partial
 * last line) is accepted as incomplete; with it, the chain must cover the whole log and match.
 */
export function verifyLogChain(
  log: Buffer,
  chainText: string,
  expected?: { readonly head?: string; readonly bytes?: number },
): LogChainResult {
  const lines = chainText.split('\n');
  // The text after the last "\n": empty for a well-formed file, else a line the writer never finished.
  const partial = lines.pop() ?? '';
  const partialLine = partial.length > 0;
  const claimedEnd = Math.max(lastClaimedEnd(lines), expected?.bytes ?? 0);
  let head = GENESIS;
  let offset = 0;
  for (let k = 0; k < lines.length; k++) {
    const where = `${CHAIN_FILE} line ${k + 1}`;
    const block = parseChainLine(lines[k] as string);
    // A forged or mangled line cannot be trusted for anything after it.
    if (block === undefined) return fail(`${where} is not a valid block record`);
    // A gap means log bytes were left out of the chain (a line removed, or blocks reordered).
    if (block.start > offset) {
      return fail(
        `${describeRange({ start: offset, end: block.start })} of ${LOG_FILE} are not covered by ${CHAIN_FILE} (${where} starts at ${block.start}, expected ${offset}): a chain line was removed or reordered`,
        { start: offset, end: block.start },
      );
    }
    // An overlap would let the same bytes be counted twice, hiding a replaced block.
    if (block.start < offset) {
      return fail(
        `${where} starts at byte ${block.start}, expected ${offset}: chain lines were duplicated or reordered`,
        { start: block.start, end: Math.max(offset, block.start + 1) },
      );
    }
    // Indexes bind each line to its position, so lines cannot be dropped and renumbered silently.
    if (block.i !== k) {
      return fail(`${where} has block index ${block.i}, expected ${k}: chain lines were removed or reordered`, {
        start: block.start,
        end: Math.max(block.end, block.start + 1),
      });
    }
    if (block.end <= block.start) return fail(`${where} describes an empty block (${block.start}-${block.end})`);
    // A log shorter than the chain says was truncated; everything from its end is missing.
    if (block.end > log.length) {
      const missing = { start: log.length, end: Math.max(claimedEnd, block.end) };
      return fail(`${LOG_FILE} is truncated: ${describeRange(missing)} are missing`, missing);
    }
    const range = { start: block.start, end: block.end };
    // The block hash pins every byte of the block: any edit, insertion or deletion changes it.
    if (sha256Hex(log.subarray(block.start, block.end)) !== block.sha256) {
      return fail(`${describeRange(range)} of ${LOG_FILE} were altered (block ${k} does not match its hash)`, range);
    }
    // The link pins the line to all earlier lines, so an edited chain line shows here.
    const link = chainLink(head, block.i, block.start, block.end, block.sha256);
    if (link !== block.chain) {
      return fail(
        `${where} breaks the chain (expected chain ${link}, got ${block.chain}): ${CHAIN_FILE} was edited`,
        range,
      );
    }
    head = link;
    offset = block.end;
  }
  const unchainedBytes = log.length - offset;
  if (expected !== undefined) {
    // With a recorded summary, anything not covered is an addition or a truncation, not a crash.
    if (partialLine) return fail(`${CHAIN_FILE} ends with a partial line after line ${lines.length}`);
    if (expected.bytes !== undefined && expected.bytes !== offset) {
      const range = { start: Math.min(offset, expected.bytes), end: Math.max(offset, expected.bytes) };
      return fail(`${CHAIN_FILE} covers ${offset} bytes, expected ${expected.bytes}`, range);
    }
    if (unchainedBytes > 0) {
      return fail(
        `${describeRange({ start: offset, end: log.length })} of ${LOG_FILE} are not covered by ${CHAIN_FILE}`,
        { start: offset, end: log.length },
      );
    }
    // Matching head proves the whole chain is the one recorded, not a consistent rewrite.
    if (expected.head !== undefined && expected.head !== head) {
      return fail(`${CHAIN_FILE} head is ${head}, expected ${expected.head}: the log and chain were rewritten`);
    }
  }
  return {
    ok: true,
    complete: unchainedBytes === 0 && !partialLine,
    blocks: lines.length,
    bytes: offset,
    head,
    unchainedBytes,
    partialLine,
  };
}

function fail(problem: string, range?: ByteRange): LogChainResult {
  return range === undefined ? { ok: false, problem } : { ok: false, problem, range };
}

/** The end offset the chain claims overall, for reporting how much of a truncated log is missing. */
function lastClaimedEnd(lines: readonly string[]): number {
  const last = lines.at(-1);
  return last === undefined ? 0 : (parseChainLine(last)?.end ?? 0);
}
