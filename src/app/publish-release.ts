import type { GitHubApi } from '../adapters/github-api.ts';

/** One file to attach to a release. */
export interface ReleaseAsset {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/**
 * Publishes a release with assets in the only order that works with immutable releases: create
 * a draft, upload every asset, then publish. Asset names never repeat, so nothing is overwritten.
 */
export async function publishReleaseWithAssets(
  api: GitHubApi,
  release: {
    tag: string;
    commit: string;
    name: string;
    body: string;
    prerelease: boolean;
    assets: readonly ReleaseAsset[];
  },
): Promise<{ url: string; tag: string }> {
  const names = new Set<string>();
  for (const asset of release.assets) {
    if (names.has(asset.name)) throw new Error(`two assets are named ${asset.name}; asset names must be unique`);
    names.add(asset.name);
  }
  const draft = await api.createRelease({
    tag: release.tag,
    commit: release.commit,
    name: release.name,
    body: release.body,
    prerelease: release.prerelease,
  });
  for (const asset of release.assets) await api.uploadAsset(draft, asset.name, asset.bytes, asset.contentType);
  const published = await api.publishRelease(draft.id);
  return { url: published.htmlUrl, tag: release.tag };
}

/** The content type an asset is uploaded with, from its name. */
export function contentTypeFor(name: string): string {
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.tar.gz') || name.endsWith('.tgz')) return 'application/gzip';
  if (name.endsWith('.tar')) return 'application/x-tar';
  return 'text/plain';
}
