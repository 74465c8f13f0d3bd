// Writes the signed run receipt of a closed record: the one writer of receipt.dsse.json. Also
// builds the Statement the Action attests. Both read each record file once, and check what they
// read against the record's seal before anything is signed.

import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tryReadBoundedFile } from '../adapters/bounded-file.ts';
import { serialiseEnvelope, signEnvelope } from '../core/dsse.ts';
import type { SigningKey } from '../core/keys.ts';
import { TrustError } from '../errors.ts';
import { DEFINITION_FILE, MAX_BUNDLE_BYTES } from './definition-bundle.ts';
import { verifyLogChain } from './log-chain-verifier.ts';
import { parseSnapshot } from './read-snapshot.ts';
import {
  IN_TOTO_PAYLOAD_TYPE,
  RECEIPT_FILE,
  receiptStatement,
  statementBytes,
  type ReceiptStatement,
} from './receipt.ts';
import { CHAIN_FILE, LOG_FILE, MAX_RECORD_FILE_BYTES, SNAPSHOT_FILE } from './record-files.ts';
import { digestsOfRead } from './record-subjects.ts';

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
  const read = (name: string, maxBytes = MAX_RECORD_FILE_BYTES) =>
    tryReadBoundedFile(join(dir, name), { label: 'record file', maxBytes });
  const snapshot = read(SNAPSHOT_FILE);
  const log = read(LOG_FILE);
  const chain = read(CHAIN_FILE);
  const definition = read(DEFINITION_FILE, MAX_BUNDLE_BYTES);
  if (snapshot === undefined || log === undefined || chain === undefined) {
    throw new TrustError('RECORD_TAMPERED', `${dir}: a record file is missing; nothing was signed`);
  }
  if (seal !== undefined) {
    const changed = (what: string) =>
      new TrustError(
        'RECORD_TAMPERED',
        `${dir}: ${what} changed after the record was closed and before it was signed; nothing was signed`,
      );
    if (!snapshot.equals(seal.snapshot)) throw changed(SNAPSHOT_FILE);
    if (seal.log !== undefined) {
      const checked = verifyLogChain(log, chain.toString('utf8'), seal.log);
      if (!checked.ok) throw changed(`${LOG_FILE} or ${CHAIN_FILE} (${checked.problem})`);
    }
    if (seal.definitionSha256 !== undefined) {
      const actual = definition === undefined ? null : createHash('sha256').update(definition).digest('hex');
      if (actual !== seal.definitionSha256) throw changed(DEFINITION_FILE);
    }
  }
  const digests = digestsOfRead({ snapshot, log, chain: '', chainBytes: chain }, definition);
  const subjects = [...digests].map(([name, sha256]) => ({ name, digest: { sha256 } }));
  return receiptStatement(subjects, parseSnapshot(snapshot, dir));
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
