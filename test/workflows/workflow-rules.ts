// Rules every workflow, example caller and the Action's metadata must follow (STYLE.md rule 12 and
// issue 5). Each rule is a pure function over parsed YAML or raw text returning problems as
// strings, so the tests run it on the real files and on inline bad workflows alike.
import { parse } from 'yaml';

/** A parsed YAML mapping. */
export type YamlMap = Record<string, unknown>;

/** The parts of action.yml the rules read. */
export interface ActionMeta {
  readonly inputs: Readonly<Record<string, { required?: boolean; default?: unknown }>>;
}

/** Where workflows check out the tool and use the Action from. */
export const TOOL_ACTION = './.remediate-tool';

/** A commit SHA as GitHub prints it. */
export const FULL_SHA = /^[0-9a-f]{40}$/;

/** Parses YAML text into a mapping, or throws naming the file. */
export function parseYamlMap(text: string, file: string): YamlMap {
  const value: unknown = parse(text);
  if (!isMap(value)) throw new Error(`${file}: expected a YAML mapping at the top level`);
  return value;
}

/** True for a plain object (a YAML mapping). */
export function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every job of a workflow, by id. */
export function jobsOf(workflow: YamlMap): [string, YamlMap][] {
  const jobs = workflow.jobs;
  return isMap(jobs) ? Object.entries(jobs).filter((e): e is [string, YamlMap] => isMap(e[1])) : [];
}

/** Every step of a job (jobs that call a reusable workflow have none). */
export function stepsOf(job: YamlMap): YamlMap[] {
  return Array.isArray(job.steps) ? job.steps.filter(isMap) : [];
}

/** `on.workflow_call` of a reusable workflow, or undefined. */
export function workflowCallOf(workflow: YamlMap): YamlMap | undefined {
  const on = workflow.on;
  if (!isMap(on)) return undefined;
  const call = on.workflow_call;
  return isMap(call) ? call : call === null ? {} : undefined;
}

function mapAt(value: YamlMap | undefined, key: string): YamlMap {
  const inner = value?.[key];
  return isMap(inner) ? inner : {};
}

/** Every `with:` given to the Action names an input of action.yml; every required input is given. */
export function actionInputProblems(workflow: YamlMap, action: ActionMeta, file: string): string[] {
  const problems: string[] = [];
  for (const [jobId, job] of jobsOf(workflow)) {
    for (const step of stepsOf(job)) {
      if (step.uses !== TOOL_ACTION) continue;
      const given = isMap(step.with) ? Object.keys(step.with) : [];
      for (const key of given) {
        if (!(key in action.inputs)) problems.push(`${file}: job ${jobId}: the Action has no input '${key}'`);
      }
      for (const [name, spec] of Object.entries(action.inputs)) {
        if (spec.required === true && spec.default === undefined && !given.includes(name)) {
          problems.push(`${file}: job ${jobId}: required Action input '${name}' is not given`);
        }
      }
    }
  }
  return problems;
}

