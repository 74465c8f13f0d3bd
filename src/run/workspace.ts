import { chmod, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Removes a scratch folder, first making its read-only copies writable so removal works for non-root users. */
export async function removeTree(dir: string): Promise<void> {
  const unlock = async (path: string): Promise<void> => {
    await chmod(path, 0o700).catch(() => undefined);
    const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isDirectory()) await unlock(join(path, entry.name));
  };
  await unlock(dir);
  await rm(dir, { recursive: true, force: true });
}
