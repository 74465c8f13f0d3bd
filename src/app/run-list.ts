// `remediate runs list`: the run history as rows. Pure over entries a source has read (the local
// record folders today, published record artifacts on GitHub as well), so every source is
// filtered, sorted, limited and printed the same way. `summarize` tables the same rows
// (summarize-records.ts): rowOfSnapshot is the one definition of a run's target, status and
// duration. Reading the folders is app/run-history.ts.

import { UsageError } from '../errors.ts';
import type { RunSnapshot, RunStatus } from '../record/snapshot.ts';
import { fenceWorkflowCommands, formatDuration, oneLine } from './terminal-text.ts';

/** One run a source found. */
export type RunEntry =
  /** A record that was read and validated: its snapshot, and the digest of its snapshot.json bytes. */
  | {
      readonly kind: 'record';
      readonly snapshot: RunSnapshot;
      readonly snapshotDigest: string;
      /** Where the record is: its folder, or the artifact it was read from. */
      readonly location: string;
    }
  /**
   * A published record whose artifact has expired: what its name says is known (remediation,
   * version, GitHub run and attempt) and when it was created; what happened is not.
   */
  | {
      readonly kind: 'expired';
      readonly name: string;
      readonly version: string;
      /** GITHUB_RUN_ID of the run. */
      readonly runId: string;
      /** GITHUB_RUN_ATTEMPT of the run. */
      readonly attempt: string;
      /** When the artifact was created (ISO time): the listing's time for this run. */
      readonly created: string;
      readonly location: string;
    };

/** Where `runs list` reads its entries, and the records it could not read (with why). */
export type RunListSource = () => Promise<RunListRead>;

/** What a source read. */
export interface RunListRead {
  readonly entries: readonly RunEntry[];
  /** Records that exist but could not be read or did not validate: reported, never dropped silently. */
  readonly skipped: readonly { readonly location: string; readonly problem: string }[];
}

/** Every status a row can have: a recorded run's, or `expired` (the record is gone). */
export const LISTED_STATUSES = [
  'running',
  'succeeded',
  'healthy',
  'unhealthy',
  'failed',
  'refused',
  'cancelled',
  'timed-out',
  'crashed',
  'expired',
] as const satisfies readonly (RunStatus | 'expired')[];

/** A row's status. */
export type ListedStatus = (typeof LISTED_STATUSES)[number];

// Fails to compile when RunStatus gains a status this list lacks (--status would refuse it).
const everyStatusListed: Exclude<RunStatus, ListedStatus> extends never ? true : false = true;
void everyStatusListed;

/**
 * One run as listed and as `--json` prints it. The field names are a documented contract
 * (README.md, "Run history"); null is "not known" (an expired record, a run still going).
 */
export interface RunRow {
  /** When the run started (for an expired record: when its artifact was created), ISO time. */
  readonly started: string;
  readonly name: string;
  readonly version: string;
  /** A `remediate try` of a working tree (version `UNRELEASED`): no released version ran. */
  readonly unreleased: boolean;
  /** The recorded target (`--target`), else the `target` parameter; null when neither. */
  readonly target: string | null;
  /** `local`, or the GitHub event (`repository_dispatch`, `schedule`, `workflow_dispatch`, ...). */
  readonly trigger: string | null;
  readonly status: ListedStatus;
  /** The error code a refused or failed run recorded (`CIRCUIT_OPEN`, ...). */
  readonly error: string | null;
  readonly durationMs: number | null;
  /** Steps recorded (all stages). */
  readonly steps: number | null;
  /** `sha256:` of snapshot.json: what `runs verify --snapshot-digest` pins. */
  readonly snapshotDigest: string | null;
  /** The record's run id (the end of its folder's name). */
  readonly runId: string;
  /** Where the record is (a folder, or an artifact). */
  readonly location: string;
}

/**
 * The one place a snapshot becomes a row. The target is the run's recorded target (`--target`),
 * else the `target` parameter when there is one (records from before targets were recorded).
 */
export function rowOfSnapshot(snapshot: RunSnapshot, snapshotDigest: string, location: string): RunRow {
  const param = snapshot.params?.values.target;
  const { trigger } = snapshot;
  return {
    started: snapshot.started,
    name: snapshot.remediation.name,
    // `remediate try` ran a working tree: never shown as a version, which would read as released.
    version: snapshot.unreleased === true ? 'UNRELEASED' : snapshot.remediation.version,
    unreleased: snapshot.unreleased === true,
    target: snapshot.target ?? (typeof param === 'string' ? param : null),
    trigger:
      trigger.kind === 'local'
        ? 'local'
        : trigger.action === undefined
          ? trigger.event
          : `${trigger.event}.${trigger.action}`,
    status: snapshot.status,
    error: snapshot.error?.code ?? null,
    durationMs: snapshot.durationMs ?? null,
    steps: snapshot.steps.length,
    snapshotDigest,
    runId: snapshot.runId,
    location,
  };
}

/** A source's entry as a row. */
export function rowOfEntry(entry: RunEntry): RunRow {
  if (entry.kind === 'record') return rowOfSnapshot(entry.snapshot, entry.snapshotDigest, entry.location);
  return {
    started: entry.created,
    name: entry.name,
    version: entry.version,
    // Published only by the Action, which runs released versions.
    unreleased: false,
    target: null,
    trigger: null,
    status: 'expired',
    error: null,
    durationMs: null,
    steps: null,
    snapshotDigest: null,
    // As the recorder names a GitHub run's record (app/run-request.ts, githubRunId).
    runId: `${entry.runId}-${entry.attempt}`,
    location: entry.location,
  };
}

