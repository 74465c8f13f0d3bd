import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DefinitionError, MAX_DEFINITION_BYTES, parseDefinition } from '../../src/core/definition-parser.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/hostile-definitions', name));

function issuesOf(text: string | Buffer, folder: string): string[] {
  try {
    parseDefinition(`remediations/${folder}/remediation.yml`, Buffer.from(text), folder);
  } catch (error) {
    if (error instanceof DefinitionError) return error.message.split('\n');
    throw error;
  }
  return [];
}

describe('parseDefinition', () => {
  it('parses a full definition and fills defaults', () => {
    const def = parseDefinition(
      'remediations/ok/remediation.yml',
      Buffer.from(`name: ok
description: fine
inputs:
  dir: { type: string, required: true, pattern: "^/" }
  limit: { type: integer, default: 10, minimum: 1 }
secrets: [API_TOKEN]
env: { MODE: safe }
timeout: 5m
check:
  - { id: probe, run: "test -d \\"$PARAM_DIR\\"" }
steps:
  - { id: fix, run: "echo fixing", retries: 2, timeout: 30s, continue-on-error: false, working-directory: sub/dir }
verify:
  - { id: confirm, run: "true" }
rollback:
  - { id: undo, run: "true", shell: sh }
`),
      'ok',
    );
    expect(def.inputs.limit).toEqual({ type: 'integer', default: 10, minimum: 1 });
    expect(def.check.map((s) => s.id)).toEqual(['probe']);
    expect(def.rollback[0]?.shell).toBe('sh');
    expect(def.secrets).toEqual(['API_TOKEN']);
  });

  it('points every error at file, line and column with a path and expected/got', () => {
    const issues = issuesOf(fixture('mixed-errors.yml'), 'mixed-errors');
    expect(issues).toContain(
      "remediations/mixed-errors/remediation.yml:10:14: steps[1].timeout: expected a duration like 500ms, 30s, 5m or 2h, got '5 minutes'",
    );
    expect(issues).toContain(
      "remediations/mixed-errors/remediation.yml:11:5: steps[1].surprise: unknown key 'surprise'",
    );
  });

  it('reports semantic errors: duplicate ids and a default failing its own constraints', () => {
    const text = fixture('mixed-errors.yml').toString().replace('    timeout: 5 minutes\n    surprise: true\n', '');
    const issues = issuesOf(text, 'mixed-errors');
    expect(issues.some((i) => /:8:9: steps\[1\]\.id: duplicate step id 'a'/.test(i))).toBe(true);
    expect(
      issues.some((i) =>
        /inputs\.count\.default: default fails its own constraints: expected at least 5, got 1/.test(i),
      ),
    ).toBe(true);
  });

  it('refuses a name that differs from its folder', () => {
    expect(issuesOf('name: other\ndescription: x\nsteps: [{id: a, run: "true"}]\n', 'mine')).toEqual([
      "remediations/mine/remediation.yml:1:7: name: expected 'mine' (the folder name), got 'other'",
    ]);
  });

  it('refuses ${{ }} expressions: nothing evaluates them here', () => {
    const issues = issuesOf(fixture('github-expression.yml'), 'expr');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/:7:10: steps\[0\]\.run: '\$\{\{ inputs\.target \}\}' is not evaluated here.*PARAM_/);
  });

  it('refuses a billion-laughs alias bomb without expanding it', () => {
    const issues = issuesOf(fixture('billion-laughs.yml'), 'bomb');
    expect(issues.join('\n')).toMatch(/cannot expand the document|alias/i);
  });

  it('refuses non-UTF-8 bytes', () => {
    expect(issuesOf(fixture('non-utf8.yml'), 'bad')).toEqual([
      'remediations/bad/remediation.yml:1:1: file is not valid UTF-8',
    ]);
  });

  it('refuses very large files before parsing them', () => {
    const huge = `name: big\ndescription: x\nsteps: [{id: a, run: "true"}]\n#${'x'.repeat(MAX_DEFINITION_BYTES)}\n`;
    expect(issuesOf(huge, 'big')[0]).toMatch(/at most 262144 are accepted/);
  });

  it('refuses duplicate keys and unknown top-level keys', () => {
    const issues = issuesOf('name: d\nname: d\ndescription: x\nsteps: [{id: a, run: "true"}]\n', 'd');
    expect(issues.join('\n')).toMatch(/unique/i);
    expect(issuesOf('name: d\ndescription: x\nsteps: [{id: a, run: "true"}]\nrunz: []\n', 'd')).toEqual([
      "remediations/d/remediation.yml:4:1: runz: unknown key 'runz'",
    ]);
  });

  it('refuses a timeout too long for a timer (it would fire at once)', () => {
    const issues = issuesOf(
      'name: t\ndescription: x\ntimeout: 600h\nsteps: [{id: a, run: "true", timeout: 9999999h}]\n',
      't',
    );
    expect(issues.join('\n')).toMatch(/timeout: expected a duration of at most 576h \(24 days\), got '600h'/);
    expect(issues.join('\n')).toMatch(/steps\[0\]\.timeout: expected a duration of at most 576h/);
  });

  it('refuses inputs or step ids whose environment names collide', () => {
    const issues = issuesOf(
      'name: c\ndescription: x\ninputs:\n  a-b: {type: string}\n  a_b: {type: string}\nsteps:\n  - {id: fix-a, run: "true"}\n  - {id: fix_a, run: "true"}\n',
      'c',
    );
    expect(issues.join('\n')).toMatch(/'a_b' and 'a-b' both become PARAM_A_B/);
    expect(issues.join('\n')).toMatch(/'fix_a' and 'fix-a' both become STEP_FIX_A_\*/);
  });

  it('refuses declared outputs whose STEP_ names collide (keys K2 and k2 of one step)', () => {
    const issues = issuesOf(
      'name: o\ndescription: x\noutputs:\n  one: {step: a, key: K2}\n  two: {step: a, key: k2}\n  same: {step: a, key: K2}\nsteps: [{id: a, run: "true"}]\n',
      'o',
    );
    expect(issues).toEqual([
      "remediations/o/remediation.yml:5:23: outputs.two.key: 'a/k2' and 'a/K2' both become STEP_A_K2; rename one",
    ]);
  });

  it('refuses a NUL byte in a script or an env value: a process cannot receive it', () => {
    const issues = issuesOf(
      'name: n\ndescription: x\nenv: {A: "x\\0y"}\nsteps:\n  - {id: a, run: "echo safe\\0; rm -rf /tmp/x", env: {B: "\\0"}}\n',
      'n',
    );
    expect(issues.map((i) => i.replace(/^[^ ]+ /, ''))).toEqual([
      'steps[0].run: contains a NUL byte, which a process cannot receive; remove it',
      'steps[0].env.B: contains a NUL byte, which a process cannot receive; remove it',
      'env.A: contains a NUL byte, which a process cannot receive; remove it',
    ]);
  });

  it('refuses ${{ }} in a step name too (the README says any ${{ }} is an error)', () => {
    const issues = issuesOf(
      'name: e\ndescription: x\nsteps: [{id: a, name: "fix ${{ inputs.host }}", run: "true"}]\n',
      'e',
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/steps\[0\]\.name: '\$\{\{ inputs\.host \}\}' is not evaluated here/);
  });

  it('refuses secret names remediate sets itself: the bundle, parameters, outputs, its own variables', () => {
    const issues = issuesOf(
      'name: s\ndescription: x\nsecrets: [REMEDIATION_SECRETS, PARAM_WHO, STEP_A_X, DB_PASSWORD]\nsteps: [{id: a, run: "true"}]\n',
      's',
    );
    expect(issues.map((i) => i.replace(/^[^ ]+ /, ''))).toEqual([
      "secrets[0]: 'REMEDIATION_SECRETS' is reserved (PARAM_*, STEP_*, REMEDIATION_* and REMEDIATE_* are set by remediate itself); name the secret otherwise",
      "secrets[1]: 'PARAM_WHO' is reserved (PARAM_*, STEP_*, REMEDIATION_* and REMEDIATE_* are set by remediate itself); name the secret otherwise",
      "secrets[2]: 'STEP_A_X' is reserved (PARAM_*, STEP_*, REMEDIATION_* and REMEDIATE_* are set by remediate itself); name the secret otherwise",
    ]);
  });

  it("refuses the runner's credentials as secret names (the OIDC request token would let a step attest as the workflow)", () => {
    const issues = issuesOf(
      'name: s\ndescription: x\nsecrets: [ACTIONS_ID_TOKEN_REQUEST_TOKEN, ACTIONS_ID_TOKEN_REQUEST_URL, actions_runtime_token]\nsteps: [{id: a, run: "true"}]\n',
      's',
    );
    expect(issues.map((i) => i.replace(/^[^ ]+ /, ''))).toEqual([
      "secrets[0]: 'ACTIONS_ID_TOKEN_REQUEST_TOKEN' is reserved (ACTIONS_* are the runner's own credentials, never handed to a step); name the secret otherwise",
      "secrets[1]: 'ACTIONS_ID_TOKEN_REQUEST_URL' is reserved (ACTIONS_* are the runner's own credentials, never handed to a step); name the secret otherwise",
      "secrets[2]: 'actions_runtime_token' is reserved (ACTIONS_* are the runner's own credentials, never handed to a step); name the secret otherwise",
    ]);
  });

  it('refuses ${{ }} in a working-directory and a NUL in a step name', () => {
    const issues = issuesOf(
      'name: w\ndescription: x\nsteps: [{id: a, name: "fix\\0", run: "true", working-directory: "${{ inputs.dir }}"}]\n',
      'w',
    );
    expect(issues.map((i) => i.replace(/^[^ ]+ /, ''))).toEqual([
      expect.stringMatching(/^steps\[0\]\.working-directory: '\$\{\{ inputs\.dir \}\}' is not evaluated here/),
      'steps[0].name: contains a NUL byte, which a process cannot receive; remove it',
    ]);
  });

  it('refuses a working-directory that escapes the workspace', () => {
    const issues = issuesOf('name: w\ndescription: x\nsteps: [{id: a, run: "true", working-directory: ../etc}]\n', 'w');
    expect(issues[0]).toMatch(
      /steps\[0\]\.working-directory: expected a relative path inside the run's fresh workspace/,
    );
  });
});

