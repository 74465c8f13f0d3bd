// The blast-radius gate of the drift and fleet workflows (`max-unhealthy`): pure, over the
// check-only records of one run already read. When more targets than the limit need fixing at
// once, something wider than one target is wrong (a bad check, a network partition, a bad
// release upstream) and fixing them all would spread it: no target is fixed and a person looks.
// The idea and the arithmetic follow Cluster API's MachineHealthCheck `maxUnhealthy` and Cloud
// Custodian's `max-resources-percent`.
import { UsageError } from '../errors.ts';
import { escape } from './markdown.ts';

/** How many targets may need fixing at once: a count, or a whole percent of the targets. */
export type UnhealthyLimit =
  { readonly kind: 'count'; readonly count: number } | { readonly kind: 'percent'; readonly percent: number };

/** Largest count accepted: far above any matrix (256 legs), small enough to stay exact. */
export const MAX_UNHEALTHY_COUNT = 1_000_000;

const COUNT = /^(?:0|[1-9][0-9]{0,6})$/;
const PERCENT = /^(?:0|[1-9][0-9]?|100)%$/;

/**
 * Parses `max-unhealthy`: a whole number of targets (`3`) or a whole percent of them from 0% to
 * 100% (`25%`). Anything else (`-1`, `2.5`, `12.5%`, `101%`, ` 3`, `03`, `3 targets`) is refused
 * with a UsageError naming `label`: a limit misread as a larger one would let a fleet-wide fix
 * through, so nothing is guessed.
 */
export function parseMaxUnhealthy(text: string, label: string): UnhealthyLimit {
  if (COUNT.test(text) && Number(text) <= MAX_UNHEALTHY_COUNT) return { kind: 'count', count: Number(text) };
  if (PERCENT.test(text)) return { kind: 'percent', percent: Number(text.slice(0, -1)) };
  throw new UsageError(
    'USAGE',
    `${label}: expected a whole number of targets (such as 3) or a whole percent of them from 0% to 100% (such as 25%), got '${text.slice(0, 40)}'`,
  );
}

/**
 * How many of `total` targets may be unhealthy: the count, or the percent of `total` rounded
 * down (25% of 10 is 2, of 3 is 0). Rounding down is Cluster API's, and for whole numbers of
 * targets "more than floor(p% of n)" is exactly Cloud Custodian's "more than p% of n".
 */
export function allowedUnhealthy(limit: UnhealthyLimit, total: number): number {
  return limit.kind === 'count' ? limit.count : Math.floor((limit.percent * total) / 100);
}

/** Writes a limit as it was given (`3`, `25%`). */
export function formatLimit(limit: UnhealthyLimit): string {
  return limit.kind === 'count' ? String(limit.count) : `${limit.percent}%`;
}

/** One target's check-only record, as the gate reads it. */
export interface TargetCheck {
  /** The target (or, without one, the record's folder name). */
  readonly target: string;
  /** The record's status; `undefined` when the record could not be read. */
  readonly status: string | undefined;
  /** Whether the record says it is check-only (`checkOnly: true`). */
  readonly checkOnly: boolean;
  /** The record folder. */
  readonly record: string;
  /** Why the record could not be used, when it could not. */
  readonly problem?: string;
  /** What the record ran, `name@version`, and on which target ('' for none), when it could be read. */
  readonly ran?: { readonly remediation: string; readonly target: string };
}

/** What the gate found and decided. */
export interface BlastRadius {
  readonly total: number;
  readonly allowed: number;
  readonly healthy: readonly TargetCheck[];
  /** The check found drift: these targets need fixing. */
  readonly unhealthy: readonly TargetCheck[];
  /** No usable answer (the check errored, the run was refused or stopped, an unreadable or not check-only record): counted as unhealthy. */
  readonly unknown: readonly TargetCheck[];
  /** Targets that left no check record at all: counted as unhealthy. */
  readonly missing: number;
  /** unhealthy + unknown + missing: what is held against `allowed`. */
  readonly counted: number;
  /** Whether more targets than allowed need fixing: then none may be fixed. */
  readonly over: boolean;
}

/**
 * Counts the targets that are not known to be healthy and decides whether fixing may go ahead
 * (counted <= allowed). Fails closed: a target whose check gave no usable answer, or that left
 * no record, counts as unhealthy (Cluster API likewise counts a machine whose health stays
 * unknown past its timeout), so a broken check or a lost record can never make a fleet-wide
 * problem look small. Throws UsageError when there are more records than targets (records of
 * another run mixed in): the count would be meaningless.
 */
export function decideBlastRadius(checks: readonly TargetCheck[], total: number, limit: UnhealthyLimit): BlastRadius {
  if (!Number.isSafeInteger(total) || total < 1) {
    throw new UsageError('USAGE', `expected the number of targets to be a whole number of at least 1, got ${total}`);
  }
  if (checks.length > total) {
    throw new UsageError(
      'USAGE',
      `${checks.length} check records for ${total} target(s): records of another run are mixed in; the count would mean nothing`,
    );
  }
  // Attack (or accident): a record that is not check-only (a fix leg's, laid among the checks)
  // says nothing about what the check found; it is an unknown, not a healthy target.
  const usable = (c: TargetCheck) => c.checkOnly && c.problem === undefined;
  const healthy = checks.filter((c) => usable(c) && c.status === 'healthy');
  const unhealthy = checks.filter((c) => usable(c) && c.status === 'unhealthy');
  const unknown = checks.filter((c) => !healthy.includes(c) && !unhealthy.includes(c));
  const missing = total - checks.length;
  const counted = unhealthy.length + unknown.length + missing;
  const allowed = allowedUnhealthy(limit, total);
  return { total, allowed, healthy, unhealthy, unknown, missing, counted, over: counted > allowed };
}

