// The executor in process: executePlan with a fake ProcessRunner that records each request and
// answers from a script, writing the step's outputs where a real step would ($REMEDIATION_OUTPUT).
// No step process is spawned, so the environment a step gets, retries, spawn failures and output
// mapping are checked in milliseconds; test/run/stages.test.ts runs the same through real shells.
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProcessRequest, ProcessResult, ProcessRunner } from '../../src/adapters/process-runner.ts';
import { LOG_FILE, SNAPSHOT_FILE } from '../../src/record/record-files.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';
import { executePlan, type ExecutionResult } from '../../src/run/executor.ts';
import type { RunPlan } from '../../src/run/plan.ts';
import { BASE_VARIABLES, RUNNER_VARIABLES } from '../../src/run/step-environment.ts';
import { FIXED_NOW, openRecorder, planFor, TempDirs } from '../helpers/run-plan.ts';

const temp = new TempDirs();
afterEach(() => temp.removeAll());

/** How one scripted attempt of a step ends. */
interface Reply {
  readonly exitCode?: number;
  readonly spawnError?: string;
  /** Written to the request's REMEDIATION_OUTPUT, as a step writing its outputs would. */
  readonly outputs?: string;
  readonly stdout?: string;
  /** Runs while the "process" runs (say, cancelling the run). */
  readonly during?: (request: ProcessRequest) => void;
}

/** One request the fake runner received, with what it saw when it got it. */
interface Received {
  /** `stage/id`, from the environment the executor built. */
  readonly step: string;
  readonly request: ProcessRequest;
  /** performance.now() when the request arrived. */
  readonly at: number;
  /** The files under $REMEDIATION_DIR (path -> content), read while the step "ran". */
  readonly definitionFiles: Readonly<Record<string, string>>;
  /** Whether the request's signal was aborted when the "process" ended. */
  readonly abortedAtEnd: boolean;
}

/**
 * A ProcessRunner that spawns nothing: it answers each attempt of `stage/id` with the next reply
 * scripted for it (the last one repeats; unscripted steps exit 0).
 */
class ScriptedRunner implements ProcessRunner {
  readonly received: Received[] = [];
  readonly #script: Readonly<Record<string, readonly Reply[]>>;
  readonly #attempts = new Map<string, number>();

  constructor(script: Readonly<Record<string, readonly Reply[]>>) {
    this.#script = script;
  }

  run(request: ProcessRequest): Promise<ProcessResult> {
    const step = `${request.env.REMEDIATION_STAGE}/${request.env.REMEDIATION_STEP}`;
    const attempt = this.#attempts.get(step) ?? 0;
    this.#attempts.set(step, attempt + 1);
    const replies = this.#script[step] ?? [];
    const reply: Reply = replies[Math.min(attempt, replies.length - 1)] ?? {};
    const at = performance.now();
    const definitionFiles = readTree(request.env.REMEDIATION_DIR!);
    if (reply.spawnError !== undefined) {
      this.received.push({ step, request, at, definitionFiles, abortedAtEnd: request.signal.aborted });
      return Promise.resolve({
        exitCode: null,
        signal: null,
        timedOut: false,
        aborted: false,
        spawnError: reply.spawnError,
      });
    }
    if (reply.outputs !== undefined) appendFileSync(request.env.REMEDIATION_OUTPUT!, reply.outputs);
    if (reply.stdout !== undefined) request.onStdout(Buffer.from(reply.stdout));
    reply.during?.(request);
    const aborted = request.signal.aborted;
    this.received.push({ step, request, at, definitionFiles, abortedAtEnd: aborted });
    return Promise.resolve({
      exitCode: aborted ? null : (reply.exitCode ?? 0),
      signal: aborted ? 'SIGTERM' : null,
      timedOut: false,
      aborted,
    });
  }

  /** The steps asked for, as `stage/id`, one per attempt. */
  get steps(): string[] {
    return this.received.map((r) => r.step);
  }

  /** The request of the first attempt of `stage/id`. */
  requestOf(step: string): ProcessRequest {
    const found = this.received.find((r) => r.step === step);
    if (!found) throw new Error(`${step} was never started; started: ${this.steps.join(', ')}`);
    return found.request;
  }
}

function readTree(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(files, readTree(path, `${prefix}${entry.name}/`));
    else files[`${prefix}${entry.name}`] = readFileSync(path, 'utf8');
  }
  return files;
}

