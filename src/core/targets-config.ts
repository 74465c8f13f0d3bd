// The targets file (remediations/targets.yml, issue 17): which runners each target's runs go to,
// and the facts its steps receive as TARGET_<NAME> variables. Pure: the caller reads the bytes.
// Routing is operational data, not part of a signed version: it decides where a verified version
// runs, never what runs.

// Precompiled from remediations/targets.schema.json (scripts/build-validators.mjs).
import validate from '../generated/targets-validator.js';
import { TrustError, UsageError } from '../errors.ts';
import { TARGET, TARGET_RULE } from './dispatch-payload.ts';
import { pointerToPath } from './schema-errors.ts';
import { dedupeIssues, formatIssue, readYamlConfig, schemaIssue, showValue, type LocatedIssue } from './yaml-issues.ts';

/** Where one target's runs go, and what its steps are told about it. */
export interface TargetRoute {
  /** The runner labels a job for this target asks for (`runs-on`), at least one. */
  readonly runsOn: readonly string[];
  /** Fact name -> value; each reaches steps as TARGET_<NAME> (targetFactEnvName). */
  readonly facts: Readonly<Record<string, string>>;
}

/** A validated targets file: every target it routes, by exact name. */
export interface TargetsConfig {
  /** A Map, so a target named like an Object property (`constructor`) finds nothing it did not list. */
  readonly targets: ReadonlyMap<string, TargetRoute>;
}

/** Where `remediate targets resolve` looks for the targets file when --file is not given (from the current folder). */
export const DEFAULT_TARGETS_FILE = 'remediations/targets.yml';
/** Largest targets file accepted: thousands of hosts fit; a data dump does not. */
export const MAX_TARGETS_FILE_BYTES = 1024 * 1024;
/** A fact's name, as the schema says; its variable is TARGET_ and the name upper-cased. */
export const FACT_NAME = /^[a-z][a-z0-9_]{0,62}$/;
/** Most facts one target (or the Action's `target-facts` input) carries. */
export const MAX_FACTS = 32;
/** Longest fact value, in characters. */
export const MAX_FACT_CHARS = 4096;
/** Control characters a fact value may not hold (one line, no NUL), as the schema says. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/u;

/** A targets file failed validation: `issues` holds every problem, each at file:line:col. */
export class TargetsConfigError extends UsageError {
  readonly issues: readonly LocatedIssue[];
  constructor(issues: readonly LocatedIssue[]) {
    super('INVALID_CONFIG', issues.map(formatIssue).join('\n'));
    this.issues = issues;
  }
}

/**
 * Parses and validates targets file bytes: UTF-8, bounded, unique keys, no alias bombs, the
 * schema (remediations/targets.schema.json), then target names unique without case. Throws
 * TargetsConfigError (INVALID_CONFIG, exit 2) listing every problem.
 */
