// The alert gateway's HTTP side: one route per configured source, each request authenticated
// before its body is parsed, every alert in it recorded durably before the answer, and routed
// through the allow-list to a queued dispatch; plus /healthz and /metrics. The dispatches leave
// from the store's queue in the dispatcher loop (adapters/github-dispatch.ts).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { describeError } from '../errors.ts';
import { parseDuration } from '../core/definition.ts';
import type { GatewayConfig, GatewaySource } from '../core/gateway-config.ts';
import { authenticateRequest, type SourceSecrets } from '../core/gateway-auth.ts';
import { normalizeAlerts, type NormalizedAlert } from '../core/gateway-alerts.ts';
import { routeAlert } from '../core/gateway-rules.ts';
import type { AcceptOutcome, AlertOutcome, GatewayStore, QueuedDispatch } from '../adapters/gateway-store.ts';
import { GroupCommit } from '../adapters/gateway-group-commit.ts';
import {
  abortableSleep,
  backoffMs,
  runDispatcher,
  type DispatcherOptions,
  type DispatchResult,
} from '../adapters/github-dispatch.ts';

export type { SourceSecrets } from '../core/gateway-auth.ts';

/** Largest request body read: Alertmanager groups are a few KB; a 1 MiB body is an attack or a bug. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** A whole request (headers and body) must arrive within this. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** The headers must arrive within this. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** Connections open at once; more are refused by the server until some close. */
export const MAX_CONNECTIONS = 2048;
/** After the dispatcher loop failed (its store write did), how long before it starts again. */
export const DISPATCHER_RESTART_MS = 5_000;

export interface GatewayDeps {
  readonly config: GatewayConfig;
  readonly store: GatewayStore;
  /** Source id -> its secrets. */
  readonly secrets: ReadonlyMap<string, SourceSecrets>;
  /** Sends one queued dispatch to GitHub (adapters/github-dispatch.ts `sendDispatch`, bound to the token or its source). */
  readonly send: (dispatch: QueuedDispatch, signal: AbortSignal) => Promise<DispatchResult>;
  /**
   * Checks at start that GitHub takes the credentials (fetches the App's token); a failure is
   * logged, shown on /healthz and tried again with backoff until it passes. Optional.
   */
  readonly checkCredentials?: (signal: AbortSignal) => Promise<unknown>;
  readonly now: () => Date;
  /** One JSON object per line on standard output. */
  readonly log: (event: Readonly<Record<string, unknown>>) => void;
}

/** A running gateway. */
export interface RunningGateway {
  /** `http://host:port` it listens on. */
  readonly url: string;
  /** Stops accepting, finishes in-flight requests and the in-flight dispatch, closes the store. */
  close(): Promise<void>;
}

/** In-memory counters for /metrics (the store keeps the durable ones). */
interface Counters {
  requests: number;
  unauthenticated: number;
  rejected: number;
  stored: number;
  storeFailures: number;
  dispatchSeconds: number;
  dispatches: number;
  retries: number;
  failed: number;
}

