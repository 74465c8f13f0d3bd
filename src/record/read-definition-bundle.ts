// Reading back the definition copies of a record (`definition/<path>`, written by
// definition-bundle.ts) to show what ran. The copies are only as good as their match with the
// snapshot's file listing, which the record's anchors pin: every byte shown is checked against it.

import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../core/tree-digest.ts';
import { TrustError } from '../errors.ts';
import { MAX_COPIED_FILE_BYTES, MAX_COPIED_TOTAL_BYTES } from './definition-bundle.ts';
import { DEFINITION_FOLDER } from './receipt.ts';
import type { RunSnapshot } from './snapshot.ts';

/** A definition folder with more entries than this is not a copy the tool wrote. */
const MAX_DEFINITION_ENTRIES = 10_000;

/** One file of the verified definition as the record holds it. */
export interface DefinitionCopy {
  readonly path: string;
  readonly mode: string;
  readonly sha256: string;
  /** Its bytes (checked against `sha256`), or undefined when it was too large to copy. */
  readonly content: Buffer | undefined;
}

/** What a record holds of the definition that ran. */
export type RecordedDefinition =
  /** Nothing was verified (a refused run): there is no definition to show. */
  | { readonly kind: 'none' }
  /** Written before records held copies: only the file listing is known. */
  | { readonly kind: 'listing-only'; readonly files: readonly DefinitionCopy[] }
  /** The copies, each checked against the listing, in listing order. */
  | { readonly kind: 'copied'; readonly files: readonly DefinitionCopy[] };

/**
 * Reads `definition/` of a record folder and checks it against the snapshot; throws
 * TrustError('RECORD_TAMPERED') naming the first file that does not match.
 */
export function readRecordedDefinition(dir: string, snapshot: RunSnapshot): RecordedDefinition {
  return checkRecordedDefinition(snapshot, readDefinitionFolder(join(dir, DEFINITION_FOLDER)));
}

/**
 * Checks the files found under `definition/` (path -> bytes; undefined: no such folder) against
 * the snapshot's listing and its `definition.omitted`. Pure.
 */
export function checkRecordedDefinition(
  snapshot: RunSnapshot,
  found: ReadonlyMap<string, Buffer> | undefined,
): RecordedDefinition {
  const listing = snapshot.remediation.files;
  const where = (path: string) => `${DEFINITION_FOLDER}/${path}`;
  if (snapshot.definition === undefined) {
    // Attack: files laid into a record that says it holds no copies, to be taken for what ran.
    if (found !== undefined && found.size > 0) {
      throw new TrustError(
        'RECORD_TAMPERED',
        `${DEFINITION_FOLDER}/ holds ${where([...found.keys()][0] ?? '')}, but snapshot.json records no definition copies`,
      );
    }
    if (listing === undefined) return { kind: 'none' };
    return { kind: 'listing-only', files: listing.map((file) => ({ ...file, content: undefined })) };
  }
  const listed = new Map((listing ?? []).map((file) => [file.path, file]));
  const omitted = new Set(snapshot.definition.omitted);
  for (const path of omitted) {
    if (!listed.has(path)) {
      throw new TrustError('RECORD_TAMPERED', `snapshot.json omits ${path}, which is not a file of the definition`);
    }
  }
  for (const path of (found ?? new Map<string, Buffer>()).keys()) {
    // Attack: a script slipped in next to the copies, shown as if it were part of what ran.
    if (!listed.has(path)) {
      throw new TrustError('RECORD_TAMPERED', `${where(path)} is not a file of the verified definition`);
    }
    if (omitted.has(path)) {
      throw new TrustError('RECORD_TAMPERED', `${where(path)} is present, but snapshot.json says it was not copied`);
    }
  }
  const files = (listing ?? []).map((file): DefinitionCopy => {
    if (omitted.has(file.path)) return { ...file, content: undefined };
    const content = found?.get(file.path);
    if (content === undefined) {
      throw new TrustError('RECORD_TAMPERED', `${where(file.path)} is missing (snapshot.json says it was copied)`);
    }
    // Attack: a copy edited after the run, so the record shows other logic than what ran.
    const actual = sha256Hex(content);
    if (actual !== file.sha256) {
      throw new TrustError(
        'RECORD_TAMPERED',
        `${where(file.path)} has sha256 ${actual}, expected ${file.sha256} (snapshot.json): the copy changed after the run`,
      );
    }
    return { ...file, content };
  });
  return { kind: 'copied', files };
}

/** Every regular file under `root` by relative path; undefined when `root` does not exist. */
function readDefinitionFolder(root: string): Map<string, Buffer> | undefined {
  try {
    if (!lstatSync(root).isDirectory()) {
      throw new TrustError('RECORD_TAMPERED', `${DEFINITION_FOLDER} is not a folder (a record's copies always are)`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const found = new Map<string, Buffer>();
  let entries = 0;
  let total = 0;
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      // Bounds: a record folder can come from anywhere, and the copies the tool writes are small.
      if (++entries > MAX_DEFINITION_ENTRIES) {
        throw new TrustError(
          'RECORD_TAMPERED',
          `${DEFINITION_FOLDER}/ holds more than ${MAX_DEFINITION_ENTRIES} entries`,
        );
      }
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      // A link could show any file of the machine as part of the definition: copies never are links.
      if (!entry.isFile()) {
        throw new TrustError(
          'RECORD_TAMPERED',
          `${DEFINITION_FOLDER}/${path} is not a regular file (copies always are)`,
        );
      }
      const content = readCopy(join(root, path), `${DEFINITION_FOLDER}/${path}`);
      total += content.byteLength;
      if (total > MAX_COPIED_TOTAL_BYTES) {
        throw new TrustError('RECORD_TAMPERED', `${DEFINITION_FOLDER}/ holds more than the tool ever copies`);
      }
      found.set(path, content);
    }
  };
  walk('');
  return found;
}

/** A copy's bytes: a regular file (O_NOFOLLOW, O_NONBLOCK) of at most MAX_COPIED_FILE_BYTES. */
function readCopy(path: string, name: string): Buffer {
  const fd = openSync(
    path,
    constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0),
  );
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new TrustError('RECORD_TAMPERED', `${name} is not a regular file`);
    if (stats.size > MAX_COPIED_FILE_BYTES) {
      throw new TrustError('RECORD_TAMPERED', `${name} is larger than the tool ever copies (${stats.size} bytes)`);
    }
    // One byte more than stated: a file that grows while it is read is not a finished copy.
    const buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > stats.size) throw new TrustError('RECORD_TAMPERED', `${name} changed while it was read`);
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
