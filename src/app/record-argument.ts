// The record a `runs show`, `runs verify`, `show` or `verify-run` argument names: a record folder,
// or (`runs show|verify <run id> --repo OWNER/REPO`) the record a GitHub run published as a
// workflow artifact, downloaded into a scratch folder first. Every command taking a record goes
// through resolveRecordArgument.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { TrustError, UsageError } from '../errors.ts';
import { artifactClientFor, type RunArtifacts } from '../adapters/run-artifacts.ts';
import { parseRecordArtifactName } from './published-records.ts';

/** What resolving a record argument may use. */
export interface RecordArgumentSettings {
  /** Folder a relative path is taken from (the command's working folder). */
  readonly cwd: string;
  /** With a run id argument: the repository whose published record to fetch, and the token. */
  readonly fetchFrom?: {
    readonly repository: string;
    readonly token: string | undefined;
    /** The artifact client for one run; the real one (@actions/artifact, REST) by default. */
    readonly artifactsFor?: (token: string, repository: string, runId: number) => Promise<RunArtifacts>;
  };
}

/** The record an argument names, and what to do once it has been read. */
export type ResolvedRecord =
  /** A record folder on this machine (it may not exist: reading it says so). */
  | { readonly kind: 'folder'; readonly dir: string; readonly done: () => Promise<void> }
  /** A published record, downloaded (digest-checked) into a scratch folder that `done` removes. */
  | { readonly kind: 'published'; readonly dir: string; readonly artifact: string; readonly done: () => Promise<void> };

/** Resolves a record argument to the record it names. */
export async function resolveRecordArgument(arg: string, settings: RecordArgumentSettings): Promise<ResolvedRecord> {
  if (settings.fetchFrom === undefined) {
    return { kind: 'folder', dir: isAbsolute(arg) ? arg : resolve(settings.cwd, arg), done: () => Promise.resolve() };
  }
  return fetchPublishedRecord(arg, settings.fetchFrom);
}

async function fetchPublishedRecord(
  arg: string,
  from: NonNullable<RecordArgumentSettings['fetchFrom']>,
): Promise<ResolvedRecord> {
  const [runText = '', attemptText] = arg.split('-');
  const runId = Number(runText);
  const attempt = attemptText === undefined ? undefined : Number(attemptText);
  if (!from.token) {
    throw new UsageError(
      'USAGE',
      `run ${arg}: set GITHUB_TOKEN to a token that can read ${from.repository}'s Actions artifacts (for example GITHUB_TOKEN=$(gh auth token))`,
    );
  }
  const artifacts = await (
    from.artifactsFor ?? ((token, repository, id) => artifactClientFor({ token, repository, runId: id }))
  )(from.token, from.repository, runId);
  // Only names the Action writes for this run (and attempt): a listed name that is not one (with
  // '/' or '..') never becomes a folder.
  const records = (await artifacts.list()).filter((a) => {
    const parsed = parseRecordArtifactName(a.name);
    return parsed !== undefined && parsed.runId === runId && (attempt === undefined || parsed.attempt === attempt);
  });
  if (records.length === 0) {
    throw new UsageError(
      'USAGE',
      `run ${arg} of ${from.repository} has no record artifact${attempt === undefined ? '' : ` of attempt ${attempt}`}: it published none, its artifacts expired, or it is not a run of the remediate Action (runs list --repo shows what is there)`,
    );
  }
  if (records.length > 1) {
    throw new UsageError(
      'USAGE',
      `run ${arg} of ${from.repository} published ${records.length} records (${records
        .map((r) => r.name)
        .slice(0, 10)
        .join(
          ', ',
        )}): name one with 'remediate github download-records --run-id ${runId} --dir <dir>' and pass its folder`,
    );
  }
  const record = records[0]!;
  const scratch = await mkdtemp(join(tmpdir(), 'remediate-record-'));
  const done = () => rm(scratch, { recursive: true, force: true });
  const dir = join(scratch, 'record');
  // Only bytes matching the digest GitHub listed are read: a swapped zip is refused, not shown.
  const matched =
    record.digest !== undefined &&
    (await artifacts.download(record, dir).catch(async (error: unknown) => {
      await done();
      throw error;
    }));
  if (!matched) {
    await done();
    throw new TrustError(
      'DIGEST_MISMATCH',
      `artifact ${record.name}: ${record.digest === undefined ? 'GitHub lists no digest for it' : 'the downloaded zip does not match the digest GitHub lists'}`,
    );
  }
  return { kind: 'published', dir, artifact: record.name, done };
}
