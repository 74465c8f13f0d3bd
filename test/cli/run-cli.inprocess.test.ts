// The CLI's commands in process: runCli(argv, context) with a captured context, against temp git
// repositories. No CLI child process is started (git and the steps still are), so these check
// what a user sees (exit codes, lines on stdout and stderr, files and records written) at a
// fraction of the cost of the child-process tests in test/cli/release-flow.test.ts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { globalUsage } from '../../src/cli/usage-text.ts';
import { parsePublicKey } from '../../src/core/keys.ts';
import { treeDigest, treeFile } from '../../src/core/tree-digest.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';
import { TOOL_VERSION } from '../../src/version.ts';
import { gitTestEnv, simpleDefinition, TempRepo } from '../helpers/git-repo.ts';
import { cli, releaseInProcess } from '../helpers/in-process-cli.ts';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
});

function tempRepo(): TempRepo {
  const repo = new TempRepo();
  repos.push(repo);
  return repo;
}

async function released(definition: string): Promise<TempRepo> {
  const repo = await releaseInProcess('svc', definition);
  repos.push(repo);
  return repo;
}

const GREETER = [
  'name: svc',
  'description: greets',
  'inputs:',
  '  who: { type: string, default: world }',
  'outputs:',
  '  greeting: { step: greet, key: said }',
  'steps:',
  '  - id: greet',
  '    run: echo "said=hello $PARAM_WHO" >> "$REMEDIATION_OUTPUT"',
  '',
].join('\n');

/** The value of the `<label>: <value>` line a command printed (indented or not). */
function printed(lines: readonly string[], label: string): string {
  const line = lines.find((l) => l.trimStart().startsWith(`${label}:`));
  if (line === undefined) throw new Error(`no '${label}:' line in:\n${lines.join('\n')}`);
  return line.slice(line.indexOf(':') + 1).trim();
}

function readSnapshot(recordDir: string): RunSnapshot {
  return JSON.parse(readFileSync(join(recordDir, 'snapshot.json'), 'utf8')) as RunSnapshot;
}

const RUN = ['run', 'svc@v1.0.0', '--trusted-key', 'k1.pub', '--out', 'runs'];

describe('usage', () => {
  it('prints the usage for --help, help and no command at all, exit 0', async () => {
    const dir = tempRepo().dir;
    for (const argv of [['--help'], ['help'], []]) {
      const { code, context } = await cli(dir, argv);
      expect(code).toBe(0);
      expect(context.outLines).toEqual([globalUsage()]);
      expect(context.errLines).toEqual([]);
    }
  });

  it('prints the version for --version', async () => {
    const { code, context } = await cli(tempRepo().dir, ['--version']);
    expect(code).toBe(0);
    expect(context.outLines).toEqual([TOOL_VERSION]);
  });

  it('refuses an unknown command with one line and exit 2', async () => {
    const { code, context } = await cli(tempRepo().dir, ['frobnicate', '--now']);
    expect(code).toBe(2);
    expect(context.outLines).toEqual([]);
    expect(context.errLines).toHaveLength(1);
    expect(context.errLines[0]).toMatch(/^error \[USAGE\]: .*frobnicate/);
  });
});

describe('keygen', () => {
  it('writes a private key (mode 0600) and its public key relative to the command folder', async () => {
    const dir = tempRepo().dir;
    const { code, context } = await cli(dir, ['keygen', '--out', 'release-key']);
    expect(code).toBe(0);
    expect(context.errLines).toEqual([]);
    expect(statSync(join(dir, 'release-key')).mode & 0o777).toBe(0o600);
    const key = parsePublicKey(readFileSync(join(dir, 'release-key.pub'), 'utf8'), 'release-key.pub');
    expect(printed(context.outLines, 'keyid')).toBe(key.keyid);
  });

  it('never overwrites an existing key: exit 2 and the first key is kept', async () => {
    const dir = tempRepo().dir;
    expect((await cli(dir, ['keygen', '--out', 'k'])).code).toBe(0);
    const before = readFileSync(join(dir, 'k'));
    const { code, context } = await cli(dir, ['keygen', '--out', 'k']);
    expect(code).toBe(2);
    expect(context.errLines[0]).toMatch(/^error \[FILE_EXISTS\]/);
    expect(readFileSync(join(dir, 'k'))).toEqual(before);
  });
});

