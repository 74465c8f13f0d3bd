// Routes a normalised alert through the gateway's allow-list (issue 15): the first rule of the
// alert's source whose label matchers all hold decides the pinned remediation, the target and
// the parameters, and the repository_dispatch payload is built and checked here, so the gateway
// never queues a payload the runner (or GitHub) would refuse. Pure.
//
// Matching: a matcher names a label; an exact string must equal the label's value, a
// `{regex}` must match the whole value (it is anchored as `^(?:regex)$`). A label the alert does
// not have matches nothing, not even `{regex: ".*"}`. Rule regexes are the operator's; label
// values longer than MAX_REGEX_SUBJECT match no regex, which bounds what a backtracking regex costs.

import { describeError } from '../errors.ts';
import { fullMatchRegex, type GatewayRule, type ValueFrom } from './gateway-config.ts';
import type { NormalizedAlert } from './gateway-alerts.ts';
import {
  MAX_PAYLOAD_BYTES,
  MAX_PAYLOAD_PROPERTIES,
  parseDispatchPayload,
  TARGET,
  TARGET_RULE,
} from './dispatch-payload.ts';
import { idempotencyKeyFromAlert } from './idempotency-key.ts';

/** GitHub's limit on a repository_dispatch event type. */
export const MAX_EVENT_TYPE_LENGTH = 100;

/** An alert a rule matched, with the dispatch to send for it. */
export interface Routed {
  readonly kind: 'routed';
  /**
   * `firing`: the fix, under the config's event type. `resolved`: the alert ended and its rule
   * has `on-resolved`, under that event type, which is never the fix's.
   */
  readonly event: 'firing' | 'resolved';
  /** Index of the matching rule in the config's `rules`. */
  readonly ruleIndex: number;
  /** The rule's exact `name@vX.Y.Z`. */
  readonly remediation: string;
  readonly target: string | undefined;
  readonly params: Readonly<Record<string, string>>;
  /** The body of `POST /repos/{owner}/{repo}/dispatches`, already checked against GitHub's limits and dispatch-payload.ts. */
  readonly payload: { readonly event_type: string; readonly client_payload: Record<string, unknown> };
}

/** What routing decided for one alert. */
export type RouteResult =
  | Routed
  /** No rule of the alert's source matches: recorded, answered 2xx, nothing sent. */
  | { readonly kind: 'unmatched' }
  /** A resolved alert its rule does not dispatch (no `on-resolved`): recorded only. `ruleIndex` is the rule it matches. */
  | { readonly kind: 'resolved'; readonly ruleIndex: number | undefined }
  /** A rule matched but the dispatch cannot be built (a missing label, a bad target, too large): recorded, not sent. */
  | { readonly kind: 'invalid'; readonly ruleIndex: number; readonly reason: string };

/**
 * Routes one alert: the first rule of its source that matches it wins. A firing alert is routed
 * to its fix under `eventType` (the config's `github.eventType`); a resolved one is routed only
 * when its rule has `on-resolved`, under that event type, and otherwise reports `resolved`.
 */
