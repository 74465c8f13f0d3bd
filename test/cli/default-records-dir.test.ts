// Where `run`, `replay` and `runs list` keep records when --out is not given: the user's state
// folder ($XDG_STATE_HOME/remediate/runs, else ~/.local/state/remediate/runs), never the
// repository's working tree, so a run, or a refusal caused by a typo, leaves the repository as it
// was. In process, with the real git, keys and steps.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitTestEnv, type TempRepo } from '../helpers/git-repo.ts';
import { cli, releaseInProcess } from '../helpers/in-process-cli.ts';
import { parseCommandLine } from '../../src/cli/settings.ts';

const DEFINITION = ['name: svc', 'description: greets', 'steps:', '  - { id: greet, run: echo hello }', ''].join('\n');

let repo: TempRepo;
let scratch: string;

beforeAll(async () => {
  repo = await releaseInProcess('svc', DEFINITION);
  scratch = mkdtempSync(join(tmpdir(), 'records-home-'));
});
afterAll(() => {
  repo.remove();
  rmSync(scratch, { recursive: true, force: true });
});

/** An environment with only these state variables set (HOME and XDG_STATE_HOME removed first). */
function envWith(vars: { readonly HOME?: string; readonly XDG_STATE_HOME?: string }): NodeJS.ProcessEnv {
  const { HOME: _home, XDG_STATE_HOME: _state, ...rest } = gitTestEnv();
  return { ...rest, ...vars };
}

/** A fresh folder under the scratch folder. */
const fresh = (name: string) => mkdtempSync(join(scratch, `${name}-`));

/** `git status --porcelain` of the repository: what a run would have added to its working tree. */
const status = () => repo.git('status', '--porcelain', '--untracked-files=all');

/** The snapshots of the record folders under `dir`. */
function snapshotsIn(dir: string): { status: string; remediation: { version: string } }[] {
  return readdirSync(dir).map(
    (name) =>
      JSON.parse(readFileSync(join(dir, name, 'snapshot.json'), 'utf8')) as {
        status: string;
        remediation: { version: string };
      },
  );
}

describe('records without --out', () => {
  it('go under $XDG_STATE_HOME/remediate/runs, runs list reads them there, and the working tree is untouched', async () => {
    const state = fresh('xdg');
    const env = envWith({ XDG_STATE_HOME: state, HOME: fresh('home') });
    const before = status();

    const ran = await cli(repo.dir, ['run', 'svc@v1.0.0', '--trusted-key', 'k1.pub'], { env });
    expect(ran.context.errLines).toEqual([]);
    expect(ran.code).toBe(0);
    // A typo in the version: refused (exit 3), and the refusal is recorded in the same place.
    const typo = await cli(repo.dir, ['run', 'svc@v1.0.1', '--trusted-key', 'k1.pub'], { env });
    expect(typo.code).toBe(3);

    const records = join(state, 'remediate', 'runs');
    expect(
      snapshotsIn(records)
        .map((snapshot) => `${snapshot.remediation.version} ${snapshot.status}`)
        .sort(),
    ).toEqual(['v1.0.0 succeeded', 'v1.0.1 refused']);
    expect(status()).toBe(before);
    expect(existsSync(repo.path('.remediate'))).toBe(false);
    // The folders the run created, and each record, are its owner's only (found by review: records
    // hold parameters and outputs, and a jump host has other users), whatever the umask.
    for (const dir of [join(state, 'remediate'), records, ...readdirSync(records).map((name) => join(records, name))])
      expect((statSync(dir).mode & 0o777).toString(8), dir).toBe('700');

    const listed = await cli(repo.dir, ['runs', 'list', '--json'], { env });
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.context.outLines.join('\n')) as { location: string }[];
    expect(rows.map((row) => row.location).sort()).toEqual(
      readdirSync(records)
        .map((name) => join(records, name))
        .sort(),
    );
  });

  it('go under ~/.local/state/remediate/runs when XDG_STATE_HOME is unset, empty or relative', async () => {
    for (const xdg of [undefined, '', 'relative/state']) {
      const home = fresh('home');
      const env = envWith(xdg === undefined ? { HOME: home } : { HOME: home, XDG_STATE_HOME: xdg });
      const before = status();
      const ran = await cli(repo.dir, ['run', 'svc@v1.0.0', '--trusted-key', 'k1.pub'], { env });
      expect(ran.code, String(xdg)).toBe(0);
      expect(snapshotsIn(join(home, '.local', 'state', 'remediate', 'runs')).map((s) => s.status)).toEqual([
        'succeeded',
      ]);
      // The relative XDG_STATE_HOME was not taken relative to the repository (nor to anything).
      expect(status(), String(xdg)).toBe(before);
    }
  });

  it('are refused (exit 2, asking for --out) when neither HOME nor XDG_STATE_HOME is an absolute path', async () => {
    const before = status();
    for (const argv of [
      ['run', 'svc@v1.0.0', '--trusted-key', 'k1.pub'],
      ['runs', 'list'],
    ]) {
      const refused = await cli(repo.dir, argv, { env: envWith({ XDG_STATE_HOME: 'state' }) });
      expect(refused.code, argv.join(' ')).toBe(2);
      expect(refused.context.errLines.join('\n'), argv.join(' ')).toMatch(/^error \[USAGE\]: .*give --out <dir>/);
    }
    expect(status()).toBe(before);

    // --out is all it takes; runs list --repo reads no local folder, so it needs none either.
    const out = fresh('out');
    const ran = await cli(repo.dir, ['run', 'svc@v1.0.0', '--trusted-key', 'k1.pub', '--out', out], {
      env: envWith({}),
    });
    expect(ran.code).toBe(0);
    expect(snapshotsIn(out).map((s) => s.status)).toEqual(['succeeded']);
    expect(parseCommandLine(['runs', 'list', '--repo', 'acme/ops'], repo.dir, {})).toMatchObject({
      outDir: undefined,
      repo: 'acme/ops',
    });
  });
});
