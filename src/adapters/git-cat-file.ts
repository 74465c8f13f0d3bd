import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import { releaseChunk } from './chunk-memory.ts';
import { tryRepositoryRefusal } from './git-refusal.ts';

/** One object read from git: its id, type and bytes. */
export interface GitObject {
  readonly oid: string;
  readonly type: string;
  readonly content: Buffer;
}

/** What git prints before an object's content: id, type and size, nothing else. */
const OBJECT_HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) (blob|tree|commit|tag) (\d+)$/;
/** A name with these would be read by git as more than one request, or cut short. */
const UNSAFE_NAME = /[\n\r\0]/;

interface Pending {
  readonly name: string;
  readonly resolve: (object: GitObject | undefined) => void;
  readonly reject: (error: Error) => void;
}

/**
 * A long-lived `git cat-file --batch`: every object a verification needs (the tag's commit, the
 * trees down to the remediation's folder, its blobs) comes through one git process instead of
 * one per command. Requests are answered in order; the process does not keep Node alive while
 * idle, and ends with the tool.
 */
export class CatFileBatch {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #queue: Pending[] = [];
  #chunks: Buffer[] = [];
  #buffered = 0;
  /** The object being received: its header is parsed, `content` fills as bytes arrive. */
  #current: { oid: string; type: string; content: Buffer; filled: number } | undefined;
  #failure: Error | undefined;