export function routeAlert(
  rules: readonly GatewayRule[],
  alert: NormalizedAlert,
  eventType = 'remediate',
): RouteResult {
  const ruleIndex = rules.findIndex((rule) => rule.source === alert.source && matches(rule, alert.labels));
  const rule = rules[ruleIndex];
  if (rule === undefined)
    return alert.status === 'resolved' ? { kind: 'resolved', ruleIndex: undefined } : { kind: 'unmatched' };
  const event = alert.status;
  if (event === 'resolved' && rule.onResolved === undefined) return { kind: 'resolved', ruleIndex };
  const type = event === 'resolved' ? (rule.onResolved?.eventType ?? '') : eventType;
  const invalid = (reason: string): RouteResult => ({ kind: 'invalid', ruleIndex, reason });

  let target: string | undefined;
  if (rule.target !== undefined) {
    const value = resolve(rule.target, alert.labels);
    if (value === undefined) return invalid(`the alert has no label '${labelOf(rule.target)}' for the target`);
    target = rule.target.stripPort ? stripPort(value) : value;
    // Label values are the sender's: a target like `-rf` or one with a newline would be read as
    // an option or forge a log line where it is recorded and printed; the runner refuses the same.
    if (!TARGET.test(target)) return invalid(`target ${JSON.stringify(target.slice(0, 80))} is not ${TARGET_RULE}`);
  }
  const params: Record<string, string> = {};
  for (const [name, from] of Object.entries(rule.params)) {
    const value = resolve(from, alert.labels);
    if (value === undefined) return invalid(`the alert has no label '${labelOf(from)}' for parameter '${name}'`);
    // Label values pass verbatim, as data: the definition's input patterns check them again on
    // the runner, where the trust decision is made.
    params[name] = value;
  }
  if (type.length < 1 || type.length > MAX_EVENT_TYPE_LENGTH) {
    return invalid(`event type is ${type.length} characters; GitHub accepts 1 to ${MAX_EVENT_TYPE_LENGTH}`);
  }
  const clientPayload: Record<string, unknown> = {
    remediation: rule.remediation,
    ...(target !== undefined ? { target } : {}),
    params,
    alert: alertEvidence(alert),
  };
  // GitHub refuses (422) a payload past its limits; the gateway would retry it for nothing. And a
  // payload the runner's parser refuses would start a run that fails: check both here, with the
  // runner's own parser and key derivation, so what is sent is what the runner accepts.
  const keys = Object.keys(clientPayload).length;
  if (keys > MAX_PAYLOAD_PROPERTIES)
    return invalid(`client_payload has ${keys} top-level properties; GitHub accepts at most ${MAX_PAYLOAD_PROPERTIES}`);
  const bytes = Buffer.byteLength(JSON.stringify(clientPayload));
  if (bytes >= MAX_PAYLOAD_BYTES)
    return invalid(`client_payload is ${bytes} bytes; GitHub accepts less than ${MAX_PAYLOAD_BYTES}`);
  // A resolution is not a run: the runner's parser refuses it (a resolved alert never starts a
  // fix), so only its key is derived the runner's way, for the user's workflow to dedupe on.
  let runnerKey: string;
  if (event === 'firing') {
    try {
      runnerKey = parseDispatchPayload({ client_payload: clientPayload }).idempotencyKey;
    } catch (error) {
      return invalid(describeError(error));
    }
  } else {
    const derived = idempotencyKeyFromAlert(clientPayload.alert as Record<string, unknown>);
    runnerKey = derived.kind === 'key' ? derived.key : '';
  }
  // Dedupe on the runner relies on it deriving the very key the gateway deduped on.
  if (runnerKey !== alert.key) {
    return invalid(
      `the runner would derive the idempotency key ${JSON.stringify(runnerKey)}, not ${JSON.stringify(alert.key)}`,
    );
  }
  return {
    kind: 'routed',
    event,
    ruleIndex,
    remediation: rule.remediation,
    target,
    params,
    payload: { event_type: type, client_payload: clientPayload },
  };
}

/** Removes a trailing `:port` (`host-1:9100` -> `host-1`); anything else is returned unchanged. */
export function stripPort(value: string): string {
  return value.replace(/:[0-9]{1,5}$/, '');
}

// The payload's `alert`: evidence of what was received, and the fields the runner derives the
// idempotency key from (core/idempotency-key.ts): `fingerprint` and `startsAt` for Alertmanager
// and Grafana, so a gateway and a direct webhook call agree on the key; `id` for the others.
function alertEvidence(alert: NormalizedAlert): Record<string, string> {
  const fingerprintAt = alert.key.lastIndexOf('@');
  const useFingerprint =
    alert.startsAt !== undefined &&
    fingerprintAt > 0 &&
    alert.key === `${alert.key.slice(0, fingerprintAt)}@${alert.startsAt}`;
  return {
    source: alert.source,
    name: alert.name,
    status: alert.status,
    ...(useFingerprint
      ? { fingerprint: alert.key.slice(0, fingerprintAt), startsAt: alert.startsAt ?? '' }
      : { id: alert.key, ...(alert.startsAt !== undefined ? { startsAt: alert.startsAt } : {}) }),
    ...(alert.link !== undefined ? { link: alert.link } : {}),
  };
}

/** Longest label value a rule's regex is tried on: a target's length; longer values match no regex. */
export const MAX_REGEX_SUBJECT = 200;

function matches(rule: GatewayRule, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(rule.match).every(([name, matcher]) => {
    // Own labels only: `constructor` or `__proto__` must not match through Object.prototype.
    if (!Object.hasOwn(labels, name)) return false;
    const value = labels[name];
    if (typeof value !== 'string') return false;
    if (typeof matcher === 'string') return value === matcher;
    // Attack: a regex with several wildcards backtracks polynomially on a long value (seconds at
    // 4,096 characters), freezing every source; a longer value never matches a regex.
    return value.length <= MAX_REGEX_SUBJECT && fullMatchRegex(matcher.regex).test(value);
  });
}

function resolve(from: ValueFrom, labels: Readonly<Record<string, string>>): string | undefined {
  if ('value' in from) return from.value;
  return Object.hasOwn(labels, from.label) ? labels[from.label] : undefined;
}

function labelOf(from: ValueFrom): string {
  return 'label' in from ? from.label : '';
}
