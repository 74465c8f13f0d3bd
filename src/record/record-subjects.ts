// The files a run receipt covers, and their sha256: snapshot.json, run.log, run.log.chain and
// definition.tar. Computed from bytes already read, never from a second read: the digests written
// into a receipt, or compared with one, must be of the very bytes that were checked, not of a
// read a process swapping files in the folder could make differ.

import { createHash } from 'node:crypto';
import { DEFINITION_FILE } from './definition-bundle.ts';
import { CHAIN_FILE, LOG_FILE, SNAPSHOT_FILE, type RecordFiles } from './record-files.ts';

/** The hex sha256 of each record file a receipt covers, by name. */
export function digestsOfRead(files: RecordFiles, bundle: Buffer | undefined): Map<string, string> {
  const hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const digests = new Map<string, string>([
    [SNAPSHOT_FILE, hex(files.snapshot)],
    [LOG_FILE, hex(files.log)],
    [CHAIN_FILE, hex(files.chainBytes ?? Buffer.from(files.chain, 'utf8'))],
  ]);
  if (bundle !== undefined) digests.set(DEFINITION_FILE, hex(bundle));
  return digests;
}
