// Writes a run's log as run.log plus its hash chain run.log.chain (the format is in
// log-chain-format.ts), hashing long logs on a worker thread (block-hasher.ts).

import {
  closeSync,
  fdatasync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../errors.ts';
import { sha256Hex } from '../core/tree-digest.ts';
import { BlockHasher } from './block-hasher.ts';
import { chainLink, formatChainLine, GENESIS, type LogSummary } from './log-chain-format.ts';
import { CHAIN_FILE, LOG_FILE } from './record-files.ts';

/** Buffered log bytes that force a block to be cut: bounds memory and the loss on a crash. */
export const BLOCK_BYTES = 64 * 1024;
/**
 * Blocks that may be written to run.log but not yet chained: the size of the shared ring they live
 * in (1 MiB). Bounds memory, and how far the chain may trail the log when the process is killed.
 */
const RING_SLOTS = 16;
/** Blocks a log reaches before a hashing worker starts: short logs never pay for a thread. */
export const WORKER_AFTER_BLOCKS = 32;
/**
 * run.log is made durable in the background every this many bytes, so the fsync at close has
 * little left to wait for (BENCHMARKS.md, section 2, measures the fsync time of a run).
 */
const SYNC_EVERY_BYTES = 8 * 1024 * 1024;

/** A block already in run.log whose chain line is not written yet. */
interface PendingBlock {
  readonly seq: number;
  readonly slot: number;
  readonly start: number;
  readonly end: number;
  sha256: string | undefined;
}

/**
 * Appends redacted log bytes to run.log and a chain line per block to run.log.chain. All writes
 * are synchronous, and a block's log bytes are written before its chain line, so a SIGKILL leaves
 * a valid prefix. Memory is a fixed ring of block buffers.
 *
 * Hashing: once a log is long, blocks are hashed on a worker thread (BlockHasher) while this
 * thread goes on reading; chain lines are still written here, in order, with the worker's digests
 * as they are done. The writer hashes a block itself whenever it cannot wait: flush() and close()
 * chain everything before they return (so a signal handler can flush), and a full ring settles
 * its oldest block.
 */
export class ChainedLogWriter {
  readonly #logFd: number;
  readonly #chainFd: number;
  readonly #ring = new SharedArrayBuffer(RING_SLOTS * BLOCK_BYTES);
  readonly #slots: Buffer[] = [];
  /** The slot being filled, and how many bytes of it are filled. */
  #slot = 0;
  #buffered = 0;
  /** Bytes in run.log (chained or not). */
  #written = 0;
  /** Bytes of complete chain lines in run.log.chain. */
  #chainBytes = 0;
  /** How much of run.log the last background fdatasync covered, and the one in flight. */
  #syncedTo = 0;
  #syncing: Promise<void> | undefined;
  #syncError: unknown;
  #nextSeq = 0;
  readonly #pending: PendingBlock[] = [];
  #hasher: BlockHasher | undefined;
  #hashedHere = 0;
  /** What is chained on disk: bytes covered, line count and head. */
  #bytes = 0;
  #blocks = 0;
  #head = GENESIS;
  #closed = false;
  /** Set once a write failed: the files may be out of step, so nothing more is appended. */
  #failed = false;
  #failure: unknown;

  private constructor(logFd: number, chainFd: number) {
    this.#logFd = logFd;
    this.#chainFd = chainFd;
    for (let k = 0; k < RING_SLOTS; k++) this.#slots.push(Buffer.from(this.#ring, k * BLOCK_BYTES, BLOCK_BYTES));
  }

  /**
   * Creates `dir` (and its missing parents), then run.log and run.log.chain in it; refuses if either
   * file exists, never overwriting a record.
   */
  static async open(dir: string): Promise<ChainedLogWriter> {
    createFolder(dir);
    const logPath = join(dir, LOG_FILE);
    // Exclusive create ('wx'): an existing record is evidence and is never appended to or replaced.
    const logFd = openExclusive(logPath);
    let chainFd: number;
    try {
      chainFd = openExclusive(join(dir, CHAIN_FILE));
    } catch (error) {
      closeSync(logFd);
      unlinkSync(logPath);
      throw error;
    }
    return new ChainedLogWriter(logFd, chainFd);
  }

  /** Buffers log bytes; cuts a block each time BLOCK_BYTES are buffered. */
  write(bytes: Uint8Array): void {
    this.#assertWritable();
    let offset = 0;
    while (offset < bytes.length) {
      const count = Math.min(bytes.length - offset, BLOCK_BYTES - this.#buffered);
      // Buffer#copy is a plain memmove; TypedArray#set into shared memory copies far slower.
      Buffer.prototype.copy.call(bytes, this.#slots[this.#slot] as Buffer, this.#buffered, offset, offset + count);
      this.#buffered += count;
      offset += count;
      if (this.#buffered === BLOCK_BYTES) this.#cutBlock();
    }
  }

  /**
   * Cuts a block of whatever is buffered and chains every block written so far: when it returns,
   * all log bytes are in run.log and covered by run.log.chain. Call at step boundaries, on a timer,
   * and from signal handlers.
   */
  flush(): void {
    this.#assertWritable();
    if (this.#buffered > 0) this.#cutBlock();
    this.#settle(this.#pending.length);
  }

  /** The summary so far: what is chained on disk now. */
  get summary(): LogSummary {
    return { head: this.#head, bytes: this.#bytes, blocks: this.#blocks };
  }

  /** Who hashed the blocks chained so far (the tests check the worker takes part; the chain is the same). */
  get hashedBy(): { readonly writer: number; readonly worker: number } {
    return { writer: this.#hashedHere, worker: this.#blocks - this.#hashedHere };
  }

  /** Flushes, fsyncs and closes both files; returns the head, byte count and block count. */
  async close(): Promise<LogSummary> {
    try {
      this.flush();
      // The descriptor must stay open until a background sync on it has finished.
      await this.#syncing;
      // Durable at the end of the run; per-block fsync would cost far more than the hashing.
      fsyncSync(this.#logFd);
      fsyncSync(this.#chainFd);
      // Linux reports a writeback error once per descriptor: if the background sync took it, the
      // fsync above may succeed although bytes were lost, so that error must fail the close.
      if (this.#syncError !== undefined) throw this.#syncError;
    } finally {
      this.#hasher?.stop();
      // Even when flushing failed, a background sync must finish before its descriptor closes
      // (the number could otherwise be reused by the next file opened).
      await this.#syncing;
      if (!this.#closed) {
        this.#closed = true;
        closeSync(this.#logFd);
        closeSync(this.#chainFd);
      }
    }
    return this.summary;
  }

  /**
   * Closes the writer after a failed write (a full disk, a file size limit): both files are cut
   * back to the last block whose chain line is complete, so what stays on disk is a closed, valid
   * record of a prefix of the log, whose summary is returned. Blocks already whole in run.log are
   * chained first if run.log.chain still takes lines (the limit may have hit run.log alone).
   * Buffered bytes not yet in a block are dropped. Throws when the files cannot be cut or synced.
   */
  async closeValidPrefix(): Promise<LogSummary> {
    if (this.#closed) throw new Error('log writer is closed');
    try {
      // A chain line cut short goes first, so any line written now follows a complete one.
      ftruncateSync(this.#chainFd, this.#chainBytes);
      try {
        this.#settle(this.#pending.length);
      } catch {
        ftruncateSync(this.#chainFd, this.#chainBytes);
      }
      // Bytes past the chained prefix (a block cut short, blocks never chained) cannot be vouched
      // for: a closed record has none.
      ftruncateSync(this.#logFd, this.#bytes);
      await this.#syncing;
      fsyncSync(this.#logFd);
      fsyncSync(this.#chainFd);
      if (this.#syncError !== undefined) throw this.#syncError;
    } finally {
      this.#hasher?.stop();
      await this.#syncing;
      this.#closed = true;
      closeSync(this.#logFd);
      closeSync(this.#chainFd);
    }
    return this.summary;
  }

  #assertWritable(): void {
    if (this.#failed) {
      throw new Error('log writer failed earlier; the record is incomplete', { cause: this.#failure });
    }
    if (this.#closed) throw new Error('log writer is closed');
  }

  /** Writes the filled part of the current slot to run.log and queues it for its chain line. */
  #cutBlock(): void {
    const slot = this.#slot;
    const block = (this.#slots[slot] as Buffer).subarray(0, this.#buffered);
    const start = this.#written;
    this.#guard(() => writeFully(this.#logFd, block, start));
    this.#written = start + block.length;
    this.#buffered = 0;
    if (this.#written - this.#syncedTo >= SYNC_EVERY_BYTES && this.#syncing === undefined) this.#syncInBackground();
    const seq = this.#nextSeq++;
    const entry: PendingBlock = { seq, slot, start, end: this.#written, sha256: undefined };
    this.#pending.push(entry);
    if (this.#hasher === undefined && seq + 1 === WORKER_AFTER_BLOCKS) {
      this.#hasher = BlockHasher.start(this.#ring, RING_SLOTS, BLOCK_BYTES, seq);
    }
    // Slot and sequence agree (slot = seq % RING_SLOTS): the worker finds block seq by its number.
    if (this.#hasher?.usable) this.#hasher.request(seq, block.length);
    else this.#hashHere(entry);
    this.#chainReady();
    // The next slot must be free before write() fills it: a full ring settles its oldest block.
    if (this.#pending.length === RING_SLOTS) this.#settle(1);
    this.#slot = (slot + 1) % RING_SLOTS;
  }

  /** Starts an fdatasync of run.log on the thread pool; its error is kept for close(). */
  #syncInBackground(): void {
    this.#syncedTo = this.#written;
    this.#syncing = new Promise((done) => {
      fdatasync(this.#logFd, (error) => {
        if (error) this.#syncError ??= error;
        this.#syncing = undefined;
        done();
      });
    });
  }

  /** Gives the oldest `count` pending blocks their digest (the worker's, or hashed here), then chains. */
  #settle(count: number): void {
    let settled = -1;
    for (let k = 0; k < count && k < this.#pending.length; k++) {
      const entry = this.#pending[k] as PendingBlock;
      entry.sha256 ??= this.#hasher?.answer(entry.seq);
      if (entry.sha256 === undefined) this.#hashHere(entry);
      settled = entry.seq;
    }
    if (settled >= 0) this.#hasher?.skipBelow(settled + 1);
    this.#chainReady();
  }

  #hashHere(entry: PendingBlock): void {
    entry.sha256 = sha256Hex((this.#slots[entry.slot] as Buffer).subarray(0, entry.end - entry.start));
    this.#hashedHere++;
  }

  /** Writes chain lines for the leading pending blocks whose hashes are known, in order. */
  #chainReady(): void {
    // Take the worker's digests for the leading blocks it has done; the chain advances from the front.
    for (const entry of this.#pending) {
      entry.sha256 ??= this.#hasher?.answer(entry.seq);
      if (entry.sha256 === undefined) break;
    }
    let lines = '';
    let head = this.#head;
    let ready = 0;
    for (let entry = this.#pending[0]; entry?.sha256 !== undefined; entry = this.#pending[++ready]) {
      const { start, end, sha256 } = entry;
      const i = this.#blocks + ready;
      head = chainLink(head, i, start, end, sha256);
      lines += formatChainLine({ i, start, end, sha256, chain: head });
    }
    if (ready === 0) return;
    // Log bytes were written when the blocks were cut, so a chain line never points past run.log.
    const bytes = Buffer.from(lines, 'utf8');
    this.#guard(() => writeFully(this.#chainFd, bytes, this.#chainBytes));
    this.#chainBytes += bytes.byteLength;
    this.#bytes = (this.#pending[ready - 1] as PendingBlock).end;
    this.#blocks += ready;
    this.#head = head;
    this.#pending.splice(0, ready);
  }

  /** Runs a write; a failure marks the writer failed (the files may be out of step) and rethrows. */
  #guard(write: () => void): void {
    try {
      write();
    } catch (error) {
      this.#failed = true;
      this.#failure = error;
      throw error;
    }
  }
}

/**
 * Creates `dir` and its missing parents with one mkdir each, trying each folder at most twice. Not
 * mkdirSync's recursive mode: under /proc, mkdir answers ENOENT although the parent exists, and
 * the recursive mode retries that forever.
 */
function createFolder(dir: string): void {
  if (makeFolder(dir) === undefined) return;
  const parent = dirname(dir);
  if (parent !== dir) createFolder(parent);
  // Once more only: a second ENOENT (a kernel file system, a parent removed meanwhile) is final.
  const missing = makeFolder(dir);
  if (missing !== undefined) throw missing;
}

/**
 * Makes one folder; undefined once it exists, or mkdir's ENOENT error when a parent is missing.
 * Mode 0700 (found by review): a record holds parameter values, step outputs and target facts,
 * redacted but still for its owner, and the default records folder is under the home of users who
 * may share a jump host; the XDG spec asks for 0700 state folders. A folder that exists is left as
 * it is.
 */
function makeFolder(path: string): NodeJS.ErrnoException | undefined {
  try {
    mkdirSync(path, { mode: 0o700 });
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return error as NodeJS.ErrnoException;
    if (code === 'EEXIST' && isFolder(path)) return undefined;
    throw error;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function openExclusive(path: string): number {
  try {
    return openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError('FILE_EXISTS', `${path} already exists: write each run record to a new folder`, {
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * Writes all of `bytes` at `position`. Positional: after a failed write and a truncation, the next
 * write lands where the file now ends, never past it (leaving a hole of zeros).
 */
function writeFully(fd: number, bytes: Uint8Array, position: number): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset, position + offset);
}
