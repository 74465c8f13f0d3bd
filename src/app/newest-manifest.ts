import { TrustError, UsageError } from '../errors.ts';
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
}

/**
 * The manifest the next release builds on: the newest under a `manifest/s<serial>` tag.
 * Undefined only when no manifest was ever published: the first release. With trusted keys only
 * authentic manifests count; without, the serial is read unverified (the release workflow's
 * signing step verifies the previous manifest with the signing keys before extending it).
 *
 * With no manifest tag but a manifest on an older release (the layout before manifest tags), it
 * refuses instead of choosing: extending one found by scanning releases could drop versions or
 * undo a yank (anyone with write access can delete releases or publish old ones), and calling it
 * a first release would restart the manifest. A person migrates once with publish-manifest.
 */
export async function findNewestManifest(
  api: GitHubApi,
  keys: readonly TrustedKey[],
): Promise<NewestManifest | undefined> {
  const published = await findPublishedManifest(api, keys.length ? { keys, threshold: 1 } : undefined);
  if (published) return { bytes: published.bytes, serial: published.serial, release: published.tag };
  const legacy = await findLegacyManifest(api, keys);
  if (legacy) {
    throw new UsageError(
      'NOT_FOUND',
      `no manifest is published under a manifest/s<serial> tag, but release ${legacy.release} carries ${legacy.serial === undefined ? `a ${MANIFEST_ASSET} that the trusted keys do not verify` : `serial ${legacy.serial}`} (published before manifest tags, so this is not a first release). Check which is your newest manifest, then publish it once: gh release download ${legacy.release} -p ${MANIFEST_ASSET}; remediate github publish-manifest --manifest ${MANIFEST_ASSET} --trusted-key <pub>. Then re-run this release`,
    );
  }
  return undefined;
}

/**
 * The layout before manifest tags: manifests only on version (and yank) releases, among per-run
 * record releases. Searched only when no manifest tag exists, to refuse a release that would
 * otherwise start over at serial 1; never on a run. It pages through every release (a first
 * release has few), and any manifest asset counts, verified or not: a key missing from
 * trusted-keys, or a manifest older than 1,000 run releases, must not read as "none published".
 */
export async function findLegacyManifest(
  api: GitHubApi,
  keys: readonly TrustedKey[],
): Promise<{ readonly release: string; readonly serial: number | undefined } | undefined> {
  for (const release of await api.listReleases(Number.MAX_SAFE_INTEGER)) {
    if (release.draft) continue;
    const asset = release.assets.find((a) => a.name === MANIFEST_ASSET);
    if (!asset) continue;
    // The newest release with a manifest names the migration; its serial is read if it verifies.
    let serial: number | undefined;
    try {
      const bytes = await api.downloadAsset(asset.id);
      serial = keys.length
        ? authenticateManifest(bytes, keys, 1).payload.serial
        : readPayloadUnverified(bytes).payload.serial;
    } catch (error) {
      if (!(error instanceof TrustError)) throw error;
    }
    return { release: release.tagName, serial };
  }
  return undefined;
}
