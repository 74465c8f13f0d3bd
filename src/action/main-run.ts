import { randomBytes } from 'node:crypto';
import { ExitCode, TrustError, UsageError, describeError } from '../errors.ts';
import { parsePublicKey, type TrustedKey } from '../core/keys.ts';
import { checkManifestFreshness, MAX_MANIFEST_BYTES, type PublishedSerial } from '../core/manifest-verifier.ts';
import { readBoundedFile } from '../adapters/bounded-file.ts';
import { GitCli, gitEnvironment, type GitObjectSource } from '../adapters/git-client.ts';
import { RestGitSource } from '../adapters/github-api.ts';
import { runRemediation, type RunOutcome } from '../app/run.ts';
import type { ApprovalRecord, RunSnapshot } from '../record/snapshot.ts';
import { renderPlanSummary } from '../app/plan-summary.ts';
import { formatRef } from '../core/version-ref.ts';
import type { ReplayRequest } from '../app/replay.ts';
import { buildRunDeps, buildRunSettings, githubRunId } from '../app/run-request.ts';
import { MAX_KEY_FILE_BYTES } from '../app/load-keys.ts';
import { STATE, type ActionIo } from './action-io.ts';
import { findPublishedManifest, readPublishedSerial } from '../app/published-manifest.ts';
import { publishRecord } from './publish.ts';
import { attestClosedRecord, type AttestOutcome } from './attest-record.ts';
import { readActionSettings, type ActionSettings } from './settings.ts';
import type { ConnectedDeps, MainDeps } from './deps.ts';
import { reportError } from './report-error.ts';
import { join } from 'node:path';
import { combinedRunHistory, localRunHistory, type RunHistorySource } from '../app/run-history.ts';
import { publishedRunHistory, type PublishedRecordStore } from '../app/published-records.ts';

/** Names the Action sets itself; a remediation's declared output may not overwrite them. */
export const RESERVED_OUTPUTS = [
  'status',
  'digest',
  'manifest-serial',
  'snapshot-digest',
  'record-path',
  'artifact-id',
  'artifact-url',
  'release-url',
  'attestation-id',
  'attestation-url',
  'error-code',
  'plan-digest',
] as const;

