import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CatFileBatch, parseTree, type GitObject } from './git-cat-file.ts';
import { TrustError, UsageError } from '../errors.ts';
import { tryRepositoryRefusal } from './git-refusal.ts';

/** One entry of `git ls-tree -r`. */
export interface GitTreeEntry {
  readonly mode: string;
  readonly type: 'blob' | 'tree' | 'commit';
  readonly oid: string;
  /** Path from the repository root. */
  readonly path: string;
}

/**
 * What verification needs from git: resolve a tag and read objects at a commit. A local checkout
 * and GitHub's REST API both provide it, and produce the same digest.
 */
export interface GitObjectSource {
  /** The commit a tag points at (peeled), or undefined when the tag does not exist. */
  tryResolveTag(tag: string): Promise<string | undefined>;
  /** Every file entry under `dir` at `commit`, recursively (folders themselves are not listed). */
  listTree(commit: string, dir: string): Promise<GitTreeEntry[]>;
  /** Reads blobs by object id. */
  readBlobs(oids: readonly string[]): Promise<Map<string, Buffer>>;
  /**
   * Ends any helper process kept for reading (git cat-file --batch). Called before steps run: a
   * step must find no process of the tool's that it could inspect. Reading again restarts it.
   */
  close?(): void;
}

/** What the CLI needs from a local repository: reading objects, inspecting tags, creating one. */
export interface GitRepository extends GitObjectSource {
  /** The commit HEAD points at. */
  headCommit(): Promise<string>;
  /** The commit any revision names, or undefined when it names none. */
  tryResolveCommit(rev: string): Promise<string | undefined>;
  /** Bytes of `path` at `ref`, or undefined when absent. */
  tryReadFileAt(ref: string, path: string): Promise<Buffer | undefined>;
  /** Porcelain status lines for paths under `dir` (untracked included). */
  statusOf(dir: string): Promise<string[]>;
  /** Creates an annotated tag; fails if it exists. */
  createAnnotatedTag(tag: string, commit: string, message: string): Promise<void>;
  /** The repository's top-level folder. */
  topLevel(): Promise<string>;
  /** Tag names matching a glob, e.g. `svc/v*`. */
  listTags(pattern: string): Promise<string[]>;
  /** Paths under `dir` that differ between `base` and the working tree (committed or not). */
  changedPaths(base: string, dir: string): Promise<string[]>;
}

/** What git gets from the caller's environment (see gitEnvironment). */
const GIT_VARIABLES = /^(PATH|HOME|XDG_CONFIG_HOME|TMPDIR|TZ|USER|LOGNAME|GIT_(AUTHOR|COMMITTER)_(NAME|EMAIL))$/;

/** Raised when git itself fails; carries git's stderr. */
export class GitCommandError extends Error {
  override readonly name = 'GitCommandError';
  readonly exitCode: number | null;
  readonly stderr: string;
  constructor(args: readonly string[], exitCode: number | null, stderr: string) {
    super(`git ${args.join(' ')} failed (${exitCode}): ${stderr.trim().split('\n')[0] ?? ''}`);
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}

/** Blobs from which readBlobs reads through two one-shot `git cat-file` processes. */
const PARALLEL_READS_FROM = 64;

/** Runs the system git with argument arrays (never a shell) and a controlled environment. */
export class GitCli implements GitRepository {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  #batch: CatFileBatch | undefined;

  /** `env` is the environment git runs with; `gitEnvironment` builds a safe one. */
  constructor(cwd: string, env: NodeJS.ProcessEnv) {
    this.cwd = cwd;
    this.env = env;
  }

  async tryResolveTag(tag: string): Promise<string | undefined> {
    // Peeled fully (`^{}`: through any chain of tag objects) but not converted to a commit, so a
    // tag that names a tree or a blob is reported as what it is rather than as a missing tag.
    // Lightweight and annotated tags are both accepted: the signed manifest pins the commit.
    const object = await this.#objects().read(`refs/tags/${tag}^{}`);
    if (object === undefined) return undefined;
    if (object.type !== 'commit') {
      throw new TrustError(
        'TAG_NOT_FOUND',
        `tag ${tag} points at a ${object.type}, not a commit: a release tag must name the commit that was released`,
      );
    }
    return object.oid;
  }

