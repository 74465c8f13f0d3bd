import { sign, verify as verifySignature } from 'node:crypto';
import { TrustError, UsageError } from '../errors.ts';
import type { SigningKey, TrustedKey } from './keys.ts';

/** The payload type of a remediation manifest inside its DSSE envelope. */
export const MANIFEST_PAYLOAD_TYPE = 'application/vnd.remediate.manifest.v1+json';

/** One DSSE signature: `keyid` is a lookup hint only, never trusted by itself. */
export interface DsseSignature {
  readonly keyid: string;
  /** Base64 signature over PAE(payloadType, payload). */
  readonly sig: string;
}

/** A DSSE envelope (https://github.com/secure-systems-lab/dsse, "envelope.md"). */
export interface DsseEnvelope {
  readonly payloadType: string;
  /** Base64 of the payload bytes. */
  readonly payload: string;
  readonly signatures: readonly DsseSignature[];
}

/**
 * DSSE's Pre-Authentication Encoding: `DSSEv1 SP LEN(type) SP type SP LEN(body) SP body`,
 * lengths as ASCII decimal byte counts. Signing PAE instead of the raw payload binds the type,
 * so a signature over some other document cannot be replayed as a manifest.
 */
export function pae(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.byteLength} `, 'ascii'),
    type,
    Buffer.from(` ${payload.byteLength} `, 'ascii'),
    payload,
  ]);
}

/** Serialises an envelope the way it is stored: pretty JSON with a trailing newline. */
export function serialiseEnvelope(envelope: DsseEnvelope): Buffer {
  return Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
}

/**
 * Strict, canonical base64 decoding: Node's decoder skips junk and ignores non-zero padding bits,
 * so two different texts could decode to the same bytes and an envelope could be altered without
 * any signature or digest noticing. Only the one canonical encoding of the bytes is accepted.
 */
export function decodeBase64Strict(text: string, what: string): Buffer {
  const bytes = /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0 ? Buffer.from(text, 'base64') : undefined;
  if (!bytes || bytes.toString('base64') !== text) throw new UsageError('USAGE', `${what} is not valid base64`);
  return bytes;
}

/**
 * Signs a payload with each distinct key: the one signing routine of the manifest and the run
 * receipt (Ed25519 over PAE, so any DSSE verifier, or `openssl pkeyutl -verify -rawin` over the
 * PAE bytes, can check it).
 */
export function signEnvelope(payloadType: string, payload: Uint8Array, keys: readonly SigningKey[]): DsseEnvelope {
  const message = pae(payloadType, payload);
  const seen = new Set<string>();
  const signatures = keys
    .filter((k) => !seen.has(k.keyid) && seen.add(k.keyid))
    .map((k) => ({ keyid: k.keyid, sig: sign(null, message, k.key).toString('base64') }));
  return { payloadType, payload: Buffer.from(payload).toString('base64'), signatures };
}

/** Parses envelope JSON (strict UTF-8); `what` names the document in errors ("manifest", "receipt"). */
export function parseEnvelope(bytes: Uint8Array, what = 'manifest'): DsseEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new TrustError('MALFORMED', `${what} is not a JSON DSSE envelope`, { cause: error });
  }
  const v = value as Partial<DsseEnvelope> | null;
  if (
    typeof v !== 'object' ||
    v === null ||
    typeof v.payloadType !== 'string' ||
    typeof v.payload !== 'string' ||
    !Array.isArray(v.signatures) ||
    !v.signatures.every(
      (s) => typeof s === 'object' && s !== null && typeof s.keyid === 'string' && typeof s.sig === 'string',
    )
  ) {
    throw new TrustError('MALFORMED', `${what}: expected {payloadType, payload, signatures: [{keyid, sig}]}`);
  }
  return v as DsseEnvelope;
}

/** Strict base64 (decodeBase64Strict) whose failure is a MALFORMED trust error. */
export function decodeBase64OrRefuse(text: string, what: string): Buffer {
  try {
    return decodeBase64Strict(text, what);
  } catch (error) {
    throw new TrustError('MALFORMED', `${what} is not valid base64`, { cause: error });
  }
}

/** Which signatures of an envelope verify, by trusted key. */
export interface SignatureCount {
  /** keyids of the distinct trusted keys whose signatures verified. */
  readonly valid: ReadonlySet<string>;
  /** Signatures claiming a trusted keyid that do not verify. */
  readonly invalidFromTrusted: number;
  /** Signatures by keys not trusted (ignored). */
  readonly untrusted: number;
}

/**
 * Checks an envelope's signatures over PAE(payloadType, payload) against trusted keys.
 * Forgery and edits: only a signature that verifies under a key the caller trusts counts, and
 * each trusted key counts once however many signatures claim it (no threshold by duplication).
 * A keyid is only a lookup hint: a signature under a trusted keyid by another key fails.
 */
export function countValidSignatures(
  envelope: DsseEnvelope,
  payload: Uint8Array,
  trusted: ReadonlyMap<string, TrustedKey>,
  what: string,
): SignatureCount {
  const signed = pae(envelope.payloadType, payload);
  const valid = new Set<string>();
  let invalidFromTrusted = 0;
  let untrusted = 0;
  for (const signature of envelope.signatures) {
    const key = trusted.get(signature.keyid);
    if (!key) {
      untrusted++;
      continue;
    }
    const sig = decodeBase64OrRefuse(signature.sig, `${what} signature by ${signature.keyid}`);
    if (verifySignature(null, signed, key.key, sig)) valid.add(key.keyid);
    else invalidFromTrusted++;
  }
  return { valid, invalidFromTrusted, untrusted };
}
