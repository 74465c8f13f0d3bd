// The workflows' steps run as written against the real CLI (src/cli.ts, on Node 24) in throwaway git
// repositories: the payload parse of on-alert.yml, the digest, signing, append-only check and bundle
// of release.yml (first release and the one after it), and validate.yml's validation. Only the GitHub
// API calls (newest-manifest, publish-release) are left out; they need GitHub.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { simpleDefinition, TempRepo } from '../helpers/git-repo.ts';
import { freshKey } from '../helpers/keys.ts';
import { fakeCli, findStep, runStep, tempDir } from './step-runner.ts';
import { parseYamlMap, type YamlMap } from './workflow-rules.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const load = (name: string): YamlMap => parseYamlMap(readFileSync(join(ROOT, '.github/workflows', name), 'utf8'), name);
const onAlert = load('on-alert.yml');
const release = load('release.yml');
const validate = load('validate.yml');

/** Puts the tool where the workflows expect it: `.remediate-tool/dist/cli/index.js` loads src/cli.ts. */
function installTool(workspace: string): void {
  fakeCli(workspace, `import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/cli.ts')).href)});\n`);
}

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

    const job = (runnerTemp: string, tag: string, version: string, checked: string, firstRelease = false) => {
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
        FIRST_RELEASE: firstRelease ? 'true' : 'false',
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

    // Without first-release, finding no published manifest is a failure, not a fresh start.
    const refused = job(tempDir(), 'svc/v1.0.0', 'v1.0.0', digest);
    expect(refused.sign?.status).toBe(2);
    expect(refused.sign?.stderr).toMatch(/pass --first-release/);

    const first = tempDir();
    const r1 = job(first, 'svc/v1.0.0', 'v1.0.0', digest, true);
    expect(r1.sign?.stdout + (r1.sign?.stderr ?? '')).not.toMatch(/error/i);
    expect(r1.sign?.status).toBe(0);
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
});
