// The Action end to end against local doubles of GitHub's services: the REST API (validated
// against GitHub's OpenAPI description) and the artifact Results service over Azurite, with the
// real @actions/artifact and octokit clients inside the built dist/ entries.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parsePrivateKey } from '../../src/core/keys.ts';
import { signManifest, yankRelease } from '../../src/core/manifest-editor.ts';
import { parseEnvelope } from '../../src/core/dsse.ts';
import { makeVersionRef } from '../../src/core/version-ref.ts';
import { runCli } from '../helpers/git-repo.ts';
import { releaseRemediation, type Released } from '../helpers/released.ts';
import { MAIN_ENTRY, POST_ENTRY, RunnerFiles, runEntry, startEntry } from '../helpers/action-runner.ts';
import { startArtifactBackend, type ArtifactBackend } from '../doubles/artifact/results-service.ts';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github-rest/server.ts';

const TOKEN = 'ghs_e2e-token-abcdef';
const DEFINITION = [
  'name: svc',
  'description: prints and outputs',
  'inputs:',
  '  who: { type: string, default: world }',
  'steps:',
  '  - { id: greet, run: "echo hello $PARAM_WHO; for i in $(seq 1 500); do echo line $i; done" }',
  '',
].join('\n');

let r: Released;
let artifacts: ArtifactBackend;
/** The REST API of runs that need nothing else from it: no manifest published under a tag. */
let quiet: GitHubDouble;
const doubles: GitHubDouble[] = [];
const runners: RunnerFiles[] = [];

beforeAll(async () => {
  r = await releaseRemediation('svc', DEFINITION);
  artifacts = await startArtifactBackend({ repository: 'octo-org/repo', runId: '4242' });
  quiet = await startGitHubDouble({ token: TOKEN, gitDir: r.repo.dir, repository: 'octo-org/repo' });
});
afterAll(async () => {
  expect(quiet?.violations).toEqual([]);
  await quiet?.close();
  await artifacts?.stop();
  r?.repo.remove();
});
afterEach(async () => {
  for (const d of doubles.splice(0)) {
    expect(d.violations).toEqual([]); // every request and response matched GitHub's OpenAPI description
    await d.close();
  }
  for (const runner of runners.splice(0)) rmSync(runner.dir, { recursive: true, force: true });
});

async function github(options: { immutable?: boolean } = {}): Promise<GitHubDouble> {
  const double = await startGitHubDouble({
    token: TOKEN,
    gitDir: r.repo.dir,
    repository: 'octo-org/repo',
    immutableReleases: options.immutable ?? true,
  });
  doubles.push(double);
  return double;
}

function runner(): RunnerFiles {
  const files = new RunnerFiles('repository_dispatch');
  runners.push(files);
  return files;
}

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    remediation: 'svc@v1.0.0',
    params: '{"who":"ops"}',
    'trusted-keys': 'k1.pub',
    manifest: 'remediations/manifest.json',
    'github-token': TOKEN,
    'retention-days': '7',
    ...extra,
  };
}

let attempt = 0;
/** A fresh run attempt number per run, so artifact names (unique per run) do not collide by accident. */
function runEnv(
  files: RunnerFiles,
  gh: GitHubDouble | undefined,
  extraInputs: Record<string, string>,
  workspace = r.repo.dir,
) {
  attempt += 1;
  return files.env(workspace, inputs(extraInputs), {
    ...artifacts.env,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: String(attempt),
    // A workspace manifest still costs one call: the highest serial published (none on `quiet`).
    GITHUB_API_URL: (gh ?? quiet).url,
  });
}

const recordFiles = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f))]),
  );

