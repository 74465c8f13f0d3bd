import { checkShellSyntax } from '../adapters/shell-syntax.ts';
import type { LintSources, ShellLinter } from '../adapters/shellcheck.ts';
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

/** What shellcheck said about a definition's steps: warnings located in remediation.yml. */
export type ShellLintReport =
  { readonly kind: 'linted'; readonly warnings: readonly DefinitionIssue[] } | { readonly kind: 'missing' };

/**
 * Lints every step's script with shellcheck, for its shell, and places each finding on its line
 * of remediation.yml (as the syntax check places its problems). Findings are warnings: they never
 * make a definition invalid, since shellcheck's opinions (quoting, style) are advice, and
 * validation must not depend on which shellcheck version a machine has. A lint that fails is one
 * warning too. `missing` when shellcheck is not installed, so the caller says it was skipped.
 */
export async function lintDefinition(
  file: string,
  bytes: Uint8Array,
  definition: Definition,
  lint: ShellLinter,
  folder?: FolderFiles,
): Promise<ShellLintReport> {
  const text = Buffer.from(bytes).toString('utf8').split('\n');
  const warnings: DefinitionIssue[] = [];
  for (const stage of STAGES) {
    for (const [index, step] of definition[stage].entries()) {
      const shell = step.shell ?? 'bash';
      const result = await lint(shell, step.run, folder && sourcesFor(step.run, folder));
      if (result.kind === 'missing') return { kind: 'missing' };
      const path = [stage, index, 'run'];
      const at = locateValue(bytes, path);
      if (result.kind === 'failed') {
        warnings.push({ file, line: at.line, column: at.column, path: formatPath(path), message: result.message });
        continue;
      }
      for (const finding of result.findings) {
        // In a `run: |` block, script line N is file line firstLine + N - 1, indented by the
        // block's indentation; elsewhere the step's value is pointed at, with the script position.
        const exact = at.firstLine !== undefined;
        const indent = exact ? blockIndent(text, at.firstLine as number) : 0;
        warnings.push({
          file,
          line: exact ? (at.firstLine as number) + finding.line - 1 : at.line,
          column: exact ? indent + finding.column : at.column,
          path: formatPath(path),
          message: `${finding.level} SC${finding.code}: ${finding.message}${exact ? '' : ` (script line ${finding.line}, column ${finding.column})`}`,
        });
      }
    }
  }
  return { kind: 'linted', warnings: warnings.sort((a, b) => a.line - b.line || a.column - b.column) };
}

/** The indentation of a block scalar's text: that of its first non-blank line (1-based `from`). */
function blockIndent(lines: readonly string[], from: number): number {
  for (let i = from - 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() !== '') return line.length - line.trimStart().length;
  }
  return 0;
}

/**
 * The shell a file of a remediation's folder is written for, when it is a shell script: the one
 * its `#!` line names (`bash`, or `sh`/`dash` as POSIX sh; directly or through `env`), else bash
 * for a `*.sh` file without one (steps run bash unless they say otherwise). Anything else (data,
 * Python, a README) is not linted.
 */
export function scriptShell(path: string, content: Uint8Array): 'bash' | 'sh' | undefined {
  const firstLine = Buffer.from(content.subarray(0, 256)).toString('utf8').split('\n')[0] ?? '';
  const shebang = /^#!\s*(?:\S*\/)?(?:env\s+(?:-\S+\s+)*)?(bash|sh|dash)(?:\s|$)/.exec(firstLine);
  if (shebang) return shebang[1] === 'bash' ? 'bash' : 'sh';
  if (firstLine.startsWith('#!')) return undefined;
  return path.endsWith('.sh') ? 'bash' : undefined;
}

/**
 * Lints the folder's shell scripts (those `scriptShell` names) with shellcheck, each finding on
 * its own file and line. Steps often run `$REMEDIATION_DIR/fix.sh`, so the scripts hold most of
 * the shell a fix runs; like the steps' findings, these are advice and never make a definition
 * invalid. `dir` is the folder as shown (`remediations/<name>`), `folder` where it is on disk.
 */
export async function lintScripts(
  dir: string,
  files: readonly { readonly path: string; readonly content: Uint8Array }[],
  lint: ShellLinter,
  folder?: FolderFiles,
): Promise<ShellLintReport> {
  const warnings: DefinitionIssue[] = [];
  for (const { path, content } of files) {
    const shell = scriptShell(path, content);
    if (shell === undefined) continue;
    const file = `${dir}/${path}`;
    const text = Buffer.from(content).toString('utf8');
    const result = await lint(shell, text, folder && sourcesFor(text, folder, path));
    if (result.kind === 'missing') return { kind: 'missing' };
    if (result.kind === 'failed') {
      warnings.push({ file, line: 1, column: 1, path: '', message: result.message });
      continue;
    }
    for (const finding of result.findings) {
      warnings.push({
        file,
        line: finding.line,
        column: finding.column,
        path: '',
        message: `${finding.level} SC${finding.code}: ${finding.message}`,
      });
    }
  }
  return { kind: 'linted', warnings };
}

/** A remediation's folder on disk and the paths of its files (relative, as its reader listed them). */
export interface FolderFiles {
  readonly folder: string;
  readonly files: readonly string[];
}

/** Most folder files given to one lint as what the script may source. */
const MAX_SOURCES = 32;

/**
 * The folder's files a script may source: those whose path its text names (`lib.sh` in
 * `# shellcheck source=lib.sh` or `. "$here/lib.sh"`), never the script itself, so shellcheck
 * follows them (their variables and functions are then known) and nothing else.
 */
function sourcesFor(text: string, folder: FolderFiles, self?: string): LintSources {
  const files = folder.files.filter((file) => file !== self && text.includes(file)).slice(0, MAX_SOURCES);
  return { folder: folder.folder, files };
}
