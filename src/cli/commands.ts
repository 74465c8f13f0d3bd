import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBoundedFile } from '../adapters/bounded-file.ts';
import { stopCommandsToken } from '../adapters/github-output.ts';
import { runRemediation, UNRELEASED_VERSION, type RunOutcome, type RunReplay } from '../app/run.ts';
import { checkDefinition } from '../app/check-definition.ts';
import { initRemediation } from '../app/init-remediation.ts';
import { buildRunDeps, buildRunSettings, githubRunId, type SuppliedRunDeps } from '../app/run-request.ts';
import { reportThrown } from '../app/error-report.ts';
import type { GitHubEnvironment } from '../app/github-environment.ts';
import { describeError, ExitCode, TrustError, UsageError, type ExitCodeValue } from '../errors.ts';
import { formatIssue } from '../core/definition-parser.ts';
import { checkAppendOnly } from '../core/append-check.ts';
import { MAX_PAYLOAD_BYTES } from '../core/dispatch-payload.ts';
import { readPayloadUnverified } from '../core/manifest-verifier.ts';
import { parseParamsJson } from '../core/params-json.ts';
import { treeDigest } from '../core/tree-digest.ts';
import { formatRef, makeVersionRef } from '../core/version-ref.ts';
import { parsePrivateKey, parsePublicKey, type SigningKey } from '../core/keys.ts';
import { GitCli, gitEnvironment, type GitRepository } from '../adapters/git-client.ts';
import { readRemediationAtCommit, readRemediationFromWorkingTree } from '../adapters/remediation-source.ts';
import type { CommandContext } from '../app/context.ts';
import { writeKeyPair } from '../app/keygen.ts';
import { loadSigningKeys, loadTrustedKeys, readKeyFile } from '../app/load-keys.ts';
import { manifestLines, versionLine, versionsOf, viewManifest } from '../app/manifest-view.ts';
import { checkOutFolder } from '../app/out-folder.ts';
import { DEFAULT_MANIFEST_PATH, readManifest } from '../app/manifest-file.ts';
import { releaseVersion } from '../app/release.ts';
import { resolveRecordArgument, type RecordArgumentSettings } from '../app/record-argument.ts';
import { resolveRelease } from '../app/resolve-release.ts';
import { yankVersion } from '../app/yank.ts';
import { readCliSettings, type AnchorSettings, type CliCommand } from './settings.ts';
import { helpText } from './usage-text.ts';
import type { RecordAnchors } from '../app/verify-run.ts';
import type { RunListSource } from '../app/run-list.ts';
import { TOOL_VERSION } from '../version.ts';
import { MAX_ATTESTATION_BYTES } from '../record/receipt.ts';
import { oneLine, terminalSafe } from '../app/terminal-text.ts';
import { Report, TEXT_OUTPUT } from './report.ts';
import { failureLines, paletteFor, RunConsole } from './progress.ts';
import type { RunSnapshot, StepRecord } from '../record/snapshot.ts';

/** Runs one command line and returns its exit code; never throws, never exits the process. */
export async function runCli(argv: readonly string[], context: CommandContext): Promise<ExitCodeValue> {
  // Undefined until the command line is parsed: a usage error in it is text on stderr only.
  let report: Report | undefined;
  try {
    const { command, github, noColor } = readCliSettings(argv, context.cwd, context.env);
    report = new Report('output' in command ? command.output : TEXT_OUTPUT, context);
    return await execute(command, github, { ...context, noColor, report });
  } catch (error) {
    const code = reportError(error, context);
    // Under --json, an error still ends stdout with one document (its human line is on stderr).
    report?.failed(error, code);
    return code;
  }
}

/** A command's context, and how it prints: its Report, and whether colour is turned off. */
interface ReportingContext extends CommandContext {
  readonly report: Report;
  readonly noColor: boolean;
}