interface Executed {
  readonly result: ExecutionResult;
  readonly runner: ScriptedRunner;
  readonly snapshot: RunSnapshot;
  readonly log: string;
  readonly scratchRoot: string;
}

/** Executes `plan` with the scripted runner, closes the record, and returns what happened. */
async function execute(
  plan: RunPlan,
  script: Readonly<Record<string, readonly Reply[]>> = {},
  options: { callerEnv?: NodeJS.ProcessEnv; cancel?: AbortController; retryBackoffMs?: number } = {},
): Promise<Executed> {
  const parent = temp.make('executor-unit-');
  const scratchRoot = join(parent, 'scratch');
  mkdirSync(scratchRoot);
  const recorder = await openRecorder(plan, parent, Object.values(plan.secrets));
  const runner = new ScriptedRunner(script);
  const result = await executePlan(plan, recorder, {
    runner,
    callerEnv: options.callerEnv ?? { PATH: '/usr/bin:/bin' },
    scratchRoot,
    clock: () => FIXED_NOW,
    retryBackoffMs: options.retryBackoffMs ?? 1,
    killGraceMs: 50,
    cancel: (options.cancel ?? new AbortController()).signal,
  });
  await recorder.finish(result);
  return {
    result,
    runner,
    // As written to disk: the recorder redacts on the way out, so its in-memory copy is not the record.
    snapshot: JSON.parse(readFileSync(join(recorder.dir, SNAPSHOT_FILE), 'utf8')) as RunSnapshot,
    log: readFileSync(join(recorder.dir, LOG_FILE), 'utf8'),
    scratchRoot,
  };
}

