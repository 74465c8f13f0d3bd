import { TrustError } from '../errors.ts';
import type { TrustedKey } from '../core/keys.ts';
import { tryReadBoundedFile } from '../adapters/bounded-file.ts';
import { join } from 'node:path';
import { readRecord, type RecordFiles } from '../record/record-files.ts';
import { verifyRecord, type RecordVerified } from '../record/record-verifier.ts';
import { ATTESTATION_BUNDLE_FILE, checkStatement, MAX_ATTESTATION_BYTES, RECEIPT_FILE } from '../record/receipt.ts';
import { authenticateReceipt, MAX_RECEIPT_BYTES } from '../record/receipt-verifier.ts';
import { digestsOfRead } from '../record/record-subjects.ts';
import { checkClaimsAgainstLog, checkSnapshotDigests } from '../record/snapshot-digests.ts';
import { validateSnapshot } from '../record/snapshot-schema.ts';
import { checkDefinitionBundle, DEFINITION_FILE, MAX_BUNDLE_BYTES } from '../record/definition-bundle.ts';
import type { RunSnapshot } from '../record/snapshot.ts';

/**
 * What ties a record to something its writer cannot recompute. Without one, a record is only
 * consistent: whoever can write the folder can rewrite snapshot, log and chain together.
 */
export interface RecordAnchors {
  /** `sha256:<hex>` of snapshot.json as printed when the run ended (kept outside the record). */
  readonly snapshotDigest?: string;
  /** Run keys the caller trusts: receipt.dsse.json must carry a valid signature by one of them. */
  readonly trustedKeys?: readonly TrustedKey[];
  /** A GitHub artifact attestation of the record, checked against a Sigstore trusted root. */
  readonly attestation?: AttestationAnchor;
}

/** What an attestation anchor needs; the bundle defaults to the record's receipt.sigstore.json. */
export interface AttestationAnchor {
  /** The Sigstore bundle: its bytes, or the path of its file. Default `<dir>/receipt.sigstore.json`. */
  readonly bundle?: string | Uint8Array;
  /** The trusted roots' bytes (`gh attestation trusted-root` output). */
  readonly trustedRoot: Uint8Array;
  /** The workflow that must have signed (see verifyAttestation). */
  readonly signerWorkflow?: string;
  /** `OWNER/REPO` the attesting run must have been for (the certificate's source repository). */
  readonly repository?: string;
  /** The git ref it must have run on (the certificate's source repository ref), when given. */
  readonly sourceRef?: string;
}

/** A consistent record, and what authenticated it (empty: nothing did). */
export interface RunRecordVerification extends RecordVerified {
  /** One line per anchor that held, e.g. `receipt signed by 1a2b3c4d5e6f7a8b`. */
  readonly anchors: readonly string[];
  /** The parsed, schema-checked snapshot. */
  readonly snapshot: RunSnapshot;
  /** A snapshot digest was given, but this interrupted run's snapshot pins no log: it is no anchor. */
  readonly unpinnedLog: boolean;
  /** The bytes that were checked (a reader shows these, never a second read). */
  readonly files: RecordFiles;
  /** definition.tar's checked bytes, when the record has one. */
  readonly definition: Buffer | undefined;
}

/**
 * Everything `remediate verify-run` checks: the log chain and step ranges, the snapshot's schema,
 * its own digests, and its claims against the chained log; then each anchor given. Throws
 * RECORD_TAMPERED naming the first problem (a byte range of run.log, a snapshot field, or a file
 * the receipt covers), or a TrustError naming the anchor that failed. Returns the anchors that
 * held; the caller refuses an empty list (UNANCHORED).
 */
