// The CLI's commands, as data: for each command its summary, arguments, options (type, default,
// description), examples and exit codes. settings.ts derives the parseArgs configuration of
// every command from this table and usage-text.ts prints every help text from it, so what is
// documented is what is parsed. Adding a command or an option starts here.
import type { ExitCodeValue } from '../errors.ts';
import { LISTED_STATUSES } from '../app/run-list.ts';
import { DEFAULT_MANIFEST_PATH } from '../app/manifest-file.ts';

/** One option of a command. */
export interface OptionSpec {
  /** `string` takes a value; `boolean` is a flag. */
  readonly type: 'string' | 'boolean';
  /** May be repeated; the values are collected in order. */
  readonly multiple?: true;
  /** How a string option's value is shown in usage: `<file>`. */
  readonly value?: string;
  /** The command is refused without it (the parser checks this before anything runs). */
  readonly required?: true;
  /** What applies when the option is not given, as a user would read it. */
  readonly default?: string;
  /** One line: what the option does. */
  readonly description: string;
}

/** One positional argument of a command. */
export interface ArgumentSpec {
  /** As shown in usage and in "missing" errors: `<name@version>`. */
  readonly name: string;
  readonly description: string;
  /** May be left out. */
  readonly optional?: true;
  /** Takes every remaining argument (`<record dir>...`); at least one unless optional. */
  readonly variadic?: true;
  /** Not given at all when this option is (`release --from-tag` names the version instead). */
  readonly omittedWith?: string;
}

/**
 * Options shown together as alternatives: `(a | b)` when the command needs at least one of them,
 * `[a | b]` when it can do without. Documentation only: the checks stay where the command can
 * say why (settings.ts or the use case), and the table test checks that each names real options.
 */
export interface OptionAlternatives {
  readonly options: readonly string[];
  /** At least one must be given. */
  readonly required?: true;
  /** At most one may be given. */
  readonly exclusive?: true;
}

/** One command or subcommand (`runs list`) of the CLI. */
export interface CommandSpec {
  /** One line, in the imperative: what the command does. */
  readonly summary: string;
  /** Called by the pack's reusable workflows rather than typed by people (listed apart). */
  readonly workflow?: true;
  readonly arguments: readonly ArgumentSpec[];
  /** Every option the command accepts, in the order usage shows them (`--help` is added to all). */
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly alternatives?: readonly OptionAlternatives[];
  /** Environment variables the command reads, and what for. */
  readonly environment?: Readonly<Record<string, string>>;
  /** Further lines for the command's help: what a user should know before running it. */
  readonly notes?: readonly string[];
  /** Complete command lines (without `remediate`), each parsed by the table test. */
  readonly examples: readonly [string, ...string[]];
  /** The exit codes the command can end with, and what each means for it. */
  readonly exitCodes: Readonly<Partial<Record<ExitCodeValue, string>>>;
}

const DEFAULT_MANIFEST = `${DEFAULT_MANIFEST_PATH} at the repository root`;

/**
 * Where run records go when --out is not given (`run`, `replay`, `runs list`), as help shows it:
 * the user's state folder, outside any repository. settings.ts resolves it (defaultRecordsDir).
 */
export const DEFAULT_OUT_DIR_TEXT = '$XDG_STATE_HOME/remediate/runs (~/.local/state/remediate/runs)';
/** run, replay and runs list: what the default --out is made of. */
const recordsEnvironment = {
  XDG_STATE_HOME: 'records go under $XDG_STATE_HOME/remediate/runs when --out is not given (ignored unless absolute)',
  HOME: 'else under ~/.local/state/remediate/runs; with neither usable, --out is required',
} as const;
const USAGE_EXIT = 'usage error or invalid input (arguments, files, definition)';

/** verify, run and replay: which manifest, signed by whom, is trusted. */
const trustOptions = {
  'trusted-key': {
    type: 'string',
    multiple: true,
    value: '<pub>',
    required: true,
    description: 'public key (PEM) trusted to sign the manifest; repeat for several',
  },
  threshold: {
    type: 'string',
    value: '<k>',
    default: '1',
    description: 'distinct trusted keys that must have signed the manifest, 1 to 100',
  },
  'min-serial': {
    type: 'string',
    value: '<n>',
    default: '0',
    description: 'lowest manifest serial accepted: pin the newest seen, so an older manifest cannot be replayed',
  },
  manifest: { type: 'string', value: '<path>', default: DEFAULT_MANIFEST, description: 'the signed manifest' },
} as const satisfies Record<string, OptionSpec>;

/** --json on a command that reports something (README "JSON output"). */
const jsonOption = {
  type: 'boolean',
  description: 'print one JSON document on stdout (README "JSON output"); human text goes to stderr',
} as const satisfies OptionSpec;

/** run and replay: no live progress. */
const quietRunOption = {
  type: 'boolean',
  description: 'no live progress and no step output: only the result, and errors',
} as const satisfies OptionSpec;

/** run and try: the parameters and the target of the run asked for. */
const requestOptions = {
  param: {
    type: 'string',
    multiple: true,
    value: '<key=value>',
    description: "a parameter, checked against the definition's inputs; overrides --params-file",
  },
  'params-file': {
    type: 'string',
    value: '<f.json>',
    description: 'parameters as a JSON object (at most 64 KiB; JSON types kept)',
  },
  target: {
    type: 'string',
    value: '<name>',
    description: 'what the run acts on: recorded, and counted per target by the circuit breaker',
  },
  'target-facts': {
    type: 'string',
    value: '\'{"ssh_host": "..."}\'',
    description: 'facts about the target, a JSON object of strings: each reaches the steps as TARGET_<NAME>',
  },
} as const satisfies Record<string, OptionSpec>;

