// `remediate runs list|show|verify` over record folders written by real runs (in process, with
// the real git, keys and steps; one check through the CLI child process). The listing's pure
// core is tested in test/app/run-list.test.ts.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRow } from '../../src/app/run-list.ts';
import type { TempRepo } from '../helpers/git-repo.ts';
import { gitTestEnv, runCli } from '../helpers/git-repo.ts';
import { cli, releaseInProcess, type ContextOptions } from '../helpers/in-process-cli.ts';

const DEFINITION = (name: string) =>
  [
    `name: ${name}`,
    'description: a service that may need a restart',
    'inputs:',
    '  mode: { type: string, required: true }',
    'check:',
    '  - { id: probe, run: \'test "$PARAM_MODE" = healthy\' }',
    'steps:',
    '  - { id: fix, run: \'test "$PARAM_MODE" = fixable\' }',
    '',
  ].join('\n');

let repo: TempRepo;
/** Record folders by what their run did. */
const records: Record<'healthy' | 'fixed' | 'failed' | 'other' | 'old', string> = {
  healthy: '',
  fixed: '',
  failed: '',
  other: '',
  old: '',
};

/** The XDG_STATE_HOME of this file's runs and listings without --out. */
let stateHome: string;
const stateEnv = (): NodeJS.ProcessEnv => ({ ...gitTestEnv(), XDG_STATE_HOME: stateHome });

