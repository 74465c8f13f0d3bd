import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TreeFile } from '../core/tree-digest.ts';

/**
 * Writes the verified in-memory files into a fresh folder and makes it read-only. Each step gets
 * its own copy, so a step that rewrites a script (even as root, where modes do not stop it)
 * cannot change what a later step runs: the verified bytes run, not the checkout's.
 */
export function materialize(files: readonly TreeFile[], target: string): void {
  mkdirSync(target, { recursive: true, mode: 0o700 });
  const dirs = new Set<string>([target]);
  for (const file of files) {
    const path = join(target, file.path);
    const parent = dirname(path);
    if (!dirs.has(parent)) {
      mkdirSync(parent, { recursive: true });
      for (let dir = parent; dir.length > target.length; dir = dirname(dir)) dirs.add(dir);
    }
    writeFileSync(path, file.content, { flag: 'wx', mode: file.mode === '100755' ? 0o555 : 0o444 });
  }
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) chmodSync(dir, 0o555);
}
