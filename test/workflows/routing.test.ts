// Routing by the targets file (issue 17) in on-alert.yml, drift.yml and fleet.yml: the structure
// (the route step runs in the plan job on ubuntu-latest; every job that runs the Action takes its
// runs-on and the Action's target-facts from that step's output), the route step run as written
// with the real CLI, and the jobs' `runs-on` and `target-facts` expressions evaluated with GitHub's
// own expression evaluator (@actions/expressions, the library @actions/workflow-parser uses).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TARGET_NAMES, TARGETS_FIXTURES } from '../helpers/targets.ts';
import { jobRuns } from './job-condition.ts';
import { findStep, installTool, runStep, tempDir, type StepResult } from './step-runner.ts';
import { isMap, jobsOf, parseYamlMap, stepsOf, TOOL_ACTION, workflowCallOf, type YamlMap } from './workflow-rules.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const workflow = (name: string): YamlMap =>
  parseYamlMap(readFileSync(join(ROOT, '.github/workflows', name), 'utf8'), name);
const jobOf = (wf: YamlMap, id: string): YamlMap => jobsOf(wf).find(([jobId]) => jobId === id)?.[1] ?? {};
/** The jobs that run the Action (the fix legs, and the check-only legs of the max-unhealthy gate). */
const actionJobs = (wf: YamlMap) => jobsOf(wf).filter(([, job]) => stepsOf(job).some((s) => s.uses === TOOL_ACTION));
const actionWith = (job: YamlMap) => (stepsOf(job).find((s) => s.uses === TOOL_ACTION)?.with ?? {}) as YamlMap;

/** Evaluates a `${{ }}` expression as GitHub does, with the given contexts (plain JSON values). */
function evaluate(expression: unknown, context: Record<string, unknown>): unknown {
  const inner = /^\$\{\{(.*)\}\}$/s.exec(String(expression).trim())?.[1];
  if (inner === undefined) throw new Error(`not an expression: ${String(expression)}`);
  const parsed = new Parser(new Lexer(inner).lex().tokens, Object.keys(context), []).parse();
  const contexts = JSON.parse(JSON.stringify(context), data.reviver) as data.Dictionary;
  return JSON.parse(JSON.stringify(new Evaluator(parsed, contexts).evaluate(), data.replacer)) as unknown;
}

const ROUTED = ['on-alert.yml', 'drift.yml', 'fleet.yml', 'remediate.yml'];
const ROUTE_IF = "${{ inputs.targets-file != '' }}";
/** A caller's targets-file input: routing on. */
const ROUTED_FILE = 'remediations/targets.yml';

/** A workspace with the tool (src/cli.ts) and the caller's targets file where the plan jobs check it out. */
function workspaceWithTargets(text?: string): string {
  const workspace = tempDir();
  installTool(workspace);
  mkdirSync(join(workspace, '.remediate-targets/remediations'), { recursive: true });
  const file = join(workspace, '.remediate-targets/remediations/targets.yml');
  if (text === undefined) copyFileSync(join(TARGETS_FIXTURES, 'targets.yml'), file);
  else writeFileSync(file, text);
  return workspace;
}

/** No line of a step's output may start a workflow command: a hostile name must not become one. */
function expectNoWorkflowCommand(result: StepResult): void {
  for (const line of `${result.stdout}\n${result.stderr}`.split('\n')) expect(line).not.toMatch(/^::(?!error)/);
}