describe('the environment a step gets', () => {
  const plan = planFor(
    [
      'inputs:',
      '  who: { type: string }',
      'secrets: [API_TOKEN]',
      'env: { DEFINITION_LEVEL: d }',
      'steps:',
      '  - id: fix',
      '    timeout: 5s',
      '    env: { STEP_LEVEL: s }',
      '    run: bash "$REMEDIATION_DIR/fix.sh"',
      'verify:',
      '  - { id: confirm, run: "test \\"$STEP_FIX_CHANGED\\" = \\"3 files\\"" }',
      '',
    ].join('\n'),
    {
      files: { 'fix.sh': 'echo fixing\n' },
      params: { who: '$(touch /tmp/pwned-unit)' },
      secrets: { API_TOKEN: 'tok-declared-9f8e' },
    },
  );
  const callerEnv: NodeJS.ProcessEnv = {
    PATH: '/opt/tool/bin:/usr/bin:/bin',
    HOME: '/home/runner',
    RUNNER_TEMP: '/runner/temp',
    GITHUB_REPOSITORY: 'octo-org/repo',
    // The caller's credentials: none may reach a step.
    GITHUB_TOKEN: 'ghs_caller_token',
    AWS_SECRET_ACCESS_KEY: 'aws-caller-secret',
    'INPUT_GITHUB-TOKEN': 'ghs_input_token',
    REMEDIATION_SECRETS: JSON.stringify({ API_TOKEN: 'from-bundle', OTHER: 'other-team-secret' }),
    ACTIONS_RUNTIME_TOKEN: 'runtime-token',
    // The job's OIDC identity: with it a step could attest a forged record as the workflow.
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.example/idtoken?api-version=2.0',
  };

  it('holds the parameters, declared secrets, earlier outputs and allow-listed caller variables, nothing else', async () => {
    const { runner, result } = await execute(plan, { 'steps/fix': [{ outputs: 'changed=3 files\n' }] }, { callerEnv });
    expect(result.status).toBe('succeeded');
    const env = runner.requestOf('verify/confirm').env;
    expect(env).toMatchObject({
      PARAM_WHO: '$(touch /tmp/pwned-unit)',
      API_TOKEN: 'tok-declared-9f8e',
      STEP_FIX_CHANGED: '3 files',
      DEFINITION_LEVEL: 'd',
      PATH: '/opt/tool/bin:/usr/bin:/bin',
      HOME: '/home/runner',
      RUNNER_TEMP: '/runner/temp',
      GITHUB_REPOSITORY: 'octo-org/repo',
      REMEDIATION_NAME: 'svc',
      REMEDIATION_VERSION: 'v1.0.0',
      REMEDIATION_RUN_ID: 'unit-1',
      REMEDIATION_STAGE: 'verify',
      REMEDIATION_STEP: 'confirm',
    });
    // Every name is allow-listed, declared, or one the engine sets: no caller variable slips through.
    const allowed = new Set<string>([...BASE_VARIABLES, ...RUNNER_VARIABLES, 'API_TOKEN', 'DEFINITION_LEVEL']);
    const unexpected = Object.keys(env).filter(
      (name) => !allowed.has(name) && !/^(PARAM|STEP|REMEDIATION)_/.test(name),
    );
    expect(unexpected).toEqual([]);
    const values = Object.values(env).join('\n');
    for (const leaked of [
      'ghs_caller_token',
      'aws-caller-secret',
      'ghs_input_token',
      'runtime-token',
      'other-team-secret',
      'oidc-request-token',
      'https://pipelines.example/idtoken',
    ])
      expect(values).not.toContain(leaked);
    expect(env).not.toHaveProperty('REMEDIATION_SECRETS');
    // The step's own env applies to that step only.
    expect(runner.requestOf('steps/fix').env.STEP_LEVEL).toBe('s');
    expect(env).not.toHaveProperty('STEP_LEVEL');
  });

  it('passes outputs only to later steps, never to the step that wrote them', async () => {
    const { runner } = await execute(plan, { 'steps/fix': [{ outputs: 'changed=3 files\n' }] }, { callerEnv });
    expect(runner.requestOf('steps/fix').env).not.toHaveProperty('STEP_FIX_CHANGED');
  });

  it('runs the script text through bash with parameters in the environment only, from the verified files', async () => {
    const { runner } = await execute(plan, {}, { callerEnv });
    const { command, args, cwd, env, timeoutMs, killGraceMs } = runner.requestOf('steps/fix');
    expect(command).toBe('bash');
    expect(args).toContain('bash "$REMEDIATION_DIR/fix.sh"');
    expect(args.join(' ')).not.toContain('pwned-unit');
    expect(cwd).toBe(env.REMEDIATION_WORKSPACE);
    expect(timeoutMs).toBe(5_000);
    expect(killGraceMs).toBe(50);
    // A step without a timeout gets the default (15m).
    expect(runner.requestOf('verify/confirm').timeoutMs).toBe(15 * 60_000);
    const seen = runner.received.find((r) => r.step === 'steps/fix')!.definitionFiles;
    expect(seen).toEqual(Object.fromEntries(plan.files.map((f) => [f.path, f.content.toString('utf8')])));
  });

  it('keeps a secret a step prints out of the record', async () => {
    const { log, snapshot } = await execute(
      plan,
      { 'steps/fix': [{ stdout: 'token tok-declared-9f8e\n', outputs: 'echoed=tok-declared-9f8e\n' }] },
      { callerEnv },
    );
    expect(log).toContain('token ***');
    expect(log).not.toContain('tok-declared-9f8e');
    expect(snapshot.steps[0]!.outputs).toEqual({ echoed: '***' });
    expect(JSON.stringify(snapshot)).not.toContain('tok-declared-9f8e');
  });

  it('removes its scratch space (copies, workspace, output files) when the run ends', async () => {
    const { scratchRoot } = await execute(plan, {}, { callerEnv });
    expect(readdirSync(scratchRoot)).toEqual([]);
  });
});

describe('check outcomes from exit codes', () => {
  const plan = planFor('check:\n  - { id: probe, run: "x" }\nsteps:\n  - { id: fix, run: "true" }\n');

  it('reads exit 1 of a check as drift and remediates', async () => {
    const { result, runner } = await execute(plan, { 'check/probe': [{ exitCode: 1 }] });
    expect(result).toMatchObject({ status: 'succeeded', check: 'drift' });
    expect(runner.steps).toEqual(['check/probe', 'steps/fix']);
  });

  it('reads exit 2 of a check as the check failing, and changes nothing', async () => {
    const { result, runner } = await execute(plan, { 'check/probe': [{ exitCode: 2 }] });
    expect(result).toMatchObject({ status: 'failed', check: 'error', error: { code: 'CHECK_FAILED' } });
    expect(runner.steps).toEqual(['check/probe']);
  });
});

