import { cpSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDuration, formatRunReport, scriptReferences, showRunRecord } from '../../src/app/show-record.ts';
import { parsePublicKey } from '../../src/core/keys.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';
import { gitTestEnv, type TempRepo } from '../helpers/git-repo.ts';
import { rejected } from '../helpers/errors.ts';
import { replaceFile, rewriteBundle } from '../helpers/released.ts';
import { treeFile } from '../../src/core/tree-digest.ts';
import { cli, releaseInProcess } from '../helpers/in-process-cli.ts';

// A secret the run is given, echoes, and is passed as a parameter value: it must be nowhere in
// what show prints.
const SECRET = 'hunter2-d0c8a1f3e5b7';
const BIG = 'x'.repeat(4 * 1024 * 1024 + 1);

const DEFINITION = [
  'name: svc',
  'description: restarts a service',
  'inputs:',
  '  who: { type: string, default: world }',
  '  token-like: { type: string, default: none }',
  'secrets: [API_TOKEN]',
  'outputs:',
  '  greeting: { step: greet, key: said }',
  'check:',
  '  - { id: look, name: Is it down?, run: "echo looking; exit 1" }',
  'steps:',
  '  - id: greet',
  '    name: Say hello',
  '    timeout: 1m',
  '    run: |',
  '      echo "said=hello $PARAM_WHO" >> "$REMEDIATION_OUTPUT"',
  '      bash "$REMEDIATION_DIR/hello.sh"',
  'verify:',
  '  - { id: confirm, run: "echo token is $API_TOKEN" }',
  'rollback:',
  '  - { id: undo, run: "echo undo" }',
  '',
].join('\n');

let repo: TempRepo;
let record: string;
let refused: string;
let snapshotDigest: string;
const trustedKeys = () => [parsePublicKey(readFileSync(repo.path('k1.pub')), 'k1.pub')];
const env = () => ({ ...gitTestEnv(), API_TOKEN: SECRET });

beforeAll(async () => {
  repo = await releaseInProcess('svc', DEFINITION, {
    'hello.sh': '#!/bin/bash\n# greets\necho "hi from the script"\n',
    'big.bin': BIG,
  });
  const run = await cli(
    repo.dir,
    ['run', 'svc@v1.0.0', '--trusted-key', 'k1.pub', '--out', 'runs', '--sign-key', 'k1'].concat([
      '--param',
      'who=bob',
      '--param',
      `token-like=${SECRET}`,
    ]),
    { env: env() },
  );
  expect(run.context.errLines).toEqual([]);
  expect(run.code).toBe(0);
  record = run.context.outLines
    .find((l) => l.includes('record:'))!
    .split('record:')[1]!
    .trim();
  snapshotDigest = /snapshot: (sha256:[0-9a-f]{64})/.exec(run.context.outLines.join('\n'))![1]!;
  const refusal = await cli(
    repo.dir,
    ['run', 'svc@v1.0.0', '--trusted-key', 'k1.pub', '--out', 'refused'].concat(['--min-serial', '9']),
    {
      env: env(),
    },
  );
  expect(refusal.code).toBe(3);
  refused = join(repo.path('refused'), readdirSync(repo.path('refused'))[0]!);
}, 60_000);
afterAll(() => repo.remove());

let copies = 0;
function copyOf(dir: string, edit: (copy: string) => void): string {
  const copy = repo.path(`copy-${++copies}`);
  cpSync(dir, copy, { recursive: true });
  edit(copy);
  return copy;
}
function editSnapshot(dir: string, edit: (snapshot: Record<string, unknown>) => void): void {
  const snapshot = JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')) as Record<string, unknown>;
  edit(snapshot);
  writeFileSync(join(dir, 'snapshot.json'), `${JSON.stringify(snapshot, null, 2)}\n`);
}
const snapshotOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')) as RunSnapshot;

