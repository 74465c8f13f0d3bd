// Attack (on-resolved review: "can a resolved alert ever start a fix?"): senders retry, and do not
// keep order. Alertmanager retries a webhook that failed (a 503 while the state was busy) with
// backoff, an HA peer sends the same group on its own schedule, and PagerDuty says its webhooks
// may arrive out of order. A firing notification delivered after the resolution of the same alert
// (same fingerprint@startsAt, same incident id) was queued as a fix: the end of the alert had
// been seen, and its fix started anyway. An alert that fires again gets a new startsAt (a new
// key), so a firing whose key has already resolved is always stale: recorded, not dispatched.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(
    `github:
  repository: acme/ops
  token-env: TOK
sources:
  - id: am
    type: alertmanager
    path: /am
    auth: { bearer-env: AMB }
  - id: pd
    type: pagerduty
    path: /pd
    auth: { hmac-env: PDH }
rules:
  - source: am
    match: { alertname: DiskFull }
    remediation: clean-disk@v1.0.0
    target: { label: instance }
  - source: pd
    match: { service: disk }
    remediation: clean-disk@v1.0.0
`,
    { am: { bearer: 'am-bearer-token-0123456789' }, pd: { hmac: 'pd-signing-secret' } },
  );
});
afterAll(() => h.close());

async function post(path: string, headers: Record<string, string>, body: unknown): Promise<string[]> {
  const response = await fetch(`${h.url}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { outcomes: string[] }).outcomes;
}

const am = (status: 'firing' | 'resolved', startsAt: string) =>
  post(
    '/am',
    { authorization: 'Bearer am-bearer-token-0123456789' },
    {
      version: '4',
      status,
      alerts: [
        { status, labels: { alertname: 'DiskFull', instance: 'web-1' }, fingerprint: 'f1a2b3c4d5e6f708', startsAt },
      ],
    },
  );
const pd = (eventType: string) => {
  const body = {
    event: {
      id: `ev-${eventType}`,
      event_type: eventType,
      resource_type: 'incident',
      data: { id: 'Q1INCIDENT', type: 'incident', title: 'disk full', service: { id: 'S1', summary: 'disk' } },
    },
  };
  const signature = createHmac('sha256', 'pd-signing-secret').update(JSON.stringify(body)).digest('hex');
  return post('/pd', { 'x-pagerduty-signature': `v1=${signature}` }, body);
};

it('a firing delivered after the resolution of the same alert starts no fix', async () => {
  expect(await am('resolved', '2030-01-01T00:00:00Z')).toEqual(['resolved']);
  expect(await am('firing', '2030-01-01T00:00:00Z')).toEqual(['resolved']);
  expect(await pd('incident.resolved')).toEqual(['resolved']);
  expect(await pd('incident.triggered')).toEqual(['resolved']);
  // The same alert firing again is a new startsAt: a new firing, dispatched.
  expect(await am('firing', '2030-01-01T01:00:00Z')).toEqual(['queued']);
  await new Promise((r) => setTimeout(r, 300));
  expect(h.sent.map((d) => d.key)).toEqual(['f1a2b3c4d5e6f708@2030-01-01T01:00:00Z']);
});
