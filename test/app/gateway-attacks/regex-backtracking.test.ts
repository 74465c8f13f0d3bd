// Attack (found by review, now refused): gateway-rules.ts says a match's cost "is bounded by the regex alone" because label
// values are at most 4096 characters; but an ordinary operator regex with several `.*` is
// polynomial in the value (here cubic), so one authenticated alert with a long label blocks the
// event loop for seconds (every source, /healthz, the dispatcher); 4096 characters take ~25 s,
// and 1000 such alerts fit in one body.
import { expect, it } from 'vitest';
import { parseGatewayConfig } from '../../../src/core/gateway-config.ts';
import { routeAlert } from '../../../src/core/gateway-rules.ts';

const config = parseGatewayConfig(
  `listen: 127.0.0.1:0
state: ./s
github:
  repository: acme/ops
  token-env: TOK
sources:
  - id: am
    type: alertmanager
    path: /am
    auth: { bearer-env: AMB }
rules:
  - source: am
    match: { alertname: X, instance: { regex: '.*-.*-.*-canary' } }
    remediation: r@v1.0.0
`,
  'gateway.yml',
);

it('matching one label value of 1500 characters against a rule regex takes well under a second', () => {
  const started = Date.now();
  routeAlert(config.rules, {
    source: 'am',
    status: 'firing',
    name: 'X',
    labels: { alertname: 'X', instance: '-'.repeat(1500) },
    key: 'fp@2026-01-01T00:00:00Z',
  });
  expect(Date.now() - started).toBeLessThan(300);
});