async function execute(
  command: CliCommand,
  github: GitHubEnvironment,
  context: ReportingContext,
): Promise<ExitCodeValue> {
  const { out, report } = context;
  switch (command.command) {
    case 'help':
      out(helpText(command.topic));
      return ExitCode.ok;
    case 'version':
      out(TOOL_VERSION);
      return ExitCode.ok;
    case 'keygen': {
      const { keyid, publicPath } = await writeKeyPair(command.out);
      out(`private key: ${command.out} (mode 0600; keep it secret)`);
      out(`public key:  ${publicPath}`);
      out(`keyid:       ${keyid}`);
      return ExitCode.ok;
    }
    case 'digest': {
      const git = gitIn(context);
      const root = await git.topLevel();
      report.know({ name: command.name, ref: command.ref ?? null });
      const done = { status: 'ok', exitCode: ExitCode.ok, code: null, message: null } as const;
      if (command.ref === undefined) {
        const digest = treeDigest(await readRemediationFromWorkingTree(root, command.name));
        report.line(`${digest}  remediations/${command.name}/ (working tree, unreleased: may differ from any tag)`);
        return report.finish({ ...done, digest, commit: null });
      }
      const commit = await git.tryResolveCommit(command.ref);
      if (!commit) throw new UsageError('NOT_FOUND', `--ref ${command.ref} names no commit in this repository`);
      const digest = treeDigest(await readRemediationAtCommit(git, commit, command.name));
      report.line(`${digest}  remediations/${command.name}/ at ${command.ref} (${commit})`);
      return report.finish({ ...done, digest, commit });
    }
    case 'init': {
      const root = await gitIn(context).topLevel();
      const result = await initRemediation(root, command.name);
      out(`wrote ${result.dir}/:`);
      for (const file of result.files) out(`  ${file}`);
      out(`  schema: ${result.schema}`);
      out('next:');
      out(`  1. edit ${result.dir}/remediation.yml, check.sh and fix.sh`);
      out('  2. remediate validate');
      out(
        `  3. remediate try ${command.name} --param path=/tmp/${command.name}.flag   (runs the working tree, UNRELEASED)`,
      );
      out(
        `  4. commit, review, then remediate release ${command.name} v1.0.0 --key <private key> (or push the tag ${command.name}/v1.0.0 for release.yml)`,
      );
      return ExitCode.ok;
    }
    case 'try':
      return tryCommand(command, github, context);
    case 'release': {
      const git = gitIn(context);
      const root = await git.topLevel();
      const keys = await loadSigningKeys(command.keys);
      const manifestPath = command.manifest ?? join(root, DEFAULT_MANIFEST_PATH);
      const result = await releaseVersion(
        git,
        keys,
        {
          ref: command.ref,
          manifestPath,
          lifetimeMs: command.lifetimeMs,
          existingTag: command.existingTag,
          firstRelease: command.firstRelease,
          ...(command.manifestOut ? { manifestOut: command.manifestOut } : {}),
        },
        context.now(),
      );
      out(`released ${formatRef(command.ref)}`);
      out(`  tag:      ${command.ref.tag} -> ${result.commit}`);
      out(`  digest:   ${result.digest}`);
      out(
        `  manifest: ${command.manifestOut ?? manifestPath} (serial ${result.serial}, signed by ${result.signers.join(', ')})`,
      );
      if (!command.existingTag) out(`next: commit the manifest and push the tag: git push origin ${command.ref.tag}`);
      return ExitCode.ok;
    }
    case 'yank': {
      const git = gitIn(context);
      const keys = await loadSigningKeys(command.keys);
      const manifestPath = command.manifest ?? join(await git.topLevel(), DEFAULT_MANIFEST_PATH);
      const { serial } = await yankVersion(
        keys,
        {
          ref: command.ref,
          reason: command.reason,
          manifestPath,
          lifetimeMs: command.lifetimeMs,
          ...(command.replacement !== undefined ? { replacement: command.replacement } : {}),
        },
        context.now(),
      );
      out(`yanked ${formatRef(command.ref)}: ${command.reason}`);
      if (command.replacement !== undefined) out(`  replacement: ${command.ref.name}@${command.replacement}`);
      out(
        `  manifest: ${manifestPath} (serial ${serial}); runners pinning --min-serial ${serial} can no longer be shown the old one`,
      );
      return ExitCode.ok;
    }
    case 'verify': {
      report.know({ name: command.ref.name, version: command.ref.version });
      const git = gitIn(context);
      const manifestPath = command.manifest ?? join(await git.topLevel(), DEFAULT_MANIFEST_PATH);
      const keys = await loadTrustedKeys(command.trustedKeys);
      const { release } = await resolveRelease(git, command.ref, await readManifest(manifestPath), keys, {
        threshold: command.threshold,
        minSerial: command.minSerial,
        now: context.now(),
      });
      const m = release.manifest;
      report.line(`verified ${formatRef(command.ref)}`);
      report.line(`  tag:       ${command.ref.tag} -> ${release.commit} (matches the signed commit)`);
      report.line(`  digest:    ${release.digest} (recomputed from git objects; matches)`);
      report.line(
        `  manifest:  ${manifestPath} serial ${m.payload.serial} (>= ${command.minSerial}), expires ${m.payload.expires}`,
      );
      report.line(`  signers:   ${m.signers.join(', ')} (${m.signers.length} of threshold ${command.threshold})`);
      report.line(`  released:  ${release.entry.released}; not yanked`);
      return report.finish({
        status: 'verified',
        exitCode: ExitCode.ok,
        code: null,
        message: null,
        tag: command.ref.tag,
        commit: release.commit,
        digest: release.digest,
        released: release.entry.released,
        manifest: {
          file: manifestPath,
          serial: m.payload.serial,
          expires: m.payload.expires,
          signers: m.signers,
          threshold: command.threshold,
          minSerial: command.minSerial,
        },
      });
    }
    case 'run':
      return runCommand(command, github, context);
    case 'replay':
      return replayCommand(command, github, context);
    case 'demo':
      return (await import('./demo.ts')).runDemo(context, command.clean, runCli);
    case 'show': {
      // Loaded only here, as verify-run is: it brings the large snapshot validator.
      const { showRunRecordWithFacts } = await import('../app/show-record.ts');
      const resolved = await resolveRecordArgument(command.record, recordArgumentSettings(command, github, context));
      try {
        if (resolved.kind === 'published')
          report.note(`fetched artifact ${resolved.artifact} from ${command.fetchFrom}`);
        const { lines, verified } = await showRunRecordWithFacts(resolved.dir, loadAnchors(command));
        lines.forEach((line) => report.line(line));
        // A reader: an unauthenticated record is shown (under its banner, `authenticated: false`),
        // exit 0; verify-run refuses it. The document carries the verified snapshot itself.
        return report.finish({
          status: verified.anchors.length > 0 ? 'authenticated' : 'unauthenticated',
          exitCode: ExitCode.ok,
          code: null,
          message: null,
          record: resolved.dir,
          ...recordFields(verified.snapshot),
          authenticated: verified.anchors.length > 0,
          anchors: verified.anchors,
          complete: verified.complete,
          snapshotDigest: verified.snapshotDigest,
          snapshot: verified.snapshot,
        });
      } finally {
        await resolved.done();
      }
    }
    case 'runs-list':
      return runsListCommand(command, github, context);
    // The workflow-pack commands load only when called: a run does not pay for them.
    case 'dispatch-parse':
      return (await import('./pack-commands.ts')).dispatchParse(command.event, command.githubOutput, github, context);
    case 'targets-resolve':
      return (await import('./pack-commands.ts')).targetsResolveCommand(command, github, context);
    case 'validate':
      return (await import('./pack-commands.ts')).validateCommand(
        command.base,
        command.summary,
        github,
        context,
        report,
      );
    case 'summarize':
      return (await import('./pack-commands.ts')).summarizeCommand(command.dirs, command.summary, context);
    case 'newest-manifest':
      return (await import('./pack-commands.ts')).newestManifestCommand(
        command.out,
        command.trustedKeys,
        github,
        context,
      );
    case 'publish-release':
      return (await import('./pack-commands.ts')).publishReleaseCommand(command, github, context);
    case 'publish-manifest':
      return (await import('./pack-commands.ts')).publishManifestCommand(command, github, context);
    case 'fleet-gate':
      return (await import('./pack-commands.ts')).fleetGateCommand(command, github, context);
    case 'download-records':
      return (await import('./pack-commands.ts')).downloadRecordsCommand(command, github, context, command.run);
    case 'blast-radius':
      return (await import('./pack-commands.ts')).blastRadiusCommand(command, github, context);
    case 'verify-run': {
      // Loaded only here: the snapshot validator is large, and no other command needs it.
      const { verifyRunRecord } = await import('../app/verify-run.ts');
      const resolved = await resolveRecordArgument(command.record, recordArgumentSettings(command, github, context));
      const { dir } = resolved;
      report.know({ record: dir });
      if (resolved.kind === 'published') report.note(`fetched artifact ${resolved.artifact} from ${command.fetchFrom}`);
      try {
        const result = await verifyRunRecord(dir, loadAnchors(command));
        const verdict = `${result.anchors.length > 0 ? 'intact' : 'consistent'}${result.snapshot.unreleased === true ? ' UNRELEASED record (remediate try)' : ''}`;
        report.line(
          `${result.complete ? verdict : `${verdict} but incomplete (the run was interrupted; its valid prefix verifies)`}: status ${result.status}, ${result.steps} step(s), ${result.log.bytes} log bytes in ${result.log.blocks} chained block(s), head ${result.log.head.slice(0, 16)}, snapshot ${result.snapshotDigest}`,
        );
        // Consistency alone proves nothing: whoever can write the folder can recompute all of it.
        const { snapshot } = result;
        report.know({
          ...recordFields(snapshot),
          complete: result.complete,
          log: { bytes: result.log.bytes, blocks: result.log.blocks, head: result.log.head },
          snapshotDigest: result.snapshotDigest,
          anchors: result.anchors,
        });
        if (result.anchors.length === 0 && result.unpinnedLog) {
          throw new TrustError(
            'UNANCHORED',
            `${dir} is consistent, and its snapshot matches the digest given, but NOT authenticated: the run was killed before its log was closed, so the snapshot pins no byte of run.log (a receipt or an attestation would)`,
          );
        }
        if (result.anchors.length === 0) {
          throw new TrustError(
            'UNANCHORED',
            `${dir} is consistent but NOT authenticated: nothing outside the record vouches for it. Give --trusted-key <the run key's public key> (a signed receipt.dsse.json), --snapshot-digest <sha256 printed when it ran>, or --trusted-root <gh attestation trusted-root output> --signer-workflow OWNER/REPO/.github/workflows/<file> --repo OWNER/REPO for its attestation (online: gh attestation verify ${dir}/snapshot.json --repo OWNER/REPO)`,
          );
        }
        // An unreleased record (remediate try) is authenticated as a record, but it never reads as
        // a released version: no tag, manifest or signature vouched for what ran.
        if (snapshot.unreleased === true) {
          report.know({ unreleased: true });
          report.line(
            `  run:           ${snapshot.remediation.name} UNRELEASED (remediate try of a working tree, digest ${snapshot.remediation.digest ?? '(none)'}; not a released version) (${snapshot.runId})`,
          );
        } else {
          report.line(
            `  run:           ${snapshot.remediation.name}@${snapshot.remediation.version} (${snapshot.runId})`,
          );
        }
        for (const anchor of result.anchors) report.line(`  authenticated: ${anchor}`);
        // A gate that reads only `status` must not take a working-tree run for a released one.
        return report.finish({
          status: snapshot.unreleased === true ? 'intact-unreleased' : 'intact',
          exitCode: ExitCode.ok,
          code: null,
          message: null,
        });
      } finally {
        await resolved.done();
      }
    }
    // The gateway loads only for its commands: node:sqlite, http and its core stay out of a run.
    case 'gateway':
      return (await import('./gateway-command.ts')).gatewayCommand(command.config, context);
    case 'gateway-check':
      return (await import('./gateway-command.ts')).gatewayCheckCommand(command.config, context);
    case 'gateway-replay-dead':
      return (await import('./gateway-command.ts')).gatewayReplayDeadCommand(command.config, context);
    case 'manifest-show':
    case 'versions': {
      const manifestPath = command.manifest ?? join(await gitIn(context).topLevel(), DEFAULT_MANIFEST_PATH);
      const view = viewManifest(
        manifestPath,
        await readManifest(manifestPath),
        command.trustedKeys.length
          ? { trustedKeys: await loadTrustedKeys(command.trustedKeys), threshold: command.threshold }
          : undefined,
        context.now(),
      );
      if (command.command === 'manifest-show') {
        if (command.json) out(JSON.stringify(view, null, 2));
        else for (const line of manifestLines(view)) out(line);
        return ExitCode.ok;
      }
      const versions = versionsOf(view, command.name ?? '');
      if (command.json) out(JSON.stringify(versions, null, 2));
      else {
        if (!view.signatures.checked) context.err('note: signatures not checked (give --trusted-key to authenticate)');
        for (const v of versions) out(versionLine(v));
      }
      return ExitCode.ok;
    }
    case 'manifest-check': {
      const next = await readManifest(command.manifest);
      let previousBytes: Buffer | undefined;
      if (command.previousRef !== undefined) {
        const git = gitIn(context);
        const root = await git.topLevel();
        const relative = command.manifest.startsWith(`${root}/`)
          ? command.manifest.slice(root.length + 1)
          : command.manifest;
        previousBytes = await git.tryReadFileAt(command.previousRef, relative);
        if (!previousBytes) {
          throw new UsageError('NOT_FOUND', `${relative} does not exist at ${command.previousRef}`);
        }
      } else {
        previousBytes = await readManifest(command.previous ?? '');
      }
      const previous = readPayloadUnverified(previousBytes);
      const summary = checkAppendOnly(previous, readPayloadUnverified(next).payload);
      out(`append-only: ok (serial ${previous.payload.serial} -> ${previous.payload.serial + 1})`);
      out(`  added:  ${summary.added.join(', ') || '(none)'}`);
      out(`  yanked: ${summary.yanked.join(', ') || '(none)'}`);
      return ExitCode.ok;
    }
  }
}

