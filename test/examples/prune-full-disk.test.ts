import { pinnedAsIs } from '../helpers/released.ts';
// prune-old-files exists for full disks, so it must behave when the disk holding the record is
// full too. A real small filesystem: a 96 KiB tmpfs mounted over the record folder in a private
// mount namespace (`unshare --user --map-root-user --mount`: no root needed where unprivileged
// user namespaces are allowed; skipped where they are not).
import { cpSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, runCli, TempRepo } from '../helpers/git-repo.ts';
import { canMountTmpfs, runOnTmpfs } from '../helpers/tmpfs.ts';

const examples = resolve(dirname(fileURLToPath(import.meta.url)), '../../remediations');
const FILES = 500;

let repo: TempRepo | undefined;
afterEach(() => repo?.remove());

describe.runIf(canMountTmpfs())('prune-old-files when the disk holding its record is full', () => {
  it('stops the prune, closes a valid record at its last complete block, and says why', async () => {
    repo = new TempRepo();
    const r = repo;
    cpSync(join(examples, 'prune-old-files'), r.path('remediations', 'prune-old-files'), { recursive: true });
    r.commit('prune-old-files');
    expect((await runCli(['keygen', '--out', 'k'], { cwd: r.dir })).code).toBe(0);
    expect((await runCli(['release', 'prune-old-files', 'v1.0.0', '--key', 'k'], { cwd: r.dir })).code).toBe(0);
    // 500 old 12 KiB files with long names, 6 MiB, over a 1 MiB threshold: the prune prints a
    // line of about 310 bytes for each of the 415 files it would delete, more than the 96 KiB
    // filesystem holding the record takes.
    const sandbox = r.path('sandbox');
    mkdirSync(sandbox);
    const old = Date.now() / 1000 - 30 * 86400;
    for (let i = 0; i < FILES; i++) {
      const file = join(sandbox, `app-${String(i).padStart(4, '0')}-${'x'.repeat(236)}.log`);
      writeFileSync(file, Buffer.alloc(12 * 1024, 97));
      utimesSync(file, old + i, old + i);
    }
    const runs = r.path('runs');
    const copy = r.path('copy');
    mkdirSync(runs);
    mkdirSync(copy);
    const run = ['run', 'prune-old-files@v1.0.0', '--trusted-key', 'k.pub', '--out', runs];
    const params = ['--param', `dir=${sandbox}`, '--param', 'max-size-mb=1'];
    const result = await runOnTmpfs(
      { mountPoint: runs, size: '96k', copyTo: copy },
      [process.execPath, CLI, ...run, ...params],
      { cwd: r.dir },
    );
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/prune-old-files@v1\.0\.0: failed/);
    const dir = join(copy, readdirSync(copy)[0]!);
    const snapshot = JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8'));
    expect(snapshot).toMatchObject({ status: 'failed', check: 'drift', error: { code: 'RECORD_WRITE_FAILED' } });
    expect(snapshot.error.message).toMatch(/ENOSPC/);
    expect(snapshot.steps.map((s: { id: string; outcome: string }) => `${s.id}:${s.outcome}`)).toEqual([
      'over-threshold:drift',
      'prune:failed',
    ]);
    // The prune was stopped part-way: it deleted files, but not all it would have.
    const left = readdirSync(sandbox).length;
    expect(left).toBeLessThan(FILES);
    expect(left).toBeGreaterThan(FILES - 415);
    expect(readFileSync(join(dir, 'run.log')).byteLength).toBe(snapshot.log.bytes);
    const verified = await runCli(['verify-run', dir, ...pinnedAsIs(dir)], { cwd: r.dir });
    expect(verified.stderr).toBe('');
    expect(verified.stdout).toMatch(/^intact: status failed/);
  }, 120_000);
});
