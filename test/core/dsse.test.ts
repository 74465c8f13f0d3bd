import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MANIFEST_PAYLOAD_TYPE, pae, parseEnvelope } from '../../src/core/dsse.ts';
import { keyIdOf, parsePrivateKey, parsePublicKey } from '../../src/core/keys.ts';
import { signManifest, appendRelease } from '../../src/core/manifest-editor.ts';
import { verifyManifest } from '../../src/core/manifest-verifier.ts';
import { makeVersionRef } from '../../src/core/version-ref.ts';
import { freshKey } from '../helpers/keys.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dsse-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const payload = () =>
  appendRelease(
    undefined,
    { ref: makeVersionRef('svc', 'v1.0.0'), commit: 'a'.repeat(40), digest: `sha256:${'b'.repeat(64)}` },
    new Date('2026-01-01T00:00:00Z'),
    86_400_000,
  );

describe('DSSE pre-authentication encoding', () => {
  it("matches the DSSE specification's own example", () => {
    expect(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString()).toBe(
      'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
    );
  });

  it('counts bytes, not characters, for multi-byte payloads', () => {
    expect(pae('t', Buffer.from('é')).toString()).toBe('DSSEv1 1 t 2 é');
  });
});

describe('interoperability with openssl', () => {
  it('our signatures verify with `openssl pkeyutl -verify -rawin`', () => {
    const dir = tempDir();
    const key = freshKey();
    const envelope = parseEnvelope(signManifest(payload(), [key.signing]));
    const payloadBytes = Buffer.from(envelope.payload, 'base64');
    writeFileSync(join(dir, 'pae.bin'), pae(MANIFEST_PAYLOAD_TYPE, payloadBytes));
    writeFileSync(join(dir, 'sig.bin'), Buffer.from(envelope.signatures[0]!.sig, 'base64'));
    writeFileSync(join(dir, 'pub.pem'), key.publicPem);
    const out = execFileSync(
      'openssl',
      ['pkeyutl', '-verify', '-pubin', '-inkey', 'pub.pem', '-rawin', '-in', 'pae.bin', '-sigfile', 'sig.bin'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(out).toMatch(/Signature Verified Successfully/);

    // And openssl must reject the same signature over an edited message.
    writeFileSync(
      join(dir, 'pae.bin'),
      pae(MANIFEST_PAYLOAD_TYPE, Buffer.from(payloadBytes.toString().replace('svc', 'svd'))),
    );
    expect(() =>
      execFileSync(
        'openssl',
        ['pkeyutl', '-verify', '-pubin', '-inkey', 'pub.pem', '-rawin', '-in', 'pae.bin', '-sigfile', 'sig.bin'],
        {
          cwd: dir,
          stdio: 'pipe',
        },
      ),
    ).toThrow();
  });

  it('keys made by `openssl genpkey -algorithm ed25519` sign manifests we verify, with the same keyid', () => {
    const dir = tempDir();
    execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', 'key.pem'], { cwd: dir });
    execFileSync('openssl', ['pkey', '-in', 'key.pem', '-pubout', '-out', 'pub.pem'], { cwd: dir });
    const der = execFileSync('openssl', ['pkey', '-pubin', '-in', 'pub.pem', '-outform', 'DER'], { cwd: dir });
    const expectedKeyid = execFileSync('sha256sum', { input: der, encoding: 'utf8' }).split(' ')[0];

    const signing = parsePrivateKey(readFileSync(join(dir, 'key.pem')), 'key.pem');
    const trusted = parsePublicKey(readFileSync(join(dir, 'pub.pem')), 'pub.pem');
    expect(trusted.keyid).toBe(expectedKeyid);
    expect(signing.keyid).toBe(expectedKeyid);
    expect(keyIdOf(signing.publicKey)).toBe(expectedKeyid);

    const verified = verifyManifest(signManifest(payload(), [signing]), [trusted], {
      threshold: 1,
      minSerial: 0,
      now: new Date('2026-01-01T01:00:00Z'),
    });
    expect(verified.signers).toEqual([expectedKeyid]);
  });

  it('refuses non-Ed25519 keys', () => {
    const dir = tempDir();
    execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ec.pem'], {
      cwd: dir,
    });
    expect(() => parsePrivateKey(readFileSync(join(dir, 'ec.pem')), 'ec.pem')).toThrow(/expected an ed25519 key/);
  });
});