/**
 * `remediate replay`: reads and checks the record, then runs its version with its parameters and
 * target through the same path as `run`, recording which record it replays.
 */
async function replayCommand(
  command: Extract<CliCommand, { command: 'replay' }>,
  github: GitHubEnvironment,
  context: ReportingContext,
): Promise<ExitCodeValue> {
  const { report } = context;
  if (!command.dryRun) checkOutFolder(command.outDir, '--out');
  // Loaded only here, as verify-run is: it brings the large snapshot validator.
  const { readReplayRequest } = await import('../app/replay.ts');
  const request = await readReplayRequest(command.dir, loadAnchors(command.anchors), {
    unanchored: command.unanchored,
  });
  const { of } = request.replay;
  report.detail(`replaying ${formatRef(request.ref)} run ${of.runId} (snapshot ${of.snapshotDigest})`);
  for (const anchor of request.anchors) report.detail(`  authenticated: ${anchor}`);
  if (!of.authenticated) {
    report.note(
      `warning: ${command.dir} is NOT authenticated (--unanchored): its parameters are checked against the signed definition, but nothing vouches that they are the ones that ran; the new record says so`,
    );
  }
  return runCommand(
    {
      ...command,
      command: 'run',
      ref: request.ref,
      cliParams: {},
      paramsFile: undefined,
      target: request.target,
      // The record's facts: a run that reached its host over SSH is repeated on that host.
      targetFacts: request.targetFacts,
      // A replay fixes what a person chose to repeat: it is never a check-only run, and it takes
      // no alert's idempotency key (the original's would refuse it as a duplicate).
      checkOnly: false,
      idempotencyKey: undefined,
    },
    github,
    context,
    request,
  );
}

