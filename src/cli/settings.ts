import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isAbsolute, resolve } from 'node:path';
import { UsageError } from '../errors.ts';
import { readGitHubEnvironment, type GitHubEnvironment } from '../app/github-environment.ts';
import { parseMaxUnhealthy, type UnhealthyLimit } from '../app/blast-radius.ts';
import { parseRunTarget, parseThreshold } from '../app/run-request.ts';
import { DEFAULT_TARGETS_FILE, parseTargetFacts } from '../core/targets-config.ts';
import { LISTED_STATUSES, parseSince, type ListedStatus, type RunFilter, type SinceSpec } from '../app/run-list.ts';
import { parseIdempotencyKey } from '../core/idempotency-key.ts';
import { DEFAULT_EXPIRY_MS, parseLifetime } from '../core/manifest-editor.ts';
import { assertRemediationName, makeVersionRef, parseVersionRef, type VersionRef } from '../core/version-ref.ts';

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
  | { readonly command: 'digest'; readonly name: string; readonly ref: string | undefined }
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
      /** `targets resolve`: the route of one target (--target) or of every leg's target (--legs JSON). */
      readonly command: 'targets-resolve';
      readonly route: { readonly target: string } | { readonly legs: string };
      /** The targets file (--file; default remediations/targets.yml). */
      readonly file: string;
      readonly githubOutput: string | undefined;
    }
  | { readonly command: 'validate'; readonly base: string | undefined; readonly summary: string | undefined }
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
      readonly manifest: string | undefined;
      readonly lifetimeMs: number;
    }
  | ({ readonly command: 'verify'; readonly ref: VersionRef } & TrustSettings)
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
      /** --target-facts: facts about the target (a JSON object), each a TARGET_<NAME> variable of the steps. */
      readonly targetFacts: Readonly<Record<string, string>>;
      /** --ignore-circuit-breaker: run even when the version's circuit breaker is open (recorded). */
      readonly ignoreCircuitBreaker: boolean;
      /**
       * --idempotency-key: the alert this run is for (recorded); refused as DUPLICATE_ALERT when an
       * earlier run with it started its fix. Undefined: in a GitHub job, derived from the event's alert.
       */
      readonly idempotencyKey: string | undefined;
      /** Private key file signing the record's receipt (--sign-key, or REMEDIATE_SIGN_KEY). */
      readonly signKey: string | undefined;
    } & TrustSettings)
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
    } & TrustSettings)
  | ({ readonly command: 'verify-run' } & RecordSettings)
  | { readonly command: 'demo'; readonly clean: boolean }
  | ({ readonly command: 'show' } & RecordSettings)
  | {
      readonly command: 'runs-list';
      /** The folder of local record folders (--out; the default of `run`). */
      readonly outDir: string;
      /** --repo OWNER/REPO: list the records published there as artifacts instead. */
      readonly repo: string | undefined;
      /** Which runs (--name, --target, --status, --since, --limit); all must hold. */
      readonly filter: RunListFilterSettings;
      /** --json: print one JSON array of rows instead of the table. */
      readonly json: boolean;
    }
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

/** The options of AnchorSettings. */
const anchorOptions = {
  'snapshot-digest': { type: 'string' },
  'trusted-key': { type: 'string', multiple: true },
  attestation: { type: 'string' },
  'trusted-root': { type: 'string' },
  'signer-workflow': { type: 'string' },
  repo: { type: 'string' },
  'source-ref': { type: 'string' },
} as const;