describe('publishing the record', () => {
  it('uploads the record as an artifact that downloads back byte for byte', async () => {
    const files = runner();
    const env = runEnv(files, undefined, { publish: 'artifact' });
    const result = await runEntry(MAIN_ENTRY, env, r.repo.dir);
    expect(result.code).toBe(0);
    const outputs = files.outputs();
    expect(outputs['artifact-id']).toMatch(/^\d+$/);
    expect(outputs['artifact-url']).toBe(
      `https://github.com/octo-org/repo/actions/runs/4242/artifacts/${outputs['artifact-id']}`,
    );
    const stored = artifacts.service.artifacts.find((a) => String(a.id) === outputs['artifact-id'])!;
    expect(stored.name).toBe(`remediation-svc-v1.0.0-4242-${attempt}`);
    expect(files.summaryText()).toContain(stored.digest!);

    const saved = { ...process.env };
    Object.assign(process.env, artifacts.env);
    const target = mkdtempSync(join(tmpdir(), 'download-'));
    try {
      await new DefaultArtifactClient().downloadArtifact(Number(outputs['artifact-id']), { path: target });
    } finally {
      process.env = saved;
    }
    expect(recordFiles(target)).toEqual(recordFiles(outputs['record-path']!));
    rmSync(target, { recursive: true, force: true });
  });

  it('fails the step like GitHub on a duplicate artifact name, keeping the record on disk', async () => {
    const first = runner();
    const env = runEnv(first, undefined, { publish: 'artifact' });
    expect((await runEntry(MAIN_ENTRY, env, r.repo.dir)).code).toBe(0);
    // A second main step in the same run and attempt produces the same artifact name: GitHub says 409.
    const second = runner();
    const again = await runEntry(
      MAIN_ENTRY,
      {
        ...second.env(r.repo.dir, inputs({ publish: 'artifact' }), { ...artifacts.env, GITHUB_API_URL: quiet.url }),
        GITHUB_RUN_ATTEMPT: env.GITHUB_RUN_ATTEMPT,
      },
      r.repo.dir,
    );
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/::error::artifact upload failed: .*409.*; the record is still on the runner at /);
    const outputs = second.outputs();
    expect(outputs.status).toBe('succeeded');
    expect(outputs['artifact-id']).toBe('');
    expect(readdirSync(outputs['record-path']!).sort()).toEqual([
      'definition.tar',
      'run.log',
      'run.log.chain',
      'snapshot.json',
    ]);
    expect(second.summaryText()).toContain('artifact upload failed');
    expect(second.summaryText()).toContain(outputs['snapshot-digest']!);
  });

  it('publishes a per-run release as draft, then assets, then published (immutable releases on)', async () => {
    const gh = await github({ immutable: true });
    const files = runner();
    const result = await runEntry(MAIN_ENTRY, runEnv(files, gh, { publish: 'release' }), r.repo.dir);
    expect(result.stdout).not.toMatch(/::error::/);
    expect(result.code).toBe(0);
    const tag = `svc/v1.0.0/runs/4242-${attempt}`;
    const release = gh.getRelease(tag)!;
    expect(release).toMatchObject({ draft: false, prerelease: true, immutable: true, makeLatest: 'false' });
    expect(release.targetCommitish).toBe(r.repo.git('rev-parse', 'svc/v1.0.0^{commit}').trim());
    const record = recordFiles(files.outputs()['record-path']!);
    expect(release.assets.map((a) => a.name).sort()).toEqual(Object.keys(record));
    for (const asset of release.assets) expect(asset.bytes).toEqual(record[asset.name]);
    expect(files.outputs()['release-url']).not.toBe('');
    const writes = gh.requests.filter((q) => q.method !== 'GET').map((q) => `${q.method} ${q.status}`);
    // The release, then one asset per record file (definition.tar included), then publishing it.
    expect(writes).toEqual(['POST 201', 'POST 201', 'POST 201', 'POST 201', 'POST 201', 'PATCH 200']);
  });

  it('retries uploads after 5xx answers and network drops', async () => {
    const gh = await github();
    gh.failNext(/^POST \/repos\/octo-org\/repo\/releases\/\d+\/assets$/, 2, 502);
    gh.dropNext(/^PATCH /, 1);
    const files = runner();
    const result = await runEntry(MAIN_ENTRY, runEnv(files, gh, { publish: 'release' }), r.repo.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/::warning::POST .*assets.* failed \(HTTP 502\); retry 1/);
    expect(gh.getRelease(`svc/v1.0.0/runs/4242-${attempt}`)?.draft).toBe(false);
    expect(gh.requests.filter((q) => q.fault === 'fail')).toHaveLength(2);
  });

  it('fails the step when uploads keep failing, but nothing is lost', async () => {
    const gh = await github();
    gh.failNext(/^POST \/repos\/octo-org\/repo\/releases\/\d+\/assets$/, 20, 503);
    const files = runner();
    const result = await runEntry(MAIN_ENTRY, runEnv(files, gh, { publish: 'release' }), r.repo.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::release publish failed/);
    const outputs = files.outputs();
    expect(outputs['snapshot-digest']).toMatch(/^sha256:/);
    const verified = await runCli(
      ['verify-run', outputs['record-path']!, '--snapshot-digest', outputs['snapshot-digest']!],
      { cwd: r.repo.dir },
    );
    expect(verified.code).toBe(0);
    expect(files.summaryText()).toContain('release publish failed');
  });
});

