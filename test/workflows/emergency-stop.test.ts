// The emergency stop (issue 17): while the repository or organization variable REMEDIATE_STOP is
// set, on-alert.yml, drift.yml, fleet.yml and remediate.yml run no job but the one that says so.
// Each job's `if:` is checked twice: by the structural rule (workflow-rules.ts), and by GitHub's
// own expression evaluator (@actions/expressions, the one @actions/workflow-parser ships with)
// over many contexts, so no input, earlier result or status function can let a job run while
// stopped. The notice step runs as written, with a hostile reason.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobRuns, type Status } from './job-condition.ts';
import { findStep, runStep } from './step-runner.ts';
import {
  emergencyStopProblems,
  jobsOf,
  parseYamlMap,
  STOP_JOB,
  STOP_VARIABLE,
  workflowCallOf,
  type YamlMap,
} from './workflow-rules.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const load = (name: string): YamlMap => parseYamlMap(readFileSync(join(ROOT, '.github/workflows', name), 'utf8'), name);
/** Every workflow that runs remediations: automatic ones, and remediate.yml (decided: a manual run is stopped too). */
const STOPPED = ['on-alert.yml', 'drift.yml', 'fleet.yml', 'remediate.yml'];
/** Workflows that must keep working during a stop: signing a yank is how a bad version is withdrawn. */
const NOT_STOPPED = ['release.yml', 'validate.yml', 'yank.yml'];

/** Contexts a job's condition may read, over a grid of inputs, earlier job results and statuses. */
function* contexts(workflow: YamlMap, stop: string): Generator<{ context: Record<string, unknown>; status: Status }> {
  const declared = (workflowCallOf(workflow)?.inputs ?? {}) as Record<string, YamlMap>;
  const jobIds = jobsOf(workflow).map(([id]) => id);
  const inputSets: Record<string, unknown>[] = [
    Object.fromEntries(Object.entries(declared).map(([name, spec]) => [name, spec.default ?? ''])),
  ];
  // Each input flipped on its own: booleans, the gate's max-unhealthy, any string given.
  for (const [name, spec] of Object.entries(declared)) {
    const flipped = spec.type === 'boolean' ? !(spec.default === true) : spec.type === 'number' ? 3 : 'x';
    inputSets.push({ ...inputSets[0], [name]: flipped });
  }
  for (const inputs of inputSets) {
    for (const result of ['success', 'failure', 'skipped', 'cancelled']) {
      const needs = Object.fromEntries(jobIds.map((id) => [id, { result, outputs: {} }]));
      for (const status of [
        { success: true, failure: false, cancelled: false, always: true },
        { success: false, failure: true, cancelled: false, always: true },
        { success: false, failure: false, cancelled: true, always: true },
      ]) {
        yield { context: { vars: { [STOP_VARIABLE]: stop }, inputs, needs, github: {} }, status };
      }
    }
  }
}

