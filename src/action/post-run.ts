import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Digest } from '../core/tree-digest.ts';
import type { RunSnapshot } from '../run/snapshot.ts';
import { STATE } from './action-io.ts';
import type { MainDeps } from './deps.ts';
import { reportError } from './report-error.ts';
import { publishRecord } from './publish.ts';
import { readActionSettings } from './settings.ts';

/**
 * The Action's post step: runs after main finished, failed, timed out or was cancelled. If main
 * already published, it does nothing. Otherwise it publishes whatever record exists; a record that
 * main could not finish (it was killed mid-run) is closed as `cancelled` (main saw SIGINT/SIGTERM/SIGHUP)
 * or `crashed`, leaving the log as the valid prefix it is, which verify-run reports as incomplete.
 */
export async function runPost(postDeps: Omit<MainDeps, 'cancel'>): Promise<void> {
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
    const path = join(recordDir, 'snapshot.json');
    const snapshot = JSON.parse(await readFile(path, 'utf8')) as RunSnapshot;
    if (snapshot.status === 'running') {
      const cancelled = io.getState(STATE.cancelled) === 'true';
      snapshot.status = cancelled ? 'cancelled' : 'crashed';
      snapshot.error = {
        code: cancelled ? 'CANCELLED' : 'CRASHED',
        message: cancelled
          ? 'the job was cancelled and the main step was stopped before it could finish the record; closed by the post step'
          : 'the main step ended without finishing the record (killed or crashed); closed by the post step',
      };
      const ended = deps.now();
      snapshot.ended = ended.toISOString();
      snapshot.durationMs = Math.max(0, ended.getTime() - Date.parse(snapshot.started));
      const bytes = Buffer.from(`${JSON.stringify(snapshot, null, 2)}\n`, 'utf8');
      await writeFile(`${path}.post.tmp`, bytes);
      await rename(`${path}.post.tmp`, path);
      io.warning(`the record in ${recordDir} was not finished by the main step; published as ${snapshot.status}`);
    }
    const snapshotDigest = sha256Digest(await readFile(path));
    const published = await publishRecord(settings, deps, recordDir, snapshotDigest);
    io.saveState(STATE.published, 'true');
    if (published.failures.length) io.setFailed(`publishing the record failed: ${published.failures.join('; ')}`);
  } catch (error) {
    reportError(io, error);
  }
}
