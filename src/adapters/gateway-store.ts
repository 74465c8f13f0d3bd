// The alert gateway's durable state: every alert it accepted and the queue of repository_dispatch
// calls it owes GitHub, in one SQLite file (`<state>/gateway.sqlite`) through Node's built-in
// `node:sqlite` (no native build, nothing downloaded at install).
//
// Durability. Each `accept` is one transaction that is on disk before it returns: the database runs
// in WAL mode with `synchronous=FULL`, so COMMIT appends the transaction to the write-ahead log and
// fsyncs the log before returning. (In WAL mode `synchronous=NORMAL` syncs only at checkpoints: a
// commit survives a `kill -9`, because the bytes are in the OS page cache, but not a power cut or
// a kernel crash. FULL survives both.) The gateway answers 2xx only after `accept` returned, so an
// alert answered 2xx is never lost; if the write throws, the caller answers 5xx and the sender
// retries.
//
// Exactly once, and what `kill -9` allows. The dedupe key of an alert firing (`source`, `key`, and
// `event`: the firing, or its resolution when a rule dispatches those) is UNIQUE among
// dispatches, so a re-sent alert (a retry, a re-notification, a restart, concurrent requests,
// even two processes on one state folder) is queued at most once; that is exact.
// Sending is not: a dispatch is marked sent only after GitHub answered 2xx, so a crash after
// GitHub accepted the dispatch and before `markSent` committed leaves it queued, and the restarted
// gateway sends it again. No local store can close that window (GitHub's dispatch API takes no
// idempotency key, and marking before sending would lose the dispatch when the crash comes first),
// so at the HTTP level delivery is at least once, and a second POST happens only after a crash in
// that window of a few milliseconds. The payload carries the alert key as the run's idempotency
// key (`alert.id` / `alert.fingerprint@startsAt`, core/idempotency-key.ts), so the second run is
// refused as DUPLICATE_ALERT and recorded: one fix, which is what "sends none twice" can mean.
//
// Node versions. `node:sqlite` is loaded when a store is opened, not when this module is imported:
// a static import would stop the whole CLI bundle from loading on a Node without it (22.0-22.12
// need a flag), long before the CLI could say why. Node 22 prints "ExperimentalWarning: SQLite is
// an experimental feature" once on stderr when it loads the module; Node 24 prints nothing. The
// warning is left alone: hiding it would mean patching process warnings for the whole process.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sqlite from 'node:sqlite';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { UsageError, describeError, usageErrorFromSystem } from '../errors.ts';

/** One alert as the gateway accepted it: what the store records for audit and dedupe. */
export interface AcceptedAlert {
  /** The configured source id the alert came through. */
  readonly source: string;
  /** The dedupe key of this firing (Alertmanager `fingerprint@startsAt`, PagerDuty incident id). */
  readonly key: string;
  readonly status: 'firing' | 'resolved';
  /** The alert's name (`alertname`), for logs and audit. */
  readonly name: string;
  /** When the gateway received it, ISO 8601. */
  readonly receivedAt: string;
  /** The normalized alert as JSON, for audit. */
  readonly body: string;
}

/** What became of one alert. */
export type AlertOutcome = 'queued' | 'duplicate' | 'unmatched' | 'resolved' | 'invalid' | 'throttled';

/** A dispatch waiting to be sent to GitHub. */
export interface QueuedDispatch {
  readonly id: number;
  /** The alert's dedupe key (also the run's idempotency key inside `payload`). */
  readonly key: string;
  /** Which configured rule matched (its index in the config's `rules`). */
  readonly ruleIndex: number;
  readonly target: string | undefined;
  /** The JSON body for `POST /repos/{owner}/{repo}/dispatches`. */
  readonly payload: string;
  /** How many sends were tried already. */
  readonly attempts: number;
  /** Not to be sent before this time, ISO 8601. */
  readonly notBefore: string;
  /** When the alert was queued, ISO 8601 (for the dispatch latency metric). */
  readonly queuedAt: string;
}

