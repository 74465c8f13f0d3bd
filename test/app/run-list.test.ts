// runs list's pure core: rows from snapshots and expired artifacts, filters, order, limit, and
// the table and JSON it prints. The CLI over real record folders is test/cli/runs.test.ts.
import { describe, expect, it } from 'vitest';
import {
  formatRunList,
  listRuns,
  parseSince,
  renderRunJson,
  renderRunTable,
  rowOfSnapshot,
  sinceTime,
  type RunEntry,
} from '../../src/app/run-list.ts';
import { UsageError } from '../../src/errors.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';

/** A snapshot with the fields a row reads (the rest is not looked at). */
const snapshot = (fields: { [K in keyof RunSnapshot]?: RunSnapshot[K] | undefined } & { name?: string }) => {
  const { name = 'fix', ...rest } = fields;
  return {
    runId: `20261101T000000Z-${name}`,
    status: 'succeeded',
    remediation: { name, version: 'v1.0.0', tag: `${name}/v1.0.0` },
    trigger: { kind: 'local', user: 'ops', host: 'box' },
    started: '2026-11-01T10:00:00.000Z',
    steps: [],
    durationMs: 1500,
    ...rest,
  } as RunSnapshot;
};

const record = (location: string, fields: Parameters<typeof snapshot>[0]): RunEntry => ({
  kind: 'record',
  snapshot: snapshot(fields),
  snapshotDigest: `sha256:${location.padEnd(64, '0')}`,
  location,
});

const expired: RunEntry = {
  kind: 'expired',
  name: 'fix',
  version: 'v0.9.0',
  runId: '4242',
  attempt: '2',
  created: '2026-10-01T08:00:00Z',
  location: 'fix-v0.9.0-4242-2',
};

const entries: RunEntry[] = [
  record('a', { started: '2026-11-01T10:00:00.000Z', target: 'web-1' }),
  record('b', { started: '2026-11-03T10:00:00.000Z', target: 'web-2', status: 'failed' }),
  record('c', {
    name: 'other',
    started: '2026-11-02T10:00:00.000Z',
    status: 'refused',
    error: { code: 'CIRCUIT_OPEN', message: 'x' },
  }),
  expired,
];

describe('rowOfSnapshot (shared with summarize)', () => {
  it('takes the recorded target first, then the target parameter, else none', () => {
    const params = { values: { target: 'from-param' }, digest: 'sha256:x' };
    expect(rowOfSnapshot(snapshot({ target: 'web-1', params }), 'd', 'l').target).toBe('web-1');
    expect(rowOfSnapshot(snapshot({ params }), 'd', 'l').target).toBe('from-param');
    expect(rowOfSnapshot(snapshot({ params: { values: { target: 3 }, digest: 'x' } }), 'd', 'l').target).toBe(null);
    expect(rowOfSnapshot(snapshot({}), 'd', 'l').target).toBe(null);
  });

  it('names the trigger: local, or the GitHub event and its action', () => {
    const github = {
      kind: 'github',
      event: 'repository_dispatch',
      runId: '1',
      attempt: '1',
      actor: 'a',
      workflowRef: 'w',
      repository: 'o/r',
    } as const;
    expect(rowOfSnapshot(snapshot({}), 'd', 'l').trigger).toBe('local');
    expect(rowOfSnapshot(snapshot({ trigger: github }), 'd', 'l').trigger).toBe('repository_dispatch');
    expect(rowOfSnapshot(snapshot({ trigger: { ...github, action: 'remediate' } }), 'd', 'l').trigger).toBe(
      'repository_dispatch.remediate',
    );
  });

  it('has no duration while a run is still going', () => {
    expect(rowOfSnapshot(snapshot({ status: 'running', durationMs: undefined }), 'd', 'l').durationMs).toBe(null);
  });
});

describe('listRuns', () => {
  it('lists newest first, by started, or by created for an expired record', () => {
    expect(listRuns(entries).map((row) => row.location)).toEqual(['b', 'c', 'a', 'fix-v0.9.0-4242-2']);
  });

  it('shows an expired record as expired, with what is known and null for the rest', () => {
    const row = listRuns([expired])[0];
    expect(row).toEqual({
      started: '2026-10-01T08:00:00Z',
      name: 'fix',
      version: 'v0.9.0',
      unreleased: false,
      target: null,
      trigger: null,
      status: 'expired',
      error: null,
      durationMs: null,
      steps: null,
      snapshotDigest: null,
      runId: '4242-2',
      location: 'fix-v0.9.0-4242-2',
    });
  });

  it('filters by name, target, status and since, all together (AND)', () => {
    const locations = (filter: Parameters<typeof listRuns>[1]) => listRuns(entries, filter).map((row) => row.location);
    expect(locations({ name: 'fix' })).toEqual(['b', 'a', 'fix-v0.9.0-4242-2']);
    expect(locations({ name: 'other' })).toEqual(['c']);
    // An expired record's target is not known: it does not match a target.
    expect(locations({ target: 'web-1' })).toEqual(['a']);
    expect(locations({ statuses: ['expired'] })).toEqual(['fix-v0.9.0-4242-2']);
    expect(locations({ statuses: ['failed', 'refused'] })).toEqual(['b', 'c']);
    expect(locations({ statuses: [] })).toHaveLength(4);
    expect(locations({ since: new Date('2026-11-02T10:00:00.000Z') })).toEqual(['b', 'c']);
    expect(locations({ since: new Date('2026-09-01T00:00:00Z'), name: 'fix', statuses: ['succeeded'] })).toEqual(['a']);
    expect(locations({ name: 'fix', target: 'web-2', statuses: ['succeeded'] })).toEqual([]);
  });

  it('limits to the newest N after filtering', () => {
    expect(listRuns(entries, { limit: 2 }).map((row) => row.location)).toEqual(['b', 'c']);
    expect(listRuns(entries, { name: 'fix', limit: 1 }).map((row) => row.location)).toEqual(['b']);
  });

  it('sorts a run whose time does not parse last, and --since leaves it out', () => {
    const odd = record('odd', { started: 'not a time' });
    expect(listRuns([odd, ...entries]).at(-1)?.location).toBe('odd');
    expect(listRuns([odd], { since: new Date(0) })).toEqual([]);
  });
});

