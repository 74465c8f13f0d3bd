// The `record-suffix` input names artifacts, release tags and record folders (issue 11, item 17).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_SUFFIX, readActionSettings, recordSuffix } from '../../src/action/settings.ts';
import { artifactName, runReleaseTag } from '../../src/action/record-publisher.ts';
import { isRecordOfAttempt } from '../../src/app/fleet-gate.ts';
import { parseVersionRef } from '../../src/core/version-ref.ts';

const env = { GITHUB_WORKSPACE: '/ws', RUNNER_TEMP: '/tmp/rt', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '1' };
const settingsWith = (suffix: string) =>
  readActionSettings(
    (name) => ({ remediation: 'svc@v1.0.0', 'trusted-keys': 'keys/k.pub', 'record-suffix': suffix })[name] ?? '',
    env,
  );

/** Suffixes that used to become invalid tags, vanish, or collide with another. */
const HOSTILE_SUFFIXES = [
  'a b',
  'a-b',
  'a_b',
  'a_20b',
  'x.lock',
  'x_2elock',
  'x.',
  'x..y',
  'é',
  'e',
  '',
  '.',
  '..',
  '@{u}',
  'web-1.example.com:8080',
  'web-1.example.com-8080',
  'svc/ns@eu',
  'tab\there',
  'a'.repeat(200),
  `${'a'.repeat(199)}b`,
  `${'a'.repeat(29)}:${'b'.repeat(100)}`,
  `${'a'.repeat(29)}:${'b'.repeat(101)}`,
];

/** Whether git accepts `name` as a full ref name (check-ref-format). */
function validRef(name: string): boolean {
  try {
    execFileSync('git', ['check-ref-format', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('record-suffix', () => {
  it('gives distinct suffixes distinct names', () => {
    const encoded = HOSTILE_SUFFIXES.map((s) => settingsWith(s).recordSuffix);
    expect(new Set(encoded).size).toBe(HOSTILE_SUFFIXES.length);
    expect(recordSuffix('a b')).toBe('a_20b');
    expect(recordSuffix('a-b')).toBe('a-b');
    expect(recordSuffix('é')).toBe('_c3_a9');
  });

  it('makes valid tag names, artifact names and record folder names of every one', () => {
    const ref = parseVersionRef('svc@v1.0.0');
    for (const suffix of HOSTILE_SUFFIXES.filter((s) => s.trim() !== '')) {
      const encoded = recordSuffix(suffix);
      expect(encoded.length, suffix).toBeLessThanOrEqual(MAX_RECORD_SUFFIX);
      expect(encoded, suffix).toMatch(/^[A-Za-z0-9._-]+$/);
      expect(encoded, suffix).not.toMatch(/\.\.|\.$|\.lock$/);
      expect(validRef(`refs/tags/${runReleaseTag(ref, '9876543210', '1', encoded)}`), suffix).toBe(true);
      // The record folder's run id: run.ts accepts /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.
      expect(`9876543210-1-${encoded}`, suffix).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/);
      const artifact = artifactName(ref, '9876543210', '1', encoded);
      // artifactName replaces what artifacts forbid: an encoded suffix has nothing to replace.
      expect(artifact, suffix).toBe(`remediation-svc-v1.0.0-9876543210-1-${encoded}`);
      // The fleet gate downloads exactly the records of its run attempt by this name.
      expect(isRecordOfAttempt(artifact, 9876543210, 1), suffix).toBe(true);
    }
  });

  it('the tag check above can fail: the old mapping kept a final .lock', () => {
    expect(validRef('refs/tags/svc/v1.0.0/runs/1-1-x.lock')).toBe(false);
    expect(validRef('refs/tags/svc/v1.0.0/runs/1-1-x.')).toBe(false);
  });
});

describe('readActionSettings: the runner and the request (issue 12)', () => {
  const inputs = (extra: Record<string, string>) => (name: string) =>
    ({ remediation: 'svc@v1.0.0', 'trusted-keys': 'keys/k.pub', ...extra })[name] ?? '';

  it('takes the threshold bounds the CLI takes, 1 to 100, and 1 when none is given', () => {
    expect(readActionSettings(inputs({}), env).threshold).toBe(1);
    expect(readActionSettings(inputs({ threshold: '100' }), env).threshold).toBe(100);
    for (const threshold of ['0', '101']) {
      expect(() => readActionSettings(inputs({ threshold }), env)).toThrow(
        `input 'threshold': expected a whole number from 1 to 100, got '${threshold}'`,
      );
    }
  });

  it('reads the runner variables once, with the token from its input', () => {
    const settings = readActionSettings(inputs({ 'github-token': 'ghs_input' }), {
      ...env,
      GITHUB_SHA: 'b'.repeat(40),
      GITHUB_TOKEN: 'not-this-one',
    });
    expect(settings.token).toBe('ghs_input');
    expect(settings.runnerTemp).toBe('/tmp/rt');
    expect(settings.outDir).toBe('/tmp/rt/remediate-runs');
    expect(settings.github.sha).toBe('b'.repeat(40));
    expect([settings.runId, settings.runAttempt, settings.repository]).toEqual(['1', '1', 'o/r']);
  });

  it('refuses a relative RUNNER_TEMP instead of writing records into the checkout', () => {
    expect(() => readActionSettings(inputs({}), { ...env, RUNNER_TEMP: 'tmp' })).toThrow(
      "RUNNER_TEMP: expected an absolute path, got 'tmp'",
    );
    expect(() => readActionSettings(inputs({}), { ...env, RUNNER_TEMP: '' })).toThrow(/missing RUNNER_TEMP/);
  });
});

describe('target', () => {
  const withTarget = (target: string) =>
    readActionSettings(
      (name) => ({ remediation: 'svc@v1.0.0', 'trusted-keys': 'keys/k.pub', target })[name] ?? '',
      env,
    );

  it('is a short label, or undefined when empty', () => {
    expect(withTarget('web-1.example.com:8080').target).toBe('web-1.example.com:8080');
    expect(withTarget('').target).toBeUndefined();
    // The dispatch payload's limit: a target the payload accepts is never refused here.
    expect(withTarget('a'.repeat(200)).target).toHaveLength(200);
  });

  it('refuses anything else naming the input', () => {
    for (const bad of ['-x', 'a b', 'a;rm -rf /', `${'a'.repeat(201)}`, '.x', '$(id)']) {
      expect(() => withTarget(bad)).toThrow(/input 'target': expected a short label/);
    }
  });
});

describe('idempotency-key', () => {
  const withKey = (key: string) =>
    readActionSettings(
      (name) => ({ remediation: 'svc@v1.0.0', 'trusted-keys': 'keys/k.pub', 'idempotency-key': key })[name] ?? '',
      env,
    );

  it('is the trimmed key, or undefined when empty (the run then derives it from the event)', () => {
    expect(withKey(' PD-Q1ABC ').idempotencyKey).toBe('PD-Q1ABC');
    expect(withKey('').idempotencyKey).toBeUndefined();
    expect(withKey('  ').idempotencyKey).toBeUndefined();
  });

  // Attack: a key that spans lines is printed in refusals and the job log, where a second line
  // could read as a workflow command.
  it('refuses anything but one line of visible ASCII, naming the input', () => {
    for (const bad of ['a b', 'a\n::set-output name=x::y', 'x'.repeat(257), 'clé']) {
      expect(() => withKey(bad)).toThrow(/input 'idempotency-key': expected an idempotency key/);
    }
  });
});
