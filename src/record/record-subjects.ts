// The files a run receipt covers, and their sha256, read from a record folder: snapshot.json,
// run.log, run.log.chain and definition.tar. Used to write a receipt (the digests of the closed
// record) and to check one (the digests of the record as found now).

import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { TrustError } from '../errors.ts';
import { DEFINITION_FILE } from './definition-bundle.ts';
import { OPTIONAL_SUBJECTS, REQUIRED_SUBJECTS, type Subject } from './receipt.ts';
import { CHAIN_FILE, LOG_FILE, SNAPSHOT_FILE, type RecordFiles } from './record-files.ts';

/** Read buffer: logs can be large, so files are hashed in pieces. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * The sha256 of each record file a receipt covers that exists, by name. A missing required file
 * is left out (the check names it); one that is not a regular file (a link, a FIFO) is refused,
 * since no record file the tool writes is.
 */
export function recordFileDigests(dir: string): Map<string, string> {
  const digests = new Map<string, string>();
  for (const name of [...REQUIRED_SUBJECTS, ...OPTIONAL_SUBJECTS]) {
    const digest = tryHashFile(join(dir, name), name);
    if (digest !== undefined) digests.set(name, digest);
  }
  return digests;
}

/**
 * The sha256 of each record file a receipt covers, from the bytes a verifier already read and
 * checked: the digests compared with a receipt must be of those same bytes, not of a second read
 * that a process swapping files in the folder could make differ.
 */
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

/** The subjects of a receipt: every file recordFileDigests finds. */
export function recordSubjects(dir: string): Subject[] {
  return [...recordFileDigests(dir)].map(([name, sha256]) => ({ name, digest: { sha256 } }));
}

function tryHashFile(path: string, name: string): string | undefined {
  try {
    return hashFile(path, name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    // A link would let the digest be of some file outside the record.
    if (code === 'ELOOP') throw new TrustError('RECORD_TAMPERED', `${name} is a symbolic link, not a record file`);
    throw error;
  }
}

/** Hex sha256 of a regular file (O_NOFOLLOW, O_NONBLOCK: no link, FIFO or device is read). */
function hashFile(path: string, name: string): string {
  const fd = openSync(
    path,
    constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0),
  );
  try {
    if (!fstatSync(fd).isFile()) throw new TrustError('RECORD_TAMPERED', `${name} is not a regular file`);
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
    }
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}
