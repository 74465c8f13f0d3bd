import { ChainedLogWriter } from '../../src/record/log-chain-writer.ts';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, TempRepo } from '../helpers/git-repo.ts';
import { releaseRemediation, waitForFile, type Released, pinnedAsIs } from '../helpers/released.ts';
import { MAIN_ENTRY, POST_ENTRY, RunnerFiles, runEntry, startEntry } from '../helpers/action-runner.ts';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github-rest/server.ts';

const HOSTILE_STEP = [
  'name: svc',
  'description: prints workflow commands and tries to write job files',
  'inputs:',
  '  who: { type: string, default: world }',
  'secrets: [API_TOKEN]',
  'outputs:',
  '  greeting: { step: greet, key: said }',
  'steps:',
  '  - id: greet',
  '    run: |',
  '      echo "hello $PARAM_WHO"',
  '      echo "::set-output name=hacked::yes"',
  '      echo "::add-mask::hello"',
  '      echo "::stop-commands::guess"',
  '      echo "token $API_TOKEN"',
  '      echo "hacked=yes" >> "${GITHUB_OUTPUT:-/dev/null}"',
  '      echo "said=hi $PARAM_WHO" >> "$REMEDIATION_OUTPUT"',
  '',
].join('\n');

let released: Released | undefined;
const runners: RunnerFiles[] = [];
afterEach(() => {
  released?.repo.remove();
  for (const runner of runners.splice(0)) rmSync(runner.dir, { recursive: true, force: true });
});

// The REST API the main step asks for the highest published manifest serial (a workspace manifest
// must not be below it): a repository with no manifest published, one double per token used here.
const INPUT_TOKEN = 'ghs_inputtoken0123456789';
let noTags: TempRepo;
const api = new Map<string, GitHubDouble>();
beforeAll(async () => {
  noTags = new TempRepo();
  for (const token of ['test-token', INPUT_TOKEN])
    api.set(token, await startGitHubDouble({ token, gitDir: noTags.dir, repository: 'octo-org/repo' }));
});
afterAll(async () => {
  for (const gh of api.values()) {
    expect(gh.violations).toEqual([]);
    await gh.close();
  }
  noTags.remove();
});

/** A runner whose GITHUB_API_URL is the double that knows the step's token. */
class ApiRunnerFiles extends RunnerFiles {
  override env(
    workspace: string,
    inputs: Record<string, string>,
    extra: NodeJS.ProcessEnv = {},
    event?: string,
  ): NodeJS.ProcessEnv {
    const gh = api.get(inputs['github-token'] ?? '');
    return super.env(workspace, inputs, { ...(gh ? { GITHUB_API_URL: gh.url } : {}), ...extra }, event);
  }
}

async function setUp(definition = HOSTILE_STEP): Promise<{ r: Released; runner: RunnerFiles }> {
  released = await releaseRemediation('svc', definition);
  const runner = new ApiRunnerFiles('repository_dispatch');
  runners.push(runner);
  return { r: released, runner };
}

const baseInputs = (extra: Record<string, string> = {}) => ({
  remediation: 'svc@v1.0.0',
  params: JSON.stringify({ who: '$(touch /tmp/pwned-dispatch)' }),
  'trusted-keys': 'k1.pub',
  manifest: 'remediations/manifest.json',
  publish: 'none',
  'github-token': 'test-token',
  ...extra,
});