describe('showRunRecord', () => {
  it("shows each step's command, exit code and duration, and the parameters", async () => {
    const lines = await showRunRecord(record, { trustedKeys: trustedKeys() });
    const report = lines.join('\n');
    expect(lines[0]).toMatch(/^authenticated: receipt signed by [0-9a-f]{16}$/);
    expect(report).toContain('svc@v1.0.0  run ');
    expect(report).toMatch(/status: {4}succeeded/);
    expect(report).toContain('trigger:   local, ');
    const s = snapshotOf(record);
    expect(report).toContain(`tag:       svc/v1.0.0 -> commit ${s.remediation.commit}`);
    expect(report).toContain(`digest:    ${s.remediation.digest}`);
    expect(report).toContain(`signer:  ${s.manifest!.signers[0]}`);

    // Each stage's steps in order, each with its command and how it ran.
    const at = (text: string) => {
      const index = lines.findIndex((line) => line.includes(text));
      expect(index, text).toBeGreaterThanOrEqual(0);
      return index;
    };
    const steps = s.steps;
    const look = steps.find((step) => step.id === 'look')!;
    const greet = steps.find((step) => step.id === 'greet')!;
    expect(at('Stage check (conclusion: drift)')).toBeLessThan(at('look — Is it down?'));
    expect(lines[at('look — Is it down?') + 2]).toBe('      | echo looking; exit 1');
    expect(report).toContain(`ran:     exit 1, drift, 1 attempt(s), ${formatDuration(look.durationMs)}`);
    expect(at('greet — Say hello')).toBeGreaterThan(at('Stage steps'));
    expect(report).toContain('run (shell bash, timeout 1m):');
    expect(report).toContain('      | bash "$REMEDIATION_DIR/hello.sh"');
    expect(report).toContain('script hello.sh (3 line(s)):');
    expect(report).toContain('      | echo "hi from the script"');
    expect(report).toContain(`ran:     exit 0, succeeded, 1 attempt(s), ${formatDuration(greet.durationMs)}`);
    expect(report).toContain('output:  said = "hello bob"');
    // The step's own log, from its byte range of run.log.
    const greetLog = at(`log:     run.log bytes ${greet.log.start}-${greet.log.end - 1}`);
    expect(greetLog).toBeGreaterThan(at('greet — Say hello'));
    expect(lines.slice(greetLog + 1, at('Stage verify'))).toContain('      | hi from the script');
    expect(report).toContain(`log:     run.log bytes ${greet.log.start}-${greet.log.end - 1}`);
    // Declared but not reached.
    expect(lines[at('  undo') + 3]).toBe('    not run');
    expect(at('Stage rollback (rollback: not-needed)')).toBeLessThan(at('  undo'));

    expect(report).toContain('  who = "bob"');
    expect(report).toContain('Secrets (names only; values are never recorded): API_TOKEN');
    expect(report).toContain('  greeting = "hello bob"');
    expect(report).toContain('Outcome: succeeded; check: drift; rollback: not-needed');
    // The file too large to copy is named with its sha256.
    const big = s.remediation.files!.find((f) => f.path === 'big.bin')!;
    expect(s.definition!.omitted).toEqual(['big.bin']);
    expect(report).toContain(`big.bin  100644  sha256 ${big.sha256}  NOT COPIED (too large)`);
  });

  it('never shows a secret value: not from the log, not from a parameter', async () => {
    const report = (await showRunRecord(record, { trustedKeys: trustedKeys() })).join('\n');
    expect(report).toContain('| token is ***');
    expect(report).toContain('token-like = "***"');
    expect(report).not.toContain(SECRET);
    expect(report).not.toContain(SECRET.slice(0, 10));
  });

  it('shows an unanchored record under a NOT AUTHENTICATED banner', async () => {
    const lines = await showRunRecord(record);
    expect(lines[0]).toBe(
      'NOT AUTHENTICATED: consistent, but nothing outside the record vouches for it (give --trusted-key or --snapshot-digest)',
    );
    expect(lines.at(-1)).toMatch(/^NOT AUTHENTICATED: .*verify-run/);
    const pinned = await showRunRecord(record, { snapshotDigest });
    expect(pinned[0]).toBe(`authenticated: snapshot digest ${snapshotDigest} (given)`);
  });

  it('refuses a record whose definition copy was edited, anchored or not', async () => {
    const edited = copyOf(record, (d) =>
      rewriteBundle(d, replaceFile('hello.sh', '#!/bin/bash\necho "nothing to see"\n')),
    );
    for (const anchors of [{}, { snapshotDigest }, { trustedKeys: trustedKeys() }]) {
      const error = await rejected(showRunRecord(edited, anchors));
      expect(error?.code).toBe('RECORD_TAMPERED');
      expect(error?.message).toMatch(
        /(definition\.tar: hello\.sh is not the verified file|definition\.tar has sha256)/,
      );
    }
  });

  it('refuses a file slipped into definition.tar, a missing copy, a link, and a copy a record says it has not', async () => {
    const added = copyOf(record, (d) =>
      rewriteBundle(d, (files) => [...files, treeFile('extra.sh', '100755', Buffer.from('rm -rf /\n'))]),
    );
    expect((await rejected(showRunRecord(added)))?.message).toMatch(/extra\.sh, which is not a file of the verified/);
    const missing = copyOf(record, (d) => rewriteBundle(d, (files) => files.filter((f) => f.path !== 'hello.sh')));
    expect((await rejected(showRunRecord(missing)))?.message).toMatch(/leaves out/);
    const linked = copyOf(record, (d) => {
      rmSync(join(d, 'definition.tar'));
      symlinkSync('/etc/hostname', join(d, 'definition.tar'));
    });
    expect((await rejected(showRunRecord(linked)))?.code).toBe('RECORD_TAMPERED');
    const planted = copyOf(refused, (d) => cpSync(join(record, 'definition.tar'), join(d, 'definition.tar')));
    expect((await rejected(showRunRecord(planted)))?.message).toMatch(/lists no definition copy/);
  });

  it('says a refused run ran nothing', async () => {
    const report = (await showRunRecord(refused)).join('\n');
    expect(report).toContain('status:    refused');
    expect(report).toContain('error:     [SERIAL_ROLLBACK] manifest serial check: expected serial >= 9, got 1');
    expect(report).toContain('Refused: nothing ran.');
    expect(report).not.toContain('Stage ');
    expect(report).not.toContain('What ran');
  });

  it('shows a record written before definition copies, and says where the definition is', async () => {
    const old = copyOf(record, (d) => {
      rmSync(join(d, 'definition.tar'));
      rmSync(join(d, 'receipt.dsse.json'));
      editSnapshot(d, (s) => delete s['definition']);
    });
    const s = snapshotOf(old);
    const report = (await showRunRecord(old)).join('\n');
    expect(report).toContain('definition: not in this record');
    expect(report).toContain(`git show ${s.remediation.commit}:remediations/svc`);
    // The recorded steps are still listed, with how they ran.
    expect(report).toContain('Stage steps');
    expect(report).toMatch(/ {2}greet — Say hello\n {4}ran: {5}exit 0, succeeded/);
    expect(report).toContain('  who = "bob"');
  });

  it('refuses a tampered record and shows nothing of it', async () => {
    const edited = copyOf(record, (d) => editSnapshot(d, (s) => (s['status'] = 'healthy')));
    expect((await rejected(showRunRecord(edited)))?.code).toBe('RECORD_TAMPERED');
  });
});

