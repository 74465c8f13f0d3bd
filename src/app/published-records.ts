// The run records the Action published as workflow artifacts, read back through GitHub's REST
// API: the history the circuit breaker counts on GitHub, and `runs list --repo`.
//
// Bounded: the repository's artifacts are listed a page (100) at a time, newest first, and
// reading stops at the first page older than the window, at the end of the list, or at a page
// bound; only the artifacts named for the remediation asked about are downloaded, at most a
// bounded number. A reader that hits a bound says so (`complete: false`): the breaker then fails
// closed instead of counting a partial history.

import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError } from '../errors.ts';
import { sha256Digest } from '../core/tree-digest.ts';
import { tryReadBoundedFile } from '../adapters/bounded-file.ts';
import type { RepositoryArtifact } from '../adapters/github-api.ts';
import type { ArtifactDownloader } from '../adapters/run-artifacts.ts';
import { parseSnapshot } from '../record/read-snapshot.ts';
import { SNAPSHOT_FILE } from '../record/record-files.ts';
import type { RunSnapshot } from '../record/snapshot.ts';
import { MAX_HISTORY_SNAPSHOT_BYTES, type RunHistorySource } from './run-history.ts';
import type { RunEntry, RunListSource } from './run-list.ts';

/** Where published records are listed and downloaded from (the REST API, or a test's double). */
export interface PublishedRecordStore {
  listArtifactsPage(page: number): Promise<{ totalCount: number; artifacts: RepositoryArtifact[] }>;
  readonly download: ArtifactDownloader;
}

/** What a record artifact's name says: `remediation-<name>-<version>-<run id>-<attempt>[-<suffix>]`. */
export interface RecordArtifactName {
  readonly name: string;
  readonly version: string;
  readonly runId: number;
  readonly attempt: number;
  readonly suffix?: string;
}

// The name as action/record-publisher.ts (`artifactName`) writes it. The remediation name is the
// shortest that leaves a semver version after it, so `a-b-v1.0.0-...` is `a-b`, never `a`.
const RECORD_ARTIFACT =
  /^remediation-([a-z0-9][a-z0-9-]*?)-(v\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*?)?)-(\d{1,15})-(\d{1,6})(?:-([A-Za-z0-9._-]+))?$/;

/** Parses a record artifact's name; undefined for any other artifact. */
export function parseRecordArtifactName(artifactName: string): RecordArtifactName | undefined {
  const match = RECORD_ARTIFACT.exec(artifactName);
  if (match === null) return undefined;
  const [, name = '', version = '', runId = '', attempt = '', suffix] = match;
  return {
    name,
    version,
    runId: Number(runId),
    attempt: Number(attempt),
    ...(suffix !== undefined ? { suffix } : {}),
  };
}

/** A published record whose snapshot was downloaded and read. */
export interface PublishedRecord {
  readonly artifact: RepositoryArtifact;
  readonly parsed: RecordArtifactName;
  readonly snapshot: RunSnapshot;
  /** sha256 of the snapshot.json bytes downloaded. */
  readonly snapshotDigest: string;
}

/** What a scan found, newest first. */
export interface PublishedScan {
  readonly records: readonly PublishedRecord[];
  /** Record artifacts GitHub still lists but whose bytes have expired. */
  readonly expired: readonly { readonly artifact: RepositoryArtifact; readonly parsed: RecordArtifactName }[];
  /** Record artifacts that could not be read, with why (`dir` names the artifact). */
  readonly skipped: readonly { readonly dir: string; readonly problem: string }[];
  /** False when a bound stopped the scan before `since`, the end of the list or `limit`. */
  readonly complete: boolean;
  /** Why the scan is incomplete, when it is. */
  readonly incomplete?: string;
  /** Requests made: list pages plus downloads. */
  readonly requests: number;
}

export interface ScanOptions {
  /** Which record artifacts to read. */
  readonly accept: (parsed: RecordArtifactName) => boolean;
  /** Only artifacts created at or after this time (a record's artifact is made after its run started). */
  readonly since?: Date;
  /** Stop after this many accepted artifacts (the newest). */
  readonly limit?: number;
  readonly maxPages: number;
  readonly maxDownloads: number;
  /** A folder the downloads are unzipped into (each removed once read). */
  readonly scratch: string;
}

/** Downloads at once: enough to hide latency, few enough not to trip GitHub's secondary limits. */
const DOWNLOADS_IN_FLIGHT = 4;

