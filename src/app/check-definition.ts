import { checkShellSyntax } from '../adapters/shell-syntax.ts';
import { STAGES, type Definition } from '../core/definition.ts';
import { DefinitionError, locateValue, parseDefinition, type DefinitionIssue } from '../core/definition-parser.ts';
import { formatPath } from '../core/schema-errors.ts';

/** Syntax checks in flight at once: a definition's steps are checked side by side, not one by one. */
const CHECKS_IN_FLIGHT = 4;

/**
 * Validates remediation.yml bytes as `remediate validate` and `remediate release` do: the schema
 * and semantic checks of parseDefinition, then every step's script parsed by its own shell. A
 * script that cannot run is refused here, with file:line:col, instead of failing mid-run (a broken
 * rollback would only show when it is needed). Runs trust the release's check and skip the shells.
 */
export async function checkDefinition(file: string, bytes: Uint8Array, folderName: string): Promise<Definition> {
  const definition = parseDefinition(file, bytes, folderName);
  const steps = STAGES.flatMap((stage) => definition[stage].map((step, index) => ({ stage, index, step })));
  const issues: DefinitionIssue[] = [];
  let next = 0;
  const worker = async () => {
    while (next < steps.length) {
      const { stage, index, step } = steps[next++] as (typeof steps)[number];
      const shell = step.shell ?? 'bash';
      const problem = await checkShellSyntax(shell, step.run);
      if (problem === undefined) continue;
      const path = [stage, index, 'run'];
      const at = locateValue(bytes, path);
      const exact = problem.line !== undefined && at.firstLine !== undefined;
      issues.push({
        file,
        line: exact ? (at.firstLine as number) + (problem.line as number) - 1 : at.line,
        column: exact ? 1 : at.column,
        path: formatPath(path),
        message: `${shell} cannot parse this script: ${problem.message}${!exact && problem.line !== undefined ? ` (script line ${problem.line})` : ''}`,
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHECKS_IN_FLIGHT, steps.length) }, worker));
  // Checks finish in any order; issues are reported in file order.
  if (issues.length) throw new DefinitionError(issues.sort((a, b) => a.line - b.line || a.column - b.column));
  return definition;
}
