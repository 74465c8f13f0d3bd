// `remediate show`: one run record as a report a person can read without the repository. The
// record is checked first, exactly as `verify-run` checks it, and a tampered one is refused before
// anything in it is shown; the report then says which anchors held, or that none did. Everything
// printed from the record (names, parameters, logs, scripts) is written by whoever wrote the
// record, so it is escaped and indented under fixed labels: it cannot draw lines of its own
// (a fake "authenticated:" line, terminal escapes, a workflow command).

import { DefinitionError, formatIssue, parseDefinition } from '../core/definition-parser.ts';
import { STAGES, type Definition, type StageName, type StepSpec } from '../core/definition.ts';
import { DEFINITION_FILE as BUNDLE_FILE } from '../record/definition-bundle.ts';
import { recordedDefinition, type DefinitionCopy, type RecordedDefinition } from '../record/read-definition-bundle.ts';
import type { RunSnapshot, StepRecord } from '../record/snapshot.ts';
import { fenceWorkflowCommands, formatDuration, oneLine as text } from './terminal-text.ts';
import { verifyRunRecord, type RecordAnchors } from './verify-run.ts';

export { fenceWorkflowCommands, formatDuration };

/** Lines of a step's log shown under it (its last ones: where a failure says why). */
export const LOG_EXCERPT_LINES = 20;
/** Bytes at the end of a step's log range decoded to find its last lines. */
const LOG_TAIL_BYTES = 64 * 1024;
/** Lines of a script file shown under the step that runs it. */
export const SCRIPT_EXCERPT_LINES = 15;
/** The definition file every remediation has. */
const DEFINITION_FILE = 'remediation.yml';

/** The definition a report shows, as read from the record's copies. */
export type ShownDefinition =
  /** Nothing was verified: a refused run. */
  | { readonly kind: 'none' }
  /** A record written before records held copies: the listing only. */
  | { readonly kind: 'not-in-record'; readonly files: readonly DefinitionCopy[] }
  /** The copies (checked), and remediation.yml parsed by this version's parser. */
  | { readonly kind: 'parsed'; readonly files: readonly DefinitionCopy[]; readonly definition: Definition }
  /** The copies (checked), but this version cannot parse remediation.yml (or it was not copied). */
  | { readonly kind: 'unparsed'; readonly files: readonly DefinitionCopy[]; readonly problem: string };

/** Everything a report is built from, already checked. */
export interface RecordReportInput {
  readonly snapshot: RunSnapshot;
  /** `sha256:` of snapshot.json. */
  readonly snapshotDigest: string;
  /** The anchors that held (empty: the record is consistent, nothing more). */
  readonly anchors: readonly string[];
  /** False when the run was interrupted. */
  readonly complete: boolean;
  /** run.log, verified against its chain and the snapshot. */
  readonly log: Buffer;
  readonly definition: ShownDefinition;
}

/**
 * Checks a record folder as `verify-run` does (throwing RECORD_TAMPERED, or the error of an anchor
 * given that does not hold), checks its definition copies against the snapshot, and returns the
 * report's lines. An unanchored record is shown, under a banner saying it is not authenticated.
 */
export async function showRunRecord(dir: string, anchors: RecordAnchors = {}): Promise<string[]> {
  return (await showRunRecordWithFacts(dir, anchors)).lines;
}

/** As showRunRecord, with what was verified (for `show --json`). */
export async function showRunRecordWithFacts(
  dir: string,
  anchors: RecordAnchors = {},
): Promise<{ readonly lines: string[]; readonly verified: Awaited<ReturnType<typeof verifyRunRecord>> }> {
  // The report is built from the very bytes verify-run checked: no second read a process
  // swapping files in the folder could make differ.
  const verified = await verifyRunRecord(dir, anchors);
  const { snapshot } = verified;
  const lines = formatRunReport({
    snapshot,
    snapshotDigest: verified.snapshotDigest,
    anchors: verified.anchors,
    complete: verified.complete,
    log: verified.files.log.subarray(0, verified.log.bytes),
    definition: shownDefinition(snapshot, recordedDefinition(snapshot, verified.definition)),
  });
  return { lines: fenceWorkflowCommands(lines), verified };
}

