// Runs one `run:` step of a workflow the way the runner does (bash -eo pipefail, or a custom
// `shell: node {0}`), with the step's own `env:` names, so the shell logic that lives in the YAML is
// tested as written rather than as a copy.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMap, jobsOf, stepsOf, type YamlMap } from './workflow-rules.ts';

/** What a step run left behind. */
export interface StepResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Parsed `name=value` lines the step appended to $GITHUB_OUTPUT. */
  readonly outputs: Record<string, string>;
  /** Text appended to $GITHUB_STEP_SUMMARY. */
  readonly summary: string;
  /** The step's $RUNNER_TEMP. */
  readonly runnerTemp: string;
  /** The step's $HOME (where the stand-in tools leave notes). */
  readonly home: string;
}

/** Options for one step run. */
export interface StepRunOptions {
  /** Values for the step's `${{ }}` env entries, by env name; every such entry needs one. */
  readonly env?: Record<string, string>;
  /** Working directory (a fresh temp dir by default). */
  readonly cwd?: string;
  /** Executables put first on PATH: name -> script text (a `#!` line is required). */
  readonly fakeBin?: Record<string, string>;
  /** Extra runner variables (GITHUB_RUN_ID, ...). */
  readonly runner?: Record<string, string>;
  /** File name the run text is written to (its extension can change how node loads it). */
  readonly scriptName?: string;
  /** $RUNNER_TEMP to use, so consecutive steps of one job share it (a fresh one by default). */
  readonly runnerTemp?: string;
}

/** Finds a step by `id` or `name` in a job of a workflow, or throws. */
export function findStep(workflow: YamlMap, jobId: string, idOrName: string): YamlMap {
  const job = jobsOf(workflow).find(([id]) => id === jobId)?.[1];
  if (!job) throw new Error(`no job ${jobId}`);
  const step = stepsOf(job).find((s) => s.id === idOrName || s.name === idOrName);
  if (!step) throw new Error(`no step ${idOrName} in job ${jobId}`);
  return step;
}

/** A fresh temp directory. */
export function tempDir(prefix = 'remediate-wf-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs a step's `run:` text with its declared env, the runner's files, and optional fake tools. */
export function runStep(step: YamlMap, options: StepRunOptions = {}): StepResult {
  const run = prepareStep(step, options);
  const result = spawnSync(run.command, run.args, { cwd: run.cwd, encoding: 'utf8', env: run.env });
  return run.finish(result.status, result.stdout, result.stderr);
}

/**
 * As runStep, without blocking the event loop: for steps that call a server running in the test's
 * own process (the REST double), which a synchronous spawn would leave unable to answer.
 */
export function runStepAsync(step: YamlMap, options: StepRunOptions = {}): Promise<StepResult> {
  const run = prepareStep(step, options);
  return new Promise((resolve, reject) => {
    const child = spawn(run.command, run.args, { cwd: run.cwd, env: run.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve(run.finish(status, stdout, stderr)));
  });
}

interface PreparedStep {
  readonly command: string;
  readonly args: string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  finish(status: number | null, stdout: string, stderr: string): StepResult;
}

function prepareStep(step: YamlMap, options: StepRunOptions): PreparedStep {
  if (typeof step.run !== 'string') throw new Error('not a run: step');
  const base = tempDir();
  const runnerTemp = options.runnerTemp ?? join(base, 'runner-temp');
  const bin = join(base, 'bin');
  mkdirSync(runnerTemp, { recursive: true });
  mkdirSync(bin);
  const outputFile = join(base, 'github-output');
  const summaryFile = join(base, 'step-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  for (const [name, text] of Object.entries(options.fakeBin ?? {})) {
    writeFileSync(join(bin, name), text);
    chmodSync(join(bin, name), 0o755);
  }
  const declared = isMap(step.env) ? step.env : {};
  const given = options.env ?? {};
  const stepEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(declared)) {
    const text = String(value);
    if (!text.includes('${{')) stepEnv[name] = text;
    else if (name in given) stepEnv[name] = given[name] ?? '';
    else throw new Error(`the test must give a value for the step's env ${name} (${text})`);
  }
  for (const name of Object.keys(given)) {
    if (!(name in declared)) throw new Error(`the step declares no env ${name}; a test value would hide that`);
  }
  const script = join(base, options.scriptName ?? 'step');
  writeFileSync(script, step.run);
  const shell = typeof step.shell === 'string' ? step.shell : 'bash';
  const [command, args] =
    shell === 'bash'
      ? ['bash', ['--noprofile', '--norc', '-eo', 'pipefail', script]]
      : shell === 'node {0}'
        ? [process.execPath, [script]]
        : [undefined, []];
  if (!command) throw new Error(`unsupported shell ${shell}`);
  const cwd = options.cwd ?? join(base, 'workspace');
  if (!existsSync(cwd)) mkdirSync(cwd, { recursive: true });
  return {
    command,
    args: args as string[],
    cwd,
    env: {
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      HOME: base,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'octo/fleet',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      RUNNER_TEMP: runnerTemp,
      ...options.runner,
      ...stepEnv,
    },
    finish: (status, stdout, stderr) => ({
      status,
      stdout,
      stderr,
      outputs: parseGithubOutput(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8'),
      runnerTemp,
      home: base,
    }),
  };
}

const ROOT = join(import.meta.dirname, '../..');

/** Puts the tool where the workflows expect it: `.remediate-tool/dist/cli/index.js` loads src/cli.ts. */
export function installTool(workspace: string): void {
  fakeCli(workspace, `import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/cli.ts')).href)});\n`);
}

/** Puts the built, committed CLI (dist/cli/index.js and its chunks) where the workflows expect it. */
export function installBuiltTool(workspace: string): void {
  cpSync(join(ROOT, 'dist'), join(workspace, '.remediate-tool', 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(workspace, '.remediate-tool', 'package.json'));
}

/** Writes a stand-in for the tool's CLI at `<cwd>/.remediate-tool/dist/cli/index.js`. */
export function fakeCli(cwd: string, source: string): void {
  const dir = join(cwd, '.remediate-tool', 'dist', 'cli');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.js'), source);
}

/**
 * Parses a $GITHUB_OUTPUT file as the runner does: `name=value` lines and `name<<DELIMITER` blocks.
 * A block without its closing delimiter is an error, as on GitHub.
 */
export function parseGithubOutput(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2] ?? '', i + 1);
      if (end < 0) throw new Error(`output ${heredoc[1]}: no closing delimiter`);
      outputs[heredoc[1] ?? ''] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
    else if (line.trim()) throw new Error(`unparseable output line: ${line}`);
  }
  return outputs;
}
