import { spawn } from 'node:child_process';

/** One shellcheck finding in a script: where (1-based, in the script) and what. */
export interface ShellcheckFinding {
  readonly line: number;
  readonly column: number;
  /** shellcheck's severity: error, warning, info or style. */
  readonly level: string;
  /** The SC number, as in `SC2086`. */
  readonly code: number;
  readonly message: string;
}

/** What linting one script gave: findings (maybe none), shellcheck missing, or a lint that failed. */
export type ShellcheckResult =
  | { readonly kind: 'findings'; readonly findings: readonly ShellcheckFinding[] }
  | { readonly kind: 'missing' }
  | { readonly kind: 'failed'; readonly message: string };

/** Files of the remediation's folder a script may source, given to shellcheck so it follows them. */
export interface LintSources {
  /** The folder on disk (shellcheck runs there). */
  readonly folder: string;
  /** Paths relative to it: regular files of the folder, as its reader listed them. */
  readonly files: readonly string[];
}

/** Lints one script for its shell: the seam validate takes, so tests can hand in a fake. */
export type ShellLinter = (shell: 'bash' | 'sh', script: string, sources?: LintSources) => Promise<ShellcheckResult>;

/** Longest one lint may take: shellcheck answers for a page of shell in well under a second. */
const LINT_TIMEOUT_MS = 30_000;
/** Longest all the lints of one validation may take together; later ones are skipped, and say so. */
const LINT_BUDGET_MS = 120_000;
/** Most output read from shellcheck: a script's findings are a few KB of JSON. */
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

/**
 * A linter running `shellcheck --norc -s <shell> -f json1 -` found on `path` (the caller's PATH), with the
 * script on standard input (never as an argument or a file: the script is data). Exit 0 and 1 are
 * answers (no findings, findings); anything else is a lint that failed. shellcheck not on PATH is
 * `missing`, so the caller can say it was skipped.
 */
export function shellcheckOn(path: string | undefined, budgetMs = LINT_BUDGET_MS): ShellLinter {
  let spentMs = 0;
  return async (shell, script, sources) => {
    // A pull request's scripts are linted one after another: together they get a budget, so many
    // slow lints cannot hold the job for hours.
    if (spentMs >= budgetMs) {
      return {
        kind: 'failed',
        message: `not linted: the lints took ${budgetMs / 1000} s together, all they get`,
      };
    }
    const started = Date.now();
    try {
      return await lintOnce(path, shell, script, sources);
    } finally {
      spentMs += Date.now() - started;
    }
  };
}

/**
 * One shellcheck run. What a script sources is followed only among `sources.files`, given as
 * inputs (shellcheck follows a sourced file that is one of its inputs), never with `-x`.
 * Attack: `-x` follows any path a script or a directive names (`# shellcheck source=/dev/zero`,
 * `. /dev/zer""o`, `\source /proc/...`): a pull request could make each lint read without end
 * (gigabytes in 30 s) or read runner files; shell quoting is too rich to screen the paths first.
 * `--norc`: a .shellcheckrc above the folder (the pull request's, or a link to /dev/zero) could
 * turn on `-x` behaviour, silence the advice or stall every lint.
 */
function lintOnce(
  path: string | undefined,
  shell: 'bash' | 'sh',
  script: string,
  sources: LintSources | undefined,
): Promise<ShellcheckResult> {
  // A name starting with '-' would read as an option: such a file is not offered.
  const inputs = (sources?.files ?? []).filter((file) => !file.startsWith('-'));
  return new Promise((resolve) => {
    const child = spawn('shellcheck', ['--norc', '-s', shell, '-f', 'json1', '-', ...inputs], {
      ...(sources === undefined ? {} : { cwd: sources.folder }),
      // Only PATH: SHELLCHECK_OPTS of the caller would change what is reported.
      env: { PATH: path ?? '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C' },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: LINT_TIMEOUT_MS,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let kept = 0;
    const keep = (into: Buffer[]) => (chunk: Buffer) => {
      if (kept < MAX_OUTPUT_BYTES) into.push(chunk);
      kept += chunk.byteLength;
    };
    child.stdout.on('data', keep(stdout));
    child.stderr.on('data', keep(stderr));
    // A shellcheck that exits before reading all of stdin must not crash the validation.
    child.stdin.on('error', () => undefined);
    child.stdin.end(script);
    child.on('error', (error: NodeJS.ErrnoException) => {
      resolve(
        error.code === 'ENOENT'
          ? { kind: 'missing' }
          : { kind: 'failed', message: `shellcheck could not be started: ${error.message}` },
      );
    });
    child.on('close', (code, signal) => {
      if (signal !== null) return resolve({ kind: 'failed', message: `shellcheck did not finish (${signal})` });
      if (code !== 0 && code !== 1) {
        const said = Buffer.concat(stderr).toString('utf8').split('\n')[0]?.slice(0, 200) ?? '';
        return resolve({ kind: 'failed', message: `shellcheck exited ${code}${said ? `: ${said}` : ''}` });
      }
      resolve(parseShellcheckJson1(Buffer.concat(stdout).toString('utf8')));
    });
  });
}

/** Reads shellcheck's json1 output (`{"comments": [{line, column, level, code, message}]}`). */
export function parseShellcheckJson1(text: string): ShellcheckResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'failed', message: `shellcheck printed no json1 output: ${text.slice(0, 120)}` };
  }
  const comments = (parsed as { comments?: unknown } | null)?.comments;
  if (!Array.isArray(comments)) return { kind: 'failed', message: 'shellcheck json1 output has no comments list' };
  const findings: ShellcheckFinding[] = [];
  for (const comment of comments as unknown[]) {
    const c = comment as Record<string, unknown>;
    // Only the script's own findings: the files given with it are linted on their own.
    if (c['file'] !== undefined && c['file'] !== '-') continue;
    if (typeof c['line'] !== 'number' || typeof c['code'] !== 'number' || typeof c['message'] !== 'string') continue;
    findings.push({
      line: c['line'],
      column: typeof c['column'] === 'number' ? c['column'] : 1,
      level: typeof c['level'] === 'string' ? c['level'] : 'warning',
      code: c['code'],
      message: c['message'],
    });
  }
  return { kind: 'findings', findings };
}
