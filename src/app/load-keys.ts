import { readFileSync } from 'node:fs';
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

// Small local files, read synchronously: a run's first thread-pool request costs about a
// millisecond of start-up, and it need not make any.
function readKeyFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new UsageError('NOT_FOUND', `cannot read key file ${path}`, { cause: error });
  }
}
