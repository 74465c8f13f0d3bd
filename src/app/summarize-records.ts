// `remediate summarize`: a set of run records as one Markdown table for a job summary (a drift
// sweep, a fleet rollout). Its rows are `runs list`'s (run-list.ts, rowOfSnapshot): one
// definition of a run's target, status and duration for both.

import { escape } from './markdown.ts';
import type { RunRow } from './run-list.ts';

/** Statuses that are not a failure: the run did what it was asked (an `unhealthy` check-only run found drift). */
const NOT_FAILED = new Set(['healthy', 'unhealthy', 'succeeded']);

/** Healthy, unhealthy (check-only runs that found drift), fixed (succeeded) and failed (anything else) counts. */
export function countRows(rows: readonly RunRow[]): {
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
export function renderRecordTable(rows: readonly RunRow[]): string {
  const counts = countRows(rows);
  const lines = [
    `## Remediation runs: ${counts.healthy} healthy, ${counts.unhealthy ? `${counts.unhealthy} unhealthy (check only), ` : ''}${counts.fixed} fixed, ${counts.failed} failed`,
    '',
    '| Remediation | Target | Status | Steps | Duration | Snapshot digest |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const remediation = (row: RunRow) => `${row.name}@${row.version}`;
  for (const row of [...rows].sort(
    (a, b) => remediation(a).localeCompare(remediation(b)) || (a.target ?? '').localeCompare(b.target ?? ''),
  )) {
    lines.push(
      `| ${escape(remediation(row))} | ${escape(row.target ?? '')} | ${escape(row.status)} | ${row.steps ?? 0} | ${((row.durationMs ?? 0) / 1000).toFixed(1)} s | \`${row.snapshotDigest ?? ''}\` |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
