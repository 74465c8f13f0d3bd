// Runs the example remediations under remediations/ for real, against sandboxes in temp folders.
// The engine is not used: `runStage` below emulates its runtime contract (bash -euo pipefail, cwd =
// a fresh workspace, minimal environment + PARAM_* + REMEDIATION_* + STEP_*, outputs via
// $REMEDIATION_OUTPUT, the remediation's files as a read-only copy), so these tests pin down what
// the examples need from the engine.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import {
  chmod,
  cp,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDefinition } from '../../src/core/definition-parser.ts';
import {
  paramEnvName,
  parseDuration,
  type Definition,
  type StageName,
  type StepSpec,
} from '../../src/core/definition.ts';
import { paramToEnvValue, resolveParams } from '../../src/core/param-validation.ts';

const REMEDIATIONS = fileURLToPath(new URL('../../remediations/', import.meta.url));
const EXAMPLES = ['prune-old-files', 'reapply-config', 'restart-process'] as const;
type ExampleName = (typeof EXAMPLES)[number];
const DAY_MS = 86_400_000;
/** Upper bound on any one step in these tests, whatever its declared timeout. */
const MAX_STEP_MS = 60_000;

function loadDefinition(name: string): Definition {
  const file = join(REMEDIATIONS, name, 'remediation.yml');
  return parseDefinition(`remediations/${name}/remediation.yml`, readFileSync(file), name);
}

// ---------------------------------------------------------------------------------------------
// Runtime contract emulation

interface StepResult {
  readonly id: string;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Readonly<Record<string, string>>;
}

interface StageResult {
  /** 0 when every step succeeded, else the exit code of the first failing step. */
  readonly exitCode: number;
  readonly steps: readonly StepResult[];
}

/** One run of one remediation: a fresh workspace, its params, and the outputs seen so far. */
interface Run {
  readonly definition: Definition;
  /** Read-only copy of the remediation's folder: $REMEDIATION_DIR. */
  readonly remediationDir: string;
  /** The run's workspace: cwd of every step and $REMEDIATION_WORKSPACE. */
  readonly workspace: string;
  readonly paramEnv: Readonly<Record<string, string>>;
  /** STEP_<ID>_<KEY> values from steps that already ran. */
  readonly stepEnv: Record<string, string>;
  /** Overrides for the definition's `env`, as a new release could set them. */
  readonly envOverrides: Readonly<Record<string, string>>;
  /** Extra variables a test adds to every step (never needed by the examples). */
  readonly extraEnv: Readonly<Record<string, string>>;
}

let scratch: string[] = [];

async function scratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `remediate-example-${prefix}-`));
  scratch.push(dir);
  return dir;
}

async function makeReadOnly(path: string): Promise<void> {
  const info = await lstat(path);
  if (info.isDirectory()) {
    for (const entry of await readdir(path)) await makeReadOnly(join(path, entry));
    await chmod(path, 0o555);
  } else if (info.isFile()) {
    await chmod(path, info.mode & 0o111 ? 0o555 : 0o444);
  }
}

async function makeWritable(path: string): Promise<void> {
  const info = await lstat(path);
  if (info.isDirectory()) {
    await chmod(path, 0o755);
    for (const entry of await readdir(path)) await makeWritable(join(path, entry));
  }
}

async function startRun(
  name: ExampleName,
  params: Record<string, unknown>,
  options: { envOverrides?: Record<string, string>; extraEnv?: Record<string, string> } = {},
): Promise<Run> {
  const definition = loadDefinition(name);
  const root = await scratchDir(`run-${name}`);
  const remediationDir = join(root, 'remediation');
  await cp(join(REMEDIATIONS, name), remediationDir, { recursive: true });
  await makeReadOnly(remediationDir);
  const workspace = join(root, 'workspace');
  await mkdir(workspace);
  const resolved = resolveParams(definition.inputs, params);
  const paramEnv: Record<string, string> = {};
  for (const [input, value] of Object.entries(resolved)) paramEnv[paramEnvName(input)] = paramToEnvValue(value);
  return {
    definition,
    remediationDir,
    workspace,
    paramEnv,
    stepEnv: {},
    envOverrides: options.envOverrides ?? {},
    extraEnv: options.extraEnv ?? {},
  };
}

