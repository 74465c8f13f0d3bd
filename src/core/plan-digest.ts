// The plan digest (issue 17): one sha256 over what an approved run will do, so that a reviewer
// approves "this version, these parameters, on this target, under this manifest" and the job that
// runs after the approval can prove it runs exactly that. Pure.
//
// Attack it serves: between the plan a reviewer read and the job that runs after the approval,
// something changes what would run (a new manifest re-points the version or yanks it and signs a
// replacement, a tag moves, the payload's parameters, target or target facts differ in a re-run,
// `force` or the breaker override is flipped). The apply job recomputes the digest from what it verified itself and refuses
// (PLAN_CHANGED) on any difference: an approval never carries over to another plan.
import { createHash } from 'node:crypto';

/** What a plan digest covers: everything that decides what the run does. */
export interface PlanFacts {
  /** `name@vX.Y.Z`. */
  readonly remediation: string;
  /** The commit the version's tag resolved to. */
  readonly commit: string;
  /** The definition's tree digest (`sha256:...`). */
  readonly digest: string;
  /** The recorded parameters' digest (secrets redacted; record/snapshot-digests.ts). */
  readonly paramsDigest: string;
  /** The serial of the manifest the version was verified against. */
  readonly manifestSerial: number;
  /** The run's target; '' when it has none. */
  readonly target: string;
  /** The target's facts from the targets file (TARGET_* of the steps, e.g. the SSH host), as recorded. */
  readonly targetFacts: Readonly<Record<string, string>>;
  /** Fix even when the check finds the target healthy. */
  readonly force: boolean;
  /** Stop after the check stage. */
  readonly checkOnly: boolean;
  /**
   * Run even when the version's circuit breaker is open (recorded as `circuitBreaker.ignored`).
   * A reviewer approves overriding the breaker, or not at all. Optional for the plans of
   * before it was covered: false leaves their digests unchanged.
   */
  readonly ignoreCircuitBreaker?: boolean;
}

/** The shape of a plan digest as passed between jobs and people: `sha256:` and 64 lower-case hex. */
export const PLAN_DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** Versioned domain tag: a digest of this format never equals one of another structure. */
const PLAN_DIGEST_DOMAIN = 'remediate-plan/v1';

/** The plan digest: sha256 of a JSON array in a fixed order, so no field can stand in for another. */
export function planDigest(facts: PlanFacts): string {
  const canonical = JSON.stringify([
    PLAN_DIGEST_DOMAIN,
    facts.remediation,
    facts.commit,
    facts.digest,
    facts.paramsDigest,
    facts.manifestSerial,
    facts.target,
    Object.entries(facts.targetFacts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    facts.force,
    facts.checkOnly,
    // Only when set, so every plan digest of a run that does not override the breaker is what it
    // was before this field existed (records made then still verify).
    ...(facts.ignoreCircuitBreaker === true ? ['ignore-circuit-breaker'] : []),
  ]);
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`;
}