async function runCommand(
  command: Extract<CliCommand, { command: 'run' }>,
  github: GitHubEnvironment,
  context: ReportingContext,
  replay?: { readonly params: Readonly<Record<string, unknown>>; readonly replay: RunReplay },
): Promise<ExitCodeValue> {
  const { report } = context;
  const { ref } = command;
  report.know({
    name: ref.name,
    version: ref.version,
    ...(replay !== undefined
      ? { replayOf: { runId: replay.replay.of.runId, snapshotDigest: replay.replay.of.snapshotDigest } }
      : {}),
  });
  // Before anything is verified or run: a record that cannot be written would otherwise fail the
  // run after its checks (under /proc, only once mkdir fails). A dry run writes no record.
  if (!command.dryRun) checkOutFolder(command.outDir, '--out');
  const git = gitIn(context);
  const root = await git.topLevel();
  const manifestPath = command.manifest ?? join(root, DEFAULT_MANIFEST_PATH);
  const trustedKeys = await loadTrustedKeys(command.trustedKeys);
  const manifestBytes = await readManifest(manifestPath);
  const params =
    replay !== undefined ? replay.params : command.paramsFile === undefined ? {} : readParamsFile(command.paramsFile);
  // Read before anything runs: a wrong key path must not surface only after the steps changed things.
  const signKey = readSignKey(command.signKey, command.dryRun);
  context.setCancellable(true);
  try {
    const outcome = await runRemediation(
      await buildRunSettings({
        ref: command.ref,
        threshold: command.threshold,
        minSerial: command.minSerial,
        params,
        cliParams: command.cliParams,
        outDir: command.outDir,
        dryRun: command.dryRun,
        force: command.force,
        checkOnly: command.checkOnly,
        ...(command.target !== undefined ? { target: command.target } : {}),
        targetFacts: command.targetFacts,
        ignoreCircuitBreaker: command.ignoreCircuitBreaker,
        ...(command.idempotencyKey !== undefined ? { idempotencyKey: command.idempotencyKey } : {}),
        ...(command.planDigest !== undefined ? { approvedPlanDigest: command.planDigest } : {}),
        // In a GitHub job the record is named by the job's run, as the Action names it.
        runId: github.actions && github.runId ? githubRunId(github.runId, github.runAttempt ?? '1') : undefined,
        github,
        toolPath: context.toolPath,
        ...(signKey !== undefined ? { signKey } : {}),
        ...(replay !== undefined ? { replay: replay.replay } : {}),
      }),
      buildRunDeps({
        git,
        manifestBytes,
        trustedKeys,
        callerEnv: context.env,
        scratchRoot: tmpdir(),
        clock: context.now,
        cancel: context.cancel,
        ...consoleDeps(context),
      }),
    );
    if (outcome.kind === 'planned') {
      return report.finish({
        status: 'planned',
        exitCode: outcome.exitCode,
        code: null,
        message: null,
        commit: 'commit' in outcome.plan.release ? outcome.plan.release.commit : null,
        digest: outcome.digest,
        manifestSerial: outcome.manifestSerial,
        planDigest: outcome.planDigest,
        params: outcome.recordedParams,
        force: outcome.plan.force,
        checkOnly: outcome.plan.checkOnly === true,
        steps: (['check', 'steps', 'verify', 'rollback'] as const).flatMap((stage) =>
          outcome.plan.definition[stage].map((step) => ({
            stage,
            id: step.id,
            ...(step.name !== undefined ? { name: step.name } : {}),
          })),
        ),
      });
    }
    report.know({
      record: outcome.recordDir,
      snapshotDigest: outcome.snapshotDigest,
      runId: outcome.snapshot.runId,
      receipt: outcome.receipt ?? null,
    });
    if (outcome.refusal !== undefined) return reportRefusal(outcome, outcome.refusal, context);
    report.line(`${formatRef(command.ref)}: ${outcome.status}`);
    // Why it failed and what the rollback did, with the result (also under --quiet).
    for (const line of failureLines(outcome.snapshot, paletteFor(false, true))) report.line(line);
    printOutputs(outcome.outputs, report.line);
    report.line(`  record:   ${outcome.recordDir}`);
    report.line(`  snapshot: ${outcome.snapshotDigest}`);
    if (replay !== undefined)
      report.detail(`  replays:  run ${replay.replay.of.runId} (${replay.replay.of.snapshotDigest})`);
    const failed = receiptExit(outcome, context);
    if (outcome.receipt !== undefined && 'keyid' in outcome.receipt) {
      report.detail(`  receipt:  ${outcome.receipt.file} (signed by ${outcome.receipt.keyid.slice(0, 16)})`);
      report.detail(`  check it: remediate verify-run ${outcome.recordDir} --trusted-key <the run key's .pub>`);
    } else {
      report.detail(
        `  check it: remediate verify-run ${outcome.recordDir} --snapshot-digest ${outcome.snapshotDigest}`,
      );
    }
    const error = outcome.snapshot.error;
    const receiptError =
      outcome.receipt !== undefined && 'error' in outcome.receipt
        ? { code: 'RECEIPT_WRITE_FAILED', message: outcome.receipt.error }
        : undefined;
    const reason = error ?? receiptError;
    return report.finish({
      ...recordFields(outcome.snapshot),
      status: outcome.status,
      exitCode: failed ?? outcome.exitCode,
      code: reason?.code ?? null,
      message: reason?.message ?? null,
      outputs: outcome.outputs,
    });
  } finally {
    context.setCancellable(false);
  }
}

