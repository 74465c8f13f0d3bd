// What a failed command tells its caller. The kind of an error is decided here, once; each front
// end supplies a sink that says how to show it (the CLI prints lines, the Action annotates files
// and fails the step).
import { ExitCode, RemediateError, usageErrorFromSystem, type ExitCodeValue } from '../errors.ts';
import { DefinitionError, type DefinitionIssue } from '../core/definition-parser.ts';

/** How a front end shows each kind of error. */
export interface ErrorSink {
  /** A definition that failed validation: every problem, with its place in the file. */
  readonly invalidDefinition: (issues: readonly DefinitionIssue[]) => void;
  /** An error the tool expected, as one line: `refused [CODE]: message` or `error [CODE]: message`. */
  readonly failed: (line: string) => void;
  /** Anything else: a bug in remediate, never the caller's mistake. */
  readonly internal: (error: unknown) => void;
}

/** Shows any thrown value, a non-Error one included, through `sink`; returns the exit code it maps to. */
export function reportThrown(error: unknown, sink: ErrorSink): ExitCodeValue {
  if (error instanceof DefinitionError) {
    sink.invalidDefinition(error.issues);
    return error.exitCode;
  }
  // A system error nothing mapped (a full disk, a missing folder) is about the caller's files or
  // machine, not a bug: one line with the exit code of its kind, like the errors mapped where they
  // happen.
  const known = knownError(error);
  if (known) {
    sink.failed(`${known.exitCode === ExitCode.refused ? 'refused' : 'error'} [${known.code}]: ${known.message}`);
    return known.exitCode;
  }
  sink.internal(error);
  return ExitCode.failed;
}

/** An error the tool expected: its own, or a system error mapped to one (a full disk, a missing folder). */
function knownError(error: unknown): RemediateError | undefined {
  return error instanceof RemediateError ? error : usageErrorFromSystem(error);
}

/**
 * The stable code of a thrown error, as its `[CODE]` line shows it (a definition error's is
 * INVALID_DEFINITION), or INTERNAL for a bug: what the Action's `error-code` says when the step
 * failed before any record was written.
 */
export function thrownErrorCode(error: unknown): string {
  return knownError(error)?.code ?? 'INTERNAL';
}
