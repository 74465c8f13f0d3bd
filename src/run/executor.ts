import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDuration, type StageName, type StepSpec } from '../core/definition.ts';
import type { ProcessRunner, ProcessResult } from '../adapters/process-runner.ts';
import { DefinitionCopies, type DefinitionCopy } from './definition-copies.ts';
import { checkOutputsFit, exposeOutputs, nullObject, outputOf, readOutputFile } from './output-file.ts';
import { describeRecordFailure, type RunRecorder } from '../record/recorder.ts';
import { runStages, type StageResult, type StopReason } from './stages.ts';
import type { RunPlan } from './plan.ts';
import type { StepOutcome, StepRecord } from '../record/snapshot.ts';
import { buildStepEnvironment } from './step-environment.ts';
import { removeTree } from './workspace.ts';
import { describeError } from '../errors.ts';

/** Time limit of one step attempt when the step sets none. */
export const DEFAULT_STEP_TIMEOUT = '15m';
/** Time limit of a whole run when the definition sets none. */
export const DEFAULT_RUN_TIMEOUT = '1h';

/** The outside world the executor uses, passed in. */
export interface ExecutorDeps {
  readonly runner: ProcessRunner;
  readonly callerEnv: NodeJS.ProcessEnv;
  /** Parent folder for the run's scratch space (workspace, definition copies, output files). */
  readonly scratchRoot: string;
  readonly clock: () => Date;
  /** First retry delay; doubles per attempt, capped at 30 s. */
  readonly retryBackoffMs: number;
  /** Between SIGTERM and SIGKILL when a step is stopped. */
  readonly killGraceMs: number;
  /** Aborted when the run is cancelled (SIGINT/SIGTERM/SIGHUP to the CLI, or the runner cancelling the job). */
  readonly cancel: AbortSignal;
}

/** What executing a plan produced, as values the caller closes the record with. */
export interface ExecutionResult extends StageResult {
  /** The run's declared outputs, from the steps that set them. */
  readonly outputs: Readonly<Record<string, string>>;
  /** The engine failed around a step (after the rollback ran): the run is recorded as crashed. */
  readonly fault?: unknown;
}

/**
 * Runs a verified plan: check -> steps -> verify, rollback when steps or verify fail. Tells the
 * recorder about every step as it goes and returns what happened; the caller closes the record
 * with it. Never throws for a step's failure; an engine fault around a step is returned as
 * `fault` once the rollback has run, and anything thrown before a step ran is the caller's to
 * record as `crashed`.
 */