/** Parses the copied remediation.yml, when the record has one. Pure. */
export function shownDefinition(snapshot: RunSnapshot, recorded: RecordedDefinition): ShownDefinition {
  if (recorded.kind === 'none') return { kind: 'none' };
  if (recorded.kind === 'listing-only') return { kind: 'not-in-record', files: recorded.files };
  const yml = recorded.files.find((file) => file.path === DEFINITION_FILE);
  if (yml?.content === undefined) {
    return { kind: 'unparsed', files: recorded.files, problem: `${DEFINITION_FILE} is not in the copies` };
  }
  try {
    const definition = parseDefinition(`${BUNDLE_FILE}:${DEFINITION_FILE}`, yml.content, snapshot.remediation.name);
    return { kind: 'parsed', files: recorded.files, definition };
  } catch (error) {
    // The copy matches what was verified and ran; a parser that has since grown stricter must
    // not hide the rest of the record.
    if (!(error instanceof DefinitionError)) throw error;
    const problem = error.issues.slice(0, 3).map(formatIssue).join('; ');
    return { kind: 'unparsed', files: recorded.files, problem: `this version cannot parse it: ${problem}` };
  }
}

/** The report, one line per element. Pure. */
export function formatRunReport(input: RecordReportInput): string[] {
  const { snapshot: s, definition } = input;
  const lines: string[] = [];
  const add = (line: string) => lines.push(line);

  if (input.anchors.length === 0) {
    add(
      'NOT AUTHENTICATED: consistent, but nothing outside the record vouches for it (give --trusted-key or --snapshot-digest)',
    );
  } else {
    add(`authenticated: ${input.anchors.map(text).join('; ')}`);
  }
  add('');

  // `remediate try` ran a working tree: never shown as name@version, which would read as released.
  add(
    s.unreleased === true
      ? `${text(s.remediation.name)} UNRELEASED (remediate try: the working tree, no release)  run ${text(s.runId)}`
      : `${text(s.remediation.name)}@${text(s.remediation.version)}  run ${text(s.runId)}`,
  );
  add(`  status:    ${s.status}${input.complete ? '' : ' (record incomplete: the run was interrupted)'}`);
  if (s.error) add(`  error:     [${text(s.error.code)}] ${text(s.error.message)}`);
  add(`  started:   ${text(s.started)}`);
  add(
    `  ended:     ${s.ended === undefined ? '(not recorded)' : text(s.ended)}${s.durationMs === undefined ? '' : ` (${formatDuration(s.durationMs)})`}`,
  );
  add(`  trigger:   ${formatTrigger(s.trigger)}`);
  add(`  runner:    ${formatRunner(s.runner)}`);
  add(`  forced:    ${s.forced ? 'yes (--force: the check stage was skipped)' : 'no'}`);
  if (s.checkOnly === true) add('  check only: yes (only the check stage ran; nothing was changed)');
  if (s.replayOf) {
    add(
      `  replay of: run ${text(s.replayOf.runId)}, snapshot ${text(s.replayOf.snapshotDigest)} (${s.replayOf.authenticated ? 'authenticated when replayed' : 'NOT authenticated when replayed: --unanchored'})`,
    );
  }
  add(`  tool:      ${text(s.tool.name)} ${text(s.tool.version)} (${text(s.tool.bundleDigest)})`);
  add(`  snapshot:  ${input.snapshotDigest}`);

  if (definition.kind === 'none') {
    add('');
    // Nothing was verified, so no step could start: say so before anything else is listed.
    add(
      s.status === 'refused'
        ? `Refused: nothing ran. The run stopped at a check before any step (${s.error ? text(s.error.code) : 'no error recorded'}).`
        : 'Nothing was verified, so no definition is in the record and no step could run.',
    );
    if (s.steps.length > 0) add(`  (yet the record lists ${s.steps.length} step(s), shown below)`);
  }

  add('');
  add(definition.kind === 'none' ? 'Requested' : 'What ran');
  add(
    s.unreleased === true
      ? '  tag:       (none: UNRELEASED, no tag, manifest or signature vouched for these files)'
      : `  tag:       ${text(s.remediation.tag)}${s.remediation.commit ? ` -> commit ${text(s.remediation.commit)}` : ''}`,
  );
  add(
    `  digest:    ${s.remediation.digest === undefined ? '(none: nothing was verified)' : text(s.remediation.digest)}`,
  );
  if (s.manifest) {
    const m = s.manifest;
    add(
      `  manifest:  serial ${m.serial} (min ${m.minSerial}), ${text(m.digest)}, ${m.signers.length} signer(s) of threshold ${m.threshold}`,
    );
    for (const signer of m.signers) add(`    signer:  ${text(signer)}`);
    if (m.publishedSerial !== undefined) {
      add(
        `    published: serial ${m.publishedSerial} was the highest published${m.acceptedBelowPublished === true ? `; serial ${m.serial} is older and ran only because accept-older-serial named it` : ''}`,
      );
    }
  }
  formatFiles(definition, s, add);

  add('');
  add('Parameters (as recorded; secret values are redacted)');
  const params = Object.entries(s.params?.values ?? {});
  if (params.length === 0) add('  (none)');
  for (const [name, value] of params) add(`  ${text(name)} = ${text(JSON.stringify(value))}`);
  add(
    `Secrets (names only; values are never recorded): ${s.secrets.length ? s.secrets.map(text).join(', ') : '(none)'}`,
  );

  formatStages(input, add);

  add('');
  add('Outputs');
  const outputs = Object.entries(s.outputs);
  if (outputs.length === 0) add('  (none)');
  for (const [name, value] of outputs) add(`  ${text(name)} = ${text(JSON.stringify(value))}`);

  add('');
  add(
    `Outcome: ${s.status}${s.check === undefined ? '' : `; check: ${s.check}`}${s.rollback === undefined ? '' : `; rollback: ${s.rollback}`}`,
  );
  if (input.anchors.length === 0) {
    add('NOT AUTHENTICATED: `remediate verify-run` with --trusted-key or --snapshot-digest is the check.');
  }
  return lines;
}

