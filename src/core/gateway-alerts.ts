// Reads what an alerting system posted into alerts the gateway can route: one NormalizedAlert
// per alert, not per notification (an Alertmanager group whose status is `firing` can hold
// resolved alerts). Pure: a parsed JSON body in, alerts or an INVALID_ALERT error out. The body
// reaches here only after the request was authenticated (core/gateway-auth.ts).
//
// Labels per source:
// - alertmanager, grafana: the alert's own labels (`alertname` among them); name = `alertname`.
// - pagerduty: `incident_id`, `incident_number`, `title`, `service`, `service_id`, `urgency`,
//   `priority`, `status`, `incident_key`, `event_type` (each when the event carries it);
//   name = the incident title.
// - generic: the body's `labels`; name = its `name`.

import { UsageError } from '../errors.ts';
import { IDEMPOTENCY_KEY } from './idempotency-key.ts';
import type { GatewaySource } from './gateway-config.ts';

/** One alert as the rules see it, whatever system sent it. */
export interface NormalizedAlert {
  /** The id of the source it arrived at. */
  readonly source: string;
  readonly status: 'firing' | 'resolved';
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /**
   * What makes two deliveries of this alert the same (core/idempotency-key.ts): alertmanager and
   * grafana `fingerprint@startsAt`, pagerduty the incident id, generic the body's `id`.
   */
  readonly key: string;
  readonly startsAt?: string;
  /** An http(s) link back to the alert in its system, when it has one. */
  readonly link?: string;
}

/** Most alerts one request may carry; more is a flood, not a notification group. */
export const MAX_ALERTS_PER_BODY = 1000;
/** Most labels one alert may carry. */
export const MAX_LABELS = 128;
/** Longest label value kept; longer values are refused (they are data for parameters, not documents). */
export const MAX_LABEL_VALUE_LENGTH = 4096;
/** Longest link kept. */
const MAX_LINK_LENGTH = 2048;

/**
 * Reads the alerts of a request body already parsed as JSON, in the format of the source's type.
 * Returns [] for an event that is no alert (a PagerDuty `incident.acknowledged`). Throws
 * UsageError INVALID_ALERT for a body that is not that format, or any alert in it that is
 * malformed: the whole body is refused, so a sender's bug shows as a 4xx instead of some of its
 * alerts silently doing nothing.
 */
export function normalizeAlerts(type: GatewaySource['type'], sourceId: string, body: unknown): NormalizedAlert[] {
  switch (type) {
    case 'alertmanager':
      return alertmanagerAlerts(sourceId, body);
    case 'grafana':
      return grafanaAlerts(sourceId, body);
    case 'pagerduty':
      return pagerDutyAlerts(sourceId, body);
    case 'generic':
      return genericAlerts(sourceId, body);
  }
}

function invalid(type: string, message: string): never {
  throw new UsageError('INVALID_ALERT', `${type} body: ${message}`);
}

// Alertmanager webhook v4: {version: "4", status, alerts: [{status, labels, annotations,
// startsAt, endsAt, generatorURL, fingerprint}], ...}.
function alertmanagerAlerts(sourceId: string, body: unknown): NormalizedAlert[] {
  if (!isObject(body)) return invalid('alertmanager', `expected a JSON object, got ${typeOf(body)}`);
  // Another version may mean other fields: guessing could read an alert wrongly.
  if (body['version'] !== '4') return invalid('alertmanager', `expected version "4", got ${show(body['version'])}`);
  return groupAlerts('alertmanager', sourceId, body);
}

// Grafana's webhook contact point: Alertmanager-like, {receiver, status, orgId, alerts: [{status,
// labels, annotations, startsAt, endsAt, generatorURL, fingerprint, silenceURL, dashboardURL,
// panelURL, values}], version: "1", ...}. Its version is not checked: Grafana has sent "1" for
// years, and the alert fields read here are the ones every version carries.
function grafanaAlerts(sourceId: string, body: unknown): NormalizedAlert[] {
  if (!isObject(body)) return invalid('grafana', `expected a JSON object, got ${typeOf(body)}`);
  return groupAlerts('grafana', sourceId, body);
}

