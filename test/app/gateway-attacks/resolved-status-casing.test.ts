// Attack (on-resolved, found by review): the runner's last line against the end of an alert
// starting a fix is `alert.status === 'resolved'` in dispatch-payload.ts, which README promises
// holds "whatever sends it". The gateway always writes lowercase, but a direct sender or a bridge
// of one's own may not: `Resolved`, `RESOLVED` (Zabbix, many bridges) or `resolved ` with a stray
// space from a template passed as a firing alert, and the fix ran when the alert ended. The status
// is compared trimmed and without case.
import { expect, it } from 'vitest';
import { parseDispatchPayload } from '../../../src/core/dispatch-payload.ts';

const payload = (status: unknown) => ({
  client_payload: {
    remediation: 'clean-disk@v1.0.0',
    target: 'web-1',
    alert: { fingerprint: 'f1a2b3c4d5e6f708', startsAt: '2030-01-01T00:00:00Z', status },
  },
});

it.each(['resolved', 'Resolved', 'RESOLVED', ' resolved', 'resolved\n', 'ReSoLvEd'])(
  'refuses alert.status %j: a resolved alert never starts a fix',
  (status) => {
    expect(() => parseDispatchPayload(payload(status))).toThrow(/a resolved alert never starts a fix/);
  },
);

it('still takes a firing alert, and one without a status', () => {
  expect(parseDispatchPayload(payload('firing')).idempotencyKey).toBe('f1a2b3c4d5e6f708@2030-01-01T00:00:00Z');
  expect(parseDispatchPayload(payload(undefined)).remediation).toBe('clean-disk@v1.0.0');
});
