// The alert gateway with a real Prometheus Alertmanager (Debian's prometheus-alertmanager 0.25)
// in front and the GitHub REST double (checked against GitHub's OpenAPI description) behind: an
// alert pushed into Alertmanager's own API becomes exactly one repository_dispatch with the
// mapped version, target and parameters. Alertmanager must be installed (.ci/run installs it);
// a missing binary fails this test, it never skips.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGatewayConfig } from '../../src/core/gateway-config.ts';
import { GatewayStore } from '../../src/adapters/gateway-store.ts';
import { sendDispatch } from '../../src/adapters/github-dispatch.ts';
import { startGateway, type RunningGateway } from '../../src/app/gateway-server.ts';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github-rest/server.ts';
import { TempRepo } from '../helpers/git-repo.ts';
import { freePort, waitFor } from '../helpers/network.ts';

const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';
const BEARER = 'am-webhook-secret-0123456789';
const TOKEN = 'ghs_gateway_token_0123456789';

let dir: string;
let repo: TempRepo;
let gh: GitHubDouble;
let gateway: RunningGateway;
let alertmanager: ChildProcess | undefined;
let amUrl: string;
const logs: Record<string, unknown>[] = [];

const CONFIG = (port: number, state: string) => `
listen: 127.0.0.1:${port}
state: ${state}
github:
  repository: octo-org/ops
  token-env: GATEWAY_GITHUB_TOKEN
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
      desired: { value: app.conf }
    on-resolved: { event-type: remediate-resolved }
`;

beforeAll(async () => {
  // In CI a missing Alertmanager is a failure: .ci/run installs it.
  const version = spawnSync(ALERTMANAGER, ['--version'], { encoding: 'utf8' });
  expect(version.error, `${ALERTMANAGER} is not installed (apt-get install prometheus-alertmanager)`).toBeUndefined();
  expect(`${version.stdout}${version.stderr}`).toMatch(/alertmanager, version 0\.\d+/);

  dir = mkdtempSync(join(tmpdir(), 'gateway-am-'));
  repo = new TempRepo();
  repo.write('README.md', 'ops\n');
  repo.commit('init');
  gh = await startGitHubDouble({ token: TOKEN, gitDir: repo.dir, repository: 'octo-org/ops' });

  const port = await freePort();
  const config = parseGatewayConfig(CONFIG(port, join(dir, 'state')), join(dir, 'gateway.yml'));
  gateway = await startGateway({
    config,
    store: GatewayStore.open(join(dir, 'state')),
    secrets: new Map([['am', { bearer: BEARER }]]),
    send: (dispatch, signal) =>
      sendDispatch({ apiUrl: gh.url, repository: 'octo-org/ops', token: TOKEN, body: dispatch.payload, signal }),
    now: () => new Date(),
    log: (event) => logs.push({ ...event }),
  });

  const amPort = await freePort();
  amUrl = `http://127.0.0.1:${amPort}`;
  writeFileSync(
    join(dir, 'alertmanager.yml'),
    [
      'route:',
      '  receiver: gateway',
      '  group_by: [alertname, instance]',
      '  group_wait: 1s',
      '  group_interval: 1s',
      '  repeat_interval: 1h',
      'receivers:',
      '  - name: gateway',
      '    webhook_configs:',
      `      - url: ${gateway.url}/alertmanager`,
      '        send_resolved: true',
      '        http_config:',
      '          authorization:',
      `            credentials: ${BEARER}`,
      '',
    ].join('\n'),
  );
  alertmanager = spawn(
    ALERTMANAGER,
    [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'am-data')}`,
      `--web.listen-address=127.0.0.1:${amPort}`,
      '--cluster.listen-address=',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let amLog = '';
  alertmanager.stdout?.on('data', (d: Buffer) => (amLog += d.toString()));
  alertmanager.stderr?.on('data', (d: Buffer) => (amLog += d.toString()));
  await waitFor(`Alertmanager to answer (${amLog.slice(-500)})`, async () =>
    (await fetch(`${amUrl}/-/ready`).catch(() => undefined))?.ok ? true : undefined,
  );
}, 60_000);

afterAll(async () => {
  alertmanager?.kill('SIGKILL');
  await gateway?.close();
  await gh?.close();
  repo?.remove();
  rmSync(dir, { recursive: true, force: true });
});

/** The alert the tests fire, and later resolve. */
const startsAt = new Date(Date.now() - 60_000).toISOString();

/** Pushes alerts into Alertmanager through its own API, as Prometheus does. */
async function pushAlerts(alerts: unknown[]): Promise<void> {
  const res = await fetch(`${amUrl}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(alerts),
  });
  expect(res.status).toBe(200);
}