describe('routing: the workflows', () => {
  it.each(ROUTED)('%s: input targets-file, empty by default (today: every run on input runs-on)', (name) => {
    const inputs = workflowCallOf(workflow(name))?.inputs as YamlMap;
    expect(inputs['targets-file']).toMatchObject({ type: 'string', required: false, default: '' });
    expect(String((inputs['targets-file'] as YamlMap).description)).toContain('remediations/targets.yml');
  });

  it.each([
    ['on-alert.yml', 'parse', 'payload'],
    ['drift.yml', 'plan', 'plan'],
    ['fleet.yml', 'plan', 'plan'],
  ])(
    '%s: the route step runs in job %s on ubuntu-latest, after the targets file is checked out, only when asked',
    (name, jobId, after) => {
      const job = jobOf(workflow(name), jobId);
      expect(job['runs-on']).toBe('ubuntu-latest');
      const steps = stepsOf(job);
      const route = steps.findIndex((s) => s.id === 'route');
      expect(route).toBeGreaterThan(steps.findIndex((s) => s.id === after));
      const checkout = steps.find((s) => s.name === 'Check out the targets file');
      expect(checkout).toMatchObject({
        if: ROUTE_IF,
        with: {
          path: '.remediate-targets',
          'sparse-checkout': '${{ inputs.targets-file }}',
          'sparse-checkout-cone-mode': false,
          'persist-credentials': false,
        },
      });
      expect(steps.indexOf(checkout!)).toBeLessThan(route);
      expect(steps[route]?.if).toBe(ROUTE_IF);
      // Values reach the CLI through env:, never inside the script text.
      expect(String(steps[route]?.run)).not.toContain('${{');
      expect(String(steps[route]?.run)).toMatch(/^node \.remediate-tool\/dist\/cli\/index\.js targets resolve /);
      expect((steps[route]?.env as YamlMap).TARGETS_FILE).toBe('${{ inputs.targets-file }}');
    },
  );

  it.each(ROUTED)('%s: every job that runs the Action waits for the route (needs the plan job)', (name) => {
    const planJob = name === 'on-alert.yml' ? 'parse' : name === 'remediate.yml' ? 'route' : 'plan';
    for (const [id, job] of actionJobs(workflow(name))) {
      const needs = [job.needs].flat();
      expect(needs, `${name} ${id}`).toContain(planJob);
      // Nothing runs it when the plan failed: the route refusing must stop it.
      expect(String(job.if ?? ''), `${name} ${id}`).not.toMatch(/always\(\)/);
    }
  });

  describe('on-alert.yml: the remediate job', () => {
    const wf = workflow('on-alert.yml');
    const parse = jobOf(wf, 'parse');
    const job = jobOf(wf, 'remediate');
    /** Routing is on when asked (`targetsFile`), by default when a route output is given. */
    const context = (
      runsOnOutput: string,
      runsOnInput: string,
      targetsFile = runsOnOutput === '' ? '' : ROUTED_FILE,
    ) => ({
      needs: { parse: { outputs: { 'runs-on': runsOnOutput, 'target-facts': '{"ssh_host":"db-1"}' } } },
      inputs: { 'runs-on': runsOnInput, 'targets-file': targetsFile },
    });

    it('with routing on, never falls back to input runs-on: a dropped route output fails the job (fromJSON of empty)', () => {
      expect(() => evaluate(job['runs-on'], context('', '["self-hosted","shared-pool"]', ROUTED_FILE))).toThrow();
    });

    it("takes runs-on from the route step's output when routing is on", () => {
      expect((parse.outputs as YamlMap)['runs-on']).toBe('${{ steps.route.outputs.runs-on }}');
      expect((parse.outputs as YamlMap)['target-facts']).toBe('${{ steps.route.outputs.facts }}');
      expect(evaluate(job['runs-on'], context('["self-hosted","zone-b"]', 'ubuntu-latest'))).toEqual([
        'self-hosted',
        'zone-b',
      ]);
    });

    it('keeps input runs-on (a label or a JSON list) when routing is off', () => {
      expect(evaluate(job['runs-on'], context('', 'ubuntu-latest'))).toBe('ubuntu-latest');
      expect(evaluate(job['runs-on'], context('', '["self-hosted", "linux"]'))).toEqual(['self-hosted', 'linux']);
    });

    it("hands the route's facts to the Action's target-facts, and none when routing is off", () => {
      expect(evaluate(actionWith(job)['target-facts'], context('["x"]', 'ubuntu-latest'))).toBe('{"ssh_host":"db-1"}');
      expect(evaluate(actionWith(job)['target-facts'], context('', 'ubuntu-latest'))).toBe('');
    });
  });

  describe.each(['drift.yml', 'fleet.yml'])('%s: the check and fix legs', (name) => {
    const wf = workflow(name);
    const routes = JSON.stringify({
      'web-1': { 'runs-on': ['self-hosted', 'linux', 'web-1'], facts: {} },
      'db:primary': { 'runs-on': ['self-hosted', 'zone-b'], facts: { ssh_host: 'db-1.zone-b.internal' } },
    });
    const context = (
      routesOutput: string,
      target: string,
      runsOnInput = 'ubuntu-latest',
      targetsFile = routesOutput === '' ? '' : ROUTED_FILE,
    ) => ({
      needs: { plan: { outputs: { routes: routesOutput } } },
      matrix: { target },
      inputs: { 'runs-on': runsOnInput, 'targets-file': targetsFile },
    });

    it('with routing on, a leg without its route, or a dropped routes output, fails the leg instead of using input runs-on', () => {
      for (const [id, job] of actionJobs(wf)) {
        expect(() => evaluate(job['runs-on'], context(routes, 'web-9')), id).toThrow();
        expect(() => evaluate(job['runs-on'], context('', 'web-1', '["self-hosted","x"]', ROUTED_FILE)), id).toThrow();
      }
    });

    it('the plan job outputs the routes', () => {
      expect((jobOf(wf, 'plan').outputs as YamlMap).routes).toBe('${{ steps.route.outputs.routes }}');
      expect((findStep(wf, 'plan', 'route').env as YamlMap).LEGS).toBe('${{ steps.plan.outputs.legs }}');
    });

    it("each leg runs on its own target's labels, and its steps get that target's facts", () => {
      const jobs = actionJobs(wf);
      expect(jobs.map(([id]) => id)).toEqual(['check', 'legs']);
      for (const [id, job] of jobs) {
        expect(evaluate(job['runs-on'], context(routes, 'db:primary')), id).toEqual(['self-hosted', 'zone-b']);
        expect(evaluate(job['runs-on'], context(routes, 'web-1')), id).toEqual(['self-hosted', 'linux', 'web-1']);
        const facts = actionWith(job)['target-facts'];
        expect(JSON.parse(String(evaluate(facts, context(routes, 'db:primary'))))).toEqual({
          ssh_host: 'db-1.zone-b.internal',
        });
        expect(JSON.parse(String(evaluate(facts, context(routes, 'web-1'))))).toEqual({});
      }
    });

    it('without routing, every leg runs on input runs-on with no facts, as before', () => {
      for (const [id, job] of actionJobs(wf)) {
        expect(evaluate(job['runs-on'], context('', 'web-1')), id).toBe('ubuntu-latest');
        expect(evaluate(job['runs-on'], context('', 'web-1', '["self-hosted","x"]')), id).toEqual(['self-hosted', 'x']);
        expect(evaluate(actionWith(job)['target-facts'], context('', 'web-1')), id).toBe('');
      }
    });
  });
});

