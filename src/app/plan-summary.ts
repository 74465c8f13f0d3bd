// The plan a reviewer approves (issue 17's approval mode), as Markdown for the plan job's
// summary: the version and what verified it, the target, every parameter (secrets redacted, as
// they would be recorded), each step's command, and the plan digest the approval is bound to. Pure.
import { formatRef } from '../core/version-ref.ts';
import type { RunPlan } from '../run/plan.ts';
import { escape } from './markdown.ts';

/** What the plan job shows. */
export interface PlanView {
  readonly plan: RunPlan;
  readonly planDigest: string;
  /** The parameters as they would be recorded: secret values already redacted. */
  readonly recordedParams: Readonly<Record<string, unknown>>;
  readonly target: string | undefined;
}

/** The reviewer's table and the steps' commands, as Markdown. */
export function renderPlanSummary(view: PlanView): string {
  const { plan } = view;
  const lines = [
    `## Plan of ${escape(formatRef(plan))}${view.target !== undefined ? ` on ${escape(view.target)}` : ''}: dry run`,
    '',
    'Everything below was verified, and nothing ran. In the approval mode, approving the protected job approves this plan only: the job verifies everything again and refuses (`PLAN_CHANGED`) unless it computes the same plan digest.',
    '',
    '| | |',
    '| --- | --- |',
    `| plan digest | \`${view.planDigest}\` |`,
    `| version | ${escape(formatRef(plan))} at commit \`${plan.release.commit}\` |`,
    `| definition digest | \`${plan.release.digest}\` |`,
    `| manifest | serial ${plan.release.manifestSerial}, signed by ${plan.release.signers.length} trusted key(s) |`,
    `| target | ${view.target !== undefined ? escape(view.target) : '(none)'} |`,
    `| force | ${plan.force} |`,
    ...(plan.checkOnly === true ? ['| check only | true: no fix step runs |'] : []),
    `| secrets | ${plan.definition.secrets.length ? plan.definition.secrets.map((s) => `${escape(s)}=\\*\\*\\*`).join(', ') : '(none)'} |`,
    '',
    '### Parameters',
    '',
  ];
  const params = Object.entries(view.recordedParams);
  if (params.length === 0) lines.push('(none)');
  else {
    lines.push('| name | value |', '| --- | --- |');
    // Values come from the alert or the caller: escaped, so a value cannot add rows, links or HTML.
    for (const [name, value] of params) lines.push(`| ${escape(name)} | ${escape(JSON.stringify(value))} |`);
  }
  for (const stage of ['check', 'steps', 'verify', 'rollback'] as const) {
    const steps = plan.definition[stage];
    if (steps.length === 0 || (plan.checkOnly === true && stage !== 'check')) continue;
    lines.push('', `### ${stage}`);
    for (const step of steps) {
      lines.push('', `**${escape(step.id)}**${step.name ? ` (${escape(step.name)})` : ''}:`, '', fenced(step.run));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A fenced code block whose fence is longer than any run of backticks in the text. */
function fenced(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}sh\n${text.replace(/\n$/, '')}\n${fence}`;
}
