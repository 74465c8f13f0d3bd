import type { GitHubApi } from '../adapters/github-api.ts';
import type { ActionIo } from './action-io.ts';
import type { ArtifactUploader } from './record-publisher.ts';

/** The outside world the Action's main step uses. */
export interface MainDeps {
  readonly io: ActionIo;
  readonly env: NodeJS.ProcessEnv;
  /** Creates the REST client on first use (octokit is not loaded on runs that do not need it). */
  readonly api: () => Promise<GitHubApi>;
  /** The artifact client, loaded only when publishing artifacts. */
  readonly uploadArtifact: ArtifactUploader;
  readonly cancel: AbortSignal;
  readonly toolPath: string;
  readonly now: () => Date;
}
