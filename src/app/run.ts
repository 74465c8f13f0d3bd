import { randomBytes } from 'node:crypto';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { ExitCode, RemediateError, TrustError, UsageError, describeError, type ExitCodeValue } from '../errors.ts';
import { paramEnvName, STAGES, type Definition } from '../core/definition.ts';
import { factConflicts, targetFactEnvName } from '../core/targets-config.ts';
import { coerceCliValue, resolveParams } from '../core/param-validation.ts';
import type { SigningKey, TrustedKey } from '../core/keys.ts';
import type { PublishedSerial } from '../core/manifest-verifier.ts';
import { treeDigest, treeListing, type TreeFile } from '../core/tree-digest.ts';
import { formatRef, type VersionRef } from '../core/version-ref.ts';
import type { GitObjectSource } from '../adapters/git-client.ts';
import type { ProcessRunner } from '../adapters/process-runner.ts';
import { DEFAULT_RUN_TIMEOUT, executePlan, type ExecutionResult } from '../run/executor.ts';
import type { RunPlan } from '../run/plan.ts';
import { redactSnapshot, RunRecorder, type Echo, type RecordObserver, type RunEnd } from '../record/recorder.ts';
import { writeReceipt, type RecordSeal } from '../record/receipt-writer.ts';
import { paramsDigest } from '../record/snapshot-digests.ts';
import { planDigest } from '../core/plan-digest.ts';
import { approvalProblem } from './approval-check.ts';
import {
  SNAPSHOT_SCHEMA,
  type CircuitBreakerRecord,
  type ApprovalRecord,
  type ReplayOf,
  type RunSnapshot,
  type RunStatus,
  type Trigger,
} from '../record/snapshot.ts';
import { collectSecrets, SECRETS_BUNDLE_VARIABLE } from '../run/step-environment.ts';
import { redactValue } from '../record/redactor.ts';
import { credentialValues } from '../adapters/sealed-environment.ts';
import { TOOL_VERSION } from '../version.ts';
import { resolveRelease, type ResolvedRelease } from './resolve-release.ts';
import { localRunHistory, type RunHistorySource } from './run-history.ts';
import { checkRunGuards } from './run-guards.ts';

/** Settings of one run, parsed by the entry. */
export interface RunSettings {
  readonly ref: VersionRef;
  readonly threshold: number;
  readonly minSerial: number;
  /**
   * The highest manifest serial the repository published (the Action learns it from the
   * `manifest/s<serial>` tags): an older manifest is refused, and the value is recorded.
   */
  readonly published?: PublishedSerial;
  /** Recovery: the one serial below `published` to accept anyway (the Action's `accept-older-serial`); recorded. */
  readonly acceptOlderSerial?: number;
  /** Parameters from a JSON file or payload, with their JSON types. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Parameters from `--param key=value`, coerced to the declared input types; they override `params`. */
  readonly cliParams: Readonly<Record<string, string>>;
  /** Folder under which the record folder is created. */
  readonly outDir: string;
  readonly dryRun: boolean;
  readonly force: boolean;
  /**
   * Run only the check stage (--check-only): verify everything as a run does, then report what the
   * check found (`healthy` or `unhealthy`) without any step, verify or rollback. Never with `force`.
   */
  readonly checkOnly?: boolean;
  /** What the run acts on (--target): recorded, and the circuit breaker counts runs per target. */
  readonly target?: string;
  /**
   * Facts about the target (the targets file's `facts`: the Action's `target-facts` input, `run
   * --target-facts`), validated by core/targets-config.ts: each reaches steps as TARGET_<NAME>, and
   * they are recorded. Data, never script text.
   */
  readonly targetFacts?: Readonly<Record<string, string>>;
  /** Run even when the version's circuit breaker is open (--ignore-circuit-breaker); recorded. */
  readonly ignoreCircuitBreaker?: boolean;
  /**
   * The alert's idempotency key (--idempotency-key, or derived from the dispatch payload's alert):
   * recorded, and the run is refused (DUPLICATE_ALERT) when an earlier run with it started its fix.
   */
  readonly idempotencyKey?: string;
  /** Stable id of this run (GitHub: run id and attempt); generated locally when undefined. */
  readonly runId: string | undefined;
  readonly trigger: Trigger;
  /** sha256 of the tool's own bundle (the file the process runs). */
  readonly toolDigest: string;
  /** The GitHub runner's name and OS (RUNNER_NAME, RUNNER_OS), when on GitHub. */
  readonly runnerInfo?: { readonly name?: string; readonly os?: string };
  /** The run key that signs the record's receipt (receipt.dsse.json) when the run closes. */
  readonly signKey?: SigningKey;
  /** Set when this run replays an earlier record (app/replay.ts): recorded, and checked against. */
  readonly replay?: RunReplay;
  /**
   * The plan digest a reviewer approved (the plan job's `plan-digest`): the run refuses with
   * PLAN_CHANGED unless what it verifies now plans exactly that. Recorded.
   */
  readonly approvedPlanDigest?: string;
  /** Who approved the run's environment (GitHub's approvals API), recorded with the plan. */
  readonly approval?: ApprovalRecord;
  /**
   * The environment whose reviewers must have approved this run (the Action's `approved-in`):
   * refused (NOT_APPROVED) unless `approval` lists an approval there and no rejection.
   */
  readonly requiredApproval?: string;
}

