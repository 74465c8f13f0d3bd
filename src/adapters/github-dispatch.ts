// Sends the gateway's queued dispatches to GitHub (`POST /repos/{owner}/{repo}/dispatches`) and
// says what to do with each answer: sent, retry later, or failed for good. A dispatch is marked
// sent only after GitHub answered 2xx; see gateway-store.ts for what that means under `kill -9`.
// sendDispatch is the one place that classifies an answer, including what a 401 means for a
// token that can be renewed (a GitHub App's, github-app-token.ts) and for one that cannot.
import { setTimeout as delay } from 'node:timers/promises';
import { describeError } from '../errors.ts';
import type { GatewayStore, QueuedDispatch } from './gateway-store.ts';
import { rateLimitWait } from './retry.ts';

/** Tokens that can be renewed: a GitHub App's installation tokens (github-app-token.ts). */
export interface DispatchTokenSource {
  /** The token for the next call; rejects when none can be had now (the dispatch is then retried). */
  token(signal?: AbortSignal): Promise<string>;
  /** Drops `token` after GitHub answered 401 to it, so the next `token()` is a fresh one. */
  invalidate(token: string): void;
}

/** One dispatch call. */
export interface DispatchRequest {
  /** GitHub's API base, e.g. `https://api.github.com` (GITHUB_API_URL on GitHub Enterprise). */
  readonly apiUrl: string;
  /** `owner/name`. */
  readonly repository: string;
  /**
   * A fixed token (token-env: a 401 fails the dispatch, as replacing the token needs a person),
   * or a source of renewable tokens (a 401 renews the token and sends once more).
   */
  readonly token: string | DispatchTokenSource;
  /** The JSON body: `{"event_type": ..., "client_payload": {...}}`. */
  readonly body: string;
  /** Aborts the call; an aborted call is a retry (GitHub may or may not have received it). */
  readonly signal?: AbortSignal;
  /** Sends already tried for this dispatch: sets the backoff of a retry. Default 0. */
  readonly attempts?: number;
  /** How long the call may take before it is abandoned and retried. Default 30 s. */
  readonly timeoutMs?: number;
  /** The clock for `x-ratelimit-reset` (epoch ms). Default Date.now. */
  readonly nowMs?: () => number;
  /** Jitter source in [0, 1). Default Math.random. */
  readonly random?: () => number;
}

/** What GitHub's answer means for the dispatch. */
export type DispatchResult =
  | { kind: 'sent' }
  | {
      kind: 'retry';
      afterMs: number;
      reason: string;
      /** True when GitHub asked to slow down (a rate limit): every call with this token would wait too. */
      rateLimited?: boolean;
      /**
       * True when there was no usable token: the token source failed (the App's token exchange),
       * or GitHub refused a token minted just now. Every dispatch would fail alike until fixed.
       */
      credentials?: boolean;
    }
  | { kind: 'failed'; status: number; message: string };

/** The first retry's delay: GitHub's 5xx blips usually clear within seconds. */
const BACKOFF_BASE_MS = 1000;
/** The longest wait between two sends of one dispatch: an outage is retried at least this often. */
export const BACKOFF_CAP_MS = 5 * 60_000;
/** Least wait after GitHub's secondary rate limit (a 403 or 429 saying so, without headers). */
export const SECONDARY_RATE_LIMIT_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 30_000;
/** GitHub's error messages are short; anything longer is an HTML page or a proxy's, and is cut. */
const MESSAGE_LIMIT = 500;

/**
 * The delay before the next send after `attempts` failed ones: doubling from 1 s, capped at
 * 5 minutes, with "equal jitter" (half fixed, half random) so that many dispatches failed by one
 * outage do not come back in one burst, while each still waits at least half its step.
 */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(Math.max(0, attempts), 30));
  return Math.round(step / 2 + (step / 2) * random());
}

/**
 * POSTs one repository_dispatch event. 2xx: sent. 5xx, a network error or a timeout: retry with
 * backoff. 429, or 403 with `retry-after` or `x-ratelimit-remaining: 0`: retry when GitHub says.
 * Any other answer (4xx, a redirect): failed, with GitHub's `message`; never retried. With a
 * token source: no token is a retry (`credentials`); a 401 drops the token and sends once more
 * with a fresh one, and a 401 to that one is a retry (`credentials`), not a failed dispatch.
 */
