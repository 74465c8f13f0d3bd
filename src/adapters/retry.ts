/** How a call is retried: attempts in all, and the first delay (doubling each time). */
export interface RetryPolicy {
  readonly attempts: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

/** Three tries, 1 s then 2 s apart: GitHub's 5xx blips usually clear within seconds. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, firstDelayMs: 1000, maxDelayMs: 10_000 };

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

/** Server errors (5xx), rate limiting (429) and network failures are worth retrying; other 4xx are not. */
export function isTransient(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') return status >= 500 || status === 429;
  return true;
}
