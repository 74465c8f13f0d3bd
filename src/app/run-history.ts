// The local run history the circuit breaker counts: the record folders in a run's --out folder.
// Reading is here; counting is pure (record/circuit-breaker.ts).

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeError, usageErrorFromSystem } from '../errors.ts';
import { tryReadBoundedFile } from '../adapters/bounded-file.ts';
import type { PastRun } from '../record/circuit-breaker.ts';
import { parseSnapshot } from '../record/read-snapshot.ts';
import { SNAPSHOT_FILE } from '../record/record-files.ts';

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
 * Several histories read as one (the runner's --out folder and the records published on GitHub):
 * a run found in more than one counts once (same remediation and run id). Any source that cannot
 * be read makes the whole history unreadable.
 */
export function combinedRunHistory(sources: readonly RunHistorySource[]): RunHistorySource {
  return async (name, since) => {
    const histories = await Promise.all(sources.map((source) => source(name, since)));
    const seen = new Set<string>();
    const runs: PastRun[] = [];
    for (const run of histories.flatMap((h) => h.runs)) {
      const key = `${run.snapshot.remediation.name}\n${run.snapshot.runId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      runs.push(run);
    }
    return { runs, skipped: histories.flatMap((h) => h.skipped) };
  };
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
  let names: string[];
  try {
    names = readdirSync(outDir, { withFileTypes: true })
      // Only folders: a file or a symbolic link there is not a record the recorder wrote.
      .filter((entry) => entry.isDirectory() && entry.name.startsWith(`${name}-v`))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { runs: [], skipped: [] };
    throw usageErrorFromSystem(error, `--out ${outDir}`) ?? error;
  }
  const runs: PastRun[] = [];
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
      runs.push({ dir, snapshot: parseSnapshot(bytes, dir) });
    } catch (error) {
      skipped.push({ dir, problem: describeError(error) });
    }
  }
  return { runs, skipped };
}
