import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, gitTestEnv, runCli } from '../helpers/git-repo.ts';
import { isAlive, releaseRemediation, waitForFile, type Released, pinnedAsIs } from '../helpers/released.ts';

let current: Released | undefined;
afterEach(() => current?.repo.remove());
async function released(yaml: string, files: Record<string, string> = {}): Promise<Released> {
  current = await releaseRemediation('svc', `name: svc\ndescription: test\n${yaml}`, files);
  return current;
}

describe('stages', () => {
  it('ends healthy without running steps when the check passes', async () => {
    const r = await released(
      `check:\n  - { id: probe, run: "exit 0" }\nsteps:\n  - { id: fix, run: "touch \\"$HOME/should-not-exist\\"" }\n`,
    );
    const result = await r.run([], { HOME: r.repo.dir });
    expect(result.code).toBe(0);
    const snap = r.snapshot(r.records()[0]!);
    expect(snap.status).toBe('healthy');
    expect(snap.check).toBe('healthy');
    expect(snap.steps.map((s) => s.id)).toEqual(['probe']);
    expect(existsSync(r.repo.path('should-not-exist'))).toBe(false);
  });

  it('runs the fix anyway with --force', async () => {
    const r = await released(`check:\n  - { id: probe, run: "exit 0" }\nsteps:\n  - { id: fix, run: "echo fixing" }\n`);
    expect((await r.run(['--force'])).code).toBe(0);
    const snap = r.snapshot(r.records()[0]!);
    expect(snap.check).toBe('forced');
    expect(snap.steps.map((s) => s.id)).toEqual(['probe', 'fix']);
  });

  it('fixes then verifies when the check finds drift, passing outputs to later steps', async () => {
    const r = await released(
      [
        'outputs:',
        '  result: { step: fix, key: changed }',
        'check:',
        '  - { id: probe, run: "exit 1" }',
        'steps:',
        '  - id: fix',
        '    run: |',
        '      echo "changed=3 files" >> "$REMEDIATION_OUTPUT"',
        '      printf "note<<EOF_X\\nline1\\nline2\\nEOF_X\\n" >> "$REMEDIATION_OUTPUT"',
        'verify:',
        '  - { id: confirm, run: "test \\"$STEP_FIX_CHANGED\\" = \\"3 files\\" && test \\"$STEP_FIX_NOTE\\" = $\'line1\\\\nline2\'" }',
        '',
      ].join('\n'),
    );
    const result = await r.run();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const snap = r.snapshot(r.records()[0]!);
    expect(snap.status).toBe('succeeded');
    expect(snap.check).toBe('drift');
    expect(snap.steps.map((s) => `${s.stage}/${s.id}:${s.outcome}`)).toEqual([
      'check/probe:drift',
      'steps/fix:succeeded',
      'verify/confirm:succeeded',
    ]);
    expect(snap.steps[1]!.outputs).toEqual({ changed: '3 files', note: 'line1\nline2' });
    expect(snap.outputs).toEqual({ result: '3 files' });
    expect(result.stdout).toContain('output result=3 files');
  });

  it('reads declared outputs only from what the step wrote, never from built-in properties', async () => {
    const r = await released(
      [
        'outputs:',
        '  constructor: { step: fix, key: constructor }',
        '  tostring: { step: fix, key: toString }',
        '  proto: { step: fix, key: __proto__ }',
        'steps:',
        '  - id: fix',
        '    run: |',
        '      echo "constructor=c" >> "$REMEDIATION_OUTPUT"',
        '      echo "__proto__=p" >> "$REMEDIATION_OUTPUT"',
        '',
      ].join('\n'),
    );
    const result = await r.run();
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/function|native code/);
    const snap = r.snapshot(r.records()[0]!);
    expect(snap.outputs).toEqual({ constructor: 'c', proto: 'p' });
    expect(Object.hasOwn(snap.steps[0]!.outputs, '__proto__')).toBe(true);
    expect(result.stdout).toContain('output proto=p');
  });

  it('keeps the first value when two outputs become the same STEP_ variable (a/b_k vs a-b/k, K2 vs k2)', async () => {
    const r = await released(
      [
        'steps:',
        '  - id: a',
        '    run: |',
        '      echo "b_k=first" >> "$REMEDIATION_OUTPUT"',
        '      echo "K2=upper" >> "$REMEDIATION_OUTPUT"',
        '      echo "k2=lower" >> "$REMEDIATION_OUTPUT"',
        '  - { id: a-b, run: \'echo "k=second" >> "$REMEDIATION_OUTPUT"\' }',
        'verify:',
        '  - { id: confirm, run: \'test "$STEP_A_B_K" = first && test "$STEP_A_K2" = upper\' }',
        '',
      ].join('\n'),
    );
    const result = await r.run();
    expect(result.code).toBe(0);
    const log = readFileSync(join(r.records()[0]!, 'run.log'), 'utf8');
    expect(log).toContain("steps/a: output 'k2' not passed on: STEP_A_K2 is already set by output a/K2");
    expect(log).toContain("steps/a-b: output 'k' not passed on: STEP_A_B_K is already set by output a/b_k");
    const snap = r.snapshot(r.records()[0]!);
    expect(snap.steps[1]!.outputs).toEqual({ k: 'second' });
  });

  it('fails without changing anything when the check itself errors (exit >= 2)', async () => {
    const r = await released(`check:\n  - { id: probe, run: "exit 2" }\nsteps:\n  - { id: fix, run: "echo never" }\n`);
    const result = await r.run();
    expect(result.code).toBe(1);
    const snap = r.snapshot(r.records()[0]!);
    expect(snap.check).toBe('error');
    expect(snap.error?.code).toBe('CHECK_FAILED');
    expect(snap.steps.map((s) => s.id)).toEqual(['probe']);
  });

  it('rolls back when a step fails, and exits 1', async () => {
    const r = await released(
      'steps:\n  - { id: one, run: "echo one" }\n  - { id: two, run: "exit 7" }\n  - { id: three, run: "echo never" }\nrollback:\n  - { id: undo, run: "echo undoing" }\n',
    );
    const result = await r.run();
    expect(result.code).toBe(1);
    const snap = r.snapshot(r.records()[0]!);
    expect(snap.status).toBe('failed');
    expect(snap.rollback).toBe('succeeded');
    expect(snap.error?.code).toBe('STEP_FAILED');
    expect(snap.steps.map((s) => `${s.stage}/${s.id}:${s.exitCode}`)).toEqual([
      'steps/one:0',
      'steps/two:7',
      'rollback/undo:0',
    ]);
  });

  it('rolls back when verify fails', async () => {
    const r = await released(
      'steps:\n  - { id: fix, run: "true" }\nverify:\n  - { id: confirm, run: "exit 1" }\nrollback:\n  - { id: undo, run: "true" }\n',
    );
    expect((await r.run()).code).toBe(1);
    const snap = r.snapshot(r.records()[0]!);
    expect(snap.error?.code).toBe('VERIFY_FAILED');
    expect(snap.steps.at(-1)?.stage).toBe('rollback');
  });

  it('continues past a continue-on-error step', async () => {
    const r = await released(
      'steps:\n  - { id: flaky, run: "exit 3", continue-on-error: true }\n  - { id: next, run: "true" }\n',
    );
    expect((await r.run()).code).toBe(0);
    const snap = r.snapshot(r.records()[0]!);
    expect(snap.steps.map((s) => `${s.id}:${s.outcome}`)).toEqual(['flaky:failed', 'next:succeeded']);
    expect(snap.status).toBe('succeeded');
  });

  it('retries a failing step with backoff until it succeeds', async () => {
    const r = await released(
      'steps:\n  - id: flaky\n    retries: 3\n    run: |\n      n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count\n      test $n -ge 3\n',
    );
    expect((await r.run()).code).toBe(0);
    const snap = r.snapshot(r.records()[0]!);
    expect(snap.steps[0]!.attempts).toBe(3);
    expect(snap.steps[0]!.outcome).toBe('succeeded');
  });

  it('kills the whole process group when a step times out (the grandchild is gone too)', async () => {
    const r = await released(
      `steps:\n  - id: hang\n    timeout: 1s\n    run: |\n      sleep 300 &\n      echo $! > "$HOME/grandchild.pid"\n      sleep 300\nrollback:\n  - { id: undo, run: "true" }\n`,
    );
    const result = await r.run([], { HOME: r.repo.dir });
    expect(result.code).toBe(4);
    const snap = r.snapshot(r.records()[0]!);
    expect(snap.status).toBe('timed-out');
    expect(snap.steps[0]!.outcome).toBe('timed-out');
    expect(snap.rollback).toBe('succeeded');
    const pid = Number(readFileSync(r.repo.path('grandchild.pid'), 'utf8'));
    expect(pid).toBeGreaterThan(0);
    expect(isAlive(pid)).toBe(false);
  });

  it('stops at the whole-run timeout', async () => {
    const r = await released(
      'timeout: 1s\nsteps:\n  - { id: slow, run: "sleep 30" }\n  - { id: never, run: "true" }\n',
    );
    const result = await r.run();
    expect(result.code).toBe(4);
    const snap = r.snapshot(r.records()[0]!);
    expect(snap.status).toBe('timed-out');
    expect(snap.steps.map((s) => s.id)).toEqual(['slow']);
  });

  it('finishes a valid record with status cancelled when the CLI gets SIGTERM mid-step', async () => {
    const r = await released(
      `steps:\n  - id: long\n    run: |\n      sleep 300 &\n      echo $! > "$HOME/grandchild.pid"\n      touch "$HOME/started"\n      wait\n  - { id: never, run: "true" }\n`,
    );
    const child = spawn(process.execPath, [CLI, 'run', 'svc@v1.0.0', '--trusted-key', 'k1.pub', '--out', 'runs'], {
      cwd: r.repo.dir,
      env: { ...gitTestEnv(), HOME: r.repo.dir },
      stdio: 'ignore',
    });
    await waitForFile(r.repo.path('started'));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(4);
    const dir = r.records()[0]!;
    const snap = r.snapshot(dir);
    expect(snap.status).toBe('cancelled');
    expect(snap.steps.map((s) => `${s.id}:${s.outcome}`)).toEqual(['long:cancelled']);
    expect(isAlive(Number(readFileSync(r.repo.path('grandchild.pid'), 'utf8')))).toBe(false);
    const verified = await runCli(['verify-run', dir, ...pinnedAsIs(dir)], { cwd: r.repo.dir });
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^intact: status cancelled/);
  });
});

