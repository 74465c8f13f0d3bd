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
      // Pipes to the runner are written at once on Linux; when the pipe is full (or on platforms
      // where stdout is asynchronous) the stream keeps a reference until it drains.
      return process.stdout.writableLength > 0;
    },
  };
}
