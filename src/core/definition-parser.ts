import { isScalar, LineCounter, parseDocument } from 'yaml';
// Precompiled from remediations/remediation.schema.json at build time (scripts/build-validators.mjs):
// compiling the schema at run time was a noticeable part of every run's start-up.
import validate from '../generated/remediation-validator.js';
import { RemediateError, ExitCode } from '../errors.ts';
import {
  paramEnvName,
  parseDuration,
  reservedSecretName,
  runnerCredentialName,
  STAGES,
  type CircuitBreakerSpec,
  type Definition,
  type StepSpec,
} from './definition.ts';
import { checkInputValue } from './param-validation.ts';
import { formatPath } from './schema-errors.ts';
import { dedupeIssues, findNode, formatIssue, schemaIssue, type IssueMaker, type LocatedIssue } from './yaml-issues.ts';

export { formatIssue };

/** Largest remediation.yml accepted: a definition is a page of YAML, not a data set. */
export const MAX_DEFINITION_BYTES = 256 * 1024;
/** Alias expansions allowed: stops "billion laughs" documents that expand to gigabytes. */
const MAX_ALIAS_COUNT = 50;

/** One problem in a definition, with the position of the offending YAML node. */
export type DefinitionIssue = LocatedIssue;

/** A definition failed validation; `issues` carries every problem found, with file positions. */
export class DefinitionError extends RemediateError {
  override readonly name = 'DefinitionError';
  readonly code = 'INVALID_DEFINITION' as const;
  readonly exitCode = ExitCode.usage;
  readonly issues: readonly DefinitionIssue[];
  constructor(issues: readonly DefinitionIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.issues = issues;
  }
}

/**
 * Parses and validates remediation.yml bytes. Pure: the caller reads the bytes (from git objects
 * or the working tree) and says which folder they came from.
 */
