// The plan a reviewer approves (issue 17's approval mode), as Markdown for the plan job's
// summary: the version and what verified it, the target, every parameter (secrets redacted, as
// they would be recorded), each step's command, and the plan digest the approval is bound to. Pure.
import { UsageError } from '../errors.ts';
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
  const { release } = plan;
  // The Action plans released versions only (`remediate try` is the CLI's, and refused on GitHub):
  // the working tree has no verified facts for a reviewer to approve.
  if (release.unreleased === true) {
    throw new UsageError('USAGE', `${plan.name}: an unreleased working tree has no plan to approve; release it first`);
  }
  let hidden = 0;
  const visible = (text: string, keep?: RegExp): string =>
    text.replace(HIDDEN, (c) => {
      if (keep?.test(c) === true) return c;
      hidden++;
      return `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
    });
  const lines = [
    `## Plan of ${escape(formatRef(plan))}${view.target !== undefined ? ` on ${escape(visible(view.target))}` : ''}: dry run`,
    '',
    'Everything below was verified, and nothing ran. In the approval mode, approving the protected job approves this plan only: the job verifies everything again and refuses (`PLAN_CHANGED`) unless it computes the same plan digest.',
    '',
    '| | |',
    '| --- | --- |',
    `| plan digest | \`${view.planDigest}\` |`,
    `| version | ${escape(formatRef(plan))} at commit \`${release.commit}\` |`,
    `| definition digest | \`${release.digest}\` |`,
    `| manifest | serial ${release.manifestSerial}, signed by ${release.signers.length} trusted key(s) |`,
    `| target | ${view.target !== undefined ? escape(visible(view.target)) : '(none)'} |`,
    `| force | ${plan.force} |`,
    ...(plan.checkOnly === true ? ['| check only | true: no fix step runs |'] : []),
    ...(plan.ignoreCircuitBreaker === true
      ? ['| ignore circuit breaker | **true**: runs even if the circuit breaker is open (recorded) |']
      : []),
    `| secrets | ${plan.definition.secrets.length ? plan.definition.secrets.map((s) => `${escape(s)}=\\*\\*\\*`).join(', ') : '(none)'} |`,
    '',
    '### Parameters',
    '',
  ];
  // The target's facts (TARGET_* of the steps, e.g. the SSH host): the digest covers them, so the
  // reviewer sees them. They come from the reviewed targets file; escaped all the same.
  const facts = Object.entries(plan.targetFacts ?? {});
  if (facts.length > 0) {
    lines.splice(
      lines.length - 3,
      0,
      '',
      '### Target facts',
      '',
      '| name | value |',
      '| --- | --- |',
      ...facts.map(
        ([name, value]) => `| ${escape(visible(`TARGET_${name.toUpperCase()}`))} | ${escape(visible(value))} |`,
      ),
    );
  }
  const params = Object.entries(view.recordedParams);
  if (params.length === 0) lines.push('(none)');
  else {
    lines.push('| name | value |', '| --- | --- |');
    // Values come from the alert or the caller: escaped, so a value cannot add rows, links or HTML.
    for (const [name, value] of params)
      lines.push(`| ${escape(visible(name))} | ${escape(visible(JSON.stringify(value)))} |`);
  }
  for (const stage of ['check', 'steps', 'verify', 'rollback'] as const) {
    const steps = plan.definition[stage];
    if (steps.length === 0 || (plan.checkOnly === true && stage !== 'check')) continue;
    lines.push('', `### ${stage}`);
    for (const step of steps) {
      lines.push(
        '',
        `**${escape(visible(step.id))}**${step.name ? ` (${escape(visible(step.name))})` : ''}:`,
        '',
        fenced(visible(step.run, LINE_BREAKS)),
      );
    }
  }
  if (hidden > 0) {
    lines.splice(
      2,
      0,
      `**Warning:** ${hidden} invisible or direction-changing character(s) below are shown as \`<U+XXXX>\`: read those values with care.`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Characters that render as nothing, or change how the text around them is ordered: controls
 * (JSON.stringify escapes only those below U+0020), format characters (bidi overrides and
 * isolates, zero-width spaces and joiners, the byte-order mark), line and paragraph separators,
 * spaces other than U+0020, lone surrogates and private-use characters.
 *
 * Attack: a dispatch's parameter with a right-to-left override (U+202E) is rendered reordered,
 * so the reviewer reads and approves another value than the one the step receives ("Trojan
 * Source"); a zero-width character hides that two values differ. Each is shown as <U+XXXX>.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]|(?! )\p{Zs}/gu;
/** A command's own line breaks and tabs are shown as such. */
const LINE_BREAKS = /^[\n\t]$/;

/** A fenced code block whose fence is longer than any run of backticks in the text. */
function fenced(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}sh\n${text.replace(/\n$/, '')}\n${fence}`;
}
