// Tamper-evident run log: the log bytes plus a hash chain over consecutive blocks of them.
// This file is the format, shared by the writer (log-chain-writer.ts) and the verifier
// (log-chain-verifier.ts), so that verifying a record loads neither the writer nor its worker.
//
// Format (a stable contract: change it only with a version bump):
//   The record folder holds `run.log`, the human-readable log bytes (already redacted), and
//   `run.log.chain`, JSON Lines with one line per block of run.log, in order:
//     {"i":<index from 0>,"start":<byte offset>,"end":<byte offset, exclusive>,"sha256":"<hex>","chain":"<hex>"}
//   - `sha256` is the lower-case hex SHA-256 of run.log bytes [start, end).
//   - `chain` = lower-case hex SHA-256 of the UTF-8 string
//       prevChain + "\n" + i + "\n" + start + "\n" + end + "\n" + sha256
//     (numbers in decimal), where prevChain is the previous line's `chain`, and GENESIS (64 zeros)
//     for i = 0.
//   - Blocks are contiguous and non-empty: block 0 starts at 0, block i+1 starts where block i ends.
//   - Every line ends with "\n". The `chain` of the last line is the head; an empty log has no
//     lines and head GENESIS.
//   - The writer appends a block's log bytes first and its chain line second, so a writer killed at
//     any moment leaves a valid prefix: complete lines covering a prefix of run.log, then possibly
//     unchained log bytes and a partial last line.
//
// The chain is not keyed: whoever can rewrite both files can recompute it. It detects edits when
// the head (and byte count) are compared against a value kept elsewhere, i.e. snapshot.json, whose
// digest is published in the job summary.

import { sha256Hex } from '../core/tree-digest.ts';

/** The `prevChain` of block 0, and the head of an empty log. */
export const GENESIS = '0'.repeat(64);

/** One line of run.log.chain. */
export interface ChainBlock {
  readonly i: number;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly sha256: string;
  readonly chain: string;
}

/** A byte range of run.log, end exclusive. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/** What the writer reports on close; the executor stores it as `snapshot.log`. */
export interface LogSummary {
  readonly head: string;
  readonly bytes: number;
  readonly blocks: number;
}

/** Computes a block's `chain` value from the previous one. */
export function chainLink(prevChain: string, i: number, start: number, end: number, sha256: string): string {
  return sha256Hex(`${prevChain}\n${i}\n${start}\n${end}\n${sha256}`);
}

/** Formats a block as its line of run.log.chain, newline included. */
export function formatChainLine(block: ChainBlock): string {
  const { i, start, end, sha256, chain } = block;
  return `${JSON.stringify({ i, start, end, sha256, chain })}\n`;
}

const HEX64 = /^[0-9a-f]{64}$/;
/** The keys of a chain line, sorted. */
const BLOCK_KEYS = 'chain,end,i,sha256,start';

/** Parses one chain line (without its newline); undefined when it is not exactly a block record. */
export function parseChainLine(line: string): ChainBlock | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (Object.keys(record).sort().join(',') !== BLOCK_KEYS) return undefined;
  const { i, start, end, sha256, chain } = record;
  const isOffset = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  if (!isOffset(i) || !isOffset(start) || !isOffset(end)) return undefined;
  if (typeof sha256 !== 'string' || !HEX64.test(sha256) || typeof chain !== 'string' || !HEX64.test(chain)) {
    return undefined;
  }
  return { i, start, end, sha256, chain };
}