function formatFiles(definition: ShownDefinition, s: RunSnapshot, add: (line: string) => void): void {
  if (definition.kind === 'none') return;
  add(`  files:     ${definition.files.length} (sha256 and mode from snapshot.json)`);
  for (const file of definition.files) {
    const where =
      definition.kind === 'not-in-record' ? '' : file.content === undefined ? '  NOT COPIED (too large)' : '';
    add(`    ${text(file.path)}  ${text(file.mode)}  sha256 ${text(file.sha256)}${where}`);
  }
  const omitted = definition.files.filter((file) => file.content === undefined);
  if (definition.kind !== 'not-in-record' && omitted.length > 0) {
    add(`  omitted:   ${omitted.length} file(s) too large to copy; identified by sha256 above`);
  }
  if (definition.kind === 'not-in-record') {
    add('  definition: not in this record (it was written before records held copies of the definition);');
    add(
      `              see it with: git show ${s.remediation.commit ? text(s.remediation.commit) : text(s.remediation.tag)}:remediations/${text(s.remediation.name)}`,
    );
  } else if (definition.kind === 'unparsed') {
    add(`  definition: ${BUNDLE_FILE}:${DEFINITION_FILE}: ${text(definition.problem)}`);
    add('              the steps below are those the record lists');
  } else {
    add(`  definition: ${BUNDLE_FILE} (each copy checked against its sha256 and mode; tar -xf extracts them)`);
  }
}

function formatStages(input: RecordReportInput, add: (line: string) => void): void {
  const { snapshot: s, definition } = input;
  const declared = definition.kind === 'parsed' ? definition.definition : undefined;
  const files = definition.kind === 'none' ? [] : definition.files;
  const recorded = new Map(s.steps.map((step) => [`${step.stage}/${step.id}`, step]));
  const shown = new Set<string>();
  for (const stage of STAGES) {
    const specs = declared?.[stage] ?? [];
    const ran = s.steps.filter((step) => step.stage === stage);
    if (declared === undefined && ran.length === 0) continue;
    add('');
    add(`Stage ${stage}${stageConclusion(s, stage)}`);
    if (specs.length === 0 && ran.length === 0) add('  (no steps declared)');
    for (const spec of specs) {
      const key = `${stage}/${spec.id}`;
      shown.add(key);
      formatStep(spec.id, spec.name, add);
      formatCommand(spec, files, add);
      formatRun(recorded.get(key), input.log, add);
    }
    // Steps the record lists that the shown definition does not declare: all of them when there
    // is no parsed definition.
    for (const step of ran.filter((step) => !shown.has(`${step.stage}/${step.id}`))) {
      formatStep(step.id, step.name, add);
      if (declared !== undefined) add('    (recorded, but not declared in the copied definition)');
      formatRun(step, input.log, add);
    }
  }
}

function stageConclusion(s: RunSnapshot, stage: StageName): string {
  if (stage === 'check' && s.check !== undefined) return ` (conclusion: ${s.check})`;
  if (stage === 'rollback' && s.rollback !== undefined) return ` (rollback: ${s.rollback})`;
  return '';
}

function formatStep(id: string, name: string | undefined, add: (line: string) => void): void {
  add(`  ${text(id)}${name === undefined ? '' : ` — ${text(name)}`}`);
}

