// The CLI subcommands the reusable workflows call: their logic lives here, tested, not in YAML.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRecordOfAttempt, recordSuffixOf } from '../../src/app/fleet-gate.ts';
import { CLI, gitTestEnv, runCli, simpleDefinition, TempRepo } from '../helpers/git-repo.ts';
import { RunnerFiles } from '../helpers/action-runner.ts';
import { releaseRemediation } from '../helpers/released.ts';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github-rest/server.ts';

let repo: TempRepo;
beforeEach(() => {
  repo = new TempRepo();
});
afterEach(() => repo.remove());
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: repo.dir, env });

describe('dispatch parse', () => {
  const event = (payload: unknown) => {
    writeFileSync(repo.path('event.json'), JSON.stringify({ action: 'remediate', client_payload: payload }));
    writeFileSync(repo.path('out'), '');
    return cli(['dispatch', 'parse', '--event', 'event.json', '--github-output', 'out']);
  };

  it('writes the validated request as step outputs', async () => {
    const result = await event({
      remediation: 'reapply-config@v1.2.0',
      params: { target: '/etc/app.conf', note: '$(rm -rf /)' },
      target: 'web-1.example.com',
      alert: { name: 'ConfigDrift' },
    });
    expect(result.code).toBe(0);
    const outputs = RunnerFiles.parseFileCommands(repo.path('out'));
    expect(outputs).toEqual({
      remediation: 'reapply-config@v1.2.0',
      params: '{"target":"/etc/app.conf","note":"$(rm -rf /)"}',
      target: 'web-1.example.com',
      'alert-digest': expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      'idempotency-key': '',
    });
  });

  it('writes the idempotency key of the alert: its id, else fingerprint@startsAt', async () => {
    const byId = await event({ remediation: 'x@v1.0.0', alert: { id: ' Q1ABC ', fingerprint: 'f' } });
    expect(byId.code, byId.stderr).toBe(0);
    expect(byId.stdout).toContain('idempotency key Q1ABC');
    expect(RunnerFiles.parseFileCommands(repo.path('out'))['idempotency-key']).toBe('Q1ABC');
    const byFingerprint = await event({
      remediation: 'x@v1.0.0',
      alert: { fingerprint: 'c6eadffa33fcdf37', startsAt: '2026-11-28T03:00:00Z' },
    });
    expect(byFingerprint.code, byFingerprint.stderr).toBe(0);
    expect(RunnerFiles.parseFileCommands(repo.path('out'))['idempotency-key']).toBe(
      'c6eadffa33fcdf37@2026-11-28T03:00:00Z',
    );
  });

  it.each([
    ['an unknown property', { remediation: 'x@v1.0.0', command: 'rm -rf /' }, /unknown property 'command'/],
    ['a floating version', { remediation: 'x@latest' }, /pin an exact released version/],
    ['no remediation', { params: {} }, /remediation must be a string/],
    ['params as a list', { remediation: 'x@v1.0.0', params: ['a'] }, /params must be an object/],
    ['a target with shell syntax', { remediation: 'x@v1.0.0', target: 'web-1; curl evil' }, /target must be/],
    // Attack: an alert id that smuggles a workflow command onto its own line of the job log.
    [
      'an alert id spanning lines',
      { remediation: 'x@v1.0.0', alert: { id: 'a\n::set-output name=x::y' } },
      /alert\.id: expected an idempotency key of visible ASCII/,
    ],
    ['an alert id that is a number', { remediation: 'x@v1.0.0', alert: { id: 123 } }, /alert\.id must be a string/],
    // Attack/mistake: Alertmanager's send_resolved (or a rule sending resolutions to the fix's
    // event type) posting the end of an alert would start the fix.
    [
      'a resolved alert',
      { remediation: 'x@v1.0.0', alert: { fingerprint: 'f1', startsAt: '2026-11-28T03:00:00Z', status: 'resolved' } },
      /alert\.status is "resolved": a resolved alert never starts a fix/,
    ],
    [
      'too many properties',
      Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i])),
      /11 top-level properties/,
    ],
    [
      'a payload over 64 KB',
      { remediation: 'x@v1.0.0', params: { big: 'x'.repeat(70_000) } },
      /GitHub accepts less than 65536/,
    ],
  ])('refuses %s with exit 2 and writes no outputs', async (_label, payload, message) => {
    const result = await event(payload);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(readFileSync(repo.path('out'), 'utf8')).toBe('');
  });
});

