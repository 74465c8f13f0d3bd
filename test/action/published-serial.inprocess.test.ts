// The manifest floor the Action learns by itself (issue 17): the highest serial published as a
// `manifest/s<serial>` release. The main step runs in process against the REST double (every
// request and answer checked against GitHub's OpenAPI description) with the real octokit client:
// an older manifest, replayed as a workspace file or left as the newest readable release once a
// newer one was deleted, is refused and recorded; `accept-older-serial` lets exactly the serial
// it names through, and the record says so; the floor costs one listing call.
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getOctokit } from '@actions/github';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { MainDeps } from '../../src/action/deps.ts';
import { runMain } from '../../src/action/main-run.ts';
import { OctokitGitHubApi } from '../../src/adapters/github-api.ts';
import { DEFAULT_RETRY } from '../../src/adapters/retry.ts';
import { receiptPredicate } from '../../src/record/receipt.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github-rest/server.ts';
import { RunnerFiles } from '../helpers/action-runner.ts';
import { FakeActionIo } from '../helpers/fake-action-io.ts';
import type { TempRepo } from '../helpers/git-repo.ts';
import { cli, releaseInProcess } from '../helpers/in-process-cli.ts';

const MAIN_SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/main.ts');
const TOKEN = 'ghs_published_serial_token_0123';
const DEFINITION = ['name: svc', 'description: greets', 'steps:', '  - { id: greet, run: "echo hello" }', ''].join(
  '\n',
);

let repo: TempRepo;
/** Serial 1 (svc@v1.0.0 released) and serial 2 (the same, yanked), both signed by k1. */
let serial1: Buffer;
let serial2: Buffer;
const doubles: GitHubDouble[] = [];
const runners: RunnerFiles[] = [];

beforeAll(async () => {
  repo = await releaseInProcess('svc', DEFINITION);
  serial1 = readFileSync(repo.path('remediations/manifest.json'));
  copyFileSync(repo.path('remediations/manifest.json'), repo.path('yanked.json'));
  const yank = await cli(repo.dir, [
    'yank',
    'svc@v1.0.0',
    '--key',
    'k1',
    '--reason',
    'too eager',
    '--manifest',
    'yanked.json',
  ]);
  expect(yank.code).toBe(0);
  serial2 = readFileSync(repo.path('yanked.json'));
}, 60_000);
afterAll(() => repo.remove());
afterEach(async () => {
  for (const gh of doubles.splice(0)) {
    expect(gh.violations).toEqual([]);
    await gh.close();
  }
  for (const tag of repo.git('tag', '--list', 'manifest/*').split('\n').filter(Boolean)) repo.git('tag', '-d', tag);
  for (const runner of runners.splice(0)) rmSync(runner.dir, { recursive: true, force: true });
});

async function github(): Promise<GitHubDouble> {
  const gh = await startGitHubDouble({ token: TOKEN, gitDir: repo.dir, repository: 'octo-org/repo' });
  doubles.push(gh);
  return gh;
}

/** One run of the main step against the double; the workspace manifest (serial 1) unless `manifest` says otherwise. */
async function runAction(
  gh: GitHubDouble,
  inputs: Record<string, string> = {},
): Promise<{ io: FakeActionIo; snapshot: RunSnapshot | undefined; calls: string[] }> {
  const runner = new RunnerFiles('repository_dispatch');
  runners.push(runner);
  const io = new FakeActionIo({
    remediation: 'svc@v1.0.0',
    'trusted-keys': 'k1.pub',
    manifest: 'remediations/manifest.json',
    publish: 'none',
    attest: 'false',
    'github-token': TOKEN,
    ...inputs,
  });
  const mark = gh.requests.length;
  const deps: MainDeps = {
    io,
    env: runner.env(repo.dir, {}, { GITHUB_API_URL: gh.url }),
    connectApi: (token, repository) => () =>
      Promise.resolve(
        new OctokitGitHubApi(getOctokit(token, { baseUrl: gh.url }), repository, { ...DEFAULT_RETRY, attempts: 1 }),
      ),
    uploadArtifact: () => Promise.reject(new Error('publish is none')),
    downloadArtifact: () => () => Promise.reject(new Error('svc has no circuit breaker')),
    attest: () => Promise.reject(new Error('attest is false')),
    cancel: new AbortController().signal,
    toolPath: MAIN_SOURCE,
    now: () => new Date(),
  };
  await runMain(deps);
  const recordDir = io.outputs['record-path'];
  const snapshot = recordDir
    ? (JSON.parse(readFileSync(join(recordDir, 'snapshot.json'), 'utf8')) as RunSnapshot)
    : undefined;
  return { io, snapshot, calls: gh.requests.slice(mark).map((q) => q.operationId ?? `${q.method} download`) };
}