describe('digest', () => {
  it('prints the tree digest of the working tree, and of a commit with --ref', async () => {
    const repo = tempRepo();
    const text = simpleDefinition('svc');
    repo.write('remediations/svc/remediation.yml', text);
    repo.commit();
    const expected = treeDigest([treeFile('remediation.yml', '100644', Buffer.from(text))]);

    const working = await cli(repo.dir, ['digest', 'svc']);
    expect(working.code).toBe(0);
    expect(working.context.outLines[0]!.split(' ')[0]).toBe(expected);

    // An uncommitted change shows in the working-tree digest, never in the committed one.
    repo.write('remediations/svc/remediation.yml', simpleDefinition('svc', 'echo changed'));
    const changed = await cli(repo.dir, ['digest', 'svc']);
    expect(changed.context.outLines[0]!.split(' ')[0]).not.toBe(expected);
    const committed = await cli(repo.dir, ['digest', 'svc', '--ref', 'HEAD']);
    expect(committed.code).toBe(0);
    expect(committed.context.outLines[0]!.split(' ')[0]).toBe(expected);
  });

  it('refuses a --ref that names no commit, exit 2', async () => {
    const repo = tempRepo();
    repo.write('remediations/svc/remediation.yml', simpleDefinition('svc'));
    repo.commit();
    const { code, context } = await cli(repo.dir, ['digest', 'svc', '--ref', 'no-such-ref']);
    expect(code).toBe(2);
    expect(context.errLines[0]).toMatch(/^error \[NOT_FOUND\]/);
  });
});

describe('release', () => {
  it('tags the commit, signs the manifest, and prints the digest the working tree has', async () => {
    const repo = tempRepo();
    repo.write('remediations/svc/remediation.yml', GREETER);
    const head = repo.commit();
    expect((await cli(repo.dir, ['keygen', '--out', 'k1'])).code).toBe(0);
    const digest = (await cli(repo.dir, ['digest', 'svc'])).context.outLines[0]!.split(' ')[0];

    const { code, context } = await cli(repo.dir, ['release', 'svc', 'v1.0.0', '--key', 'k1']);
    expect(context.errLines).toEqual([]);
    expect(code).toBe(0);
    expect(context.outLines[0]).toBe('released svc@v1.0.0');
    expect(printed(context.outLines, 'digest')).toBe(digest);
    expect(repo.git('rev-parse', 'svc/v1.0.0^{commit}').trim()).toBe(head);
    expect(existsSync(repo.path('remediations/manifest.json'))).toBe(true);
  });

  it('refuses to release the same version twice, exit 3', async () => {
    const repo = await released(GREETER);
    const { code, context } = await cli(repo.dir, ['release', 'svc', 'v1.0.0', '--key', 'k1']);
    expect(code).toBe(3);
    expect(context.errLines[0]).toMatch(/^refused \[VERSION_EXISTS\]/);
  });
});

