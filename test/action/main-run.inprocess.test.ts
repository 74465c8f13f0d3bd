// The Action's main step in process: runMain with a fake ActionIo that keeps inputs, outputs,
// failures, state, the summary and the raw job log, against a temp repository with a released
// version (publish: none, the manifest from the workspace: no REST API, no artifact service).
// test/action/main-entry.test.ts runs the built dist/main/index.js as the runner would; this
// checks the same contract without a build or a child Node process.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { MainDeps } from '../../src/action/deps.ts';
import type { GitHubApi } from '../../src/adapters/github-api.ts';
import { runMain } from '../../src/action/main-run.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';
import { RunnerFiles } from '../helpers/action-runner.ts';
import { FakeActionIo } from '../helpers/fake-action-io.ts';
import type { TempRepo } from '../helpers/git-repo.ts';
import { cli, releaseInProcess } from '../helpers/in-process-cli.ts';

/** The source of the Action's main entry: its digest goes into the record as the tool's. */
const MAIN_SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/main.ts');

const DEFINITION = [
  'name: svc',
  'description: greets, and tries to act on the job',
  'inputs:',
  '  who: { type: string, default: world }',
  'secrets: [API_TOKEN]',
  'outputs:',
  '  greeting: { step: greet, key: said }',
  'steps:',
  '  - id: greet',
  '    run: |',
  '      echo "hello $PARAM_WHO"',
  '      echo "::set-output name=hacked::yes"',
  '      echo "said=hi $PARAM_WHO" >> "$REMEDIATION_OUTPUT"',
  '',
].join('\n');

const repos: TempRepo[] = [];
const runners: RunnerFiles[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
  for (const runner of runners.splice(0)) rmSync(runner.dir, { recursive: true, force: true });
});

interface MainRun {
  readonly io: FakeActionIo;
  readonly runner: RunnerFiles;
  readonly repo: TempRepo;
  /**
   * REST calls other than the one listing of manifest tags (the published serial a workspace
   * manifest must not be below), and the artifact uploads: none, with these inputs.
   */
  readonly apiCalls: number;
  /** Listings of the `manifest/s<serial>` tags. */
  readonly manifestListings: number;
  readonly uploads: number;
}

/** Releases `definition` in a temp repository and runs the Action's main step on it in process. */
async function runAction(
  inputs: Record<string, string> = {},
  options: {
    definition?: string;
    env?: NodeJS.ProcessEnv;
    prepare?: (repo: TempRepo) => Promise<void>;
    /** The event payload, instead of test/fixtures/events/repository_dispatch.json. */
    event?: unknown;
    /** The runner's files: another run in the same runner (its RUNNER_TEMP keeps the records). */
    runner?: RunnerFiles;
    /**
     * A REST API that lists no published records (the guards' history on GitHub is empty), for
     * runs with an idempotency key; without it, the API is never asked for.
     */
    noPublishedRecords?: boolean;
  } = {},
): Promise<MainRun> {
  const repo = await releaseInProcess('svc', options.definition ?? DEFINITION);
  repos.push(repo);
  await options.prepare?.(repo);
  const runner = options.runner ?? new RunnerFiles('repository_dispatch', options.event);
  if (options.runner === undefined) runners.push(runner);
  const io = new FakeActionIo({
    remediation: 'svc@v1.0.0',
    'trusted-keys': 'k1.pub',
    manifest: 'remediations/manifest.json',
    publish: 'none',
    'github-token': 'ghs_test_token_0123456789',
    ...inputs,
  });
  let apiCalls = 0;
  let manifestListings = 0;
  let uploads = 0;
  const deps: MainDeps = {
    io,
    // The runner's environment for the step: GITHUB_*, RUNNER_TEMP, the event file; no INPUT_*,
    // since inputs come through the fake io.
    env: { ...runner.env(repo.dir, {}), API_TOKEN: 'tok-9f8e7d6c5b', ...options.env },
    connectApi: () => () =>
      Promise.resolve({
        // No manifest is published under a manifest/s<serial> tag: the workspace manifest decides.
        listMatchingRefs: (prefix: string) => {
          expect(prefix).toBe('tags/manifest/s');
          manifestListings++;
          return Promise.resolve([]);
        },
        listArtifactsPage: () => {
          apiCalls++;
          return options.noPublishedRecords
            ? Promise.resolve({ totalCount: 0, artifacts: [] })
            : Promise.reject(new Error('this test has no published records'));
        },
      } as unknown as GitHubApi),
    uploadArtifact: () => {
      uploads++;
      return Promise.reject(new Error('this test has no artifact service'));
    },
    downloadArtifact: () => () => Promise.reject(new Error('this test has no artifact service')),
    attest: () => Promise.reject(new Error('this test has no Sigstore')),
    cancel: new AbortController().signal,
    toolPath: MAIN_SOURCE,
    now: () => new Date(),
  };
  await runMain(deps);
  return { io, runner, repo, apiCalls, manifestListings, uploads };
}

