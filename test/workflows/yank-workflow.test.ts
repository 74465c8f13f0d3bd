// yank.yml run as written (issue 17): every run: step of its two jobs, in order, as
// examples/yank.yml dispatches it, with the real CLI (src/cli.ts) and its GitHub calls
// (newest-manifest, publish-manifest) against the REST double, which checks every request and
// answer against GitHub's OpenAPI description. The yank is signed in the protected job, published
// as manifest/s<serial>, and a run of the version is then refused; the request check, a missing key,
// an unknown or already yanked version and an untrusted previous manifest are refused.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../src/core/dsse.ts';
import { signManifest } from '../../src/core/manifest-editor.ts';
import type { ManifestPayload } from '../../src/core/manifest.ts';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github-rest/server.ts';
import { runCli, simpleDefinition, TempRepo } from '../helpers/git-repo.ts';
import { freshKey } from '../helpers/keys.ts';
import { findStep, installTool, runStep, runStepAsync, tempDir, type StepResult } from './step-runner.ts';
import { isMap, jobsOf, parseYamlMap, stepsOf, type YamlMap } from './workflow-rules.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const yank = parseYamlMap(readFileSync(join(ROOT, '.github/workflows/yank.yml'), 'utf8'), 'yank.yml');
const caller = parseYamlMap(readFileSync(join(ROOT, 'examples/yank.yml'), 'utf8'), 'examples/yank.yml');
const TOKEN = 'tok';
const REPOSITORY = 'octo/remediations';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const SIGN = 'yank: Sign the manifest that yanks the version';

/** What the caller hands the called workflow: examples/yank.yml's `with:`, over the inputs' defaults. */
function calledInputs(dispatch: { version: string; reason: string }): Record<string, string> {
  const job = jobsOf(caller)[0]?.[1] ?? {};
  const given = (isMap(job.with) ? job.with : {}) as Record<string, string>;
  const declared = ((yank.on as YamlMap).workflow_call as YamlMap).inputs as Record<string, YamlMap>;
  return Object.fromEntries(
    Object.entries(declared).map(([name, spec]) => {
      const value = given[name];
      const fromDispatch = /^\$\{\{ inputs\.(version|reason) \}\}$/.exec(value ?? '')?.[1] as 'version' | 'reason';
      return [name, fromDispatch ? dispatch[fromDispatch] : String(value ?? spec.default ?? '')];
    }),
  );
}

interface Dispatch {
  readonly version: string;
  readonly reason: string;
  readonly signingKey: string;
  readonly nextKey?: string;
  /** The ref the workflow was dispatched on (`main` by default). */
  readonly ref?: { readonly type: string; readonly name: string };
}

interface YankRun {
  /** Every step that ran, by job and name, in order; the last one is where it stopped. */
  readonly steps: { readonly where: string; readonly result: StepResult }[];
  readonly failed: { readonly where: string; readonly result: StepResult } | undefined;
  readonly summary: string;
  readonly outputs: Record<string, string>;
  readonly runnerTemp: string;
}

let repo: TempRepo;
let gh: GitHubDouble;
const release = freshKey();

beforeEach(async () => {
  repo = new TempRepo();
  repo.write('remediations/svc/remediation.yml', simpleDefinition('svc'));
  repo.write('keys/release.pub', release.publicPem);
  repo.commit('svc and the release key');
  const keyFile = join(tempDir(), 'release');
  writeFileSync(keyFile, release.privatePem, { mode: 0o600 });
  const released = await runCli(['release', 'svc', 'v1.0.0', '--key', keyFile], { cwd: repo.dir });
  expect(released.stderr).toBe('');
  installTool(repo.dir);
  gh = await startGitHubDouble({ token: TOKEN, gitDir: repo.dir, repository: REPOSITORY });
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
  repo.remove();
});

/** Publishes the manifest the release made as manifest/s1, as release.yml would have. */
function publishFirstManifest(bytes: Uint8Array = readFileSync(repo.path('remediations/manifest.json'))): void {
  gh.addRelease({ tag: 'manifest/s1', assets: { 'remediation-manifest.json': bytes } });
}

