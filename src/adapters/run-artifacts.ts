/** An artifact of a workflow run, as the summary jobs use it. */
export interface RunArtifact {
  readonly id: number;
  readonly name: string;
  /** `sha256:<hex>` of the artifact's zip, when GitHub reports one. */
  readonly digest: string | undefined;
}

/** Lists and downloads the artifacts of one workflow run; small enough for a fake. */
export interface RunArtifacts {
  /** Every artifact of the run (all pages). */
  list(): Promise<RunArtifact[]>;
  /** Downloads and unzips one artifact into `dir`; false when its bytes do not match `digest`. */
  download(artifact: RunArtifact, dir: string): Promise<boolean>;
}

/** Where to find a run's artifacts and the token that may read them. */
export interface RunArtifactsTarget {
  readonly token: string;
  /** `owner/name`. */
  readonly repository: string;
  readonly runId: number;
}

/**
 * RunArtifacts over the real `@actions/artifact` client with `findBy`, which goes through the
 * public REST API (list, then the zip behind a redirect) with the given token. A `run:` step has no
 * ACTIONS_RUNTIME_TOKEN, so the client's internal service is not an option there.
 */
export async function artifactClientFor(target: RunArtifactsTarget): Promise<RunArtifacts> {
  const [repositoryOwner, repositoryName] = target.repository.split('/');
  if (!repositoryOwner || !repositoryName) {
    throw new Error(`expected GITHUB_REPOSITORY as owner/name, got '${target.repository}'`);
  }
  const findBy = { token: target.token, workflowRunId: target.runId, repositoryOwner, repositoryName };
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  return {
    async list() {
      const { artifacts } = await client.listArtifacts({ findBy });
      return artifacts.map((a) => ({ id: a.id, name: a.name, digest: a.digest || undefined }));
    },
    async download(artifact, dir) {
      const result = await client.downloadArtifact(artifact.id, {
        path: dir,
        findBy,
        ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
      });
      return !result.digestMismatch;
    },
  };
}

/** Downloads and unzips one artifact into `dir`; false when its bytes do not match `digest`. */
export type ArtifactDownloader = (
  artifact: { readonly id: number; readonly runId: number | undefined; readonly digest: string | undefined },
  dir: string,
) => Promise<boolean>;

/**
 * An ArtifactDownloader over the real `@actions/artifact` client (loaded on first use), through
 * the public REST API with `token`: the zip behind the download redirect, checked against the
 * digest GitHub listed. The API base is GITHUB_API_URL (the client reads it), else api.github.com.
 */
export function artifactDownloaderFor(token: string, repository: string): ArtifactDownloader {
  const [repositoryOwner, repositoryName] = repository.split('/');
  if (!repositoryOwner || !repositoryName) throw new Error(`expected a repository as owner/name, got '${repository}'`);
  return async (artifact, dir) => {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const findBy = { token, workflowRunId: artifact.runId ?? 0, repositoryOwner, repositoryName };
    const result = await new DefaultArtifactClient().downloadArtifact(artifact.id, {
      path: dir,
      findBy,
      ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
    });
    return artifact.digest !== undefined && !result.digestMismatch;
  };
}
