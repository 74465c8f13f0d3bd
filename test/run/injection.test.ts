import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseRemediation, type Released } from '../helpers/released.ts';

const corpus = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/injection-payloads.json'), 'utf8')) as {
  accepted: Record<string, string>;
  refused: { 'NUL byte': string; '1 MB string': { repeat: string; times: number } };
};

let r: Released;
beforeAll(async () => {
  r = await releaseRemediation(
    'echo-param',
    [
      'name: echo-param',
      'description: writes its parameter to a file, verbatim',
      'inputs:',
      '  value: { type: string, required: true, max-length: 8192 }',
      '  label: { type: string, required: true, pattern: "^[a-z0-9-]+$" }',
      'steps:',
      '  - id: write',
      '    run: |',
      '      printf "%s" "$PARAM_VALUE" > "$HOME/received-$PARAM_LABEL"',
      '      echo "$PARAM_VALUE"',
      '      echo "$PARAM_VALUE" >&2',
      '',
    ].join('\n'),
  );
});
afterAll(() => r.repo.remove());

const labelOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

describe('hostile parameter values', () => {
  it.each(Object.entries(corpus.accepted))(
    '%s: reaches the step byte-for-byte and never executes',
    async (name, value) => {
      const label = labelOf(name);
      const file = r.repo.path(`params-${label}.json`);
      writeFileSync(file, JSON.stringify({ value, label }));
      const result = await r.run(['--params-file', file], { HOME: r.repo.dir });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(readFileSync(r.repo.path(`received-${label}`), 'utf8')).toBe(value);
      // Nothing the payload tried to run ran.
      expect(readdirSync(r.repo.dir).filter((f) => f.startsWith('pwned'))).toEqual([]);
      // And nothing became an output: the step declared none and wrote none.
      const dir = r.records().find((d) => r.snapshot(d).params?.values.label === label)!;
      const snap = r.snapshot(dir);
      expect(snap.steps[0]!.outputs).toEqual({});
      expect(snap.outputs).toEqual({});
      expect(snap.params?.values.value).toBe(value);
    },
  );

  it('passes the same values through --param key=value unchanged', async () => {
    const value = corpus.accepted['command substitution']!;
    const result = await r.run(['--param', `value=${value}`, '--param', 'label=cli'], { HOME: r.repo.dir });
    expect(result.code).toBe(0);
    expect(readFileSync(r.repo.path('received-cli'), 'utf8')).toBe(value);
    expect(existsSync(r.repo.path('pwned-subst'))).toBe(false);
  });

  it('refuses a NUL byte (it cannot be carried in the environment) with exit 2', async () => {
    const file = r.repo.path('params-nul.json');
    writeFileSync(file, JSON.stringify({ value: corpus.refused['NUL byte'], label: 'nul' }));
    const result = await r.run(['--params-file', file], { HOME: r.repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\[INVALID_PARAMS\].*NUL/);
    expect(existsSync(r.repo.path('received-nul'))).toBe(false);
  });

  it('refuses a 1 MB value before anything runs, from a payload file or the command line', async () => {
    const big = corpus.refused['1 MB string'];
    const file = r.repo.path('params-big.json');
    writeFileSync(file, JSON.stringify({ value: big.repeat.repeat(big.times), label: 'big' }));
    const fromFile = await r.run(['--params-file', file], { HOME: r.repo.dir });
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toMatch(/\[INVALID_PARAMS\].*at most 65536/);
    // A single argv string is capped by the kernel at 128 KiB, so the CLI path is tried at 64 KiB.
    const fromCli = await r.run(['--param', `value=${big.repeat.repeat(65536)}`, '--param', 'label=big'], {
      HOME: r.repo.dir,
    });
    expect(fromCli.code).toBe(2);
    expect(fromCli.stderr).toMatch(/expected at most 8192 bytes/);
    expect(existsSync(r.repo.path('received-big'))).toBe(false);
  });

  it('refuses unknown parameters, wrong types and nested objects', async () => {
    const file = r.repo.path('params-bad.json');
    writeFileSync(file, JSON.stringify({ value: { nested: { deep: [1, 2, 3] } }, label: 'x', extra: 'y' }));
    const result = await r.run(['--params-file', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown parameter 'extra'/);
    expect(result.stderr).toMatch(/parameter 'value': expected a string, got an object/);
  });

  it('refuses prototype-polluting parameter names as unknown, from the command line and from JSON', async () => {
    const cli = await r.run(['--param', '__proto__=x', '--param', 'value=v', '--param', 'label=p']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/unknown parameter '__proto__'/);
    const file = r.repo.path('params-proto.json');
    writeFileSync(file, '{"value": "v", "label": "p", "__proto__": {"polluted": true}}');
    const json = await r.run(['--params-file', file]);
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/unknown parameter '__proto__'/);
  });

  it('refuses a label that fails its pattern (validation, not escaping)', async () => {
    const result = await r.run(['--param', 'value=x', '--param', 'label=../../etc/passwd']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/parameter 'label': expected a value matching/);
  });
});