/** A replay: the record it repeats, and what the new run must match of it. */
export interface RunReplay {
  /** Recorded as `replayOf` in snapshot.json and the receipt. */
  readonly of: ReplayOf;
  /** The replayed record's parameters digest: the new run's must be equal. */
  readonly paramsDigest: string;
  /** The commit and definition digest the replayed record says ran: the version verified now must be those bytes. */
  readonly commit: string;
  readonly digest: string;
}

/**
 * `remediate try`: a definition read from the working tree, run unreleased. Nothing vouches for
 * these bytes (no tag, commit, manifest or signature is checked: there is no release); the record
 * says `unreleased: true`, and the breaker counts such runs apart from released ones.
 */
export interface UnreleasedDefinition {
  /** The files of remediations/<name>/ as read from the working tree; these run. */
  readonly files: readonly TreeFile[];
  /** remediation.yml among them, validated as `remediate validate` does. */
  readonly definition: Definition;
}

/** The version an unreleased run is recorded under: a prerelease of nothing, never a release's. */
export { UNRELEASED_VERSION } from '../core/version-ref.ts';

/** What a run of unreleased bytes produced: its plan (dry run), or its record. */
export type UnreleasedRunOutcome =
  | {
      readonly kind: 'planned';
      readonly unreleased: true;
      readonly exitCode: typeof ExitCode.ok;
      readonly plan: RunPlan;
      readonly digest: string;
      readonly recordedParams: Readonly<Record<string, unknown>>;
    }
  | Extract<RunOutcome, { kind: 'recorded' }>;

/** The outside world a run needs. */
export interface RunDeps {
  readonly git: GitObjectSource;
  readonly manifestBytes: Uint8Array;
  readonly trustedKeys: readonly TrustedKey[];
  readonly runner: ProcessRunner;
  readonly callerEnv: NodeJS.ProcessEnv;
  readonly scratchRoot: string;
  readonly clock: () => Date;
  readonly cancel: AbortSignal;
  readonly retryBackoffMs: number;
  readonly killGraceMs: number;
  readonly out: (line: string) => void;
  /**
   * Receives every redacted log byte as it is recorded (the Action's live job log); returns true
   * while it still holds the bytes (a queued write), so they are not freed under it.
   */
  readonly echo?: Echo;
  /** Told of each step, its output and the stages' conclusions as recorded (the CLI's live console). */
  readonly observer?: RecordObserver;
  /** Called with the declared secrets' values before anything prints (the Action masks them). */
  readonly onSecrets?: (values: readonly string[]) => void;
  /** Called once the record folder exists, before any step runs (the Action saves it for its post step). */
  readonly onRecordStarted?: (dir: string) => void;
  /**
   * The past runs the circuit breaker and the duplicate check count; the records in
   * `settings.outDir` when undefined.
   */
  readonly history?: RunHistorySource;
}

