import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gitTestEnv } from './git-repo.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built entries, run exactly as the runner runs them (node dist/<entry>/index.js). */
export const MAIN_ENTRY = join(root, 'dist/main/index.js');
export const POST_ENTRY = join(root, 'dist/post/index.js');

/** The files a runner gives a step, and helpers to read what the step wrote to them. */
export class RunnerFiles {
  readonly dir: string;
  readonly output: string;
  readonly summary: string;
  readonly state: string;
  readonly temp: string;
  readonly event: string;

  constructor(eventFixture: 'repository_dispatch' | 'schedule', eventOverride?: unknown) {
    this.dir = mkdtempSync(join(tmpdir(), 'runner-'));
    this.output = join(this.dir, 'output');
    this.summary = join(this.dir, 'summary.md');
    this.state = join(this.dir, 'state');
    this.temp = join(this.dir, 'temp');
    this.event = join(this.dir, 'event.json');
    mkdirSync(this.temp);
    for (const file of [this.output, this.summary, this.state]) writeFileSync(file, '');
    const fixture = readFileSync(join(root, 'test/fixtures/events', `${eventFixture}.json`), 'utf8');
    writeFileSync(this.event, eventOverride === undefined ? fixture : JSON.stringify(eventOverride));
  }

  /** Parses a GITHUB_OUTPUT / GITHUB_STATE file (`name<<delimiter` blocks or `name=value`). */
  static parseFileCommands(path: string): Record<string, string> {
    const lines = readFileSync(path, 'utf8').split('\n');
    const values: Record<string, string> = {};
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const heredoc = /^([^=]+)<<(.+)$/.exec(line);
      if (heredoc) {
        const end = lines.indexOf(heredoc[2]!, i + 1);
        values[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
        i = end;
      } else if (line.includes('=')) {
        values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
      }
    }
    return values;
  }

  outputs(): Record<string, string> {
    return RunnerFiles.parseFileCommands(this.output);
  }

  savedState(): Record<string, string> {
    return RunnerFiles.parseFileCommands(this.state);
  }

  summaryText(): string {
    return readFileSync(this.summary, 'utf8');
  }

  /** The environment a runner gives a JavaScript action step (plus the inputs). */
  env(
    workspace: string,
    inputs: Record<string, string>,
    extra: NodeJS.ProcessEnv = {},
    event = 'repository_dispatch',
  ): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...gitTestEnv(),
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'octo-org/repo',
      GITHUB_REPOSITORY_OWNER: 'octo-org',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_ACTOR: 'alert-bridge[bot]',
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: this.event,
      GITHUB_WORKFLOW_REF: 'octo-org/repo/.github/workflows/remediate.yml@refs/heads/main',
      GITHUB_SHA: '0'.repeat(40),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_OUTPUT: this.output,
      GITHUB_STEP_SUMMARY: this.summary,
      GITHUB_STATE: this.state,
      RUNNER_TEMP: this.temp,
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      RUNNER_NAME: 'test-runner',
      ...extra,
    };
    // The runner passes inputs as INPUT_<NAME>, upper-cased, spaces as '_' (dashes are kept).
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    // The post step sees the state main saved as STATE_<name>.
    return env;
  }

  /** Adds STATE_* variables from what main saved, as the runner does for the post step. */
  postEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    const post = { ...env };
    for (const [name, value] of Object.entries(this.savedState())) post[`STATE_${name}`] = value;
    return post;
  }
}

/** Result of running an entry. */
export interface EntryResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts an entry as a child process; `done` resolves when it exits. */
export function startEntry(
  entry: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
): { child: ChildProcess; done: Promise<EntryResult> } {
  const child = spawn(process.execPath, [entry], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<EntryResult>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
  return { child, done };
}

/** Runs an entry to completion. */
export function runEntry(entry: string, env: NodeJS.ProcessEnv, cwd: string): Promise<EntryResult> {
  return startEntry(entry, env, cwd).done;
}
