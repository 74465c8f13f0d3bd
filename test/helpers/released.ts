import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { treeFile, type TreeFile } from '../../src/core/tree-digest.ts';
import { DEFINITION_FILE, readDefinitionBundle, writeDefinitionBundle } from '../../src/record/definition-bundle.ts';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RunSnapshot } from '../../src/record/snapshot.ts';
import { runCli, TempRepo, type CliResult } from './git-repo.ts';

/** A temporary repository with one remediation released as v1.0.0 and a trusted key pair k1. */
export interface Released {
  readonly repo: TempRepo;
  /** `remediate run <name>@v1.0.0 --trusted-key k1.pub --out runs ...args`. */
  run(args?: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliResult>;
  /** The record folders written so far, oldest first. */
  records(): string[];
  /** The parsed snapshot.json of a record folder. */
  snapshot(dir: string): Snapshot;
}

/** snapshot.json as the tool writes it. */
export type Snapshot = RunSnapshot;

/** Creates the repository, writes the definition (and extra files), and releases it with a fresh key. */
export async function releaseRemediation(
  name: string,
  definition: string,
  extraFiles: Record<string, string> = {},
): Promise<Released> {
  const repo = new TempRepo();
  repo.write(`remediations/${name}/remediation.yml`, definition);
  for (const [path, content] of Object.entries(extraFiles)) repo.write(`remediations/${name}/${path}`, content);
  repo.commit('add remediation');
  expect((await runCli(['keygen', '--out', 'k1'], { cwd: repo.dir })).code).toBe(0);
  const released = await runCli(['release', name, 'v1.0.0', '--key', 'k1'], { cwd: repo.dir });
  expect(released.stderr).toBe('');
  const runs = repo.path('runs');
  return {
    repo,
    run: (args = [], env = {}) =>
      runCli(['run', `${name}@v1.0.0`, '--trusted-key', 'k1.pub', '--out', 'runs', ...args], { cwd: repo.dir, env }),
    records: () => {
      try {
        return readdirSync(runs)
          .map((d) => join(runs, d))
          .sort();
      } catch {
        return [];
      }
    },
    snapshot: (dir) => JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')) as Snapshot,
  };
}

/** Reads every file of a record folder (but `except`) as one buffer, for "does X appear anywhere" checks. */
export function recordBytes(dir: string, except: readonly string[] = []): Buffer {
  return Buffer.concat(
    readdirSync(dir)
      .filter((f) => !except.includes(f))
      .map((f) => readFileSync(join(dir, f))),
  );
}

/**
 * `--snapshot-digest <digest of snapshot.json as it is now>`: anchors a record to itself, for
 * tests of what verify-run finds in a record (its consistency); anchoring itself is tested in
 * test/app/verify-run.test.ts.
 */
export function pinnedAsIs(dir: string): string[] {
  return [
    '--snapshot-digest',
    `sha256:${createHash('sha256')
      .update(readFileSync(join(dir, 'snapshot.json')))
      .digest('hex')}`,
  ];
}

/** Whether a process id is alive; a zombie (dead, waiting to be reaped by an init that may never do it) is not. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Waits (polling) until a file exists: a step announces it has started by creating one. */
export async function waitForFile(path: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!existsSync(path)) {
    if (Date.now() - started > timeoutMs) throw new Error(`${path} did not appear within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Rewrites a record's definition.tar with `edit` applied to its files (a forger's edit: the tar
 * stays well-formed, only what it holds changes).
 */
export function rewriteBundle(dir: string, edit: (files: TreeFile[]) => TreeFile[]): void {
  const path = join(dir, DEFINITION_FILE);
  const files = readDefinitionBundle(readFileSync(path)).map((f) => treeFile(f.path, f.mode, f.content));
  rmSync(path);
  writeDefinitionBundle(dir, edit(files));
}

/** `edit` for rewriteBundle: replaces one file's content. */
export const replaceFile =
  (path: string, content: string) =>
  (files: TreeFile[]): TreeFile[] =>
    files.map((f) => (f.path === path ? treeFile(path, f.mode, Buffer.from(content)) : f));
