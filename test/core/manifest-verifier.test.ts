import { describe, expect, it } from 'vitest';
import { serialiseEnvelope, type DsseEnvelope } from '../../src/core/dsse.ts';
import { appendRelease, signManifest, yankRelease } from '../../src/core/manifest-editor.ts';
import { serialisePayload, type ManifestPayload } from '../../src/core/manifest.ts';
import { parseEnvelope } from '../../src/core/dsse.ts';
import { verifyManifest, type TrustPolicy } from '../../src/core/manifest-verifier.ts';
import { makeVersionRef } from '../../src/core/version-ref.ts';
import { parsePublicKey } from '../../src/core/keys.ts';
import { freshKey } from '../helpers/keys.ts';
import { thrown } from '../helpers/errors.ts';

const issued = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const policy = (over: Partial<TrustPolicy> = {}): TrustPolicy => ({
  threshold: 1,
  minSerial: 0,
  now: new Date(issued.getTime() + DAY),
  ...over,
});
const release = (previous?: { payload: ManifestPayload; payloadBytes: Uint8Array }) =>
  appendRelease(
    previous,
    {
      ref: makeVersionRef('svc', previous ? 'v1.1.0' : 'v1.0.0'),
      commit: 'c'.repeat(40),
      digest: `sha256:${'d'.repeat(64)}`,
    },
    issued,
    30 * DAY,
  );

function codeOf(fn: () => unknown): string | undefined {
  return thrown(fn)?.code;
}

