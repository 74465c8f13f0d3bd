import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatFileBatch } from '../../src/adapters/git-cat-file.ts';
import { GitCli, gitEnvironment } from '../../src/adapters/git-client.ts';
import { readRemediationAtCommit, readRemediationFromWorkingTree } from '../../src/adapters/remediation-source.ts';
import { treeDigest } from '../../src/core/tree-digest.ts';
import { gitTestEnv, simpleDefinition, TempRepo } from '../helpers/git-repo.ts';

describe('GitCli reading a remediation from git objects', () => {
  let repo: TempRepo;
  let commit: string;
  beforeAll(() => {
    repo = new TempRepo();
    repo.write('remediations/bulk/remediation.yml', simpleDefinition('bulk'));
    // Enough files for the parallel readers, with contents that look like cat-file's own framing.
    for (let i = 0; i < 150; i++) {
      const content =
        i % 10 === 0
          ? ''
          : i % 10 === 1
            ? randomBytes(70000 + i)
            : `${'0'.repeat(40)} blob ${i}\nmissing\n${'line\n'.repeat(i)}`;
      repo.write(`remediations/bulk/data/${String(i % 7)}/f${i}.txt`, content, i % 3 === 0 ? 0o755 : 0o644);
    }
    commit = repo.commit('bulk');
    repo.write('remediations/bulk/data/0/f0.txt', 'changed after the commit');
  });
  afterAll(() => repo.remove());

  it('gives every blob of a large remediation, through parallel readers, byte for byte', async () => {
    const git = new GitCli(repo.dir, gitEnvironment(gitTestEnv()));
    const fromGit = await readRemediationAtCommit(git, commit, 'bulk');
    repo.git('stash', '-q'); // the working tree as committed
    const fromTree = await readRemediationFromWorkingTree(repo.dir, 'bulk');
    repo.git('stash', 'pop', '-q');
    const byPath = (files: typeof fromGit) => [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(fromGit).toHaveLength(151);
    expect(byPath(fromGit).map((f) => [f.path, f.mode, f.content.toString('hex')])).toEqual(
      byPath(fromTree).map((f) => [f.path, f.mode, f.content.toString('hex')]),
    );
    expect(treeDigest(fromGit)).toBe(treeDigest(fromTree));
  });

  it('resolves a revision to its commit, and never reads one as an option', async () => {
    const git = new GitCli(repo.dir, gitEnvironment(gitTestEnv()));
    expect(await git.tryResolveCommit('HEAD')).toBe(commit);
    expect(await git.tryResolveCommit('no-such-branch')).toBeUndefined();
    const target = join(repo.dir, 'written-by-git');
    expect(await git.tryResolveCommit(`--output=${target}`)).toBeUndefined();
    expect(existsSync(target)).toBe(false);
    expect(await git.tryResolveCommit('HEAD\nHEAD')).toBeUndefined();
    expect(await git.tryResolveCommit('no such')).toBeUndefined();
    expect(await git.tryResolveCommit('HEAD@{99}')).toBeUndefined();
    // Still usable afterwards.
    expect(await git.tryResolveCommit('HEAD')).toBe(commit);
  });
});

describe('CatFileBatch answers', () => {
  let repo: TempRepo;
  let commit: string;
  beforeAll(() => {
    repo = new TempRepo();
    repo.write('a.txt', 'a\n');
    commit = repo.commit('one');
  });
  afterAll(() => repo.remove());

  it('keeps names with spaces from passing for object headers, and stays in step', async () => {
    const batch = new CatFileBatch(repo.dir, gitEnvironment(gitTestEnv()));
    // Git echoes an unknown name back ("<name> missing"): these must not read as a commit of size 0.
    const answers = await Promise.all([
      batch.read('no such'),
      batch.read(`${'f00dbabe'} commit 0 x`),
      batch.read('x commit 0 y'),
      batch.read(`${commit}^{commit}`),
    ]);
    expect(answers.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(answers[3]).toMatchObject({ oid: commit, type: 'commit' });
    await expect(batch.read('HEAD\0anything')).rejects.toThrow(/NUL/);
    await expect(batch.read('HEAD\nHEAD')).rejects.toThrow(/line breaks/);
    batch.close();
  });
});
