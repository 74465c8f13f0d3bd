import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tryReadBoundedFile } from '../adapters/bounded-file.ts';
import { MAX_MANIFEST_BYTES } from '../core/manifest-verifier.ts';
import { UsageError } from '../errors.ts';

/** Default manifest location, relative to the repository root. */
export const DEFAULT_MANIFEST_PATH = 'remediations/manifest.json';

/** Reads manifest bytes, or undefined when the file does not exist yet. */
export async function tryReadManifest(path: string): Promise<Buffer | undefined> {
  // Synchronous, like the key files: a run then makes no thread-pool request before its step.
  // Bounded by the verifier's own limit: a larger file would be refused after reading it whole.
  return Promise.resolve(tryReadBoundedFile(path, { label: 'manifest', maxBytes: MAX_MANIFEST_BYTES }));
}

/** Reads manifest bytes; a missing file is a usage error that says how to make one. */
export async function readManifest(path: string): Promise<Buffer> {
  const bytes = await tryReadManifest(path);
  if (!bytes) {
    throw new UsageError(
      'NOT_FOUND',
      `manifest ${path} does not exist: pass --manifest <path>, or release a version first`,
    );
  }
  return bytes;
}

/** A manifest written beside its final path, moved into place by `commit()` (atomic rename). */
export interface PendingWrite {
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/** Writes bytes to a temporary file next to `path`; nothing is replaced until commit(). */
export async function stageManifest(path: string, bytes: Uint8Array): Promise<PendingWrite> {
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.manifest.tmp`);
  await writeFile(temp, bytes, { flag: 'wx' });
  return {
    commit: () => rename(temp, path),
    discard: () => rm(temp, { force: true }),
  };
}
