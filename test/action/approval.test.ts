// The approval mode (issue 17): a dry run (the plan job) outputs the plan digest and shows the
// reviewer the plan; the job that runs after the approval is given that digest, verifies
// everything again, and runs only if it computes the same one (else PLAN_CHANGED, recorded).
// The Action's main step runs in process against the REST double (checked against GitHub's
// OpenAPI description), which lists the run's environment reviews.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { getOctokit as GetOctokitFn } from '@actions/github';
import type { MainDeps } from '../../src/action/deps.ts';
import { runMain } from '../../src/action/main-run.ts';
import { OctokitGitHubApi } from '../../src/adapters/github-api.ts';
import { artifactDownloaderFor } from '../../src/adapters/run-artifacts.ts';
import { checkSnapshotDigests } from '../../src/record/snapshot-digests.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github-rest/server.ts';
import { RunnerFiles } from '../helpers/action-runner.ts';
import { FakeActionIo } from '../helpers/fake-action-io.ts';
import type { TempRepo } from '../helpers/git-repo.ts';
import { cli, releaseInProcess } from '../helpers/in-process-cli.ts';

const MAIN_SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/main.ts');
const TOKEN = 'ghs_approval_token_0123456789';

const DEFINITION = [
  'name: restart',
  'description: restarts a service',
  'inputs:',
  '  service: { type: string, required: true, pattern: "^[a-z|<>*/-]+$" }',
  'secrets: [API_TOKEN]',
  'steps:',
  '  - id: restart',
  '    run: |',
  '      echo "restarting $PARAM_SERVICE"',
  "      : '```'",
  '',
].join('\n');

let repo: TempRepo;
let gh: GitHubDouble;
const runners: RunnerFiles[] = [];
let nextRunId = 9100;
let getOctokit: typeof GetOctokitFn;

beforeAll(async () => {
  repo = await releaseInProcess('restart', DEFINITION);
  gh = await startGitHubDouble({ token: TOKEN, gitDir: repo.dir, repository: 'octo-org/repo' });
  process.env.GITHUB_API_URL = gh.url;
  ({ getOctokit } = await import('@actions/github'));
}, 60_000);
afterAll(async () => {
  delete process.env.GITHUB_API_URL;
  await gh.close();
  repo.remove();
});
afterEach(() => {
  expect(gh.violations).toEqual([]);
  for (const runner of runners.splice(0)) rmSync(runner.dir, { recursive: true, force: true });
});

/** One job running the Action with `inputs`, as workflow run `runId`. */
async function runAction(inputs: Record<string, string>, runId = nextRunId++): Promise<FakeActionIo> {
  const runner = new RunnerFiles('repository_dispatch');
  runners.push(runner);
  const io = new FakeActionIo({
    remediation: 'restart@v1.0.0',
    'trusted-keys': 'k1.pub',
    manifest: 'remediations/manifest.json',
    publish: 'none',
    attest: 'false',
    'github-token': TOKEN,
    ...inputs,
  });
  const deps: MainDeps = {
    io,
    env: runner.env(
      repo.dir,
      {},
      {
        GITHUB_RUN_ID: String(runId),
        GITHUB_REPOSITORY: gh.repository,
        REMEDIATION_SECRETS: JSON.stringify({ API_TOKEN: 'tok-secret-value' }),
      },
    ),
    connectApi: (token, repository) => () =>
      Promise.resolve(new OctokitGitHubApi(getOctokit(token, { baseUrl: gh.url }), repository)),
    uploadArtifact: () => Promise.reject(new Error('publish is none')),
    downloadArtifact: artifactDownloaderFor,
    attest: () => Promise.reject(new Error('attest is false')),
    cancel: new AbortController().signal,
    toolPath: MAIN_SOURCE,
    now: () => new Date(),
  };
  await runMain(deps);
  return io;
}

const snapshotOf = (io: FakeActionIo): RunSnapshot =>
  JSON.parse(readFileSync(join(io.outputs['record-path']!, 'snapshot.json'), 'utf8')) as RunSnapshot;

/** The plan job: a dry run of the request, whose plan-digest output the reviewer approves. */
async function plan(params: string, target = 'web-1'): Promise<{ io: FakeActionIo; digest: string }> {
  const io = await runAction({ 'dry-run': 'true', params, target });
  expect(io.failures).toEqual([]);
  const digest = io.outputs['plan-digest']!;
  expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  return { io, digest };
}

