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

describe('GitCli resolving release tags', () => {
  let repo: TempRepo;
  let commit: string;
  beforeAll(() => {
    repo = new TempRepo();
    repo.write('remediations/t/remediation.yml', simpleDefinition('t'));
    commit = repo.commit('t');
    repo.git('tag', 'light/v1.0.0', commit);
    repo.git('tag', '-a', '-m', 'annotated', 'plain/v1.0.0', commit);
    repo.git('tag', '-a', '-m', 'nested', 'nested/v1.0.0', 'plain/v1.0.0');
    repo.git('tag', 'tree/v1.0.0', `${commit}^{tree}`);
    repo.git('tag', '-a', '-m', 'annotated tree', 'atree/v1.0.0', `${commit}^{tree}`);
    repo.git('tag', 'blob/v1.0.0', `${commit}:remediations/t/remediation.yml`);
  });
  afterAll(() => repo.remove());

  it('accepts lightweight, annotated and nested annotated tags alike: the manifest pins the commit', async () => {
    const git = new GitCli(repo.dir, gitEnvironment(gitTestEnv()));
    expect(await git.tryResolveTag('light/v1.0.0')).toBe(commit);
    expect(await git.tryResolveTag('plain/v1.0.0')).toBe(commit);
    expect(await git.tryResolveTag('nested/v1.0.0')).toBe(commit);
    expect(await git.tryResolveTag('missing/v1.0.0')).toBeUndefined();
  });

  it('says what a tag names when it is not a commit, instead of calling it missing', async () => {
    const git = new GitCli(repo.dir, gitEnvironment(gitTestEnv()));
    await expect(git.tryResolveTag('tree/v1.0.0')).rejects.toThrow(/tag tree\/v1\.0\.0 points at a tree, not a commit/);
    await expect(git.tryResolveTag('atree/v1.0.0')).rejects.toThrow(/points at a tree, not a commit/);
    await expect(git.tryResolveTag('blob/v1.0.0')).rejects.toThrow(/points at a blob, not a commit/);
  });
});
