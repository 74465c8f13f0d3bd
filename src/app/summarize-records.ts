// `remediate summarize`: a set of run records as one Markdown table for a job summary (a drift
// sweep, a fleet rollout). Its rows are `runs list`'s (run-list.ts, rowOfSnapshot): one
// definition of a run's target, status and duration for both.

import { escape } from './markdown.ts';
import type { RunRow } from './run-list.ts';

/** Healthy, fixed (succeeded) and failed (anything else) counts. */
export function countRows(rows: readonly RunRow[]): { healthy: number; fixed: number; failed: number } {
  return {
    healthy: rows.filter((r) => r.status === 'healthy').length,
    fixed: rows.filter((r) => r.status === 'succeeded').length,
    failed: rows.filter((r) => r.status !== 'healthy' && r.status !== 'succeeded').length,
  };
}

/** Renders the rows as a Markdown summary with the counts first. */
export function renderRecordTable(rows: readonly RunRow[]): string {
  const counts = countRows(rows);
  const lines = [
    `## Remediation runs: ${counts.healthy} healthy, ${counts.fixed} fixed, ${counts.failed} failed`,
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