describe('validate', () => {
  it('tables changed definitions against their newest release and says which version to cut', async () => {
    const r = await releaseRemediation('svc', simpleDefinition('svc'));
    try {
      const base = r.repo.git('rev-parse', 'HEAD').trim();
      r.repo.write('remediations/svc/remediation.yml', simpleDefinition('svc', 'echo "changed $PARAM_WHO"'));
      r.repo.write('remediations/other/remediation.yml', simpleDefinition('other'));
      writeFileSync(r.repo.path('summary.md'), '');
      const result = await runCli(['validate', '--base', base, '--summary', 'summary.md'], { cwd: r.repo.dir });
      expect(result.code).toBe(0);
      const summary = readFileSync(r.repo.path('summary.md'), 'utf8');
      expect(summary).toMatch(
        /\| svc \| ✅ \| svc\/v1\.0\.0 \| `sha256:[0-9a-f]{64}` \| `sha256:[0-9a-f]{64}` \| cut a new version: push tag `svc\/v1\.0\.1`/,
      );
      expect(summary).toMatch(/\| other \| ✅ \| \(none\) \|.*push tag `other\/v1\.0\.0`/);
    } finally {
      r.repo.remove();
    }
  });

  it('annotates invalid definitions on their file and line when on GitHub (exit 2)', async () => {
    repo.write(
      'remediations/bad/remediation.yml',
      'name: bad\ndescription: x\nsteps:\n  - id: a\n    run: "true"\n    timeout: soon\n',
    );
    repo.commit('bad');
    const result = await cli(['validate'], { GITHUB_ACTIONS: 'true' });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      "::error file=remediations/bad/remediation.yml,line=6,col=14::steps[0].timeout: expected a duration like 500ms, 30s, 5m or 2h, got 'soon'",
    );
  });

  it('refuses scripts their shell cannot parse, at the line of the error (bash -n, sh -n)', async () => {
    repo.write(
      'remediations/broken/remediation.yml',
      [
        'name: broken',
        'description: x',
        'steps:',
        '  - id: fix',
        '    run: |',
        '      if test -f /etc/app.conf; then',
        '        echo fine',
        '      done',
        'rollback:',
        '  - { id: restore, shell: sh, run: "echo (" }',
        '  - id: fine',
        '    run: |',
        '      shopt -s extglob',
        '      ls @(a|b) || true',
        '',
      ].join('\n'),
    );
    repo.commit('broken');
    const result = await cli(['validate']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      "remediations/broken/remediation.yml:8:1: steps[0].run: bash cannot parse this script: syntax error near unexpected token 'done'",
    );
    expect(result.stdout).toMatch(
      /remediations\/broken\/remediation\.yml:10:36: rollback\[0\]\.run: sh cannot parse this script: Syntax error: .*\(script line 1\)/,
    );
    expect(result.stdout).not.toContain('rollback[1]');
  });

  it('refuses a pull request that edits the manifest in a way that is not append-only (exit 3)', async () => {
    const r = await releaseRemediation('svc', simpleDefinition('svc'));
    try {
      r.repo.commit('manifest');
      const base = r.repo.git('rev-parse', 'HEAD').trim();
      const path = r.repo.path('remediations/manifest.json');
      const envelope = JSON.parse(readFileSync(path, 'utf8'));
      const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString());
      payload.remediations.svc['v1.0.0'].commit = 'f'.repeat(40);
      payload.serial = 2;
      envelope.payload = Buffer.from(JSON.stringify(payload)).toString('base64');
      writeFileSync(path, JSON.stringify(envelope));
      writeFileSync(r.repo.path('summary.md'), '');
      const result = await runCli(['validate', '--base', base, '--summary', 'summary.md'], { cwd: r.repo.dir });
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/NOT_APPEND_ONLY/);
      expect(readFileSync(r.repo.path('summary.md'), 'utf8')).toMatch(/not append-only/);
    } finally {
      r.repo.remove();
    }
  });
});

