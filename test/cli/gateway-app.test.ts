// `remediate gateway` authenticating as a GitHub App, end to end: the CLI's gateway command run in
// this process (runCli, the same wiring as the child process) with a config naming the App's key
// file, GitHub's REST double checking the App's JWT as GitHub documents it. An alert becomes one
// dispatch sent with an installation token minted from the key; a revoked token is renewed, not
// a dead dispatch; a key GitHub does not know keeps the alert queued and /healthz unhealthy.
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExitCodeValue } from '../../src/errors.ts';
import { runCli } from '../../src/cli/commands.ts';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github-rest/server.ts';
import { writeAppKey, type AppKeyFile } from '../helpers/app-key.ts';
import { TempRepo, gitTestEnv } from '../helpers/git-repo.ts';
import { captureContext, cli, type CapturedContext } from '../helpers/in-process-cli.ts';
import { freePort, waitFor } from '../helpers/network.ts';

const APP_ID = 424242;
const INSTALLATION = 98765;
const BEARER = 'am-bearer-for-the-app-test-0123';

let dir: string;
let repo: TempRepo;
let appKey: AppKeyFile;
let gh: GitHubDouble;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gateway-app-'));
  repo = new TempRepo();
  repo.write('README.md', 'ops\n');
  repo.commit('init');
  appKey = writeAppKey(dir);
  // A real RSA key, but not the App's: what a key from another App or a stale download looks like.
  writeAppKey(dir, 'stranger.pem');
}, 30_000);

afterAll(() => {
  repo.remove();
  rmSync(dir, { recursive: true, force: true });
});

const running: { stop: () => Promise<unknown> }[] = [];
afterEach(async () => {
  for (const gateway of running.splice(0)) await gateway.stop();
  expect(gh.violations).toEqual([]);
  await gh.close();
});

/** Writes `<name>.yml` in `dir`: the deploy example's shape, authenticating as the App with `keyFile`. */
function writeConfig(name: string, port: number, keyFile: string): string {
  const path = join(dir, `${name}.yml`);
  writeFileSync(
    path,
    `listen: 127.0.0.1:${port}
state: ./${name}-state
github:
  repository: acme/ops
  app:
    id: ${APP_ID}
    private-key-file: ${keyFile} # relative to this file's folder
    installation-id: ${INSTALLATION}
sources:
  - id: am
    type: alertmanager
    path: /alertmanager
    auth: { bearer-env: AM_BEARER }
rules:
  - source: am
    match: { alertname: ConfigDrift }
    remediation: reapply-config@v1.0.0
    target: { label: instance, strip-port: true }
    params:
      target: { label: path }
`,
  );
  return path;
}

/** Starts `remediate gateway --config <config>` in process; resolves once /healthz answers. */
async function startGateway(config: string, port: number) {
  const cancel = new AbortController();
  const context: CapturedContext = captureContext(dir, {
    env: { ...gitTestEnv(), AM_BEARER: BEARER, GITHUB_API_URL: gh.url },
    cancel: cancel.signal,
  });
  const exit: Promise<ExitCodeValue> = runCli(['gateway', '--config', config], context);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    `the gateway to listen (${context.outLines.slice(-3).join(' ')} ${context.errLines.join(' ')})`,
    async () => ((await fetch(`${url}/healthz`).catch(() => undefined)) !== undefined ? true : undefined),
  );
  const gateway = {
    url,
    context,
    logs: () => context.outLines.map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: async () => {
      cancel.abort();
      return exit;
    },
  };
  running.push(gateway);
  return gateway;
}

/** An Alertmanager webhook v4 body with one firing alert. */
function webhook(fingerprint: string): string {
  return JSON.stringify({
    version: '4',
    status: 'firing',
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'ConfigDrift', instance: 'web-1:9100', path: '/etc/app.conf' },
        startsAt: '2026-12-02T10:00:00.000Z',
        fingerprint,
      },
    ],
  });
}

