// Reading a run record folder: the only I/O of verification. Everything it returns is checked by
// the pure verifier (record-verifier.ts), so this file trusts nothing it reads.

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { tryReadBoundedFile } from '../adapters/bounded-file.ts';
import { UsageError, usageErrorFromSystem } from '../errors.ts';

/** What ran and why, written by the executor. */
export const SNAPSHOT_FILE = 'snapshot.json';
/** The redacted, human-readable log. */
export const LOG_FILE = 'run.log';
/** The hash chain over run.log (format in log-chain-format.ts). */
export const CHAIN_FILE = 'run.log.chain';

/**
 * Largest record file read: what readFile could read before the reads were bounded. The verifier
 * holds the whole log in memory, so this is a memory bound, not a format limit.
 */
export const MAX_RECORD_FILE_BYTES = 2 ** 31 - 1;

/** The raw bytes of a run record, as handed to verifyRecord. */
export interface RecordFiles {
  readonly snapshot: Buffer;
  readonly log: Buffer;
  readonly chain: string;
  /** run.log.chain's bytes as read (its digest is what a receipt covers). */
  readonly chainBytes?: Buffer;
}

/** Reads snapshot.json, run.log and run.log.chain from a record folder. */
export async function readRecord(dir: string): Promise<RecordFiles> {
  checkRecordFolder(dir);
  const snapshot = readRecordFile(dir, SNAPSHOT_FILE);
  const log = readRecordFile(dir, LOG_FILE);
  const chainBytes = readRecordFile(dir, CHAIN_FILE);
  return { snapshot, log, chain: chainBytes.toString('utf8'), chainBytes };
}

const RECORD_FOLDER_HINT = `pass the folder of a run record (it holds ${SNAPSHOT_FILE}, ${LOG_FILE} and ${CHAIN_FILE})`;

// A file given where the record folder belongs (verify-run /etc/passwd) is named as such, not
// reported as a failed open of /etc/passwd/snapshot.json.
function checkRecordFolder(dir: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UsageError('NOT_FOUND', `${dir} does not exist: ${RECORD_FOLDER_HINT}`, { cause: error });
    }
    throw usageErrorFromSystem(error, `record folder ${dir}`) ?? error;
  }
  if (!isFolder) throw new UsageError('NOT_A_FOLDER', `${dir} is not a folder: ${RECORD_FOLDER_HINT}`);
}

// Bounded, and only regular files: a record folder can come from anywhere, and a FIFO or a
// device named run.log must not hang the verifier or fill its memory.
function readRecordFile(dir: string, name: string): Buffer {
  const path = join(dir, name);
  const bytes = tryReadBoundedFile(path, { label: 'record file', maxBytes: MAX_RECORD_FILE_BYTES });
  if (bytes === undefined) throw new UsageError('NOT_FOUND', `${path} not found: ${RECORD_FOLDER_HINT}`);
  return bytes;
}
