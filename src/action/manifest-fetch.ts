import type { GitHubApi } from '../adapters/github-api.ts';
import type { ManifestCandidate } from '../core/manifest-selection.ts';
import type { VersionRef } from '../core/version-ref.ts';

/** Name of the manifest asset on every remediation release. */
export const MANIFEST_ASSET = 'remediation-manifest.json';
/**
 * How many recent releases are searched for manifests. Every run publishes a `.../runs/...`
 * release, so the search pages deep and skips those: a window of only the newest few would miss
 * the release that carries a later yank.
 */
export const RECENT_RELEASES = 1000;
/** How many manifest-bearing releases, newest first, are compared by serial. */
export const MANIFEST_CANDIDATES = 3;

/** Releases that may carry a remediation manifest: published, and not a per-run record release. */
export function mayCarryManifest(release: { draft: boolean; tagName: string }): boolean {
  return !release.draft && !release.tagName.includes('/runs/');
}

/**
 * Collects the manifests to consider: the asset on the requested tag's release, and the one on the
 * newest published release that has one (where a later yank would be).
 */
export async function fetchManifestCandidates(api: GitHubApi, ref: VersionRef): Promise<ManifestCandidate[]> {
  const candidates: ManifestCandidate[] = [];
  const seen = new Set<number>();
  const own = await api.tryGetReleaseByTag(ref.tag);
  const ownAsset = own?.assets.find((a) => a.name === MANIFEST_ASSET);
  if (own && ownAsset) {
    seen.add(ownAsset.id);
    candidates.push({ source: `release ${ref.tag}`, bytes: await api.downloadAsset(ownAsset.id) });
  }
  let found = 0;
  for (const release of await api.listReleases(RECENT_RELEASES)) {
    if (!mayCarryManifest(release)) continue;
    const asset = release.assets.find((a) => a.name === MANIFEST_ASSET);
    if (!asset || seen.has(asset.id)) continue;
    seen.add(asset.id);
    candidates.push({ source: `release ${release.tagName}`, bytes: await api.downloadAsset(asset.id) });
    if (++found >= MANIFEST_CANDIDATES) break;
  }
  return candidates;
}