/**
 * Which state of an alert a dispatch is about: `firing` asks for a fix; `resolved` tells another
 * workflow the alert ended (a rule's `on-resolved`), under its own event type.
 */
export type DispatchEvent = 'firing' | 'resolved';

/** The dispatch a matched alert asks for. */
export interface DispatchRequestToQueue {
  /** Default `firing`. One dispatch per (source, key, event): a firing and its resolution are two. */
  readonly event?: DispatchEvent;
  readonly ruleIndex: number;
  readonly target: string | undefined;
  readonly payload: string;
}

/** At most `max` dispatches queued for the rule and target since `since` (ISO); past it, 'throttled'. */
export interface DispatchLimit {
  readonly max: number;
  readonly since: string;
}

/** What to do with an accepted alert: record it with an outcome decided already, or try to queue it. */
export type AcceptOutcome =
  | Exclude<AlertOutcome, 'queued' | 'duplicate'>
  | { readonly dispatch: DispatchRequestToQueue; readonly limit?: DispatchLimit };

/** One alert for `acceptMany`. */
export interface AcceptEntry {
  readonly alert: AcceptedAlert;
  readonly outcome: AcceptOutcome;
}

/** Totals for `/metrics` and `/healthz`. */
export interface GatewayCounts {
  /** Alerts received, by outcome. */
  readonly alerts: Record<AlertOutcome, number>;
  /** Dispatches waiting to be sent (queue depth). */
  readonly queued: number;
  readonly sent: number;
  /** Dispatches GitHub refused for good; `replay-dead` re-queues them. */
  readonly dead: number;
}

/** The database file inside the state folder. */
export const GATEWAY_DATABASE_FILE = 'gateway.sqlite';

/** The schema version this module writes (`PRAGMA user_version`). */
const SCHEMA_VERSION = 2;

const OUTCOMES: readonly AlertOutcome[] = ['queued', 'duplicate', 'unmatched', 'resolved', 'invalid', 'throttled'];

/** Each step migrates from version index to index + 1, inside the opening transaction. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE alerts (
     id INTEGER PRIMARY KEY,
     source TEXT NOT NULL,
     key TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('firing', 'resolved')),
     name TEXT NOT NULL,
     received_at TEXT NOT NULL,
     outcome TEXT NOT NULL CHECK (outcome IN ('queued', 'duplicate', 'unmatched', 'resolved', 'invalid', 'throttled')),
     body TEXT NOT NULL
   ) STRICT;
   CREATE INDEX alerts_by_outcome ON alerts (outcome);
   CREATE INDEX alerts_by_key ON alerts (source, key);
   CREATE TABLE dispatches (
     id INTEGER PRIMARY KEY,
     alert_id INTEGER NOT NULL REFERENCES alerts (id),
     source TEXT NOT NULL,
     key TEXT NOT NULL,
     rule_index INTEGER NOT NULL,
     target TEXT,
     payload TEXT NOT NULL,
     queued_at TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'dead')),
     attempts INTEGER NOT NULL DEFAULT 0,
     not_before TEXT NOT NULL,
     sent_at TEXT,
     last_error TEXT,
     -- One dispatch per alert firing, whatever the timing of the requests that carry it.
     UNIQUE (source, key)
   ) STRICT;
   CREATE INDEX dispatches_due ON dispatches (state, not_before, id);
   CREATE INDEX dispatches_by_rule ON dispatches (rule_index, target, queued_at);
   CREATE INDEX dispatches_by_sent_at ON dispatches (sent_at);`,
  // 2: a dispatch says which state of the alert it is about, and the once-only key includes it, so
  // a resolution can be dispatched after its firing. SQLite cannot change a UNIQUE constraint in
  // place: the table is rebuilt, every row kept as a firing dispatch.
  `CREATE TABLE dispatches_v2 (
     id INTEGER PRIMARY KEY,
     alert_id INTEGER NOT NULL REFERENCES alerts (id),
     source TEXT NOT NULL,
     key TEXT NOT NULL,
     event TEXT NOT NULL DEFAULT 'firing' CHECK (event IN ('firing', 'resolved')),
     rule_index INTEGER NOT NULL,
     target TEXT,
     payload TEXT NOT NULL,
     queued_at TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'dead')),
     attempts INTEGER NOT NULL DEFAULT 0,
     not_before TEXT NOT NULL,
     sent_at TEXT,
     last_error TEXT,
     -- One dispatch per alert firing, and one per its resolution, whatever the timing of the requests.
     UNIQUE (source, key, event)
   ) STRICT;
   INSERT INTO dispatches_v2 (id, alert_id, source, key, event, rule_index, target, payload, queued_at, state,
                              attempts, not_before, sent_at, last_error)
     SELECT id, alert_id, source, key, 'firing', rule_index, target, payload, queued_at, state,
            attempts, not_before, sent_at, last_error FROM dispatches;
   DROP TABLE dispatches;
   ALTER TABLE dispatches_v2 RENAME TO dispatches;
   CREATE INDEX dispatches_due ON dispatches (state, not_before, id);
   CREATE INDEX dispatches_by_rule ON dispatches (rule_index, target, queued_at);
   CREATE INDEX dispatches_by_sent_at ON dispatches (sent_at);`,
];

interface DispatchRow {
  id: number;
  key: string;
  rule_index: number;
  target: string | null;
  payload: string;
  attempts: number;
  not_before: string;
  queued_at: string;
}

/** The gateway's alerts and dispatch queue, durable on disk. One instance per process and folder. */
export class GatewayStore {
  readonly #db: DatabaseSync;
  readonly #file: string;
  readonly #statements = new Map<string, StatementSync>();

