// Attack (approval mode, found by review): the remediation job's Action binds the run to the plan
// only when it is given a plan digest, and `plan-digest: ${{ needs.plan.outputs.plan-digest }}`
// is empty whenever the plan job's output does not arrive. GitHub drops a job output that
// contains a masked value (a digest whose hex happens to contain a short secret's text), and a
// plan job that ends `success` without the output (or is `skipped`, which the job's `if` lets
// through) does the same. The Action then reads an empty input as "no approval mode" and runs
// whatever verifies once the reviewer approves the environment: the approval is bound to nothing.
// With `approval: true` the remediation job must refuse to start without a plan digest, in
// remediate.yml and in on-alert.yml alike; and the job's `if:`, evaluated by GitHub's own
// evaluator, never lets it start after a plan (or, on-alert, a payload check) that failed.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobRuns } from './job-condition.ts';
import { findStep, runStep } from './step-runner.ts';
import { jobsOf, parseYamlMap, stepsOf, TOOL_ACTION, workflowCallOf, type YamlMap } from './workflow-rules.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const WORKFLOWS = ['remediate.yml', 'on-alert.yml'] as const;
const load = (name: string) => parseYamlMap(readFileSync(join(ROOT, '.github/workflows', name), 'utf8'), name);
const job = (wf: YamlMap, id: string) => jobsOf(wf).find(([jobId]) => jobId === id)?.[1] as YamlMap;

/** The remediation job's steps that run (with `approval: true`) before its Action step. */
function guardsBeforeTheRun(wf: YamlMap): YamlMap[] {
  const steps = stepsOf(job(wf, 'remediate'));
  const run = steps.findIndex((s) => s.uses === TOOL_ACTION);
  return steps
    .slice(0, run)
    .filter((s) => typeof s.run === 'string' && JSON.stringify(s.env ?? {}).includes('needs.plan.outputs.plan-digest'));
}

describe.each(WORKFLOWS)('%s with approval: true never runs without the approved plan digest', (name) => {
  const wf = load(name);

  it('declares the approval input, off by default, and outputs the plan digest', () => {
    const call = workflowCallOf(wf) as YamlMap;
    expect((call.inputs as Record<string, YamlMap>).approval).toMatchObject({ type: 'boolean', default: false });
    expect((call.outputs as Record<string, YamlMap>)['plan-digest']?.value).toBe(
      '${{ jobs.plan.outputs.plan-digest }}',
    );
  });

  it('plans with a dry run outside the environment, and hands the digest to the Action that runs', () => {
    const plan = job(wf, 'plan');
    expect(plan.environment).toBeUndefined();
    const planStep = stepsOf(plan).find((s) => s.uses === TOOL_ACTION) as YamlMap;
    expect((planStep.with as YamlMap)['dry-run']).toBe(true);
    const runStepOf = stepsOf(job(wf, 'remediate')).find((s) => s.uses === TOOL_ACTION) as YamlMap;
    expect((runStepOf.with as YamlMap)['plan-digest']).toBe('${{ needs.plan.outputs.plan-digest }}');
    // The run must also show a reviewer approved the environment (NOT_APPROVED otherwise).
    expect((runStepOf.with as YamlMap)['approved-in']).toBe("${{ inputs.approval && inputs.environment || '' }}");
    expect(job(wf, 'remediate').environment).toBe('${{ inputs.environment }}');
    // The plan and the run verify the same request: every input the plan gives is given the same.
    const runWith = runStepOf.with as YamlMap;
    for (const [key, value] of Object.entries(planStep.with as YamlMap)) {
      if (key === 'dry-run') continue;
      expect(runWith[key], `${name}: ${key}`).toBe(value);
    }
  });

  it('has a step before the Action that checks the plan digest arrived, only in the approval mode', () => {
    const guards = guardsBeforeTheRun(wf);
    expect(guards.length).toBe(1);
    expect(guards[0]?.if).toBe('${{ inputs.approval }}');
  });

  it('refuses (exit 2) when the plan job left no plan digest, or something that is not one', () => {
    const [guard] = guardsBeforeTheRun(wf);
    expect(guard).toBeDefined();
    const step = findStep(wf, 'remediate', String(guard!.name));
    for (const value of ['', ' ', 'sha256:', 'sha256:***', `${DIGEST}\nx`]) {
      const result = runStep(step, { env: { PLAN_DIGEST: value } });
      expect(result.status, JSON.stringify(value)).toBe(2);
      expect(result.stdout).toMatch(/::error title=approval::/);
    }
    expect(runStep(step, { env: { PLAN_DIGEST: DIGEST } }).status).toBe(0);
  });

  it('the plan refuses the approval mode without an environment (nothing would wait for a reviewer)', () => {
    const step = findStep(wf, 'plan', "Check the approval mode's inputs");
    const replay = name === 'remediate.yml' ? { REPLAY_RUN_ID: '' } : {};
    const refused = runStep(step, { env: { ENVIRONMENT: '', DRY_RUN: 'false', ...replay } });
    expect(refused.status).toBe(2);
    expect(refused.stdout).toMatch(/approval: true needs environment/);
    expect(runStep(step, { env: { ENVIRONMENT: 'production', DRY_RUN: 'false', ...replay } }).status).toBe(0);
    expect(runStep(step, { env: { ENVIRONMENT: 'production', DRY_RUN: 'true', ...replay } }).status).toBe(2);
  });

  it("the remediation job's if: (GitHub's evaluator) runs it only after a plan that succeeded or was not asked for", () => {
    const condition = job(wf, 'remediate').if;
    const results = ['success', 'failure', 'skipped', 'cancelled'] as const;
    const grids: Record<string, (typeof results)[number]>[] =
      name === 'on-alert.yml'
        ? results.flatMap((parse) => results.map((plan) => ({ parse, plan })))
        : results.flatMap((route) => results.map((plan) => ({ route, plan })));
    for (const grid of grids) {
      const needs = Object.fromEntries(Object.entries(grid).map(([id, result]) => [id, { result, outputs: {} }]));
      const allSucceeded = Object.values(grid).every((r) => r === 'success');
      const cancelled = Object.values(grid).includes('cancelled');
      const status = { success: allSucceeded, failure: !allSucceeded && !cancelled, cancelled, always: true };
      const runs = jobRuns(
        condition,
        { vars: { REMEDIATE_STOP: '' }, inputs: { 'targets-file': '' }, needs, github: {} },
        status,
      );
      // remediate.yml's route job is skipped when routing is off: skipped lets the run go on, as a
      // plan skipped without approval does; on-alert.yml's parse job always runs.
      const expected =
        (grid.parse === undefined || grid.parse === 'success') &&
        (grid.route === undefined || grid.route === 'success' || grid.route === 'skipped') &&
        (grid.plan === 'success' || grid.plan === 'skipped');
      expect(runs, `${name} ${JSON.stringify(grid)}`).toBe(expected);
    }
  });
});