const post = (url: string, body: string) =>
  fetch(`${url}/alertmanager`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BEARER}` },
    body,
  });

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line?.split(' ')[1]);
}

const trail = () => gh.requests.map((r) => `${r.operationId ?? r.path} ${r.status ?? '-'}`);

describe('remediate gateway as a GitHub App', () => {
  it('gateway check says it authenticates as the App and where the key is, never the key', async () => {
    gh = await startGitHubDouble({ token: 'ghs_unused', gitDir: repo.dir, repository: 'acme/ops' });
    writeConfig('check', 9095, 'github-app.pem');
    const { code, context } = await cli(dir, ['gateway', 'check', '--config', 'check.yml']);
    expect(context.errLines).toEqual([]);
    expect(code).toBe(0);
    const text = context.outLines.join('\n');
    expect(text).toContain(
      `github acme/ops (GitHub App ${APP_ID}, installation ${INSTALLATION}, private key ${appKey.path}), event type remediate`,
    );
    expect(text).not.toMatch(/PRIVATE KEY|MII/);
  });

  it('an alert becomes one dispatch sent with an installation token; a revoked token is renewed, not a dead dispatch', async () => {
    gh = await startGitHubDouble({
      token: 'ghs_the-gateway-never-has-this',
      gitDir: repo.dir,
      repository: 'acme/ops',
      app: { id: APP_ID, publicKey: appKey.publicPem, installationId: INSTALLATION },
    });
    const port = await freePort();
    const gateway = await startGateway(writeConfig('app', port, 'github-app.pem'), port);
    // The token is minted at start, so a key GitHub refuses would show before the first alert.
    await waitFor('the start-up token', () => (gh.installationTokens.length === 1 ? true : undefined));
    expect(gh.installationTokens[0]).toMatchObject({ permissions: { contents: 'write' }, repositories: ['ops'] });
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);

    expect((await post(gateway.url, webhook('bbbb000000000001'))).status).toBe(200);
    await waitFor('the first dispatch', () => (gh.dispatches.length === 1 ? true : undefined));
    expect(gh.dispatches[0]?.clientPayload).toMatchObject({ remediation: 'reapply-config@v1.0.0', target: 'web-1' });
    // The double accepts only its static token (which the gateway never had) or an installation
    // token it issued to the App: this dispatch carried the one minted from the key.
    expect(trail()).toEqual(['apps/create-installation-access-token 201', 'repos/create-dispatch-event 204']);

    // The installation token is revoked (rotated key, re-installation): the next dispatch is
    // answered 401, the gateway mints another token and sends again, once.
    gh.revokeInstallationTokens();
    expect((await post(gateway.url, webhook('bbbb000000000002'))).status).toBe(200);
    await waitFor('the second dispatch', () => (gh.dispatches.length === 2 ? true : undefined));
    expect(trail().slice(2)).toEqual([
      'repos/create-dispatch-event 401',
      'apps/create-installation-access-token 201',
      'repos/create-dispatch-event 204',
    ]);
    expect(gh.installationTokens).toHaveLength(2);
    expect(await metric(gateway.url, 'remediate_gateway_dispatches{state="sent"}')).toBe(2);
    expect(await metric(gateway.url, 'remediate_gateway_dispatches{state="dead"}')).toBe(0);
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    // Nothing the gateway logged holds a token or the JWT.
    const logged = gateway.context.outLines.join('\n');
    for (const issued of gh.installationTokens) expect(logged).not.toContain(issued.token);
    expect(logged).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    expect(await gateway.stop()).toBe(0);
  }, 60_000);

  it('attack: a key that is not the App key keeps the alert queued and /healthz unhealthy; nothing is sent', async () => {
    gh = await startGitHubDouble({
      token: 'ghs_the-gateway-never-has-this',
      gitDir: repo.dir,
      repository: 'acme/ops',
      app: { id: APP_ID, publicKey: appKey.publicPem, installationId: INSTALLATION },
    });
    const port = await freePort();
    const gateway = await startGateway(writeConfig('stranger', port, 'stranger.pem'), port);
    await waitFor('the refused start-up check', async () =>
      (await fetch(`${gateway.url}/healthz`)).status === 503 ? true : undefined,
    );
    expect((await post(gateway.url, webhook('cccc000000000001'))).status).toBe(200);
    await waitFor('a dispatch retried for want of credentials', () =>
      gateway.logs().some((l) => l.msg === 'dispatch' && l.kind === 'retry' && l.credentials === true)
        ? true
        : undefined,
    );
    const health = await fetch(`${gateway.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      ok: false,
      queued: 1,
      dead: 0,
      dispatcher: expect.stringMatching(/HTTP 401: A JSON web token could not be decoded: check github\.app\.id/),
    });
    expect(gateway.logs().find((l) => l.credentials === true)).toMatchObject({ level: 'error' });
    expect(gh.dispatches).toEqual([]);
    expect(gh.installationTokens).toEqual([]);
    expect(
      gh.requests.every((r) => r.operationId === 'apps/create-installation-access-token' && r.status === 401),
    ).toBe(true);
    expect(await gateway.stop()).toBe(0);
  }, 60_000);

  it('refuses to start with a key file other users can read, or a file that is not an RSA key', async () => {
    gh = await startGitHubDouble({ token: 'ghs_unused', gitDir: repo.dir, repository: 'acme/ops' });
    const readable = join(dir, 'readable.pem');
    copyFileSync(appKey.path, readable);
    chmodSync(readable, 0o644);
    writeConfig('readable', 9095, 'readable.pem');
    const open = await cli(dir, ['gateway', '--config', 'readable.yml'], {
      env: { ...gitTestEnv(), AM_BEARER: BEARER },
    });
    expect(open.code).toBe(2);
    expect(open.context.errLines.join('\n')).toMatch(/UNPROTECTED_KEY.*chmod 600/);

    writeFileSync(join(dir, 'not-a-key.pem'), appKey.publicPem, { mode: 0o600 });
    writeConfig('not-a-key', 9095, 'not-a-key.pem');
    const wrong = await cli(dir, ['gateway', '--config', 'not-a-key.yml'], {
      env: { ...gitTestEnv(), AM_BEARER: BEARER },
    });
    expect(wrong.code).toBe(2);
    expect(wrong.context.errLines.join('\n')).toMatch(
      /INVALID_KEY.*not-a-key\.pem: expected the GitHub App's RSA private key in PEM/,
    );
    expect(gh.requests).toEqual([]);
  });
});
