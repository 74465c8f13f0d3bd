// sendDispatch against the GitHub REST double (checked against GitHub's OpenAPI description), and
// runDispatcher end to end: the real store, the real sender, the double, a fake clock.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GatewayStore, type AcceptedAlert } from '../../src/adapters/gateway-store.ts';
import {
  abortableSleep,
  BACKOFF_CAP_MS,
  backoffMs,
  runDispatcher,
  sendDispatch,
  type DispatcherEvent,
  type DispatchResult,
  type SendQueued,
} from '../../src/adapters/github-dispatch.ts';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github-rest/server.ts';
import { TempRepo } from '../helpers/git-repo.ts';

const TOKEN = 'ghs_gateway-test-token';
const DISPATCHES = /^POST \/repos\/[^/]+\/[^/]+\/dispatches$/;
const BODY = JSON.stringify({
  event_type: 'remediate',
  client_payload: { remediation: 'reapply-config@v1.0.0', target: 'web-1', alert: { source: 'am', id: 'fp1@t0' } },
});

let repo: TempRepo;
let double: GitHubDouble;
let stateDir: string;
/** Violations a test provoked on purpose (a body GitHub's description refuses), by location. */
let provoked: string[] = [];
const stores: GatewayStore[] = [];

beforeAll(() => {
  repo = new TempRepo();
});
afterAll(() => repo.remove());
beforeEach(async () => {
  double = await startGitHubDouble({ token: TOKEN, gitDir: repo.dir });
  stateDir = mkdtempSync(join(tmpdir(), 'remediate-dispatch-'));
});
afterEach(async () => {
  for (const store of stores.splice(0)) store.close();
  rmSync(stateDir, { recursive: true, force: true });
  expect(double.violations.map((v) => v.location)).toEqual(provoked);
  provoked = [];
  await double.close();
});

const send = (overrides: Partial<Parameters<typeof sendDispatch>[0]> = {}): Promise<DispatchResult> =>
  sendDispatch({
    apiUrl: double.url,
    repository: double.repository,
    token: TOKEN,
    body: BODY,
    random: () => 0,
    ...overrides,
  });