/** Runs every run: step of yank.yml's jobs in order, as GitHub would for this dispatch, until one fails. */
async function dispatchYank(dispatch: Dispatch): Promise<YankRun> {
  const inputs = calledInputs(dispatch);
  const stepOutputs: Record<string, Record<string, string>> = {};
  const jobOutputs: Record<string, Record<string, string>> = {};
  const steps: YankRun['steps'] = [];
  const runnerTemp = join(tempDir(), 'runner-temp');
  const resolveExpression = (expression: string): string => {
    const inner = /^\$\{\{\s*(.+?)\s*\}\}$/.exec(expression)?.[1] ?? '';
    const known: Record<string, string> = {
      'github.ref_type': dispatch.ref?.type ?? 'branch',
      'github.ref_name': dispatch.ref?.name ?? 'main',
      'github.triggering_actor': 'octocat',
      'github.token': TOKEN,
      'job.workflow_repository': 'remediate-dev/remediate',
      'job.workflow_sha': SHA,
      'inputs.release-branch || github.event.repository.default_branch': inputs['release-branch'] || 'main',
      'secrets.SIGNING_KEY': dispatch.signingKey,
      'secrets.SIGNING_KEY_NEXT': dispatch.nextKey ?? '',
    };
    if (inner in known) return known[inner] ?? '';
    const input = /^inputs\.([a-z-]+)$/.exec(inner)?.[1];
    if (input !== undefined && input in inputs) return inputs[input] ?? '';
    const step = /^steps\.([a-z]+)\.outputs\.([a-z]+)$/.exec(inner);
    if (step) return stepOutputs[step[1] ?? '']?.[step[2] ?? ''] ?? '';
    const need = /^needs\.([a-z]+)\.outputs\.([a-z]+)$/.exec(inner);
    if (need) return jobOutputs[need[1] ?? '']?.[need[2] ?? ''] ?? '';
    throw new Error(`the test does not know ${expression}`);
  };
  const runner = { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: REPOSITORY };
  for (const [jobId, job] of jobsOf(yank)) {
    for (const step of stepsOf(job)) {
      if (typeof step.run !== 'string') continue; // checkouts and setup-node: the test repository is the checkout
      const env = Object.fromEntries(
        Object.entries(isMap(step.env) ? step.env : {})
          .filter(([, value]) => String(value).includes('${{'))
          .map(([name, value]) => [name, resolveExpression(String(value))]),
      );
      const result = await runStepAsync(step, { cwd: repo.dir, runnerTemp, env, runner });
      const where = `${jobId}: ${String(step.name ?? step.id)}`;
      steps.push({ where, result });
      if (typeof step.id === 'string') stepOutputs[step.id] = result.outputs;
      if (result.status !== 0) return finish(steps, runnerTemp, jobOutputs);
    }
    jobOutputs[jobId] = Object.fromEntries(
      Object.entries((job.outputs ?? {}) as Record<string, string>).map(([name, value]) => [
        name,
        resolveExpression(value),
      ]),
    );
  }
  return finish(steps, runnerTemp, jobOutputs);
}

function finish(
  steps: YankRun['steps'],
  runnerTemp: string,
  jobOutputs: Record<string, Record<string, string>>,
): YankRun {
  const last = steps.at(-1);
  return {
    steps,
    failed: last && last.result.status !== 0 ? last : undefined,
    summary: steps.map((s) => s.result.summary).join(''),
    outputs: { ...jobOutputs.check, ...jobOutputs.yank },
    runnerTemp,
  };
}

/** `remediate <args>` in the repository, against the double. */
const cli = (args: string[]) =>
  runCli(args, { cwd: repo.dir, env: { GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: REPOSITORY, GITHUB_API_URL: gh.url } });

