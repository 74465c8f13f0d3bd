// `remediate gateway` as its users run it: the CLI as a child process with a config file and its
// secrets in the environment, GitHub's REST double behind it. Crash tests: a gateway killed with
// SIGKILL after it accepted an alert (while GitHub answers 502) dispatches it exactly once after a
// restart; SIGTERM stops it cleanly. `gateway check` validates and prints the rules.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github-rest/server.ts';
import { CLI, TempRepo, gitTestEnv } from '../helpers/git-repo.ts';
import { cli } from '../helpers/in-process-cli.ts';
import { freePort, waitFor } from '../helpers/network.ts';

const TOKEN = 'ghs_gateway_cli_token_0123456789';
const BEARER = 'am-bearer-for-the-cli-test-0123';

let dir: string;
let repo: TempRepo;
let gh: GitHubDouble;
let port: number;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gateway-cli-'));
  repo = new TempRepo();
  repo.write('README.md', 'ops\n');
  repo.commit('init');
  gh = await startGitHubDouble({ token: TOKEN, gitDir: repo.dir, repository: 'acme/ops' });
  port = await freePort();
  writeFileSync(
    join(dir, 'gateway.yml'),
    readFileSync(resolve(import.meta.dirname, '../../deploy/gateway/gateway.yml'), 'utf8').replace(
      'listen: 127.0.0.1:9095',
      `listen: 127.0.0.1:${port}`,
    ),
  );
}, 30_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await gh.close();
  repo.remove();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `remediate gateway --config gateway.yml`; resolves once it listens. */
async function startGateway(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [CLI, 'gateway', '--config', join(dir, 'gateway.yml')], {
    cwd: dir,
    env: { ...gitTestEnv(), GATEWAY_GITHUB_TOKEN: TOKEN, AM_BEARER: BEARER, GITHUB_API_URL: gh.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor(`the gateway to listen (${output.slice(-400)})`, async () =>
    (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok ? true : undefined,
  );
  return { child, output: () => output };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((r) => {
    if (child.exitCode !== null || child.signalCode !== null) r({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => r({ code, signal }));
  });
}

/** An Alertmanager webhook v4 body with one firing alert. */
function webhook(fingerprint: string, instance: string): string {
  return JSON.stringify({
    version: '4',
    status: 'firing',
    receiver: 'gateway',
    groupKey: '{}:{alertname="ConfigDrift"}',
    truncatedAlerts: 0,
    groupLabels: { alertname: 'ConfigDrift' },
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example',
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'ConfigDrift', instance, path: '/etc/app.conf' },
        annotations: {},
        startsAt: '2026-12-02T10:00:00.000Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus.example/graph',
        fingerprint,
      },
    ],
  });
}

const post = (body: string) =>
  fetch(`http://127.0.0.1:${port}/alertmanager`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BEARER}` },
    body,
  });

describe('remediate gateway (the CLI, a child process)', () => {
  it('gateway check validates the config and prints its sources and rules', async () => {
    const { code, context } = await cli(dir, ['gateway', 'check', '--config', 'gateway.yml']);
    expect(context.errLines).toEqual([]);
    expect(code).toBe(0);
    const text = context.outLines.join('\n');
    expect(text).toContain('source am: alertmanager at POST /alertmanager (bearer $AM_BEARER)');
    expect(text).toMatch(
      /rule 0: am \{alertname=ConfigDrift\} -> reapply-config@v1\.0\.0, target <- label instance \(port stripped\)/,
    );
    writeFileSync(
      join(dir, 'resolved.yml'),
      readFileSync(join(dir, 'gateway.yml'), 'utf8').replace('# on-resolved:', 'on-resolved:'),
    );
    const resolved = await cli(dir, ['gateway', 'check', '--config', 'resolved.yml']);
    expect(resolved.code, resolved.context.errLines.join('\n')).toBe(0);
    expect(resolved.context.outLines.join('\n')).toMatch(/rule 0: .*, resolved -> event type remediate-resolved$/m);
    writeFileSync(join(dir, 'bad.yml'), 'listen: nowhere\nrules: 3\n');
    const bad = await cli(dir, ['gateway', 'check', '--config', 'bad.yml']);
    expect(bad.code).toBe(2);
    expect(bad.context.errLines.join('\n')).toMatch(/bad\.yml:\d+:\d+/);
  });

  it('refuses to start without the secrets its config names', async () => {
    const { code, context } = await cli(dir, ['gateway', '--config', 'gateway.yml'], {
      env: { ...gitTestEnv(), AM_BEARER: BEARER },
    });
    expect(code).toBe(2);
    expect(context.errLines.join('\n')).toMatch(/set the environment variable GATEWAY_GITHUB_TOKEN/);
  });

  it('kill -9 after accepting while GitHub answers 502: after a restart the alert is dispatched exactly once', async () => {
    // GitHub is down: the first dispatch answers 502, and the gateway is killed right after it.
    gh.failNext(/^POST \/repos\/acme\/ops\/dispatches$/, 1, 502);
    const first = await startGateway();
    const accepted = await post(webhook('aaaa000000000001', 'web-1:9100'));
    expect(accepted.status).toBe(200);
    await waitFor('a 502 from GitHub', () =>
      gh.requests.some((r) => r.path === '/repos/acme/ops/dispatches') ? true : undefined,
    );
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(gh.dispatches).toHaveLength(0);
    const second = await startGateway();
    await waitFor('the dispatch after the restart', () => (gh.dispatches.length > 0 ? true : undefined), 30_000);
    // Re-sent by Alertmanager after the restart: recorded as a duplicate, not sent again.
    expect((await post(webhook('aaaa000000000001', 'web-1:9100'))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect(gh.dispatches).toHaveLength(1);
    expect(gh.dispatches[0]?.clientPayload).toMatchObject({ remediation: 'reapply-config@v1.0.0', target: 'web-1' });

    // SIGTERM: it finishes and exits 0, saying so in its JSON log.
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toEqual({ code: 0, signal: null });
    const lines = second.output().trim().split('\n');
    expect(lines.every((line) => JSON.parse(line) !== null)).toBe(true);
    expect(lines.at(-1)).toContain('"msg":"stopping"');
  }, 90_000);
});
