import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertKeyOfEvent, parseDispatchPayload } from '../../src/core/dispatch-payload.ts';
import { normalizeAlerts, type NormalizedAlert } from '../../src/core/gateway-alerts.ts';
import { parseGatewayConfig, type GatewayRule } from '../../src/core/gateway-config.ts';
import { routeAlert, stripPort, type Routed } from '../../src/core/gateway-rules.ts';

const fixtureText = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/gateway', name), 'utf8');
const fixture = (name: string): unknown => JSON.parse(fixtureText(name));
const issueConfig = parseGatewayConfig(fixtureText('issue-15.yml'), 'gateway.yml');

const alert = (patch: Partial<NormalizedAlert> = {}): NormalizedAlert => ({
  source: 'am',
  status: 'firing',
  name: 'ConfigDrift',
  labels: { alertname: 'ConfigDrift', instance: 'web-1:9100', path: '/etc/app/app.conf' },
  key: 'a1b2c3d4e5f60718@2026-03-01T10:00:00.000Z',
  startsAt: '2026-03-01T10:00:00.000Z',
  ...patch,
});
const rule = (patch: Partial<GatewayRule> = {}): GatewayRule => ({
  source: 'am',
  match: { alertname: 'ConfigDrift' },
  remediation: 'reapply-config@v1.0.0',
  params: {},
  ...patch,
});
const routed = (result: ReturnType<typeof routeAlert>): Routed => {
  if (result.kind !== 'routed') throw new Error(`expected routed, got ${JSON.stringify(result)}`);
  return result;
};

