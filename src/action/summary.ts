import { escape } from '../app/markdown.ts';
import type { RunSnapshot } from '../record/snapshot.ts';

/** GitHub's limit for one step's job summary. */
export const MAX_SUMMARY_BYTES = 1024 * 1024;

/** Links and facts known only after publishing. */
export interface PublishedLinks {
  readonly recordDir: string;
  readonly snapshotDigest?: string;
  readonly artifact?: { readonly name: string; readonly url: string; readonly digest: string };
  readonly release?: { readonly url: string; readonly tag: string };
  /** The record's GitHub attestation, or why there is none (omitted: attesting was not asked for). */
  readonly attestation?: { readonly id: string; readonly url: string } | { readonly problem: string };
  readonly failures: readonly string[];
}

/**
 * Renders the job summary: what ran (version, digest, manifest, signers, trigger), every step with
 * its outcome and duration, where the record went, and how to check it. Step text is escaped so a
 * step's output or id cannot inject Markdown or HTML into the summary; long tables are cut to stay
 * under GitHub's 1 MiB limit.
 */
export function renderSummary(snapshot: RunSnapshot, links: PublishedLinks): string {
  const r = snapshot.remediation;
  const lines: string[] = [];
  lines.push(`## ${icon(snapshot.status)} ${escape(r.name)}@${escape(r.version)}: ${snapshot.status}`);
  lines.push('');
  lines.push('| | |', '| --- | --- |');
  lines.push(`| Tag | \`${escape(r.tag)}\`${r.commit ? ` → \`${r.commit}\`` : ''} |`);
  if (r.digest) lines.push(`| Digest | \`${r.digest}\` |`);
  if (snapshot.manifest) {
    lines.push(
      `| Manifest | serial ${snapshot.manifest.serial} (min ${snapshot.manifest.minSerial}), \`${snapshot.manifest.digest}\` |`,
    );
    lines.push(
      `| Signers | ${snapshot.manifest.signers.map((k) => `\`${k.slice(0, 16)}\``).join(', ')} (threshold ${snapshot.manifest.threshold}) |`,
    );
  }
  lines.push(`| Trigger | ${escape(describeTrigger(snapshot))} |`);
  if (snapshot.check)
    lines.push(
      `| Check | ${snapshot.check}${snapshot.checkOnly === true ? ' (check only: nothing was changed)' : ''} |`,
    );
  if (snapshot.rollback) lines.push(`| Rollback | ${snapshot.rollback} |`);
  if (snapshot.error) lines.push(`| Error | \`${escape(snapshot.error.code)}\`: ${escape(snapshot.error.message)} |`);
  lines.push('');
  if (snapshot.steps.length) {
    lines.push('| Stage | Step | Outcome | Exit | Attempts | Duration |', '| --- | --- | --- | --- | --- | --- |');
    for (const step of snapshot.steps) {
      lines.push(
        `| ${step.stage} | ${escape(step.id)} | ${icon(step.outcome)} ${step.outcome} | ${step.exitCode ?? step.signal ?? ''} | ${step.attempts} | ${(step.durationMs / 1000).toFixed(1)} s |`,
      );
    }
    lines.push('');
  }
  lines.push('### Record');
  lines.push(`- Folder on the runner: \`${escape(links.recordDir)}\``);
  if (links.snapshotDigest)
    lines.push(`- Snapshot digest: \`${links.snapshotDigest}\` (keep it: it pins the whole record)`);
  if (links.artifact)
    lines.push(`- Artifact: [${escape(links.artifact.name)}](${links.artifact.url}) (\`${links.artifact.digest}\`)`);
  if (links.release) lines.push(`- Release: [${escape(links.release.tag)}](${links.release.url})`);
  if (links.attestation && 'problem' in links.attestation)
    lines.push(`- ⚠️ Not attested: ${escape(links.attestation.problem)}`);
  else if (links.attestation)
    lines.push(
      `- Attestation: ${links.attestation.url ? `[${escape(links.attestation.id)}](${links.attestation.url})` : 'stored (GitHub returned no id)'}, bundle \`receipt.sigstore.json\` in the record`,
    );
  for (const failure of links.failures) lines.push(`- ⚠️ ${escape(failure)}`);
  lines.push(
    '',
    'Check it:',
    '```sh',
    `remediate verify-run <record folder>${links.snapshotDigest ? ` --snapshot-digest ${links.snapshotDigest}` : ''}`,
    ...(links.attestation && !('problem' in links.attestation)
      ? [
          'gh attestation trusted-root > trusted_root.jsonl',
          'remediate verify-run <record folder> --trusted-root trusted_root.jsonl --signer-workflow <owner/repo/.github/workflows/file.yml>',
        ]
      : []),
    '```',
  );
  return fit(lines.join('\n'));
}

function fit(text: string): string {
  if (Buffer.byteLength(text) <= MAX_SUMMARY_BYTES) return text;
  const note = "\n\n_(summary cut to fit GitHub's 1 MiB limit; the full record is in the artifact and release)_\n";
  let cut = text.slice(0, MAX_SUMMARY_BYTES - note.length - 1024);
  while (Buffer.byteLength(cut) + Buffer.byteLength(note) > MAX_SUMMARY_BYTES) cut = cut.slice(0, -1024);
  return cut + note;
}

function describeTrigger(snapshot: RunSnapshot): string {
  const t = snapshot.trigger;
  if (t.kind === 'local') return `local: ${t.user}@${t.host}`;
  return `${t.event}${t.action ? ` (${t.action})` : ''} by ${t.actor}, run ${t.runId} attempt ${t.attempt}, ${t.workflowRef}${t.payloadDigest ? `, payload ${t.payloadDigest.slice(0, 23)}…` : ''}`;
}

function icon(status: string): string {
  switch (status) {
    case 'succeeded':
    case 'healthy':
      return '✅';
    case 'drift':
    case 'unhealthy':
      return '🔧';
    case 'refused':
      return '⛔';
    case 'cancelled':
    case 'timed-out':
      return '⏹️';
    default:
      return '❌';
  }
}
