// Authenticates a signed run receipt (receipt.dsse.json) with the run keys the caller trusts.
// Pure: envelope bytes and keys in, the signed Statement (still to be checked against the record
// with checkStatement) and its signers out, or a TrustError naming the failed check.

import { TrustError } from '../errors.ts';
import { countValidSignatures, decodeBase64OrRefuse, parseEnvelope } from '../core/dsse.ts';
import type { TrustedKey } from '../core/keys.ts';
import { IN_TOTO_PAYLOAD_TYPE } from './receipt.ts';

/** Largest receipt accepted: one subject per definition file (at most 10,000) fits well within it. */
export const MAX_RECEIPT_BYTES = 16 * 1024 * 1024;

/** A receipt whose signature verified under a trusted run key. */
export interface AuthenticatedReceipt {
  /** The signed Statement, parsed (checkStatement decides whether it covers the record). */
  readonly statement: unknown;
  /** keyids of the trusted keys whose signatures verified, sorted. */
  readonly signers: readonly string[];
}

/** Verifies receipt.dsse.json's signature with the trusted run keys; one valid signature suffices. */
export function authenticateReceipt(
  envelopeBytes: Uint8Array,
  trustedKeys: readonly TrustedKey[],
): AuthenticatedReceipt {
  // Bounds the work a hostile file can cause before any signature is checked.
  if (envelopeBytes.byteLength > MAX_RECEIPT_BYTES) {
    throw new TrustError('MALFORMED', `receipt is ${envelopeBytes.byteLength} bytes; at most ${MAX_RECEIPT_BYTES}`);
  }
  const envelope = parseEnvelope(envelopeBytes, 'receipt');
  // Type confusion: a manifest (or anything else) signed with the same key is not a receipt; PAE
  // binds the type into what was signed, so the type cannot be swapped either.
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new TrustError(
      'MALFORMED',
      `receipt payloadType: expected ${IN_TOTO_PAYLOAD_TYPE}, got ${JSON.stringify(envelope.payloadType).slice(0, 80)}`,
    );
  }
  const payload = decodeBase64OrRefuse(envelope.payload, 'receipt payload');
  const trusted = new Map(trustedKeys.map((k) => [k.keyid, k]));
  // Forgery: whoever can write the record folder can write a receipt, but not sign one with a
  // trusted run key; a receipt signed by any other key, or edited after signing, is refused.
  const { valid, invalidFromTrusted } = countValidSignatures(envelope, payload, trusted, 'receipt');
  if (valid.size === 0) {
    if (invalidFromTrusted > 0) {
      throw new TrustError(
        'SIGNATURE_INVALID',
        `receipt signature check: ${invalidFromTrusted} signature(s) under a trusted keyid do not verify (the receipt was changed after signing, or signed with another key)`,
      );
    }
    const keyids = envelope.signatures.map((s) => s.keyid.slice(0, 16)).join(', ') || 'none';
    throw new TrustError(
      'UNTRUSTED_KEY',
      `receipt signer check: expected a signature by ${[...trusted.keys()].map((k) => k.slice(0, 16)).join(', ')}, got ${keyids}`,
    );
  }
  let statement: unknown;
  try {
    statement = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch (error) {
    throw new TrustError('MALFORMED', 'receipt payload is not JSON', { cause: error });
  }
  return { statement, signers: [...valid].sort() };
}
