import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { authenticateRequest, type RequestHeaders } from '../../src/core/gateway-auth.ts';
import type { GatewaySource } from '../../src/core/gateway-config.ts';

// Vectors from an independent implementation: openssl, not node:crypto.
function opensslHmac(secret: string, data: Uint8Array): string {
  const out = execFileSync('openssl', ['dgst', '-sha256', '-hmac', secret], { input: data }).toString();
  const hex = /([0-9a-f]{64})\s*$/.exec(out)?.[1];
  if (hex === undefined) throw new Error(`unexpected openssl output: ${out}`);
  return hex;
}

const BODY = Buffer.from('{"event":{"event_type":"incident.triggered","data":{"id":"Q1","title":"Disk ☃ full"}}}');
const source = (type: GatewaySource['type'], auth: GatewaySource['auth']): GatewaySource => ({
  id: 's',
  type,
  path: '/s',
  auth,
});
const denied = (result: ReturnType<typeof authenticateRequest>) => {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.reason;
};

describe('authenticateRequest: bearer', () => {
  const am = source('alertmanager', { bearerEnv: 'AM_BEARER' });
  const secrets = { bearer: 's3cret-token' };

  it('accepts the token, with the scheme in any case', () => {
    expect(authenticateRequest(am, { authorization: 'Bearer s3cret-token' }, BODY, secrets)).toEqual({ ok: true });
    expect(authenticateRequest(am, { Authorization: 'bearer s3cret-token' }, BODY, secrets)).toEqual({ ok: true });
  });

  it.each<[string, RequestHeaders]>([
    ['no header', {}],
    ['a wrong token', { authorization: 'Bearer s3cret-tokeN' }],
    ['a prefix of the token', { authorization: 'Bearer s3cret' }],
    ['the token with a suffix', { authorization: 'Bearer s3cret-token2' }],
    ['Basic auth', { authorization: 'Basic czNjcmV0LXRva2Vu' }],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['the token without a scheme', { authorization: 's3cret-token' }],
    ['two Authorization headers', { authorization: ['Bearer s3cret-token', 'Bearer other'] }],
    ['two names differing in case', { authorization: 'Bearer s3cret-token', Authorization: 'Bearer s3cret-token' }],
    ['a token followed by a newline and another header', { authorization: 'Bearer s3cret-token\nX: y' }],
  ])('refuses %s', (_, headers) => {
    denied(authenticateRequest(am, headers, BODY, secrets));
  });

  it('fails closed when the secret is unset or empty: an empty Bearer must not match an empty secret', () => {
    expect(denied(authenticateRequest(am, { authorization: 'Bearer x' }, BODY, {}))).toMatch(/not set/);
    expect(denied(authenticateRequest(am, { authorization: 'Bearer ' }, BODY, { bearer: '' }))).toMatch(/not set/);
  });

  it('refuses a source built without any secret', () => {
    expect(denied(authenticateRequest(source('generic', {}), {}, BODY, { bearer: 'x', hmac: 'y' }))).toMatch(
      /no bearer or HMAC/,
    );
  });
});

describe('authenticateRequest: PagerDuty X-PagerDuty-Signature', () => {
  const pd = source('pagerduty', { hmacEnv: 'PD_SECRET' });
  const secret = 'pd-signing-secret';
  const good = opensslHmac(secret, BODY);
  const other = opensslHmac('the-old-secret', BODY);

  it('accepts the openssl-computed signature of the raw body', () => {
    expect(authenticateRequest(pd, { 'x-pagerduty-signature': `v1=${good}` }, BODY, { hmac: secret })).toEqual({
      ok: true,
    });
  });

  it('accepts any one of several signatures during a secret rotation, in either order', () => {
    for (const header of [
      `v1=${other},v1=${good}`,
      `v1=${good},v1=${other}`,
      `v1=${other}, v1=${good.toUpperCase()}`,
    ]) {
      expect(authenticateRequest(pd, { 'x-pagerduty-signature': header }, BODY, { hmac: secret })).toEqual({
        ok: true,
      });
    }
  });

  it.each<[string, RequestHeaders, RegExp]>([
    ['no header', {}, /missing x-pagerduty-signature/],
    [
      'only the old secret',
      { 'x-pagerduty-signature': `v1=${'0'.repeat(64)},v1=${'f'.repeat(64)}` },
      /no X-PagerDuty-Signature matches/,
    ],
    [
      'another scheme version',
      { 'x-pagerduty-signature': `v0=${'a'.repeat(64)}` },
      /expected X-PagerDuty-Signature: v1=<hex>/,
    ],
    [
      'a truncated signature (hex parsing stops early)',
      { 'x-pagerduty-signature': `v1=${'a'.repeat(62)}zz` },
      /no X-PagerDuty/,
    ],
    ['the header twice', { 'x-pagerduty-signature': ['v1=a', 'v1=b'] }, /sent more than once/],
    [
      'a header listing too many candidates',
      {
        'x-pagerduty-signature': Array(11)
          .fill(`v1=${'a'.repeat(64)}`)
          .join(','),
      },
      /too many/,
    ],
  ])('refuses %s', (_, headers, reason) => {
    expect(denied(authenticateRequest(pd, headers, BODY, { hmac: secret }))).toMatch(reason);
  });

  it('refuses the right signature over a changed body, and with another secret', () => {
    const header = { 'x-pagerduty-signature': `v1=${good}` };
    denied(authenticateRequest(pd, header, Buffer.from(BODY.toString().replace('Q1', 'Q2')), { hmac: secret }));
    denied(authenticateRequest(pd, header, BODY, { hmac: 'pd-signing-secreT' }));
  });

  it('refuses every request when the secret is empty (an empty HMAC key is public)', () => {
    const emptyKeySig = createHmacWithEmptyKey();
    expect(
      denied(authenticateRequest(pd, { 'x-pagerduty-signature': `v1=${emptyKeySig}` }, BODY, { hmac: '' })),
    ).toMatch(/not set/);
  });

  function createHmacWithEmptyKey(): string {
    return execFileSync('openssl', ['dgst', '-sha256', '-mac', 'HMAC', '-macopt', 'hexkey:00'], { input: BODY })
      .toString()
      .trim()
      .slice(-64);
  }
});

