// Reading a run record folder: the only I/O of verification. Everything it returns is checked by
// the pure verifier (record-verifier.ts), so this file trusts nothing it reads.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.ts';

/** What ran and why, written by the executor. */
export const SNAPSHOT_FILE = 'snapshot.json';
/** The redacted, human-readable log. */
export const LOG_FILE = 'run.log';
/** The hash chain over run.log (format in log-chain.ts). */
export const CHAIN_FILE = 'run.log.chain';

/** The raw bytes of a run record, as handed to verifyRecord. */
export interface RecordFiles {
  readonly snapshot: Buffer;
  readonly log: Buffer;
  readonly chain: string;
}

/** Reads snapshot.json, run.log and run.log.chain from a record folder. */
export async function readRecord(dir: string): Promise<RecordFiles> {
  const [snapshot, log, chain] = await Promise.all([
    readRecordFile(dir, SNAPSHOT_FILE),
    readRecordFile(dir, LOG_FILE),
    readRecordFile(dir, CHAIN_FILE),
  ]);
  return { snapshot, log, chain: chain.toString('utf8') };
}

async function readRecordFile(dir: string, name: string): Promise<Buffer> {
  const path = join(dir, name);
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UsageError(
        'NOT_FOUND',
        `${path} not found: pass the folder of a run record (it holds ${SNAPSHOT_FILE}, ${LOG_FILE} and ${CHAIN_FILE})`,
        { cause: error },
      );
    }
    throw error;
  }
}