/** Starts the HTTP server and the dispatcher loop. */
export async function startGateway(deps: GatewayDeps): Promise<RunningGateway> {
  const { config, store } = deps;
  const counters: Counters = {
    requests: 0,
    unauthenticated: 0,
    rejected: 0,
    stored: 0,
    storeFailures: 0,
    dispatchSeconds: 0,
    dispatches: 0,
    retries: 0,
    failed: 0,
  };
  // Accepts of one event-loop turn share one transaction and one sync: every alert is still on
  // disk before its request is answered.
  const commits = new GroupCommit(store);
  const stop = new AbortController();
  // Wakes the dispatcher when an alert was queued, so it leaves at once rather than after idling.
  let wake: (() => void) | undefined;
  const byPath = new Map(config.sources.map((source) => [source.path, source]));
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      deps.log({ level: 'error', msg: 'request failed', error: describeError(error) });
      if (!res.headersSent) reply(res, 500, { error: 'internal error' });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (req.method === 'GET' && url.pathname === '/healthz') return health(res);
    if (req.method === 'GET' && url.pathname === '/metrics') return metrics(res);
    const source = byPath.get(url.pathname);
    if (source === undefined) return reply(res, 404, { error: 'no such source' });
    if (req.method !== 'POST') return reply(res, 405, { error: 'POST only' });
    counters.requests++;
    const secrets = deps.secrets.get(source.id) ?? {};
    // Attack: an unauthenticated client holding connections with large bodies. A source that
    // checks a bearer token only is authenticated from its headers, before any body byte is read.
    if (source.auth.hmacEnv === undefined) {
      const early = authenticateRequest(source, req.headersDistinct, new Uint8Array(), secrets, {
        now: deps.now().getTime(),
      });
      if (!early.ok) {
        counters.unauthenticated++;
        deps.log({ level: 'warn', msg: 'unauthenticated request', source: source.id, reason: early.reason });
        res.setHeader('connection', 'close');
        reply(res, 401, { error: 'unauthenticated' });
        req.destroy();
        return;
      }
    }
    const body = await readBody(req);
    if (body === undefined) {
      counters.rejected++;
      res.setHeader('connection', 'close');
      reply(res, 413, { error: `body over ${MAX_BODY_BYTES} bytes` });
      req.destroy();
      return;
    }
    // Attack: a forged alert (anyone who can reach the port). It is authenticated before its body
    // is parsed, and a request that fails changes nothing: no record, no dispatch.
    // headersDistinct: a header sent twice is seen twice (and refused), not joined or dropped.
    const auth = authenticateRequest(source, req.headersDistinct, body, secrets, {
      now: deps.now().getTime(),
    });
    if (!auth.ok) {
      counters.unauthenticated++;
      deps.log({ level: 'warn', msg: 'unauthenticated request', source: source.id, reason: auth.reason });
      return reply(res, 401, { error: 'unauthenticated' });
    }
    let alerts: NormalizedAlert[];
    try {
      alerts = normalizeAlerts(source.type, source.id, JSON.parse(Buffer.from(body).toString('utf8')) as unknown);
    } catch (error) {
      counters.rejected++;
      deps.log({ level: 'warn', msg: 'not an alert body', source: source.id, error: describeError(error) });
      return reply(res, 400, { error: `not a ${source.type} alert body: ${describeError(error).slice(0, 300)}` });
    }
    let outcomes: AlertOutcome[];
    try {
      outcomes = await Promise.all(alerts.map((alert) => record(source, alert)));
    } catch (error) {
      // Durability: the alert could not be written and synced, so it is not accepted; 5xx makes
      // the sender retry (Alertmanager and PagerDuty do).
      counters.storeFailures++;
      deps.log({ level: 'error', msg: 'store write failed', source: source.id, error: describeError(error) });
      return reply(res, 503, { error: 'could not record the alert; retry' });
    }
    counters.stored += outcomes.length;
    if (outcomes.includes('queued')) wake?.();
    for (const [i, alert] of alerts.entries()) {
      deps.log({
        level: 'info',
        msg: 'alert',
        source: source.id,
        key: alert.key,
        name: alert.name,
        outcome: outcomes[i],
      });
    }
    return reply(res, 200, { alerts: outcomes.length, outcomes });
  }

  /** Records one alert and, when a rule routes it and its rate limit allows, queues its dispatch. */
  function record(source: GatewaySource, alert: NormalizedAlert): Promise<AlertOutcome> {
    const accepted = {
      source: source.id,
      key: alert.key,
      status: alert.status,
      name: alert.name,
      receivedAt: deps.now().toISOString(),
      body: JSON.stringify(alert),
    };
    // Only an alert that is firing itself starts a fix (a firing group can carry resolved alerts);
    // a resolved one is dispatched under its rule's own event type when `on-resolved` says so.
    const routed = routeAlert(config.rules, alert, config.github.eventType);
    if (routed.kind !== 'routed') {
      if (routed.kind === 'invalid') {
        deps.log({ level: 'warn', msg: 'alert not sent', source: source.id, key: alert.key, reason: routed.reason });
      }
      return commits.accept(accepted, routed.kind);
    }
    const rule = config.rules[routed.ruleIndex];
    // The rate limit is checked inside the transaction that queues: concurrent alerts cannot all
    // find room under it. It bounds fixes: a resolution is not limited.
    const outcome: AcceptOutcome = {
      dispatch: {
        event: routed.event,
        ruleIndex: routed.ruleIndex,
        target: routed.target,
        payload: JSON.stringify(routed.payload),
      },
      ...(rule?.rateLimit !== undefined && routed.event === 'firing'
        ? {
            limit: {
              max: rule.rateLimit.max,
              since: new Date(deps.now().getTime() - parseDuration(rule.rateLimit.within)).toISOString(),
            },
          }
        : {}),
    };
    return commits.accept(accepted, outcome);
  }

  function health(res: ServerResponse): void {
    try {
      const counts = store.counts();
      reply(res, dispatcherError === undefined ? 200 : 503, {
        ok: dispatcherError === undefined,
        ...(dispatcherError !== undefined ? { dispatcher: dispatcherError } : {}),
        queued: counts.queued,
        dead: counts.dead,
        durability: store.durability(),
        lastGitHubSuccess: store.lastSentAt() ?? null,
      });
    } catch (error) {
      reply(res, 503, { ok: false, error: describeError(error) });
    }
  }

  function metrics(res: ServerResponse): void {
    const counts = store.counts();
    const lines = [
      '# HELP remediate_gateway_requests_total Alert requests received on source routes.',
      '# TYPE remediate_gateway_requests_total counter',
      `remediate_gateway_requests_total ${counters.requests}`,
      '# HELP remediate_gateway_unauthenticated_total Requests refused as unauthenticated (401).',
      '# TYPE remediate_gateway_unauthenticated_total counter',
      `remediate_gateway_unauthenticated_total ${counters.unauthenticated}`,
      '# HELP remediate_gateway_alerts_total Alerts recorded, by outcome (since the state was created).',
      '# TYPE remediate_gateway_alerts_total counter',
      ...Object.entries(counts.alerts).map(
        ([outcome, n]) => `remediate_gateway_alerts_total{outcome="${outcome}"} ${n}`,
      ),
      '# HELP remediate_gateway_dispatches Dispatches by state.',
      '# TYPE remediate_gateway_dispatches gauge',
      `remediate_gateway_dispatches{state="queued"} ${counts.queued}`,
      `remediate_gateway_dispatches{state="sent"} ${counts.sent}`,
      `remediate_gateway_dispatches{state="dead"} ${counts.dead}`,
      '# HELP remediate_gateway_dispatch_seconds Time GitHub took to answer dispatches.',
      '# TYPE remediate_gateway_dispatch_seconds summary',
      `remediate_gateway_dispatch_seconds_sum ${counters.dispatchSeconds}`,
      `remediate_gateway_dispatch_seconds_count ${counters.dispatches}`,
      '# HELP remediate_gateway_dispatch_retries_total Dispatch attempts to be retried (5xx, network, rate limit).',
      '# TYPE remediate_gateway_dispatch_retries_total counter',
      `remediate_gateway_dispatch_retries_total ${counters.retries}`,
      '# HELP remediate_gateway_dispatch_failures_total Dispatches GitHub refused (dead until replay-dead).',
      '# TYPE remediate_gateway_dispatch_failures_total counter',
      `remediate_gateway_dispatch_failures_total ${counters.failed}`,
      '',
    ];
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(lines.join('\n'));
  }

  // A slow or stalled client is cut off: bodies are small, and an unanswered request holds memory.
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.maxConnections = MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.listen.port, config.listen.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.listen.port;
  const url = `http://${config.listen.host.includes(':') ? `[${config.listen.host}]` : config.listen.host}:${port}`;
  deps.log({ level: 'info', msg: 'listening', url, sources: config.sources.map((s) => `${s.type} ${s.path}`) });

  // The dispatcher loop fails when the store does (a locked or full database): it is logged,
  // /healthz says so, and the loop starts again; it must not end silently while alerts queue.
  // A dispatch retried for want of a usable token (the GitHub App's exchange failed) is reported
  // the same way: nothing leaves until it is fixed. The next dispatch sent clears either.
  let dispatcherError: string | undefined;
  const dispatcherOptions: DispatcherOptions = {
    now: deps.now,
    sleep: (ms, signal) => {
      const idle = new AbortController();
      wake = () => idle.abort();
      return abortableSleep(ms, AbortSignal.any([signal, idle.signal])).finally(() => (wake = undefined));
    },
    signal: stop.signal,
    onEvent: (event) => {
      if (event.kind === 'sent') {
        counters.dispatches++;
        counters.dispatchSeconds += event.latencyMs / 1000;
      } else if (event.kind === 'retry') counters.retries++;
      else counters.failed++;
      if (event.kind === 'sent') dispatcherError = undefined;
      const noCredentials = event.kind === 'retry' && event.credentials === true;
      if (noCredentials) dispatcherError = event.reason;
      deps.log({ level: event.kind === 'failed' || noCredentials ? 'error' : 'info', msg: 'dispatch', ...event });
    },
  };
  const dispatcher = (async () => {
    while (!stop.signal.aborted) {
      try {
        await runDispatcher(store, (dispatch) => deps.send(dispatch, stop.signal), dispatcherOptions);
      } catch (error) {
        dispatcherError = describeError(error);
        deps.log({ level: 'error', msg: 'dispatcher stopped; restarting', error: dispatcherError });
        await abortableSleep(DISPATCHER_RESTART_MS, stop.signal);
      }
    }
  })();

  // Credentials GitHub refuses (a wrong App key or installation) would otherwise go unnoticed
  // until the first alert, hours later: checked now, and /healthz says so until they pass.
  const credentialsCheck = (async () => {
    const check = deps.checkCredentials;
    if (check === undefined) return;
    let failure: string | undefined;
    for (let attempt = 0; !stop.signal.aborted; attempt++) {
      try {
        await check(stop.signal);
        if (dispatcherError === failure) dispatcherError = undefined;
        deps.log({ level: 'info', msg: 'github credentials accepted' });
        return;
      } catch (error) {
        if (stop.signal.aborted) return;
        failure = `github credentials: ${describeError(error)}`;
        dispatcherError = failure;
        deps.log({ level: 'error', msg: 'github credentials check failed; retrying', error: describeError(error) });
        await abortableSleep(backoffMs(attempt), stop.signal);
      }
    }
  })();

  return {
    url,
    async close() {
      await new Promise<void>((resolve) => closeServer(server, resolve));
      await commits.flush();
      stop.abort();
      await dispatcher.catch(() => undefined);
      await credentialsCheck;
      store.close();
    },
  };
}

/** Reads a request body up to MAX_BODY_BYTES; undefined when it is larger (the rest is not read). */
function readBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(`${JSON.stringify(body)}\n`);
}

/** Stops listening and lets in-flight requests finish; idle keep-alive connections are closed. */
function closeServer(server: Server, done: () => void): void {
  server.close(() => done());
  server.closeIdleConnections();
}
