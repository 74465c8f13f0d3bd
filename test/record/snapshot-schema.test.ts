import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../src/record/snapshot-schema.ts';
import { SNAPSHOT_SCHEMA } from '../../src/record/snapshot.ts';
import schema from '../../remediations/run-snapshot.schema.json' with { type: 'json' };
import invalidEdits from '../fixtures/snapshots/invalid-edits.json' with { type: 'json' };
import { runCli, simpleDefinition, TempRepo, type CliResult } from '../helpers/git-repo.ts';

// One repository and one set of real runs for the whole file: every run is a real CLI process
// (keygen, release, run), so sharing them keeps the suite at a few seconds. Tests only read them.

type Json = Record<string, unknown>;

interface RealRun {
  readonly result: CliResult;
  readonly bytes: string;
  readonly snapshot: Json;
}

interface SnapshotEdit {
  readonly name: string;
  readonly base: string;
  readonly path: (string | number)[];
  readonly set?: unknown;
  readonly delete?: boolean;
  readonly problem: string;
}

const SECRET_VALUE = 'tok-5f2c9a71e4b3d860-secret';
const LOCAL = { GITHUB_ACTIONS: 'false' };

let repo: TempRepo;
let outRoot: string;
const runs = new Map<string, RealRun>();
let runningSnapshot: Json | undefined;

/** The only record folder `run` created under `dir`. */
function recordFolder(dir: string): string {
  const entries = readdirSync(dir);
  expect(entries).toHaveLength(1);
  return join(dir, entries[0] as string);
}

async function realRun(label: string, ref: string, trustedKey: string, env: NodeJS.ProcessEnv): Promise<void> {
  const out = join(outRoot, label);
  const result = await runCli(['run', ref, '--trusted-key', trustedKey, '--out', out], { cwd: repo.dir, env });
  if (!existsSync(out)) throw new Error(`${label}: no record folder (exit ${result.code}): ${result.stderr}`);
  const bytes = readFileSync(join(recordFolder(out), 'snapshot.json'), 'utf8');
  runs.set(label, { result, bytes, snapshot: JSON.parse(bytes) as Json });
}

/** Runs `slow` and reads snapshot.json while it is still running, after its first step was saved. */
async function captureWhileRunning(): Promise<void> {
  const out = join(outRoot, 'running');
  const finished = runCli(['run', 'slow@v1.0.0', '--trusted-key', 'k1.pub', '--out', out], {
    cwd: repo.dir,
    env: LOCAL,
  });
  let done = false;
  void finished.then(() => (done = true));
  while (!done && runningSnapshot === undefined) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const folder = existsSync(out) ? readdirSync(out)[0] : undefined;
    const file = folder === undefined ? undefined : join(out, folder, 'snapshot.json');
    if (file === undefined || !existsSync(file)) continue;
    // The recorder replaces snapshot.json by rename, so a read never sees a half-written file.
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Json & { steps: unknown[] };
    if (snapshot.status === 'running' && snapshot.steps.length === 1) runningSnapshot = snapshot;
  }
  await finished;
}