// `uses:` lines as written, so the version comment (which YAML parsing drops) can be checked.
const USES_LINE = /^\s*(?:-\s+)?uses:\s*(?<quote>['"]?)(?<ref>[^'"\s#]+)\k<quote>\s*(?<comment>#.*)?$/;

/**
 * Every remote `uses:` is pinned to a full commit SHA with a comment: actions with their version
 * (`# v5.0.0`), reusable workflows with any note (the examples' placeholder says what to replace).
 */
export function pinProblems(raw: string, file: string): string[] {
  const problems: string[] = [];
  raw.split('\n').forEach((line, index) => {
    const match = USES_LINE.exec(line);
    if (!match?.groups) return;
    const ref = match.groups.ref ?? '';
    const comment = match.groups.comment ?? '';
    const where = `${file}:${index + 1}`;
    if (ref.startsWith('./')) return; // local: same commit as the workflow (or the checked-out tool)
    if (ref.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(ref))
        problems.push(`${where}: docker image '${ref}' is not pinned to a digest`);
      return;
    }
    const at = ref.lastIndexOf('@');
    const sha = at < 0 ? '' : ref.slice(at + 1);
    if (!FULL_SHA.test(sha)) {
      problems.push(`${where}: '${ref}' is not pinned to a full 40-character commit SHA`);
      return;
    }
    const isWorkflow = ref.slice(0, at).includes('/.github/workflows/');
    if (isWorkflow ? !/^#\s*\S/.test(comment) : !/^#\s*v\d+(\.\d+)*\b/.test(comment)) {
      problems.push(
        `${where}: '${ref}' needs a comment naming its version (${isWorkflow ? '# <what this commit is>' : '# vX.Y.Z'})`,
      );
    }
  });
  return problems;
}

/** No `${{ }}` inside any `run:` text: untrusted values go through `env:`. */
export function runExpressionProblems(workflow: YamlMap, file: string): string[] {
  const problems: string[] = [];
  for (const [jobId, job] of jobsOf(workflow)) {
    stepsOf(job).forEach((step, index) => {
      if (typeof step.run === 'string' && step.run.includes('${{')) {
        problems.push(
          `${file}: job ${jobId} step ${index + 1} (${String(step.name ?? step.id ?? 'unnamed')}): '\${{' inside run:; pass the value through env:`,
        );
      }
    });
  }
  return problems;
}

/** A top-level `permissions:` block, so nothing runs with the repository's default token scopes. */
export function permissionsProblems(workflow: YamlMap, file: string): string[] {
  return 'permissions' in workflow ? [] : [`${file}: no top-level permissions:`];
}

/** Every workflow_call input, secret and output has a description. */
export function descriptionProblems(workflow: YamlMap, file: string): string[] {
  const call = workflowCallOf(workflow);
  if (!call) return [];
  const problems: string[] = [];
  for (const section of ['inputs', 'secrets', 'outputs']) {
    for (const [name, spec] of Object.entries(mapAt(call, section))) {
      const description = isMap(spec) ? spec.description : undefined;
      if (typeof description !== 'string' || !description.trim()) {
        problems.push(`${file}: workflow_call ${section}.${name} has no description`);
      }
    }
  }
  return problems;
}

/** A job that calls one of this repository's reusable workflows: `<owner>/<repo>/.github/workflows/<file>@<sha>`. */
export function calledWorkflowFile(uses: unknown): { file: string; sha: string } | undefined {
  if (typeof uses !== 'string') return undefined;
  const match = /^[^/\s]+\/[^/\s]+\/\.github\/workflows\/([^@/\s]+)@(\S+)$/.exec(uses);
  return match ? { file: match[1] ?? '', sha: match[2] ?? '' } : undefined;
}

/**
 * Callers give every required input of the workflow they call and no unknown input or secret, and
 * grant the called jobs' permissions.
 */
export function callerProblems(
  caller: YamlMap,
  resolve: (file: string) => YamlMap | undefined,
  file: string,
): string[] {
  const problems: string[] = [];
  for (const [jobId, job] of jobsOf(caller)) {
    const called = calledWorkflowFile(job.uses);
    if (!called) continue;
    const where = `${file}: job ${jobId}`;
    const callee = resolve(called.file);
    const call = callee && workflowCallOf(callee);
    if (!callee || !call) {
      problems.push(`${where}: ${called.file} is not a reusable workflow of this repository`);
      continue;
    }
    const inputs = mapAt(call, 'inputs');
    const given = isMap(job.with) ? job.with : {};
    for (const key of Object.keys(given)) {
      if (!(key in inputs)) problems.push(`${where}: ${called.file} has no input '${key}'`);
    }
    for (const [name, spec] of Object.entries(inputs)) {
      if (isMap(spec) && spec.required === true && !(name in given))
        problems.push(`${where}: required input '${name}' of ${called.file} is not given`);
    }
    const secrets = mapAt(call, 'secrets');
    if (job.secrets !== 'inherit') {
      const passed = isMap(job.secrets) ? job.secrets : {};
      for (const key of Object.keys(passed)) {
        if (!(key in secrets)) problems.push(`${where}: ${called.file} declares no secret '${key}'`);
      }
      for (const [name, spec] of Object.entries(secrets)) {
        if (isMap(spec) && spec.required === true && !(name in passed))
          problems.push(`${where}: required secret '${name}' of ${called.file} is not passed`);
      }
    }
    problems.push(...permissionCoverageProblems(job.permissions ?? caller.permissions, callee, where));
  }
  return problems;
}

const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 };

function levels(permissions: unknown): Record<string, number> | 'all-write' | 'all-read' {
  if (permissions === 'write-all') return 'all-write';
  if (permissions === 'read-all') return 'all-read';
  const out: Record<string, number> = {};
  if (isMap(permissions))
    for (const [scope, level] of Object.entries(permissions)) out[scope] = LEVEL[String(level)] ?? 0;
  return out;
}

function levelOf(granted: ReturnType<typeof levels>, scope: string): number {
  if (granted === 'all-write') return 2;
  if (granted === 'all-read') return 1;
  return granted[scope] ?? 0;
}

/**
 * A called workflow's jobs can only narrow the caller's token: GitHub refuses to start a run whose
 * called job asks for more than the calling job grants. Checks the caller grants every scope needed.
 */
