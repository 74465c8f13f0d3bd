// Attack (found by review): one failed store write in the dispatcher loop (SQLITE_BUSY past
// busy_timeout while `replay-dead` or a backup holds the lock, a full disk) rejected runDispatcher
// with nobody handling it: an unhandled rejection, or a gateway answering 200 'queued' while
// nothing was dispatched again. The loop now logs it, /healthz says so, and it starts again.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, waitFor, type Harness } from './harness.ts';

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
let h: Harness;
let calls = 0;
const sent: string[] = [];

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
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
    match: { alertname: X }
    remediation: r@v1.0.0
`,
    { am: { bearer: 'tok' } },
    async (d) => {
      calls++;
      if (calls === 1) return { kind: 'retry', afterMs: 10, reason: 'HTTP 502' };
      sent.push(d.key);
      return { kind: 'sent' };
    },
    (store) => {
      let failed = false;
      const markRetry = store.markRetry.bind(store);
      store.markRetry = (...args) => {
        if (!failed) {
          failed = true;
          throw new Error('database is locked');
        }
        markRetry(...args);
      };
      return store;
    },
  );
});
afterAll(async () => {
  await h.close().catch(() => undefined);
  process.off('unhandledRejection', onRejection);
});

const body = (fp: string) =>
  JSON.stringify({
    version: '4',
    alerts: [{ status: 'firing', labels: { alertname: 'X' }, startsAt: '2026-01-01T00:00:00Z', fingerprint: fp }],
  });
const post = (fp: string) =>
  fetch(`${h.url}/am`, { method: 'POST', headers: { authorization: 'Bearer tok' }, body: body(fp) });

it('keeps dispatching after one transient store error in the dispatcher', { timeout: 30_000 }, async () => {
  expect((await post('aaa')).status).toBe(200);
  await waitFor('the first send', () => (calls >= 1 ? true : undefined));
  await new Promise((r) => setTimeout(r, 200));
  expect(rejections).toEqual([]);
  const health = await fetch(`${h.url}/healthz`);
  expect(health.status).toBe(503);
  expect(await health.json()).toMatchObject({ ok: false, dispatcher: expect.stringMatching(/database is locked/) });
  expect((await post('bbb')).status).toBe(200);
  await waitFor(
    'the second alert to be sent',
    () => (sent.includes('bbb@2026-01-01T00:00:00Z') ? true : undefined),
    15_000,
  );
  expect(sent).toContain('aaa@2026-01-01T00:00:00Z');
  expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
});