function formatCommand(spec: StepSpec, files: readonly DefinitionCopy[], add: (line: string) => void): void {
  const options = [
    `shell ${spec.shell ?? 'bash'}`,
    ...(spec.timeout === undefined ? [] : [`timeout ${spec.timeout}`]),
    ...(spec.retries === undefined ? [] : [`retries ${spec.retries}`]),
    ...(spec['continue-on-error'] ? ['continue-on-error'] : []),
    ...(spec['working-directory'] === undefined ? [] : [`working-directory ${spec['working-directory']}`]),
  ];
  add(`    run (${text(options.join(', '))}):`);
  block(spec.run, add);
  for (const [name, value] of Object.entries(spec.env ?? {}))
    add(`    env ${text(name)} = ${text(JSON.stringify(value))}`);
  for (const path of scriptReferences(spec.run)) {
    const file = files.find((f) => f.path === path);
    if (file === undefined) continue;
    if (file.content === undefined) {
      add(`    script ${text(path)}: not copied (too large to copy); sha256 ${text(file.sha256)}`);
      continue;
    }
    const scriptLines = splitLines(file.content.toString('utf8'));
    const more = scriptLines.length - SCRIPT_EXCERPT_LINES;
    add(
      `    script ${text(path)} (${scriptLines.length} line(s)${more > 0 ? `, first ${SCRIPT_EXCERPT_LINES}` : ''}):`,
    );
    block(scriptLines.slice(0, SCRIPT_EXCERPT_LINES).join('\n'), add);
    if (more > 0) add(`      ... ${more} more line(s) in ${text(path)} (${BUNDLE_FILE})`);
  }
}

function formatRun(step: StepRecord | undefined, log: Buffer, add: (line: string) => void): void {
  if (step === undefined) {
    add('    not run');
    return;
  }
  const ended =
    step.signal !== null
      ? `killed by ${text(step.signal)}`
      : step.exitCode !== null
        ? `exit ${step.exitCode}`
        : 'no exit code';
  add(
    `    ran:     ${ended}, ${step.outcome}, ${step.attempts} attempt(s), ${formatDuration(step.durationMs)}${step.continueOnError ? ' (continue-on-error)' : ''}`,
  );
  if (step.error !== undefined) add(`    error:   ${text(step.error)}`);
  for (const [name, value] of Object.entries(step.outputs))
    add(`    output:  ${text(name)} = ${text(JSON.stringify(value))}`);
  const start = Math.min(step.log.start, log.byteLength);
  const end = Math.min(step.log.end, log.byteLength);
  // Only the tail is decoded: a step that printed gigabytes is shown without reading them all.
  const from = Math.max(start, end - LOG_TAIL_BYTES);
  const tail = splitLines(log.subarray(from, end).toString('utf8'));
  if (from > start) tail.shift(); // cut mid-line
  const skipped = Math.max(0, tail.length - LOG_EXCERPT_LINES);
  const range = `run.log bytes ${start}-${Math.max(start, end - 1)}`;
  add(
    `    log:     ${range}${from > start || skipped > 0 ? `, last ${Math.min(tail.length, LOG_EXCERPT_LINES)} lines` : ''}`,
  );
  block(tail.slice(skipped).join('\n'), add);
}

/** Files a step's script names as `$REMEDIATION_DIR/<path>` (or `${REMEDIATION_DIR}/<path>`). */
export function scriptReferences(run: string): string[] {
  const paths = [...run.matchAll(/\$(?:\{REMEDIATION_DIR\}|REMEDIATION_DIR\b)\/([A-Za-z0-9._/-]+)/g)].map(
    (m) => m[1] ?? '',
  );
  return [...new Set(paths.filter((path) => path !== ''))];
}

function formatTrigger(trigger: RunSnapshot['trigger']): string {
  if (trigger.kind === 'local') return `local, ${text(trigger.user)}@${text(trigger.host)}`;
  const event = trigger.action === undefined ? trigger.event : `${trigger.event}.${trigger.action}`;
  return text(
    `GitHub ${event} by ${trigger.actor} in ${trigger.repository}, workflow ${trigger.workflowRef}, run ${trigger.runId} attempt ${trigger.attempt}${trigger.payloadDigest === undefined ? '' : `, payload ${trigger.payloadDigest}`}`,
  );
}

function formatRunner(runner: RunSnapshot['runner']): string {
  const named = [runner.name, runner.runnerOs].filter((part) => part !== undefined).join(', ');
  return text(`${runner.os}/${runner.arch}, node ${runner.node}${named === '' ? '' : ` (${named})`}`);
}

/** Untrusted multi-line text, each line escaped and set under a `|` so none can pose as a report line. */
function block(value: string, add: (line: string) => void): void {
  for (const line of splitLines(value)) add(`      | ${text(line)}`);
}

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