export async function sendDispatch(request: DispatchRequest): Promise<DispatchResult> {
  const [owner = '', repo = '', ...rest] = request.repository.split('/');
  if (owner === '' || repo === '' || rest.length > 0) {
    return { kind: 'failed', status: 0, message: `expected repository as owner/name, got '${request.repository}'` };
  }
  const url = `${request.apiUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/dispatches`;
  if (typeof request.token === 'string') return postDispatch(request, url, request.token);
  const source = request.token;
  const noCredentials = (reason: string): DispatchResult => ({
    kind: 'retry',
    afterMs: backoffMs(request.attempts ?? 0, request.random ?? Math.random),
    reason,
    credentials: true,
  });
  for (let renewed = false; ; renewed = true) {
    let token: string;
    try {
      token = await source.token(request.signal);
    } catch (error) {
      // The alert stays queued: a token that cannot be had now (GitHub down, the App's key or
      // installation wrong) is retried, never a reason to drop the dispatch.
      if (request.signal?.aborted === true) {
        return { kind: 'retry', afterMs: backoffMs(request.attempts ?? 0, request.random), reason: 'aborted' };
      }
      return noCredentials(describeError(error));
    }
    const result = await postDispatch(request, url, token);
    if (result.kind !== 'failed' || result.status !== 401) return result;
    // A revoked (or otherwise retired) installation token: the dispatch is not at fault, so the
    // token is dropped and the send made once more with a fresh one.
    source.invalidate(token);
    if (renewed) return noCredentials(`HTTP 401 to a token minted just now: ${result.message}`);
  }
}

/** One POST with `token`, its answer classified. */
async function postDispatch(request: DispatchRequest, url: string, token: string): Promise<DispatchResult> {
  const random = request.random ?? Math.random;
  const backoff = (reason: string): DispatchResult => ({
    kind: 'retry',
    afterMs: backoffMs(request.attempts ?? 0, random),
    reason,
  });
  const timeout = AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = request.signal === undefined ? timeout : AbortSignal.any([request.signal, timeout]);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        'content-type': 'application/json',
        'user-agent': 'remediate-gateway',
      },
      body: request.body,
      // A POST must not be replayed elsewhere by a redirect (and lose its method or token on the
      // way): a moved repository is reported, not followed.
      redirect: 'manual',
      signal,
    });
  } catch (error) {
    if (timeout.aborted) return backoff(`no answer within ${request.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`);
    if (request.signal?.aborted === true) return backoff('aborted');
    return backoff(`network error: ${networkReason(error)}`);
  }
  const status = response.status;
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The status line arrived: a 2xx is GitHub's acceptance even if the (empty) body broke off.
    if (status >= 200 && status < 300) return { kind: 'sent' };
    return backoff(`network error reading the answer to HTTP ${status}: ${networkReason(error)}`);
  }
  if (status >= 200 && status < 300) return { kind: 'sent' };
  if (status >= 500) return backoff(`HTTP ${status}${messageSuffix(text)}`);
  const headers = Object.fromEntries(response.headers.entries());
  const wait = rateLimitWait({ status, response: { headers } }, (request.nowMs ?? Date.now)());
  if (wait !== undefined) {
    return { kind: 'retry', afterMs: wait.delayMs, reason: `HTTP ${status}, ${wait.reason}`, rateLimited: true };
  }
  // GitHub's secondary rate limit answers 403 with neither header; its documentation says to wait
  // at least a minute. Marking it dead would lose the alert during a storm (its key is taken).
  if ((status === 403 || status === 429) && /rate limit/i.test(githubMessage(text) ?? '')) {
    return {
      kind: 'retry',
      afterMs: Math.max(SECONDARY_RATE_LIMIT_MS, backoffMs(request.attempts ?? 0, request.random)),
      reason: `HTTP ${status}, ${githubMessage(text) ?? 'rate limited'}`,
      rateLimited: true,
    };
  }
  if (status >= 300 && status < 400) {
    const location = response.headers.get('location');
    return {
      kind: 'failed',
      status,
      message: `GitHub redirected the dispatch${location === null ? '' : ` to ${location}`}: check github.repository (renamed or moved?)`,
    };
  }
  return { kind: 'failed', status, message: githubMessage(text) ?? `HTTP ${status}` };
}

/** What happened to one dispatch, for logs and metrics. */
export type DispatcherEvent =
  | {
      kind: 'sent';
      id: number;
      key: string;
      /** Sends this took, this one included. */
      attempts: number;
      /** From queued to GitHub's acceptance. */
      latencyMs: number;
      /** This last request's duration. */
      requestMs: number;
    }
  | {
      kind: 'retry';
      id: number;
      key: string;
      attempts: number;
      afterMs: number;
      reason: string;
      /** Set when the retry is for want of a usable token (see DispatchResult). */
      credentials?: boolean;
    }
  | { kind: 'failed'; id: number; key: string; attempts: number; status: number; message: string };

