// The Action's main step once the environment is sealed: wires the runner to runMain.
import * as core from '@actions/core';
import { STATE } from './action-io.ts';
import { coreIo } from './core-io.ts';
import { attestWithActionsToolkit, lazyGitHubApi, uploadWithArtifactClient } from './lazy-clients.ts';
import { runMain } from './main-run.ts';
import { artifactDownloaderFor } from '../adapters/run-artifacts.ts';

/** Runs the main step; `toolPath` is the entry bundle's file, whose digest the record carries. */
export async function startMain(toolPath: string): Promise<void> {
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
    downloadArtifact: artifactDownloaderFor,
    attest: attestWithActionsToolkit,
    cancel: cancel.signal,
    toolPath,
    now: () => new Date(),
  });
}