/** What a run produced: a plan (dry run), or a record (run, or refused before any step). */
export type RunOutcome =
  | {
      readonly kind: 'planned';
      readonly exitCode: typeof ExitCode.ok;
      /** The plan execution would take, as printed. */
      readonly plan: RunPlan;
      readonly digest: string;
      readonly manifestSerial: number;
      /** The plan digest (core/plan-digest.ts): what an approval of this plan is bound to. */
      readonly planDigest: string;
      /** The parameters as recorded (secrets redacted), for a reviewer's table. */
      readonly recordedParams: Readonly<Record<string, unknown>>;
    }
  | {
      readonly kind: 'recorded';
      readonly status: RunStatus;
      readonly exitCode: ExitCodeValue;
      readonly recordDir: string;
      readonly snapshotDigest: string;
      /** The run's declared outputs, redacted. */
      readonly outputs: Readonly<Record<string, string>>;
      /** Set when a trust check refused the version: nothing ran, the refusal is recorded. */
      readonly refusal?: TrustError;
      readonly digest?: string;
      readonly manifestSerial?: number;
      /** The signed receipt, when a run key was given; or why it could not be written. */
      readonly receipt?: { readonly file: string; readonly keyid: string } | { readonly error: string };
      /** What the closed record holds: an attestation made later must be of these bytes. */
      readonly seal?: RecordSeal;
      /** The snapshot as the record holds it (redacted): steps, check, rollback and error, for reporting. */
      readonly snapshot: Readonly<RunSnapshot>;
    };

/**
 * Verifies and runs one remediation version and records it. Trust refusals are recorded as
 * `refused` before anything runs; usage errors (bad parameters, missing secrets) throw.
 *
 * With `unreleased` (`remediate try` only) the working tree's files run in place of a verified
 * release, through the same guards, executor and recorder; deps' manifest and keys are not read.
 */
