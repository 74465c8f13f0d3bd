// The Action's `target-facts` input in process (issue 17, routing): the facts `remediate targets
// resolve` wrote for the target reach the steps as TARGET_<NAME> variables, as data only, and are
// recorded; a fact that is not data, or that would replace what the signed definition sets, is
// refused before any step runs.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { MainDeps } from '../../src/action/deps.ts';
import { runMain } from '../../src/action/main-run.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';
import { RunnerFiles } from '../helpers/action-runner.ts';
import { FakeActionIo } from '../helpers/fake-action-io.ts';
import type { TempRepo } from '../helpers/git-repo.ts';
import { releaseInProcess } from '../helpers/in-process-cli.ts';

const MAIN_SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/main.ts');

const DEFINITION = [
  'name: svc',
  'description: tells where it runs',
  'env:',
  '  TARGET_OWNED: by the definition',
  'outputs:',
  '  seen: { step: where, key: seen }',
  'steps:',
  '  - id: where',
  '    run: |',
  '      echo "host=${TARGET_SSH_HOST-} zone=${TARGET_ZONE-}"',
  '      printf "seen=%s\\n" "${TARGET_SSH_HOST-}" >> "$REMEDIATION_OUTPUT"',
  '',
].join('\n');

const repos: TempRepo[] = [];
const runners: RunnerFiles[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
  for (const runner of runners.splice(0)) rmSync(runner.dir, { recursive: true, force: true });
});

/** Releases DEFINITION in a temp repository and runs the Action's main step on it in process. */
async function runAction(inputs: Record<string, string>): Promise<{ io: FakeActionIo; repo: TempRepo }> {
  const repo = await releaseInProcess('svc', DEFINITION);
  repos.push(repo);
  const runner = new RunnerFiles('repository_dispatch');
  runners.push(runner);
  const io = new FakeActionIo({
    remediation: 'svc@v1.0.0',
    'trusted-keys': 'k1.pub',
    manifest: 'remediations/manifest.json',
    publish: 'none',
    'github-token': 'ghs_test_token_0123456789',
    ...inputs,
  });
  const deps: MainDeps = {
    io,
    env: runner.env(repo.dir, {}),
    // The only call a run makes here: no manifest is published under a manifest/s<serial> tag.
    connectApi: () => () =>
      Promise.resolve({
        listMatchingRefs: () => Promise.resolve([]),
      } as unknown as Awaited<ReturnType<ReturnType<MainDeps['connectApi']>>>),
    uploadArtifact: () => Promise.reject(new Error('this test has no artifact service')),
    downloadArtifact: () => () => Promise.reject(new Error('this test has no artifact service')),
    attest: () => Promise.reject(new Error('this test has no Sigstore')),
    cancel: new AbortController().signal,
    toolPath: MAIN_SOURCE,
    now: () => new Date(),
  };
  await runMain(deps);
  return { io, repo };
}

const snapshotAt = (dir: string) => JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')) as RunSnapshot;

describe('target-facts', () => {
  it('reach the steps as TARGET_<NAME> variables and are recorded as targetFacts', async () => {
    const { io } = await runAction({
      target: 'web-1',
      'target-facts': JSON.stringify({ ssh_host: 'web-1.zone-a.internal', zone: 'zone-a' }),
    });
    expect(io.failures).toEqual([]);
    expect(io.outputs.status).toBe('succeeded');
    expect(io.log).toContain('host=web-1.zone-a.internal zone=zone-a');
    expect(io.outputs.seen).toBe('web-1.zone-a.internal');
    expect(snapshotAt(io.outputs['record-path']!)).toMatchObject({
      target: 'web-1',
      targetFacts: { ssh_host: 'web-1.zone-a.internal', zone: 'zone-a' },
    });
  });

  it('are data: a value with shell syntax reaches the step verbatim and is never executed', async () => {
    const { io, repo } = await runAction({
      'target-facts': JSON.stringify({ ssh_host: '$(touch pwned)`touch pwned2`;touch pwned3' }),
    });
    expect(io.failures).toEqual([]);
    expect(io.outputs.seen).toBe('$(touch pwned)`touch pwned2`;touch pwned3');
    for (const name of ['pwned', 'pwned2', 'pwned3']) expect(existsSync(join(repo.dir, name))).toBe(false);
  });

  it('none given: no TARGET_ variable, no targetFacts in the record', async () => {
    const { io } = await runAction({});
    expect(io.failures).toEqual([]);
    expect(io.log).toContain('host= zone=');
    expect(snapshotAt(io.outputs['record-path']!)).not.toHaveProperty('targetFacts');
  });

  it.each([
    ['not a JSON object', '["web-1"]'],
    [
      'a newline with a workflow command in a value',
      JSON.stringify({ zone: 'a\n::set-output name=status::succeeded' }),
    ],
    ['a name that is not a fact name', JSON.stringify({ 'PATH=/tmp/evil:': 'x' })],
    ['a value that is not a string', JSON.stringify({ zone: { nested: true } })],
  ])('refuses %s before any step runs: error [INVALID_PARAMS], no record', async (_label, facts) => {
    const { io } = await runAction({ 'target-facts': facts });
    expect(io.failures).toHaveLength(1);
    expect(io.failures[0]).toMatch(/^error \[INVALID_PARAMS\]: input 'target-facts': /);
    expect(io.outputs['record-path']).toBeUndefined();
    expect(io.log).not.toContain('host=');
  });

  it('refuses a fact whose variable the signed definition sets itself (its env)', async () => {
    const { io } = await runAction({ 'target-facts': JSON.stringify({ owned: 'by the targets file' }) });
    expect(io.failures).toHaveLength(1);
    expect(io.failures[0]).toMatch(
      /^error \[INVALID_PARAMS\]: target facts: TARGET_OWNED is set by svc@v1\.0\.0 itself/,
    );
    expect(io.log).not.toContain('host=');
  });

  it('a dry run shows the facts with the plan', async () => {
    const { io } = await runAction({ 'dry-run': 'true', 'target-facts': JSON.stringify({ zone: 'zone-a' }) });
    expect(io.failures).toEqual([]);
    expect(io.infos.join('\n')).toContain('TARGET_ZONE="zone-a"');
  });
});