describe('summarize', () => {
  it('tables healthy, fixed and failed runs, and fails when any did not succeed', async () => {
    const r = await releaseRemediation(
      'svc',
      'name: svc\ndescription: x\ninputs:\n  target: { type: string, required: true }\n  mode: { type: string, required: true }\ncheck:\n  - { id: probe, run: "test \\"$PARAM_MODE\\" = healthy" }\nsteps:\n  - { id: fix, run: "test \\"$PARAM_MODE\\" = fixable" }\n',
    );
    try {
      await r.run(['--param', 'target=web-1', '--param', 'mode=healthy']);
      await r.run(['--param', 'target=web-2', '--param', 'mode=fixable']);
      await r.run(['--param', 'target=web-3', '--param', 'mode=broken']);
      const result = await runCli(['summarize', ...r.records()], { cwd: r.repo.dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('1 healthy, 1 fixed, 1 failed');
      expect(result.stdout).toMatch(/\| svc@v1\.0\.0 \| web-2 \| succeeded \| 2 \|/);
      const healthy = r.records().find((d) => r.snapshot(d).status === 'healthy')!;
      const healthyOnly = await runCli(['summarize', healthy], { cwd: r.repo.dir });
      expect(healthyOnly.code).toBe(0);
    } finally {
      r.repo.remove();
    }
  });

  it('refuses a record whose snapshot.json is not a run snapshot, in one line (exit 3)', async () => {
    const r = await releaseRemediation('svc', simpleDefinition('svc'));
    try {
      await r.run();
      const dir = r.records()[0]!;
      for (const bad of ['[]', '{}', 'null', '{"remediation":null}']) {
        writeFileSync(join(dir, 'snapshot.json'), bad);
        const result = await runCli(['summarize', dir], { cwd: r.repo.dir });
        expect(result.code, bad).toBe(3);
        expect(result.stderr, bad).toMatch(
          /^refused \[MALFORMED\]: .*snapshot\.json (is not JSON|does not match the run snapshot schema)/,
        );
        expect(result.stderr, bad).not.toMatch(/INTERNAL|\n\s+at /);
      }
    } finally {
      r.repo.remove();
    }
  });
});

describe('release --from-tag (the release workflow signs a pushed tag)', () => {
  it('signs an entry for an existing tag without creating one, extending a previous manifest', async () => {
    repo.write('remediations/svc/remediation.yml', simpleDefinition('svc'));
    repo.commit('svc');
    await cli(['keygen', '--out', 'k1']);
    repo.git('tag', '-a', '-m', 'v1', 'svc/v1.0.0');
    const notFirst = await cli([
      'release',
      '--from-tag',
      'svc/v1.0.0',
      '--key',
      'k1',
      '--manifest',
      'none.json',
      '--manifest-out',
      'm1.json',
    ]);
    expect(notFirst.code).toBe(2);
    expect(notFirst.stderr).toMatch(/pass --first-release/);
    const first = await cli([
      'release',
      '--from-tag',
      'svc/v1.0.0',
      '--key',
      'k1',
      '--manifest',
      'none.json',
      '--first-release',
      '--manifest-out',
      'm1.json',
    ]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    repo.write('remediations/svc/remediation.yml', simpleDefinition('svc', 'echo two'));
    repo.commit('two');
    repo.git('tag', '-a', '-m', 'v1.1', 'svc/v1.1.0');
    const second = await cli([
      'release',
      '--from-tag',
      'svc/v1.1.0',
      '--key',
      'k1',
      '--manifest',
      'm1.json',
      '--manifest-out',
      'remediation-manifest.json',
    ]);
    expect(second.code).toBe(0);
    expect(
      (await cli(['manifest', 'check', '--manifest', 'remediation-manifest.json', '--previous', 'm1.json'])).code,
    ).toBe(0);
    const verified = await cli([
      'verify',
      'svc@v1.1.0',
      '--trusted-key',
      'k1.pub',
      '--manifest',
      'remediation-manifest.json',
    ]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/serial 2/);
    expect(existsSync(repo.path('none.json'))).toBe(false);

    const again = await cli([
      'release',
      '--from-tag',
      'svc/v1.1.0',
      '--key',
      'k1',
      '--manifest',
      'remediation-manifest.json',
      '--manifest-out',
      'm3.json',
    ]);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/VERSION_EXISTS/);
    const missing = await cli([
      'release',
      '--from-tag',
      'svc/v9.0.0',
      '--key',
      'k1',
      '--manifest',
      'm1.json',
      '--manifest-out',
      'm4.json',
    ]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/TAG_NOT_FOUND/);
  }, 120_000);
});

describe('github newest-manifest and publish-release (against the REST double)', () => {
  let gh: GitHubDouble;
  afterEach(async () => {
    expect(gh.violations).toEqual([]);
    await gh.close();
  });

  it('says when nothing was published (first release), publishes a release draft -> assets -> published, and will not guess from a version release', async () => {
    const r = await releaseRemediation('svc', simpleDefinition('svc'));
    try {
      gh = await startGitHubDouble({ token: 'tok', gitDir: r.repo.dir, repository: 'o/r', immutableReleases: true });
      const env = { GITHUB_TOKEN: 'tok', GITHUB_REPOSITORY: 'o/r', GITHUB_API_URL: gh.url };
      const none = await runCli(['github', 'newest-manifest', '--out', 'prev.json'], { cwd: r.repo.dir, env });
      expect(none.code).toBe(0);
      expect(none.stdout).toMatch(/No manifest has been published in this repository yet: this is the first release/);
      expect(existsSync(r.repo.path('prev.json'))).toBe(false);

      writeFileSync(r.repo.path('remediation-manifest.json'), readFileSync(r.repo.path('remediations/manifest.json')));
      writeFileSync(r.repo.path('digest.txt'), 'sha256:x\n');
      const published = await runCli(
        [
          'github',
          'publish-release',
          '--tag',
          'svc/v1.0.0',
          '--asset',
          'remediation-manifest.json',
          '--asset',
          'digest.txt',
        ],
        { cwd: r.repo.dir, env },
      );
      expect(published.stderr).toBe('');
      expect(published.code).toBe(0);
      const release = gh.getRelease('svc/v1.0.0')!;
      expect(release.draft).toBe(false);
      expect(release.assets.map((a) => a.name).sort()).toEqual(['digest.txt', 'remediation-manifest.json']);

      // A manifest only on a version release (the layout before manifest tags) is not extended
      // silently, nor taken for a first release: a person publishes it once as manifest/s<serial>.
      const legacy = await runCli(['github', 'newest-manifest', '--out', 'prev.json', '--trusted-key', 'k1.pub'], {
        cwd: r.repo.dir,
        env,
      });
      expect(legacy.code).toBe(2);
      expect(legacy.stderr).toMatch(
        /release svc\/v1\.0\.0 carries serial 1 \(published before manifest tags, so this is not a first release\).*remediate github publish-manifest --manifest remediation-manifest\.json/,
      );
      expect(existsSync(r.repo.path('prev.json'))).toBe(false);

      // Neither 1,100 newer run releases nor a trusted-keys list that does not verify it hide it.
      for (let i = 0; i < 1100; i++) gh.addRelease({ tag: `svc/v1.0.0/runs/${i}-1`, prerelease: true });
      expect((await runCli(['keygen', '--out', 'other'], { cwd: r.repo.dir })).code).toBe(0);
      const hidden = await runCli(['github', 'newest-manifest', '--out', 'prev.json', '--trusted-key', 'other.pub'], {
        cwd: r.repo.dir,
        env,
      });
      expect(hidden.code).toBe(2);
      expect(hidden.stderr).toMatch(
        /release svc\/v1\.0\.0 carries a remediation-manifest\.json that the trusted keys do not verify/,
      );
      expect(existsSync(r.repo.path('prev.json'))).toBe(false);
    } finally {
      r.repo.remove();
    }
  }, 120_000);

  it('publishes a manifest as manifest/s<serial>, idempotently, where newest-manifest finds it behind 5,000 run releases', async () => {
    const r = await releaseRemediation('svc', simpleDefinition('svc'));
    try {
      gh = await startGitHubDouble({ token: 'tok', gitDir: r.repo.dir, repository: 'o/r', immutableReleases: true });
      const env = { GITHUB_TOKEN: 'tok', GITHUB_REPOSITORY: 'o/r', GITHUB_API_URL: gh.url };
      const publish = (args: string[] = []) =>
        runCli(['github', 'publish-manifest', '--manifest', 'remediations/manifest.json', ...args], {
          cwd: r.repo.dir,
          env,
        });
      // Only a manifest the given keys signed is published.
      expect((await publish()).code).toBe(2);
      const stranger = await runCli(['keygen', '--out', 'other'], { cwd: r.repo.dir });
      expect(stranger.code).toBe(0);
      const untrusted = await publish(['--trusted-key', 'other.pub']);
      expect(untrusted.code).toBe(3);
      expect(untrusted.stderr).toMatch(/UNTRUSTED_KEY/);
      expect(gh.listReleases()).toEqual([]);

      const first = await publish(['--trusted-key', 'k1.pub']);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      const release = gh.getRelease('manifest/s1')!;
      expect(release.draft).toBe(false);
      expect(release.targetCommitish).toBe(r.repo.git('rev-parse', 'HEAD').trim());
      expect(release.assets.map((a) => [a.name, a.bytes])).toEqual([
        ['remediation-manifest.json', readFileSync(r.repo.path('remediations/manifest.json'))],
      ]);
      // A re-run of a failed release job publishes nothing twice.
      const again = await publish(['--trusted-key', 'k1.pub']);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/already published with this manifest/);

      // Serial 2 on top; then the old serial 1 may not be published again under any tag.
      const yanked = await runCli(
        ['yank', 'svc@v1.0.0', '--key', 'k1', '--reason', 'bad', '--manifest', 'remediations/manifest.json'],
        { cwd: r.repo.dir },
      );
      expect(yanked.code).toBe(0);
      expect((await publish(['--trusted-key', 'k1.pub'])).code).toBe(0);
      expect(gh.getRelease('manifest/s2')).toBeDefined();
      // Where serial 1 was never published as a tag (or was deleted), it cannot be planted now.
      writeFileSync(r.repo.path('old.json'), gh.getRelease('manifest/s1')!.assets[0]!.bytes);
      const other = await startGitHubDouble({ token: 'tok', gitDir: r.repo.dir, repository: 'o/r' });
      try {
        other.addRelease({
          tag: 'manifest/s2',
          assets: { 'remediation-manifest.json': gh.getRelease('manifest/s2')!.assets[0]!.bytes },
        });
        const older = await runCli(
          ['github', 'publish-manifest', '--manifest', 'old.json', '--trusted-key', 'k1.pub'],
          {
            cwd: r.repo.dir,
            env: { ...env, GITHUB_API_URL: other.url },
          },
        );
        expect(older.code).toBe(3);
        expect(older.stderr).toMatch(/SERIAL_ROLLBACK.*not newer than the published manifest\/s2/);
        expect(other.getRelease('manifest/s1')).toBeUndefined();
        expect(other.violations).toEqual([]);
      } finally {
        await other.close();
      }

      for (let i = 0; i < 5000; i++) gh.addRelease({ tag: `svc/runs/${i}-1`, prerelease: true });
      const mark = gh.requests.length;
      const found = await runCli(['github', 'newest-manifest', '--out', 'prev.json', '--trusted-key', 'k1.pub'], {
        cwd: r.repo.dir,
        env,
      });
      expect(found.code).toBe(0);
      expect(found.stdout).toMatch(/serial 2 from release manifest\/s2$/m);
      expect(gh.requests.slice(mark).map((q) => q.operationId ?? 'download')).toEqual([
        'git/list-matching-refs',
        'repos/get-release-by-tag',
        'repos/get-release-asset',
        'download',
      ]);
    } finally {
      r.repo.remove();
    }
  }, 120_000);

  it('exits at once on Ctrl-C outside a run (here: waiting on a GitHub API call that never answers)', async () => {
    const r = await releaseRemediation('svc', simpleDefinition('svc'));
    try {
      gh = await startGitHubDouble({ token: 'tok', gitDir: r.repo.dir, repository: 'o/r' });
      gh.hangNext(/^GET \/repos\/o\/r\/releases$/, 1);
      const child = spawn(process.execPath, [CLI, 'github', 'newest-manifest', '--out', 'prev.json'], {
        cwd: r.repo.dir,
        env: { ...gitTestEnv(), GITHUB_TOKEN: 'tok', GITHUB_REPOSITORY: 'o/r', GITHUB_API_URL: gh.url },
        stdio: 'ignore',
      });
      const started = Date.now();
      while (!gh.requests.some((q) => q.path.startsWith('/repos/o/r/releases'))) {
        if (Date.now() - started > 20_000) throw new Error('the request never arrived');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      child.kill('SIGINT');
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(130);
    } finally {
      r.repo.remove();
    }
  });
});

describe('blast-radius (the max-unhealthy gate over check-only records)', () => {
  it('counts the targets whose check found drift or gave no answer, names them, and refuses past the limit', async () => {
    const r = await releaseRemediation(
      'svc',
      'name: svc\ndescription: x\ninputs:\n  mode: { type: string, required: true }\ncheck:\n  - { id: probe, run: \'case "$PARAM_MODE" in healthy) exit 0;; drift) exit 1;; *) exit 2;; esac\' }\nsteps:\n  - { id: fix, run: "true" }\n',
    );
    try {
      const modes = { 'web-1': 'drift', 'web-2': 'healthy', 'web-3': 'drift', 'web-4': 'broken', 'web-5': 'healthy' };
      for (const [target, mode] of Object.entries(modes)) {
        const result = await r.run(['--check-only', '--target', target, '--param', `mode=${mode}`]);
        expect(result.code, result.stderr).toBe(mode === 'broken' ? 1 : 0);
      }
      const dirs = r.records();
      const gate = (limit: string, total = '6', extra: string[] = []) =>
        runCli(
          [
            'blast-radius',
            '--max-unhealthy',
            limit,
            '--total',
            total,
            '--summary',
            'summary',
            '--github-output',
            'out',
            ...extra,
            ...dirs,
          ],
          { cwd: r.repo.dir },
        );

      // web-1 and web-3 drifted, web-4's check errored, a sixth target left no record: 4 of 6.
      const over = await gate('50%');
      expect(over.code).toBe(3);
      expect(over.stderr).toMatch(
        /^refused \[TOO_MANY_UNHEALTHY\]: 4 of 6 target\(s\) need fixing or gave no usable check \(max-unhealthy 50% allows 3\); no target is fixed: web-1, web-3, web-4; 1 left no check record/,
      );
      const summary = readFileSync(r.repo.path('summary'), 'utf8');
      expect(summary).toMatch(/## ⛔ Blast radius: 4 of 6/);
      expect(summary).toContain('- web-1: drift');
      expect(summary).toContain('- web-4: status failed');
      expect(summary).not.toContain('web-2');
      const out = readFileSync(r.repo.path('out'), 'utf8');
      for (const [name, value] of [
        ['unhealthy', '4'],
        ['allowed', '3'],
        ['over', 'true'],
      ])
        expect(out).toMatch(new RegExp(`^${name}<<(\\S+)\\n${value}\\n\\1$`, 'm'));

      const within = await gate('4');
      expect(within.code, within.stderr).toBe(0);
      expect(within.stdout).toMatch(/## ✅ Blast radius: 4 of 6 .*fixing goes ahead/);

      // A fix record (not check-only) and a damaged record say nothing about the check: unknown.
      const fix = await r.run(['--target', 'web-2', '--param', 'mode=healthy']);
      expect(fix.code, fix.stderr).toBe(0);
      const fixRecord = r.records().find((d) => !dirs.includes(d))!;
      // Damage web-2's record, found by its target: folder names sort by second, then a random suffix,
      // so two runs in one second do not sort in run order.
      const web2 = dirs.find((d) => r.snapshot(d).target === 'web-2')!;
      writeFileSync(join(web2, 'snapshot.json'), '{"status": "healthy"}');
      const mixed = await runCli(['blast-radius', '--max-unhealthy', '100%', '--total', '6', ...dirs, fixRecord], {
        cwd: r.repo.dir,
      });
      expect(mixed.code, mixed.stderr).toBe(0);
      expect(mixed.stdout).toMatch(
        /1 healthy, 2 unhealthy \(drift found\), 3 without a usable check, 0 without a check record/,
      );
      expect(mixed.stdout).toMatch(/unreadable record: .*does not match the run snapshot schema/);
      expect(mixed.stdout).toContain('not a check-only record (status healthy)');
    } finally {
      r.repo.remove();
    }
  }, 120_000);

  it('refuses a bad max-unhealthy or total, and more records than targets (exit 2)', async () => {
    for (const bad of ['12.5%', '-1', 'lots', '101%']) {
      const result = await cli(['blast-radius', `--max-unhealthy=${bad}`, '--total', '3']);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toMatch(/\[USAGE\]: --max-unhealthy: expected a whole number of targets/);
    }
    for (const bad of ['0', 'x', '-2']) {
      const result = await cli(['blast-radius', '--max-unhealthy', '1', `--total=${bad}`]);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toMatch(/\[USAGE\]: --total: expected a whole number >= 1/);
    }
    expect((await cli(['blast-radius', '--total', '3'])).stderr).toMatch(/missing --max-unhealthy/);
    repo.write('a/snapshot.json', '{}');
    repo.write('b/snapshot.json', '{}');
    const tooMany = await cli(['blast-radius', '--max-unhealthy', '1', '--total', '1', 'a', 'b']);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toMatch(/2 check records for 1 target\(s\)/);
  });

  it('with no record at all, counts every target as unhealthy', async () => {
    const result = await cli(['blast-radius', '--max-unhealthy', '0', '--total', '2']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/TOO_MANY_UNHEALTHY\]: 2 of 2 .*; 2 left no check record/);
  });
});

describe('github fleet-gate and download-records (against the REST double)', () => {
  let gh: GitHubDouble;
  afterEach(async () => {
    expect(gh.violations).toEqual([]);
    await gh.close();
  });
  const GATE = 'Stop after max-failures failed legs';
  const PREFIX = 'fleet svc@v1.0.0 on ';
  const runEnv = (extra: NodeJS.ProcessEnv = {}) => ({
    GITHUB_TOKEN: 'tok',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_API_URL: gh.url,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    ...extra,
  });
  const gate = (maxFailures: string) => {
    writeFileSync(repo.path('out'), '');
    writeFileSync(repo.path('summary'), '');
    return cli(
      [
        'github',
        'fleet-gate',
        '--leg-prefix',
        PREFIX,
        '--max-failures',
        maxFailures,
        '--gate-step',
        GATE,
        '--github-output',
        'out',
        '--summary',
        'summary',
      ],
      runEnv(),
    );
  };
  const outputs = () => RunnerFiles.parseFileCommands(repo.path('out'));

  /** A fleet run: one leg whose fix failed, one that failed in its gate, and many others over 2 pages. */
  const seedFleet = () => {
    const leg = (target: string, conclusion: 'success' | 'failure' | null, failedStep?: string) =>
      gh.addJob({
        runId: 4242,
        attempt: 1,
        name: `caller / ${PREFIX}${target}`,
        status: conclusion === null ? 'in_progress' : 'completed',
        conclusion,
        steps: [GATE, 'Run svc@v1.0.0'].map((name) => ({
          name,
          conclusion: name === failedStep ? 'failure' : conclusion === null ? null : 'success',
        })),
      });
    leg('web-1', 'failure', 'Run svc@v1.0.0');
    leg('web-2', 'failure', GATE);
    for (let i = 0; i < 120; i++) leg(`ok-${i}`, 'success');
    leg('web-9', null);
    // Another fleet in the same caller run, and the same fleet in an earlier attempt: not counted.
    gh.addJob({ runId: 4242, attempt: 1, name: 'caller / fleet other@v1.0.0 on web-1', conclusion: 'failure' });
    gh.addJob({ runId: 4242, attempt: 2, name: `caller / ${PREFIX}web-3`, conclusion: 'failure' });
  };

  it('counts failed fixes of this fleet and attempt over every page, but not legs that failed in their gate', async () => {
    gh = await startGitHubDouble({ token: 'tok', gitDir: repo.dir, repository: 'o/r' });
    seedFleet();
    const run = await gate('2');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(outputs()).toEqual({ skip: 'false', failed: '1' });
    expect(run.stdout).toContain('::warning title=fleet gate::1 leg(s) failed in their own gate');
    const pages = gh.requests.filter((r) => r.path.startsWith('/repos/o/r/actions/runs/4242/attempts/1/jobs'));
    expect(pages.map((r) => new URL(r.path, gh.url).searchParams.get('page'))).toEqual(['1', '2']);

    const skip = await gate('1');
    expect(skip.code).toBe(0);
    expect(outputs()).toEqual({ skip: 'true', failed: '1' });
    expect(skip.stdout).toContain('::warning title=fleet stopped::1 leg(s) already failed (max-failures 1)');
    expect(readFileSync(repo.path('summary'), 'utf8')).toContain('Skipped: 1 leg(s)');
  });

  it('retries a 5xx, and fails the leg loudly (exit 1, no skip output) when the jobs cannot be read', async () => {
    gh = await startGitHubDouble({ token: 'tok', gitDir: repo.dir, repository: 'o/r' });
    seedFleet();
    gh.failNext(/\/jobs$/, 1, 502);
    expect((await gate('5')).code).toBe(0);
    expect(outputs()).toEqual({ skip: 'false', failed: '1' });

    gh.failNext(/\/jobs$/, 1, 403);
    const denied = await gate('5');
    expect(denied.code).toBe(1);
    expect(denied.stdout).toMatch(
      /^::error title=fleet gate::cannot read the jobs of run 4242 attempt 1: HTTP 403 \(the calling job must grant actions: read\)/m,
    );
    expect(outputs()).toEqual({});
    expect(readFileSync(repo.path('summary'), 'utf8')).toContain('Not run: the fleet gate could not read');
  });

  it('refuses a max-failures below 1 (the workflow skips the gate for 0)', async () => {
    gh = await startGitHubDouble({ token: 'tok', gitDir: repo.dir, repository: 'o/r' });
    const result = await gate('0');
    expect(result.code).toBe(2);
    expect(gh.requests).toEqual([]);
  });

  it("downloads only this attempt's record artifacts, each into its own folder, with the real artifact client", async () => {
    gh = await startGitHubDouble({ token: 'tok', gitDir: repo.dir, repository: 'o/r' });
    const names = ['remediation-svc-v1.0.0-4242-1-0-web-1', 'remediation-svc-v1.0.0-4242-1-1-web-2'];
    for (const name of names)
      gh.addArtifact({ runId: 4242, name, files: { 'snapshot.json': `{"name":"${name}"}`, 'run.log': 'log\n' } });
    gh.addArtifact({ runId: 4242, name: 'remediation-svc-v1.0.0-4242-2-0-web-1', files: { 'snapshot.json': '{}' } });
    gh.addArtifact({ runId: 4242, name: 'coverage', files: { 'x.txt': 'x' } });
    gh.addArtifact({ runId: 777, name: 'remediation-svc-v1.0.0-777-1-0-web-1', files: { 'snapshot.json': '{}' } });
    const result = await cli(['github', 'download-records', '--dir', 'records'], runEnv());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 record artifact(s) of run 4242 attempt 1');
    for (const name of names) {
      expect(readFileSync(repo.path(`records/${name}/snapshot.json`), 'utf8')).toBe(`{"name":"${name}"}`);
      expect(readFileSync(repo.path(`records/${name}/run.log`), 'utf8')).toBe('log\n');
    }
    expect(existsSync(repo.path('records/remediation-svc-v1.0.0-4242-2-0-web-1'))).toBe(false);
    expect(existsSync(repo.path('records/coverage'))).toBe(false);

    const none = await cli(['github', 'download-records', '--dir', 'none'], runEnv({ GITHUB_RUN_ID: '999' }));
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('0 record artifact(s) of run 999 attempt 1');
  });

  it("keeps the check-only legs' records apart from the fix legs' by their record suffix", async () => {
    gh = await startGitHubDouble({ token: 'tok', gitDir: repo.dir, repository: 'o/r' });
    const checks = ['remediation-svc-v1.0.0-4242-1-check-0-web-1', 'remediation-svc-v1.0.0-4242-1-check-1-web-2'];
    const fixes = ['remediation-svc-v1.0.0-4242-1-0-web-1', 'remediation-svc-v1.0.0-4242-1-1-web-2'];
    for (const name of [...checks, ...fixes]) gh.addArtifact({ runId: 4242, name, files: { 'snapshot.json': '{}' } });
    const onlyChecks = await cli(
      ['github', 'download-records', '--dir', 'checks', '--suffix-prefix', 'check-'],
      runEnv(),
    );
    expect(onlyChecks.code, onlyChecks.stderr).toBe(0);
    expect(readdirSync(repo.path('checks')).sort()).toEqual(checks);
    const noChecks = await cli(
      ['github', 'download-records', '--dir', 'fixes', '--skip-suffix-prefix', 'check-'],
      runEnv(),
    );
    expect(noChecks.code, noChecks.stderr).toBe(0);
    expect(readdirSync(repo.path('fixes')).sort()).toEqual(fixes);
    const both = await cli(
      ['github', 'download-records', '--dir', 'x', '--suffix-prefix', 'a', '--skip-suffix-prefix', 'b'],
      runEnv(),
    );
    expect(both.code).toBe(2);
  });

  it('downloads the records of another run and attempt with --run-id and --attempt (a replay)', async () => {
    gh = await startGitHubDouble({ token: 'tok', gitDir: repo.dir, repository: 'o/r' });
    gh.addArtifact({ runId: 777, name: 'remediation-svc-v1.0.0-777-2', files: { 'snapshot.json': '{"a":2}' } });
    gh.addArtifact({ runId: 777, name: 'remediation-svc-v1.0.0-777-1', files: { 'snapshot.json': '{"a":1}' } });
    gh.addArtifact({ runId: 4242, name: 'remediation-svc-v1.0.0-4242-1', files: { 'snapshot.json': '{}' } });
    const second = await cli(
      ['github', 'download-records', '--dir', 'replay', '--run-id', '777', '--attempt', '2'],
      runEnv(),
    );
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('1 record artifact(s) of run 777 attempt 2');
    expect(readdirSync(repo.path('replay'))).toEqual(['remediation-svc-v1.0.0-777-2']);
    // Without --attempt, the first attempt; GITHUB_RUN_ID is not needed.
    const first = await cli(['github', 'download-records', '--dir', 'replay1', '--run-id', '777'], {
      ...runEnv(),
      GITHUB_RUN_ID: '',
    });
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(repo.path('replay1/remediation-svc-v1.0.0-777-1/snapshot.json'), 'utf8')).toBe('{"a":1}');
    for (const bad of [
      ['--run-id', '0'],
      ['--run-id', 'x'],
      ['--attempt', '2'],
    ]) {
      const refused = await cli(['github', 'download-records', '--dir', 'bad', ...bad], runEnv());
      expect(refused.code).toBe(2);
    }
  });

  it('refuses an artifact whose bytes do not match the digest GitHub listed (exit 3)', async () => {
    gh = await startGitHubDouble({ token: 'tok', gitDir: repo.dir, repository: 'o/r' });
    gh.addArtifact({ runId: 4242, name: 'remediation-svc-v1.0.0-4242-1-0', files: { 'snapshot.json': '{}' } });
    gh.tamperNextResponse('actions/list-workflow-run-artifacts', (body) => {
      const list = body as { artifacts: { digest: string }[] };
      for (const a of list.artifacts) a.digest = `sha256:${'0'.repeat(64)}`;
      return list;
    });
    const result = await cli(['github', 'download-records', '--dir', 'records'], runEnv());
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/DIGEST_MISMATCH/);
    // Nothing of the unchecked zip is left where the summary would table it.
    expect(readdirSync(repo.path('records'))).toEqual([]);
  });

  it('ignores listed names that are not record names of this attempt, so none can write outside --dir', async () => {
    gh = await startGitHubDouble({ token: 'tok', gitDir: repo.dir, repository: 'o/r' });
    gh.addArtifact({ runId: 4242, name: 'remediation-svc-v1.0.0-4242-1-0', files: { 'snapshot.json': '{}' } });
    gh.tamperNextResponse('actions/list-workflow-run-artifacts', (body) => {
      const list = body as { artifacts: { name: string }[] };
      list.artifacts[0]!.name = 'remediation-svc-v1.0.0-4242-1-0/..';
      return list;
    });
    const result = await cli(['github', 'download-records', '--dir', 'records'], runEnv());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^0 record artifact\(s\)/m);
    expect(existsSync(repo.path('records'))).toBe(false);
    expect(existsSync(repo.path('snapshot.json'))).toBe(false);
  });
});

