// Key rotation (issue 17) with the real CLI, as README.md's procedure does it: trust the new key
// next to the old one, sign with both, then retire the old key. After the rotation a manifest
// signed only by the retired key is refused, whether it was published before the rotation or
// signed afterwards by whoever still holds that key; a k-of-n threshold keeps counting only keys
// still trusted, so a retired key's signature never makes up a missing one.
import { copyFileSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../src/core/dsse.ts';
import { runCli, simpleDefinition, TempRepo, type CliResult } from '../helpers/git-repo.ts';

let repo: TempRepo;
const cli = (...args: string[]) => runCli(args, { cwd: repo.dir });
const codeOf = (result: CliResult) => /\[([A-Z_]+)\]/.exec(result.stderr)?.[1];
const keyids = (manifest: string) =>
  parseEnvelope(readFileSync(repo.path(manifest)))
    .signatures.map((s) => s.keyid)
    .sort();

/** Commits a change to svc and releases it as `version`, signed by every key given. */
async function releaseNext(version: string, keys: readonly string[], manifest?: string): Promise<CliResult> {
  repo.write('remediations/svc/notes.txt', `${version}\n`);
  repo.commit(`svc ${version}`);
  return cli(
    'release',
    'svc',
    version,
    ...keys.flatMap((k) => ['--key', k]),
    ...(manifest ? ['--manifest', manifest] : []),
  );
}

beforeEach(() => {
  repo = new TempRepo();
  repo.write('remediations/svc/remediation.yml', simpleDefinition('svc'));
  repo.commit('svc');
});
afterEach(() => repo.remove());

describe('rotating the release key', () => {
  it('after the old key is retired, a manifest signed only by it is refused; the new key alone verifies and runs', async () => {
    for (const key of ['old', 'new']) expect((await cli('keygen', '--out', key)).code).toBe(0);
    // Before: one key, serial 1.
    expect((await releaseNext('v1.0.0', ['old'])).code).toBe(0);
    copyFileSync(repo.path('remediations/manifest.json'), repo.path('serial-1-old-only.json'));
    expect((await cli('verify', 'svc@v1.0.0', '--trusted-key', 'old.pub')).code).toBe(0);

    // 1-2. Trust both keys; the next release is signed by both (SIGNING_KEY and SIGNING_KEY_NEXT).
    const both = await releaseNext('v1.1.0', ['old', 'new']);
    expect(both.stderr).toBe('');
    expect(keyids('remediations/manifest.json')).toHaveLength(2);
    copyFileSync(repo.path('remediations/manifest.json'), repo.path('serial-2-both.json'));
    // 3. Optionally threshold 2 while both are trusted: every run proves both signatures.
    const proven = await cli(
      'verify',
      'svc@v1.1.0',
      '--trusted-key',
      'old.pub',
      '--trusted-key',
      'new.pub',
      '--threshold',
      '2',
    );
    expect(proven.stderr).toBe('');
    expect(proven.code).toBe(0);
    // Callers already moved to the new key alone accept the manifest signed by both.
    expect((await cli('verify', 'svc@v1.1.0', '--trusted-key', 'new.pub')).code).toBe(0);

    // 4. Retire the old key: releases are signed by the new key alone, callers trust only it.
    const after = await releaseNext('v1.2.0', ['new']);
    expect(after.stderr).toBe('');
    expect(keyids('remediations/manifest.json')).toHaveLength(1);
    expect((await cli('verify', 'svc@v1.2.0', '--trusted-key', 'new.pub')).code).toBe(0);
    const ran = await cli('run', 'svc@v1.2.0', '--trusted-key', 'new.pub', '--out', 'runs');
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);

    // The manifest published before the rotation, signed only by the old key, no longer counts.
    const before = await cli(
      'verify',
      'svc@v1.0.0',
      '--trusted-key',
      'new.pub',
      '--manifest',
      'serial-1-old-only.json',
    );
    expect(before.code).toBe(3);
    expect(codeOf(before)).toBe('UNTRUSTED_KEY');

    // Attack: whoever kept the retired key signs a newer manifest on top of the last one it
    // co-signed (here a version released by nobody else), with the CLI as anyone would.
    copyFileSync(repo.path('serial-2-both.json'), repo.path('forged.json'));
    const forged = await releaseNext('v1.3.0', ['old'], 'forged.json');
    expect(forged.code).toBe(0);
    expect(keyids('forged.json')).toEqual(keyids('serial-1-old-only.json'));
    const verify = await cli('verify', 'svc@v1.3.0', '--trusted-key', 'new.pub', '--manifest', 'forged.json');
    expect(verify.code).toBe(3);
    expect(codeOf(verify)).toBe('UNTRUSTED_KEY');
    const run = await cli(
      'run',
      'svc@v1.3.0',
      '--trusted-key',
      'new.pub',
      '--manifest',
      'forged.json',
      '--out',
      'runs',
    );
    expect(run.code).toBe(3);
    expect(codeOf(run)).toBe('UNTRUSTED_KEY');
    // Still trusting the old key (a caller that skipped step 4) would have run it: the test can fail.
    expect((await cli('verify', 'svc@v1.3.0', '--trusted-key', 'old.pub', '--manifest', 'forged.json')).code).toBe(0);

    // The retired key cannot extend the new key's manifest either: release refuses to re-sign a
    // manifest none of its keys signed.
    const extend = await releaseNext('v1.4.0', ['old']);
    expect(extend.code).toBe(3);
    expect(codeOf(extend)).toBe('UNTRUSTED_KEY');
  });

  it('k-of-n: rotating one of three keys keeps threshold 2, and the retired key never counts toward it', async () => {
    for (const key of ['a', 'b', 'c', 'd']) expect((await cli('keygen', '--out', key)).code).toBe(0);
    expect((await releaseNext('v1.0.0', ['a', 'b', 'c'])).code).toBe(0);
    const twoOfThree = [
      '--trusted-key',
      'a.pub',
      '--trusted-key',
      'b.pub',
      '--trusted-key',
      'c.pub',
      '--threshold',
      '2',
    ];
    expect((await cli('verify', 'svc@v1.0.0', ...twoOfThree)).code).toBe(0);

    // Rotate c -> d: trusted a, b, d; threshold stays 2.
    const rotated = ['--trusted-key', 'a.pub', '--trusted-key', 'b.pub', '--trusted-key', 'd.pub', '--threshold', '2'];
    copyFileSync(repo.path('remediations/manifest.json'), repo.path('base.json'));
    expect((await releaseNext('v1.1.0', ['a', 'd'])).code).toBe(0);
    expect((await cli('verify', 'svc@v1.1.0', ...rotated)).code).toBe(0);

    // Signed by a and the retired c: one trusted signature of two needed.
    copyFileSync(repo.path('base.json'), repo.path('a-and-c.json'));
    expect((await releaseNext('v1.2.0', ['a', 'c'], 'a-and-c.json')).code).toBe(0);
    const short = await cli('verify', 'svc@v1.2.0', ...rotated, '--manifest', 'a-and-c.json');
    expect(short.code).toBe(3);
    expect(codeOf(short)).toBe('THRESHOLD_NOT_MET');
    // The same manifest passed before the rotation: the refusal is the rotation's doing.
    expect((await cli('verify', 'svc@v1.2.0', ...twoOfThree, '--manifest', 'a-and-c.json')).code).toBe(0);

    // Signed by the retired c alone: not one trusted signature.
    copyFileSync(repo.path('base.json'), repo.path('c-only.json'));
    expect((await releaseNext('v1.3.0', ['c'], 'c-only.json')).code).toBe(0);
    const untrusted = await cli('verify', 'svc@v1.3.0', ...rotated, '--manifest', 'c-only.json');
    expect(untrusted.code).toBe(3);
    expect(codeOf(untrusted)).toBe('UNTRUSTED_KEY');
  });
});
