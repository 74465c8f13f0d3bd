// The verified definition's files, copied into the record as one tar file (definition.tar), so
// the record shows the exact logic that ran to someone without the repository. One file, because
// release assets are flat (no folders) and a receipt subject names one file; tar, because anyone
// can read it (`tar -tvf`, `tar -xf`) and it keeps each file's mode, so the definition digest can
// be recomputed from it. The receipt covers it; snapshot.json says which files were too large.
//
// Format: POSIX ustar, written deterministically (owner 0, mtime 0, sorted by path, no folder
// entries), regular files only, modes 0644 or 0755 as in git.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex, type TreeFile } from '../core/tree-digest.ts';
import type { RunSnapshot } from './snapshot.ts';

/** Most bytes a bundle can take: the copies' limit and a header and padding per file. */
export const MAX_BUNDLE_BYTES = 32 * 1024 * 1024;
/** The bundle's file in a record folder. */
export const DEFINITION_FILE = 'definition.tar';
/** Files larger than this are not copied (the definition itself may hold up to 128 MiB). */
export const MAX_COPIED_FILE_BYTES = 4 * 1024 * 1024;
/** Copies stop before their total passes this, so a record stays small enough to publish. */
export const MAX_COPIED_TOTAL_BYTES = 16 * 1024 * 1024;

const BLOCK = 512;
const NAME_BYTES = 100;
const PREFIX_BYTES = 155;

/** One file read back from a bundle. */
export interface BundledFile {
  readonly path: string;
  readonly mode: '100644' | '100755';
  readonly content: Buffer;
  readonly sha256: string;
}

/**
 * Writes `recordDir/definition.tar` (never over an existing file) and returns what the snapshot
 * says about it, and the file's sha256 (the record's seal). Files are copied in path order while they fit the bounds above; the others, and
 * any whose path ustar cannot hold (over 255 bytes), are listed as omitted.
 */
export function writeDefinitionBundle(
  recordDir: string,
  files: readonly TreeFile[],
): { readonly definition: NonNullable<RunSnapshot['definition']>; readonly sha256: string } {
  const parts: Buffer[] = [];
  const omitted: string[] = [];
  let total = 0;
  for (const file of [...files].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)))) {
    const size = file.content.byteLength;
    const header = size > MAX_COPIED_FILE_BYTES || total + size > MAX_COPIED_TOTAL_BYTES ? undefined : tarHeader(file);
    if (header === undefined) {
      omitted.push(file.path);
      continue;
    }
    parts.push(header, file.content, Buffer.alloc(padding(size)));
    total += size;
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  const bytes = Buffer.concat(parts);
  writeFileSync(join(recordDir, DEFINITION_FILE), bytes, { flag: 'wx', mode: 0o644 });
  return { definition: { file: DEFINITION_FILE, omitted }, sha256: sha256Hex(bytes) };
}

