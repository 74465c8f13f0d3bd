import type { Definition, StepSpec } from '../core/definition.ts';
import { paramEnvName } from '../core/definition.ts';
import { paramToEnvValue, type ResolvedParams } from '../core/param-validation.ts';

/** Caller variables passed through to every step: the minimal base, nothing else. */
export const BASE_VARIABLES = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'TZ', 'USER', 'LOGNAME'] as const;
/** Runner variables passed through when present, so steps can find the workspace on GitHub. */
export const RUNNER_VARIABLES = [
  'GITHUB_WORKSPACE',
  'RUNNER_TEMP',
  'RUNNER_OS',
  'RUNNER_ARCH',
  'GITHUB_REPOSITORY',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_ATTEMPT',
  'CI',
] as const;

/** Where a step runs: the paths the engine prepared for it. */
export interface StepPaths {
  /** Fresh read-only copy of the verified definition files. */
  readonly definitionDir: string;
  /** The run's writable workspace. */
  readonly workspace: string;
  /** This step's fresh output file. */
  readonly outputFile: string;
}

/**
 * Builds a step's environment instead of inheriting the caller's: the base variables, the
 * definition's and step's env, then parameters, earlier outputs and declared secrets. Anything
 * else in the caller's environment (tokens, cloud credentials) never reaches a step, and the
 * reserved names (PARAM_*, STEP_*, REMEDIATION_*) are set last so a definition cannot shadow them.
 */
export function buildStepEnvironment(
  callerEnv: NodeJS.ProcessEnv,
  definition: Definition,
  step: StepSpec,
  params: ResolvedParams,
  secrets: Readonly<Record<string, string>>,
  priorOutputs: Readonly<Record<string, string>>,
  paths: StepPaths,
  run: { readonly name: string; readonly version: string; readonly runId: string; readonly stage: string },
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of [...BASE_VARIABLES, ...RUNNER_VARIABLES]) {
    const value = callerEnv[key];
    if (value !== undefined) env[key] = value;
  }
  env.PATH ??= '/usr/local/bin:/usr/bin:/bin';
  env.LANG ??= 'C.UTF-8';
  Object.assign(env, definition.env, step.env ?? {});
  for (const [name, value] of Object.entries(params)) env[paramEnvName(name)] = paramToEnvValue(value);
  Object.assign(env, priorOutputs);
  Object.assign(env, secrets);
  env.REMEDIATION_NAME = run.name;
  env.REMEDIATION_VERSION = run.version;
  env.REMEDIATION_RUN_ID = run.runId;
  env.REMEDIATION_STAGE = run.stage;
  env.REMEDIATION_STEP = step.id;
  env.REMEDIATION_DIR = paths.definitionDir;
  env.REMEDIATION_WORKSPACE = paths.workspace;
  env.REMEDIATION_OUTPUT = paths.outputFile;
  return env;
}

/** Picks the declared secrets out of the caller's environment; a missing one is reported by name. */
export function collectSecrets(
  declared: readonly string[],
  callerEnv: NodeJS.ProcessEnv,
): { secrets: Record<string, string>; missing: string[] } {
  const secrets: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of declared) {
    const value = callerEnv[name];
    if (value === undefined || value === '') missing.push(name);
    else secrets[name] = value;
  }
  return { secrets, missing };
}
