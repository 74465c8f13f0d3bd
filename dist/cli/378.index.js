export const id = 378;
export const ids = [378];
export const modules = {

/***/ 16378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_RETRY: () => (/* binding */ DEFAULT_RETRY),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   hD: () => (/* binding */ rateLimitWait)
/* harmony export */ });
/**
 * Four tries, 1 s, 2 s, 4 s apart: GitHub's 5xx blips usually clear within seconds. Rate limits
 * are waited out for up to 5 minutes: GitHub's secondary limits ask for about a minute, and a
 * primary limit that resets later than that is better reported than waited on by a paid runner.
 */
const DEFAULT_RETRY = {
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
async function withRetry(call, isRetryable, policy = DEFAULT_RETRY, onRetry) {
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (error) {
            if (attempt >= policy.attempts || !isRetryable(error))
                throw error;
            const delay = Math.min(policy.firstDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
            onRetry?.(error, attempt, delay);
            await new Promise((resolve) => setTimeout(resolve, delay));
        }
    }
}
/** Server errors (5xx) and network failures are worth retrying at once; 4xx are not (rate limits: see rateLimitDelayMs). */
function isTransient(error) {
    const status = error?.status;
    if (typeof status === 'number')
        return status >= 500;
    return true;
}
/**
 * Reads a rate-limit answer as GitHub documents it ("Best practices for using the REST API"):
 * a 403 or 429 with `retry-after` (seconds) waits that long; with `x-ratelimit-remaining: 0`
 * waits until `x-ratelimit-reset` (epoch seconds); any other 429 waits a minute. A 403 with
 * neither header is a permission refusal, not a rate limit: undefined.
 */
function rateLimitWait(error, nowMs) {
    const status = error?.status;
    if (status !== 403 && status !== 429)
        return undefined;
    const headers = error.response?.headers ?? {};
    const header = (name) => {
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


/***/ })

};
