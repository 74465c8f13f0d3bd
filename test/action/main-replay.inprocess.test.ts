// The Action's `replay-of` input, in process: a run of the main step, its record copied into the
// workspace (as `remediate github download-records --run-id` leaves it), then a second job run
// that replays it (publish: none, the manifest from the workspace).
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MainDeps } from '../../src/action/deps.ts';
import type { GitHubApi } from '../../src/adapters/github-api.ts';
import { runMain } from '../../src/action/main-run.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';
import { RunnerFiles } from '../helpers/action-runner.ts';
import { FakeActionIo } from '../helpers/fake-action-io.ts';
import type { TempRepo } from '../helpers/git-repo.ts';
import { cli, releaseInProcess } from '../helpers/in-process-cli.ts';

const MAIN_SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/main.ts');

const DEFINITION = [
  'name: svc',
  'description: greets',
  'inputs:',
  "  who: { type: string, default: world, pattern: '^[a-z]+$' }",
  'secrets: [API_TOKEN]',
  'steps:',
  '  - { id: greet, run: \'echo "hello $PARAM_WHO" >> "$GITHUB_WORKSPACE/greetings.txt"\' }',
  '',
].join('\n');

let repo: TempRepo;
const runners: RunnerFiles[] = [];
/** The first run's record, copied into the workspace, and its snapshot digest. */
let copied: string;
let digest: string;

beforeAll(async () => {
  repo = await releaseInProcess('svc', DEFINITION);
  const first = await runAction({ params: '{"who":"octo"}', target: 'web-1' }, '100');
  expect(first.failures).toEqual([]);
  copied = join(repo.dir, 'replayed', 'remediation-svc-v1.0.0-100-1');
  cpSync(first.outputs['record-path']!, copied, { recursive: true });
  digest = first.outputs['snapshot-digest']!;
}, 60_000);
afterAll(() => {
  repo.remove();
  for (const runner of runners) rmSync(runner.dir, { recursive: true, force: true });
});

/** Runs the main step as workflow run `runId`, attempt 1. */
async function runAction(inputs: Record<string, string>, runId: string): Promise<FakeActionIo> {
  const runner = new RunnerFiles('repository_dispatch');
  runners.push(runner);
  const io = new FakeActionIo({
    remediation: 'svc@v1.0.0',
    'trusted-keys': 'k1.pub',
    manifest: 'remediations/manifest.json',
    publish: 'none',
    'github-token': 'ghs_test_token_0123456789',
    ...inputs,
  });
  const deps: MainDeps = {
    io,
    env: { ...runner.env(repo.dir, {}), GITHUB_RUN_ID: runId, API_TOKEN: 'tok-9f8e7d6c5b' },
    // The manifest is in the workspace; the API is asked only for the highest published serial (none).
    connectApi: () => () =>
      Promise.resolve({
        listMatchingRefs: () => Promise.resolve([]),
        listArtifactsPage: () => Promise.reject(new Error('this test has no GitHub API')),
      } as unknown as GitHubApi),
    uploadArtifact: () => Promise.reject(new Error('this test has no artifact service')),
    downloadArtifact: () => () => Promise.reject(new Error('this test has no artifact service')),
    attest: () => Promise.reject(new Error('this test has no Sigstore')),
    cancel: new AbortController().signal,
    toolPath: MAIN_SOURCE,
    now: () => new Date(),
  };
  await runMain(deps);
  return io;
}

const snapshotAt = (dir: string) => JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')) as RunSnapshot;
const greetings = () => readFileSync(join(repo.dir, 'greetings.txt'), 'utf8').split('\n').filter(Boolean);

