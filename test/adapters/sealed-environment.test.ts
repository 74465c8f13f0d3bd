// Item 2 of the hardening issue: values the tool holds but the version did not declare. A step
// runs as the same user as the tool and can read /proc/$PPID/environ; the tool's own tokens, the
// whole REMEDIATION_SECRETS bundle and the caller's cloud credentials must not be there, and
// whatever a step prints of them anyway must not reach the record.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  HANDOFF_VARIABLE,
  openHandoff,
  sealHandoff,
  credentialValues,
  isCredentialName,
  sealEnvironment,
} from '../../src/adapters/sealed-environment.ts';
import { recordBytes, releaseRemediation, type Released } from '../helpers/released.ts';

const AWS = 'aws-secret-0123456789abcdef';
const TOKEN = 'ghs_tooltoken0123456789';
const UNDECLARED = 'bundle-only-value-42';
const DECLARED = 'declared-value-77';

let current: Released | undefined;
afterEach(() => current?.repo.remove());

const callerEnv = {
  AWS_SECRET_ACCESS_KEY: AWS,
  GITHUB_TOKEN: TOKEN,
  REMEDIATION_SECRETS: JSON.stringify({ UNDECLARED, DB_PASSWORD: DECLARED }),
  HARMLESS_SETTING: 'visible-on-purpose',
};

