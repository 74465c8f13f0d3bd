import { TrustError, UsageError } from '../errors.ts';
import { countValidSignatures, decodeBase64OrRefuse, MANIFEST_PAYLOAD_TYPE, parseEnvelope } from './dsse.ts';
import type { TrustedKey } from './keys.ts';
import { manifestDigest, parsePayload, type ManifestPayload } from './manifest.ts';

/** Largest manifest envelope accepted (10,000 versions take about 3 MB). */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/** What the caller pins: how many distinct trusted keys must sign, the lowest serial, and now. */
export interface TrustPolicy {
  readonly threshold: number;
  readonly minSerial: number;
  readonly now: Date;
  /**
   * The highest serial the repository has published (the Action reads it from the
   * `manifest/s<serial>` tags); a manifest below it is refused unless `acceptOlderSerial` names
   * exactly its serial. Undefined where nothing was learned (the CLI).
   */
  readonly published?: PublishedSerial;
  /** Recovery only: the one serial below `published` the caller accepts (the Action's `accept-older-serial`). */
  readonly acceptOlderSerial?: number;
}

/** The highest manifest serial published for a repository, and where that was read. */
export interface PublishedSerial {
  readonly serial: number;
  /** For messages: `release manifest/s7`. */
  readonly source: string;
}

/** A manifest whose signatures, expiry and serial were checked. */
export interface VerifiedManifest {
  readonly payload: ManifestPayload;
  readonly payloadBytes: Buffer;
  /** sha256 of the payload bytes. */
  readonly digest: string;
  /** keyids of the distinct trusted keys whose signatures verified, sorted. */
  readonly signers: readonly string[];
}

/**
 * Verifies a DSSE manifest envelope. Pure: bytes and keys in, verified payload out, or a
 * TrustError whose code names the failed check. It never fetches anything.
 */
export function verifyManifest(
  envelopeBytes: Uint8Array,
  trustedKeys: readonly TrustedKey[],
  policy: TrustPolicy,
): VerifiedManifest {
  const verified = authenticateManifest(envelopeBytes, trustedKeys, policy.threshold);
  checkManifestFreshness(verified.payload, policy);
  return verified;
}

/**
 * Checks only who signed a manifest (signatures, trusted keys, threshold) and its shape, not
 * whether it is still current: used to find which of several published manifests is the newest
 * authentic one, which `checkManifestFreshness` must then accept on its own.
 */
export function authenticateManifest(
  envelopeBytes: Uint8Array,
  trustedKeys: readonly TrustedKey[],
  threshold: number,
): VerifiedManifest {
  const policy = { threshold };
  const trusted = new Map(trustedKeys.map((k) => [k.keyid, k]));
  // A threshold of 0, or above the number of distinct trusted keys, would make the check vacuous
  // or impossible; both are configuration mistakes, refused before looking at the manifest.
  if (!Number.isSafeInteger(policy.threshold) || policy.threshold < 1) {
    throw new UsageError('USAGE', `threshold: expected an integer >= 1, got ${policy.threshold}`);
  }
  if (policy.threshold > trusted.size) {
    throw new UsageError(
      'USAGE',
      `threshold ${policy.threshold} needs at least that many distinct trusted keys, got ${trusted.size}`,
    );
  }
  // Bounds the work an attacker-supplied file can cause before any signature is checked.
  if (envelopeBytes.byteLength > MAX_MANIFEST_BYTES) {
    throw new TrustError('MALFORMED', `manifest is ${envelopeBytes.byteLength} bytes; at most ${MAX_MANIFEST_BYTES}`);
  }
  const envelope = parseEnvelope(envelopeBytes);
  // Type confusion: a signature made for another kind of DSSE payload must not authorise a run.
  if (envelope.payloadType !== MANIFEST_PAYLOAD_TYPE) {
    throw new TrustError(
      'MALFORMED',
      `manifest payloadType: expected ${MANIFEST_PAYLOAD_TYPE}, got ${JSON.stringify(envelope.payloadType)}`,
    );
  }
  const payloadBytes = decodeBase64OrRefuse(envelope.payload, 'manifest payload');
  const { valid, invalidFromTrusted, untrusted } = countValidSignatures(envelope, payloadBytes, trusted, 'manifest');
  if (valid.size < policy.threshold) {
    if (valid.size === 0 && invalidFromTrusted > 0) {
      throw new TrustError(
        'SIGNATURE_INVALID',
        `manifest signature check: expected a valid signature from a trusted key, got ${invalidFromTrusted} that do not verify (the manifest was changed after signing, or signed with another key under a trusted keyid)`,
      );
    }
    if (valid.size === 0) {
      throw new TrustError(
        'UNTRUSTED_KEY',
        `manifest signer check: expected a signature from one of ${[...trusted.keys()].map(short).join(', ')}, got ${untrusted ? `only untrusted keys (${envelope.signatures.map((s) => short(s.keyid)).join(', ')})` : 'no signatures'}`,
      );
    }
    throw new TrustError(
      'THRESHOLD_NOT_MET',
      `manifest threshold check: expected valid signatures from ${policy.threshold} distinct trusted keys, got ${valid.size} (${[...valid].map(short).join(', ')})`,
    );
  }

  const payload = parsePayload(payloadBytes);
  return { payload, payloadBytes, digest: manifestDigest(payloadBytes), signers: [...valid].sort() };
}