function stepEnvName(stepId: string, key: string): string {
  return `STEP_${stepId.toUpperCase().replaceAll('-', '_')}_${key.toUpperCase().replaceAll('-', '_')}`;
}

async function runStep(run: Run, step: StepSpec, index: number, stage: StageName): Promise<StepResult> {
  const outputFile = join(run.workspace, '..', `output-${stage}-${index}-${step.id}`);
  await writeFile(outputFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: process.env.HOME ?? '/',
    LANG: 'C.UTF-8',
    TMPDIR: tmpdir(),
    ...run.definition.env,
    ...run.envOverrides,
    ...step.env,
    ...run.paramEnv,
    ...run.stepEnv,
    ...run.extraEnv,
    REMEDIATION_DIR: run.remediationDir,
    REMEDIATION_WORKSPACE: run.workspace,
    REMEDIATION_OUTPUT: outputFile,
  };
  const [shell, flags] = step.shell === 'sh' ? ['sh', ['-eu']] : ['bash', ['-euo', 'pipefail']];
  const timeoutMs = Math.min(step.timeout ? parseDuration(step.timeout) : MAX_STEP_MS, MAX_STEP_MS);
  // Own process group, so a timed-out step can be ended with everything it started.
  const child = spawn(shell, [...flags, '-c', step.run], {
    cwd: run.workspace,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number>((resolve, reject) => {
    let exited: number | undefined;
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`step ${stage}.${step.id} timed out after ${timeoutMs}ms`));
    }, timeoutMs);
    child.on('error', reject);
    // The engine records a step's output until its pipes close: anything the step leaves running
    // must not hold them, or the step never ends. Fail loudly instead of hanging.
    child.on('exit', (code, signal) => {
      exited = code ?? (signal ? 128 : 1);
      setTimeout(() => {
        if (child.stdout.readable || child.stderr.readable) {
          clearTimeout(timer);
          reject(new Error(`step ${stage}.${step.id} exited but something it started still holds its stdout/stderr`));
        }
      }, 5_000).unref();
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(exited ?? code ?? (signal ? 128 : 1));
    });
  });
  const outputs: Record<string, string> = {};
  for (const line of (await readFile(outputFile, 'utf8')).split('\n')) {
    const match = /^([A-Za-z0-9_-]+)=(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) outputs[match[1]] = match[2];
  }
  for (const [key, value] of Object.entries(outputs)) run.stepEnv[stepEnvName(step.id, key)] = value;
  return { id: step.id, exitCode, stdout, stderr, outputs };
}

/** Runs one stage's steps in order, stopping at the first failure (continue-on-error aside). */
async function runStage(run: Run, stage: StageName): Promise<StageResult> {
  const results: StepResult[] = [];
  const steps = run.definition[stage];
  for (const [index, step] of steps.entries()) {
    const result = await runStep(run, step, index, stage);
    results.push(result);
    if (result.exitCode !== 0 && !step['continue-on-error']) return { exitCode: result.exitCode, steps: results };
  }
  return { exitCode: 0, steps: results };
}

function describeStage(result: StageResult): string {
  return result.steps.map((s) => `[${s.id} -> ${s.exitCode}]\n${s.stdout}${s.stderr}`).join('\n');
}

function outputOf(result: StageResult, stepId: string, key: string): string | undefined {
  return result.steps.find((s) => s.id === stepId)?.outputs[key];
}

beforeEach(() => {
  scratch = [];
});

