// The workflows' steps run as written against the real CLI (src/cli.ts, on Node 24) in throwaway git
// repositories: the payload parse of on-alert.yml, the digest, signing, append-only check and bundle
// of release.yml (first release and the one after it), and validate.yml's validation. The release
// workflow also runs end to end as examples/release.yml calls it, with the built CLI (dist/) and its
// GitHub API calls (newest-manifest, publish-release) against the REST double.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, simpleDefinition, TempRepo } from '../helpers/git-repo.ts';
import { freshKey } from '../helpers/keys.ts';
import { startGitHubDouble } from '../doubles/github-rest/server.ts';
import { findStep, installBuiltTool, installTool, runStep, runStepAsync, tempDir } from './step-runner.ts';
import { isMap, jobsOf, parseYamlMap, stepsOf, type YamlMap } from './workflow-rules.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const load = (name: string): YamlMap => parseYamlMap(readFileSync(join(ROOT, '.github/workflows', name), 'utf8'), name);
const onAlert = load('on-alert.yml');
const release = load('release.yml');
const validate = load('validate.yml');

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
});

function releasedRepo(): TempRepo {
  const repo = new TempRepo();
  repos.push(repo);
  repo.write('remediations/svc/remediation.yml', simpleDefinition('svc'));
  repo.write('remediations/svc/notes.txt', 'part of the version\n');
  repo.commit('svc');
  repo.git('tag', '-a', 'svc/v1.0.0', '-m', 'svc v1.0.0');
  installTool(repo.dir);
  return repo;
}

