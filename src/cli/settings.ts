import { parseArgs, type ParseArgsOptionDescriptor } from 'node:util';
import { isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../errors.ts';
import { readGitHubEnvironment, type GitHubEnvironment } from '../app/github-environment.ts';
import { parseLegs, parseMaxUnhealthy, type PlannedLeg, type UnhealthyLimit } from '../app/blast-radius.ts';
import { parseRunTarget, parseThreshold } from '../app/run-request.ts';
import { LISTED_STATUSES, parseSince, type ListedStatus, type RunFilter, type SinceSpec } from '../app/run-list.ts';
import { parseIdempotencyKey } from '../core/idempotency-key.ts';
import { PLAN_DIGEST_PATTERN } from '../core/plan-digest.ts';
import { DEFAULT_TARGETS_FILE, parseTargetFacts } from '../core/targets-config.ts';
import { DEFAULT_EXPIRY_MS, parseLifetime } from '../core/manifest-editor.ts';
import {
  assertRemediationName,
  assertVersion,
  assertReleasable,
  makeVersionRef,
  parseVersionRef,
  type VersionRef,
} from '../core/version-ref.ts';
import { closestMatch, didYouMean } from '../core/closest-match.ts';
import {
  COMMAND_GROUPS,
  COMMAND_KEYS,
  commandSpec,
  isCommandKey,
  subcommandsOf,
  type ArgumentSpec,
  type CommandKey,
  type CommandSpec,
  type CommandTable,
} from './command-table.ts';
import { optionLabel } from './usage-text.ts';
import type { OutputMode } from './report.ts';

/** Trust options shared by verify and run. */
export interface TrustSettings {
  /** Paths of trusted public keys (PEM). */
  readonly trustedKeys: readonly string[];
  /** Distinct trusted keys that must have signed (1-100, as in the Action). */
  readonly threshold: number;
  /** Lowest manifest serial accepted (replay protection). */
  readonly minSerial: number;
  /** Manifest path, or undefined for the repository default. */
  readonly manifest: string | undefined;
}

/** One parsed command line. */
export type CliCommand =
  | { readonly command: 'help'; readonly topic?: string }
  | { readonly command: 'version' }
  | { readonly command: 'keygen'; readonly out: string }
  | {
      readonly command: 'digest';
      readonly name: string;
      readonly ref: string | undefined;
      readonly output: OutputMode;
    }
  /** `init <name>`: scaffold remediations/<name>/. */
  | { readonly command: 'init'; readonly name: string }
  | {
      /** `try <name>`: run the working tree's definition, unreleased. */
      readonly command: 'try';
      readonly name: string;
      readonly cliParams: Readonly<Record<string, string>>;
      readonly paramsFile: string | undefined;
      readonly outDir: string;
      readonly dryRun: boolean;
      readonly force: boolean;
      readonly checkOnly: boolean;
      readonly target: string | undefined;
      readonly targetFacts: Readonly<Record<string, string>>;
      readonly ignoreCircuitBreaker: boolean;
      /** Private key file signing the record's receipt (--sign-key, or REMEDIATE_SIGN_KEY). */
      readonly signKey: string | undefined;
    }
  | {
      readonly command: 'release';
      readonly ref: VersionRef;
      readonly keys: readonly string[];
      readonly manifest: string | undefined;
      readonly lifetimeMs: number;
      readonly existingTag: boolean;
      readonly manifestOut: string | undefined;
      readonly firstRelease: boolean;
    }
  | { readonly command: 'dispatch-parse'; readonly event: string; readonly githubOutput: string | undefined }
  | {
      readonly command: 'validate';
      readonly base: string | undefined;
      readonly summary: string | undefined;
      readonly output: OutputMode;
    }
  | { readonly command: 'summarize'; readonly dirs: readonly string[]; readonly summary: string | undefined }
  | { readonly command: 'newest-manifest'; readonly out: string; readonly trustedKeys: readonly string[] }
  | {
      readonly command: 'publish-manifest';
      readonly manifest: string;
      readonly trustedKeys: readonly string[];
      /** Git revision the `manifest/s<serial>` tag is created at (default HEAD). */
      readonly target: string;
    }
  | {
      readonly command: 'fleet-gate';
      readonly legPrefix: string;
      readonly maxFailures: number;
      readonly gateStep: string;
      readonly githubOutput: string | undefined;
      readonly summary: string | undefined;
    }
  | {
      readonly command: 'download-records';
      readonly dir: string;
      /** Only records whose record suffix starts with this (`check-`: the check-only legs). */
      readonly suffixPrefix: string | undefined;
      /** No record whose record suffix starts with this (`check-`: all but the check-only legs). */
      readonly skipSuffixPrefix: string | undefined;
      /** Another workflow run of this repository whose records to download (--run-id, --attempt); this attempt's when undefined. */
      readonly run: { readonly runId: number; readonly attempt: number } | undefined;
    }
  | {
      readonly command: 'blast-radius';
      /** The records of the check-only legs. */
      readonly dirs: readonly string[];
      /** How many targets may need fixing at once. */
      readonly maxUnhealthy: UnhealthyLimit;
      /** How many targets were checked (the legs planned). */
      readonly total: number;
      /** The plan's legs: write the ones that need a fix (drift.yml's approval mode). */
      readonly legs: readonly PlannedLeg[] | undefined;
      /** --hold-all: every leg needs a fix, whatever the records say. */
      readonly holdAll: boolean;
      readonly githubOutput: string | undefined;
      readonly summary: string | undefined;
    }
  | {
      readonly command: 'publish-release';
      readonly tag: string;
      readonly assets: readonly string[];
      readonly notesFile: string | undefined;
      readonly prerelease: boolean;
    }
  | {
      readonly command: 'yank';
      readonly ref: VersionRef;
      readonly keys: readonly string[];
      readonly reason: string;
      readonly replacement: string | undefined;
      readonly manifest: string | undefined;
      readonly lifetimeMs: number;
    }
  | {
      readonly command: 'manifest-show' | 'versions';
      /** The remediation (`versions`). */
      readonly name?: string;
      readonly manifest: string | undefined;
      readonly trustedKeys: readonly string[];
      readonly threshold: number;
      readonly json: boolean;
    }
  | ({ readonly command: 'verify'; readonly ref: VersionRef; readonly output: OutputMode } & TrustSettings)
  | ({
      readonly command: 'run';
      readonly ref: VersionRef;
      readonly cliParams: Readonly<Record<string, string>>;
      readonly paramsFile: string | undefined;
      readonly outDir: string;
      readonly dryRun: boolean;
      readonly force: boolean;
      /** --check-only: run only the check stage and report `healthy` or `unhealthy`; never a fix. */
      readonly checkOnly: boolean;
      /** What the run acts on (--target): recorded, and counted per target by the circuit breaker. */
      readonly target: string | undefined;
      /** --ignore-circuit-breaker: run even when the version's circuit breaker is open (recorded). */
      readonly ignoreCircuitBreaker: boolean;
      /**
       * --idempotency-key: the alert this run is for (recorded); refused as DUPLICATE_ALERT when an
       * earlier run with it started its fix. Undefined: in a GitHub job, derived from the event's alert.
       */
      readonly idempotencyKey: string | undefined;
      /** --target-facts: facts about the target (a JSON object), each a TARGET_<NAME> variable of the steps. */
      readonly targetFacts: Readonly<Record<string, string>>;
      /** --plan-digest: the approved plan; the run is refused (PLAN_CHANGED) unless it plans exactly this. */
      readonly planDigest?: string;
      /** Private key file signing the record's receipt (--sign-key, or REMEDIATE_SIGN_KEY). */
      readonly signKey: string | undefined;
      /** --json, --quiet. */
      readonly output: OutputMode;
    } & TrustSettings)
  | {
      /** `targets resolve`: the route of one target (--target) or of every leg's target (--legs JSON). */
      readonly command: 'targets-resolve';
      readonly route: { readonly target: string } | { readonly legs: string };
      /** The targets file (--file; default remediations/targets.yml). */
      readonly file: string;
      readonly githubOutput: string | undefined;
    }
  | ({
      readonly command: 'replay';
      /** The record folder to replay. */
      readonly dir: string;
      /** What authenticates the record: --receipt-key (run keys), --snapshot-digest, the attestation options. */
      readonly anchors: AnchorSettings;
      /** --unanchored: replay a record no anchor vouches for (recorded as unauthenticated). */
      readonly unanchored: boolean;
      readonly outDir: string;
      readonly dryRun: boolean;
      readonly force: boolean;
      readonly ignoreCircuitBreaker: boolean;
      readonly signKey: string | undefined;
      readonly output: OutputMode;
    } & TrustSettings)
  | ({ readonly command: 'verify-run'; readonly output: OutputMode } & RecordSettings)
  | { readonly command: 'demo'; readonly clean: boolean }
  | ({ readonly command: 'show'; readonly output: OutputMode } & RecordSettings)
  | ({
      readonly command: 'runs-list';
      /** Which runs (--name, --target, --status, --since, --limit); all must hold. */
      readonly filter: RunListFilterSettings;
      /** --json: print one JSON array of rows instead of the table. */
      readonly json: boolean;
    } & (
      | {
          /** The folder of local record folders (--out, else the default of `run`). */
          readonly outDir: string;
          readonly repo: undefined;
        }
      | {
          readonly outDir: undefined;
          /** --repo OWNER/REPO: list the records published there as artifacts instead. */
          readonly repo: string;
        }
    ))
  | {
      readonly command: 'manifest-check';
      readonly manifest: string;
      readonly previous: string | undefined;
      readonly previousRef: string | undefined;
    }
  | {
      /** `gateway` (serve), `gateway check` (validate, print the rules), `gateway replay-dead`. */
      readonly command: 'gateway' | 'gateway-check' | 'gateway-replay-dead';
      /** The gateway's YAML config (--config). */
      readonly config: string;
    };

/** `runs list`'s filters as given; --since is resolved against the clock when the command runs. */
export interface RunListFilterSettings extends Omit<RunFilter, 'since'> {
  readonly since?: SinceSpec;
}

/** A command reading one record (show, verify-run, runs show, runs verify). */
export interface RecordSettings extends AnchorSettings {
  /**
   * The record argument as given: resolved by app/record-argument.ts (a folder, relative to the
   * cwd; with `fetchFrom`, a GitHub run id `<run>[-<attempt>]`).
   */
  readonly record: string;
  /** `runs show|verify <run id> --repo OWNER/REPO`: the repository whose published record to fetch. */
  readonly fetchFrom?: string;
}

/** A GitHub run id, optionally with its attempt: `123456789` or `123456789-2`. */
const PUBLISHED_RUN = /^\d{1,15}(?:-\d{1,6})?$/;

/** What a record is checked against (verify-run, show): the anchors given on the command line. */
export interface AnchorSettings {
  readonly snapshotDigest: string | undefined;
  /** Public keys of the run keys whose receipt authenticates the record. */
  readonly trustedKeys: readonly string[];
  /** Check a GitHub artifact attestation of the record (--trusted-root given). */
  readonly attestation:
    | {
        /** The Sigstore bundle file (--attestation; default `<dir>/receipt.sigstore.json`). */
        readonly bundle: string | undefined;
        /** Sigstore trusted roots, as `gh attestation trusted-root` prints them. */
        readonly trustedRoot: string;
        /** The workflow that must have signed (--signer-workflow). */
        readonly signerWorkflow: string;
        /** The repository the workflow must have run for (--repo OWNER/REPO). */
        readonly repository: string;
        /** The git ref it must have run on (--source-ref), when given. */
        readonly sourceRef: string | undefined;
      }
    | undefined;
}

/** One invocation of the CLI: its command line and the GitHub job it runs in, parsed once. */
export interface CliSettings {
  readonly command: CliCommand;
  /** The runner's variables; all unset outside a GitHub job. */
  readonly github: GitHubEnvironment;
  /** NO_COLOR set to anything non-empty (https://no-color.org): no colour, even on a terminal. */
  readonly noColor: boolean;
}

/**
 * Parses argv (without node and script) and the GitHub variables of `env`, the CLI's only reading
 * of them; throws UsageError (exit 2).
 */
export function readCliSettings(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): CliSettings {
  return {
    command: parseCommandLine(argv, cwd, env),
    github: readGitHubEnvironment(env),
    noColor: (env['NO_COLOR'] ?? '') !== '',
  };
}

/** `--help` and `-h`, which every command takes (no command has an option of that name or letter). */
const HELP_OPTION = { help: { type: 'boolean', short: 'h', multiple: false } } as const;

/** A command's parseArgs options, derived from its table entry: the only place options are declared. */
function parseArgsOptions(options: CommandSpec['options']): Record<string, ParseArgsOptionDescriptor> {
  const config: Record<string, ParseArgsOptionDescriptor> = { ...HELP_OPTION };
  for (const [name, option] of Object.entries(options)) {
    config[name] = { type: option.type, multiple: option.multiple === true };
  }
  return config;
}

/** The first words the CLI knows (`run`, `runs`, `github`, ...), in table order. */
function firstWords(): string[] {
  return [...new Set(COMMAND_KEYS.map((key) => key.split(' ')[0] ?? key))];
}

/** `'runs list', 'runs show' or 'runs verify'`. */
function quotedList(keys: readonly string[]): string {
  const quoted = keys.map((key) => `'${key}'`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : (quoted[0] ?? '');
}

/** `; did you mean 'runs list'?` for a mistyped subcommand word. */
function didYouMeanSubcommand(prefix: string, word: string): string {
  const match = closestMatch(
    word,
    subcommandsOf(prefix).map((key) => key.slice(prefix.length + 1)),
  );
  return match === undefined ? '' : `; did you mean '${prefix} ${match}'?`;
}

/** Which command the first words of argv name, and the arguments left for it; or a help request. */
type Resolved = { readonly kind: 'command'; readonly key: CommandKey; readonly args: readonly string[] } | HelpTopic;
type HelpTopic = { readonly kind: 'help'; readonly topic?: string };

const isHelpFlag = (arg: string | undefined) => arg === '--help' || arg === '-h';

/** Which command argv's first words name (`runs list` takes two, `gateway` one or two); throws for none. */
function resolveCommand(first: string, rest: readonly string[]): Resolved {
  const [second, ...others] = rest;
  const subcommands = subcommandsOf(first);
  if (subcommands.length > 0) {
    const key = `${first} ${second ?? ''}`;
    if (isCommandKey(key)) return { kind: 'command', key, args: others };
    // `gateway` is a command of its own as well as the word before `gateway check`.
    if (isCommandKey(first)) return { kind: 'command', key: first, args: rest };
    if (isHelpFlag(second)) return { kind: 'help', topic: first };
    if (second === undefined) {
      throw new UsageError(
        'USAGE',
        `${first}: missing a command: expected ${quotedList(subcommands)}; run 'remediate ${first} --help'`,
      );
    }
    throw new UsageError(
      'USAGE',
      `unknown command '${first} ${second.slice(0, 80)}': expected ${quotedList(subcommands)}${subcommands.length > 1 ? didYouMeanSubcommand(first, second) : ''}`,
    );
  }
  if (isCommandKey(first)) return { kind: 'command', key: first, args: rest };
  throw new UsageError(
    'USAGE',
    `unknown command '${first.slice(0, 80)}'${didYouMean(first, firstWords()) || "; run 'remediate help' for the list"}`,
  );
}

/** `remediate help [<command>...]` and `remediate --help [<command>...]`: which help to print. */
function helpTopic(words: readonly string[]): HelpTopic {
  const [first, ...rest] = words.filter((word) => !isHelpFlag(word));
  if (first === undefined) return { kind: 'help' };
  if (rest.length === 0 && Object.hasOwn(COMMAND_GROUPS, first)) return { kind: 'help', topic: first };
  const resolved = resolveCommand(first, rest);
  if (resolved.kind === 'help') return resolved;
  const [extra] = resolved.args;
  if (extra !== undefined) {
    throw new UsageError(
      'USAGE',
      `unknown command '${resolved.key} ${extra.slice(0, 80)}'${didYouMeanSubcommand(resolved.key, extra) || "; run 'remediate help' for the list"}`,
    );
  }
  return { kind: 'help', topic: resolved.key };
}

/**
 * Whether the arguments ask for the command's help: `--help` or `-h` given as an option (not as
 * the value of another option, nor after `--`). Help wins over any other mistake on the line.
 */
function wantsHelp(key: CommandKey, args: readonly string[]): boolean {
  const { tokens } = parseArgs({
    args: [...args],
    options: parseArgsOptions(commandSpec(key).options),
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  return tokens.some((token) => token.kind === 'option' && token.name === 'help');
}

/** The error for arguments parseArgs refused, naming the command and, for a typo, the option meant. */
function optionError(key: CommandKey, args: readonly string[], error: unknown): UsageError {
  const options = parseArgsOptions(commandSpec(key).options);
  const { tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  const unknown = tokens.find((token) => token.kind === 'option' && !Object.hasOwn(options, token.name));
  if (unknown?.kind === 'option') {
    const known = Object.keys(options).map((name) => `--${name}`);
    return new UsageError(
      'USAGE',
      `unknown option '${unknown.rawName.slice(0, 80)}' for ${key}${didYouMean(unknown.rawName, known) || `; run 'remediate ${key} --help'`}`,
      { cause: error },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new UsageError('USAGE', `${key}: ${message}; run 'remediate ${key} --help'`, { cause: error });
}

/** The values parseArgs gives for a table entry's options: a flag is a boolean, a repeated option a list. */
type OptionValues<O> = {
  readonly [N in keyof O]?: O[N] extends { type: 'boolean' }
    ? boolean
    : O[N] extends { multiple: true }
      ? string[]
      : string;
};

/** One command's arguments, parsed against its table entry. */
interface ParsedCommand<K extends CommandKey> {
  readonly values: OptionValues<CommandTable[K]['options']>;
  readonly positionals: readonly string[];
}

/**
 * Parses a command's arguments against its table entry: strict options, then the positional
 * arguments and the required options the table names. The help flag has been handled before.
 */
function parseCommand<K extends CommandKey>(key: K, args: readonly string[]): ParsedCommand<K> {
  const spec = commandSpec(key);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: parseArgsOptions(spec.options),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw optionError(key, args, error);
  }
  const given: Readonly<Record<string, unknown>> = parsed.values;
  checkArguments(key, parsed.positionals, given);
  for (const [name, option] of Object.entries(spec.options)) {
    const value = given[name];
    if (option.required && (value === undefined || value === '')) {
      throw new UsageError('USAGE', `${key}: missing ${optionLabel(name, option)}: ${option.description}`);
    }
  }
  // parseArgs saw the options through CommandSpec; the table's literal types say which are flags
  // and which repeat, exactly as parseArgsOptions configured them.
  return { values: given as OptionValues<CommandTable[K]['options']>, positionals: parsed.positionals };
}

/** The positional arguments against the table: `run: missing <name@version>`. */
function checkArguments(key: CommandKey, positionals: readonly string[], given: Readonly<Record<string, unknown>>) {
  const spec = commandSpec(key);
  const omittedWith = spec.arguments.find((a) => a.omittedWith !== undefined && given[a.omittedWith] !== undefined);
  const expected = omittedWith === undefined ? spec.arguments : [];
  const needed = expected.filter((a) => !a.optional);
  const name = (a: ArgumentSpec) => (a.variadic ? `${a.name}...` : a.name);
  if (positionals.length < needed.length) {
    throw new UsageError('USAGE', `${key}: missing ${needed.slice(positionals.length).map(name).join(' ')}`);
  }
  const extra = positionals[expected.length];
  if (extra !== undefined && !expected.some((a) => a.variadic)) {
    const takes =
      expected.length === 0
        ? `takes no arguments${omittedWith === undefined ? '' : ` with --${omittedWith.omittedWith}`}`
        : `takes ${expected.map(name).join(' ')}`;
    throw new UsageError(
      'USAGE',
      `${key}: unexpected argument '${extra.slice(0, 80)}' (${key} ${takes})${(expected.length === 0 && didYouMeanSubcommand(key, extra)) || `; run 'remediate ${key} --help'`}`,
    );
  }
}

/**
 * Parses argv (without node and script), and from `env` REMEDIATE_SIGN_KEY and the default record
 * folder (XDG_STATE_HOME, HOME), into a command; throws UsageError (exit 2).
 */
export function parseCommandLine(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): CliCommand {
  const [first, ...rest] = argv;
  // `help --help` and `help -h` are help's own usage, as for any command; `--help` alone the global one.
  if (first === 'help' && rest.length > 0 && rest.every(isHelpFlag)) return { command: 'help', topic: 'help' };
  if (first === undefined || first === 'help' || isHelpFlag(first)) return helpCommand(helpTopic(rest));
  if (first === 'version' || first === '--version') {
    // Anything after it is ignored, as it always was; only a help flag changes what is printed.
    return rest.some(isHelpFlag) ? { command: 'help', topic: 'version' } : { command: 'version' };
  }
  const resolved = resolveCommand(first, rest);
  if (resolved.kind === 'help') return helpCommand(resolved);
  if (wantsHelp(resolved.key, resolved.args)) return { command: 'help', topic: resolved.key };
  return buildCommand(resolved.key, resolved.args, cwd, env);
}

function helpCommand(help: HelpTopic): CliCommand {
  return help.topic === undefined ? { command: 'help' } : { command: 'help', topic: help.topic };
}

/** The settings of one command from its arguments; help and unknown commands are handled before. */
function buildCommand(key: CommandKey, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): CliCommand {
  const path = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  const signKeyFrom = (given: string | undefined) => {
    const fromEnv = env['REMEDIATE_SIGN_KEY'];
    const signKey = given ?? (fromEnv === undefined || fromEnv === '' ? undefined : fromEnv);
    return signKey === undefined ? undefined : path(signKey);
  };
  const optionalPath = (p: string | undefined) => (p === undefined ? undefined : path(p));
  switch (key) {
    case 'help':
    case 'version':
      // parseCommandLine answers these before any command is resolved.
      return key === 'help' ? { command: 'help' } : { command: 'version' };
    case 'keygen': {
      const { values } = parseCommand(key, args);
      return { command: 'keygen', out: path(values.out ?? '') };
    }
    case 'digest': {
      const { values, positionals } = parseCommand(key, args);
      return {
        command: 'digest',
        name: assertRemediationName(positionals[0] ?? ''),
        ref: values.ref,
        output: outputMode(values),
      };
    }
    case 'init': {
      const { positionals } = parseCommand(key, args);
      return { command: 'init', name: assertRemediationName(positionals[0] ?? '') };
    }
    case 'try': {
      const { values, positionals } = parseCommand(key, args);
      return {
        command: 'try',
        name: assertRemediationName(positionals[0] ?? ''),
        cliParams: parseParamPairs(values.param ?? []),
        paramsFile: optionalPath(values['params-file']),
        outDir: values.out === undefined ? defaultRecordsDir(env) : path(values.out),
        dryRun: values['dry-run'] ?? false,
        force: values.force ?? false,
        checkOnly: values['check-only'] ?? false,
        target: parseRunTarget(values.target, '--target'),
        targetFacts: parseTargetFacts(values['target-facts'] ?? '', '--target-facts'),
        ignoreCircuitBreaker: values['ignore-circuit-breaker'] ?? false,
        signKey: signKeyFrom(values['sign-key']),
      };
    }
    case 'release': {
      const { values, positionals } = parseCommand(key, args);
      const fromTag = values['from-tag'];
      const ref =
        fromTag === undefined
          ? assertReleasable(makeVersionRef(positionals[0] ?? '', positionals[1] ?? ''))
          : assertReleasable(refFromTag(fromTag));
      return {
        command: 'release',
        ref,
        keys: (values.key ?? []).map(path),
        manifest: optionalPath(values.manifest),
        lifetimeMs: values.expires === undefined ? DEFAULT_EXPIRY_MS : parseLifetime(values.expires),
        existingTag: fromTag !== undefined,
        manifestOut: optionalPath(values['manifest-out']),
        firstRelease: values['first-release'] ?? false,
      };
    }
    case 'targets resolve': {
      const { values } = parseCommand(key, args);
      if ((values.target === undefined) === (values.legs === undefined)) {
        throw new UsageError('USAGE', 'targets resolve: expected exactly one of --target <name> or --legs <JSON list>');
      }
      return {
        command: 'targets-resolve',
        route: values.target !== undefined ? { target: values.target } : { legs: values.legs ?? '' },
        file: path(values.file ?? DEFAULT_TARGETS_FILE),
        githubOutput: optionalPath(values['github-output']),
      };
    }
    case 'dispatch parse': {
      const { values } = parseCommand(key, args);
      return {
        command: 'dispatch-parse',
        event: path(values.event ?? ''),
        githubOutput: optionalPath(values['github-output']),
      };
    }
    case 'validate': {
      const { values } = parseCommand(key, args);
      return {
        command: 'validate',
        base: values.base,
        summary: optionalPath(values.summary),
        output: outputMode(values),
      };
    }
    case 'summarize': {
      const { values, positionals } = parseCommand(key, args);
      return { command: 'summarize', dirs: positionals.map(path), summary: optionalPath(values.summary) };
    }
    case 'blast-radius': {
      const { values, positionals } = parseCommand(key, args);
      return {
        command: 'blast-radius',
        // No folder at all is allowed: then every target left no record, which the gate counts.
        dirs: positionals.map(path),
        maxUnhealthy: parseMaxUnhealthy(values['max-unhealthy'] ?? '', '--max-unhealthy'),
        total: integerOption(values.total ?? '', '--total', 0, 1),
        legs: values.legs === undefined ? undefined : parseLegs(values.legs, '--legs'),
        holdAll: values['hold-all'] ?? false,
        githubOutput: optionalPath(values['github-output']),
        summary: optionalPath(values.summary),
      };
    }
    case 'github newest-manifest': {
      const { values } = parseCommand(key, args);
      return {
        command: 'newest-manifest',
        out: path(values.out ?? ''),
        trustedKeys: (values['trusted-key'] ?? []).map(path),
      };
    }
    case 'github publish-manifest': {
      const { values } = parseCommand(key, args);
      return {
        command: 'publish-manifest',
        manifest: path(values.manifest ?? ''),
        trustedKeys: (values['trusted-key'] ?? []).map(path),
        target: values.target ?? 'HEAD',
      };
    }
    case 'github publish-release': {
      const { values } = parseCommand(key, args);
      return {
        command: 'publish-release',
        tag: values.tag ?? '',
        assets: (values.asset ?? []).map(path),
        notesFile: optionalPath(values['notes-file']),
        prerelease: values.prerelease ?? false,
      };
    }
    case 'github fleet-gate': {
      const { values } = parseCommand(key, args);
      const maxFailures = Number(values['max-failures']);
      if (!Number.isSafeInteger(maxFailures) || maxFailures < 1)
        throw new UsageError(
          'USAGE',
          `--max-failures: expected a whole number of at least 1, got '${values['max-failures']}'`,
        );
      return {
        command: 'fleet-gate',
        legPrefix: values['leg-prefix'] ?? '',
        maxFailures,
        gateStep: values['gate-step'] ?? '',
        githubOutput: optionalPath(values['github-output']),
        summary: optionalPath(values.summary),
      };
    }
    case 'github download-records': {
      const { values } = parseCommand(key, args);
      const suffixPrefix = values['suffix-prefix'];
      const skipSuffixPrefix = values['skip-suffix-prefix'];
      if (suffixPrefix !== undefined && skipSuffixPrefix !== undefined)
        throw new UsageError(
          'USAGE',
          'github download-records: give --suffix-prefix or --skip-suffix-prefix, not both',
        );
      if (suffixPrefix === '' || skipSuffixPrefix === '')
        throw new UsageError('USAGE', 'github download-records: a suffix prefix cannot be empty');
      const runId = values['run-id'];
      if (runId === undefined && values.attempt !== undefined)
        throw new UsageError('USAGE', 'github download-records --attempt needs --run-id <workflow run id>');
      return {
        command: 'download-records',
        dir: path(values.dir ?? ''),
        suffixPrefix,
        skipSuffixPrefix,
        run:
          runId === undefined
            ? undefined
            : {
                runId: integerOption(runId, '--run-id', 0, 1),
                attempt: integerOption(values.attempt, '--attempt', 1, 1),
              },
      };
    }
    case 'yank': {
      const { values, positionals } = parseCommand(key, args);
      return {
        command: 'yank',
        ref: parseVersionRef(positionals[0] ?? ''),
        keys: (values.key ?? []).map(path),
        reason: values.reason ?? '',
        replacement: values.replacement === undefined ? undefined : assertVersion(values.replacement),
        manifest: optionalPath(values.manifest),
        lifetimeMs: values.expires === undefined ? DEFAULT_EXPIRY_MS : parseLifetime(values.expires),
      };
    }
    case 'verify': {
      const { values, positionals } = parseCommand(key, args);
      return {
        command: 'verify',
        ref: parseVersionRef(positionals[0] ?? ''),
        ...trustSettings(values, path),
        output: outputMode(values),
      };
    }
    case 'run': {
      const { values, positionals } = parseCommand(key, args);
      return {
        command: 'run',
        signKey: signKeyFrom(values['sign-key']),
        ref: parseVersionRef(positionals[0] ?? ''),
        ...trustSettings(values, path),
        cliParams: parseParamPairs(values.param ?? []),
        paramsFile: optionalPath(values['params-file']),
        outDir: values.out === undefined ? defaultRecordsDir(env) : path(values.out),
        dryRun: values['dry-run'] ?? false,
        force: values.force ?? false,
        checkOnly: values['check-only'] ?? false,
        target: parseRunTarget(values.target, '--target'),
        ignoreCircuitBreaker: values['ignore-circuit-breaker'] ?? false,
        idempotencyKey:
          values['idempotency-key'] === undefined
            ? undefined
            : parseIdempotencyKey(values['idempotency-key'], '--idempotency-key'),
        targetFacts: parseTargetFacts(values['target-facts'] ?? '', '--target-facts'),
        ...(values['plan-digest'] !== undefined ? { planDigest: planDigestOption(values['plan-digest']) } : {}),
        output: outputMode(values),
      };
    }
    case 'replay': {
      // --trusted-key keeps its meaning of `run` (the release keys the manifest is checked with);
      // the run keys that authenticate the record's receipt are --receipt-key.
      const { values, positionals } = parseCommand(key, args);
      return {
        command: 'replay',
        dir: path(positionals[0] ?? ''),
        anchors: {
          snapshotDigest: values['snapshot-digest'],
          trustedKeys: (values['receipt-key'] ?? []).map(path),
          attestation: attestationOptions(key, values, path),
        },
        unanchored: values.unanchored ?? false,
        ...trustSettings(values, path),
        outDir: values.out === undefined ? defaultRecordsDir(env) : path(values.out),
        dryRun: values['dry-run'] ?? false,
        force: values.force ?? false,
        ignoreCircuitBreaker: values['ignore-circuit-breaker'] ?? false,
        signKey: signKeyFrom(values['sign-key']),
        output: outputMode(values),
      };
    }
    case 'demo': {
      const { values } = parseCommand(key, args);
      return { command: 'demo', clean: values.clean ?? false };
    }
    case 'show':
    case 'verify-run':
      return recordCommand(key, key, args, path);
    case 'runs show':
      return recordCommand('show', key, args, path);
    case 'runs verify':
      return recordCommand('verify-run', key, args, path);
    case 'runs list':
      return runsListCommand(args, path, env);
    case 'manifest show':
    case 'versions': {
      const { values, positionals } = parseCommand(key, args);
      return {
        command: key === 'versions' ? 'versions' : 'manifest-show',
        ...(key === 'versions' ? { name: assertRemediationName(positionals[0] ?? '') } : {}),
        manifest: optionalPath(values.manifest),
        trustedKeys: (values['trusted-key'] ?? []).map(path),
        threshold: parseThreshold(values.threshold, '--threshold'),
        json: values.json === true,
      };
    }
    case 'manifest check': {
      const { values } = parseCommand(key, args);
      if ((values.previous === undefined) === (values['previous-ref'] === undefined)) {
        throw new UsageError(
          'USAGE',
          'manifest check: expected exactly one of --previous <path> or --previous-ref <git ref>',
        );
      }
      return {
        command: 'manifest-check',
        manifest: path(values.manifest ?? ''),
        previous: optionalPath(values.previous),
        previousRef: values['previous-ref'],
      };
    }
    case 'gateway':
    case 'gateway check':
    case 'gateway replay-dead': {
      const { values } = parseCommand(key, args);
      return {
        command: key === 'gateway' ? 'gateway' : key === 'gateway check' ? 'gateway-check' : 'gateway-replay-dead',
        config: path(values.config ?? ''),
      };
    }
  }
}

/**
 * A command reading one record: `show` and `runs show`, `verify-run` and `runs verify`.
 * `label` is the command as typed: its table entry, and the name errors give.
 */
function recordCommand(
  command: 'show' | 'verify-run',
  label: 'show' | 'verify-run' | 'runs show' | 'runs verify',
  args: readonly string[],
  path: (p: string) => string,
): CliCommand {
  const { values, positionals } = parseCommand(label, args);
  const record = positionals[0] ?? '';
  // `runs show|verify <run id> --repo OWNER/REPO`: the record that GitHub run published, fetched
  // from that repository; --repo is then also the repository an attestation must name, and needs
  // --trusted-root only when an attestation is to be checked.
  const published = label.startsWith('runs ') && PUBLISHED_RUN.test(record);
  if (published && values.repo === undefined) {
    throw new UsageError(
      'USAGE',
      `${label} ${record}: a run id names a record published on GitHub; add --repo OWNER/REPO (the repository the run belongs to)`,
    );
  }

  const { repo: fetchRepo, ...withoutRepo } = values;
  const anchorValues = published && values['trusted-root'] === undefined ? withoutRepo : values;
  const fetchFrom = published ? parseRepository(fetchRepo ?? '', '--repo') : undefined;
  const settings = {
    record,
    ...(fetchFrom !== undefined ? { fetchFrom } : {}),
    snapshotDigest: values['snapshot-digest'],
    trustedKeys: (values['trusted-key'] ?? []).map(path),
    attestation: attestationOptions(label, anchorValues, path),
  };
  return { command, ...settings, output: { json: 'json' in values && values.json === true, quiet: false } };
}

/** --json and --quiet, for a command whose table entry has them (the others print text). */
function outputMode(values: { readonly json?: boolean; readonly quiet?: boolean }): OutputMode {
  return { json: values.json === true, quiet: values.quiet === true };
}

/** `runs list`: where the records are, and which to list. */
function runsListCommand(args: readonly string[], path: (p: string) => string, env: NodeJS.ProcessEnv): CliCommand {
  const { values } = parseCommand('runs list', args);
  if (values.repo !== undefined && values.out !== undefined) {
    throw new UsageError('USAGE', 'runs list: give --out (local records) or --repo (published records), not both');
  }
  const statuses = (values.status ?? []).map((status) => {
    if (!(LISTED_STATUSES as readonly string[]).includes(status)) {
      throw new UsageError(
        'USAGE',
        `--status: expected one of ${LISTED_STATUSES.join(', ')}, got '${status.slice(0, 60)}'`,
      );
    }
    return status as ListedStatus;
  });
  const target = parseRunTarget(values.target, '--target');
  // With --repo no local folder is read, so none is needed (nor refused for want of a HOME).
  const where =
    values.repo === undefined
      ? { outDir: values.out === undefined ? defaultRecordsDir(env) : path(values.out), repo: undefined }
      : { outDir: undefined, repo: parseRepository(values.repo, '--repo') };
  return {
    command: 'runs-list',
    ...where,
    filter: {
      ...(values.name !== undefined ? { name: assertRemediationName(values.name) } : {}),
      ...(target !== undefined ? { target } : {}),
      statuses,
      ...(values.since !== undefined ? { since: parseSince(values.since) } : {}),
      ...(values.limit !== undefined ? { limit: integerOption(values.limit, '--limit', 0, 1) } : {}),
    },
    json: values.json ?? false,
  };
}

/**
 * Where run records go when --out is not given: `$XDG_STATE_HOME/remediate/runs`, else
 * `$HOME/.local/state/remediate/runs`. Outside the repository, so a run (a refusal caused by a
 * typo too) never leaves files in the working tree. A relative XDG_STATE_HOME is ignored, as the
 * XDG Base Directory spec says; throws UsageError (exit 2) when neither gives an absolute path.
 */
export function defaultRecordsDir(env: NodeJS.ProcessEnv): string {
  const stateHome = env['XDG_STATE_HOME'];
  if (stateHome !== undefined && isAbsolute(stateHome)) return join(stateHome, 'remediate', 'runs');
  const home = env['HOME'];
  if (home !== undefined && isAbsolute(home)) return join(home, '.local', 'state', 'remediate', 'runs');
  throw new UsageError(
    'USAGE',
    'no folder for run records: HOME is not set and XDG_STATE_HOME is not an absolute path; give --out <dir>',
  );
}

/** Parses repeated `--param key=value`; the value may contain '=' and any bytes. */
export function parseParamPairs(pairs: readonly string[]): Record<string, string> {
  const entries = new Map<string, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError('USAGE', `--param: expected key=value, got '${pair.slice(0, 60)}'`);
    const key = pair.slice(0, eq);
    if (entries.has(key)) throw new UsageError('USAGE', `--param: '${key}' given twice`);
    entries.set(key, pair.slice(eq + 1));
  }
  // Own data properties only: `--param __proto__=x` stays an (unknown, refused) parameter name.
  return Object.fromEntries(entries);
}

/** Turns parsed trust options into settings. */
export function trustSettings(
  values: { 'trusted-key'?: string[]; threshold?: string; 'min-serial'?: string; manifest?: string },
  path: (p: string) => string,
): TrustSettings {
  return {
    trustedKeys: (values['trusted-key'] ?? []).map(path),
    threshold: parseThreshold(values.threshold, '--threshold'),
    minSerial: integerOption(values['min-serial'], '--min-serial', 0, 0),
    manifest: values.manifest === undefined ? undefined : path(values.manifest),
  };
}

/** Parses a whole-number option with a lower bound. */
export function integerOption(text: string | undefined, name: string, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,9}$/.test(text) || Number(text) < min) {
    throw new UsageError('USAGE', `${name}: expected a whole number >= ${min}, got '${text}'`);
  }
  return Number(text);
}

/** A release tag `<name>/<version>` as a version reference. */
export function refFromTag(tag: string): VersionRef {
  const slash = tag.indexOf('/');
  if (slash <= 0)
    throw new UsageError('INVALID_REFERENCE', `--from-tag: expected <name>/v<semver>, got '${tag.slice(0, 80)}'`);
  return makeVersionRef(tag.slice(0, slash), tag.slice(slash + 1));
}

/**
 * verify-run's attestation options. A bundle is only as good as the roots it is checked against
 * and the signer it must name, so both are required: without a trusted root nothing can be
 * verified offline, and without a signer workflow any workflow of any repository could have
 * attested a forged record (every GitHub user can get a certificate from the same CA).
 */
function attestationOptions(
  command: string,
  values: {
    attestation?: string;
    'trusted-root'?: string;
    'signer-workflow'?: string;
    repo?: string;
    'source-ref'?: string;
  },
  path: (p: string) => string,
): AnchorSettings['attestation'] {
  const bundle = values.attestation;
  const trustedRoot = values['trusted-root'];
  const signerWorkflow = values['signer-workflow']?.trim();
  const repository = values.repo?.trim();
  if (trustedRoot === undefined) {
    const given = (['attestation', 'signer-workflow', 'repo', 'source-ref'] as const).find(
      (k) => values[k] !== undefined,
    );
    if (given !== undefined) {
      throw new UsageError(
        'USAGE',
        `${command} --${given} needs --trusted-root <file>: Sigstore's trusted roots, which 'gh attestation trusted-root > trusted_root.jsonl' saves (check an attestation online with 'gh attestation verify <record>/snapshot.json --repo OWNER/REPO' instead)`,
      );
    }
    return undefined;
  }
  // Any workflow of any repository can get a certificate and attest something: the workflow that
  // may vouch for the record, and the repository it must have run for, are named, never assumed.
  if (signerWorkflow === undefined || signerWorkflow === '') {
    throw new UsageError(
      'USAGE',
      `${command} --trusted-root needs --signer-workflow OWNER/REPO/.github/workflows/<file>: the workflow that must have attested the record (any GitHub workflow can attest something)`,
    );
  }
  if (repository === undefined || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new UsageError(
      'USAGE',
      `${command} --trusted-root needs --repo OWNER/REPO: the repository whose run must have attested the record (a reusable workflow can be called from any repository)${repository === undefined ? '' : `; got '${repository.slice(0, 80)}'`}`,
    );
  }
  return {
    bundle: bundle === undefined ? undefined : path(bundle),
    trustedRoot: path(trustedRoot),
    signerWorkflow,
    repository,
    sourceRef: values['source-ref'],
  };
}

/** `OWNER/REPO` as GitHub spells a repository; `label` names the option. */
function parseRepository(text: string, label: string): string {
  if (!/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/.test(text) || /(^|\/)\.\.?($|\/)/.test(text)) {
    throw new UsageError('USAGE', `${label}: expected OWNER/REPO, got '${text.slice(0, 80)}'`);
  }
  return text;
}

/** `--plan-digest`: the shape of a plan digest, or a usage error saying where one comes from. */
function planDigestOption(text: string): string {
  if (!PLAN_DIGEST_PATTERN.test(text)) {
    throw new UsageError(
      'USAGE',
      `--plan-digest: expected the approved plan's digest (sha256:<64 hex>, printed by run --dry-run), got '${text.slice(0, 80)}'`,
    );
  }
  return text;
}