describe('resolving through the REST API', () => {
  it('reads the tag through the API when the checkout lacks it, with the same digest as from git', async () => {
    const gh = await github();
    const bare = mkdtempSync(join(tmpdir(), 'no-tags-'));
    mkdirSync(join(bare, 'remediations'));
    writeFileSync(join(bare, 'remediations/manifest.json'), readFileSync(r.repo.path('remediations/manifest.json')));
    writeFileSync(join(bare, 'k1.pub'), readFileSync(r.repo.path('k1.pub')));
    try {
      const local = runner();
      expect((await runEntry(MAIN_ENTRY, runEnv(local, undefined, { publish: 'none' }), r.repo.dir)).code).toBe(0);
      const remote = runner();
      const result = await runEntry(MAIN_ENTRY, runEnv(remote, gh, { publish: 'none' }, bare), bare);
      expect(result.stdout).toContain('reading it through the GitHub API');
      expect(result.code).toBe(0);
      expect(remote.outputs().digest).toBe(local.outputs().digest);
      expect(gh.requests.some((q) => q.path.includes('/git/blobs/'))).toBe(true);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('manifests from releases', () => {
  const original = () => readFileSync(r.repo.path('remediations/manifest.json'));
  const payloadOf = (bytes: Buffer) => {
    const payloadBytes = Buffer.from(parseEnvelope(bytes).payload, 'base64');
    return { payload: JSON.parse(payloadBytes.toString()), payloadBytes };
  };
  const signingKey = () => parsePrivateKey(readFileSync(r.repo.path('k1')), 'k1');
  /** Serial 2: v1.0.0 yanked, signed at `issued` for `lifetimeMs`. */
  const yanked = (issued = new Date(), lifetimeMs = 86_400_000) =>
    signManifest(
      yankRelease(payloadOf(original()), makeVersionRef('svc', 'v1.0.0'), 'deletes too much', issued, lifetimeMs),
      [signingKey()],
    );
  const discoveryCalls = (gh: GitHubDouble, from: number) =>
    gh.requests.slice(from).map((q) => q.operationId ?? `${q.method} download`);

  it('honours a yank published after 5,000 newer run releases, in the same few calls as with none', async () => {
    const gh = await github();
    gh.addRelease({ tag: 'svc/v1.0.0', assets: { 'remediation-manifest.json': original() } });
    gh.addRelease({ tag: 'manifest/s1', assets: { 'remediation-manifest.json': original() } });
    const files = runner();
    const before = await runEntry(MAIN_ENTRY, runEnv(files, gh, { manifest: 'release', publish: 'none' }), r.repo.dir);
    expect(before.code).toBe(0);
    expect(files.outputs()['manifest-serial']).toBe('1');
    const firstRun = discoveryCalls(gh, 0);

    // The yank, then a long history of per-run record releases, all newer than the yank.
    gh.addRelease({ tag: 'manifest/s2', assets: { 'remediation-manifest.json': yanked() } });
    for (let i = 0; i < 5000; i++) gh.addRelease({ tag: `svc/runs/${5000 + i}-1`, prerelease: true });
    const mark = gh.requests.length;
    const after = runner();
    const refused = await runEntry(MAIN_ENTRY, runEnv(after, gh, { manifest: 'release', publish: 'none' }), r.repo.dir);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/::error::refused \[YANKED\]: .*deletes too much/);
    // Constant cost: one ref listing, the newest manifest's release and asset; no release listing.
    expect(discoveryCalls(gh, mark)).toEqual(firstRun);
    expect(firstRun).toEqual([
      'git/list-matching-refs',
      'repos/get-release-by-tag',
      'repos/get-release-asset',
      'GET download',
    ]);
  });

  it('refuses when the newest manifest has expired, instead of running a version it yanked (EXPIRED)', async () => {
    const gh = await github();
    gh.addRelease({ tag: 'manifest/s1', assets: { 'remediation-manifest.json': original() } });
    // Yanked three days ago with a one-day expiry: expired two days ago; serial 1 is still valid.
    gh.addRelease({
      tag: 'manifest/s2',
      assets: { 'remediation-manifest.json': yanked(new Date(Date.now() - 3 * 86_400_000), 86_400_000) },
    });
    const files = runner();
    const result = await runEntry(MAIN_ENTRY, runEnv(files, gh, { manifest: 'release', publish: 'none' }), r.repo.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::refused \[EXPIRED\]: .*serial 2.*renew it by signing serial 3/);
    expect(files.outputs().status).toBeUndefined();
  });

  it('passes over a replayed or broken manifest release above the newest but refuses below its serial, and fails closed when the top 3 are all bad', async () => {
    const gh = await github();
    gh.addRelease({ tag: 'manifest/s1', assets: { 'remediation-manifest.json': original() } });
    gh.addRelease({ tag: 'manifest/s2', assets: { 'remediation-manifest.json': yanked() } });
    // Someone with write access re-publishes the pre-yank manifest under a higher serial.
    gh.addRelease({ tag: 'manifest/s9', assets: { 'remediation-manifest.json': original() } });
    const files = runner();
    const replay = await runEntry(MAIN_ENTRY, runEnv(files, gh, { manifest: 'release', publish: 'none' }), r.repo.dir);
    expect(replay.stdout).toMatch(/::warning::ignored release manifest\/s9: MALFORMED: published as serial 9/);
    // Serial 9 was published (its tag stays): the newest authentic manifest, serial 2, is older.
    expect(replay.stdout).toMatch(/refused \[SERIAL_ROLLBACK\]: manifest serial check: expected serial >= 9/);

    gh.addRelease({ tag: 'manifest/s10' }); // no asset
    gh.addRelease({ tag: 'manifest/s11', assets: { 'remediation-manifest.json': 'not a manifest' } });
    const closed = runner();
    const result = await runEntry(MAIN_ENTRY, runEnv(closed, gh, { manifest: 'release', publish: 'none' }), r.repo.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/refused \[MALFORMED\]: none of the 3 newest manifest releases/);
  });

  it('refuses when no manifest tag exists, even if the version release carries a manifest (deleting the tags must not resurrect a yank)', async () => {
    const gh = await github();
    gh.addRelease({ tag: 'svc/v1.0.0', assets: { 'remediation-manifest.json': original() } });
    const files = runner();
    const result = await runEntry(MAIN_ENTRY, runEnv(files, gh, { manifest: 'release', publish: 'none' }), r.repo.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /::error::refused \[MALFORMED\]: no signed manifest found: no release is tagged manifest\/s<serial>\. Publish the newest manifest once with 'remediate github publish-manifest'/,
    );
    expect(gh.requests.map((q) => q.operationId)).toEqual(['git/list-matching-refs']);
  });

  it('refuses when the newest manifest is below min-serial, and an unknown version', async () => {
    const gh = await github();
    gh.addRelease({ tag: 'manifest/s1', assets: { 'remediation-manifest.json': original() } });
    const files = runner();
    const result = await runEntry(
      MAIN_ENTRY,
      runEnv(files, gh, { manifest: 'release', 'min-serial': '5', publish: 'none' }),
      r.repo.dir,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/refused \[SERIAL_ROLLBACK\]/);
    const unknown = runner();
    const missing = await runEntry(
      MAIN_ENTRY,
      runEnv(unknown, gh, { remediation: 'svc@v9.9.9', manifest: 'release', publish: 'none' }),
      r.repo.dir,
    );
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/refused \[(TAG_NOT_FOUND|UNKNOWN_VERSION)\]/);
  });
});

describe('rate limits', () => {
  const listing = /^GET \/repos\/octo-org\/repo\/git\/matching-refs\//;
  const seed = (gh: GitHubDouble) =>
    gh.addRelease({
      tag: 'manifest/s1',
      assets: { 'remediation-manifest.json': readFileSync(r.repo.path('remediations/manifest.json')) },
    });

  it('waits out a rate-limit answer for as long as GitHub asks, then goes on', async () => {
    const gh = await github();
    seed(gh);
    gh.failNext(listing, 1, 403, {
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1) },
    });
    gh.failNext(listing, 1, 429, { headers: { 'retry-after': '1' } });
    const files = runner();
    const result = await runEntry(MAIN_ENTRY, runEnv(files, gh, { manifest: 'release', publish: 'none' }), r.repo.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /::warning::GET \/repos\/\{owner\}\/\{repo\}\/git\/matching-refs\/\{ref\} was rate limited \(x-ratelimit-remaining: 0/,
    );
    expect(result.stdout).toMatch(/was rate limited \(retry-after: 1\); waiting 1 s/);
    expect(gh.requests.filter((q) => listing.test(`${q.method} ${q.path}`)).map((q) => q.status)).toEqual([
      403, 429, 200,
    ]);
  });

  it('fails at once with RATE_LIMITED when the limit resets later than it is worth waiting', async () => {
    const gh = await github();
    seed(gh);
    gh.failNext(listing, 1, 403, {
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600) },
    });
    const files = runner();
    const result = await runEntry(MAIN_ENTRY, runEnv(files, gh, { manifest: 'release', publish: 'none' }), r.repo.dir);
    expect(result.code).toBe(1);
    // It did not sit out the hour: nothing was waited, and the message says what to do.
    expect(result.stdout).toMatch(
      /::error::error \[RATE_LIMITED\]: .*rate limit for this token is used up .*waited 0 s of at most 300 s\. Re-run after/,
    );
  });

  it('does not retry a 403 that is a permission refusal', async () => {
    const gh = await github();
    seed(gh);
    gh.failNext(listing, 1, 403);
    const files = runner();
    const result = await runEntry(MAIN_ENTRY, runEnv(files, gh, { manifest: 'release', publish: 'none' }), r.repo.dir);
    expect(result.code).toBe(1);
    expect(gh.requests.filter((q) => listing.test(`${q.method} ${q.path}`))).toHaveLength(1);
  });
});

