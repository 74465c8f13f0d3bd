import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitHubApi } from '../adapters/github-api.ts';
import type { VersionRef } from '../core/version-ref.ts';
import { ATTESTATION_BUNDLE_FILE, DEFINITION_FOLDER } from '../record/receipt.ts';
import { contentTypeFor, publishReleaseWithAssets, type ReleaseAsset } from '../app/publish-release.ts';

/** The record's files, in upload order; the attestation's bundle when the record was attested. */
export const RECORD_FILES = ['snapshot.json', 'run.log', 'run.log.chain', ATTESTATION_BUNDLE_FILE] as const;

/** What uploading a workflow artifact returned. */
export interface ArtifactResult {
  readonly id: number;
  readonly size: number;
  readonly digest: string;
  readonly url: string;
}

/** Uploads a folder as a workflow artifact (the real client is loaded only when called). */
export type ArtifactUploader = (
  name: string,
  files: readonly string[],
  root: string,
  retentionDays?: number,
) => Promise<{
  id?: number;
  size?: number;
  digest?: string;
}>;

/**
 * Artifact names must be unique per run and avoid `" : < > | * ? \ /` and control characters;
 * the run id and attempt make a re-run's name differ from the first attempt's.
 */
export function artifactName(ref: VersionRef, runId: string, attempt: string, suffix = ''): string {
  const name = `remediation-${ref.name}-${ref.version}-${runId}-${attempt}${suffix ? `-${suffix}` : ''}`;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return name.replace(/["':<>|*?\\/\x00-\x1f]/g, '-');
}

/** Tag of the per-run release that keeps a record after artifacts expire. */
export function runReleaseTag(ref: VersionRef, runId: string, attempt: string, suffix = ''): string {
  return `${ref.tag}/runs/${runId}-${attempt}${suffix ? `-${suffix}` : ''}`;
}

/** Uploads the record folder as a workflow artifact. */
export async function publishArtifact(
  upload: ArtifactUploader,
  dir: string,
  name: string,
  retentionDays: number | undefined,
  links: { serverUrl: string; repository: string; runId: string },
): Promise<ArtifactResult> {
  // Only the record's own files: a step can write into RUNNER_TEMP, and anything else in the
  // folder was never redacted or chained.
  const present = new Set(await readdir(dir));
  const files = RECORD_FILES.filter((f) => present.has(f)).map((f) => join(dir, f));
  // The verified definition's copies are subjects of the receipt and the attestation: without
  // them a downloaded record could not be checked against either.
  if (present.has(DEFINITION_FOLDER)) {
    for (const entry of await readdir(join(dir, DEFINITION_FOLDER), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
    }
  }
  const result = await upload(name, files, dir, retentionDays);
  if (result.id === undefined) throw new Error(`artifact ${name}: the upload returned no id`);
  return {
    id: result.id,
    size: result.size ?? 0,
    // The client reports a bare hex sha256 of the uploaded zip; every digest here is `sha256:<hex>`.
    digest: result.digest ? (result.digest.startsWith('sha256:') ? result.digest : `sha256:${result.digest}`) : '',
    url: `${links.serverUrl}/${links.repository}/actions/runs/${links.runId}/artifacts/${result.id}`,
  };
}

/**
 * Publishes the record as assets of a per-run release: created as a draft, assets uploaded, then
 * published. With immutable releases on, assets cannot be added after publishing, so this order
 * is the only one that works; a re-run attempt gets its own tag, so no asset is ever overwritten.
 */
export async function publishRelease(
  api: GitHubApi,
  dir: string,
  input: { ref: VersionRef; commit: string; runId: string; attempt: string; suffix: string; summary: string },
): Promise<{ url: string; tag: string }> {
  const assets: ReleaseAsset[] = [];
  for (const file of RECORD_FILES) {
    const bytes = await readFile(join(dir, file)).catch(() => undefined);
    if (bytes !== undefined) assets.push({ name: file, bytes, contentType: contentTypeFor(file) });
  }
  return publishReleaseWithAssets(api, {
    tag: runReleaseTag(input.ref, input.runId, input.attempt, input.suffix),
    commit: input.commit,
    name: `${input.ref.name} ${input.ref.version} run ${input.runId}-${input.attempt}${input.suffix ? ` ${input.suffix}` : ''}`,
    body: input.summary,
    prerelease: true,
    assets,
  });
}