describe('examples/yank.yml as copied: a yank without the private key on a laptop', () => {
  it('signs the yank in the protected job, publishes manifest/s2 at the branch commit, and the version is refused after', async () => {
    publishFirstManifest();
    const run = await dispatchYank({
      version: 'svc@v1.0.0',
      reason: 'deletes too much',
      signingKey: release.privatePem,
    });
    expect(run.failed?.where, run.failed?.result.stdout + (run.failed?.result.stderr ?? '')).toBeUndefined();
    expect(run.steps.map((s) => s.where)).toEqual([
      'check: Check the version, the reason and the branch',
      "yank: Check this workflow's own repository and commit are known",
      'yank: Fetch the newest published manifest',
      'yank: Sign the manifest that yanks the version',
      'yank: Prove the new manifest only appends',
      'yank: Publish the manifest where runs find it (release manifest/s<serial>)',
    ]);
    for (const step of run.steps) expect(step.result.stdout, step.where).not.toMatch(/::error/);
    expect(run.outputs).toEqual({ remediation: 'svc@v1.0.0', serial: '2' });
    expect(run.summary).toContain('| `svc@v1.0.0` | deletes too much | octocat |');
    expect(run.summary).toContain('## Yanked `svc@v1.0.0`');
    expect(run.summary).toContain('published as the release `manifest/s2`');
    // The key was on disk only for the signing command.
    expect(existsSync(join(run.runnerTemp, 'signing-keys'))).toBe(false);

    const published = gh.getRelease('manifest/s2');
    expect(published).toMatchObject({ draft: false, targetCommitish: repo.git('rev-parse', 'HEAD').trim() });
    const bytes = published?.assets.find((a) => a.name === 'remediation-manifest.json')?.bytes ?? Buffer.alloc(0);
    const payload = JSON.parse(Buffer.from(parseEnvelope(bytes).payload, 'base64').toString()) as {
      serial: number;
      remediations: { svc: { 'v1.0.0': { yanked: { reason: string } } } };
    };
    expect(payload.serial).toBe(2);
    expect(payload.remediations.svc['v1.0.0'].yanked.reason).toBe('deletes too much');

    // What every later run finds: the newest manifest, which refuses the version.
    const newest = await cli([
      'github',
      'newest-manifest',
      '--out',
      'newest.json',
      '--trusted-key',
      'keys/release.pub',
    ]);
    expect(newest.stdout).toMatch(/serial 2 from release manifest\/s2/);
    const verify = await cli([
      'verify',
      'svc@v1.0.0',
      '--trusted-key',
      'keys/release.pub',
      '--manifest',
      'newest.json',
    ]);
    expect(verify.code).toBe(3);
    expect(verify.stderr).toMatch(/refused \[YANKED\]: .*deletes too much/);

    // Yanking it again is refused at signing, and nothing more is published.
    const again = await dispatchYank({ version: 'svc@v1.0.0', reason: 'twice', signingKey: release.privatePem });
    expect(again.failed?.where).toBe(SIGN);
    expect(again.failed?.result.stderr).toMatch(/already yanked/);
    expect(gh.getRelease('manifest/s3')).toBeUndefined();
    expect(existsSync(join(again.runnerTemp, 'signing-keys'))).toBe(false);
  });

  it('during a key rotation both keys sign (SIGNING_KEY_NEXT), as in release.yml', async () => {
    publishFirstManifest();
    const next = freshKey();
    const run = await dispatchYank({
      version: 'svc@v1.0.0',
      reason: 'rotation drill',
      signingKey: release.privatePem,
      nextKey: next.privatePem,
    });
    expect(run.failed).toBeUndefined();
    const bytes = gh.getRelease('manifest/s2')?.assets[0]?.bytes ?? Buffer.alloc(0);
    expect(
      parseEnvelope(bytes)
        .signatures.map((s) => s.keyid)
        .sort(),
    ).toEqual([release.trusted.keyid, next.trusted.keyid].sort());
  });
});

