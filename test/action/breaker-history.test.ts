// The circuit breaker on GitHub: the Action's main step (in process) counts the records earlier
// runs published as this repository's artifacts, read back through the REST double (checked
// against GitHub's OpenAPI description) and downloaded with the real @actions/artifact client.
// Every run gets a fresh RUNNER_TEMP, as a GitHub-hosted runner does: the only history is the
// published one. One double serves the whole file: @actions/github reads GITHUB_API_URL once,
// when it is first loaded (as in a job, where the runner sets it before the step starts), so the
// tests keep apart by target.
import { readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// A type only: the module itself is loaded once GITHUB_API_URL is set (below).
import type { getOctokit as GetOctokitFn } from '@actions/github';
import type { MainDeps } from '../../src/action/deps.ts';
import { runMain } from '../../src/action/main-run.ts';
import { artifactName } from '../../src/action/record-publisher.ts';
import { OctokitGitHubApi } from '../../src/adapters/github-api.ts';
import { artifactDownloaderFor } from '../../src/adapters/run-artifacts.ts';
import { parseRecordArtifactName } from '../../src/app/published-records.ts';
import { parseVersionRef } from '../../src/core/version-ref.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github-rest/server.ts';
import { RunnerFiles } from '../helpers/action-runner.ts';
import { FakeActionIo } from '../helpers/fake-action-io.ts';
import type { TempRepo } from '../helpers/git-repo.ts';
import { cli, releaseInProcess } from '../helpers/in-process-cli.ts';
import { gitTestEnv } from '../helpers/git-repo.ts';

const MAIN_SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/main.ts');
const TOKEN = 'ghs_breaker_history_token_0123';

const DEFINITION = [
  'name: flappy',
  'description: a fix that does not hold',
  'inputs:',
  '  healthy: { type: boolean, default: false }',
  'circuit-breaker:',
  '  max-runs: 2',
  '  within: 1h',
  'check:',
  '  - { id: probe, run: \'if [ "$PARAM_HEALTHY" = true ]; then exit 0; fi; exit 1\' }',
  'steps:',
  '  - { id: fix, run: \'echo "fixed by run $GITHUB_RUN_ID"\' }',
  '',
].join('\n');

let repo: TempRepo;
let gh: GitHubDouble;
const runners: RunnerFiles[] = [];
let nextRunId = 7000;

type GetOctokit = typeof GetOctokitFn;
let getOctokit: GetOctokit;

beforeAll(async () => {
  repo = await releaseInProcess('flappy', DEFINITION);
  gh = await startGitHubDouble({ token: TOKEN, gitDir: repo.dir, repository: 'octo-org/repo' });
  // Before anything loads @actions/github: the artifact client's octokit takes its base from it.
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

interface ActionRun {
  readonly io: FakeActionIo;
  readonly snapshot: RunSnapshot;
  /** Whether the fix step ran (its line is in the job log). */
  readonly fixed: boolean;
}

/**
 * One workflow run of the Action (a new run id, a fresh runner) with `publish: artifact`; the
 * upload goes into the double's artifact store, as the real client's upload would.
 */
async function runAction(inputs: Record<string, string>, now = () => new Date()): Promise<ActionRun> {
  const runner = new RunnerFiles('repository_dispatch');
  runners.push(runner);
  const runId = nextRunId++;
  const io = new FakeActionIo({
    remediation: 'flappy@v1.0.0',
    'trusted-keys': 'k1.pub',
    manifest: 'remediations/manifest.json',
    publish: 'artifact',
    attest: 'false',
    'github-token': TOKEN,
    ...inputs,
  });
  const deps: MainDeps = {
    io,
    env: runner.env(repo.dir, {}, { GITHUB_RUN_ID: String(runId), GITHUB_REPOSITORY: gh.repository }),
    connectApi: (token, repository) => () =>
      Promise.resolve(new OctokitGitHubApi(getOctokit(token, { baseUrl: gh.url }), repository)),
    uploadArtifact: (name, files) => {
      const seeded = gh.addArtifact({
        runId,
        name,
        files: Object.fromEntries(files.map((f) => [basename(f), readFileSync(f)])),
        createdAt: now(),
      });
      return Promise.resolve({ id: seeded.id, size: 1, digest: seeded.digest });
    },
    downloadArtifact: artifactDownloaderFor,
    attest: () => Promise.reject(new Error('attest is false')),
    cancel: new AbortController().signal,
    toolPath: MAIN_SOURCE,
    now,
  };
  await runMain(deps);
  const recordDir = io.outputs['record-path']!;
  const snapshot = JSON.parse(readFileSync(join(recordDir, 'snapshot.json'), 'utf8')) as RunSnapshot;
  return { io, snapshot, fixed: io.log.includes(`fixed by run ${runId}`) };
}

const historyRequests = () =>
  gh.requests.filter((r) => r.path.startsWith(`/repos/${gh.repository}/actions/artifacts`)).length;

describe('the circuit breaker on GitHub (published records)', () => {
  it('refuses the third fix for a target inside the window with CIRCUIT_OPEN, while another target still runs', async () => {
    const healthy = await runAction({ target: 'web-1', params: '{"healthy": true}' });
    expect(healthy.snapshot.status).toBe('healthy');
    for (let i = 0; i < 2; i++) {
      const fix = await runAction({ target: 'web-1' });
      expect(fix.io.failures).toEqual([]);
      expect(fix.snapshot).toMatchObject({ status: 'succeeded', circuitBreaker: { counted: i } });
      expect(fix.fixed).toBe(true);
    }

    const before = historyRequests();
    const third = await runAction({ target: 'web-1' });
    expect(third.fixed).toBe(false);
    expect(third.snapshot).toMatchObject({
      status: 'refused',
      target: 'web-1',
      error: { code: 'CIRCUIT_OPEN' },
      circuitBreaker: { counted: 2, ignored: false },
    });
    expect(third.snapshot.steps).toEqual([]);
    expect(third.io.outputs).toMatchObject({ status: 'refused', 'error-code': 'CIRCUIT_OPEN' });
    expect(third.io.failures.join('\n')).toMatch(
      /refused \[CIRCUIT_OPEN\]: circuit breaker open: 2 run\(s\) for target 'web-1'/,
    );
    // The refusal names the newest counted run by its published artifact.
    expect(third.snapshot.error?.message).toMatch(
      /newest: v1\.0\.0 run \d+-1 at .* \(artifact remediation-flappy-v1\.0\.0-\d+-1\)/,
    );
    // Bounded: one page of the list and one download per record of this remediation (3 so far:
    // the healthy one is read too, and not counted), plus the redirect each download follows.
    expect(historyRequests() - before).toBe(1 + 3);

    const other = await runAction({ target: 'web-2' });
    expect(other.io.failures).toEqual([]);
    expect(other.fixed).toBe(true);
    expect(other.snapshot).toMatchObject({ status: 'succeeded', circuitBreaker: { counted: 0 } });

    // The explicit override runs, and says so in the record; `force` does not.
    const forced = await runAction({ target: 'web-1', force: 'true' });
    expect(forced.snapshot).toMatchObject({ status: 'refused', error: { code: 'CIRCUIT_OPEN' } });
    const ignored = await runAction({ target: 'web-1', 'ignore-circuit-breaker': 'true' });
    expect(ignored.io.failures).toEqual([]);
    expect(ignored.fixed).toBe(true);
    expect(ignored.snapshot).toMatchObject({ status: 'succeeded', circuitBreaker: { counted: 2, ignored: true } });
  }, 120_000);

  it('does not count runs older than the window, nor another remediation whose name extends this one', async () => {
    // Ten hours on (the earlier tests' records are outside every window from here).
    const base = Date.now() + 10 * 3_600_000;
    const twoHoursBefore = () => new Date(base - 2 * 3_600_000);
    await runAction({ target: 'web-1' }, twoHoursBefore);
    await runAction({ target: 'web-1' }, twoHoursBefore);
    // A look-alike artifact of another remediation (`flappy-v2`) inside the window: never downloaded.
    gh.addArtifact({
      runId: 1,
      name: 'remediation-flappy-v2-v1.0.0-1-1-web-1',
      files: { 'snapshot.json': '{}' },
      createdAt: new Date(base),
    });
    const downloads = () => gh.requests.filter((r) => /\/actions\/artifacts\/\d+\/zip$/.test(r.path)).length;
    const before = downloads();
    const now = await runAction({ target: 'web-1' }, () => new Date(base));
    expect(now.io.failures).toEqual([]);
    expect(now.snapshot).toMatchObject({ status: 'succeeded', circuitBreaker: { counted: 0 } });
    expect(downloads() - before).toBe(0);
  }, 120_000);

  it('refuses a second delivery of the same alert on a fresh runner: DUPLICATE_ALERT over the published records', async () => {
    // Thirty hours on: the records above are outside every window from here.
    const base = Date.now() + 30 * 3_600_000;
    const at = () => new Date(base);
    const first = await runAction({ target: 'db-1', 'idempotency-key': 'am-fp1@2026-12-02T10:00:00Z' }, at);
    expect(first.io.failures).toEqual([]);
    expect(first.fixed).toBe(true);
    const again = await runAction({ target: 'db-1', 'idempotency-key': 'am-fp1@2026-12-02T10:00:00Z' }, at);
    expect(again.fixed).toBe(false);
    expect(again.snapshot).toMatchObject({
      status: 'refused',
      idempotencyKey: 'am-fp1@2026-12-02T10:00:00Z',
      error: { code: 'DUPLICATE_ALERT' },
      steps: [],
    });
    expect(again.io.outputs['error-code']).toBe('DUPLICATE_ALERT');
    // Another firing of the alert (a new startsAt) is a new key, and runs.
    const next = await runAction({ target: 'db-1', 'idempotency-key': 'am-fp1@2026-12-02T18:00:00Z' }, at);
    expect(next.io.failures).toEqual([]);
    expect(next.fixed).toBe(true);
  }, 120_000);

  it('fails closed when the history cannot be read: HISTORY_UNAVAILABLE, nothing runs', async () => {
    // A token without `actions: read` gets 403 on the list.
    gh.failNext(/^GET \/repos\/octo-org\/repo\/actions\/artifacts$/, 1, 403);
    const run = await runAction({ target: 'web-1' });
    expect(run.fixed).toBe(false);
    expect(run.snapshot).toMatchObject({ status: 'refused', error: { code: 'HISTORY_UNAVAILABLE' } });
    expect(run.io.outputs['error-code']).toBe('HISTORY_UNAVAILABLE');
    expect(run.snapshot.error?.message).toMatch(/cannot read the run history/);
  }, 60_000);

  it('does not count a published record whose zip does not match the digest GitHub lists', async () => {
    const base = Date.now() + 20 * 3_600_000;
    const at = () => new Date(base);
    await runAction({ target: 'web-1' }, at);
    await runAction({ target: 'web-1' }, at);
    gh.tamperNextResponse('actions/list-artifacts-for-repo', (body) => {
      const list = body as { artifacts: { digest: string }[] };
      for (const a of list.artifacts) a.digest = `sha256:${'0'.repeat(64)}`;
      return list;
    });
    const run = await runAction({ target: 'web-1' }, at);
    // Both records are skipped (named in the log), so the count is 0: whoever can swap an
    // artifact's bytes can as well delete it; the breaker cannot rely on either.
    expect(run.snapshot).toMatchObject({ status: 'succeeded', circuitBreaker: { counted: 0 } });
    expect(run.io.log + run.io.infos.join('\n')).toMatch(/skipped artifact remediation-flappy-.*does not match/);
  }, 120_000);
});

describe('runs list --repo (the same published records, from a laptop)', () => {
  const list = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    cli(repo.dir, ['runs', 'list', '--repo', gh.repository, ...args], {
      env: { ...gitTestEnv(), GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url, ...env },
    });

  it('lists the newest published records with their recorded status, target and digest, bounded by --limit', async () => {
    // One of them expired: listed as expired (from its name), never downloaded.
    gh.addArtifact({
      runId: 99,
      name: 'remediation-flappy-v1.0.0-99-1',
      files: { 'snapshot.json': '{}' },
      expired: true,
      // Long before any breaker window here: an expired record inside a window refuses the run.
      createdAt: new Date(Date.now() - 100 * 86_400_000),
    });
    const before = gh.requests.length;
    const { code, context } = await list(['--json', '--limit', '5']);
    expect(context.errLines).toEqual([]);
    expect(code).toBe(0);
    const rows = JSON.parse(context.outLines.join('\n')) as {
      name: string;
      status: string;
      target: string | null;
      snapshotDigest: string | null;
      location: string;
    }[];
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.status === 'expired')).toMatchObject([
      {
        name: 'flappy',
        snapshotDigest: null,
        location: expect.stringMatching(/remediation-flappy-v1\.0\.0-99-1 .*expired/),
      },
    ]);
    const read = rows.filter((r) => r.status !== 'expired');
    expect(read.length).toBe(4);
    for (const row of read) {
      expect(row.name).toBe('flappy');
      expect(row.snapshotDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    // Bounded: one page of the list, and one download (plus its redirect) per live record.
    const calls = gh.requests.slice(before).map((r) => r.path);
    expect(
      calls.filter(
        (p) =>
          p.startsWith(`/repos/${gh.repository}/actions/artifacts?`) ||
          p === `/repos/${gh.repository}/actions/artifacts`,
      ),
    ).toHaveLength(1);
    expect(calls.filter((p) => /\/actions\/artifacts\/\d+\/zip$/.test(p))).toHaveLength(4);

    // The refusals are there too, with their target.
    const refused = await list(['--json', '--status', 'refused', '--limit', '100']);
    const refusedRows = JSON.parse(refused.context.outLines.join('\n')) as { status: string; target: string }[];
    expect(refusedRows.length).toBeGreaterThan(0);
    expect(refusedRows.every((r) => r.status === 'refused')).toBe(true);
  }, 60_000);

  it('says what to do without a token, and refuses --out with --repo', async () => {
    const none = await list([], { GITHUB_TOKEN: '' });
    expect(none.code).toBe(2);
    expect(none.context.errLines.join('\n')).toMatch(/set GITHUB_TOKEN/);
    const both = await list(['--out', 'runs']);
    expect(both.code).toBe(2);
    const bad = await cli(repo.dir, ['runs', 'list', '--repo', '../x']);
    expect(bad.code).toBe(2);
    expect(bad.context.errLines.join('\n')).toMatch(/--repo: expected OWNER\/REPO/);
  });
});

describe('runs show|verify <run id> --repo (a published record, fetched)', () => {
  const run = (args: string[]) =>
    cli(repo.dir, ['runs', ...args], { env: { ...gitTestEnv(), GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url } });

  it('fetches the one record a run published, checks its zip digest, and verifies it against a pinned digest', async () => {
    const published = await runAction({ target: 'fetch-1' });
    const runId = published.snapshot.runId.split('-')[0]!;
    const digest = published.io.outputs['snapshot-digest']!;
    const verified = await run(['verify', runId, '--repo', gh.repository, '--snapshot-digest', digest]);
    expect(verified.context.errLines.join('\n')).toContain(`fetched artifact remediation-flappy-v1.0.0-${runId}-1`);
    expect(verified.code).toBe(0);
    expect(verified.context.outLines[0]).toMatch(/^intact: status succeeded/);
    // Pinned to another digest: refused, as for a local folder.
    const wrong = await run([
      'verify',
      runId,
      '--repo',
      gh.repository,
      '--snapshot-digest',
      `sha256:${'1'.repeat(64)}`,
    ]);
    expect(wrong.code).toBe(3);
    const shown = await run(['show', `${runId}-1`, '--repo', gh.repository]);
    expect(shown.code).toBe(0);
    expect(shown.context.outLines.join('\n')).toContain('flappy@v1.0.0');

    // A swapped zip (the listed digest no longer matches): refused, never shown.
    gh.tamperNextResponse('actions/list-workflow-run-artifacts', (body) => {
      const list = body as { artifacts: { digest: string }[] };
      for (const a of list.artifacts) a.digest = `sha256:${'0'.repeat(64)}`;
      return list;
    });
    const swapped = await run(['show', runId, '--repo', gh.repository]);
    expect(swapped.code).toBe(3);
    expect(swapped.context.errLines.join('\n')).toMatch(/DIGEST_MISMATCH/);
  }, 60_000);

  it('says what is missing: --repo, a record, a token', async () => {
    const noRepo = await run(['verify', '123']);
    expect(noRepo.code).toBe(2);
    expect(noRepo.context.errLines.join('\n')).toMatch(/add --repo OWNER\/REPO/);
    const none = await run(['show', '99999', '--repo', gh.repository]);
    expect(none.code).toBe(2);
    expect(none.context.errLines.join('\n')).toMatch(/has no record artifact/);
    const noToken = await cli(repo.dir, ['runs', 'show', '1', '--repo', gh.repository], {
      env: { ...gitTestEnv(), GITHUB_API_URL: gh.url },
    });
    expect(noToken.code).toBe(2);
    expect(noToken.context.errLines.join('\n')).toMatch(/set GITHUB_TOKEN/);
  });
});

describe('record artifact names', () => {
  it('parses every name the Action writes back to its remediation, version, run and attempt', () => {
    for (const [ref, suffix] of [
      ['flappy@v1.0.0', ''],
      ['a-b@v2.10.3', 'web-1'],
      ['a@v1.0.0-rc.1', '0-db_3a5432'],
      ['x-v1@v1.2.3+build.5', ''],
    ] as const) {
      const parsed = parseVersionRef(ref);
      const name = artifactName(parsed, '123456789', '2', suffix);
      expect(parseRecordArtifactName(name)).toEqual({
        name: parsed.name,
        version: parsed.version,
        runId: 123456789,
        attempt: 2,
        ...(suffix ? { suffix } : {}),
      });
    }
    expect(parseRecordArtifactName('remediation-flappy-v1.0.0-../../x-1')).toBeUndefined();
    expect(parseRecordArtifactName('coverage-report')).toBeUndefined();
  });
});

// Last in the file: the artifacts seeded here stay in the one double the file shares.
describe('the history over many pages of artifacts (bounded; rate limits waited for)', () => {
  /** The `page` of each request for the repository's artifact list, in order. */
  const listPages = () =>
    gh.requests
      .filter((r) => r.method === 'GET' && r.path.startsWith(`/repos/${gh.repository}/actions/artifacts?`))
      .map((r) => Number(new URL(r.path, gh.url).searchParams.get('page')));
  /** Artifacts of other workflows (build logs), each created at `at`: none is a record. */
  const seedOthers = (count: number, at: Date, from: number) => {
    for (let i = 0; i < count; i++) {
      gh.addArtifact({ runId: from + i, name: `build-logs-${from + i}`, files: { 'log.txt': 'x' }, createdAt: at });
    }
  };

  it('reads past the first page: records behind 250 newer artifacts still count (CIRCUIT_OPEN after 3 pages)', async () => {
    const base = Date.now() + 100 * 3_600_000;
    const at = () => new Date(base);
    expect((await runAction({ target: 'paged' }, at)).fixed).toBe(true);
    expect((await runAction({ target: 'paged' }, at)).fixed).toBe(true);
    seedOthers(250, new Date(base + 1000), 900_000);
    const before = listPages().length;
    const third = await runAction({ target: 'paged' }, () => new Date(base + 2000));
    expect(third.fixed).toBe(false);
    expect(third.snapshot).toMatchObject({
      status: 'refused',
      error: { code: 'CIRCUIT_OPEN' },
      circuitBreaker: { counted: 2 },
    });
    // 252 artifacts in the window: pages of 100, newest first, until a short page.
    expect(listPages().slice(before)).toEqual([1, 2, 3]);
  }, 180_000);

  it('waits out a rate limit on the artifact list (retry-after), then counts as usual', async () => {
    const base = Date.now() + 100 * 3_600_000;
    gh.failNext(/^GET \/repos\/octo-org\/repo\/actions\/artifacts$/, 1, 429, { headers: { 'retry-after': '1' } });
    const before = gh.requests.length;
    const run = await runAction({ target: 'paged' }, () => new Date(base + 3000));
    expect(run.snapshot).toMatchObject({ status: 'refused', error: { code: 'CIRCUIT_OPEN' } });
    const limited = gh.requests.slice(before).filter((r) => r.fault === 'fail');
    expect(limited.map((r) => r.status)).toEqual([429]);
  }, 180_000);

  it('refuses (HISTORY_UNAVAILABLE) rather than count from part of a window it could not read in 10 pages', async () => {
    const base = Date.now() + 100 * 3_600_000;
    // More than 1,000 artifacts in the window: the bound stops the reading before the records.
    seedOthers(1_000, new Date(base + 4000), 800_000);
    const before = listPages().length;
    const run = await runAction({ target: 'paged' }, () => new Date(base + 5000));
    expect(run.fixed).toBe(false);
    expect(run.snapshot).toMatchObject({ status: 'refused', error: { code: 'HISTORY_UNAVAILABLE' }, steps: [] });
    expect(run.snapshot.error?.message).toMatch(/stopped after 10 page\(s\) of artifacts/);
    expect(listPages().slice(before)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  }, 180_000);
});