/** Lists the repository's record artifacts as `options` asks and reads each one's snapshot. */
export async function scanPublishedRecords(store: PublishedRecordStore, options: ScanOptions): Promise<PublishedScan> {
  const since = options.since?.getTime();
  const accepted: { artifact: RepositoryArtifact; parsed: RecordArtifactName }[] = [];
  let requests = 0;
  let incomplete: string | undefined;
  let seen = 0;
  for (let page = 1; ; page++) {
    if (page > options.maxPages) {
      incomplete = `stopped after ${options.maxPages} page(s) of artifacts (${seen} artifacts) without reaching the end of the window`;
      break;
    }
    const { totalCount, artifacts } = await store.listArtifactsPage(page);
    requests++;
    seen += artifacts.length;
    let newer = 0;
    for (const artifact of artifacts) {
      const created = Date.parse(artifact.createdAt);
      // An artifact without a creation time is kept: it cannot be shown to be outside the window.
      if (since !== undefined && Number.isFinite(created) && created < since) continue;
      newer++;
      const parsed = parseRecordArtifactName(artifact.name);
      if (parsed !== undefined && options.accept(parsed)) accepted.push({ artifact, parsed });
    }
    if (options.limit !== undefined && accepted.length >= options.limit) break;
    // The list is newest first: a page with nothing inside the window ends the window. A short
    // page is the last; total_count guards against a page that repeats forever.
    if (artifacts.length === 0 || seen >= totalCount || (since !== undefined && newer === 0)) break;
  }
  const wanted = options.limit === undefined ? accepted : accepted.slice(0, options.limit);

  const expired = wanted.filter((a) => a.artifact.expired);
  const live = wanted.filter((a) => !a.artifact.expired);
  if (live.length > options.maxDownloads) {
    incomplete ??= `${live.length} record artifacts in the window, more than the ${options.maxDownloads} read per run`;
  }
  const toRead = live.slice(0, options.maxDownloads);
  const results: (PublishedRecord | { dir: string; problem: string })[] = new Array(toRead.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < toRead.length) {
      const index = next++;
      const item = toRead[index]!;
      requests++;
      results[index] = await readOne(store, item.artifact, item.parsed, options.scratch);
    }
  };
  await Promise.all(Array.from({ length: Math.min(DOWNLOADS_IN_FLIGHT, toRead.length) }, () => worker()));
  const records = results.filter((r): r is PublishedRecord => 'snapshot' in r);
  const skipped = results.filter((r): r is { dir: string; problem: string } => !('snapshot' in r));
  return {
    records,
    expired,
    skipped,
    complete: incomplete === undefined,
    ...(incomplete !== undefined ? { incomplete } : {}),
    requests,
  };
}

