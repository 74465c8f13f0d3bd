import { describe, expect, it } from 'vitest';
import { appendRelease, signManifest, yankRelease } from '../../src/core/manifest-editor.ts';
import { manifestTag, manifestTagsNewestFirst } from '../../src/core/manifest-home.ts';
import { authenticateCandidate, type ManifestCandidate } from '../../src/core/manifest-selection.ts';
import { checkManifestFreshness } from '../../src/core/manifest-verifier.ts';
import type { ManifestPayload } from '../../src/core/manifest.ts';
import { serialisePayload } from '../../src/core/manifest.ts';
import { makeVersionRef } from '../../src/core/version-ref.ts';
import { freshKey } from '../helpers/keys.ts';
import { thrown } from '../helpers/errors.ts';

const DAY = 86_400_000;
const t0 = new Date('2026-06-01T00:00:00Z');
const key = freshKey();
const stranger = freshKey();
const ref = makeVersionRef('svc', 'v1.0.0');

const asPrevious = (payload: ManifestPayload) => ({ payload, payloadBytes: serialisePayload(payload) });
const serial1 = appendRelease(
  undefined,
  { ref, commit: 'c'.repeat(40), digest: `sha256:${'d'.repeat(64)}` },
  t0,
  365 * DAY,
);
/** Serial 2 yanks v1.0.0 and lives one day from `issued`. */
const serial2 = (issued: Date, lifetime = DAY) =>
  yankRelease(asPrevious(serial1), ref, 'deletes too much', issued, lifetime);

const candidate = (payload: ManifestPayload, claimedSerial?: number, signer = key): ManifestCandidate => ({
  source: `release ${manifestTag(claimedSerial ?? payload.serial)}`,
  bytes: signManifest(payload, [signer.signing]),
  ...(claimedSerial === undefined ? {} : { claimedSerial }),
});

function refusal(fn: () => unknown): string | undefined {
  return thrown(fn)?.code;
}

describe('manifest tags', () => {
  it('lists only exact manifest/s<serial> tags, highest serial first', () => {
    const tags = manifestTagsNewestFirst([
      'refs/tags/manifest/s2',
      'refs/tags/manifest/s10',
      'refs/tags/manifest/s007', // leading zeros would let two tags claim one serial
      'refs/tags/manifest/s0',
      'refs/tags/manifest/s3x',
      'refs/tags/manifest/s3/extra',
      'refs/heads/manifest/s4',
      'refs/tags/svc/v1.0.0',
      'refs/tags/manifest/s1',
    ]);
    expect(tags).toEqual([
      { tag: 'manifest/s10', serial: 10 },
      { tag: 'manifest/s2', serial: 2 },
      { tag: 'manifest/s1', serial: 1 },
    ]);
  });
});

describe('authenticateCandidate', () => {
  it('accepts an authentic manifest published under its own serial', () => {
    const check = authenticateCandidate(candidate(serial2(t0), 2), [key.trusted], 1);
    expect(check.ok && check.verified.payload.serial).toBe(2);
  });

  it('refuses an authentic old manifest re-published under a higher tag (replay to hide a yank)', () => {
    const check = authenticateCandidate(candidate(serial1, 9), [key.trusted], 1);
    expect(check.ok).toBe(false);
    expect(!check.ok && `${check.error.code}: ${check.error.message}`).toMatch(
      /MALFORMED: published as serial 9.*serial 1/,
    );
  });

  it('refuses a manifest signed by an untrusted key, and one below the threshold', () => {
    const forged = authenticateCandidate(candidate(serial2(t0), 2, stranger), [key.trusted], 1);
    expect(!forged.ok && forged.error.code).toBe('UNTRUSTED_KEY');
    const single = authenticateCandidate(candidate(serial2(t0), 2), [key.trusted, stranger.trusted], 2);
    expect(!single.ok && single.error.code).toBe('THRESHOLD_NOT_MET');
  });
});

describe('checkManifestFreshness (held by the newest authentic manifest alone)', () => {
  it('refuses an expired newest manifest and says how to renew it', () => {
    // Released with a year's expiry, yanked with a day's; two days later the yank has expired.
    const later = new Date(t0.getTime() + 2 * DAY);
    expect(refusal(() => checkManifestFreshness(serial2(t0), { minSerial: 0, now: later }))).toBe('EXPIRED');
    expect(() => checkManifestFreshness(serial2(t0), { minSerial: 0, now: later })).toThrow(
      /renew it by signing serial 3/,
    );
    // The older manifest is still valid then: it must not be what the caller falls back to.
    expect(refusal(() => checkManifestFreshness(serial1, { minSerial: 0, now: later }))).toBeUndefined();
  });

  it('refuses a newest manifest below the pinned min-serial', () => {
    expect(refusal(() => checkManifestFreshness(serial1, { minSerial: 2, now: t0 }))).toBe('SERIAL_ROLLBACK');
  });
});
