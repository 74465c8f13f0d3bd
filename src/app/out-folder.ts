import { accessSync, constants, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError, usageErrorFromSystem } from '../errors.ts';

/**
 * Kernel file systems: their entries are interfaces, not storage. A recursive mkdir under /proc
 * spins forever (mkdir answers ENOENT for a parent that exists), /dev holds devices such as
 * /dev/full, and a record written to either would not be kept.
 */
const KERNEL_ROOTS = ['/proc', '/sys', '/dev'];

/**
 * Checks, before a run starts, that run records can be written under `dir` (`label` names the
 * option): the nearest existing part is a writable folder on storage. Nothing is created; the
 * recorder creates the folders. Throws a one-line UsageError otherwise.
 */
export function checkOutFolder(dir: string, label: string): void {
  const { path: existing, stats } = nearestExisting(dir, label);
  if (!stats.isDirectory()) {
    throw new UsageError(
      'NOT_A_FOLDER',
      `${existing === dir ? `${label} ${dir}` : `${label} ${dir}: ${existing}`} is not a folder; records are written into a folder`,
    );
  }
  // Resolved first, so a symbolic link into /proc is caught as well as the path itself.
  const real = tryRealpath(existing) ?? existing;
  const root = KERNEL_ROOTS.find((r) => real === r || real.startsWith(`${r}/`));
  if (root !== undefined) {
    throw new UsageError(
      'NOT_A_FOLDER',
      `${label} ${dir}: ${root} is a kernel file system, not storage; choose a folder on disk for the records`,
    );
  }
  try {
    accessSync(existing, constants.W_OK);
  } catch (error) {
    throw usageErrorFromSystem(error, `${label} ${dir}: cannot write in ${existing}`) ?? error;
  }
}

// The folder itself, or the closest ancestor that exists (the recorder creates the rest).
function nearestExisting(dir: string, label: string): { path: string; stats: Stats } {
  for (let path = dir; ; path = dirname(path)) {
    try {
      return { path, stats: statSync(path) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOTDIR: a file stands where a folder is needed; walking up finds and names it.
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || dirname(path) === path) {
        throw usageErrorFromSystem(error, `${label} ${dir}`) ?? error;
      }
    }
  }
}

function tryRealpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