/** Downloads one record artifact and reads its snapshot; a problem is returned, not thrown. */
async function readOne(
  store: PublishedRecordStore,
  artifact: RepositoryArtifact,
  parsed: RecordArtifactName,
  scratch: string,
): Promise<PublishedRecord | { dir: string; problem: string }> {
  const label = `artifact ${artifact.name} (id ${artifact.id})`;
  const dir = join(scratch, String(artifact.id));
  try {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    // Only bytes that match the digest GitHub listed are read: the client unzips before it
    // compares, so a swapped zip's files are in `dir` either way.
    if (!(await store.download(artifact, dir))) {
      return {
        dir: label,
        problem:
          artifact.digest === undefined
            ? 'GitHub lists no digest for it'
            : 'the downloaded zip does not match its listed digest',
      };
    }
    const bytes = tryReadBoundedFile(join(dir, SNAPSHOT_FILE), {
      label: `${label}: snapshot`,
      maxBytes: MAX_HISTORY_SNAPSHOT_BYTES,
    });
    if (bytes === undefined) return { dir: label, problem: `no ${SNAPSHOT_FILE}` };
    const snapshot = parseSnapshot(bytes, label);
    const mismatch = bindingProblem(artifact, parsed, snapshot);
    if (mismatch !== undefined) return { dir: label, problem: mismatch };
    return { artifact, parsed, snapshot, snapshotDigest: sha256Digest(bytes) };
  } catch (error) {
    return { dir: label, problem: describeError(error) };
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Why a downloaded snapshot is not the record its artifact's name says, if it is not.
 *
 * Attack: anyone who can upload an artifact to the repository (any workflow, a fork's pull
 * request) uploads one named like a record whose snapshot copies a real run's but claims another
 * run id, remediation, version or target: as a second copy of that run it would replace the real
 * one in the count, and a loop would never trip the breaker. A snapshot is taken only as the run
 * its artifact names (`<run>-<attempt>[-<suffix>]`, remediation and version), uploaded by that
 * very workflow run (`workflow_run.id`, which GitHub sets and the uploader cannot choose).
 */
function bindingProblem(
  artifact: RepositoryArtifact,
  parsed: RecordArtifactName,
  snapshot: RunSnapshot,
): string | undefined {
  const runId = `${parsed.runId}-${parsed.attempt}${parsed.suffix !== undefined ? `-${parsed.suffix}` : ''}`;
  if (artifact.runId !== undefined && artifact.runId !== parsed.runId) {
    return `uploaded by workflow run ${artifact.runId}, but its name says run ${parsed.runId}`;
  }
  if (snapshot.remediation.name !== parsed.name || snapshot.remediation.version !== parsed.version) {
    return `its snapshot is of ${snapshot.remediation.name}@${snapshot.remediation.version}, but its name says ${parsed.name}@${parsed.version}`;
  }
  if (snapshot.runId !== runId) return `its snapshot is of run ${snapshot.runId}, but its name says run ${runId}`;
  return undefined;
}

/** Pages of artifacts the breaker reads at most (1,000 artifacts): ten requests. */
export const HISTORY_MAX_PAGES = 10;
/** Record artifacts the breaker downloads at most: one request (and one redirect) each. */
export const HISTORY_MAX_DOWNLOADS = 100;

/**
 * The run history on GitHub: the published records of remediation `name` created within the
 * window. Throws when a bound stops the reading (the breaker then refuses: HISTORY_UNAVAILABLE);
 * an expired record inside the window is listed as skipped.
 */
export function publishedRunHistory(store: PublishedRecordStore, scratch: string): RunHistorySource {
  return async (name, since) => {
    const scan = await scanPublishedRecords(store, {
      accept: (parsed) => parsed.name === name,
      since,
      maxPages: HISTORY_MAX_PAGES,
      maxDownloads: HISTORY_MAX_DOWNLOADS,
      scratch,
    }).finally(() => rm(scratch, { recursive: true, force: true }).catch(() => undefined));
    if (!scan.complete) throw new Error(`the published records could not all be read: ${scan.incomplete}`);
    // Attack (or a short retention-days): a record of this remediation that expired inside the
    // window says nothing about what that run did, and counting it as nothing would reopen the
    // breaker early; the guards fail closed until it leaves the window.
    const expired = scan.expired[0];
    if (expired !== undefined) {
      throw new Error(
        `the record artifact ${expired.artifact.name} (created ${expired.artifact.createdAt}) expired inside the window, so what that run did is unknown; keep records at least as long as the window (retention-days)`,
      );
    }
    return {
      runs: scan.records.map((r) => ({
        dir: `artifact ${r.artifact.name}`,
        snapshot: r.snapshot,
        snapshotDigest: r.snapshotDigest,
      })),
      skipped: scan.skipped,
    };
  };
}

/** Records `runs list --repo` reads when no --limit is given: a screenful, about 31 requests. */
export const LIST_DEFAULT_LIMIT = 30;

/**
 * `runs list --repo`: the newest record artifacts of the repository (of remediation `name` when
 * given, created at or after `since`), `limit` of them, each read (its snapshot downloaded) or
 * listed as expired. Bounded: the list pages (at most HISTORY_MAX_PAGES) and one download per
 * live record; filters on what is inside a record (target, status) apply after reading, so they
 * narrow the `limit` newest records rather than search further back.
 */
export function publishedRunListSource(
  store: PublishedRecordStore,
  scratch: string,
  filter: { readonly name?: string; readonly since?: Date; readonly limit: number },
): RunListSource {
  return async () => {
    const scan = await scanPublishedRecords(store, {
      accept: (parsed) => filter.name === undefined || parsed.name === filter.name,
      ...(filter.since !== undefined ? { since: filter.since } : {}),
      limit: filter.limit,
      maxPages: HISTORY_MAX_PAGES,
      maxDownloads: filter.limit,
      scratch,
    }).finally(() => rm(scratch, { recursive: true, force: true }).catch(() => undefined));
    const entries: RunEntry[] = [
      ...scan.records.map((r) => ({
        kind: 'record' as const,
        snapshot: r.snapshot,
        snapshotDigest: r.snapshotDigest,
        location: `artifact ${r.artifact.name} (id ${r.artifact.id})`,
      })),
      ...scan.expired.map(({ artifact, parsed }) => ({
        kind: 'expired' as const,
        name: parsed.name,
        version: parsed.version,
        runId: String(parsed.runId),
        attempt: String(parsed.attempt),
        created: artifact.createdAt,
        location: `artifact ${artifact.name} (id ${artifact.id}, expired)`,
      })),
    ];
    return {
      entries,
      skipped: [
        ...scan.skipped.map(({ dir, problem }) => ({ location: dir, problem })),
        ...(scan.incomplete !== undefined ? [{ location: 'the artifact list', problem: scan.incomplete }] : []),
      ],
    };
  };
}
