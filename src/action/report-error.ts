import { describeError } from '../errors.ts';
import { reportThrown, thrownErrorCode } from '../app/error-report.ts';
import type { ActionIo } from './action-io.ts';

/** Turns any thrown value into a failed step; definition errors become file annotations. */
export function reportError(io: ActionIo, error: unknown): void {
  // Also before any record was written (a dry run's refusal, invalid inputs), so a caller that
  // escalates on the code hears of these too.
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