beforeAll(async () => {
  repo = new TempRepo();
  outRoot = mkdtempSync(join(tmpdir(), 'remediate-snapshots-'));
  repo.write('remediations/svc/remediation.yml', simpleDefinition('svc'));
  repo.write('remediations/svc/fix.sh', '#!/bin/sh\necho fixed\n', 0o755);
  repo.write(
    'remediations/healthy-svc/remediation.yml',
    simpleDefinition('healthy-svc').replace(
      'steps:\n',
      'check:\n  - id: probe\n    name: Probe\n    run: "exit 0"\nsteps:\n',
    ),
  );
  repo.write(
    'remediations/broken/remediation.yml',
    [
      'name: broken',
      'description: fails and rolls back',
      'steps:',
      '  - id: change',
      '    run: "echo changing; exit 7"',
      'rollback:',
      '  - id: undo',
      '    run: "echo undoing"',
      '',
    ].join('\n'),
  );
  repo.write(
    'remediations/secretive/remediation.yml',
    [
      'name: secretive',
      'description: uses a secret',
      'secrets: [TOKEN]',
      'outputs:',
      '  used: { step: use, key: token }',
      'steps:',
      '  - id: use',
      '    run: \'echo "token is $TOKEN"; echo "token=$TOKEN" >> "$REMEDIATION_OUTPUT"\'',
      '',
    ].join('\n'),
  );
  repo.write(
    'remediations/slow/remediation.yml',
    [
      'name: slow',
      'description: slow second step',
      'steps:',
      '  - id: one',
      '    run: "echo one"',
      '  - id: two',
      '    run: "sleep 1"',
      '',
    ].join('\n'),
  );
  // The second step's working directory is a file the first step created: the engine throws.
  repo.write(
    'remediations/crashing/remediation.yml',
    [
      'name: crashing',
      'description: engine error mid-run',
      'steps:',
      '  - id: one',
      '    run: "touch x"',
      '  - id: two',
      '    working-directory: x',
      '    run: "echo never"',
      '',
    ].join('\n'),
  );
  repo.commit('remediations');
  const keys = await Promise.all([
    runCli(['keygen', '--out', 'k1'], { cwd: repo.dir }),
    runCli(['keygen', '--out', 'other'], { cwd: repo.dir }),
  ]);
  for (const key of keys) expect(key.code).toBe(0);
  // Releases extend one manifest, so they run one after another.
  for (const name of ['svc', 'healthy-svc', 'broken', 'secretive', 'slow', 'crashing']) {
    const released = await runCli(['release', name, 'v1.0.0', '--key', 'k1'], { cwd: repo.dir });
    expect(released.stderr).toBe('');
    expect(released.code).toBe(0);
  }
  const payload = repo.path('event.json');
  writeFileSync(payload, JSON.stringify({ action: 'remediate', client_payload: { name: 'svc' } }));
  await Promise.all([
    realRun('succeeded', 'svc@v1.0.0', 'k1.pub', LOCAL),
    realRun('healthy', 'healthy-svc@v1.0.0', 'k1.pub', LOCAL),
    realRun('failed', 'broken@v1.0.0', 'k1.pub', LOCAL),
    realRun('refused', 'svc@v1.0.0', 'other.pub', LOCAL),
    realRun('secret', 'secretive@v1.0.0', 'k1.pub', { ...LOCAL, TOKEN: SECRET_VALUE }),
    realRun('crashed', 'crashing@v1.0.0', 'k1.pub', LOCAL),
    realRun('github', 'svc@v1.0.0', 'k1.pub', {
      GITHUB_ACTIONS: 'true',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_EVENT_NAME: 'repository_dispatch',
      GITHUB_EVENT_PATH: payload,
      GITHUB_ACTOR: 'octocat',
      GITHUB_WORKFLOW_REF: 'acme/ops/.github/workflows/remediate.yml@refs/heads/main',
      GITHUB_REPOSITORY: 'acme/ops',
    }),
    captureWhileRunning(),
  ]);
}, 60_000);

afterAll(() => {
  repo.remove();
  rmSync(outRoot, { recursive: true, force: true });
});

function real(label: string): RealRun {
  const run = runs.get(label);
  if (!run) throw new Error(`no real run '${label}'`);
  return run;
}

function clone(value: Json): Json {
  return structuredClone(value);
}

describe('run-snapshot.schema.json', () => {
  it('has the $id that snapshots carry as `schema`', () => {
    expect(schema.$id).toBe(SNAPSHOT_SCHEMA);
    expect(schema.properties.schema.const).toBe(SNAPSHOT_SCHEMA);
  });
});