/**
 * `remediate try`: the working tree's remediations/<name>/ (uncommitted edits included), validated
 * as `validate` does, run through the same run path as `run` (guards, executor, recorder) with no
 * release check, and recorded as unreleased.
 */
async function tryCommand(
  command: Extract<CliCommand, { command: 'try' }>,
  github: GitHubEnvironment,
  context: ReportingContext,
): Promise<ExitCodeValue> {
  // Attack: a workflow (or a copied pipeline step) calling `remediate try` on whatever a branch
  // or pull request checked out, so that unreviewed bytes run with the job's secrets and
  // credentials without a release, a review or a signature. On GitHub only released versions run
  // (`run`, the Action): refused before anything is read or run. This stops the mistake of wiring
  // try into a workflow, not an attacker who already runs code in the job (who can unset the
  // variable, or run the scripts directly): that job's secrets are the trust boundary there.
  if (github.actions) {
    throw new TrustError(
      'UNRELEASED_ON_GITHUB',
      `remediate try runs unreleased files and is refused in a GitHub Actions job (GITHUB_ACTIONS=true): release ${command.name} and run the released version (remediate run ${command.name}@v<version>, or the Action)`,
    );
  }
  if (!command.dryRun) checkOutFolder(command.outDir, '--out');
  const git = gitIn(context);
  const root = await git.topLevel();
  // Attack (found by review): a file git ignores (a local .env with a production token) would be
  // digested, given to the steps and copied unredacted into the record's definition.tar, and the
  // try would pass with a file no release can hold. Only what git would release is read.
  const ignored = new Set(await git.ignoredPaths(`remediations/${command.name}`));
  const files = (await readRemediationFromWorkingTree(root, command.name)).filter(
    (f) => !ignored.has(`remediations/${command.name}/${f.path}`),
  );
  if (ignored.size > 0) {
    context.err(
      `left out, as a release would (git ignores them): ${[...ignored].slice(0, 10).map(oneLine).join(', ')}${ignored.size > 10 ? `, and ${ignored.size - 10} more` : ''}`,
    );
  }
  const file = `remediations/${command.name}/remediation.yml`;
  const yml = files.find((f) => f.path === 'remediation.yml');
  if (yml === undefined) {
    throw new UsageError('NOT_FOUND', `${file} does not exist; remediate init ${command.name} writes a new one`);
  }
  // Checked as validate and release check it (schema, semantics, every script's syntax): a script
  // that cannot parse is refused here rather than half-way through the run.
  const definition = await checkDefinition(file, yml.content, command.name);
  const params = command.paramsFile === undefined ? {} : readParamsFile(command.paramsFile);
  const signKey = readSignKey(command.signKey, command.dryRun);
  const banner = `UNRELEASED: ${command.name} from the working tree (${treeDigest(files)}); no release, tag or signature vouches for it`;
  context.err(banner);
  context.setCancellable(true);
  try {
    const outcome = await runRemediation(
      await buildRunSettings({
        ref: makeVersionRef(command.name, UNRELEASED_VERSION),
        // No manifest is read: the trust policy does not apply and is not recorded.
        threshold: 1,
        minSerial: 0,
        params,
        cliParams: command.cliParams,
        outDir: command.outDir,
        dryRun: command.dryRun,
        force: command.force,
        checkOnly: command.checkOnly,
        ...(command.target !== undefined ? { target: command.target } : {}),
        targetFacts: command.targetFacts,
        ignoreCircuitBreaker: command.ignoreCircuitBreaker,
        runId: undefined,
        github,
        toolPath: context.toolPath,
        ...(signKey !== undefined ? { signKey } : {}),
      }),
      buildRunDeps({
        git,
        // Not read for an unreleased run: nothing is verified against a manifest.
        manifestBytes: new Uint8Array(),
        trustedKeys: [],
        callerEnv: context.env,
        scratchRoot: tmpdir(),
        clock: context.now,
        cancel: context.cancel,
        ...consoleDeps(context),
      }),
      { files, definition },
    );
    if (outcome.kind === 'planned') return outcome.exitCode;
    if (outcome.refusal !== undefined) return reportRefusal(outcome, outcome.refusal, context);
    context.out(`${command.name} UNRELEASED (working tree): ${outcome.status}`);
    // Why it failed and what the rollback did, as run says it.
    for (const line of failureLines(outcome.snapshot, paletteFor(false, true))) context.out(line);
    printOutputs(outcome.outputs, context.out);
    context.out(`  record:   ${outcome.recordDir} (unreleased: true)`);
    context.out(`  snapshot: ${outcome.snapshotDigest}`);
    const failed = receiptExit(outcome, context);
    if (outcome.receipt !== undefined && 'keyid' in outcome.receipt) {
      context.out(`  receipt:  ${outcome.receipt.file} (signed by ${outcome.receipt.keyid.slice(0, 16)})`);
    }
    context.out(`  to ship it: commit, review, then remediate release ${command.name} v<version>`);
    return failed ?? outcome.exitCode;
  } finally {
    context.setCancellable(false);
  }
}

