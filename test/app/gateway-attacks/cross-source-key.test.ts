// Attack (found by review): the gateway dedupes on (source, key) but the runner on (remediation,
// key) (record/duplicate-alert.ts): two generic senders numbering their events 1, 2, 3..., or a
// generic id equal to an Alertmanager fingerprint@startsAt, would make the runner refuse the
// second as DUPLICATE_ALERT for 24 h, whatever its target. A generic source's keys are namespaced
// by the source, so they cannot collide.
import { expect, it } from 'vitest';
import { parseGatewayConfig } from '../../../src/core/gateway-config.ts';
import { routeAlert, type Routed } from '../../../src/core/gateway-rules.ts';
import { normalizeAlerts } from '../../../src/core/gateway-alerts.ts';
import { parseDispatchPayload } from '../../../src/core/dispatch-payload.ts';

const config = parseGatewayConfig(
  `listen: 127.0.0.1:0
state: ./s
github:
  repository: acme/ops
  token-env: TOK
sources:
  - id: ci
    type: generic
    path: /ci
    auth: { hmac-env: CI_HMAC }
  - id: probe
    type: generic
    path: /probe
    auth: { hmac-env: PROBE_HMAC }
rules:
  - source: ci
    match: { kind: disk }
    remediation: clean-disk@v1.0.0
    target: { label: host }
  - source: probe
    match: { kind: disk }
    remediation: clean-disk@v1.0.0
    target: { label: host }
`,
  'gateway.yml',
);

it('alerts of two sources that the gateway both dispatches get distinct runner idempotency keys', () => {
  const route = (source: string, host: string) => {
    const [alert] = normalizeAlerts('generic', source, { id: '42', name: 'disk', labels: { kind: 'disk', host } });
    return routeAlert(config.rules, alert!) as Routed;
  };
  const a = route('ci', 'web-1');
  const b = route('probe', 'db-7');
  expect(a.kind).toBe('routed');
  expect(b.kind).toBe('routed');
  const keyA = parseDispatchPayload({ client_payload: a.payload.client_payload }).idempotencyKey;
  const keyB = parseDispatchPayload({ client_payload: b.payload.client_payload }).idempotencyKey;
  // Both are queued by the gateway (different sources); the runner must not take b for a duplicate of a.
  expect(keyB).not.toBe(keyA);
  expect([keyA, keyB]).toEqual(['ci:42', 'probe:42']);
});
