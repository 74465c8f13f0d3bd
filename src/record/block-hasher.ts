// Hashes run.log blocks on a worker thread, so the thread that reads a step's output does not also
// spend a third of its time in SHA-256 (on the development machine, hashing alone caps a single
// thread at about 1 GB/s, and reading, redacting and writing leave it far less).
//
// The worker only ever gives hints: the log writer can hash any block itself at any moment (the
// blocks live in shared memory it owns), and it does so whenever it must not wait (flush, close, a
// full ring, a worker that failed). So a slow, dead or never-started worker costs speed, never a
// chain line, and nothing about the chain's format or order depends on it.

import type { Worker } from 'node:worker_threads';

/**
 * The worker's whole program: hash the given range of the shared ring and answer with its sequence
 * number. Inline (`eval`), so the bundled Action and CLI need no extra file next to them.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
parentPort.on('message', ({ seq, ring, offset, length }) => {
  const sha256 = createHash('sha256').update(new Uint8Array(ring, offset, length)).digest('hex');
  parentPort.postMessage({ seq, sha256 });
});
`;

/** Receives a worker's answer for the block with sequence number `seq`. */
export type HashListener = (seq: number, sha256: string) => void;

/** A worker thread that hashes ranges of a SharedArrayBuffer on request. */
export class BlockHasher {
  readonly #worker: Worker;
  readonly #ring: SharedArrayBuffer;
  #failed = false;

  private constructor(ring: SharedArrayBuffer, listener: HashListener) {
    this.#ring = ring;
    // Loaded on first use: most runs never start a worker, and the module costs ~1.4 ms to load.
    const threads = process.getBuiltinModule('node:worker_threads');
    this.#worker = new threads.Worker(WORKER_SOURCE, { eval: true });
    // The log writer never waits for the worker, so it must not keep the process alive either.
    this.#worker.unref();
    this.#worker.on('message', (message: { seq: number; sha256: string }) => {
      if (!this.#failed) listener(message.seq, message.sha256);
    });
    this.#worker.on('error', () => {
      // The writer hashes everything itself from now on; the record is unaffected.
      this.#failed = true;
    });
  }

  /** Starts a worker, or returns undefined when this process cannot (the caller hashes itself). */
  static start(ring: SharedArrayBuffer, listener: HashListener): BlockHasher | undefined {
    try {
      return new BlockHasher(ring, listener);
    } catch {
      return undefined;
    }
  }

  /** Whether requests are still worth sending. */
  get usable(): boolean {
    return !this.#failed;
  }

  /** Asks for the hash of ring bytes [offset, offset + length); the answer may never come. */
  request(seq: number, offset: number, length: number): void {
    if (this.#failed) return;
    try {
      this.#worker.postMessage({ seq, ring: this.#ring, offset, length });
    } catch {
      this.#failed = true;
    }
  }

  /** Ends the worker; answers still in flight are dropped. */
  stop(): void {
    this.#failed = true;
    void this.#worker.terminate().catch(() => undefined);
  }
}
