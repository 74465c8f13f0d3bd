import { TrustError } from '../errors.ts';
import type { GitHubApi } from '../adapters/github-api.ts';
import type { TrustedKey } from '../core/keys.ts';
import { readPayloadUnverified, verifyManifest } from '../core/manifest-verifier.ts';
import { MANIFEST_ASSET, MANIFEST_CANDIDATES, mayCarryManifest, RECENT_RELEASES } from '../action/manifest-fetch.ts';

/** The newest published manifest: its bytes, serial and the release it came from. */
export interface PublishedManifest {
  readonly bytes: Buffer;
  readonly serial: number;
  readonly release: string;
}

/**
 * Finds the manifest with the highest serial among the repository's recent published releases.
 * With trusted keys, only manifests that verify count (anyone with write access can upload an
 * asset); without, the serial is read unverified, which is enough for the release workflow, whose
 * signing step verifies the previous manifest with the signing keys before extending it.
 */
export async function findNewestManifest(
  api: GitHubApi,
  keys: readonly TrustedKey[],
): Promise<PublishedManifest | undefined> {
  let best: PublishedManifest | undefined;
  let found = 0;
  for (const release of await api.listReleases(RECENT_RELEASES)) {
    if (!mayCarryManifest(release)) continue;
    const asset = release.assets.find((a) => a.name === MANIFEST_ASSET);
    if (!asset) continue;
    const bytes = await api.downloadAsset(asset.id);
    let serial: number;
    try {
      serial = keys.length
        ? // Expiry is not checked: releasing is how an expiring (or expired) manifest is renewed,
          // and skipping it would silently restart the manifest at serial 1.
          verifyManifest(bytes, keys, { threshold: 1, minSerial: 0, now: new Date(0) }).payload.serial
        : readPayloadUnverified(bytes).payload.serial;
    } catch (error) {
      if (error instanceof TrustError) continue;
      throw error;
    }
    if (!best || serial > best.serial) best = { bytes, serial, release: release.tagName };
    if (++found >= MANIFEST_CANDIDATES) break;
  }
  return best;
}
