import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';

/** A ref and the object it names, as `git for-each-ref` reports it. */
export interface GitRef {
  readonly ref: string;
  readonly type: string;
  readonly sha: string;
}

/** Name, email and date of a commit's author or committer, or a tag's tagger. */
export interface GitPerson {
  readonly name: string;
  readonly email: string;
  /** ISO 8601 in UTC without milliseconds, as GitHub writes dates. */
  readonly date: string;
}

/** An annotated tag object. */
export interface GitTagObject {
  readonly sha: string;
  readonly tag: string;
  readonly objectSha: string;
  readonly objectType: string;
  readonly tagger: GitPerson;
  readonly message: string;
}

/** A commit object. */
export interface GitCommitObject {
  readonly sha: string;
  readonly tree: string;
  readonly parents: readonly string[];
  readonly author: GitPerson;
  readonly committer: GitPerson;
  readonly message: string;
}

/** One entry of `git ls-tree -l`. */
export interface GitTreeEntry {
  readonly mode: string;
  readonly type: string;
  readonly sha: string;
  /** Blobs only. */
  readonly size: number | undefined;
  readonly path: string;
}

/** A full object id (sha1 or sha256 repositories); anything else is not looked up at all. */
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** A ref or branch name a client may pass where GitHub accepts "a SHA or ref"; never an option. */
const REF_NAME = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+$/;

/**
 * Reads objects from a real local git repository with argument arrays and a controlled
 * environment (no system or global config, no prompts), so the double serves exactly what git has.
 */
export class GitObjectReader {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** The object a ref like `tags/v1` or `heads/main` names; exact match only, as get-ref is. */
  async tryGetRef(ref: string): Promise<GitRef | undefined> {
    if (!REF_NAME.test(ref)) return undefined;
    const full = `refs/${ref}`;
    const out = await this.#tryGit(['for-each-ref', '--format=%(objectname) %(objecttype) %(refname)', full]);
    for (const line of (out?.toString('utf8') ?? '').split('\n')) {
      const [sha, type, name] = line.split(' ');
      if (name === full && sha && type) return { ref: full, type, sha };
    }
    return undefined;
  }

  /** Every ref whose name (without `refs/`) starts with `prefix`, sorted by name, as matching-refs lists them. */
  async listMatchingRefs(prefix: string): Promise<GitRef[]> {
    const out = await this.#tryGit(['for-each-ref', '--format=%(objectname) %(objecttype) %(refname)', 'refs/']);
    const refs: GitRef[] = [];
    for (const line of (out?.toString('utf8') ?? '').split('\n')) {
      const [sha, type, name] = line.split(' ');
      if (sha && type && name?.startsWith(`refs/${prefix}`)) refs.push({ ref: name, type, sha });
    }
    return refs;
  }

  /** An annotated tag object, or undefined when the id is unknown or names something else. */
  async tryGetTag(sha: string): Promise<GitTagObject | undefined> {
    const raw = await this.#tryReadObject(sha, 'tag');
    if (raw === undefined) return undefined;
    const { headers, message } = parseObject(raw);
    const tagger = headers.get('tagger');
    const objectSha = headers.get('object');
    const objectType = headers.get('type');
    const tag = headers.get('tag');
    if (!tagger || !objectSha || !objectType || !tag) return undefined;
    return { sha, tag, objectSha, objectType, tagger: parsePerson(tagger), message };
  }

  /** A commit object, or undefined when the id is unknown or names something else. */
  async tryGetCommit(sha: string): Promise<GitCommitObject | undefined> {
    const raw = await this.#tryReadObject(sha, 'commit');
    if (raw === undefined) return undefined;
    const { headers, parents, message } = parseObject(raw);
    const tree = headers.get('tree');
    const author = headers.get('author');
    const committer = headers.get('committer');
    if (!tree || !author || !committer) return undefined;
    // GitHub returns a commit message without the trailing newline git stores.
    return {
      sha,
      tree,
      parents,
      author: parsePerson(author),
      committer: parsePerson(committer),
      message: message.replace(/\n$/, ''),
    };
  }