describe('parseSince', () => {
  const now = new Date('2026-11-10T12:00:00.000Z');
  it('takes a duration back from now', () => {
    expect(sinceTime(parseSince('24h'), now).toISOString()).toBe('2026-11-09T12:00:00.000Z');
    expect(sinceTime(parseSince('30m'), now).toISOString()).toBe('2026-11-10T11:30:00.000Z');
    expect(sinceTime(parseSince('90d'), now).toISOString()).toBe('2026-08-12T12:00:00.000Z');
  });

  it('takes a date (midnight UTC) or a time with its zone', () => {
    expect(sinceTime(parseSince('2026-11-01'), now).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(sinceTime(parseSince('2026-11-01T10:00+02:00'), now).toISOString()).toBe('2026-11-01T08:00:00.000Z');
    expect(sinceTime(parseSince('2026-11-01T08:00:00.5Z'), now).toISOString()).toBe('2026-11-01T08:00:00.500Z');
  });

  it.each([
    '',
    '0h',
    '24',
    '1w',
    '-1d',
    '2026-02-31',
    '2026-13-01',
    '2026-11-01T08:00:00',
    'yesterday',
    '2026-11-01 08:00Z',
  ])('refuses %j as a usage error', (text) => {
    expect(() => parseSince(text)).toThrow(UsageError);
  });
});

describe('rendering', () => {
  it('prints a header and one aligned line per run, with the full snapshot digest and the record', () => {
    const lines = renderRunTable(listRuns(entries));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^STARTED +REMEDIATION +TARGET +TRIGGER +STATUS +DURATION +SNAPSHOT +RECORD$/);
    expect(lines[1]).toMatch(/^2026-11-03T10:00:00Z +fix@v1\.0\.0 +web-2 +local +failed +1\.5 s +sha256:b0{63} +b$/);
    expect(lines[2]).toMatch(/ +other@v1\.0\.0 +- +local +refused \(CIRCUIT_OPEN\) +/);
    expect(lines[4]).toMatch(/^2026-10-01T08:00:00Z +fix@v0\.9\.0 +- +- +expired +- +- +fix-v0\.9\.0-4242-2$/);
    // Columns line up: each column starts at the same offset on every line.
    const offset = (line: string) => line.indexOf(' STATUS') + 1;
    expect(lines[1]!.indexOf('failed')).toBe(offset(lines[0]!));
    expect(lines[4]!.indexOf('expired')).toBe(offset(lines[0]!));
  });

  it('escapes control characters and bidi overrides from a record onto one line', () => {
    const hostile = record('x\u001b[2J\nauthenticated: yes\u202e', {});
    const lines = renderRunTable(listRuns([hostile]));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('x\\u{1b}[2J\\u{a}authenticated: yes\\u{202e}');
  });

  it('fences a table holding a workflow command; prints nothing for no rows', () => {
    const lines = formatRunList(listRuns([record('::add-mask::x', {})]), false);
    expect(lines[0]).toMatch(/^::stop-commands::[0-9a-f]{32}$/);
    expect(lines.at(-1)).toBe(`::${lines[0]!.slice('::stop-commands::'.length)}::`);
    expect(formatRunList([], false)).toEqual([]);
    expect(formatRunList([], true)).toEqual(['[]']);
  });

  it('prints JSON that parses back to the rows, with no `::` or `##[` left to act as a command', () => {
    const rows = listRuns([...entries, record('::add-mask::x ##[error]y:::', {})]);
    const json = renderRunJson(rows);
    expect(json).not.toContain('::');
    expect(json).not.toContain('##[');
    expect(JSON.parse(json)).toEqual(rows);
    expect(Object.keys((JSON.parse(json) as object[])[0]!)).toEqual([
      'started',
      'name',
      'version',
      'unreleased',
      'target',
      'trigger',
      'status',
      'error',
      'durationMs',
      'steps',
      'snapshotDigest',
      'runId',
      'location',
    ]);
  });
});