describe('the replay-of input', () => {
  it('runs the record again and records replayOf with the same parameters digest', async () => {
    const io = await runAction(
      { 'replay-of': 'replayed/remediation-svc-v1.0.0-100-1', 'replay-snapshot-digest': digest, target: 'web-1' },
      '200',
    );
    expect(io.failures).toEqual([]);
    expect(io.outputs.status).toBe('succeeded');
    expect(greetings()).toEqual(['hello octo', 'hello octo']);
    const original = snapshotAt(copied);
    const replayed = snapshotAt(io.outputs['record-path']!);
    expect(replayed).toMatchObject({
      runId: '200-1',
      target: 'web-1',
      replayOf: { runId: '100-1', snapshotDigest: digest, authenticated: true },
      params: original.params!,
    });
    expect(io.infos.some((line) => line.startsWith('replaying svc@v1.0.0 run 100-1'))).toBe(true);
  });

  it('refuses a record that does not match the digest, another version, parameters or another target', async () => {
    const before = greetings().length;
    const wrongDigest = await runAction(
      { 'replay-of': 'replayed/remediation-svc-v1.0.0-100-1', 'replay-snapshot-digest': `sha256:${'0'.repeat(64)}` },
      '201',
    );
    expect(wrongDigest.failures[0]).toMatch(/^refused \[RECORD_TAMPERED\]/);
    const noDigest = await runAction({ 'replay-of': 'replayed/remediation-svc-v1.0.0-100-1' }, '202');
    expect(noDigest.failures[0]).toMatch(/^error \[USAGE\]: input 'replay-snapshot-digest'/);
    const outside = await runAction({ 'replay-of': '../elsewhere', 'replay-snapshot-digest': digest }, '203');
    expect(outside.failures[0]).toMatch(/^error \[USAGE\]: input 'replay-of': expected a path inside the workspace/);
    const params = await runAction(
      { 'replay-of': 'replayed/remediation-svc-v1.0.0-100-1', 'replay-snapshot-digest': digest, params: '{"who":"x"}' },
      '204',
    );
    expect(params.failures[0]).toMatch(/^error \[USAGE\]: input 'params'/);
    const target = await runAction(
      { 'replay-of': 'replayed/remediation-svc-v1.0.0-100-1', 'replay-snapshot-digest': digest, target: 'web-2' },
      '205',
    );
    expect(target.failures[0]).toMatch(/^error \[NOT_REPLAYABLE\]: input 'target'/);
    // Without the target input the run would sit outside the target's concurrency group.
    const noTarget = await runAction(
      { 'replay-of': 'replayed/remediation-svc-v1.0.0-100-1', 'replay-snapshot-digest': digest },
      '208',
    );
    expect(noTarget.failures[0]).toMatch(
      /^error \[NOT_REPLAYABLE\]: input 'target': the record's target is 'web-1'; give it/,
    );
    expect(noTarget.outputs).toEqual({ 'error-code': 'NOT_REPLAYABLE' });
    expect([wrongDigest, noDigest, outside, params, target].map((io) => io.outputs)).toEqual([
      { 'error-code': 'RECORD_TAMPERED' },
      { 'error-code': 'USAGE' },
      { 'error-code': 'USAGE' },
      { 'error-code': 'USAGE' },
      { 'error-code': 'NOT_REPLAYABLE' },
    ]);
    expect(greetings()).toHaveLength(before);
  });

  it('refuses a record of another version than the remediation input names', async () => {
    const other = join(repo.dir, 'replayed', 'other');
    cpSync(copied, other, { recursive: true });
    const snapshot = snapshotAt(other);
    const forged = { ...snapshot, remediation: { ...snapshot.remediation, version: 'v2.0.0', tag: 'svc/v2.0.0' } };
    writeFileSync(join(other, 'snapshot.json'), JSON.stringify(forged));
    const { createHash } = await import('node:crypto');
    const forgedDigest = `sha256:${createHash('sha256')
      .update(readFileSync(join(other, 'snapshot.json')))
      .digest('hex')}`;
    const io = await runAction({ 'replay-of': 'replayed/other', 'replay-snapshot-digest': forgedDigest }, '206');
    expect(io.failures[0]).toMatch(/^error \[NOT_REPLAYABLE\]: input 'replay-of': the record is of svc@v2\.0\.0/);
    expect(io.outputs).toEqual({ 'error-code': 'NOT_REPLAYABLE' });
  });

  // Last: it yanks the version in the workspace's manifest.
  it('refuses a version yanked since the record (YANKED, recorded with replayOf), running nothing', async () => {
    const yank = await cli(repo.dir, ['yank', 'svc@v1.0.0', '--key', 'k1', '--reason', 'breaks things']);
    expect(yank.code).toBe(0);
    const before = greetings().length;
    const io = await runAction(
      { 'replay-of': 'replayed/remediation-svc-v1.0.0-100-1', 'replay-snapshot-digest': digest, target: 'web-1' },
      '207',
    );
    expect(io.failures[0]).toMatch(/^refused \[YANKED\]/);
    expect(io.outputs['error-code']).toBe('YANKED');
    expect(greetings()).toHaveLength(before);
    expect(snapshotAt(io.outputs['record-path']!)).toMatchObject({
      status: 'refused',
      error: { code: 'YANKED' },
      replayOf: { runId: '100-1', snapshotDigest: digest },
      steps: [],
    });
  });
});
