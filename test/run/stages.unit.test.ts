// The stage state machine in process: check -> steps -> verify, rollback on failure, decided from
// step records alone. A fake runStep returns scripted records, so every path runs in
// milliseconds; the real RunRecorder shows each fact reaches the record as soon as it is known.
// test/run/stages.test.ts drives the same paths end to end through the CLI and real processes.
import { afterEach, describe, expect, it } from 'vitest';
import type { StageName, StepSpec } from '../../src/core/definition.ts';
import type { RunRecorder } from '../../src/record/recorder.ts';
import type { StepRecord } from '../../src/record/snapshot.ts';
import type { RunPlan } from '../../src/run/plan.ts';
import { runStages, type StageResult, type StopReason } from '../../src/run/stages.ts';
import { openRecorder, planFor, TempDirs } from '../helpers/run-plan.ts';

const temp = new TempDirs();
const recorders: RunRecorder[] = [];
afterEach(async () => {
  for (const recorder of recorders.splice(0)) await recorder.finish();
  temp.removeAll();
});

/** How a scripted step ends; anything not scripted succeeds with exit 0. */
type Scripted = Partial<Pick<StepRecord, 'outcome' | 'exitCode' | 'signal' | 'error'>>;

interface Scenario {
  /** By `stage/id`. */
  readonly script?: Readonly<Record<string, Scripted>>;
  /** Cancel the run while this step (`stage/id`) runs: stopped() answers from then on. */
  readonly stopDuring?: string;
  readonly stopReason?: StopReason;
  /** The engine faults around this step (`stage/id`): faulted() answers true from then on. */
  readonly faultDuring?: string;
}

interface Outcome {
  readonly result: StageResult;
  /** The steps runStep was asked for, as `stage/id`, in order. */
  readonly ran: readonly string[];
  readonly recorder: RunRecorder;
}

/** Runs the stages of `plan` with a fake runStep following `scenario`. */
async function drive(plan: RunPlan, scenario: Scenario = {}): Promise<Outcome> {
  const recorder = await openRecorder(plan, temp.make('stages-unit-'));
  recorders.push(recorder);
  const ran: string[] = [];
  let stop: StopReason | undefined;
  let fault = false;
  const runStep = async (stage: StageName, step: StepSpec): Promise<Readonly<StepRecord>> => {
    const key = `${stage}/${step.id}`;
    ran.push(key);
    if (key === scenario.stopDuring) stop = scenario.stopReason ?? 'cancelled';
    if (key === scenario.faultDuring) fault = true;
    const scripted = scenario.script?.[key] ?? {};
    const outcome = scripted.outcome ?? (stop ? 'cancelled' : 'succeeded');
    return {
      stage,
      id: step.id,
      started: '',
      ended: '',
      durationMs: 0,
      attempts: 1,
      exitCode: scripted.exitCode ?? (outcome === 'succeeded' ? 0 : outcome === 'drift' ? 1 : null),
      signal: scripted.signal ?? null,
      outcome,
      continueOnError: step['continue-on-error'] ?? false,
      outputs: {},
      log: { start: 0, end: 0 },
      ...(scripted.error !== undefined ? { error: scripted.error } : {}),
    };
  };
  const result = await runStages(
    plan,
    recorder,
    runStep,
    () => stop,
    () => fault,
  );
  return { result, ran, recorder };
}

const CHECKED = [
  'check:',
  '  - { id: probe, run: "exit 0" }',
  'steps:',
  '  - { id: fix, run: "true" }',
  'verify:',
  '  - { id: confirm, run: "true" }',
  'rollback:',
  '  - { id: undo, run: "true" }',
  '',
].join('\n');

const THREE_STEPS = [
  'steps:',
  '  - { id: one, run: "true" }',
  '  - { id: two, run: "true" }',
  '  - { id: three, run: "true" }',
  'verify:',
  '  - { id: confirm, run: "true" }',
  'rollback:',
  '  - { id: undo, run: "true" }',
  '  - { id: undo-more, run: "true" }',
  '',
].join('\n');