export const USAGE = `remediate — signed, immutable remediations with a tamper-evident record

Usage:
  remediate keygen --out <file>
  remediate digest <name> [--ref <git ref>]
  remediate release <name> <version> --key <file> [--key <file> ...] [--manifest <path>] [--expires 180d]
  remediate yank <name>@<version> --key <file> [--key ...] --reason "<why>" [--manifest <path>]
  remediate verify <name>@<version> --trusted-key <pub> [--trusted-key ...] [--threshold k] [--min-serial n] [--manifest <path>]
  remediate run <name>@<version> --trusted-key <pub> [--trusted-key ...] [--threshold k] [--min-serial n]
                [--manifest <path>] [--param key=value ...] [--params-file f.json] [--out <dir>] [--dry-run]
                [--force | --check-only] [--target <name>] [--ignore-circuit-breaker] [--idempotency-key <alert id>]
                [--target-facts '{"ssh_host": "..."}']   (each fact reaches steps as TARGET_<NAME>)
                [--sign-key <ed25519 private key>]   (or REMEDIATE_SIGN_KEY=<file>: signs the record's receipt)
  remediate replay <record dir> --trusted-key <pub> [...] [--threshold k] [--min-serial n] [--manifest <path>]
                (--receipt-key <run key pub> ... | --snapshot-digest sha256:<hex> | --trusted-root ... | --unanchored)
                [--out <dir>] [--dry-run] [--force] [--ignore-circuit-breaker] [--sign-key <ed25519 private key>]
                (runs the record's version with its parameters and target again, verified as any run)
  remediate verify-run <record dir> (--trusted-key <run key pub> ... | --snapshot-digest sha256:<hex>
                | --trusted-root <trusted_root.jsonl> --signer-workflow <OWNER/REPO/.github/workflows/file.yml>
                  --repo <OWNER/REPO> [--source-ref <refs/heads/main>]
                  [--attestation <bundle.json>, default <record dir>/receipt.sigstore.json])
  remediate manifest check --manifest <path> (--previous <path> | --previous-ref <git ref>)
  remediate gateway --config <gateway.yml>               (the alert gateway: serves until SIGTERM)
  remediate gateway check --config <gateway.yml>         (validates the config, prints sources and rules)
  remediate gateway replay-dead --config <gateway.yml>   (re-queues the dispatches GitHub refused)
  remediate show <record dir> [the anchors of verify-run]
                (reads a record: exit 0 when shown, even NOT AUTHENTICATED; 3 when tampered. verify-run is the check)
  remediate runs list [--out <dir> | --repo <OWNER/REPO>] [--name <name>] [--target <name>] [--status <status> ...]
                [--since <30m|24h|7d|2026-11-01|2026-11-01T08:00:00Z>] [--limit <n>] [--json]
                (the records in --out, newest first, default .remediate/runs as run; or those --repo published as artifacts)
  remediate runs show <record dir | run id --repo OWNER/REPO> [the anchors of verify-run]     (the same as show)
  remediate runs verify <record dir | run id --repo OWNER/REPO> <the anchors of verify-run>   (the same as verify-run)
  remediate release --from-tag <name>/<version> --key <file> (--manifest <previous> | --first-release) [--manifest-out <file>]
  remediate validate [--base <git ref>] [--summary <file>]
  remediate dispatch parse --event <event.json> [--github-output <file>]
  remediate targets resolve (--target <name> | --legs <JSON list of legs>) [--file <targets.yml>] [--github-output <file>]
  remediate summarize <record dir>... [--summary <file>]
  remediate blast-radius --max-unhealthy <n | p%> --total <targets> [<check-only record dir>...] [--github-output <file>] [--summary <file>]
  remediate github newest-manifest --out <file> [--trusted-key <pub> ...]
  remediate github publish-manifest --manifest <file> --trusted-key <pub> [...] [--target <git rev>]
  remediate github publish-release --tag <tag> --asset <file> [--asset ...] [--notes-file <file>] [--prerelease]
  remediate github fleet-gate --leg-prefix <text> --max-failures <n> --gate-step <step name> [--github-output <file>] [--summary <file>]
  remediate github download-records --dir <dir> [--suffix-prefix <text> | --skip-suffix-prefix <text>]
                [--run-id <workflow run id> [--attempt <n>, default 1]]
  remediate demo [--clean]
  remediate help | --help | --version

Versions are exact: <name>@v<semver> (tag <name>/v<semver>).
Exit codes: 0 success, 1 the remediation ran and failed (or error [INTERNAL], a bug), 2 usage or invalid input,
            3 refused by an integrity or trust check, 4 cancelled or timed out.`;

/** One invocation of the CLI: its command line and the GitHub job it runs in, parsed once. */
export interface CliSettings {
  readonly command: CliCommand;
  /** The runner's variables; all unset outside a GitHub job. */
  readonly github: GitHubEnvironment;
}

