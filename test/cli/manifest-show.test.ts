// `manifest show`, `versions`, and a yank that names its replacement (issue 16): what a signed
// manifest says, read by people, and refusals that say what to run instead. In process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManifestView, VersionView } from '../../src/app/manifest-view.ts';
import type { TempRepo } from '../helpers/git-repo.ts';
import { cli, releaseInProcess } from '../helpers/in-process-cli.ts';

const definition = (name: string, text = 'fixed') =>
  `name: ${name}\ndescription: x\nsteps:\n  - { id: fix, run: "echo ${text}" }\n`;

let repo: TempRepo;
const run = async (args: string[]) => {
  const { code, context } = await cli(repo.dir, args);
  return { code, out: context.outLines.join('\n'), err: context.errLines.join('\n') };
};

beforeAll(async () => {
  repo = await releaseInProcess('restart-service', definition('restart-service'));
  repo.write('remediations/restart-service/remediation.yml', definition('restart-service', 'fixed better'));
  repo.commit('fix the fix');
  expect((await run(['release', 'restart-service', 'v1.10.0', '--key', 'k1'])).code).toBe(0);
  repo.write('remediations/clear-cache/remediation.yml', definition('clear-cache'));
  repo.commit('add clear-cache');
  expect((await run(['release', 'clear-cache', 'v0.1.0', '--key', 'k1'])).code).toBe(0);
}, 60_000);
afterAll(() => repo.remove());

describe('a yank that names its replacement', () => {
  it('refuses a replacement that is not a released, unyanked version of the same remediation', async () => {
    for (const bad of ['v9.9.9', 'v1.0.0']) {
      const result = await run([
        'yank',
        'restart-service@v1.0.0',
        '--key',
        'k1',
        '--reason',
        'x',
        '--replacement',
        bad,
      ]);
      expect(result.code, bad).toBe(2);
      expect(result.err, bad).toMatch(
        /--replacement .*: expected another released, unyanked version of restart-service \(v1\.10\.0\)/,
      );
    }
    expect(
      (await run(['yank', 'restart-service@v1.0.0', '--key', 'k1', '--reason', 'x', '--replacement', 'latest'])).code,
    ).toBe(2);
  });

  it('records it in the signed manifest, and the refusal of the yanked version says what to run', async () => {
    const yank = await run([
      'yank',
      'restart-service@v1.0.0',
      '--key',
      'k1',
      '--reason',
      'restarts the wrong unit',
      '--replacement',
      'v1.10.0',
    ]);
    expect(yank.code, yank.err).toBe(0);
    expect(yank.out).toContain('replacement: restart-service@v1.10.0');
    const refused = await run(['verify', 'restart-service@v1.0.0', '--trusted-key', 'k1.pub']);
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/\[YANKED\].*restarts the wrong unit; run restart-service@v1\.10\.0 instead/);
  });
});

describe('manifest show and versions', () => {
  it('prints serial, times, signers and every version newest first (semver, not text order), with yanks', async () => {
    const shown = await run(['manifest', 'show', '--trusted-key', 'k1.pub']);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toMatch(/serial 4, issued \S+, expires \S+/);
    expect(shown.out).toMatch(/signatures: verified, 1 trusted signer\(s\) \(threshold 1\): \S+/);
    const lines = shown.out.split('\n');
    const at = lines.indexOf('restart-service');
    expect(lines[at + 1]).toMatch(/^ {2}v1\.10\.0 {2}released /);
    expect(lines[at + 2]).toMatch(/^ {2}v1\.0\.0 .* YANKED \S+: restarts the wrong unit \(use v1\.10\.0\)$/);
    expect(lines.indexOf('clear-cache')).toBeLessThan(at);
  });

  it('says plainly when nothing was authenticated, and refuses a manifest that does not verify (exit 3)', async () => {
    const unchecked = await run(['manifest', 'show']);
    expect(unchecked.code).toBe(0);
    expect(unchecked.out).toMatch(/signatures: NOT CHECKED \(give --trusted-key to authenticate\): 1 signature\(s\)/);
    expect((await run(['keygen', '--out', 'other'])).code).toBe(0);
    const wrong = await run(['manifest', 'show', '--trusted-key', 'other.pub']);
    expect(wrong.code).toBe(3);
    expect(wrong.out).toBe('');
  });

  it('prints one JSON document with --json', async () => {
    const shown = await run(['manifest', 'show', '--trusted-key', 'k1.pub', '--json']);
    const view = JSON.parse(shown.out) as ManifestView;
    expect(view).toMatchObject({ serial: 4, expired: false, signatures: { checked: true, threshold: 1 } });
    expect(view.remediations.map((r) => r.name)).toEqual(['clear-cache', 'restart-service']);
    expect(view.remediations[1]?.versions[1]?.yanked).toEqual({
      reason: 'restarts the wrong unit',
      at: expect.any(String),
      replacement: 'v1.10.0',
    });
  });

  it('lists one remediation, and names a close released name for a typo', async () => {
    const listed = await run(['versions', 'restart-service', '--json']);
    expect(listed.code, listed.err).toBe(0);
    expect((JSON.parse(listed.out) as VersionView[]).map((v) => v.version)).toEqual(['v1.10.0', 'v1.0.0']);
    const text = await run(['versions', 'restart-service']);
    expect(text.err).toMatch(/signatures not checked/);
    expect(text.out.split('\n')).toHaveLength(2);
    const typo = await run(['versions', 'restart-servce']);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(
      /restart-servce: no such remediation in manifest serial 4; did you mean restart-service\?/,
    );
  });

  it('names close released names when a run asks for an unknown one', async () => {
    const refused = await run(['verify', 'restart-servic@v1.10.0', '--trusted-key', 'k1.pub']);
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/\[TAG_NOT_FOUND\].*did you mean restart-service\?/);
  });
});