/** run, try and replay: fix even when the check finds nothing to fix. */
const forceOption = {
  type: 'boolean',
  description: 'run the fix even when the check finds the target healthy (recorded)',
} as const satisfies OptionSpec;

/** run and try: stop after the check stage. */
const checkOnlyOption = {
  type: 'boolean',
  description: 'run only the check stage and report healthy or unhealthy; never a fix',
} as const satisfies OptionSpec;

/** release and yank: the keys that sign the next manifest. */
const signingOptions = {
  key: {
    type: 'string',
    multiple: true,
    value: '<file>',
    required: true,
    description: 'private key (PEM) to sign the new manifest with; repeat for a k-of-n manifest',
  },
  manifest: { type: 'string', value: '<path>', default: DEFAULT_MANIFEST, description: 'the manifest to extend' },
  expires: {
    type: 'string',
    value: '<lifetime>',
    default: '180d',
    description: 'how long the new manifest is valid: 180d, 12h, 30m',
  },
} as const satisfies Record<string, OptionSpec>;

/** What authenticates a record (verify-run, show, runs show, runs verify). */
const anchorOptions = {
  'trusted-key': {
    type: 'string',
    multiple: true,
    value: '<run key pub>',
    description: "a run key's public key: the record's receipt.dsse.json must be signed by one",
  },
  'snapshot-digest': {
    type: 'string',
    value: 'sha256:<hex>',
    description: 'the snapshot digest printed when the run ended, kept where the record cannot change it',
  },
  'trusted-root': {
    type: 'string',
    value: '<trusted_root.jsonl>',
    description:
      "check the record's GitHub artifact attestation against these Sigstore roots (gh attestation trusted-root)",
  },
  'signer-workflow': {
    type: 'string',
    value: '<OWNER/REPO/.github/workflows/file.yml>',
    description: 'with --trusted-root (required then): the workflow that must have attested the record',
  },
  repo: {
    type: 'string',
    value: '<OWNER/REPO>',
    description: 'with --trusted-root (required then): the repository whose run must have attested the record',
  },
  'source-ref': {
    type: 'string',
    value: '<ref>',
    description: 'with --trusted-root: the git ref that run must have been on (refs/heads/main)',
  },
  attestation: {
    type: 'string',
    value: '<bundle.json>',
    default: '<record dir>/receipt.sigstore.json',
    description: 'with --trusted-root: the Sigstore bundle of the attestation',
  },
} as const satisfies Record<string, OptionSpec>;

/** `runs show` and `runs verify` also fetch a record a GitHub run published. */
const publishedAnchorOptions = {
  ...anchorOptions,
  repo: {
    type: 'string',
    value: '<OWNER/REPO>',
    description:
      'with a run id: the repository whose published record to fetch; with --trusted-root: the repository whose run must have attested it',
  },
} as const satisfies Record<string, OptionSpec>;

/** At least one anchor, or the record is not authenticated. */
const anchorAlternatives = {
  options: ['trusted-key', 'snapshot-digest', 'trusted-root'],
  required: true,
} as const satisfies OptionAlternatives;

const recordArgument = {
  name: '<record dir>',
  description: 'a run record folder (as run wrote it)',
} as const satisfies ArgumentSpec;

const publishedRecordArgument = {
  name: '<record dir | run id>',
  description: 'a run record folder, or with --repo a GitHub run id (123456789, or 123456789-2 for an attempt)',
} as const satisfies ArgumentSpec;

const githubOutputOption = {
  type: 'string',
  value: '<file>',
  description: 'append the step outputs here (on GitHub: "$GITHUB_OUTPUT")',
} as const satisfies OptionSpec;

const summaryOption = {
  type: 'string',
  value: '<file>',
  description: 'append a Markdown summary here (on GitHub: "$GITHUB_STEP_SUMMARY")',
} as const satisfies OptionSpec;

const githubEnvironment = {
  GITHUB_TOKEN: 'token for the REST API',
  GITHUB_REPOSITORY: 'the repository, OWNER/REPO',
  GITHUB_API_URL: 'the REST API (GitHub Enterprise Server), default https://api.github.com',
} as const;

const readerEnvironment = {
  GITHUB_TOKEN: 'with a run id: a token that can read the Actions artifacts of --repo (else GH_TOKEN)',
  GITHUB_API_URL: 'the REST API (GitHub Enterprise Server), default https://api.github.com',
} as const;

const runExitCodes = {
  0: 'succeeded, or healthy; with --check-only also unhealthy (drift found, nothing changed)',
  1: 'a step, verify or the check failed (rollback ran), or the record could not be written',
  2: `${USAGE_EXIT}, parameters or a missing secret`,
  3: 'refused by an integrity or trust check, an open circuit breaker or a duplicate alert: nothing ran',
  4: 'cancelled (SIGINT, SIGTERM, SIGHUP) or timed out',
} as const;

const verifyRunExitCodes = {
  0: 'intact: consistent, and at least one anchor given holds',
  1: 'the record could not be fetched from GitHub',
  2: `${USAGE_EXIT}, or the folder is not a record`,
  3: 'tampered (RECORD_TAMPERED), an anchor does not hold, or no anchor (UNANCHORED)',
} as const;