describe('the check stage', () => {
  it('ends healthy without running a step when the check passes', async () => {
    const { result, ran, recorder } = await drive(planFor(CHECKED));
    expect(result).toEqual({ status: 'healthy', check: 'healthy' });
    expect(ran).toEqual(['check/probe']);
    // Told to the recorder as soon as known: a run killed later still records what the check found.
    expect(recorder.snapshot.check).toBe('healthy');
  });

  it('runs the steps then verify when the check finds drift (exit 1)', async () => {
    const { result, ran } = await drive(planFor(CHECKED), { script: { 'check/probe': { outcome: 'drift' } } });
    expect(result).toEqual({ status: 'succeeded', check: 'drift', rollback: 'not-needed' });
    expect(ran).toEqual(['check/probe', 'steps/fix', 'verify/confirm']);
  });

  it('stops checking at the first check step that finds drift', async () => {
    const plan = planFor(
      'check:\n  - { id: a, run: "exit 1" }\n  - { id: b, run: "exit 0" }\nsteps:\n  - { id: fix, run: "true" }\n',
    );
    const { result, ran } = await drive(plan, { script: { 'check/a': { outcome: 'drift' } } });
    expect(result.check).toBe('drift');
    expect(ran).toEqual(['check/a', 'steps/fix']);
  });

  it('changes nothing when the check itself errors (exit >= 2): no step, no rollback', async () => {
    const { result, ran, recorder } = await drive(planFor(CHECKED), {
      script: { 'check/probe': { outcome: 'failed', exitCode: 2 } },
    });
    expect(result.status).toBe('failed');
    expect(result.check).toBe('error');
    expect(result.error?.code).toBe('CHECK_FAILED');
    expect(result.rollback).toBeUndefined();
    expect(ran).toEqual(['check/probe']);
    expect(recorder.snapshot.error?.code).toBe('CHECK_FAILED');
  });

  it('ends timed-out, still without a rollback, when the check times out', async () => {
    const { result, ran } = await drive(planFor(CHECKED), { script: { 'check/probe': { outcome: 'timed-out' } } });
    expect(result).toMatchObject({ status: 'timed-out', check: 'error', error: { code: 'CHECK_FAILED' } });
    expect(ran).toEqual(['check/probe']);
  });

  it('remediates anyway with --force when the check passes', async () => {
    const { result, ran } = await drive(planFor(CHECKED, { force: true }));
    expect(result).toEqual({ status: 'succeeded', check: 'forced', rollback: 'not-needed' });
    expect(ran).toEqual(['check/probe', 'steps/fix', 'verify/confirm']);
  });

  it('records check none and runs the steps when the definition has no check', async () => {
    const { result, ran } = await drive(planFor(THREE_STEPS));
    expect(result).toEqual({ status: 'succeeded', check: 'none', rollback: 'not-needed' });
    expect(ran).toEqual(['steps/one', 'steps/two', 'steps/three', 'verify/confirm']);
  });
});

describe('a check-only run', () => {
  it('ends unhealthy after the check finds drift, without a step, verify or rollback', async () => {
    const { result, ran, recorder } = await drive(planFor(CHECKED, { checkOnly: true }), {
      script: { 'check/probe': { outcome: 'drift' } },
    });
    expect(result).toEqual({ status: 'unhealthy', check: 'drift' });
    expect(ran).toEqual(['check/probe']);
    expect(recorder.snapshot.check).toBe('drift');
  });

  it('ends healthy when the check passes, as a run does', async () => {
    const { result, ran } = await drive(planFor(CHECKED, { checkOnly: true }));
    expect(result).toEqual({ status: 'healthy', check: 'healthy' });
    expect(ran).toEqual(['check/probe']);
  });

  it('ends unhealthy without running anything when the version has no check (its fix would always run)', async () => {
    const { result, ran } = await drive(planFor(THREE_STEPS, { checkOnly: true }));
    expect(result).toEqual({ status: 'unhealthy', check: 'none' });
    expect(ran).toEqual([]);
  });

  it('fails as a run does when the check itself errors, still without a fix', async () => {
    const { result, ran } = await drive(planFor(CHECKED, { checkOnly: true }), {
      script: { 'check/probe': { outcome: 'failed', exitCode: 2 } },
    });
    expect(result).toMatchObject({ status: 'failed', check: 'error', error: { code: 'CHECK_FAILED' } });
    expect(ran).toEqual(['check/probe']);
  });
});

