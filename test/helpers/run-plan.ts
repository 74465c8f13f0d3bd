// A RunPlan and a RunRecorder without git, keys or a manifest: for the in-process tests of the
// stage machine and the executor, which start from a plan that was already verified.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDefinition } from '../../src/core/definition-parser.ts';
import type { ResolvedParams } from '../../src/core/param-validation.ts';
import { treeDigest, treeFile } from '../../src/core/tree-digest.ts';
import type { RunPlan } from '../../src/run/plan.ts';
import { RunRecorder } from '../../src/record/recorder.ts';
import { SNAPSHOT_SCHEMA, type RunSnapshot } from '../../src/record/snapshot.ts';

/** The instant every in-process test's clock reads: records made with it are byte-for-byte repeatable. */
export const FIXED_NOW = new Date('2025-01-02T03:04:05.000Z');

/** What a test plan may set besides the definition. */
export interface PlanOptions {
  /** Extra files of the version, by path relative to `remediations/svc/`. */
  readonly files?: Readonly<Record<string, string>>;
  readonly params?: ResolvedParams;
  readonly secrets?: Readonly<Record<string, string>>;
  readonly force?: boolean;
  readonly checkOnly?: boolean;
}

/**
 * A plan for remediation `svc` v1.0.0 whose definition is `body` (everything after `name` and
 * `description`), parsed and validated as a release would be; its files are remediation.yml and
 * `options.files`.
 */
export function planFor(body: string, options: PlanOptions = {}): RunPlan {
  const yaml = Buffer.from(`name: svc\ndescription: in-process test\n${body}`);
  const files = [
    treeFile('remediation.yml', '100644', yaml),
    ...Object.entries(options.files ?? {}).map(([path, text]) => treeFile(path, '100644', Buffer.from(text))),
  ];
  return {
    name: 'svc',
    version: 'v1.0.0',
    runId: 'unit-1',
    release: {
      commit: 'a'.repeat(40),
      digest: treeDigest(files),
      manifestSerial: 1,
      manifestDigest: `sha256:${'b'.repeat(64)}`,
      signers: ['test-key'],
    },
    definition: parseDefinition('remediations/svc/remediation.yml', yaml, 'svc'),
    files,
    params: options.params ?? {},
    secrets: options.secrets ?? {},
    force: options.force ?? false,
    ...(options.checkOnly === true ? { checkOnly: true } : {}),
  };
}

/** The first snapshot of a run, as app/run.ts writes it before any step. */
export function firstSnapshot(plan: RunPlan): RunSnapshot {
  return {
    schema: SNAPSHOT_SCHEMA,
    runId: plan.runId,
    status: 'running',
    remediation: { name: plan.name, version: plan.version, tag: `${plan.name}/${plan.version}` },
    secrets: Object.keys(plan.secrets),
    forced: plan.force,
    trigger: { kind: 'local', user: 'test', host: 'test' },
    runner: { os: 'linux', arch: 'x64', node: process.version },
    tool: { name: 'remediate', version: '0.0.0-test', bundleDigest: `sha256:${'c'.repeat(64)}` },
    started: FIXED_NOW.toISOString(),
    steps: [],
    outputs: {},
    log: { file: 'run.log', complete: false },
  };
}

/** Temp folders made by a test, removed by `removeAll` (call it in afterEach). */
export class TempDirs {
  readonly #dirs: string[] = [];

  /** A fresh empty folder under the system temp folder. */
  make(prefix = 'remediate-unit-'): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    this.#dirs.push(dir);
    return dir;
  }

  removeAll(): void {
    for (const dir of this.#dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

/** A real recorder writing a fresh record folder (`<parent>/record`) for `plan`, with the fixed clock. */
export function openRecorder(plan: RunPlan, parent: string, secrets: readonly string[] = []): Promise<RunRecorder> {
  return RunRecorder.create(join(parent, 'record'), secrets, firstSnapshot(plan), () => FIXED_NOW);
}
