import { join } from 'node:path';
import { describeError, ExitCode, RemediateError, UsageError, type ExitCodeValue } from '../errors.ts';
import { DefinitionError } from '../core/definition-parser.ts';
import { checkAppendOnly } from '../core/append-check.ts';
import { parseEnvelope } from '../core/manifest-verifier.ts';
import { decodeBase64Strict } from '../core/dsse.ts';
import { parsePayload } from '../core/manifest.ts';
import { treeDigest } from '../core/tree-digest.ts';
import { formatRef } from '../core/version-ref.ts';
import { GitCli, gitEnvironment, type GitRepository } from '../adapters/git-client.ts';
import { readRemediationAtCommit, readRemediationFromWorkingTree } from '../adapters/remediation-source.ts';
import type { CommandContext } from '../app/context.ts';
import { writeKeyPair } from '../app/keygen.ts';
import { loadSigningKeys, loadTrustedKeys } from '../app/load-keys.ts';
import { DEFAULT_MANIFEST_PATH, readManifest } from '../app/manifest-file.ts';
import { releaseVersion } from '../app/release.ts';
import { resolveRelease } from '../app/resolve-release.ts';
import { yankVersion } from '../app/yank.ts';
import { parseCommandLine, USAGE, type CliCommand } from './settings.ts';
import { TOOL_VERSION } from '../version.ts';

/** Runs one command line and returns its exit code; never throws, never exits the process. */
export async function runCli(argv: readonly string[], context: CommandContext): Promise<ExitCodeValue> {
  try {
    const command = parseCommandLine(argv, context.cwd);
    return await execute(command, context);
  } catch (error) {
    return reportError(error, context);
  }
}

async function execute(command: CliCommand, context: CommandContext): Promise<ExitCodeValue> {
  const { out } = context;
  switch (command.command) {
    case 'help':
      out(USAGE);
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
      if (command.ref === undefined) {
        const files = await readRemediationFromWorkingTree(root, command.name);
        out(`${treeDigest(files)}  remediations/${command.name}/ (working tree, unreleased: may differ from any tag)`);
        return ExitCode.ok;
      }
      const commit = await git.tryResolveCommit(command.ref);
      if (!commit) throw new UsageError('NOT_FOUND', `--ref ${command.ref} names no commit in this repository`);
      const files = await readRemediationAtCommit(git, commit, command.name);
      out(`${treeDigest(files)}  remediations/${command.name}/ at ${command.ref} (${commit})`);
      return ExitCode.ok;
    }
    case 'release': {
      const git = gitIn(context);
      const root = await git.topLevel();
      const keys = await loadSigningKeys(command.keys);
      const manifestPath = command.manifest ?? join(root, DEFAULT_MANIFEST_PATH);
      const result = await releaseVersion(
        git,
        keys,
        { ref: command.ref, manifestPath, lifetimeMs: command.lifetimeMs },
        context.now(),
      );
      out(`released ${formatRef(command.ref)}`);
      out(`  tag:      ${command.ref.tag} -> ${result.commit}`);
      out(`  digest:   ${result.digest}`);
      out(`  manifest: ${manifestPath} (serial ${result.serial}, signed by ${result.signers.join(', ')})`);
      out(`next: commit the manifest and push the tag: git push origin ${command.ref.tag}`);
      return ExitCode.ok;
    }
    case 'yank': {
      const git = gitIn(context);
      const keys = await loadSigningKeys(command.keys);
      const manifestPath = command.manifest ?? join(await git.topLevel(), DEFAULT_MANIFEST_PATH);
      const { serial } = await yankVersion(
        keys,
        { ref: command.ref, reason: command.reason, manifestPath, lifetimeMs: command.lifetimeMs },
        context.now(),
      );
      out(`yanked ${formatRef(command.ref)}: ${command.reason}`);
      out(`  manifest: ${manifestPath} (serial ${serial}); runners pinning --min-serial ${serial} can no longer be shown the old one`);
      return ExitCode.ok;
    }
    case 'verify': {
      const git = gitIn(context);
      const manifestPath = command.manifest ?? join(await git.topLevel(), DEFAULT_MANIFEST_PATH);
      const keys = await loadTrustedKeys(command.trustedKeys);
      const { release } = await resolveRelease(git, command.ref, await readManifest(manifestPath), keys, {
        threshold: command.threshold,
        minSerial: command.minSerial,
        now: context.now(),
      });
      const m = release.manifest;
      out(`verified ${formatRef(command.ref)}`);
      out(`  tag:       ${command.ref.tag} -> ${release.commit} (matches the signed commit)`);
      out(`  digest:    ${release.digest} (recomputed from git objects; matches)`);
      out(`  manifest:  ${manifestPath} serial ${m.payload.serial} (>= ${command.minSerial}), expires ${m.payload.expires}`);
      out(`  signers:   ${m.signers.join(', ')} (${m.signers.length} of threshold ${command.threshold})`);
      out(`  released:  ${release.entry.released}; not yanked`);
      return ExitCode.ok;
    }
    case 'manifest-check': {
      const next = await readManifest(command.manifest);
      let previousBytes: Buffer | undefined;
      if (command.previousRef !== undefined) {
        const git = gitIn(context);
        const root = await git.topLevel();
        const relative = command.manifest.startsWith(`${root}/`) ? command.manifest.slice(root.length + 1) : command.manifest;
        previousBytes = await git.tryReadFileAt(command.previousRef, relative);
        if (!previousBytes) {
          throw new UsageError('NOT_FOUND', `${relative} does not exist at ${command.previousRef}`);
        }
      } else {
        previousBytes = await readManifest(command.previous ?? '');
      }
      const previous = payloadOf(previousBytes);
      const summary = checkAppendOnly(previous, payloadOf(next).payload);
      out(`append-only: ok (serial ${previous.payload.serial} -> ${previous.payload.serial + 1})`);
      out(`  added:  ${summary.added.join(', ') || '(none)'}`);
      out(`  yanked: ${summary.yanked.join(', ') || '(none)'}`);
      return ExitCode.ok;
    }
  }
}

function payloadOf(envelopeBytes: Buffer) {
  const envelope = parseEnvelope(envelopeBytes);
  const payloadBytes = decodeBase64Strict(envelope.payload, 'manifest payload');
  return { payload: parsePayload(payloadBytes), payloadBytes };
}

function gitIn(context: CommandContext): GitRepository & { topLevel(): Promise<string> } {
  return new GitCli(context.cwd, gitEnvironment(context.env));
}

/** Prints an error with its code and returns the exit code it maps to. */
export function reportError(error: unknown, context: CommandContext): ExitCodeValue {
  if (error instanceof DefinitionError) {
    for (const issue of error.issues) context.err(`error: ${issue.file}:${issue.line}:${issue.column}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`);
    return error.exitCode;
  }
  if (error instanceof RemediateError) {
    const label = error.exitCode === ExitCode.refused ? 'refused' : 'error';
    context.err(`${label} [${error.code}]: ${error.message}`);
    return error.exitCode;
  }
  context.err(`error [INTERNAL]: ${describeError(error)}`);
  if (error instanceof Error && error.stack) context.err(error.stack);
  return ExitCode.usage;
}