export function runRemediation(settings: RunSettings, deps: RunDeps): Promise<RunOutcome>;
export function runRemediation(
  settings: RunSettings,
  deps: RunDeps,
  unreleased: UnreleasedDefinition,
): Promise<UnreleasedRunOutcome>;
export async function runRemediation(
  settings: RunSettings,
  deps: RunDeps,
  unreleased?: UnreleasedDefinition,
): Promise<RunOutcome | UnreleasedRunOutcome> {
  const { ref } = settings;
  // A replay or an approval is bound to released bytes (a commit, a manifest serial): neither can
  // name the working tree.
  if (unreleased !== undefined && (settings.replay !== undefined || settings.approvedPlanDigest !== undefined)) {
    throw new UsageError('USAGE', 'an unreleased run (remediate try) cannot be a replay or an approved plan');
  }
  const checkOnly = settings.checkOnly === true;
  // --force turns a healthy check into a fix; a check-only run fixes nothing, so asking for both
  // is a mistake in the call, refused before anything is read.
  if (checkOnly && settings.force) {
    throw new UsageError(
      'USAGE',
      'check-only and force cannot be combined: force runs the fix on a healthy target, check-only never runs a fix',
    );
  }
  const started = deps.clock();
  const runId =
    settings.runId ?? `${started.toISOString().replace(/[-:]|\.\d+/g, '')}-${randomBytes(3).toString('hex')}`;
  // The run id names the record folder: one taken from the environment must not be able to point
  // outside --out ('../', '/') or hide as a dot file.
  if (!RUN_ID.test(runId)) {
    throw new UsageError(
      'USAGE',
      `run id '${runId.slice(0, 60)}': expected letters, digits, '.', '_' or '-' (at most 128)`,
    );
  }
  const recordDir = join(settings.outDir, `${ref.name}-${ref.version}-${runId}`);
  const base = {
    schema: SNAPSHOT_SCHEMA as typeof SNAPSHOT_SCHEMA,
    runId,
    status: 'running' as RunStatus,
    secrets: [] as string[],
    forced: settings.force,
    ...(unreleased !== undefined ? { unreleased: true as const } : {}),
    ...(checkOnly ? { checkOnly: true as const } : {}),
    ...(settings.target !== undefined ? { target: settings.target } : {}),
    ...(settings.idempotencyKey !== undefined ? { idempotencyKey: settings.idempotencyKey } : {}),
    ...(settings.replay !== undefined ? { replayOf: settings.replay.of } : {}),
    ...(settings.approval !== undefined ? { approval: settings.approval } : {}),
    trigger: settings.trigger,
    runner: {
      os: platform(),
      arch: arch(),
      node: process.version,
      ...(settings.runnerInfo?.name ? { name: settings.runnerInfo.name.slice(0, 256) } : {}),
      ...(settings.runnerInfo?.os ? { runnerOs: settings.runnerInfo.os.slice(0, 64) } : {}),
    },
    tool: { name: 'remediate' as const, version: TOOL_VERSION, bundleDigest: settings.toolDigest },
    started: started.toISOString(),
    steps: [],
    outputs: {},
    log: { file: 'run.log' as const, complete: false as const },
  };

  // Refused: not one step starts, but the refusal itself is evidence and gets a record.
  const recordRefusal = async (
    error: TrustError,
    breaker?: CircuitBreakerRecord,
    plan?: Pick<RunSnapshot, 'plan'>,
  ): Promise<Extract<RunOutcome, { kind: 'recorded' }>> => {
    const recorder = await RunRecorder.create(
      recordDir,
      [],
      {
        ...base,
        status: 'refused',
        remediation: { name: ref.name, version: ref.version, tag: ref.tag },
        ...plan,
        ...(breaker !== undefined ? { circuitBreaker: breaker } : {}),
        error: { code: error.code, message: error.message },
      },
      deps.clock,
      deps.echo,
      undefined,
      deps.observer,
    );
    deps.onRecordStarted?.(recordDir);
    recorder.line(`refused ${formatRef(ref)} [${error.code}]: ${error.message}`);
    recorder.marker('run refused');
    const snapshotDigest = await recorder.finish({
      status: 'refused',
      error: { code: error.code, message: error.message },
    });
    return {
      kind: 'recorded',
      status: 'refused',
      exitCode: ExitCode.refused,
      recordDir,
      snapshotDigest,
      outputs: {},
      refusal: error,
      snapshot: recorder.snapshot,
      ...sealed(recorder.seal),
      ...signRecord(recordDir, settings.signKey, recorder.seal),
    };
  };

  let resolved: ResolvedRelease | (UnreleasedDefinition & { readonly release?: undefined });
  if (unreleased !== undefined) {
    resolved = unreleased;
  } else {
    try {
      resolved = await resolveRelease(deps.git, ref, deps.manifestBytes, deps.trustedKeys, {
        threshold: settings.threshold,
        minSerial: settings.minSerial,
        now: started,
        ...(settings.published !== undefined ? { published: settings.published } : {}),
        ...(settings.acceptOlderSerial !== undefined ? { acceptOlderSerial: settings.acceptOlderSerial } : {}),
      });
    } catch (error) {
      if (!(error instanceof TrustError) || settings.dryRun) throw error;
      return recordRefusal(error);
    }
  }

  // Everything is read: the git helper process ends before any step exists.
  deps.git.close?.();
  // `release` is undefined on an unreleased run: nothing was verified.
  const { release, definition, files } = resolved;
  const digest = release?.digest ?? treeDigest(files);
  const manifestSerial = release?.manifest.payload.serial;
  // Only the serial the caller named gets this far below the published one (the verifier refuses
  // any other): a recovery that the record and the log must show.
  const { published } = settings;
  const belowPublished =
    published !== undefined && manifestSerial !== undefined && manifestSerial < published.serial
      ? published
      : undefined;

  // Attack: a replay that would run other bytes than the run it repeats (the record's version
  // re-released under a compromised key, or a record whose claims were forged). A replay runs the
  // same commit and definition digest, or nothing.
  const { replay } = settings;
  if (
    replay !== undefined &&
    release !== undefined &&
    (replay.commit !== release.commit || replay.digest !== release.digest)
  ) {
    const mismatch = new TrustError(
      replay.commit !== release.commit ? 'COMMIT_MISMATCH' : 'DIGEST_MISMATCH',
      `replay of run ${replay.of.runId}: the record ran commit ${replay.commit} digest ${replay.digest}, but ${formatRef(ref)} verifies now as commit ${release.commit} digest ${release.digest}`,
    );
    if (settings.dryRun) throw mismatch;
    return recordRefusal(mismatch);
  }

  // The guards (circuit breaker, duplicate alert) run after verification: the breaker's limits
  // are read from the verified definition only, so they are what was signed.
  const guards = await checkRunGuards(
    {
      name: ref.name,
      // A check-only run starts no fix: the breaker neither counts nor refuses it, and it takes no alert.
      breaker: checkOnly ? undefined : definition['circuit-breaker'],
      target: settings.target,
      idempotencyKey: checkOnly ? undefined : settings.idempotencyKey,
      ignoreCircuitBreaker: settings.ignoreCircuitBreaker === true,
      unreleased: unreleased !== undefined,
    },
    deps.history ?? localRunHistory(settings.outDir),
    deps.out,
    started,
  );
  if (guards.refusal !== undefined) {
    if (settings.dryRun) throw guards.refusal;
    return recordRefusal(guards.refusal, guards.breakerRecord);
  }

  // Built with Object.fromEntries (own data properties only), so a parameter named `__proto__`
  // is an ordinary unknown name, refused below, and never touches an object's prototype.
  const given: Record<string, unknown> = Object.fromEntries([
    ...Object.entries(settings.params),
    ...Object.entries(settings.cliParams).map(([key, text]) => [
      key,
      coerceCliValue(Object.hasOwn(definition.inputs, key) ? definition.inputs[key] : undefined, text),
    ]),
  ]);
  const params = resolveParams(definition.inputs, given);
  const targetFacts = settings.targetFacts ?? {};
  // Attack: a targets file (reviewed, but not signed) setting TARGET_X where the signed definition
  // sets TARGET_X itself (its env, a step's env, a declared secret), replacing what was released
  // or a secret's value. Refused before anything runs rather than one silently winning.
  const taken = factConflicts(targetFacts, [
    ...Object.keys(definition.env),
    ...STAGES.flatMap((stage) => definition[stage].flatMap((step) => Object.keys(step.env ?? {}))),
    ...definition.secrets,
    ...(definition['optional-secrets'] ?? []),
  ]);
  if (taken.length > 0) {
    throw new UsageError(
      'INVALID_PARAMS',
      `target facts: ${taken.join(', ')} ${taken.length > 1 ? 'are' : 'is'} set by ${formatRef(ref)} itself (its env or secrets); rename the fact in the targets file`,
    );
  }
  const { secrets, missing, masked } = collectSecrets(
    definition.secrets,
    deps.callerEnv,
    definition['optional-secrets'] ?? [],
  );
  // Mask before anything can print, including values of the bundle this version does not declare.
  deps.onSecrets?.(masked);
  // A dry run (the approval mode's plan job, which runs outside the protected environment that
  // holds the secrets) shows the plan without them; a run that executes needs every one.
  if (missing.length && settings.dryRun) {
    deps.out(`note: secret(s) ${missing.join(', ')} are not set here; the run that executes must have them`);
  } else if (missing.length) {
    throw new UsageError(
      'MISSING_SECRET',
      `${formatRef(ref)} declares secret(s) ${missing.join(', ')}, but neither the environment nor ${SECRETS_BUNDLE_VARIABLE} sets them; export them (on GitHub: env: ${missing[0]}: \${{ secrets.${missing[0]} }}, or pass a REMEDIATION_SECRETS JSON secret to the reusable workflows)`,
    );
  }
  // Everything the tool knows to be secret is redacted from the record, declared or not: the
  // declared secrets, every value of the bundle, and the caller's credentials by name (the
  // tool's own tokens included). A step can print what it should not have been able to see (on a
  // GitHub-hosted runner it has sudo); the record must not keep it.
  const secretValues = [...new Set([...masked, ...credentialValues(deps.callerEnv)])];
  const recordedParams = redactValue(params, secretValues);
  // A replay runs with the parameters it repeats, or not at all: a value now redacted (a secret of
  // this run equals a parameter) or changed in resolving would make the new record differ.
  if (replay !== undefined && paramsDigest(recordedParams) !== replay.paramsDigest) {
    throw new UsageError(
      'NOT_REPLAYABLE',
      `replay of run ${replay.of.runId}: the parameters resolve to digest ${paramsDigest(recordedParams)} here, expected ${replay.paramsDigest} as recorded (a secret value of this run appears in a parameter, or the record's values changed)`,
    );
  }

  const verifiedFacts = {
    remediation: {
      name: ref.name,
      version: ref.version,
      tag: ref.tag,
      // An unreleased run names no commit: the working tree's files ran, whatever HEAD is.
      ...(release !== undefined ? { commit: release.commit } : {}),
      digest,
      files: treeListing(files),
    },
    ...(release !== undefined
      ? {
          manifest: {
            serial: release.manifest.payload.serial,
            digest: release.manifest.digest,
            signers: release.manifest.signers,
            threshold: settings.threshold,
            minSerial: settings.minSerial,
            ...(published !== undefined ? { publishedSerial: published.serial } : {}),
            ...(belowPublished !== undefined ? { acceptedBelowPublished: true as const } : {}),
          },
        }
      : {}),
    params: { values: recordedParams, digest: paramsDigest(recordedParams) },
  };
  // An unreleased run has no plan digest: there is no release for an approval to be bound to.
  const thisPlan =
    release === undefined
      ? undefined
      : planDigest({
          remediation: formatRef(ref),
          commit: release.commit,
          digest: release.digest,
          paramsDigest: verifiedFacts.params.digest,
          manifestSerial: release.manifest.payload.serial,
          target: settings.target ?? '',
          targetFacts: redactValue(targetFacts, secretValues),
          force: settings.force,
          checkOnly,
          // As recorded: overriding a breaker the version declares (the plan shows it).
          ignoreCircuitBreaker: guards.breakerRecord?.ignored === true,
        });
  const planRecord =
    settings.approvedPlanDigest !== undefined && thisPlan !== undefined
      ? { plan: { digest: thisPlan, approved: settings.approvedPlanDigest } }
      : {};
  // Attack: the plan a reviewer approved is not what would run now (a new manifest re-pointed or
  // replaced the version, other parameters or target, force flipped). An approval is bound to one
  // plan digest; anything else is refused before any step, and recorded with both digests.
  if (settings.approvedPlanDigest !== undefined && release !== undefined && settings.approvedPlanDigest !== thisPlan) {
    const changed = new TrustError(
      'PLAN_CHANGED',
      `the approved plan was ${settings.approvedPlanDigest}, but what verifies now plans ${thisPlan} (${formatRef(ref)} at commit ${release.commit}, digest ${release.digest}, manifest serial ${release.manifest.payload.serial}, parameters ${verifiedFacts.params.digest}, target '${settings.target ?? ''}', force ${settings.force}); run the plan again and approve what it shows`,
    );
    if (settings.dryRun) throw changed;
    // A refused record holds no verified facts (the schema keeps refusals to what was asked);
    // the message names them, and both digests are recorded.
    return recordRefusal(changed, guards.breakerRecord, planRecord);
  }
  // The environment's reviewers must have approved (app/approval-check.ts says which attack this
  // stops). A dry run is the plan, which runs outside the environment and needs no approval.
  if (settings.requiredApproval !== undefined && !settings.dryRun) {
    const problem = approvalProblem(settings.approval, settings.requiredApproval);
    if (problem !== undefined)
      return recordRefusal(new TrustError('NOT_APPROVED', problem), guards.breakerRecord, planRecord);
  }

  const plan: RunPlan = {
    name: ref.name,
    version: ref.version,
    runId,
    release:
      release === undefined
        ? { unreleased: true, digest }
        : {
            commit: release.commit,
            digest: release.digest,
            manifestSerial: release.manifest.payload.serial,
            manifestDigest: release.manifest.digest,
            signers: release.manifest.signers,
          },
    definition,
    files,
    params,
    ...(Object.keys(targetFacts).length > 0 ? { targetFacts } : {}),
    secrets,
    force: settings.force,
    ...(checkOnly ? { checkOnly: true } : {}),
    ...(guards.breakerRecord?.ignored === true ? { ignoreCircuitBreaker: true } : {}),
  };
  if (settings.dryRun) {
    printPlan(deps.out, plan, recordedParams, thisPlan, redactValue(targetFacts, secretValues));
    if (release === undefined || thisPlan === undefined) {
      return { kind: 'planned', unreleased: true, exitCode: ExitCode.ok, plan, digest, recordedParams };
    }
    return {
      kind: 'planned',
      exitCode: ExitCode.ok,
      plan,
      digest: release.digest,
      manifestSerial: release.manifest.payload.serial,
      planDigest: thisPlan,
      recordedParams,
    };
  }

  const snapshot: RunSnapshot = {
    ...base,
    // The names the steps received: every declared secret, and the optional ones that were set.
    secrets: [...definition.secrets, ...(definition['optional-secrets'] ?? []).filter((name) => name in secrets)],
    ...verifiedFacts,
    ...(guards.breakerRecord !== undefined ? { circuitBreaker: guards.breakerRecord } : {}),
    ...planRecord,
    ...(plan.targetFacts !== undefined ? { targetFacts: redactValue(plan.targetFacts, secretValues) } : {}),
  };
  const recorder = await RunRecorder.create(
    recordDir,
    secretValues,
    snapshot,
    deps.clock,
    deps.echo,
    files,
    deps.observer,
  );
  deps.onRecordStarted?.(recordDir);
  recorder.line(
    release === undefined
      ? `UNRELEASED ${ref.name}: the working tree of remediations/${ref.name}/, digest ${digest}; nothing was verified (no tag, manifest or signature: remediate try)`
      : `verified ${formatRef(ref)}: commit ${release.commit}, digest ${release.digest}, manifest serial ${release.manifest.payload.serial} signed by ${release.manifest.signers.length} trusted key(s)`,
  );
  if (belowPublished !== undefined) {
    recorder.line(
      `manifest serial ${manifestSerial} is below serial ${belowPublished.serial}, the highest published (${belowPublished.source}): accepted only because accept-older-serial names it`,
    );
  }
  if (replay !== undefined) {
    recorder.line(
      `replay of run ${replay.of.runId} (snapshot ${replay.of.snapshotDigest}, ${replay.of.authenticated ? 'authenticated' : 'NOT authenticated'}): same version and parameters (digest ${replay.paramsDigest})`,
    );
  }
  for (const line of guards.summaries) recorder.line(line);
  const end = runEnd(await execute(plan, recorder, deps), recorder, definition.timeout);
  recorder.marker(`run ${end.status}`);
  const snapshotDigest = await recorder.finish(end);
  return {
    kind: 'recorded',
    status: end.status,
    exitCode: exitCodeFor(end.status),
    recordDir,
    snapshotDigest,
    digest,
    ...(manifestSerial !== undefined ? { manifestSerial } : {}),
    outputs: redactValue(end.outputs ?? {}, secretValues),
    snapshot: redactSnapshot(recorder.snapshot, secretValues),
    ...sealed(recorder.seal),
    ...signRecord(recordDir, settings.signKey, recorder.seal),
  };
}

