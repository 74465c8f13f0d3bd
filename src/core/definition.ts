/** Types of a parsed, validated remediation definition (remediation.yml). */

export type InputType = 'string' | 'integer' | 'number' | 'boolean';
export type Scalar = string | number | boolean;

/** One declared, typed parameter. */
export interface InputSpec {
  readonly type: InputType;
  readonly description?: string;
  readonly required?: boolean;
  readonly default?: Scalar;
  readonly pattern?: string;
  readonly enum?: readonly Scalar[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly 'min-length'?: number;
  readonly 'max-length'?: number;
}

/** One step of a stage: a script run by a shell in the run's workspace. */
export interface StepSpec {
  readonly id: string;
  readonly name?: string;
  readonly run: string;
  readonly shell?: 'bash' | 'sh';
  readonly env?: Readonly<Record<string, string>>;
  readonly timeout?: string;
  readonly retries?: number;
  readonly 'continue-on-error'?: boolean;
  readonly 'working-directory'?: string;
}

/** A declared run output, taken from a step's REMEDIATION_OUTPUT. */
export interface OutputSpec {
  readonly description?: string;
  readonly step: string;
  readonly key: string;
}

/**
 * The definition's circuit breaker: at most `max-runs` runs whose fix stage started within the
 * window `within` (per target, or for the remediation as a whole), then refuse until it passes.
 */
export interface CircuitBreakerSpec {
  readonly 'max-runs': number;
  /** A duration, as the `timeout` fields take it. */
  readonly within: string;
  readonly per: 'target' | 'remediation';
}

export const STAGES = ['check', 'steps', 'verify', 'rollback'] as const;
export type StageName = (typeof STAGES)[number];

/** A remediation definition after schema and semantic validation. */
export interface Definition {
  readonly name: string;
  readonly description: string;
  readonly inputs: Readonly<Record<string, InputSpec>>;
  readonly secrets: readonly string[];
  /** Secrets the steps get when the caller sets them, and that a run does not require; absent when none. */
  readonly 'optional-secrets'?: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly timeout?: string;
  /** Part of the signed version: loosening it takes a review and a release. */
  readonly 'circuit-breaker'?: CircuitBreakerSpec;
  readonly outputs: Readonly<Record<string, OutputSpec>>;
  readonly check: readonly StepSpec[];
  readonly steps: readonly StepSpec[];
  readonly verify: readonly StepSpec[];
  readonly rollback: readonly StepSpec[];
}

/**
 * Longest duration accepted: Node's timers hold at most 2^31-1 ms (about 24.8 days) and fire at
 * once beyond that, which would turn a long timeout into an immediate one.
 */
export const MAX_DURATION_MS = 24 * 24 * 3_600_000;

/** Parses a duration like `500ms`, `30s`, `5m`, `2h` into milliseconds (at most 24 days). */
export function parseDuration(text: string): number {
  const match = /^([1-9][0-9]{0,6})(ms|s|m|h)$/.exec(text);
  if (!match) throw new Error(`expected a duration like 30s or 5m, got '${text}'`);
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[match[2] as 'ms' | 's' | 'm' | 'h'];
  const ms = Number(match[1]) * unit;
  if (ms > MAX_DURATION_MS) throw new Error(`expected a duration of at most 576h (24 days), got '${text}'`);
  return ms;
}

/**
 * Names a declared secret may not have: the tool sets these itself (parameters, outputs of
 * earlier steps, the run's own variables) or holds the bundle of every secret under one of them.
 * A version declaring `REMEDIATION_SECRETS` would receive every other team's secrets, and one
 * declaring `PARAM_X` would silently replace a validated parameter.
 */
export function reservedSecretName(name: string): boolean {
  return /^(PARAM_|STEP_|REMEDIATION_|REMEDIATE_)/i.test(name) || runnerCredentialName(name);
}

/**
 * The runner's own variables (`ACTIONS_ID_TOKEN_REQUEST_TOKEN`, `ACTIONS_RUNTIME_TOKEN`, ...),
 * which no step may be handed as a secret. Attack: a version declaring the OIDC request token and
 * URL could mint the workflow's identity and attest a forged record as if the tool had; one
 * declaring the runtime token could upload artifacts under the record's name first.
 */
export function runnerCredentialName(name: string): boolean {
  return /^ACTIONS_/i.test(name);
}

/** The environment variable a parameter reaches steps as: PARAM_<NAME>, upper-cased, '-' -> '_'. */
export function paramEnvName(input: string): string {
  return `PARAM_${input.toUpperCase().replaceAll('-', '_')}`;
}