  async tryResolveCommit(rev: string): Promise<string | undefined> {
    // `--end-of-options` keeps a revision that starts with '-' from being read as an option.
    const result = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
      allowFail: true,
    });
    return result.code === 0 ? result.stdout.toString().trim() : undefined;
  }

  async headCommit(): Promise<string> {
    return (await this.run(['rev-parse', '--verify', 'HEAD^{commit}'])).stdout.toString().trim();
  }

  async listTree(commit: string, dir: string): Promise<GitTreeEntry[]> {
    // Walk the trees through the one cat-file process: root tree, down to `dir`, then all below it.
    const batch = this.#objects();
    const root = await batch.read(`${commit}^{tree}`);
    if (!root) throw new GitCommandError(['cat-file', `${commit}^{tree}`], 128, `no tree for ${commit}`);
    const idBytes = root.oid.length / 2;
    let tree: GitObject | undefined = root;
    for (const part of dir.split('/')) {
      const entry: { mode: string; name: string; oid: string } | undefined = parseTree(tree.content, idBytes).find(
        (e) => e.name === part && e.mode === '040000',
      );
      if (!entry) return [];
      tree = await batch.read(entry.oid);
      if (!tree) return [];
    }
    const entries: GitTreeEntry[] = [];
    const walk = async (object: GitObject, prefix: string): Promise<void> => {
      for (const entry of parseTree(object.content, idBytes)) {
        const path = `${prefix}/${entry.name}`;
        if (entry.mode === '040000') {
          const child = await batch.read(entry.oid);
          if (!child) throw new GitCommandError(['cat-file', entry.oid], 128, `missing tree ${entry.oid}`);
          await walk(child, path);
        } else {
          entries.push({ mode: entry.mode, type: entry.mode === '160000' ? 'commit' : 'blob', oid: entry.oid, path });
        }
      }
    };
    await walk(tree, dir);
    return entries;
  }

  async readBlobs(oids: readonly string[]): Promise<Map<string, Buffer>> {
    // Inflating blobs is most of the cost of a large remediation: two one-shot git processes take
    // every other blob each, so inflating runs on two cores, and each buffers its output instead of
    // flushing per object. Small remediations use the long-lived process and pay for no extra one.
    const oneShot = () => new CatFileBatch(this.cwd, this.env, { oneShot: true });
    const extra = oids.length >= PARALLEL_READS_FROM ? [oneShot(), oneShot()] : [];
    const readers = extra.length > 0 ? extra : [this.#objects()];
    const n = readers.length;
    // Reader r gets blobs r, r + n, r + 2n, ...: blob k is answer floor(k / n) of reader k % n.
    const answers = readers.map((reader, r) => reader.readMany(oids.filter((_oid, k) => k % n === r)));
    for (const reader of extra) reader.close();
    const blobs = new Map<string, Buffer>();
    await Promise.all(
      oids.map(async (oid, k) => {
        const object = await answers[k % n]?.[Math.floor(k / n)];
        if (!object || object.type !== 'blob') {
          throw new GitCommandError(['cat-file', '--batch'], 0, `object ${oid} is not a blob`);
        }
        blobs.set(oid, object.content);
      }),
    );
    return blobs;
  }

  async tryReadFileAt(ref: string, path: string): Promise<Buffer | undefined> {
    const result = await this.run(['cat-file', 'blob', `${ref}:${path}`], { allowFail: true });
    return result.code === 0 ? result.stdout : undefined;
  }

  async statusOf(dir: string): Promise<string[]> {
    const { stdout } = await this.run(['status', '--porcelain=v1', '--untracked-files=all', '--', dir]);
    return stdout.toString('utf8').split('\n').filter(Boolean);
  }

  /** Untracked files under `dir` that git ignores (a release can never hold them), from the top level. */
  async ignoredPaths(dir: string): Promise<string[]> {
    const { stdout } = await this.run([
      'ls-files',
      '--others',
      '--ignored',
      '--exclude-standard',
      '--full-name',
      '-z',
      '--',
      `${join(await this.topLevel(), dir)}/`,
    ]);
    return stdout.toString('utf8').split('\0').filter(Boolean);
  }

  async createAnnotatedTag(tag: string, commit: string, message: string): Promise<void> {
    await this.run(['tag', '--annotate', '--message', message, '--', tag, commit]);
  }

  async topLevel(): Promise<string> {
    // The nearest folder with a `.git` (a folder, or a file in worktrees): no process needed.
    for (let dir = resolve(this.cwd); ; dir = dirname(dir)) {
      if (existsSync(join(dir, '.git'))) return dir;
      if (dirname(dir) === dir) break;
    }
    throw new UsageError('NOT_FOUND', `${this.cwd} is not inside a git repository: run remediate from your checkout`);
  }

  async listTags(pattern: string): Promise<string[]> {
    const { stdout } = await this.run(['tag', '--list', '--', pattern]);
    return stdout.toString('utf8').split('\n').filter(Boolean);
  }

  async changedPaths(base: string, dir: string): Promise<string[]> {
    const { stdout } = await this.run(['diff', '--name-only', '-z', '--end-of-options', base, '--', `${dir}/`]);
    const untracked = await this.run(['ls-files', '--others', '--exclude-standard', '-z', '--', `${dir}/`]);
    return [...stdout.toString('utf8').split('\0'), ...untracked.stdout.toString('utf8').split('\0')].filter(Boolean);
  }

  close(): void {
    this.#batch?.close();
    this.#batch = undefined;
  }

  #objects(): CatFileBatch {
    this.#batch ??= new CatFileBatch(this.cwd, this.env);
    return this.#batch;
  }

  private run(
    args: readonly string[],
    options: { input?: string; allowFail?: boolean } = {},
  ): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', args, { cwd: this.cwd, env: this.env, stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', (error) =>
        reject(
          new UsageError('NOT_FOUND', 'cannot run git: install git and make sure it is on PATH', { cause: error }),
        ),
      );
      child.on('close', (code) => {
        const stderr = Buffer.concat(err).toString('utf8');
        // Checked even when failing is allowed: a refused repository is not a missing commit or file.
        const refusal = code === 0 ? undefined : tryRepositoryRefusal(stderr);
        if (refusal) reject(refusal);
        else if (code !== 0 && !options.allowFail) reject(new GitCommandError(args, code, stderr));
        else resolve({ code, stdout: Buffer.concat(out), stderr });
      });
      // git may exit before reading its input (EPIPE); its exit status reports what went wrong.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
    });
  }
}

