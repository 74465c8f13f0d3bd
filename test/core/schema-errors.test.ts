import { describe, expect, it } from 'vitest';
import { expectedForm, formatPath, pointerToPath, readSchemaError } from '../../src/core/schema-errors.ts';
import validateDefinition from '../../src/generated/remediation-validator.js';
import validateSnapshot from '../../src/generated/run-snapshot-validator.js';

const STEPS = [{ id: 'a', run: 'true' }];

/** The problems the remediation.yml validator reports for `value`. */
function definitionProblems(value: unknown) {
  expect(validateDefinition(value)).toBe(false);
  return (validateDefinition.errors ?? []).map(readSchemaError);
}

describe('readSchemaError', () => {
  it('names the unknown key, the missing key and the invalid key name', () => {
    expect(definitionProblems({ name: 'd', steps: STEPS, runz: [] })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ keyword: 'required', path: [], key: 'description' }),
        expect.objectContaining({ keyword: 'additionalProperties', path: [], key: 'runz' }),
      ]),
    );
    const named = definitionProblems({ name: 'd', description: 'x', steps: STEPS, outputs: { 'Bad Name': {} } });
    expect(named).toContainEqual(
      expect.objectContaining({ keyword: 'propertyNames', path: ['outputs'], name: 'Bad Name' }),
    );
  });

  it('gives a pattern with the description of its schema and the shared definition it comes from', () => {
    const [problem] = definitionProblems({
      name: 'd',
      description: 'x',
      steps: [{ ...STEPS[0], timeout: '5 minutes' }],
    });
    expect(problem).toEqual({
      keyword: 'pattern',
      path: ['steps', 0, 'timeout'],
      data: '5 minutes',
      message: 'must match pattern "^[1-9][0-9]{0,6}(ms|s|m|h)$"',
      pattern: '^[1-9][0-9]{0,6}(ms|s|m|h)$',
      description: 'A duration like 500ms, 30s, 5m or 2h.',
      definition: 'duration',
    });
    const [inline] = definitionProblems({ name: 'Bad', description: 'x', steps: STEPS });
    expect(inline).toMatchObject({ keyword: 'pattern', path: ['name'], definition: undefined });
  });

  it('lists the allowed types and enum values', () => {
    const problems = definitionProblems({
      name: 'd',
      description: 'x',
      inputs: { a: { type: 'string', default: [1] } },
      steps: [{ ...STEPS[0], shell: 'zsh' }],
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        keyword: 'type',
        path: ['inputs', 'a', 'default'],
        types: ['string', 'number', 'boolean'],
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ keyword: 'enum', path: ['steps', 0, 'shell'], values: ['bash', 'sh'], data: 'zsh' }),
    );
    const [single] = definitionProblems({ name: 'd', description: 3, steps: STEPS });
    expect(single).toMatchObject({ keyword: 'type', path: ['description'], types: ['string'] });
  });

  it('gives the constant expected, and passes other keywords on with ajv’s message', () => {
    expect(validateSnapshot({ tool: { name: 'other' } })).toBe(false);
    const problems = (validateSnapshot.errors ?? []).map(readSchemaError);
    expect(problems).toContainEqual(
      expect.objectContaining({ keyword: 'const', path: ['tool', 'name'], value: 'remediate', data: 'other' }),
    );
    const [tooLong] = definitionProblems({ name: 'd', description: 'x'.repeat(2001), steps: STEPS });
    expect(tooLong).toEqual({
      keyword: 'other',
      path: ['description'],
      data: 'x'.repeat(2001),
      message: 'must NOT have more than 2000 characters',
    });
  });
});

describe('expectedForm', () => {
  it('reads a description as what is expected, else shows the regex', () => {
    expect(expectedForm('^x$', 'A duration like 5m.')).toBe('a duration like 5m');
    expect(expectedForm('^x$', undefined)).toBe('a value matching /^x$/');
    expect(expectedForm('^x$', '')).toBe('a value matching /^x$/');
  });
});

describe('paths', () => {
  it('reads a JSON pointer, unescaping ~1 and ~0 and turning indexes into numbers', () => {
    expect(pointerToPath('')).toEqual([]);
    expect(pointerToPath('/steps/1/env/a~1b~0c')).toEqual(['steps', 1, 'env', 'a/b~c']);
  });

  it('formats a path the way definition and snapshot problems name it', () => {
    expect(formatPath(['steps', 1, 'timeout'])).toBe('steps[1].timeout');
    expect(formatPath([])).toBe('');
  });
});
