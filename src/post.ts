// Entry of the Action's post step (runs.post): publishes a record main could not.
import { fileURLToPath } from 'node:url';
import { coreIo } from './action/core-io.ts';
import { attestWithActionsToolkit, lazyGitHubApi, uploadWithArtifactClient } from './action/lazy-clients.ts';
import { runPost } from './action/post-run.ts';

await runPost({
  io: coreIo(),
  env: process.env,
  connectApi: lazyGitHubApi,
  uploadArtifact: uploadWithArtifactClient,
  attest: attestWithActionsToolkit,
  toolPath: fileURLToPath(import.meta.url),
  now: () => new Date(),
});