describe('backoffMs', () => {
  it('doubles from 1 s with equal jitter, capped at 5 minutes', () => {
    expect([0, 1, 2, 3].map((n) => backoffMs(n, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((n) => backoffMs(n, () => 0.999_999))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(50, () => 0.999_999)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(1e9, () => 0)).toBe(BACKOFF_CAP_MS / 2);
    expect(backoffMs(-3, () => 0)).toBe(500);
  });
});

describe('sendDispatch', () => {
  it('answers sent on 204, and GitHub got the event once', async () => {
    expect(await send()).toEqual({ kind: 'sent' });
    expect(double.dispatches).toEqual([
      { eventType: 'remediate', clientPayload: JSON.parse(BODY).client_payload, bytes: BODY.length },
    ]);
  });

  it("sends GitHub's headers: bearer token, media type, API version, JSON body", async () => {
    let seen: IncomingHttpHeaders = {};
    const server = createServer((req, res) => {
      seen = req.headers;
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await sendDispatch({
        apiUrl: `http://127.0.0.1:${port}/`,
        repository: 'o/r',
        token: 't0k',
        body: BODY,
      });
      expect(result).toEqual({ kind: 'sent' });
      expect(seen).toMatchObject({
        authorization: 'Bearer t0k',
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        'content-type': 'application/json',
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('retries a 502 with backoff by attempts', async () => {
    double.failNext(DISPATCHES, 2, 502);
    expect(await send()).toEqual({ kind: 'retry', afterMs: 500, reason: 'HTTP 502' });
    expect(await send({ attempts: 3 })).toEqual({ kind: 'retry', afterMs: 4000, reason: 'HTTP 502' });
    expect(double.dispatches).toEqual([]);
  });

  it('retries a 429 after its retry-after, and a 403 with x-ratelimit-remaining 0 after the reset', async () => {
    double.failNext(DISPATCHES, 1, 429, { headers: { 'retry-after': '7' } });
    expect(await send()).toEqual({
      kind: 'retry',
      afterMs: 7000,
      reason: 'HTTP 429, retry-after: 7',
      rateLimited: true,
    });
    const nowMs = Date.parse('2030-01-01T00:00:00Z');
    double.failNext(DISPATCHES, 1, 403, {
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(nowMs / 1000 + 60) },
    });
    expect(await send({ nowMs: () => nowMs })).toMatchObject({ kind: 'retry', afterMs: 61_000, rateLimited: true });
  });

  it('fails a 403 without rate-limit headers (no permission): never retried', async () => {
    double.failNext(DISPATCHES, 1, 403, {
      body: JSON.stringify({
        message: 'Resource not accessible by integration',
        documentation_url: 'x',
        status: '403',
      }),
    });
    expect(await send()).toEqual({ kind: 'failed', status: 403, message: 'Resource not accessible by integration' });
  });

  it("fails a 422 with GitHub's message", async () => {
    const result = await send({ body: JSON.stringify({ event_type: 'e'.repeat(101) }) });
    expect(result.kind).toBe('failed');
    if (result.kind !== 'failed') return;
    expect(result.status).toBe(422);
    expect(result.message).toMatch(/^Invalid request\. /);
    expect(result.message).not.toContain('\n');
    // The double also records the bad request as a violation of the description: meant here.
    provoked = ['body'];
  });

  it('fails a 404 (unknown repository) with the message', async () => {
    expect(await send({ repository: 'octo-org/missing' })).toEqual({
      kind: 'failed',
      status: 404,
      message: 'Not Found',
    });
  });

  it('retries a dropped connection, a refused connection and a timeout', async () => {
    double.dropNext(DISPATCHES);
    expect(await send()).toMatchObject({
      kind: 'retry',
      afterMs: 500,
      reason: expect.stringMatching(/^network error: /),
    });

    double.hangNext(DISPATCHES);
    expect(await send({ timeoutMs: 200 })).toMatchObject({ kind: 'retry', reason: 'no answer within 200 ms' });

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(await send({ apiUrl: `http://127.0.0.1:${port}` })).toMatchObject({
      kind: 'retry',
      reason: 'network error: ECONNREFUSED',
    });
    expect(double.dispatches).toEqual([]);
  });

  it('fails a malformed repository without calling', async () => {
    expect(await send({ repository: 'no-slash' })).toMatchObject({ kind: 'failed', status: 0 });
    expect(double.requests).toEqual([]);
  });
});

describe('sendDispatch with a token source (a GitHub App)', () => {
  /** Hands out `tokens` in order (an Error is thrown instead), then TOKEN; records invalidations. */
  function source(...tokens: (string | Error)[]) {
    const invalidated: string[] = [];
    return {
      invalidated,
      token: async () => {
        const next = tokens.shift() ?? TOKEN;
        if (next instanceof Error) throw next;
        return next;
      },
      invalidate: (token: string) => invalidated.push(token),
    };
  }

  it('a 401 (a revoked token) drops the token and sends once more with a fresh one', async () => {
    const tokens = source('ghs_revoked');
    expect(await send({ token: tokens })).toEqual({ kind: 'sent' });
    expect(tokens.invalidated).toEqual(['ghs_revoked']);
    expect(double.requests.map((r) => r.status)).toEqual([401, 204]);
    expect(double.dispatches).toHaveLength(1);
  });

  it('a 401 to the fresh token too is a retry for want of credentials, not a dead dispatch', async () => {
    const tokens = source('ghs_revoked', 'ghs_refused-as-well');
    expect(await send({ token: tokens })).toEqual({
      kind: 'retry',
      afterMs: 500,
      reason: 'HTTP 401 to a token minted just now: Bad credentials',
      credentials: true,
    });
    expect(tokens.invalidated).toEqual(['ghs_revoked', 'ghs_refused-as-well']);
    expect(double.requests).toHaveLength(2);
    expect(double.dispatches).toEqual([]);
  });

  it('a token that cannot be had is a retry for want of credentials, and nothing is sent', async () => {
    const tokens = source(new Error('GitHub App installation token: HTTP 401: A JSON web token could not be decoded'));
    expect(await send({ token: tokens })).toEqual({
      kind: 'retry',
      afterMs: 500,
      reason: 'GitHub App installation token: HTTP 401: A JSON web token could not be decoded',
      credentials: true,
    });
    expect(double.requests).toEqual([]);
  });

  it('other refusals are classified as for a fixed token, and a fixed token is never renewed', async () => {
    const tokens = source();
    double.failNext(DISPATCHES, 1, 403, {
      body: JSON.stringify({
        message: 'Resource not accessible by integration',
        documentation_url: 'x',
        status: '403',
      }),
    });
    expect(await send({ token: tokens })).toMatchObject({ kind: 'failed', status: 403 });
    expect(tokens.invalidated).toEqual([]);
    // token-env: a 401 means the configured token is wrong; a person must replace it.
    expect(await send({ token: 'ghs_wrong' })).toEqual({ kind: 'failed', status: 401, message: 'Bad credentials' });
    expect(double.requests).toHaveLength(2);
  });
});

describe('runDispatcher', () => {
  /** A clock that moves only when the dispatcher sleeps, so backoffs take no real time. */
  function fakeTime(start = '2030-01-01T00:00:00.000Z') {
    let ms = Date.parse(start);
    return {
      now: () => new Date(ms),
      sleep: async (wait: number) => {
        ms += wait;
        await new Promise((resolve) => setImmediate(resolve));
      },
      advance: (wait: number) => (ms += wait),
    };
  }

  function storeWith(...keys: string[]): GatewayStore {
    const store = GatewayStore.open(stateDir);
    stores.push(store);
    for (const key of keys) {
      const alert: AcceptedAlert = {
        source: 'am',
        key,
        status: 'firing',
        name: 'ConfigDrift',
        receivedAt: '2030-01-01T00:00:00.000Z',
        body: '{}',
      };
      const payload = JSON.stringify({ event_type: 'remediate', client_payload: { alert: { id: key } } });
      expect(store.accept(alert, { dispatch: { ruleIndex: 0, target: 'web-1', payload } })).toBe('queued');
    }
    return store;
  }

  const sender =
    (onSend?: () => void): SendQueued =>
    (dispatch) => {
      onSend?.();
      return sendDispatch({
        apiUrl: double.url,
        repository: double.repository,
        token: TOKEN,
        body: dispatch.payload,
        attempts: dispatch.attempts,
      });
    };

  /** Runs the dispatcher until `done(events)` says so (or a safety limit of events). */
  async function runUntil(store: GatewayStore, send: SendQueued, done: (events: DispatcherEvent[]) => boolean) {
    const events: DispatcherEvent[] = [];
    const stop = new AbortController();
    const time = fakeTime();
    let idles = 0;
    await runDispatcher(store, send, {
      now: time.now,
      signal: stop.signal,
      sleep: async (ms) => {
        // Nothing due for a simulated hour: nothing more will come.
        if (++idles > 3600) stop.abort();
        await time.sleep(ms);
      },
      onEvent: (event) => {
        events.push(event);
        if (done(events)) stop.abort();
      },
    });
    return events;
  }

  it('sends each queued dispatch exactly once, in order, and marks it sent', async () => {
    const store = storeWith('a', 'b');
    const events = await runUntil(store, sender(), (e) => e.length === 2);
    expect(events.map((e) => [e.kind, e.key, e.attempts])).toEqual([
      ['sent', 'a', 1],
      ['sent', 'b', 1],
    ]);
    expect(double.dispatches.map((d) => (d.clientPayload?.alert as { id: string }).id)).toEqual(['a', 'b']);
    expect(store.counts()).toMatchObject({ queued: 0, sent: 2, dead: 0 });
    expect(store.lastSentAt()).toBe('2030-01-01T00:00:00.000Z');

    // Run again (a restart): nothing is due, nothing is sent twice.
    const again = await runUntil(store, sender(), () => false);
    expect(again).toEqual([]);
    expect(double.dispatches).toHaveLength(2);
  });

  it('retries a 502 after the backoff, then sends once', async () => {
    double.failNext(DISPATCHES, 2, 502);
    const store = storeWith('a');
    const events = await runUntil(store, sender(), (e) => e.some((x) => x.kind === 'sent'));
    expect(events.map((e) => [e.kind, e.attempts])).toEqual([
      ['retry', 1],
      ['retry', 2],
      ['sent', 3],
    ]);
    expect(double.dispatches).toHaveLength(1);
    expect(double.requests.map((r) => r.status)).toEqual([502, 502, 204]);
    expect(store.counts()).toMatchObject({ queued: 0, sent: 1 });
  });

  it('records a 422 as dead and never retries it; replay-dead sends it again', async () => {
    double.failNext(DISPATCHES, 1, 422, {
      body: JSON.stringify({ message: 'Validation Failed', documentation_url: 'x', status: '422' }),
    });
    const store = storeWith('a');
    const events = await runUntil(store, sender(), () => false);
    expect(events).toEqual([
      { kind: 'failed', id: 1, key: 'a', attempts: 1, status: 422, message: 'Validation Failed' },
    ]);
    expect(double.requests).toHaveLength(1);
    expect(store.counts()).toMatchObject({ queued: 0, dead: 1 });

    expect(store.requeueDead('2030-01-01T00:00:00.000Z')).toBe(1);
    const replayed = await runUntil(store, sender(), (e) => e.length === 1);
    expect(replayed.map((e) => e.kind)).toEqual(['sent']);
    expect(double.dispatches).toHaveLength(1);
  });

  it('pauses every send while GitHub rate-limits the token', async () => {
    double.failNext(DISPATCHES, 1, 429, { headers: { 'retry-after': '120' } });
    const store = storeWith('a', 'b');
    const sentAt: number[] = [];
    const time = fakeTime();
    const stop = new AbortController();
    await runDispatcher(store, sender(), {
      now: time.now,
      sleep: time.sleep,
      signal: stop.signal,
      onEvent: (event) => {
        if (event.kind === 'sent') sentAt.push(time.now().getTime());
        if (sentAt.length === 2) stop.abort();
      },
    });
    // 'b' was due at once but waited out a's 2 minutes too.
    expect(sentAt.every((t) => t >= Date.parse('2030-01-01T00:02:00.000Z'))).toBe(true);
    expect(double.requests.map((r) => r.status)).toEqual([429, 204, 204]);
  });

  it('finishes and records the send in flight when stopped, then returns', async () => {
    const store = storeWith('a', 'b');
    const stop = new AbortController();
    const time = fakeTime();
    await runDispatcher(
      store,
      sender(() => stop.abort()),
      { now: time.now, sleep: time.sleep, signal: stop.signal },
    );
    expect(double.dispatches).toHaveLength(1);
    expect(store.counts()).toMatchObject({ queued: 1, sent: 1 });
  });

  it('pauses every send after a retry for want of credentials, and reports it as such', async () => {
    const store = storeWith('a', 'b');
    const stop = new AbortController();
    const sleeps: number[] = [];
    const events: DispatcherEvent[] = [];
    let calls = 0;
    await runDispatcher(
      store,
      async (): Promise<DispatchResult> => {
        if (++calls === 1) return { kind: 'retry', afterMs: 700, reason: 'no token', credentials: true };
        stop.abort();
        return { kind: 'sent' };
      },
      {
        now: () => new Date('2030-01-01T00:00:00.000Z'),
        signal: stop.signal,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        onEvent: (event) => events.push(event),
      },
    );
    expect(events[0]).toMatchObject({ kind: 'retry', key: 'a', reason: 'no token', credentials: true });
    // The pause comes before the next dispatch ('b') is tried.
    expect(sleeps[0]).toBe(700);
    expect(events[1]).toMatchObject({ kind: 'sent', key: 'b' });
  });

  it('treats a send that throws as a retry and reports it', async () => {
    const store = storeWith('a');
    let calls = 0;
    const flaky: SendQueued = async (dispatch) => {
      if (++calls === 1) throw new Error('token provider down');
      return sender()(dispatch);
    };
    const events = await runUntil(store, flaky, (e) => e.some((x) => x.kind === 'sent'));
    expect(events.map((e) => [e.kind, e.kind === 'retry' ? e.reason : ''])).toEqual([
      ['retry', 'send failed: token provider down'],
      ['sent', ''],
    ]);
    expect(double.dispatches).toHaveLength(1);
  });
});

describe('the dispatcher killed with SIGKILL', () => {
  const MODULES = {
    store: pathToFileURL(join(import.meta.dirname, '../../src/adapters/gateway-store.ts')).href,
    dispatch: pathToFileURL(join(import.meta.dirname, '../../src/adapters/github-dispatch.ts')).href,
  };

  /**
   * Starts a dispatcher in a child process on `stateDir`, sending to the double with retries
   * shortened to 20 ms; `afterSend` is JavaScript run after each answer (it may hang the child).
   * Resolves with the child once `ready(requests)` says so.
   */
  async function dispatcherChild(afterSend: string, ready: () => boolean): Promise<ChildProcess> {
    const script = [
      `const { GatewayStore } = await import(${JSON.stringify(MODULES.store)});`,
      `const { runDispatcher, sendDispatch, abortableSleep } = await import(${JSON.stringify(MODULES.dispatch)});`,
      `const store = GatewayStore.open(${JSON.stringify(stateDir)});`,
      `const send = async (d) => {`,
      `  const result = await sendDispatch({ apiUrl: ${JSON.stringify(double.url)}, repository: ${JSON.stringify(double.repository)}, token: ${JSON.stringify(TOKEN)}, body: d.payload, attempts: d.attempts });`,
      `  ${afterSend}`,
      `  return result.kind === 'retry' ? { ...result, afterMs: 20 } : result;`,
      `};`,
      `await runDispatcher(store, send, { now: () => new Date(), sleep: abortableSleep, signal: new AbortController().signal, idleMs: 20 });`,
    ].join('\n');
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = Date.now() + 10_000;
    while (!ready()) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`the dispatcher child did not get there: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return child;
  }

  async function kill(child: ChildProcess): Promise<void> {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  function queue(key: string): void {
    const store = GatewayStore.open(stateDir);
    const payload = JSON.stringify({ event_type: 'remediate', client_payload: { alert: { source: 'am', id: key } } });
    const alert = {
      source: 'am',
      key,
      status: 'firing',
      name: 'X',
      receivedAt: new Date().toISOString(),
      body: '{}',
    } as const;
    expect(store.accept(alert, { dispatch: { ruleIndex: 0, target: 't', payload } })).toBe('queued');
    store.close();
  }

  /** Runs a dispatcher in this process until nothing is queued, as the restarted gateway would. */
  async function restartAndDrain(): Promise<GatewayStore> {
    const store = GatewayStore.open(stateDir);
    stores.push(store);
    const stop = new AbortController();
    await runDispatcher(
      store,
      (d) => sendDispatch({ apiUrl: double.url, repository: double.repository, token: TOKEN, body: d.payload }),
      {
        now: () => new Date(Date.now() + 3_600_000),
        sleep: async (ms, signal) => {
          if (store.counts().queued === 0) stop.abort();
          await abortableSleep(Math.min(ms, 10), signal);
        },
        signal: stop.signal,
      },
    );
    return store;
  }

  it('while GitHub answers 502: after the restart the alert is dispatched exactly once', async () => {
    queue('fp1@t0');
    double.failNext(DISPATCHES, 4, 502);
    const child = await dispatcherChild('', () => double.requests.length >= 2);
    await kill(child);
    expect(double.dispatches).toEqual([]);
    const store = await restartAndDrain();
    expect(double.dispatches).toHaveLength(1);
    expect(double.requests.filter((r) => r.status === 204)).toHaveLength(1);
    expect(store.counts()).toMatchObject({ queued: 0, sent: 1, dead: 0 });
  });

  it("between GitHub's 204 and markSent: sent again once after the restart, with the same idempotency key", async () => {
    queue('fp1@t0');
    // The child hangs after GitHub's answer, before it can mark the dispatch sent: the crash window.
    const child = await dispatcherChild('await new Promise(() => {});', () => double.dispatches.length === 1);
    await kill(child);
    const store = await restartAndDrain();
    // At least once at the HTTP level: the second POST carries the same alert id, which the run
    // takes as its idempotency key, so the runner records it as DUPLICATE_ALERT instead of fixing twice.
    expect(double.dispatches).toHaveLength(2);
    expect(double.dispatches[1]?.clientPayload).toEqual(double.dispatches[0]?.clientPayload);
    expect(store.counts()).toMatchObject({ queued: 0, sent: 1 });
    // And never a third time.
    await restartAndDrain();
    expect(double.dispatches).toHaveLength(2);
  });
});