export async function executePlan(plan: RunPlan, recorder: RunRecorder, deps: ExecutorDeps): Promise<ExecutionResult> {
  const runTimeoutMs = parseDuration(plan.definition.timeout ?? DEFAULT_RUN_TIMEOUT);
  // Scratch-space operations are small and local: synchronous calls skip a thread-pool round
  // trip each (a trivial run made about fifteen of them). Made before the run timer starts, so a
  // full or read-only temp folder fails the run without leaving a timer (or a folder) behind.
  const scratch = mkdtempSync(join(deps.scratchRoot, 'remediate-run-'));
  const workspace = join(scratch, 'workspace');
  let copies: DefinitionCopies | undefined;
  /**
   * The rollback must be able to start on a full disk, the very fault it may have to undo: a
   * copy and an output file are made for it before any step runs, and used when fresh ones
   * cannot be made. The copy is checked before use like any other.
   */
  let reserve: { readonly copy: DefinitionCopy; readonly outputFile: string } | undefined;
  try {
    mkdirSync(workspace, { mode: 0o700 });
    mkdirSync(join(scratch, 'outputs'), { mode: 0o700 });
    copies = DefinitionCopies.create(scratch, plan.files);
    // A check-only run never rolls back: it needs no reserve.
    if (plan.definition.rollback.length > 0 && plan.checkOnly !== true) {
      const outputFile = join(scratch, 'outputs', 'rollback-reserve.out');
      writeFileSync(outputFile, '', { mode: 0o600 });
      reserve = { copy: copies.make(), outputFile };
    }
  } catch (error) {
    closeQuietly(copies, recorder);
    removeQuietly(scratch, recorder);
    throw error;
  }
  const store = copies;
  const runTimeout = new AbortController();
  const timer = setTimeout(() => runTimeout.abort(), runTimeoutMs);
  const stop = AbortSignal.any([deps.cancel, runTimeout.signal]);
  const stopReason = (): StopReason => (runTimeout.signal.aborted && !deps.cancel.aborted ? 'timed-out' : 'cancelled');
  const outputs = nullObject();
  const outputOrigins = new Map<string, string>();
  const byStep = new Map<string, Readonly<Record<string, string>>>();
  let sequence = 0;
  /** The first fault of the engine around a step; thrown once the rollback has run. */
  let engineFault: { readonly error: unknown } | undefined;

  const runStage = async (stage: StageName, step: StepSpec): Promise<Readonly<StepRecord>> => {
    const record = recorder.startStep({
      stage,
      id: step.id,
      ...(step.name !== undefined ? { name: step.name } : {}),
      continueOnError: step['continue-on-error'] ?? false,
      started: deps.clock().toISOString(),
    });
    /** Why the step failed around its process, when it did (recorded redacted). */
    let error: string | undefined;
    const startedAt = deps.clock().getTime();
    const maxAttempts = 1 + (step.retries ?? 0);
    let result: ProcessResult | undefined;
    let outcome: StepOutcome | undefined;
    /** Whether the record failing stopped this step (or kept it from starting). */
    let stoppedForRecord = false;
    let stepOutputs = nullObject();
    // A record that can no longer be written (a full disk) stops every step but the rollback's:
    // nothing may go on changing the system unrecorded, and undoing what was done matters more
    // than recording the undoing.
    const stepStop = stage === 'rollback' ? stop : AbortSignal.any([stop, recorder.failed]);
    try {
      for (let attempt = 1; attempt <= maxAttempts && !stepStop.aborted; attempt++) {
        recorder.stepAttempt(record, attempt);
        const { copy, outputFile, reserved } = prepare(stage, ++sequence);
        try {
          const definitionDir = copy.dir;
          const cwd = join(workspace, step['working-directory'] ?? '');
          mkdirSync(cwd, { recursive: true });
          const env = buildStepEnvironment(
            deps.callerEnv,
            plan.definition,
            step,
            plan.params,
            plan.targetFacts ?? {},
            plan.secrets,
            outputs,
            { definitionDir, workspace, outputFile },
            { name: plan.name, version: plan.version, runId: plan.runId, stage },
          );
          recorder.marker(`==> ${stage}/${step.id} attempt ${attempt}/${maxAttempts}`);
          if (step.name) recorder.line(`    ${step.name}`);
          // The marker may have been the write that failed: then the step does not start at all.
          if (stepStop.aborted) {
            stoppedForRecord = !stop.aborted;
            break;
          }
          const timeoutMs = parseDuration(step.timeout ?? DEFAULT_STEP_TIMEOUT);
          // Checked right before the spawn, against the verified bytes and the copy as it was made:
          // a copy something rewrote (a daemon an earlier step left) never runs.
          const changedBefore = copy.problem(true);
          result =
            changedBefore !== undefined
              ? notStarted(`its copy of the definition changed before it started: ${changedBefore}`)
              : await deps.runner.run({
                  command: step.shell === 'sh' ? 'sh' : 'bash',
                  args: shellArgs(step),
                  cwd,
                  env,
                  timeoutMs,
                  killGraceMs: deps.killGraceMs,
                  signal: stepStop,
                  onStdout: (chunk) => recorder.stdout(chunk),
                  onStderr: (chunk) => recorder.stderr(chunk),
                });
          recorder.endStreams();
          // A change while the step ran, even one undone since, cannot be prevented for a
          // same-user process that read the step's environment; it is reported (README).
          const changedWhile = changedBefore === undefined ? copy.problem(false) : undefined;
          if (changedWhile !== undefined) {
            recorder.line(
              `!! ${stage}/${step.id}: its copy of the definition changed while it ran (${changedWhile}): what it ran may not be the verified bytes`,
            );
          }
          stoppedForRecord = stepStop.aborted && !stop.aborted;
          outcome = stoppedForRecord ? 'failed' : outcomeOf(stage, result);
          if (result.spawnError) recorder.line(`!! ${stage}/${step.id} could not start: ${result.spawnError}`);
          recorder.marker(`<== ${stage}/${step.id} ${describeResult(result, timeoutMs)} (${outcome})`);
          // Outputs of a failed attempt are kept too: rollback may need what the step managed to note.
          const parsed = readOutputFile(outputFile);
          const kept = parsed.ok ? withoutSecretNames(parsed.outputs, recorder, `${stage}/${step.id}`) : nullObject();
          // Outputs too big for an environment would stop every later step, the rollback included.
          const problem = parsed.ok ? checkOutputsFit(step.id, kept, outputs) : parsed.problem;
          if (problem === undefined) stepOutputs = kept;
          else recorder.line(`!! ${stage}/${step.id}: outputs ignored: ${problem}`);
          if (outcome === 'succeeded' || outcome === 'drift') break;
          if (attempt < maxAttempts && !stepStop.aborted) {
            const delay = Math.min(deps.retryBackoffMs * 2 ** (attempt - 1), 30_000);
            recorder.line(`.. retrying ${stage}/${step.id} in ${delay} ms`);
            recorder.flush();
            await sleep(delay, stepStop);
          }
        } finally {
          if (!reserved) removeQuietly(copy.dir, recorder);
        }
      }
    } catch (fault) {
      // The engine failed around the step (say, its working directory could not be made, or its
      // copy could not be written to a full disk): the step is recorded as failed with the
      // reason, the rollback still runs, and the run is recorded as crashed by the caller.
      error = describeError(fault);
      engineFault ??= { error: fault };
    } finally {
      const final = result ?? { exitCode: null, signal: null, timedOut: false, aborted: stop.aborted };
      if (final.spawnError) error = final.spawnError;
      if (stoppedForRecord && recorder.failure && error === undefined) {
        error = `stopped: ${describeRecordFailure(recorder.failure)}`;
      }
      if (error !== undefined) recorder.stepError(record, error);
      byStep.set(step.id, stepOutputs);
      for (const note of exposeOutputs(outputs, outputOrigins, step.id, stepOutputs))
        recorder.line(`!! ${stage}/${step.id}: ${note}`);
      recorder.endStep(record, {
        ended: deps.clock().toISOString(),
        durationMs: Math.max(0, deps.clock().getTime() - startedAt),
        exitCode: final.exitCode,
        signal: final.signal,
        outcome: outcome ?? (result || stop.aborted ? outcomeOf(stage, final) : 'failed'),
        outputs: stepOutputs,
      });
    }
    return record;
  };

  /**
   * A fresh copy (under a new unpredictable name, made after the previous step's process group
   * is gone) and a fresh output file for one attempt; for a rollback step that cannot have them
   * (a full disk), the reserved ones.
   */
  const prepare = (
    stage: StageName,
    n: number,
  ): { readonly copy: DefinitionCopy; readonly outputFile: string; readonly reserved: boolean } => {
    const outputFile = join(scratch, 'outputs', `${n}.out`);
    try {
      writeFileSync(outputFile, '', { mode: 0o600 });
      return { copy: store.make(), outputFile, reserved: false };
    } catch (error) {
      if (stage !== 'rollback' || reserve === undefined) throw error;
      recorder.line(
        `!! rollback: no fresh copy could be made (${describeError(error)}); using the one reserved at the start`,
      );
      // Emptying the reserved output file needs no space.
      writeFileSync(reserve.outputFile, '');
      return { ...reserve, reserved: true };
    }
  };

  let stages: StageResult;
  try {
    stages = await runStages(
      plan,
      recorder,
      runStage,
      () => (stop.aborted ? stopReason() : undefined),
      () => engineFault !== undefined,
    );
  } finally {
    clearTimeout(timer);
    closeQuietly(store, recorder);
    removeQuietly(scratch, recorder);
  }
  const runOutputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(plan.definition.outputs)) {
    const value = outputOf(byStep.get(spec.step), spec.key);
    if (value !== undefined) runOutputs[name] = value;
  }
  return { ...stages, outputs: runOutputs, ...(engineFault !== undefined ? { fault: engineFault.error } : {}) };
}

