// The shipped examples through the real engine (release, verify, run, record), not an emulation:
// engine changes such as killing a step's process group when it ends must not break them.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, TempRepo } from '../helpers/git-repo.ts';
import { isAlive } from '../helpers/released.ts';

const examples = resolve(dirname(fileURLToPath(import.meta.url)), '../../remediations');
let repo: TempRepo | undefined;
const pids: number[] = [];
afterEach(() => {
  for (const pid of pids.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  repo?.remove();
});

async function released(name: string): Promise<TempRepo> {
  repo = new TempRepo();
  cpSync(join(examples, name), repo.path('remediations', name), { recursive: true });
  repo.commit(name);
  expect((await runCli(['keygen', '--out', 'k'], { cwd: repo.dir })).code).toBe(0);
  expect((await runCli(['release', name, 'v1.0.0', '--key', 'k'], { cwd: repo.dir })).code).toBe(0);
  return repo;
}

const freePort = () =>
  new Promise<number>((resolvePort) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });

describe('examples through the real engine', () => {
  it('restart-process: the started service outlives the step (it leaves the process group with setsid)', async () => {
    const r = await released('restart-process');
    const port = await freePort();
    const pidfile = r.path('demo.pid');
    const result = await runCli(
      [
        'run',
        'restart-process@v1.0.0',
        '--trusted-key',
        'k.pub',
        '--param',
        `pidfile=${pidfile}`,
        '--param',
        `port=${port}`,
        '--param',
        'service=demo-http',
        '--param',
        'grace-seconds=1',
      ],
      { cwd: r.dir },
    );
    if (existsSync(pidfile)) pids.push(Number(readFileSync(pidfile, 'utf8')));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/restart-process@v1\.0\.0: succeeded/);
    expect(isAlive(Number(readFileSync(pidfile, 'utf8')))).toBe(true);
  });

  it("restart-process without setsid(1): the service still leaves the step's session (through perl or python3)", async () => {
    const r = await released('restart-process');
    // Every program on PATH but setsid. The fallback used to be `set -m`, a process group of
    // its own in the step's session: the engine now ends that with the step.
    const bin = r.path('bin-without-setsid');
    mkdirSync(bin);
    for (const dir of (process.env.PATH ?? '').split(':').filter(Boolean)) {
      let entries: string[];
      try {
        entries = readdirSync(dir);
      } catch {
        continue;
      }
      for (const name of entries) {
        if (name === 'setsid' || existsSync(join(bin, name))) continue;
        symlinkSync(join(dir, name), join(bin, name));
      }
    }
    const port = await freePort();
    const pidfile = r.path('demo.pid');
    const result = await runCli(
      [
        'run',
        'restart-process@v1.0.0',
        '--trusted-key',
        'k.pub',
        '--param',
        `pidfile=${pidfile}`,
        '--param',
        `port=${port}`,
        '--param',
        'service=demo-http',
        '--param',
        'grace-seconds=1',
      ],
      { cwd: r.dir, env: { PATH: bin } },
    );
    if (existsSync(pidfile)) pids.push(Number(readFileSync(pidfile, 'utf8')));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const pid = Number(readFileSync(pidfile, 'utf8'));
    expect(isAlive(pid)).toBe(true);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Its own session: the session id (6th field) is its pid.
    expect(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3]).toBe(String(pid));
  });

  it('prune-old-files: prunes a sandbox over its threshold and records the freed bytes', async () => {
    const r = await released('prune-old-files');
    const dir = r.path('sandbox');
    mkdirSync(dir);
    const old = Date.now() / 1000 - 30 * 86400;
    for (let i = 0; i < 4; i++) {
      const file = join(dir, `app-${i}.log`);
      writeFileSync(file, Buffer.alloc(600 * 1024, 97));
      utimesSync(file, old + i, old + i);
    }
    const result = await runCli(
      [
        'run',
        'prune-old-files@v1.0.0',
        '--trusted-key',
        'k.pub',
        '--param',
        `dir=${dir}`,
        '--param',
        'max-size-mb=1',
        '--param',
        'older-than-days=7',
      ],
      { cwd: r.dir },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(dir).length).toBeLessThan(4);
    expect(result.stdout).toMatch(/output freed-bytes=\d+/);
    expect(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]).toMatch(/^\d+$/);
  });
});