describe('isRecordOfAttempt', () => {
  it('takes only record names of this run attempt, in the characters the Action writes', () => {
    expect(isRecordOfAttempt('remediation-svc-v1.0.0-4242-1', 4242, 1)).toBe(true);
    expect(isRecordOfAttempt('remediation-svc-v1.0.0-rc.1-4242-1-0-web-1.example.com', 4242, 1)).toBe(true);
    expect(isRecordOfAttempt('remediation-svc-v1.0.0-4242-2-0-web-1', 4242, 1)).toBe(false);
    expect(isRecordOfAttempt('remediation-svc-v1.0.0-14242-1-0', 4242, 1)).toBe(false);
    expect(isRecordOfAttempt('remediation-svc-v1.0.0-4242-1-0/..', 4242, 1)).toBe(false);
    expect(isRecordOfAttempt('remediation-svc-v1.0.0-4242-1-..', 4242, 1)).toBe(false);
    expect(isRecordOfAttempt('other-svc-v1.0.0-4242-1-0', 4242, 1)).toBe(false);
  });

  it('recordSuffixOf gives the record suffix of a record of this attempt', () => {
    expect(recordSuffixOf('remediation-svc-v1.0.0-4242-1', 4242, 1)).toBe('');
    expect(recordSuffixOf('remediation-svc-v1.0.0-4242-1-check-0-web-1', 4242, 1)).toBe('check-0-web-1');
    expect(recordSuffixOf('remediation-svc-v1.0.0-rc.1-4242-1-0-web-4242-1-x', 4242, 1)).toBe('0-web-4242-1-x');
    expect(recordSuffixOf('remediation-app-4242-1-x-v1.0.0-4242-1-3-a', 4242, 1)).toBe('3-a');
    expect(recordSuffixOf('remediation-svc-v1.0.0-4242-2-check-0', 4242, 1)).toBeUndefined();
  });
});
