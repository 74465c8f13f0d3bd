// drift.yml's approval mode (issue 17: "drift runs can require approval only when the check finds
// drift"). With `approval-environment`, every leg's check stage runs first (check-only), the gate
// lists the legs whose own check did not say healthy (`remediate blast-radius --legs`), and only
// those legs run, each in the environment, so only they wait for a reviewer. Checked here: the
// jobs' conditions, matrix and environment with GitHub's own expression evaluator, the gate step
// with the real CLI over real check-only records served by the REST double, and the summary step.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startGitHubDouble } from '../doubles/github-rest/server.ts';
import { releaseRemediation } from '../helpers/released.ts';
import { evaluateValue, jobRuns } from './job-condition.ts';
import { fakeCli, findStep, installTool, runStep, runStepAsync, tempDir } from './step-runner.ts';
import { jobsOf, parseYamlMap, stepsOf, TOOL_ACTION, workflowCallOf, type YamlMap } from './workflow-rules.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const drift = parseYamlMap(readFileSync(join(ROOT, '.github/workflows/drift.yml'), 'utf8'), 'drift.yml');
const job = (id: string) => jobsOf(drift).find(([jobId]) => jobId === id)?.[1] as YamlMap;
const leg = (target: string, remediation = 'svc@v1.0.0') => ({ remediation, target, params: { mode: target } });
const PLAN_LEGS = [leg('web-1'), leg('web-2'), leg('web-3')];

