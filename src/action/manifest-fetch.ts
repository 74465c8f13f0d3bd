import type { GitHubApi } from '../adapters/github-api.ts';
import type { ManifestCandidate } from '../core/manifest-selection.ts';
import type { VersionRef } from '../core/version-ref.ts';

/** Name of the manifest asset on every remediation release. */
export const MANIFEST_ASSET = 'remediation-manifest.json';
/** How many recent published releases are searched for a newer manifest. */
export const RECENT_RELEASES = 30;

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
  const recent = await api.listReleases(RECENT_RELEASES);
  for (const release of recent) {
    if (release.draft) continue;
    const asset = release.assets.find((a) => a.name === MANIFEST_ASSET);
    if (!asset || seen.has(asset.id)) continue;
    candidates.push({ source: `release ${release.tagName} (newest with a manifest)`, bytes: await api.downloadAsset(asset.id) });
    break;
  }
  return candidates;
}
