import { escape } from './markdown.ts';
import type { RunSnapshot } from '../record/snapshot.ts';

/** One row of a multi-run summary (a drift sweep, a fleet rollout). */
export interface RecordRow {
  readonly remediation: string;
  readonly target: string;
  readonly status: string;
  readonly steps: number;
  readonly durationMs: number;
  readonly snapshotDigest: string;
}

/**
 * Turns a snapshot into a summary row; the target is the run's recorded target (`--target`), else
 * the `target` parameter when there is one (records from before targets were recorded).
 */
export function rowOf(snapshot: RunSnapshot, snapshotDigest: string): RecordRow {
  const param = snapshot.params?.values.target;
  return {
    remediation: `${snapshot.remediation.name}@${snapshot.remediation.version}`,
    target: snapshot.target ?? (typeof param === 'string' ? param : ''),
    status: snapshot.status,
    steps: snapshot.steps.length,
    durationMs: snapshot.durationMs ?? 0,
    snapshotDigest,
  };
}

/** Statuses that are not a failure: the run did what it was asked (an `unhealthy` check-only run found drift). */
const NOT_FAILED = new Set(['healthy', 'unhealthy', 'succeeded']);

/** Healthy, unhealthy (check-only runs that found drift), fixed (succeeded) and failed (anything else) counts. */
export function countRows(rows: readonly RecordRow[]): {
  healthy: number;
  unhealthy: number;
  fixed: number;
  failed: number;
} {
  return {
    healthy: rows.filter((r) => r.status === 'healthy').length,
    unhealthy: rows.filter((r) => r.status === 'unhealthy').length,
    fixed: rows.filter((r) => r.status === 'succeeded').length,
    failed: rows.filter((r) => !NOT_FAILED.has(r.status)).length,
  };
}

/** Renders the rows as a Markdown summary with the counts first. */
export function renderRecordTable(rows: readonly RecordRow[]): string {
  const counts = countRows(rows);
  const lines = [
    `## Remediation runs: ${counts.healthy} healthy, ${counts.unhealthy ? `${counts.unhealthy} unhealthy (check only), ` : ''}${counts.fixed} fixed, ${counts.failed} failed`,
    '',
    '| Remediation | Target | Status | Steps | Duration | Snapshot digest |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of [...rows].sort(
    (a, b) => a.remediation.localeCompare(b.remediation) || a.target.localeCompare(b.target),
  )) {
    lines.push(
      `| ${escape(row.remediation)} | ${escape(row.target)} | ${escape(row.status)} | ${row.steps} | ${(row.durationMs / 1000).toFixed(1)} s | \`${row.snapshotDigest}\` |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
