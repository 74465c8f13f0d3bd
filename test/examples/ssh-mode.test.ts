// The example remediations in SSH mode (issue 17: one runner per zone reaching its hosts over SSH),
// through the real engine. A stand-in `ssh` on PATH records its arguments, the key file and known
// hosts it was given, then runs the remote command with `sh -c` in a clean environment, as sshd
// runs it with the user's login shell: the stages really run from the copy sent on stdin, with only
// the variables that copy carries.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunSnapshot } from '../../src/record/snapshot.ts';
import { gitTestEnv, TempRepo } from '../helpers/git-repo.ts';
import { cli } from '../helpers/in-process-cli.ts';

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../../remediations');
const KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA-test-only-key-material\n-----END OPENSSH PRIVATE KEY-----';

const repos: TempRepo[] = [];
afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));

/** One ssh call as the stand-in saw it. */
interface SshCall {
  readonly args: string[];
  /** Mode and content of the -i key file while ssh ran. */
  readonly key?: { mode: string; text: string };
  readonly knownHosts?: string;
}

/** A repository with `name` released as v1.0.0, a stand-in ssh, and a "remote" home for it. */
async function setUp(name: string) {
  const repo = new TempRepo();
  repos.push(repo);
  cpSync(join(EXAMPLES, name), repo.path('remediations', name), { recursive: true });
  repo.commit(name);
  expect((await cli(repo.dir, ['keygen', '--out', 'k'])).code).toBe(0);
  expect((await cli(repo.dir, ['release', name, 'v1.0.0', '--key', 'k'])).code).toBe(0);
  const bin = repo.path('fake-bin');
  const log = repo.path('ssh-calls.jsonl');
  const remoteHome = repo.path('remote-home');
  const hooks = repo.path('ssh-hooks');
  mkdirSync(bin);
  mkdirSync(remoteHome);
  mkdirSync(hooks);
  writeFileSync(
    join(bin, 'ssh'),
    `#!/usr/bin/env bash
# Stand-in for ssh: records the call, then runs the remote command as sshd would.
call=$(( $(cat ${JSON.stringify(`${log}.count`)} 2>/dev/null || echo 0) + 1 ))
echo "$call" >${JSON.stringify(`${log}.count`)}
key_mode=""; key_text=""; known=""; prev=""
for a in "$@"; do
  if [ "$prev" = -i ]; then key_mode=$(stat -c %a "$a"); key_text=$(cat "$a"); fi
  case "$a" in UserKnownHostsFile=*) known=$(cat "\${a#UserKnownHostsFile=}") ;; esac
  prev=$a
done
node -e 'const [log, keyMode, keyText, known, ...args] = process.argv.slice(1);
require("node:fs").appendFileSync(log, JSON.stringify({ args, ...(keyMode ? { key: { mode: keyMode, text: keyText } } : {}), ...(known ? { knownHosts: known } : {}) }) + "\\n");' \\
  ${JSON.stringify(log)} "$key_mode" "$key_text" "$known" "$@"
while [ "$#" -gt 0 ] && [ "$1" != -- ]; do shift; done
host=$2 command=$3
if [ "$host" = unreachable.example ]; then
  echo "ssh: connect to host unreachable.example port 22: Connection refused" >&2
  exit 255
fi
hook=${JSON.stringify(hooks)}/before-$call
[ ! -f "$hook" ] || bash "$hook"
exec env -i PATH="$PATH" HOME=${JSON.stringify(remoteHome)} LANG=C.UTF-8 sh -c "$command"
`,
    { mode: 0o755 },
  );
  const env = { ...gitTestEnv(), PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}` };
  const calls = (): SshCall[] =>
    existsSync(log)
      ? readFileSync(log, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as SshCall)
      : [];
  const run = async (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
    const before = new Set(existsSync(repo.path('runs')) ? readdirSync(repo.path('runs')) : []);
    const result = await cli(repo.dir, ['run', `${name}@v1.0.0`, '--trusted-key', 'k.pub', '--out', 'runs', ...args], {
      env: { ...env, ...extraEnv },
    });
    const added = existsSync(repo.path('runs')) ? readdirSync(repo.path('runs')).filter((d) => !before.has(d)) : [];
    const dir = added[0] === undefined ? undefined : repo.path('runs', added[0]);
    return {
      ...result,
      dir,
      snapshot:
        dir === undefined ? undefined : (JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')) as RunSnapshot),
      log: dir === undefined ? '' : readFileSync(join(dir, 'run.log'), 'utf8'),
    };
  };
  return { repo, calls, run, remoteHome, hooks };
}

/** The options before `--`, the host, and the remote command of one call. */
function split(call: SshCall) {
  const end = call.args.indexOf('--');
  return { options: call.args.slice(0, end), host: call.args[end + 1], command: call.args[end + 2] };
}

function writeAged(path: string, bytes: number, days: number): void {
  writeFileSync(path, Buffer.alloc(bytes, 0x61));
  const when = new Date(Date.now() - days * 86_400_000);
  utimesSync(path, when, when);
}

describe('example remediations over SSH', () => {
  it('ship the same on-host.sh and remote-run.sh, so the copies tested here stand for all three', () => {
    for (const file of ['on-host.sh', 'remote-run.sh']) {
      const copies = ['prune-old-files', 'reapply-config', 'restart-process'].map((name) =>
        readFileSync(join(EXAMPLES, name, file), 'utf8'),
      );
      expect(new Set(copies).size, file).toBe(1);
    }
  });

  it('prune-old-files with ssh-host: every stage runs over ssh, the key is a 0600 file gone afterwards', async () => {
    const { repo, calls, run, remoteHome } = await setUp('prune-old-files');
    const dir = repo.path('logs');
    mkdirSync(dir);
    writeAged(join(dir, 'old-1.log'), 700 * 1024, 20);
    writeAged(join(dir, 'old-2.log'), 700 * 1024, 10);
    const result = await run(
      ['--param', `dir=${dir}`, '--param', 'max-size-mb=1', '--param', 'ssh-host=ops@web-1.zone-a.internal'],
      { SSH_PRIVATE_KEY: KEY },
    );
    expect(result.context.errLines).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.snapshot).toMatchObject({
      status: 'succeeded',
      secrets: ['SSH_PRIVATE_KEY'],
      outputs: { 'deleted-files': '1', 'freed-bytes': String(700 * 1024) },
    });
    expect(existsSync(join(dir, 'old-1.log'))).toBe(false);
    expect(existsSync(join(dir, 'old-2.log'))).toBe(true);

    const seen = calls();
    expect(seen).toHaveLength(3); // check, prune, verify
    const commands = new Set(seen.map((call) => split(call).command));
    // One fixed remote command for every stage: no parameter is ever part of it.
    expect(commands.size).toBe(1);
    expect([...commands][0]).not.toContain(dir);
    for (const call of seen) {
      const { options, host } = split(call);
      expect(host).toBe('ops@web-1.zone-a.internal');
      expect(options.join(' ')).toContain('-o BatchMode=yes -o StrictHostKeyChecking=yes');
      expect(call.key).toEqual({ mode: '600', text: KEY });
      // The key file lived in a private temporary folder that is gone now.
      const keyFile = options[options.indexOf('-i') + 1]!;
      expect(existsSync(keyFile)).toBe(false);
    }
    // The key is redacted from everything the record holds.
    expect(result.log).not.toContain('test-only-key-material');
    expect(readFileSync(join(result.dir!, 'snapshot.json'), 'utf8')).not.toContain('test-only-key-material');
    // The log shows what the stages printed on the host, without the output channel's marker.
    expect(result.log).toMatch(/deleted .*old-1\.log/);
    expect(result.log).not.toMatch(/remediate-outputs-[0-9a-f]{32}/);
    // The run's workspace on the host, where the stages keep what later ones need.
    expect(readdirSync(join(remoteHome, '.local/state/remediate/prune-old-files'))).toEqual([result.snapshot!.runId]);
  });

  it('reapply-config by the target facts: host, port and pinned host key; the rollback restores the remote backup', async () => {
    const { repo, calls, run, hooks } = await setUp('reapply-config');
    const target = repo.path('etc-app.conf');
    writeFileSync(target, 'workers = 64\n', { mode: 0o600 });
    // Before the fourth call (verify), something rewrites the file: verify fails and the rollback
    // must restore the backup the first step took, in the workspace kept on the host.
    writeFileSync(join(hooks, 'before-4'), `printf 'workers = 1\\n' > ${JSON.stringify(target)}\n`);
    const knownHosts = 'web-1.zone-a.internal ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPinnedHostKeyForTests';
    const result = await run([
      '--param',
      `target=${target}`,
      '--param',
      'desired=app.conf',
      '--target',
      'web-1',
      '--target-facts',
      JSON.stringify({ ssh_host: 'web-1.zone-a.internal', ssh_port: '2222', ssh_known_hosts: knownHosts }),
    ]);
    expect(result.snapshot?.status).toBe('failed');
    expect(result.snapshot?.error?.code).toBe('VERIFY_FAILED');
    expect(readFileSync(target, 'utf8')).toBe('workers = 64\n');
    const seen = calls();
    expect(seen).toHaveLength(5); // compare, backup, apply, compare-again, restore
    for (const call of seen) {
      const { options, host } = split(call);
      expect(host).toBe('web-1.zone-a.internal');
      expect(options.join(' ')).toContain('-p 2222');
      expect(options).not.toContain('-i');
      expect(call.knownHosts).toBe(knownHosts);
      expect(options).toContain('GlobalKnownHostsFile=/dev/null');
    }
    // The backup step's outputs came back over the output channel (STEP_BACKUP_EXISTED drove the restore).
    expect(result.snapshot?.targetFacts).toMatchObject({ ssh_host: 'web-1.zone-a.internal' });
    expect(result.log).toMatch(/restored .*etc-app\.conf/);
  });

  it('an SSH failure in the check is a failed check (exit 2), never drift: no fix runs', async () => {
    const { repo, calls, run } = await setUp('prune-old-files');
    mkdirSync(repo.path('logs'));
    const result = await run([
      '--param',
      `dir=${repo.path('logs')}`,
      '--param',
      'max-size-mb=1',
      '--param',
      'ssh-host=unreachable.example',
    ]);
    expect(result.snapshot).toMatchObject({ status: 'failed', error: { code: 'CHECK_FAILED' } });
    expect(result.log).toContain("on-host: ssh to 'unreachable.example' failed (exit 255)");
    expect(calls()).toHaveLength(1);
  });

  it('refuses a host that ssh would read as an option: by the input pattern, and by on-host.sh for a fact', async () => {
    const { repo, calls, run } = await setUp('prune-old-files');
    mkdirSync(repo.path('logs'));
    const common = ['--param', `dir=${repo.path('logs')}`, '--param', 'max-size-mb=1'];
    const byParam = await run([...common, '--param', 'ssh-host=-oProxyCommand=touch pwned']);
    expect(byParam.code).toBe(2);
    expect(byParam.context.errLines[0]).toMatch(/^error \[INVALID_PARAMS\]: .*ssh-host/);
    for (const host of ['-oProxyCommand=touch pwned', 'web-1 -oProxyCommand=x', 'web-1;touch pwned']) {
      const byFact = await run([...common, '--target-facts', JSON.stringify({ ssh_host: host })]);
      expect(byFact.snapshot, host).toMatchObject({ status: 'failed', error: { code: 'CHECK_FAILED' } });
      expect(byFact.log).toContain('on-host: ssh host must be a host name or address');
    }
    expect(calls()).toEqual([]);
    expect(existsSync(repo.path('pwned'))).toBe(false);
  });

  it('without ssh-host or the fact, runs on the runner itself and never calls ssh', async () => {
    const { repo, calls, run } = await setUp('prune-old-files');
    mkdirSync(repo.path('logs'));
    const result = await run(['--param', `dir=${repo.path('logs')}`, '--param', 'max-size-mb=1']);
    expect(result.snapshot?.status).toBe('healthy');
    expect(calls()).toEqual([]);
  });
});
