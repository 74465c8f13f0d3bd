import { createHash } from 'node:crypto';
import { UsageError } from '../errors.ts';
import { idempotencyKeyFromAlert, type AlertKey } from './idempotency-key.ts';
import { parseVersionRef } from './version-ref.ts';

/** GitHub's limits on repository_dispatch: 10 top-level client_payload properties, under 64 KB. */
export const MAX_PAYLOAD_PROPERTIES = 10;
/** GitHub's size limit of a client_payload; also the limit of a params JSON object (params-json.ts). */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
/**
 * A run's target (a host, a service, `db:primary`, `team/app`): one plain token, compared as is,
 * recorded and printed. The pattern keeps it one line with no shell or Markdown meaning, and no
 * leading `-` or `.` that could read as an option or a hidden file. The same pattern everywhere a
 * target enters: the payload, `--target`, the Action's `target` input, and the workflows' plans.
 */
export const TARGET = /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/;
/** The rule above, as error messages say it. */
export const TARGET_RULE = 'letters, digits and . _ : @ / -, starting with a letter or digit, at most 200';
const ALLOWED = new Set(['remediation', 'params', 'target', 'alert']);

/** A repository_dispatch `client_payload` that passed validation. */
export interface DispatchRequest {
  /** Exact `name@vX.Y.Z`. */
  readonly remediation: string;
  /** Parameters, as given (validated later against the definition's inputs). */
  readonly params: Readonly<Record<string, unknown>>;
  /** What is being fixed (a host, a service); keys the concurrency group. '' when absent. */
  readonly target: string;
  /** sha256 of the alert object's JSON, or '' when absent: the alert is evidence, not input. */
  readonly alertDigest: string;
  /**
   * The alert's idempotency key (`alert.id`, else `alert.fingerprint@alert.startsAt`), or '' when
   * it has none: a second run with the same key is refused as a duplicate (core/idempotency-key.ts).
   */
  readonly idempotencyKey: string;
}

/**
 * Validates the `client_payload` of a repository_dispatch event before anything acts on it:
 * only the four known properties, an exact version, a plain target, objects where objects
 * belong. Anything else is refused (exit 2) with a message saying what to send.
 */
export function parseDispatchPayload(event: unknown): DispatchRequest {
  const refuse = (message: string): never => {
    throw new UsageError(
      'INVALID_PARAMS',
      `repository_dispatch payload: ${message}; expected client_payload {remediation: "name@vX.Y.Z", params?: {...}, target?: "host-1", alert?: {id?: "...", fingerprint?: "...", startsAt?: "...", ...}}`,
    );
  };
  if (!isObject(event)) return refuse('the event is not a JSON object');
  const payload = event.client_payload;
  if (!isObject(payload)) return refuse('client_payload is missing or not an object');
  const bytes = Buffer.byteLength(JSON.stringify(payload));
  if (bytes >= MAX_PAYLOAD_BYTES)
    refuse(`client_payload is ${bytes} bytes; GitHub accepts less than ${MAX_PAYLOAD_BYTES}`);
  const keys = Object.keys(payload);
  if (keys.length > MAX_PAYLOAD_PROPERTIES)
    refuse(`client_payload has ${keys.length} top-level properties; GitHub accepts at most ${MAX_PAYLOAD_PROPERTIES}`);
  const unknown = keys.filter((k) => !ALLOWED.has(k));
  if (unknown.length)
    refuse(
      `unknown propert${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((k) => `'${k.slice(0, 40)}'`).join(', ')}`,
    );
  if (typeof payload.remediation !== 'string')
    return refuse('remediation must be a string like "reapply-config@v1.0.0"');
  const ref = parseVersionRef(payload.remediation);
  if (payload.params !== undefined && !isObject(payload.params)) refuse('params must be an object of parameter values');
  if (payload.target !== undefined && (typeof payload.target !== 'string' || !TARGET.test(payload.target))) {
    refuse(`target must be ${TARGET_RULE}`);
  }
  if (payload.alert !== undefined && !isObject(payload.alert)) refuse('alert must be an object');
  // Attack/mistake: a sender that posts resolutions as well (Alertmanager's send_resolved, a
  // Grafana or gateway rule sending to the fix's event type) would start the fix when the alert
  // ends. A resolved alert never starts a run; its evidence says so, so the runner refuses it.
  // Attack: compared exactly, `Resolved`, `RESOLVED` or `resolved ` from a sender other than the
  // gateway passed as firing; the status is compared trimmed and without case.
  const status = isObject(payload.alert) ? payload.alert['status'] : undefined;
  if (typeof status === 'string' && status.trim().toLowerCase() === 'resolved') {
    refuse(
      `alert.status is ${JSON.stringify(status.slice(0, 20))}: a resolved alert never starts a fix (send only firing alerts here)`,
    );
  }
  const alertKey = isObject(payload.alert) ? idempotencyKeyFromAlert(payload.alert) : undefined;
  // A key field of the wrong type or shape is refused here, where the alert source learns of it at
  // its first dispatch, rather than silently giving no key and no duplicate check.
  if (alertKey?.kind === 'invalid') refuse(alertKey.problem);
  return {
    remediation: `${ref.name}@${ref.version}`,
    params: (payload.params as Record<string, unknown> | undefined) ?? {},
    target: (payload.target as string | undefined) ?? '',
    alertDigest:
      payload.alert === undefined
        ? ''
        : `sha256:${createHash('sha256').update(JSON.stringify(payload.alert)).digest('hex')}`,
    idempotencyKey: alertKey?.kind === 'key' ? alertKey.key : '',
  };
}

/**
 * The idempotency key a GitHub event's payload carries: that of `client_payload.alert` when the
 * event has one (a repository_dispatch), else none. The run derives its key with this, from the
 * same payload `dispatch parse` validated, so both agree on it.
 */
export function alertKeyOfEvent(event: unknown): AlertKey {
  const payload = isObject(event) ? event['client_payload'] : undefined;
  const alert = isObject(payload) ? payload['alert'] : undefined;
  if (alert === undefined) return { kind: 'none', reason: 'the event payload has no client_payload.alert' };
  if (!isObject(alert)) return { kind: 'invalid', problem: 'client_payload.alert must be an object' };
  return idempotencyKeyFromAlert(alert);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