function groupAlerts(type: 'alertmanager' | 'grafana', sourceId: string, body: Record<string, unknown>) {
  const alerts = body['alerts'];
  if (!Array.isArray(alerts)) return invalid(type, `expected alerts to be a list, got ${typeOf(alerts)}`);
  if (alerts.length > MAX_ALERTS_PER_BODY) {
    return invalid(type, `${alerts.length} alerts in one body; at most ${MAX_ALERTS_PER_BODY} are accepted`);
  }
  return alerts.map((alert: unknown, index): NormalizedAlert => {
    const at = `alerts[${index}]`;
    if (!isObject(alert)) return invalid(type, `${at}: expected an object, got ${typeOf(alert)}`);
    // Per alert: the group's status says only that one of them fires.
    const status = alert['status'];
    if (status !== 'firing' && status !== 'resolved') {
      return invalid(type, `${at}.status: expected "firing" or "resolved", got ${show(status)}`);
    }
    const labels = readLabels(type, alert['labels'], `${at}.labels`);
    const fingerprint = requiredString(type, alert['fingerprint'], `${at}.fingerprint`);
    const startsAt = requiredString(type, alert['startsAt'], `${at}.startsAt`);
    const key = checkedKey(type, `${fingerprint}@${startsAt}`, `${at}.fingerprint and startsAt`);
    const link = safeLink(alert['generatorURL']) ?? (type === 'grafana' ? safeLink(alert['panelURL']) : undefined);
    return {
      source: sourceId,
      status,
      name: Object.hasOwn(labels, 'alertname') ? (labels['alertname'] ?? '') : '',
      labels,
      key,
      startsAt,
      ...(link !== undefined ? { link } : {}),
    };
  });
}

// PagerDuty webhooks v3: {event: {id, event_type, resource_type, occurred_at, data: {id, type:
// 'incident', title, html_url, number, status, urgency, incident_key, service: {id, summary},
// priority: {summary} | null, ...}}}. `incident.triggered` fires, `incident.resolved` resolves,
// every other event (acknowledged, annotated, reassigned, service.*, ...) is no alert.
function pagerDutyAlerts(sourceId: string, body: unknown): NormalizedAlert[] {
  const type = 'pagerduty';
  if (!isObject(body)) return invalid(type, `expected a JSON object, got ${typeOf(body)}`);
  const event = body['event'];
  if (!isObject(event)) return invalid(type, `expected event to be an object, got ${typeOf(event)}`);
  const eventType = requiredString(type, event['event_type'], 'event.event_type');
  const status =
    eventType === 'incident.triggered' ? 'firing' : eventType === 'incident.resolved' ? 'resolved' : undefined;
  if (status === undefined) return [];
  const data = event['data'];
  if (!isObject(data)) return invalid(type, `expected event.data to be an object, got ${typeOf(data)}`);
  // An incident event whose data is another resource would lend another object's id as the key.
  if (data['type'] !== 'incident')
    return invalid(type, `expected event.data.type "incident", got ${show(data['type'])}`);
  const id = checkedKey(type, requiredString(type, data['id'], 'event.data.id'), 'event.data.id');
  const title = optionalString(type, data['title'], 'event.data.title') ?? '';
  const service = data['service'];
  const priority = data['priority'];
  const number = data['number'];
  const entries: [string, string | undefined][] = [
    ['incident_id', id],
    ['incident_number', typeof number === 'number' && Number.isSafeInteger(number) ? String(number) : undefined],
    ['title', title],
    ['service', isObject(service) ? optionalString(type, service['summary'], 'event.data.service.summary') : undefined],
    ['service_id', isObject(service) ? optionalString(type, service['id'], 'event.data.service.id') : undefined],
    ['urgency', optionalString(type, data['urgency'], 'event.data.urgency')],
    [
      'priority',
      isObject(priority) ? optionalString(type, priority['summary'], 'event.data.priority.summary') : undefined,
    ],
    ['status', optionalString(type, data['status'], 'event.data.status')],
    ['incident_key', optionalString(type, data['incident_key'], 'event.data.incident_key')],
    ['event_type', eventType],
  ];
  const labels = Object.fromEntries(entries.filter((e): e is [string, string] => e[1] !== undefined));
  for (const [name, value] of Object.entries(labels)) checkLabelValue(type, value, `label ${name}`);
  const startsAt = optionalString(type, data['created_at'], 'event.data.created_at');
  const link = safeLink(data['html_url']);
  return [
    {
      source: sourceId,
      status,
      name: title,
      labels,
      key: id,
      ...(startsAt !== undefined ? { startsAt } : {}),
      ...(link !== undefined ? { link } : {}),
    },
  ];
}

const GENERIC_KEYS = new Set(['id', 'status', 'name', 'labels', 'startsAt', 'link']);

