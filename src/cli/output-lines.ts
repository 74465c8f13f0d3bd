// Writing the CLI's lines to stdout and stderr when whoever reads them may stop reading.
import { usageErrorFromSystem } from '../errors.ts';

/** A line writer for one standard stream, and whether writing to it failed other than by EPIPE. */
export interface OutputLines {
  /** Writes one line; once the stream failed, lines are dropped. */
  readonly write: (line: string) => void;
  /** The failure other than a closed reader (a full disk behind `> file`), if any. */
  failure(): Error | undefined;
}

/**
 * Writes lines to `stream`, surviving its reader going away. `remediate verify ... | head -1`
 * closes the pipe after one line: the next write fails with EPIPE, which Node raises as an
 * 'error' event that, unhandled, crashed the tool with a stack trace. Like other CLIs, the tool
 * then stops writing and finishes quietly; a running remediation is not interrupted by a reader
 * that left. Any other write failure is kept for `failure()` and reported by the caller.
 */
export function outputLines(stream: NodeJS.WritableStream): OutputLines {
  let closed = false;
  let failed: Error | undefined;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    closed = true;
    if (error.code !== 'EPIPE') failed ??= error;
  });
  return {
    write: (line) => {
      if (!closed) stream.write(`${line}\n`);
    },
    failure: () => failed,
  };
}

/** The one line that reports a failed standard stream (`name` is stdout or stderr). */
export function describeOutputFailure(name: string, error: Error): string {
  const known = usageErrorFromSystem(error, `cannot write to ${name}`);
  return `error [${known?.code ?? 'IO_ERROR'}]: ${known?.message ?? `cannot write to ${name}: ${error.message}`}`;
}