  /**
   * The tree a SHA or ref names (get-tree takes either; a commit or tag is peeled to its tree),
   * or undefined.
   */
  async tryResolveTree(shaOrRef: string): Promise<string | undefined> {
    if (!OBJECT_ID.test(shaOrRef) && !REF_NAME.test(shaOrRef)) return undefined;
    const out = await this.#tryGit(['rev-parse', '--verify', '--quiet', `${shaOrRef}^{tree}`]);
    const sha = out?.toString('utf8').trim();
    return sha && OBJECT_ID.test(sha) ? sha : undefined;
  }

  /** The commit a branch, tag or SHA names, or undefined (create-release checks target_commitish). */
  async tryResolveCommit(shaOrRef: string): Promise<string | undefined> {
    if (!OBJECT_ID.test(shaOrRef) && !REF_NAME.test(shaOrRef)) return undefined;
    const out = await this.#tryGit(['rev-parse', '--verify', '--quiet', `${shaOrRef}^{commit}`]);
    const sha = out?.toString('utf8').trim();
    return sha && OBJECT_ID.test(sha) ? sha : undefined;
  }

  /** The entries of a tree; recursive listings include the subtrees themselves, as GitHub's do. */
  async listTree(treeSha: string, recursive: boolean): Promise<GitTreeEntry[]> {
    const out = await this.#git(['ls-tree', '-z', '-l', ...(recursive ? ['-r', '-t'] : []), treeSha]);
    const entries: GitTreeEntry[] = [];
    for (const record of out.toString('utf8').split('\0')) {
      if (record === '') continue;
      const tab = record.indexOf('\t');
      const [mode, type, sha, size] = record.slice(0, tab).split(/ +/);
      if (!mode || !type || !sha || size === undefined) throw new Error(`unexpected ls-tree record: ${record}`);
      entries.push({ mode, type, sha, size: size === '-' ? undefined : Number(size), path: record.slice(tab + 1) });
    }
    return entries;
  }

  /** A blob's bytes, or undefined when the id is unknown or names something else. */
  async tryGetBlob(sha: string): Promise<Buffer | undefined> {
    return this.#tryReadObject(sha, 'blob');
  }

  async #tryReadObject(sha: string, type: string): Promise<Buffer | undefined> {
    if (!OBJECT_ID.test(sha)) return undefined;
    const actual = (await this.#tryGit(['cat-file', '-t', sha]))?.toString('utf8').trim();
    if (actual !== type) return undefined;
    return this.#git(['cat-file', type, sha]);
  }

  async #tryGit(args: readonly string[]): Promise<Buffer | undefined> {
    try {
      return await this.#git(args);
    } catch (error) {
      if (typeof (error as { code?: unknown }).code === 'number') return undefined;
      throw error;
    }
  }

  #git(args: readonly string[]): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      execFile(
        'git',
        ['-C', this.#dir, ...args],
        { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, env: gitEnvironment() },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      );
    });
  }
}

/** Only what git needs: no inherited GIT_* variables, no system or user config, no prompts. */
function gitEnvironment(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: tmpdir(),
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
  };
}

/** Splits a raw tag or commit object into headers (continuation lines folded) and message. */
function parseObject(raw: Buffer): { headers: Map<string, string>; parents: string[]; message: string } {
  const text = raw.toString('utf8');
  const end = text.indexOf('\n\n');
  const head = end === -1 ? text : text.slice(0, end);
  const message = end === -1 ? '' : text.slice(end + 2);
  const headers = new Map<string, string>();
  const parents: string[] = [];
  let last: string | undefined;
  for (const line of head.split('\n')) {
    if (line.startsWith(' ') && last !== undefined) {
      headers.set(last, `${headers.get(last) ?? ''}\n${line.slice(1)}`);
      continue;
    }
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'parent') parents.push(value);
    else headers.set(key, value);
    last = key;
  }
  return { headers, parents, message };
}

/** `Name <email> 1700000000 +0100` -> name, email and the instant in UTC. */
function parsePerson(line: string): GitPerson {
  const found = /^(.*) <([^>]*)> (\d+) [+-]\d{4}$/.exec(line);
  if (!found) throw new Error(`unexpected git identity line: ${line}`);
  const date = new Date(Number(found[3]) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { name: found[1] ?? '', email: found[2] ?? '', date };
}