/** The run key of --sign-key, read before anything runs (a wrong path must not surface after the steps); none for a dry run. */
function readSignKey(file: string | undefined, dryRun: boolean): SigningKey | undefined {
  return file === undefined || dryRun ? undefined : parsePrivateKey(readKeyFile(file), file);
}

/** The console's part of a run (run, replay, try): the human lines, and live progress on a terminal. */
function consoleDeps(
  context: ReportingContext,
): Partial<Pick<SuppliedRunDeps, 'observer'>> & Pick<SuppliedRunDeps, 'out'> {
  const { report } = context;
  return {
    // The plan of a dry run and the guards' notes are the human result.
    out: report.line,
    // Live progress is for someone watching a terminal; a pipe or a file gets the result only.
    ...(context.errIsTerminal === true && !report.mode.quiet
      ? { observer: new RunConsole(context.err, paletteFor(true, context.noColor)) }
      : {}),
  };
}

/** A run refused before any step: the reason and where it is recorded, on stderr; its document. */
function reportRefusal(
  outcome: Extract<RunOutcome, { kind: 'recorded' }>,
  refusal: { readonly code: string; readonly message: string },
  context: ReportingContext,
): ExitCodeValue {
  const { report } = context;
  report.note(`refused [${refusal.code}]: ${refusal.message}`);
  report.note(`  nothing ran; the refusal is recorded in ${outcome.recordDir} (snapshot ${outcome.snapshotDigest})`);
  return report.finish({
    status: 'refused',
    exitCode: receiptExit(outcome, context) ?? outcome.exitCode,
    code: refusal.code,
    message: refusal.message,
  });
}