// The generic source: {id, status?: "firing" | "resolved" (default firing), name, labels,
// startsAt?, link?}, one alert per request.
function genericAlerts(sourceId: string, body: unknown): NormalizedAlert[] {
  const type = 'generic';
  if (!isObject(body)) return invalid(type, `expected a JSON object, got ${typeOf(body)}`);
  // A misspelt field (`lables`) would otherwise route an alert without the labels meant for it.
  const unknown = Object.keys(body).filter((k) => !GENERIC_KEYS.has(k));
  if (unknown.length) {
    return invalid(
      type,
      `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => show(k.slice(0, 40))).join(', ')}; expected id, status, name, labels, startsAt, link`,
    );
  }
  // Attack: a generic sender's ids are its own; namespaced by the source, `42` (or another source's
  // `fingerprint@startsAt`) sent here cannot take another source's alert key at the runner, whose
  // duplicate check matches the key alone.
  const id = checkedKey(type, `${sourceId}:${requiredString(type, body['id'], 'id')}`, 'id');
  const status = body['status'] ?? 'firing';
  if (status !== 'firing' && status !== 'resolved') {
    return invalid(type, `status: expected "firing" or "resolved", got ${show(status)}`);
  }
  const name = requiredString(type, body['name'], 'name');
  const labels = readLabels(type, body['labels'] ?? {}, 'labels');
  const startsAt = optionalString(type, body['startsAt'], 'startsAt');
  const link = body['link'] === undefined ? undefined : safeLink(body['link']);
  if (body['link'] !== undefined && link === undefined) {
    return invalid(type, `link: expected an http(s) URL of at most ${MAX_LINK_LENGTH} characters`);
  }
  return [
    {
      source: sourceId,
      status,
      name,
      labels,
      key: id,
      ...(startsAt !== undefined ? { startsAt } : {}),
      ...(link !== undefined ? { link } : {}),
    },
  ];
}

function readLabels(type: string, value: unknown, at: string): Record<string, string> {
  if (!isObject(value)) return invalid(type, `${at}: expected an object of strings, got ${typeOf(value)}`);
  const entries = Object.entries(value);
  if (entries.length > MAX_LABELS)
    return invalid(type, `${at}: ${entries.length} labels; at most ${MAX_LABELS} are accepted`);
  for (const [name, label] of entries) {
    // Type confusion: a number or object label would match or fill a parameter in a form no
    // rule author wrote; labels are strings in every system this reads.
    if (typeof label !== 'string')
      return invalid(type, `${at}[${JSON.stringify(name.slice(0, 40))}]: expected a string, got ${typeOf(label)}`);
    checkLabelValue(type, label, `${at}[${JSON.stringify(name.slice(0, 40))}]`);
  }
  // Object.fromEntries defines own properties: a `__proto__` label stays a label, it never
  // becomes the object's prototype (prototype pollution through JSON keys).
  return Object.fromEntries(entries) as Record<string, string>;
}

function checkLabelValue(type: string, value: string, at: string): void {
  // Bounds what a regex match and a parameter can be handed; a value this long is not a label.
  if (value.length > MAX_LABEL_VALUE_LENGTH) {
    invalid(type, `${at}: ${value.length} characters; at most ${MAX_LABEL_VALUE_LENGTH} are accepted`);
  }
}

function checkedKey(type: string, key: string, at: string): string {
  // The key is recorded, printed and compared byte for byte (core/idempotency-key.ts): a key with
  // a newline, a space or invisible Unicode could forge a log line or look like another alert's.
  if (!IDEMPOTENCY_KEY.test(key)) {
    return invalid(
      type,
      `${at}: expected an idempotency key of 1-256 visible ASCII characters, got ${show(key.slice(0, 80))}`,
    );
  }
  return key;
}

function requiredString(type: string, value: unknown, at: string): string {
  if (typeof value !== 'string' || value === '')
    return invalid(type, `${at}: expected a non-empty string, got ${show(value)}`);
  return value;
}

function optionalString(type: string, value: unknown, at: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return invalid(type, `${at}: expected a string, got ${typeOf(value)}`);
  return value;
}

// Only http(s) links are kept: a `javascript:` or `data:` link shown in a run summary would run in
// whoever clicks it. Anything else is dropped, not refused: a link is evidence, not input.
function safeLink(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_LINK_LENGTH) return undefined;
  if (!/^https?:\/\/[\x21-\x7e]+$/.test(value)) return undefined;
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return typeOf(value);
}