describe('routing: remediate.yml (runs by hand, replays)', () => {
  const wf = workflow('remediate.yml');
  const route = jobOf(wf, 'route');
  const plan = jobOf(wf, 'plan');
  const remediate = jobOf(wf, 'remediate');
  const routeStep = findStep(wf, 'route', 'route');
  const ok = { success: true, failure: false, cancelled: false, always: true };

  it('routes in a job of its own on ubuntu-latest, only when asked, with the target from input target', () => {
    expect(route['runs-on']).toBe('ubuntu-latest');
    expect(route.if).toBe("${{ vars.REMEDIATE_STOP == '' && (inputs.targets-file != '') }}");
    expect(route.permissions).toEqual({ contents: 'read' });
    const steps = stepsOf(route);
    const checkout = steps.findIndex((s) => s.name === 'Check out the targets file');
    expect(checkout).toBeGreaterThan(-1);
    expect(steps[checkout]?.with).toMatchObject({ path: '.remediate-targets', 'persist-credentials': false });
    expect(steps.indexOf(routeStep)).toBeGreaterThan(checkout);
    expect(routeStep.if).toBe(ROUTE_IF);
    expect(String(routeStep.run)).not.toContain('${{');
    expect(routeStep.env).toEqual({ TARGET: '${{ inputs.target }}', TARGETS_FILE: '${{ inputs.targets-file }}' });
    expect(route.outputs).toEqual({
      'runs-on': '${{ steps.route.outputs.runs-on }}',
      'target-facts': '${{ steps.route.outputs.facts }}',
    });
  });

  it("runs on the route's labels when routing is on, else on input runs-on", () => {
    const context = (
      runsOnOutput: string,
      runsOnInput: string,
      targetsFile = runsOnOutput === '' ? '' : ROUTED_FILE,
    ) => ({
      needs: { route: { outputs: { 'runs-on': runsOnOutput } } },
      inputs: { 'runs-on': runsOnInput, 'targets-file': targetsFile },
    });
    // Routing on and the route's output dropped: no runner, never input runs-on (found by review).
    expect(() => evaluate(remediate['runs-on'], context('', '["self-hosted","shared-pool"]', ROUTED_FILE))).toThrow();
    expect(evaluate(remediate['runs-on'], context('["self-hosted","zone-b"]', 'ubuntu-latest'))).toEqual([
      'self-hosted',
      'zone-b',
    ]);
    expect(evaluate(remediate['runs-on'], context('', 'ubuntu-latest'))).toBe('ubuntu-latest');
    expect(evaluate(remediate['runs-on'], context('', '["self-hosted", "linux"]'))).toEqual(['self-hosted', 'linux']);
  });

  it('hands the facts to the plan and to the run; a replay gets none (it runs with its recorded facts)', () => {
    const facts = '{"ssh_host":"db-1.zone-b.internal"}';
    const context = (replay: string, targetsFile = ROUTED_FILE) => ({
      needs: { route: { outputs: { 'target-facts': facts } } },
      inputs: { 'replay-run-id': replay, 'targets-file': targetsFile },
    });
    expect(evaluate(actionWith(plan)['target-facts'], context(''))).toBe(facts);
    expect(evaluate(actionWith(remediate)['target-facts'], context(''))).toBe(facts);
    expect(evaluate(actionWith(remediate)['target-facts'], context('123456789-1'))).toBe('');
    expect(evaluate(actionWith(remediate)['target-facts'], context('', ''))).toBe('');
  });

  it('never plans or runs after a failed or cancelled route; without routing both go on as before (GitHub evaluator)', () => {
    const needs = (routeResult: string, planResult: string, targetsFile = '') => ({
      vars: { REMEDIATE_STOP: '' },
      inputs: { approval: true, 'targets-file': targetsFile },
      needs: { route: { result: routeResult, outputs: {} }, plan: { result: planResult, outputs: {} } },
    });
    // Routing on: a route that did not run (whatever skipped it) lets nothing through.
    expect(jobRuns(plan.if, needs('skipped', 'skipped', ROUTED_FILE), ok)).toBe(false);
    expect(jobRuns(remediate.if, needs('skipped', 'skipped', ROUTED_FILE), ok)).toBe(false);
    expect(jobRuns(remediate.if, needs('success', 'skipped', ROUTED_FILE), ok)).toBe(true);
    for (const routeResult of ['failure', 'cancelled']) {
      expect(jobRuns(plan.if, needs(routeResult, 'skipped'), ok), `plan after ${routeResult}`).toBe(false);
      for (const planResult of ['success', 'skipped', 'failure'])
        expect(jobRuns(remediate.if, needs(routeResult, planResult), ok), `${routeResult}/${planResult}`).toBe(false);
    }
    for (const routeResult of ['success', 'skipped']) {
      expect(jobRuns(plan.if, needs(routeResult, 'skipped'), ok), `plan after ${routeResult}`).toBe(true);
      expect(jobRuns(remediate.if, needs(routeResult, 'success'), ok)).toBe(true);
      expect(jobRuns(remediate.if, needs(routeResult, 'skipped'), ok)).toBe(true);
      expect(jobRuns(remediate.if, needs(routeResult, 'failure'), ok)).toBe(false);
    }
    expect([remediate.needs].flat()).toEqual(['route', 'plan']);
  });

  it('as written with the real CLI: routes a target, refuses an unknown one (exit 3), none, and hostile names (exit 2)', () => {
    const workspace = workspaceWithTargets();
    const run = (target: string) =>
      runStep(routeStep, { cwd: workspace, env: { TARGET: target, TARGETS_FILE: 'remediations/targets.yml' } });
    const routed = run('db:primary');
    expect(routed.status).toBe(0);
    expect(JSON.parse(routed.outputs['runs-on'] ?? '')).toEqual(['self-hosted', 'zone-b']);
    expect(JSON.parse(routed.outputs.facts ?? '')).toMatchObject({ ssh_host: 'db-1.zone-b.internal' });
    const unknown = run('web-9');
    expect(unknown.status).toBe(3);
    expect(unknown.outputs).toEqual({});
    expect(run('').status).toBe(2);
    for (const [attack, target] of Object.entries(HOSTILE_TARGET_NAMES)) {
      const result = run(target);
      expect(result.status, attack).toBe(2);
      expect(result.outputs, attack).toEqual({});
      expectNoWorkflowCommand(result);
    }
  });
});

