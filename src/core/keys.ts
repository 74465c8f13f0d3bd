import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { UsageError } from '../errors.ts';
import { sha256Hex } from './tree-digest.ts';

/** A public key the caller trusts, with its keyid (hex sha256 of the SPKI DER). */
export interface TrustedKey {
  readonly keyid: string;
  readonly key: KeyObject;
}

/** A signing key with the keyid of its public half. */
export interface SigningKey {
  readonly keyid: string;
  readonly key: KeyObject;
  readonly publicKey: KeyObject;
}

/** keyid = hex sha256 of the SPKI DER encoding of the public key. */
export function keyIdOf(publicKey: KeyObject): string {
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' }));
}

/** Parses an SPKI PEM Ed25519 public key; other algorithms are refused (no algorithm confusion). */
export function parsePublicKey(pem: string | Buffer, source: string): TrustedKey {
  // Node derives a public key from a private PEM without complaint; accepting one would mean the
  // signing key sits wherever trusted keys are kept (workflow inputs, the repository).
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem.toString())) {
    throw new UsageError(
      'INVALID_KEY',
      `${source}: this is a private key; trust the public key instead (the .pub file \`remediate keygen\` writes next to it, or \`openssl pkey -in <key> -pubout\`), and keep the private key out of here`,
    );
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new UsageError('INVALID_KEY', `${source}: expected an Ed25519 public key in PEM (SPKI)`, { cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new UsageError(
      'INVALID_KEY',
      `${source}: expected an ed25519 key, got ${key.asymmetricKeyType ?? 'unknown'}`,
    );
  }
  return { keyid: keyIdOf(key), key };
}

/** Parses a PKCS#8 PEM Ed25519 private key (as `openssl genpkey -algorithm ed25519` writes). */
export function parsePrivateKey(pem: string | Buffer, source: string): SigningKey {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new UsageError('INVALID_KEY', `${source}: expected an Ed25519 private key in PEM (PKCS#8)`, {
      cause: error,
    });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new UsageError(
      'INVALID_KEY',
      `${source}: expected an ed25519 key, got ${key.asymmetricKeyType ?? 'unknown'}`,
    );
  }
  const publicKey = createPublicKey(key);
  return { keyid: keyIdOf(publicKey), key, publicKey };
}

/** Generates a new Ed25519 key pair as PEM strings. */
export function generateKeyPair(): { privatePem: string; publicPem: string; keyid: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyid: keyIdOf(publicKey),
  };
}
