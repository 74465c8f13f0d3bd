// A child's output arrives as one freshly allocated buffer per pipe read (about 64 KiB each). Left
// to the garbage collector, a step printing gigabytes (or git streaming a large remediation) piles
// up tens of megabytes of dead chunks before V8 looks at them (its external-memory trigger), which
// was most of a recording run's peak memory. Readers that have copied what they need out of a
// chunk free it right away.

/**
 * Frees a chunk's memory now, by detaching the ArrayBuffer it alone occupies (ES2024
 * `ArrayBuffer.prototype.transfer`). Only for a chunk nobody else holds: every other view of that
 * memory becomes empty. Views of shared or pooled memory (`Buffer.allocUnsafe`'s pool, slices) are
 * left to the garbage collector.
 */
export function releaseChunk(chunk: Uint8Array): void {
  const memory = chunk.buffer;
  if (!(memory instanceof ArrayBuffer) || memory.detached) return;
  if (chunk.byteOffset !== 0 || chunk.byteLength !== memory.byteLength) return;
  memory.transfer(0);
}