export async function verifyRunRecord(dir: string, anchors: RecordAnchors = {}): Promise<RunRecordVerification> {
  const files = await readRecord(dir);
  const result = verifyRecord(
    files,
    anchors.snapshotDigest === undefined ? {} : { snapshotDigest: anchors.snapshotDigest },
  );
  if (!result.ok) throw new TrustError('RECORD_TAMPERED', `${dir}: ${result.problem}`);
  const value: unknown = JSON.parse(files.snapshot.toString('utf8'));
  // A snapshot edited into another shape (a field dropped, a status invented) is refused even
  // when its log still verifies: the published schema is part of the record's contract.
  const shape = validateSnapshot(value);
  if (!shape.ok) {
    throw new TrustError(
      'RECORD_TAMPERED',
      `${dir}: snapshot.json does not match its schema: ${shape.problems.slice(0, 3).join('; ')}`,
    );
  }
  const snapshot = value as RunSnapshot;
  const mismatch = checkSnapshotDigests(snapshot) ?? checkClaimsAgainstLog(snapshot, files.log, result.complete);
  if (mismatch) {
    throw new TrustError('RECORD_TAMPERED', `${dir}: snapshot field '${mismatch.field}': ${mismatch.problem}`);
  }
  const definition = tryReadBoundedFile(join(dir, DEFINITION_FILE), {
    label: 'record file',
    maxBytes: MAX_BUNDLE_BYTES,
  });
  const bundleProblem = checkDefinitionBundle(definition, snapshot);
  if (bundleProblem) throw new TrustError('RECORD_TAMPERED', `${dir}: ${bundleProblem}`);

  // Of the bytes just checked: a receipt is compared with what was verified, never a re-read.
  const digests = digestsOfRead(files, definition);
  const held: string[] = [];
  // The digest pins the log through the snapshot's chain head; the snapshot of a run killed before
  // its log was closed (and not closed by the post step) has none, so there it pins no log byte.
  const logPinned = 'head' in snapshot.log && snapshot.log.head !== undefined;
  if (anchors.snapshotDigest !== undefined && logPinned) {
    held.push(`snapshot digest ${result.snapshotDigest} (given)`);
  }
  if (anchors.trustedKeys !== undefined && anchors.trustedKeys.length > 0) {
    const bytes = tryReadBoundedFile(join(dir, RECEIPT_FILE), { label: 'receipt', maxBytes: MAX_RECEIPT_BYTES });
    if (bytes === undefined) {
      throw new TrustError(
        'UNANCHORED',
        `${dir} has no ${RECEIPT_FILE}: the run was not signed with a run key (remediate run --sign-key), so --trusted-key cannot authenticate it; use the snapshot digest printed when it ran, or its attestation`,
      );
    }
    const receipt = authenticateReceipt(bytes, anchors.trustedKeys);
    const problem = checkStatement(receipt.statement, { files: digests, snapshot });
    if (problem) throw new TrustError('RECORD_TAMPERED', `${dir}: ${problem.problem}`);
    held.push(`receipt signed by ${receipt.signers.map((k) => k.slice(0, 16)).join(', ')}`);
  }
  if (anchors.attestation !== undefined) {
    const anchor = anchors.attestation;
    const bundlePath = typeof anchor.bundle === 'string' ? anchor.bundle : join(dir, ATTESTATION_BUNDLE_FILE);
    const bundle =
      anchor.bundle instanceof Uint8Array
        ? anchor.bundle
        : tryReadBoundedFile(bundlePath, { label: 'attestation bundle', maxBytes: MAX_ATTESTATION_BYTES });
    if (bundle === undefined) {
      throw new TrustError(
        'UNANCHORED',
        `${bundlePath} not found: the record was not attested (the Action's attest input), or give the bundle with --attestation (gh attestation download ${dir}/snapshot.json --repo OWNER/REPO saves it)`,
      );
    }
    // Loaded here only: the run path never parses Sigstore's verifier.
    const { verifyAttestation } = await import('./verify-attestation.ts');
    const verified = verifyAttestation(bundle, {
      trustedRoot: anchor.trustedRoot,
      ...(anchor.signerWorkflow !== undefined ? { signerWorkflow: anchor.signerWorkflow } : {}),
      ...(anchor.repository !== undefined ? { repository: anchor.repository } : {}),
      ...(anchor.sourceRef !== undefined ? { sourceRef: anchor.sourceRef } : {}),
    });
    // A genuine attestation of another record (or of this one before it was edited) is refused:
    // the signed Statement must cover exactly these files and this snapshot.
    const problem = checkStatement(verified.statement, { files: digests, snapshot });
    if (problem) throw new TrustError('RECORD_TAMPERED', `${dir}: ${problem.problem}`);
    held.push(
      `attested by ${verified.signer} for ${verified.sourceRepository ?? '(no source repository)'} at ${verified.sourceRef ?? '(no source ref)'}`,
    );
  }
  const unpinnedLog = anchors.snapshotDigest !== undefined && !logPinned;
  return { ...result, anchors: held, snapshot, unpinnedLog, files, definition };
}