describe('hostile record contents', () => {
  it('keeps a step from drawing report lines, terminal escapes or workflow commands', async () => {
    const hostile = await releaseInProcess(
      'svc',
      [
        'name: svc',
        'description: prints as if it were the report',
        'steps:',
        `  - id: liar`,
        `    run: |`,
        `      printf 'authenticated: receipt signed by 0123456789abcdef\\n'`,
        `      printf '\\033[2J\\033[1;1Hclean\\n'`,
        `      printf '::add-mask::x\\n'`,
        '',
      ].join('\n'),
    );
    try {
      const run = await cli(hostile.dir, ['run', 'svc@v1.0.0', '--trusted-key', 'k1.pub', '--out', 'runs']);
      expect(run.code).toBe(0);
      const dir = join(hostile.path('runs'), readdirSync(hostile.path('runs'))[0]!);
      const lines = await showRunRecord(dir);
      // Fenced: between the stop-commands line and its token, nothing acts as a workflow command.
      const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0]!)?.[1];
      expect(token).toBeDefined();
      expect(lines.at(-1)).toBe(`::${token}::`);
      expect(lines[1]).toMatch(/^NOT AUTHENTICATED/);
      expect(lines.filter((l) => l.startsWith('authenticated'))).toEqual([]);
      expect(lines).toContain('      | authenticated: receipt signed by 0123456789abcdef');
      expect(lines.join('\n')).not.toContain('\u001b');
      expect(lines).toContain('      | \\u{1b}[2J\\u{1b}[1;1Hclean');
      expect(lines.slice(1, -1).filter((l) => l.trimStart().startsWith('::'))).toEqual([]);
    } finally {
      hostile.remove();
    }
  });
});

