// Hashes run.log blocks on a worker thread, so the thread that reads a step's output does not also
// spend a large share of its time in SHA-256: hashing alone caps a single thread, and reading,
// redacting and writing leave it far less (BENCHMARKS.md, section 2, has the measured shares).
//
// The two threads share memory and counters only: the writer publishes how many blocks it has
// asked for, the worker hashes them in order into a shared digest table and publishes how many it
// has done. No message is sent per block, so the worker's progress never wakes the writer's
// thread; the writer looks at the counter when it has a chain line to write.
//
// The worker only ever gives hints: the log writer can hash any block itself at any moment (the
// blocks live in shared memory it owns), and it does so whenever it must not wait (flush, close, a
// full ring, a failed worker). So a slow, dead or never-started worker costs speed, never a chain
// line, and nothing about the chain's format or order depends on it.

import type { Worker } from 'node:worker_threads';

/** Indexes into the shared counters. */
const ASKED = 0;
const DONE = 1;
const SKIP = 2;
const STOP = 3;
/** 1 while the worker sleeps (or is about to): only then does a request need to wake it. */
const IDLE = 4;
const COUNTERS = 5;

/**
 * The worker's whole program. Block `seq` lives in ring slot `seq % slots` with its length in
 * `lengths[slot]`; its digest goes to `digests[slot * 32]` before DONE passes `seq`. Blocks below
 * SKIP were hashed by the writer already and are passed over. Inline (`eval`), so the bundled
 * Action and CLI need no extra file next to them.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { control, ring, digests, slots, blockBytes } = workerData;
const counters = new Int32Array(control, 0, ${COUNTERS});
const lengths = new Int32Array(control, ${COUNTERS * 4}, slots);
const table = new Uint8Array(digests);
let next = Atomics.load(counters, ${DONE});
for (;;) {
  while (next < Atomics.load(counters, ${ASKED})) {
    if (next >= Atomics.load(counters, ${SKIP})) {
      const slot = next % slots;
      const digest = createHash('sha256').update(new Uint8Array(ring, slot * blockBytes, lengths[slot])).digest();
      table.set(digest, slot * 32);
    }
    next++;
    Atomics.store(counters, ${DONE}, next);
  }
  if (Atomics.load(counters, ${STOP}) === 1) break;
  // Announce the sleep before the last look at ASKED: a request made after that look sees IDLE and
  // wakes us; one made before it is seen by Atomics.wait, which then does not sleep.
  Atomics.store(counters, ${IDLE}, 1);
  Atomics.wait(counters, ${ASKED}, next);
  Atomics.store(counters, ${IDLE}, 0);
}
`;

/** A worker thread that hashes ring slots in order, through shared counters. */
export class BlockHasher {
  readonly #worker: Worker;
  readonly #counters: Int32Array;
  readonly #lengths: Int32Array;
  readonly #digests: Buffer;
  readonly #slots: number;
  #failed = false;

  private constructor(ring: SharedArrayBuffer, slots: number, blockBytes: number, firstSeq: number) {
    this.#slots = slots;
    const control = new SharedArrayBuffer((COUNTERS + slots) * 4);
    const digests = new SharedArrayBuffer(slots * 32);
    this.#counters = new Int32Array(control, 0, COUNTERS);
    this.#lengths = new Int32Array(control, COUNTERS * 4, slots);
    this.#digests = Buffer.from(digests);
    for (const counter of [ASKED, DONE, SKIP]) this.#counters[counter] = firstSeq;
    // Loaded on first use: most runs never start a worker, and loading the module is not free.
    const threads = process.getBuiltinModule('node:worker_threads');
    this.#worker = new threads.Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { control, ring, digests, slots, blockBytes },
    });
    // The log writer never waits for the worker, so it must not keep the process alive either.
    this.#worker.unref();
    this.#worker.on('error', () => {
      // The writer hashes everything itself from now on; the record is unaffected.
      this.#failed = true;
    });
  }

  /** Starts a worker for blocks from `firstSeq` on, or undefined when this process cannot. */
  static start(ring: SharedArrayBuffer, slots: number, blockBytes: number, firstSeq: number): BlockHasher | undefined {
    try {
      return new BlockHasher(ring, slots, blockBytes, firstSeq);
    } catch {
      return undefined;
    }
  }

  /** Whether requests are still worth making. */
  get usable(): boolean {
    return !this.#failed;
  }

  /** Asks for block `seq` (the next one in order), `length` bytes in slot `seq % slots`. */
  request(seq: number, length: number): void {
    if (this.#failed) return;
    this.#lengths[seq % this.#slots] = length;
    Atomics.store(this.#counters, ASKED, seq + 1);
    // A wake-up is a system call: skip it while the worker is busy (it rereads ASKED before sleeping).
    if (Atomics.load(this.#counters, IDLE) === 1) Atomics.notify(this.#counters, ASKED);
  }

  /** The digest of block `seq` if the worker has done it, else undefined. */
  answer(seq: number): string | undefined {
    if (this.#failed || seq >= Atomics.load(this.#counters, DONE)) return undefined;
    const at = (seq % this.#slots) * 32;
    return this.#digests.toString('hex', at, at + 32);
  }

  /** Blocks below `seq` are settled by the writer: the worker passes over them. */
  skipBelow(seq: number): void {
    if (seq > Atomics.load(this.#counters, SKIP)) Atomics.store(this.#counters, SKIP, seq);
  }

  /** Ends the worker; work in flight is dropped. */
  stop(): void {
    this.#failed = true;
    Atomics.store(this.#counters, STOP, 1);
    Atomics.notify(this.#counters, ASKED);
    void this.#worker.terminate().catch(() => undefined);
  }
}
