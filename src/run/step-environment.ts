import { UsageError } from '../errors.ts';
import type { Definition, StepSpec } from '../core/definition.ts';
import { paramEnvName, reservedSecretName } from '../core/definition.ts';
import { paramToEnvValue, type ResolvedParams } from '../core/param-validation.ts';
import { targetFactEnvName } from '../core/targets-config.ts';

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
 * definition's and step's env, then parameters, the target's facts (TARGET_<NAME>, data from the
 * targets file: never script text), earlier outputs and declared secrets. Anything
 * else in the caller's environment (tokens, cloud credentials) never reaches a step, and the
 * reserved names (PARAM_*, STEP_*, REMEDIATION_*) are set last so a definition cannot shadow them.
 */
export function buildStepEnvironment(
  callerEnv: NodeJS.ProcessEnv,
  definition: Definition,
  step: StepSpec,
  params: ResolvedParams,
  facts: Readonly<Record<string, string>>,
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
  // A fact never shares a name with the definition's env or secrets: the run refuses that first (app/run.ts).
  for (const [name, value] of Object.entries(facts)) env[targetFactEnvName(name)] = value;
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

/** Environment variable holding a JSON object of secrets, as the reusable workflows pass them. */
export const SECRETS_BUNDLE_VARIABLE = 'REMEDIATION_SECRETS';

/**
 * Picks the declared secrets (and the optional ones that are set) out of the caller's environment, falling back to the JSON object in
 * REMEDIATION_SECRETS (one GitHub secret holding several, which is how a reusable workflow can
 * pass secrets whose names it does not know). The bundle itself never reaches a step: the step
 * environment is built from an allow-list. `masked` lists every value to mask, declared or not.
 */
export function collectSecrets(
  declared: readonly string[],
  callerEnv: NodeJS.ProcessEnv,
  optional: readonly string[] = [],
): { secrets: Record<string, string>; missing: string[]; masked: string[] } {
  const bundle = parseSecretsBundle(callerEnv[SECRETS_BUNDLE_VARIABLE]);
  // Null-prototype and own properties only: a secret declared as `constructor` or `toString`
  // must find nothing, not a built-in function.
  const secrets: Record<string, string> = Object.create(null) as Record<string, string>;
  const missing: string[] = [];
  const wanted = new Set(optional);
  for (const name of [...declared, ...optional]) {
    // Validation refuses these; a version released before it did must not get the bundle either.
    if (reservedSecretName(name)) {
      throw new UsageError('MISSING_SECRET', `secret name '${name.slice(0, 60)}' is reserved; it is never passed`);
    }
    const value = (Object.hasOwn(callerEnv, name) ? callerEnv[name] : undefined) || bundle[name];
    // An optional secret that is not set is simply not passed: the steps decide what that means.
    if (value === undefined || value === '') {
      if (!wanted.has(name)) missing.push(name);
    } else secrets[name] = value;
  }
  const masked = [...new Set([...Object.values(secrets), ...Object.values(bundle)].filter((v) => v !== ''))];
  return { secrets, missing, masked };
}

function parseSecretsBundle(text: string | undefined): Record<string, string> {
  if (text === undefined || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      'MISSING_SECRET',
      `${SECRETS_BUNDLE_VARIABLE} must be a JSON object of secret names to string values`,
      { cause: error },
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(
      'MISSING_SECRET',
      `${SECRETS_BUNDLE_VARIABLE} must be a JSON object of secret names to string values`,
    );
  }
  const bundle: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, item] of Object.entries(value)) {
    // A number or object would be stringified unpredictably and escape redaction of its parts.
    if (typeof item !== 'string')
      throw new UsageError(
        'MISSING_SECRET',
        `${SECRETS_BUNDLE_VARIABLE}.${name.slice(0, 60)}: expected a string value`,
      );
    // A NUL cannot go into a process environment: spawning would fail with an error that quotes
    // the value, and that error text would land in the record. Refuse it here, naming only the key.
    if (item.includes('\0'))
      throw new UsageError(
        'MISSING_SECRET',
        `${SECRETS_BUNDLE_VARIABLE}.${name.slice(0, 60)}: a secret cannot contain a NUL byte (its value is not shown)`,
      );
    // A lone UTF-16 surrogate cannot be encoded (the redactor could not derive its forms, and a
    // process environment holds bytes): refuse it by key, like a NUL.
    if (!item.isWellFormed())
      throw new UsageError(
        'MISSING_SECRET',
        `${SECRETS_BUNDLE_VARIABLE}.${name.slice(0, 60)}: a secret must be valid Unicode text (its value is not shown)`,
      );
    bundle[name] = item;
  }
  return bundle;
}
