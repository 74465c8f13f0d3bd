import { describeError, ExitCode, RemediateError } from '../errors.ts';
import { DefinitionError } from '../core/definition-parser.ts';
import type { ActionIo } from './action-io.ts';

/** Turns any thrown value into a failed step; definition errors become file annotations. */
export function reportError(io: ActionIo, error: unknown): void {
  if (error instanceof DefinitionError) {
    for (const issue of error.issues) {
      io.error(`${issue.path ? `${issue.path}: ` : ''}${issue.message}`, {
        file: issue.file,
        startLine: issue.line,
        startColumn: issue.column,
      });
    }
    io.setFailed(`invalid definition (${error.issues.length} problem(s)); see the annotations`);
    return;
  }
  if (error instanceof RemediateError) {
    io.setFailed(`${error.exitCode === ExitCode.refused ? 'refused' : 'error'} [${error.code}]: ${error.message}`);
    return;
  }
  io.setFailed(`internal error: ${describeError(error)}`);
}