describe('run', () => {
  it('verifies, runs and records a released version, printing outputs and the record', async () => {
    const repo = await released(GREETER);
    const { code, context } = await cli(repo.dir, [...RUN, '--param', 'who=in-process']);
    expect(context.errLines).toEqual([]);
    expect(code).toBe(0);
    expect(context.outLines).toContain('svc@v1.0.0: succeeded');
    expect(context.outLines).toContain('  output greeting=hello in-process');
    const recordDir = printed(context.outLines, 'record');
    expect(recordDir.startsWith(repo.path('runs'))).toBe(true);
    const snapshot = readSnapshot(recordDir);
    expect(snapshot).toMatchObject({ status: 'succeeded', outputs: { greeting: 'hello in-process' } });
    expect(snapshot.steps.map((s) => `${s.stage}/${s.id}:${s.outcome}`)).toEqual(['steps/greet:succeeded']);
    // Signals cancel the run only while it runs, and go back to ending the process after it.
    expect(context.cancellable).toEqual([true, false]);
    // The printed snapshot digest is the record's: verify-run accepts it.
    const verified = await cli(repo.dir, [
      'verify-run',
      recordDir,
      '--snapshot-digest',
      printed(context.outLines, 'snapshot'),
    ]);
    expect(verified.code).toBe(0);
    expect(verified.context.outLines[0]).toMatch(/^intact: status succeeded/);
  });

  it('exits 1 with a failed record when a step fails', async () => {
    const repo = await released('name: svc\ndescription: fails\nsteps:\n  - { id: broken, run: "exit 9" }\n');
    const { code, context } = await cli(repo.dir, RUN);
    expect(code).toBe(1);
    expect(context.outLines).toContain('svc@v1.0.0: failed');
    const snapshot = readSnapshot(printed(context.outLines, 'record'));
    expect(snapshot).toMatchObject({ status: 'failed', error: { code: 'STEP_FAILED' } });
    expect(snapshot.steps[0]!.exitCode).toBe(9);
  });

  it('refuses a manifest signed by a key it does not trust: exit 3, nothing ran, the refusal recorded', async () => {
    const repo = await released(GREETER);
    expect((await cli(repo.dir, ['keygen', '--out', 'other'])).code).toBe(0);
    const { code, context } = await cli(repo.dir, ['run', 'svc@v1.0.0', '--trusted-key', 'other.pub', '--out', 'runs']);
    expect(code).toBe(3);
    expect(context.errLines[0]).toMatch(/^refused \[UNTRUSTED_KEY\]: /);
    const records = readdirSync(repo.path('runs'));
    expect(records).toHaveLength(1);
    const snapshot = readSnapshot(repo.path('runs', records[0]!));
    expect(snapshot).toMatchObject({ status: 'refused', error: { code: 'UNTRUSTED_KEY' }, steps: [] });
  });

  it('prints the plan on --dry-run and writes no record', async () => {
    const repo = await released(GREETER);
    const { code, context } = await cli(repo.dir, [...RUN, '--dry-run', '--param', 'who=planned']);
    expect(code).toBe(0);
    expect(context.outLines[0]).toBe('plan for svc@v1.0.0 (dry run: nothing will run)');
    expect(context.outLines).toContain('    PARAM_WHO="planned"');
    expect(existsSync(repo.path('runs'))).toBe(false);
  });

  it('cancels the running step when the context is cancelled: exit 4, record cancelled', async () => {
    const repo = await released(
      [
        'name: svc',
        'description: waits',
        'steps:',
        '  - { id: long, run: "touch \\"$HOME/started\\"; sleep 30" }',
        '  - { id: never, run: "true" }',
        '',
      ].join('\n'),
    );
    const cancel = new AbortController();
    const started = repo.path('started');
    // Cancel as soon as the step has announced itself (polling the file it touches).
    const poll = setInterval(() => {
      if (existsSync(started)) cancel.abort();
    }, 20);
    try {
      const { code, context } = await cli(repo.dir, RUN, {
        env: { ...gitTestEnv(), HOME: repo.dir },
        cancel: cancel.signal,
      });
      expect(code).toBe(4);
      expect(context.outLines).toContain('svc@v1.0.0: cancelled');
      const snapshot = readSnapshot(printed(context.outLines, 'record'));
      expect(snapshot.status).toBe('cancelled');
      expect(snapshot.steps.map((s) => `${s.id}:${s.outcome}`)).toEqual(['long:cancelled']);
    } finally {
      clearInterval(poll);
    }
  });
});
