import { describe, expect, it } from 'vitest';
import { checkAppendOnly } from '../../src/core/append-check.ts';
import { appendRelease, yankRelease } from '../../src/core/manifest-editor.ts';
import { serialisePayload, type ManifestPayload } from '../../src/core/manifest.ts';
import { makeVersionRef } from '../../src/core/version-ref.ts';
import { thrown } from '../helpers/errors.ts';

const now = new Date('2026-03-01T00:00:00Z');
const withBytes = (payload: ManifestPayload) => ({ payload, payloadBytes: serialisePayload(payload) });
const first = appendRelease(
  undefined,
  { ref: makeVersionRef('svc', 'v1.0.0'), commit: '1'.repeat(40), digest: `sha256:${'1'.repeat(64)}` },
  now,
  86_400_000,
);
const second = appendRelease(
  withBytes(first),
  { ref: makeVersionRef('svc', 'v1.1.0'), commit: '2'.repeat(40), digest: `sha256:${'2'.repeat(64)}` },
  now,
  86_400_000,
);

function refusal(previous: ManifestPayload, next: ManifestPayload): string {
  const error = thrown(() => checkAppendOnly(withBytes(previous), next));
  return error ? `${error.code}: ${error.message}` : 'accepted';
}

describe('checkAppendOnly', () => {
  it('accepts a manifest that adds a version, and one that yanks', () => {
    expect(checkAppendOnly(withBytes(first), second)).toEqual({ added: ['svc@v1.1.0'], yanked: [] });
    const yanked = yankRelease(withBytes(second), makeVersionRef('svc', 'v1.0.0'), 'bad', now, 86_400_000);
    expect(checkAppendOnly(withBytes(second), yanked)).toEqual({ added: [], yanked: ['svc@v1.0.0'] });
  });

  it('refuses a re-pointed released version', () => {
    const repointed = structuredClone(second) as { remediations: Record<string, Record<string, { commit: string }>> };
    repointed.remediations.svc!['v1.0.0']!.commit = '9'.repeat(40);
    expect(refusal(first, repointed as unknown as ManifestPayload)).toMatch(/^NOT_APPEND_ONLY: svc@v1.0.0.commit/);
  });

  it('refuses a removed version, a skipped serial and a wrong previous digest', () => {
    expect(refusal(first, { ...second, remediations: { svc: {} } })).toMatch(/svc@v1.0.0: removed/);
    expect(refusal(first, { ...second, serial: 3 })).toMatch(/serial: expected 2, got 3/);
    expect(refusal(first, { ...second, previous: `sha256:${'0'.repeat(64)}` })).toMatch(/previous: expected/);
  });

  it('refuses an un-yank', () => {
    const yanked = yankRelease(withBytes(second), makeVersionRef('svc', 'v1.0.0'), 'bad', now, 86_400_000);
    const unyanked = {
      ...appendRelease(
        withBytes(yanked),
        { ref: makeVersionRef('svc', 'v2.0.0'), commit: '3'.repeat(40), digest: `sha256:${'3'.repeat(64)}` },
        now,
        1,
      ),
    };
    const restored = structuredClone(unyanked) as { remediations: Record<string, Record<string, { yanked: unknown }>> };
    restored.remediations.svc!['v1.0.0']!.yanked = false;
    expect(refusal(yanked, restored as unknown as ManifestPayload)).toMatch(/yank cannot be undone/);
  });
});
