import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ALERTS_PER_BODY, normalizeAlerts } from '../../src/core/gateway-alerts.ts';
import { thrown } from '../helpers/errors.ts';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/gateway', name), 'utf8')) as Record<string, unknown>;
const refusal = (fn: () => unknown) => {
  const error = thrown(fn);
  expect(error?.code).toBe('INVALID_ALERT');
  return error?.message ?? '';
};

describe('normalizeAlerts: alertmanager', () => {
  it('reads each alert of a webhook v4 group on its own: a firing group can hold a resolved alert', () => {
    const alerts = normalizeAlerts('alertmanager', 'am', fixture('alertmanager-v4.json'));
    expect(alerts).toEqual([
      {
        source: 'am',
        status: 'firing',
        name: 'ConfigDrift',
        labels: { alertname: 'ConfigDrift', instance: 'web-1:9100', path: '/etc/app/app.conf', severity: 'page' },
        key: 'a1b2c3d4e5f60718@2026-03-01T10:00:00.000Z',
        startsAt: '2026-03-01T10:00:00.000Z',
        link: 'http://prometheus:9090/graph?g0.expr=drift',
      },
      {
        source: 'am',
        status: 'resolved',
        name: 'ConfigDrift',
        labels: { alertname: 'ConfigDrift', instance: 'web-2:9100', path: '/etc/app/app.conf' },
        key: 'b1b2c3d4e5f60718@2026-03-01T09:00:00.000Z',
        startsAt: '2026-03-01T09:00:00.000Z',
        // A javascript: link is dropped, not passed on to a summary someone clicks.
      },
    ]);
  });

  it('refuses another version, a body that is not an object, and alerts that are not a list', () => {
    expect(
      refusal(() => normalizeAlerts('alertmanager', 'am', { ...fixture('alertmanager-v4.json'), version: '3' })),
    ).toMatch(/expected version "4", got "3"/);
    expect(refusal(() => normalizeAlerts('alertmanager', 'am', [1]))).toMatch(/expected a JSON object, got a list/);
    expect(refusal(() => normalizeAlerts('alertmanager', 'am', { version: '4', alerts: {} }))).toMatch(
      /alerts to be a list/,
    );
  });

  const withAlert = (patch: Record<string, unknown>) => {
    const body = fixture('alertmanager-v4.json');
    const [first] = body['alerts'] as Record<string, unknown>[];
    return { ...body, alerts: [{ ...first, ...patch }] };
  };

  it.each([
    [
      'a status other than firing or resolved',
      { status: 'pending' },
      /alerts\[0\]\.status: expected "firing" or "resolved"/,
    ],
    [
      'a number label (type confusion)',
      { labels: { alertname: 'X', instance: 5 } },
      /labels\["instance"\]: expected a string, got a number/,
    ],
    ['labels that are a list', { labels: ['a'] }, /labels: expected an object of strings, got a list/],
    ['a missing fingerprint', { fingerprint: undefined }, /fingerprint: expected a non-empty string/],
    ['a numeric startsAt', { startsAt: 1 }, /startsAt: expected a non-empty string/],
    [
      'a key with a newline (log forging)',
      { fingerprint: 'abc\n::set-output' },
      /expected an idempotency key of 1-256 visible ASCII/,
    ],
    ['a key with a space', { fingerprint: 'a b' }, /idempotency key/],
    ['a key over 256 characters', { fingerprint: 'f'.repeat(250) }, /idempotency key/],
    ['a label value over 4096 characters', { labels: { alertname: 'X', path: 'p'.repeat(5000) } }, /at most 4096/],
  ])('refuses the whole body for %s', (_, patch, message) => {
    expect(refusal(() => normalizeAlerts('alertmanager', 'am', withAlert(patch)))).toMatch(message);
  });

  it('refuses a flood of alerts in one body', () => {
    const body = fixture('alertmanager-v4.json');
    const [first] = body['alerts'] as unknown[];
    const flood = { ...body, alerts: Array.from({ length: MAX_ALERTS_PER_BODY + 1 }, () => first) };
    expect(refusal(() => normalizeAlerts('alertmanager', 'am', flood))).toMatch(/1001 alerts in one body/);
  });

  it('keeps a __proto__ label an own label, never the prototype (prototype pollution)', () => {
    const body = JSON.parse(
      JSON.stringify(fixture('alertmanager-v4.json')).replace('"severity":"page"', '"__proto__":{"polluted":"yes"}'),
    ) as unknown;
    // JSON.parse makes __proto__ an own key; the labels then hold an object, which is refused.
    expect(refusal(() => normalizeAlerts('alertmanager', 'am', body))).toMatch(
      /labels\["__proto__"\]: expected a string/,
    );
    const stringProto = JSON.parse(
      JSON.stringify(fixture('alertmanager-v4.json')).replace('"severity":"page"', '"__proto__":"x"'),
    ) as unknown;
    const [alert] = normalizeAlerts('alertmanager', 'am', stringProto);
    expect(Object.hasOwn(alert?.labels ?? {}, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(alert?.labels)).toBe(Object.prototype);
  });

  it('names an alert without alertname with an empty name', () => {
    const [alert] = normalizeAlerts('alertmanager', 'am', withAlert({ labels: { job: 'node' } }));
    expect(alert?.name).toBe('');
  });
});

describe('normalizeAlerts: grafana', () => {
  it("reads the contact point's alerts like Alertmanager's, keyed fingerprint@startsAt", () => {
    expect(normalizeAlerts('grafana', 'gf', fixture('grafana-webhook.json'))).toEqual([
      {
        source: 'gf',
        status: 'firing',
        name: 'HighLatency',
        labels: { alertname: 'HighLatency', grafana_folder: 'ops', instance: 'api-1:8080' },
        key: '57c6d9296de2ad39@2026-03-01T10:05:00Z',
        startsAt: '2026-03-01T10:05:00Z',
        link: 'https://grafana.example.com/alerting/grafana/abc/view',
      },
    ]);
  });

  it('refuses a body without alerts (a legacy dashboard alert)', () => {
    expect(refusal(() => normalizeAlerts('grafana', 'gf', { title: 'x', state: 'alerting' }))).toMatch(
      /alerts to be a list/,
    );
  });
});

describe('normalizeAlerts: pagerduty', () => {
  it('reads incident.triggered as one firing alert keyed by the incident id, with documented labels', () => {
    expect(normalizeAlerts('pagerduty', 'pd', fixture('pagerduty-triggered.json'))).toEqual([
      {
        source: 'pd',
        status: 'firing',
        name: 'Disk full on db-primary',
        labels: {
          incident_id: 'Q1ABCDEFGHIJKL',
          incident_number: '4711',
          title: 'Disk full on db-primary',
          service: 'Database',
          service_id: 'PSVC1',
          urgency: 'high',
          priority: 'P1',
          status: 'triggered',
          incident_key: 'db-primary-disk',
          event_type: 'incident.triggered',
        },
        key: 'Q1ABCDEFGHIJKL',
        startsAt: '2026-03-01T10:09:58Z',
        link: 'https://acme.pagerduty.com/incidents/Q1ABCDEFGHIJKL',
      },
    ]);
  });

  const withEvent = (patch: Record<string, unknown>, dataPatch: Record<string, unknown> = {}) => {
    const body = fixture('pagerduty-triggered.json');
    const event = body['event'] as Record<string, unknown>;
    return { event: { ...event, ...patch, data: { ...(event['data'] as object), ...dataPatch } } };
  };

  it('reads incident.resolved as resolved, and ignores every other event type', () => {
    expect(normalizeAlerts('pagerduty', 'pd', withEvent({ event_type: 'incident.resolved' }))[0]?.status).toBe(
      'resolved',
    );
    for (const other of [
      'incident.acknowledged',
      'incident.annotated',
      'incident.reassigned',
      'service.updated',
      'pagey.ping',
    ]) {
      expect(normalizeAlerts('pagerduty', 'pd', withEvent({ event_type: other }))).toEqual([]);
    }
  });

  it('tolerates a null priority and missing optional fields', () => {
    const [alert] = normalizeAlerts(
      'pagerduty',
      'pd',
      withEvent({}, { priority: null, number: undefined, service: undefined }),
    );
    expect(alert?.labels).not.toHaveProperty('priority');
    expect(alert?.labels).not.toHaveProperty('service');
    expect(alert?.labels).not.toHaveProperty('incident_number');
  });

  it.each([
    ['data of another resource type', {}, { type: 'service' }, /event\.data\.type "incident"/],
    ['a numeric incident id', {}, { id: 42 }, /event\.data\.id: expected a non-empty string/],
    ['an incident id with a newline', {}, { id: 'Q1\nX' }, /idempotency key/],
    ['an object title', {}, { title: { a: 1 } }, /event\.data\.title: expected a string/],
    ['a missing event_type', { event_type: undefined }, {}, /event\.event_type: expected a non-empty string/],
  ])('refuses %s', (_, patch, dataPatch, message) => {
    expect(refusal(() => normalizeAlerts('pagerduty', 'pd', withEvent(patch, dataPatch)))).toMatch(message);
  });

  it('refuses a body without an event object', () => {
    expect(refusal(() => normalizeAlerts('pagerduty', 'pd', { messages: [] }))).toMatch(/event to be an object/);
  });
});

describe('normalizeAlerts: generic', () => {
  it('reads {id, status?, name, labels}, firing unless it says resolved', () => {
    expect(normalizeAlerts('generic', 'gen', { id: 'evt-1', name: 'DiskFull', labels: { host: 'db-1' } })).toEqual([
      { source: 'gen', status: 'firing', name: 'DiskFull', labels: { host: 'db-1' }, key: 'gen:evt-1' },
    ]);
    const [resolved] = normalizeAlerts('generic', 'gen', {
      id: 'evt-1',
      status: 'resolved',
      name: 'DiskFull',
      labels: {},
      startsAt: '2026-03-01T10:00:00Z',
      link: 'https://monitor.example.com/evt-1',
    });
    expect(resolved).toMatchObject({
      status: 'resolved',
      startsAt: '2026-03-01T10:00:00Z',
      link: 'https://monitor.example.com/evt-1',
    });
  });

  it.each([
    ['a misspelt field', { id: 'a', name: 'n', lables: {} }, /unknown field "lables"/],
    ['a numeric id', { id: 7, name: 'n' }, /id: expected a non-empty string/],
    ['an id with a terminal escape', { id: 'a\u001b[2J', name: 'n' }, /idempotency key/],
    ['an invisible Unicode id', { id: 'a\u200bb', name: 'n' }, /idempotency key/],
    ['a missing name', { id: 'a' }, /name: expected a non-empty string/],
    ['a status of "pending"', { id: 'a', name: 'n', status: 'pending' }, /status: expected "firing" or "resolved"/],
    ['a javascript: link', { id: 'a', name: 'n', link: 'javascript:alert(1)' }, /link: expected an http\(s\) URL/],
    ['a body that is a string', 'id=a', /expected a JSON object, got a string/],
    ['null', null, /expected a JSON object, got null/],
  ])('refuses %s', (_, body, message) => {
    expect(refusal(() => normalizeAlerts('generic', 'gen', body))).toMatch(message);
  });
});