describe('verifyManifest', () => {
  const a = freshKey();
  const b = freshKey();
  const c = freshKey();

  it('accepts a manifest signed by a trusted key and returns the payload, digest and signers', () => {
    const result = verifyManifest(signManifest(release(), [a.signing]), [a.trusted], policy());
    expect(result.payload.serial).toBe(1);
    expect(result.signers).toEqual([a.trusted.keyid]);
    expect(result.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('refuses an edited payload (SIGNATURE_INVALID)', () => {
    const envelope = parseEnvelope(signManifest(release(), [a.signing]));
    const edited = Buffer.from(envelope.payload, 'base64').toString().replace('c'.repeat(40), 'e'.repeat(40));
    const tampered = serialiseEnvelope({ ...envelope, payload: Buffer.from(edited).toString('base64') });
    expect(codeOf(() => verifyManifest(tampered, [a.trusted], policy()))).toBe('SIGNATURE_INVALID');
  });

  it('refuses a signature by an untrusted key, even when it claims a trusted keyid', () => {
    expect(codeOf(() => verifyManifest(signManifest(release(), [b.signing]), [a.trusted], policy()))).toBe(
      'UNTRUSTED_KEY',
    );
    // An attacker re-labels their own signature with the trusted keyid: the key, not the label, decides.
    const forged = parseEnvelope(signManifest(release(), [b.signing]));
    const relabelled = serialiseEnvelope({
      ...forged,
      signatures: [{ keyid: a.trusted.keyid, sig: forged.signatures[0]!.sig }],
    });
    expect(codeOf(() => verifyManifest(relabelled, [a.trusted], policy()))).toBe('SIGNATURE_INVALID');
  });

  it('refuses an unsigned manifest', () => {
    const envelope = parseEnvelope(signManifest(release(), [a.signing]));
    const unsigned = serialiseEnvelope({ ...envelope, signatures: [] });
    expect(codeOf(() => verifyManifest(unsigned, [a.trusted], policy()))).toBe('UNTRUSTED_KEY');
  });

  it('needs k distinct trusted signatures for a k-of-n threshold', () => {
    const keys = [a.trusted, b.trusted, c.trusted];
    expect(
      verifyManifest(signManifest(release(), [a.signing, c.signing]), keys, policy({ threshold: 2 })).signers,
    ).toHaveLength(2);
    expect(codeOf(() => verifyManifest(signManifest(release(), [a.signing]), keys, policy({ threshold: 2 })))).toBe(
      'THRESHOLD_NOT_MET',
    );
  });

  it('counts duplicate signatures by one key once', () => {
    const envelope = parseEnvelope(signManifest(release(), [a.signing]));
    const doubled: DsseEnvelope = { ...envelope, signatures: [envelope.signatures[0]!, envelope.signatures[0]!] };
    expect(
      codeOf(() => verifyManifest(serialiseEnvelope(doubled), [a.trusted, b.trusted], policy({ threshold: 2 }))),
    ).toBe('THRESHOLD_NOT_MET');
    // Listing the same trusted key twice does not make two keys either.
    expect(
      codeOf(() => verifyManifest(serialiseEnvelope(doubled), [a.trusted, a.trusted], policy({ threshold: 2 }))),
    ).toBe('USAGE');
  });

  it('refuses an expired manifest', () => {
    const bytes = signManifest(release(), [a.signing]);
    expect(
      codeOf(() => verifyManifest(bytes, [a.trusted], policy({ now: new Date(issued.getTime() + 31 * DAY) }))),
    ).toBe('EXPIRED');
  });

  it('refuses a replayed older manifest below the pinned serial (an un-yank)', () => {
    const first = release();
    const firstBytes = signManifest(first, [a.signing]);
    const yanked = yankRelease(
      { payload: first, payloadBytes: serialisePayload(first) },
      makeVersionRef('svc', 'v1.0.0'),
      'bad',
      issued,
      30 * DAY,
    );
    expect(yanked.serial).toBe(2);
    expect(codeOf(() => verifyManifest(firstBytes, [a.trusted], policy({ minSerial: 2 })))).toBe('SERIAL_ROLLBACK');
  });

  it('refuses a manifest below the highest published serial, however low min-serial is pinned', () => {
    const firstBytes = signManifest(release(), [a.signing]);
    const published = { serial: 2, source: 'release manifest/s2' };
    const refused = thrown(() => verifyManifest(firstBytes, [a.trusted], policy({ published })));
    expect(refused?.code).toBe('SERIAL_ROLLBACK');
    expect(refused?.message).toMatch(/expected serial >= 2, the highest published \(release manifest\/s2\), got 1/);
    // At or above it: accepted.
    expect(
      verifyManifest(firstBytes, [a.trusted], policy({ published: { ...published, serial: 1 } })).payload.serial,
    ).toBe(1);
  });

  it('accept-older-serial lets exactly the serial it names below the published one, and nothing else', () => {
    const firstBytes = signManifest(release(), [a.signing]);
    const published = { serial: 3, source: 'release manifest/s3' };
    expect(verifyManifest(firstBytes, [a.trusted], policy({ published, acceptOlderSerial: 1 })).payload.serial).toBe(1);
    expect(codeOf(() => verifyManifest(firstBytes, [a.trusted], policy({ published, acceptOlderSerial: 2 })))).toBe(
      'SERIAL_ROLLBACK',
    );
    // It relaxes only the learned floor: the caller's own min-serial still holds.
    expect(
      codeOf(() => verifyManifest(firstBytes, [a.trusted], policy({ published, acceptOlderSerial: 1, minSerial: 2 }))),
    ).toBe('SERIAL_ROLLBACK');
    // It never makes an expired or unsigned manifest acceptable.
    expect(
      codeOf(() =>
        verifyManifest(
          firstBytes,
          [a.trusted],
          policy({ published, acceptOlderSerial: 1, now: new Date(issued.getTime() + 31 * DAY) }),
        ),
      ),
    ).toBe('EXPIRED');
    expect(codeOf(() => verifyManifest(firstBytes, [b.trusted], policy({ published, acceptOlderSerial: 1 })))).toBe(
      'UNTRUSTED_KEY',
    );
  });

  it.each([
    ['not JSON', Buffer.from('{nope')],
    ['wrong shape', Buffer.from('{"payloadType":"x"}')],
    [
      'bad base64 payload',
      Buffer.from(
        JSON.stringify({ payloadType: 'application/vnd.remediate.manifest.v1+json', payload: '!!', signatures: [] }),
      ),
    ],
  ])('refuses a malformed envelope (%s)', (_label, bytes) => {
    expect(codeOf(() => verifyManifest(bytes, [a.trusted], policy()))).toBe('MALFORMED');
  });

  it('refuses a signed yank whose replacement is not a plain version (it is printed as what to run)', () => {
    const payload = release();
    const withYank = (replacement: unknown) =>
      ({
        ...payload,
        remediations: {
          svc: {
            'v1.0.0': {
              ...payload.remediations.svc!['v1.0.0']!,
              yanked: { reason: 'x', at: issued.toISOString(), replacement },
            },
          },
        },
      }) as unknown as ManifestPayload;
    expect(codeOf(() => verifyManifest(signManifest(withYank('v1.1.0'), [a.signing]), [a.trusted], policy()))).toBe(
      undefined,
    );
    for (const bad of ['$(reboot)', 'latest', 1, 'v1.1.0\nrun evil@v1.0.0'])
      expect(
        codeOf(() => verifyManifest(signManifest(withYank(bad), [a.signing]), [a.trusted], policy())),
        String(bad),
      ).toBe('MALFORMED');
  });

  it('refuses a signed envelope of another payload type (type confusion)', () => {
    const envelope = parseEnvelope(signManifest(release(), [a.signing]));
    const retyped = serialiseEnvelope({ ...envelope, payloadType: 'application/vnd.in-toto+json' });
    expect(codeOf(() => verifyManifest(retyped, [a.trusted], policy()))).toBe('MALFORMED');
  });

  it.each(['2020-13-45T00:00:00Z', '2020-02-30T25:61:61Z'])(
    'refuses an impossible expiry date (%s), which would never expire',
    (expires) => {
      const bytes = signManifest({ ...release(), expires } as ManifestPayload, [a.signing]);
      expect(codeOf(() => verifyManifest(bytes, [a.trusted], policy({ now: new Date('2099-01-01T00:00:00Z') })))).toBe(
        'MALFORMED',
      );
    },
  );

  it('refuses non-canonical base64 (padding bits changed), so an envelope cannot be altered unnoticed', () => {
    const envelope = parseEnvelope(signManifest(release(), [a.signing]));
    const sig = envelope.signatures[0]!.sig;
    expect(sig.endsWith('==')).toBe(true);
    const last = sig.at(-3)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]!; // same decoded bits, different padding bits
    const altered = serialiseEnvelope({
      ...envelope,
      signatures: [{ keyid: envelope.signatures[0]!.keyid, sig: `${sig.slice(0, -3)}${sibling}==` }],
    });
    expect(Buffer.from(`${sig.slice(0, -3)}${sibling}==`, 'base64')).toEqual(Buffer.from(sig, 'base64'));
    expect(codeOf(() => verifyManifest(altered, [a.trusted], policy()))).toBe('MALFORMED');
  });

  it('refuses a threshold larger than the trusted keys given', () => {
    expect(
      codeOf(() => verifyManifest(signManifest(release(), [a.signing]), [a.trusted], policy({ threshold: 2 }))),
    ).toBe('USAGE');
  });
});

describe('parsePublicKey', () => {
  it('refuses a private key given where a trusted public key belongs, saying to use the .pub', () => {
    const { privatePem, publicPem } = freshKey();
    expect(() => parsePublicKey(privatePem, 'k1')).toThrow(/k1: this is a private key; trust the public key instead/);
    expect(parsePublicKey(publicPem, 'k1.pub').keyid).toMatch(/^[0-9a-f]{64}$/);
  });
});