describe('a manifest file in the workspace (input manifest: <path>)', () => {
  it('refuses a replayed older manifest file once a newer serial is published (SERIAL_ROLLBACK, recorded), in one API call', async () => {
    const gh = await github();
    gh.addRelease({ tag: 'manifest/s2', assets: { 'remediation-manifest.json': serial2 } });
    // A long history of other releases costs nothing: one ref listing names every manifest tag.
    for (let i = 0; i < 1000; i++) gh.addRelease({ tag: `svc/runs/${i}-1`, prerelease: true });
    const { io, snapshot, calls } = await runAction(gh);
    expect(io.failures).toHaveLength(1);
    expect(io.failures[0]).toMatch(
      /^refused \[SERIAL_ROLLBACK\]: manifest serial check: expected serial >= 2, the highest published \(release manifest\/s2\), got 1/,
    );
    expect(snapshot).toMatchObject({ status: 'refused', error: { code: 'SERIAL_ROLLBACK' } });
    expect(snapshot?.steps).toEqual([]);
    expect(calls).toEqual(['git/list-matching-refs']);
  });

  it('accept-older-serial lets exactly that serial through, warns, and the record and receipt say so', async () => {
    const gh = await github();
    gh.addRelease({ tag: 'manifest/s2', assets: { 'remediation-manifest.json': serial2 } });
    const { io, snapshot } = await runAction(gh, { 'accept-older-serial': '1' });
    expect(io.failures).toEqual([]);
    expect(io.outputs.status).toBe('succeeded');
    expect(snapshot?.manifest).toMatchObject({ serial: 1, publishedSerial: 2, acceptedBelowPublished: true });
    // The receipt (and an attestation) restate the snapshot's manifest, so they cover it too.
    expect(snapshot && receiptPredicate(snapshot).manifest).toMatchObject({ acceptedBelowPublished: true });
    expect(readFileSync(join(io.outputs['record-path'] ?? '', 'run.log'), 'utf8')).toContain(
      'manifest serial 1 is below serial 2, the highest published (release manifest/s2): accepted only because accept-older-serial names it',
    );
    expect(io.warnings.join('\n')).toMatch(/accept-older-serial: ran against manifest serial 1, below serial 2/);
  });

  it('accept-older-serial naming another serial lets nothing older through', async () => {
    const gh = await github();
    gh.addRelease({ tag: 'manifest/s3', assets: { 'remediation-manifest.json': 'not even a manifest' } });
    const { io, snapshot } = await runAction(gh, { 'accept-older-serial': '2' });
    expect(io.failures[0]).toMatch(/^refused \[SERIAL_ROLLBACK\]: .*expected serial >= 3/);
    expect(snapshot?.status).toBe('refused');
  });

  it('runs when nothing newer is published, recording the published serial; an unneeded override is called out', async () => {
    const gh = await github();
    gh.addRelease({ tag: 'manifest/s1', assets: { 'remediation-manifest.json': serial1 } });
    const { io, snapshot } = await runAction(gh, { 'accept-older-serial': '1' });
    expect(io.failures).toEqual([]);
    expect(snapshot?.manifest).toMatchObject({ serial: 1, publishedSerial: 1 });
    expect(snapshot?.manifest).not.toHaveProperty('acceptedBelowPublished');
    expect(io.warnings.join('\n')).toMatch(/accept-older-serial 1 was not needed .*remove it/);
  });

  it('with no manifest tag at all the file is the only word: it runs, and no published serial is recorded', async () => {
    const gh = await github();
    const { io, snapshot, calls } = await runAction(gh);
    expect(io.failures).toEqual([]);
    expect(snapshot?.manifest).not.toHaveProperty('publishedSerial');
    expect(calls).toEqual(['git/list-matching-refs']);
  });

  it('fails closed when the published serial cannot be read: nothing runs, nothing is recorded', async () => {
    const gh = await github();
    gh.failNext(/\/git\/matching-refs\//, 1, 403);
    const { io, snapshot } = await runAction(gh);
    expect(io.failures).toHaveLength(1);
    expect(io.failures[0]).toMatch(/^error \[GITHUB_API\]: GET .*matching-refs.* failed \(HTTP 403\)/);
    expect(snapshot).toBeUndefined();
  });
});

describe('published manifests (input manifest: release)', () => {
  it('refuses the older manifest left once the newest manifest release was deleted (its tag kept), in five calls', async () => {
    const gh = await github();
    gh.addRelease({ tag: 'manifest/s1', assets: { 'remediation-manifest.json': serial1 } });
    // The yank's release deleted (contents: write is enough); tag rules or immutable releases keep its tag.
    repo.git('tag', 'manifest/s2', 'HEAD');
    const { io, snapshot, calls } = await runAction(gh, { manifest: 'release' });
    expect(io.warnings.join('\n')).toMatch(/ignored release manifest\/s2: the tag has no published release/);
    expect(io.failures[0]).toMatch(/^refused \[SERIAL_ROLLBACK\]: .*expected serial >= 2, the highest published/);
    expect(snapshot).toMatchObject({ status: 'refused', error: { code: 'SERIAL_ROLLBACK' } });
    expect(calls).toEqual([
      'git/list-matching-refs',
      'repos/get-release-by-tag',
      'repos/get-release-by-tag',
      'repos/get-release-asset',
      'GET download',
    ]);

    // Recovery, deliberately: the older serial named runs, and is recorded as such.
    const accepted = await runAction(gh, { manifest: 'release', 'accept-older-serial': '1' });
    expect(accepted.io.failures).toEqual([]);
    expect(accepted.snapshot?.manifest).toMatchObject({ serial: 1, publishedSerial: 2, acceptedBelowPublished: true });
  });

  it('costs nothing extra when the newest manifest is readable: four calls, as before', async () => {
    const gh = await github();
    gh.addRelease({ tag: 'manifest/s1', assets: { 'remediation-manifest.json': serial1 } });
    gh.addRelease({ tag: 'manifest/s2', assets: { 'remediation-manifest.json': serial2 } });
    const { io, snapshot, calls } = await runAction(gh, { manifest: 'release' });
    // Serial 2 yanked the version: the newest manifest decides.
    expect(io.failures[0]).toMatch(/^refused \[YANKED\]/);
    expect(snapshot?.error?.code).toBe('YANKED');
    expect(calls).toEqual([
      'git/list-matching-refs',
      'repos/get-release-by-tag',
      'repos/get-release-asset',
      'GET download',
    ]);
  });
});