  private constructor(db: DatabaseSync, file: string) {
    this.#db = db;
    this.#file = file;
  }

  /**
   * Opens (creating when needed) the store in `stateDir`, migrating its schema. Throws a
   * UsageError (IO_ERROR) when the folder or database cannot be created or written.
   */
  static open(stateDir: string): GatewayStore {
    // Undefined on a Node without the module (getBuiltinModule returns undefined for unknown ids).
    const sqlite: typeof Sqlite | undefined = process.getBuiltinModule('node:sqlite');
    if (sqlite === undefined) {
      throw new UsageError(
        'USAGE',
        `the gateway needs Node.js 22.13 or later (node:sqlite), got ${process.version}: upgrade Node.js`,
      );
    }
    try {
      // The state holds alert bodies (labels, annotations): readable by the gateway's user only.
      mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw (
        usageErrorFromSystem(error, `gateway state folder ${stateDir}`) ??
        new UsageError('IO_ERROR', `gateway state folder ${stateDir}: ${describeError(error)}`, { cause: error })
      );
    }
    const file = join(stateDir, GATEWAY_DATABASE_FILE);
    let db: DatabaseSync | undefined;
    try {
      db = new sqlite.DatabaseSync(file);
      // Waits out another process's write (`remediate gateway replay-dead` next to a running gateway).
      db.exec('PRAGMA busy_timeout = 5000');
      // See the module comment: WAL + FULL makes every committed transaction durable on return.
      const mode = db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode?: string } | undefined;
      if (mode?.journal_mode !== 'wal') throw new Error(`expected journal_mode wal, got ${mode?.journal_mode}`);
      db.exec('PRAGMA synchronous = FULL');
      migrate(db);
      // Proves the folder is writable now rather than at the first alert.
      db.exec('BEGIN IMMEDIATE; COMMIT');
    } catch (error) {
      try {
        db?.close();
      } catch {
        // The open error below is the one to report; a failed close of a half-open handle adds nothing.
      }
      if (error instanceof UsageError) throw error;
      throw new UsageError(
        'IO_ERROR',
        `gateway state ${file} cannot be opened for writing: ${describeError(error)} ` +
          '(check that the folder exists, is writable by this user and is not on a read-only volume)',
        { cause: error },
      );
    }
    return new GatewayStore(db, file);
  }

  /** The database file's path. */
  get file(): string {
    return this.#file;
  }

  /**
   * One transaction, synced before it returns: records the alert, and when `dispatch` is given
   * and no earlier alert with the same (source, key, event) was queued (sent, or dead since),
   * queues it (or, with `limit`, records it 'throttled' when the window is full). A resolution is
   * queued only when its firing was, and a firing only when its key has not resolved yet (else
   * either is recorded 'resolved'). Returns what happened.
   * Dedupe survives restarts.
   */
  accept(alert: AcceptedAlert, outcome: AcceptOutcome): AlertOutcome {
    const receivedAt = isoTime(alert.receivedAt, 'receivedAt');
    const since = limitSince(outcome);
    return this.#transaction(() => this.#record(alert, outcome, receivedAt, since));
  }

  /**
   * `accept` for many alerts in one transaction and one sync (a group commit): what a server
   * receiving many requests at once uses to sync once per batch rather than once per alert.
   * Entries are applied in order, so a later entry sees an earlier one's key and rate-limit count.
   * All or nothing: an invalid time in any entry throws before anything is written.
   */
  acceptMany(entries: readonly AcceptEntry[]): AlertOutcome[] {
    const checked = entries.map((entry) => ({
      entry,
      receivedAt: isoTime(entry.alert.receivedAt, 'receivedAt'),
      since: limitSince(entry.outcome),
    }));
    if (checked.length === 0) return [];
    return this.#transaction(() =>
      checked.map(({ entry, receivedAt, since }) => this.#record(entry.alert, entry.outcome, receivedAt, since)),
    );
  }

  /** Records one alert inside the caller's transaction. */
  #record(alert: AcceptedAlert, outcome: AcceptOutcome, receivedAt: string, since: string | undefined): AlertOutcome {
    const insertAlert = (recorded: AlertOutcome): number =>
      Number(
        this.#statement(
          `INSERT INTO alerts (source, key, status, name, received_at, outcome, body) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(alert.source, alert.key, alert.status, alert.name, receivedAt, recorded, alert.body).lastInsertRowid,
      );
    if (typeof outcome === 'string') {
      insertAlert(outcome);
      return outcome;
    }
    // A dead dispatch counts as taken too: GitHub refused that payload for good, so sending it
    // again on a re-notification would fail the same way; `replay-dead` is the way back.
    const { dispatch, limit } = outcome;
    const event = dispatch.event ?? 'firing';
    const taken = this.#statement(`SELECT 1 AS taken FROM dispatches WHERE source = ? AND key = ? AND event = ?`).get(
      alert.source,
      alert.key,
      event,
    );
    if (taken !== undefined) {
      insertAlert('duplicate');
      return 'duplicate';
    }
    // Attack: senders retry and do not keep order (Alertmanager's retries and HA peer, PagerDuty's
    // unordered webhooks), so a firing can arrive after the resolution of the same alert. A
    // re-fire has a new startsAt (a new key): a firing whose key already resolved is stale, and
    // starting its fix would let the end of an alert start one. Recorded only.
    if (
      event === 'firing' &&
      this.#statement(`SELECT 1 AS ended FROM alerts WHERE source = ? AND key = ? AND status = 'resolved' LIMIT 1`).get(
        alert.source,
        alert.key,
      ) !== undefined
    ) {
      insertAlert('resolved');
      return 'resolved';
    }
    // Attack: resolutions are not rate-limited, so one dispatched whatever became of its firing
    // (throttled, never received, made up by the sender) let a flapping alert or a sender's fresh
    // ids cause dispatches without bound, spending GitHub's budget until its secondary rate limit
    // paused the fixes too. A resolution ends a firing this gateway queued (sent or dead since),
    // so resolutions are bounded by the rate-limited firings; any other is recorded only.
    if (
      event === 'resolved' &&
      this.#statement(`SELECT 1 AS fired FROM dispatches WHERE source = ? AND key = ? AND event = 'firing'`).get(
        alert.source,
        alert.key,
      ) === undefined
    ) {
      insertAlert('resolved');
      return 'resolved';
    }
    // Counted inside the transaction, so concurrent requests cannot all see room in the window.
    if (
      limit !== undefined &&
      since !== undefined &&
      this.#countSince(dispatch.ruleIndex, dispatch.target, since) >= limit.max
    ) {
      insertAlert('throttled');
      return 'throttled';
    }
    const alertId = insertAlert('queued');
    this.#statement(
      `INSERT INTO dispatches (alert_id, source, key, event, rule_index, target, payload, queued_at, state, attempts, not_before)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?)`,
    ).run(
      alertId,
      alert.source,
      alert.key,
      event,
      dispatch.ruleIndex,
      dispatch.target ?? null,
      dispatch.payload,
      receivedAt,
      receivedAt,
    );
    return 'queued';
  }

  /**
   * Rate limit per rule and target: how many fixes (firing dispatches) were queued for
   * (ruleIndex, target) since `since` (ISO), whatever became of them. Resolutions do not count:
   * the limit bounds how often a target is remediated.
   */
  countQueuedSince(ruleIndex: number, target: string | undefined, since: string): number {
    return this.#countSince(ruleIndex, target, isoTime(since, 'since'));
  }

  #countSince(ruleIndex: number, target: string | undefined, since: string): number {
    const row = this.#statement(
      `SELECT count(*) AS n FROM dispatches
       WHERE rule_index = ? AND target IS ? AND queued_at >= ? AND event = 'firing'`,
    ).get(ruleIndex, target ?? null, since) as { n: number };
    return row.n;
  }

  /** The next due dispatch (notBefore <= now, not sent, not dead), oldest due first, or undefined. */
  nextDue(now: string): QueuedDispatch | undefined {
    const row = this.#statement(
      `SELECT id, key, rule_index, target, payload, attempts, not_before, queued_at FROM dispatches
       WHERE state = 'queued' AND not_before <= ? ORDER BY not_before, id LIMIT 1`,
    ).get(isoTime(now, 'now')) as DispatchRow | undefined;
    return row === undefined ? undefined : toQueued(row);
  }

  /** Records that GitHub accepted dispatch `id` (answered 2xx) at `at`. */
  markSent(id: number, at: string): void {
    this.#updateQueued(
      id,
      `UPDATE dispatches SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL
       WHERE id = ? AND state = 'queued'`,
      isoTime(at, 'at'),
      id,
    );
  }

  /** Records a failed attempt that is worth retrying (5xx, network, rate limit) not before `notBefore`. */
  markRetry(id: number, notBefore: string, error: string): void {
    this.#updateQueued(
      id,
      `UPDATE dispatches SET not_before = ?, attempts = attempts + 1, last_error = ? WHERE id = ? AND state = 'queued'`,
      isoTime(notBefore, 'notBefore'),
      error,
      id,
    );
  }

  /** Records that GitHub refused dispatch `id` for good (a 4xx other than a rate limit): never retried. */
  markDead(id: number, error: string): void {
    this.#updateQueued(
      id,
      `UPDATE dispatches SET state = 'dead', attempts = attempts + 1, last_error = ? WHERE id = ? AND state = 'queued'`,
      error,
      id,
    );
  }

  /**
   * Queues every dead dispatch again, due at `now`, with its attempts reset so the backoff starts
   * over (`remediate gateway replay-dead`). Returns how many were re-queued.
   */
  requeueDead(now: string): number {
    const at = isoTime(now, 'now');
    return this.#transaction(() =>
      Number(
        this.#statement(
          `UPDATE dispatches SET state = 'queued', not_before = ?, attempts = 0 WHERE state = 'dead'`,
        ).run(at).changes,
      ),
    );
  }

  /** Alerts by outcome, and dispatches by state. */
  counts(): GatewayCounts {
    const alerts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<AlertOutcome, number>;
    for (const row of this.#statement(`SELECT outcome, count(*) AS n FROM alerts GROUP BY outcome`).all() as {
      outcome: AlertOutcome;
      n: number;
    }[]) {
      alerts[row.outcome] = row.n;
    }
    const states = { queued: 0, sent: 0, dead: 0 };
    for (const row of this.#statement(`SELECT state, count(*) AS n FROM dispatches GROUP BY state`).all() as {
      state: keyof typeof states;
      n: number;
    }[]) {
      states[row.state] = row.n;
    }
    return { alerts, ...states };
  }

  /** When GitHub last accepted a dispatch (ISO), or undefined if never. */
  lastSentAt(): string | undefined {
    const row = this.#statement(`SELECT max(sent_at) AS at FROM dispatches`).get() as { at: string | null };
    return row.at ?? undefined;
  }

  /** The journal mode and sync level this connection runs with ('wal' and 2, FULL): for /healthz and tests. */
  durability(): { journalMode: string; synchronous: number } {
    const mode = this.#db.prepare('PRAGMA journal_mode').get() as { journal_mode: string };
    const sync = this.#db.prepare('PRAGMA synchronous').get() as { synchronous: number };
    return { journalMode: mode.journal_mode, synchronous: sync.synchronous };
  }

  /** Closes the database; the store cannot be used afterwards. */
  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `body` in one write transaction; COMMIT returns after the log is synced (see the module comment). */
  #transaction<T>(body: () => T): T {
    try {
      this.#db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      throw this.#writeError(error);
    }
    try {
      const result = body();
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw this.#writeError(error);
    }
  }

  #updateQueued(id: number, sql: string, ...values: (string | number)[]): void {
    const changes = this.#transaction(() => Number(this.#statement(sql).run(...values).changes));
    // Only the dispatcher moves a queued dispatch on; anything else is a bug worth stopping for.
    if (changes !== 1) throw new UsageError('NOT_FOUND', `expected queued dispatch ${id} in ${this.#file}, found none`);
  }

  #writeError(error: unknown): Error {
    if (error instanceof UsageError) return error;
    return new UsageError('IO_ERROR', `gateway state ${this.#file}: write failed: ${describeError(error)}`, {
      cause: error,
    });
  }
}

