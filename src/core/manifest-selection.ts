import { TrustError } from '../errors.ts';
import type { TrustedKey } from './keys.ts';
import { authenticateManifest, type VerifiedManifest } from './manifest-verifier.ts';

/** A manifest found somewhere (a release asset, a file), before verification. */
export interface ManifestCandidate {
  /** Where it came from, for messages. */
  readonly source: string;
  readonly bytes: Uint8Array;
  /** The serial its location claims (the `manifest/s<serial>` tag it was published under), if any. */
  readonly claimedSerial?: number;
}

/** Whether a candidate is an authentic manifest, and why not. */
export type CandidateCheck =
  { readonly ok: true; readonly verified: VerifiedManifest } | { readonly ok: false; readonly error: TrustError };

/**
 * Checks who signed a candidate and that it is the serial its location claims. Freshness is not
 * checked here: the newest authentic manifest decides, and is then held alone to expiry and the
 * pinned serial (checkManifestFreshness), so an expired newest one refuses instead of letting an
 * older one (that may still list a yanked version) take its place.
 */
export function authenticateCandidate(
  candidate: ManifestCandidate,
  keys: readonly TrustedKey[],
  threshold: number,
): CandidateCheck {
  let verified: VerifiedManifest;
  try {
    // Anyone with write access can upload a release asset: only signatures make it a manifest.
    verified = authenticateManifest(candidate.bytes, keys, threshold);
  } catch (error) {
    if (error instanceof TrustError) return { ok: false, error };
    throw error;
  }
  // Replay under a higher tag: an old, authentic manifest (from before a yank) re-published as
  // `manifest/s<higher>` would otherwise be taken for the newest and hide the yank.
  if (candidate.claimedSerial !== undefined && verified.payload.serial !== candidate.claimedSerial) {
    return {
      ok: false,
      error: new TrustError(
        'MALFORMED',
        `published as serial ${candidate.claimedSerial}, but the signed payload has serial ${verified.payload.serial}`,
      ),
    };
  }
  return { ok: true, verified };
}
