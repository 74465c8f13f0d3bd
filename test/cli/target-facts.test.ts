// `remediate run --target-facts` and `remediate replay`: the CLI's side of the targets file's facts.
// A run gets them as TARGET_<NAME> variables and records them; a replay repeats them, so a run that
// reached its host over SSH is repeated on that host, not on the machine that replays it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunSnapshot } from '../../src/record/snapshot.ts';
import type { TempRepo } from '../helpers/git-repo.ts';
import { cli, releaseInProcess } from '../helpers/in-process-cli.ts';

const DEFINITION = [
  'name: svc',
  'description: tells where it runs',
  'steps:',
  '  - id: where',
  '    run: echo "host=${TARGET_SSH_HOST-none}"',
  '',
].join('\n');

const repos: TempRepo[] = [];
afterEach(() => repos.splice(0).forEach((repo) => repo.remove()));

const records = (repo: TempRepo) => readdirSync(repo.path('runs')).map((name) => repo.path(join('runs', name)));
const snapshotOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')) as RunSnapshot;
const digestOf = (dir: string) =>
  `sha256:${createHash('sha256')
    .update(readFileSync(join(dir, 'snapshot.json')))
    .digest('hex')}`;

describe('run --target-facts', () => {
  it('passes the facts to the steps, records them, and replay repeats them', async () => {
    const repo = await releaseInProcess('svc', DEFINITION);
    repos.push(repo);
    const facts = JSON.stringify({ ssh_host: 'web-1.zone-a.internal' });
    const run = await cli(repo.dir, [
      'run',
      'svc@v1.0.0',
      '--trusted-key',
      'k1.pub',
      '--out',
      'runs',
      '--target',
      'web-1',
      '--target-facts',
      facts,
    ]);
    expect(run.context.errLines).toEqual([]);
    expect(run.code).toBe(0);
    const [first] = records(repo);
    expect(readFileSync(join(first!, 'run.log'), 'utf8')).toContain('host=web-1.zone-a.internal');
    expect(snapshotOf(first!).targetFacts).toEqual({ ssh_host: 'web-1.zone-a.internal' });

    const replay = await cli(repo.dir, [
      'replay',
      first!,
      '--trusted-key',
      'k1.pub',
      '--out',
      'runs',
      '--snapshot-digest',
      digestOf(first!),
    ]);
    expect(replay.context.errLines).toEqual([]);
    expect(replay.code).toBe(0);
    const second = records(repo).find((dir) => dir !== first)!;
    expect(snapshotOf(second)).toMatchObject({ target: 'web-1', targetFacts: { ssh_host: 'web-1.zone-a.internal' } });
    expect(readFileSync(join(second, 'run.log'), 'utf8')).toContain('host=web-1.zone-a.internal');
  });

  it('refuses facts that are not a JSON object of one-line strings (exit 2) before anything is read', async () => {
    const repo = await releaseInProcess('svc', DEFINITION);
    repos.push(repo);
    for (const facts of ['{"ssh_host": 1}', '{"Bad": "x"}', '{"x": "a\\nb"}', 'ssh_host=web-1']) {
      const result = await cli(repo.dir, ['run', 'svc@v1.0.0', '--trusted-key', 'k1.pub', '--target-facts', facts]);
      expect(result.code, facts).toBe(2);
      expect(result.context.errLines[0], facts).toMatch(/^error \[INVALID_PARAMS\]: --target-facts: /);
    }
  });
});
