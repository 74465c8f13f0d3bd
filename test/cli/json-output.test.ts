// --json, --quiet and the live console of the reporting commands, in process (runCli) against
// temp git repositories: one JSON document on stdout in every outcome, human text on stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitTestEnv, TempRepo } from '../helpers/git-repo.ts';
import { cli, releaseInProcess, type CapturedContext } from '../helpers/in-process-cli.ts';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
});

async function released(definition: string): Promise<TempRepo> {
  const repo = await releaseInProcess('svc', definition);
  repos.push(repo);
  return repo;
}

// eslint-disable-next-line no-control-regex -- an ANSI escape is what these tests look for
const ANSI = /\u001b\[/;

const GREETER = [
  'name: svc',
  'description: greets',
  'inputs:',
  '  who: { type: string, default: world }',
  'outputs:',
  '  greeting: { step: greet, key: said }',
  'steps:',
  '  - id: greet',
  '    name: Greet',
  '    run: |',
  '      echo "greeting $PARAM_WHO"',
  '      echo "said=hello $PARAM_WHO" >> "$REMEDIATION_OUTPUT"',
  '',
].join('\n');

const FAILS_AND_ROLLS_BACK = [
  'name: svc',
  'description: fails, then undoes',
  'steps:',
  '  - { id: apply, run: "echo applying; exit 9" }',
  'rollback:',
  '  - { id: undo, run: "echo undone" }',
  '',
].join('\n');

const RUN = ['run', 'svc@v1.0.0', '--trusted-key', 'k1.pub', '--out', 'runs'];

/**
 * The one JSON document the command printed: stdout must be exactly one document, no human line
 * before or after it.
 */
function documentOf(context: CapturedContext): Record<string, unknown> {
  expect(context.outLines).toHaveLength(1);
  return JSON.parse(context.outLines[0]!) as Record<string, unknown>;
}

describe('run --json', () => {
  it('prints one document for a run that succeeded; the human result goes to stderr', async () => {
    const repo = await released(GREETER);
    const { code, context } = await cli(repo.dir, [...RUN, '--json', '--param', 'who=json']);
    expect(code).toBe(0);
    const doc = documentOf(context);
    expect(doc).toMatchObject({
      status: 'succeeded',
      exitCode: 0,
      code: null,
      message: null,
      name: 'svc',
      version: 'v1.0.0',
      runStatus: 'succeeded',
      rollback: 'not-needed',
      outputs: { greeting: 'hello json' },
      receipt: null,
    });
    expect(doc['steps']).toEqual([
      expect.objectContaining({ stage: 'steps', id: 'greet', name: 'Greet', outcome: 'succeeded', exitCode: 0 }),
    ]);
    expect(doc['record']).toEqual(expect.stringContaining(repo.path('runs')));
    expect(doc['snapshotDigest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(context.errLines).toContain('svc@v1.0.0: succeeded');

    // The digest in the document pins the record, and verify-run --json says so.
    const verified = await cli(repo.dir, [
      'verify-run',
      doc['record'] as string,
      '--snapshot-digest',
      doc['snapshotDigest'] as string,
      '--json',
    ]);
    expect(verified.code).toBe(0);
    expect(documentOf(verified.context)).toMatchObject({
      status: 'intact',
      exitCode: 0,
      record: doc['record'],
      runStatus: 'succeeded',
      complete: true,
      snapshotDigest: doc['snapshotDigest'],
      steps: [expect.objectContaining({ id: 'greet', outcome: 'succeeded' })],
    });
  });

  it('prints the failure: which step, its exit code, the rollback result; exit 1 unchanged', async () => {
    const repo = await released(FAILS_AND_ROLLS_BACK);
    const { code, context } = await cli(repo.dir, [...RUN, '--json']);
    expect(code).toBe(1);
    expect(documentOf(context)).toMatchObject({
      status: 'failed',
      exitCode: 1,
      code: 'STEP_FAILED',
      message: "steps step 'apply' exited 9",
      rollback: 'succeeded',
      steps: [
        expect.objectContaining({ stage: 'steps', id: 'apply', outcome: 'failed', exitCode: 9 }),
        expect.objectContaining({ stage: 'rollback', id: 'undo', outcome: 'succeeded', exitCode: 0 }),
      ],
    });
  });

  it('prints a refusal with the record of it; exit 3 unchanged', async () => {
    const repo = await released(GREETER);
    expect((await cli(repo.dir, ['keygen', '--out', 'other'])).code).toBe(0);
    const { code, context } = await cli(repo.dir, [
      'run',
      'svc@v1.0.0',
      '--trusted-key',
      'other.pub',
      '--out',
      'runs',
      '--json',
    ]);
    expect(code).toBe(3);
    const doc = documentOf(context);
    expect(doc).toMatchObject({ status: 'refused', exitCode: 3, code: 'UNTRUSTED_KEY', name: 'svc' });
    expect(doc['message']).toEqual(expect.any(String));
    expect(doc['snapshotDigest']).toMatch(/^sha256:/);
    const snapshot = JSON.parse(readFileSync(join(doc['record'] as string, 'snapshot.json'), 'utf8')) as {
      status: string;
    };
    expect(snapshot.status).toBe('refused');
    expect(context.errLines[0]).toMatch(/^refused \[UNTRUSTED_KEY\]: /);
  });

  it('prints an error thrown before anything ran (a bad parameter) as a document too; exit 2', async () => {
    const repo = await released(GREETER);
    const { code, context } = await cli(repo.dir, [...RUN, '--json', '--param', 'nope=1']);
    expect(code).toBe(2);
    expect(documentOf(context)).toMatchObject({ status: 'error', exitCode: 2, code: 'INVALID_PARAMS', name: 'svc' });
    expect(context.errLines[0]).toMatch(/^error \[INVALID_PARAMS\]/);
  });

  it('prints the plan of a dry run as a document', async () => {
    const repo = await released(GREETER);
    const { code, context } = await cli(repo.dir, [...RUN, '--json', '--dry-run', '--param', 'who=plan']);
    expect(code).toBe(0);
    const doc = documentOf(context);
    expect(doc).toMatchObject({
      status: 'planned',
      params: { who: 'plan' },
      steps: [{ stage: 'steps', id: 'greet', name: 'Greet' }],
    });
    expect(doc['planDigest']).toMatch(/^sha256:/);
    expect(context.errLines[0]).toBe('plan for svc@v1.0.0 (dry run: nothing will run)');
  });

  it('replay --json reports the run it repeats', async () => {
    const repo = await released(GREETER);
    const first = documentOf((await cli(repo.dir, [...RUN, '--json'])).context);
    const { code, context } = await cli(repo.dir, [
      'replay',
      first['record'] as string,
      '--trusted-key',
      'k1.pub',
      '--snapshot-digest',
      first['snapshotDigest'] as string,
      '--out',
      'runs',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(documentOf(context)).toMatchObject({
      status: 'succeeded',
      replayOf: { runId: first['runId'], snapshotDigest: first['snapshotDigest'] },
    });
  });
});

describe('the text result', () => {
  it('says why a run failed and what its rollback did, not only where the record is', async () => {
    const repo = await released(FAILS_AND_ROLLS_BACK);
    const { code, context } = await cli(repo.dir, RUN);
    expect(code).toBe(1);
    expect(context.outLines.slice(0, 3)).toEqual([
      'svc@v1.0.0: failed',
      "  reason:   [STEP_FAILED] steps step 'apply' exited 9",
      '  rollback: succeeded',
    ]);
  });

  it('--quiet keeps the result lines and leaves out the detail', async () => {
    const repo = await released(GREETER);
    const { code, context } = await cli(repo.dir, [...RUN, '--quiet'], { errIsTerminal: true });
    expect(code).toBe(0);
    expect(context.outLines[0]).toBe('svc@v1.0.0: succeeded');
    expect(context.outLines.some((line) => line.includes('check it:'))).toBe(false);
    // No live progress either, even on a terminal.
    expect(context.errLines).toEqual([]);
  });
});

describe('run outputs on the console', () => {
  it('escapes terminal escapes and bare CRs a step wrote into an output value (found by review)', async () => {
    const repo = await released(
      [
        'name: svc',
        'description: answers with escapes',
        'outputs:',
        '  o: { step: s, key: o }',
        'steps:',
        '  - id: s',
        '    run: |',
        '      printf \'o=\\033]0;owned\\007\\033[2Jsafe\\rFAKE: all good\\n\' >> "$REMEDIATION_OUTPUT"',
        '',
      ].join('\n'),
    );
    const { code, context } = await cli(repo.dir, RUN);
    expect(code).toBe(0);
    const line = context.outLines.find((l) => l.startsWith('  output o='));
    expect(line).toBe('  output o=\\u{1b}]0;owned\\u{7}\\u{1b}[2Jsafe\\u{d}FAKE: all good');
    // eslint-disable-next-line no-control-regex -- the raw escapes are what must not get through
    expect(context.outLines.join('\n')).not.toMatch(/[\u001b\u0007\r]/);
  });
});

describe('live progress', () => {
  const env = (extra: NodeJS.ProcessEnv = {}) => ({ ...gitTestEnv(), ...extra });

  it('shows each stage and step with its result and duration, and the output as recorded, on a terminal', async () => {
    const repo = await released(FAILS_AND_ROLLS_BACK);
    const { code, context } = await cli(repo.dir, RUN, { errIsTerminal: true, env: env({ NO_COLOR: '1' }) });
    expect(code).toBe(1);
    const shown = context.errLines.map((line) => line.replace(/\(\d+(\.\d)? m?s\)$/, '(T)'));
    expect(shown).toEqual([
      '== steps',
      '-> steps/apply',
      '   | applying',
      '<- steps/apply failed, exit 9 (T)',
      "failed [STEP_FAILED]: steps step 'apply' exited 9",
      '== rollback',
      '-> rollback/undo',
      '   | undone',
      '<- rollback/undo succeeded, exit 0 (T)',
      'rollback: succeeded',
    ]);
    // NO_COLOR: not one escape.
    expect(context.errLines.join('\n')).not.toMatch(ANSI);
  });

  it('is in colour on a terminal without NO_COLOR (an empty NO_COLOR does not count)', async () => {
    const repo = await released(GREETER);
    const { context } = await cli(repo.dir, RUN, { errIsTerminal: true, env: env({ NO_COLOR: '' }) });
    expect(context.errLines.join('\n')).toMatch(ANSI);
  });

  it('is not shown on a pipe or a file: stderr stays empty', async () => {
    const repo = await released(GREETER);
    const { code, context } = await cli(repo.dir, RUN, { errIsTerminal: false });
    expect(code).toBe(0);
    expect(context.errLines).toEqual([]);
  });

  it('shows step output redacted exactly as run.log records it', async () => {
    const repo = await released(
      [
        'name: svc',
        'description: leaks',
        'secrets: [API_TOKEN]',
        'steps:',
        '  - { id: leak, run: "echo token=$API_TOKEN end" }',
        '',
      ].join('\n'),
    );
    const secret = 'hunter2-very-secret';
    const { code, context } = await cli(repo.dir, RUN, { errIsTerminal: true, env: env({ API_TOKEN: secret }) });
    expect(code).toBe(0);
    const output = context.errLines.filter((line) => line.startsWith('   | '));
    expect(output).toEqual(['   | token=*** end']);
    expect(context.errLines.join('\n')).not.toContain(secret);
    const record = context.outLines
      .find((line) => line.startsWith('  record:'))!
      .slice('  record:'.length)
      .trim();
    expect(readFileSync(join(record, 'run.log'), 'utf8')).toContain('token=*** end\n');
  });
});

describe('verify --json', () => {
  it('prints what was verified, and a refusal as a document with exit 3', async () => {
    const repo = await released(GREETER);
    const ok = await cli(repo.dir, ['verify', 'svc@v1.0.0', '--trusted-key', 'k1.pub', '--json']);
    expect(ok.code).toBe(0);
    const doc = documentOf(ok.context);
    expect(doc).toMatchObject({
      status: 'verified',
      exitCode: 0,
      name: 'svc',
      version: 'v1.0.0',
      tag: 'svc/v1.0.0',
      manifest: { serial: 1, threshold: 1, minSerial: 0 },
    });
    expect(doc['commit']).toBe(repo.git('rev-parse', 'svc/v1.0.0^{commit}').trim());
    expect(ok.context.errLines[0]).toBe('verified svc@v1.0.0');

    const refused = await cli(repo.dir, [
      'verify',
      'svc@v1.0.0',
      '--trusted-key',
      'k1.pub',
      '--min-serial',
      '5',
      '--json',
    ]);
    expect(refused.code).toBe(3);
    expect(documentOf(refused.context)).toMatchObject({ status: 'refused', exitCode: 3, code: 'SERIAL_ROLLBACK' });
  });
});

describe('verify-run --json', () => {
  it('names the check that failed for a tampered record; exit 3', async () => {
    const repo = await released(GREETER);
    const run = documentOf((await cli(repo.dir, [...RUN, '--json'])).context);
    const record = run['record'] as string;
    const log = join(record, 'run.log');
    writeFileSync(log, readFileSync(log, 'utf8').replace('greeting world', 'greeting WORLD'));
    const { code, context } = await cli(repo.dir, [
      'verify-run',
      record,
      '--snapshot-digest',
      run['snapshotDigest'] as string,
      '--json',
    ]);
    expect(code).toBe(3);
    const doc = documentOf(context);
    expect(doc).toMatchObject({ status: 'refused', exitCode: 3, code: 'RECORD_TAMPERED', record });
    expect(doc['message']).toEqual(expect.stringContaining('run.log'));
  });

  it('refuses a record no anchor vouches for, with what it found consistent', async () => {
    const repo = await released(GREETER);
    const run = documentOf((await cli(repo.dir, [...RUN, '--json'])).context);
    const { code, context } = await cli(repo.dir, ['verify-run', run['record'] as string, '--json']);
    expect(code).toBe(3);
    expect(documentOf(context)).toMatchObject({
      status: 'refused',
      code: 'UNANCHORED',
      runStatus: 'succeeded',
      anchors: [],
      snapshotDigest: run['snapshotDigest'],
    });
  });
});

describe('show --json', () => {
  it('prints the verified snapshot with whether anything vouches for it; the report goes to stderr', async () => {
    const repo = await released(GREETER);
    const run = documentOf((await cli(repo.dir, [...RUN, '--json'])).context);
    const record = run['record'] as string;
    for (const command of [['show'], ['runs', 'show']]) {
      const pinned = await cli(repo.dir, [
        ...command,
        record,
        '--snapshot-digest',
        run['snapshotDigest'] as string,
        '--json',
      ]);
      expect(pinned.code).toBe(0);
      const doc = documentOf(pinned.context);
      expect(doc).toMatchObject({
        status: 'authenticated',
        authenticated: true,
        record,
        name: 'svc',
        version: 'v1.0.0',
        runStatus: 'succeeded',
        snapshotDigest: run['snapshotDigest'],
      });
      expect((doc['snapshot'] as { remediation: { name: string } }).remediation.name).toBe('svc');
      expect(pinned.context.errLines.join('\n')).toContain('svc@v1.0.0');
    }
    // Nothing vouches for it: shown all the same (exit 0), and the document says so.
    const bare = await cli(repo.dir, ['show', record, '--json']);
    expect(bare.code).toBe(0);
    expect(documentOf(bare.context)).toMatchObject({ status: 'unauthenticated', authenticated: false, anchors: [] });
    // A tampered record is refused, as verify-run refuses it.
    const log = join(record, 'run.log');
    writeFileSync(log, readFileSync(log, 'utf8').replace('greeting world', 'greeting WORLD'));
    const tampered = await cli(repo.dir, ['show', record, '--json']);
    expect(tampered.code).toBe(3);
    expect(documentOf(tampered.context)).toMatchObject({ status: 'refused', code: 'RECORD_TAMPERED' });
  });
});

describe('digest --json', () => {
  it('prints the digest of the working tree and of a commit', async () => {
    const repo = await released(GREETER);
    const working = await cli(repo.dir, ['digest', 'svc', '--json']);
    const tagged = await cli(repo.dir, ['digest', 'svc', '--ref', 'svc/v1.0.0', '--json']);
    const a = documentOf(working.context);
    const b = documentOf(tagged.context);
    expect(a).toMatchObject({ status: 'ok', exitCode: 0, name: 'svc', ref: null, commit: null });
    expect(b).toMatchObject({ status: 'ok', ref: 'svc/v1.0.0', commit: repo.git('rev-parse', 'HEAD').trim() });
    expect(a['digest']).toMatch(/^sha256:/);
    expect(b['digest']).toBe(a['digest']);
  });
});

describe('validate', () => {
  function repoWithInvalid(): TempRepo {
    const repo = new TempRepo();
    repos.push(repo);
    repo.write(
      'remediations/good/remediation.yml',
      'name: good\ndescription: ok\nsteps:\n  - { id: a, run: "true" }\n',
    );
    repo.write('remediations/bad/remediation.yml', 'name: bad\ndescription: no steps\nsteps:\n  - { id: a }\n');
    repo.commit();
    return repo;
  }

  it('--json lists every remediation with its problems; exit 2 unchanged', async () => {
    const { code, context } = await cli(repoWithInvalid().dir, ['validate', '--json']);
    expect(code).toBe(2);
    const doc = documentOf(context);
    expect(doc).toMatchObject({ status: 'invalid', exitCode: 2, code: 'INVALID_DEFINITION', manifest: null });
    const remediations = doc['remediations'] as { name: string; valid: boolean; issues: { line: number }[] }[];
    expect(remediations.map((r) => [r.name, r.valid])).toEqual([
      ['bad', false],
      ['good', true],
    ]);
    expect(remediations[0]!.issues[0]).toMatchObject({ file: expect.stringContaining('bad/remediation.yml'), line: 4 });
  });

  it('--json reports the targets file: null without one, its problems with an invalid one (INVALID_CONFIG)', async () => {
    const repo = repoWithInvalid();
    const without = await cli(repo.dir, ['validate', '--json']);
    expect(documentOf(without.context)).toMatchObject({ targets: null });
    repo.write(
      'remediations/bad/remediation.yml',
      'name: bad\ndescription: fixed\nsteps:\n  - { id: a, run: "true" }\n',
    );
    repo.write('remediations/targets.yml', 'targets:\n  "-web": { runs-on: x }\n');
    repo.commit();
    const { code, context } = await cli(repo.dir, ['validate', '--json']);
    expect(code).toBe(2);
    const doc = documentOf(context);
    expect(doc).toMatchObject({
      status: 'invalid',
      code: 'INVALID_CONFIG',
      targets: { file: 'remediations/targets.yml', valid: false },
    });
    expect((doc['targets'] as { issues: { line: number }[] }).issues[0]).toMatchObject({ line: 2 });
    expect((doc['remediations'] as { valid: boolean }[]).every((r) => r.valid)).toBe(true);
  });

  it('--quiet prints only the problems', async () => {
    const { code, context } = await cli(repoWithInvalid().dir, ['validate', '--quiet']);
    expect(code).toBe(2);
    expect(context.outLines.length).toBeGreaterThan(0);
    expect(context.outLines.every((line) => line.startsWith('error: '))).toBe(true);
  });
});