/** Refuses an authentic manifest that has expired or is older than the caller pins. */
export function checkManifestFreshness(payload: ManifestPayload, policy: Omit<TrustPolicy, 'threshold'>): void {
  // Freeze attack: an old manifest kept around would hide later yanks forever; it must expire.
  if (Date.parse(payload.expires) <= policy.now.getTime()) {
    throw new TrustError(
      'EXPIRED',
      `manifest expiry check: expected a manifest valid at ${policy.now.toISOString()}, got serial ${payload.serial}, which expired at ${payload.expires}; renew it by signing serial ${payload.serial + 1} with a new expiry (release the next version, or \`remediate yank\`/\`release\` with --expires on a trusted machine) and publish it`,
    );
  }
  // Rollback attack: replaying an older, validly signed manifest (say, one from before a yank).
  if (payload.serial < policy.minSerial) {
    throw new TrustError(
      'SERIAL_ROLLBACK',
      `manifest serial check: expected serial >= ${policy.minSerial}, got ${payload.serial}`,
    );
  }
  // Rollback past what the repository published: an older, validly signed manifest (a file
  // replayed into the checkout or named as input, or the one found once the newest manifest
  // release was deleted or replaced) would undo every yank since. No caller has to pin this by
  // hand. Only the exact serial a caller names for recovery passes, and the record says so.
  const { published } = policy;
  if (published !== undefined && payload.serial < published.serial && payload.serial !== policy.acceptOlderSerial) {
    throw new TrustError(
      'SERIAL_ROLLBACK',
      `manifest serial check: expected serial >= ${published.serial}, the highest published (${published.source}), got ${payload.serial}; an older manifest may lack later yanks. If that newer manifest is lost and you have checked why, accept serial ${payload.serial} once with the Action's accept-older-serial input (recorded)`,
    );
  }
}

function short(keyid: string): string {
  return keyid.slice(0, 16);
}

/**
 * The payload of an envelope WITHOUT checking signatures: only for comparing two manifests'
 * structure (the append-only check) or reading a serial, never for deciding what may run.
 */
export function readPayloadUnverified(envelopeBytes: Uint8Array): { payload: ManifestPayload; payloadBytes: Buffer } {
  const envelope = parseEnvelope(envelopeBytes);
  const payloadBytes = decodeBase64OrRefuse(envelope.payload, 'manifest payload');
  return { payload: parsePayload(payloadBytes), payloadBytes };
}