describe('authenticateRequest: Grafana X-Grafana-Alerting-Signature', () => {
  const secret = 'grafana-hmac';
  const body = Buffer.from('{"alerts":[{"status":"firing"}]}');

  it('accepts the hex HMAC of the body when no timestamp header is configured', () => {
    const gf = source('grafana', { hmacEnv: 'GF' });
    const sig = opensslHmac(secret, body);
    expect(authenticateRequest(gf, { 'x-grafana-alerting-signature': sig }, body, { hmac: secret })).toEqual({
      ok: true,
    });
    denied(authenticateRequest(gf, { 'x-grafana-alerting-signature': `sha256=${sig}` }, body, { hmac: secret }));
    denied(authenticateRequest(gf, {}, body, { hmac: secret }));
  });

  describe('with a timestamp header: the signature covers "<timestamp>:<body>"', () => {
    const gf = source('grafana', { hmacEnv: 'GF', timestampHeader: 'X-Grafana-Alerting-Signature-Timestamp' });
    const ts = '1772359200';
    const sig = opensslHmac(secret, Buffer.from(`${ts}:${body.toString()}`));
    const headers = { 'x-grafana-alerting-signature': sig, 'x-grafana-alerting-signature-timestamp': ts };
    const now = Number(ts) * 1000;

    it('accepts it within the allowed skew', () => {
      expect(authenticateRequest(gf, headers, body, { hmac: secret }, { now: now + 60_000 })).toEqual({ ok: true });
    });

    it('refuses a replay outside the window, a changed timestamp, a missing or malformed one', () => {
      expect(denied(authenticateRequest(gf, headers, body, { hmac: secret }, { now: now + 10 * 60_000 }))).toMatch(
        /too far/,
      );
      denied(
        authenticateRequest(gf, { ...headers, 'x-grafana-alerting-signature-timestamp': '1772359201' }, body, {
          hmac: secret,
        }),
      );
      expect(denied(authenticateRequest(gf, { 'x-grafana-alerting-signature': sig }, body, { hmac: secret }))).toMatch(
        /missing/,
      );
      expect(
        denied(
          authenticateRequest(gf, { ...headers, 'x-grafana-alerting-signature-timestamp': '-1' }, body, {
            hmac: secret,
          }),
        ),
      ).toMatch(/Unix seconds/);
    });

    it('refuses the body-only signature: the timestamp cannot be stripped', () => {
      const bodyOnly = opensslHmac(secret, body);
      denied(authenticateRequest(gf, { ...headers, 'x-grafana-alerting-signature': bodyOnly }, body, { hmac: secret }));
    });
  });

  it('accepts a bearer token instead (Grafana sends one as its Authorization header)', () => {
    const gf = source('grafana', { bearerEnv: 'GF_BEARER' });
    expect(authenticateRequest(gf, { authorization: 'Bearer t' }, body, { bearer: 't' })).toEqual({ ok: true });
  });
});

describe('authenticateRequest: generic X-Remediate-Signature', () => {
  const secret = 'generic-secret';
  const body = Buffer.from('{"id":"evt-1","name":"DiskFull","labels":{}}');
  const sig = opensslHmac(secret, body);

  it('accepts sha256=<hex> of the raw body', () => {
    const gen = source('generic', { hmacEnv: 'GEN' });
    expect(authenticateRequest(gen, { 'x-remediate-signature': `sha256=${sig}` }, body, { hmac: secret })).toEqual({
      ok: true,
    });
    expect(denied(authenticateRequest(gen, { 'x-remediate-signature': sig }, body, { hmac: secret }))).toMatch(
      /sha256=<hex>/,
    );
    denied(
      authenticateRequest(
        gen,
        { 'x-remediate-signature': `sha256=${sig}`, 'X-Remediate-Signature': `sha256=${sig}` },
        body,
        { hmac: secret },
      ),
    );
  });

  it('requires both when both are configured: a valid signature does not excuse a missing token', () => {
    const both = source('generic', { bearerEnv: 'B', hmacEnv: 'H' });
    const headers = { 'x-remediate-signature': `sha256=${sig}`, authorization: 'Bearer tok' };
    expect(authenticateRequest(both, headers, body, { bearer: 'tok', hmac: secret })).toEqual({ ok: true });
    denied(
      authenticateRequest(both, { 'x-remediate-signature': `sha256=${sig}` }, body, { bearer: 'tok', hmac: secret }),
    );
    denied(authenticateRequest(both, { authorization: 'Bearer tok' }, body, { bearer: 'tok', hmac: secret }));
  });

  it('refuses an HMAC on an alertmanager source built by hand (it cannot sign)', () => {
    const am = source('alertmanager', { hmacEnv: 'H' });
    expect(
      denied(authenticateRequest(am, { 'x-remediate-signature': `sha256=${sig}` }, body, { hmac: secret })),
    ).toMatch(/carry no signature/);
  });
});