const showExitCodes = {
  0: 'the report was printed, authenticated or not',
  1: 'the record could not be fetched from GitHub',
  2: `${USAGE_EXIT}, or the folder is not a record`,
  3: 'the record or its definition copy was altered, or an anchor given does not hold',
} as const;

/** Every command of the CLI, keyed by its words as typed (`runs list`). */
export const COMMANDS = {
  keygen: {
    summary: 'Write a new Ed25519 key pair: <file> (PKCS#8, mode 0600) and <file>.pub (SPKI)',
    arguments: [],
    options: {
      out: {
        type: 'string',
        value: '<file>',
        required: true,
        description: 'where the private key goes (never overwritten); the public key is <file>.pub',
      },
    },
    examples: ['keygen --out keys/release'],
    exitCodes: { 0: 'written', 2: `${USAGE_EXIT}; the file already exists` },
  },
  digest: {
    summary: "Print a remediation's tree digest: of the working tree (unreleased), or of a commit",
    arguments: [{ name: '<name>', description: 'the remediation: remediations/<name>/' }],
    options: {
      ref: {
        type: 'string',
        value: '<git ref>',
        default: 'the working tree',
        description: 'digest the files at this commit, read from git objects',
      },
      json: jsonOption,
    },
    examples: ['digest restart-service', 'digest restart-service --ref restart-service/v1.2.0'],
    exitCodes: { 0: 'printed', 2: USAGE_EXIT, 3: 'unsafe tree (a symlink or submodule)' },
  },
  init: {
    summary:
      'Start a remediation: write remediations/<name>/ with a commented remediation.yml, a check and a fix script',
    arguments: [{ name: '<name>', description: 'the new remediation: lower-case letters, digits and -' }],
    options: {},
    notes: [
      'Never overwrites: an existing remediations/<name>/ is refused. The files pass validate as written; edit them, then try and release.',
    ],
    examples: ['init rotate-logs'],
    exitCodes: { 0: 'written (the next steps are printed)', 2: `${USAGE_EXIT}; the folder already exists` },
  },
  try: {
    summary: "Run the working tree's remediations/<name>/ (uncommitted edits included) UNRELEASED, and record it",
    arguments: [{ name: '<name>', description: 'the remediation: remediations/<name>/ as it is now' }],
    options: {
      ...requestOptions,
      out: {
        type: 'string',
        value: '<dir>',
        default: DEFAULT_OUT_DIR_TEXT,
        description: 'the folder the record is written under (and the unreleased runs the breaker counts)',
      },
      'dry-run': { type: 'boolean', description: 'validate and print the plan; run nothing, record nothing' },
      force: forceOption,
      'check-only': checkOnlyOption,
      'ignore-circuit-breaker': {
        type: 'boolean',
        description: 'run even when the circuit breaker (counting unreleased runs) is open (recorded)',
      },
      'sign-key': {
        type: 'string',
        value: '<ed25519 private key>',
        default: '$REMEDIATE_SIGN_KEY',
        description: "sign the record's receipt with this run key (the receipt says unreleased too)",
      },
    },
    alternatives: [{ options: ['force', 'check-only'], exclusive: true }],
    environment: {
      GITHUB_ACTIONS:
        'when true (a GitHub Actions job), try refuses to run (UNRELEASED_ON_GITHUB): only releases run there',
      REMEDIATE_SIGN_KEY: 'the run key file, when --sign-key is not given',
      REMEDIATION_SECRETS:
        'a JSON object of secret values, for declared secrets not set as variables of their own name',
    },
    notes: [
      'For development: no tag, manifest or signature is checked (there is none); the definition is validated as validate does.',
      'The record says unreleased: true (snapshot and receipt), under version v0.0.0-unreleased with the working tree digest; show, runs list and verify-run print it as UNRELEASED, and replay refuses it.',
      "The circuit breaker counts unreleased runs only, and a released version's breaker never counts them.",
    ],
    examples: ['try rotate-logs --param path=/tmp/app.log', 'try rotate-logs --param path=/tmp/app.log --check-only'],
    exitCodes: {
      ...runExitCodes,
      3: 'refused: in a GitHub Actions job (UNRELEASED_ON_GITHUB), or by an open circuit breaker; nothing ran',
    },
  },
  release: {
    summary: 'Tag HEAD as <name>/<version> and sign the next manifest with its entry',
    arguments: [
      {
        name: '<name>',
        description: 'the remediation: remediations/<name>/',
        omittedWith: 'from-tag',
      },
      { name: '<version>', description: 'the new version, v<semver>', omittedWith: 'from-tag' },
    ],
    options: {
      ...signingOptions,
      'from-tag': {
        type: 'string',
        value: '<name>/<version>',
        description: 'sign an entry for this tag, already pushed (no tag is created), instead of <name> <version>',
      },
      'manifest-out': {
        type: 'string',
        value: '<file>',
        default: 'over --manifest',
        description: 'write the new manifest here',
      },
      'first-release': {
        type: 'boolean',
        description: 'with --from-tag: no manifest exists yet, start one at serial 1 (else a missing one is refused)',
      },
    },
    notes: [
      'A released version is never changed: to fix one, release a new version (and yank the old one).',
      'With --from-tag, give --manifest <previous> or --first-release: automation that found no manifest must not start over.',
    ],
    examples: [
      'release restart-service v1.2.0 --key keys/release',
      'release --from-tag restart-service/v1.2.0 --key release.pem --manifest previous.json --manifest-out manifest.json',
    ],
    exitCodes: {
      0: 'released',
      2: `${USAGE_EXIT}; a dirty folder`,
      3: 'refused: the version or tag exists, the manifest does not verify, an unsafe tree',
    },
  },
  yank: {
    summary: 'Mark a released version yanked in the next manifest: runs of it are then refused',
    arguments: [{ name: '<name@version>', description: 'the released version: <name>@v<semver>' }],
    options: {
      key: signingOptions.key,
      reason: {
        type: 'string',
        value: '"<why>"',
        required: true,
        description: 'why it is yanked; recorded in the manifest and shown in the refusal',
      },
      replacement: {
        type: 'string',
        value: '<version>',
        description:
          'a released, unyanked version of the same remediation to run instead; refusals of the yanked one name it',
      },
      manifest: signingOptions.manifest,
      expires: signingOptions.expires,
    },
    examples: [
      'yank restart-service@v1.2.0 --key keys/release --reason "restarts the wrong unit"',
      'yank restart-service@v1.2.0 --key keys/release --reason "restarts the wrong unit" --replacement v1.2.1',
    ],
    exitCodes: { 0: 'yanked', 2: USAGE_EXIT, 3: 'refused: unknown version, or the manifest does not verify' },
  },
  verify: {
    summary: 'Check a released version as run does (tag, commit, digest, signed manifest); run nothing',
    arguments: [{ name: '<name@version>', description: 'the released version: <name>@v<semver>' }],
    options: { ...trustOptions, json: jsonOption },
    examples: ['verify restart-service@v1.2.0 --trusted-key keys/release.pub --min-serial 7'],
    exitCodes: { 0: 'verified', 2: USAGE_EXIT, 3: 'refused by an integrity or trust check (the message names it)' },
  },
  run: {
    summary: 'Verify a released version, then run it (check, steps, verify, rollback) and write its record',
    arguments: [{ name: '<name@version>', description: 'the released version: <name>@v<semver>' }],
    options: {
      ...trustOptions,
      ...requestOptions,
      out: {
        type: 'string',
        value: '<dir>',
        default: DEFAULT_OUT_DIR_TEXT,
        description: 'the folder the record is written under (and the history the guards read)',
      },
      'dry-run': { type: 'boolean', description: 'verify and print the plan; run nothing, record nothing' },
      force: forceOption,
      'check-only': checkOnlyOption,
      'ignore-circuit-breaker': {
        type: 'boolean',
        description: "run even when the version's circuit breaker is open (recorded)",
      },
      'idempotency-key': {
        type: 'string',
        value: '<alert id>',
        default: "in a GitHub job, derived from the event's alert",
        description:
          'the alert this run is for: refused as DUPLICATE_ALERT when an earlier run with it started its fix',
      },
      'sign-key': {
        type: 'string',
        value: '<ed25519 private key>',
        default: '$REMEDIATE_SIGN_KEY',
        description: "sign the record's receipt with this run key",
      },
      'plan-digest': {
        type: 'string',
        value: '<sha256:hex>',
        description:
          'run only if what verifies now plans exactly this approved plan (the digest --dry-run printed); else PLAN_CHANGED, exit 3, recorded',
      },
      json: jsonOption,
      quiet: quietRunOption,
    },
    alternatives: [{ options: ['force', 'check-only'], exclusive: true }],
    environment: {
      REMEDIATE_SIGN_KEY: 'the run key file, when --sign-key is not given',
      REMEDIATION_SECRETS:
        'a JSON object of secret values, for declared secrets not set as variables of their own name',
      ...recordsEnvironment,
      NO_COLOR: 'any non-empty value: no colour in the live progress',
    },
    notes: [
      'On a terminal, stderr shows live progress: each stage and step as it starts and ends, and the step output as recorded (redacted).',
    ],
    examples: [
      'run restart-service@v1.2.0 --trusted-key keys/release.pub --param unit=nginx.service',
      'run restart-service@v1.2.0 --trusted-key keys/release.pub --params-file params.json --dry-run',
      'run reapply-config@v1.0.0 --trusted-key keys/release.pub --check-only --target web-1',
      'run reapply-config@v1.0.0 --trusted-key keys/release.pub --target web-1 --plan-digest sha256:0c1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6',
    ],
    exitCodes: runExitCodes,
  },
  replay: {
    summary: "Run a record's version again with its parameters and target, verified as any run",
    arguments: [{ ...recordArgument, description: 'the record of the run to repeat' }],
    options: {
      ...trustOptions,
      'receipt-key': {
        type: 'string',
        multiple: true,
        value: '<run key pub>',
        description: "a run key's public key that signed the record's receipt (--trusted-key is the release key)",
      },
      'snapshot-digest': anchorOptions['snapshot-digest'],
      'trusted-root': anchorOptions['trusted-root'],
      unanchored: {
        type: 'boolean',
        description: 'replay a record no anchor vouches for (recorded as unauthenticated)',
      },
      'signer-workflow': anchorOptions['signer-workflow'],
      repo: anchorOptions.repo,
      'source-ref': anchorOptions['source-ref'],
      attestation: anchorOptions.attestation,
      out: {
        type: 'string',
        value: '<dir>',
        default: DEFAULT_OUT_DIR_TEXT,
        description: 'the folder the new record is written under',
      },
      'dry-run': { type: 'boolean', description: 'print the plan of the replay; run nothing, record nothing' },
      force: forceOption,
      'ignore-circuit-breaker': {
        type: 'boolean',
        description: "run even when the version's circuit breaker is open (recorded)",
      },
      'sign-key': {
        type: 'string',
        value: '<ed25519 private key>',
        default: '$REMEDIATE_SIGN_KEY',
        description: "sign the new record's receipt with this run key",
      },
      json: jsonOption,
      quiet: quietRunOption,
    },
    alternatives: [{ options: ['receipt-key', 'snapshot-digest', 'trusted-root', 'unanchored'], required: true }],
    environment: {
      REMEDIATE_SIGN_KEY: 'the run key file, when --sign-key is not given',
      REMEDIATION_SECRETS: 'secrets are collected again, never read from the record',
      ...recordsEnvironment,
      NO_COLOR: 'any non-empty value: no colour in the live progress',
    },
    notes: ['--param, --params-file and --target are not accepted: a replay takes them from the record.'],
    examples: [
      'replay ~/.local/state/remediate/runs/reapply-config-v1.0.0-20261202T112452Z-c52b4b --trusted-key keys/release.pub --receipt-key keys/run-key.pub',
    ],
    exitCodes: { ...runExitCodes, 2: `${runExitCodes[2]}; the record cannot be replayed (NOT_REPLAYABLE)` },
  },
  'verify-run': {
    summary: 'Check a run record: consistent, and authenticated by at least one anchor (intact)',
    arguments: [recordArgument],
    options: { ...anchorOptions, json: jsonOption },
    alternatives: [anchorAlternatives],
    notes: ['Without an anchor it never says intact: whoever can write the folder can rewrite all of it.'],
    examples: [
      'verify-run ~/.local/state/remediate/runs/restart-service-v1.2.0-20261202T112452Z-c52b4b --trusted-key keys/run-key.pub',
      'verify-run record --snapshot-digest sha256:2f1e0c3a5b7d9e1f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f',
    ],
    exitCodes: verifyRunExitCodes,
  },
  show: {
    summary: 'Print a run record for a reader, after every check verify-run makes (runs show is the same)',
    arguments: [recordArgument],
    options: { ...anchorOptions, json: jsonOption },
    notes: ['A reader: an unauthenticated record is shown under a NOT AUTHENTICATED banner; verify-run is the check.'],
    examples: [
      'show ~/.local/state/remediate/runs/restart-service-v1.2.0-20261202T112452Z-c52b4b --trusted-key keys/run-key.pub',
    ],
    exitCodes: showExitCodes,
  },
  'runs list': {
    summary: 'List past runs, newest first: the records in --out, or those --repo published as artifacts',
    arguments: [],
    options: {
      out: {
        type: 'string',
        value: '<dir>',
        default: `${DEFAULT_OUT_DIR_TEXT}, where run writes`,
        description: 'the folder of local record folders',
      },
      repo: {
        type: 'string',
        value: '<OWNER/REPO>',
        description: 'list the records published there as workflow artifacts instead',
      },
      name: { type: 'string', value: '<name>', description: 'only runs of this remediation' },
      target: { type: 'string', value: '<name>', description: 'only runs for this target' },
      status: {
        type: 'string',
        multiple: true,
        value: '<status>',
        description: `only runs with this status; repeat for several: ${LISTED_STATUSES.join(', ')}`,
      },
      since: {
        type: 'string',
        value: '<30m|24h|7d|2026-11-01|2026-11-01T08:00:00Z>',
        description: 'only runs started since then: a duration back from now, a date (UTC), or a time with its zone',
      },
      limit: {
        type: 'string',
        value: '<n>',
        default: 'all; 30 with --repo',
        description: 'keep the newest n after filtering',
      },
      json: { type: 'boolean', description: 'print one JSON array of rows instead of the table' },
    },
    alternatives: [{ options: ['out', 'repo'], exclusive: true }],
    environment: {
      GITHUB_TOKEN: 'with --repo: a token that can read its Actions artifacts (else GH_TOKEN)',
      GITHUB_API_URL: 'the REST API (GitHub Enterprise Server), default https://api.github.com',
      ...recordsEnvironment,
    },
    examples: ['runs list --status failed --since 24h', 'runs list --repo acme/ops --name restart-service --json'],
    exitCodes: { 0: 'listed (unreadable folders are named on stderr)', 1: 'GitHub could not be read', 2: USAGE_EXIT },
  },
  'runs show': {
    summary: 'Print a run record, local or published by a GitHub run (the same as show)',
    arguments: [publishedRecordArgument],
    options: { ...publishedAnchorOptions, json: jsonOption },
    environment: readerEnvironment,
    examples: [
      'runs show ~/.local/state/remediate/runs/restart-service-v1.2.0-20261202T112452Z-c52b4b',
      'runs show 123456789 --repo acme/ops',
    ],
    exitCodes: showExitCodes,
  },
  'runs verify': {
    summary: 'Check a run record, local or published by a GitHub run (the same as verify-run)',
    arguments: [publishedRecordArgument],
    options: { ...publishedAnchorOptions, json: jsonOption },
    alternatives: [anchorAlternatives],
    environment: readerEnvironment,
    examples: [
      'runs verify 123456789-2 --repo acme/ops --trusted-root trusted_root.jsonl --signer-workflow acme/ops/.github/workflows/remediate.yml',
    ],
    exitCodes: verifyRunExitCodes,
  },
  'manifest show': {
    summary: 'Print a manifest: serial, times, signers, and every version with its commit, digest and yank',
    arguments: [],
    options: {
      manifest: { type: 'string', value: '<path>', default: DEFAULT_MANIFEST, description: 'the signed manifest' },
      'trusted-key': {
        type: 'string',
        multiple: true,
        value: '<pub>',
        description:
          'check the signatures against this public key first (repeat for several); without, nothing is authenticated',
      },
      threshold: trustOptions.threshold,
      json: { type: 'boolean', description: 'print one JSON document instead of the text' },
    },
    examples: ['manifest show', 'manifest show --trusted-key keys/release.pub --json'],
    exitCodes: { 0: 'shown', 2: USAGE_EXIT, 3: 'the manifest is malformed, or does not verify against --trusted-key' },
  },
  versions: {
    summary: "List one remediation's released versions, newest first, with their yanks",
    arguments: [{ name: '<name>', description: 'the remediation name' }],
    options: {
      manifest: { type: 'string', value: '<path>', default: DEFAULT_MANIFEST, description: 'the signed manifest' },
      'trusted-key': {
        type: 'string',
        multiple: true,
        value: '<pub>',
        description: 'check the signatures against this public key first (repeat for several)',
      },
      threshold: trustOptions.threshold,
      json: { type: 'boolean', description: 'print one JSON array instead of the text' },
    },
    examples: ['versions restart-service', 'versions restart-service --trusted-key keys/release.pub --json'],
    exitCodes: {
      0: 'listed',
      2: `${USAGE_EXIT}; no such remediation`,
      3: 'the manifest is malformed, or does not verify',
    },
  },
  'manifest check': {
    summary: 'Check that a new manifest only appends to the previous one (serial + 1, nothing changed or un-yanked)',
    arguments: [],
    options: {
      manifest: { type: 'string', value: '<path>', required: true, description: 'the new manifest' },
      previous: { type: 'string', value: '<path>', description: 'the previous manifest, as a file' },
      'previous-ref': {
        type: 'string',
        value: '<git ref>',
        description: 'the previous manifest: the same path at this git ref',
      },
    },
    alternatives: [{ options: ['previous', 'previous-ref'], required: true, exclusive: true }],
    examples: ['manifest check --manifest remediations/manifest.json --previous-ref origin/main'],
    exitCodes: { 0: 'append-only', 2: USAGE_EXIT, 3: 'not append-only, or a manifest is malformed' },
  },
  gateway: {
    summary:
      'Run the alert gateway: receive webhooks, map them by rule, send repository_dispatch; serves until SIGTERM',
    arguments: [],
    options: {
      config: { type: 'string', value: '<gateway.yml>', required: true, description: "the gateway's config" },
    },
    environment: {
      '(named in the config)': "the GitHub token, and each source's bearer token or HMAC secret",
      GITHUB_API_URL: "the REST API, over the config's github.api-url",
    },
    examples: ['gateway --config /etc/remediate/gateway.yml'],
    exitCodes: { 0: 'stopped by SIGTERM or SIGINT after finishing in-flight work', 2: `${USAGE_EXIT}; invalid config` },
  },
  'gateway check': {
    summary: 'Validate the gateway config and print its sources and rules as the gateway reads them',
    arguments: [],
    options: {
      config: { type: 'string', value: '<gateway.yml>', required: true, description: "the gateway's config" },
    },
    examples: ['gateway check --config gateway.yml'],
    exitCodes: { 0: 'valid', 2: `${USAGE_EXIT}; invalid config (file:line:col)` },
  },
  'gateway replay-dead': {
    summary: 'Re-queue the dispatches GitHub refused, for the running gateway to send again',
    arguments: [],
    options: {
      config: { type: 'string', value: '<gateway.yml>', required: true, description: "the gateway's config" },
    },
    examples: ['gateway replay-dead --config gateway.yml'],
    exitCodes: { 0: 're-queued (the count is printed)', 2: `${USAGE_EXIT}; invalid config` },
  },
  validate: {
    summary:
      'Validate the remediations changed since --base (all without it): schema, semantics, shell syntax; and remediations/targets.yml',
    workflow: true,
    arguments: [],
    options: {
      base: {
        type: 'string',
        value: '<git ref>',
        default: 'every remediation',
        description: 'validate what changed since',
      },
      summary: { ...summaryOption, description: 'append a table (newest release, digests, the version to cut) here' },
      json: jsonOption,
      quiet: { type: 'boolean', description: 'print only the problems (and a refused manifest change)' },
    },
    examples: ['validate', 'validate --base origin/main --summary "$GITHUB_STEP_SUMMARY"'],
    exitCodes: {
      0: 'every definition is valid, and the targets file if there is one',
      2: 'an invalid definition or targets file (annotated with file:line:col), or a usage error',
      3: 'remediations/manifest.json changed in a way that is not append-only',
    },
  },
  'dispatch parse': {
    summary: 'Validate a repository_dispatch payload and write it as step outputs',
    workflow: true,
    arguments: [],
    options: {
      event: {
        type: 'string',
        value: '<event.json>',
        required: true,
        description: 'the event to read (on GitHub: "$GITHUB_EVENT_PATH")',
      },
      'github-output': githubOutputOption,
    },
    examples: ['dispatch parse --event "$GITHUB_EVENT_PATH" --github-output "$GITHUB_OUTPUT"'],
    exitCodes: { 0: 'outputs written', 2: 'an invalid payload, or a usage error' },
  },
  'targets resolve': {
    summary: "Look up a target's runner labels and facts in the targets file (routing), or every leg's",
    workflow: true,
    arguments: [],
    options: {
      target: { type: 'string', value: '<name>', description: 'the one target to route' },
      legs: {
        type: 'string',
        value: '<JSON list of legs>',
        description: 'the legs whose targets to route (fleet, drift)',
      },
      file: {
        type: 'string',
        value: '<targets.yml>',
        default: 'remediations/targets.yml',
        description: 'the targets file',
      },
      'github-output': githubOutputOption,
    },
    alternatives: [{ options: ['target', 'legs'], required: true, exclusive: true }],
    examples: ['targets resolve --target web-1 --github-output "$GITHUB_OUTPUT"'],
    exitCodes: {
      0: 'routed',
      2: `${USAGE_EXIT}; a hostile target name, a missing or invalid targets file`,
      3: 'a target the file does not list (UNKNOWN_TARGET)',
    },
  },
  summarize: {
    summary: 'Table many run records (healthy, unhealthy, fixed, failed) as Markdown',
    workflow: true,
    arguments: [{ name: '<record dir>', variadic: true, description: 'run record folders' }],
    options: { summary: summaryOption },
    examples: ['summarize records/* --summary "$GITHUB_STEP_SUMMARY"'],
    exitCodes: {
      0: 'every run succeeded, or was healthy or unhealthy',
      1: 'a run did not (failed, refused, cancelled...)',
      2: USAGE_EXIT,
    },
  },
  'blast-radius': {
    summary: 'The max-unhealthy gate: count targets not known healthy in check-only records; refuse past the limit',
    workflow: true,
    arguments: [
      {
        name: '<check-only record dir>',
        optional: true,
        variadic: true,
        description: 'the records of the check-only legs (a target without one counts as unhealthy)',
      },
    ],
    options: {
      'max-unhealthy': {
        type: 'string',
        value: '<n | p%>',
        required: true,
        description: 'how many targets may need fixing at once: a whole number, or a whole percent of --total',
      },
      total: { type: 'string', value: '<targets>', required: true, description: 'how many targets were checked' },
      legs: {
        type: 'string',
        value: '<JSON list of legs>',
        description:
          "the plan's legs: also write outputs fix-legs (those whose check was not healthy) and fix-count, for drift.yml's approval-environment",
      },
      'hold-all': {
        type: 'boolean',
        description:
          'with --legs: every leg needs a fix (a check leg did not succeed, so a record may be missing or forged)',
      },
      'github-output': githubOutputOption,
      summary: summaryOption,
    },
    examples: [
      'blast-radius --max-unhealthy 25% --total 12 checks/*',
      'blast-radius --max-unhealthy 100% --total 2 --legs \'[{"remediation":"reapply-config@v1.0.0","target":"web-1","params":{}}]\' checks/*',
    ],
    exitCodes: {
      0: 'at or under the limit',
      2: `${USAGE_EXIT}; more records than --total`,
      3: 'more targets need fixing than allowed (TOO_MANY_UNHEALTHY)',
    },
  },
  'github newest-manifest': {
    summary: 'Write the manifest with the highest serial published under a manifest/s<serial> tag',
    workflow: true,
    arguments: [],
    options: {
      out: { type: 'string', value: '<file>', required: true, description: 'where to write it' },
      'trusted-key': {
        type: 'string',
        multiple: true,
        value: '<pub>',
        default: 'any manifest',
        description: 'take only manifests signed by one of these keys',
      },
    },
    environment: githubEnvironment,
    notes: ['With no manifest published it writes nothing and says this is the first release.'],
    examples: ['github newest-manifest --out previous.json --trusted-key keys/release.pub'],
    exitCodes: {
      0: 'written, or none published',
      1: 'a GitHub API failure',
      2: `${USAGE_EXIT}; a manifest published only as a release asset`,
    },
  },
  'github publish-manifest': {
    summary: 'Publish a signed manifest as the release manifest/s<serial> (idempotent)',
    workflow: true,
    arguments: [],
    options: {
      manifest: { type: 'string', value: '<file>', required: true, description: 'the signed manifest' },
      'trusted-key': {
        type: 'string',
        multiple: true,
        value: '<pub>',
        required: true,
        description: 'public key the manifest must be signed by: only a manifest they signed is published',
      },
      target: {
        type: 'string',
        value: '<git rev>',
        default: 'HEAD',
        description: 'where the manifest/s<serial> tag goes',
      },
    },
    environment: githubEnvironment,
    examples: ['github publish-manifest --manifest manifest.json --trusted-key keys/release.pub'],
    exitCodes: {
      0: 'published, or already published with the same bytes',
      1: 'a GitHub API failure',
      2: USAGE_EXIT,
      3: 'refused: another manifest has that serial, or the serial is not the newest (SERIAL_ROLLBACK)',
    },
  },
  'github publish-release': {
    summary: 'Publish a release for a pushed tag: draft, then assets, then published',
    workflow: true,
    arguments: [],
    options: {
      tag: { type: 'string', value: '<tag>', required: true, description: 'the pushed tag' },
      asset: { type: 'string', multiple: true, value: '<file>', description: 'a file to attach; repeat for several' },
      'notes-file': { type: 'string', value: '<file>', description: 'the release notes (at most 1 MiB)' },
      prerelease: { type: 'boolean', description: 'mark the release as a prerelease' },
    },
    environment: githubEnvironment,
    examples: ['github publish-release --tag restart-service/v1.2.0 --asset manifest.json --notes-file notes.md'],
    exitCodes: { 0: 'published', 1: 'a GitHub API failure', 2: USAGE_EXIT },
  },
  'github fleet-gate': {
    summary: 'Count the failed fix legs of this run attempt; write the skip and failed outputs',
    workflow: true,
    arguments: [],
    options: {
      'leg-prefix': {
        type: 'string',
        value: '<text>',
        required: true,
        description: "the legs' job names contain this",
      },
      'max-failures': {
        type: 'string',
        value: '<n>',
        required: true,
        description: 'failed legs (1 or more) after which the others skip their fix',
      },
      'gate-step': {
        type: 'string',
        value: '<step name>',
        required: true,
        description: 'a leg whose step of this name failed never ran the fix, and does not count',
      },
      'github-output': githubOutputOption,
      summary: summaryOption,
    },
    environment: {
      ...githubEnvironment,
      GITHUB_RUN_ID: 'this workflow run',
      GITHUB_RUN_ATTEMPT: 'its attempt',
    },
    examples: [
      'github fleet-gate --leg-prefix "fix " --max-failures 2 --gate-step gate --github-output "$GITHUB_OUTPUT"',
    ],
    exitCodes: { 0: 'counted', 1: 'the jobs could not be read', 2: USAGE_EXIT },
  },
  'github download-records': {
    summary: "Download this run attempt's record artifacts (or another run's), each checked against its digest",
    workflow: true,
    arguments: [],
    options: {
      dir: { type: 'string', value: '<dir>', required: true, description: 'records go to <dir>/<artifact name>/' },
      'suffix-prefix': {
        type: 'string',
        value: '<text>',
        description: 'only records whose record suffix starts with this (check-: the check-only legs)',
      },
      'skip-suffix-prefix': {
        type: 'string',
        value: '<text>',
        description: 'no record whose record suffix starts with this (check-: all but the check-only legs)',
      },
      'run-id': {
        type: 'string',
        value: '<workflow run id>',
        default: 'this run',
        description: 'another workflow run of the repository whose records to download (for a replay)',
      },
      attempt: { type: 'string', value: '<n>', default: '1', description: 'with --run-id: its attempt' },
    },
    alternatives: [{ options: ['suffix-prefix', 'skip-suffix-prefix'], exclusive: true }],
    environment: {
      ...githubEnvironment,
      GITHUB_RUN_ID: 'this workflow run',
      GITHUB_RUN_ATTEMPT: 'its attempt',
    },
    examples: [
      'github download-records --dir records --suffix-prefix check-',
      'github download-records --dir replay --run-id 123456789 --attempt 2',
    ],
    exitCodes: {
      0: 'downloaded',
      1: 'a GitHub API failure',
      2: USAGE_EXIT,
      3: 'a record did not match the digest GitHub lists (left out; the rest downloaded)',
    },
  },
  demo: {
    summary: 'Release and run an example in a throwaway folder, then show tampering refused',
    arguments: [],
    options: { clean: { type: 'boolean', description: 'remove the demo folder afterwards' } },
    examples: ['demo', 'demo --clean'],
    exitCodes: { 0: 'the demo went as expected', 2: 'a step of the demo did not' },
  },
  help: {
    summary: "Print the usage, or a command's: its arguments, options, examples and exit codes",
    arguments: [
      { name: '<command>', optional: true, variadic: true, description: 'a command, such as run or runs list' },
    ],
    options: {},
    notes: ["'remediate <command> --help' and '-h' print the same."],
    examples: ['help', 'help run', 'help runs list'],
    exitCodes: { 0: 'printed', 2: 'no such command' },
  },
  version: {
    summary: "Print remediate's version (also --version)",
    arguments: [],
    options: {},
    examples: ['version', '--version'],
    exitCodes: { 0: 'printed' },
  },
} as const satisfies Readonly<Record<string, CommandSpec>>;

