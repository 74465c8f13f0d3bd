// The edit distance behind "did you mean ...?": typos are near, other words are not.
import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean, editDistance } from '../../src/core/closest-match.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('release', 'release')).toBe(0);
    expect(editDistance('relase', 'release')).toBe(1);
    expect(editDistance('releasee', 'release')).toBe(1);
    expect(editDistance('relaese', 'release')).toBe(1);
    expect(editDistance('', 'run')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('counts a swap of two neighbouring characters as one edit', () => {
    expect(editDistance('--trusted-kye', '--trusted-key')).toBe(1);
    expect(editDistance('verfiy', 'verify')).toBe(1);
  });
});

describe('closestMatch', () => {
  const commands = ['release', 'replay', 'run', 'runs', 'verify', 'verify-run', 'yank'];

  it('suggests the nearest candidate for a typo', () => {
    expect(closestMatch('relase', commands)).toBe('release');
    expect(closestMatch('verfy', commands)).toBe('verify');
    expect(closestMatch('ran', commands)).toBe('run');
    expect(closestMatch('RUN', commands)).toBe('run');
  });

  it('suggests nothing for a word that is not a typo of any candidate', () => {
    expect(closestMatch('frobnicate', commands)).toBeUndefined();
    expect(closestMatch('x', ['keygen', 'digest'])).toBeUndefined();
    expect(closestMatch('run', [])).toBeUndefined();
  });

  it('gives ties to the earlier candidate', () => {
    expect(closestMatch('rux', ['run', 'rum'])).toBe('run');
    expect(closestMatch('rux', ['rum', 'run'])).toBe('rum');
  });

  it('words the suggestion for an error message, or adds nothing', () => {
    expect(didYouMean('relase', commands)).toBe("; did you mean 'release'?");
    expect(didYouMean('frobnicate', commands)).toBe('');
  });
});