/**
 * Parses argv (without node and script) and the GitHub variables of `env`, the CLI's only reading
 * of them; throws UsageError (exit 2).
 */
export function readCliSettings(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): CliSettings {
  return { command: parseCommandLine(argv, cwd, env), github: readGitHubEnvironment(env) };
}

/** Parses argv (without node and script), and REMEDIATE_SIGN_KEY from `env`, into a command; throws UsageError (exit 2). */
export function parseCommandLine(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): CliCommand {
  const [command, ...rest] = argv;
  const path = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { command: 'help', ...(rest[0] ? { topic: rest[0] } : {}) };
    case 'version':
    case '--version':
      return { command: 'version' };
    case 'keygen': {
      const { values } = parse(rest, { out: { type: 'string' } }, 0);
      return { command: 'keygen', out: path(required(values.out, '--out <file>')) };
    }
    case 'digest': {
      const { values, positionals } = parse(rest, { ref: { type: 'string' } }, 1);
      return { command: 'digest', name: assertRemediationName(positionals[0] ?? ''), ref: values.ref };
    }
    case 'release': {
      const { values, positionals } = parse(
        rest,
        {
          ...signingOptions,
          'from-tag': { type: 'string' },
          'manifest-out': { type: 'string' },
          'first-release': { type: 'boolean' },
        },
        rest.includes('--from-tag') || rest.some((a) => a.startsWith('--from-tag=')) ? 0 : 2,
      );
      const fromTag = values['from-tag'];
      const ref =
        fromTag === undefined ? makeVersionRef(positionals[0] ?? '', positionals[1] ?? '') : refFromTag(fromTag);
      return {
        command: 'release',
        ref,
        keys: (values.key ?? []).map(path),
        manifest: values.manifest === undefined ? undefined : path(values.manifest),
        lifetimeMs: values.expires === undefined ? DEFAULT_EXPIRY_MS : parseLifetime(values.expires),
        existingTag: fromTag !== undefined,
        manifestOut: values['manifest-out'] === undefined ? undefined : path(values['manifest-out']),
        firstRelease: values['first-release'] ?? false,
      };
    }
    case 'dispatch': {
      const [sub, ...args] = rest;
      if (sub !== 'parse')
        throw new UsageError('USAGE', `unknown command 'dispatch ${sub ?? ''}': expected 'dispatch parse'`);
      const { values } = parse(args, { event: { type: 'string' }, 'github-output': { type: 'string' } }, 0);
      return {
        command: 'dispatch-parse',
        event: path(required(values.event, '--event <event.json> (on GitHub: "$GITHUB_EVENT_PATH")')),
        githubOutput: values['github-output'] === undefined ? undefined : path(values['github-output']),
      };
    }
    case 'targets': {
      const [sub, ...args] = rest;
      if (sub !== 'resolve')
        throw new UsageError('USAGE', `unknown command 'targets ${sub ?? ''}': expected 'targets resolve'`);
      const { values } = parse(
        args,
        {
          target: { type: 'string' },
          legs: { type: 'string' },
          file: { type: 'string' },
          'github-output': { type: 'string' },
        },
        0,
      );
      if ((values.target === undefined) === (values.legs === undefined)) {
        throw new UsageError('USAGE', 'targets resolve: expected exactly one of --target <name> or --legs <JSON list>');
      }
      return {
        command: 'targets-resolve',
        route: values.target !== undefined ? { target: values.target } : { legs: values.legs ?? '' },
        file: path(values.file ?? DEFAULT_TARGETS_FILE),
        githubOutput: values['github-output'] === undefined ? undefined : path(values['github-output']),
      };
    }
    case 'validate': {
      const { values } = parse(rest, { base: { type: 'string' }, summary: { type: 'string' } }, 0);
      return {
        command: 'validate',
        base: values.base,
        summary: values.summary === undefined ? undefined : path(values.summary),
      };
    }
    case 'summarize': {
      const parsed = parseWithPositionals(rest, { summary: { type: 'string' } });
      if (parsed.positionals.length === 0)
        throw new UsageError('USAGE', 'summarize: expected one or more record folders');
      return {
        command: 'summarize',
        dirs: parsed.positionals.map(path),
        summary: parsed.values.summary === undefined ? undefined : path(parsed.values.summary),
      };
    }
    case 'blast-radius': {
      const parsed = parseWithPositionals(rest, {
        'max-unhealthy': { type: 'string' },
        total: { type: 'string' },
        'github-output': { type: 'string' },
        summary: { type: 'string' },
      });
      const { values } = parsed;
      return {
        command: 'blast-radius',
        // No folder at all is allowed: then every target left no record, which the gate counts.
        dirs: parsed.positionals.map(path),
        maxUnhealthy: parseMaxUnhealthy(
          required(values['max-unhealthy'], '--max-unhealthy <n | p%>'),
          '--max-unhealthy',
        ),
        total: integerOption(required(values.total, '--total <targets>'), '--total', 0, 1),
        githubOutput: values['github-output'] === undefined ? undefined : path(values['github-output']),
        summary: values.summary === undefined ? undefined : path(values.summary),
      };
    }
    case 'github': {
      const [sub, ...args] = rest;
      if (sub === 'newest-manifest') {
        const { values } = parse(
          args,
          { out: { type: 'string' }, 'trusted-key': { type: 'string', multiple: true } },
          0,
        );
        return {
          command: 'newest-manifest',
          out: path(required(values.out, '--out <file>')),
          trustedKeys: (values['trusted-key'] ?? []).map(path),
        };
      }
      if (sub === 'publish-manifest') {
        const { values } = parse(
          args,
          {
            manifest: { type: 'string' },
            'trusted-key': { type: 'string', multiple: true },
            target: { type: 'string' },
          },
          0,
        );
        return {
          command: 'publish-manifest',
          manifest: path(required(values.manifest, '--manifest <file>')),
          trustedKeys: (values['trusted-key'] ?? []).map(path),
          target: values.target ?? 'HEAD',
        };
      }
      if (sub === 'publish-release') {
        const { values } = parse(
          args,
          {
            tag: { type: 'string' },
            asset: { type: 'string', multiple: true },
            'notes-file': { type: 'string' },
            prerelease: { type: 'boolean' },
          },
          0,
        );
        return {
          command: 'publish-release',
          tag: required(values.tag, '--tag <tag>'),
          assets: (values.asset ?? []).map(path),
          notesFile: values['notes-file'] === undefined ? undefined : path(values['notes-file']),
          prerelease: values.prerelease ?? false,
        };
      }
      if (sub === 'fleet-gate') {
        const { values } = parse(
          args,
          {
            'leg-prefix': { type: 'string' },
            'max-failures': { type: 'string' },
            'gate-step': { type: 'string' },
            'github-output': { type: 'string' },
            summary: { type: 'string' },
          },
          0,
        );
        const maxFailures = Number(required(values['max-failures'], '--max-failures <n>'));
        if (!Number.isSafeInteger(maxFailures) || maxFailures < 1)
          throw new UsageError(
            'USAGE',
            `--max-failures: expected a whole number of at least 1, got '${values['max-failures']}'`,
          );
        return {
          command: 'fleet-gate',
          legPrefix: required(values['leg-prefix'], '--leg-prefix <text>'),
          maxFailures,
          gateStep: required(values['gate-step'], '--gate-step <step name>'),
          githubOutput: values['github-output'] === undefined ? undefined : path(values['github-output']),
          summary: values.summary === undefined ? undefined : path(values.summary),
        };
      }
      if (sub === 'download-records') {
        const { values } = parse(
          args,
          {
            dir: { type: 'string' },
            'suffix-prefix': { type: 'string' },
            'skip-suffix-prefix': { type: 'string' },
            'run-id': { type: 'string' },
            attempt: { type: 'string' },
          },
          0,
        );
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
          dir: path(required(values.dir, '--dir <dir>')),
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
      throw new UsageError(
        'USAGE',
        `unknown command 'github ${sub ?? ''}': expected 'github newest-manifest', 'github publish-manifest', 'github publish-release', 'github fleet-gate' or 'github download-records'`,
      );
    }
    case 'yank': {
      const { values, positionals } = parse(rest, { ...signingOptions, reason: { type: 'string' } }, 1);
      return {
        command: 'yank',
        ref: parseVersionRef(positionals[0] ?? ''),
        keys: (values.key ?? []).map(path),
        reason: required(values.reason, '--reason "<why>"'),
        manifest: values.manifest === undefined ? undefined : path(values.manifest),
        lifetimeMs: values.expires === undefined ? DEFAULT_EXPIRY_MS : parseLifetime(values.expires),
      };
    }
    case 'verify': {
      const { values, positionals } = parse(rest, trustOptions, 1);
      return { command: 'verify', ref: parseVersionRef(positionals[0] ?? ''), ...trustSettings(values, path) };
    }
    case 'run': {
      const { values, positionals } = parse(
        rest,
        {
          ...trustOptions,
          param: { type: 'string', multiple: true },
          'params-file': { type: 'string' },
          out: { type: 'string' },
          'dry-run': { type: 'boolean' },
          force: { type: 'boolean' },
          'check-only': { type: 'boolean' },
          target: { type: 'string' },
          'target-facts': { type: 'string' },
          'ignore-circuit-breaker': { type: 'boolean' },
          'idempotency-key': { type: 'string' },
          'sign-key': { type: 'string' },
        },
        1,
      );
      const fromEnv = env['REMEDIATE_SIGN_KEY'];
      const signKey = values['sign-key'] ?? (fromEnv === undefined || fromEnv === '' ? undefined : fromEnv);
      return {
        command: 'run',
        signKey: signKey === undefined ? undefined : path(signKey),
        ref: parseVersionRef(positionals[0] ?? ''),
        ...trustSettings(values, path),
        cliParams: parseParamPairs(values.param ?? []),
        paramsFile: values['params-file'] === undefined ? undefined : path(values['params-file']),
        outDir: path(values.out ?? DEFAULT_OUT_DIR),
        dryRun: values['dry-run'] ?? false,
        force: values.force ?? false,
        checkOnly: values['check-only'] ?? false,
        target: parseRunTarget(values.target, '--target'),
        targetFacts: parseTargetFacts(values['target-facts'] ?? '', '--target-facts'),
        ignoreCircuitBreaker: values['ignore-circuit-breaker'] ?? false,
        idempotencyKey:
          values['idempotency-key'] === undefined
            ? undefined
            : parseIdempotencyKey(values['idempotency-key'], '--idempotency-key'),
      };
    }
    case 'replay': {
      // --trusted-key keeps its meaning of `run` (the release keys the manifest is checked with);
      // the run keys that authenticate the record's receipt are --receipt-key.
      const { 'trusted-key': _receipt, ...recordAnchors } = anchorOptions;
      const { values, positionals } = parse(
        rest,
        {
          ...trustOptions,
          ...recordAnchors,
          'receipt-key': { type: 'string', multiple: true },
          unanchored: { type: 'boolean' },
          out: { type: 'string' },
          'dry-run': { type: 'boolean' },
          force: { type: 'boolean' },
          'ignore-circuit-breaker': { type: 'boolean' },
          'sign-key': { type: 'string' },
        },
        1,
      );
      const fromEnv = env['REMEDIATE_SIGN_KEY'];
      const signKey = values['sign-key'] ?? (fromEnv === undefined || fromEnv === '' ? undefined : fromEnv);
      return {
        command: 'replay',
        dir: path(positionals[0] ?? ''),
        anchors: {
          snapshotDigest: values['snapshot-digest'],
          trustedKeys: (values['receipt-key'] ?? []).map(path),
          attestation: attestationOptions(command, values, path),
        },
        unanchored: values.unanchored ?? false,
        ...trustSettings(values, path),
        outDir: path(values.out ?? DEFAULT_OUT_DIR),
        dryRun: values['dry-run'] ?? false,
        force: values.force ?? false,
        ignoreCircuitBreaker: values['ignore-circuit-breaker'] ?? false,
        signKey: signKey === undefined ? undefined : path(signKey),
      };
    }
    case 'demo': {
      const { values } = parse(rest, { clean: { type: 'boolean' } }, 0);
      return { command: 'demo', clean: values.clean ?? false };
    }
    case 'show':
    case 'verify-run':
      return recordCommand(command, command, rest, path);
    case 'runs': {
      const [sub, ...args] = rest;
      if (sub === 'list') return runsListCommand(args, path);
      if (sub === 'show') return recordCommand('show', 'runs show', args, path);
      if (sub === 'verify') return recordCommand('verify-run', 'runs verify', args, path);
      throw new UsageError(
        'USAGE',
        `unknown command 'runs ${sub ?? ''}': expected 'runs list', 'runs show' or 'runs verify'`,
      );
    }
    case 'manifest': {
      const [sub, ...args] = rest;
      if (sub !== 'check')
        throw new UsageError('USAGE', `unknown command 'manifest ${sub ?? ''}': expected 'manifest check'`);
      const { values } = parse(
        args,
        {
          manifest: { type: 'string' },
          previous: { type: 'string' },
          'previous-ref': { type: 'string' },
        },
        0,
      );
      if ((values.previous === undefined) === (values['previous-ref'] === undefined)) {
        throw new UsageError(
          'USAGE',
          'manifest check: expected exactly one of --previous <path> or --previous-ref <git ref>',
        );
      }
      return {
        command: 'manifest-check',
        manifest: path(required(values.manifest, '--manifest <path>')),
        previous: values.previous === undefined ? undefined : path(values.previous),
        previousRef: values['previous-ref'],
      };
    }
    case 'gateway': {
      const [first, ...others] = rest;
      const sub = first === 'check' || first === 'replay-dead' ? first : undefined;
      const { values } = parse(sub === undefined ? rest : others, { config: { type: 'string' } }, 0);
      return {
        command: sub === undefined ? 'gateway' : `gateway-${sub}`,
        config: path(required(values.config, '--config <gateway.yml>')),
      };
    }
    default:
      throw new UsageError('USAGE', `unknown command '${command}'; run 'remediate help'`);
  }
}