describe('the emergency stop, REMEDIATE_STOP', () => {
  it.each(STOPPED)('%s: every job but the notice is gated by the variable (structural rule)', (name) => {
    expect(emergencyStopProblems(load(name), name)).toEqual([]);
  });

  it.each(NOT_STOPPED)('%s keeps working during a stop (it never reads the variable)', (name) => {
    expect(readFileSync(join(ROOT, '.github/workflows', name), 'utf8')).not.toContain(STOP_VARIABLE);
  });

  it.each(STOPPED)(
    '%s: with the variable set, no job but the notice runs, whatever the inputs or earlier results (GitHub evaluator)',
    (name) => {
      const workflow = load(name);
      let cases = 0;
      for (const { context, status } of contexts(workflow, 'INC-1234: a bad fix is rolling out')) {
        for (const [id, job] of jobsOf(workflow)) {
          expect(jobRuns(job.if, context, status), `${name} ${id} ${JSON.stringify(status)}`).toBe(
            id === STOP_JOB && status.success,
          );
          cases++;
        }
      }
      expect(cases).toBeGreaterThan(100);
    },
  );

  it.each(STOPPED)('%s: with the variable unset the notice never runs, and the first jobs run as before', (name) => {
    const workflow = load(name);
    for (const { context, status } of contexts(workflow, '')) {
      const stop = jobsOf(workflow).find(([id]) => id === STOP_JOB)?.[1];
      expect(jobRuns(stop?.if, context, status)).toBe(false);
    }
    const normal = contexts(workflow, '').next().value;
    if (!normal) throw new Error('no context');
    const { context, status } = normal;
    // The jobs that need nothing and had no condition start as they did before the stop existed,
    // and with the defaults some job runs (remediate.yml's plan job waits for approval: true).
    const jobs = jobsOf(workflow).filter(([id]) => id !== STOP_JOB);
    const first = jobs.filter(([, job]) => job.needs === undefined && job.if === `\${{ vars.${STOP_VARIABLE} == '' }}`);
    for (const [id, job] of first) expect(jobRuns(job.if, context, status), `${name} ${id}`).toBe(true);
    expect(jobs.filter(([, job]) => jobRuns(job.if, context, status)).length, name).toBeGreaterThan(0);
  });

  it('the notice says what is stopped and how to resume, one line whatever the reason holds', () => {
    for (const name of STOPPED) {
      const step = findStep(load(name), STOP_JOB, 'Say that remediation is stopped, and how to resume');
      const result = runStep(step, { env: { STOP: 'INC-9 100%\n::error::forged\r\nline' } });
      expect(result.status, name).toBe(0);
      // The reason's newlines and % are escaped: the annotation stays one command and starts no other.
      expect(result.stdout.split('\n').filter(Boolean)).toEqual([
        '::warning title=remediation stopped::REMEDIATE_STOP is set (INC-9 100%25%0A::error::forged%0D%0Aline): nothing ran and no runner was requested. Delete the variable to resume.',
      ]);
      expect(result.summary).toContain('## Remediation is stopped');
      expect(result.summary).toContain('is set (INC-9 100% ::error::forged  line), so this run did nothing');
      expect(result.summary).toContain('`gh variable delete REMEDIATE_STOP`');
    }
  });

  it('negative: a missing notice, an ungated job, a gate an `||` escapes, and a notice with a token are reported', () => {
    const bad = parseYamlMap(
      [
        'on: workflow_call',
        'permissions: {}',
        'jobs:',
        `  ${STOP_JOB}:`,
        `    if: \${{ vars.${STOP_VARIABLE} != '' }}`,
        '    runs-on: ubuntu-latest',
        '    permissions: { contents: read }',
        '    steps: [{ run: echo stopped }]',
        '  plan:',
        '    runs-on: ubuntu-latest',
        '    steps: [{ run: echo plan }]',
        '  legs:',
        `    if: \${{ vars.${STOP_VARIABLE} == '' && (inputs.a) || (inputs.b) }}`,
        '    runs-on: ubuntu-latest',
        '    steps: [{ run: echo legs }]',
        '  summary:',
        `    if: \${{ vars.${STOP_VARIABLE} == '' && (!cancelled() && needs.plan.result == 'success') }}`,
        '    runs-on: ubuntu-latest',
        '    steps: [{ run: echo summary }]',
      ].join('\n'),
      'bad.yml',
    );
    const problems = emergencyStopProblems(bad, 'bad.yml');
    expect(problems).toEqual([
      'bad.yml: job stopped must have permissions: {}',
      expect.stringMatching(/^bad\.yml: job plan is not gated by the emergency stop/),
      expect.stringMatching(/^bad\.yml: job legs is not gated by the emergency stop/),
    ]);
    // And GitHub's evaluator agrees that the `||` one would run while stopped.
    const legs = jobsOf(bad).find(([id]) => id === 'legs')?.[1];
    expect(
      jobRuns(
        legs?.if,
        { vars: { [STOP_VARIABLE]: 'x' }, inputs: { b: true }, needs: {}, github: {} },
        {
          success: true,
          failure: false,
          cancelled: false,
          always: true,
        },
      ),
    ).toBe(true);
    const without = { ...bad, jobs: Object.fromEntries(jobsOf(bad).filter(([id]) => id !== STOP_JOB)) };
    expect(emergencyStopProblems(without, 'bad.yml')[0]).toBe(
      "bad.yml: no job 'stopped' saying that remediation is stopped",
    );
  });
});
