import { describe, expect, it } from 'vitest';
import { alertKeyOfEvent, parseDispatchPayload } from '../../src/core/dispatch-payload.ts';
import {
  idempotencyKeyFromAlert,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  parseIdempotencyKey,
} from '../../src/core/idempotency-key.ts';
import { thrown } from '../helpers/errors.ts';

describe('idempotencyKeyFromAlert', () => {
  it('is the trimmed id when there is one, whatever else the alert says', () => {
    expect(idempotencyKeyFromAlert({ id: ' Q1ABCDEF ', fingerprint: 'f', startsAt: 's' })).toEqual({
      kind: 'key',
      key: 'Q1ABCDEF',
      from: 'id',
    });
  });

  it('is fingerprint@startsAt without an id', () => {
    expect(
      idempotencyKeyFromAlert({
        name: 'ConfigDrift',
        fingerprint: 'c6eadffa33fcdf37',
        startsAt: '2026-11-28T03:00:00Z',
      }),
    ).toEqual({ kind: 'key', key: 'c6eadffa33fcdf37@2026-11-28T03:00:00Z', from: 'fingerprint' });
  });

  it('is none for an alert with neither, or with only half of the pair', () => {
    expect(idempotencyKeyFromAlert({ name: 'ConfigDrift' })).toMatchObject({ kind: 'none' });
    expect(idempotencyKeyFromAlert({ fingerprint: 'c6ea' })).toMatchObject({
      kind: 'none',
      reason: expect.stringMatching(/fingerprint but no startsAt/),
    });
    expect(idempotencyKeyFromAlert({ startsAt: '2026-11-28T03:00:00Z' })).toMatchObject({ kind: 'none' });
  });

  // Type confusion: a key field that is not a string is refused, never coerced or dropped (a
  // dropped key would silently turn the duplicate check off).
  it.each([
    [{ id: 123 }, /alert\.id must be a string, got a number/],
    [{ id: null }, /alert\.id must be a string, got null/],
    [{ id: ['a'] }, /alert\.id must be a string, got an array/],
    [{ id: { toString: 'x' } }, /alert\.id must be a string, got an object/],
    [{ fingerprint: 7, startsAt: '2026-11-28T03:00:00Z' }, /alert\.fingerprint must be a string/],
    [{ fingerprint: 'c6ea', startsAt: 1764298800 }, /alert\.startsAt must be a string/],
    [{ fingerprint: 7 }, /alert\.fingerprint must be a string/],
  ])('refuses %j', (alert, problem) => {
    const key = idempotencyKeyFromAlert(alert);
    expect(key.kind).toBe('invalid');
    expect(key.kind === 'invalid' && key.problem).toMatch(problem);
  });

  // Attack: a key is printed in refusals and the job log, and recorded; one that spans lines,
  // carries a terminal escape or invisible Unicode could forge a log line or a workflow command,
  // or look equal to another key while not being it.
  it.each([
    ['a newline', 'a\n::set-output name=hacked::yes'],
    ['a carriage return', 'a\rb'],
    ['a terminal escape', 'a\u001b[2Kb'],
    ['a space inside', 'a b'],
    ['a zero-width space', 'a\u200bb'],
    ['non-ASCII letters', 'alerté'],
    ['a NUL', 'a\u0000b'],
    ['nothing but blanks', '   '],
    ['too many characters', 'x'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH + 1)],
  ])('refuses an id with %s', (_label, id) => {
    expect(idempotencyKeyFromAlert({ id })).toMatchObject({ kind: 'invalid' });
  });

  it('bounds the fingerprint@startsAt key as a whole', () => {
    const startsAt = '2026-11-28T03:00:00Z';
    const fits = 'f'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH - startsAt.length - 1);
    expect(idempotencyKeyFromAlert({ fingerprint: fits, startsAt })).toMatchObject({ kind: 'key' });
    expect(idempotencyKeyFromAlert({ fingerprint: `${fits}f`, startsAt })).toMatchObject({
      kind: 'invalid',
      problem: expect.stringMatching(/at most 256 characters, got 257/),
    });
    expect(idempotencyKeyFromAlert({ id: 'x'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH) })).toMatchObject({ kind: 'key' });
  });

  it('reads only own properties: an inherited id is no id', () => {
    const alert = Object.create({ id: 'inherited' }) as Record<string, unknown>;
    expect(idempotencyKeyFromAlert(alert)).toMatchObject({ kind: 'none' });
  });
});

describe('parseIdempotencyKey', () => {
  it('trims and keeps a key of visible ASCII', () => {
    expect(parseIdempotencyKey('  PD-Q1ABC@2026-11-28T03:00:00Z ', '--idempotency-key')).toBe(
      'PD-Q1ABC@2026-11-28T03:00:00Z',
    );
  });

  it('refuses anything else, naming the option', () => {
    for (const bad of ['', 'a\nb', 'a b', 'é', 'x'.repeat(257)]) {
      const error = thrown(() => parseIdempotencyKey(bad, '--idempotency-key'));
      expect(error?.code).toBe('USAGE');
      expect(error?.message).toMatch(/^--idempotency-key: expected/);
    }
  });
});

describe('the dispatch payload', () => {
  it('carries the key of its alert, or none', () => {
    expect(parseDispatchPayload({ client_payload: { remediation: 'x@v1.0.0', alert: { id: 'A1' } } })).toMatchObject({
      idempotencyKey: 'A1',
    });
    expect(parseDispatchPayload({ client_payload: { remediation: 'x@v1.0.0' } })).toMatchObject({
      idempotencyKey: '',
    });
  });

  it('is refused (INVALID_PARAMS) when the alert key is malformed', () => {
    const error = thrown(() =>
      parseDispatchPayload({ client_payload: { remediation: 'x@v1.0.0', alert: { id: 42 } } }),
    );
    expect(error?.code).toBe('INVALID_PARAMS');
    expect(error?.message).toMatch(/alert\.id must be a string/);
  });

  it('gives the same key to the run (alertKeyOfEvent) as to dispatch parse', () => {
    const event = { client_payload: { remediation: 'x@v1.0.0', alert: { fingerprint: 'fp', startsAt: 't0' } } };
    expect(alertKeyOfEvent(event)).toMatchObject({ kind: 'key', key: 'fp@t0' });
    expect(parseDispatchPayload(event).idempotencyKey).toBe('fp@t0');
    expect(alertKeyOfEvent({ inputs: {} })).toMatchObject({ kind: 'none' });
    expect(alertKeyOfEvent({ client_payload: { alert: 'id-1' } })).toMatchObject({ kind: 'invalid' });
    expect(alertKeyOfEvent('not an object')).toMatchObject({ kind: 'none' });
  });
});
