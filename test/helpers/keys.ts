import {
  generateKeyPair,
  parsePrivateKey,
  parsePublicKey,
  type SigningKey,
  type TrustedKey,
} from '../../src/core/keys.ts';

/** A fresh Ed25519 key pair as both a signing key and a trusted public key. */
export function freshKey(): { signing: SigningKey; trusted: TrustedKey; privatePem: string; publicPem: string } {
  const pair = generateKeyPair();
  return {
    signing: parsePrivateKey(pair.privatePem, 'test key'),
    trusted: parsePublicKey(pair.publicPem, 'test key'),
    privatePem: pair.privatePem,
    publicPem: pair.publicPem,
  };
}
