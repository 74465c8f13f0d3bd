// Attacks on the guards' run history and on `runs list`, found by an adversarial review: a forged
// record artifact hiding a real run, an expired record reopening the breaker, and hostile record
// bytes reaching the job log or the terminal. Each test failed before its fix.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRunGuards } from '../../src/app/run-guards.ts';
import { combinedRunHistory, localRunHistory } from '../../src/app/run-history.ts';
import { publishedRunHistory, type PublishedRecordStore } from '../../src/app/published-records.ts';
import type { RepositoryArtifact } from '../../src/adapters/github-api.ts';
import type { TempRepo } from '../helpers/git-repo.ts';
import { cli, releaseInProcess } from '../helpers/in-process-cli.ts';

const DEFINITION = [
  'name: svc',
  'description: a fix',
  'circuit-breaker:',
  '  max-runs: 1',
  '  within: 1h',
  'check:',
  "  - { id: probe, run: 'exit 1' }",
  'steps:',
  "  - { id: fix, run: 'true' }",
  '',
].join('\n');

let repo: TempRepo;
/** A real, schema-valid snapshot of a run of svc on web-1 whose fix stage started. */
let real: Record<string, unknown>;

beforeAll(async () => {
  repo = await releaseInProcess('svc', DEFINITION);
  const { code, context } = await cli(repo.dir, [
    'run',
    'svc@v1.0.0',
    '--trusted-key',
    'k1.pub',
    '--out',
    'runs',
    '--target',
    'web-1',
  ]);
  expect(code, context.errLines.join('\n')).toBe(0);
  const dir = join(repo.path('runs'), readdirOne(repo.path('runs')));
  real = JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')) as Record<string, unknown>;
}, 60_000);
afterAll(() => repo.remove());

function readdirOne(dir: string): string {
  return readdirSync(dir)[0]!;
}

function artifact(
  id: number,
  name: string,
  createdAt: string,
  extra: Partial<RepositoryArtifact> = {},
): RepositoryArtifact {
  return { id, name, sizeInBytes: 1, createdAt, expired: false, digest: 'sha256:00', runId: id, ...extra };
}

/** A store double: lists `artifacts` (newest first) and "downloads" `files[id]` as snapshot.json. */
function store(artifacts: RepositoryArtifact[], files: Record<number, string>): PublishedRecordStore {
  return {
    listArtifactsPage: (page) =>
      Promise.resolve({ totalCount: artifacts.length, artifacts: page === 1 ? artifacts : [] }),
    download: (a, dir) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'snapshot.json'), files[a.id]!);
      return Promise.resolve(true);
    },
  };
}

describe('the run history under attack', () => {
  it('a forged artifact whose snapshot reuses a real run id does not hide that run from the breaker', async () => {
    const now = new Date(Date.parse(real['started'] as string) + 60_000);
    // The real run: published by GitHub run 123 attempt 1, its fix stage started.
    const genuine = { ...real, runId: '123-1' };
    // Uploaded later by anyone who can upload an artifact in the repository (a fork PR's
    // workflow, any workflow): named like a record, its snapshot claims runId 123-1 but another
    // target (a copy of any record, one field changed: it validates).
    const forged = { ...real, runId: '123-1', target: 'elsewhere' };
    const history = combinedRunHistory([
      localRunHistory(repo.path('empty-out')),
      publishedRunHistory(
        store(
          [
            artifact(2, 'remediation-svc-v1.0.0-999-1', new Date(now.getTime() - 1000).toISOString(), { runId: 999 }),
            artifact(1, 'remediation-svc-v1.0.0-123-1', new Date(now.getTime() - 30_000).toISOString(), { runId: 123 }),
          ],
          { 1: JSON.stringify(genuine), 2: JSON.stringify(forged) },
        ),
        repo.path('scratch'),
      ),
    ]);
    const verdict = await checkRunGuards(
      {
        name: 'svc',
        breaker: { 'max-runs': 1, within: '1h', per: 'target' },
        target: 'web-1',
        idempotencyKey: undefined,
        ignoreCircuitBreaker: false,
      },
      history,
      () => undefined,
      now,
    );
    // The genuine run started its fix stage a minute ago: max-runs 1 must refuse.
    expect(verdict.refusal?.code).toBe('CIRCUIT_OPEN');
  });

  it('a record artifact that expired inside the window refuses the run (HISTORY_UNAVAILABLE): what it did is unknown', async () => {
    const now = new Date(Date.parse(real['started'] as string) + 60_000);
    const history = publishedRunHistory(
      store(
        // retention-days shorter than the breaker window (or expired early): GitHub still lists it.
        [
          artifact(1, 'remediation-svc-v1.0.0-123-1', new Date(now.getTime() - 30_000).toISOString(), {
            expired: true,
          }),
        ],
        {},
      ),
      repo.path('scratch2'),
    );
    const verdict = await checkRunGuards(
      {
        name: 'svc',
        breaker: { 'max-runs': 1, within: '1h', per: 'target' },
        target: 'web-1',
        idempotencyKey: undefined,
        ignoreCircuitBreaker: false,
      },
      history,
      () => undefined,
      now,
    );
    // What that run did is unknown: the breaker cannot show it is closed, so it must not run.
    expect(verdict.refusal?.code).toBe('HISTORY_UNAVAILABLE');
    expect(verdict.refusal?.message).toMatch(/expired inside the window/);
  });

  it('a hostile record artifact cannot put a workflow command or an escape into the job log through the "skipped" line', async () => {
    const now = new Date(Date.parse(real['started'] as string) + 60_000);
    const lines: string[] = [];
    const history = publishedRunHistory(
      store(
        [artifact(7, 'remediation-svc-v1.0.0-5-1', new Date(now.getTime() - 1000).toISOString())],
        // snapshot.json is a JSON string: the schema problem quotes it raw.
        { 7: JSON.stringify('\n::add-mask::web-1\n::error::pwned\u001b[2J') },
      ),
      repo.path('scratch3'),
    );
    await checkRunGuards(
      {
        name: 'svc',
        breaker: { 'max-runs': 5, within: '1h', per: 'target' },
        target: 'web-1',
        idempotencyKey: undefined,
        ignoreCircuitBreaker: false,
      },
      history,
      (line) => lines.push(line),
      now,
    );
    // The Action prints these lines with core.info: a line break followed by `::` is a command.
    const log = lines.join('\n');
    expect(log).not.toContain('\n::');
    expect(log).not.toContain('\u001b');
    expect(log).toContain('skipped');
  });

  it("runs list prints a hostile record's problem as one escaped line on stderr", async () => {
    const out = repo.path('hostile-out');
    mkdirSync(join(out, 'svc-v1.0.0-x'), { recursive: true });
    writeFileSync(join(out, 'svc-v1.0.0-x', 'snapshot.json'), JSON.stringify('\u001b]0;owned\u0007\n::error::pwned'));
    const { context } = await cli(repo.dir, ['runs', 'list', '--out', out]);
    const err = context.errLines.join('\n');
    expect(err).toContain('skipped');
    for (const bad of ['\u001b', '\u0007', '\n::']) expect(err).not.toContain(bad);
  });
});
