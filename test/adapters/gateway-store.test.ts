// The gateway's durable store on the real node:sqlite, in a temp folder per test: dedupe across
// reopen, durability against `kill -9` of a process that accepted, the dispatch queue's states.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/adapters/gateway-group-commit.ts';
import { GATEWAY_DATABASE_FILE, GatewayStore, type AcceptedAlert } from '../../src/adapters/gateway-store.ts';
import { thrown } from '../helpers/errors.ts';

const STORE_MODULE = pathToFileURL(join(import.meta.dirname, '../../src/adapters/gateway-store.ts')).href;

let dir: string;
const open: GatewayStore[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'remediate-gateway-store-'));
});
afterEach(() => {
  for (const store of open.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

function openStore(stateDir = join(dir, 'state')): GatewayStore {
  const store = GatewayStore.open(stateDir);
  open.push(store);
  return store;
}

function alert(key: string, overrides: Partial<AcceptedAlert> = {}): AcceptedAlert {
  return {
    source: 'am',
    key,
    status: 'firing',
    name: 'ConfigDrift',
    receivedAt: '2030-01-01T00:00:00.000Z',
    body: JSON.stringify({ key }),
    ...overrides,
  };
}

const dispatch = (key: string, ruleIndex = 0, target: string | null = 'web-1') => ({
  dispatch: {
    ruleIndex,
    target: target ?? undefined,
    payload: JSON.stringify({ event_type: 'remediate', client_payload: { key } }),
  },
});

describe('GatewayStore', () => {
  it('creates the folder and a WAL database with synchronous=FULL and the schema version', () => {
    openStore().close();
    const db = new DatabaseSync(join(dir, 'state', GATEWAY_DATABASE_FILE));
    try {
      expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: 2 });
    } finally {
      db.close();
    }
    // synchronous is per connection: the store's own says FULL (2).
    const store = openStore();
    expect(store.file).toBe(join(dir, 'state', GATEWAY_DATABASE_FILE));
    expect(store.durability()).toEqual({ journalMode: 'wal', synchronous: 2 });
  });

  it('queues an alert firing once: a re-sent alert is a duplicate, also after a reopen', () => {
    const first = openStore();
    expect(first.accept(alert('fp1@t0'), dispatch('fp1@t0'))).toBe('queued');
    expect(first.accept(alert('fp1@t0'), dispatch('fp1@t0'))).toBe('duplicate');
    first.close();

    const second = openStore();
    expect(second.accept(alert('fp1@t0'), dispatch('fp1@t0'))).toBe('duplicate');
    // The same key from another source is another alert.
    expect(second.accept(alert('fp1@t0', { source: 'grafana' }), dispatch('fp1@t0'))).toBe('queued');
    const counts = second.counts();
    expect(counts.alerts).toEqual({ queued: 2, duplicate: 2, unmatched: 0, resolved: 0, invalid: 0, throttled: 0 });
    expect(counts.queued).toBe(2);
  });

  it("queues a resolution once, apart from its firing, and does not count it in the firing's rate limit", () => {
    const store = openStore();
    const resolved = (key: string) => ({ dispatch: { ...dispatch(key).dispatch, event: 'resolved' as const } });
    const limit = { max: 1, since: '2030-01-01T00:00:00.000Z' };
    expect(store.accept(alert('fp1@t0'), { ...dispatch('fp1@t0'), limit })).toBe('queued');
    expect(store.accept(alert('fp1@t0', { status: 'resolved' }), resolved('fp1@t0'))).toBe('queued');
    // Alertmanager re-sends resolutions (repeat_interval): one dispatch.
    expect(store.accept(alert('fp1@t0', { status: 'resolved' }), resolved('fp1@t0'))).toBe('duplicate');
    // The firing's key stays taken by the firing alone.
    expect(store.accept(alert('fp1@t0'), dispatch('fp1@t0'))).toBe('duplicate');
    // A resolution does not use up the rule and target's room for fixes.
    expect(store.countQueuedSince(0, 'web-1', limit.since)).toBe(1);
    // One whose firing was never queued here (throttled, never received) is recorded, not queued:
    // resolutions stay bounded by the rate-limited firings (test/app/gateway-attacks/resolution-rate-limit.test.ts).
    expect(store.accept(alert('fp2@t0', { status: 'resolved' }), resolved('fp2@t0'))).toBe('resolved');
    expect(store.counts().queued).toBe(2);
  });

  it('upgrades a version 1 state in place, keeping its alerts and dispatches and their dedupe', () => {
    const stateDir = join(dir, 'state');
    mkdirSync(stateDir);
    const db = new DatabaseSync(join(stateDir, GATEWAY_DATABASE_FILE));
    // The version 1 schema, as remediate wrote it before resolutions could be dispatched.
    db.exec(`PRAGMA journal_mode = WAL;
      CREATE TABLE alerts (id INTEGER PRIMARY KEY, source TEXT NOT NULL, key TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('firing', 'resolved')), name TEXT NOT NULL, received_at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('queued', 'duplicate', 'unmatched', 'resolved', 'invalid', 'throttled')),
        body TEXT NOT NULL) STRICT;
      CREATE INDEX alerts_by_outcome ON alerts (outcome);
      CREATE INDEX alerts_by_key ON alerts (source, key);
      CREATE TABLE dispatches (id INTEGER PRIMARY KEY, alert_id INTEGER NOT NULL REFERENCES alerts (id),
        source TEXT NOT NULL, key TEXT NOT NULL, rule_index INTEGER NOT NULL, target TEXT, payload TEXT NOT NULL,
        queued_at TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0, not_before TEXT NOT NULL, sent_at TEXT, last_error TEXT,
        UNIQUE (source, key)) STRICT;
      INSERT INTO alerts VALUES (1, 'am', 'old@t0', 'firing', 'ConfigDrift', '2030-01-01T00:00:00.000Z', 'queued', '{}');
      INSERT INTO dispatches VALUES (1, 1, 'am', 'old@t0', 0, 'web-1', '{"event_type":"remediate"}',
        '2030-01-01T00:00:00.000Z', 'queued', 2, '2030-01-01T00:00:00.000Z', NULL, 'HTTP 502');
      PRAGMA user_version = 1;`);
    db.close();

    const store = openStore(stateDir);
    expect(store.nextDue('2030-01-01T00:00:01.000Z')).toMatchObject({ id: 1, key: 'old@t0', attempts: 2 });
    expect(store.accept(alert('old@t0'), dispatch('old@t0'))).toBe('duplicate');
    const resolved = { dispatch: { ...dispatch('old@t0').dispatch, event: 'resolved' as const } };
    expect(store.accept(alert('old@t0', { status: 'resolved' }), resolved)).toBe('queued');
    expect(store.counts()).toMatchObject({ queued: 2, alerts: { queued: 2, duplicate: 1 } });
  });

  it('dedupes across two stores on one folder (two processes sharing the state)', () => {
    const a = openStore();
    const b = openStore();
    expect(a.accept(alert('k'), dispatch('k'))).toBe('queued');
    expect(b.accept(alert('k'), dispatch('k'))).toBe('duplicate');
    expect(b.counts().queued).toBe(1);
  });

  it('records outcomes that queue nothing, and they do not take the key', () => {
    const store = openStore();
    expect(store.accept(alert('k1', { status: 'resolved' }), 'resolved')).toBe('resolved');
    expect(store.accept(alert('k2'), 'unmatched')).toBe('unmatched');
    expect(store.accept(alert('k3'), 'invalid')).toBe('invalid');
    expect(store.accept(alert('k4'), 'throttled')).toBe('throttled');
    expect(store.nextDue('2100-01-01T00:00:00.000Z')).toBeUndefined();
    // A throttled alert re-sent once the window has room is queued then.
    expect(store.accept(alert('k4'), dispatch('k4'))).toBe('queued');
    expect(store.counts()).toEqual({
      alerts: { queued: 1, duplicate: 0, unmatched: 1, resolved: 1, invalid: 1, throttled: 1 },
      queued: 1,
      sent: 0,
      dead: 0,
    });
  });

  it('counts dispatches queued per rule and target since a time', () => {
    const store = openStore();
    const at = (minute: number) => `2030-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;
    store.accept(alert('a', { receivedAt: at(1) }), dispatch('a', 0, 'web-1'));
    store.accept(alert('b', { receivedAt: at(5) }), dispatch('b', 0, 'web-1'));
    store.accept(alert('c', { receivedAt: at(6) }), dispatch('c', 0, 'web-2'));
    store.accept(alert('d', { receivedAt: at(7) }), dispatch('d', 1, 'web-1'));
    store.accept(alert('e', { receivedAt: at(8) }), dispatch('e', 0, null));
    expect(store.countQueuedSince(0, 'web-1', at(0))).toBe(2);
    expect(store.countQueuedSince(0, 'web-1', at(2))).toBe(1);
    expect(store.countQueuedSince(0, 'web-2', at(0))).toBe(1);
    expect(store.countQueuedSince(1, 'web-1', at(0))).toBe(1);
    expect(store.countQueuedSince(0, undefined, at(0))).toBe(1);
    // Times in another ISO form compare as times, not as text.
    expect(store.countQueuedSince(0, 'web-1', '2030-01-01T01:02:00+01:00')).toBe(1);
  });

  it('hands out due dispatches in order and moves them through retry, sent and dead', () => {
    const store = openStore();
    store.accept(alert('a', { receivedAt: '2030-01-01T00:00:01.000Z' }), dispatch('a'));
    store.accept(alert('b', { receivedAt: '2030-01-01T00:00:02.000Z' }), dispatch('b'));
    expect(store.nextDue('2030-01-01T00:00:00.000Z')).toBeUndefined();
    const a = store.nextDue('2030-01-01T00:00:05.000Z');
    expect(a).toMatchObject({ key: 'a', ruleIndex: 0, target: 'web-1', attempts: 0 });
    expect(JSON.parse(a?.payload ?? '')).toEqual({ event_type: 'remediate', client_payload: { key: 'a' } });

    store.markRetry(a?.id ?? 0, '2030-01-01T00:01:00.000Z', 'HTTP 502');
    const b = store.nextDue('2030-01-01T00:00:05.000Z');
    expect(b?.key).toBe('b');
    store.markDead(b?.id ?? 0, 'HTTP 422: Invalid request');
    expect(store.nextDue('2030-01-01T00:00:05.000Z')).toBeUndefined();
    const retried = store.nextDue('2030-01-01T00:01:00.000Z');
    expect(retried).toMatchObject({ key: 'a', attempts: 1, notBefore: '2030-01-01T00:01:00.000Z' });
    expect(store.lastSentAt()).toBeUndefined();
    store.markSent(retried?.id ?? 0, '2030-01-01T00:01:01.000Z');
    expect(store.lastSentAt()).toBe('2030-01-01T00:01:01.000Z');
    expect(store.counts()).toMatchObject({ queued: 0, sent: 1, dead: 1 });
    // A sent or dead dispatch is not moved again: that would be a dispatcher bug.
    expect(thrown(() => store.markSent(retried?.id ?? 0, '2030-01-01T00:02:00.000Z'))?.code).toBe('NOT_FOUND');
    expect(thrown(() => store.markRetry(b?.id ?? 0, '2030-01-01T00:02:00.000Z', 'x'))?.code).toBe('NOT_FOUND');
    // A dead dispatch still takes its key: a re-notification does not queue it again.
    expect(store.accept(alert('b'), dispatch('b'))).toBe('duplicate');
  });

  it('re-queues dead dispatches with their attempts reset (replay-dead)', () => {
    const store = openStore();
    store.accept(alert('a'), dispatch('a'));
    store.accept(alert('b'), dispatch('b'));
    const a = store.nextDue('2030-01-01T00:00:00.000Z');
    store.markRetry(a?.id ?? 0, '2030-01-01T00:00:00.000Z', 'HTTP 502');
    store.markDead(a?.id ?? 0, 'HTTP 404');
    expect(store.requeueDead('2030-02-01T00:00:00.000Z')).toBe(1);
    expect(store.requeueDead('2030-02-01T00:00:00.000Z')).toBe(0);
    expect(store.counts()).toMatchObject({ queued: 2, dead: 0 });
    const due = [store.nextDue('2030-02-01T00:00:00.000Z')];
    store.markSent(due[0]?.id ?? 0, '2030-02-01T00:00:01.000Z');
    due.push(store.nextDue('2030-02-01T00:00:00.000Z'));
    expect(due.map((d) => [d?.key, d?.attempts])).toEqual([
      ['b', 0],
      ['a', 0],
    ]);
  });

  it('refuses a state folder it cannot create, with IO_ERROR', () => {
    writeFileSync(join(dir, 'file'), 'not a folder');
    expect(thrown(() => GatewayStore.open(join(dir, 'file', 'state')))?.code).toBe('IO_ERROR');
  });

  it('refuses a database that is not SQLite, with IO_ERROR', () => {
    const stateDir = join(dir, 'garbage');
    openStore(stateDir).close();
    writeFileSync(join(stateDir, GATEWAY_DATABASE_FILE), 'x'.repeat(4096));
    rmSync(join(stateDir, `${GATEWAY_DATABASE_FILE}-wal`), { force: true });
    rmSync(join(stateDir, `${GATEWAY_DATABASE_FILE}-shm`), { force: true });
    expect(thrown(() => GatewayStore.open(stateDir))?.code).toBe('IO_ERROR');
  });

  it('refuses a schema written by a newer version', () => {
    openStore().close();
    const db = new DatabaseSync(join(dir, 'state', GATEWAY_DATABASE_FILE));
    db.exec('PRAGMA user_version = 99');
    db.close();
    const error = thrown(() => GatewayStore.open(join(dir, 'state')));
    expect(error?.code).toBe('IO_ERROR');
    expect(error?.message).toContain('newer');
  });

  it('throttles inside accept when a limit is given: the window counts queued dispatches only', () => {
    const store = openStore();
    const limit = { max: 1, since: '2030-01-01T00:00:00.000Z' };
    expect(store.accept(alert('a'), { ...dispatch('a'), limit })).toBe('queued');
    // A re-sent alert is a duplicate, not throttled; another alert for the same rule and target is throttled.
    expect(store.accept(alert('a'), { ...dispatch('a'), limit })).toBe('duplicate');
    expect(store.accept(alert('b'), { ...dispatch('b'), limit })).toBe('throttled');
    // Another target has its own window.
    expect(store.accept(alert('c'), { ...dispatch('c', 0, 'web-2'), limit })).toBe('queued');
    expect(store.accept(alert('d'), { ...dispatch('d'), limit: { max: 1, since: '2030-01-01T00:00:00.001Z' } })).toBe(
      'queued',
    );
    expect(
      thrown(() => store.accept(alert('e'), { ...dispatch('e'), limit: { max: -1, since: limit.since } }))?.code,
    ).toBe('USAGE');
  });

  it('accepts many alerts in one transaction, all or nothing', () => {
    const store = openStore();
    expect(
      store.acceptMany([
        { alert: alert('a'), outcome: dispatch('a') },
        { alert: alert('a'), outcome: dispatch('a') },
        { alert: alert('b'), outcome: 'resolved' },
      ]),
    ).toEqual(['queued', 'duplicate', 'resolved']);
    expect(
      thrown(() =>
        store.acceptMany([
          { alert: alert('c'), outcome: dispatch('c') },
          { alert: alert('d', { receivedAt: 'soon' }), outcome: dispatch('d') },
        ]),
      )?.code,
    ).toBe('USAGE');
    expect(store.counts().queued).toBe(1);
    expect(store.acceptMany([])).toEqual([]);
  });

  it('refuses a time that is not ISO 8601', () => {
    const store = openStore();
    expect(thrown(() => store.accept(alert('k', { receivedAt: 'yesterday' }), 'unmatched'))?.code).toBe('USAGE');
    expect(store.counts().alerts.unmatched).toBe(0);
  });

  it('keeps every alert it accepted when its process is killed with SIGKILL', async () => {
    const stateDir = join(dir, 'state');
    // Accepts alerts as fast as it can and prints each key once accept returned; the test kills
    // it at an arbitrary point mid-stream, so the kill lands inside a transaction most of the time.
    const script = [
      `const { GatewayStore } = await import(${JSON.stringify(STORE_MODULE)});`,
      `const store = GatewayStore.open(${JSON.stringify(stateDir)});`,
      `for (let i = 0; ; i++) {`,
      `  const key = 'k' + i;`,
      `  const alert = { source: 'am', key, status: 'firing', name: 'X', receivedAt: new Date().toISOString(), body: '{}' };`,
      `  store.accept(alert, { dispatch: { ruleIndex: 0, target: 't', payload: '{}' } });`,
      `  process.stdout.write('accepted ' + key + '\\n');`,
      `  if (i % 25 === 0) await new Promise((r) => setImmediate(r));`,
      `}`,
    ].join('\n');
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if ((stdout.match(/^accepted /gm) ?? []).length >= 200) resolve();
      });
      child.on('exit', () => reject(new Error(`the child exited before accepting: ${stderr}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const accepted = [...stdout.matchAll(/^accepted (k\d+)$/gm)].map((m) => m[1] ?? '');
    expect(accepted.length).toBeGreaterThanOrEqual(200);

    const store = openStore(stateDir);
    // Every alert the child saw accepted is there, queued once: re-sending it is a duplicate.
    for (const key of accepted) {
      expect(store.accept(alert(key, { name: 'X' }), dispatch(key))).toBe('duplicate');
    }
    const counts = store.counts();
    expect(counts.alerts.queued).toBeGreaterThanOrEqual(accepted.length);
    // At most the one transaction in flight at the kill may have committed unannounced.
    expect(counts.alerts.queued).toBeLessThanOrEqual(accepted.length + 1);
    expect(counts.queued).toBe(counts.alerts.queued);
    const db = new DatabaseSync(join(stateDir, GATEWAY_DATABASE_FILE));
    try {
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    } finally {
      db.close();
    }
  });
});

describe('GroupCommit', () => {
  it('writes the alerts of one event-loop turn in one transaction, in order, each settled after the commit', async () => {
    const store = openStore();
    const batches: number[] = [];
    const counting = {
      acceptMany: (entries: Parameters<GatewayStore['acceptMany']>[0]) => {
        batches.push(entries.length);
        return store.acceptMany(entries);
      },
    };
    const group = new GroupCommit(counting, 3);
    const since = '2030-01-01T00:00:00.000Z';
    const limited = (key: string) => ({ ...dispatch(key), limit: { max: 2, since } });
    const outcomes = await Promise.all([
      group.accept(alert('a'), limited('a')),
      group.accept(alert('a'), limited('a')),
      group.accept(alert('b'), limited('b')),
      group.accept(alert('c'), limited('c')),
      group.accept(alert('d'), 'unmatched'),
    ]);
    // The rate limit is counted inside the transaction: the third distinct alert finds the window full.
    expect(outcomes).toEqual(['queued', 'duplicate', 'queued', 'throttled', 'unmatched']);
    expect(batches).toEqual([3, 2]);
    expect(store.counts().queued).toBe(2);
  });

  it('fails only the entry that is invalid, not the rest of its batch', async () => {
    const store = openStore();
    const group = new GroupCommit(store);
    const results = await Promise.allSettled([
      group.accept(alert('a'), dispatch('a')),
      group.accept(alert('b', { receivedAt: 'not a time' }), dispatch('b')),
      group.accept(alert('c'), dispatch('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.counts().queued).toBe(2);
  });
});