describe('circuit-breaker', () => {
  const withBreaker = (breaker: string) =>
    `name: cb\ndescription: x\ncircuit-breaker:\n${breaker}steps: [{ id: a, run: "true" }]\n`;
  const parse = (text: string) => parseDefinition('remediations/cb/remediation.yml', Buffer.from(text), 'cb');

  it('parses the field and defaults `per` to target', () => {
    expect(parse(withBreaker('  max-runs: 3\n  within: 1h\n'))['circuit-breaker']).toEqual({
      'max-runs': 3,
      within: '1h',
      per: 'target',
    });
    expect(parse(withBreaker('  max-runs: 1\n  within: 90s\n  per: remediation\n'))['circuit-breaker']).toEqual({
      'max-runs': 1,
      within: '90s',
      per: 'remediation',
    });
    expect(
      parse(withBreaker('  max-runs: 1\n  within: 90s\n').replace(/circuit-breaker:[^]*?steps/, 'steps')),
    ).not.toHaveProperty('circuit-breaker');
  });

  it.each([
    ['  max-runs: 0\n  within: 1h\n', /:4:13: circuit-breaker\.max-runs: must be >= 1, got 0/],
    ['  max-runs: 2.5\n  within: 1h\n', /:4:13: circuit-breaker\.max-runs: expected integer, got 2\.5/],
    ['  max-runs: "3"\n  within: 1h\n', /:4:13: circuit-breaker\.max-runs: expected integer, got '3'/],
    [
      '  max-runs: 3\n  within: 1 hour\n',
      /:5:11: circuit-breaker\.within: expected a duration like 500ms, 30s, 5m or 2h, got '1 hour'/,
    ],
    [
      '  max-runs: 3\n  within: 600h\n',
      /:5:11: circuit-breaker\.within: expected a duration of at most 576h \(24 days\), got '600h'/,
    ],
    [
      '  max-runs: 3\n  within: 1h\n  per: host\n',
      /:6:8: circuit-breaker\.per: expected one of "target", "remediation", got 'host'/,
    ],
    ['  max-runs: 3\n', /:4:3: circuit-breaker: missing required key 'within'/],
    ['  max-runs: 3\n  within: 1h\n  max-run: 4\n', /:6:3: circuit-breaker\.max-run: unknown key 'max-run'/],
  ])('refuses %j with a located error', (breaker, expected) => {
    expect(issuesOf(withBreaker(breaker), 'cb').join('\n')).toMatch(expected);
  });
});