describe('real snapshots written by the CLI validate', () => {
  it('a succeeded run', () => {
    const { result, snapshot } = real('succeeded');
    expect(result.code).toBe(0);
    expect(snapshot).toMatchObject({
      status: 'succeeded',
      check: 'none',
      rollback: 'not-needed',
      trigger: { kind: 'local' },
    });
    expect(snapshot.log).toHaveProperty('head');
    expect(validateSnapshot(snapshot)).toEqual({ ok: true });
  });

  it('a healthy run (check exits 0, no step runs)', () => {
    const { result, snapshot } = real('healthy');
    expect(result.code).toBe(0);
    expect(snapshot).toMatchObject({
      status: 'healthy',
      check: 'healthy',
      steps: [{ stage: 'check', id: 'probe', name: 'Probe' }],
    });
    expect(snapshot).not.toHaveProperty('rollback');
    expect(validateSnapshot(snapshot)).toEqual({ ok: true });
  });

  it('a failed run that rolled back', () => {
    const { result, snapshot } = real('failed');
    expect(result.code).toBe(1);
    expect(snapshot).toMatchObject({
      status: 'failed',
      rollback: 'succeeded',
      error: { code: 'STEP_FAILED' },
      steps: [
        { stage: 'steps', outcome: 'failed', exitCode: 7 },
        { stage: 'rollback', outcome: 'succeeded', exitCode: 0 },
      ],
    });
    expect(validateSnapshot(snapshot)).toEqual({ ok: true });
  });

  it('a refused run (manifest signed by a key that is not trusted): nothing ran, record still written', () => {
    const { result, snapshot } = real('refused');
    expect(result.code).toBe(3);
    expect(snapshot).toMatchObject({ status: 'refused', error: { code: 'UNTRUSTED_KEY' }, steps: [] });
    expect(Object.keys(snapshot.remediation as Json).sort()).toEqual(['name', 'tag', 'version']);
    expect(snapshot).not.toHaveProperty('manifest');
    expect(snapshot).not.toHaveProperty('params');
    expect(validateSnapshot(snapshot)).toEqual({ ok: true });
  });

  it('a run with a declared secret: the name is recorded, the value is not', () => {
    const { result, snapshot, bytes } = real('secret');
    expect(result.code).toBe(0);
    expect(snapshot).toMatchObject({ status: 'succeeded', secrets: ['TOKEN'], outputs: { used: '***' } });
    expect(bytes).not.toContain(SECRET_VALUE);
    expect(validateSnapshot(snapshot)).toEqual({ ok: true });
  });

  it('a run triggered by a GitHub event', () => {
    const { result, snapshot } = real('github');
    expect(result.code).toBe(0);
    const payloadDigest = `sha256:${createHash('sha256')
      .update(readFileSync(repo.path('event.json')))
      .digest('hex')}`;
    expect(snapshot).toMatchObject({
      runId: '4242-2',
      trigger: {
        kind: 'github',
        event: 'repository_dispatch',
        action: 'remediate',
        runId: '4242',
        attempt: '2',
        payloadDigest,
      },
    });
    expect(validateSnapshot(snapshot)).toEqual({ ok: true });
  });

  it('a snapshot saved while the run is still going (log open, no end time)', () => {
    expect(runningSnapshot).toBeDefined();
    expect(runningSnapshot).toMatchObject({ status: 'running', log: { file: 'run.log', complete: false } });
    expect(runningSnapshot).not.toHaveProperty('ended');
    expect(validateSnapshot(runningSnapshot)).toEqual({ ok: true });
  });

  it('a run the engine crashed in', () => {
    const { result, snapshot } = real('crashed');
    expect(result.code).toBe(1);
    expect(snapshot).toMatchObject({ status: 'crashed', error: { code: 'INTERNAL' } });
    expect(validateSnapshot(snapshot)).toEqual({ ok: true });
  });
});

describe('hand-edited snapshots are rejected with a problem naming the field', () => {
  const edits = invalidEdits.edits as SnapshotEdit[];

  it.each(edits.map((edit) => [edit.name, edit] as const))('%s', (_name, edit) => {
    const snapshot = clone(real(edit.base).snapshot);
    let parent: unknown = snapshot;
    for (const key of edit.path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
    const last = edit.path.at(-1) as string | number;
    const target = parent as Record<string | number, unknown>;
    if (edit.delete) {
      expect(target).toHaveProperty(String(last));
      delete target[last];
    } else {
      target[last] = edit.set;
    }
    const result = validateSnapshot(snapshot);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(
      problems.some((problem) => problem.startsWith(edit.problem)),
      `problems: ${problems.join('\n')}`,
    ).toBe(true);
  });

  it('reports every problem at once, each as `<path>: <message>`', () => {
    const snapshot = clone(real('succeeded').snapshot);
    snapshot.status = 'done';
    delete snapshot.runId;
    snapshot.extra = 1;
    const result = validateSnapshot(snapshot);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^status: /),
        'runId: missing required field',
        'extra: unknown field',
      ]),
    );
    for (const problem of problems) expect(problem).toMatch(/^[^:\s]+: \S/);
  });

  it.each([null, [], 'snapshot', 42])('rejects %j as a whole', (value) => {
    expect(validateSnapshot(value)).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^\(snapshot\): expected object, got /)],
    });
  });
});