/** Which runs to list; every filter given must hold (AND). */
export interface RunFilter {
  /** The remediation's name, exactly. */
  readonly name?: string;
  /** The row's target, exactly: a row whose target is not known (expired) does not match. */
  readonly target?: string;
  /** Any of these statuses (empty or absent: any). */
  readonly statuses?: readonly ListedStatus[];
  /** Runs that started (expired: were created) at or after this time. */
  readonly since?: Date;
  /** At most this many rows, the newest. */
  readonly limit?: number;
}

/** Filters the entries, newest first (by started, or created when expired), and limits them. */
export function listRuns(entries: readonly RunEntry[], filter: RunFilter = {}): RunRow[] {
  const since = filter.since?.getTime();
  const rows = entries
    .map(rowOfEntry)
    .filter(
      (row) =>
        (filter.name === undefined || row.name === filter.name) &&
        (filter.target === undefined || row.target === filter.target) &&
        (filter.statuses === undefined || filter.statuses.length === 0 || filter.statuses.includes(row.status)) &&
        // A row whose time does not parse is not known to be recent: --since leaves it out.
        (since === undefined || timeOf(row) >= since),
    )
    .sort((a, b) => timeOf(b) - timeOf(a) || a.location.localeCompare(b.location));
  return filter.limit === undefined ? rows : rows.slice(0, filter.limit);
}

/** A row's time in ms; one that does not parse sorts last. */
function timeOf(row: RunRow): number {
  const time = Date.parse(row.started);
  return Number.isNaN(time) ? -Infinity : time;
}

/** `--since`: an ISO date or time, or a duration back from when the command runs. */
export type SinceSpec = { readonly kind: 'at'; readonly time: Date } | { readonly kind: 'ago'; readonly ms: number };

const SINCE_UNITS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Parses `--since`: `30m`, `24h`, `7d`, a date (`2026-11-01`, midnight UTC) or a time with its
 * zone (`2026-11-01T08:00:00Z`, `2026-11-01T10:00+02:00`). A time without a zone is refused
 * rather than read in whatever zone the machine is set to. (core/definition.ts's parseDuration
 * is for step timeouts: it has no days and stops at 24 days, while artifacts live 90.)
 */
export function parseSince(text: string, label = '--since'): SinceSpec {
  const duration = /^([1-9]\d{0,5})([mhd])$/.exec(text);
  if (duration) return { kind: 'ago', ms: Number(duration[1]) * SINCE_UNITS[duration[2] as keyof typeof SINCE_UNITS] };
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  const ms = date || time ? Date.parse(text) : Number.NaN;
  // Date.parse takes 2026-02-31 for March 3rd: the day must be the one written.
  const realDay = date === null || (!Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text);
  if (Number.isNaN(ms) || !realDay) {
    throw new UsageError(
      'USAGE',
      `${label}: expected a duration back from now (30m, 24h, 7d), a date (2026-11-01, UTC) or a time with its zone (2026-11-01T08:00:00Z), got '${text.slice(0, 60)}'`,
    );
  }
  return { kind: 'at', time: new Date(ms) };
}

/** The time a `--since` names, given when the command runs. */
export function sinceTime(spec: SinceSpec, now: Date): Date {
  return spec.kind === 'at' ? spec.time : new Date(now.getTime() - spec.ms);
}

const COLUMNS = ['STARTED', 'REMEDIATION', 'TARGET', 'TRIGGER', 'STATUS', 'DURATION', 'SNAPSHOT', 'RECORD'] as const;

/** The rows as a table (a header, then one line per run), columns padded. Pure. */
export function renderRunTable(rows: readonly RunRow[]): string[] {
  const cells = rows.map((row) =>
    [
      // Records keep milliseconds; a listing does not need them.
      row.started.replace(/\.\d{3}Z$/, 'Z'),
      `${row.name}@${row.version}`,
      row.target ?? '-',
      row.trigger ?? '-',
      row.error === null ? row.status : `${row.status} (${row.error})`,
      row.durationMs === null ? '-' : formatDuration(row.durationMs),
      row.snapshotDigest ?? '-',
      row.location,
      // Every cell but the header is the record's (or the artifact's) text: escaped onto one line.
    ].map(oneLine),
  );
  const table = [[...COLUMNS], ...cells];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((line) => line[i]?.length ?? 0)));
  return table.map((line) =>
    line
      .map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * The rows as `--json` prints them: one array of RunRow objects. Pure. `#` and `:` inside strings
 * are written as JSON escapes where they would form `##[` or `::`, which parses to the same
 * value: printed in a GitHub job's log, a record's text must not act as a workflow command, and a
 * `::stop-commands::` fence (the table's) would make the output something other than JSON.
 */
export function renderRunJson(rows: readonly RunRow[]): string {
  // Outside strings, this JSON has neither `#` nor two colons in a row: only string content changes.
  return JSON.stringify(rows, null, 2).replaceAll('##[', '\\u0023\\u0023[').replaceAll('::', '\\u003a\\u003a');
}

/**
 * What `runs list` prints on standard output: the JSON array, or the table (nothing when no run
 * matched) fenced against workflow commands (the CLI may run in a GitHub job).
 */
export function formatRunList(rows: readonly RunRow[], json: boolean): string[] {
  if (json) return [renderRunJson(rows)];
  return rows.length === 0 ? [] : fenceWorkflowCommands(renderRunTable(rows));
}
