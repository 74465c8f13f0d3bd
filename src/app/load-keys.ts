import { readBoundedFile } from '../adapters/bounded-file.ts';
import { UsageError } from '../errors.ts';
import { parsePrivateKey, parsePublicKey, type SigningKey, type TrustedKey } from '../core/keys.ts';

/** Reads trusted public keys from PEM files. */
export async function loadTrustedKeys(paths: readonly string[]): Promise<TrustedKey[]> {
  if (paths.length === 0) {
    throw new UsageError('USAGE', 'expected at least one --trusted-key <public key PEM> to verify the manifest with');
  }
  return Promise.resolve(paths.map((path) => parsePublicKey(readKeyFile(path), path)));
}

/** Reads Ed25519 private keys from PEM files. */
export async function loadSigningKeys(paths: readonly string[]): Promise<SigningKey[]> {
  if (paths.length === 0) throw new UsageError('USAGE', 'expected at least one --key <private key PEM> to sign with');
  return Promise.resolve(paths.map((path) => parsePrivateKey(readKeyFile(path), path)));
}

/** Largest key file accepted: an Ed25519 PEM key is under 200 bytes. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;

/**
 * Reads one key file, bounded (a FIFO, a device or a huge file is refused before it is read).
 * Small local files, read synchronously: a run's first thread-pool request costs about a
 * millisecond of start-up, and it need not make any.
 */
export function readKeyFile(path: string): Buffer {
  return readBoundedFile(path, { label: 'key file', maxBytes: MAX_KEY_FILE_BYTES });
}