/** The Action's main step: verify, run, record, publish, report. Never throws. */
export async function runMain(mainDeps: MainDeps): Promise<void> {
  const { io } = mainDeps;
  try {
    const settings = readActionSettings((name) => io.getInput(name), mainDeps.env);
    const replay = settings.replay === undefined ? undefined : await readReplay(settings, settings.replay, io);
    // A replay acts on the recorded target (readReplay refuses a different `target` input), with
    // the recorded facts: an SSH-mode run is repeated on the host it reached.
    const target = replay !== undefined ? replay.target : settings.target;
    const targetFacts = replay !== undefined ? replay.targetFacts : settings.targetFacts;
    const deps: ConnectedDeps = { ...mainDeps, api: mainDeps.connectApi(settings.token, settings.repository) };
    const keys = await loadKeys(settings);
    const source = await chooseSource(settings, deps);
    const { bytes: manifestBytes, published: publishedSerial } = await loadManifest(settings, keys, deps);
    const approval =
      settings.approvedPlanDigest !== undefined || settings.approvedIn !== undefined
        ? await readApproval(settings, deps)
        : undefined;
    // Untrusted step output is fenced: between these markers the runner ignores workflow commands,
    // so a step cannot set outputs, add masks or change the job's environment by printing them.
    const fence = randomBytes(16).toString('hex');
    let fenced = false;
    let outcome: RunOutcome;
    try {
      outcome = await runRemediation(
        await buildRunSettings({
          ref: settings.ref,
          threshold: settings.threshold,
          minSerial: settings.minSerial,
          ...(publishedSerial !== undefined ? { published: publishedSerial } : {}),
          ...(settings.acceptOlderSerial !== undefined ? { acceptOlderSerial: settings.acceptOlderSerial } : {}),
          params: replay?.params ?? settings.params,
          cliParams: {},
          outDir: settings.outDir,
          dryRun: settings.dryRun,
          force: settings.force,
          checkOnly: settings.checkOnly,
          ...(target !== undefined ? { target } : {}),
          targetFacts,
          ignoreCircuitBreaker: settings.ignoreCircuitBreaker,
          ...(settings.idempotencyKey !== undefined ? { idempotencyKey: settings.idempotencyKey } : {}),
          ...(replay !== undefined ? { replay: replay.replay } : {}),
          ...(settings.approvedPlanDigest !== undefined ? { approvedPlanDigest: settings.approvedPlanDigest } : {}),
          ...(approval !== undefined ? { approval } : {}),
          ...(settings.approvedIn !== undefined ? { requiredApproval: settings.approvedIn } : {}),
          runId: githubRunId(settings.runId, settings.runAttempt, settings.recordSuffix),
          // The Action only ever runs as a step of a GitHub job: the trigger is the job's.
          github: { ...settings.github, actions: true },
          toolPath: deps.toolPath,
          runnerInfo: {
            ...(settings.github.runnerName ? { name: settings.github.runnerName } : {}),
            ...(settings.github.runnerOs ? { os: settings.github.runnerOs } : {}),
          },
        }),
        buildRunDeps({
          git: source,
          manifestBytes,
          trustedKeys: keys,
          callerEnv: deps.env,
          scratchRoot: settings.runnerTemp,
          clock: deps.now,
          cancel: deps.cancel,
          out: (line) => io.info(line),
          onSecrets: (values) => values.forEach((v) => io.setSecret(v)),
          onRecordStarted: (dir) => {
            io.saveState(STATE.recordDir, dir);
            io.saveState(STATE.ref, `${settings.ref.name}@${settings.ref.version}`);
            io.writeRaw(`::stop-commands::${fence}\n`);
            fenced = true;
          },
          echo: (bytes) => io.writeRaw(bytes),
          history: actionRunHistory(settings, deps),
        }),
      );
    } finally {
      if (fenced) io.writeRaw(`\n::${fence}::\n`);
    }

    warnOfOlderSerial(io, settings, publishedSerial, outcome.manifestSerial);
    if (outcome.kind === 'planned') {
      io.setOutput('status', 'planned');
      io.setOutput('digest', outcome.digest);
      io.setOutput('manifest-serial', String(outcome.manifestSerial));
      io.setOutput('plan-digest', outcome.planDigest);
      // The dry run is the approval mode's plan job: the summary is what the reviewer approves.
      await io.writeSummary(
        renderPlanSummary({
          plan: outcome.plan,
          planDigest: outcome.planDigest,
          recordedParams: outcome.recordedParams,
          target,
        }),
      );
      return;
    }
    const { recordDir, snapshotDigest, refusal } = outcome;
    // Attested before publishing, so the artifact and the release carry receipt.sigstore.json.
    const attestation = await attestClosedRecord(settings, deps, recordDir, outcome.seal);
    const published = await publishRecord(settings, deps, recordDir, snapshotDigest, attestation);
    io.saveState(STATE.published, 'true');
    reportOutputs(io, recordDir, snapshotDigest, published.snapshot, outcome, published, attestation);
    const attestFailure = attestation.kind === 'failed' && attestation.required ? attestation.message : undefined;
    if (refusal) {
      io.setFailed(`refused [${refusal.code}]: ${refusal.message}`);
    } else if (outcome.exitCode !== ExitCode.ok) {
      io.setFailed(
        `${settings.ref.name}@${settings.ref.version}: ${outcome.status}${published.snapshot.error ? ` (${published.snapshot.error.code}: ${published.snapshot.error.message})` : ''}`,
      );
    } else if (published.failures.length) {
      io.setFailed(
        `the run ${outcome.status} but publishing the record failed: ${published.failures.join('; ')}; the record is still on the runner at ${recordDir}`,
      );
    } else if (attestFailure !== undefined) {
      io.setFailed(`the run ${outcome.status} but ${attestFailure}`);
    }
    // The step failed for another reason: the attestation failure (attest: true) is still said.
    if (attestFailure !== undefined && (refusal || outcome.exitCode !== ExitCode.ok || published.failures.length)) {
      io.error(attestFailure);
    }
  } catch (error) {
    reportError(io, error);
  }
}

/**
 * Reads and checks the record named by `replay-of` (against `replay-snapshot-digest`) and returns
 * the run it asks for again. The `remediation` input must name the record's version: it names the
 * job and keys the concurrency group, so a record of another version is refused rather than run
 * outside the group that serialises it. Parameters come only from the record.
 */
