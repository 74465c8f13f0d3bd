import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.ts';
import { parsePrivateKey, parsePublicKey, type SigningKey, type TrustedKey } from '../core/keys.ts';

/** Reads trusted public keys from PEM files. */
export async function loadTrustedKeys(paths: readonly string[]): Promise<TrustedKey[]> {
  if (paths.length === 0) {
    throw new UsageError('USAGE', 'expected at least one --trusted-key <public key PEM> to verify the manifest with');
  }
  return Promise.all(paths.map(async (path) => parsePublicKey(await readKeyFile(path), path)));
}

/** Reads Ed25519 private keys from PEM files. */
export async function loadSigningKeys(paths: readonly string[]): Promise<SigningKey[]> {
  if (paths.length === 0) throw new UsageError('USAGE', 'expected at least one --key <private key PEM> to sign with');
  return Promise.all(paths.map(async (path) => parsePrivateKey(await readKeyFile(path), path)));
}

async function readKeyFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new UsageError('NOT_FOUND', `cannot read key file ${path}`, { cause: error });
  }
}