/** Most targets named per list in the job summary (GitHub caps a summary at 1 MiB). */
const MAX_LISTED = 300;

/** The gate's job summary: the verdict, then the unhealthy and unknown targets by name. */
export function renderBlastRadius(radius: BlastRadius, limit: UnhealthyLimit): string {
  const rule = `max-unhealthy ${formatLimit(limit)} of ${radius.total} target(s) allows ${radius.allowed}`;
  const lines = [
    radius.over
      ? `## ⛔ Blast radius: ${radius.counted} of ${radius.total} target(s) need fixing or gave no answer; ${rule}: no target was fixed`
      : `## ✅ Blast radius: ${radius.counted} of ${radius.total} target(s) need fixing or gave no answer; ${rule}: fixing goes ahead`,
    '',
    `${radius.healthy.length} healthy, ${radius.unhealthy.length} unhealthy (drift found), ${radius.unknown.length} without a usable check, ${radius.missing} without a check record.`,
  ];
  const list = (title: string, checks: readonly TargetCheck[], describe: (c: TargetCheck) => string) => {
    if (checks.length === 0) return;
    lines.push('', `### ${title}`, '');
    for (const check of checks.slice(0, MAX_LISTED))
      lines.push(`- ${escape(check.target)}: ${escape(describe(check))}`);
    if (checks.length > MAX_LISTED) lines.push(`- … and ${checks.length - MAX_LISTED} more`);
  };
  list('Unhealthy (the check found drift)', radius.unhealthy, () => 'drift');
  list('No usable check result (counted as unhealthy)', radius.unknown, (c) =>
    c.problem !== undefined
      ? c.problem
      : !c.checkOnly
        ? `not a check-only record (status ${c.status ?? 'unknown'})`
        : `status ${c.status ?? 'unknown'}`,
  );
  if (radius.missing > 0) {
    lines.push(
      '',
      `${radius.missing} target(s) left no check record (the check leg failed before the Action ran, or its artifact is missing); counted as unhealthy.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** One leg of a drift run, as its plan job wrote it (the `legs` output). */
export interface PlannedLeg {
  readonly remediation: string;
  readonly target: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Parses the plan job's `legs` output: a JSON list of `{remediation, target, params}`. */
export function parseLegs(text: string, label: string): PlannedLeg[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError('USAGE', `${label}: expected the plan's JSON list of legs, got text that is not JSON`);
  }
  const isLeg = (leg: unknown): leg is PlannedLeg =>
    typeof leg === 'object' &&
    leg !== null &&
    typeof (leg as PlannedLeg).remediation === 'string' &&
    typeof (leg as PlannedLeg).target === 'string' &&
    typeof (leg as PlannedLeg).params === 'object' &&
    (leg as PlannedLeg).params !== null;
  if (!Array.isArray(value) || value.length === 0 || !value.every(isLeg)) {
    throw new UsageError('USAGE', `${label}: expected a non-empty JSON list of {remediation, target, params} legs`);
  }
  return value.map(({ remediation, target, params }) => ({ remediation, target, params }));
}

/**
 * The legs that need a fix, and so an approval (drift.yml's `approval-environment`): every leg
 * but those vouched healthy by exactly one check-only record, of their own version and target.
 * Fails closed, as the count does:
 * - a leg whose check errored, was refused, or left no record is held for a reviewer;
 * - a leg named by two records is held whatever they say. Attack stopped: a compromised runner of
 *   one leg uploads, besides its own, a `healthy` record naming another leg, whose real check
 *   found drift: that leg's drift would go unfixed and unapproved, and the summary would show it
 *   healthy;
 * - with any record unreadable or not check-only (`holdAll` too, which the workflow sets when a
 *   check leg did not succeed), it cannot be told which leg a record stood for: every leg is held.
 */
export function legsToFix(legs: readonly PlannedLeg[], checks: readonly TargetCheck[], holdAll = false): PlannedLeg[] {
  const key = (remediation: string | undefined, target: string | undefined) => JSON.stringify([remediation, target]);
  if (holdAll || checks.some((c) => !c.checkOnly || c.problem !== undefined || c.ran === undefined)) return [...legs];
  const named = new Map<string, TargetCheck[]>();
  for (const check of checks) {
    const k = key(check.ran?.remediation, check.ran?.target);
    named.set(k, [...(named.get(k) ?? []), check]);
  }
  return legs.filter((leg) => {
    const mine = named.get(key(leg.remediation, leg.target)) ?? [];
    return !(mine.length === 1 && mine[0]?.status === 'healthy');
  });
}
