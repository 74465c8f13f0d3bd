import { TrustError } from '../errors.ts';
import type { ManifestEntry } from './manifest.ts';
import type { VerifiedManifest } from './manifest-verifier.ts';
import type { VersionRef } from './version-ref.ts';
import { editDistance } from './closest-match.ts';

/** A version whose tag, commit and content all match its signed manifest entry. */
export interface VerifiedRelease {
  readonly ref: VersionRef;
  readonly commit: string;
  readonly digest: string;
  readonly entry: ManifestEntry;
  readonly manifest: VerifiedManifest;
}

/**
 * Matches what the repository holds now against what was signed at release. Pure: the caller
 * resolves the tag and computes the digest from git objects.
 */
export function checkRelease(
  ref: VersionRef,
  resolved: { commit: string; digest: string },
  manifest: VerifiedManifest,
): VerifiedRelease {
  const entry = checkReleaseEntry(ref, resolved.commit, manifest);
  checkReleaseDigest(ref, entry, resolved.digest);
  return { ref, commit: resolved.commit, digest: resolved.digest, entry, manifest };
}

/**
 * The checks that need only the tag's commit: done before any file of the tree is read, so a
 * moved tag is refused as such (and recorded) even when it points somewhere without the folder.
 */
export function checkReleaseEntry(ref: VersionRef, commit: string, manifest: VerifiedManifest): ManifestEntry {
  const versions = Object.hasOwn(manifest.payload.remediations, ref.name)
    ? manifest.payload.remediations[ref.name]
    : undefined;
  const entry = versions && Object.hasOwn(versions, ref.version) ? versions[ref.version] : undefined;
  // An unsigned version, however well-formed, is exactly what the manifest exists to keep out.
  if (!entry) {
    const known = versions ? Object.keys(versions).join(', ') : 'none';
    throw new TrustError(
      'UNKNOWN_VERSION',
      `manifest entry check: expected ${ref.name}@${ref.version} in manifest serial ${manifest.payload.serial}, got no such version (released versions of ${ref.name}: ${known})${closeNames(manifest, ref.name)}`,
    );
  }
  // The entry must be the one for this tag (a signed entry copied under another version name).
  if (entry.tag !== ref.tag) {
    throw new TrustError('TAG_MISMATCH', `manifest tag check: expected ${ref.tag}, got ${entry.tag}`);
  }
  // Tag moved, or deleted and re-created elsewhere: the tag now names a commit nobody signed.
  if (entry.commit !== commit) {
    throw new TrustError(
      'COMMIT_MISMATCH',
      `commit check: tag ${ref.tag} points at ${commit}, but the manifest released ${entry.commit} (the tag was moved or re-created)`,
    );
  }
  // Withdrawn versions stay in the manifest so history is kept, but must not run again.
  if (entry.yanked) {
    throw new TrustError(
      'YANKED',
      `yank check: ${ref.name}@${ref.version} was yanked at ${entry.yanked.at}: ${entry.yanked.reason}` +
        (entry.yanked.replacement !== undefined ? `; run ${ref.name}@${entry.yanked.replacement} instead` : ''),
    );
  }
  return entry;
}

/** Content changed after release (history rewritten, objects replaced): refuse the bytes. */
export function checkReleaseDigest(ref: VersionRef, entry: ManifestEntry, digest: string): void {
  if (entry.digest !== digest) {
    throw new TrustError(
      'DIGEST_MISMATCH',
      `digest check: expected ${entry.digest} (signed at release), got ${digest} from ${ref.tag}`,
    );
  }
}

/**
 * `; did you mean a or b?` naming the released remediations close to `name` when the manifest
 * has none of that name (a typo), else ''.
 */
export function closeNames(manifest: VerifiedManifest, name: string): string {
  const names = Object.keys(manifest.payload.remediations);
  if (names.includes(name)) return '';
  const close = names.filter((n) => editDistance(n, name) <= Math.max(2, Math.floor(name.length / 3)));
  return close.length ? `; did you mean ${close.join(' or ')}?` : '';
}
