import * as core from '@actions/core';
import { OctokitGitHubApi, type GitHubApi } from '../adapters/github-api.ts';
import { DEFAULT_RETRY } from '../adapters/retry.ts';
import type { Attester } from './attest-record.ts';
import type { ArtifactUploader } from './record-publisher.ts';

/** Creates the REST client on first use: octokit loads only on runs that call GitHub. */
export function lazyGitHubApi(token: string, repository: string): () => Promise<GitHubApi> {
  let api: Promise<GitHubApi> | undefined;
  return () => {
    api ??= import('@actions/github').then(
      ({ getOctokit }) =>
        new OctokitGitHubApi(getOctokit(token), repository, DEFAULT_RETRY, (message) => core.warning(message)),
    );
    return api;
  };
}

/** Uploads with the real @actions/artifact client, loaded only when a record is published as an artifact. */
export const uploadWithArtifactClient: ArtifactUploader = async (name, files, root, retentionDays) => {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  return new DefaultArtifactClient().uploadArtifact(
    name,
    [...files],
    root,
    retentionDays === undefined ? {} : { retentionDays },
  );
};

/**
 * Attests with @actions/attest, loaded only when a record is attested (it brings Sigstore's
 * signer and its own octokit). The Sigstore instance is its default: public-good for public
 * repositories, GitHub's own for private and internal ones, as actions/attest-build-provenance.
 */
export const attestWithActionsToolkit: Attester = async ({ subjects, predicateType, predicate, token }) => {
  const { attest } = await import('@actions/attest');
  const attestation = await attest({
    subjects: subjects.map((s) => ({ name: s.name, digest: { ...s.digest } })),
    predicateType,
    predicate,
    token,
  });
  return {
    bundle: attestation.bundle,
    ...(attestation.attestationID !== undefined ? { attestationId: attestation.attestationID } : {}),
  };
};