describe('retries', () => {
  const plan = planFor('steps:\n  - { id: flaky, run: "x", retries: 2 }\nrollback:\n  - { id: undo, run: "true" }\n');

  it('retries a failing step with a doubling backoff until it succeeds', async () => {
    const backoff = 25;
    const { result, runner, snapshot } = await execute(
      plan,
      { 'steps/flaky': [{ exitCode: 1 }, { exitCode: 1 }, { exitCode: 0 }] },
      { retryBackoffMs: backoff },
    );
    expect(result.status).toBe('succeeded');
    expect(runner.steps).toEqual(['steps/flaky', 'steps/flaky', 'steps/flaky']);
    expect(snapshot.steps[0]).toMatchObject({ id: 'flaky', attempts: 3, outcome: 'succeeded', exitCode: 0 });
    const [first, second, third] = runner.received.map((r) => r.at) as [number, number, number];
    // Timers may fire up to a millisecond early; the waits are lower bounds, never upper ones.
    expect(second - first).toBeGreaterThanOrEqual(backoff - 1);
    expect(third - second).toBeGreaterThanOrEqual(2 * backoff - 1);
    // Every attempt writes a fresh output file: a failed attempt's outputs cannot pose as the next one's.
    const files = runner.received.map((r) => r.request.env.REMEDIATION_OUTPUT);
    expect(new Set(files).size).toBe(3);
  });

  it('fails the step after its last retry and rolls back', async () => {
    const { result, runner, snapshot } = await execute(plan, { 'steps/flaky': [{ exitCode: 5 }] });
    expect(result).toMatchObject({ status: 'failed', rollback: 'succeeded', error: { code: 'STEP_FAILED' } });
    expect(runner.steps).toEqual(['steps/flaky', 'steps/flaky', 'steps/flaky', 'rollback/undo']);
    expect(snapshot.steps[0]).toMatchObject({ attempts: 3, outcome: 'failed', exitCode: 5 });
  });
});

describe('a step that cannot start', () => {
  it("is recorded as 'could not start' with the reason, and the rollback still runs", async () => {
    const plan = planFor(
      'steps:\n  - { id: big, run: "x" }\n  - { id: never, run: "true" }\nrollback:\n  - { id: undo, run: "true" }\n',
    );
    const { result, runner, snapshot, log } = await execute(plan, {
      'steps/big': [{ spawnError: 'spawn bash E2BIG' }],
    });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('STEP_FAILED');
    expect(result.error?.message).toContain('could not start');
    expect(snapshot.steps[0]).toMatchObject({
      id: 'big',
      outcome: 'failed',
      exitCode: null,
      error: 'spawn bash E2BIG',
    });
    expect(log).toContain('steps/big could not start: spawn bash E2BIG');
    expect(runner.steps).toEqual(['steps/big', 'rollback/undo']);
    expect(result.rollback).toBe('succeeded');
  });
});

describe('run outputs', () => {
  it('maps the declared outputs from the steps that wrote them, and nothing undeclared', async () => {
    const plan = planFor(
      [
        'outputs:',
        '  result: { step: fix, key: changed }',
        '  note: { step: fix, key: note }',
        '  absent: { step: fix, key: never-written }',
        '  later: { step: confirm, key: checked }',
        'steps:',
        '  - { id: fix, run: "x" }',
        'verify:',
        '  - { id: confirm, run: "x" }',
        '',
      ].join('\n'),
    );
    const { result, snapshot, runner } = await execute(plan, {
      'steps/fix': [{ outputs: 'changed=3 files\nextra=not declared\nnote<<EOF_X\nline1\nline2\nEOF_X\n' }],
      'verify/confirm': [{ outputs: 'checked=yes\n' }],
    });
    expect(result.outputs).toEqual({ result: '3 files', note: 'line1\nline2', later: 'yes' });
    expect(snapshot.steps[0]!.outputs).toEqual({ changed: '3 files', extra: 'not declared', note: 'line1\nline2' });
    expect(runner.requestOf('verify/confirm').env.STEP_FIX_NOTE).toBe('line1\nline2');
  });
});

describe('cancellation', () => {
  it('stops the running step, skips the rest and runs no rollback', async () => {
    const plan = planFor(
      'steps:\n  - { id: one, run: "x" }\n  - { id: two, run: "x" }\n  - { id: three, run: "x" }\nrollback:\n  - { id: undo, run: "true" }\n',
    );
    const cancel = new AbortController();
    const { result, runner, snapshot } = await execute(
      plan,
      { 'steps/two': [{ during: () => cancel.abort() }] },
      { cancel },
    );
    expect(result).toMatchObject({ status: 'cancelled', rollback: 'none' });
    expect(runner.steps).toEqual(['steps/one', 'steps/two']);
    // The signal handed to the runner is the one that ends the step's process group.
    expect(runner.received[1]!.abortedAtEnd).toBe(true);
    expect(snapshot.steps.map((s) => `${s.id}:${s.outcome}`)).toEqual(['one:succeeded', 'two:cancelled']);
  });
});
