// Entry of the Action's main step (runs.main). It only wires the runner to runMain.
import './action/seal-first.ts';
import * as core from '@actions/core';
import { fileURLToPath } from 'node:url';
import { STATE } from './action/action-io.ts';
import { coreIo } from './action/core-io.ts';
import { lazyGitHubApi, uploadWithArtifactClient } from './action/lazy-clients.ts';
import { runMain } from './action/main-run.ts';

// GitHub cancels with SIGINT, then SIGTERM 7.5 s later, then kills the tree 2.5 s after that:
// stop the running step at once and leave a note for the post step in case we are killed.
// SIGHUP (a runner's session ending) would otherwise end Node at once, leaving the step running
// and the record `running`: it cancels the same way.
const cancel = new AbortController();
const onSignal = () => {
  if (!cancel.signal.aborted) core.saveState(STATE.cancelled, 'true');
  cancel.abort();
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);

await runMain({
  io: coreIo(),
  env: process.env,
  connectApi: lazyGitHubApi,
  uploadArtifact: uploadWithArtifactClient,
  cancel: cancel.signal,
  toolPath: fileURLToPath(import.meta.url),
  now: () => new Date(),
});
