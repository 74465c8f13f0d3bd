// Section 6: GitHub REST calls per Action run, with and without history, counted by the local
// REST double (scripts/bench/api-calls.mjs).
import { join } from 'node:path';
import { verdict } from '../report.mjs';
import { NODE, run } from '../util.mjs';

export const name = '6. GitHub API calls per run';

/** Measures and reports section 6. */
export async function measure(ctx, report) {
  const { benchDir, actionMain } = ctx;
  // A cost, not a time: counted by the REST double (scripts/bench/api-calls.mjs), so it is exact.
  const x = await run(NODE, [join(benchDir, 'api-calls.mjs'), '--main', actionMain, '--json'], { timeoutMs: 600_000 });
  if (x.code !== 0) throw new Error(`api-calls.mjs failed: ${x.stderr.slice(-500)}`);
  const results = JSON.parse(x.stdout.trim().split('\n').pop());
  const base = results[0];
  for (const r of results) {
    // Only the scenario that differs from the first by history alone has a verdict.
    const comparable = r !== base && r.publish === base.publish && r.files === base.files;
    report.row(
      `REST calls of one Action run: ${r.what}`,
      String(r.total),
      comparable ? `no past runs: ${base.total}` : '',
      comparable ? `${(r.total / base.total).toFixed(2)}x` : '',
      comparable ? 'same as with no history' : '',
      comparable ? verdict(r.total === base.total, `grows with history (${r.total} vs ${base.total})`) : '',
    );
    report.note(
      `- ${r.what}: ${Object.entries(r.byOperation)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}.`,
    );
  }
  report.note(
    `Counted with \`node_modules/.bin/node scripts/bench/api-calls.mjs\` against the local REST double (checked against GitHub's OpenAPI description; no OpenAPI violation seen). The run verifies \`svc@v1.0.0\` with \`manifest: release\`. Reading through the API adds one call per file of the remediation (blobs, 8 in flight), independent of history.`,
  );
  report.where(
    `**API cost**: ${base.total} REST calls per run with no history and ${results[1].total} with 5,000 past run releases; publishing a per-run release adds ${results[3].total - results[1].total}.`,
  );
}