/** The ustar header of a file, or undefined when its path does not fit ustar's name fields. */
function tarHeader(file: TreeFile): Buffer | undefined {
  const split = splitPath(file.path);
  if (split === undefined) return undefined;
  const header = Buffer.alloc(BLOCK);
  header.write(split.name, 0, 'utf8');
  header.write(file.mode === '100755' ? '0000755\0' : '0000644\0', 100, 'ascii');
  header.write('0000000\0', 108, 'ascii');
  header.write('0000000\0', 116, 'ascii');
  header.write(`${file.content.byteLength.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  header.write('00000000000\0', 136, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  header.write(split.prefix, 345, 'utf8');
  header.write(`${checksum(header).toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

/** ustar keeps a path as `prefix/name` (at most 155 and 100 bytes). */
function splitPath(path: string): { prefix: string; name: string } | undefined {
  const bytes = Buffer.byteLength(path);
  if (bytes <= NAME_BYTES) return { prefix: '', name: path };
  for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) {
    const prefix = path.slice(0, at);
    const name = path.slice(at + 1);
    if (Buffer.byteLength(prefix) <= PREFIX_BYTES && Buffer.byteLength(name) <= NAME_BYTES && name !== '') {
      return { prefix, name };
    }
  }
  return undefined;
}

/** Sum of the header's bytes with the checksum field read as spaces. */
function checksum(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum;
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

/**
 * Reads a bundle back. Pure, and strict: it accepts only what writeDefinitionBundle writes
 * (ustar regular files with a valid checksum, safe relative paths, each once, then the end
 * blocks), and throws an Error naming the first thing that is not. A bundle is input like any
 * other record file: a crafted one must not make a reader write outside a folder or show a file
 * twice.
 */
export function readDefinitionBundle(bytes: Buffer): BundledFile[] {
  const files: BundledFile[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (;;) {
    if (offset + BLOCK > bytes.byteLength) throw new Error('definition.tar ends without its end blocks');
    const header = bytes.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (header.toString('ascii', 257, 263) !== 'ustar\0')
      throw new Error(`definition.tar: no ustar header at byte ${offset}`);
    const stored = parseOctal(header.subarray(148, 156));
    if (stored !== checksum(header)) throw new Error(`definition.tar: bad header checksum at byte ${offset}`);
    const name = cString(header.subarray(0, 100));
    const prefix = cString(header.subarray(345, 500));
    const path = prefix === '' ? name : `${prefix}/${name}`;
    // Attack: `../x` or `/etc/x` in a crafted bundle, extracted by a reader, would write outside.
    if (!isSafeRelativePath(path)) throw new Error(`definition.tar: unsafe path ${JSON.stringify(path)}`);
    if (seen.has(path)) throw new Error(`definition.tar: ${path} appears twice`);
    seen.add(path);
    if (header.toString('ascii', 156, 157) !== '0') throw new Error(`definition.tar: ${path} is not a regular file`);
    const mode = parseOctal(header.subarray(100, 108));
    if (mode !== 0o644 && mode !== 0o755) throw new Error(`definition.tar: ${path} has mode ${mode.toString(8)}`);
    const size = parseOctal(header.subarray(124, 136));
    const start = offset + BLOCK;
    if (start + size > bytes.byteLength) throw new Error(`definition.tar: ${path} is cut short`);
    const content = Buffer.from(bytes.subarray(start, start + size));
    files.push({ path, mode: mode === 0o755 ? '100755' : '100644', content, sha256: sha256Hex(content) });
    offset = start + size + padding(size);
  }
  if (!bytes.subarray(offset).every((b) => b === 0) || bytes.byteLength - offset < 2 * BLOCK) {
    throw new Error('definition.tar: bytes after its end');
  }
  return files;
}

function parseOctal(field: Buffer): number {
  const text = field.toString('ascii').replace(/[\0 ]+$/, '');
  if (!/^[0-7]{1,11}$/.test(text)) throw new Error(`definition.tar: bad number field ${JSON.stringify(text)}`);
  return parseInt(text, 8);
}

function cString(field: Buffer): string {
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.byteLength : end).toString('utf8');
}

/** `a/b.sh`: no empty, `.` or `..` segment, no leading `/`, no NUL or backslash. */
export function isSafeRelativePath(path: string): boolean {
  if (path.length === 0 || path.includes('\0') || path.includes('\\')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/**
 * Checks a bundle against the snapshot's listing of the verified files (whose digest the signed
 * manifest released): every copy must be a listed file with its sha256 and mode, and every listed
 * file not copied must be named in `omitted`. Returns the first problem, or undefined.
 * Attack: a definition.tar edited to show other logic than what ran. The listing is pinned by the
 * definition digest, so even without an anchor a copy that is not the released bytes shows here.
 */
export function checkDefinitionBundle(bytes: Buffer | undefined, snapshot: RunSnapshot): string | undefined {
  if (snapshot.definition === undefined) {
    return bytes === undefined
      ? undefined
      : `${DEFINITION_FILE} is in the record, but snapshot.json lists no definition copy`;
  }
  if (bytes === undefined) return `snapshot.json lists a definition copy, but ${DEFINITION_FILE} is missing`;
  let files: BundledFile[];
  try {
    files = readDefinitionBundle(bytes);
  } catch (error) {
    return (error as Error).message;
  }
  const listed = new Map((snapshot.remediation.files ?? []).map((file) => [file.path, file]));
  for (const file of files) {
    const entry = listed.get(file.path);
    if (entry === undefined)
      return `${DEFINITION_FILE} holds ${file.path}, which is not a file of the verified definition`;
    if (entry.sha256 !== file.sha256 || entry.mode !== file.mode) {
      return `${DEFINITION_FILE}: ${file.path} is not the verified file (sha256 ${file.sha256}, mode ${file.mode}; released ${entry.sha256}, ${entry.mode})`;
    }
  }
  const copied = new Set(files.map((file) => file.path));
  const expected = [...listed.keys()].filter((path) => !copied.has(path)).sort();
  const omitted = [...snapshot.definition.omitted].sort();
  if (JSON.stringify(expected) !== JSON.stringify(omitted)) {
    return `${DEFINITION_FILE} leaves out ${JSON.stringify(expected)}, but snapshot.json says ${JSON.stringify(omitted)}`;
  }
  return undefined;
}