async function readReplay(
  settings: ActionSettings,
  replay: NonNullable<ActionSettings['replay']>,
  io: ActionIo,
): Promise<ReplayRequest> {
  // Loaded only for a replay: it brings the snapshot validator, which a run does not need.
  const { readReplayRequest } = await import('../app/replay.ts');
  const request = await readReplayRequest(replay.dir, { snapshotDigest: replay.snapshotDigest }, { unanchored: false });
  if (request.ref.tag !== settings.ref.tag) {
    throw new UsageError(
      'NOT_REPLAYABLE',
      `input 'replay-of': the record is of ${formatRef(request.ref)}, but input 'remediation' is ${formatRef(settings.ref)}; give the record's version`,
    );
  }
  if (Object.keys(settings.params).length > 0) {
    throw new UsageError(
      'USAGE',
      "input 'params': expected none with 'replay-of' (a replay runs the recorded parameters)",
    );
  }
  // Attack (or a slip): a replay of a record with a target asked for without input `target`
  // would act on that target outside the concurrency group that keeps two fixes of one target
  // apart (the workflows key it by the input), beside another run fixing it (found by review).
  if (request.target !== undefined && settings.target === undefined) {
    throw new UsageError(
      'NOT_REPLAYABLE',
      `input 'target': the record's target is '${request.target}'; give it as input 'target' too (it keys the concurrency group that keeps two fixes of one target apart)`,
    );
  }
  if (settings.target !== undefined && settings.target !== request.target) {
    throw new UsageError(
      'NOT_REPLAYABLE',
      `input 'target': the record's target is ${request.target === undefined ? '(none)' : `'${request.target}'`}, not '${settings.target}'; a replay acts on the recorded target`,
    );
  }
  if (Object.keys(settings.targetFacts).length > 0) {
    throw new UsageError(
      'USAGE',
      "input 'target-facts': expected none with 'replay-of' (a replay runs with the recorded target facts)",
    );
  }
  const { of } = request.replay;
  io.info(`replaying ${formatRef(request.ref)} run ${of.runId} (snapshot ${of.snapshotDigest})`);
  for (const anchor of request.anchors) io.info(`  authenticated: ${anchor}`);
  return request;
}

function reportOutputs(
  io: ActionIo,
  recordDir: string,
  snapshotDigest: string,
  snapshot: RunSnapshot,
  outcome: Extract<RunOutcome, { kind: 'recorded' }>,
  published: { artifact?: { id: number; url: string }; release?: { url: string } },
  attestation: AttestOutcome,
): void {
  io.setOutput('status', snapshot.status);
  io.setOutput('digest', snapshot.remediation.digest ?? '');
  io.setOutput('manifest-serial', snapshot.manifest ? String(snapshot.manifest.serial) : '');
  io.setOutput('snapshot-digest', snapshotDigest);
  io.setOutput('record-path', recordDir);
  io.setOutput('artifact-id', published.artifact ? String(published.artifact.id) : '');
  io.setOutput('artifact-url', published.artifact?.url ?? '');
  io.setOutput('release-url', published.release?.url ?? '');
  io.setOutput('attestation-id', attestation.kind === 'attested' ? attestation.id : '');
  io.setOutput('attestation-url', attestation.kind === 'attested' ? attestation.url : '');
  // The calling workflow escalates on it: `if: steps.fix.outputs.error-code == 'CIRCUIT_OPEN'`.
  io.setOutput('error-code', snapshot.error?.code ?? '');
  for (const [name, value] of Object.entries(outcome.outputs)) {
    if ((RESERVED_OUTPUTS as readonly string[]).includes(name)) {
      io.warning(
        `declared output '${name}' is not set: the name is one of the Action's own outputs; rename it in the definition`,
      );
    } else {
      io.setOutput(name, value);
    }
  }
}

/**
 * Who approved this workflow run's protected environments, for the record of an approved plan.
 * The approval itself is GitHub's (the environment's required reviewers held the job); a failure
 * to read the reviews is recorded as such, and refuses the run only when `approved-in` asks for
 * the approval to be shown (app/approval-check.ts).
 */
async function readApproval(settings: ActionSettings, deps: ConnectedDeps): Promise<ApprovalRecord> {
  const readAt = deps.now().toISOString();
  try {
    const reviews = await (await deps.api()).listRunApprovals(Number(settings.runId));
    return { readAt, reviews };
  } catch (error) {
    const unavailable = `the run's reviews could not be read (GET /repos/${settings.repository}/actions/runs/${settings.runId}/approvals needs actions: read): ${describeError(error)}`;
    deps.io.warning(unavailable);
    return { readAt, unavailable: unavailable.slice(0, 1000) };
  }
}

/**
 * The history the circuit breaker counts in a job: this runner's records (a self-hosted runner
 * keeps RUNNER_TEMP between jobs only by accident, but what is there counts) and the records
 * published as this repository's artifacts, which every earlier run of every runner left. Read
 * only when the version has a breaker; it needs `actions: read` for the token.
 */
