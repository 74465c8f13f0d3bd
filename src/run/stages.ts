import type { StageName, StepSpec } from '../core/definition.ts';
import { describeRecordFailure, RECORD_WRITE_FAILED, type RunRecorder, type StageFacts } from '../record/recorder.ts';
import type { RunStatus, StepRecord } from '../record/snapshot.ts';
import type { RunPlan } from './plan.ts';

// The stage state machine: check -> steps -> verify, rollback when steps or verify fail. It
// decides from step records only; running a step (attempts, copies, processes, outputs) is the
// executor's, handed in as `runStep`, so the machine can be tested with a fake one.

export type StopReason = 'cancelled' | 'timed-out';

/** What the stages concluded: the final status and the facts behind it. */
export interface StageResult extends StageFacts {
  readonly status: RunStatus;
}

/** Runs the stages of a plan and returns what they concluded; tells the recorder each fact as it is known. */
export async function runStages(
  plan: RunPlan,
  recorder: RunRecorder,
  runStep: (stage: StageName, step: StepSpec) => Promise<Readonly<StepRecord>>,
  stopped: () => StopReason | undefined,
  faulted: () => boolean,
): Promise<StageResult> {
  const { definition } = plan;
  // What the stages conclude is returned as values, and told to the recorder as soon as it is
  // known, so that the record of a run killed later still says what the check found.
  let facts: StageFacts = {};
  const conclude = (more: StageFacts): void => {
    facts = { ...facts, ...more };
    recorder.concluded(more);
  };
  const done = (status: RunStatus): StageResult => ({ status, ...facts });

  // check: 0 = healthy, 1 = remediation needed, anything else = the check itself failed.
  if (definition.check.length === 0) {
    conclude({ check: 'none' });
  } else {
    let drift = false;
    for (const step of definition.check) {
      const record = await runStep('check', step);
      if (stopped()) return done(stopped() as StopReason);
      // The engine failed: the caller records the crash. A check changes nothing, so no rollback.
      if (faulted()) return done('failed');
      if (recorder.failure) {
        conclude({ check: 'error' });
        conclude({ error: recordFailureError(recorder, record, false) });
        return done('failed');
      }
      if (record.outcome === 'drift') {
        drift = true;
        break;
      }
      if (record.outcome !== 'succeeded') {
        conclude({ check: 'error' });
        conclude({
          error: { code: 'CHECK_FAILED', message: `check step '${step.id}' failed: ${describeRecord(record)}` },
        });
        recorder.line(`check failed; nothing was changed`);
        return done(record.outcome === 'timed-out' ? 'timed-out' : 'failed');
      }
    }
    if (!drift && !plan.force) {
      conclude({ check: 'healthy' });
      recorder.line('check: healthy; no remediation needed');
      return done('healthy');
    }
    conclude({ check: drift ? 'drift' : 'forced' });
    recorder.line(drift ? 'check: remediation needed' : 'check: healthy, but --force given; remediating anyway');
  }

  // Check only (a blast-radius count before any target is fixed): what the check found is the
  // result; no step, verify or rollback may run. Without check steps the fix would always run,
  // so such a version reports `unhealthy` too.
  if (plan.checkOnly === true) {
    recorder.line(
      definition.check.length === 0
        ? 'check only: the version has no check, so its fix would always run; nothing was changed'
        : 'check only: remediation needed; nothing was changed',
    );
    return done('unhealthy');
  }

  let failure: Readonly<StepRecord> | undefined;
  for (const stage of ['steps', 'verify'] as const) {
    for (const step of definition[stage]) {
      const record = await runStep(stage, step);
      if (stopped()) break;
      // An engine fault or a record that can no longer be written ends the run here, like a
      // failed step: what the steps so far changed is rolled back.
      if (faulted() || recorder.failure || (record.outcome !== 'succeeded' && !record.continueOnError)) {
        failure = record;
        break;
      }
    }
    if (failure || stopped()) break;
  }
  // On cancellation the runner gives us seconds, not minutes: record and stop, no rollback.
  const stop = stopped();
  if (stop) {
    conclude({ rollback: 'none' });
    recorder.line(`run ${stop}; remaining steps skipped`);
    return done(stop);
  }
  if (!failure) {
    conclude({ rollback: 'not-needed' });
    return done('succeeded');
  }
  conclude({
    error: recorder.failure
      ? recordFailureError(recorder, failure, definition.rollback.length > 0)
      : {
          code: failure.stage === 'verify' ? 'VERIFY_FAILED' : 'STEP_FAILED',
          message: `${failure.stage} step '${failure.id}' ${describeRecord(failure)}`,
        },
  });
  if (definition.rollback.length === 0) {
    conclude({ rollback: 'none' });
  } else {
    recorder.line('rolling back');
    let rolledBack = true;
    for (const step of definition.rollback) {
      const record = await runStep('rollback', step);
      if (stopped()) return done(stopped() as StopReason);
      if (record.outcome !== 'succeeded') rolledBack = false;
    }
    conclude({ rollback: rolledBack ? 'succeeded' : 'failed' });
  }
  return done(failure.outcome === 'timed-out' ? 'timed-out' : 'failed');
}

/** The snapshot's error for a run stopped because its record could not be written. */
function recordFailureError(
  recorder: RunRecorder,
  at: Readonly<StepRecord>,
  rollback: boolean,
): { code: string; message: string } {
  const failure = recorder.failure!;
  const lost =
    failure.file === 'run.log'
      ? `run.log ends at its last complete block: later output${rollback ? ", the rollback's included," : ''} is not recorded`
      : 'snapshot.json may lag behind the log';
  return {
    code: RECORD_WRITE_FAILED,
    message: recorder.redact(
      `${describeRecordFailure(failure)}; the run stopped at ${at.stage} step '${at.id}'${rollback ? ' and ran the rollback' : ''}; ${lost}`,
    ),
  };
}

function describeRecord(record: Readonly<StepRecord>): string {
  if (record.outcome === 'timed-out') return 'timed out';
  if (record.error) return `could not start: ${record.error}`;
  return record.signal ? `was killed by ${record.signal}` : `exited ${record.exitCode}`;
}
