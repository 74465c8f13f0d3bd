// `remediate targets resolve`: the routing step of the on-alert, drift and fleet plan jobs. Every
// refusal writes no output, so the job whose `runs-on` would come from it never asks for a runner.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/in-process-cli.ts';
import { runCli } from '../helpers/git-repo.ts';
import { RunnerFiles } from '../helpers/action-runner.ts';
import { HOSTILE_TARGET_NAMES, TARGETS_FIXTURES } from '../helpers/targets.ts';

const FIXTURE = join(TARGETS_FIXTURES, 'targets.yml');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'remediate-targets-'));
  mkdirSync(join(dir, 'remediations'));
  copyFileSync(FIXTURE, join(dir, 'remediations/targets.yml'));
  writeFileSync(join(dir, 'out'), '');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const outputs = () => RunnerFiles.parseFileCommands(join(dir, 'out'));
const resolve = (...args: string[]) => cli(dir, ['targets', 'resolve', ...args, '--github-output', 'out']);

describe('targets resolve --target', () => {
  it('writes runs-on as a JSON list fromJSON reads, and the facts as a JSON object', async () => {
    const { code, context } = await resolve('--target', 'db:primary');
    expect(code).toBe(0);
    expect(outputs()).toEqual({
      target: 'db:primary',
      'runs-on': '["self-hosted","zone-b"]',
      facts: JSON.stringify({
        ssh_host: 'db-1.zone-b.internal',
        ssh_known_hosts: 'db-1.zone-b.internal ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHostKeyForTests',
        port: '5432',
      }),
    });
    expect(context.outLines).toEqual([
      'target db:primary: runs-on ["self-hosted","zone-b"], facts ssh_host, ssh_known_hosts, port',
    ]);
  });

  it('writes a single label as a one-label list, and no facts as {}', async () => {
    expect((await resolve('--target', 'web-1')).code).toBe(0);
    expect(outputs()).toMatchObject({ 'runs-on': '["self-hosted","linux","web-1"]', facts: '{}' });
  });

  it('refuses a target the file does not list: exit 3 UNKNOWN_TARGET, no output', async () => {
    const { code, context } = await resolve('--target', 'web-9');
    expect(code).toBe(3);
    expect(context.errLines[0]).toMatch(/^refused \[UNKNOWN_TARGET\]: target 'web-9' is not listed in /);
    expect(outputs()).toEqual({});
  });

  it('refuses hostile target names with exit 2 before reading routes, and writes no output', async () => {
    for (const [attack, name] of Object.entries({ ...HOSTILE_TARGET_NAMES, long: 'w'.repeat(201) })) {
      const { code, context } = await cli(dir, ['targets', 'resolve', `--target=${name}`, '--github-output', 'out']);
      expect(code, attack).toBe(2);
      expect(context.errLines.join('\n'), attack).toMatch(/^error \[USAGE\]: (target "|no target given)/);
      expect(context.errLines.join('\n'), attack).not.toContain('\n::');
    }
    expect(outputs()).toEqual({});
  });

  it('refuses a missing, invalid or non-regular file with exit 2 (routing on means no default runner)', async () => {
    const missing = await cli(dir, ['targets', 'resolve', '--target', 'web-1', '--file', 'nope.yml']);
    expect(missing.code).toBe(2);
    expect(missing.context.errLines[0]).toMatch(/^error \[NOT_FOUND\]: targets file .*nope\.yml does not exist/);
    writeFileSync(join(dir, 'bad.yml'), 'targets:\n  web-1: { runs-on: "a b" }\n');
    const invalid = await cli(dir, ['targets', 'resolve', '--target', 'web-1', '--file', 'bad.yml']);
    expect(invalid.code).toBe(2);
    expect(invalid.context.errLines[0]).toMatch(
      /^error \[INVALID_CONFIG\]: .*bad\.yml:2:21: targets\.web-1\.runs-on: /,
    );
    const folder = await cli(dir, ['targets', 'resolve', '--target', 'web-1', '--file', 'remediations']);
    expect(folder.code).toBe(2);
    expect(folder.context.errLines[0]).toMatch(/^error \[NOT_A_FILE\]/);
    expect(outputs()).toEqual({});
  });

  // Attack: a targets file linked to a runner file (/proc/self/environ, a credentials file): its
  // parse errors would quote what they read into the job's log. A link is refused, never followed.
  it('refuses a targets file that is a symbolic link, quoting nothing of what it points at', async () => {
    writeFileSync(join(dir, 'secret'), 'token = ghp_SECRETVALUE\n');
    symlinkSync(join(dir, 'secret'), join(dir, 'linked.yml'));
    const linked = await cli(dir, ['targets', 'resolve', '--target', 'web-1', '--file', 'linked.yml']);
    expect(linked.code).toBe(2);
    expect(linked.context.errLines[0]).toMatch(/^error \[NOT_A_FILE\]: targets file .*linked\.yml is a symbolic link/);
    expect(linked.context.errLines.join('\n')).not.toContain('ghp_SECRETVALUE');
  });

  it('refuses both or neither of --target and --legs, and other subcommands', async () => {
    expect((await cli(dir, ['targets', 'resolve'])).code).toBe(2);
    expect((await cli(dir, ['targets', 'resolve', '--target', 'a', '--legs', '[]'])).code).toBe(2);
    const other = await cli(dir, ['targets', 'list']);
    expect(other.code).toBe(2);
    expect(other.context.errLines[0]).toContain("expected 'targets resolve'");
  });
});

describe('targets resolve --legs', () => {
  it("writes each leg's route once, keyed by target", async () => {
    const legs = [
      { remediation: 'a@v1.0.0', target: 'web-2', params: {} },
      { remediation: 'b@v1.0.0', target: 'web-2', params: {} },
      { target: 'web-1', params: '{"host":"web-1"}' },
    ];
    const { code } = await resolve('--legs', JSON.stringify(legs));
    expect(code).toBe(0);
    expect(JSON.parse(outputs().routes ?? '')).toEqual({
      'web-2': { 'runs-on': ['web-2'], facts: { zone: 'eu-west-1a' } },
      'web-1': { 'runs-on': ['self-hosted', 'linux', 'web-1'], facts: {} },
    });
  });

  it.each([
    ['one unknown target among known ones', [{ target: 'web-1' }, { target: 'web-9' }], 3],
    ['a leg without a target', [{ target: 'web-1' }, { remediation: 'a@v1.0.0' }], 2],
    ['a leg with an empty target', [{ target: '' }], 2],
    ['a hostile target', [{ target: '../etc' }], 2],
    ['a target named __proto__', [{ target: '__proto__' }], 2],
    ['no legs', [], 2],
    ['not a list', { target: 'web-1' }, 2],
  ])('refuses %s, routing nothing', async (_label, legs, exit) => {
    const { code } = await resolve('--legs', JSON.stringify(legs));
    expect(code).toBe(exit);
    expect(outputs()).toEqual({});
  });
});

describe('the real CLI', () => {
  it('resolves from remediations/targets.yml in the current folder, and exits 3 on an unknown target', async () => {
    const ok = await runCli(['targets', 'resolve', '--target', 'web-2', '--github-output', 'out'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(outputs()['runs-on']).toBe('["web-2"]');
    const unknown = await runCli(['targets', 'resolve', '--target', 'web-3'], { cwd: dir });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/^refused \[UNKNOWN_TARGET\]/);
  });
});
