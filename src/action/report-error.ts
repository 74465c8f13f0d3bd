import { describeError, RemediateError, usageErrorFromSystem } from '../errors.ts';
import { reportThrown } from '../app/error-report.ts';
import { DefinitionError } from '../core/definition-parser.ts';
import type { ActionIo } from './action-io.ts';

/**
 * The stable code of an error thrown before a record was written (a dry run's refusal, invalid
 * parameters, an unreadable input): what `error-code` says for it, as a record's error code
 * says for a recorded run, so a caller that escalates on the code hears of these too.
 */
export function thrownErrorCode(error: unknown): string {
  if (error instanceof DefinitionError) return 'INVALID_DEFINITION';
  const known = error instanceof RemediateError ? error : usageErrorFromSystem(error);
  return known?.code ?? 'INTERNAL';
}

/** Turns any thrown value into a failed step; definition errors become file annotations. */
export function reportError(io: ActionIo, error: unknown): void {
  io.setOutput('error-code', thrownErrorCode(error));
  reportThrown(error, {
    invalidDefinition: (issues) => {
      for (const issue of issues) {
        io.error(`${issue.path ? `${issue.path}: ` : ''}${issue.message}`, {
          file: issue.file,
          startLine: issue.line,
          startColumn: issue.column,
        });
      }
      io.setFailed(`invalid definition (${issues.length} problem(s)); see the annotations`);
    },
    failed: (line) => io.setFailed(line),
    internal: (error) => io.setFailed(`internal error: ${describeError(error)}`),
  });
}
