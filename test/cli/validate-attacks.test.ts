// `remediate validate` runs in a pull request's CI job (validate.yml) on the pull request's files:
// every file under remediations/ is the attacker's. These are the attacks an adversarial review
// found against the targets-file check, the folder-script lint and the folder names, each refused.
// In process (runCli with a captured context), against real git repositories and the real shellcheck.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shellcheckOn } from '../../src/adapters/shellcheck.ts';
import { gitTestEnv, TempRepo } from '../helpers/git-repo.ts';
import { cli } from '../helpers/in-process-cli.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'remediate-validate-attack-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const DEFINITION = 'name: demo\ndescription: d\nsteps:\n  - id: fix\n    run: echo hi\n';

function repo(): TempRepo {
  const r = new TempRepo();
  cleanups.push(() => r.remove());
  r.write('remediations/demo/remediation.yml', DEFINITION);
  r.commit('demo');
  return r;
}

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base = gitTestEnv();
  delete base.GITHUB_ACTIONS;
  return { ...base, ...extra };
}

const everything = (context: { outLines: string[]; errLines: string[] }) =>
  [...context.outLines, ...context.errLines].join('\n');

describe('the targets file is never read through a link', () => {
  // Attack: remediations/targets.yml linked to a runner file (/proc/self/environ, credentials):
  // parse errors quote what they read into the public log, the summary and --json.
  it('refuses a targets.yml that is a symbolic link, quoting nothing of what it points at', async () => {
    const r = repo();
    const secret = join(tempDir(), 'credentials');
    writeFileSync(secret, 'token = ghp_SECRETVALUE\npassword: hunter2-secret\n');
    symlinkSync(secret, r.path('remediations/targets.yml'));
    writeFileSync(r.path('summary.md'), '');
    for (const args of [
      ['validate', '--summary', 'summary.md'],
      ['validate', '--json'],
    ]) {
      const { code, context } = await cli(r.dir, args, { env: env({ GITHUB_ACTIONS: 'true' }) });
      expect(code).toBe(2);
      expect(everything(context)).toContain('targets file');
      expect(everything(context)).toContain('is a symbolic link');
      expect(everything(context)).not.toMatch(/ghp_SECRETVALUE|hunter2/);
    }
    expect(readFileSync(r.path('summary.md'), 'utf8')).not.toMatch(/ghp_SECRETVALUE|hunter2/);
  });

  // A dangling link read as "no targets file" would pass review, then fail every routed alert.
  it('refuses a dangling link instead of reading it as "no targets file"', async () => {
    const r = repo();
    symlinkSync('/nonexistent/targets.yml', r.path('remediations/targets.yml'));
    const { code, context } = await cli(r.dir, ['validate', '--json'], { env: env() });
    expect(code).toBe(2);
    const doc = JSON.parse(context.outLines.join('\n')) as { status: string; targets: { valid: boolean } | null };
    expect(doc.status).toBe('invalid');
    expect(doc.targets?.valid).toBe(false);
  });

  it('refuses a remediations/ folder that is a link', async () => {
    const r = new TempRepo();
    cleanups.push(() => r.remove());
    const elsewhere = tempDir();
    mkdirSync(join(elsewhere, 'demo'));
    writeFileSync(join(elsewhere, 'demo/remediation.yml'), DEFINITION);
    writeFileSync(join(elsewhere, 'targets.yml'), 'secret: ghp_SECRETVALUE\n');
    symlinkSync(elsewhere, r.path('remediations'));
    r.commit('linked');
    const { code, context } = await cli(r.dir, ['validate'], { env: env() });
    expect(code).toBe(2);
    expect(everything(context)).toContain('remediations/ is a symbolic link');
    expect(everything(context)).not.toContain('ghp_SECRETVALUE');
  });
});

describe('folder names cannot write workflow commands or Markdown', () => {
  // Attack: a folder named `zz\n::warning ...\n::stop-commands::x` printed raw would write its own
  // annotation and stop every later ::error from being read as one.
  it('reports a folder that is not a remediation name, JSON-quoted, and writes no line of its own', async () => {
    const r = repo();
    const base = r.git('rev-parse', 'HEAD').trim();
    const name = 'zz\n::warning file=README.md,line=1,title=Security review::safe to merge\n::stop-commands::hidden';
    r.write(`remediations/${name}/remediation.yml`, DEFINITION.replace('demo', 'zz'));
    r.commit('hostile folder');
    writeFileSync(r.path('summary.md'), '');
    const { code, context } = await cli(r.dir, ['validate', '--base', base, '--summary', 'summary.md'], {
      env: env({ GITHUB_ACTIONS: 'true' }),
    });
    expect(code).toBe(2);
    const lines = [...context.outLines, ...context.errLines].flatMap((line) => line.split('\n'));
    // One annotation, ours, with the name escaped in it; no line the name wrote.
    expect(lines.filter((line) => line.startsWith('::'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('::'))[0]).toMatch(/^::error file=remediations\/"zz\\n%3A%3Awarning/);
    expect(lines.join('\n')).toContain('is not a remediation name');
    const summary = readFileSync(r.path('summary.md'), 'utf8');
    expect(summary.split('\n').some((line) => line.startsWith('::'))).toBe(false);
    expect(summary).toContain('rename the folder');
  });
});

describe('the shell lint reads only the folder', () => {
  // Attack: with `-x`, shellcheck follows any path a script names (`. /dev/zer""o`, a directive
  // `source=/dev/zero`, `\source`), reading without end; a .shellcheckrc linked to /dev/zero at the
  // repository root stalled every lint. Each lint would run to its 30 s timeout.
  it('follows no path outside the folder and reads no .shellcheckrc (real shellcheck)', async () => {
    const r = repo();
    r.write(
      'remediations/demo/a.sh',
      '#!/bin/bash\n# shellcheck source=/dev/zero\n. ./x\n. /dev/zer""o\n\\source /dev/zero\n',
    );
    symlinkSync('/dev/zero', r.path('.shellcheckrc'));
    r.write('remediations/.shellcheckrc', 'disable=all\n');
    r.commit('hostile sourcing');
    const { code, context } = await cli(r.dir, ['validate'], { env: env() });
    expect(code).toBe(0);
    const warnings = context.outLines.filter((line) => line.startsWith('warning:'));
    expect(warnings.join('\n')).not.toContain('did not finish');
    // The lint ran (the rc's disable=all was not read): shellcheck's own advice on a.sh is there.
    expect(warnings.some((line) => line.startsWith('warning: remediations/demo/a.sh:'))).toBe(true);
  });

  it('gives all the lints of one validation a budget, and says which were not linted', async () => {
    const bin = tempDir();
    writeFileSync(join(bin, 'shellcheck'), '#!/bin/bash\ncat >/dev/null\nsleep 0.3\necho \'{"comments":[]}\'\n', {
      mode: 0o755,
    });
    const lint = shellcheckOn(`${bin}${delimiter}${process.env.PATH ?? ''}`, 500);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await lint('bash', 'echo hi'));
    expect(results[0]).toEqual({ kind: 'findings', findings: [] });
    expect(results.at(-1)).toMatchObject({ kind: 'failed', message: expect.stringContaining('not linted') });
  });
});
