// The idempotency key of an alert: what makes two deliveries of one alert the same request.
// Alerting systems re-send (Alertmanager retries on 5xx and re-notifies every repeat_interval; an
// HA pair of Alertmanagers both send), so a run remembers the key it was started for and a later
// run with the same key is refused as a duplicate (record/duplicate-alert.ts). Pure: an alert
// object in, a key or a problem out.

import { UsageError } from '../errors.ts';

/** Longest idempotency key: an id, or a fingerprint, '@' and a start time, all in one. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 256;

/**
 * An idempotency key: 1-256 visible ASCII characters (`!` to `~`), so it is one line with no
 * space, control character or invisible Unicode in it. It is recorded verbatim in snapshot.json
 * and the receipt, printed in refusals, and compared byte for byte.
 */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,256}$/;

/** What an alert object yields: its key (and which fields made it), no key (and why), or a problem. */
export type AlertKey =
  | { readonly kind: 'key'; readonly key: string; readonly from: 'id' | 'fingerprint' }
  | { readonly kind: 'none'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly problem: string };

/**
 * Derives the idempotency key of a dispatch payload's `alert` object: `alert.id` when present,
 * else `alert.fingerprint` + '@' + `alert.startsAt` when both are present, else none. Values are
 * trimmed. A key field of another type than a string, empty, longer than 256 with the rest of the
 * key, or holding anything but visible ASCII is `invalid` (the payload is refused): a bridge that
 * sends `id: 123` or a multi-line id has a bug, and ignoring the field would turn the duplicate
 * check off without anyone noticing. A lone `fingerprint` or `startsAt` gives no key: either one
 * alone is ordinary evidence (a fingerprint names an alert series, every firing of it alike; a
 * start time names nothing), and alert objects sent before the key existed carry them.
 */
export function idempotencyKeyFromAlert(alert: Readonly<Record<string, unknown>>): AlertKey {
  if (Object.hasOwn(alert, 'id')) {
    const id = keyPart(alert['id'], 'alert.id');
    if (typeof id !== 'string') return id;
    return checked(id, 'alert.id', 'id');
  }
  const hasFingerprint = Object.hasOwn(alert, 'fingerprint');
  const hasStartsAt = Object.hasOwn(alert, 'startsAt');
  if (!hasFingerprint && !hasStartsAt) {
    return { kind: 'none', reason: 'the alert has no id, fingerprint or startsAt' };
  }
  const fingerprint = hasFingerprint ? keyPart(alert['fingerprint'], 'alert.fingerprint') : undefined;
  if (fingerprint !== undefined && typeof fingerprint !== 'string') return fingerprint;
  const startsAt = hasStartsAt ? keyPart(alert['startsAt'], 'alert.startsAt') : undefined;
  if (startsAt !== undefined && typeof startsAt !== 'string') return startsAt;
  if (fingerprint === undefined || startsAt === undefined) {
    return {
      kind: 'none',
      reason: `the alert has ${hasFingerprint ? 'a fingerprint but no startsAt' : 'a startsAt but no fingerprint'} (a key needs both, or an id)`,
    };
  }
  return checked(`${fingerprint}@${startsAt}`, 'alert.fingerprint and alert.startsAt', 'fingerprint');
}

/**
 * Checks an idempotency key given as text (`label`: `--idempotency-key`, `input 'idempotency-key'`):
 * trimmed, then 1-256 visible ASCII characters. Throws UsageError (exit 2) otherwise.
 */
export function parseIdempotencyKey(text: string, label: string): string {
  const key = text.trim();
  // Attack: a key with a newline, a terminal escape or a workflow command (`\n::set-output`) is
  // printed in refusals and logs; one line of visible ASCII can only ever be read as data.
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new UsageError('USAGE', `${label}: ${describeBadKey(key)}`);
  }
  return key;
}

/** A key field as a trimmed string, or the problem with it. */
function keyPart(value: unknown, field: string): string | Extract<AlertKey, { kind: 'invalid' }> {
  // Type confusion: a number, object or null where a string belongs is refused, not coerced:
  // `1e21`, `{}` and `null` have no one text form every sender would agree on.
  if (typeof value !== 'string') {
    return { kind: 'invalid', problem: `${field} must be a string, got ${typeOf(value)}` };
  }
  return value.trim();
}

function checked(key: string, fields: string, from: 'id' | 'fingerprint'): AlertKey {
  if (IDEMPOTENCY_KEY.test(key)) return { kind: 'key', key, from };
  return { kind: 'invalid', problem: `${fields}: ${describeBadKey(key)}` };
}

function describeBadKey(key: string): string {
  if (key === '') return 'expected an idempotency key, got an empty value';
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    return `expected an idempotency key of at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, got ${key.length}`;
  }
  return 'expected an idempotency key of visible ASCII characters (no spaces, control characters or other Unicode)';
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