function sealed(seal: RecordSeal | undefined): { seal?: RecordSeal } {
  return seal === undefined ? {} : { seal };
}

/**
 * Signs the closed record's receipt with the run key, if one was given. A receipt that cannot be
 * written does not change how the run ended (that is recorded already); the front end reports it.
 */
function signRecord(
  recordDir: string,
  key: SigningKey | undefined,
  seal: RecordSeal | undefined,
): { receipt?: { file: string; keyid: string } | { error: string } } {
  if (key === undefined) return {};
  try {
    const { file, keyid } = writeReceipt(recordDir, key, seal);
    return { receipt: { file, keyid } };
  } catch (error) {
    return { receipt: { error: describeError(error) } };
  }
}

/** Executes the plan; an engine fault, thrown before any step ran, is returned like one after. */
async function execute(plan: RunPlan, recorder: RunRecorder, deps: RunDeps): Promise<ExecutionResult> {
  try {
    return await executePlan(plan, recorder, deps);
  } catch (fault) {
    return { status: 'crashed', outputs: {}, fault };
  }
}

/** The facts the record is closed with: a fault is `crashed`; a stop says why when nothing else did. */
function runEnd(result: ExecutionResult, recorder: RunRecorder, timeout: string | undefined): RunEnd {
  const { fault, ...facts } = result;
  if ('fault' in result) {
    recorder.line(`crashed: ${describeError(fault)}`);
    return {
      ...facts,
      status: 'crashed',
      error: {
        code: fault instanceof RemediateError ? fault.code : 'INTERNAL',
        message: recorder.redact(describeError(fault)),
      },
    };
  }
  if (facts.status === 'cancelled' && facts.error === undefined) {
    return {
      ...facts,
      error: {
        code: 'CANCELLED',
        message: 'the run was cancelled (SIGINT, SIGTERM or SIGHUP); the running step was stopped and the rest skipped',
      },
    };
  }
  if (facts.status === 'timed-out' && facts.error === undefined) {
    return {
      ...facts,
      error: {
        code: 'TIMED_OUT',
        message: `the run passed its time limit (${timeout ?? DEFAULT_RUN_TIMEOUT}); the running step was stopped and the rest skipped`,
      },
    };
  }
  return facts;
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Exit code of a final status (README "Exit codes"). */
export function exitCodeFor(status: RunStatus): ExitCodeValue {
  switch (status) {
    // A check-only run that found drift (`unhealthy`) did its job: the status says what it found.
    case 'succeeded':
    case 'healthy':
    case 'unhealthy':
      return ExitCode.ok;
    case 'refused':
      return ExitCode.refused;
    case 'cancelled':
    case 'timed-out':
      return ExitCode.cancelled;
    default:
      return ExitCode.failed;
  }
}

/** Prints the plan execution would take: the same RunPlan value, with parameters as recorded (redacted). */
function printPlan(
  out: (line: string) => void,
  plan: RunPlan,
  params: Readonly<Record<string, unknown>>,
  digest: string | undefined,
  facts: Readonly<Record<string, string>>,
): void {
  const { release, definition } = plan;
  const secretNames = definition.secrets;
  const optionalSecrets = definition['optional-secrets'] ?? [];
  if (release.unreleased === true || digest === undefined) {
    out(`plan for ${plan.name}, UNRELEASED working tree (dry run: nothing will run)`);
    out(`  digest:    ${release.digest} (remediations/${plan.name}/ as it is now; no release vouches for it)`);
  } else {
    out(`plan for ${formatRef(plan)} (dry run: nothing will run)`);
    out(`  plan digest: ${digest}`);
    out(`  commit:    ${release.commit}`);
    out(`  digest:    ${release.digest}`);
    out(`  manifest:  serial ${release.manifestSerial}, digest ${release.manifestDigest}`);
    out(`  signers:   ${release.signers.join(', ')}`);
  }
  out('  parameters:');
  for (const [name, value] of Object.entries(params)) out(`    ${paramEnvName(name)}=${JSON.stringify(value)}`);
  if (Object.keys(params).length === 0) out('    (none)');
  if (Object.keys(facts).length > 0) {
    out('  target facts:');
    for (const [name, value] of Object.entries(facts)) out(`    ${targetFactEnvName(name)}=${JSON.stringify(value)}`);
  }
  out(`  secrets:   ${secretNames.length ? secretNames.map((s) => `${s}=***`).join(', ') : '(none)'}`);
  if (optionalSecrets.length > 0) {
    out(`  optional:  ${optionalSecrets.map((s) => (s in plan.secrets ? `${s}=***` : `${s} (not set)`)).join(', ')}`);
  }
  out(`  force:     ${plan.force}`);
  if (plan.checkOnly === true) out('  check only: the check stage runs; no step, verify or rollback');
  for (const stage of ['check', 'steps', 'verify', 'rollback'] as const) {
    const steps = definition[stage];
    out(`  ${stage}:${steps.length ? '' : ' (none)'}`);
    for (const step of steps) {
      const extras = [
        step.timeout && `timeout ${step.timeout}`,
        step.retries && `retries ${step.retries}`,
        step['continue-on-error'] && 'continue-on-error',
        step.shell === 'sh' && 'sh',
      ].filter(Boolean);
      out(`    - ${step.id}${step.name ? ` (${step.name})` : ''}${extras.length ? ` [${extras.join(', ')}]` : ''}`);
    }
  }
}