/** Creates or upgrades the schema to SCHEMA_VERSION, in one transaction. */
function migrate(db: DatabaseSync): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
    if (version > SCHEMA_VERSION) {
      throw new UsageError(
        'IO_ERROR',
        `gateway state schema ${version} was written by a newer remediate (this one reads up to ${SCHEMA_VERSION}): upgrade remediate`,
      );
    }
    for (let step = version; step < SCHEMA_VERSION; step++) db.exec(MIGRATIONS[step] ?? '');
    if (version !== SCHEMA_VERSION) db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * The canonical form of a time, so that times stored as text compare in time order (every one is
 * `Date.toISOString()`: UTC, milliseconds, `Z`). Throws on a value that is not a time.
 */
function isoTime(value: string, what: string): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime()))
    throw new UsageError('USAGE', `expected ${what} as an ISO 8601 time, got '${value}'`);
  return time.toISOString();
}

/** The canonical `since` of a dispatch's rate limit, validated ahead of the transaction. */
function limitSince(outcome: AcceptOutcome): string | undefined {
  if (typeof outcome === 'string' || outcome.limit === undefined) return undefined;
  if (!Number.isInteger(outcome.limit.max) || outcome.limit.max < 0) {
    throw new UsageError('USAGE', `expected a rate limit of 0 or more dispatches, got ${outcome.limit.max}`);
  }
  return isoTime(outcome.limit.since, 'limit.since');
}

function toQueued(row: DispatchRow): QueuedDispatch {
  return {
    id: row.id,
    key: row.key,
    ruleIndex: row.rule_index,
    target: row.target ?? undefined,
    payload: row.payload,
    attempts: row.attempts,
    notBefore: row.not_before,
    queuedAt: row.queued_at,
  };
}
