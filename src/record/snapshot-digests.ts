import { createHash } from 'node:crypto';
import type { Scalar } from '../core/definition.ts';
import { planDigest } from '../core/plan-digest.ts';

/** Digest of recorded parameter values: sha256 of their JSON with keys sorted. */
export function paramsDigest(values: Readonly<Record<string, Scalar>>): string {
  const sorted = Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `sha256:${createHash('sha256').update(JSON.stringify(sorted)).digest('hex')}`;
}

/** The definition digest recomputed from the snapshot's file listing (same rule as treeDigest). */
export function digestOfListing(files: readonly { path: string; mode: string; sha256: string }[]): string {
  const hash = createHash('sha256');
  const sorted = [...files].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  for (const file of sorted) hash.update(`${file.mode} ${file.sha256} ${file.path}\n`);
  return `sha256:${hash.digest('hex')}`;
}

/**
 * Recomputes the digests a snapshot carries about itself (definition listing, parameters) and
 * returns the first field that does not match: an edit to what the record says ran.
 */
export function checkSnapshotDigests(snapshot: unknown): { field: string; problem: string } | undefined {
  if (typeof snapshot !== 'object' || snapshot === null) return undefined;
  const s = snapshot as {
    remediation?: {
      name?: unknown;
      version?: unknown;
      tag?: unknown;
      commit?: unknown;
      digest?: unknown;
      files?: unknown;
    };
    params?: { values?: unknown; digest?: unknown };
    manifest?: { serial?: unknown };
    plan?: { digest?: unknown };
    target?: unknown;
    targetFacts?: unknown;
    forced?: unknown;
    checkOnly?: unknown;
    circuitBreaker?: { ignored?: unknown };
  };
  // The tag is what was resolved; a name or version edited alone would name another remediation.
  const { name, version, tag } = s.remediation ?? {};
  if (typeof name === 'string' && typeof version === 'string' && tag !== `${name}/${version}`) {
    return {
      field: 'remediation.tag',
      problem: `expected '${name}/${version}' (from remediation.name and .version), got ${JSON.stringify(tag)}`,
    };
  }
  const files = s.remediation?.files;
  if (Array.isArray(files) && typeof s.remediation?.digest === 'string') {
    const recomputed = digestOfListing(files as { path: string; mode: string; sha256: string }[]);
    if (recomputed !== s.remediation.digest) {
      return {
        field: 'remediation.digest',
        problem: `expected ${recomputed} (recomputed from remediation.files), got ${s.remediation.digest}`,
      };
    }
  }
  const values = s.params?.values;
  if (typeof values === 'object' && values !== null && typeof s.params?.digest === 'string') {
    const recomputed = paramsDigest(values as Record<string, Scalar>);
    if (recomputed !== s.params.digest) {
      return {
        field: 'params.digest',
        problem: `expected ${recomputed} (recomputed from params.values), got ${s.params.digest}`,
      };
    }
  }
  // The plan digest an approval was bound to is recomputed from what the record says was verified:
  // an edit to any of those facts, or to the digest, is caught.
  const r = s.remediation;
  if (
    typeof s.plan?.digest === 'string' &&
    typeof r?.name === 'string' &&
    typeof r.version === 'string' &&
    typeof r.commit === 'string' &&
    typeof r.digest === 'string' &&
    typeof s.params?.digest === 'string' &&
    typeof s.manifest?.serial === 'number'
  ) {
    const recomputed = planDigest({
      remediation: `${r.name}@${r.version}`,
      commit: r.commit,
      digest: r.digest,
      paramsDigest: s.params.digest,
      manifestSerial: s.manifest.serial,
      target: typeof s.target === 'string' ? s.target : '',
      targetFacts:
        typeof s.targetFacts === 'object' && s.targetFacts !== null ? (s.targetFacts as Record<string, string>) : {},
      force: s.forced === true,
      checkOnly: s.checkOnly === true,
      ignoreCircuitBreaker: s.circuitBreaker?.ignored === true,
    });
    if (recomputed !== s.plan.digest) {
      return {
        field: 'plan.digest',
        problem: `expected ${recomputed} (recomputed from the remediation, manifest, params, target, its facts and flags), got ${s.plan.digest}`,
      };
    }
  }
  return undefined;
}

/** How much of the end of a range is searched for markers (they are its last lines). */
const TAIL_BYTES = 64 * 1024;

/** A step as the snapshot claims it ended. */
interface ClaimedStep {
  stage?: unknown;
  id?: unknown;
  exitCode?: unknown;
  signal?: unknown;
  outcome?: unknown;
  log?: { start?: unknown; end?: unknown };
}