/**
 * The environment git runs with: the caller's, minus variables that redirect git to another
 * repository or object store (GIT_DIR, GIT_OBJECT_DIRECTORY, GIT_ALTERNATE_OBJECT_DIRECTORIES,
 * GIT_REPLACE_REF_BASE...), which could make the verifier read objects other than the checkout's.
 * `git replace` refs are disabled for the same reason.
 */
export function gitEnvironment(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // An allow-list, not the caller's environment: git needs none of the tool's credentials, and a
  // git process is one a step could inspect (/proc/<pid>/environ) while it lives. Git's own GIT_*
  // variables (GIT_DIR, GIT_OBJECT_DIRECTORY, GIT_ALTERNATE_OBJECT_DIRECTORIES, ...) could point
  // reads elsewhere; only the identity used for tags passes.
  for (const [key, value] of Object.entries(base)) {
    if (GIT_VARIABLES.test(key)) env[key] = value;
  }
  env.GIT_NO_REPLACE_OBJECTS = '1';
  // A repository or global `core.useReplaceRefs=true` turns replace refs back on despite
  // GIT_NO_REPLACE_OBJECTS (git 2.39), so `git replace` could swap what is digested and signed.
  // Configuration from the environment wins over every config file, as `git -c` does.
  env.GIT_CONFIG_COUNT = '1';
  env.GIT_CONFIG_KEY_0 = 'core.useReplaceRefs';
  env.GIT_CONFIG_VALUE_0 = 'false';
  env.GIT_TERMINAL_PROMPT = '0';
  env.LC_ALL = 'C';
  return env;
}