/**
 * Removes a scratch folder; a failure (a mount or an immutable file a step left, root-owned files
 * on a non-root runner) is written to the log instead of replacing the run's result or error, and
 * the other folders are still removed.
 */
function removeQuietly(dir: string, recorder: RunRecorder): void {
  try {
    removeTree(dir);
  } catch (error) {
    recorder.line(`!! could not remove scratch folder ${dir}: ${(error as Error).message}`);
  }
}

/** Lets go of the copies' folder (making it removable); a failure goes to the log like removeQuietly's. */
function closeQuietly(copies: DefinitionCopies | undefined, recorder: RunRecorder): void {
  try {
    copies?.close();
  } catch (error) {
    recorder.line(`!! could not release the copies' folder: ${(error as Error).message}`);
  }
}

/** The result of a step that was not started. */
function notStarted(reason: string): ProcessResult {
  return { exitCode: null, signal: null, timedOut: false, aborted: false, spawnError: reason };
}

// An output *name* that contains a secret would leak it into env names and the record's keys;
// values are redacted, names are dropped (with a note in the log).
function withoutSecretNames(
  outputs: Readonly<Record<string, string>>,
  recorder: RunRecorder,
  where: string,
): Record<string, string> {
  const kept = nullObject();
  for (const [key, value] of Object.entries(outputs)) {
    if (recorder.redact(key) === key) kept[key] = value;
    else recorder.line(`!! ${where}: output '${recorder.redact(key)}' dropped: its name contains a secret`);
  }
  return kept;
}

function shellArgs(step: StepSpec): string[] {
  // The script text comes from the verified definition; parameters are only ever in the env.
  return step.shell === 'sh'
    ? ['-e', '-u', '-c', step.run, `remediation:${step.id}`]
    : ['--noprofile', '--norc', '-e', '-u', '-o', 'pipefail', '-c', step.run, `remediation:${step.id}`];
}

function outcomeOf(stage: StageName, result: ProcessResult): StepOutcome {
  if (result.aborted) return 'cancelled';
  if (result.timedOut) return 'timed-out';
  if (result.exitCode === 0) return 'succeeded';
  if (stage === 'check' && result.exitCode === 1) return 'drift';
  return 'failed';
}

function describeResult(result: ProcessResult, timeoutMs: number): string {
  if (result.spawnError) return 'could not start';
  if (result.timedOut) return `timed out after ${timeoutMs} ms; process group killed`;
  if (result.aborted) return 'stopped; process group killed';
  return result.signal ? `killed by ${result.signal}` : `exit ${result.exitCode}`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
