import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/core/param-validation.ts';
import { thrown } from '../helpers/errors.ts';

const inputs = {
  mode: { type: 'string' as const, default: '0644', pattern: '^0[0-7]{3}$' },
  count: { type: 'integer' as const, minimum: 1, maximum: 10, default: 3 },
  dry: { type: 'boolean' as const },
};

function problem(given: Record<string, unknown>): string {
  return thrown(() => resolveParams(inputs, given))?.message ?? 'accepted';
}

describe('resolveParams', () => {
  it('fills defaults and keeps given values', () => {
    expect(resolveParams(inputs, { count: 5, dry: true })).toEqual({ mode: '0644', count: 5, dry: true });
  });

  it('refuses an explicit null instead of falling back to the default', () => {
    expect(problem({ mode: null })).toMatch(/parameter 'mode': expected a string, got null/);
  });

  it('refuses wrong types, bounds, patterns and unknown names', () => {
    expect(problem({ count: '5' })).toMatch(/expected an integer, got '5'/);
    expect(problem({ count: 11 })).toMatch(/expected at most 10, got 11/);
    expect(problem({ mode: '0999' })).toMatch(/expected a value matching/);
    expect(problem({ other: 1 })).toMatch(/unknown parameter 'other'/);
  });
});