describe('a main step killed while publishing', () => {
  it('the post step publishes only what is missing: no second artifact, the release completes', async () => {
    const gh = await github();
    // The release creation never answers, so main is stuck after the artifact was uploaded.
    gh.hangNext(/^POST \/repos\/octo-org\/repo\/releases$/, 1);
    const files = runner();
    const env = runEnv(files, gh, { publish: 'both' });
    const { child, done } = startEntry(MAIN_ENTRY, env, r.repo.dir);
    const started = Date.now();
    while (!gh.requests.some((q) => q.method === 'POST' && /\/releases$/.test(q.path))) {
      if (Date.now() - started > 20_000) throw new Error('main never tried to create the release');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    await done;
    const name = `remediation-svc-v1.0.0-4242-${attempt}`;
    expect(artifacts.service.artifacts.filter((a) => a.name === name)).toHaveLength(1);
    expect(files.savedState()).toMatchObject({ 'published-artifact': 'true' });
    expect(files.savedState()).not.toHaveProperty('published');

    const post = await runEntry(POST_ENTRY, files.postEnv(env), r.repo.dir);
    expect(post.stdout).not.toMatch(/::error::/);
    expect(post.code).toBe(0);
    // The artifact was not uploaded again (that would be a 409), and the release is complete.
    expect(artifacts.service.artifacts.filter((a) => a.name === name)).toHaveLength(1);
    const release = gh.getRelease(`svc/v1.0.0/runs/4242-${attempt}`)!;
    expect(release.draft).toBe(false);
    expect(release.assets.map((a) => a.name).sort()).toEqual([
      'definition.tar',
      'run.log',
      'run.log.chain',
      'snapshot.json',
    ]);
  });
});

describe('cancellation', () => {
  it('SIGINT mid-step: the record is finished as cancelled, published, and verifies; post then does nothing', async () => {
    const slow = await releaseRemediation(
      'slow',
      'name: slow\ndescription: slow\nsteps:\n  - id: wait\n    run: |\n      echo waiting\n      touch "$GITHUB_WORKSPACE/started"\n      sleep 300\n',
    );
    const gh = await startGitHubDouble({
      token: TOKEN,
      gitDir: slow.repo.dir,
      repository: 'octo-org/repo',
      immutableReleases: true,
    });
    doubles.push(gh);
    try {
      const files = runner();
      attempt += 1;
      const env = files.env(
        slow.repo.dir,
        { ...inputs({ remediation: 'slow@v1.0.0', params: '', publish: 'both' }) },
        { ...artifacts.env, GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: String(attempt), GITHUB_API_URL: gh.url },
      );
      const { child, done } = startEntry(MAIN_ENTRY, env, slow.repo.dir);
      const started = Date.now();
      while (!readdirSync(slow.repo.dir).includes('started')) {
        if (Date.now() - started > 15_000) throw new Error('step did not start');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      child.kill('SIGINT');
      const main = await done;
      expect(main.code).toBe(1);
      expect(files.outputs().status).toBe('cancelled');

      const post = await runEntry(POST_ENTRY, files.postEnv(env), slow.repo.dir);
      expect(post.code).toBe(0);
      expect(post.stdout).toContain('already published');

      // The published copy (release assets) is the cancelled record, and it verifies.
      const release = gh.getRelease(`slow/v1.0.0/runs/4242-${attempt}`)!;
      const copy = mkdtempSync(join(tmpdir(), 'published-'));
      for (const asset of release.assets) writeFileSync(join(copy, asset.name), asset.bytes);
      expect(JSON.parse(readFileSync(join(copy, 'snapshot.json'), 'utf8')).status).toBe('cancelled');
      const verified = await runCli(['verify-run', copy, '--snapshot-digest', files.outputs()['snapshot-digest']!], {
        cwd: slow.repo.dir,
      });
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(/^intact: status cancelled/);
      rmSync(copy, { recursive: true, force: true });
    } finally {
      slow.repo.remove();
    }
  });
});
