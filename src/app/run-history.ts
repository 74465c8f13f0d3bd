// The local run history: the record folders in an --out folder, which the circuit breaker counts
// and `runs list` lists. Reading is here; counting (record/circuit-breaker.ts) and listing
// (app/run-list.ts) are pure.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeError, usageErrorFromSystem } from '../errors.ts';
import { tryReadBoundedFile } from '../adapters/bounded-file.ts';
import type { PastRun } from '../record/circuit-breaker.ts';
import { parseSnapshot } from '../record/read-snapshot.ts';
import { SNAPSHOT_FILE } from '../record/record-files.ts';
import { snapshotDigest } from '../record/record-verifier.ts';
import type { RunListSource } from './run-list.ts';

/** Largest snapshot.json read for the count: real ones are a few KB, with many step outputs a few MB. */
export const MAX_HISTORY_SNAPSHOT_BYTES = 64 * 1024 * 1024;

/** The past runs found, and the records that could not be read (with why). */
export interface RunHistory {
  readonly runs: readonly PastRun[];
  /** `dir`: the record folder, or where a published record is (an artifact's name). */
  readonly skipped: readonly { readonly dir: string; readonly problem: string }[];
}

/**
 * Where a run reads the history its guardrails count: the past runs of remediation `name` that
 * started at or after `since` (a source may return older ones too; the counts filter by time).
 * Throws when the history cannot be read at all: the caller fails closed.
 */
export type RunHistorySource = (name: string, since: Date) => Promise<RunHistory>;

/**
 * Several histories read as one (the runner's --out folder and the records published on GitHub).
 * A record found in both (a self-hosted runner that keeps its folder) counts once: only the very
 * same bytes (equal snapshot digests) are one record. Attack: dropping a copy by what it claims
 * (its run id) would let a forged copy with another target take the real one's place; two
 * different snapshots both count, which can only make the guards stricter. Any source that
 * cannot be read makes the whole history unreadable.
 */
export function combinedRunHistory(sources: readonly RunHistorySource[]): RunHistorySource {
  return async (name, since) => {
    const histories = await Promise.all(sources.map((source) => source(name, since)));
    const seen = new Set<string>();
    const runs: PastRun[] = [];
    for (const run of histories.flatMap((h) => h.runs)) {
      if (run.snapshotDigest !== undefined) {
        if (seen.has(run.snapshotDigest)) continue;
        seen.add(run.snapshotDigest);
      }
      runs.push(run);
    }
    return { runs, skipped: histories.flatMap((h) => h.skipped) };
  };
}

/** A record read from a local folder: always with the digest of the snapshot bytes parsed. */
export type LocalRecord = PastRun & { readonly snapshotDigest: string };

/** What readLocalRecords found. */
export interface LocalRecords extends RunHistory {
  readonly runs: readonly LocalRecord[];
}

/** The local history: the record folders in `outDir` (the run's --out). */
export function localRunHistory(outDir: string): RunHistorySource {
  return (name) => Promise.resolve(readLocalRunHistory(outDir, name));
}

/**
 * Reads the records of remediation `name` in `outDir`: the folders the recorder names
 * `<name>-<version>-<run id>`, each snapshot.json read bounded and checked against the schema.
 * A missing `outDir` is an empty history. A folder whose snapshot cannot be read or does not
 * validate is skipped and listed: whoever can damage a record there can as well delete it, so
 * skipping one loses nothing the breaker could rely on, and the caller says which were skipped.
 */
export function readLocalRunHistory(outDir: string, name: string): RunHistory {
  return readLocalRecords(outDir, `${name}-v`);
}

/**
 * Reads every record folder in `outDir` whose name starts with `prefix` (all of them by default),
 * as readLocalRunHistory does: a missing `outDir` is empty, an unreadable record is skipped and
 * listed, never dropped silently. Each run carries the digest of the snapshot.json bytes read.
 */
export function readLocalRecords(outDir: string, prefix = ''): LocalRecords {
  let names: string[];
  try {
    names = readdirSync(outDir, { withFileTypes: true })
      // Only folders: a file or a symbolic link there is not a record the recorder wrote.
      .filter((entry) => entry.isDirectory() && entry.name.startsWith(prefix))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { runs: [], skipped: [] };
    throw usageErrorFromSystem(error, `--out ${outDir}`) ?? error;
  }
  const runs: LocalRecord[] = [];
  const skipped: { dir: string; problem: string }[] = [];
  for (const folder of names) {
    const dir = join(outDir, folder);
    try {
      const bytes = tryReadBoundedFile(join(dir, SNAPSHOT_FILE), {
        label: 'snapshot',
        maxBytes: MAX_HISTORY_SNAPSHOT_BYTES,
      });
      if (bytes === undefined) {
        skipped.push({ dir, problem: `no ${SNAPSHOT_FILE}` });
        continue;
      }
      runs.push({ dir, snapshot: parseSnapshot(bytes, dir), snapshotDigest: snapshotDigest(bytes) });
    } catch (error) {
      // The problem is reported next to `dir`: not named twice (parseSnapshot's messages start with it).
      const problem = describeError(error);
      skipped.push({ dir, problem: problem.startsWith(`${dir}: `) ? problem.slice(dir.length + 2) : problem });
    }
  }
  return { runs, skipped };
}

/** `runs list`'s local source: every record folder in `outDir` (the --out of the runs). */
export function localRunListSource(outDir: string): RunListSource {
  return () => {
    const { runs, skipped } = readLocalRecords(outDir);
    return Promise.resolve({
      entries: runs.map(({ dir, snapshot, snapshotDigest: digest }) => ({
        kind: 'record' as const,
        snapshot,
        snapshotDigest: digest,
        location: dir,
      })),
      skipped: skipped.map(({ dir, problem }) => ({ location: dir, problem })),
    });
  };
}
