import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProgram, type CliResult } from './git-repo.ts';

/**
 * Whether this machine lets an unprivileged process mount a tmpfs in a mount namespace of its
 * own (`unshare --user --map-root-user --mount`): a real small filesystem without root or loop
 * devices. False where unprivileged user namespaces are not allowed.
 */
export function canMountTmpfs(): boolean {
  if (process.platform !== 'linux') return false;
  const dir = mkdtempSync(join(tmpdir(), 'tmpfs-probe-'));
  try {
    const mount = 'mount -t tmpfs -o size=64k tmpfs "$0"';
    execFileSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', mount, dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs `command` in a private mount namespace with a tmpfs of `size` (e.g. `96k`) mounted over
 * `mountPoint`. The tmpfs goes away with the namespace, so what is on it is copied to `copyTo`
 * (an existing folder) when the command has ended.
 */
export function runOnTmpfs(
  mount: { readonly mountPoint: string; readonly size: string; readonly copyTo: string },
  command: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CliResult> {
  const script = `mount -t tmpfs -o size=${mount.size} tmpfs "$MOUNT_POINT" || exit 99; "$@"; code=$?; cp -R "$MOUNT_POINT"/. "$COPY_TO"/; exit $code`;
  return runProgram('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script, 'sh', ...command], {
    cwd: options.cwd,
    env: { ...options.env, MOUNT_POINT: mount.mountPoint, COPY_TO: mount.copyTo },
  });
}
