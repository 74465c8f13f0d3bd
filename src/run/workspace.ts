import { chmodSync, readdirSync, rmSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/** Removes a scratch folder, first making its read-only copies writable so removal works for non-root users. */
export function removeTree(dir: string): void {
  const unlock = (path: string): void => {
    try {
      chmodSync(path, 0o700);
    } catch {
      // Gone already, or not ours: rmSync reports what matters.
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      entries = [];
    }
    for (const entry of entries) if (entry.isDirectory()) unlock(join(path, entry.name));
  };
  unlock(dir);
  rmSync(dir, { recursive: true, force: true });
}
