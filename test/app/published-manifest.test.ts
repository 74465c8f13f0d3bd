import { describe, expect, it } from 'vitest';
import type { GitHubApi, Release } from '../../src/adapters/github-api.ts';
import { findPublishedManifest, readPublishedSerial } from '../../src/app/published-manifest.ts';
import { appendRelease, signManifest } from '../../src/core/manifest-editor.ts';
import { MAX_MANIFEST_BYTES } from '../../src/core/manifest-verifier.ts';
import { makeVersionRef } from '../../src/core/version-ref.ts';
import { ServiceError } from '../../src/errors.ts';
import { freshKey } from '../helpers/keys.ts';

const key = freshKey();
const serial1 = signManifest(
  appendRelease(
    undefined,
    { ref: makeVersionRef('svc', 'v1.0.0'), commit: 'c'.repeat(40), digest: `sha256:${'d'.repeat(64)}` },
    new Date(),
    86_400_000,
  ),
  [key.signing],
);

// A stand-in for our narrow GitHubApi: releases by tag, each with one manifest asset.
function api(refs: string[], releases: Record<string, { size: number; bytes?: Buffer; gone?: boolean }>) {
  const downloads: number[] = [];
  const byId = new Map<number, { bytes?: Buffer; gone?: boolean }>();
  let id = 0;
  const unused = () => Promise.reject(new Error('not used'));
  const fake: GitHubApi = {
    listMatchingRefs: async () => refs.map((ref) => ({ ref, type: 'commit', sha: 'c'.repeat(40) })),
    tryGetReleaseByTag: async (tag): Promise<Release | undefined> => {
      const r = releases[tag];
      if (!r) return undefined;
      byId.set(++id, r);
      return {
        id,
        tagName: tag,
        draft: false,
        htmlUrl: '',
        uploadUrl: '',
        assets: [{ id, name: 'remediation-manifest.json', size: r.size }],
      };
    },
    downloadAsset: async (assetId) => {
      downloads.push(assetId);
      const r = byId.get(assetId)!;
      if (r.gone) throw new ServiceError('GITHUB_API', 'gone', { status: 404 });
      return r.bytes!;
    },
    tryGetRef: unused,
    getTag: unused,
    getCommitTree: unused,
    getTree: unused,
    getBlob: unused,
    listReleases: unused,
    createRelease: unused,
    uploadAsset: unused,
    publishRelease: unused,
    listJobsForRunAttempt: unused,
    listArtifactsPage: unused,
    listRunApprovals: unused,
  };
  return { fake, downloads };
}

describe('findPublishedManifest', () => {
  const trust = { keys: [key.trusted], threshold: 1 };

  it('does not download an asset larger than any manifest may be', async () => {
    const { fake, downloads } = api(['refs/tags/manifest/s2', 'refs/tags/manifest/s1'], {
      'manifest/s2': { size: MAX_MANIFEST_BYTES + 1 },
      'manifest/s1': { size: serial1.length, bytes: serial1 },
    });
    const found = await findPublishedManifest(fake, trust);
    expect(found?.tag).toBe('manifest/s1');
    expect(found?.skipped[0]?.reason).toMatch(/over the \d+-byte limit/);
    expect(downloads).toHaveLength(1);
  });

  it('passes over an asset deleted between the listing and the download', async () => {
    const { fake } = api(['refs/tags/manifest/s2', 'refs/tags/manifest/s1'], {
      'manifest/s2': { size: 10, gone: true },
      'manifest/s1': { size: serial1.length, bytes: serial1 },
    });
    const found = await findPublishedManifest(fake, trust);
    expect(found?.tag).toBe('manifest/s1');
    expect(found?.skipped).toEqual([{ source: 'release manifest/s2', reason: expect.stringMatching(/gone/) }]);
  });

  it('counts a tag listed twice once, so repeats cannot use up the candidate places', async () => {
    const dup = 'refs/tags/manifest/s9';
    const { fake } = api([dup, dup, dup, 'refs/tags/manifest/s1'], {
      'manifest/s1': { size: serial1.length, bytes: serial1 },
    });
    expect((await findPublishedManifest(fake, trust))?.serial).toBe(1);
  });

  it('finds nothing, without error, where no manifest tag exists (a first release)', async () => {
    const { fake } = api(['refs/tags/svc/v1.0.0'], {});
    expect(await findPublishedManifest(fake, trust)).toBeUndefined();
  });
});

describe('readPublishedSerial', () => {
  it('is the highest manifest tag, usable or not, in one listing; undefined with none', async () => {
    const listed: string[] = [];
    const { fake } = api(
      ['refs/tags/manifest/s2', 'refs/tags/manifest/s10', 'refs/tags/manifest/s007', 'refs/tags/svc/v1.0.0'],
      {},
    );
    const counting = {
      ...fake,
      listMatchingRefs: (prefix: string) => (listed.push(prefix), fake.listMatchingRefs(prefix)),
    };
    // manifest/s10 has no release at all (deleted): it still names the highest serial published.
    expect(await readPublishedSerial(counting)).toEqual({ serial: 10, source: 'release manifest/s10' });
    expect(listed).toEqual(['tags/manifest/s']);
    expect(await readPublishedSerial(api(['refs/tags/svc/v1.0.0'], {}).fake)).toBeUndefined();
  });

  it('findPublishedManifest reports the highest tag above the manifest it chose', async () => {
    const { fake } = api(['refs/tags/manifest/s3', 'refs/tags/manifest/s1'], {
      'manifest/s1': { size: serial1.length, bytes: serial1 },
    });
    const found = await findPublishedManifest(fake, { keys: [key.trusted], threshold: 1 });
    expect(found?.serial).toBe(1);
    expect(found?.highest).toEqual({ serial: 3, source: 'release manifest/s3' });
  });
});