export function parseTargetsConfig(bytes: Uint8Array, file: string): TargetsConfig {
  const issueAt = (line: number, column: number, path: string, message: string): LocatedIssue => ({
    file,
    line,
    column,
    path,
    message,
  });
  // Attack: a huge file (or one that grows while read) costing the plan job its memory.
  if (bytes.byteLength > MAX_TARGETS_FILE_BYTES) {
    throw new TargetsConfigError([
      issueAt(1, 1, '', `file is ${bytes.byteLength} bytes; at most ${MAX_TARGETS_FILE_BYTES} are accepted`),
    ]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TargetsConfigError([issueAt(1, 1, '', 'file is not valid UTF-8')]);
  }
  // uniqueKeys: a target listed twice would route to whichever entry the reader kept.
  // Attack: a value quoted in a message (a fact with a newline and `::error::...`) printing a
  // line of its own, which the runner would read as a workflow command. One line, escaped.
  const read = readYamlConfig(text, file, oneLine);
  if (!read.ok) throw new TargetsConfigError(read.issues);
  const { data, issue } = read;
  // The schema refuses target names that are not plain labels (a leading '-', a newline, '../',
  // '${{', non-ASCII), runner labels of another form, and facts that are not one-line strings.
  if (!validate(data)) {
    throw new TargetsConfigError(
      dedupeIssues(
        (validate.errors ?? [])
          // Each reports a problem that the error of its inner schema words better (at the key, by its rule).
          .filter((e) => e.keyword !== 'propertyNames' && e.keyword !== 'if')
          .map((e) => {
            if (e.keyword === 'minProperties' && e.instancePath === '/targets') {
              return issue(['targets'], 'expected at least one target: an empty file would refuse every run');
            }
            if (e.keyword === 'minItems') {
              return issue(pointerToPath(e.instancePath), 'expected at least one runner label');
            }
            const name = (e as { propertyName?: string }).propertyName;
            if (e.keyword === 'pattern' && name !== undefined) {
              const rule = (e.parentSchema as { description?: string } | undefined)?.description ?? 'a valid name';
              return issue(
                [...pointerToPath(e.instancePath), name],
                `expected ${rule.charAt(0).toLowerCase()}${rule.slice(1).replace(/\.$/, '')}, got ${showValue(name)}`,
                true,
              );
            }
            return schemaIssue(e, issue);
          }),
      ),
    );
  }
  const raw = data as RawTargets;
  const problems: LocatedIssue[] = [];
  const seen = new Map<string, string>();
  for (const name of Object.keys(raw.targets)) {
    const folded = name.toLowerCase();
    const first = seen.get(folded);
    // Attack: `web-1` and `WEB-1` routed to different runners. GitHub compares concurrency groups
    // (and expression object keys) without case, so the two would share a group and a lookup,
    // and which route an alert took would depend on how its sender spelled the host.
    if (first !== undefined) {
      problems.push(issue(['targets', name], `'${name}' differs from '${first}' only in case; list it once`, true));
    } else seen.set(folded, name);
  }
  if (problems.length) throw new TargetsConfigError(problems);
  const targets = new Map<string, TargetRoute>();
  for (const [name, target] of Object.entries(raw.targets)) {
    const runsOn = typeof target['runs-on'] === 'string' ? [target['runs-on']] : [...target['runs-on']];
    targets.set(name, { runsOn, facts: nullObject(Object.entries(target.facts ?? {})) });
  }
  return { targets };
}

/**
 * The route of `target`. Throws UsageError (USAGE, exit 2) for a name that is not a plain target,
 * and TrustError (UNKNOWN_TARGET, exit 3) for one the file does not list: there is no default
 * route, so a misspelt or invented target never runs on some other machine.
 */
export function resolveTarget(config: TargetsConfig, target: string, file: string): TargetRoute {
  // Attack: a hostile target from an alert payload (`-oProxyCommand=...`, a newline with a
  // workflow command, `../`, `${{ }}`, megabytes, look-alike Unicode) reaching runner labels,
  // job names, logs or a shell. Refused by the one target rule every entry point applies.
  if (target === '') {
    throw new UsageError('USAGE', 'no target given: with a targets file, every run must name the target it is about');
  }
  if (!TARGET.test(target)) {
    throw new UsageError('USAGE', `target ${showTarget(target)}: expected ${TARGET_RULE}`);
  }
  // A Map lookup: `constructor`, `toString` or `hasOwnProperty` match only if listed.
  const route = config.targets.get(target);
  if (route === undefined) {
    throw new TrustError(
      'UNKNOWN_TARGET',
      `target '${target}' is not listed in ${file}: no runner is requested for it (names are compared exactly; add it with its runs-on labels, or fix the target the alert names)`,
    );
  }
  return route;
}

/** The variable a fact reaches steps as: TARGET_ and its name upper-cased (`ssh_host` -> TARGET_SSH_HOST). */
export function targetFactEnvName(name: string): string {
  return `TARGET_${name.toUpperCase()}`;
}

/**
 * Parses facts handed over as a JSON object (the Action's `target-facts` input, `run
 * --target-facts`): the same rules as the targets file, so a fact that could not be written there
 * cannot be smuggled in here. '' and `null` are no facts. Throws UsageError (INVALID_PARAMS) naming `label`.
 */
export function parseTargetFacts(text: string, label: string): Readonly<Record<string, string>> {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'null') return nullObject([]);
  const refuse = (message: string): never => {
    throw new UsageError('INVALID_PARAMS', `${label}: ${message}`);
  };
  // Attack: a huge input (many facts of the largest size is well under this).
  if (trimmed.length > MAX_FACTS * (MAX_FACT_CHARS + 128)) refuse('too large to be target facts');
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return refuse('expected a JSON object of fact names to string values, like {"ssh_host": "web-1.internal"}');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse('expected a JSON object of fact names to string values');
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_FACTS) refuse(`expected at most ${MAX_FACTS} facts, got ${entries.length}`);
  for (const [name, item] of entries) {
    // Attack: a name that is not a fact name becoming another variable (`x; PATH`, `__proto__`,
    // `=`), or colliding with another fact once upper-cased.
    if (!FACT_NAME.test(name)) {
      refuse(
        `fact name ${JSON.stringify(name.slice(0, 64))}: expected lower-case letters, digits and _, starting with a letter (at most 63)`,
      );
    }
    // Attack: a value that is not one line of text: a NUL cannot enter a process environment (the
    // spawn error would quote it into the record), and a newline could forge log lines.
    if (typeof item !== 'string') refuse(`fact '${name}': expected a string value`);
    const fact = item as string;
    if (fact.length > MAX_FACT_CHARS) refuse(`fact '${name}': expected at most ${MAX_FACT_CHARS} characters`);
    if (CONTROL.test(fact)) refuse(`fact '${name}': expected one line without control characters`);
    if (!fact.isWellFormed()) refuse(`fact '${name}': expected valid Unicode text`);
  }
  return nullObject(entries as [string, string][]);
}

/**
 * The facts' variable names that the signed definition already uses (its `env`, a step's `env`, a
 * declared secret), in order; empty when none. Each would silently replace, or be replaced by,
 * what the definition sets, so the caller refuses a run with any of them.
 */
export function factConflicts(facts: Readonly<Record<string, string>>, taken: Iterable<string>): string[] {
  const names = new Set(taken);
  return Object.keys(facts)
    .map(targetFactEnvName)
    .filter((env) => names.has(env));
}

/** Text as one line: control characters written as JSON escapes (`\n`, `\u0000`). */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return text.replace(/[\u0000-\u001f\u007f]/gu, (c) => JSON.stringify(c).slice(1, -1));
}

/** A target as an error message shows it: JSON-quoted (control characters escaped) and cut short. */
function showTarget(target: string): string {
  return JSON.stringify(target.length > 60 ? `${target.slice(0, 57)}...` : target);
}

/** Own data properties only, no prototype: a fact named `constructor` is only ever a fact. */
function nullObject(entries: Iterable<readonly [string, string]>): Record<string, string> {
  const object = Object.create(null) as Record<string, string>;
  for (const [k, v] of entries) object[k] = v;
  return object;
}

interface RawTargets {
  readonly targets: Readonly<
    Record<string, { readonly 'runs-on': string | readonly string[]; readonly facts?: Record<string, string> }>
  >;
}
