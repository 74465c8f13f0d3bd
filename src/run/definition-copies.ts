import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  type BigIntStats,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { TreeFile } from '../core/tree-digest.ts';
import { materialize } from './materialize.ts';
import { removeTree } from './workspace.ts';

/**
 * What an entry of a copy looked like right after it was made. Any change to the entry (its
 * bytes, its mode, a link to it, a rename over it) changes its inode number or its change time
 * (ctime), and no process without root can set a ctime back, so even a change that was undone
 * again shows.
 */
interface Fingerprint {
  readonly dev: bigint;
  readonly ino: bigint;
  readonly mode: bigint;
  readonly nlink: bigint;
  readonly size: bigint;
  readonly ctimeNs: bigint;
}

/**
 * The read-only copies of the verified files that steps run from ($REMEDIATION_DIR), in a
 * private folder of the run.
 *
 * Attack: a process a step left running (a `setsid` daemon, as the README suggests for
 * services) runs as the same user, so file modes do not stop it: it can find a later step's copy
 * and rewrite it before or while that step reads it, and the record would still claim the
 * verified digest ran. Against that:
 * - the folder holding the copies has mode 0300 (no listing) and each copy a 128-bit random
 *   name that appears nowhere but in the environment of the step that runs from it, so a copy
 *   cannot be found without changing that mode first or reading a running step's environment;
 * - right before a step starts, its copy is checked against the verified bytes and against what
 *   each entry looked like when it was made (a changed copy never runs: the step fails to start);
 * - after the step, the entries are checked again, so a change made while it ran (even one
 *   undone since) is reported in the log.
 * What remains (README, "the verified bytes run"): a same-user process that reads a running
 * step's environment can still change that step's copy while it runs; that is reported, not
 * prevented.
 */
export class DefinitionCopies {
  readonly #root: string;
  /** Held open so the folder's mode is changed through it, never through a path a step could swap. */
  readonly #rootFd: number;
  readonly #files: readonly TreeFile[];
  #closed = false;

  private constructor(root: string, rootFd: number, files: readonly TreeFile[]) {
    this.#root = root;
    this.#rootFd = rootFd;
    this.#files = files;
  }

  /** Creates the private folder `copies` in `parent` (the run's scratch folder) for these files. */
  static create(parent: string, files: readonly TreeFile[]): DefinitionCopies {
    const root = join(parent, 'copies');
    mkdirSync(root, { mode: 0o700 });
    const fd = openSync(root, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0) | (constants.O_NOFOLLOW ?? 0));
    try {
      // Search and create, but no listing: the copies' names cannot be read out of it.
      fchmodSync(fd, 0o300);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    return new DefinitionCopies(root, fd, files);
  }

  /** Writes a fresh copy under a new random name and fingerprints it. */
  make(): DefinitionCopy {
    const dir = join(this.#root, randomBytes(16).toString('hex'));
    try {
      materialize(this.#files, dir);
      return new DefinitionCopy(dir, this.#files, fingerprints(dir, this.#files));
    } catch (error) {
      removeTree(dir);
      throw error;
    }
  }

  /** Makes the folder removable again and lets go of it; the run's scratch removal deletes it. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      fchmodSync(this.#rootFd, 0o700);
    } finally {
      closeSync(this.#rootFd);
    }
  }
}

/** One copy: its path, and how to tell whether it still is what was verified. */
export class DefinitionCopy {
  /** The copy's folder: the step's $REMEDIATION_DIR. */
  readonly dir: string;
  readonly #files: readonly TreeFile[];
  readonly #entries: ReadonlyMap<string, Fingerprint>;

  constructor(dir: string, files: readonly TreeFile[], entries: ReadonlyMap<string, Fingerprint>) {
    this.dir = dir;
    this.#files = files;
    this.#entries = entries;
  }

  /**
   * Describes the first way the copy differs from when it was made (an entry replaced, touched
   * or gone, or with `content`, a file not holding its verified bytes), or undefined when it does
   * not differ.
   */
  problem(content: boolean): string | undefined {
    for (const [path, expected] of this.#entries) {
      const name = path === '' ? 'the copy itself' : path;
      let stats: BigIntStats;
      try {
        stats = lstatSync(join(this.dir, path), { bigint: true });
      } catch {
        return `${name} is gone`;
      }
      if (!sameEntry(stats, expected)) return `${name} was replaced or changed after it was made`;
    }
    if (content) {
      for (const file of this.#files) {
        let bytes: Buffer;
        try {
          bytes = readFileSync(join(this.dir, file.path));
        } catch {
          return `${file.path} cannot be read`;
        }
        if (!bytes.equals(file.content)) return `${file.path} does not hold its verified bytes`;
      }
    }
    return undefined;
  }

  /** Removes the copy. */
  remove(): void {
    removeTree(this.dir);
  }
}

/** Fingerprints the copy's folder, its subfolders and its files, by path relative to it. */
function fingerprints(dir: string, files: readonly TreeFile[]): Map<string, Fingerprint> {
  const paths = new Set<string>(['']);
  for (const file of files) {
    paths.add(file.path);
    for (let parent = dirname(file.path); parent !== '.'; parent = dirname(parent)) paths.add(parent);
  }
  const entries = new Map<string, Fingerprint>();
  for (const path of paths) {
    const { dev, ino, mode, nlink, size, ctimeNs } = lstatSync(join(dir, path), { bigint: true });
    entries.set(path, { dev, ino, mode, nlink, size, ctimeNs });
  }
  return entries;
}

function sameEntry(stats: BigIntStats, expected: Fingerprint): boolean {
  return (
    stats.dev === expected.dev &&
    stats.ino === expected.ino &&
    stats.mode === expected.mode &&
    stats.nlink === expected.nlink &&
    stats.size === expected.size &&
    stats.ctimeNs === expected.ctimeNs
  );
}
