import * as core from '@actions/core';
import type { ActionIo } from './action-io.ts';

/** ActionIo on @actions/core: the runner's file commands and log. */
export function coreIo(): ActionIo {
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (value) => core.setSecret(value),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    error: (message, position) => core.error(message, position ?? {}),
    setFailed: (message) => core.setFailed(message),
    saveState: (name, value) => core.saveState(name, value),
    getState: (name) => core.getState(name),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write();
    },
    writeRaw: (bytes) => {
      process.stdout.write(bytes);
    },
  };
}