describe('a killed run', () => {
  it('leaves a valid prefix that verify-run accepts as incomplete (SIGKILL, no chance to clean up)', async () => {
    const r = await released(
      `steps:\n  - id: chatty\n    run: |\n      echo $$ > "$HOME/step.pid"\n      for i in $(seq 1 2000); do echo "progress line $i"; done\n      touch "$HOME/printed"\n      sleep 300\n`,
    );
    const child = spawn(process.execPath, [CLI, 'run', 'svc@v1.0.0', '--trusted-key', 'k1.pub', '--out', 'runs'], {
      cwd: r.repo.dir,
      // Scratch space inside the test's folder: a SIGKILLed run cannot clean up after itself.
      env: { ...gitTestEnv(), HOME: r.repo.dir, TMPDIR: r.repo.dir },
      stdio: 'ignore',
    });
    await waitForFile(r.repo.path('printed'));
    // Wait until the recorder's periodic flush has put the last printed line on disk (polling,
    // not a fixed sleep, so a loaded machine only makes the test slower, not flaky).
    const dir = r.records()[0]!;
    const started = Date.now();
    while (!readFileSync(join(dir, 'run.log'), 'utf8').includes('progress line 2000')) {
      if (Date.now() - started > 20_000) throw new Error('the printed lines never reached run.log');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));
    // The step leads its own process group, which outlives a SIGKILLed CLI: end it for the test.
    process.kill(-Number(readFileSync(r.repo.path('step.pid'), 'utf8')), 'SIGKILL');
    expect(r.snapshot(dir).status).toBe('running');
    const verified = await runCli(['verify-run', dir, ...pinnedAsIs(dir)], { cwd: r.repo.dir });
    expect(verified.stdout).toMatch(/^consistent but incomplete/);
    // A snapshot written before the log was closed pins no log byte: its digest is no anchor.
    expect(verified.code).toBe(3);
    expect(verified.stderr).toMatch(/UNANCHORED.*the snapshot pins no byte of run\.log/);
    expect(readFileSync(join(dir, 'run.log'), 'utf8')).toContain('progress line 2000');
  });
});