export function permissionCoverageProblems(granted: unknown, callee: YamlMap, where: string): string[] {
  const grant = levels(granted);
  const problems: string[] = [];
  const needs = [callee.permissions, ...jobsOf(callee).map(([, job]) => job.permissions)];
  for (const need of needs) {
    const wanted = levels(need);
    if (typeof wanted === 'string') continue;
    for (const [scope, level] of Object.entries(wanted)) {
      if (levelOf(grant, scope) < level)
        problems.push(
          `${where}: the called workflow needs ${scope}: ${level === 2 ? 'write' : 'read'}, which the caller does not grant`,
        );
    }
  }
  return [...new Set(problems)];
}

/** How every job checks out the tool: this called workflow's own repository at its own commit. */
export const TOOL_CHECKOUT = {
  repository: '${{ job.workflow_repository }}',
  ref: '${{ job.workflow_sha }}',
  token: '${{ secrets.TOOL_TOKEN || github.token }}',
  path: '.remediate-tool',
  'persist-credentials': false,
} as const;

/**
 * Every tool checkout uses `job.workflow_repository` at `job.workflow_sha` (so the tool that runs is
 * the commit the caller pinned in `uses:`, with no caller-supplied ref to get wrong), with the
 * TOOL_TOKEN secret for private mirrors and no persisted credentials; the job's first step refuses
 * empty or malformed values (which would check out the caller's repository as the tool); and no
 * workflow still takes a `tool-ref` or `tool-repository` input.
 */
export function toolCheckoutProblems(workflow: YamlMap, file: string): string[] {
  const problems: string[] = [];
  const call = workflowCallOf(workflow);
  for (const stale of ['tool-ref', 'tool-repository']) {
    if (stale in mapAt(call, 'inputs'))
      problems.push(`${file}: input '${stale}' is obsolete: the tool is checked out at job.workflow_sha`);
  }
  let checksOut = false;
  for (const [jobId, job] of jobsOf(workflow)) {
    const steps = stepsOf(job);
    const checkouts = steps.filter((s) => isMap(s.with) && s.with.path === TOOL_CHECKOUT.path);
    if (checkouts.length === 0) continue;
    checksOut = true;
    const first = steps[0];
    const env = isMap(first?.env) ? first.env : {};
    if (
      typeof first?.run !== 'string' ||
      !first.run.includes('[0-9a-f]{40}') ||
      env.TOOL_REPOSITORY !== TOOL_CHECKOUT.repository ||
      env.TOOL_SHA !== TOOL_CHECKOUT.ref
    ) {
      problems.push(
        `${file}: job ${jobId}: the first step must refuse an empty or malformed job.workflow_repository / job.workflow_sha`,
      );
    }
    for (const step of checkouts) {
      const given = step.with as YamlMap;
      for (const [key, value] of Object.entries(TOOL_CHECKOUT)) {
        if (given[key] !== value)
          problems.push(
            `${file}: job ${jobId}: the tool checkout must set ${key}: ${String(value)}, got ${String(given[key])}`,
          );
      }
    }
  }
  if (checksOut && !('TOOL_TOKEN' in mapAt(call, 'secrets'))) {
    problems.push(`${file}: checks out the tool but declares no workflow_call secret TOOL_TOKEN`);
  }
  return problems;
}

/**
 * What a `run:` step may call on a plain self-hosted Linux runner: bash and its builtins, coreutils,
 * git, and the Node that actions/setup-node installs. Anything else (`gh`, `jq`, `curl`, `python`,
 * `unzip`, `tar`, `gzip`, `grep`, `sed`) may be missing and would fail the step with exit 127.
 */
export const RUNNER_COMMANDS: ReadonlySet<string> = new Set([
  // bash keywords and builtins
  ...'if then else elif fi for while until do done case esac function in time ! [[ ]] (( )) { } [ test echo printf read exit return set shopt trap umask cd local export declare readonly source . eval exec wait break continue shift unset true false : type command'.split(
    ' ',
  ),
  // coreutils
  ...'basename cat chmod cp cut date dirname env head id install ln ls mkdir mktemp mv readlink realpath rm rmdir seq sleep sort stat tail tee touch tr uniq wc'.split(
    ' ',
  ),
  'git',
  'node',
]);