/**
 * The fields of a run record every document that reports one shares (`run`, `replay`,
 * `verify-run`): what ran, what the check found, what the rollback did, and each step.
 */
function recordFields(snapshot: Readonly<RunSnapshot>): Record<string, unknown> {
  return {
    name: snapshot.remediation.name,
    version: snapshot.remediation.version,
    runId: snapshot.runId,
    runStatus: snapshot.status,
    ...(snapshot.unreleased === true ? { unreleased: true } : {}),
    error: snapshot.error ?? null,
    check: snapshot.check ?? null,
    rollback: snapshot.rollback ?? null,
    steps: snapshot.steps.map(stepFields),
  };
}

/** One step as a document lists it. */
function stepFields(step: Readonly<StepRecord>): Record<string, unknown> {
  return {
    stage: step.stage,
    id: step.id,
    ...(step.name !== undefined ? { name: step.name } : {}),
    outcome: step.outcome,
    exitCode: step.exitCode,
    signal: step.signal,
    durationMs: step.durationMs,
    attempts: step.attempts,
    ...(step.error !== undefined ? { error: step.error } : {}),
  };
}

/**
 * `runs list`: the rows go to standard output (the table, or one JSON array); everything said
 * about them (records that could not be read, an empty listing) to standard error, so the
 * output stays parseable. An unreadable record is named there and does not fail the listing.
 */
async function runsListCommand(
  command: Extract<CliCommand, { command: 'runs-list' }>,
  github: GitHubEnvironment,
  context: CommandContext,
): Promise<ExitCodeValue> {
  // Loaded only here: reading records brings the snapshot validator.
  const { localRunListSource } = await import('../app/run-history.ts');
  const { formatRunList, listRuns, sinceTime } = await import('../app/run-list.ts');
  const where = command.repo === undefined ? command.outDir : `the artifacts of ${command.repo}`;
  const source =
    command.repo === undefined
      ? localRunListSource(command.outDir)
      : await publishedListSource(command.repo, command.filter, github, context);
  const { entries, skipped } = await source();
  // A hostile record's problem quotes its bytes: one line, escaped (no terminal escapes, no `\n::`).
  for (const { location, problem } of skipped) context.err(`skipped ${oneLine(location)}: ${oneLine(problem)}`);
  const { since, ...filter } = command.filter;
  const rows = listRuns(entries, {
    ...filter,
    ...(since !== undefined ? { since: sinceTime(since, context.now()) } : {}),
  });
  if (rows.length === 0) {
    context.err(
      entries.length === 0 ? `no run records in ${where}` : `no run matches (${entries.length} record(s) in ${where})`,
    );
  }
  for (const line of formatRunList(rows, command.json)) context.out(line);
  return ExitCode.ok;
}

/**
 * `runs list --repo`: the records published as the repository's workflow artifacts, read through
 * GitHub's REST API with GITHUB_TOKEN (GITHUB_API_URL, else api.github.com). Bounded by --limit
 * (default LIST_DEFAULT_LIMIT): one list request per 100 artifacts, one download per record.
 */
async function publishedListSource(
  repo: string,
  filter: Extract<CliCommand, { command: 'runs-list' }>['filter'],
  github: GitHubEnvironment,
  context: CommandContext,
): Promise<RunListSource> {
  if (!github.token) {
    throw new UsageError(
      'USAGE',
      `runs list --repo ${repo}: set GITHUB_TOKEN to a token that can read the repository's Actions artifacts (for example GITHUB_TOKEN=$(gh auth token))`,
    );
  }
  const { publishedRunListSource, LIST_DEFAULT_LIMIT } = await import('../app/published-records.ts');
  const { sinceTime } = await import('../app/run-list.ts');
  const { OctokitGitHubApi } = await import('../adapters/github-api.ts');
  const { DEFAULT_RETRY } = await import('../adapters/retry.ts');
  const { artifactDownloaderFor } = await import('../adapters/run-artifacts.ts');
  const { mkdtemp } = await import('node:fs/promises');
  const { getOctokit } = await import('@actions/github');
  const api = new OctokitGitHubApi(
    getOctokit(github.token, { baseUrl: github.apiUrl ?? 'https://api.github.com' }),
    repo,
    DEFAULT_RETRY,
    (line) => context.err(line),
  );
  const download = artifactDownloaderFor(github.token, repo);
  const scratch = await mkdtemp(join(tmpdir(), 'remediate-runs-'));
  return publishedRunListSource({ listArtifactsPage: (page) => api.listArtifactsPage(page), download }, scratch, {
    ...(filter.name !== undefined ? { name: filter.name } : {}),
    ...(filter.since !== undefined ? { since: sinceTime(filter.since, context.now()) } : {}),
    limit: filter.limit ?? LIST_DEFAULT_LIMIT,
  });
}

