import { describe, expect, it } from 'vitest';
import { appendRelease, signManifest, yankRelease } from '../../src/core/manifest-editor.ts';
import { manifestTag, manifestTagsNewestFirst } from '../../src/core/manifest-home.ts';
import { selectNewestManifest, type ManifestCandidate } from '../../src/core/manifest-selection.ts';
import type { ManifestPayload } from '../../src/core/manifest.ts';
import { serialisePayload } from '../../src/core/manifest.ts';
import { makeVersionRef } from '../../src/core/version-ref.ts';
import { TrustError } from '../../src/errors.ts';
import { freshKey } from '../helpers/keys.ts';

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
  try {
    fn();
  } catch (error) {
    if (error instanceof TrustError) return error.code;
    throw error;
  }
  return undefined;
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

describe('selectNewestManifest', () => {
  const policy = (now: Date, minSerial = 0) => ({ threshold: 1, minSerial, now });

  it('takes the highest authentic serial, wherever the candidates came from', () => {
    const chosen = selectNewestManifest([candidate(serial1, 1), candidate(serial2(t0), 2)], [key.trusted], policy(t0));
    expect(chosen.verified.payload.serial).toBe(2);
  });

  it('refuses when the newest authentic manifest has expired, instead of falling back to an older one', () => {
    // Released with a year's expiry, yanked with a day's; two days later the yank has expired.
    const later = new Date(t0.getTime() + 2 * DAY);
    const candidates = [candidate(serial1, 1), candidate(serial2(t0), 2)];
    expect(refusal(() => selectNewestManifest(candidates, [key.trusted], policy(later)))).toBe('EXPIRED');
    try {
      selectNewestManifest(candidates, [key.trusted], policy(later));
    } catch (error) {
      expect((error as Error).message).toMatch(/renew it by signing serial 3/);
    }
  });

  it('refuses when the newest authentic manifest is below the pinned min-serial', () => {
    expect(refusal(() => selectNewestManifest([candidate(serial1, 1)], [key.trusted], policy(t0, 2)))).toBe(
      'SERIAL_ROLLBACK',
    );
  });

  it('skips an authentic old manifest re-published under a higher tag (replay to hide a yank)', () => {
    const replayed = candidate(serial1, 9);
    const chosen = selectNewestManifest([replayed, candidate(serial2(t0), 2)], [key.trusted], policy(t0));
    expect(chosen.verified.payload.serial).toBe(2);
    expect(chosen.skipped).toEqual([
      { source: 'release manifest/s9', reason: expect.stringMatching(/MALFORMED: published as serial 9.*serial 1/) },
    ]);
  });

  it('skips a manifest signed by an untrusted key, and refuses when nothing else is left', () => {
    const forged = candidate(serial2(t0), 2, stranger);
    const chosen = selectNewestManifest([forged, candidate(serial1, 1)], [key.trusted], policy(t0));
    expect(chosen.verified.payload.serial).toBe(1);
    expect(chosen.skipped[0]?.reason).toMatch(/^UNTRUSTED_KEY/);
    expect(refusal(() => selectNewestManifest([forged], [key.trusted], policy(t0)))).toBe('UNTRUSTED_KEY');
  });
});