  /**
   * `oneShot`: for a list of objects known up front, read with `read()` for each and then
   * `close()` at once: git then buffers its output (`--buffer`) instead of flushing per object.
   */
  constructor(cwd: string, env: NodeJS.ProcessEnv, options: { readonly oneShot?: boolean } = {}) {
    const args = ['cat-file', '--batch', ...(options.oneShot === true ? ['--buffer'] : [])];
    this.#child = spawn('git', args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    this.#child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    this.#child.stdout.on('data', (chunk: Buffer) => {
      try {
        this.#receive(chunk);
      } catch (error) {
        // A throw in a stream listener would crash the process: fail the reads instead.
        this.#fail(new Error(`cannot read git cat-file output: ${(error as Error).message}`));
        this.#child.kill();
      }
    });
    this.#child.stdin.on('error', () => undefined);
    this.#child.on('error', (error) => this.#fail(new Error(`cannot run git cat-file: ${error.message}`)));
    this.#child.on('close', (code) =>
      this.#fail(
        tryRepositoryRefusal(stderr) ??
          new Error(`git cat-file --batch ended (${code}): ${stderr.trim().split('\n')[0] ?? ''}`),
      ),
    );
    this.#idle();
  }

  /** Reads an object by id or revision expression (`refs/tags/x^{commit}`); undefined when missing. */
  read(name: string): Promise<GitObject | undefined> {
    return this.readMany([name])[0] as Promise<GitObject | undefined>;
  }

  /** Reads several objects, asked for in one write; each promise is as for read(). */
  readMany(names: readonly string[]): Promise<GitObject | undefined>[] {
    if (this.#failure) return names.map(() => Promise.reject(this.#failure as Error));
    if (names.some((name) => UNSAFE_NAME.test(name))) {
      return names.map(() => Promise.reject(new Error('object names cannot contain line breaks or NUL')));
    }
    const reads = names.map(
      (name) => new Promise<GitObject | undefined>((resolve, reject) => this.#queue.push({ name, resolve, reject })),
    );
    if (names.length > 0) {
      this.#busy();
      this.#child.stdin.write(`${names.join('\n')}\n`);
    }
    return reads;
  }

  /** Ends the git process. */
  close(): void {
    this.#child.stdin.end();
  }

  #receive(chunk: Buffer): void {
    if (this.#failure) return;
    this.#chunks.push(chunk);
    this.#buffered += chunk.byteLength;
    for (;;) {
      if (this.#current) {
        const current = this.#current;
        const need = current.content.byteLength - current.filled;
        // Content is copied straight into its own buffer: no repeated concatenation of large blobs.
        while (need > 0 && current.filled < current.content.byteLength && this.#chunks.length) {
          const head = this.#chunks[0]!;
          const take = Math.min(head.byteLength, current.content.byteLength - current.filled);
          head.copy(current.content, current.filled, 0, take);
          current.filled += take;
          this.#consume(take);
        }
        if (current.filled < current.content.byteLength || this.#buffered < 1) return;
        this.#consume(1); // the newline after the content
        this.#current = undefined;
        this.#settle({ oid: current.oid, type: current.type, content: current.content });
        continue;
      }
      const header = this.#takeLine();
      if (header === undefined) return;
      const asked = this.#queue[0]?.name;
      // Git answers an unknown name with the name itself, which may contain spaces: compare the
      // whole line, so a name like "x commit 0 y" cannot pass for an object header.
      if (asked !== undefined && (header === `${asked} missing` || header === `${asked} ambiguous`)) {
        this.#settle(undefined);
        continue;
      }
      const match = OBJECT_HEADER.exec(header);
      if (asked === undefined || match === null) {
        // Out of step with git: every later answer would be attributed to the wrong request.
        this.#fail(new Error(`unexpected output from git cat-file: ${JSON.stringify(header.slice(0, 200))}`));
        this.#child.kill();
        return;
      }
      const [, oid = '', type = '', size = '0'] = match;
      this.#current = { oid, type, content: Buffer.allocUnsafe(Number(size)), filled: 0 };
    }
  }

  /** Rejects every pending read and all later ones. */
  #fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#queue.splice(0)) pending.reject(error);
    this.#chunks = [];
    this.#buffered = 0;
  }

  #takeLine(): string | undefined {
    const all = this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks);
    const newline = all.indexOf(0x0a);
    if (newline < 0) {
      this.#chunks = [all];
      return undefined;
    }
    this.#chunks = [all];
    const line = all.subarray(0, newline).toString('utf8');
    this.#consume(newline + 1);
    return line;
  }

  #consume(count: number): void {
    let left = count;
    while (left > 0) {
      const head = this.#chunks[0]!;
      if (head.byteLength <= left) {
        this.#chunks.shift();
        left -= head.byteLength;
        // Everything needed was copied out (contents into their own buffers, headers into strings).
        releaseChunk(head);
      } else {
        this.#chunks[0] = head.subarray(left);
        left = 0;
      }
    }
    this.#buffered -= count;
  }

  #settle(object: GitObject | undefined): void {
    this.#queue.shift()?.resolve(object);
    if (this.#queue.length === 0) this.#idle();
  }

  // While nothing is asked, the git process and its pipes must not keep the tool running.
  #idle(): void {
    this.#child.unref();
    for (const stream of [this.#child.stdin, this.#child.stdout, this.#child.stderr])
      (stream as unknown as Socket).unref?.();
  }

  #busy(): void {
    this.#child.ref();
    for (const stream of [this.#child.stdin, this.#child.stdout, this.#child.stderr])
      (stream as unknown as Socket).ref?.();
  }
}

/** Parses a git tree object's entries: `<mode> <name>\0<binary id>` repeated. */
export function parseTree(content: Buffer, idBytes: number): { mode: string; name: string; oid: string }[] {
  const entries: { mode: string; name: string; oid: string }[] = [];
  let offset = 0;
  while (offset < content.byteLength) {
    const space = content.indexOf(0x20, offset);
    const nul = content.indexOf(0x00, space);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > content.byteLength) throw new Error('malformed git tree object');
    entries.push({
      mode: content.subarray(offset, space).toString('ascii').padStart(6, '0'),
      name: content.subarray(space + 1, nul).toString('utf8'),
      oid: content.subarray(nul + 1, nul + 1 + idBytes).toString('hex'),
    });
    offset = nul + 1 + idBytes;
  }
  return entries;
}
