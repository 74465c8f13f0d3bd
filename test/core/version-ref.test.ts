import { describe, expect, it } from 'vitest';
import { assertReleasable, makeVersionRef, parseVersionRef, UNRELEASED_VERSION } from '../../src/core/version-ref.ts';
import { UsageError } from '../../src/errors.ts';
import { thrown } from '../helpers/errors.ts';

describe('parseVersionRef', () => {
  it('parses an exact version and derives its tag', () => {
    expect(parseVersionRef('restart-service@v1.2.0')).toEqual({
      name: 'restart-service',
      version: 'v1.2.0',
      tag: 'restart-service/v1.2.0',
    });
    expect(parseVersionRef('x@v1.0.0-rc.1+build.5').version).toBe('v1.0.0-rc.1+build.5');
  });

  it.each([
    'restart-service@latest',
    'restart-service@main',
    'restart-service@^1.2.0',
    'restart-service@~1.2',
    'restart-service@1.2.0',
    'restart-service@v1.2',
    'restart-service@a1b2c3d',
    'restart-service@v01.2.0',
    'restart-service',
    '@v1.0.0',
    '../x@v1.0.0',
    'a/b@v1.0.0',
    'UPPER@v1.0.0',
  ])('refuses floating or malformed reference %s and says how to pin', (text) => {
    const caught = thrown(() => parseVersionRef(text));
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).code).toBe('INVALID_REFERENCE');
  });

  it('tells the user how to pin when given a range', () => {
    expect(() => parseVersionRef('svc@^1.0.0')).toThrow(/pin an exact released version/);
  });
});

describe('the version of unreleased runs (found by review)', () => {
  // Attack: a released x@v0.0.0-unreleased would share its version, tag and record folders with
  // `remediate try` runs; a receipt's version alone could no longer tell them apart.
  it('is refused wherever a version is named to run or release', () => {
    expect(() => parseVersionRef(`svc@${UNRELEASED_VERSION}`)).toThrow(/reserved for unreleased runs/);
    expect(() => assertReleasable(makeVersionRef('svc', UNRELEASED_VERSION))).toThrow(UsageError);
    expect(assertReleasable(makeVersionRef('svc', 'v0.0.0-rc.1')).version).toBe('v0.0.0-rc.1');
  });
});