describe("the tool's own credentials", () => {
  it('are not in the environment block a step can read through /proc/$PPID/environ', async () => {
    current = await releaseRemediation(
      'svc',
      [
        'name: svc',
        'description: reads its parent environment',
        'secrets: [DB_PASSWORD]',
        'steps:',
        '  - id: snoop',
        '    run: |',
        '      echo "parent names: $(tr "\\0" "\\n" < /proc/$PPID/environ | sed "s/=.*//" | sort | tr "\\n" " ")"',
        '      echo "handoff named: ${REMEDIATE_SEALED_ENV:-none}"',
        '',
      ].join('\n'),
    );
    const result = await current.run([], callerEnv);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const log = readFileSync(join(current.records()[0]!, 'run.log'), 'utf8');
    const names = /parent names: (.*)/.exec(log)?.[1]?.trim().split(' ') ?? [];
    // The step did read the block (PATH is kept), and found none of the credentials there.
    expect(names).toContain('PATH');
    for (const name of [
      'AWS_SECRET_ACCESS_KEY',
      'GITHUB_TOKEN',
      'REMEDIATION_SECRETS',
      'DB_PASSWORD',
      'HARMLESS_SETTING',
    ])
      expect(names).not.toContain(name);
    expect(names).toContain(HANDOFF_VARIABLE);
    expect(log).toContain('handoff named: none');
    const bytes = recordBytes(current.records()[0]!).toString('utf8');
    for (const value of [AWS, TOKEN, UNDECLARED, DECLARED]) expect(bytes).not.toContain(value);
  });

  it('are in no other process of the tool a step can find (its git helper ends before steps start)', async () => {
    current = await releaseRemediation(
      'svc',
      [
        'name: svc',
        'description: reads the environment of every sibling process',
        'steps:',
        '  - id: snoop',
        '    run: |',
        '      for p in /proc/[0-9]*; do',
        '        [ "${p#/proc/}" = "$$" ] && continue',
        '        ppid=$(awk \'{print $4}\' "$p/stat" 2>/dev/null) || continue',
        '        [ "$ppid" = "$PPID" ] || continue',
        '        echo "sibling: $(tr "\\0" " " < "$p/cmdline")"',
        // Reversed, so that redaction of the record cannot hide what was found.
        '        echo "env: $(tr "\\0" " " < "$p/environ" | rev)"',
        '      done',
        '',
      ].join('\n'),
    );
    const result = await current.run([], callerEnv);
    expect(result.code).toBe(0);
    const log = readFileSync(join(current.records()[0]!, 'run.log'), 'utf8');
    expect(log).not.toMatch(/sibling: git cat-file/);
    const found = [...log.matchAll(/env: (.*)/g)].map((m) => [...(m[1] ?? '')].reverse().join(''));
    for (const value of [AWS, TOKEN, UNDECLARED, DECLARED]) for (const env of found) expect(env).not.toContain(value);
  });

  it('are redacted from the record when a step prints them anyway, declared or not', async () => {
    current = await releaseRemediation(
      'svc',
      [
        'name: svc',
        'description: prints values it was not given',
        'steps:',
        `  - { id: leak, run: 'echo "${AWS} ${TOKEN} ${UNDECLARED} visible-on-purpose"' }`,
        '',
      ].join('\n'),
    );
    const result = await current.run([], callerEnv);
    expect(result.code).toBe(0);
    const log = readFileSync(join(current.records()[0]!, 'run.log'), 'utf8');
    expect(log).toContain('*** *** *** visible-on-purpose');
    // definition.tar is the released definition as committed, which here spells the values out.
    const bytes = recordBytes(current.records()[0]!, ['definition.tar']).toString('utf8');
    for (const value of [AWS, TOKEN, UNDECLARED]) expect(bytes).not.toContain(value);
  });

  it('are recognised by name, with a minimum length for values found that way', () => {
    for (const name of [
      'GITHUB_TOKEN',
      'INPUT_GITHUB-TOKEN',
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'REMEDIATION_SECRETS',
      'DB_PASSWORD',
      'STRIPE_API_KEY',
    ])
      expect(isCredentialName(name), name).toBe(true);
    for (const name of ['PATH', 'GIT_AUTHOR_NAME', 'SSH_AUTH_SOCK', 'TOKENIZER_MODE_X', 'RUNNER_TEMP'])
      expect(isCredentialName(name), name).toBe(false);
    expect(credentialValues({ GITHUB_TOKEN: 'short', NPM_TOKEN: 'npm_0123456789', PATH: '/usr/bin:/bin' })).toEqual([
      'npm_0123456789',
    ]);
  });

  it('never reads or deletes a file named by a hand-set handoff variable', () => {
    const key = '0'.repeat(64);
    expect(() => sealEnvironment({ [HANDOFF_VARIABLE]: `${key}:/etc/passwd` })).toThrow(/does not name a handoff file/);
    const dir = mkdtempSync(join(tmpdir(), 'remediate-env-'));
    try {
      const file = join(dir, 'env.bin');
      const sealed = sealHandoff(Buffer.from(key, 'hex'), Buffer.from(JSON.stringify({ PATH: '/evil' })));
      writeFileSync(file, sealed, { mode: 0o644 });
      const env: NodeJS.ProcessEnv = { [HANDOFF_VARIABLE]: `${key}:${file}` };
      expect(() => sealEnvironment(env)).toThrow(/not a private file of this user/);
      expect(existsSync(file)).toBe(true);
      // Sealed under another key (or changed): refused, left alone.
      writeFileSync(file, sealHandoff(Buffer.from('1'.repeat(64), 'hex'), Buffer.from('{"PATH":"/evil"}')));
      chmodSync(file, 0o600);
      expect(() => sealEnvironment({ [HANDOFF_VARIABLE]: `${key}:${file}` })).toThrow(/not written for this process/);
      expect(existsSync(file)).toBe(true);
      expect(env.PATH).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves nothing readable behind when killed before the new image reads the handoff', () => {
    // What sits on disk between the write and the exec is ciphertext; the key exists only in the
    // process (and then in the new image's environment block), so a file left by a kill at that
    // moment, or copied by another process, does not give the credentials away.
    const key = Buffer.alloc(32, 7);
    const sealed = sealHandoff(key, Buffer.from(JSON.stringify({ AWS_SECRET_ACCESS_KEY: AWS })));
    expect(sealed.toString('latin1')).not.toContain(AWS);
    expect(sealed.toString('latin1')).not.toContain('AWS_SECRET_ACCESS_KEY');
    expect(openHandoff(key, sealed)?.toString()).toContain(AWS);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(openHandoff(key, tampered)).toBeUndefined();
  });

  it('goes on unsealed, saying so, when the handoff cannot be written (no temporary folder)', async () => {
    current = await releaseRemediation('svc', 'name: svc\ndescription: d\nsteps: [{ id: a, run: "echo ran" }]\n');
    // Under a regular file: no folder can ever be made there, by this run or any other.
    writeFileSync(current.repo.path('not-a-folder'), '');
    const result = await current.run([], { ...callerEnv, TMPDIR: current.repo.path('not-a-folder/tmp') });
    expect(result.stderr).toMatch(/^remediate: warning: the environment block could not be sealed \(ENOTDIR\)/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