/**
 * Checks what the snapshot claims against the chained log's markers: each step's outcome, exit
 * code and signal against the last `<== stage/id ...` marker in its byte range, and the final
 * status against the closing `run <status>` line. The log is pinned by the chain, so an edit
 * that turns a failed run into a succeeded one in snapshot.json alone is caught here.
 */
export function checkClaimsAgainstLog(
  snapshot: unknown,
  log: Buffer,
  complete: boolean,
): { field: string; problem: string } | undefined {
  if (typeof snapshot !== 'object' || snapshot === null) return undefined;
  const s = snapshot as { status?: unknown; steps?: unknown; error?: { code?: unknown } };
  const steps = Array.isArray(s.steps) ? (s.steps as ClaimedStep[]) : [];
  const closing = [
    ...log
      .subarray(Math.max(0, log.byteLength - TAIL_BYTES))
      .toString('utf8')
      .matchAll(/^\[[^\]]+\] run (\S+)$/gm),
  ].at(-1)?.[1];
  // A run whose log could not be written (a full disk) was closed at its last complete block: the
  // log has no closing line, and the steps that ran from that point on (the stopped step, the
  // rollback) have no end marker in it. Accepted only where the log really lacks a closing line
  // and the snapshot says why, and only for steps whose range reaches the end of the log: an
  // edit of snapshot.json alone cannot claim it for a log that has its closing line.
  const cutShort = s.error?.code === 'RECORD_WRITE_FAILED' && closing === undefined;
  for (const [index, step] of steps.entries()) {
    const start = Number(step.log?.start);
    const end = Number(step.log?.end);
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) continue;
    // The engine's end marker is the step's last line but for a few engine notes: read only the
    // tail of the range, so a step that printed gigabytes is checked without decoding all of it.
    const text = log.subarray(Math.max(start, end - TAIL_BYTES), end).toString('utf8');
    const marker = [...text.matchAll(/^\[[^\]]+\] <== (\S+) (.*) \(([a-z-]+)\)$/gm)]
      .filter((m) => m[1] === `${String(step.stage)}/${String(step.id)}`)
      .at(-1);
    const field = `steps[${index}]`;
    if (!marker && cutShort && end === log.byteLength) continue;
    if (!marker) {
      if (step.exitCode !== null && step.exitCode !== undefined) {
        return {
          field: `${field}.exitCode`,
          problem: `the log has no end marker for ${String(step.stage)}/${String(step.id)}, yet an exit code is claimed`,
        };
      }
      continue;
    }
    const [, , result = '', outcome] = marker;
    if (outcome !== step.outcome) {
      return {
        field: `${field}.outcome`,
        problem: `expected '${outcome}' (the log's end marker), got '${String(step.outcome)}'`,
      };
    }
    const exit = /^exit (\d+)$/.exec(result);
    if (exit && Number(exit[1]) !== step.exitCode) {
      return {
        field: `${field}.exitCode`,
        problem: `expected ${exit[1]} (the log's end marker), got ${String(step.exitCode)}`,
      };
    }
    const killed = /^killed by (\S+)$/.exec(result);
    if (killed && killed[1] !== step.signal) {
      return {
        field: `${field}.signal`,
        problem: `expected ${killed[1]} (the log's end marker), got ${String(step.signal)}`,
      };
    }
  }
  // An interrupted run's log may still hold its closing line (written just before the process was
  // killed, or before the log could not be closed): the status may then only say it was cut off.
  if (!complete && closing !== undefined && closing !== s.status && !closedAfterCut(s)) {
    return {
      field: 'status',
      problem: `expected '${closing}' (the log's closing line), got '${String(s.status)}'`,
    };
  }
  if (complete && !cutShort) {
    if (closing !== undefined && closing !== s.status) {
      return { field: 'status', problem: `expected '${closing}' (the log's closing line), got '${String(s.status)}'` };
    }
    if (closing === undefined) return { field: 'status', problem: "the log has no closing 'run <status>' line" };
  }
  return undefined;
}

/** A record closed by the post step or after a failed write: `cancelled` or `crashed`, saying why. */
function closedAfterCut(s: { status?: unknown; error?: { code?: unknown } }): boolean {
  return (
    (s.status === 'cancelled' || s.status === 'crashed') &&
    ['CANCELLED', 'CRASHED', 'RECORD_WRITE_FAILED'].includes(String(s.error?.code))
  );
}
