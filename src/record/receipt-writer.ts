// Writes the signed run receipt of a closed record: the one writer of receipt.dsse.json. Also
// builds the Statement the Action attests. Both read each record file once, and check what they
// read against the record's seal before anything is signed.

import { createHash, type Hash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tryReadBoundedFile } from '../adapters/bounded-file.ts';
import { serialiseEnvelope, signEnvelope } from '../core/dsse.ts';
import type { SigningKey } from '../core/keys.ts';
import { sha256Hex } from '../core/tree-digest.ts';
import { TrustError } from '../errors.ts';
import { DEFINITION_FILE, MAX_BUNDLE_BYTES } from './definition-bundle.ts';
import { chainLink, GENESIS, parseChainLine } from './log-chain-format.ts';
import { parseSnapshot } from './read-snapshot.ts';
import {
  IN_TOTO_PAYLOAD_TYPE,
  RECEIPT_FILE,
  receiptStatement,
  statementBytes,
  type ReceiptStatement,
} from './receipt.ts';
import { CHAIN_FILE, LOG_FILE, MAX_RECORD_FILE_BYTES, SNAPSHOT_FILE } from './record-files.ts';

/**
 * What the recorder knows it wrote when it closed the record: the Statement must be about these
 * bytes. Attack: a process a step left running (a `setsid` service, same user) rewrites the
 * record between its closing and its signing, and gets its forgery signed with the run key or
 * attested with the workflow's identity, neither of which it holds. Checked against the seal,
 * such a record is refused, and nothing is signed.
 */
export interface RecordSeal {
  /** snapshot.json as last written. */
  readonly snapshot: Buffer;
  /** The closed log's length and chain head; undefined when the log was left open. */
  readonly log?: { readonly bytes: number; readonly head: string };
  /** Hex sha256 of definition.tar as written; null when none was; undefined: not known. */
  readonly definitionSha256?: string | null;
}

/**
 * The Statement about a closed record folder: its files' digests and its snapshot, from one read
 * of each file; with a seal, refused (RECORD_TAMPERED) unless those bytes are what was closed.
 */
export function recordStatement(dir: string, seal?: RecordSeal): ReceiptStatement {
  const read = (name: string, maxBytes: number) =>
    tryReadBoundedFile(join(dir, name), { label: 'record file', maxBytes });
  const snapshot = read(SNAPSHOT_FILE, MAX_RECORD_FILE_BYTES);
  const chain = read(CHAIN_FILE, MAX_RECORD_FILE_BYTES);
  const definition = read(DEFINITION_FILE, MAX_BUNDLE_BYTES);
  if (snapshot === undefined || chain === undefined) {
    throw new TrustError('RECORD_TAMPERED', `${dir}: a record file is missing; nothing was signed`);
  }
  const changed = (what: string) =>
    new TrustError(
      'RECORD_TAMPERED',
      `${dir}: ${what} changed after the record was closed and before it was signed; nothing was signed`,
    );
  // The log can be gigabytes: it is read once, in pieces, hashed whole and checked block by block
  // against the chain, so what is signed is what was checked, in bounded memory.
  const log = digestLogFile(join(dir, LOG_FILE), chain.toString('utf8'));
  if (seal !== undefined) {
    if (!snapshot.equals(seal.snapshot)) throw changed(SNAPSHOT_FILE);
    if (seal.log !== undefined) {
      const problem =
        log.problem ??
        (log.bytes !== seal.log.bytes || log.tail > 0 || log.head !== seal.log.head
          ? `its chain covers ${log.bytes} bytes (${log.tail} more unchained) with head ${log.head}, expected ${seal.log.bytes} with head ${seal.log.head}`
          : undefined);
      if (problem !== undefined) throw changed(`${LOG_FILE} or ${CHAIN_FILE} (${problem})`);
    }
    if (seal.definitionSha256 !== undefined) {
      const actual = definition === undefined ? null : sha256Hex(definition);
      if (actual !== seal.definitionSha256) throw changed(DEFINITION_FILE);
    }
  }
  const subjects = [
    { name: SNAPSHOT_FILE, digest: { sha256: sha256Hex(snapshot) } },
    { name: LOG_FILE, digest: { sha256: log.sha256 } },
    { name: CHAIN_FILE, digest: { sha256: sha256Hex(chain) } },
    ...(definition === undefined ? [] : [{ name: DEFINITION_FILE, digest: { sha256: sha256Hex(definition) } }]),
  ];
  return receiptStatement(subjects, parseSnapshot(snapshot, dir));
}

/** Bytes read per call while hashing the log. */
const LOG_CHUNK_BYTES = 1024 * 1024;

/**
 * One streaming pass over run.log: its sha256, and the chain checked block by block (the first
 * problem, or the head and the bytes it covers, and the unchained bytes after them).
 */
function digestLogFile(
  path: string,
  chainText: string,
): { sha256: string; head: string; bytes: number; tail: number; problem?: string } {
  const blocks = chainText.split('\n').filter((line) => line !== '');
  const whole = createHash('sha256');
  const buffer = Buffer.allocUnsafe(LOG_CHUNK_BYTES);
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    if (!fstatSync(fd).isFile()) throw new TrustError('RECORD_TAMPERED', `${path} is not a regular file`);
    let offset = 0;
    let head = GENESIS;
    let problem: string | undefined;
    // Reads `length` bytes at the current offset into the whole-file hash (and `block`); false at EOF.
    const take = (length: number, block?: Hash): boolean => {
      let left = length;
      while (left > 0) {
        const read = readSync(fd, buffer, 0, Math.min(left, LOG_CHUNK_BYTES), offset);
        if (read === 0) return false;
        const piece = buffer.subarray(0, read);
        whole.update(piece);
        block?.update(piece);
        offset += read;
        left -= read;
      }
      return true;
    };
    for (const [k, line] of blocks.entries()) {
      const block = parseChainLine(line);
      if (block === undefined || block.i !== k || block.start !== offset || block.end <= block.start) {
        problem = `${CHAIN_FILE} line ${k + 1} is not the next block`;
        break;
      }
      const hash = createHash('sha256');
      if (!take(block.end - block.start, hash)) {
        problem = `${LOG_FILE} ends inside block ${k}`;
        break;
      }
      const link = chainLink(head, block.i, block.start, block.end, block.sha256);
      if (hash.digest('hex') !== block.sha256 || link !== block.chain) {
        problem = `block ${k} does not match its chain line`;
        break;
      }
      head = link;
    }
    const bytes = offset;
    while (take(LOG_CHUNK_BYTES));
    return { sha256: whole.digest('hex'), head, bytes, tail: offset - bytes, ...(problem ? { problem } : {}) };
  } finally {
    closeSync(fd);
  }
}

/** A receipt written: who signed it, and what it says. */
export interface ReceiptWritten {
  readonly file: string;
  readonly keyid: string;
  readonly statement: ReceiptStatement;
}

/**
 * Signs the closed record's Statement with the run key as a DSSE envelope (the same Ed25519 over
 * PAE code as the manifest) and writes it atomically as receipt.dsse.json.
 */
export function writeReceipt(dir: string, key: SigningKey, seal?: RecordSeal): ReceiptWritten {
  const statement = recordStatement(dir, seal);
  const envelope = signEnvelope(IN_TOTO_PAYLOAD_TYPE, statementBytes(statement), [key]);
  const file = join(dir, RECEIPT_FILE);
  const temp = join(dir, `.${RECEIPT_FILE}.tmp`);
  writeFileSync(temp, serialiseEnvelope(envelope), { mode: 0o644 });
  renameSync(temp, file);
  return { file, keyid: key.keyid, statement };
}
