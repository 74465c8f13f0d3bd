import { createHash } from 'node:crypto';
import type { Scalar } from '../core/definition.ts';

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
    remediation?: { digest?: unknown; files?: unknown };
    params?: { values?: unknown; digest?: unknown };
  };
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
      return { field: 'params.digest', problem: `expected ${recomputed} (recomputed from params.values), got ${s.params.digest}` };
    }
  }
  return undefined;
}
