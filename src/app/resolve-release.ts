import { TrustError } from '../errors.ts';
import { parseDefinition } from '../core/definition-parser.ts';
import type { Definition } from '../core/definition.ts';
import type { TrustedKey } from '../core/keys.ts';
import { verifyManifest, type TrustPolicy } from '../core/manifest-verifier.ts';
import { checkRelease, checkReleaseEntry, closeNames, type VerifiedRelease } from '../core/release-check.ts';
import { treeDigest, type TreeFile } from '../core/tree-digest.ts';
import type { VersionRef } from '../core/version-ref.ts';
import type { GitObjectSource } from '../adapters/git-client.ts';
import { readRemediationAtCommit, remediationDir } from '../adapters/remediation-source.ts';

/** A verified version together with the exact bytes that were verified: these bytes run. */
export interface ResolvedRelease {
  readonly release: VerifiedRelease;
  readonly files: readonly TreeFile[];
  readonly definition: Definition;
}

/**
 * name@version -> tag -> commit -> files -> digest, then the manifest check. Throws a TrustError
 * naming the failed check; nothing is returned unless every check passed.
 */
export async function resolveRelease(
  git: GitObjectSource,
  ref: VersionRef,
  manifestBytes: Uint8Array,
  trustedKeys: readonly TrustedKey[],
  policy: TrustPolicy,
): Promise<ResolvedRelease> {
  // Verify the manifest first: nothing from the repository is even parsed for an untrusted manifest.
  const manifest = verifyManifest(manifestBytes, trustedKeys, policy);
  const commit = await git.tryResolveTag(ref.tag);
  if (!commit) {
    throw new TrustError(
      'TAG_NOT_FOUND',
      `tag check: expected tag ${ref.tag} in the repository, got none (fetch tags with 'git fetch --tags', or check the version)${closeNames(manifest, ref.name)}`,
    );
  }
  // The commit is checked against the signed entry before any file is read.
  checkReleaseEntry(ref, commit, manifest);
  const files = await readRemediationAtCommit(git, commit, ref.name);
  const release = checkRelease(ref, { commit, digest: treeDigest(files) }, manifest);
  const definitionFile = files.find((f) => f.path === 'remediation.yml');
  if (!definitionFile) {
    throw new TrustError('UNSAFE_TREE', `${remediationDir(ref.name)}/remediation.yml is missing at ${ref.tag}`);
  }
  const definition = parseDefinition(`${remediationDir(ref.name)}/remediation.yml`, definitionFile.content, ref.name);
  return { release, files, definition };
}