function actionRunHistory(settings: ActionSettings, deps: ConnectedDeps): RunHistorySource {
  const store: PublishedRecordStore = {
    listArtifactsPage: async (page) => (await deps.api()).listArtifactsPage(page),
    download: (artifact, dir) => deps.downloadArtifact(settings.token, settings.repository)(artifact, dir),
  };
  return combinedRunHistory([
    localRunHistory(settings.outDir),
    publishedRunHistory(store, join(settings.runnerTemp, `remediate-history-${randomBytes(4).toString('hex')}`)),
  ]);
}

async function loadKeys(settings: ActionSettings): Promise<TrustedKey[]> {
  const keys = settings.trustedKeysPem.map((pem, i) => parsePublicKey(pem, `trusted-keys[${i}]`));
  for (const path of settings.trustedKeyPaths)
    keys.push(
      parsePublicKey(
        readBoundedFile(path, { label: "input 'trusted-keys': key file", maxBytes: MAX_KEY_FILE_BYTES }),
        path,
      ),
    );
  return keys;
}

// Prefer the checkout's own git objects when it has the tag (no API calls, same digest);
// otherwise read the objects through the REST API.
async function chooseSource(settings: ActionSettings, deps: ConnectedDeps): Promise<GitObjectSource> {
  const local = new GitCli(settings.workspace, gitEnvironment(deps.env));
  const commit = await local.tryResolveTag(settings.ref.tag).catch(() => undefined);
  if (commit) {
    deps.io.info(`reading ${settings.ref.tag} from the checkout's git objects`);
    return local;
  }
  local.close();
  deps.io.info(`the checkout does not have tag ${settings.ref.tag}; reading it through the GitHub API`);
  return new RestGitSource(await deps.api());
}

/**
 * The manifest the run verifies against, and the highest serial the repository published (from the
 * `manifest/s<serial>` tags; undefined when there is none), which the run refuses to go below: a
 * manifest file in the workspace costs one API call for it, a published manifest none extra.
 */
async function loadManifest(
  settings: ActionSettings,
  keys: readonly TrustedKey[],
  deps: ConnectedDeps,
): Promise<{ bytes: Uint8Array; published: PublishedSerial | undefined }> {
  if (settings.manifest.kind === 'path') {
    const bytes = readBoundedFile(settings.manifest.path, { label: "input 'manifest':", maxBytes: MAX_MANIFEST_BYTES });
    // Attack: an older manifest file (from before a yank) committed or named as input. Learned
    // from GitHub, not from the checkout, whose files and tags the run's own ref decides.
    return { bytes, published: await readPublishedSerial(await deps.api()) };
  }
  const api = await deps.api();
  const published = await findPublishedManifest(api, { keys, threshold: settings.threshold });
  // No fallback to the manifest on the version's own release: deleting the manifest releases
  // (anyone with write access can) would then run a version a later manifest yanked.
  if (!published?.verified) {
    throw new TrustError(
      'MALFORMED',
      `no signed manifest found: no release is tagged manifest/s<serial>. Publish the newest manifest once with 'remediate github publish-manifest' (the release workflow does it for every release), or pass the manifest input`,
    );
  }
  for (const skipped of published.skipped) deps.io.warning(`ignored ${skipped.source}: ${skipped.reason}`);
  // The newest authentic manifest decides alone: expired or below min-serial refuses the run,
  // never a fallback to an older manifest that a newer one may have yanked versions from.
  checkManifestFreshness(published.verified.payload, { minSerial: settings.minSerial, now: deps.now() });
  deps.io.info(`using the manifest of ${published.source} (serial ${published.serial})`);
  // A higher tag passed over (its release deleted, replaced or unreadable) still raises the floor.
  return { bytes: published.bytes, published: published.highest };
}

/**
 * Says when `accept-older-serial` let an older manifest through (the record says it too), and
 * when it was given but not needed: left in a caller, it would accept that old serial again later.
 */
function warnOfOlderSerial(
  io: ActionIo,
  settings: ActionSettings,
  published: PublishedSerial | undefined,
  manifestSerial: number | undefined,
): void {
  const accepted = settings.acceptOlderSerial;
  if (accepted === undefined) return;
  if (published !== undefined && manifestSerial === accepted && accepted < published.serial) {
    io.warning(
      `accept-older-serial: ran against manifest serial ${accepted}, below serial ${published.serial}, the highest published (${published.source}); recorded. Publish a newer manifest and remove the input`,
    );
  } else if (manifestSerial !== undefined) {
    io.warning(
      `accept-older-serial ${accepted} was not needed (manifest serial ${manifestSerial}, highest published ${published?.serial ?? 'none'}): remove it, or it would accept serial ${accepted} again later`,
    );
  }
}
