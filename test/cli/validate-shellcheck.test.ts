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
import { scriptShell } from '../../src/app/check-definition.ts';
import { parseShellcheckJson1 } from '../../src/adapters/shellcheck.ts';

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
    expect(calls).toContain('args: --norc -s bash -f json1 -\necho start\nls $UNQUOTED\n');
    expect(calls).toContain('args: --norc -s sh -f json1 -\necho UNQUOTED\n');
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

  it('follows what a script sources from its folder (real shellcheck): nothing a library sets is called unset', async () => {
    expect(onPath('shellcheck'), 'shellcheck is not installed (apt-get install shellcheck)').toBeDefined();
    const clean = LINTED.replace('ls $UNQUOTED', 'ls').replace('echo UNQUOTED', 'echo done');
    const repo = repoWith({ 'lint-me': clean });
    repo.write('remediations/lint-me/lib.sh', '# shellcheck shell=bash\nexport greeting=hello\n');
    repo.write(
      'remediations/lint-me/fix.sh',
      '#!/bin/bash\n# shellcheck source=lib.sh\n. "$(dirname -- "$0")/lib.sh"\necho "$greeting"\n',
    );
    repo.commit('sourcing');
    const { code, context } = await cli(repo.dir, ['validate'], { env: env(process.env.PATH ?? '') });
    expect(code).toBe(0);
    const warnings = context.outLines.filter((line) => line.startsWith('warning:'));
    expect(warnings.filter((line) => line.includes('SC2154'))).toEqual([]);
  });

  it('finds nothing to say about the example remediations (real shellcheck), so a copy starts clean', async () => {
    expect(onPath('shellcheck'), 'shellcheck is not installed (apt-get install shellcheck)').toBeDefined();
    const { code, context } = await cli(process.cwd(), ['validate'], { env: env(process.env.PATH ?? '') });
    expect(code).toBe(0);
    expect(context.outLines.filter((line) => /^(warning|error)/.test(line))).toEqual([]);
    expect(context.errLines).toEqual([]);
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

  it("lints the folder's shell scripts too, each finding on its own file and line", async () => {
    const bin = tempDir();
    writeFileSync(join(bin, 'shellcheck'), FAKE_SHELLCHECK, { mode: 0o755 });
    const clean = LINTED.replace('ls $UNQUOTED', 'ls').replace('echo UNQUOTED', 'echo done');
    const repo = repoWith({ 'lint-me': clean });
    repo.write('remediations/lint-me/check.sh', '#!/bin/bash\nset -eu\nls $UNQUOTED\n');
    repo.write('remediations/lint-me/tool', '#!/usr/bin/env sh\necho UNQUOTED\n');
    repo.write('remediations/lint-me/plain.sh', 'echo UNQUOTED\n');
    repo.write('remediations/lint-me/notes.md', 'UNQUOTED is not shell\n');
    repo.write('remediations/lint-me/helper.py', '#!/usr/bin/env python3\n# UNQUOTED\n');
    repo.commit('scripts');
    const { code, context } = await cli(repo.dir, ['validate'], {
      env: env(`${bin}${delimiter}${process.env.PATH ?? ''}`),
    });
    expect(context.errLines).toEqual([]);
    expect(code).toBe(0);
    expect(context.outLines.filter((line) => line.startsWith('warning:'))).toEqual([
      'warning: remediations/lint-me/check.sh:3:4: info SC2086: Double quote to prevent globbing and word splitting.',
      'warning: remediations/lint-me/plain.sh:1:4: info SC2086: Double quote to prevent globbing and word splitting.',
      'warning: remediations/lint-me/tool:2:4: info SC2086: Double quote to prevent globbing and word splitting.',
    ]);
    // Each in the dialect its #! names (bash for a .sh without one); not the README, not Python.
    const calls = readFileSync(join(bin, 'calls.log'), 'utf8');
    expect(calls).toContain('args: --norc -s bash -f json1 -\n#!/bin/bash\nset -eu\nls $UNQUOTED\n');
    expect(calls).toContain('args: --norc -s sh -f json1 -\n#!/usr/bin/env sh\necho UNQUOTED\n');
    expect(calls).toContain('args: --norc -s bash -f json1 -\necho UNQUOTED\n');
    expect(calls).not.toContain('is not shell');
    expect(calls).not.toContain('python3');
  });

  // A script's file name is the pull request's to choose. Written into `::warning file=...` as it
  // is, `,` and `::` in it would end the property and let the name write its own annotation.
  it('escapes a hostile script name in the annotation, so it cannot forge one', async () => {
    const bin = tempDir();
    writeFileSync(join(bin, 'shellcheck'), FAKE_SHELLCHECK, { mode: 0o755 });
    const clean = LINTED.replace('ls $UNQUOTED', 'ls').replace('echo UNQUOTED', 'echo done');
    const repo = repoWith({ 'lint-me': clean });
    repo.write('remediations/lint-me/x,line=1::forged.sh', 'echo UNQUOTED\n');
    repo.commit('hostile name');
    const { code, context } = await cli(repo.dir, ['validate'], {
      env: env(`${bin}${delimiter}${process.env.PATH ?? ''}`, { GITHUB_ACTIONS: 'true' }),
    });
    expect(code).toBe(0);
    const annotations = context.outLines.filter((line) => line.startsWith('::warning'));
    expect(annotations).toEqual([
      '::warning file=remediations/lint-me/x%2Cline=1%3A%3Aforged.sh,line=1,col=4::info SC2086: Double quote to prevent globbing and word splitting.',
    ]);
  });
});

describe('parseShellcheckJson1', () => {
  // A directive can name any file (`# shellcheck source=/etc/...`), and shellcheck then reports
  // findings in that file too; only the script's own ("-") are kept, so none can quote another file.
  it("keeps only the linted script's own findings", () => {
    const result = parseShellcheckJson1(
      JSON.stringify({
        comments: [
          { file: '-', line: 2, column: 1, level: 'warning', code: 2034, message: 'x appears unused.' },
          { file: '/etc/shadow', line: 1, column: 1, level: 'error', code: 1073, message: 'root:$6$secret' },
          { file: 'lib.sh', line: 9, column: 1, level: 'info', code: 2086, message: 'in the library' },
        ],
      }),
    );
    expect(result).toEqual({
      kind: 'findings',
      findings: [{ line: 2, column: 1, level: 'warning', code: 2034, message: 'x appears unused.' }],
    });
  });
});

describe('scriptShell', () => {
  it('names the shell of #! lines for bash and sh, and bash for a .sh without one', () => {
    const shell = (path: string, text: string) => scriptShell(path, Buffer.from(text));
    expect(shell('fix', '#!/bin/bash\n')).toBe('bash');
    expect(shell('fix', '#!/usr/bin/env bash\n')).toBe('bash');
    expect(shell('fix', '#! /usr/bin/env -S bash -eu\n')).toBe('bash');
    expect(shell('fix', '#!/bin/sh -e\n')).toBe('sh');
    expect(shell('fix', '#!/bin/dash\n')).toBe('sh');
    expect(shell('fix.sh', 'echo hi\n')).toBe('bash');
    expect(shell('fix.sh', '#!/usr/bin/env python3\n')).toBeUndefined();
    expect(shell('fix', '#!/bin/bashful\n')).toBeUndefined();
    expect(shell('fix', '#!/bin/zsh\n')).toBeUndefined();
    expect(shell('README.md', '# bash\n')).toBeUndefined();
  });
});
