// Attack (approval mode, found by review): the remediation job's Action binds the run to the plan
// only when it is given a plan digest, and `plan-digest: ${{ needs.plan.outputs.plan-digest }}`
// is empty whenever the plan job's output does not arrive. GitHub drops a job output that
// contains a masked value ("Outputs containing secrets are redacted on the runner and not sent to
// GitHub Actions"; a digest dropped this way was reported by slsa-github-generator users), and a
// plan job that ends `success` without the output (or is `skipped`, which the job's `if` lets
// through) does the same. The Action then reads an empty input as "no approval mode" and runs
// whatever verifies once the reviewer approves the environment: the approval is bound to nothing.
// With `approval: true` the remediation job must refuse to start without a plan digest.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findStep, runStep } from './step-runner.ts';
import { jobsOf, parseYamlMap, stepsOf, TOOL_ACTION, type YamlMap } from './workflow-rules.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const wf = parseYamlMap(readFileSync(join(ROOT, '.github/workflows/remediate.yml'), 'utf8'), 'remediate.yml');
const remediate = jobsOf(wf).find(([id]) => id === 'remediate')?.[1] as YamlMap;
const DIGEST = `sha256:${'ab'.repeat(32)}`;

/** The remediation job's steps that run (with `approval: true`) before its Action step. */
function guardsBeforeTheRun(): YamlMap[] {
  const steps = stepsOf(remediate);
  const run = steps.findIndex((s) => s.uses === TOOL_ACTION);
  return steps
    .slice(0, run)
    .filter((s) => typeof s.run === 'string' && JSON.stringify(s.env ?? {}).includes('needs.plan.outputs.plan-digest'));
}

describe('remediate.yml with approval: true never runs without the approved plan digest', () => {
  it('has a step before the Action that checks the plan digest arrived, only in the approval mode', () => {
    const guards = guardsBeforeTheRun();
    expect(guards.length).toBe(1);
    expect(guards[0]?.if).toBe('${{ inputs.approval }}');
  });

  it('refuses (exit 2) when the plan job left no plan digest, or something that is not one', () => {
    const [guard] = guardsBeforeTheRun();
    expect(guard).toBeDefined();
    const step = findStep(wf, 'remediate', String(guard!.name));
    for (const value of ['', ' ', 'sha256:', 'sha256:***', `${DIGEST}\nx`]) {
      const result = runStep(step, { env: { PLAN_DIGEST: value } });
      expect(result.status, JSON.stringify(value)).toBe(2);
      expect(result.stdout).toMatch(/::error title=approval::/);
    }
    expect(runStep(step, { env: { PLAN_DIGEST: DIGEST } }).status).toBe(0);
  });
});