describe('the main entry on a runner (dist/main/index.js, real checkout)', () => {
  it("keeps the runner's tokens out of the environment block a step can read (/proc/$PPID/environ)", async () => {
    const { r, runner } = await setUp(
      [
        'name: svc',
        'description: reads its parent environment',
        'inputs:',
        '  who: { type: string, default: world }',
        'steps:',
        '  - id: snoop',
        '    run: echo "parent names $(tr "\\0" "\\n" < /proc/$PPID/environ | sed "s/=.*//" | sort | tr "\\n" " ")"',
        '',
      ].join('\n'),
    );
    const result = await runEntry(
      MAIN_ENTRY,
      runner.env(r.repo.dir, baseInputs({ 'github-token': INPUT_TOKEN }), {
        ACTIONS_RUNTIME_TOKEN: 'runtime-token-0123456789',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-0123456789',
        REMEDIATION_SECRETS: JSON.stringify({ OTHER: 'bundle-value-0123' }),
      }),
      r.repo.dir,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const record = runner.outputs()['record-path']!;
    const log = readFileSync(join(record, 'run.log'), 'utf8');
    const names = /parent names (.*)/.exec(log)?.[1]?.trim().split(' ') ?? [];
    expect(names).toContain('PATH');
    for (const name of [
      'INPUT_GITHUB-TOKEN',
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      'REMEDIATION_SECRETS',
    ])
      expect(names).not.toContain(name);
  });

  it('verifies, runs, sets outputs, writes the summary and fences step output', async () => {
    const { r, runner } = await setUp();
    const result = await runEntry(
      MAIN_ENTRY,
      runner.env(r.repo.dir, baseInputs(), { API_TOKEN: 'tok-9f8e7d6c5b' }),
      r.repo.dir,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const outputs = runner.outputs();
    expect(outputs.status).toBe('succeeded');
    expect(outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(outputs['manifest-serial']).toBe('1');
    expect(outputs.greeting).toBe('hi $(touch /tmp/pwned-dispatch)');
    expect(outputs).not.toHaveProperty('hacked');
    expect(existsSync('/tmp/pwned-dispatch')).toBe(false);

    // The secret is masked before anything prints, and the step output sits inside the fence.
    const stdout = result.stdout;
    const mask = stdout.indexOf('::add-mask::tok-9f8e7d6c5b');
    const fence = /::stop-commands::([0-9a-f]{32})/.exec(stdout);
    expect(mask).toBeGreaterThanOrEqual(0);
    expect(fence).not.toBeNull();
    const opened = stdout.indexOf(fence![0]);
    const closed = stdout.indexOf(`::${fence![1]}::`);
    expect(mask).toBeLessThan(opened);
    expect(opened).toBeLessThan(stdout.indexOf('::set-output name=hacked::yes'));
    expect(stdout.indexOf('::set-output name=hacked::yes')).toBeLessThan(closed);
    expect(stdout.replace('::add-mask::tok-9f8e7d6c5b', '')).not.toContain('tok-9f8e7d6c5b');
    expect(stdout).toContain('token ***');

    // The record is where the outputs say, and verifies against the printed snapshot digest.
    const verified = await runCli(
      ['verify-run', outputs['record-path']!, '--snapshot-digest', outputs['snapshot-digest']!],
      { cwd: r.repo.dir },
    );
    expect(verified.code).toBe(0);
    const snapshot = JSON.parse(readFileSync(join(outputs['record-path']!, 'snapshot.json'), 'utf8'));
    expect(snapshot.trigger).toMatchObject({
      kind: 'github',
      event: 'repository_dispatch',
      action: 'remediate',
      runId: '4242',
      attempt: '1',
      actor: 'alert-bridge[bot]',
    });
    expect(snapshot.trigger.payloadDigest).toMatch(/^sha256:/);
    expect(JSON.stringify(snapshot)).not.toContain('ConfigDrift'); // the payload itself is not stored
    expect(snapshot.runId).toBe('4242-1');
    expect(snapshot.runner).toMatchObject({ name: 'test-runner', runnerOs: 'Linux', os: 'linux' });

    const summary = runner.summaryText();
    expect(summary).toContain('svc@v1.0.0: succeeded');
    expect(summary).toContain('| steps | greet | ✅ succeeded | 0 | 1 |');
    expect(summary).toContain(`remediate verify-run <record folder> --snapshot-digest ${outputs['snapshot-digest']}`);
    expect(runner.savedState()).toMatchObject({ 'record-dir': outputs['record-path'], published: 'true' });

    // The post step sees that main published and does nothing.
    const post = await runEntry(POST_ENTRY, runner.postEnv(runner.env(r.repo.dir, baseInputs())), r.repo.dir);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('already published');
  });

  it('records a schedule trigger', async () => {
    const { r } = await setUp();
    const runner = new ApiRunnerFiles('schedule');
    runners.push(runner);
    const env = runner.env(r.repo.dir, baseInputs({ params: '' }), { API_TOKEN: 'x-secret-x' }, 'schedule');
    const result = await runEntry(MAIN_ENTRY, env, r.repo.dir);
    expect(result.code).toBe(0);
    const snapshot = JSON.parse(readFileSync(join(runner.outputs()['record-path']!, 'snapshot.json'), 'utf8'));
    expect(snapshot.trigger.event).toBe('schedule');
    expect(snapshot.trigger).not.toHaveProperty('action');
  });

  it('fails the step with the refusal and still leaves a refused record', async () => {
    const { r, runner } = await setUp();
    await runCli(['keygen', '--out', 'other'], { cwd: r.repo.dir });
    const result = await runEntry(
      MAIN_ENTRY,
      runner.env(r.repo.dir, baseInputs({ 'trusted-keys': 'other.pub' }), { API_TOKEN: 'x' }),
      r.repo.dir,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::refused \[UNTRUSTED_KEY\]/);
    const outputs = runner.outputs();
    expect(outputs.status).toBe('refused');
    expect(JSON.parse(readFileSync(join(outputs['record-path']!, 'snapshot.json'), 'utf8')).steps).toEqual([]);
  });

  it('accepts trusted keys pasted as PEM text, and verifies without running on dry-run', async () => {
    const { r, runner } = await setUp();
    const pem = readFileSync(r.repo.path('k1.pub'), 'utf8');
    const result = await runEntry(
      MAIN_ENTRY,
      runner.env(r.repo.dir, baseInputs({ 'trusted-keys': pem, 'dry-run': 'true' }), { API_TOKEN: 'x' }),
      r.repo.dir,
    );
    expect(result.code).toBe(0);
    expect(runner.outputs()).toMatchObject({ status: 'planned', 'manifest-serial': '1' });
    expect(runner.outputs()['record-path']).toBeUndefined();
    expect(result.stdout).toContain('dry run: nothing will run');
  });

  it('turns an invalid definition into annotations on its file and line', async () => {
    const { r, runner } = await setUp();
    // A version whose definition this tool version rejects (signed by a trusted key, as an older
    // or hand-made release could be): tag it and sign a manifest entry for it directly.
    r.repo.write(
      'remediations/svc/remediation.yml',
      'name: svc\ndescription: x\nsteps:\n  - id: a\n    run: "true"\n    timeout: forever\n',
    );
    const commit = r.repo.commit('invalid');
    r.repo.git('tag', '-a', '-m', 'v2', 'svc/v2.0.0', commit);
    const digest = (await runCli(['digest', 'svc', '--ref', 'svc/v2.0.0'], { cwd: r.repo.dir })).stdout.split(' ')[0]!;
    const { appendRelease, signManifest } = await import('../../src/core/manifest-editor.ts');
    const { parseEnvelope } = await import('../../src/core/dsse.ts');
    const { parsePrivateKey } = await import('../../src/core/keys.ts');
    const { makeVersionRef } = await import('../../src/core/version-ref.ts');
    const envelope = parseEnvelope(readFileSync(r.repo.path('remediations/manifest.json')));
    const payloadBytes = Buffer.from(envelope.payload, 'base64');
    const next = appendRelease(
      { payload: JSON.parse(payloadBytes.toString()), payloadBytes },
      { ref: makeVersionRef('svc', 'v2.0.0'), commit, digest },
      new Date(),
      86_400_000,
    );
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      r.repo.path('remediations/manifest.json'),
      signManifest(next, [parsePrivateKey(readFileSync(r.repo.path('k1')), 'k1')]),
    );
    const result = await runEntry(
      MAIN_ENTRY,
      runner.env(r.repo.dir, baseInputs({ remediation: 'svc@v2.0.0', params: '' })),
      r.repo.dir,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "::error file=remediations/svc/remediation.yml,line=6,col=14::steps[0].timeout: expected a duration like 500ms, 30s, 5m or 2h, got 'forever'",
    );
  });

  it('refuses inputs that point outside the workspace', async () => {
    const { r, runner } = await setUp();
    const result = await runEntry(
      MAIN_ENTRY,
      runner.env(r.repo.dir, baseInputs({ manifest: '../../etc/passwd' }), { API_TOKEN: 'x' }),
      r.repo.dir,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::error \[USAGE\]: input 'manifest': expected a path inside the workspace/);
  });

  it('closes an unfinished record as crashed in the post step when main is killed', async () => {
    const { r, runner } = await setUp(
      'name: svc\ndescription: slow\nsteps:\n  - id: slow\n    run: |\n      echo $$ > "$GITHUB_WORKSPACE/step.pid"\n      echo started\n      sleep 300\n',
    );
    const env = runner.env(r.repo.dir, baseInputs({ params: '' }));
    const { child, done } = startEntry(MAIN_ENTRY, env, r.repo.dir);
    await waitForFile(r.repo.path('step.pid'));
    await new Promise((resolve) => setTimeout(resolve, 1_200)); // past a periodic log flush
    child.kill('SIGKILL');
    await done;
    process.kill(-Number(readFileSync(r.repo.path('step.pid'), 'utf8')), 'SIGKILL');

    const post = await runEntry(POST_ENTRY, runner.postEnv(env), r.repo.dir);
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/::warning::the record in .* was not finished by the main step; published as crashed/);
    const dir = runner.savedState()['record-dir']!;
    const snapshot = JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8'));
    expect(snapshot.status).toBe('crashed');
    // The valid prefix is pinned in the snapshot, so the published digest pins the log too.
    expect(snapshot.log).toMatchObject({ complete: false, bytes: expect.any(Number), blocks: expect.any(Number) });
    expect(snapshot.log.head).toMatch(/^[0-9a-f]{64}$/);
    const pin = pinnedAsIs(dir);
    const verified = await runCli(['verify-run', dir, ...pin], { cwd: r.repo.dir });
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^intact but incomplete/);

    // Attack: the log of the closed record rewritten, its chain recomputed, the snapshot left alone.
    const forged = r.repo.path('forged-record');
    cpSync(dir, forged, { recursive: true });
    const scratch = r.repo.path('rechain');
    const writer = await ChainedLogWriter.open(scratch);
    writer.write(Buffer.from(readFileSync(join(dir, 'run.log'), 'utf8').replace('started', 'STARTED')));
    await writer.close();
    cpSync(join(scratch, 'run.log'), join(forged, 'run.log'));
    cpSync(join(scratch, 'run.log.chain'), join(forged, 'run.log.chain'));
    const refused = await runCli(['verify-run', forged, ...pin], { cwd: r.repo.dir });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/RECORD_TAMPERED.*pinned when the record was closed/);
  });
});
