import type { WorkflowJob } from '../adapters/github-api.ts';

/** What the fleet gate decided for one leg. */
export type GateDecision =
  | { readonly kind: 'run'; readonly failed: number; readonly notCounted: number }
  | { readonly kind: 'skip'; readonly failed: number; readonly notCounted: number };

/**
 * Counts the legs of one fleet (jobs whose name contains `legPrefix`) that concluded `failure` or
 * `timed_out`, and decides whether this leg may still run (fewer than `maxFailures` failed).
 *
 * A leg whose own gate step failed is not counted: it never ran the remediation (its gate could not
 * read the API), so it says nothing about the fix, and counting it would let one API error stop
 * every later leg. Such legs are reported as `notCounted`; the leg itself has already failed loudly.
 */
export function decideFleetGate(
  jobs: readonly WorkflowJob[],
  legPrefix: string,
  gateStep: string,
  maxFailures: number,
): GateDecision {
  let failed = 0;
  let notCounted = 0;
  for (const job of jobs) {
    if (!job.name.includes(legPrefix)) continue;
    if (job.conclusion !== 'failure' && job.conclusion !== 'timed_out') continue;
    if (job.steps.some((s) => s.name === gateStep && s.conclusion === 'failure')) notCounted++;
    else failed++;
  }
  return { kind: failed >= maxFailures ? 'skip' : 'run', failed, notCounted };
}

/**
 * Whether an artifact name is a run record of this run attempt:
 * `remediation-<name>-<version>-<run>-<attempt>[-<suffix>]`, in the characters the Action writes
 * (the record suffix is encoded in letters, digits, '.', '_' and '-'). The name becomes a
 * folder: one with a '/', or '..' standing alone, would write outside the download folder.
 */
export function isRecordOfAttempt(name: string, runId: number, attempt: number): boolean {
  const match = /^remediation-[a-z0-9][a-z0-9-]*-v[0-9A-Za-z.+-]+?-(\d+)-(\d+)(?:-[A-Za-z0-9._-]+)?$/.exec(name);
  return match !== null && !name.includes('..') && Number(match[1]) === runId && Number(match[2]) === attempt;
}

/**
 * The record suffix of a record artifact of this run attempt (`''` when it has none), or
 * undefined when the name is not one (isRecordOfAttempt). The workflows tell a leg's check-only
 * record from its fix record by it (`check-<leg>` against `<leg>`).
 */
export function recordSuffixOf(name: string, runId: number, attempt: number): string | undefined {
  if (!isRecordOfAttempt(name, runId, attempt)) return undefined;
  const marker = `-${runId}-${attempt}`;
  // The fixed part ends at the first `-<run>-<attempt>-` from the version's start (`-v<digit>`)
  // on: a suffix may repeat that text, and the version (semver) comes before it.
  const version = /-v[0-9]/.exec(name)?.index ?? 0;
  const at = name.indexOf(`${marker}-`, version);
  return at < 0 ? '' : name.slice(at + marker.length + 1);
}
