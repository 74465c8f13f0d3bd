// The CLI's process wiring: hands argv, environment, streams and a cancel signal to runCli, and
// sets the exit code. GitHub cancels a job with SIGINT, then SIGTERM; a closed terminal or an
// ended SSH session sends SIGHUP. All three stop the running step's process group and still
// finish the record (status `cancelled`, exit 4).
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runCli } from './commands.ts';
import { ExitCode } from '../errors.ts';
import { describeOutputFailure, outputLines } from './output-lines.ts';

/** Runs the CLI for this process. */
export async function main(): Promise<void> {
  const cancel = new AbortController();
  let cancellable = false;
  const stop = (signal: NodeJS.Signals) => {
    if (cancellable) cancel.abort();
    else process.exit(128 + constants.signals[signal]);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Node's default for SIGHUP is to exit at once: the step would go on running and the record
  // would stay `running`. Handled like SIGTERM instead.
  process.on('SIGHUP', stop);

  const stdout = outputLines(process.stdout);
  const stderr = outputLines(process.stderr);
  const code = await runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    out: stdout.write,
    err: stderr.write,
    errIsTerminal: process.stderr.isTTY === true,
    now: () => new Date(),
    cancel: cancel.signal,
    setCancellable: (active) => {
      cancellable = active;
    },
    toolPath: fileURLToPath(import.meta.url),
  });
  // A reader that left (EPIPE) is not a failure; output lost otherwise (`> /dev/full`) is one.
  // Writes to files and pipes are synchronous on Linux, but their errors arrive as events on a
  // later tick: wait one turn so the last line's failure is seen.
  await new Promise((resolve) => setImmediate(resolve));
  const lost = stdout.failure();
  if (lost) stderr.write(describeOutputFailure('standard output', lost));
  process.exitCode = lost && code === ExitCode.ok ? ExitCode.usage : code;
}