describe('a failing step or verify', () => {
  it('skips the rest, runs the rollback and fails with STEP_FAILED naming the step', async () => {
    const { result, ran, recorder } = await drive(planFor(THREE_STEPS), {
      script: { 'steps/two': { outcome: 'failed', exitCode: 7 } },
    });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('STEP_FAILED');
    expect(result.error?.message).toContain("'two'");
    expect(result.rollback).toBe('succeeded');
    expect(ran).toEqual(['steps/one', 'steps/two', 'rollback/undo', 'rollback/undo-more']);
    expect(recorder.snapshot).toMatchObject({ rollback: 'succeeded', error: { code: 'STEP_FAILED' } });
  });

  it('fails with VERIFY_FAILED and rolls back when verify fails', async () => {
    const { result, ran } = await drive(planFor(THREE_STEPS), {
      script: { 'verify/confirm': { outcome: 'failed', exitCode: 1 } },
    });
    expect(result).toMatchObject({ status: 'failed', rollback: 'succeeded', error: { code: 'VERIFY_FAILED' } });
    expect(ran.slice(-3)).toEqual(['verify/confirm', 'rollback/undo', 'rollback/undo-more']);
  });

  it('runs every rollback step even when one fails, and says the rollback failed', async () => {
    const { result, ran } = await drive(planFor(THREE_STEPS), {
      script: { 'steps/one': { outcome: 'failed', exitCode: 1 }, 'rollback/undo': { outcome: 'failed', exitCode: 1 } },
    });
    expect(result).toMatchObject({ status: 'failed', rollback: 'failed', error: { code: 'STEP_FAILED' } });
    expect(ran).toEqual(['steps/one', 'rollback/undo', 'rollback/undo-more']);
  });

  it('says rollback none when the definition has no rollback', async () => {
    const plan = planFor('steps:\n  - { id: only, run: "false" }\n');
    const { result } = await drive(plan, { script: { 'steps/only': { outcome: 'failed', exitCode: 1 } } });
    expect(result).toMatchObject({ status: 'failed', rollback: 'none', error: { code: 'STEP_FAILED' } });
  });

  it('ends timed-out after the rollback when a step timed out', async () => {
    const { result, ran } = await drive(planFor(THREE_STEPS), { script: { 'steps/one': { outcome: 'timed-out' } } });
    expect(result).toMatchObject({ status: 'timed-out', rollback: 'succeeded', error: { code: 'STEP_FAILED' } });
    expect(ran).toEqual(['steps/one', 'rollback/undo', 'rollback/undo-more']);
  });

  it('names a step that could not start as such in the error', async () => {
    const { result } = await drive(planFor(THREE_STEPS), {
      script: { 'steps/one': { outcome: 'failed', exitCode: null, error: 'spawn bash E2BIG' } },
    });
    expect(result.error?.code).toBe('STEP_FAILED');
    expect(result.error?.message).toContain('could not start: spawn bash E2BIG');
  });

  it('goes on past a failed continue-on-error step, and the run succeeds', async () => {
    const plan = planFor(
      'steps:\n  - { id: flaky, run: "exit 3", continue-on-error: true }\n  - { id: next, run: "true" }\nrollback:\n  - { id: undo, run: "true" }\n',
    );
    const { result, ran } = await drive(plan, { script: { 'steps/flaky': { outcome: 'failed', exitCode: 3 } } });
    expect(result).toEqual({ status: 'succeeded', check: 'none', rollback: 'not-needed' });
    expect(ran).toEqual(['steps/flaky', 'steps/next']);
  });

  it('does not let continue-on-error excuse a step that was not marked with it', async () => {
    const plan = planFor(
      'steps:\n  - { id: flaky, run: "exit 3", continue-on-error: true }\n  - { id: strict, run: "exit 3" }\n  - { id: never, run: "true" }\n',
    );
    const { result, ran } = await drive(plan, { script: { 'steps/strict': { outcome: 'failed', exitCode: 3 } } });
    expect(result.status).toBe('failed');
    expect(ran).toEqual(['steps/flaky', 'steps/strict']);
  });

  it('treats an engine fault around a step like a failed step: the rollback runs', async () => {
    const { result, ran } = await drive(planFor(THREE_STEPS), { faultDuring: 'steps/two' });
    expect(result.status).toBe('failed');
    expect(result.rollback).toBe('succeeded');
    expect(ran).toEqual(['steps/one', 'steps/two', 'rollback/undo', 'rollback/undo-more']);
  });
});

describe('a stopped run', () => {
  it('skips the remaining steps and runs no rollback when cancelled mid-step', async () => {
    const { result, ran, recorder } = await drive(planFor(THREE_STEPS), { stopDuring: 'steps/two' });
    expect(result).toEqual({ status: 'cancelled', check: 'none', rollback: 'none' });
    expect(ran).toEqual(['steps/one', 'steps/two']);
    expect(recorder.snapshot.rollback).toBe('none');
  });

  it('starts no further step when the cancel arrives just as a step succeeds', async () => {
    const { result, ran } = await drive(planFor(THREE_STEPS), {
      stopDuring: 'steps/two',
      script: { 'steps/two': { outcome: 'succeeded' } },
    });
    expect(result).toEqual({ status: 'cancelled', check: 'none', rollback: 'none' });
    expect(ran).toEqual(['steps/one', 'steps/two']);
  });

  it('ends timed-out the same way when the run timeout stops it', async () => {
    const { result, ran } = await drive(planFor(THREE_STEPS), {
      stopDuring: 'verify/confirm',
      stopReason: 'timed-out',
    });
    expect(result).toEqual({ status: 'timed-out', check: 'none', rollback: 'none' });
    expect(ran).toEqual(['steps/one', 'steps/two', 'steps/three', 'verify/confirm']);
  });

  it('runs no step when cancelled during the check', async () => {
    const { result, ran } = await drive(planFor(CHECKED), {
      stopDuring: 'check/probe',
      script: { 'check/probe': { outcome: 'drift' } },
    });
    expect(result.status).toBe('cancelled');
    expect(ran).toEqual(['check/probe']);
  });

  it('stops the rollback too when cancelled during it', async () => {
    const { result, ran } = await drive(planFor(THREE_STEPS), {
      script: { 'steps/one': { outcome: 'failed', exitCode: 1 } },
      stopDuring: 'rollback/undo',
    });
    expect(result.status).toBe('cancelled');
    expect(ran).toEqual(['steps/one', 'rollback/undo']);
  });
});