describe('routeAlert', () => {
  it("turns issue 15's Alertmanager alert into its pinned remediation, target and params", () => {
    const [firing] = normalizeAlerts('alertmanager', 'am', fixture('alertmanager-v4.json'));
    if (firing === undefined) throw new Error('no alert');
    const result = routed(routeAlert(issueConfig.rules, firing, issueConfig.github.eventType));
    expect(result).toEqual({
      kind: 'routed',
      event: 'firing',
      ruleIndex: 0,
      remediation: 'reapply-config@v1.0.0',
      target: 'web-1',
      params: { target: '/etc/app/app.conf', desired: 'app.conf' },
      payload: {
        event_type: 'remediate',
        client_payload: {
          remediation: 'reapply-config@v1.0.0',
          target: 'web-1',
          params: { target: '/etc/app/app.conf', desired: 'app.conf' },
          alert: {
            source: 'am',
            name: 'ConfigDrift',
            status: 'firing',
            fingerprint: 'a1b2c3d4e5f60718',
            startsAt: '2026-03-01T10:00:00.000Z',
            link: 'http://prometheus:9090/graph?g0.expr=drift',
          },
        },
      },
    });
  });

  it("builds payloads the runner's parser accepts, deriving the alert's own key, for every source type", () => {
    const cases: [NormalizedAlert[], string][] = [
      [
        normalizeAlerts('alertmanager', 'am', fixture('alertmanager-v4.json')),
        'a1b2c3d4e5f60718@2026-03-01T10:00:00.000Z',
      ],
      [normalizeAlerts('grafana', 'am', fixture('grafana-webhook.json')), '57c6d9296de2ad39@2026-03-01T10:05:00Z'],
      [normalizeAlerts('pagerduty', 'am', fixture('pagerduty-triggered.json')), 'Q1ABCDEFGHIJKL'],
      [normalizeAlerts('generic', 'am', { id: 'evt-1', name: 'N', labels: { host: 'h' } }), 'am:evt-1'],
      // A generic id that looks like fingerprint@startsAt but has no startsAt travels as an id.
      [normalizeAlerts('generic', 'am', { id: 'fp@2026', name: 'N', labels: {} }), 'am:fp@2026'],
    ];
    for (const [[firing], key] of cases) {
      if (firing === undefined) throw new Error('no alert');
      const result = routed(routeAlert([rule({ match: {} })], firing));
      expect(firing.key).toBe(key);
      const event = { client_payload: result.payload.client_payload };
      const request = parseDispatchPayload(event);
      expect(request.idempotencyKey).toBe(key);
      expect(alertKeyOfEvent(event)).toMatchObject({ kind: 'key', key });
      expect(request.remediation).toBe('reapply-config@v1.0.0');
    }
  });

  it('takes the first matching rule of the alert source, and skips rules of other sources', () => {
    const rules = [
      rule({ source: 'other', remediation: 'wrong@v9.9.9' }),
      rule({ match: { alertname: 'ConfigDrift', severity: 'page' }, remediation: 'no-severity@v1.0.0' }),
      rule({ match: { instance: { regex: 'web-[0-9]+:9100' } }, remediation: 'first@v1.0.0' }),
      rule({ remediation: 'second@v1.0.0' }),
    ];
    expect(routed(routeAlert(rules, alert()))).toMatchObject({ ruleIndex: 2, remediation: 'first@v1.0.0' });
  });

  it('anchors regexes as full matches: a prefix, suffix or alternation cannot widen them', () => {
    const only = (regex: string, instance: string) =>
      routeAlert([rule({ match: { instance: { regex } } })], alert({ labels: { instance } })).kind;
    expect(only('web-1', 'web-1')).toBe('routed');
    expect(only('web-1', 'web-10')).toBe('unmatched');
    expect(only('web-1', 'canary-web-1')).toBe('unmatched');
    expect(only('a|web', 'web-1')).toBe('unmatched');
    expect(only('a|web-1', 'web-1')).toBe('routed');
  });

  it('matches exact values exactly and never through a missing label or the prototype', () => {
    const r = (match: GatewayRule['match'], labels: Record<string, string>) =>
      routeAlert([rule({ match })], alert({ labels })).kind;
    expect(r({ alertname: 'ConfigDrift' }, { alertname: 'configdrift' })).toBe('unmatched');
    expect(r({ alertname: 'ConfigDrift' }, { alertname: 'ConfigDrift ' })).toBe('unmatched');
    expect(r({ team: { regex: '.*' } }, { alertname: 'x' })).toBe('unmatched');
    expect(r({ constructor: { regex: '.*' } }, {})).toBe('unmatched');
    expect(r({ toString: { regex: '[\\s\\S]*' } }, {})).toBe('unmatched');
    expect(r({ __proto__: { regex: '.*' } } as GatewayRule['match'], { alertname: 'x' })).toBe('routed');
  });

  it('answers unmatched for an alert no rule allows, and never dispatches a resolved alert', () => {
    expect(routeAlert([rule()], alert({ labels: { alertname: 'Other' } }))).toEqual({ kind: 'unmatched' });
    expect(routeAlert([], alert())).toEqual({ kind: 'unmatched' });
    expect(routeAlert([rule()], alert({ status: 'resolved' }))).toEqual({ kind: 'resolved', ruleIndex: 0 });
    expect(routeAlert([rule()], alert({ status: 'resolved', labels: {} }))).toEqual({
      kind: 'resolved',
      ruleIndex: undefined,
    });
  });

  it("dispatches a resolved alert only under its rule's on-resolved event type, with the firing's key", () => {
    const withResolved = rule({ onResolved: { eventType: 'remediate-resolved' } });
    const result = routed(routeAlert([withResolved], alert({ status: 'resolved' }), 'remediate'));
    expect(result.event).toBe('resolved');
    expect(result.payload.event_type).toBe('remediate-resolved');
    expect(result.payload.client_payload['alert']).toMatchObject({
      status: 'resolved',
      fingerprint: 'a1b2c3d4e5f60718',
    });
    // The same dispatch key as the firing it ends: a workflow can pair them.
    expect(alertKeyOfEvent({ client_payload: result.payload.client_payload })).toMatchObject({
      kind: 'key',
      key: alert().key,
    });
    // The fix's runner refuses it: a resolution can never start a fix, whatever event it arrives as.
    expect(() => parseDispatchPayload({ client_payload: result.payload.client_payload })).toThrow(
      /alert\.status is "resolved": a resolved alert never starts a fix/,
    );
    // A firing alert of the same rule still goes to the fix's event type.
    expect(routed(routeAlert([withResolved], alert(), 'remediate')).payload.event_type).toBe('remediate');
  });

  it('never takes the version from the alert: a label naming another version changes nothing', () => {
    const result = routed(
      routeAlert(
        [rule()],
        alert({ labels: { alertname: 'ConfigDrift', remediation: 'evil@v6.6.6', version: 'v6.6.6' } }),
      ),
    );
    expect(result.remediation).toBe('reapply-config@v1.0.0');
    expect(result.payload.client_payload['remediation']).toBe('reapply-config@v1.0.0');
  });

  it('strips a trailing port only, and refuses targets the runner would refuse', () => {
    expect(stripPort('web-1:9100')).toBe('web-1');
    expect(stripPort('db:primary')).toBe('db:primary');
    expect(stripPort('10.0.0.1:80')).toBe('10.0.0.1');
    const target = (instance: string, stripPortOn = true) =>
      routeAlert(
        [rule({ target: { label: 'instance', stripPort: stripPortOn } })],
        alert({ labels: { alertname: 'ConfigDrift', instance } }),
      );
    expect(routed(target('web-1:9100', false)).target).toBe('web-1:9100');
    for (const hostile of [
      '-rf:22',
      '../etc',
      'web-1\n::warning::x',
      'web 1',
      '[::1]:9100',
      '$(id)',
      '',
      'w'.repeat(201),
    ]) {
      const result = target(hostile);
      expect(result.kind, hostile).toBe('invalid');
    }
  });

  it('makes an alert missing a label the target or a parameter needs invalid, with the reason', () => {
    expect(
      routeAlert([rule({ target: { label: 'instance' } })], alert({ labels: { alertname: 'ConfigDrift' } })),
    ).toEqual({
      kind: 'invalid',
      ruleIndex: 0,
      reason: "the alert has no label 'instance' for the target",
    });
    expect(
      routeAlert([rule({ params: { dir: { label: 'path' } } })], alert({ labels: { alertname: 'ConfigDrift' } })),
    ).toEqual({
      kind: 'invalid',
      ruleIndex: 0,
      reason: "the alert has no label 'path' for parameter 'dir'",
    });
  });

  it('passes label values verbatim as data (the runner validates them against the inputs)', () => {
    const value = '$(rm -rf /); `id` ${{ github.token }} \'quoted\' "double"';
    const result = routed(
      routeAlert(
        [rule({ params: { dir: { label: 'path' } } })],
        alert({ labels: { alertname: 'ConfigDrift', path: value } }),
      ),
    );
    expect(result.params).toEqual({ dir: value });
    expect(parseDispatchPayload({ client_payload: result.payload.client_payload }).params).toEqual({ dir: value });
  });

  it("refuses a payload over GitHub's 64 KB and an event type over 100 characters", () => {
    const big = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`p${i}`, { label: `l${i}` }]));
    const labels = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`l${i}`, 'x'.repeat(4000)]));
    const result = routeAlert([rule({ params: big })], alert({ labels: { alertname: 'ConfigDrift', ...labels } }));
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toMatch(
      /client_payload is \d+ bytes; GitHub accepts less than 65536/,
    );
    const smaller = routeAlert(
      [rule({ params: big })],
      alert({
        labels: {
          alertname: 'ConfigDrift',
          ...Object.fromEntries(Object.keys(labels).map((k) => [k, 'x'.repeat(3000)])),
        },
      }),
    );
    expect(smaller.kind).toBe('routed');
    expect(routeAlert([rule()], alert(), 'e'.repeat(101))).toMatchObject({
      kind: 'invalid',
      reason: /event type is 101 characters/,
    });
    expect(routeAlert([rule()], alert(), 'e'.repeat(100)).kind).toBe('routed');
  });

  it('refuses an alert whose key the runner would derive differently', () => {
    // A hand-built alert whose key was not checked by normalizeAlerts: a space is no key.
    expect(routeAlert([rule()], { ...alert(), key: 'has space' })).toMatchObject({ kind: 'invalid' });
  });
});
