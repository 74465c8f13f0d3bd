import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  factConflicts,
  parseTargetFacts,
  parseTargetsConfig,
  resolveTarget,
  targetFactEnvName,
  TargetsConfigError,
  type TargetsConfig,
} from '../../src/core/targets-config.ts';
import { thrown } from '../helpers/errors.ts';
import { HOSTILE_TARGET_NAMES, TARGETS_FIXTURES } from '../helpers/targets.ts';

const fixture = (name: string) => readFileSync(join(TARGETS_FIXTURES, name));

const bytes = (text: string) => Buffer.from(text);

function issuesOf(input: string | Uint8Array): string[] {
  const error = thrown(() => parseTargetsConfig(typeof input === 'string' ? bytes(input) : input, 'targets.yml'));
  if (error === undefined) return [];
  expect(error).toBeInstanceOf(TargetsConfigError);
  expect(error.code).toBe('INVALID_CONFIG');
  expect(error.exitCode).toBe(2);
  return (error as TargetsConfigError).issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`);
}

describe('parseTargetsConfig', () => {
  it('reads each target: one label or a list as runs-on, facts as strings', () => {
    const config = parseTargetsConfig(fixture('targets.yml'), 'targets.yml');
    expect([...config.targets.keys()]).toEqual(['web-1', 'web-2', 'db:primary']);
    expect(config.targets.get('web-1')).toEqual({ runsOn: ['self-hosted', 'linux', 'web-1'], facts: {} });
    expect(config.targets.get('web-2')).toEqual({ runsOn: ['web-2'], facts: { zone: 'eu-west-1a' } });
    expect(config.targets.get('db:primary')?.facts).toEqual({
      ssh_host: 'db-1.zone-b.internal',
      ssh_known_hosts: 'db-1.zone-b.internal ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHostKeyForTests',
      port: '5432',
    });
  });

  it('lists every problem at file:line:col (hostile-targets.yml)', () => {
    expect(issuesOf(fixture('hostile-targets.yml'))).toEqual([
      "2:3 targets.-oProxyCommand=sh: expected a target: letters, digits and . _ : @ / -, starting with a letter or digit, at most 200, got '-oProxyCommand=sh'",
      '5:14 targets.web-1.runs-on: expected at least one runner label',
      "7:14 targets.web-2.runs-on: expected a runner label: letters, digits and . _ -, starting with a letter or digit, at most 100, got 'self hosted'",
      '9:14 targets.web-3.runs-on: must NOT have duplicate items (items ## 0 and 1 are identical), got a list',
      "11:7 targets.web-3.facts.SSH_HOST: expected a fact name: lower-case letters, digits and _, starting with a letter, at most 63, got 'SSH_HOST'",
      '12:17 targets.web-3.facts.ssh_port: expected string, got 22',
      // One line: the newline of the value is shown escaped, so it cannot start a line of its own.
      "13:15 targets.web-3.facts.banner: expected a fact value: a string of at most 4096 characters on one line (no control characters), got 'line one\\nline two'",
      "15:5 targets.web-4: missing required key 'runs-on'",
      "15:5 targets.web-4.labels: unknown key 'labels'",
    ]);
  });

  it("refuses two targets that differ only in case, at the second one's key", () => {
    expect(issuesOf('targets:\n  web-1: { runs-on: a }\n  WEB-1: { runs-on: b }\n')).toEqual([
      "3:3 targets.WEB-1: 'WEB-1' differs from 'web-1' only in case; list it once",
    ]);
  });

  it('refuses hostile YAML: duplicate keys, alias bombs, oversized or non-UTF-8 files, empty or odd documents', () => {
    expect(issuesOf('targets:\n  a: { runs-on: x }\n  a: { runs-on: y }\n')[0]).toMatch(
      /^3:3 : Map keys must be unique/,
    );
    const bomb = `x: &a [l, l, l, l, l, l, l, l, l, l]
y: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
z: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
targets: { t: { runs-on: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c] } }
`;
    expect(issuesOf(bomb)[0]).toMatch(/cannot expand the document/);
    expect(issuesOf(`# ${'x'.repeat(1024 * 1024)}\n`)[0]).toMatch(/at most 1048576 are accepted/);
    expect(issuesOf(Buffer.from([0x74, 0x3a, 0x20, 0xff, 0x0a]))).toEqual(['1:1 : file is not valid UTF-8']);
    expect(issuesOf('targets: {}\n')).toEqual([
      '1:10 targets: expected at least one target: an empty file would refuse every run',
    ]);
    expect(issuesOf('- web-1\n')).toEqual(['1:1 : expected object, got a list']);
    expect(issuesOf('')).toEqual(['1:1 : expected object, got null']);
    expect(issuesOf('targets: { a: { runs-on: x } }\ndefault: { runs-on: y }\n')).toEqual([
      "2:1 default: unknown key 'default'",
    ]);
  });

  it('refuses a hostile name as a key of the file, each at its key', () => {
    for (const [attack, name] of Object.entries(HOSTILE_TARGET_NAMES)) {
      const issues = issuesOf(`targets:\n  ${JSON.stringify(name)}: { runs-on: linux }\n`);
      expect(issues, attack).toHaveLength(1);
      expect(issues[0], attack).toMatch(/^2:3 targets\.[^\n]*: expected a target: /);
    }
    expect(issuesOf(`targets:\n  ${'a'.repeat(201)}: { runs-on: linux }\n`)[0]).toMatch(/expected a target: /);
    expect(issuesOf(`targets:\n  ${'a'.repeat(200)}: { runs-on: linux }\n`)).toEqual([]);
  });
});