describe('yank.yml refusals', () => {
  it('refuses when nothing was published, before the key is written', async () => {
    const run = await dispatchYank({ version: 'svc@v1.0.0', reason: 'r', signingKey: release.privatePem });
    expect(run.failed?.where).toBe('yank: Fetch the newest published manifest');
    expect(run.failed?.result.status).toBe(2);
    expect(run.failed?.result.stdout).toMatch(/::error title=nothing released::/);
  });

  it('refuses to build on a published manifest the trusted keys did not sign', async () => {
    // The released manifest's payload, signed by a key the caller does not trust (a forged
    // manifest/s1, or one from a rotation this caller never followed).
    const other = freshKey();
    const real = parseEnvelope(readFileSync(repo.path('remediations/manifest.json')));
    const forged = signManifest(JSON.parse(Buffer.from(real.payload, 'base64').toString()) as ManifestPayload, [
      other.signing,
    ]);
    publishFirstManifest(forged);
    const run = await dispatchYank({ version: 'svc@v1.0.0', reason: 'r', signingKey: release.privatePem });
    expect(run.failed?.where).toBe('yank: Fetch the newest published manifest');
    expect(run.failed?.result.stderr).toMatch(/UNTRUSTED_KEY/);
    expect(gh.getRelease('manifest/s2')).toBeUndefined();
  });

  it('refuses an unknown version at signing and deletes the key', async () => {
    publishFirstManifest();
    const run = await dispatchYank({ version: 'svc@v9.9.9', reason: 'r', signingKey: release.privatePem });
    expect(run.failed?.where).toBe(SIGN);
    expect(run.failed?.result.stderr).toMatch(/UNKNOWN_VERSION/);
    expect(existsSync(join(run.runnerTemp, 'signing-keys'))).toBe(false);
    expect(gh.getRelease('manifest/s2')).toBeUndefined();
  });

  it('refuses an empty key with a message about the environment secret', async () => {
    publishFirstManifest();
    const run = await dispatchYank({ version: 'svc@v1.0.0', reason: 'r', signingKey: '' });
    expect(run.failed?.where).toBe(SIGN);
    expect(run.failed?.result.status).toBe(2);
    expect(run.failed?.result.stdout).toMatch(/::error title=no signing key::.*secrets: inherit/);
  });
});

describe('yank.yml request check', () => {
  const step = findStep(yank, 'check', 'request');
  const check = (env: Partial<Record<string, string>>) =>
    runStep(step, {
      env: {
        VERSION: 'svc@v1.0.0',
        REASON: 'deletes too much',
        REF_TYPE: 'branch',
        REF_NAME: 'main',
        BRANCH: 'main',
        ACTOR: 'octocat',
        ...env,
      } as Record<string, string>,
    });

  it('passes one exact version and a one-line reason dispatched from the release branch', () => {
    const result = check({ REASON: 'a | b with `code`' });
    expect(result.status).toBe(0);
    expect(result.outputs).toEqual({ remediation: 'svc@v1.0.0' });
    expect(result.summary).toContain('| `svc@v1.0.0` | a \\| b with `code` | octocat |');
  });

  it.each([
    ['a range', { VERSION: 'svc@^1.0.0' }, 'not a version'],
    ['latest', { VERSION: 'svc@latest' }, 'not a version'],
    ['two versions', { VERSION: 'svc@v1.0.0 svc@v1.1.0' }, 'not a version'],
    [
      'a version with a workflow command',
      { VERSION: 'svc@v1.0.0\n::set-output name=remediation::x@v1' },
      'not a version',
    ],
    ['an empty reason', { REASON: '' }, 'reason'],
    ['a blank reason', { REASON: '  \t ' }, 'reason'],
    ['a reason of two lines', { REASON: 'fine\n::warning::injected' }, 'reason'],
    ['a reason over 500 characters', { REASON: 'x'.repeat(501) }, 'reason'],
    ['another branch', { REF_NAME: 'feature' }, 'not the release branch'],
    ['a tag', { REF_TYPE: 'tag', REF_NAME: 'main' }, 'not the release branch'],
    ['no known release branch', { BRANCH: '' }, 'not the release branch'],
  ])('refuses %s with exit 2, writing no output and never echoing the value', (_label, env, title) => {
    const result = check(env);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(new RegExp(`^::error title=${title}::`));
    expect(result.stdout).not.toMatch(/set-output|injected/);
    expect(result.outputs).toEqual({});
    expect(result.summary).toBe('');
  });
});
