// The one parser of a params JSON object: the Action's `params` input and the CLI's --params-file.
import { describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES } from '../../src/core/dispatch-payload.ts';
import { parseParamsJson } from '../../src/core/params-json.ts';
import { thrown } from '../helpers/errors.ts';

describe('parseParamsJson', () => {
  it('returns the object as given; its values are checked later against the inputs', () => {
    expect(parseParamsJson('{"who": "ops", "count": 3, "dry": true}', 'x')).toEqual({
      who: 'ops',
      count: 3,
      dry: true,
    });
  });

  it('takes exactly as much as a repository_dispatch payload can carry, and refuses one byte more unparsed', () => {
    const fitting = `{"v":"${'a'.repeat(MAX_PAYLOAD_BYTES - 8)}"}`;
    expect(Buffer.byteLength(fitting)).toBe(MAX_PAYLOAD_BYTES);
    expect(parseParamsJson(fitting, 'x').v).toHaveLength(MAX_PAYLOAD_BYTES - 8);
    // One byte over, and not JSON either: the size is refused before the text is parsed.
    const error = thrown(() => parseParamsJson(`${fitting}{`, "input 'params'"));
    expect(error?.code).toBe('INVALID_PARAMS');
    expect(error?.message).toBe(
      `input 'params' is ${MAX_PAYLOAD_BYTES + 1} bytes; at most ${MAX_PAYLOAD_BYTES} bytes are accepted`,
    );
    // UTF-8 bytes, not characters: 'é' is two.
    expect(thrown(() => parseParamsJson(`{"v":"${'é'.repeat(MAX_PAYLOAD_BYTES / 2)}"}`, 'x'))?.code).toBe(
      'INVALID_PARAMS',
    );
  });

  it('refuses text that is not JSON, naming the source and adding the hint it was given', () => {
    const error = thrown(() => parseParamsJson('{who: ops}', "input 'params'", 'e.g. ${{ toJSON(x) }}'));
    expect(error?.code).toBe('INVALID_PARAMS');
    expect(error?.message).toBe(
      "input 'params': expected a JSON object of parameters, got text that is not JSON; e.g. ${{ toJSON(x) }}",
    );
    expect(thrown(() => parseParamsJson('', '--params-file p.json'))?.message).toMatch(
      /^--params-file p\.json: expected a JSON object of parameters, got text that is not JSON$/,
    );
  });

  it('refuses JSON that is not an object', () => {
    const got = (text: string) => thrown(() => parseParamsJson(text, 'p'))?.message;
    expect(got('[1, 2]')).toBe('p: expected a JSON object of parameters, got an array');
    expect(got('null')).toBe('p: expected a JSON object of parameters, got null');
    expect(got('"who=ops"')).toBe('p: expected a JSON object of parameters, got string');
    expect(got('42')).toBe('p: expected a JSON object of parameters, got number');
  });
});