describe('the approval mode: an approval is bound to one plan digest', () => {
  it('shows the reviewer the plan: version, target, parameters (escaped), secrets redacted, each command', async () => {
    const { io, digest } = await plan('{"service": "api|<b>x</b>"}');
    expect(io.outputs.status).toBe('planned');
    const summary = io.summaries.join('\n');
    expect(summary).toContain(`| plan digest | \`${digest}\` |`);
    expect(summary).toContain('## Plan of restart@v1.0.0 on web-1: dry run');
    // A parameter value cannot add table cells or HTML to the page the reviewer reads.
    expect(summary).toContain('| service | "api\\|&lt;b&gt;x&lt;/b&gt;" |');
    expect(summary).toContain('API\\_TOKEN=\\*\\*\\*');
    expect(summary).not.toContain('tok-secret-value');
    // The command as signed, in a fence longer than any backtick run inside it.
    expect(summary).toContain('````sh\necho "restarting $PARAM_SERVICE"\n: \'```\'\n````');
    // The same request planned again gives the same digest; another target does not.
    expect((await plan('{"service": "api|<b>x</b>"}')).digest).toBe(digest);
    expect((await plan('{"service": "api|<b>x</b>"}', 'web-2')).digest).not.toBe(digest);
  });

  it("shows the target's facts the digest covers (the SSH host a fix will reach), escaped", async () => {
    const io = await runAction({
      'dry-run': 'true',
      params: '{"service": "api"}',
      target: 'web-1',
      'target-facts': '{"ssh_host": "db-primary|<i>x</i>"}',
    });
    expect(io.failures).toEqual([]);
    const summary = io.summaries.join('\n');
    expect(summary).toContain('### Target facts');
    expect(summary).toMatch(/\| TARGET\\_SSH\\_HOST \| db-primary\\\|&lt;i&gt;x&lt;\/i&gt; \|/);
  });

  it('runs the approved plan and records the plan and who approved it, covered by the snapshot checks', async () => {
    const { digest } = await plan('{"service": "api"}');
    const runId = nextRunId++;
    gh.addRunReview(runId, { state: 'approved', login: 'alice', environments: ['production'], comment: 'lgtm' });
    const io = await runAction({ params: '{"service": "api"}', target: 'web-1', 'plan-digest': digest }, runId);
    expect(io.failures).toEqual([]);
    expect(io.outputs.status).toBe('succeeded');
    expect(io.log).toContain('restarting api');
    const snapshot = snapshotOf(io);
    expect(snapshot.plan).toEqual({ digest, approved: digest });
    expect(snapshot.approval).toEqual({
      readAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      reviews: [{ state: 'approved', user: 'alice', environments: ['production'], comment: 'lgtm' }],
    });
    expect(checkSnapshotDigests(snapshot)).toBeUndefined();
    // An edit to what the record says was approved no longer matches the facts it was computed from.
    expect(checkSnapshotDigests({ ...snapshot, target: 'web-9' })?.field).toBe('plan.digest');
  });

  it('refuses before any step (PLAN_CHANGED, recorded with both digests) when the request differs from the plan', async () => {
    const { digest } = await plan('{"service": "api"}');
    for (const [inputs, what] of [
      [{ params: '{"service": "db"}', target: 'web-1' }, 'other parameters'],
      [{ params: '{"service": "api"}', target: 'web-2' }, 'another target'],
      [{ params: '{"service": "api"}', target: 'web-1', force: 'true' }, 'force'],
    ] as const) {
      const io = await runAction({ ...inputs, 'plan-digest': digest });
      expect(io.outputs.status, what).toBe('refused');
      expect(io.outputs['error-code'], what).toBe('PLAN_CHANGED');
      expect(io.failures.join('\n'), what).toMatch(/refused \[PLAN_CHANGED\]: the approved plan was sha256:/);
      expect(io.log, what).not.toContain('restarting');
      const snapshot = snapshotOf(io);
      expect(snapshot.plan?.approved, what).toBe(digest);
      expect(snapshot.plan?.digest, what).not.toBe(digest);
      expect(snapshot.error?.code, what).toBe('PLAN_CHANGED');
      expect(snapshot.steps, what).toEqual([]);
      expect(checkSnapshotDigests(snapshot), what).toBeUndefined();
    }
  });

  it('refuses when a newer manifest would run the version under another serial than the one approved', async () => {
    const { digest } = await plan('{"service": "api"}');
    // The manifest the plan job verified is replaced by one with a higher serial (a re-release, a
    // yank and replacement): the approval does not carry over.
    // Releasing another remediation signs a manifest with the next serial; the approved version's
    // entry is unchanged, but the plan was approved under the old serial.
    repo.write(
      'remediations/other/remediation.yml',
      'name: other\ndescription: x\nsteps:\n  - { id: a, run: "true" }\n',
    );
    repo.commit('add other');
    const released = await cli(repo.dir, ['release', 'other', 'v1.0.0', '--key', 'k1']);
    expect(released.code, released.context.errLines.join('\n')).toBe(0);
    const io = await runAction({ params: '{"service": "api"}', target: 'web-1', 'plan-digest': digest });
    expect(io.outputs['error-code']).toBe('PLAN_CHANGED');
    expect(io.failures.join('\n')).toMatch(/manifest serial 2/);
    expect(io.log).not.toContain('restarting');
  });

  it('records the run as approved by GitHub when the reviews cannot be read, and says why', async () => {
    const { digest } = await plan('{"service": "api"}');
    gh.failNext(/approvals$/, 1, 403);
    const io = await runAction({ params: '{"service": "api"}', target: 'web-1', 'plan-digest': digest });
    expect(io.outputs.status).toBe('succeeded');
    expect(snapshotOf(io).approval?.unavailable).toMatch(/needs actions: read/);
    expect(io.warnings.join('\n')).toMatch(/reviews could not be read/);
  });

  it('approved-in: runs only when a reviewer approved that environment in this run', async () => {
    const { digest } = await plan('{"service": "api"}');
    const request = {
      params: '{"service": "api"}',
      target: 'web-1',
      'plan-digest': digest,
      'approved-in': 'Production',
    };
    const approved = nextRunId++;
    // GitHub compares environment names without case.
    gh.addRunReview(approved, { state: 'approved', login: 'alice', environments: ['production'], comment: '' });
    const io = await runAction(request, approved);
    expect(io.failures).toEqual([]);
    expect(io.outputs.status).toBe('succeeded');
  });

  it.each([
    // Attack: an environment without required reviewers (misspelt, new, its rule removed) lets the
    // job through without asking anyone: nobody reviewed, so nothing runs.
    ['nobody reviewed (an environment without required reviewers)', []],
    [
      'only another environment was approved',
      [{ state: 'approved', login: 'bob', environments: ['staging'], comment: '' }],
    ],
    [
      'a reviewer rejected it there, even if another approved',
      [
        { state: 'approved', login: 'alice', environments: ['production'], comment: '' },
        { state: 'rejected', login: 'carol', environments: ['production'], comment: 'no' },
      ],
    ],
  ] as const)('approved-in refuses before any step when %s (NOT_APPROVED, recorded)', async (_label, reviews) => {
    const { digest } = await plan('{"service": "api"}');
    const runId = nextRunId++;
    for (const review of reviews) gh.addRunReview(runId, { ...review, environments: [...review.environments] });
    const io = await runAction(
      { params: '{"service": "api"}', target: 'web-1', 'plan-digest': digest, 'approved-in': 'production' },
      runId,
    );
    expect(io.outputs.status).toBe('refused');
    expect(io.outputs['error-code']).toBe('NOT_APPROVED');
    expect(io.failures.join('\n')).toMatch(/refused \[NOT_APPROVED\]: .*'production'/);
    expect(io.log).not.toContain('restarting');
    const snapshot = snapshotOf(io);
    expect(snapshot.error?.code).toBe('NOT_APPROVED');
    expect(snapshot.steps).toEqual([]);
    expect(snapshot.approval?.reviews).toHaveLength(reviews.length);
  });

  it('approved-in refuses when the reviews cannot be read (fails closed), and says what to grant', async () => {
    const { digest } = await plan('{"service": "api"}');
    gh.failNext(/approvals$/, 1, 403);
    const io = await runAction({
      params: '{"service": "api"}',
      target: 'web-1',
      'plan-digest': digest,
      'approved-in': 'production',
    });
    expect(io.outputs['error-code']).toBe('NOT_APPROVED');
    expect(io.failures.join('\n')).toMatch(/reviews could not be read.*grant actions: read/);
    expect(io.log).not.toContain('restarting');
  });

  it('refuses a plan-digest input that is not a digest (exit 2) before anything runs', async () => {
    const io = await runAction({ params: '{"service": "api"}', 'plan-digest': 'approved' });
    expect(io.failures.join('\n')).toMatch(/input 'plan-digest': expected the plan job's plan digest/);
    expect(io.outputs['record-path']).toBeUndefined();
  });
});
