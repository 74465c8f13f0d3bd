import { TrustError } from '../errors.ts';
import type { TrustedKey } from './keys.ts';
import {
  authenticateManifest,
  checkManifestFreshness,
  type TrustPolicy,
  type VerifiedManifest,
} from './manifest-verifier.ts';

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
 * checked here: the newest authentic manifest decides, expired or not (see selectNewestManifest).
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

/** The manifest to use, and what was passed over and why. */
export interface ManifestSelection {
  readonly chosen: ManifestCandidate;
  readonly verified: VerifiedManifest;
  readonly skipped: readonly { readonly source: string; readonly reason: string }[];
}

/**
 * Picks the authentic manifest with the highest serial, then holds it alone to the policy. An
 * expired or pinned-out newest manifest refuses the run: falling back to an older one would
 * resurrect what the newer one yanked (a freeze or rollback by expiry). Candidates that are not
 * authentic are skipped; if none is, the first refusal is thrown.
 */
export function selectNewestManifest(
  candidates: readonly ManifestCandidate[],
  keys: readonly TrustedKey[],
  policy: TrustPolicy,
): ManifestSelection {
  const skipped: { source: string; reason: string }[] = [];
  let best: { candidate: ManifestCandidate; verified: VerifiedManifest } | undefined;
  let firstError: unknown;
  for (const candidate of candidates) {
    const check = authenticateCandidate(candidate, keys, policy.threshold);
    if (check.ok) {
      if (!best || check.verified.payload.serial > best.verified.payload.serial) {
        best = { candidate, verified: check.verified };
      }
    } else {
      firstError ??= check.error;
      skipped.push({ source: candidate.source, reason: `${check.error.code}: ${check.error.message}` });
    }
  }
  if (!best) {
    if (firstError) throw firstError;
    throw new TrustError(
      'MALFORMED',
      'no signed manifest found: publish remediation-manifest.json with the release, or pass the manifest input',
    );
  }
  checkManifestFreshness(best.verified.payload, policy);
  return { chosen: best.candidate, verified: best.verified, skipped };
}
