import { describe, expect, it } from 'vitest';
import { collectSecrets } from '../../src/run/step-environment.ts';
import { UsageError } from '../../src/errors.ts';
import { thrown } from '../helpers/errors.ts';

function refusal(fn: () => unknown): UsageError {
  const error = thrown(fn);
  if (error instanceof UsageError) return error;
  throw new Error('expected a refusal');
}

describe('collectSecrets', () => {
  it('refuses a NUL byte in a bundle secret by name, never quoting the value', () => {
    const value = 'tok-\u0000-9f8e7d6c5b';
    const error = refusal(() =>
      collectSecrets(['API_TOKEN'], { REMEDIATION_SECRETS: JSON.stringify({ API_TOKEN: value }) }),
    );
    expect(error.code).toBe('MISSING_SECRET');
    expect(error.message).toMatch(/REMEDIATION_SECRETS\.API_TOKEN: a secret cannot contain a NUL byte/);
    expect(error.message).not.toContain('9f8e7d6c5b');
  });

  it('refuses a bundle secret that is not valid Unicode (a lone surrogate) by name, never quoting it', () => {
    const error = refusal(() =>
      collectSecrets(['API_TOKEN'], { REMEDIATION_SECRETS: '{"API_TOKEN":"tok-\\ud800-9f8e7d6c5b"}' }),
    );
    expect(error.message).toMatch(/REMEDIATION_SECRETS\.API_TOKEN: a secret must be valid Unicode text/);
    expect(error.message).not.toContain('9f8e7d6c5b');
  });

  it('never hands over the bundle itself, even to a version released before validation refused the name', () => {
    const error = refusal(() =>
      collectSecrets(['REMEDIATION_SECRETS'], { REMEDIATION_SECRETS: JSON.stringify({ OTHER: 'other-team-db-pass' }) }),
    );
    expect(error.message).toMatch(/secret name 'REMEDIATION_SECRETS' is reserved/);
    expect(error.message).not.toContain('other-team-db-pass');
  });

  it("never hands a step the job's OIDC request token, even to a version released before validation refused the name", () => {
    const error = refusal(() =>
      collectSecrets(['ACTIONS_ID_TOKEN_REQUEST_TOKEN'], {
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-0123456789',
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/?api-version=2.0',
      }),
    );
    expect(error.message).toMatch(/secret name 'ACTIONS_ID_TOKEN_REQUEST_TOKEN' is reserved/);
    expect(error.message).not.toContain('oidc-request-token-0123456789');
  });

  it('finds nothing for secrets named like built-in properties (constructor, toString, __proto__)', () => {
    const collected = collectSecrets(['constructor', 'toString', '__proto__'], {
      REMEDIATION_SECRETS: JSON.stringify({ OTHER: 'x' }),
    });
    expect(collected.missing).toEqual(['constructor', 'toString', '__proto__']);
    expect(Object.keys(collected.secrets)).toEqual([]);
  });

  it('takes a declared secret from the environment first, then from the bundle', () => {
    const collected = collectSecrets(['A', 'B'], {
      A: 'from-env',
      REMEDIATION_SECRETS: '{"A":"bundle-a","B":"bundle-b"}',
    });
    expect({ ...collected.secrets }).toEqual({ A: 'from-env', B: 'bundle-b' });
    expect(collected.masked.sort()).toEqual(['bundle-a', 'bundle-b', 'from-env']);
  });
});
