import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI source entry: Node 24 runs it directly, so tests exercise the current source. */
export const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/cli.ts');

/** A minimal valid definition for `name`. */
export function simpleDefinition(name: string, body = 'echo "hello $PARAM_WHO"'): string {
  return [
    `name: ${name}`,
    'description: test remediation',
    'inputs:',
    '  who: { type: string, default: world }',
    'steps:',
    '  - id: greet',
    `    run: ${JSON.stringify(body)}`,
    '',
  ].join('\n');
}

/** A throwaway git repository with helpers to write files, commit and run git. */
export class TempRepo {
  readonly dir: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'remediate-test-'));
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'test@example.invalid');
    this.git('config', 'user.name', 'Test');
    this.git('config', 'commit.gpgsign', 'false');
    this.git('config', 'tag.gpgsign', 'false');
  }

  /** Runs git in the repository and returns stdout. */
  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: gitTestEnv() });
  }

  /** Writes a file (creating folders) relative to the repository. */
  write(path: string, content: string | Buffer, mode?: number): void {
    const full = join(this.dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content, mode === undefined ? undefined : { mode });
  }

  /** Stages everything and commits; returns the commit id. */
  commit(message = 'change'): string {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** Path inside the repository. */
  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Result of one CLI run. */
export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as a real child process on the pinned Node. */
export function runCli(args: readonly string[], options: RunOptions): Promise<CliResult> {
  return runProgram(process.execPath, [CLI, ...args], options);
}

/** Where and how a program runs. */
export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Kill the program (SIGKILL) after this long; the result then has signal SIGKILL. */
  readonly timeoutMs?: number;
}

/** Runs `command` with `args` as a real child process in the git test environment, collecting its output. */
export function runProgram(command: string, args: readonly string[], options: RunOptions): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...gitTestEnv(), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    // A program that hangs is killed, so the test fails on its result instead of timing out.
    const timer =
      options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
}

/** An environment for git that ignores the machine's global config. */
export function gitTestEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('GIT_')) delete env[key];
  env.GIT_CONFIG_NOSYSTEM = '1';
  env.GIT_AUTHOR_NAME = 'Test';
  env.GIT_AUTHOR_EMAIL = 'test@example.invalid';
  env.GIT_COMMITTER_NAME = 'Test';
  env.GIT_COMMITTER_EMAIL = 'test@example.invalid';
  return env;
}
