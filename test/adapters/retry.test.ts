import { describe, expect, it } from 'vitest';
import { isTransient, rateLimitWait } from '../../src/adapters/retry.ts';

// Shaped like octokit's RequestError: status and the response headers (lower-case names).
const answer = (status: number, headers: Record<string, string> = {}) => ({ status, response: { headers } });
const now = Date.parse('2026-12-02T10:00:00Z');

describe('rateLimitWait (GitHub REST best practices: rate limits)', () => {
  it('waits retry-after seconds on a secondary limit (403 or 429)', () => {
    expect(rateLimitWait(answer(403, { 'retry-after': '30' }), now)).toEqual({
      delayMs: 30_000,
      reason: 'retry-after: 30',
    });
    expect(rateLimitWait(answer(429, { 'retry-after': '2' }), now)?.delayMs).toBe(2000);
  });

  it('waits until x-ratelimit-reset (plus a second) when the primary limit is spent', () => {
    const reset = String(now / 1000 + 90);
    expect(rateLimitWait(answer(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }), now)?.delayMs).toBe(
      91_000,
    );
    // A reset already past still waits the extra second, never a negative time.
    expect(
      rateLimitWait(answer(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 - 5) }), now)
        ?.delayMs,
    ).toBe(1000);
  });

  it('waits a minute on a 429 that says nothing more, as GitHub advises', () => {
    expect(rateLimitWait(answer(429), now)?.delayMs).toBe(60_000);
  });

  it('treats a 403 without rate-limit headers, and every other status, as no rate limit', () => {
    expect(rateLimitWait(answer(403), now)).toBeUndefined();
    expect(
      rateLimitWait(answer(403, { 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': '1' }), now),
    ).toBeUndefined();
    expect(rateLimitWait(answer(404, { 'retry-after': '5' }), now)).toBeUndefined();
    expect(rateLimitWait(new Error('socket hang up'), now)).toBeUndefined();
  });

  it('ignores header values that are not plain numbers', () => {
    expect(rateLimitWait(answer(403, { 'retry-after': 'soon' }), now)).toBeUndefined();
  });
});

describe('isTransient', () => {
  it('retries server errors and network failures at once, never 4xx (rate limits are waited out instead)', () => {
    expect(isTransient(answer(502))).toBe(true);
    expect(isTransient(new Error('ECONNRESET'))).toBe(true);
    expect(isTransient(answer(429))).toBe(false);
    expect(isTransient(answer(404))).toBe(false);
  });
});