describe('a real Alertmanager in front of the gateway', () => {
  it('turns a firing alert into exactly one dispatch with the mapped version, target and parameters', async () => {
    const alert = {
      labels: { alertname: 'ConfigDrift', instance: 'web-1:9100', path: '/etc/app.conf', severity: 'page' },
      annotations: { summary: 'app.conf drifted' },
      startsAt,
      generatorURL: 'http://prometheus.example/graph?g0.expr=drift',
    };
    await pushAlerts([alert]);
    const [dispatch] = await waitFor('one dispatch', () => (gh.dispatches.length > 0 ? gh.dispatches : undefined));
    expect(dispatch?.eventType).toBe('remediate');
    expect(dispatch?.clientPayload).toMatchObject({
      remediation: 'reapply-config@v1.0.0',
      target: 'web-1',
      params: { target: '/etc/app.conf', desired: 'app.conf' },
      alert: { source: 'am', name: 'ConfigDrift' },
    });
    // Alertmanager re-sends (the same alert pushed again, its group re-evaluated): still one.
    await pushAlerts([alert]);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(gh.dispatches).toHaveLength(1);
    expect(gh.violations).toEqual([]);
  }, 60_000);

  it('sends nothing for an unauthenticated request, a wrong token or an alert no rule maps', async () => {
    const before = gh.dispatches.length;
    const body = JSON.stringify({
      version: '4',
      status: 'firing',
      receiver: 'gateway',
      groupKey: '{}:{}',
      groupLabels: {},
      commonLabels: {},
      commonAnnotations: {},
      externalURL: 'http://am',
      truncatedAlerts: 0,
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'ConfigDrift', instance: 'web-9:9100', path: '/etc/x' },
          annotations: {},
          startsAt: new Date().toISOString(),
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: '',
          fingerprint: 'f00df00df00df00d',
        },
      ],
    });
    const post = (headers: Record<string, string>) =>
      fetch(`${gateway.url}/alertmanager`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await post({ authorization: `Bearer ${BEARER}x` })).status).toBe(401);
    // HMAC of the body is not a bearer token.
    expect(
      (await post({ authorization: `Bearer ${createHmac('sha256', BEARER).update(body).digest('hex')}` })).status,
    ).toBe(401);
    const unmatched = await fetch(`${gateway.url}/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BEARER}` },
      body: body.replace('ConfigDrift', 'DiskFull'),
    });
    expect(unmatched.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(gh.dispatches.length).toBe(before);
  });

  it('answers /healthz and /metrics', async () => {
    const health = (await (await fetch(`${gateway.url}/healthz`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/^remediate_gateway_unauthenticated_total [1-9]/m);
    expect(metrics).toMatch(/^remediate_gateway_dispatches\{state="sent"\} 1$/m);
  });

  it("dispatches the alert's resolution once, under its own event type, and never as a second fix", async () => {
    const before = gh.dispatches.length;
    // Prometheus resolves an alert by sending it again with an end time in the past.
    await pushAlerts([
      {
        labels: { alertname: 'ConfigDrift', instance: 'web-1:9100', path: '/etc/app.conf', severity: 'page' },
        annotations: { summary: 'app.conf drifted' },
        startsAt,
        endsAt: new Date(Date.now() - 1000).toISOString(),
        generatorURL: 'http://prometheus.example/graph?g0.expr=drift',
      },
    ]);
    const resolution = await waitFor('the resolution', () =>
      gh.dispatches.slice(before).find((d) => d.eventType === 'remediate-resolved'),
    );
    const fix = gh.dispatches.find((d) => d.eventType === 'remediate');
    expect(resolution.clientPayload).toMatchObject({
      remediation: 'reapply-config@v1.0.0',
      target: 'web-1',
      alert: {
        status: 'resolved',
        fingerprint: (fix?.clientPayload as { alert: { fingerprint: string } }).alert.fingerprint,
      },
    });
    // Alertmanager repeats resolved notifications for a while: still one resolution, one fix.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(gh.dispatches.filter((d) => d.eventType === 'remediate-resolved')).toHaveLength(1);
    expect(gh.dispatches.filter((d) => d.eventType === 'remediate')).toHaveLength(1);
    expect(gh.violations).toEqual([]);
  }, 60_000);
});
