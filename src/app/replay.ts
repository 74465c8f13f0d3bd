// Replaying a run record (`remediate replay`, the Action's `replay-of`): the record is checked as
// `verify-run` checks it, and yields the request of a new run of the same version with the same
// parameters. Only the request comes from the record: the new run is verified from scratch
// (tag, digest, signed manifest, yank, circuit breaker, parameters against the signed
// definition), and its secrets are collected again, never read from anywhere in the record.
import { TrustError, UsageError } from '../errors.ts';
import type { Scalar } from '../core/definition.ts';
import { formatRef, makeVersionRef, type VersionRef } from '../core/version-ref.ts';
import { REDACTED } from '../record/redactor.ts';
import { parseTargetFacts } from '../core/targets-config.ts';
import type { RunReplay } from './run.ts';
import { verifyRunRecord, type RecordAnchors } from './verify-run.ts';

/** The run a record asks for again, and what vouched for the record. */
export interface ReplayRequest {
  readonly ref: VersionRef;
  /** The recorded parameter values (defaults applied when it ran), with their JSON types. */
  readonly params: Readonly<Record<string, Scalar>>;
  /** The recorded target, if the record has one. */
  readonly target: string | undefined;
  /** The recorded target facts (none when the record has none): the new run's steps get them again. */
  readonly targetFacts: Readonly<Record<string, string>>;
  /** What the new run records (replayOf) and must match (parameters digest, commit, definition digest). */
  readonly replay: RunReplay;
  /** One line per anchor that held (empty: unauthenticated, allowed only with `unanchored`). */
  readonly anchors: readonly string[];
}

/**
 * Reads and checks the record in `dir` and returns the run it asks for again. Throws
 * RECORD_TAMPERED (or the failed anchor's code) for a record that does not verify, UNANCHORED
 * when no anchor held and `unanchored` was not given, and NOT_REPLAYABLE (exit 2) for a record
 * that holds no run to repeat (a refusal) or whose parameters were redacted.
 */
export async function readReplayRequest(
  dir: string,
  anchors: RecordAnchors,
  options: { readonly unanchored: boolean },
): Promise<ReplayRequest> {
  // Attack: a record edited to change what is run again. Every consistency check of verify-run
  // applies, tampering always refuses, and an edit that recomputes the chain is caught by an anchor.
  const verified = await verifyRunRecord(dir, anchors);
  const { snapshot } = verified;
  const held = verified.unpinnedLog ? [] : verified.anchors;
  // Attack: a record forged whole (consistent by construction) to have an operator "replay" what
  // never ran. The damage is bounded (only a signed, unyanked version runs, with parameters the
  // signed definition accepts, which anyone who may replay could also `run`), but the operator's
  // belief that this repeats an earlier run is only as good as the record: without an anchor it
  // takes an explicit --unanchored, and the new record says the source was unauthenticated.
  if (held.length === 0 && !options.unanchored) {
    throw new TrustError(
      'UNANCHORED',
      `${dir} is consistent but NOT authenticated, so it is not replayed: give --receipt-key <the run key's public key>, --snapshot-digest <sha256 printed when it ran>, or --trusted-root ... for its attestation; or --unanchored to replay it anyway (recorded as unauthenticated)`,
    );
  }
  // A run of `remediate try` ran a working tree no release vouches for: there is no version to
  // verify and run again, and a replay must never run unreleased bytes.
  if (snapshot.unreleased === true) {
    throw new UsageError(
      'NOT_REPLAYABLE',
      `${dir} records an UNRELEASED run (remediate try of the working tree of remediations/${snapshot.remediation.name}/): release it, then run the released version`,
    );
  }
  const ref = makeVersionRef(snapshot.remediation.name, snapshot.remediation.version);
  const { commit, digest } = snapshot.remediation;
  // A refusal verified nothing and ran nothing: there is no version or parameter set to repeat.
  if (snapshot.params === undefined || commit === undefined || digest === undefined) {
    throw new UsageError(
      'NOT_REPLAYABLE',
      `${dir} records no run to repeat: ${formatRef(ref)} was ${snapshot.status}${snapshot.error ? ` (${snapshot.error.code})` : ''} before its parameters were resolved; run it with 'remediate run ${formatRef(ref)} --param ...' instead`,
    );
  }
  // Secret values are redacted from the record as `***`: a parameter that held one cannot be
  // restored, and running with the marker in its place would be a different run.
  const redacted = [...Object.entries(snapshot.params.values), ...Object.entries(snapshot.targetFacts ?? {})].filter(
    ([, value]) => typeof value === 'string' && value.includes(REDACTED),
  );
  if (redacted.length > 0) {
    throw new UsageError(
      'NOT_REPLAYABLE',
      `${dir}: parameter(s) ${redacted.map(([name]) => name).join(', ')} hold '${REDACTED}', the mark of a redacted secret value; the original value is not in the record, so it cannot be replayed exactly (run it with 'remediate run' and the values instead)`,
    );
  }
  return {
    ref,
    params: snapshot.params.values,
    target: snapshot.target,
    // Checked as the Action's input is: an unanchored record must not bring a fact no input could.
    targetFacts: parseTargetFacts(JSON.stringify(snapshot.targetFacts ?? {}), `${dir}: targetFacts`),
    replay: {
      of: { runId: snapshot.runId, snapshotDigest: verified.snapshotDigest, authenticated: held.length > 0 },
      paramsDigest: snapshot.params.digest,
      commit,
      digest,
    },
    anchors: held,
  };
}