describe('drift.yml approval-environment: approval only where drift is found', () => {
  it('declares the input, empty (no approval) by default', () => {
    const inputs = workflowCallOf(drift)?.inputs as Record<string, YamlMap>;
    expect(inputs['approval-environment']).toMatchObject({ type: 'string', required: false, default: '' });
  });

  const context = (inputs: Record<string, unknown>, needs: Record<string, unknown>) => ({
    vars: { REMEDIATE_STOP: '' },
    inputs: { 'dry-run': false, 'max-unhealthy': '', 'approval-environment': '', ...inputs },
    needs,
    github: {},
    strategy: {},
    matrix: {},
  });
  const ok = { success: true, failure: false, cancelled: false, always: true };

  it('runs the check and the gate when approval is asked for, even without max-unhealthy (GitHub evaluator)', () => {
    const approval = context({ 'approval-environment': 'prod' }, { plan: { result: 'success', outputs: {} } });
    expect(jobRuns(job('check').if, approval, ok)).toBe(true);
    expect(
      jobRuns(
        job('gate').if,
        { ...approval, needs: { plan: { result: 'success' }, check: { result: 'failure' } } },
        { ...ok, success: false, failure: true },
      ),
    ).toBe(true);
    const none = context({}, { plan: { result: 'success', outputs: {} } });
    expect(jobRuns(job('check').if, none, ok)).toBe(false);
    // A dry run checks nothing and asks nobody.
    expect(jobRuns(job('check').if, context({ 'approval-environment': 'prod', 'dry-run': true }, {}), ok)).toBe(false);
  });

  it('starts fix legs only after a gate that passed and found legs to fix (GitHub evaluator)', () => {
    const cases: [Record<string, unknown>, string, string, string, boolean][] = [
      // inputs, plan result, gate result, fix-count, runs
      [{ 'approval-environment': 'prod' }, 'success', 'success', '2', true],
      [{ 'approval-environment': 'prod' }, 'success', 'success', '0', false], // no drift: nobody is asked
      [{ 'approval-environment': 'prod' }, 'success', 'failure', '2', false], // the gate failed: fail closed
      [{ 'approval-environment': 'prod' }, 'success', 'skipped', '', false],
      [{ 'approval-environment': 'prod' }, 'failure', 'skipped', '', false],
      [{ 'approval-environment': 'prod', 'max-unhealthy': '1' }, 'success', 'failure', '3', false],
      [{ 'approval-environment': 'prod', 'dry-run': true }, 'success', 'skipped', '', true],
      [{}, 'success', 'skipped', '', true], // no approval, no gate: as before
      [{ 'max-unhealthy': '1' }, 'success', 'success', '', true],
      [{ 'max-unhealthy': '1' }, 'success', 'failure', '', false],
    ];
    for (const [inputs, plan, gate, fixCount, runs] of cases) {
      const needs = { plan: { result: plan, outputs: {} }, gate: { result: gate, outputs: { 'fix-count': fixCount } } };
      const status = {
        success: plan === 'success' && gate === 'success',
        failure: plan === 'failure' || gate === 'failure',
        cancelled: false,
        always: true,
      };
      expect(
        jobRuns(job('legs').if, context(inputs, needs), status),
        JSON.stringify([inputs, plan, gate, fixCount]),
      ).toBe(runs);
    }
  });

  it("runs only the gate's fix legs, each in the approval environment; every leg without approval", () => {
    const legsJob = job('legs');
    const include = (legsJob.strategy as YamlMap).matrix as YamlMap;
    const fixLegs = JSON.stringify([leg('web-2')]);
    const needs = {
      plan: { result: 'success', outputs: { legs: JSON.stringify(PLAN_LEGS) } },
      gate: { result: 'success', outputs: { 'fix-legs': fixLegs, 'fix-count': '1' } },
    };
    const approval = context({ 'approval-environment': 'prod' }, needs);
    expect(evaluateValue(include.include, approval)).toEqual([leg('web-2')]);
    expect(evaluateValue(legsJob.environment, approval)).toBe('prod');
    // Each fix leg's Action refuses (NOT_APPROVED) unless a reviewer approved that environment.
    const runWith = (stepsOf(legsJob).find((s) => s.uses === TOOL_ACTION) as YamlMap).with as YamlMap;
    expect(evaluateValue(runWith['approved-in'], approval)).toBe('prod');
    expect(evaluateValue(runWith['approved-in'], context({}, needs))).toBe('');
    const plain = context({}, { ...needs, gate: { result: 'skipped', outputs: {} } });
    expect(evaluateValue(include.include, plain)).toEqual(PLAN_LEGS);
    expect(evaluateValue(legsJob.environment, plain)).toBe('');
    // Should the gate's output ever be missing, every leg runs, and each still waits for approval.
    const lost = context({ 'approval-environment': 'prod' }, { ...needs, gate: { result: 'success', outputs: {} } });
    expect(evaluateValue(include.include, lost)).toEqual(PLAN_LEGS);
    expect(evaluateValue(legsJob.environment, lost)).toBe('prod');
    // A dry run asks nobody and plans every leg.
    const dry = context({ 'approval-environment': 'prod', 'dry-run': true }, needs);
    expect(evaluateValue(include.include, dry)).toEqual(PLAN_LEGS);
    expect(evaluateValue(legsJob.environment, dry)).toBe('');
  });

  it('end to end: real check-only records as artifacts; only drifted, failed and unrecorded legs need a fix', async () => {
    const r = await releaseRemediation(
      'svc',
      'name: svc\ndescription: x\ninputs:\n  mode: { type: string, required: true }\ncheck:\n  - { id: probe, run: \'test "$PARAM_MODE" = web-1 || test "$PARAM_MODE" = web-4\' }\nsteps:\n  - { id: fix, run: "true" }\n',
    );
    const gh = await startGitHubDouble({ token: 't', gitDir: r.repo.dir, repository: 'octo/fleet' });
    try {
      // web-1 and web-4 healthy, web-2 and web-3 drifted; web-6 left no record.
      for (const target of ['web-1', 'web-2', 'web-3', 'web-4'])
        expect((await r.run(['--check-only', '--target', target, '--param', `mode=${target}`])).code).toBe(0);
      r.records().forEach((dir, i) => {
        const files: Record<string, Buffer> = {};
        for (const entry of readdirSync(dir, { withFileTypes: true }))
          if (entry.isFile()) files[entry.name] = readFileSync(join(dir, entry.name));
        gh.addArtifact({
          runId: 4242,
          name: `remediation-svc-v1.0.0-4242-1-check-${i}-${r.snapshot(dir).target ?? ''}`,
          files,
        });
      });
      const workspace = tempDir();
      installTool(workspace);
      // The healthy web-4 record is for svc@v1.0.0; a leg asking for another version on web-4
      // is not vouched for by it.
      const legs = [...['web-1', 'web-2', 'web-3', 'web-4', 'web-6'].map((t) => leg(t)), leg('web-4', 'svc@v1.0.1')];
      const result = await runStepAsync(findStep(drift, 'gate', 'count'), {
        cwd: workspace,
        env: {
          GITHUB_TOKEN: 't',
          MAX_UNHEALTHY: '',
          TARGETS: String(legs.length),
          APPROVAL_ENVIRONMENT: 'prod',
          LEGS: JSON.stringify(legs),
          CHECK_RESULT: 'success',
        },
        runner: { GITHUB_API_URL: gh.url },
      });
      expect(result.status, result.stderr).toBe(0);
      const toFix = JSON.parse(result.outputs['fix-legs'] ?? 'null') as { remediation: string; target: string }[];
      expect(toFix.map((l) => `${l.remediation} ${l.target}`)).toEqual([
        'svc@v1.0.0 web-2',
        'svc@v1.0.0 web-3',
        'svc@v1.0.0 web-6',
        'svc@v1.0.1 web-4',
      ]);
      expect(result.outputs['fix-count']).toBe('4');
      expect(result.summary).toContain('4 of 6 leg(s) need a fix and wait for approval');
      expect(gh.violations).toEqual([]);

      const gateWith = (env: Record<string, string>) =>
        runStepAsync(findStep(drift, 'gate', 'count'), {
          cwd: workspace,
          env: {
            GITHUB_TOKEN: 't',
            MAX_UNHEALTHY: '',
            TARGETS: String(legs.length),
            APPROVAL_ENVIRONMENT: 'prod',
            LEGS: JSON.stringify(legs),
            CHECK_RESULT: 'success',
            ...env,
          },
          runner: { GITHUB_API_URL: gh.url },
        });
      // A check leg that did not succeed: no record can vouch for a leg, every one waits.
      const failedCheck = await gateWith({ CHECK_RESULT: 'failure' });
      expect(failedCheck.status, failedCheck.stderr).toBe(0);
      expect(failedCheck.outputs['fix-count']).toBe('6');

      // Attack: a compromised runner of one leg uploads, besides its own, a real and valid
      // `healthy` check record naming web-2, whose own check found drift. web-2 is named twice:
      // it is held whatever the records say.
      const before = new Set(r.records());
      expect((await r.run(['--check-only', '--target', 'web-2', '--param', 'mode=web-1'])).code).toBe(0);
      const forged = r.records().find((dir) => !before.has(dir)) as string;
      expect(r.snapshot(forged)).toMatchObject({ status: 'healthy', target: 'web-2', checkOnly: true });
      const files: Record<string, Buffer> = {};
      for (const entry of readdirSync(forged, { withFileTypes: true }))
        if (entry.isFile()) files[entry.name] = readFileSync(join(forged, entry.name));
      gh.addArtifact({ runId: 4242, name: 'remediation-svc-v1.0.0-4242-1-check-0-web-1-b', files });
      const attacked = await gateWith({});
      expect(attacked.status, attacked.stderr).toBe(0);
      const held = JSON.parse(attacked.outputs['fix-legs'] ?? 'null') as { target: string }[];
      expect(held.map((l) => l.target)).toContain('web-2');
      expect(gh.violations).toEqual([]);

      // Without the approval mode the gate writes no fix legs (and needs max-unhealthy).
      const plain = await runStepAsync(findStep(drift, 'gate', 'count'), {
        cwd: workspace,
        env: {
          GITHUB_TOKEN: 't',
          MAX_UNHEALTHY: '100%',
          TARGETS: '6',
          APPROVAL_ENVIRONMENT: '',
          LEGS: '',
          CHECK_RESULT: 'success',
        },
        runner: { GITHUB_API_URL: gh.url },
      });
      expect(plain.status, plain.stderr).toBe(0);
      expect(plain.outputs['fix-legs']).toBeUndefined();
    } finally {
      await gh.close();
      r.repo.remove();
    }
  }, 180_000);

  describe('the summary step in the approval mode', () => {
    const cli = [
      "const fs = require('node:fs');",
      'const args = process.argv.slice(2);',
      "if (args[0] === 'github') {",
      "  fs.writeFileSync(process.env.HOME + '/download-args', JSON.stringify(args));",
      "  const dir = args[args.indexOf('--dir') + 1];",
      "  for (const a of (process.env.ARTIFACTS || '').split(' ').filter(Boolean)) fs.mkdirSync(dir + '/' + a, { recursive: true });",
      '  process.exit(0);',
      '}',
      "fs.appendFileSync(args[args.indexOf('--summary') + 1], '| table |\\n');",
    ].join('\n');
    const summarize = (artifacts: string, legsResult: string, expected: string, fixCount: string) => {
      const cwd = tempDir();
      writeFileSync(join(cwd, 'package.json'), '{"type": "commonjs"}');
      fakeCli(cwd, cli);
      const result = runStep(findStep(drift, 'summary', "Table this run's records"), {
        cwd,
        env: {
          GITHUB_TOKEN: 't',
          LEGS_RESULT: legsResult,
          EXPECTED_RECORDS: expected,
          APPROVAL_ENVIRONMENT: 'prod',
          FIX_COUNT: fixCount,
        },
        runner: { ARTIFACTS: artifacts },
      });
      const download = JSON.parse(readFileSync(join(result.home, 'download-args'), 'utf8')) as string[];
      return { result, download };
    };

    it('no drift: tables the checks, and the skipped fix legs are not a failure', () => {
      const { result, download } = summarize('check-0-web-1 check-1-web-2', 'skipped', '2', '0');
      expect(result.status, result.stdout).toBe(0);
      // Every leg's check is tabled: a healthy target has no other record.
      expect(download).not.toContain('--skip-suffix-prefix');
    });

    it('drift: expects a check per leg plus a fix per drifted leg', () => {
      expect(summarize('check-0-web-1 check-1-web-2 1-web-2', 'success', '2', '1').result.status).toBe(0);
      const missing = summarize('check-0-web-1 check-1-web-2', 'success', '2', '1').result;
      expect(missing.status).toBe(1);
      expect(missing.summary).toContain('1 of 3 legs left no record');
      // A fix leg skipped although one was needed (the approval was rejected) is not success.
      expect(summarize('check-0-web-1 check-1-web-2', 'skipped', '2', '1').result.status).toBe(1);
    });
  });
});