export function parseDefinition(file: string, bytes: Uint8Array, folderName: string): Definition {
  const issueAt = (line: number, column: number, path: string, message: string): DefinitionIssue => ({
    file,
    line,
    column,
    path,
    message,
  });
  if (bytes.byteLength > MAX_DEFINITION_BYTES) {
    throw new DefinitionError([
      issueAt(1, 1, '', `file is ${bytes.byteLength} bytes; at most ${MAX_DEFINITION_BYTES} are accepted`),
    ]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DefinitionError([issueAt(1, 1, '', 'file is not valid UTF-8')]);
  }

  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const position = (offset: number) => lines.linePos(offset);
  if (doc.errors.length) {
    throw new DefinitionError(
      doc.errors.map((e) => {
        const { line, col } = position(e.pos[0]);
        return issueAt(line, col, '', e.message.split('\n')[0] ?? e.message);
      }),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new DefinitionError([
      issueAt(1, 1, '', `cannot expand the document: ${error instanceof Error ? error.message : String(error)}`),
    ]);
  }

  const locate = (path: readonly (string | number)[], key = false) => {
    const { node, keyNode } = findNode(doc, path);
    const target = key && keyNode ? keyNode : node;
    const offset = target?.range?.[0] ?? 0;
    const { line, col } = position(offset);
    return { line, column: col };
  };
  const issue = (path: readonly (string | number)[], message: string, key = false): DefinitionIssue => {
    const { line, column } = locate(path, key);
    return issueAt(line, column, formatPath(path), message);
  };

  if (!validate(data)) {
    throw new DefinitionError(dedupeIssues((validate.errors ?? []).map((e) => schemaIssue(e, issue))));
  }
  const definition = normalise(data as RawDefinition);
  const problems = semanticIssues(definition, folderName, issue);
  if (problems.length) throw new DefinitionError(problems);
  return definition;
}

type RawDefinition = Partial<Omit<Definition, 'circuit-breaker'>> &
  Pick<Definition, 'name' | 'description' | 'steps'> & {
    readonly 'circuit-breaker'?: Omit<CircuitBreakerSpec, 'per'> & Partial<Pick<CircuitBreakerSpec, 'per'>>;
  };

function normalise(raw: RawDefinition): Definition {
  return {
    name: raw.name,
    description: raw.description,
    inputs: raw.inputs ?? {},
    secrets: raw.secrets ?? [],
    ...(raw['optional-secrets'] !== undefined ? { 'optional-secrets': raw['optional-secrets'] } : {}),
    env: raw.env ?? {},
    ...(raw.timeout !== undefined ? { timeout: raw.timeout } : {}),
    ...(raw['circuit-breaker'] !== undefined
      ? { 'circuit-breaker': { per: 'target' as const, ...raw['circuit-breaker'] } }
      : {}),
    outputs: raw.outputs ?? {},
    check: raw.check ?? [],
    steps: raw.steps,
    verify: raw.verify ?? [],
    rollback: raw.rollback ?? [],
  };
}

// Checks JSON Schema cannot express.
function semanticIssues(def: Definition, folderName: string, issue: IssueMaker): DefinitionIssue[] {
  const problems: DefinitionIssue[] = [];
  // A definition that claims another name could be released under a tag it was not reviewed as.
  if (def.name !== folderName) {
    problems.push(issue(['name'], `expected '${folderName}' (the folder name), got '${def.name}'`));
  }
  for (const [input, spec] of Object.entries(def.inputs)) {
    if (spec.default !== undefined) {
      const problem = checkInputValue(spec, spec.default);
      if (problem) problems.push(issue(['inputs', input, 'default'], `default fails its own constraints: ${problem}`));
    }
    if (spec.pattern !== undefined) {
      try {
        new RegExp(spec.pattern, 'u');
      } catch {
        problems.push(
          issue(['inputs', input, 'pattern'], `expected a valid regular expression, got '${spec.pattern}'`),
        );
      }
    }
    if (spec.required && spec.default !== undefined) {
      problems.push(issue(['inputs', input, 'required'], 'a required input cannot have a default'));
    }
  }
  const secretLists = [
    ['secrets', def.secrets],
    ['optional-secrets', def['optional-secrets'] ?? []],
  ] as const;
  for (const [list, names] of secretLists) {
    names.forEach((name, index) => {
      if (runnerCredentialName(name)) {
        problems.push(
          issue(
            [list, index],
            `'${name}' is reserved (ACTIONS_* are the runner's own credentials, never handed to a step); name the secret otherwise`,
          ),
        );
      } else if (reservedSecretName(name)) {
        problems.push(
          issue(
            [list, index],
            `'${name}' is reserved (PARAM_*, STEP_*, REMEDIATION_* and REMEDIATE_* are set by remediate itself); name the secret otherwise`,
          ),
        );
      }
    });
  }
  // A name in both lists: whether a run without it is refused would depend on which list is read.
  (def['optional-secrets'] ?? []).forEach((name, index) => {
    if (def.secrets.includes(name)) {
      problems.push(issue(['optional-secrets', index], `'${name}' is also in secrets; list it in one of the two`));
    }
  });
  if (def.timeout !== undefined) problems.push(...durationIssue(def.timeout, ['timeout'], issue));
  const breaker = def['circuit-breaker'];
  if (breaker !== undefined) problems.push(...durationIssue(breaker.within, ['circuit-breaker', 'within'], issue));
  // Two inputs that map to one variable (a-b and a_b are both PARAM_A_B) would let one silently
  // replace the other in the step environment.
  const envNames = new Map<string, string>();
  for (const input of Object.keys(def.inputs)) {
    const name = paramEnvName(input);
    const other = envNames.get(name);
    if (other)
      problems.push(issue(['inputs', input], `'${input}' and '${other}' both become ${name}; rename one`, true));
    envNames.set(name, input);
  }
  const ids = new Map<string, string>();
  const stepEnvNames = new Map<string, string>();
  for (const stage of STAGES) {
    def[stage].forEach((step, index) => {
      if (step.timeout !== undefined) problems.push(...durationIssue(step.timeout, [stage, index, 'timeout'], issue));
      // Outputs reach later steps as STEP_<ID>_<KEY>: ids that normalise alike (fix-a, fix_a) would clash.
      const normalised = step.id.toUpperCase().replaceAll('-', '_');
      const clash = stepEnvNames.get(normalised);
      if (clash && clash !== step.id) {
        problems.push(
          issue([stage, index, 'id'], `'${step.id}' and '${clash}' both become STEP_${normalised}_*; rename one`),
        );
      }
      stepEnvNames.set(normalised, step.id);
      const seen = ids.get(step.id);
      if (seen) {
        problems.push(issue([stage, index, 'id'], `duplicate step id '${step.id}' (first used in ${seen})`));
      } else {
        ids.set(step.id, `${stage}[${index}]`);
      }
      problems.push(...expressionIssues(step, [stage, index], issue));
    });
  }
  // Declared outputs read STEP_<ID>_<KEY> names; two that normalise alike (key K2 and k2 of one
  // step) would read one value under two names while the step meant two.
  const outputEnvNames = new Map<string, string>();
  for (const [output, spec] of Object.entries(def.outputs)) {
    if (!ids.has(spec.step)) {
      problems.push(issue(['outputs', output, 'step'], `expected the id of a step, got '${spec.step}'`));
    }
    const envName = `STEP_${spec.step}_${spec.key}`.toUpperCase().replaceAll('-', '_');
    const other = outputEnvNames.get(envName);
    if (other !== undefined && other !== `${spec.step}/${spec.key}`) {
      problems.push(
        issue(
          ['outputs', output, 'key'],
          `'${spec.step}/${spec.key}' and '${other}' both become ${envName}; rename one`,
        ),
      );
    } else {
      outputEnvNames.set(envName, `${spec.step}/${spec.key}`);
    }
  }
  problems.push(...expressionIssuesIn(def.env, ['env'], issue));
  return problems;
}

// `${{ }}` looks like GitHub's expression language but nothing here evaluates it: a step relying
// on it would run with the literal text, and a workflow author might expect interpolation of
// untrusted values. Parameters are environment variables ($PARAM_X); say so.
function expressionIssues(step: StepSpec, at: (string | number)[], issue: IssueMaker): DefinitionIssue[] {
  const found: DefinitionIssue[] = [];
  if (step.run.includes('${{')) {
    found.push(issue([...at, 'run'], expressionMessage(step.run)));
  }
  // A name is only shown, but `${{ }}` there reads as a promise of interpolation all the same.
  if (step.name?.includes('${{')) {
    found.push(issue([...at, 'name'], expressionMessage(step.name)));
  }
  // A NUL cannot reach a process: the shell gets the script as an argument and the env as C
  // strings, so everything after it would be cut off silently (or the spawn fails mid-run, after
  // earlier steps changed the system). YAML can write one ("\0"); refuse it before any step runs.
  if (step.run.includes('\0')) found.push(issue([...at, 'run'], NUL_MESSAGE));
  // The working directory is a path, not a template; a NUL in a name would cut the log line short.
  const directory = step['working-directory'];
  if (directory?.includes('${{')) found.push(issue([...at, 'working-directory'], expressionMessage(directory)));
  if (step.name?.includes('\0')) found.push(issue([...at, 'name'], NUL_MESSAGE));
  found.push(...expressionIssuesIn(step.env ?? {}, [...at, 'env'], issue));
  return found;
}

const NUL_MESSAGE = 'contains a NUL byte, which a process cannot receive; remove it';

function durationIssue(text: string, at: (string | number)[], issue: IssueMaker): DefinitionIssue[] {
  try {
    parseDuration(text);
    return [];
  } catch (error) {
    return [issue(at, (error as Error).message)];
  }
}

function expressionIssuesIn(env: Readonly<Record<string, string>>, at: (string | number)[], issue: IssueMaker) {
  return Object.entries(env).flatMap(([key, value]) => [
    ...(value.includes('${{') ? [issue([...at, key], expressionMessage(value))] : []),
    ...(value.includes('\0') ? [issue([...at, key], NUL_MESSAGE)] : []),
  ]);
}

function expressionMessage(text: string): string {
  const expr = /\$\{\{[^}]*\}?\}?/.exec(text)?.[0] ?? '${{ }}';
  return `'${expr.slice(0, 60)}' is not evaluated here: this is not GitHub's expression language; read parameters from $PARAM_<NAME> and outputs from $STEP_<ID>_<KEY> instead`;
}

/**
 * Where the YAML node at `path` starts in remediation.yml bytes that parsed before, and where the
 * text of a block scalar (`run: |`) begins: the line after its header, so that line N of a script
 * is line `firstLine + N - 1` of the file.
 */
export function locateValue(
  bytes: Uint8Array,
  path: readonly (string | number)[],
): { line: number; column: number; firstLine: number | undefined } {
  const lines = new LineCounter();
  const doc = parseDocument(Buffer.from(bytes).toString('utf8'), { lineCounter: lines, prettyErrors: false });
  const { node } = findNode(doc, path);
  const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
  const block = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
  return { line, column: col, firstLine: block && node.type === 'BLOCK_LITERAL' ? line + 1 : undefined };
}
