import { TrustError } from '../errors.ts';
import { readRecord } from '../record/record-files.ts';
import { verifyRecord, type RecordVerified } from '../record/record-verifier.ts';
import { checkClaimsAgainstLog, checkSnapshotDigests } from '../record/snapshot-digests.ts';
import { validateSnapshot } from '../record/snapshot-schema.ts';

/**
 * Everything `remediate verify-run` checks: the log chain and step ranges, the snapshot's schema,
 * its own digests, and its claims against the chained log. Throws RECORD_TAMPERED naming the first
 * problem (a byte range of run.log or a snapshot field).
 */
export async function verifyRunRecord(dir: string, snapshotDigest: string | undefined): Promise<RecordVerified> {
  const files = await readRecord(dir);
  const result = verifyRecord(files, snapshotDigest === undefined ? {} : { snapshotDigest });
  if (!result.ok) throw new TrustError('RECORD_TAMPERED', `${dir}: ${result.problem}`);
  const snapshot: unknown = JSON.parse(files.snapshot.toString('utf8'));
  // A snapshot edited into another shape (a field dropped, a status invented) is refused even
  // when its log still verifies: the published schema is part of the record's contract.
  const shape = validateSnapshot(snapshot);
  if (!shape.ok) {
    throw new TrustError(
      'RECORD_TAMPERED',
      `${dir}: snapshot.json does not match its schema: ${shape.problems.slice(0, 3).join('; ')}`,
    );
  }
  const mismatch = checkSnapshotDigests(snapshot) ?? checkClaimsAgainstLog(snapshot, files.log, result.complete);
  if (mismatch) {
    throw new TrustError('RECORD_TAMPERED', `${dir}: snapshot field '${mismatch.field}': ${mismatch.problem}`);
  }
  return result;
}
