import { spawn } from 'node:child_process';

/** A script the shell could not parse: where (a line of the script, when the shell said) and why. */
export interface ShellSyntaxProblem {
  /** 1-based line of the script, when the shell reported one. */
  readonly line: number | undefined;
  readonly message: string;
}

/** Longest a syntax check may take: parsing a page of shell is milliseconds. */
const CHECK_TIMEOUT_MS = 10_000;
/** Most stderr kept from the shell: its first line is the message. */
const MAX_MESSAGE_BYTES = 4096;

/**
 * Parses a script with the shell that will run it, without running anything (`bash -n`, `sh -n`),
 * so that a script that cannot run (a rollback with a missing `fi`) is refused before any step of
 * the run changes the system, rather than discovered when the rollback is needed. bash is given
 * `-O extglob`: `-n` executes no `shopt -s extglob`, and without it a script that turns extglob on
 * before using `@(a|b)` would be refused although it runs.
 */
export function checkShellSyntax(shell: 'bash' | 'sh', script: string): Promise<ShellSyntaxProblem | undefined> {
  const args =
    shell === 'bash'
      ? ['--noprofile', '--norc', '-O', 'extglob', '-n', '-c', script, 'remediation']
      : ['-n', '-c', script, 'remediation'];
  return new Promise((resolve) => {
    const child = spawn(shell, args, {
      // English messages in a fixed shape, and nothing of the caller's environment.
      env: { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: CHECK_TIMEOUT_MS,
    });
    const chunks: Buffer[] = [];
    let kept = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      if (kept < MAX_MESSAGE_BYTES) chunks.push(chunk);
      kept += chunk.byteLength;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      resolve({
        line: undefined,
        message:
          error.code === 'ENOENT'
            ? `${shell} is not installed here, so this step could neither be checked nor run`
            : `${shell} -n could not be started: ${error.message}`,
      });
    });
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(undefined);
      if (signal !== null) return resolve({ line: undefined, message: `${shell} -n did not finish (${signal})` });
      resolve(parseShellMessage(Buffer.concat(chunks).toString('utf8')));
    });
  });
}

/**
 * The first line of a shell's syntax error without its prefix, and the script line it names:
 * bash says `bash: -c: line 4: syntax error ...`, dash says `sh: 4: Syntax error: ...`.
 */
export function parseShellMessage(stderr: string): ShellSyntaxProblem {
  const first = stderr.split('\n').find((line) => line.trim() !== '') ?? 'syntax error';
  const bash = /^[^:]*: -c: line (\d+): (.*)$/.exec(first);
  if (bash) return { line: Number(bash[1]), message: (bash[2] ?? '').replaceAll('`', "'") };
  const dash = /^[^:]*: (\d+): (.*)$/.exec(first);
  if (dash) return { line: Number(dash[1]), message: dash[2] ?? '' };
  return { line: undefined, message: first.slice(0, 200) };
}