function snapshotAt(recordDir: string): RunSnapshot {
  return JSON.parse(readFileSync(join(recordDir, 'snapshot.json'), 'utf8')) as RunSnapshot;
}

describe('the main step in process', () => {
  it('verifies, runs and records: outputs status, digest and record-path, nothing failed', async () => {
    const { io, runner, apiCalls, manifestListings, uploads } = await runAction({
      params: JSON.stringify({ who: 'octo' }),
    });
    expect(io.failures).toEqual([]);
    expect(io.outputs).toMatchObject({
      status: 'succeeded',
      'manifest-serial': '1',
      greeting: 'hi octo',
      'artifact-id': '',
      'release-url': '',
    });
    expect(io.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(io.outputs['snapshot-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    // A step's output goes nowhere but the declared outputs, whatever it prints.
    expect(io.outputs).not.toHaveProperty('hacked');

    const recordDir = io.outputs['record-path']!;
    expect(recordDir.startsWith(join(runner.temp, 'remediate-runs'))).toBe(true);
    const snapshot = snapshotAt(recordDir);
    expect(snapshot).toMatchObject({ status: 'succeeded', runId: '4242-1', outputs: { greeting: 'hi octo' } });
    expect(snapshot.remediation.digest).toBe(io.outputs.digest);
    expect(snapshot.trigger).toMatchObject({ kind: 'github', event: 'repository_dispatch', runId: '4242' });

    // The post step finds the record and knows it was published.
    expect(io.state).toMatchObject({ 'record-dir': recordDir, published: 'true', remediation: 'svc@v1.0.0' });
    expect(io.summaries.join('\n')).toContain('svc@v1.0.0: succeeded');
    // The declared secret is masked before anything prints.
    expect(io.secrets).toContain('tok-9f8e7d6c5b');
    // The REST API was asked one thing, the highest published manifest serial (none here); the
    // artifact service nothing; and nothing went around the io to the runner's files.
    expect(manifestListings).toBe(1);
    expect(snapshot.manifest).not.toHaveProperty('publishedSerial');
    expect(apiCalls).toBe(0);
    expect(uploads).toBe(0);
    expect(runner.outputs()).toEqual({});
    expect(runner.savedState()).toEqual({});
  });

  it('records the target input in the snapshot', async () => {
    const { io } = await runAction({ target: 'web-1' });
    expect(io.failures).toEqual([]);
    expect(snapshotAt(io.outputs['record-path']!)).toMatchObject({ status: 'succeeded', target: 'web-1' });
  });

  it('derives the idempotency key from the repository_dispatch alert and records it', async () => {
    const fixture = JSON.parse(
      readFileSync(
        resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/events/repository_dispatch.json'),
        'utf8',
      ),
    ) as { client_payload: Record<string, unknown> };
    const alert = { source: 'pagerduty', id: 'Q1ABCDEF', url: 'https://example.pagerduty.com/incidents/Q1ABCDEF' };
    const { io } = await runAction(
      {},
      { event: { ...fixture, client_payload: { ...fixture.client_payload, alert } }, noPublishedRecords: true },
    );
    expect(io.failures).toEqual([]);
    expect(snapshotAt(io.outputs['record-path']!)).toMatchObject({ status: 'succeeded', idempotencyKey: 'Q1ABCDEF' });
    // The input overrides the derived key.
    const { io: explicit } = await runAction({ 'idempotency-key': 'manual-1' }, { noPublishedRecords: true });
    expect(snapshotAt(explicit.outputs['record-path']!)).toMatchObject({ idempotencyKey: 'manual-1' });
  });

  it('refuses a second run with the key on the same runner: refused [DUPLICATE_ALERT], recorded', async () => {
    const first = await runAction({ 'idempotency-key': 'PD-1' }, { noPublishedRecords: true });
    expect(first.io.failures).toEqual([]);
    const again = await runAction(
      { 'idempotency-key': 'PD-1', 'record-suffix': 'again' },
      { runner: first.runner, noPublishedRecords: true },
    );
    expect(again.io.failures).toHaveLength(1);
    expect(again.io.failures[0]).toMatch(/^refused \[DUPLICATE_ALERT\]: .*run 4242-1 /);
    expect(again.io.outputs.status).toBe('refused');
    expect(snapshotAt(again.io.outputs['record-path']!)).toMatchObject({
      status: 'refused',
      error: { code: 'DUPLICATE_ALERT' },
      idempotencyKey: 'PD-1',
      steps: [],
    });
    expect(again.io.log).not.toContain('hello');
  });

  it('fails with error [INVALID_PARAMS] before anything runs when the alert id is not a string', async () => {
    const { io, runner } = await runAction(
      {},
      { event: { action: 'remediate', client_payload: { alert: { id: 7 } } } },
    );
    expect(io.failures).toHaveLength(1);
    expect(io.failures[0]).toMatch(
      /^error \[INVALID_PARAMS\]: repository_dispatch payload: alert\.id must be a string/,
    );
    expect(existsSync(join(runner.temp, 'remediate-runs'))).toBe(false);
  });

  it('fences the live step output so the runner ignores workflow commands in it', async () => {
    const { io } = await runAction();
    const fence = /::stop-commands::([0-9a-f]{32})\n/.exec(io.log);
    expect(fence).not.toBeNull();
    const opened = io.log.indexOf(fence![0]);
    const command = io.log.indexOf('::set-output name=hacked::yes');
    const closed = io.log.indexOf(`::${fence![1]}::`);
    expect(opened).toBeLessThan(command);
    expect(command).toBeLessThan(closed);
  });

  it('fails with refused [UNTRUSTED_KEY] and still records the refusal when the key is not trusted', async () => {
    const { io } = await runAction(
      { 'trusted-keys': 'other.pub' },
      {
        prepare: async (repo) => {
          expect((await cli(repo.dir, ['keygen', '--out', 'other'])).code).toBe(0);
        },
      },
    );
    expect(io.failures).toHaveLength(1);
    expect(io.failures[0]).toMatch(/^refused \[UNTRUSTED_KEY\]: /);
    expect(io.outputs.status).toBe('refused');
    const snapshot = snapshotAt(io.outputs['record-path']!);
    expect(snapshot).toMatchObject({ status: 'refused', error: { code: 'UNTRUSTED_KEY' }, steps: [] });
    expect(io.log).not.toContain('hello');
  });

  it('sets status planned on a dry run, runs nothing and writes no record', async () => {
    const { io, runner } = await runAction({ 'dry-run': 'true' });
    expect(io.failures).toEqual([]);
    expect(io.outputs).toMatchObject({ status: 'planned', 'manifest-serial': '1' });
    expect(io.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(io.outputs).not.toHaveProperty('record-path');
    expect(io.state).not.toHaveProperty('record-dir');
    expect(existsSync(join(runner.temp, 'remediate-runs'))).toBe(false);
    expect(io.summaries.join('\n')).toContain('dry run');
  });

  it('fails the step with the run status and error code when a step fails', async () => {
    const { io } = await runAction(
      {},
      { definition: 'name: svc\ndescription: fails\nsteps:\n  - { id: broken, run: "exit 9" }\n' },
    );
    expect(io.outputs.status).toBe('failed');
    expect(io.failures).toHaveLength(1);
    expect(io.failures[0]).toMatch(/^svc@v1\.0\.0: failed \(STEP_FAILED: /);
  });

  it('does not let a declared output overwrite one of the Action’s own outputs, and says so', async () => {
    const { io } = await runAction(
      {},
      {
        definition: [
          'name: svc',
          'description: declares an output named status',
          'outputs:',
          '  status: { step: fix, key: s }',
          'steps:',
          '  - { id: fix, run: \'echo "s=all good" >> "$REMEDIATION_OUTPUT"\' }',
          '',
        ].join('\n'),
      },
    );
    expect(io.outputs.status).toBe('succeeded');
    expect(io.warnings.some((w) => w.includes("'status'"))).toBe(true);
  });

  it('check-only: runs only the check, outputs status unhealthy without failing the step', async () => {
    const marks = 'marks.txt';
    const { io, repo } = await runAction(
      { 'check-only': 'true', target: 'web-1' },
      {
        definition: [
          'name: svc',
          'description: drifted',
          'check:',
          `  - { id: probe, run: 'echo check >> "$GITHUB_WORKSPACE/${marks}"; exit 1' }`,
          'steps:',
          `  - { id: fix, run: 'echo fix >> "$GITHUB_WORKSPACE/${marks}"' }`,
          '',
        ].join('\n'),
      },
    );
    expect(io.failures).toEqual([]);
    expect(io.outputs.status).toBe('unhealthy');
    expect(readFileSync(repo.path(marks), 'utf8')).toBe('check\n');
    expect(snapshotAt(io.outputs['record-path']!)).toMatchObject({
      status: 'unhealthy',
      checkOnly: true,
      check: 'drift',
      target: 'web-1',
    });
    expect(io.summaries.join('')).toMatch(/\| Check \| drift \(check only: nothing was changed\) \|/);
  });

  it('refuses check-only with force, before anything runs', async () => {
    const { io } = await runAction({ 'check-only': 'true', force: 'true' });
    expect(io.failures).toHaveLength(1);
    expect(io.failures[0]).toMatch(/^error \[USAGE\]: check-only and force cannot be combined/);
    // No record, so no other output; the code still reaches a caller that escalates on it.
    expect(io.outputs).toEqual({ 'error-code': 'USAGE' });
  });

  it('fails with error [USAGE] naming the input when an input is invalid, before anything runs', async () => {
    const { io } = await runAction({ publish: 'sometimes' });
    expect(io.failures).toHaveLength(1);
    expect(io.failures[0]).toMatch(/^error \[USAGE\]: input 'publish'/);
    expect(io.outputs).toEqual({ 'error-code': 'USAGE' });
  });
});
