// The CLI's commands called in this process (runCli from src/cli/commands.ts) with a context whose
// output is captured: no CLI child process, no Node start-up per command. git and the steps are
// still real processes. test/helpers/git-repo.ts runs the CLI as a child process instead.
import { expect } from 'vitest';
import type { CommandContext } from '../../src/app/context.ts';
import { runCli } from '../../src/cli/commands.ts';
import type { ExitCodeValue } from '../../src/errors.ts';
import { CLI, gitTestEnv, TempRepo } from './git-repo.ts';

/** What a CommandContext for a test may set; the rest has defaults (gitTestEnv, a real clock). */
export interface ContextOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cancel?: AbortSignal;
  readonly now?: () => Date;
  /** Sees each line of standard output as it is written (say, to cancel at a given point). */
  readonly onOut?: (line: string) => void;
  /** Standard error is a terminal (a fake TTY): a run shows its live progress there. */
  readonly errIsTerminal?: boolean;
}

/** A CommandContext that keeps every line the command writes. */
export interface CapturedContext extends CommandContext {
  /** Lines written to standard output, in order. */
  readonly outLines: string[];
  /** Lines written to standard error, in order. */
  readonly errLines: string[];
  /** Every setCancellable call, in order. */
  readonly cancellable: boolean[];
}

/** A context for a command run in `cwd`; toolPath is the CLI source, as the child-process tests run it. */
export function captureContext(cwd: string, options: ContextOptions = {}): CapturedContext {
  const outLines: string[] = [];
  const errLines: string[] = [];
  const cancellable: boolean[] = [];
  return {
    cwd,
    env: options.env ?? gitTestEnv(),
    out: (line) => {
      outLines.push(line);
      options.onOut?.(line);
    },
    err: (line) => errLines.push(line),
    ...(options.errIsTerminal !== undefined ? { errIsTerminal: options.errIsTerminal } : {}),
    now: options.now ?? (() => new Date()),
    cancel: options.cancel ?? new AbortController().signal,
    setCancellable: (active) => cancellable.push(active),
    toolPath: CLI,
    outLines,
    errLines,
    cancellable,
  };
}

/** Runs one command line in process in `cwd`; returns the exit code and the captured context. */
export async function cli(
  cwd: string,
  argv: readonly string[],
  options: ContextOptions = {},
): Promise<{ code: ExitCodeValue; context: CapturedContext }> {
  const context = captureContext(cwd, options);
  return { code: await runCli(argv, context), context };
}

/**
 * A temporary repository with remediation `name` (its remediation.yml and `extraFiles`) released
 * as v1.0.0 under a fresh key pair k1 / k1.pub, all in process: the same as
 * test/helpers/released.ts without the two CLI child processes.
 */
export async function releaseInProcess(
  name: string,
  definition: string,
  extraFiles: Readonly<Record<string, string>> = {},
): Promise<TempRepo> {
  const repo = new TempRepo();
  repo.write(`remediations/${name}/remediation.yml`, definition);
  for (const [path, content] of Object.entries(extraFiles)) repo.write(`remediations/${name}/${path}`, content);
  repo.commit('add remediation');
  const keygen = await cli(repo.dir, ['keygen', '--out', 'k1']);
  expect(keygen.context.errLines).toEqual([]);
  expect(keygen.code).toBe(0);
  const release = await cli(repo.dir, ['release', name, 'v1.0.0', '--key', 'k1']);
  expect(release.context.errLines).toEqual([]);
  expect(release.code).toBe(0);
  return repo;
}