afterEach(async () => {
  for (const dir of scratch) {
    await makeWritable(dir).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------
// Definitions

describe('example definitions', () => {
  it.each(EXAMPLES)('%s validates and is named after its folder', (name) => {
    const definition = loadDefinition(name);
    expect(definition.name).toBe(name);
    expect(definition.check.length).toBeGreaterThan(0);
    expect(definition.verify.length).toBeGreaterThan(0);
    const text = readFileSync(join(REMEDIATIONS, name, 'remediation.yml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../remediation.schema.json');
    expect(existsSync(join(REMEDIATIONS, name, 'README.md'))).toBe(true);
  });

  it.each(EXAMPLES)('%s: every script a step calls is shipped in its folder and parses', (name) => {
    const definition = loadDefinition(name);
    const steps = [...definition.check, ...definition.steps, ...definition.verify, ...definition.rollback];
    for (const step of steps) {
      const scripts = [...step.run.matchAll(/"\$REMEDIATION_DIR\/([^"]+)"/g)].map((m) => m[1] ?? '');
      expect(scripts.length, `step ${step.id} calls a shipped script`).toBeGreaterThan(0);
      for (const script of scripts) expect(existsSync(join(REMEDIATIONS, name, script)), script).toBe(true);
    }
    for (const file of readdirSync(join(REMEDIATIONS, name), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.sh')) continue;
      const check = spawnSync('bash', ['-n', join(REMEDIATIONS, name, file)], { encoding: 'utf8' });
      expect(check.status, `${file}: ${check.stderr}`).toBe(0);
    }
  });

  it.each([
    ['prune-old-files', { dir: 'var/log', 'max-size-mb': 1 }],
    ['prune-old-files', { dir: '/var/log/../../etc', 'max-size-mb': 1 }],
    ['prune-old-files', { dir: '/var/log/', 'max-size-mb': 1 }],
    ['prune-old-files', { dir: '/var/log', 'max-size-mb': 0 }],
    ['prune-old-files', { dir: '/var/log', 'max-size-mb': 1, 'older-than-days': 0 }],
    ['prune-old-files', { dir: '/var/log', 'max-size-mb': 1, glob: '../*.log' }],
    ['prune-old-files', { dir: '/var/log', 'max-size-mb': '1' }],
    ['reapply-config', { target: 'app.conf', desired: 'app.conf' }],
    ['reapply-config', { target: '/etc/app.conf', desired: '../../../etc/shadow' }],
    ['reapply-config', { target: '/etc/app.conf', desired: 'app.conf', mode: '644' }],
    ['reapply-config', { target: '/etc/app.conf', desired: 'app.conf', mode: '04755' }],
    ['restart-process', { pidfile: '/run/x.pid', port: 80, service: 'bash -c id' }],
    ['restart-process', { pidfile: '/run/x.pid', port: 0, service: 'demo-http' }],
    ['restart-process', { pidfile: '/run/x.pid', port: 65536, service: 'demo-http' }],
    ['restart-process', { pidfile: '/run/x.pid', port: 80, service: 'demo-http', host: '127.0.0.1;id' }],
    ['restart-process', { pidfile: '/run/x.pid', port: 80, service: 'demo-http', host: '10.0.0.5' }],
    ['restart-process', { pidfile: '/run/x.pid', port: 80, service: 'demo-http', host: '$(id)' }],
    ['restart-process', { pidfile: 'x.pid', port: 80, service: 'demo-http' }],
  ] as const)('%s refuses bad parameters %j', (name, params) => {
    expect(() => resolveParams(loadDefinition(name).inputs, params)).toThrow(/parameter/);
  });

  it('accepts the documented parameter forms', () => {
    expect(() =>
      resolveParams(loadDefinition('prune-old-files').inputs, { dir: '/var/log/my app', 'max-size-mb': 2048 }),
    ).not.toThrow();
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost', 'app-1.internal']) {
      expect(() =>
        resolveParams(loadDefinition('restart-process').inputs, {
          pidfile: '/run/demo.pid',
          port: 8080,
          service: 'demo-http',
          host,
        }),
      ).not.toThrow();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// prune-old-files

async function writeFileAged(path: string, bytes: number, ageDays: number): Promise<void> {
  await writeFile(path, Buffer.alloc(bytes, 0x61));
  const when = new Date(Date.now() - ageDays * DAY_MS);
  await utimes(path, when, when);
}

describe('prune-old-files', () => {
  it('is healthy when the directory is under the threshold and changes nothing', async () => {
    const sandbox = await scratchDir('prune');
    await writeFileAged(join(sandbox, 'old.log'), 100_000, 30);
    const run = await startRun('prune-old-files', { dir: sandbox, 'max-size-mb': 1 });

    const check = await runStage(run, 'check');
    expect(check.exitCode, describeStage(check)).toBe(0);
    expect(existsSync(join(sandbox, 'old.log'))).toBe(true);
  });

  it('deletes old matching files oldest first until under the threshold, never following symlinks', async () => {
    const root = await scratchDir('prune');
    const dir = join(root, 'logs');
    const outside = join(root, 'outside');
    await mkdir(join(dir, 'sub'), { recursive: true });
    await mkdir(outside);
    const KiB = 1024;
    await writeFileAged(join(dir, 'oldest.log'), 500 * KiB, 20);
    await writeFileAged(join(dir, 'older.log'), 500 * KiB, 15);
    await writeFileAged(join(dir, 'sub', 'old.log'), 500 * KiB, 10);
    await writeFileAged(join(dir, 'recent.log'), 300 * KiB, 1);
    await writeFileAged(join(dir, 'ancient.txt'), 200 * KiB, 60);
    // Traps: a directory that matches the glob, symlinks to old files and to a folder outside.
    await mkdir(join(dir, 'archive.log'));
    await utimes(join(dir, 'archive.log'), new Date(Date.now() - 90 * DAY_MS), new Date(Date.now() - 90 * DAY_MS));
    await writeFileAged(join(outside, 'victim.log'), 900 * KiB, 90);
    await symlink(join(outside, 'victim.log'), join(dir, 'link-to-victim.log'));
    await symlink(outside, join(dir, 'outside-dir'));

    const run = await startRun('prune-old-files', { dir, 'max-size-mb': 1, 'older-than-days': 7 });
    const check = await runStage(run, 'check');
    expect(check.exitCode, describeStage(check)).toBe(1);

    const steps = await runStage(run, 'steps');
    expect(steps.exitCode, describeStage(steps)).toBe(0);
    // 2000 KiB of regular files; the two oldest matching files bring it to 1000 KiB <= 1024 KiB.
    expect(outputOf(steps, 'prune', 'freed-bytes')).toBe(String(1000 * KiB));
    expect(outputOf(steps, 'prune', 'deleted-files')).toBe('2');
    expect(run.stepEnv.STEP_PRUNE_FREED_BYTES).toBe(String(1000 * KiB));

    const verify = await runStage(run, 'verify');
    expect(verify.exitCode, describeStage(verify)).toBe(0);

    expect(existsSync(join(dir, 'oldest.log'))).toBe(false);
    expect(existsSync(join(dir, 'older.log'))).toBe(false);
    expect(existsSync(join(dir, 'sub', 'old.log'))).toBe(true); // old enough, but no longer needed
    expect(existsSync(join(dir, 'recent.log'))).toBe(true);
    expect(existsSync(join(dir, 'ancient.txt'))).toBe(true); // does not match the glob
    expect((await stat(join(dir, 'archive.log'))).isDirectory()).toBe(true);
    expect((await lstat(join(dir, 'link-to-victim.log'))).isSymbolicLink()).toBe(true);
    expect(existsSync(join(outside, 'victim.log'))).toBe(true);
  });

  it('fails verify when not enough old files can be deleted', async () => {
    const dir = await scratchDir('prune');
    await writeFileAged(join(dir, 'fresh.log'), 1_500_000, 0);
    await writeFileAged(join(dir, 'old.log'), 100_000, 30);
    const run = await startRun('prune-old-files', { dir, 'max-size-mb': 1, 'older-than-days': 7 });

    expect((await runStage(run, 'check')).exitCode).toBe(1);
    const steps = await runStage(run, 'steps');
    expect(steps.exitCode, describeStage(steps)).toBe(0);
    expect(outputOf(steps, 'prune', 'freed-bytes')).toBe('100000');
    const verify = await runStage(run, 'verify');
    expect(verify.exitCode).toBe(1);
    expect(existsSync(join(dir, 'fresh.log'))).toBe(true);
  });

  it('reports a failed check (exit 2), not drift, when the directory is missing or a symlink', async () => {
    const root = await scratchDir('prune');
    await mkdir(join(root, 'real'));
    await symlink(join(root, 'real'), join(root, 'link'));
    for (const dir of [join(root, 'missing'), join(root, 'link')]) {
      const run = await startRun('prune-old-files', { dir, 'max-size-mb': 1 });
      const check = await runStage(run, 'check');
      expect(check.exitCode, describeStage(check)).toBe(2);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// reapply-config

const DESIRED_APP_CONF = join(REMEDIATIONS, 'reapply-config', 'desired', 'app.conf');

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o7777;
}

describe('reapply-config', () => {
  it('is healthy when content and mode match', async () => {
    const dir = await scratchDir('config');
    const target = join(dir, 'app.conf');
    await writeFile(target, readFileSync(DESIRED_APP_CONF));
    await chmod(target, 0o640);
    const run = await startRun('reapply-config', { target, desired: 'app.conf', mode: '0640' });

    const check = await runStage(run, 'check');
    expect(check.exitCode, describeStage(check)).toBe(0);
  });

  it('detects drifted content and mode, replaces the file atomically, and verifies', async () => {
    const dir = await scratchDir('config');
    const target = join(dir, 'app.conf');
    const drifted = 'listen = 0.0.0.0:8080 # hand-edited at 03:00\n';
    await writeFile(target, drifted);
    await chmod(target, 0o666);
    const run = await startRun('reapply-config', { target, desired: 'app.conf' });

    const check = await runStage(run, 'check');
    expect(check.exitCode, describeStage(check)).toBe(1);
    expect(check.steps[0]?.stdout).toMatch(/content has sha256/);
    expect(check.steps[0]?.stdout).toMatch(/has mode 0666, want 0644/);
    expect(check.steps[0]?.stdout).not.toContain('hand-edited'); // contents are never printed

    const steps = await runStage(run, 'steps');
    expect(steps.exitCode, describeStage(steps)).toBe(0);
    expect(outputOf(steps, 'backup', 'previous-sha256')).toBe(sha256(Buffer.from(drifted)));
    expect(outputOf(steps, 'apply', 'applied-sha256')).toBe(sha256(readFileSync(DESIRED_APP_CONF)));

    const verify = await runStage(run, 'verify');
    expect(verify.exitCode, describeStage(verify)).toBe(0);
    expect(await readFile(target)).toEqual(readFileSync(DESIRED_APP_CONF));
    expect(await modeOf(target)).toBe(0o644);
    expect(await readdir(dir)).toEqual(['app.conf']); // no temporary file left behind
  });

  it('detects a mode-only drift', async () => {
    const dir = await scratchDir('config');
    const target = join(dir, 'app.conf');
    await writeFile(target, readFileSync(DESIRED_APP_CONF));
    await chmod(target, 0o600);
    const run = await startRun('reapply-config', { target, desired: 'app.conf', mode: '0644' });
    const check = await runStage(run, 'check');
    expect(check.exitCode, describeStage(check)).toBe(1);
    expect(check.steps[0]?.stdout).not.toMatch(/content/);
  });

  it('rolls back to the original file when verify fails after the fix', async () => {
    const dir = await scratchDir('config');
    const target = join(dir, 'app.conf');
    const original = 'workers = 64\n';
    await writeFile(target, original);
    await chmod(target, 0o600);
    const run = await startRun('reapply-config', { target, desired: 'app.conf', mode: '0644' });

    expect((await runStage(run, 'check')).exitCode).toBe(1);
    const steps = await runStage(run, 'steps');
    expect(steps.exitCode, describeStage(steps)).toBe(0);
    expect(await readFile(target)).toEqual(readFileSync(DESIRED_APP_CONF));
    // Something else rewrites the file before verify: the post-condition fails -> rollback.
    await writeFile(target, 'workers = 1\n');
    const verify = await runStage(run, 'verify');
    expect(verify.exitCode).toBe(1);

    const rollback = await runStage(run, 'rollback');
    expect(rollback.exitCode, describeStage(rollback)).toBe(0);
    expect(await readFile(target, 'utf8')).toBe(original);
    expect(await modeOf(target)).toBe(0o600);
    expect(await readdir(dir)).toEqual(['app.conf']);
  });

  it('creates a missing target, and rollback removes it again', async () => {
    const dir = await scratchDir('config');
    const target = join(dir, 'app.conf');
    const run = await startRun('reapply-config', { target, desired: 'app.conf', mode: '0640' });

    expect((await runStage(run, 'check')).exitCode).toBe(1);
    const steps = await runStage(run, 'steps');
    expect(steps.exitCode, describeStage(steps)).toBe(0);
    expect(outputOf(steps, 'backup', 'existed')).toBe('false');
    expect((await runStage(run, 'verify')).exitCode).toBe(0);
    expect(await modeOf(target)).toBe(0o640);

    expect((await runStage(run, 'rollback')).exitCode).toBe(0);
    expect(existsSync(target)).toBe(false);
  });

  it('rollback changes nothing when the backup step never ran', async () => {
    const dir = await scratchDir('config');
    const target = join(dir, 'app.conf');
    await writeFile(target, 'untouched\n');
    const run = await startRun('reapply-config', { target, desired: 'app.conf' });
    const rollback = await runStage(run, 'rollback');
    expect(rollback.exitCode, describeStage(rollback)).toBe(0);
    expect(await readFile(target, 'utf8')).toBe('untouched\n');
  });

  it('reports a failed check (exit 2) for a symlinked target and leaves it alone', async () => {
    const dir = await scratchDir('config');
    await writeFile(join(dir, 'elsewhere.conf'), 'x\n');
    await symlink(join(dir, 'elsewhere.conf'), join(dir, 'app.conf'));
    const run = await startRun('reapply-config', { target: join(dir, 'app.conf'), desired: 'app.conf' });
    expect((await runStage(run, 'check')).exitCode).toBe(2);
    expect((await runStage(run, 'steps')).exitCode).not.toBe(0);
    expect(await readFile(join(dir, 'elsewhere.conf'), 'utf8')).toBe('x\n');
  });
});

// ---------------------------------------------------------------------------------------------
// restart-process

const DEMO_SERVICE = join(REMEDIATIONS, 'restart-process', 'services', 'demo-http.sh');

function hasCommand(command: string): boolean {
  return spawnSync('bash', ['-c', 'command -v "$1"', 'probe', command], { stdio: 'ignore' }).status === 0;
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** True if 127.0.0.1:port sends back an HTTP status line within timeoutMs. */
async function httpAnswers(port: number, timeoutMs = 1_000): Promise<boolean> {
  return await new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = '';
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('GET / HTTP/1.0\r\nHost: test\r\n\r\n'));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      if (received.includes('\n')) done(received.startsWith('HTTP/'));
    });
    socket.on('end', () => done(received.startsWith('HTTP/')));
  });
}

async function eventually(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Running (not exited, not a zombie). */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

function killHard(pid: number): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone, or not a group leader
    }
  }
}

/** Demo services listening on a port, found by their argv (marker + port). */
function demoServicesOn(port: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv.includes('remediate-demo-http') && argv.includes(String(port))) found.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

describe('restart-process', () => {
  let port = 0;
  let sandbox = '';
  let pidfile = '';
  let started: number[] = [];

  beforeEach(async () => {
    port = await freePort();
    sandbox = await scratchDir('restart');
    pidfile = join(sandbox, 'demo-http.pid');
    started = [];
  });

  afterEach(async () => {
    const pids = new Set([...started, ...demoServicesOn(port)]);
    if (existsSync(pidfile)) {
      const fromFile = Number((await readFile(pidfile, 'utf8')).trim());
      if (Number.isSafeInteger(fromFile) && fromFile > 1) pids.add(fromFile);
    }
    for (const pid of pids) killHard(pid);
    await eventually('every started process is gone', () => [...pids].every((pid) => !isAlive(pid)), 5_000);
  });

  /** Starts the demo service the way an operator would, outside any run, and writes the pid file. */
  async function startDemo(runtime = 'auto'): Promise<number> {
    const child = spawn('bash', [DEMO_SERVICE], {
      detached: true,
      stdio: 'ignore',
      cwd: '/',
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/',
        SERVICE_HOST: '127.0.0.1',
        SERVICE_PORT: String(port),
        DEMO_HTTP_RUNTIME: runtime,
      },
    });
    child.unref();
    const pid = child.pid;
    if (pid === undefined) throw new Error('demo service did not start');
    started.push(pid);
    await writeFile(pidfile, `${pid}\n`);
    await eventually('the demo service answers', () => httpAnswers(port));
    return pid;
  }

  const params = (extra: Record<string, unknown> = {}) => ({
    pidfile,
    port,
    service: 'demo-http',
    'grace-seconds': 1,
    'probe-timeout-seconds': 1,
    'startup-seconds': 10,
    ...extra,
  });

  async function expectRestarted(run: Run, oldPid: number | undefined, stoppedWith: string): Promise<number> {
    const steps = await runStage(run, 'steps');
    expect(steps.exitCode, describeStage(steps)).toBe(0);
    expect(outputOf(steps, 'stop', 'stopped-with')).toBe(stoppedWith);
    const newPid = Number(outputOf(steps, 'start', 'new-pid'));
    started.push(newPid);
    expect(Number((await readFile(pidfile, 'utf8')).trim())).toBe(newPid);
    expect(newPid).not.toBe(oldPid);

    const verify = await runStage(run, 'verify');
    expect(verify.exitCode, describeStage(verify)).toBe(0);
    expect(isAlive(newPid)).toBe(true);
    expect(await httpAnswers(port)).toBe(true);
    if (oldPid !== undefined) expect(isAlive(oldPid)).toBe(false);
    return newPid;
  }

  it('is healthy when the port answers', async () => {
    const pid = await startDemo();
    const run = await startRun('restart-process', params());
    const check = await runStage(run, 'check');
    expect(check.exitCode, describeStage(check)).toBe(0);
    expect(isAlive(pid)).toBe(true);
  });

  const runtimes = ['python3', 'perl'].filter(hasCommand);
  it.each(runtimes)('restarts a crashed service (stale pid file) with the %s runtime', async (runtime) => {
    const oldPid = await startDemo(runtime);
    killHard(oldPid);
    await eventually('the old service is gone', () => !isAlive(oldPid));

    const run = await startRun('restart-process', params(), { envOverrides: { DEMO_HTTP_RUNTIME: runtime } });
    const check = await runStage(run, 'check');
    expect(check.exitCode, describeStage(check)).toBe(1);
    const newPid = await expectRestarted(run, oldPid, 'none');
    expect(readFileSync(`/proc/${newPid}/cmdline`, 'utf8').split('\0')[0]).toContain(
      runtime === 'perl' ? 'perl' : 'python',
    );
  });

  it('kills a hung service (accepts connections, never answers) with SIGKILL after the grace period', async () => {
    const oldPid = await startDemo();
    process.kill(oldPid, 'SIGSTOP'); // SIGTERM stays pending while stopped: only SIGKILL ends it

    const run = await startRun('restart-process', params({ 'grace-seconds': 1 }));
    const check = await runStage(run, 'check');
    expect(check.exitCode, describeStage(check)).toBe(1);
    await expectRestarted(run, oldPid, 'KILL');
  });

  it('restarts a live service gracefully with SIGTERM when the fix is run directly', async () => {
    const oldPid = await startDemo();
    const run = await startRun('restart-process', params());
    await expectRestarted(run, oldPid, 'TERM');
  });

  it('starts the service when there is no pid file at all', async () => {
    const run = await startRun('restart-process', params());
    expect((await runStage(run, 'check')).exitCode).toBe(1);
    await expectRestarted(run, undefined, 'none');
  });

  it('never signals a process that took over a recycled pid', async () => {
    // The pid file was written an hour ago; the process now holding that pid started just now.
    const bystander = spawn('sleep', ['300'], { detached: true, stdio: 'ignore' });
    bystander.unref();
    const bystanderPid = bystander.pid ?? 0;
    started.push(bystanderPid);
    await writeFile(pidfile, `${bystanderPid}\n`);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(pidfile, anHourAgo, anHourAgo);

    const run = await startRun('restart-process', params());
    expect((await runStage(run, 'check')).exitCode).toBe(1);
    const newPid = await expectRestarted(run, undefined, 'none');
    expect(isAlive(bystanderPid)).toBe(true);
    expect(newPid).not.toBe(bystanderPid);
  });

  it('verify fails when nothing answers', async () => {
    const run = await startRun('restart-process', params({ 'startup-seconds': 1 }));
    const verify = await runStage(run, 'verify');
    expect(verify.exitCode).toBe(1);
  });
});
