import { UsageError } from '../errors.ts';

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