/** The table's type, with each command's literal options (settings.ts derives typed values from them). */
export type CommandTable = typeof COMMANDS;

/** A command as typed: `run`, `runs list`. */
export type CommandKey = keyof CommandTable;

/** First words that only group subcommands (`runs`, `github`): summaries for their help. */
export const COMMAND_GROUPS: Readonly<Record<string, string>> = {
  runs: 'Run history: list past runs, and show or verify one, local or published on GitHub',
  manifest: 'The signed manifest: show it, or check that a new one only appends',
  dispatch: 'The repository_dispatch payload, as the reusable workflows read it',
  github: 'What the reusable workflows ask of GitHub (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL)',
  targets: 'The targets file (remediations/targets.yml): where each target runs, as the reusable workflows read it',
};

/** Every command key, in table order. */
export const COMMAND_KEYS = Object.keys(COMMANDS) as CommandKey[];

/** The table entry of a command, without its literal types (for rendering and checks). */
export function commandSpec(key: CommandKey): CommandSpec {
  return COMMANDS[key];
}

/** The commands one word below `prefix`: `runs list`, `runs show`, `runs verify` below `runs`. */
export function subcommandsOf(prefix: string): CommandKey[] {
  return COMMAND_KEYS.filter((key) => key.startsWith(`${prefix} `));
}

/** Whether `text` names a command (`runs list`). */
export function isCommandKey(text: string): text is CommandKey {
  return Object.hasOwn(COMMANDS, text);
}
