// `remediate validate` lints every step's script with shellcheck when it is on PATH: findings are
// warnings on their line of remediation.yml (annotations on GitHub, a list in the summary) and
// never fail validation; without shellcheck it says once that the lint was skipped. A stand-in
// shellcheck (a bash script answering in shellcheck's documented json1 format) makes the answers
// fixed; the real one is used too where it is installed.
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitTestEnv, TempRepo } from '../helpers/git-repo.ts';
import { cli } from '../helpers/in-process-cli.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'remediate-shellcheck-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Where `program` is on this machine's PATH, if anywhere. */
function onPath(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

// Reports SC2086 (info) at column 4 of the first script line holding UNQUOTED, as shellcheck does
// for `ls $UNQUOTED`; logs its arguments and the script it read on stdin next to itself.
const FAKE_SHELLCHECK = `#!/bin/bash
dir=$(dirname "$0")
script=$(cat)
printf 'args: %s\\n' "$*" >>"$dir/calls.log"
printf '%s\\n---\\n' "$script" >>"$dir/calls.log"
line=$(printf '%s\\n' "$script" | grep -n UNQUOTED | head -n 1 | cut -d: -f1)
if [ -z "$line" ]; then echo '{"comments":[]}'; exit 0; fi
printf '{"comments":[{"file":"-","line":%s,"endLine":%s,"column":4,"endColumn":13,"level":"info","code":2086,"message":"Double quote to prevent globbing and word splitting.","fix":null}]}\\n' "$line" "$line"
exit 1
`;

const LINTED = [
  'name: lint-me',
  'description: a script shellcheck has advice for',
  'steps:',
  '  - id: fix',
  '    run: |',
  '      echo start',
  '      ls $UNQUOTED',
  'rollback:',
  '  - { id: undo, shell: sh, run: "echo UNQUOTED" }',
  '',
].join('\n');

function repoWith(definitions: Readonly<Record<string, string>>): TempRepo {
  const repo = new TempRepo();
  cleanups.push(() => repo.remove());
  for (const [name, text] of Object.entries(definitions)) repo.write(`remediations/${name}/remediation.yml`, text);
  repo.commit('definitions');
  return repo;
}

function env(path: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base = gitTestEnv();
  delete base.GITHUB_ACTIONS;
  return { ...base, PATH: path, ...extra };
}

describe('validate with shellcheck', () => {
  it('prints findings as warnings on their line of remediation.yml and still passes (exit 0)', async () => {
    const bin = tempDir();
    writeFileSync(join(bin, 'shellcheck'), FAKE_SHELLCHECK, { mode: 0o755 });
    const repo = repoWith({ 'lint-me': LINTED });
    writeFileSync(repo.path('summary.md'), '');
    const { code, context } = await cli(repo.dir, ['validate', '--summary', 'summary.md'], {
      env: env(`${bin}${delimiter}${process.env.PATH ?? ''}`),
    });
    expect(context.errLines).toEqual([]);
    expect(code).toBe(0);
    const warnings = context.outLines.filter((line) => line.startsWith('warning:'));
    expect(warnings[0]).toBe(
      'warning: remediations/lint-me/remediation.yml:7:10: steps[0].run: info SC2086: Double quote to prevent globbing and word splitting.',
    );
    // Not a block: the step's value is pointed at, with the position in its script.
    expect(warnings[1]).toMatch(
      /^warning: remediations\/lint-me\/remediation\.yml:9:\d+: rollback\[0\]\.run: info SC2086: .*\(script line 1, column 4\)$/,
    );
    expect(warnings).toHaveLength(2);
    // Each script went to shellcheck on stdin, with the dialect of the shell that runs it.
    const calls = readFileSync(join(bin, 'calls.log'), 'utf8');
    expect(calls).toContain('args: -s bash -f json1 -\necho start\nls $UNQUOTED\n');
    expect(calls).toContain('args: -s sh -f json1 -\necho UNQUOTED\n');
    const summary = readFileSync(repo.path('summary.md'), 'utf8');
    expect(summary).toContain('shellcheck: 2 warning(s) (advice; they do not fail validation).');
    expect(summary).toContain('remediations/lint-me/remediation.yml:7:10: steps\\[0\\].run: info SC2086');
  });

  it('annotates findings as warnings on GitHub', async () => {
    const bin = tempDir();
    writeFileSync(join(bin, 'shellcheck'), FAKE_SHELLCHECK, { mode: 0o755 });
    const repo = repoWith({ 'lint-me': LINTED });
    const { code, context } = await cli(repo.dir, ['validate'], {
      env: env(`${bin}${delimiter}${process.env.PATH ?? ''}`, { GITHUB_ACTIONS: 'true' }),
    });
    expect(code).toBe(0);
    expect(context.outLines).toContain(
      '::warning file=remediations/lint-me/remediation.yml,line=7,col=10::steps[0].run: info SC2086: Double quote to prevent globbing and word splitting.',
    );
  });

  it('says once that the lint was skipped when shellcheck is not installed, and still validates', async () => {
    // A PATH with git and the shells, and nothing else: no shellcheck, whatever this machine has.
    const bin = tempDir();
    for (const program of ['git', 'bash', 'sh']) {
      const found = onPath(program);
      if (found === undefined) throw new Error(`${program} is needed on PATH for this test`);
      symlinkSync(found, join(bin, program));
    }
    const repo = repoWith({ 'lint-me': LINTED, 'other-one': LINTED.replace('lint-me', 'other-one') });
    writeFileSync(repo.path('summary.md'), '');
    const { code, context } = await cli(repo.dir, ['validate', '--summary', 'summary.md'], { env: env(bin) });
    expect(code).toBe(0);
    expect(context.errLines).toEqual(['shellcheck not found; shell lint skipped']);
    expect(context.outLines.filter((line) => line.startsWith('warning:'))).toEqual([]);
    expect(readFileSync(repo.path('summary.md'), 'utf8')).toContain('shellcheck not found; shell lint skipped.');
  });

  // The real shellcheck (Debian's package, which .ci/run installs when missing): a missing one
  // fails here, it never skips.
  it('uses the real shellcheck, as GitHub-hosted runners ship it', async () => {
    expect(onPath('shellcheck'), 'shellcheck is not installed (apt-get install shellcheck)').toBeDefined();
    const repo = repoWith({ 'lint-me': LINTED });
    const { code, context } = await cli(repo.dir, ['validate'], { env: env(process.env.PATH ?? '') });
    expect(code).toBe(0);
    expect(context.outLines).toContain(
      'warning: remediations/lint-me/remediation.yml:7:10: steps[0].run: info SC2086: Double quote to prevent globbing and word splitting.',
    );
  });

  it('--json keeps stdout one document: the warnings go to stderr and into the document (found by review)', async () => {
    const repo = repoWith({ 'lint-me': LINTED });
    const { code, context } = await cli(repo.dir, ['validate', '--json'], { env: env(process.env.PATH ?? '') });
    expect(code).toBe(0);
    expect(context.outLines).toHaveLength(1);
    const doc = JSON.parse(context.outLines[0]!) as { remediations: { warnings: { message: string }[] }[] };
    expect(doc.remediations[0]?.warnings.map((w) => w.message)).toContain(
      'info SC2086: Double quote to prevent globbing and word splitting.',
    );
    expect(context.errLines.join('\n')).toContain('warning: remediations/lint-me/remediation.yml:7:10');
  });
});
