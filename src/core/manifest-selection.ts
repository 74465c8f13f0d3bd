import { TrustError } from '../errors.ts';
import type { TrustedKey } from './keys.ts';
import { verifyManifest, type TrustPolicy, type VerifiedManifest } from './manifest-verifier.ts';

/** A manifest found somewhere (a release asset, a file), before verification. */
export interface ManifestCandidate {
  /** Where it came from, for messages. */
  readonly source: string;
  readonly bytes: Uint8Array;
}

/** The manifest to use, and what was passed over and why. */
export interface ManifestSelection {
  readonly chosen: ManifestCandidate;
  readonly verified: VerifiedManifest;
  readonly skipped: readonly { readonly source: string; readonly reason: string }[];
}

/**
 * Picks the verified manifest with the highest serial. The tag's own release carries the manifest
 * of the day it was released; a later, validly signed manifest may have yanked it, so the newest
 * one wins. Candidates that do not verify are skipped (an asset anyone with write access can
 * upload is not trusted), and if none verifies the first candidate's refusal is thrown.
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
    try {
      const verified = verifyManifest(candidate.bytes, keys, policy);
      if (!best || verified.payload.serial > best.verified.payload.serial) best = { candidate, verified };
    } catch (error) {
      if (!(error instanceof TrustError)) throw error;
      firstError ??= error;
      skipped.push({ source: candidate.source, reason: `${error.code}: ${error.message}` });
    }
  }
  if (!best) {
    if (firstError) throw firstError;
    throw new TrustError(
      'MALFORMED',
      'no signed manifest found: publish remediation-manifest.json with the release, or pass the manifest input',
    );
  }
  return { chosen: best.candidate, verified: best.verified, skipped };
}
