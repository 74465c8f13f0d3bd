import { closeSync, constants, fchmodSync, openSync, readdirSync, rmSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/** Where Linux exposes open descriptors as paths: listing through one never follows a swapped link. */
const OPEN_FDS = process.platform === 'linux' ? '/proc/self/fd' : undefined;

/**
 * Removes a scratch folder, first making its read-only copies writable so removal works for
 * non-root users.
 *
 * A process a step left behind (a `setsid` daemon) can swap a folder for a symbolic link to, say,
 * /etc while this runs. So each folder is opened without following links, its mode is changed
 * through that descriptor, and (on Linux) it is listed and descended through the descriptor too:
 * the chmod never lands outside the scratch folder. rmSync removes links, never their targets.
 */
export function removeTree(dir: string): void {
  unlock(dir);
  rmSync(dir, { recursive: true, force: true });
}

function unlock(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return; // a symbolic link (never followed), gone already, or not a folder
  }
  try {
    try {
      fchmodSync(fd, 0o700);
    } catch {
      // Not ours to change: rmSync reports what matters.
    }
    const base = OPEN_FDS === undefined ? path : `${OPEN_FDS}/${fd}`;
    let entries: Dirent[];
    try {
      entries = readdirSync(base, { withFileTypes: true });
    } catch {
      entries = [];
    }
    for (const entry of entries) if (entry.isDirectory()) unlock(join(base, entry.name));
  } finally {
    closeSync(fd);
  }
}