describe('routing: the route step as written, with the real CLI', () => {
  describe('on-alert.yml', () => {
    const wf = workflow('on-alert.yml');
    const payloadStep = findStep(wf, 'parse', 'payload');
    const routeStep = findStep(wf, 'parse', 'route');
    const remediate = jobOf(wf, 'remediate');

    /** The parse job from the dispatch event on: payload validated, then routed. */
    function parseJob(clientPayload: unknown, workspace = workspaceWithTargets()) {
      const event = join(workspace, 'event.json');
      writeFileSync(event, JSON.stringify({ action: 'remediate', client_payload: clientPayload }));
      const payload = runStep(payloadStep, { cwd: workspace, runner: { GITHUB_EVENT_PATH: event } });
      if (payload.status !== 0) return { payload, route: undefined };
      const route = runStep(routeStep, {
        cwd: workspace,
        env: { TARGET: payload.outputs.target ?? '', TARGETS_FILE: 'remediations/targets.yml' },
      });
      return { payload, route };
    }

    it("routes an alert to its target's runners and hands its facts on", () => {
      const { route } = parseJob({ remediation: 'restart-process@v1.0.0', target: 'db:primary' });
      expect(route?.status).toBe(0);
      const outputs = route?.outputs ?? {};
      expect(outputs.target).toBe('db:primary');
      expect(JSON.parse(outputs.facts ?? '')).toMatchObject({ ssh_host: 'db-1.zone-b.internal' });
      const runsOn = evaluate(remediate['runs-on'], {
        needs: { parse: { outputs: { 'runs-on': outputs['runs-on'] } } },
        inputs: { 'runs-on': 'ubuntu-latest', 'targets-file': ROUTED_FILE },
      });
      expect(runsOn).toEqual(['self-hosted', 'zone-b']);
    });

    it('refuses an unknown target in the parse job (exit 3), so no runner is requested for the fix', () => {
      const { route } = parseJob({ remediation: 'restart-process@v1.0.0', target: 'web-9' });
      expect(route?.status).toBe(3);
      expect(route?.stderr).toMatch(/^refused \[UNKNOWN_TARGET\]: target 'web-9' is not listed in /);
      expect(route?.outputs).toEqual({});
    });

    it('refuses an alert without a target when routing is on (exit 2)', () => {
      const { payload, route } = parseJob({ remediation: 'restart-process@v1.0.0' });
      expect(payload.status).toBe(0);
      expect(route?.status).toBe(2);
      expect(route?.stderr).toContain('every run must name the target it is about');
      expect(route?.outputs).toEqual({});
    });

    it('refuses a missing or invalid targets file (exit 2): routing on never falls back to input runs-on', () => {
      const workspace = workspaceWithTargets('targets:\n  web-1: { runs-on: "two words" }\n');
      const invalid = parseJob({ remediation: 'restart-process@v1.0.0', target: 'web-1' }, workspace);
      expect(invalid.route?.status).toBe(2);
      expect(invalid.route?.stderr).toMatch(/INVALID_CONFIG.*targets\.yml:2:21: targets\.web-1\.runs-on/);
      const missing = runStep(routeStep, {
        cwd: workspace,
        env: { TARGET: 'web-1', TARGETS_FILE: 'remediations/other.yml' },
      });
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/NOT_FOUND/);
      expect(missing.outputs).toEqual({});
    });

    it('refuses hostile target names (exit 2) without printing a workflow command', () => {
      const workspace = workspaceWithTargets();
      for (const [attack, target] of Object.entries({ ...HOSTILE_TARGET_NAMES, long: 'w'.repeat(300) })) {
        const result = runStep(routeStep, {
          cwd: workspace,
          env: { TARGET: target, TARGETS_FILE: 'remediations/targets.yml' },
        });
        expect(result.status, attack).toBe(2);
        expect(result.outputs, attack).toEqual({});
        expectNoWorkflowCommand(result);
      }
    });
  });

  describe('fleet.yml and drift.yml', () => {
    it("fleet: every planned target's route, then each leg's runs-on from it", () => {
      const wf = workflow('fleet.yml');
      const workspace = workspaceWithTargets();
      const plan = runStep(findStep(wf, 'plan', 'plan'), {
        env: { TARGETS: '["web-1", "db:primary"]', PARAMS: '{}', TARGET_PARAM: '', MAX_UNHEALTHY: '', FORCE: 'false' },
      });
      expect(plan.status).toBe(0);
      const route = runStep(findStep(wf, 'plan', 'route'), {
        cwd: workspace,
        env: { LEGS: plan.outputs.legs ?? '', TARGETS_FILE: 'remediations/targets.yml' },
      });
      expect(route.status, route.stderr).toBe(0);
      const legs = jobOf(wf, 'legs');
      for (const [target, labels] of [
        ['web-1', ['self-hosted', 'linux', 'web-1']],
        ['db:primary', ['self-hosted', 'zone-b']],
      ] as const) {
        const context = {
          needs: { plan: { outputs: { routes: route.outputs.routes ?? '' } } },
          matrix: { target },
          inputs: { 'runs-on': 'ubuntu-latest', 'targets-file': ROUTED_FILE },
        };
        expect(evaluate(legs['runs-on'], context)).toEqual(labels);
      }
    });

    it('fleet: one unknown target fails the plan (exit 3), so no leg starts', () => {
      const wf = workflow('fleet.yml');
      const plan = runStep(findStep(wf, 'plan', 'plan'), {
        env: { TARGETS: '["web-1", "web-9"]', PARAMS: '{}', TARGET_PARAM: '', MAX_UNHEALTHY: '', FORCE: 'false' },
      });
      const route = runStep(findStep(wf, 'plan', 'route'), {
        cwd: workspaceWithTargets(),
        env: { LEGS: plan.outputs.legs ?? '', TARGETS_FILE: 'remediations/targets.yml' },
      });
      expect(route.status).toBe(3);
      expect(route.stderr).toMatch(/UNKNOWN_TARGET.*web-9/);
      expect(route.outputs).toEqual({});
    });

    it('drift: routes legs by target, and refuses a leg without one when routing is on', () => {
      const wf = workflow('drift.yml');
      const planStep = findStep(wf, 'plan', 'plan');
      const routeStep = findStep(wf, 'plan', 'route');
      const legs = (remediations: unknown) =>
        runStep(planStep, { env: { REMEDIATIONS: JSON.stringify(remediations), MAX_UNHEALTHY: '' } }).outputs.legs ??
        '';
      const route = (legsJson: string) =>
        runStep(routeStep, {
          cwd: workspaceWithTargets(),
          env: { LEGS: legsJson, TARGETS_FILE: 'remediations/targets.yml' },
        });
      const routed = route(
        legs([
          { remediation: 'reapply-config@v1.0.0', target: 'web-2' },
          { remediation: 'prune-old-files@v1.0.0', target: 'web-2' },
        ]),
      );
      expect(routed.status, routed.stderr).toBe(0);
      expect(JSON.parse(routed.outputs.routes ?? '')).toEqual({
        'web-2': { 'runs-on': ['web-2'], facts: { zone: 'eu-west-1a' } },
      });
      const untargeted = route(legs([{ remediation: 'reapply-config@v1.0.0' }]));
      expect(untargeted.status).toBe(2);
      expect(untargeted.stderr).toContain('leg 0 names no target');
      expect(untargeted.outputs).toEqual({});
    });
  });
});
describe('routing: the example targets file in README.md', () => {
  it('is a valid targets file', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /```yaml\n(# remediations\/targets\.yml\n[\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'README.md has a ```yaml block starting with "# remediations/targets.yml"').toBeDefined();
    const workspace = workspaceWithTargets(block);
    const step = findStep(workflow('on-alert.yml'), 'parse', 'route');
    const result = runStep(step, {
      cwd: workspace,
      env: { TARGET: 'web-1', TARGETS_FILE: 'remediations/targets.yml' },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(isMap(JSON.parse(result.outputs.facts ?? ''))).toBe(true);
  });
});
