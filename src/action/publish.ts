import { describeError } from '../errors.ts';
import type { RunSnapshot } from '../record/snapshot.ts';
import { readSnapshot } from '../record/read-snapshot.ts';
import type { ActionSettings } from './settings.ts';
import type { ConnectedDeps } from './deps.ts';
import { artifactName, publishArtifact, publishRelease, type ArtifactResult } from './record-publisher.ts';
import { renderSummary, type PublishedLinks } from './summary.ts';
import { STATE } from './action-io.ts';
import type { AttestOutcome } from './attest-record.ts';

/** What publishing did; failures are reported, never swallowed, and the record stays on disk. */
export interface PublishOutcome {
  readonly snapshot: RunSnapshot;
  readonly artifact?: ArtifactResult & { name: string };
  readonly release?: { url: string; tag: string };
  readonly failures: readonly string[];
}

/** Publishes a finished record as the settings ask, then writes the job summary. */
export async function publishRecord(
  settings: Pick<
    ActionSettings,
    | 'ref'
    | 'publish'
    | 'retentionDays'
    | 'runId'
    | 'runAttempt'
    | 'serverUrl'
    | 'repository'
    | 'recordSuffix'
    | 'github'
  >,
  deps: Pick<ConnectedDeps, 'io' | 'api' | 'uploadArtifact'>,
  recordDir: string,
  snapshotDigest: string,
  attestation?: AttestOutcome,
): Promise<PublishOutcome> {
  // Each target is marked done in the step state as soon as it succeeds: if main is killed after
  // uploading the artifact, the post step publishes only what is missing (a second upload of the
  // same artifact or asset would fail with 409/422 and leave drafts behind).
  const done = (target: 'artifact' | 'release') =>
    deps.io.getState(target === 'artifact' ? STATE.publishedArtifact : STATE.publishedRelease) === 'true';
  const mark = (target: 'artifact' | 'release') =>
    deps.io.saveState(target === 'artifact' ? STATE.publishedArtifact : STATE.publishedRelease, 'true');
  const { snapshot } = await readSnapshot(recordDir);
  const failures: string[] = [];
  let artifact: PublishOutcome['artifact'];
  let release: PublishOutcome['release'];
  if ((settings.publish === 'artifact' || settings.publish === 'both') && !done('artifact')) {
    const name = artifactName(settings.ref, settings.runId, settings.runAttempt, settings.recordSuffix);
    try {
      artifact = {
        name,
        ...(await publishArtifact(deps.uploadArtifact, recordDir, name, settings.retentionDays, settings)),
      };
      mark('artifact');
      deps.io.info(`record uploaded as artifact ${name} (id ${artifact.id}, ${artifact.digest})`);
    } catch (error) {
      failures.push(`artifact upload failed: ${describeError(error)}`);
    }
  }
  if ((settings.publish === 'release' || settings.publish === 'both') && !done('release')) {
    try {
      const preliminary = renderSummary(snapshot, { recordDir, snapshotDigest, failures: [] });
      release = await publishRelease(await deps.api(), recordDir, {
        ref: settings.ref,
        commit: snapshot.remediation.commit ?? settings.github.sha ?? '',
        runId: settings.runId,
        attempt: settings.runAttempt,
        suffix: settings.recordSuffix,
        summary: preliminary.slice(0, 100_000),
      });
      mark('release');
      deps.io.info(`record published as release ${release.tag}: ${release.url}`);
    } catch (error) {
      failures.push(`release publish failed: ${describeError(error)}`);
    }
  }
  for (const failure of failures)
    deps.io.error(`${failure}; the record is still on the runner at ${recordDir} (snapshot ${snapshotDigest})`);
  await deps.io.writeSummary(
    renderSummary(snapshot, {
      recordDir,
      snapshotDigest,
      ...(artifact ? { artifact: { name: artifact.name, url: artifact.url, digest: artifact.digest } } : {}),
      ...(release ? { release } : {}),
      ...attestationLink(attestation),
      failures,
    }),
  );
  return { snapshot, ...(artifact ? { artifact } : {}), ...(release ? { release } : {}), failures };
}

function attestationLink(outcome: AttestOutcome | undefined): Pick<PublishedLinks, 'attestation'> {
  if (outcome === undefined || outcome.kind === 'skipped') return {};
  if (outcome.kind === 'failed') return { attestation: { problem: outcome.message } };
  return { attestation: { id: outcome.id, url: outcome.url } };
}
