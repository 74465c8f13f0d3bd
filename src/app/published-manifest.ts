import { ServiceError, TrustError } from '../errors.ts';
import type { GitHubApi } from '../adapters/github-api.ts';
import type { TrustedKey } from '../core/keys.ts';
import {
  MANIFEST_ASSET,
  MANIFEST_REF_PREFIX,
  manifestTagsNewestFirst,
  type ManifestTag,
} from '../core/manifest-home.ts';
import { authenticateCandidate, type ManifestCandidate } from '../core/manifest-selection.ts';
import {
  MAX_MANIFEST_BYTES,
  readPayloadUnverified,
  type PublishedSerial,
  type VerifiedManifest,
} from '../core/manifest-verifier.ts';

/**
 * How many of the highest `manifest/s<serial>` tags are tried before giving up. A tag anyone with
 * write access pushed by hand (no release, no asset, a forged or replayed manifest) is passed
 * over; more than this many in a row fails closed instead of reaching back to an older manifest.
 */
export const MANIFEST_CANDIDATES = 3;

/** The newest published manifest, found under its `manifest/s<serial>` tag. */
export interface PublishedManifest {
  readonly bytes: Buffer;
  readonly serial: number;
  /** The release tag it came from: `manifest/s7`. */
  readonly tag: string;
  /** Where it came from, for messages: `release manifest/s7`. */
  readonly source: string;
  /** Set when trusted keys were given: the authenticated manifest. */
  readonly verified?: VerifiedManifest;
  /** Higher tags passed over, and why. */
  readonly skipped: readonly { readonly source: string; readonly reason: string }[];
  /** The highest serial any manifest tag names: above `serial` when higher tags were passed over. */
  readonly highest: PublishedSerial;
}

/**
 * The highest serial published for the repository: the highest `manifest/s<serial>` tag, read in
 * one API call however many releases exist; undefined when there is none. A tag counts whether
 * or not its release still holds a usable manifest: deleting or replacing the newest manifest
 * release (contents: write is enough) must not lower it, while the tag itself stays where tag
 * rules or immutable releases forbid deleting it.
 */
export async function readPublishedSerial(api: GitHubApi): Promise<PublishedSerial | undefined> {
  return highestOf(manifestTagsNewestFirst((await api.listMatchingRefs(MANIFEST_REF_PREFIX)).map((r) => r.ref)));
}

function highestOf(tags: readonly ManifestTag[]): PublishedSerial | undefined {
  const top = tags[0];
  return top && { serial: top.serial, source: `release ${top.tag}` };
}

/**
 * Finds the newest published manifest in a constant number of API calls, however many releases
 * the repository has: one ref listing, then a release and an asset per tag tried (usually one).
 * With trusted keys, only an authentic manifest whose serial is the one its tag names counts
 * (`threshold` distinct keys); without, the serial is read unverified, for callers that verify
 * with signing keys themselves. Undefined when no manifest tag exists at all.
 */
export async function findPublishedManifest(
  api: GitHubApi,
  trust: { readonly keys: readonly TrustedKey[]; readonly threshold: number } | undefined,
): Promise<PublishedManifest | undefined> {
  const tags = manifestTagsNewestFirst((await api.listMatchingRefs(MANIFEST_REF_PREFIX)).map((r) => r.ref));
  const highest = highestOf(tags);
  if (!highest) return undefined;
  const skipped: { source: string; reason: string }[] = [];
  for (const tag of tags.slice(0, MANIFEST_CANDIDATES)) {
    const candidate = await downloadTagManifest(api, tag);
    if ('missing' in candidate) {
      skipped.push({ source: `release ${tag.tag}`, reason: candidate.missing });
      continue;
    }
    if (trust) {
      const check = authenticateCandidate(candidate, trust.keys, trust.threshold);
      if (!check.ok) {
        skipped.push({ source: candidate.source, reason: `${check.error.code}: ${check.error.message}` });
        continue;
      }
      return {
        bytes: Buffer.from(candidate.bytes),
        serial: tag.serial,
        tag: tag.tag,
        source: candidate.source,
        verified: check.verified,
        skipped,
        highest,
      };
    }
    let serial: number;
    try {
      serial = readPayloadUnverified(candidate.bytes).payload.serial;
    } catch (error) {
      if (!(error instanceof TrustError)) throw error;
      skipped.push({ source: candidate.source, reason: `${error.code}: ${error.message}` });
      continue;
    }
    if (serial !== tag.serial) {
      skipped.push({
        source: candidate.source,
        reason: `MALFORMED: published as serial ${tag.serial}, payload has ${serial}`,
      });
      continue;
    }
    return { bytes: Buffer.from(candidate.bytes), serial, tag: tag.tag, source: candidate.source, skipped, highest };
  }
  // Fail closed: the newest manifests cannot be read, and an older one may lack a later yank.
  throw new TrustError(
    'MALFORMED',
    `none of the ${Math.min(tags.length, MANIFEST_CANDIDATES)} newest manifest releases holds a usable manifest (${skipped
      .map((s) => `${s.source}: ${s.reason}`)
      .join(
        '; ',
      )}); delete the tags that are not real manifest releases, or publish the newest manifest again with 'remediate github publish-manifest'`,
  );
}

async function downloadTagManifest(
  api: GitHubApi,
  tag: ManifestTag,
): Promise<(ManifestCandidate & { claimedSerial: number }) | { missing: string }> {
  const release = await api.tryGetReleaseByTag(tag.tag);
  if (!release) return { missing: 'the tag has no published release' };
  const asset = release.assets.find((a) => a.name === MANIFEST_ASSET);
  if (!asset) return { missing: `the release has no ${MANIFEST_ASSET}` };
  // Anyone with write access can attach a huge asset: its size is known before downloading it.
  if (asset.size > MAX_MANIFEST_BYTES) {
    return { missing: `its ${MANIFEST_ASSET} is ${asset.size} bytes, over the ${MAX_MANIFEST_BYTES}-byte limit` };
  }
  try {
    return { source: `release ${tag.tag}`, bytes: await api.downloadAsset(asset.id), claimedSerial: tag.serial };
  } catch (error) {
    // Deleted between the listing and the download: passed over like a release without the asset.
    if (error instanceof ServiceError && error.status === 404) return { missing: `its ${MANIFEST_ASSET} is gone` };
    throw error;
  }
}
