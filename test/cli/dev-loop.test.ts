// The development loop for a definition that is not released yet: `init` scaffolds a folder that
// validates, `try` runs the working tree (uncommitted edits included) through the run path and
// records it as unreleased, and every reader (verify-run, show, runs list, replay) says so.
// In process (runCli with a captured context), against real git repositories and real bash.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDefinition } from '../../src/app/check-definition.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';
import { readDefinitionBundle } from '../../src/record/definition-bundle.ts';
import { gitTestEnv, TempRepo } from '../helpers/git-repo.ts';
import { cli } from '../helpers/in-process-cli.ts';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
});

function tempRepo(): TempRepo {
  const repo = new TempRepo();
  repos.push(repo);
  return repo;
}

/** The caller's environment outside any GitHub job (the tests may themselves run in one). */
function localEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = gitTestEnv();
  delete env.GITHUB_ACTIONS;
  delete env.REMEDIATE_SIGN_KEY;
  return { ...env, ...extra };
}

function onlyRecord(outDir: string): string {
  const dirs = readdirSync(outDir);
  expect(dirs).toHaveLength(1);
  return join(outDir, dirs[0] as string);
}

function snapshotOf(recordDir: string): RunSnapshot {
  return JSON.parse(readFileSync(join(recordDir, 'snapshot.json'), 'utf8')) as RunSnapshot;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('init', () => {
  it('writes a commented definition with a check and a fix script that pass validate', async () => {
    const repo = tempRepo();
    const { code, context } = await cli(repo.dir, ['init', 'touch-file'], { env: localEnv() });
    expect(context.errLines).toEqual([]);
    expect(code).toBe(0);
    const dir = repo.path('remediations/touch-file');
    expect(readdirSync(dir).sort()).toEqual(['check.sh', 'fix.sh', 'remediation.yml']);
    const yml = readFileSync(join(dir, 'remediation.yml'));
    // No schema copy in this repository: the comment points at the published schema.
    expect(yml.toString()).toMatch(/^# yaml-language-server: \$schema=https:\/\/\S+\/remediation\.schema\.json\n/);
    const definition = await checkDefinition('remediations/touch-file/remediation.yml', yml, 'touch-file');
    expect(definition.check).toHaveLength(1);
    expect(definition.steps).toHaveLength(1);
    expect(context.outLines.join('\n')).toContain('remediate try touch-file');

    const validate = await cli(repo.dir, ['validate'], { env: localEnv() });
    expect(validate.context.outLines.filter((line) => line.startsWith('error'))).toEqual([]);
    // The real shellcheck (.ci/run installs it) lints check.sh and fix.sh too, and has nothing to say.
    expect(validate.context.outLines.filter((line) => line.startsWith('warning'))).toEqual([]);
    expect(validate.context.errLines).toEqual([]);
    expect(validate.code).toBe(0);
  });

  it("points the $schema comment at the repository's own schema when it has one", async () => {
    const repo = tempRepo();
    repo.write('remediations/remediation.schema.json', readFileSync('remediations/remediation.schema.json'));
    expect((await cli(repo.dir, ['init', 'fix-it'], { env: localEnv() })).code).toBe(0);
    const yml = readFileSync(repo.path('remediations/fix-it/remediation.yml'), 'utf8');
    expect(yml.split('\n')[0]).toBe('# yaml-language-server: $schema=../remediation.schema.json');
  });

  it('refuses an existing folder with exit 2 and changes nothing in it', async () => {
    const repo = tempRepo();
    repo.write('remediations/touch-file/remediation.yml', 'mine\n');
    const before = statSync(repo.path('remediations/touch-file/remediation.yml')).mtimeMs;
    const { code, context } = await cli(repo.dir, ['init', 'touch-file'], { env: localEnv() });
    expect(code).toBe(2);
    expect(context.errLines.join('\n')).toContain('FILE_EXISTS');
    expect(readdirSync(repo.path('remediations/touch-file'))).toEqual(['remediation.yml']);
    expect(readFileSync(repo.path('remediations/touch-file/remediation.yml'), 'utf8')).toBe('mine\n');
    expect(statSync(repo.path('remediations/touch-file/remediation.yml')).mtimeMs).toBe(before);
  });

  it('refuses a name a definition could not have, writing nothing', async () => {
    const repo = tempRepo();
    for (const name of ['../escape', 'Upper', 'under_score', 'trailing-']) {
      const { code } = await cli(repo.dir, ['init', name], { env: localEnv() });
      expect(code).toBe(2);
    }
    expect(existsSync(repo.path('remediations'))).toBe(false);
    expect(existsSync(join(repo.dir, '..', 'escape'))).toBe(false);
  });
});

describe('try', () => {
  /** A repository with `touch-file` from init, committed; the fix then edited and left uncommitted. */
  async function triedRepo(): Promise<{ repo: TempRepo; edited: string }> {
    const repo = tempRepo();
    expect((await cli(repo.dir, ['init', 'touch-file'], { env: localEnv() })).code).toBe(0);
    repo.commit('init touch-file');
    const fix = repo.path('remediations/touch-file/fix.sh');
    const edited = `${readFileSync(fix, 'utf8')}echo "uncommitted edit ran"\n`;
    writeFileSync(fix, edited);
    return { repo, edited };
  }

  it('runs the working tree with its uncommitted edit and records it as unreleased', async () => {
    const { repo, edited } = await triedRepo();
    const flag = repo.path('flag');
    const keygen = await cli(repo.dir, ['keygen', '--out', 'runkey'], { env: localEnv() });
    expect(keygen.code).toBe(0);
    const { code, context } = await cli(
      repo.dir,
      ['try', 'touch-file', '--param', `path=${flag}`, '--out', 'runs', '--sign-key', 'runkey'],
      { env: localEnv() },
    );
    expect(context.errLines.filter((line) => !line.startsWith('UNRELEASED'))).toEqual([]);
    expect(code).toBe(0);
    expect(context.errLines[0]).toMatch(/^UNRELEASED: touch-file from the working tree \(sha256:[0-9a-f]{64}\)/);
    expect(context.outLines).toContain('touch-file UNRELEASED (working tree): succeeded');
    expect(existsSync(flag)).toBe(true);

    const record = onlyRecord(repo.path('runs'));
    const snapshot = snapshotOf(record);
    expect(snapshot.unreleased).toBe(true);
    expect(snapshot.status).toBe('succeeded');
    expect(snapshot.remediation.version).toBe('v0.0.0-unreleased');
    expect(snapshot.remediation.commit).toBeUndefined();
    expect(snapshot.manifest).toBeUndefined();
    // The bytes that ran are the edited ones, in the listing and in the record's copy.
    expect(snapshot.remediation.files?.find((f) => f.path === 'fix.sh')?.sha256).toBe(sha256(edited));
    const copy = readDefinitionBundle(readFileSync(join(record, 'definition.tar')));
    expect(copy.find((f) => f.path === 'fix.sh')?.content.toString()).toBe(edited);
    expect(readFileSync(join(record, 'run.log'), 'utf8')).toContain('uncommitted edit ran');

    // The signed receipt says unreleased too.
    const envelope = JSON.parse(readFileSync(join(record, 'receipt.dsse.json'), 'utf8')) as { payload: string };
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as {
      predicate: { unreleased?: boolean; remediation: { version: string } };
    };
    expect(statement.predicate.unreleased).toBe(true);

    // verify-run authenticates the record, and never calls it a released version.
    const verified = await cli(repo.dir, ['verify-run', record, '--trusted-key', 'runkey.pub'], { env: localEnv() });
    expect(verified.code).toBe(0);
    const said = verified.context.outLines.join('\n');
    expect(said).toMatch(/^intact UNRELEASED record \(remediate try\)/);
    expect(said).toContain('touch-file UNRELEASED');
    expect(said).not.toContain('touch-file@');
    const verifiedJson = await cli(repo.dir, ['verify-run', record, '--trusted-key', 'runkey.pub', '--json'], {
      env: localEnv(),
    });
    expect(JSON.parse(verifiedJson.context.outLines.join('\n'))).toMatchObject({
      status: 'intact-unreleased',
      unreleased: true,
    });

    const shown = await cli(repo.dir, ['show', record, '--trusted-key', 'runkey.pub'], { env: localEnv() });
    expect(shown.code).toBe(0);
    expect(shown.context.outLines.join('\n')).toContain('touch-file UNRELEASED');
    expect(shown.context.outLines.join('\n')).not.toContain('touch-file@');

    const listed = await cli(repo.dir, ['runs', 'list', '--out', 'runs', '--json'], { env: localEnv() });
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.context.outLines.join('\n')) as { version: string; unreleased: boolean }[];
    expect(rows.map((row) => [row.version, row.unreleased])).toEqual([['UNRELEASED', true]]);

    // A replay runs released versions only: an unreleased record is not replayable.
    const replay = await cli(
      repo.dir,
      ['replay', record, '--trusted-key', 'runkey.pub', '--receipt-key', 'runkey.pub', '--out', 'runs'],
      { env: localEnv() },
    );
    expect(replay.code).toBe(2);
    expect(replay.context.errLines.join('\n')).toContain('NOT_REPLAYABLE');
  });

  it('leaves out files git ignores, as a release would: an ignored .env never reaches the steps or the record', async () => {
    const { repo } = await triedRepo();
    repo.write('.gitignore', '.env\n');
    repo.commit('ignore .env');
    writeFileSync(repo.path('remediations/touch-file/.env'), 'API_TOKEN=hunter2-prod-token\n');
    // A fix that would print the file if it were there.
    const fix = repo.path('remediations/touch-file/fix.sh');
    writeFileSync(fix, `${readFileSync(fix, 'utf8')}cat "$REMEDIATION_DIR/.env" 2>/dev/null || echo "no .env here"\n`);
    const { code, context } = await cli(
      repo.dir,
      ['try', 'touch-file', '--param', `path=${repo.path('flag')}`, '--out', 'runs'],
      { env: localEnv() },
    );
    expect(code).toBe(0);
    expect(context.errLines).toContain('left out, as a release would (git ignores them): remediations/touch-file/.env');
    const record = onlyRecord(repo.path('runs'));
    expect(snapshotOf(record).remediation.files?.map((f) => f.path)).not.toContain('.env');
    const copy = readDefinitionBundle(readFileSync(join(record, 'definition.tar')));
    expect(copy.map((f) => f.path)).not.toContain('.env');
    const log = readFileSync(join(record, 'run.log'), 'utf8');
    expect(log).toContain('no .env here');
    expect(log).not.toContain('hunter2');
  });

  it('refuses in a GitHub Actions job (exit 3): nothing is read, run or recorded', async () => {
    const { repo } = await triedRepo();
    const flag = repo.path('flag');
    const { code, context } = await cli(repo.dir, ['try', 'touch-file', '--param', `path=${flag}`, '--out', 'runs'], {
      env: localEnv({ GITHUB_ACTIONS: 'true' }),
    });
    expect(code).toBe(3);
    expect(context.errLines.join('\n')).toContain('UNRELEASED_ON_GITHUB');
    expect(existsSync(flag)).toBe(false);
    expect(existsSync(repo.path('runs'))).toBe(false);
  });

  it('refuses a working tree that does not validate, before anything runs', async () => {
    const { repo } = await triedRepo();
    const yml = repo.path('remediations/touch-file/remediation.yml');
    writeFileSync(
      yml,
      readFileSync(yml, 'utf8').replace('run: bash "$REMEDIATION_DIR/fix.sh"', 'run: "if true; then"'),
    );
    const flag = repo.path('flag');
    const { code, context } = await cli(repo.dir, ['try', 'touch-file', '--param', `path=${flag}`, '--out', 'runs'], {
      env: localEnv(),
    });
    expect(code).toBe(2);
    expect(context.errLines.join('\n')).toContain('bash cannot parse this script');
    expect(existsSync(repo.path('runs'))).toBe(false);
  });

  it("checks parameters against the working tree's inputs (exit 2, nothing recorded)", async () => {
    const { repo } = await triedRepo();
    const { code, context } = await cli(repo.dir, ['try', 'touch-file', '--param', 'path=relative', '--out', 'runs'], {
      env: localEnv(),
    });
    expect(code).toBe(2);
    expect(context.errLines.join('\n')).toContain('INVALID_PARAMS');
    expect(existsSync(repo.path('runs'))).toBe(false);
  });

  it('--dry-run prints the plan as UNRELEASED and records nothing', async () => {
    const { repo } = await triedRepo();
    const { code, context } = await cli(
      repo.dir,
      ['try', 'touch-file', '--param', `path=${repo.path('flag')}`, '--out', 'runs', '--dry-run'],
      { env: localEnv() },
    );
    expect(code).toBe(0);
    expect(context.outLines[0]).toBe('plan for touch-file, UNRELEASED working tree (dry run: nothing will run)');
    expect(existsSync(repo.path('runs'))).toBe(false);
    expect(existsSync(repo.path('flag'))).toBe(false);
  });
});