describe('resolveTarget', () => {
  const config: TargetsConfig = parseTargetsConfig(fixture('targets.yml'), 'remediations/targets.yml');

  it("returns a listed target's route", () => {
    expect(resolveTarget(config, 'db:primary', 'remediations/targets.yml')).toEqual({
      runsOn: ['self-hosted', 'zone-b'],
      facts: expect.objectContaining({ ssh_host: 'db-1.zone-b.internal' }) as unknown,
    });
  });

  it('refuses a target the file does not list (UNKNOWN_TARGET, exit 3): no default route', () => {
    for (const name of ['web-3', 'WEB-1', 'web-1.example.com']) {
      const error = thrown(() => resolveTarget(config, name, 'remediations/targets.yml'));
      expect(error?.code, name).toBe('UNKNOWN_TARGET');
      expect(error?.exitCode).toBe(3);
      expect(error?.message).toContain('remediations/targets.yml');
    }
  });

  it('finds nothing for names of Object properties (a Map, not an object lookup)', () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf'])
      expect(thrown(() => resolveTarget(config, name, 't.yml'))?.code, name).toBe('UNKNOWN_TARGET');
  });

  it('refuses hostile target names (USAGE, exit 2) before looking, showing them escaped on one line', () => {
    const cases = { ...HOSTILE_TARGET_NAMES, 'a very long name': `web-${'1'.repeat(500)}`, __proto__: '__proto__' };
    for (const [attack, name] of Object.entries(cases)) {
      const error = thrown(() => resolveTarget(config, name, 't.yml'));
      expect(error?.code, attack).toBe('USAGE');
      expect(error?.exitCode, attack).toBe(2);
      expect(error?.message, attack).not.toContain('\n');
      expect(error?.message.length, attack).toBeLessThan(200);
    }
  });
});

describe('parseTargetFacts (the Action input target-facts)', () => {
  it('reads a JSON object of strings; empty and null are no facts', () => {
    expect(parseTargetFacts('{"ssh_host": "web-1.internal", "zone": ""}', 'input')).toEqual({
      ssh_host: 'web-1.internal',
      zone: '',
    });
    expect(parseTargetFacts('', 'input')).toEqual({});
    expect(parseTargetFacts(' null ', 'input')).toEqual({});
  });

  it('keeps a fact named like an Object property a plain fact', () => {
    const facts = parseTargetFacts('{"constructor": "x"}', 'input');
    expect(Object.getPrototypeOf(facts)).toBeNull();
    expect(facts.constructor).toBe('x');
  });

  it.each([
    ['not JSON', '{ssh_host: x}'],
    ['a list', '["x"]'],
    ['a number value', '{"port": 22}'],
    ['an upper-case name', '{"SSH_HOST": "x"}'],
    ['a name that is not a variable name', '{"a;b": "x"}'],
    ['__proto__', '{"__proto__": "x"}'],
    ['a newline in a value', '{"x": "a\\n::set-output name=y::z"}'],
    ['a NUL in a value', '{"x": "a\\u0000b"}'],
    ['a lone surrogate', '{"x": "\\ud800"}'],
    ['an overlong value', JSON.stringify({ x: 'a'.repeat(4097) })],
    ['too many facts', JSON.stringify(Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`f${i}`, 'v'])))],
  ])('refuses %s (INVALID_PARAMS, exit 2)', (_label, text) => {
    const error = thrown(() => parseTargetFacts(text, "input 'target-facts'"));
    expect(error?.code).toBe('INVALID_PARAMS');
    expect(error?.message).toMatch(/^input 'target-facts': /);
  });
});

describe('fact variables', () => {
  it('are TARGET_ and the upper-cased name', () => {
    expect(targetFactEnvName('ssh_host')).toBe('TARGET_SSH_HOST');
  });

  it('conflict with names the definition sets itself', () => {
    expect(factConflicts({ zone: 'a', ssh_host: 'b' }, ['TARGET_ZONE', 'PATH'])).toEqual(['TARGET_ZONE']);
    expect(factConflicts({ zone: 'a' }, ['target_zone'])).toEqual([]);
  });
});