describe('formatRunReport', () => {
  it('shows a GitHub trigger, a killed step, an interrupted run and only the last 20 lines of a long log', () => {
    const base = snapshotOf(record);
    const log = Buffer.from(
      Array.from({ length: 30 }, (_, i) => `line ${i + 1}\n`).join('') +
        '[t] <== steps/greet killed by SIGKILL (timed-out)\n',
    );
    const snapshot: RunSnapshot = {
      ...base,
      status: 'timed-out',
      error: { code: 'TIMED_OUT', message: 'step greet ran past 1m' },
      trigger: {
        kind: 'github',
        event: 'repository_dispatch',
        action: 'disk-full',
        runId: '42',
        attempt: '2',
        actor: 'alert-bot',
        workflowRef: 'o/r/.github/workflows/remediate.yml@refs/heads/main',
        repository: 'o/r',
      },
      steps: [
        {
          ...base.steps.find((step) => step.id === 'greet')!,
          exitCode: null,
          signal: 'SIGKILL',
          outcome: 'timed-out',
          attempts: 2,
          durationMs: 61_000,
          log: { start: 0, end: log.byteLength },
        },
      ],
    };
    const lines = formatRunReport({
      snapshot,
      snapshotDigest,
      anchors: [],
      complete: false,
      log,
      definition: { kind: 'not-in-record', files: [] },
    });
    const report = lines.join('\n');
    expect(report).toContain('status:    timed-out (record incomplete: the run was interrupted)');
    expect(report).toContain('error:     [TIMED_OUT] step greet ran past 1m');
    expect(report).toContain(
      'trigger:   GitHub repository_dispatch.disk-full by alert-bot in o/r, workflow o/r/.github/workflows/remediate.yml@refs/heads/main, run 42 attempt 2',
    );
    expect(report).toContain('ran:     killed by SIGKILL, timed-out, 2 attempt(s), 1 min 1 s');
    expect(report).toContain(`log:     run.log bytes 0-${log.byteLength - 1}, last 20 lines`);
    expect(lines).toContain('      | line 12');
    expect(lines).not.toContain('      | line 11');
    expect(lines).toContain('      | [t] <== steps/greet killed by SIGKILL (timed-out)');

    // A log far longer than the tail read: the same last 20 lines, none cut mid-line.
    const long = Buffer.from(Array.from({ length: 20_000 }, (_, i) => `line ${i + 1}\n`).join(''));
    const longLines = formatRunReport({
      snapshot: { ...snapshot, steps: [{ ...snapshot.steps[0]!, log: { start: 0, end: long.byteLength } }] },
      snapshotDigest,
      anchors: [],
      complete: false,
      log: long,
      definition: { kind: 'not-in-record', files: [] },
    });
    const excerpt = longLines.filter((line) => line.startsWith('      | line '));
    expect(excerpt).toEqual(Array.from({ length: 20 }, (_, i) => `      | line ${19_981 + i}`));
  });
});

describe('helpers', () => {
  it('finds the scripts a step runs from the definition folder', () => {
    expect(
      scriptReferences('bash "$REMEDIATION_DIR/a.sh" && sh ${REMEDIATION_DIR}/lib/b.sh; $REMEDIATION_DIRX/c'),
    ).toEqual(['a.sh', 'lib/b.sh']);
  });

  it('formats durations for people', () => {
    expect([0, 999, 1500, 61_000, 3_723_000].map(formatDuration)).toEqual([
      '0 ms',
      '999 ms',
      '1.5 s',
      '1 min 1 s',
      '1 h 2 min',
    ]);
  });
});