describe('the verified bytes run', () => {
  it('ignores a step rewriting a later step’s script, in its copy and in the checkout', async () => {
    const r = await released(
      [
        'steps:',
        '  - id: tamper',
        '    run: |',
        '      chmod -R u+w "$REMEDIATION_DIR" || true',
        '      echo "echo TAMPERED" > "$REMEDIATION_DIR/next.sh"',
        '      echo "echo TAMPERED" > "$HOME/remediations/svc/next.sh"',
        '  - { id: next, run: "bash \\"$REMEDIATION_DIR/next.sh\\"" }',
        '',
      ].join('\n'),
      { 'next.sh': 'echo ORIGINAL\n' },
    );
    // HOME points at the checkout, so the step also rewrites the working tree's copy of next.sh.
    const result = await r.run([], { HOME: r.repo.dir });
    expect(result.code).toBe(0);
    const log = readFileSync(join(r.records()[0]!, 'run.log'), 'utf8');
    expect(log).toContain('ORIGINAL');
    expect(log).not.toContain('TAMPERED');
    expect(readFileSync(r.repo.path('remediations/svc/next.sh'), 'utf8')).toBe('echo TAMPERED\n');
  });

  it("ends a step's background children with it, so none can rewrite a later step's copy", async () => {
    const r = await released(
      [
        'steps:',
        '  - id: first',
        '    run: |',
        '      (',
        '        for i in $(seq 1 100); do',
        '          for f in "$(dirname "$(dirname "$REMEDIATION_DIR")")"/remediate-definition-*/files/second.sh; do',
        '            [ -e "$f" ] && [ "$f" != "$REMEDIATION_DIR/second.sh" ] && chmod u+w "$f" && echo "echo UNVERIFIED" > "$f"',
        '          done',
        '          sleep 0.05',
        '        done',
        '        echo $$ > /dev/null',
        '      ) &',
        '      echo $! > "$HOME/watcher.pid"',
        '      echo first done',
        '  - { id: second, run: "sleep 0.5; bash \\"$REMEDIATION_DIR/second.sh\\"" }',
        '',
      ].join('\n'),
      { 'second.sh': 'echo VERIFIED\n' },
    );
    const result = await r.run([], { HOME: r.repo.dir });
    expect(result.code).toBe(0);
    const log = readFileSync(join(r.records()[0]!, 'run.log'), 'utf8');
    expect(log).toContain('VERIFIED');
    expect(log).not.toContain('UNVERIFIED');
    expect(isAlive(Number(readFileSync(r.repo.path('watcher.pid'), 'utf8')))).toBe(false);
  });

  it('runs nothing and records `refused` when a check fails', async () => {
    const r = await released(`steps:\n  - { id: fix, run: "touch \\"$HOME/ran\\"" }\n`);
    writeFileSync(r.repo.path('remediations/svc/remediation.yml'), 'tampered');
    r.repo.commit('tamper');
    r.repo.git('tag', '-f', '-a', '-m', 'moved', 'svc/v1.0.0', 'HEAD');
    const result = await r.run([], { HOME: r.repo.dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/refused \[COMMIT_MISMATCH\]/);
    expect(existsSync(r.repo.path('ran'))).toBe(false);
    const snap = r.snapshot(r.records()[0]!);
    expect(snap.status).toBe('refused');
    expect(snap.error?.code).toBe('COMMIT_MISMATCH');
    expect(snap.steps).toEqual([]);
    expect(
      (await runCli(['verify-run', r.records()[0]!, ...pinnedAsIs(r.records()[0]!)], { cwd: r.repo.dir })).code,
    ).toBe(0);
  });

  it('refuses to start when a declared secret is missing (exit 2, nothing runs)', async () => {
    const r = await released(`secrets: [API_TOKEN]\nsteps:\n  - { id: fix, run: "touch \\"$HOME/ran\\"" }\n`);
    const result = await r.run([], { HOME: r.repo.dir, API_TOKEN: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\[MISSING_SECRET\].*API_TOKEN/);
    expect(existsSync(r.repo.path('ran'))).toBe(false);
  });

  it('takes declared secrets from the REMEDIATION_SECRETS bundle, which itself never reaches a step', async () => {
    const r = await released(
      `secrets: [API_TOKEN]\nsteps:\n  - { id: show, run: "echo token=$API_TOKEN; env | grep -c REMEDIATION_SECRETS || true" }\n`,
    );
    const bundle = JSON.stringify({ API_TOKEN: 'bundle-secret-123456', OTHER: 'not-declared-654321' });
    const result = await r.run([], { REMEDIATION_SECRETS: bundle });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const log = readFileSync(join(r.records()[0]!, 'run.log'), 'utf8');
    expect(log).toContain('token=***');
    expect(log).toMatch(/^0$/m);
    expect(log).not.toContain('bundle-secret-123456');
    const bad = await r.run([], { REMEDIATION_SECRETS: '{"API_TOKEN": 42}' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/REMEDIATION_SECRETS\.API_TOKEN: expected a string value/);
  });

  it('refuses a run id from the environment that would escape --out', async () => {
    const r = await released(`steps:\n  - { id: fix, run: "true" }\n`);
    const result = await r.run([], { GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: '../../escaped', GITHUB_RUN_ATTEMPT: '1' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/run id '\.\.\/\.\.\/escaped-1': expected letters/);
    expect(existsSync(r.repo.path('escaped-1'))).toBe(false);
  });

  it('prints the verified plan on --dry-run and runs nothing', async () => {
    const r = await released(
      `inputs:\n  who: { type: string, default: world }\nsecrets: [API_TOKEN]\nsteps:\n  - { id: fix, run: "touch \\"$HOME/ran\\"", timeout: 5s }\n`,
    );
    const result = await r.run(['--dry-run', '--param', 'who=ops'], { HOME: r.repo.dir, API_TOKEN: 'hunter2-secret' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/dry run: nothing will run/);
    expect(result.stdout).toMatch(/digest: {4}sha256:[0-9a-f]{64}/);
    expect(result.stdout).toContain('PARAM_WHO="ops"');
    expect(result.stdout).toContain('API_TOKEN=***');
    expect(result.stdout).not.toContain('hunter2-secret');
    expect(result.stdout).toContain('- fix [timeout 5s]');
    expect(existsSync(r.repo.path('ran'))).toBe(false);
    expect(r.records()).toEqual([]);
  });
});