/** Where a record argument is looked for: the cwd, or the repository `runs show|verify --repo` names. */
function recordArgumentSettings(
  command: { readonly fetchFrom?: string },
  github: GitHubEnvironment,
  context: CommandContext,
): RecordArgumentSettings {
  return {
    cwd: context.cwd,
    ...(command.fetchFrom !== undefined ? { fetchFrom: { repository: command.fetchFrom, token: github.token } } : {}),
  };
}

/** Reads the anchors' files (run keys, trusted roots) named on the command line. */
function loadAnchors(settings: AnchorSettings): RecordAnchors {
  const { attestation } = settings;
  return {
    ...(settings.snapshotDigest !== undefined ? { snapshotDigest: settings.snapshotDigest } : {}),
    trustedKeys: settings.trustedKeys.map((path) => parsePublicKey(readKeyFile(path), path)),
    ...(attestation !== undefined
      ? {
          attestation: {
            ...(attestation.bundle !== undefined ? { bundle: attestation.bundle } : {}),
            trustedRoot: readBoundedFile(attestation.trustedRoot, {
              label: 'trusted root',
              maxBytes: MAX_ATTESTATION_BYTES,
            }),
            signerWorkflow: attestation.signerWorkflow,
            repository: attestation.repository,
            ...(attestation.sourceRef !== undefined ? { sourceRef: attestation.sourceRef } : {}),
          },
        }
      : {}),
  };
}

/**
 * When the receipt could not be written, says so and returns exit 1: the run happened and is
 * recorded, but its record cannot be authenticated with the run key.
 */
function receiptExit(
  outcome: Extract<RunOutcome, { kind: 'recorded' }>,
  context: CommandContext,
): ExitCodeValue | undefined {
  if (outcome.receipt === undefined || !('error' in outcome.receipt)) return undefined;
  context.err(
    `error [RECEIPT_WRITE_FAILED]: the run ended ${outcome.status}, but its receipt could not be signed and written: ${outcome.receipt.error}`,
  );
  context.err(`  the record is in ${outcome.recordDir}; pin it with its snapshot digest ${outcome.snapshotDigest}`);
  return ExitCode.failed;
}

/**
 * Prints run outputs as `output name=value`. A value is whatever a step wrote, and a line of a
 * multi-line one starting with `::` (`::error title=x::`, `::add-mask::`) would act as a workflow
 * command when the CLI runs in a GitHub `run:` step (or in a container one, where GITHUB_ACTIONS is
 * not set): multi-line values are printed inside a `::stop-commands::` fence, as the Action fences
 * step output. A single-line value cannot start a line, so it needs none.
 */
function printOutputs(outputs: Readonly<Record<string, string>>, out: (line: string) => void): void {
  // Terminal escapes, bare CRs and bidi overrides escaped (app/terminal-text.ts terminalSafe);
  // line feeds kept, inside the fence.
  const entries = Object.entries(outputs).map(([name, value]) => [oneLine(name), terminalSafe(value)] as const);
  const values = entries.map(([, value]) => value);
  const token = values.some((value) => value.includes('\n')) ? stopCommandsToken(values) : undefined;
  if (token !== undefined) out(`::stop-commands::${token}`);
  for (const [name, value] of entries) out(`  output ${name}=${value}`);
  if (token !== undefined) out(`::${token}::`);
}

function readParamsFile(path: string): Record<string, unknown> {
  // Bounded before it is read, with the limit of the parser: /dev/zero or a FIFO is refused, not
  // read until memory runs out or forever.
  const bytes = readBoundedFile(path, {
    label: '--params-file',
    maxBytes: MAX_PAYLOAD_BYTES,
    tooLargeCode: 'INVALID_PARAMS',
  });
  return parseParamsJson(bytes.toString('utf8'), `--params-file ${path}`);
}

function gitIn(context: CommandContext): GitRepository & Pick<GitCli, 'topLevel' | 'ignoredPaths'> {
  return new GitCli(context.cwd, gitEnvironment(context.env));
}

/** Prints an error with its code and returns the exit code it maps to. */
export function reportError(error: unknown, context: Pick<CommandContext, 'err'>): ExitCodeValue {
  return reportThrown(error, {
    invalidDefinition: (issues) => issues.forEach((issue) => context.err(`error: ${formatIssue(issue)}`)),
    failed: (line) => context.err(line),
    // A bug in remediate: the stack trace is for the bug report, and the exit code is not 2, so a
    // script never takes a crash of the tool for a mistake in its call.
    internal: (error) => {
      context.err(`error [INTERNAL]: ${describeError(error)}`);
      if (error instanceof Error && error.stack) context.err(error.stack);
    },
  });
}