/** Where run records go by default, relative to the current folder (`run`, `runs list`). */
export const DEFAULT_OUT_DIR = '.remediate/runs';

/**
 * A command reading one record: `show` and `runs show`, `verify-run` and `runs verify`.
 * `label` is the command as typed, for errors.
 */
function recordCommand(
  command: 'show' | 'verify-run',
  label: string,
  args: readonly string[],
  path: (p: string) => string,
): CliCommand {
  const { values, positionals } = parse(args, anchorOptions, 1);
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
  return {
    command,
    record,
    ...(fetchFrom !== undefined ? { fetchFrom } : {}),
    snapshotDigest: values['snapshot-digest'],
    trustedKeys: (values['trusted-key'] ?? []).map(path),
    attestation: attestationOptions(label, anchorValues, path),
  };
}

/** `runs list`: where the records are, and which to list. */
function runsListCommand(args: readonly string[], path: (p: string) => string): CliCommand {
  const { values } = parse(
    args,
    {
      out: { type: 'string' },
      name: { type: 'string' },
      target: { type: 'string' },
      status: { type: 'string', multiple: true },
      since: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      repo: { type: 'string' },
    },
    0,
  );
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
  return {
    command: 'runs-list',
    outDir: path(values.out ?? DEFAULT_OUT_DIR),
    repo: values.repo === undefined ? undefined : parseRepository(values.repo, '--repo'),
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

const signingOptions = {
  key: { type: 'string', multiple: true },
  manifest: { type: 'string' },
  expires: { type: 'string' },
} as const;

/** Options shared by verify and run. */
export const trustOptions = {
  'trusted-key': { type: 'string', multiple: true },
  threshold: { type: 'string' },
  'min-serial': { type: 'string' },
  manifest: { type: 'string' },
} as const;

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

/** parseArgs with strict options and any number of positionals. */
export function parseWithPositionals<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError('USAGE', `${error instanceof Error ? error.message : String(error)}; run 'remediate help'`, {
      cause: error,
    });
  }
}

/** parseArgs with strict options and an exact number of positionals. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
  positionalCount: number,
) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError('USAGE', `${error instanceof Error ? error.message : String(error)}; run 'remediate help'`, {
      cause: error,
    });
  }
  if (parsed.positionals.length !== positionalCount) {
    throw new UsageError(
      'USAGE',
      `expected ${positionalCount} argument(s), got ${parsed.positionals.length}; run 'remediate help'`,
    );
  }
  return parsed;
}

function required(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new UsageError('USAGE', `missing ${what}`);
  return value;
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
