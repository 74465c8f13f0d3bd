/** How a call is retried: attempts in all, and the first delay (doubling each time). */
export interface RetryPolicy {
  readonly attempts: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * The longest a call waits out rate-limit answers in all before failing with RATE_LIMITED.
   * Undefined: no waiting, a rate-limit answer fails at once.
   */
  readonly maxRateLimitWaitMs?: number;
  /** How long one request may take before it is abandoned (and retried as a network failure). */
  readonly requestTimeoutMs?: number;
}

/**
 * Four tries, 1 s, 2 s, 4 s apart: GitHub's 5xx blips usually clear within seconds. Rate limits
 * are waited out for up to 5 minutes: GitHub's secondary limits ask for about a minute, and a
 * primary limit that resets later than that is better reported than waited on by a paid runner.
 */
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  firstDelayMs: 1000,
  maxDelayMs: 10_000,
  maxRateLimitWaitMs: 5 * 60_000,
  requestTimeoutMs: 2 * 60_000,
};

/**
 * Runs `call` until it succeeds, `isRetryable(error)` says no, or attempts run out; the last
 * error is thrown unchanged, so nothing is swallowed. `onRetry` reports each retry.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  isRetryable: (error: unknown) => boolean,
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.attempts || !isRetryable(error)) throw error;
      const delay = Math.min(policy.firstDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
      onRetry?.(error, attempt, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Server errors (5xx) and network failures are worth retrying at once; 4xx are not (rate limits: see rateLimitDelayMs). */
export function isTransient(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') return status >= 500;
  return true;
}

/** What GitHub's rate-limit answer says about when to call again. */
export interface RateLimitWait {
  /** How long to wait before the next call. */
  readonly delayMs: number;
  /** Which header (or rule) gave the delay, for messages. */
  readonly reason: string;
}

/**
 * Reads a rate-limit answer as GitHub documents it ("Best practices for using the REST API"):
 * a 403 or 429 with `retry-after` (seconds) waits that long; with `x-ratelimit-remaining: 0`
 * waits until `x-ratelimit-reset` (epoch seconds); any other 429 waits a minute. A 403 with
 * neither header is a permission refusal, not a rate limit: undefined.
 */
export function rateLimitWait(error: unknown, nowMs: number): RateLimitWait | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  if (status !== 403 && status !== 429) return undefined;
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers ?? {};
  const header = (name: string): string | undefined => {
    const value = headers[name];
    return value === undefined || value === null ? undefined : String(value);
  };
  const retryAfter = header('retry-after');
  if (retryAfter !== undefined && /^\d{1,7}$/.test(retryAfter.trim())) {
    // At least a second: `retry-after: 0` repeated would otherwise spin without using up any budget.
    return { delayMs: Math.max(1, Number(retryAfter.trim())) * 1000, reason: `retry-after: ${retryAfter.trim()}` };
  }
  const reset = header('x-ratelimit-reset');
  if (header('x-ratelimit-remaining') === '0' && reset !== undefined && /^\d{1,12}$/.test(reset.trim())) {
    const resetMs = Number(reset.trim()) * 1000;
    // One extra second: GitHub's reset is whole seconds and clocks differ a little.
    return {
      delayMs: Math.max(0, resetMs - nowMs) + 1000,
      reason: `x-ratelimit-remaining: 0 until ${new Date(resetMs).toISOString()}`,
    };
  }
  return status === 429 ? { delayMs: 60_000, reason: 'HTTP 429 without retry-after' } : undefined;
}
