// Two gateways for availability, each with its own state, fed the same alert (Alertmanager with
// two webhook receivers): each dedupes on its own, so both dispatch it once; the runner then
// derives the same idempotency key from both payloads and fixes once: the second run is a recorded
// DUPLICATE_ALERT. The dispatches go through the REST double; each becomes a real CLI run in a
// GitHub job (the repository_dispatch event file the runner writes), on one runner's records.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGatewayConfig } from '../../src/core/gateway-config.ts';
import { GatewayStore } from '../../src/adapters/gateway-store.ts';
import { sendDispatch } from '../../src/adapters/github-dispatch.ts';
import { startGateway, type RunningGateway } from '../../src/app/gateway-server.ts';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github-rest/server.ts';
import { releaseRemediation, type Released } from '../helpers/released.ts';

const TOKEN = 'ghs_gateway_ha_token_0123456789';
const BEARER = 'am-bearer-ha-0123456789';

const DEFINITION = [
  'name: reapply',
  'description: fixes a drifted file once per alert',
  'inputs:',
  '  path: { type: string, required: true }',
  'check:',
  "  - { id: probe, run: 'exit 1' }",
  'steps:',
  '  - { id: fix, run: \'echo "fixed by $GITHUB_RUN_ID" >> "$PARAM_PATH"\' }',
  '',
].join('\n');

const CONFIG = (state: string) => `
listen: 127.0.0.1:0
state: ${state}
github: { repository: octo-org/ops, token-env: GATEWAY_GITHUB_TOKEN }
sources:
  - { id: am, type: alertmanager, path: /alertmanager, auth: { bearer-env: AM_BEARER } }
rules:
  - source: am
    match: { alertname: FileDrift }
    remediation: reapply@v1.0.0
    target: { label: instance, strip-port: true }
    params:
      path: { label: path }
`;

let dir: string;
let released: Released;
let gh: GitHubDouble;
const gateways: RunningGateway[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gateway-ha-'));
  released = await releaseRemediation('reapply', DEFINITION);
  gh = await startGitHubDouble({ token: TOKEN, gitDir: released.repo.dir, repository: 'octo-org/ops' });
  for (const name of ['a', 'b']) {
    const state = join(dir, `state-${name}`);
    gateways.push(
      await startGateway({
        config: parseGatewayConfig(CONFIG(state), join(dir, `${name}.yml`)),
        store: GatewayStore.open(state),
        secrets: new Map([['am', { bearer: BEARER }]]),
        send: (dispatch, signal) =>
          sendDispatch({ apiUrl: gh.url, repository: 'octo-org/ops', token: TOKEN, body: dispatch.payload, signal }),
        now: () => new Date(),
        log: () => undefined,
      }),
    );
  }
}, 60_000);

afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  await gh.close();
  released.repo.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe('two gateways, one alert', () => {
  it('dispatch it once each, and the runner fixes once: the second run is a recorded DUPLICATE_ALERT', async () => {
    // The drifted file the alert names: each fix appends a line to it.
    const fixes = join(dir, 'app.conf');
    const body = JSON.stringify({
      version: '4',
      status: 'firing',
      receiver: 'remediate',
      groupKey: '{}:{alertname="FileDrift"}',
      truncatedAlerts: 0,
      groupLabels: { alertname: 'FileDrift' },
      commonLabels: {},
      commonAnnotations: {},
      externalURL: 'http://alertmanager.example',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'FileDrift', instance: 'web-1:9100', path: fixes },
          annotations: {},
          startsAt: '2026-12-02T10:00:00.000Z',
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: 'http://prometheus.example/graph',
          fingerprint: 'b10cb10cb10cb10c',
        },
      ],
    });
    for (const gateway of gateways) {
      const res = await fetch(`${gateway.url}/alertmanager`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${BEARER}` },
        body,
      });
      expect(res.status).toBe(200);
    }
    const deadline = Date.now() + 20_000;
    while (gh.dispatches.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(gh.dispatches).toHaveLength(2);
    expect(gh.violations).toEqual([]);

    // Each dispatch starts a workflow run: the runner writes the event and runs the version.
    const results = [];
    for (const [i, dispatch] of gh.dispatches.entries()) {
      const event = join(dir, `event-${i}.json`);
      writeFileSync(event, JSON.stringify({ action: dispatch.eventType, client_payload: dispatch.clientPayload }));
      const payload = dispatch.clientPayload as { target: string; params: { path: string } };
      results.push(
        await released.run(['--target', payload.target, '--param', `path=${payload.params.path}`], {
          GITHUB_ACTIONS: 'true',
          GITHUB_RUN_ID: String(9100 + i),
          GITHUB_RUN_ATTEMPT: '1',
          GITHUB_REPOSITORY: 'octo-org/ops',
          GITHUB_EVENT_NAME: 'repository_dispatch',
          GITHUB_EVENT_PATH: event,
        }),
      );
    }
    expect(results[0]?.code, results[0]?.stderr).toBe(0);
    expect(results[1]?.code).toBe(3);
    expect(results[1]?.stderr).toMatch(/refused \[DUPLICATE_ALERT\]: .*run 9100-1/);
    expect(existsSync(fixes) ? readFileSync(fixes, 'utf8').trim().split('\n') : []).toHaveLength(1);
  }, 90_000);
});