describe('on-alert.yml payload step with the real CLI', () => {
  const step = findStep(onAlert, 'parse', 'payload');

  it('writes remediation, params, target and alert-digest outputs for a valid event', () => {
    const workspace = tempDir();
    installTool(workspace);
    const event = join(ROOT, 'test/fixtures/events/repository_dispatch.json');
    const result = runStep(step, { cwd: workspace, runner: { GITHUB_EVENT_PATH: event } });
    expect(result.stderr + result.stdout).not.toMatch(/::error/);
    expect(result.status).toBe(0);
    expect(result.outputs.remediation).toBe('svc@v1.0.0');
    expect(JSON.parse(result.outputs.params ?? '')).toEqual({ who: '$(touch /tmp/pwned-dispatch)' });
    expect(result.outputs.target).toBe('');
    expect(result.outputs['alert-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('refuses a payload with an unknown property (exit 2), writing no outputs', () => {
    const workspace = tempDir();
    installTool(workspace);
    const event = join(workspace, 'event.json');
    writeFileSync(event, JSON.stringify({ client_payload: { remediation: 'svc@v1.0.0', run: 'rm -rf /' } }));
    const result = runStep(step, { cwd: workspace, runner: { GITHUB_EVENT_PATH: event } });
    expect(result.status).toBe(2);
    expect(result.stdout + result.stderr).toContain("unknown property 'run'");
    expect(result.outputs).toEqual({});
  });
});

describe('release.yml steps with the real CLI', () => {
  it('first release, then the next version on top of its manifest', () => {
    const repo = releasedRepo();
    const key = freshKey();
    const digestOut = runStep(findStep(release, 'check', 'digest'), {
      cwd: repo.dir,
      env: { TAG: 'svc/v1.0.0', NAME: 'svc' },
    });
    expect(digestOut.status).toBe(0);
    const digest = digestOut.outputs.digest ?? '';
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);

    const job = (runnerTemp: string, tag: string, version: string, checked: string) => {
      const run = (name: string, env: Record<string, string>) =>
        runStep(findStep(release, 'release', name), { cwd: repo.dir, runnerTemp, env });
      const recheck = run('Check the tag still has the validated content', {
        TAG: tag,
        NAME: 'svc',
        CHECKED_DIGEST: checked,
      });
      if (recheck.status !== 0) return { recheck };
      const sign = run('Sign the new manifest entry', {
        SIGNING_KEY: key.privatePem,
        SIGNING_KEY_NEXT: '',
        TAG: tag,
      });
      const check = run('Prove the new manifest only appends', {});
      const bundle = run('Bundle the definition and write digest.txt', {
        TAG: tag,
        NAME: 'svc',
        VERSION: version,
        DIGEST: checked,
      });
      return { recheck, sign, check, bundle };
    };

    // No previous manifest (newest-manifest wrote none): the first release starts at serial 1.
    const first = tempDir();
    const r1 = job(first, 'svc/v1.0.0', 'v1.0.0', digest);
    expect(r1.sign?.stdout + (r1.sign?.stderr ?? '')).not.toMatch(/error/i);
    expect(r1.sign?.status).toBe(0);
    expect(r1.sign?.summary).toContain('this release starts the manifest at serial 1');
    expect(r1.check?.status).toBe(0);
    expect(r1.check?.summary).toContain('First manifest');
    expect(r1.bundle?.status).toBe(0);
    expect(existsSync(join(first, 'signing-keys'))).toBe(false);
    const manifest1 = join(first, 'out', 'remediation-manifest.json');
    expect(JSON.parse(readFileSync(manifest1, 'utf8'))).toHaveProperty('signatures');
    expect(readFileSync(join(first, 'out', 'digest.txt'), 'utf8')).toBe(`${digest}  svc/v1.0.0\n`);
    const listing = execFileSync('tar', ['-tzf', join(first, 'out', 'svc-v1.0.0.tar.gz')], { encoding: 'utf8' });
    expect(listing.split('\n').filter(Boolean).sort()).toEqual(
      [
        'svc/',
        'svc/remediations/',
        'svc/remediations/svc/',
        'svc/remediations/svc/notes.txt',
        'svc/remediations/svc/remediation.yml',
      ].sort(),
    );

    // A moved or different tag is refused before the key is touched.
    const moved = job(tempDir(), 'svc/v1.0.0', 'v1.0.0', `sha256:${'0'.repeat(64)}`);
    expect(moved.recheck.status).toBe(3);
    expect(moved.sign).toBeUndefined();

    // The next version, signed on top of the first manifest as newest-manifest would fetch it.
    repo.write('remediations/svc/notes.txt', 'changed\n');
    repo.commit('svc change');
    repo.git('tag', '-a', 'svc/v1.1.0', '-m', 'svc v1.1.0');
    const second = tempDir();
    mkdirSync(join(second, 'previous'));
    copyFileSync(manifest1, join(second, 'previous', 'remediation-manifest.json'));
    const d2 = runStep(findStep(release, 'check', 'digest'), {
      cwd: repo.dir,
      env: { TAG: 'svc/v1.1.0', NAME: 'svc' },
    });
    const r2 = job(second, 'svc/v1.1.0', 'v1.1.0', d2.outputs.digest ?? '');
    expect(r2.sign?.status).toBe(0);
    expect(r2.check?.status).toBe(0);
    expect(r2.check?.summary).toBe('');

    // Signing the same version again on top of the second manifest is refused.
    const third = tempDir();
    mkdirSync(join(third, 'previous'));
    copyFileSync(
      join(second, 'out', 'remediation-manifest.json'),
      join(third, 'previous', 'remediation-manifest.json'),
    );
    const again = job(third, 'svc/v1.1.0', 'v1.1.0', d2.outputs.digest ?? '');
    expect(again.sign?.status).not.toBe(0);
  });
});

describe('validate.yml with the real CLI', () => {
  it('validates the changed definition against the base and writes the digest table', () => {
    const repo = releasedRepo();
    const base = repo.git('rev-parse', 'HEAD').trim();
    repo.write('remediations/svc/notes.txt', 'changed in the pull request\n');
    repo.commit('pr');
    const result = runStep(findStep(validate, 'validate', 'Validate changed definitions (annotations, digest table)'), {
      cwd: repo.dir,
      env: { BASE: base },
    });
    expect(result.stdout + result.stderr).not.toMatch(/::error/);
    expect(result.status).toBe(0);
    expect(result.summary).toContain('svc');
    expect(result.summary).toContain('v1.0.0');

    repo.write('remediations/svc/remediation.yml', 'name: svc\nsteps: nope\n');
    repo.commit('broken');
    const broken = runStep(findStep(validate, 'validate', 'Validate changed definitions (annotations, digest table)'), {
      cwd: repo.dir,
      env: { BASE: base },
    });
    expect(broken.status).toBe(2);
    expect(broken.stdout + broken.stderr).toMatch(/::error file=remediations\/svc\/remediation\.yml,line=\d+/);
  });

  it('fails a pull request that breaks remediations/targets.yml, annotated on its line', () => {
    const repo = releasedRepo();
    const base = repo.git('rev-parse', 'HEAD').trim();
    repo.write('remediations/targets.yml', 'targets:\n  web-1:\n    runs-on: [self-hosted, web-1]\n');
    repo.commit('route web-1');
    const step = findStep(validate, 'validate', 'Validate changed definitions (annotations, digest table)');
    const valid = runStep(step, { cwd: repo.dir, env: { BASE: base } });
    expect(valid.stdout + valid.stderr).not.toMatch(/::error/);
    expect(valid.status).toBe(0);
    expect(valid.summary).toContain('Targets file `remediations/targets.yml`: ✅ valid.');

    repo.write(
      'remediations/targets.yml',
      'targets:\n  web-1:\n    runs-on: [self-hosted, web-1]\n    runs_on: typo\n',
    );
    repo.commit('typo');
    const broken = runStep(step, { cwd: repo.dir, env: { BASE: base } });
    expect(broken.status).toBe(2);
    expect(broken.stdout + broken.stderr).toContain(
      "::error file=remediations/targets.yml,line=4,col=5::targets.web-1.runs_on: unknown key 'runs_on'",
    );
    expect(broken.summary).toContain('Targets file `remediations/targets.yml`: ❌ 1 problem(s).');
  });
});

describe('examples/release.yml as copied: a new repository releases its first version, then the next', () => {
  it('runs every run: step of release.yml with the built CLI, the REST double, and no first-release input', async () => {
    const caller = parseYamlMap(readFileSync(join(ROOT, 'examples/release.yml'), 'utf8'), 'examples/release.yml');
    const callerJob = jobsOf(caller)[0]?.[1] ?? {};
    const given = (isMap(callerJob.with) ? callerJob.with : {}) as Record<string, unknown>;
    expect(Object.keys(given).sort()).toEqual(['signing-environment', 'trusted-keys']);
    const call = ((release.on as YamlMap).workflow_call ?? {}) as YamlMap;
    const inputs = Object.fromEntries(
      Object.entries(call.inputs as Record<string, YamlMap>).map(([name, spec]) => [
        name,
        String(given[name] ?? spec.default ?? ''),
      ]),
    );

    const repo = new TempRepo();
    repos.push(repo);
    const key = freshKey();
    repo.write('remediations/svc/remediation.yml', simpleDefinition('svc'));
    repo.write(inputs['trusted-keys'] ?? '', key.publicPem);
    repo.commit('svc and the release key');
    repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    repo.git('tag', '-a', 'svc/v1.0.0', '-m', 'svc v1.0.0');
    installBuiltTool(repo.dir);
    const gh = await startGitHubDouble({ token: 'tok', gitDir: repo.dir, repository: 'octo/remediations' });
    const summaries: string[] = [];
    /** Runs every run: step of release.yml's jobs, in order, as a push of `tag` would. */
    const releaseTag = async (tag: string): Promise<void> => {
      // What GitHub would put in each ${{ }} of a step's env for this tag push.
      const outputs: Record<string, Record<string, string>> = {};
      const jobOutputs: Record<string, string> = {};
      const resolve = (expression: string): string => {
        const inner = /^\$\{\{\s*(.+?)\s*\}\}$/.exec(expression)?.[1] ?? '';
        const known: Record<string, string> = {
          'github.ref_type': 'tag',
          'github.ref_name': tag,
          'github.token': 'tok',
          'job.workflow_repository': 'remediate-dev/remediate',
          'job.workflow_sha': '0123456789abcdef0123456789abcdef01234567',
          'inputs.release-branch || github.event.repository.default_branch': inputs['release-branch'] || 'main',
          'secrets.SIGNING_KEY': key.privatePem,
          'secrets.SIGNING_KEY_NEXT': '',
        };
        if (inner in known) return known[inner] ?? '';
        const input = /^inputs\.([a-z-]+)$/.exec(inner)?.[1];
        if (input !== undefined && input in inputs) return inputs[input] ?? '';
        const step = /^steps\.([a-z]+)\.outputs\.([a-z]+)$/.exec(inner);
        if (step) return outputs[step[1] ?? '']?.[step[2] ?? ''] ?? '';
        const need = /^needs\.check\.outputs\.([a-z]+)$/.exec(inner)?.[1];
        if (need !== undefined) return jobOutputs[need] ?? '';
        throw new Error(`the test does not know ${expression}`);
      };
      const runner = { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'octo/remediations' };
      for (const [jobId, job] of jobsOf(release)) {
        const runnerTemp = join(tempDir(), 'runner-temp');
        for (const step of stepsOf(job)) {
          if (typeof step.run !== 'string') continue; // checkout and setup-node: done above
          const env = Object.fromEntries(
            Object.entries(isMap(step.env) ? step.env : {})
              .filter(([, value]) => String(value).includes('${{'))
              .map(([name, value]) => [name, resolve(String(value))]),
          );
          const result = await runStepAsync(step, { cwd: repo.dir, runnerTemp, env, runner });
          expect(result.stdout + result.stderr, `${jobId}: ${String(step.name ?? step.id)}`).not.toMatch(/::error/);
          expect(result.status, `${jobId}: ${String(step.name ?? step.id)}\n${result.stderr}`).toBe(0);
          if (typeof step.id === 'string') outputs[step.id] = result.outputs;
          summaries.push(result.summary);
        }
        for (const [name, value] of Object.entries((job.outputs ?? {}) as Record<string, string>))
          jobOutputs[name] = resolve(value);
      }
    };
    try {
      await releaseTag('svc/v1.0.0');
      expect(summaries.join('')).toContain(
        'No manifest has been published in this repository yet: this release starts the manifest at serial 1.',
      );
      const published = gh.getRelease('svc/v1.0.0');
      expect(published?.draft).toBe(false);
      expect(published?.assets.map((a) => a.name).sort()).toEqual([
        'digest.txt',
        'remediation-manifest.json',
        'svc-v1.0.0.tar.gz',
      ]);
      expect(gh.violations).toEqual([]);
      // The published manifest verifies the version with the committed key, at serial 1.
      const manifest = published?.assets.find((a) => a.name === 'remediation-manifest.json')?.bytes ?? Buffer.alloc(0);
      writeFileSync(join(repo.dir, 'published.json'), manifest);
      const verified = execFileSync(
        process.execPath,
        [
          join(ROOT, 'src/cli.ts'),
          'verify',
          'svc@v1.0.0',
          '--trusted-key',
          inputs['trusted-keys'] ?? '',
          '--manifest',
          'published.json',
        ],
        { cwd: repo.dir, encoding: 'utf8' },
      );
      expect(verified).toMatch(/serial 1/);
      expect(gh.getRelease('manifest/s1')?.assets[0]?.bytes).toEqual(manifest);

      // The next version builds on manifest/s1 and publishes manifest/s2, where runs find it.
      repo.write('remediations/svc/remediation.yml', simpleDefinition('svc').replace('steps:', '# v1.1.0\nsteps:'));
      repo.commit('svc v1.1.0');
      repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD');
      repo.git('tag', '-a', 'svc/v1.1.0', '-m', 'svc v1.1.0');
      await releaseTag('svc/v1.1.0');
      expect(summaries.join('').match(/this release starts the manifest at serial 1/g)).toHaveLength(1);
      expect(gh.getRelease('manifest/s2')).toBeDefined();
      // Asynchronously: the double answers from this process, so a blocking child would starve it.
      const newest = await runCli(
        ['github', 'newest-manifest', '--out', 'newest.json', '--trusted-key', inputs['trusted-keys'] ?? ''],
        { cwd: repo.dir, env: { GITHUB_TOKEN: 'tok', GITHUB_REPOSITORY: 'octo/remediations', GITHUB_API_URL: gh.url } },
      );
      expect(newest.stderr).toBe('');
      expect(newest.stdout).toMatch(/serial 2 from release manifest\/s2/);
      for (const version of ['svc@v1.0.0', 'svc@v1.1.0']) {
        const ok = execFileSync(
          process.execPath,
          [
            join(ROOT, 'src/cli.ts'),
            'verify',
            version,
            '--trusted-key',
            inputs['trusted-keys'] ?? '',
            '--manifest',
            'newest.json',
          ],
          { cwd: repo.dir, encoding: 'utf8' },
        );
        expect(ok).toMatch(/serial 2/);
      }
      expect(gh.violations).toEqual([]);
    } finally {
      await gh.close();
    }
  });
});
