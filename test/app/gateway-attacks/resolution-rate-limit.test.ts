// Attack (on-resolved, found by review): a rule's rate limit bounds how many dispatches a sender
// can cause per target, and resolutions do not count against it. A resolution was dispatched
// whatever became of its firing: throttled, never received, or never sent at all. So a sender
// limited to one fix an hour per target (a flapping alert, or a generic source sending fresh ids)
// caused one repository_dispatch per resolved alert, without bound: each starts a workflow run,
// and the burst spends the token's budget for content-creating requests until GitHub's secondary
// rate limit pauses every dispatch, the fixes queued behind them included. A resolution is the
// end of a firing this gateway dispatched; one whose firing it did not queue is recorded only.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, waitFor, type Harness } from './harness.ts';

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
rules:
  - source: am
    match: { alertname: DiskFull }
    remediation: clean-disk@v1.0.0
    target: { label: instance }
    rate-limit: { max: 1, within: 1h }
    on-resolved: { event-type: remediate-resolved }
`,
    { am: { bearer: 'am-bearer-token-0123456789' } },
  );
});
afterAll(() => h.close());

async function post(status: 'firing' | 'resolved', startsAt: string): Promise<string[]> {
  const response = await fetch(`${h.url}/am`, {
    method: 'POST',
    headers: { authorization: 'Bearer am-bearer-token-0123456789', 'content-type': 'application/json' },
    body: JSON.stringify({
      version: '4',
      status,
      alerts: [
        {
          status,
          labels: { alertname: 'DiskFull', instance: 'web-1' },
          fingerprint: 'f1a2b3c4d5e6f708',
          startsAt,
        },
      ],
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { outcomes: string[] }).outcomes;
}

const eventTypes = () => h.sent.map((d) => (JSON.parse(d.payload) as { event_type: string }).event_type);

it('a flapping alert past its rate limit dispatches no resolutions for the firings it throttled', async () => {
  // The first firing is dispatched, and so is its end.
  expect(await post('firing', '2030-01-01T00:00:00Z')).toEqual(['queued']);
  expect(await post('resolved', '2030-01-01T00:00:00Z')).toEqual(['queued']);
  // It flaps: every later firing is throttled, and its resolution must not be dispatched either.
  for (let i = 1; i <= 20; i++) {
    const startsAt = `2030-01-01T00:${String(i).padStart(2, '0')}:00Z`;
    expect(await post('firing', startsAt)).toEqual(['throttled']);
    expect(await post('resolved', startsAt)).toEqual(['resolved']);
  }
  // Resolutions of alerts this gateway never saw fire (a sender making them up) are recorded only.
  for (let i = 0; i < 20; i++)
    expect(await post('resolved', `2031-01-01T00:00:${String(i).padStart(2, '0')}Z`)).toEqual(['resolved']);
  await waitFor('the two dispatches', () => (h.sent.length >= 2 ? true : undefined));
  await new Promise((r) => setTimeout(r, 300));
  expect(eventTypes()).toEqual(['remediate', 'remediate-resolved']);
});
