// The files a run receipt covers, and their sha256, read from a record folder: snapshot.json,
// run.log, run.log.chain and every file under definition/. Used to write a receipt (the digests
// of the closed record) and to check one (the digests of the record as found now).

import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { TrustError } from '../errors.ts';
import { DEFINITION_FOLDER, REQUIRED_SUBJECTS, type Subject } from './receipt.ts';

/** Read buffer: logs can be large, so files are hashed in pieces. */
const CHUNK_BYTES = 1024 * 1024;
/** A definition folder with more entries than this is not a copy the tool wrote. */
const MAX_DEFINITION_ENTRIES = 10_000;

/**
 * The sha256 of each file a receipt covers, by name relative to the record folder (`/`
 * separators). A required file that is missing is left out (the check names it); anything under
 * definition/ that is not a regular file or folder is refused, since no copy the tool writes is.
 */
export function recordFileDigests(dir: string): Map<string, string> {
  const digests = new Map<string, string>();
  for (const name of REQUIRED_SUBJECTS) {
    const digest = tryHashFile(join(dir, name), name);
    if (digest !== undefined) digests.set(name, digest);
  }
  const root = join(dir, DEFINITION_FOLDER);
  let entries = 0;
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      if (++entries > MAX_DEFINITION_ENTRIES) {
        throw new TrustError(
          'RECORD_TAMPERED',
          `${DEFINITION_FOLDER}/ holds more than ${MAX_DEFINITION_ENTRIES} entries`,
        );
      }
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const name = `${DEFINITION_FOLDER}/${path}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) digests.set(name, hashFile(join(root, path), name));
      else throw new TrustError('RECORD_TAMPERED', `${name} is not a regular file (a record's copies always are)`);
    }
  };
  if (isFolder(root)) walk('');
  return digests;
}

/** The subjects of a receipt: every file recordFileDigests finds. */
export function recordSubjects(dir: string): Subject[] {
  return [...recordFileDigests(dir)].map(([name, sha256]) => ({ name, digest: { sha256 } }));
}

function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function tryHashFile(path: string, name: string): string | undefined {
  try {
    return hashFile(path, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
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
