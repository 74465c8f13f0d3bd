import { TrustError } from '../errors.ts';
import type { GitHubApi } from '../adapters/github-api.ts';
import type { TrustedKey } from '../core/keys.ts';
import { MANIFEST_ASSET } from '../core/manifest-home.ts';
import { authenticateManifest, readPayloadUnverified } from '../core/manifest-verifier.ts';
import { findPublishedManifest } from './published-manifest.ts';

/** The newest published manifest: its bytes, serial and the release it came from. */
export interface NewestManifest {
  readonly bytes: Buffer;
  readonly serial: number;
  readonly release: string;
  /** Whether it came from a version release of the layout before manifest tags (see findLegacyManifest). */
  readonly legacy: boolean;
}

/**
 * The manifest the next release builds on: the newest under a `manifest/s<serial>` tag, or, in a
 * repository that published before those tags existed, the newest on an older release. Undefined
 * only when no manifest was ever published: the first release. With trusted keys only authentic
 * manifests count; without, the serial is read unverified (the release workflow's signing step
 * verifies the previous manifest with the signing keys before extending it).
 */
export async function findNewestManifest(
  api: GitHubApi,
  keys: readonly TrustedKey[],
): Promise<NewestManifest | undefined> {
  const published = await findPublishedManifest(api, keys.length ? { keys, threshold: 1 } : undefined);
  if (published)
    return {
      bytes: published.bytes,
      serial: published.serial,
      release: published.tag,
      legacy: false,
    };
  return findLegacyManifest(api, keys);
}

/** Releases searched by the one-time migration from the layout without manifest tags. */
export const LEGACY_RELEASES = 1000;

/**
 * The layout before manifest tags: manifests only on version (and yank) releases, among per-run
 * record releases. Searched only when no manifest tag exists, so at most until the first release
 * made with manifest tags; never on a run.
 */
export async function findLegacyManifest(
  api: GitHubApi,
  keys: readonly TrustedKey[],
): Promise<NewestManifest | undefined> {
  let best: NewestManifest | undefined;
  let found = 0;
  for (const release of await api.listReleases(LEGACY_RELEASES)) {
    if (release.draft || release.tagName.includes('/runs/')) continue;
    const asset = release.assets.find((a) => a.name === MANIFEST_ASSET);
    if (!asset) continue;
    const bytes = await api.downloadAsset(asset.id);
    let serial: number;
    try {
      serial = keys.length
        ? authenticateManifest(bytes, keys, 1).payload.serial
        : readPayloadUnverified(bytes).payload.serial;
    } catch (error) {
      if (error instanceof TrustError) continue;
      throw error;
    }
    if (!best || serial > best.serial) best = { bytes, serial, release: release.tagName, legacy: true };
    // Newest first: the few newest manifest-bearing releases hold the highest serial.
    if (++found >= 3) break;
  }
  return best;
}
