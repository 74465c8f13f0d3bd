import type { GitHubApi } from '../adapters/github-api.ts';
import type { ArtifactDownloader } from '../adapters/run-artifacts.ts';
import type { ActionIo } from './action-io.ts';
import type { Attester } from './attest-record.ts';
import type { ArtifactUploader } from './record-publisher.ts';

/** The outside world the Action's main step uses. */
export interface MainDeps {
  readonly io: ActionIo;
  /** The step's environment: the settings are read from it, and the steps' environment is built from it. */
  readonly env: NodeJS.ProcessEnv;
  /**
   * Binds the REST client to the token and repository the settings name; the client is created on
   * first use (octokit is not loaded on runs that do not need it).
   */
  readonly connectApi: (token: string, repository: string) => () => Promise<GitHubApi>;
  /** The artifact client, loaded only when publishing artifacts. */
  readonly uploadArtifact: ArtifactUploader;
  /**
   * Downloads published record artifacts with the token (the circuit breaker's history); the
   * artifact client is loaded only when a version has a breaker.
   */
  readonly downloadArtifact: (token: string, repository: string) => ArtifactDownloader;
  /** Signs and stores the record's attestation (@actions/attest, loaded only when attesting). */
  readonly attest: Attester;
  readonly cancel: AbortSignal;
  readonly toolPath: string;
  readonly now: () => Date;
}

/** The deps once the settings are read: the REST client is bound to their token and repository. */
export interface ConnectedDeps extends MainDeps {
  /** Creates the REST client on first use. */
  readonly api: () => Promise<GitHubApi>;
}