/** Runs `<name>@v1.0.0` with `args`; returns the record folder it added under `out` (undefined: the default). */
async function run(name: string, out: string | undefined, args: string[]): Promise<string> {
  const folder = out === undefined ? join(stateHome, 'remediate', 'runs') : repo.path(out);
  const before = new Set(safeList(folder));
  const { code, context } = await cli(
    repo.dir,
    ['run', `${name}@v1.0.0`, '--trusted-key', 'k1.pub', ...(out === undefined ? [] : ['--out', out]), ...args],
    { env: stateEnv() },
  );
  expect([0, 1], context.errLines.join('\n')).toContain(code);
  const added = safeList(folder).filter((dir) => !before.has(dir));
  expect(added).toHaveLength(1);
  return join(folder, added[0]!);
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

beforeAll(async () => {
  stateHome = mkdtempSync(join(tmpdir(), 'runs-state-'));
  repo = await releaseInProcess('svc', DEFINITION('svc'));
  repo.write('remediations/other/remediation.yml', DEFINITION('other'));
  repo.commit('add other');
  const released = await cli(repo.dir, ['release', 'other', 'v1.0.0', '--key', 'k1']);
  expect(released.code, released.context.errLines.join('\n')).toBe(0);

  records.healthy = await run('svc', 'runs', ['--target', 'web-1', '--param', 'mode=healthy']);
  records.fixed = await run('svc', 'runs', ['--target', 'web-2', '--param', 'mode=fixable']);
  records.failed = await run('svc', 'runs', ['--target', 'web-2', '--param', 'mode=broken']);
  records.other = await run('other', 'runs', ['--param', 'mode=fixable']);
  // A run to the default --out, which `runs list` reads by default too.
  await run('other', undefined, ['--param', 'mode=healthy']);
  // An old run: a copy of the healthy record, dated 2020 (listing reads, it does not verify).
  records.old = join(repo.path('runs'), 'svc-v1.0.0-20200101T000000Z-000000');
  cpSync(records.healthy, records.old, { recursive: true });
  const snapshot = JSON.parse(readFileSync(join(records.old, 'snapshot.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(
    join(records.old, 'snapshot.json'),
    JSON.stringify({
      ...snapshot,
      runId: '20200101T000000Z-000000',
      started: '2020-01-01T00:00:00.000Z',
      ended: '2020-01-01T00:00:01.000Z',
    }),
  );
}, 120_000);
afterAll(() => {
  repo.remove();
  rmSync(stateHome, { recursive: true, force: true });
});

/** `runs list ...args` in process. */
async function list(args: string[], options: ContextOptions = {}) {
  const { code, context } = await cli(repo.dir, ['runs', 'list', ...args], options);
  return { code, out: context.outLines, err: context.errLines };
}

/** `runs list --json ...args`: the parsed rows. */
async function listJson(args: string[], options: ContextOptions = {}): Promise<RunRow[]> {
  const { code, out, err } = await list(['--json', ...args], options);
  // Only the note that nothing matched, when nothing did: the rows are all on stdout.
  expect(err.filter((line) => !line.startsWith('no run matches'))).toEqual([]);
  expect(code).toBe(0);
  expect(out).toHaveLength(1);
  return JSON.parse(out[0]!) as RunRow[];
}

const locations = (rows: readonly RunRow[]) => rows.map((row) => row.location);
const digestOf = (dir: string) =>
  `sha256:${createHash('sha256')
    .update(readFileSync(join(dir, 'snapshot.json')))
    .digest('hex')}`;

describe('runs list', () => {
  it('--json prints one array of rows with the documented fields, newest first', async () => {
    const rows = await listJson(['--out', 'runs']);
    expect(locations(rows)).toEqual([records.other, records.failed, records.fixed, records.healthy, records.old]);
    const times = rows.map((row) => Date.parse(row.started));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const failed = rows[1]!;
    expect(Object.keys(failed)).toEqual([
      'started',
      'name',
      'version',
      'unreleased',
      'target',
      'trigger',
      'status',
      'error',
      'durationMs',
      'steps',
      'snapshotDigest',
      'runId',
      'location',
    ]);
    expect(failed).toMatchObject({
      name: 'svc',
      version: 'v1.0.0',
      unreleased: false,
      target: 'web-2',
      trigger: 'local',
      status: 'failed',
      error: 'STEP_FAILED',
      steps: 2,
      snapshotDigest: digestOf(records.failed),
      location: records.failed,
    });
    expect(failed.durationMs).toEqual(expect.any(Number));
    expect(rows[0]).toMatchObject({ name: 'other', target: null, status: 'succeeded' });
    expect(rows.find((row) => row.location === records.healthy)).toMatchObject({ status: 'healthy', steps: 1 });
  });

  it('prints a table by default: a header and one line per run', async () => {
    const { code, out, err } = await list(['--out', 'runs']);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toHaveLength(6);
    expect(out[0]).toMatch(/^STARTED +REMEDIATION +TARGET +TRIGGER +STATUS +DURATION +SNAPSHOT +RECORD$/);
    expect(out[2]).toMatch(
      new RegExp(
        `^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +svc@v1\\.0\\.0 +web-2 +local +failed \\(STEP_FAILED\\) +\\S+ m?s +${digestOf(records.failed)} +${records.failed}$`,
      ),
    );
    expect(out[5]).toMatch(/^2020-01-01T00:00:00Z +svc@v1\.0\.0 +web-1 +local +healthy /);
  });

  it('reads the default --out of run when none is given', async () => {
    const rows = await listJson([], { env: stateEnv() });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'other', status: 'healthy' });
    const defaultOut = join(stateHome, 'remediate', 'runs');
    expect(rows[0]!.location).toBe(join(defaultOut, readdirSync(defaultOut)[0]!));
  });

  it('filters by name, target and status, all of them together', async () => {
    expect(locations(await listJson(['--out', 'runs', '--name', 'other']))).toEqual([records.other]);
    expect(locations(await listJson(['--out', 'runs', '--target', 'web-2']))).toEqual([records.failed, records.fixed]);
    expect(locations(await listJson(['--out', 'runs', '--status', 'failed', '--status', 'healthy']))).toEqual([
      records.failed,
      records.healthy,
      records.old,
    ]);
    expect(
      locations(await listJson(['--out', 'runs', '--name', 'svc', '--target', 'web-2', '--status', 'succeeded'])),
    ).toEqual([records.fixed]);
    expect(await listJson(['--out', 'runs', '--name', 'other', '--target', 'web-2'])).toEqual([]);
    expect(locations(await listJson(['--out', 'runs', '--name', 'svc', '--limit', '2']))).toEqual([
      records.failed,
      records.fixed,
    ]);
  });

  it('--since 24h counts back from now (the clock), --since <date> from that day', async () => {
    const all = await listJson(['--out', 'runs', '--since', '24h']);
    expect(locations(all)).toEqual([records.other, records.failed, records.fixed, records.healthy]);
    const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000);
    expect(await listJson(['--out', 'runs', '--since', '24h'], { now: inTwoDays })).toEqual([]);
    expect(locations(await listJson(['--out', 'runs', '--since', '2020-01-01']))).toContain(records.old);
    expect(locations(await listJson(['--out', 'runs', '--since', '2020-01-01T00:00:00.001Z']))).not.toContain(
      records.old,
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(await listJson(['--out', 'runs', '--since', today])).toHaveLength(4);
  });

  it('names each record folder it cannot read on stderr, lists the rest, and exits 0', async () => {
    const out = repo.path('damaged');
    cpSync(repo.path('runs'), out, { recursive: true });
    mkdirSync(join(out, 'svc-v1.0.0-empty'));
    writeFileSync(join(out, 'svc-v1.0.0-schema'), 'a file, not a record folder');
    cpSync(records.fixed, join(out, 'svc-v1.0.0-bad'), { recursive: true });
    writeFileSync(join(out, 'svc-v1.0.0-bad', 'snapshot.json'), '{"status":"succeeded"}');
    const { code, out: lines, err } = await list(['--out', out, '--json']);
    expect(code).toBe(0);
    expect(err).toEqual([
      expect.stringMatching(
        new RegExp(
          `^skipped ${join(out, 'svc-v1\\.0\\.0-bad')}: snapshot\\.json does not match the run snapshot schema: `,
        ),
      ),
      `skipped ${join(out, 'svc-v1.0.0-empty')}: no snapshot.json`,
    ]);
    expect(JSON.parse(lines[0]!)).toHaveLength(5);
  });

  it('says on stderr when nothing is listed; --json still prints an array', async () => {
    const none = await list(['--out', 'nowhere']);
    expect(none).toEqual({ code: 0, out: [], err: [`no run records in ${repo.path('nowhere')}`] });
    const json = await list(['--out', 'runs', '--json', '--status', 'expired']);
    expect(json.out).toEqual(['[]']);
    expect(json.err).toEqual([`no run matches (5 record(s) in ${repo.path('runs')})`]);
  });

  it('refuses bad options and unknown subcommands with exit 2', async () => {
    for (const argv of [
      ['runs'],
      ['runs', 'lst'],
      ['runs', 'list', 'extra'],
      ['runs', 'list', '--status', 'done'],
      ['runs', 'list', '--since', 'yesterday'],
      ['runs', 'list', '--since', '2026-11-01T08:00:00'],
      ['runs', 'list', '--limit', '0'],
      ['runs', 'list', '--name', 'Bad Name'],
      ['runs', 'list', '--target', '$(id)'],
      ['runs', 'show'],
      ['runs', 'verify', 'a', 'b'],
    ]) {
      const { code, context } = await cli(repo.dir, argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(context.errLines.join('\n'), argv.join(' ')).toMatch(/^error \[(USAGE|INVALID_REFERENCE)\]: /);
    }
    const unknown = await cli(repo.dir, ['runs', 'lst']);
    expect(unknown.context.errLines[0]).toContain("expected 'runs list', 'runs show' or 'runs verify'");
  });

  it('works through the CLI entry (child process): JSON on stdout, nothing on stderr', async () => {
    const result = await runCli(['runs', 'list', '--out', 'runs', '--json', '--limit', '1'], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(locations(JSON.parse(result.stdout) as RunRow[])).toEqual([records.other]);
  });
});

describe('runs show and runs verify: the same as show and verify-run', () => {
  const both = async (alias: string[], command: string[]) => {
    const [a, b] = [await cli(repo.dir, alias), await cli(repo.dir, command)];
    return {
      alias: { code: a.code, out: a.context.outLines, err: a.context.errLines },
      command: { code: b.code, out: b.context.outLines, err: b.context.errLines },
    };
  };

  it('runs show prints what show prints (exit 0, even unanchored)', async () => {
    const { alias, command } = await both(['runs', 'show', records.fixed], ['show', records.fixed]);
    expect(alias.code).toBe(0);
    expect(alias).toEqual(command);
    expect(alias.out[0]).toMatch(/^NOT AUTHENTICATED/);
    const pinned = await both(
      ['runs', 'show', records.fixed, '--snapshot-digest', digestOf(records.fixed)],
      ['show', records.fixed, '--snapshot-digest', digestOf(records.fixed)],
    );
    expect(pinned.alias).toEqual(pinned.command);
    expect(pinned.alias.out[0]).toMatch(/^authenticated: /);
  });

  it('runs verify exits as verify-run: 0 when pinned, 3 unanchored, 3 tampered, 2 for a missing folder', async () => {
    const pinned = await both(
      ['runs', 'verify', records.failed, '--snapshot-digest', digestOf(records.failed)],
      ['verify-run', records.failed, '--snapshot-digest', digestOf(records.failed)],
    );
    expect(pinned.alias.code).toBe(0);
    expect(pinned.alias).toEqual(pinned.command);

    const unanchored = await both(['runs', 'verify', records.failed], ['verify-run', records.failed]);
    expect(unanchored.alias.code).toBe(3);
    expect(unanchored.alias).toEqual(unanchored.command);
    expect(unanchored.alias.err.join('\n')).toMatch(/^refused \[UNANCHORED\]/);

    // A copy of a record with one byte of its log changed, checked against the original's digest.
    const tamperedDir = repo.path('tampered');
    cpSync(records.fixed, tamperedDir, { recursive: true });
    const log = readFileSync(join(tamperedDir, 'run.log'));
    log[log.length - 1] = log.at(-1)! ^ 1;
    writeFileSync(join(tamperedDir, 'run.log'), log);
    const tampered = await both(
      ['runs', 'verify', tamperedDir, '--snapshot-digest', digestOf(records.fixed)],
      ['verify-run', tamperedDir, '--snapshot-digest', digestOf(records.fixed)],
    );
    expect(tampered.alias.code).toBe(3);
    expect(tampered.alias).toEqual(tampered.command);
    expect(tampered.alias.err.join('\n')).toMatch(/^refused \[RECORD_TAMPERED\]/);
    const shown = await both(['runs', 'show', tamperedDir], ['show', tamperedDir]);
    expect(shown.alias.code).toBe(3);
    expect(shown.alias).toEqual(shown.command);

    const missing = await both(['runs', 'verify', 'runs/none'], ['verify-run', 'runs/none']);
    expect(missing.alias.code).toBe(2);
    expect(missing.alias).toEqual(missing.command);
  });

  it('takes a record folder relative to the working folder, as show does', async () => {
    const relative = join(
      'runs',
      readdirSync(repo.path('runs')).find((d) => records.fixed.endsWith(d))!,
    );
    const { alias, command } = await both(['runs', 'show', relative], ['show', records.fixed]);
    expect(alias).toEqual(command);
  });

  it('names the subcommand in its option errors', async () => {
    const { code, context } = await cli(repo.dir, ['runs', 'verify', records.fixed, '--repo', 'o/r']);
    expect(code).toBe(2);
    expect(context.errLines[0]).toContain('runs verify --repo needs --trusted-root');
  });
});