/** The part of the store the dispatcher uses. */
export type DispatchQueue = Pick<GatewayStore, 'nextDue' | 'markSent' | 'markRetry' | 'markDead'>;

/** Sends one queued dispatch (the caller closes over the API URL, repository and the token or its source). */
export type SendQueued = (dispatch: QueuedDispatch) => Promise<DispatchResult>;

/** How the dispatcher runs. */
export interface DispatcherOptions {
  readonly now: () => Date;
  /**
   * Waits `ms`, resolving early (never rejecting) when `signal` aborts. The caller may also resolve
   * it early when an alert was queued, so a new dispatch leaves at once.
   */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Stops the loop; a send in flight is finished and marked first. */
  readonly signal: AbortSignal;
  readonly onEvent?: (event: DispatcherEvent) => void;
  /** How long to wait when nothing is due. Default 1 s. */
  readonly idleMs?: number;
}

/** A `sleep` for runDispatcher: resolves after `ms` or as soon as `signal` aborts. */
export async function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

/**
 * Sends due dispatches one at a time until `signal` aborts: takes the next due one, sends it,
 * records the answer (sent, retry with backoff, dead), and idles when nothing is due. A rate
 * limit pauses every send until it lifts, as it applies to the token, not to one dispatch. A send
 * that throws is a retry, reported through onEvent; a store that throws stops the loop (rejects).
 */
export async function runDispatcher(store: DispatchQueue, send: SendQueued, options: DispatcherOptions): Promise<void> {
  const { now, sleep, signal, onEvent } = options;
  const idleMs = options.idleMs ?? 1000;
  while (!signal.aborted) {
    const due = store.nextDue(now().toISOString());
    if (due === undefined) {
      await sleep(idleMs, signal);
      continue;
    }
    const started = now();
    let result: DispatchResult;
    try {
      result = await send(due);
    } catch (error) {
      result = { kind: 'retry', afterMs: backoffMs(due.attempts), reason: `send failed: ${describeError(error)}` };
    }
    const finished = now();
    const attempts = due.attempts + 1;
    switch (result.kind) {
      case 'sent':
        store.markSent(due.id, finished.toISOString());
        onEvent?.({
          kind: 'sent',
          id: due.id,
          key: due.key,
          attempts,
          latencyMs: Math.max(0, finished.getTime() - Date.parse(due.queuedAt)),
          requestMs: finished.getTime() - started.getTime(),
        });
        break;
      case 'retry':
        store.markRetry(due.id, new Date(finished.getTime() + result.afterMs).toISOString(), result.reason);
        onEvent?.({
          kind: 'retry',
          id: due.id,
          key: due.key,
          attempts,
          afterMs: result.afterMs,
          reason: result.reason,
          ...(result.credentials === true ? { credentials: true } : {}),
        });
        // A rate limit or missing credentials hold for every dispatch: pause them all.
        if (result.rateLimited === true || result.credentials === true) await sleep(result.afterMs, signal);
        break;
      case 'failed': {
        const message = `HTTP ${result.status}: ${result.message}`;
        store.markDead(due.id, message);
        onEvent?.({
          kind: 'failed',
          id: due.id,
          key: due.key,
          attempts,
          status: result.status,
          message: result.message,
        });
        break;
      }
    }
  }
}

/** GitHub's `message` from an error body (plus its field errors), or undefined for a body that is not GitHub's JSON. */
export function githubMessage(text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text.trim() === '' ? undefined : oneLine(text);
  }
  const message = (body as { message?: unknown } | null)?.message;
  if (typeof message !== 'string') return oneLine(text);
  const errors = (body as { errors?: unknown }).errors;
  const details = Array.isArray(errors)
    ? errors
        .map((e: unknown) => (e as { message?: unknown } | null)?.message)
        .filter((m): m is string => typeof m === 'string')
    : [];
  return oneLine([message, ...details].join('; '));
}

function messageSuffix(text: string): string {
  const message = githubMessage(text);
  // A 5xx from GitHub's edge is an HTML page: its text says nothing the status does not.
  return message === undefined || /^<!doctype|^<html/i.test(text.trim()) ? '' : `: ${message}`;
}

/** One line, bounded: the message lands in the state and the logs. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MESSAGE_LIMIT ? `${flat.slice(0, MESSAGE_LIMIT)}...` : flat;
}

/** The system error code behind undici's "fetch failed", when there is one. */
export function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return describeError(error);
}
