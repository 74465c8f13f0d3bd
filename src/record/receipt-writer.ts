// Writes the signed run receipt of a closed record: the one writer of receipt.dsse.json.

import { renameSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialiseEnvelope, signEnvelope } from '../core/dsse.ts';
import type { SigningKey } from '../core/keys.ts';
import { parseSnapshot } from './read-snapshot.ts';
import {
  IN_TOTO_PAYLOAD_TYPE,
  RECEIPT_FILE,
  receiptStatement,
  statementBytes,
  type ReceiptStatement,
} from './receipt.ts';
import { SNAPSHOT_FILE } from './record-files.ts';
import { recordSubjects } from './record-subjects.ts';

/**
 * The Statement about a record folder as it is now: its files' digests and its snapshot. Called
 * once the record is closed (the snapshot final, the log closed or cut), so the digests are final.
 */
export function recordStatement(dir: string): ReceiptStatement {
  const snapshot = parseSnapshot(readFileSync(join(dir, SNAPSHOT_FILE)), dir);
  return receiptStatement(recordSubjects(dir), snapshot);
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
export function writeReceipt(dir: string, key: SigningKey): ReceiptWritten {
  const statement = recordStatement(dir);
  const envelope = signEnvelope(IN_TOTO_PAYLOAD_TYPE, statementBytes(statement), [key]);
  const file = join(dir, RECEIPT_FILE);
  const temp = join(dir, `.${RECEIPT_FILE}.tmp`);
  writeFileSync(temp, serialiseEnvelope(envelope), { mode: 0o644 });
  renameSync(temp, file);
  return { file, keyid: key.keyid, statement };
}
