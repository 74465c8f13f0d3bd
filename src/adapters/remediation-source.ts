import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TrustError, UsageError } from '../errors.ts';
import { treeFile, type TreeFile } from '../core/tree-digest.ts';
import type { GitObjectSource } from './git-client.ts';

/** Folder holding every remediation, relative to the repository root. */
export const REMEDIATIONS_DIR = 'remediations';
/** Most files a remediation may hold: a definition and its scripts, not a vendored tree. */
export const MAX_FILES = 5000;
/** Most bytes a remediation may hold in all. */
export const MAX_TOTAL_BYTES = 128 * 1024 * 1024;

/** The folder of a remediation, relative to the repository root. */
export function remediationDir(name: string): string {
  return `${REMEDIATIONS_DIR}/${name}`;
}

/**
 * Reads a remediation's files from git objects at a commit. Symlinks and submodules are refused:
 * a symlink could make the digest cover a link text while the run reads a file outside the
 * version, and a submodule's content is not in this repository's objects at all.
 */
export async function readRemediationAtCommit(git: GitObjectSource, commit: string, name: string): Promise<TreeFile[]> {
  const dir = remediationDir(name);
  const entries = await git.listTree(commit, dir);
  if (entries.length === 0) {
    throw new UsageError('NOT_FOUND', `${dir}/ does not exist at commit ${commit.slice(0, 12)}`);
  }
  for (const entry of entries) {
    if (entry.type === 'commit') throw unsafe(`${entry.path} is a submodule; a remediation must hold its own files`);
    if (entry.mode === '120000') throw unsafe(`${entry.path} is a symlink; copy the file into ${dir}/ instead`);
    if (entry.mode !== '100644' && entry.mode !== '100755')
      throw unsafe(`${entry.path} has unsupported mode ${entry.mode}`);
    if (!entry.path.startsWith(`${dir}/`)) throw unsafe(`${entry.path} is outside ${dir}/`);
    // Git objects can be crafted with `.`, `..` or empty path parts (git mktree accepts them);
    // written out, such a path would land outside the run's copy of the files.
    if (entry.path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
      throw unsafe(`${JSON.stringify(entry.path)} has an empty, '.' or '..' path part`);
    }
  }
  checkLimits(entries.length, 0, dir);
  const blobs = await git.readBlobs(entries.map((e) => e.oid));
  let total = 0;
  const files = entries.map((entry) => {
    const content = blobs.get(entry.oid);
    if (!content) throw unsafe(`${entry.path}: git object ${entry.oid} is missing`);
    total += content.byteLength;
    return treeFile(entry.path.slice(dir.length + 1), entry.mode as TreeFile['mode'], content);
  });
  checkLimits(files.length, total, dir);
  return files;
}

/** Reads a remediation's files from the working tree (unreleased content), with the same refusals. */
export async function readRemediationFromWorkingTree(root: string, name: string): Promise<TreeFile[]> {
  const dir = remediationDir(name);
  const files: TreeFile[] = [];
  let total = 0;
  const walk = async (relative: string): Promise<void> => {
    const absolute = join(root, dir, relative);
    const stats = await lstat(absolute).catch((error: unknown) => {
      throw new UsageError('NOT_FOUND', `${dir}/${relative} does not exist`, { cause: error });
    });
    const shown = relative ? `${dir}/${relative}` : `${dir}/`;
    if (stats.isSymbolicLink()) throw unsafe(`${shown} is a symlink; copy the file into ${dir}/ instead`);
    if (stats.isDirectory()) {
      for (const child of (await readdir(absolute)).sort()) await walk(relative ? `${relative}/${child}` : child);
      return;
    }
    if (!stats.isFile()) throw unsafe(`${shown} is not a regular file`);
    const content = await readFile(absolute);
    total += content.byteLength;
    files.push(treeFile(relative, stats.mode & 0o100 ? '100755' : '100644', content));
    checkLimits(files.length, total, dir);
  };
  await walk('');
  return files;
}

function checkLimits(count: number, bytes: number, dir: string): void {
  // Resource exhaustion: a huge folder would stall digesting and every run that copies it.
  if (count > MAX_FILES) throw unsafe(`${dir}/ holds more than ${MAX_FILES} files`);
  if (bytes > MAX_TOTAL_BYTES) throw unsafe(`${dir}/ holds more than ${MAX_TOTAL_BYTES} bytes`);
}

function unsafe(message: string): TrustError {
  return new TrustError('UNSAFE_TREE', message);
}