/** The words in command position of a bash script, quotes and comments removed (a heuristic, not a parser). */
export function commandWords(script: string): string[] {
  const words: string[] = [];
  let continued = false;
  for (const raw of script.split('\n')) {
    const wasContinued = continued;
    continued = /\\\s*$/.test(raw);
    if (wasContinued) continue; // arguments of the previous line
    const line = raw
      .replace(/'[^']*'/g, "''")
      .replace(/"(?:[^"\\]|\\.)*"/g, '""')
      .replace(/(^|\s)#.*$/, '')
      .replace(/\[\[.*?\]\]/g, '[[ ]]') // conditions (a regex there may hold any word)
      .replace(/\(\(.*?\)\)/g, '(( ))'); // arithmetic
    // Keywords that a command follows become separators, then each segment's first word is a command.
    const segments = line
      .replace(/\b(?:then|else|do|if|elif|while|until|time)\b|!(?=\s)/g, ';')
      .split(/\|\||&&|[|;&({]|\$\(/);
    for (const segment of segments) {
      const match = /^\s*([A-Za-z_][A-Za-z0-9_.-]*)(\+?=)?/.exec(segment);
      if (match && !match[2]) words.push(match[1] ?? ''); // match[2]: an assignment (`x=`, `x+=`)
    }
  }
  return words;
}

/** Every `run:` step (bash) calls only what RUNNER_COMMANDS allows; `shell: node {0}` runs on Node. */
export function runnerCommandProblems(workflow: YamlMap, file: string): string[] {
  const problems: string[] = [];
  for (const [jobId, job] of jobsOf(workflow)) {
    stepsOf(job).forEach((step, index) => {
      if (typeof step.run !== 'string' || step.shell === 'node {0}') return;
      for (const word of new Set(commandWords(step.run))) {
        if (!RUNNER_COMMANDS.has(word))
          problems.push(
            `${file}: job ${jobId} step ${index + 1} (${String(step.name ?? step.id ?? 'unnamed')}): '${word}' is not git, bash, coreutils or node`,
          );
      }
    });
  }
  return problems;
}

/** The repository or organization variable that stops all automatic remediation (README.md). */
export const STOP_VARIABLE = 'REMEDIATE_STOP';

/** The job that, while the variable is set, says remediation is stopped and how to resume. */
export const STOP_JOB = 'stopped';

/** A job's `if:` gated by the emergency stop: alone, or before the job's own condition. */
export function stopGated(condition?: string): string {
  const gate = `vars.${STOP_VARIABLE} == ''`;
  return condition === undefined ? `\${{ ${gate} }}` : `\${{ ${gate} && (${condition}) }}`;
}

/**
 * The emergency stop (issue 17): the stop job exists and runs only while the variable is set,
 * with no token scopes and no tool; every other job's `if:` starts with the variable's check as a
 * top-level `&&` (its own condition wrapped in one pair of parentheses), so no job requests a
 * runner while remediation is stopped.
 */
export function emergencyStopProblems(workflow: YamlMap, file: string): string[] {
  const problems: string[] = [];
  const jobs = jobsOf(workflow);
  const stop = jobs.find(([id]) => id === STOP_JOB)?.[1];
  if (!stop) {
    problems.push(`${file}: no job '${STOP_JOB}' saying that remediation is stopped`);
  } else {
    if (stop.if !== `\${{ vars.${STOP_VARIABLE} != '' }}`)
      problems.push(`${file}: job ${STOP_JOB} must run only while ${STOP_VARIABLE} is set, got if: ${String(stop.if)}`);
    if (stop.needs !== undefined) problems.push(`${file}: job ${STOP_JOB} must need no other job`);
    if (!isMap(stop.permissions) || Object.keys(stop.permissions).length > 0)
      problems.push(`${file}: job ${STOP_JOB} must have permissions: {}`);
    if (stepsOf(stop).some((s) => s.uses !== undefined))
      problems.push(`${file}: job ${STOP_JOB} must use no action (it checks nothing out and runs no tool)`);
  }
  const prefix = `\${{ vars.${STOP_VARIABLE} == '' && (`;
  for (const [id, job] of jobs) {
    if (id === STOP_JOB) continue;
    const condition = job.if;
    if (condition === stopGated()) continue;
    const inner =
      typeof condition === 'string' && condition.startsWith(prefix) && condition.endsWith(') }}')
        ? condition.slice(prefix.length, -') }}'.length)
        : undefined;
    if (inner === undefined || !balanced(inner)) {
      problems.push(
        `${file}: job ${id} is not gated by the emergency stop: expected if: ${stopGated()} or ${stopGated('<its condition>')}, got ${String(condition)}`,
      );
    }
  }
  return problems;
}

// Whether every parenthesis in an expression closes within it (quotes skipped), so `(a) || (b)`
// cannot pass as one group: `vars.X == '' && (a) || (b)` would let `b` run a stopped job.
function balanced(expression: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const char of expression) {
    if (char === "'") quoted = !quoted;
    else if (!quoted && char === '(') depth++;
    else if (!quoted && char === ')' && --depth < 0) return false;
  }
  return depth === 0 && !quoted;
}
