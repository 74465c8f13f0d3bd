// The verified definition's files, copied into the record (`definition/<path>`), so the record
// shows the exact logic that ran to someone without the repository. The receipt covers each copy;
// snapshot.json says which files were too large to copy.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TreeFile } from '../core/tree-digest.ts';
import { DEFINITION_FOLDER } from './receipt.ts';
import type { RunSnapshot } from './snapshot.ts';

/** Files larger than this are not copied (the definition itself may hold up to 128 MiB). */
export const MAX_COPIED_FILE_BYTES = 4 * 1024 * 1024;
/** Copies stop before their total passes this, so a record stays small enough to publish. */
export const MAX_COPIED_TOTAL_BYTES = 16 * 1024 * 1024;

/**
 * Writes the copies into `recordDir/definition/`, never over an existing file; returns what the
 * snapshot says about them. Files are copied in path order while they fit the bounds above.
 */
export function writeDefinitionBundle(
  recordDir: string,
  files: readonly TreeFile[],
): NonNullable<RunSnapshot['definition']> {
  const root = join(recordDir, DEFINITION_FOLDER);
  mkdirSync(root, { mode: 0o755 });
  const omitted: string[] = [];
  let total = 0;
  for (const file of [...files].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)))) {
    const size = file.content.byteLength;
    if (size > MAX_COPIED_FILE_BYTES || total + size > MAX_COPIED_TOTAL_BYTES) {
      omitted.push(file.path);
      continue;
    }
    // Attack: a crafted git tree with a `..` or absolute entry would write outside the record.
    // Git refuses such names, but the record does not rely on it.
    if (!isSafeRelativePath(file.path)) throw new Error(`definition path '${file.path}' is not a safe relative path`);
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
    writeFileSync(path, file.content, { flag: 'wx', mode: 0o644 });
    total += size;
  }
  return { folder: DEFINITION_FOLDER, omitted };
}

/** `a/b.sh`: no empty, `.` or `..` segment, no leading `/`, no NUL or backslash. */
export function isSafeRelativePath(path: string): boolean {
  if (path.length === 0 || path.includes('\0') || path.includes('\\')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
