import { sha256Digest } from '../core/tree-digest.ts';
import { closeUnfinishedRecord } from '../record/recorder.ts';
import { readSnapshot } from '../record/read-snapshot.ts';
import { STATE } from './action-io.ts';
import type { MainDeps } from './deps.ts';
import { reportError } from './report-error.ts';
import { publishRecord } from './publish.ts';
import { attestClosedRecord } from './attest-record.ts';
import { readActionSettings } from './settings.ts';

/**
 * The Action's post step: runs after main finished, failed, timed out or was cancelled. If main
 * already published, it does nothing. Otherwise it publishes whatever record exists; a record that
 * main could not finish (it was killed mid-run) is closed as `cancelled` (main saw SIGINT/SIGTERM/SIGHUP)
 * or `crashed`, leaving the log as the valid prefix it is, which verify-run reports as incomplete.
 */
export async function runPost(postDeps: Omit<MainDeps, 'cancel' | 'downloadArtifact'>): Promise<void> {
  const { io } = postDeps;
  try {
    if (io.getState(STATE.published) === 'true') {
      io.info('the main step already published the record; nothing to do');
      return;
    }
    const recordDir = io.getState(STATE.recordDir);
    if (!recordDir) {
      io.info('no record to publish: the run never started (see the main step for why)');
      return;
    }
    const settings = readActionSettings((name) => io.getInput(name), postDeps.env);
    const deps = { ...postDeps, api: postDeps.connectApi(settings.token, settings.repository) };
    const { snapshot, bytes } = await readSnapshot(recordDir);
    const cancelled = io.getState(STATE.cancelled) === 'true';
    const closed = closeUnfinishedRecord(recordDir, snapshot, { cancelled, closedBy: 'the post step' }, deps.now());
    if (closed !== undefined) {
      io.warning(
        `the record in ${recordDir} was not finished by the main step; published as ${cancelled ? 'cancelled' : 'crashed'}`,
      );
    }
    const snapshotDigest = sha256Digest(closed ?? bytes);
    // The record is closed now (by main, or just above): attest it before it is published.
    // Only the snapshot is known here (main wrote the rest); the log of a killed run stays open.
    const attestation = await attestClosedRecord(settings, deps, recordDir, { snapshot: closed ?? bytes });
    const published = await publishRecord(settings, deps, recordDir, snapshotDigest, attestation);
    io.saveState(STATE.published, 'true');
    if (published.failures.length) io.setFailed(`publishing the record failed: ${published.failures.join('; ')}`);
    else if (attestation.kind === 'failed' && attestation.required) io.setFailed(attestation.message);
  } catch (error) {
    reportError(io, error);
  }
}
