export const id = 690;
export const ids = [690];
export const modules = {

/***/ 8690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/adapters/process-runner.ts

/** How long to keep reading output after the leader exits (a background child may hold the pipe). */
const DRAIN_AFTER_EXIT_MS = 500;
/**
 * Spawns each step as a process-group leader (`detached`), so the whole tree can be ended: on a
 * timeout or cancellation (SIGTERM, then SIGKILL), and when the step ends (SIGKILL to what is
 * left): a step that forks `sleep 1000 &` cannot outlive it.
 */
class GroupProcessRunner {
    run(request) {
        return new Promise((resolve) => {
            let timedOut = false;
            let aborted = false;
            let exit;
            let killTimer;
            let drainTimer;
            let settled = false;
            const child = (0,external_node_child_process_.spawn)(request.command, [...request.args], {
                cwd: request.cwd,
                env: request.env,
                detached: true,
                stdio: ['ignore', 'pipe', 'pipe'],
            });
            const pid = child.pid;
            const killGroup = (signal) => {
                if (pid === undefined)
                    return false;
                try {
                    process.kill(-pid, signal);
                    return true;
                }
                catch {
                    return false;
                }
            };
            const terminate = () => {
                killGroup('SIGTERM');
                killTimer ??= setTimeout(() => killGroup('SIGKILL'), request.killGraceMs);
            };
            const finish = (result) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timeout);
                clearTimeout(drainTimer);
                request.signal.removeEventListener('abort', onAbort);
                clearTimeout(killTimer);
                // Whatever is left of the step's process group dies with it, however the step ended: a
                // background child must not outlive its step, where it could rewrite what a later step
                // runs or keep acting after the record says the run is over. A deliberate daemon leaves
                // the group with `setsid` (see README).
                killGroup('SIGKILL');
                resolve(result);
            };
            const onAbort = () => {
                aborted = true;
                terminate();
            };
            const timeout = setTimeout(() => {
                timedOut = true;
                terminate();
            }, request.timeoutMs);
            if (request.signal.aborted)
                onAbort();
            else
                request.signal.addEventListener('abort', onAbort, { once: true });
            child.stdout.on('data', request.onStdout);
            child.stderr.on('data', request.onStderr);
            child.on('error', (error) => {
                finish({ exitCode: null, signal: null, timedOut, aborted, spawnError: error.message });
            });
            child.on('exit', (code, signal) => {
                exit = { code, signal };
                drainTimer = setTimeout(() => {
                    child.stdout.destroy();
                    child.stderr.destroy();
                    finish({ exitCode: code, signal, timedOut, aborted });
                }, DRAIN_AFTER_EXIT_MS);
            });
            child.on('close', () => {
                if (exit)
                    finish({ exitCode: exit.code, signal: exit.signal, timedOut, aborted });
            });
        });
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/errors.ts
/** Exit codes shared by every command (README "Exit codes"). */
const ExitCode = {
    ok: 0,
    failed: 1,
    usage: 2,
    refused: 3,
    cancelled: 4,
};
/** Base class: every error the tool raises carries a code and the exit code it maps to. */
class RemediateError extends Error {
}
/** The caller asked for something malformed; fixing the call fixes it. */
class UsageError extends RemediateError {
    name = 'UsageError';
    exitCode = ExitCode.usage;
    code;
    constructor(code, message, options) {
        super(message, options);
        this.code = code;
    }
}
/** An integrity or trust check refused: nothing may run. */
class errors_TrustError extends RemediateError {
    name = 'TrustError';
    exitCode = ExitCode.refused;
    code;
    constructor(code, message, options) {
        super(message, options);
        this.code = code;
    }
}
/** Describes any thrown value, including non-Error values, without losing it. */
function describeError(error) {
    if (error instanceof Error)
        return error.message;
    try {
        return `non-error value thrown: ${JSON.stringify(error)}`;
    }
    catch {
        return `non-error value thrown: ${String(error)}`;
    }
}

;// CONCATENATED MODULE: ./src/core/definition.ts
/** Types of a parsed, validated remediation definition (remediation.yml). */
const STAGES = ['check', 'steps', 'verify', 'rollback'];
/**
 * Longest duration accepted: Node's timers hold at most 2^31-1 ms (about 24.8 days) and fire at
 * once beyond that, which would turn a long timeout into an immediate one.
 */
const MAX_DURATION_MS = 24 * 24 * 3_600_000;
/** Parses a duration like `500ms`, `30s`, `5m`, `2h` into milliseconds (at most 24 days). */
function parseDuration(text) {
    const match = /^([1-9][0-9]{0,6})(ms|s|m|h)$/.exec(text);
    if (!match)
        throw new Error(`expected a duration like 30s or 5m, got '${text}'`);
    const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[match[2]];
    const ms = Number(match[1]) * unit;
    if (ms > MAX_DURATION_MS)
        throw new Error(`expected a duration of at most 576h (24 days), got '${text}'`);
    return ms;
}
/** The environment variable a parameter reaches steps as: PARAM_<NAME>, upper-cased, '-' -> '_'. */
function paramEnvName(input) {
    return `PARAM_${input.toUpperCase().replaceAll('-', '_')}`;
}

;// CONCATENATED MODULE: ./src/core/param-validation.ts


/** Largest accepted parameter value, in UTF-8 bytes, when an input sets no max-length. */
const DEFAULT_MAX_PARAM_BYTES = 4096;
/** Hard ceiling on any one parameter value: keeps env blocks and records small. */
const HARD_MAX_PARAM_BYTES = 65536;
/**
 * Checks one value against its declared input; returns an error message, or undefined when valid.
 * Used both for caller parameters and for a definition's own defaults.
 */
function checkInputValue(spec, value) {
    switch (spec.type) {
        case 'boolean':
            if (typeof value !== 'boolean')
                return `expected a boolean, got ${describe(value)}`;
            break;
        case 'integer':
            if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
                return `expected an integer, got ${describe(value)}`;
            }
            break;
        case 'number':
            if (typeof value !== 'number' || !Number.isFinite(value)) {
                return `expected a number, got ${describe(value)}`;
            }
            break;
        case 'string':
            if (typeof value !== 'string')
                return `expected a string, got ${describe(value)}`;
            break;
    }
    if (typeof value === 'number') {
        if (spec.minimum !== undefined && value < spec.minimum)
            return `expected at least ${spec.minimum}, got ${value}`;
        if (spec.maximum !== undefined && value > spec.maximum)
            return `expected at most ${spec.maximum}, got ${value}`;
    }
    if (typeof value === 'string') {
        // A NUL byte cannot be carried in an environment variable; refusing it stops truncation tricks.
        if (value.includes('\0'))
            return 'expected no NUL bytes in the value';
        const bytes = Buffer.byteLength(value, 'utf8');
        const max = Math.min(spec['max-length'] ?? DEFAULT_MAX_PARAM_BYTES, HARD_MAX_PARAM_BYTES);
        if (bytes > max)
            return `expected at most ${max} bytes, got ${bytes}`;
        if (spec['min-length'] !== undefined && [...value].length < spec['min-length']) {
            return `expected at least ${spec['min-length']} characters, got ${[...value].length}`;
        }
        if (spec.pattern !== undefined && !new RegExp(spec.pattern, 'u').test(value)) {
            return `expected a value matching /${spec.pattern}/, got ${describe(value)}`;
        }
    }
    if (spec.enum !== undefined && !spec.enum.includes(value)) {
        return `expected one of ${spec.enum.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(value)}`;
    }
    return undefined;
}
/**
 * Coerces a command-line `key=value` string to the input's type. JSON parameters keep their
 * JSON type and are not coerced, so `"5"` stays a string and fails an integer input.
 */
function coerceCliValue(spec, text) {
    if (!spec)
        return text;
    switch (spec.type) {
        case 'boolean':
            return text === 'true' ? true : text === 'false' ? false : text;
        case 'integer':
        case 'number':
            return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text) ? Number(text) : text;
        case 'string':
            return text;
    }
}
/**
 * Validates caller parameters against the declared inputs and fills in defaults.
 * Unknown names, wrong types, missing required values and oversized values are refused (exit 2),
 * so a hostile dispatch payload never reaches a step as anything but checked data.
 */
function resolveParams(inputs, given) {
    const problems = [];
    const resolved = {};
    for (const name of Object.keys(given)) {
        if (!Object.hasOwn(inputs, name)) {
            const known = Object.keys(inputs);
            problems.push(`unknown parameter '${printable(name)}'; declared inputs: ${known.length ? known.join(', ') : '(none)'}`);
        }
    }
    for (const [name, spec] of Object.entries(inputs)) {
        // An explicit null is refused rather than read as "not given": a hostile payload must not be
        // able to strip a safe default.
        if (Object.hasOwn(given, name) && given[name] === null) {
            problems.push(`parameter '${name}': expected a ${spec.type}, got null`);
            continue;
        }
        const value = Object.hasOwn(given, name) ? given[name] : spec.default;
        if (value === undefined) {
            if (spec.required)
                problems.push(`missing required parameter '${name}' (${paramEnvName(name)})`);
            continue;
        }
        const problem = checkInputValue(spec, value);
        if (problem)
            problems.push(`parameter '${name}': ${problem}`);
        else
            resolved[name] = value;
    }
    if (problems.length)
        throw new UsageError('INVALID_PARAMS', problems.join('; '));
    return resolved;
}
/** Renders a resolved value as the string its PARAM_ variable carries. */
function paramToEnvValue(value) {
    return typeof value === 'string' ? value : String(value);
}
function describe(value) {
    if (typeof value === 'string')
        return `'${printable(value)}'`;
    if (Array.isArray(value))
        return 'an array';
    if (value === null)
        return 'null';
    if (typeof value === 'object')
        return 'an object';
    return String(value);
}
function printable(text) {
    const shown = JSON.stringify(text).slice(1, -1);
    return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}

;// CONCATENATED MODULE: ./src/core/tree-digest.ts

/** Hex sha256 of bytes. */
function sha256Hex(bytes) {
    return (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
}
/** `sha256:<hex>` of bytes: the form every digest in this project takes. */
function sha256Digest(bytes) {
    return `sha256:${sha256Hex(bytes)}`;
}
/** The listing line of each file, sorted by path bytes: `<mode> <sha256 of content> <path>`. */
function treeListing(files) {
    return [...files]
        .sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)))
        .map((file) => ({ path: file.path, mode: file.mode, sha256: sha256Hex(file.content) }));
}
/**
 * The definition digest (DESIGN.md "Digest"): sha256 over the sorted listing
 * `<mode> <sha256 of content> <path>\n` of every file. Mode is included so a script that loses or
 * gains its executable bit is a different version.
 */
function treeDigest(files) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const line of treeListing(files))
        hash.update(`${line.mode} ${line.sha256} ${line.path}\n`);
    return `sha256:${hash.digest('hex')}`;
}

;// CONCATENATED MODULE: ./src/core/version-ref.ts

// Names become folder names, tag prefixes, env-safe artifact names: keep them boring.
// Refusing `.`/`..`/slashes stops path traversal out of remediations/ (`../x`).
const NAME = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
// semver.org's grammar, with the mandatory `v` prefix.
const SEMVER = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const HOW_TO_PIN = 'pin an exact released version, e.g. restart-service@v1.2.0';
/** Checks a remediation name; refuses traversal and anything unsafe as a path or tag part. */
function assertRemediationName(name) {
    if (!NAME.test(name)) {
        throw new UsageError('INVALID_REFERENCE', `invalid remediation name '${truncate(name)}': expected lower-case letters, digits and '-' (at most 64)`);
    }
    return name;
}
/** Checks an exact semver version with a `v` prefix. */
function assertVersion(version) {
    if (!SEMVER.test(version)) {
        throw new UsageError('INVALID_REFERENCE', `invalid version '${truncate(version)}': expected an exact version like v1.2.0 (${HOW_TO_PIN}); ranges, 'latest', branches and commit SHAs are not accepted`);
    }
    return version;
}
/** Parses `name@vX.Y.Z`; anything floating (latest, ranges, branches, SHAs) is refused. */
function parseVersionRef(text) {
    const at = text.lastIndexOf('@');
    if (at <= 0) {
        throw new UsageError('INVALID_REFERENCE', `invalid reference '${truncate(text)}': expected <name>@v<semver> (${HOW_TO_PIN})`);
    }
    const name = assertRemediationName(text.slice(0, at));
    const version = assertVersion(text.slice(at + 1));
    return { name, version, tag: tagFor(name, version) };
}
/** Builds a reference from separate name and version arguments. */
function makeVersionRef(name, version) {
    assertRemediationName(name);
    assertVersion(version);
    return { name, version, tag: tagFor(name, version) };
}
/** The release tag of a version. */
function tagFor(name, version) {
    return `${name}/${version}`;
}
/** Formats a reference for messages: `name@version`. */
function formatRef(ref) {
    return `${ref.name}@${ref.version}`;
}
function truncate(text) {
    const printable = JSON.stringify(text).slice(1, -1);
    return printable.length > 80 ? `${printable.slice(0, 77)}...` : printable;
}

;// CONCATENATED MODULE: ./src/run/materialize.ts


/**
 * Writes the verified in-memory files into a fresh folder and makes it read-only. Each step gets
 * its own copy, so a step that rewrites a script (even as root, where modes do not stop it)
 * cannot change what a later step runs: the verified bytes run, not the checkout's.
 */
async function materialize(files, target) {
    await (0,promises_.mkdir)(target, { recursive: true, mode: 0o700 });
    const dirs = new Set([target]);
    for (const file of files) {
        const path = (0,external_node_path_.join)(target, file.path);
        const parent = (0,external_node_path_.dirname)(path);
        if (!dirs.has(parent)) {
            await (0,promises_.mkdir)(parent, { recursive: true });
            for (let dir = parent; dir.length > target.length; dir = (0,external_node_path_.dirname)(dir))
                dirs.add(dir);
        }
        await (0,promises_.writeFile)(path, file.content, { flag: 'wx', mode: file.mode === '100755' ? 0o555 : 0o444 });
    }
    for (const dir of [...dirs].sort((a, b) => b.length - a.length))
        await (0,promises_.chmod)(dir, 0o555);
}

;// CONCATENATED MODULE: ./src/run/output-file.ts
/** Most bytes one step may write to $REMEDIATION_OUTPUT: outputs are values, not data sets. */
const MAX_OUTPUT_FILE_BYTES = 1024 * 1024;
const KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,99}$/;
/**
 * Parses a $REMEDIATION_OUTPUT file in GitHub's format: `key=value` lines, and multi-line values as
 * `key<<DELIMITER` ... `DELIMITER`. A step only ever writes its own outputs here; nothing in this
 * file reaches the job's environment or outputs except declared outputs, as data.
 */
function parseOutputFile(bytes) {
    if (bytes.byteLength > MAX_OUTPUT_FILE_BYTES) {
        return { ok: false, problem: `output file is ${bytes.byteLength} bytes; at most ${MAX_OUTPUT_FILE_BYTES}` };
    }
    const lines = bytes.toString('utf8').split('\n');
    if (lines.at(-1) === '')
        lines.pop();
    const outputs = {};
    for (let i = 0; i < lines.length; i++) {
        const line = (lines[i] ?? '').replace(/\r$/, '');
        if (line === '')
            continue;
        const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
        if (heredoc && !line.includes('=')) {
            const [, key = '', delimiter = ''] = heredoc;
            const end = lines.findIndex((l, j) => j > i && l.replace(/\r$/, '') === delimiter);
            if (end < 0)
                return { ok: false, problem: `output '${key}': no closing delimiter line` };
            if (!KEY.test(key))
                return { ok: false, problem: `invalid output name '${key.slice(0, 100)}'` };
            outputs[key] = lines
                .slice(i + 1, end)
                .map((l) => l.replace(/\r$/, ''))
                .join('\n');
            i = end;
            continue;
        }
        const eq = line.indexOf('=');
        if (eq <= 0)
            return { ok: false, problem: `line ${i + 1}: expected key=value or key<<DELIMITER` };
        const key = line.slice(0, eq);
        if (!KEY.test(key))
            return { ok: false, problem: `invalid output name '${key.slice(0, 100)}'` };
        outputs[key] = line.slice(eq + 1);
    }
    return { ok: true, outputs };
}
/** The environment variable a step output reaches later steps as: STEP_<ID>_<KEY>. */
function outputEnvName(stepId, key) {
    return `STEP_${stepId}_${key}`.toUpperCase().replaceAll('-', '_');
}

;// CONCATENATED MODULE: ./src/run/step-environment.ts



/** Caller variables passed through to every step: the minimal base, nothing else. */
const BASE_VARIABLES = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'TZ', 'USER', 'LOGNAME'];
/** Runner variables passed through when present, so steps can find the workspace on GitHub. */
const RUNNER_VARIABLES = [
    'GITHUB_WORKSPACE',
    'RUNNER_TEMP',
    'RUNNER_OS',
    'RUNNER_ARCH',
    'GITHUB_REPOSITORY',
    'GITHUB_RUN_ID',
    'GITHUB_RUN_ATTEMPT',
    'CI',
];
/**
 * Builds a step's environment instead of inheriting the caller's: the base variables, the
 * definition's and step's env, then parameters, earlier outputs and declared secrets. Anything
 * else in the caller's environment (tokens, cloud credentials) never reaches a step, and the
 * reserved names (PARAM_*, STEP_*, REMEDIATION_*) are set last so a definition cannot shadow them.
 */
function buildStepEnvironment(callerEnv, definition, step, params, secrets, priorOutputs, paths, run) {
    const env = {};
    for (const key of [...BASE_VARIABLES, ...RUNNER_VARIABLES]) {
        const value = callerEnv[key];
        if (value !== undefined)
            env[key] = value;
    }
    env.PATH ??= '/usr/local/bin:/usr/bin:/bin';
    env.LANG ??= 'C.UTF-8';
    Object.assign(env, definition.env, step.env ?? {});
    for (const [name, value] of Object.entries(params))
        env[paramEnvName(name)] = paramToEnvValue(value);
    Object.assign(env, priorOutputs);
    Object.assign(env, secrets);
    env.REMEDIATION_NAME = run.name;
    env.REMEDIATION_VERSION = run.version;
    env.REMEDIATION_RUN_ID = run.runId;
    env.REMEDIATION_STAGE = run.stage;
    env.REMEDIATION_STEP = step.id;
    env.REMEDIATION_DIR = paths.definitionDir;
    env.REMEDIATION_WORKSPACE = paths.workspace;
    env.REMEDIATION_OUTPUT = paths.outputFile;
    return env;
}
/** Environment variable holding a JSON object of secrets, as the reusable workflows pass them. */
const SECRETS_BUNDLE_VARIABLE = 'REMEDIATION_SECRETS';
/**
 * Picks the declared secrets out of the caller's environment, falling back to the JSON object in
 * REMEDIATION_SECRETS (one GitHub secret holding several, which is how a reusable workflow can
 * pass secrets whose names it does not know). The bundle itself never reaches a step: the step
 * environment is built from an allow-list. `masked` lists every value to mask, declared or not.
 */
function collectSecrets(declared, callerEnv) {
    const bundle = parseSecretsBundle(callerEnv[SECRETS_BUNDLE_VARIABLE]);
    const secrets = {};
    const missing = [];
    for (const name of declared) {
        const value = callerEnv[name] || bundle[name];
        if (value === undefined || value === '')
            missing.push(name);
        else
            secrets[name] = value;
    }
    const masked = [...new Set([...Object.values(secrets), ...Object.values(bundle)].filter((v) => v !== ''))];
    return { secrets, missing, masked };
}
function parseSecretsBundle(text) {
    if (text === undefined || text.trim() === '')
        return {};
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new UsageError('MISSING_SECRET', `${SECRETS_BUNDLE_VARIABLE} must be a JSON object of secret names to string values`, { cause: error });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new UsageError('MISSING_SECRET', `${SECRETS_BUNDLE_VARIABLE} must be a JSON object of secret names to string values`);
    }
    const bundle = {};
    for (const [name, item] of Object.entries(value)) {
        // A number or object would be stringified unpredictably and escape redaction of its parts.
        if (typeof item !== 'string')
            throw new UsageError('MISSING_SECRET', `${SECRETS_BUNDLE_VARIABLE}.${name.slice(0, 60)}: expected a string value`);
        bundle[name] = item;
    }
    return bundle;
}

;// CONCATENATED MODULE: ./src/run/workspace.ts


/** Removes a scratch folder, first making its read-only copies writable so removal works for non-root users. */
async function removeTree(dir) {
    const unlock = async (path) => {
        await (0,promises_.chmod)(path, 0o700).catch(() => undefined);
        const entries = await (0,promises_.readdir)(path, { withFileTypes: true }).catch(() => []);
        for (const entry of entries)
            if (entry.isDirectory())
                await unlock((0,external_node_path_.join)(path, entry.name));
    };
    await unlock(dir);
    await (0,promises_.rm)(dir, { recursive: true, force: true });
}

;// CONCATENATED MODULE: ./src/run/executor.ts








/** Time limit of one step attempt when the step sets none. */
const DEFAULT_STEP_TIMEOUT = '15m';
/** Time limit of a whole run when the definition sets none. */
const DEFAULT_RUN_TIMEOUT = '1h';
/**
 * Runs a verified plan: check -> steps -> verify, rollback when steps or verify fail. Records every
 * step in the recorder as it goes and returns the final status. Never throws for a step's failure;
 * the caller records anything thrown as `crashed`.
 */
async function executePlan(plan, recorder, deps) {
    const runTimeoutMs = parseDuration(plan.definition.timeout ?? DEFAULT_RUN_TIMEOUT);
    const runTimeout = new AbortController();
    const timer = setTimeout(() => runTimeout.abort(), runTimeoutMs);
    const stop = AbortSignal.any([deps.cancel, runTimeout.signal]);
    const stopReason = () => (runTimeout.signal.aborted && !deps.cancel.aborted ? 'timed-out' : 'cancelled');
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)(deps.scratchRoot, 'remediate-run-'));
    const workspace = (0,external_node_path_.join)(scratch, 'workspace');
    await (0,promises_.mkdir)(workspace, { mode: 0o700 });
    await (0,promises_.mkdir)((0,external_node_path_.join)(scratch, 'outputs'), { mode: 0o700 });
    const outputs = {};
    const byStep = new Map();
    let sequence = 0;
    const copies = [];
    const runStage = async (stage, step) => {
        const record = {
            stage,
            id: step.id,
            ...(step.name !== undefined ? { name: step.name } : {}),
            started: deps.clock().toISOString(),
            ended: '',
            durationMs: 0,
            attempts: 0,
            exitCode: null,
            signal: null,
            outcome: 'failed',
            continueOnError: step['continue-on-error'] ?? false,
            outputs: {},
            log: { start: recorder.offset, end: recorder.offset },
        };
        recorder.snapshot.steps.push(record);
        const startedAt = deps.clock().getTime();
        const maxAttempts = 1 + (step.retries ?? 0);
        let result;
        let stepOutputs = {};
        try {
            for (let attempt = 1; attempt <= maxAttempts && !stop.aborted; attempt++) {
                record.attempts = attempt;
                const n = ++sequence;
                // A fresh copy under an unpredictable name, made after the previous step's process group
                // is gone: nothing a step leaves behind can have prepared (or can find) the next copy.
                const definitionDir = (0,external_node_path_.join)(await (0,promises_.mkdtemp)((0,external_node_path_.join)(deps.scratchRoot, 'remediate-definition-')), 'files');
                copies.push((0,external_node_path_.dirname)(definitionDir));
                await materialize(plan.files, definitionDir);
                const outputFile = (0,external_node_path_.join)(scratch, 'outputs', `${n}.out`);
                await (0,promises_.writeFile)(outputFile, '', { mode: 0o600 });
                const cwd = (0,external_node_path_.join)(workspace, step['working-directory'] ?? '');
                await (0,promises_.mkdir)(cwd, { recursive: true });
                const env = buildStepEnvironment(deps.callerEnv, plan.definition, step, plan.params, plan.secrets, outputs, { definitionDir, workspace, outputFile }, { name: plan.name, version: plan.version, runId: plan.runId, stage });
                recorder.marker(`==> ${stage}/${step.id} attempt ${attempt}/${maxAttempts}`);
                if (step.name)
                    recorder.line(`    ${step.name}`);
                const timeoutMs = parseDuration(step.timeout ?? DEFAULT_STEP_TIMEOUT);
                result = await deps.runner.run({
                    command: step.shell === 'sh' ? 'sh' : 'bash',
                    args: shellArgs(step),
                    cwd,
                    env,
                    timeoutMs,
                    killGraceMs: deps.killGraceMs,
                    signal: stop,
                    onStdout: (chunk) => recorder.stdout(chunk),
                    onStderr: (chunk) => recorder.stderr(chunk),
                });
                recorder.endStreams();
                const outcome = outcomeOf(stage, result);
                if (result.spawnError)
                    recorder.line(`!! ${stage}/${step.id} could not start: ${result.spawnError}`);
                recorder.marker(`<== ${stage}/${step.id} ${describeResult(result, timeoutMs)} (${outcome})`);
                // Outputs of a failed attempt are kept too: rollback may need what the step managed to note.
                const parsed = parseOutputFile(await (0,promises_.readFile)(outputFile));
                if (parsed.ok)
                    stepOutputs = withoutSecretNames(parsed.outputs, recorder, `${stage}/${step.id}`);
                else
                    recorder.line(`!! ${stage}/${step.id}: outputs ignored: ${parsed.problem}`);
                if (outcome === 'succeeded' || outcome === 'drift')
                    break;
                if (attempt < maxAttempts && !stop.aborted) {
                    const delay = Math.min(deps.retryBackoffMs * 2 ** (attempt - 1), 30_000);
                    recorder.line(`.. retrying ${stage}/${step.id} in ${delay} ms`);
                    recorder.flush();
                    await sleep(delay, stop);
                }
            }
        }
        catch (error) {
            // The engine failed around the step (say, its working directory could not be made): the
            // step is recorded as failed with the reason, and the run as crashed by the caller.
            record.error = recorder.redact(describeError(error));
            throw error;
        }
        finally {
            const final = result ?? { exitCode: null, signal: null, timedOut: false, aborted: stop.aborted };
            record.exitCode = final.exitCode;
            record.signal = final.signal;
            record.outcome = result || stop.aborted ? outcomeOf(stage, final) : 'failed';
            if (final.spawnError)
                record.error = recorder.redact(final.spawnError);
            record.outputs = { ...stepOutputs };
            byStep.set(step.id, stepOutputs);
            for (const [key, value] of Object.entries(stepOutputs))
                outputs[outputEnvName(step.id, key)] = value;
            record.ended = deps.clock().toISOString();
            record.durationMs = Math.max(0, deps.clock().getTime() - startedAt);
            recorder.flush();
            record.log = { start: record.log.start, end: recorder.offset };
            recorder.save();
        }
        return record;
    };
    let status;
    try {
        status = await runStages(plan, recorder, runStage, () => (stop.aborted ? stopReason() : undefined));
    }
    finally {
        clearTimeout(timer);
        await removeTree(scratch);
        for (const copy of copies)
            await removeTree(copy);
    }
    for (const [name, spec] of Object.entries(plan.definition.outputs)) {
        const value = byStep.get(spec.step)?.[spec.key];
        if (value !== undefined)
            recorder.snapshot.outputs[name] = value;
    }
    return status;
}
async function runStages(plan, recorder, runStep, stopped) {
    const { definition } = plan;
    const snapshot = recorder.snapshot;
    // check: 0 = healthy, 1 = remediation needed, anything else = the check itself failed.
    if (definition.check.length === 0) {
        snapshot.check = 'none';
    }
    else {
        let drift = false;
        for (const step of definition.check) {
            const record = await runStep('check', step);
            if (stopped())
                return stopped();
            if (record.outcome === 'drift') {
                drift = true;
                break;
            }
            if (record.outcome !== 'succeeded') {
                snapshot.check = 'error';
                snapshot.error = { code: 'CHECK_FAILED', message: `check step '${step.id}' failed: ${describeRecord(record)}` };
                recorder.line(`check failed; nothing was changed`);
                return record.outcome === 'timed-out' ? 'timed-out' : 'failed';
            }
        }
        if (!drift && !plan.force) {
            snapshot.check = 'healthy';
            recorder.line('check: healthy; no remediation needed');
            return 'healthy';
        }
        snapshot.check = drift ? 'drift' : 'forced';
        recorder.line(drift ? 'check: remediation needed' : 'check: healthy, but --force given; remediating anyway');
    }
    let failure;
    for (const stage of ['steps', 'verify']) {
        for (const step of definition[stage]) {
            const record = await runStep(stage, step);
            if (stopped())
                break;
            if (record.outcome !== 'succeeded' && !record.continueOnError) {
                failure = record;
                break;
            }
        }
        if (failure || stopped())
            break;
    }
    // On cancellation the runner gives us seconds, not minutes: record and stop, no rollback.
    const stop = stopped();
    if (stop) {
        snapshot.rollback = 'none';
        recorder.line(`run ${stop}; remaining steps skipped`);
        return stop;
    }
    if (!failure) {
        snapshot.rollback = 'not-needed';
        return 'succeeded';
    }
    snapshot.error = {
        code: failure.stage === 'verify' ? 'VERIFY_FAILED' : 'STEP_FAILED',
        message: `${failure.stage} step '${failure.id}' ${describeRecord(failure)}`,
    };
    if (definition.rollback.length === 0) {
        snapshot.rollback = 'none';
    }
    else {
        recorder.line('rolling back');
        let rolledBack = true;
        for (const step of definition.rollback) {
            const record = await runStep('rollback', step);
            if (stopped())
                return stopped();
            if (record.outcome !== 'succeeded')
                rolledBack = false;
        }
        snapshot.rollback = rolledBack ? 'succeeded' : 'failed';
    }
    return failure.outcome === 'timed-out' ? 'timed-out' : 'failed';
}
// An output *name* that contains a secret would leak it into env names and the record's keys;
// values are redacted, names are dropped (with a note in the log).
function withoutSecretNames(outputs, recorder, where) {
    const kept = {};
    for (const [key, value] of Object.entries(outputs)) {
        if (recorder.redact(key) === key)
            kept[key] = value;
        else
            recorder.line(`!! ${where}: output '${recorder.redact(key)}' dropped: its name contains a secret`);
    }
    return kept;
}
function shellArgs(step) {
    // The script text comes from the verified definition; parameters are only ever in the env.
    return step.shell === 'sh'
        ? ['-e', '-u', '-c', step.run, `remediation:${step.id}`]
        : ['--noprofile', '--norc', '-e', '-u', '-o', 'pipefail', '-c', step.run, `remediation:${step.id}`];
}
function outcomeOf(stage, result) {
    if (result.aborted)
        return 'cancelled';
    if (result.timedOut)
        return 'timed-out';
    if (result.exitCode === 0)
        return 'succeeded';
    if (stage === 'check' && result.exitCode === 1)
        return 'drift';
    return 'failed';
}
function describeResult(result, timeoutMs) {
    if (result.spawnError)
        return 'could not start';
    if (result.timedOut)
        return `timed out after ${timeoutMs} ms; process group killed`;
    if (result.aborted)
        return 'stopped; process group killed';
    return result.signal ? `killed by ${result.signal}` : `exit ${result.exitCode}`;
}
function describeRecord(record) {
    if (record.outcome === 'timed-out')
        return 'timed out';
    if (record.error)
        return `could not start: ${record.error}`;
    return record.signal ? `was killed by ${record.signal}` : `exited ${record.exitCode}`;
}
function sleep(ms, signal) {
    return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        }
        signal.addEventListener('abort', done, { once: true });
    });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/record/record-files.ts
// Reading a run record folder: the only I/O of verification. Everything it returns is checked by
// the pure verifier (record-verifier.ts), so this file trusts nothing it reads.



/** What ran and why, written by the executor. */
const SNAPSHOT_FILE = 'snapshot.json';
/** The redacted, human-readable log. */
const LOG_FILE = 'run.log';
/** The hash chain over run.log (format in log-chain.ts). */
const CHAIN_FILE = 'run.log.chain';
/** Reads snapshot.json, run.log and run.log.chain from a record folder. */
async function readRecord(dir) {
    const [snapshot, log, chain] = await Promise.all([
        readRecordFile(dir, SNAPSHOT_FILE),
        readRecordFile(dir, LOG_FILE),
        readRecordFile(dir, CHAIN_FILE),
    ]);
    return { snapshot, log, chain: chain.toString('utf8') };
}
async function readRecordFile(dir, name) {
    const path = (0,external_node_path_.join)(dir, name);
    try {
        return await (0,promises_.readFile)(path);
    }
    catch (error) {
        if (error.code === 'ENOENT') {
            throw new UsageError('NOT_FOUND', `${path} not found: pass the folder of a run record (it holds ${SNAPSHOT_FILE}, ${LOG_FILE} and ${CHAIN_FILE})`, { cause: error });
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/record/log-chain.ts
// Tamper-evident run log: the log bytes plus a hash chain over consecutive blocks of them.
//
// Format (a stable contract: change it only with a version bump):
//   The record folder holds `run.log`, the human-readable log bytes (already redacted), and
//   `run.log.chain`, JSON Lines with one line per block of run.log, in order:
//     {"i":<index from 0>,"start":<byte offset>,"end":<byte offset, exclusive>,"sha256":"<hex>","chain":"<hex>"}
//   - `sha256` is the lower-case hex SHA-256 of run.log bytes [start, end).
//   - `chain` = lower-case hex SHA-256 of the UTF-8 string
//       prevChain + "\n" + i + "\n" + start + "\n" + end + "\n" + sha256
//     (numbers in decimal), where prevChain is the previous line's `chain`, and GENESIS (64 zeros)
//     for i = 0.
//   - Blocks are contiguous and non-empty: block 0 starts at 0, block i+1 starts where block i ends.
//   - Every line ends with "\n". The `chain` of the last line is the head; an empty log has no
//     lines and head GENESIS.
//   - The writer appends a block's log bytes first and its chain line second, so a writer killed at
//     any moment leaves a valid prefix: complete lines covering a prefix of run.log, then possibly
//     unchained log bytes and a partial last line.
//
// The chain is not keyed: whoever can rewrite both files can recompute it. It detects edits when
// the head (and byte count) are compared against a value kept elsewhere, i.e. snapshot.json, whose
// digest is published in the job summary.






/** The `prevChain` of block 0, and the head of an empty log. */
const GENESIS = '0'.repeat(64);
/** Buffered log bytes that force a block to be cut: bounds memory and the loss on a crash. */
const BLOCK_BYTES = 64 * 1024;
/** Hex SHA-256 of bytes. */
function log_chain_sha256Hex(bytes) {
    return (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
}
/** Computes a block's `chain` value from the previous one. */
function chainLink(prevChain, i, start, end, sha256) {
    return log_chain_sha256Hex(`${prevChain}\n${i}\n${start}\n${end}\n${sha256}`);
}
/** Describes a byte range the way people read it: inclusive at both ends. */
function describeRange(range) {
    return range.end - range.start <= 1 ? `byte ${range.start}` : `bytes ${range.start}-${range.end - 1}`;
}
/**
 * Appends redacted log bytes to run.log and a chain line per block to run.log.chain. All writes
 * are synchronous so a block is on disk (in the page cache) when flush() returns, a SIGKILL leaves
 * a valid prefix, and a signal handler can flush. Memory is one block buffer.
 */
class ChainedLogWriter {
    #logFd;
    #chainFd;
    #buffer = Buffer.allocUnsafe(BLOCK_BYTES);
    #buffered = 0;
    #bytes = 0;
    #blocks = 0;
    #head = GENESIS;
    #closed = false;
    /** Set once a write failed: the files may be out of step, so nothing more is appended. */
    #failed = false;
    #failure;
    constructor(logFd, chainFd) {
        this.#logFd = logFd;
        this.#chainFd = chainFd;
    }
    /** Creates run.log and run.log.chain in `dir`; refuses if either exists, never overwriting a record. */
    static async open(dir) {
        await (0,promises_.mkdir)(dir, { recursive: true });
        const logPath = (0,external_node_path_.join)(dir, LOG_FILE);
        // Exclusive create ('wx'): an existing record is evidence and is never appended to or replaced.
        const logFd = openExclusive(logPath);
        let chainFd;
        try {
            chainFd = openExclusive((0,external_node_path_.join)(dir, CHAIN_FILE));
        }
        catch (error) {
            (0,external_node_fs_.closeSync)(logFd);
            (0,external_node_fs_.unlinkSync)(logPath);
            throw error;
        }
        return new ChainedLogWriter(logFd, chainFd);
    }
    /** Buffers log bytes; cuts a block each time BLOCK_BYTES are buffered. */
    write(bytes) {
        this.#assertWritable();
        let offset = 0;
        while (offset < bytes.length) {
            const count = Math.min(bytes.length - offset, BLOCK_BYTES - this.#buffered);
            this.#buffer.set(bytes.subarray(offset, offset + count), this.#buffered);
            this.#buffered += count;
            offset += count;
            if (this.#buffered === BLOCK_BYTES)
                this.#cutBlock();
        }
    }
    /** Cuts a block of whatever is buffered (nothing if empty); call at step boundaries and on a timer. */
    flush() {
        this.#assertWritable();
        if (this.#buffered > 0)
            this.#cutBlock();
    }
    /** The summary so far: what is chained on disk now. */
    get summary() {
        return { head: this.#head, bytes: this.#bytes, blocks: this.#blocks };
    }
    /** Flushes, fsyncs and closes both files; returns the head, byte count and block count. */
    async close() {
        try {
            this.flush();
            // Durable at the end of the run; per-block fsync would cost far more than the hashing.
            (0,external_node_fs_.fsyncSync)(this.#logFd);
            (0,external_node_fs_.fsyncSync)(this.#chainFd);
        }
        finally {
            if (!this.#closed) {
                this.#closed = true;
                (0,external_node_fs_.closeSync)(this.#logFd);
                (0,external_node_fs_.closeSync)(this.#chainFd);
            }
        }
        return this.summary;
    }
    #assertWritable() {
        if (this.#failed) {
            throw new Error('log writer failed earlier; the record is incomplete', { cause: this.#failure });
        }
        if (this.#closed)
            throw new Error('log writer is closed');
    }
    #cutBlock() {
        const block = this.#buffer.subarray(0, this.#buffered);
        const start = this.#bytes;
        const end = start + block.length;
        const i = this.#blocks;
        const sha256 = log_chain_sha256Hex(block);
        const chain = chainLink(this.#head, i, start, end, sha256);
        const line = `${JSON.stringify({ i, start, end, sha256, chain })}\n`;
        try {
            // Log bytes first, chain line second: a crash in between leaves unchained bytes, never a
            // chain line that points past the end of the log.
            writeFully(this.#logFd, block);
            writeFully(this.#chainFd, Buffer.from(line, 'utf8'));
        }
        catch (error) {
            this.#failed = true;
            this.#failure = error;
            throw error;
        }
        this.#buffered = 0;
        this.#bytes = end;
        this.#blocks = i + 1;
        this.#head = chain;
    }
}
function openExclusive(path) {
    try {
        return (0,external_node_fs_.openSync)(path, 'wx', 0o600);
    }
    catch (error) {
        if (error.code === 'EEXIST') {
            throw new UsageError('FILE_EXISTS', `${path} already exists: write each run record to a new folder`, {
                cause: error,
            });
        }
        throw error;
    }
}
function writeFully(fd, bytes) {
    let offset = 0;
    while (offset < bytes.length)
        offset += (0,external_node_fs_.writeSync)(fd, bytes, offset, bytes.length - offset);
}
const HEX64 = /^[0-9a-f]{64}$/;
/** The keys of a chain line, sorted. */
const BLOCK_KEYS = 'chain,end,i,sha256,start';
/** Parses one chain line; undefined when it is not exactly a block record. */
function parseBlock(line) {
    let value;
    try {
        value = JSON.parse(line);
    }
    catch {
        return undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return undefined;
    const record = value;
    if (Object.keys(record).sort().join(',') !== BLOCK_KEYS)
        return undefined;
    const { i, start, end, sha256, chain } = record;
    const isOffset = (n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
    if (!isOffset(i) || !isOffset(start) || !isOffset(end))
        return undefined;
    if (typeof sha256 !== 'string' || !HEX64.test(sha256) || typeof chain !== 'string' || !HEX64.test(chain)) {
        return undefined;
    }
    return { i, start, end, sha256, chain };
}
/**
 * Verifies run.log against run.log.chain. Pure. Reports the first problem in log order.
 * Without `expected`, an interrupted writer's valid prefix (unchained trailing bytes, a partial
 * last line) is accepted as incomplete; with it, the chain must cover the whole log and match.
 */
function verifyLogChain(log, chainText, expected) {
    const lines = chainText.split('\n');
    // The text after the last "\n": empty for a well-formed file, else a line the writer never finished.
    const partial = lines.pop() ?? '';
    const partialLine = partial.length > 0;
    const claimedEnd = Math.max(lastClaimedEnd(lines), expected?.bytes ?? 0);
    let head = GENESIS;
    let offset = 0;
    for (let k = 0; k < lines.length; k++) {
        const where = `${CHAIN_FILE} line ${k + 1}`;
        const block = parseBlock(lines[k]);
        // A forged or mangled line cannot be trusted for anything after it.
        if (block === undefined)
            return fail(`${where} is not a valid block record`);
        // A gap means log bytes were left out of the chain (a line removed, or blocks reordered).
        if (block.start > offset) {
            return fail(`${describeRange({ start: offset, end: block.start })} of ${LOG_FILE} are not covered by ${CHAIN_FILE} (${where} starts at ${block.start}, expected ${offset}): a chain line was removed or reordered`, { start: offset, end: block.start });
        }
        // An overlap would let the same bytes be counted twice, hiding a replaced block.
        if (block.start < offset) {
            return fail(`${where} starts at byte ${block.start}, expected ${offset}: chain lines were duplicated or reordered`, { start: block.start, end: Math.max(offset, block.start + 1) });
        }
        // Indexes bind each line to its position, so lines cannot be dropped and renumbered silently.
        if (block.i !== k) {
            return fail(`${where} has block index ${block.i}, expected ${k}: chain lines were removed or reordered`, {
                start: block.start,
                end: Math.max(block.end, block.start + 1),
            });
        }
        if (block.end <= block.start)
            return fail(`${where} describes an empty block (${block.start}-${block.end})`);
        // A log shorter than the chain says was truncated; everything from its end is missing.
        if (block.end > log.length) {
            const missing = { start: log.length, end: Math.max(claimedEnd, block.end) };
            return fail(`${LOG_FILE} is truncated: ${describeRange(missing)} are missing`, missing);
        }
        const range = { start: block.start, end: block.end };
        // The block hash pins every byte of the block: any edit, insertion or deletion changes it.
        if (log_chain_sha256Hex(log.subarray(block.start, block.end)) !== block.sha256) {
            return fail(`${describeRange(range)} of ${LOG_FILE} were altered (block ${k} does not match its hash)`, range);
        }
        // The link pins the line to all earlier lines, so an edited chain line shows here.
        const link = chainLink(head, block.i, block.start, block.end, block.sha256);
        if (link !== block.chain) {
            return fail(`${where} breaks the chain (expected chain ${link}, got ${block.chain}): ${CHAIN_FILE} was edited`, range);
        }
        head = link;
        offset = block.end;
    }
    const unchainedBytes = log.length - offset;
    if (expected !== undefined) {
        // With a recorded summary, anything not covered is an addition or a truncation, not a crash.
        if (partialLine)
            return fail(`${CHAIN_FILE} ends with a partial line after line ${lines.length}`);
        if (expected.bytes !== undefined && expected.bytes !== offset) {
            const range = { start: Math.min(offset, expected.bytes), end: Math.max(offset, expected.bytes) };
            return fail(`${CHAIN_FILE} covers ${offset} bytes, expected ${expected.bytes}`, range);
        }
        if (unchainedBytes > 0) {
            return fail(`${describeRange({ start: offset, end: log.length })} of ${LOG_FILE} are not covered by ${CHAIN_FILE}`, { start: offset, end: log.length });
        }
        // Matching head proves the whole chain is the one recorded, not a consistent rewrite.
        if (expected.head !== undefined && expected.head !== head) {
            return fail(`${CHAIN_FILE} head is ${head}, expected ${expected.head}: the log and chain were rewritten`);
        }
    }
    return {
        ok: true,
        complete: unchainedBytes === 0 && !partialLine,
        blocks: lines.length,
        bytes: offset,
        head,
        unchainedBytes,
        partialLine,
    };
}
function fail(problem, range) {
    return range === undefined ? { ok: false, problem } : { ok: false, problem, range };
}
/** The end offset the chain claims overall, for reporting how much of a truncated log is missing. */
function lastClaimedEnd(lines) {
    const last = lines.at(-1);
    return last === undefined ? 0 : (parseBlock(last)?.end ?? 0);
}

;// CONCATENATED MODULE: ./src/record/record-verifier.ts
// Verifies a run record (snapshot.json + run.log + run.log.chain). Pure: readRecord does the I/O.
//
// What it relies on in snapshot.json (written by the executor):
//   status: string                       final status of the run
//   log: { file: "run.log", bytes, blocks, head, complete? }
//                                        the ChainedLogWriter summary; absent, or complete: false,
//                                        when the run was killed before finishing (only the log's
//                                        valid prefix is then verified, and the record is incomplete)
//   steps[]: { log?: { start, end } }    each step's byte range of run.log, in execution order
// The snapshot's own digest is not inside it: snapshotDigest() is printed by the executor (job
// summary) and passed back in to pin the snapshot, which in turn pins the log through log.head.




const DIGEST = /^sha256:[0-9a-f]{64}$/;
const record_verifier_HEX64 = /^[0-9a-f]{64}$/;
/** `sha256:<hex>` of the exact snapshot.json bytes: the value that pins a record. */
function snapshotDigest(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
/** Verifies a run record; returns the first problem, or what was verified. Pure. */
function verifyRecord(files, options = {}) {
    const digest = snapshotDigest(files.snapshot);
    if (options.snapshotDigest !== undefined) {
        const expected = options.snapshotDigest.toLowerCase();
        if (!DIGEST.test(expected)) {
            throw new UsageError('USAGE', `invalid snapshot digest '${options.snapshotDigest.slice(0, 80)}': expected sha256:<64 hex digits> as printed by the run`);
        }
        // Pinning the snapshot stops a consistent rewrite of snapshot, log and chain together.
        if (digest !== expected)
            return problem(`${SNAPSHOT_FILE} digest is ${digest}, expected ${expected}`);
    }
    let snapshot;
    try {
        snapshot = JSON.parse(files.snapshot.toString('utf8'));
    }
    catch {
        return problem(`${SNAPSHOT_FILE} is not valid JSON`);
    }
    if (!isObject(snapshot))
        return problem(`${SNAPSHOT_FILE} is not a JSON object`);
    // A record without a status cannot say whether the remediation worked.
    if (typeof snapshot['status'] !== 'string' || snapshot['status'].length === 0) {
        return fieldProblem('status', `expected a status string, got ${record_verifier_describe(snapshot['status'])}`);
    }
    const status = snapshot['status'];
    const recorded = readLogSummary(snapshot['log']);
    if ('problem' in recorded)
        return recorded;
    const chain = verifyLogChain(files.log, files.chain);
    if (!chain.ok)
        return problem(chain.problem, chain.range);
    if (recorded.summary !== undefined) {
        const { bytes, blocks, head } = recorded.summary;
        // A finished run's chain must end exactly where the snapshot says: no lines dropped or added.
        if (chain.partialLine)
            return problem(`${CHAIN_FILE} ends with a partial line, but the run finished`);
        if (chain.bytes !== bytes) {
            const range = { start: Math.min(chain.bytes, bytes), end: Math.max(chain.bytes, bytes) };
            const what = chain.bytes < bytes
                ? `${describeRange(range)} of ${LOG_FILE} are missing from ${CHAIN_FILE} (truncated or lines removed)`
                : `${describeRange(range)} of ${LOG_FILE} were appended after the run`;
            return fieldProblem('log.bytes', `expected ${chain.bytes}, got ${bytes}: ${what}`, range);
        }
        // Bytes after the recorded end were added after the run finished.
        if (chain.unchainedBytes > 0) {
            const range = { start: chain.bytes, end: files.log.length };
            return problem(`${describeRange(range)} of ${LOG_FILE} are not covered by ${CHAIN_FILE}`, range);
        }
        // The head pins the whole chain: a log rewritten with a freshly computed chain differs here.
        if (chain.head !== head) {
            return fieldProblem('log.head', `expected ${chain.head}, got ${head}: ${LOG_FILE} and ${CHAIN_FILE} do not match the snapshot`);
        }
        if (chain.blocks !== blocks)
            return fieldProblem('log.blocks', `expected ${chain.blocks}, got ${blocks}`);
    }
    const steps = checkSteps(snapshot['steps'], chain.bytes);
    if (typeof steps !== 'number')
        return steps;
    return {
        ok: true,
        complete: recorded.summary !== undefined && chain.complete,
        status,
        snapshotDigest: digest,
        log: { bytes: chain.bytes, blocks: chain.blocks, head: chain.head, unchainedBytes: chain.unchainedBytes },
        steps,
    };
}
/** Like verifyRecord, but throws TrustError('RECORD_TAMPERED') naming the first problem. */
function assertRecordIntact(files, options = {}) {
    const result = verifyRecord(files, options);
    if (!result.ok)
        throw new TrustError('RECORD_TAMPERED', `run record failed verification: ${result.problem}`);
    return result;
}
/** Reads snapshot.log; `summary` is undefined when the run did not finish its log. */
function readLogSummary(value) {
    if (value === undefined)
        return { summary: undefined };
    if (!isObject(value))
        return fieldProblem('log', `expected an object, got ${record_verifier_describe(value)}`);
    const complete = value['complete'];
    if (complete !== undefined && typeof complete !== 'boolean') {
        return fieldProblem('log.complete', `expected a boolean, got ${record_verifier_describe(complete)}`);
    }
    if (complete === false)
        return { summary: undefined };
    // Only run.log is chained; a snapshot pointing elsewhere would vouch for an unverified file.
    if (value['file'] !== LOG_FILE)
        return fieldProblem('log.file', `expected '${LOG_FILE}', got ${record_verifier_describe(value['file'])}`);
    const { bytes, blocks, head } = value;
    if (!isCount(bytes))
        return fieldProblem('log.bytes', `expected a byte count, got ${record_verifier_describe(bytes)}`);
    if (!isCount(blocks))
        return fieldProblem('log.blocks', `expected a block count, got ${record_verifier_describe(blocks)}`);
    if (typeof head !== 'string' || !record_verifier_HEX64.test(head)) {
        return fieldProblem('log.head', `expected 64 lower-case hex digits, got ${record_verifier_describe(head)}`);
    }
    return { summary: { bytes, blocks, head } };
}
/** Checks each step's log range lies in the verified log, in order; returns the step count. */
function checkSteps(value, logBytes) {
    if (value === undefined)
        return 0;
    if (!Array.isArray(value))
        return fieldProblem('steps', `expected an array, got ${record_verifier_describe(value)}`);
    let previousEnd = 0;
    for (const [k, step] of value.entries()) {
        const at = `steps[${k}]`;
        if (!isObject(step))
            return fieldProblem(at, `expected an object, got ${record_verifier_describe(step)}`);
        const range = step['log'];
        if (range === undefined)
            continue;
        if (!isObject(range))
            return fieldProblem(`${at}.log`, `expected { start, end }, got ${record_verifier_describe(range)}`);
        const { start, end } = range;
        if (!isCount(start))
            return fieldProblem(`${at}.log.start`, `expected a byte offset, got ${record_verifier_describe(start)}`);
        if (!isCount(end))
            return fieldProblem(`${at}.log.end`, `expected a byte offset, got ${record_verifier_describe(end)}`);
        // Ranges in execution order stop a step's output being attributed to another step.
        if (start < previousEnd) {
            return fieldProblem(`${at}.log.start`, `expected at least ${previousEnd} (end of the previous step), got ${start}`);
        }
        if (end < start)
            return fieldProblem(`${at}.log.end`, `expected at least ${start} (its start), got ${end}`);
        // A range past the chained log would point at bytes nobody can vouch for.
        if (end > logBytes) {
            return fieldProblem(`${at}.log.end`, `expected at most ${logBytes} (end of the chained log), got ${end}`, {
                start: logBytes,
                end,
            });
        }
        previousEnd = end;
    }
    return value.length;
}
function problem(text, range) {
    return range === undefined ? { ok: false, problem: text } : { ok: false, problem: text, range };
}
function fieldProblem(field, text, range) {
    const base = { ok: false, problem: `snapshot field '${field}': ${text}`, field };
    return range === undefined ? base : { ...base, range };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isCount(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
function record_verifier_describe(value) {
    if (value === undefined)
        return 'nothing';
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

;// CONCATENATED MODULE: ./src/record/redactor.ts
// Streaming secret redaction for everything that ends up in a run record.
//
// `::add-mask::` only masks the runner's own log; records are uploaded raw, so every byte a step
// prints goes through a StreamRedactor before it is hashed and written. Matching works on bytes,
// so secrets with multi-byte UTF-8 and output split anywhere (even inside a character) are handled.
//
// Every maximal run of bytes covered by one or more occurrences (overlapping or back to back)
// becomes a single `***`. The output does not depend on how the input was split into chunks.
//
// Very short secrets redact aggressively: a one-character secret replaces every occurrence of that
// character. That is deliberate; leaking a secret is worse than an unreadable log.
//
// Search: a Wu-Manber style skip scan over all forms at once. On the development machine
// `openssl dgst -sha256` ran at about 1.5 GiB/s, and one Buffer.indexOf pass per form only reached
// 0.1-0.6 GiB/s with 10 secrets (30-40 forms). The skip scan looks at one 2-byte block per step and
// jumps up to (shortest form - 1) bytes: 1.9-5.4 GiB/s for 10 secrets of 10+ characters, but only
// 0.4-0.7 GiB/s when the secrets are 4 characters long (short jumps, many real hits).
/** What every redacted occurrence is replaced with. */
const REDACTED = '***';
const MARKER = Buffer.from(REDACTED, 'utf8');
/**
 * The forms of one secret that are redacted: the value, its standard base64, its base64url
 * (no padding) and its `encodeURIComponent` form, deduplicated. Empty secrets have no forms.
 */
function secretForms(secret) {
    if (secret.length === 0)
        return [];
    const bytes = Buffer.from(secret, 'utf8');
    const forms = [secret, bytes.toString('base64'), bytes.toString('base64url'), encodeURIComponent(secret)];
    return [...new Set(forms)];
}
/** All distinct forms of all secrets, as bytes. */
function compileForms(secrets) {
    const unique = new Set();
    for (const secret of secrets)
        for (const form of secretForms(secret))
            unique.add(form);
    return [...unique].map((form) => Buffer.from(form, 'utf8'));
}
/** Finds every complete occurrence of any form, in order of start offset. */
class FormMatcher {
    forms;
    /** Length of the longest form: a chunk tail shorter than this may start an occurrence. */
    longest;
    /** Window width: the shortest form's length, capped so that shifts fit a byte. */
    #width;
    /** For each 2-byte block: how far the window may jump when its last block is this one. */
    #shift;
    /** For blocks with shift 0: the forms whose window-prefix ends with that block. */
    #candidates = new Map();
    /** 1 for every byte that starts some form: cheap filter for the tail check. */
    #firstBytes = new Uint8Array(256);
    constructor(forms) {
        this.forms = forms;
        let shortest = Infinity;
        let longest = 0;
        for (const form of forms) {
            shortest = Math.min(shortest, form.length);
            longest = Math.max(longest, form.length);
            this.#firstBytes[form[0] ?? 0] = 1;
        }
        this.longest = longest;
        this.#width = Math.min(shortest, 256);
        this.#shift = new Uint8Array(this.#width >= 2 ? 65536 : 0).fill(this.#width - 1);
        forms.forEach((form, index) => {
            if (this.#width < 2) {
                addTo(this.#candidates, form[0] ?? 0, index);
                return;
            }
            for (let end = 1; end < this.#width; end++) {
                const block = ((form[end - 1] ?? 0) << 8) | (form[end] ?? 0);
                const shift = this.#width - 1 - end;
                if (shift < (this.#shift[block] ?? 0))
                    this.#shift[block] = shift;
                if (shift === 0)
                    addTo(this.#candidates, block, index);
            }
        });
    }
    /** Appends [start, end) pairs of every complete occurrence starting before `limit`, by start. */
    find(data, limit, out) {
        const width = this.#width;
        const n = data.length;
        const stop = Math.min(n, limit + width - 1);
        const shiftOf = this.#shift;
        let pos = width - 1;
        while (pos < stop) {
            let key;
            if (width >= 2) {
                key = ((data[pos - 1] ?? 0) << 8) | (data[pos] ?? 0);
                const shift = shiftOf[key] ?? 0;
                if (shift !== 0) {
                    pos += shift;
                    continue;
                }
            }
            else {
                key = data[pos] ?? 0;
            }
            const candidates = this.#candidates.get(key);
            if (candidates !== undefined) {
                const start = pos - width + 1;
                let end = -1;
                for (const index of candidates) {
                    const form = this.forms[index];
                    const formEnd = start + form.length;
                    if (formEnd > end && formEnd <= n && occursAt(data, form, start))
                        end = formEnd;
                }
                if (end !== -1)
                    out.push(start, end);
            }
            pos++;
        }
    }
    /**
     * The earliest offset from which the tail of `data` is a proper prefix of some form, or
     * `data.length`: only those bytes must wait for the next chunk (at most longest - 1 of them).
     */
    holdFrom(data) {
        const n = data.length;
        for (let p = Math.max(0, n - this.longest + 1); p < n; p++) {
            if (this.#firstBytes[data[p] ?? 0] === 0)
                continue;
            const tail = n - p;
            for (const form of this.forms) {
                if (form.length > tail && startsWith(form, data, p, tail))
                    return p;
            }
        }
        return n;
    }
}
/** Whether `form` occurs at `start`; a plain loop beats a native call for the usual early mismatch. */
function occursAt(data, form, start) {
    return startsWith(form, data, start, form.length);
}
/** Whether the first `length` bytes of `form` equal data[start, start + length). */
function startsWith(form, data, start, length) {
    for (let i = 0; i < length; i++)
        if (data[start + i] !== form[i])
            return false;
    return true;
}
function addTo(map, key, value) {
    const list = map.get(key);
    if (list === undefined)
        map.set(key, [value]);
    else
        list.push(value);
}
/**
 * Redacts a byte stream chunk by chunk in constant memory. Holds back only a tail that could be
 * the start of a secret (never more than longest form - 1 bytes). Use one per output stream.
 */
class StreamRedactor {
    #matcher;
    /** Bytes held back from the previous push: a possible start of an occurrence. */
    #carry = Buffer.alloc(0);
    /** How many leading carry bytes are already known to be inside an occurrence. */
    #coveredUntil = 0;
    /** Whether the last byte released was redacted, so an adjacent occurrence extends that `***`. */
    #endsRedacted = false;
    /** Prepares the forms of every secret; empty secrets are ignored. */
    constructor(secrets) {
        const forms = compileForms(secrets);
        this.#matcher = forms.length > 0 ? new FormMatcher(forms) : undefined;
    }
    /** Length in bytes of the longest redacted form (0 without secrets). */
    get longestForm() {
        return this.#matcher?.longest ?? 0;
    }
    /** Redacts the next chunk; returns the bytes that are safe to write now (may share memory with `chunk`). */
    push(chunk) {
        const matcher = this.#matcher;
        if (matcher === undefined)
            return chunk;
        // At most longest-1 carried bytes are copied in front; large chunks are not copied again here.
        const data = this.#carry.length === 0 ? chunk : Buffer.concat([this.#carry, chunk]);
        // Holding back a tail that may start a secret stops a secret split across chunks from leaking.
        return this.#release(matcher, data, matcher.holdFrom(data));
    }
    /** Releases the held-back tail at end of stream and resets, so the redactor can be reused. */
    end() {
        const matcher = this.#matcher;
        if (matcher === undefined)
            return Buffer.alloc(0);
        const out = this.#release(matcher, this.#carry, this.#carry.length);
        this.#carry = Buffer.alloc(0);
        this.#coveredUntil = 0;
        this.#endsRedacted = false;
        return out;
    }
    /** Emits data[0, cut) with occurrences replaced, keeps data[cut, end) as the new carry. */
    #release(matcher, data, cut) {
        const found = [];
        matcher.find(data, cut, found);
        const parts = [];
        let runStart = -1;
        let runEnd = -1;
        let runMarked = false;
        if (this.#coveredUntil > 0 || this.#endsRedacted) {
            // An occurrence released by the previous call continues (or may be extended) here.
            runStart = 0;
            runEnd = this.#coveredUntil;
            runMarked = true;
        }
        let pos = 0;
        for (let k = 0; k < found.length; k += 2) {
            const start = found[k];
            const end = found[k + 1];
            if (runStart !== -1 && start <= runEnd) {
                runEnd = Math.max(runEnd, end);
                continue;
            }
            if (runStart !== -1) {
                if (!runMarked)
                    parts.push(MARKER);
                pos = runEnd;
            }
            if (start > pos)
                parts.push(data.subarray(pos, start));
            runStart = start;
            runEnd = end;
            runMarked = false;
        }
        if (runStart !== -1) {
            if (!runMarked && runStart < cut)
                parts.push(MARKER);
            if (runEnd >= cut) {
                // The redacted run reaches the cut: the bytes after it stay redacted when released later.
                this.#coveredUntil = runEnd - cut;
                this.#endsRedacted = runStart < cut || runMarked;
                pos = cut;
            }
            else {
                pos = runEnd;
            }
        }
        if (pos < cut) {
            parts.push(data.subarray(pos, cut));
            this.#coveredUntil = 0;
            this.#endsRedacted = false;
        }
        // Copy the small tail so the (possibly large) chunk is not kept alive: memory stays constant.
        this.#carry = Buffer.from(data.subarray(cut));
        if (parts.length === 1 && parts[0] !== MARKER)
            return parts[0];
        return Buffer.concat(parts);
    }
}
/** Redacts every form of every secret in a whole string (error messages, outputs, snapshot fields). */
function redactText(text, secrets) {
    return redactWith(new StreamRedactor(secrets), text);
}
function redactWith(redactor, text) {
    const head = redactor.push(Buffer.from(text, 'utf8'));
    return Buffer.concat([head, redactor.end()]).toString('utf8');
}
/** Deep-redacts every string (values and keys) inside a JSON-like value; other values are kept. */
function redactValue(value, secrets) {
    const redactor = new StreamRedactor(secrets);
    if (redactor.longestForm === 0)
        return value;
    const ancestors = new Set();
    const visit = (item) => {
        if (typeof item === 'string')
            return redactWith(redactor, item);
        if (typeof item !== 'object' || item === null)
            return item;
        // A cycle is not JSON-like; refusing it avoids unbounded recursion.
        if (ancestors.has(item))
            throw new TypeError('cannot redact a value that contains a cycle');
        ancestors.add(item);
        let result;
        if (Array.isArray(item)) {
            result = item.map(visit);
        }
        else {
            const copy = {};
            for (const [key, child] of Object.entries(item))
                copy[redactWith(redactor, key)] = visit(child);
            result = copy;
        }
        ancestors.delete(item);
        return result;
    };
    return visit(value);
}

;// CONCATENATED MODULE: ./src/run/recorder.ts






/** How often buffered log bytes are flushed while a step runs, so a killed run loses little. */
const FLUSH_INTERVAL_MS = 1000;
/**
 * Writes a run's record as it goes: the redacted, hash-chained log and snapshot.json. Secrets are
 * redacted before any byte reaches disk, per stream (stdout and stderr each keep their own
 * carry-over, so a secret split across chunks of one stream is still caught).
 */
class RunRecorder {
    dir;
    snapshot;
    #log;
    #secrets;
    #clock;
    #echo;
    #stdout;
    #stderr;
    #offset = 0;
    /** Whether the last byte written ended a line: engine lines always start on their own line. */
    #atLineStart = true;
    #timer;
    constructor(dir, log, secrets, snapshot, clock, echo) {
        this.dir = dir;
        this.#echo = echo;
        this.#log = log;
        this.#secrets = secrets;
        this.snapshot = snapshot;
        this.#clock = clock;
        this.#stdout = new StreamRedactor(secrets);
        this.#stderr = new StreamRedactor(secrets);
    }
    /**
     * Creates the record folder's files (never over an existing record) and writes the first
     * snapshot. `echo`, when given, also receives every redacted log byte (the runner's live log).
     */
    static async create(dir, secrets, snapshot, clock, echo) {
        const log = await ChainedLogWriter.open(dir);
        const recorder = new RunRecorder(dir, log, secrets, snapshot, clock, echo);
        recorder.save();
        recorder.#timer = setInterval(() => recorder.flush(), FLUSH_INTERVAL_MS);
        recorder.#timer.unref();
        return recorder;
    }
    /** Bytes written to the log so far (the offset the next byte lands at). */
    get offset() {
        return this.#offset;
    }
    /** Writes a timestamped engine line (a step marker, a decision, an error). */
    line(text) {
        this.#writeLine(redactText(text, this.#secrets));
    }
    /**
     * Writes a step or run marker (`==> stage/id ...`, `<== stage/id exit N (outcome)`,
     * `run <status>`), unredacted: markers hold only ids, numbers and fixed words, and verify-run
     * checks the snapshot's claims against them, which a redacted `exit ***` would defeat.
     */
    marker(text) {
        this.#writeLine(text);
    }
    /** A chunk of a step's stdout. */
    stdout(chunk) {
        this.#write(this.#stdout.push(chunk));
    }
    /** A chunk of a step's stderr. */
    stderr(chunk) {
        this.#write(this.#stderr.push(chunk));
    }
    /** Ends a step's streams: releases held-back bytes and ends the output with a newline. */
    endStreams() {
        const tail = Buffer.concat([this.#stdout.end(), this.#stderr.end()]);
        this.#write(tail);
        this.#stdout = new StreamRedactor(this.#secrets);
        this.#stderr = new StreamRedactor(this.#secrets);
    }
    /** Pushes buffered log bytes to disk as a chained block. */
    flush() {
        this.#log.flush();
    }
    /** Redacts a string for the record (error messages, outputs). */
    redact(text) {
        return redactText(text, this.#secrets);
    }
    /** Writes snapshot.json atomically (temp file + rename), redacted. Synchronous: safe in signal paths. */
    save() {
        const bytes = Buffer.from(`${JSON.stringify(redactSnapshot(this.snapshot, this.#secrets), null, 2)}\n`, 'utf8');
        const temp = (0,external_node_path_.join)(this.dir, `.${SNAPSHOT_FILE}.tmp`);
        (0,external_node_fs_.writeFileSync)(temp, bytes);
        (0,external_node_fs_.renameSync)(temp, (0,external_node_path_.join)(this.dir, SNAPSHOT_FILE));
        return bytes;
    }
    /** Closes the log, stores its summary in the snapshot, writes it, and returns the snapshot digest. */
    async finish() {
        clearInterval(this.#timer);
        const summary = await this.#log.close();
        this.snapshot.log = { file: 'run.log', bytes: summary.bytes, blocks: summary.blocks, head: summary.head };
        return snapshotDigest(this.save());
    }
    #writeLine(text) {
        this.#write(Buffer.from(`${this.#atLineStart ? '' : '\n'}[${this.#clock().toISOString()}] ${text}\n`, 'utf8'));
    }
    #write(bytes) {
        if (bytes.byteLength === 0)
            return;
        this.#atLineStart = bytes[bytes.byteLength - 1] === 0x0a;
        this.#log.write(bytes);
        this.#offset += bytes.byteLength;
        this.#echo?.(bytes);
    }
}
/**
 * Redacts the snapshot fields that can carry text from steps or callers: parameter values,
 * outputs, error messages. Structural fields the engine writes (ids, digests, versions, keys) are
 * left alone, so a short secret value such as "0" cannot corrupt them and break verification.
 */
function redactSnapshot(snapshot, secrets) {
    if (secrets.length === 0)
        return snapshot;
    return {
        ...snapshot,
        ...(snapshot.error ? { error: { ...snapshot.error, message: redactText(snapshot.error.message, secrets) } } : {}),
        ...(snapshot.params
            ? { params: { ...snapshot.params, values: redactValue(snapshot.params.values, secrets) } }
            : {}),
        outputs: redactValue(snapshot.outputs, secrets),
        steps: snapshot.steps.map((step) => ({
            ...step,
            outputs: redactValue(step.outputs, secrets),
            ...(step.error !== undefined ? { error: redactText(step.error, secrets) } : {}),
        })),
    };
}

;// CONCATENATED MODULE: ./src/run/snapshot-digests.ts

/** Digest of recorded parameter values: sha256 of their JSON with keys sorted. */
function paramsDigest(values) {
    const sorted = Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(sorted)).digest('hex')}`;
}
/** The definition digest recomputed from the snapshot's file listing (same rule as treeDigest). */
function digestOfListing(files) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const sorted = [...files].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
    for (const file of sorted)
        hash.update(`${file.mode} ${file.sha256} ${file.path}\n`);
    return `sha256:${hash.digest('hex')}`;
}
/**
 * Recomputes the digests a snapshot carries about itself (definition listing, parameters) and
 * returns the first field that does not match: an edit to what the record says ran.
 */
function checkSnapshotDigests(snapshot) {
    if (typeof snapshot !== 'object' || snapshot === null)
        return undefined;
    const s = snapshot;
    const files = s.remediation?.files;
    if (Array.isArray(files) && typeof s.remediation?.digest === 'string') {
        const recomputed = digestOfListing(files);
        if (recomputed !== s.remediation.digest) {
            return {
                field: 'remediation.digest',
                problem: `expected ${recomputed} (recomputed from remediation.files), got ${s.remediation.digest}`,
            };
        }
    }
    const values = s.params?.values;
    if (typeof values === 'object' && values !== null && typeof s.params?.digest === 'string') {
        const recomputed = paramsDigest(values);
        if (recomputed !== s.params.digest) {
            return {
                field: 'params.digest',
                problem: `expected ${recomputed} (recomputed from params.values), got ${s.params.digest}`,
            };
        }
    }
    return undefined;
}
/** How much of the end of a range is searched for markers (they are its last lines). */
const TAIL_BYTES = 64 * 1024;
/**
 * Checks what the snapshot claims against the chained log's markers: each step's outcome, exit
 * code and signal against the last `<== stage/id ...` marker in its byte range, and the final
 * status against the closing `run <status>` line. The log is pinned by the chain, so an edit
 * that turns a failed run into a succeeded one in snapshot.json alone is caught here.
 */
function checkClaimsAgainstLog(snapshot, log, complete) {
    if (typeof snapshot !== 'object' || snapshot === null)
        return undefined;
    const s = snapshot;
    const steps = Array.isArray(s.steps) ? s.steps : [];
    for (const [index, step] of steps.entries()) {
        const start = Number(step.log?.start);
        const end = Number(step.log?.end);
        if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end))
            continue;
        // The engine's end marker is the step's last line but for a few engine notes: read only the
        // tail of the range, so a step that printed gigabytes is checked without decoding all of it.
        const text = log.subarray(Math.max(start, end - TAIL_BYTES), end).toString('utf8');
        const marker = [...text.matchAll(/^\[[^\]]+\] <== (\S+) (.*) \(([a-z-]+)\)$/gm)]
            .filter((m) => m[1] === `${String(step.stage)}/${String(step.id)}`)
            .at(-1);
        const field = `steps[${index}]`;
        if (!marker) {
            if (step.exitCode !== null && step.exitCode !== undefined) {
                return {
                    field: `${field}.exitCode`,
                    problem: `the log has no end marker for ${String(step.stage)}/${String(step.id)}, yet an exit code is claimed`,
                };
            }
            continue;
        }
        const [, , result = '', outcome] = marker;
        if (outcome !== step.outcome) {
            return {
                field: `${field}.outcome`,
                problem: `expected '${outcome}' (the log's end marker), got '${String(step.outcome)}'`,
            };
        }
        const exit = /^exit (\d+)$/.exec(result);
        if (exit && Number(exit[1]) !== step.exitCode) {
            return {
                field: `${field}.exitCode`,
                problem: `expected ${exit[1]} (the log's end marker), got ${String(step.exitCode)}`,
            };
        }
        const killed = /^killed by (\S+)$/.exec(result);
        if (killed && killed[1] !== step.signal) {
            return {
                field: `${field}.signal`,
                problem: `expected ${killed[1]} (the log's end marker), got ${String(step.signal)}`,
            };
        }
    }
    if (complete) {
        const closing = [
            ...log
                .subarray(Math.max(0, log.byteLength - TAIL_BYTES))
                .toString('utf8')
                .matchAll(/^\[[^\]]+\] run (\S+)$/gm),
        ].at(-1)?.[1];
        if (closing !== undefined && closing !== s.status) {
            return { field: 'status', problem: `expected '${closing}' (the log's closing line), got '${String(s.status)}'` };
        }
        if (closing === undefined)
            return { field: 'status', problem: "the log has no closing 'run <status>' line" };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/run/snapshot.ts
/** `schema` of a run snapshot; bumped only with a format change. */
const SNAPSHOT_SCHEMA = 'https://remediate.dev/schemas/run-snapshot-v1.json';

;// CONCATENATED MODULE: ./src/version.ts
/** The tool's version, reported in every run record. Kept in step with package.json by a test. */
const TOOL_VERSION = '0.1.0';

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __webpack_require__(6214);
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/equal.js
var equal = __webpack_require__(4951);
;// CONCATENATED MODULE: ./src/generated/remediation-validator.js
// Generated from remediations/remediation.schema.json by scripts/build-validators.mjs; do not edit.
/* eslint-disable */


const runtime = (m) => (typeof m === "function" ? m : m.default);
"use strict";const validate = (/* unused pure expression or super */ null && (validate10));/* harmony default export */ const remediation_validator = (validate10);const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://remediate.dev/schemas/remediation-v1.json","title":"Remediation definition (remediations/<name>/remediation.yml)","type":"object","additionalProperties":false,"required":["name","description","steps"],"properties":{"name":{"description":"Must equal the folder name under remediations/.","type":"string","pattern":"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"},"description":{"type":"string","minLength":1,"maxLength":2000},"inputs":{"description":"Typed parameters. Each reaches the steps only as the environment variable PARAM_<NAME>.","type":"object","propertyNames":{"pattern":"^[a-z][a-z0-9_-]{0,62}$"},"maxProperties":64,"additionalProperties":{"$ref":"#/definitions/input"}},"secrets":{"description":"Names of caller environment variables that the steps may see. Their values are redacted from every record.","type":"array","maxItems":32,"uniqueItems":true,"items":{"$ref":"#/definitions/envName"}},"env":{"$ref":"#/definitions/env"},"timeout":{"description":"Whole-run time limit.","$ref":"#/definitions/duration"},"outputs":{"description":"Outputs the run exposes, each taken from a step's REMEDIATION_OUTPUT key.","type":"object","propertyNames":{"pattern":"^[a-z][a-z0-9_-]{0,62}$"},"additionalProperties":{"type":"object","additionalProperties":false,"required":["step","key"],"properties":{"description":{"type":"string"},"step":{"type":"string"},"key":{"type":"string"}}}},"check":{"$ref":"#/definitions/stage"},"steps":{"type":"array","$ref":"#/definitions/stage","minItems":1},"verify":{"$ref":"#/definitions/stage"},"rollback":{"$ref":"#/definitions/stage"}},"definitions":{"envName":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,127}$"},"env":{"type":"object","maxProperties":64,"propertyNames":{"$ref":"#/definitions/envName"},"additionalProperties":{"type":"string","maxLength":4096}},"duration":{"description":"A duration like 500ms, 30s, 5m or 2h.","type":"string","pattern":"^[1-9][0-9]{0,6}(ms|s|m|h)$"},"input":{"type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"enum":["string","integer","number","boolean"]},"description":{"type":"string"},"required":{"type":"boolean"},"default":{"type":["string","number","boolean"]},"pattern":{"type":"string","maxLength":1024},"enum":{"type":"array","minItems":1,"items":{"type":["string","number","boolean"]}},"minimum":{"type":"number"},"maximum":{"type":"number"},"min-length":{"type":"integer","minimum":0},"max-length":{"type":"integer","minimum":1,"maximum":65536}}},"stage":{"type":"array","maxItems":100,"items":{"$ref":"#/definitions/step"}},"step":{"type":"object","additionalProperties":false,"required":["id","run"],"properties":{"id":{"type":"string","pattern":"^[a-z][a-z0-9_-]{0,62}$"},"name":{"type":"string","maxLength":200},"run":{"type":"string","minLength":1,"maxLength":65536},"shell":{"enum":["bash","sh"]},"env":{"$ref":"#/definitions/env"},"timeout":{"$ref":"#/definitions/duration"},"retries":{"type":"integer","minimum":0,"maximum":10},"continue-on-error":{"type":"boolean"},"working-directory":{"description":"A relative path inside the run's fresh workspace.","type":"string","pattern":"^(?!/)(?!.*(^|/)\\.\\.(/|$)).{1,200}$"}}}}};const schema12 = {"type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"enum":["string","integer","number","boolean"]},"description":{"type":"string"},"required":{"type":"boolean"},"default":{"type":["string","number","boolean"]},"pattern":{"type":"string","maxLength":1024},"enum":{"type":"array","minItems":1,"items":{"type":["string","number","boolean"]}},"minimum":{"type":"number"},"maximum":{"type":"number"},"min-length":{"type":"integer","minimum":0},"max-length":{"type":"integer","minimum":1,"maximum":65536}}};const schema13 = {"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,127}$"};const schema16 = {"description":"A duration like 500ms, 30s, 5m or 2h.","type":"string","pattern":"^[1-9][0-9]{0,6}(ms|s|m|h)$"};const func2 = Object.prototype.hasOwnProperty;const func3 = runtime(ucs2length);const func0 = runtime(equal);const pattern0 = new RegExp("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$", "u");const pattern1 = new RegExp("^[a-z][a-z0-9_-]{0,62}$", "u");const pattern2 = new RegExp("^[A-Za-z_][A-Za-z0-9_]{0,127}$", "u");const pattern4 = new RegExp("^[1-9][0-9]{0,6}(ms|s|m|h)$", "u");const schema14 = {"type":"object","maxProperties":64,"propertyNames":{"$ref":"#/definitions/envName"},"additionalProperties":{"type":"string","maxLength":4096}};function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(Object.keys(data).length > 64){const err0 = {instancePath,schemaPath:"#/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema14,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){const _errs1 = errors;if(typeof key0 === "string"){if(!pattern2.test(key0)){const err1 = {instancePath,schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,127}$",parentSchema:schema13,data:key0,propertyName:key0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}else {const err2 = {instancePath,schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:key0,propertyName:key0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}var valid0 = _errs1 === errors;if(!valid0){const err3 = {instancePath,schemaPath:"#/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid",schema:schema14.propertyNames,parentSchema:schema14,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}for(const key1 in data){let data0 = data[key1];if(typeof data0 === "string"){if(func3(data0) > 4096){const err4 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema14.additionalProperties,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.additionalProperties.type,parentSchema:schema14.additionalProperties,data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}}else {const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.type,parentSchema:schema14,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}validate11.errors = vErrors;return errors === 0;}const schema17 = {"type":"array","maxItems":100,"items":{"$ref":"#/definitions/step"}};const schema18 = {"type":"object","additionalProperties":false,"required":["id","run"],"properties":{"id":{"type":"string","pattern":"^[a-z][a-z0-9_-]{0,62}$"},"name":{"type":"string","maxLength":200},"run":{"type":"string","minLength":1,"maxLength":65536},"shell":{"enum":["bash","sh"]},"env":{"$ref":"#/definitions/env"},"timeout":{"$ref":"#/definitions/duration"},"retries":{"type":"integer","minimum":0,"maximum":10},"continue-on-error":{"type":"boolean"},"working-directory":{"description":"A relative path inside the run's fresh workspace.","type":"string","pattern":"^(?!/)(?!.*(^|/)\\.\\.(/|$)).{1,200}$"}}};const pattern8 = new RegExp("^(?!/)(?!.*(^|/)\\.\\.(/|$)).{1,200}$", "u");function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.id === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema18.required,parentSchema:schema18,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.run === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "run"},message:"must have required property '"+"run"+"'",schema:schema18.required,parentSchema:schema18,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!(func2.call(schema18.properties, key0))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema18,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.id !== undefined){let data0 = data.id;if(typeof data0 === "string"){if(!pattern1.test(data0)){const err3 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,62}$",parentSchema:schema18.properties.id,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.id.type,parentSchema:schema18.properties.id,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.name !== undefined){let data1 = data.name;if(typeof data1 === "string"){if(func3(data1) > 200){const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema18.properties.name,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.name.type,parentSchema:schema18.properties.name,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.run !== undefined){let data2 = data.run;if(typeof data2 === "string"){if(func3(data2) > 65536){const err7 = {instancePath:instancePath+"/run",schemaPath:"#/properties/run/maxLength",keyword:"maxLength",params:{limit: 65536},message:"must NOT have more than 65536 characters",schema:65536,parentSchema:schema18.properties.run,data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(func3(data2) < 1){const err8 = {instancePath:instancePath+"/run",schemaPath:"#/properties/run/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.properties.run,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/run",schemaPath:"#/properties/run/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.run.type,parentSchema:schema18.properties.run,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.shell !== undefined){let data3 = data.shell;if(!((data3 === "bash") || (data3 === "sh"))){const err10 = {instancePath:instancePath+"/shell",schemaPath:"#/properties/shell/enum",keyword:"enum",params:{allowedValues: schema18.properties.shell.enum},message:"must be equal to one of the allowed values",schema:schema18.properties.shell.enum,parentSchema:schema18.properties.shell,data:data3};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data.env !== undefined){if(!(validate11(data.env, {instancePath:instancePath+"/env",parentData:data,parentDataProperty:"env",rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}if(data.timeout !== undefined){let data5 = data.timeout;if(typeof data5 === "string"){if(!pattern4.test(data5)){const err11 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]{0,6}(ms|s|m|h)$"},message:"must match pattern \""+"^[1-9][0-9]{0,6}(ms|s|m|h)$"+"\"",schema:"^[1-9][0-9]{0,6}(ms|s|m|h)$",parentSchema:schema16,data:data5};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}else {const err12 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data5};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data.retries !== undefined){let data6 = data.retries;if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){const err13 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema18.properties.retries.type,parentSchema:schema18.properties.retries,data:data6};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}if((typeof data6 == "number") && (isFinite(data6))){if(data6 > 10 || isNaN(data6)){const err14 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10},message:"must be <= 10",schema:10,parentSchema:schema18.properties.retries,data:data6};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}if(data6 < 0 || isNaN(data6)){const err15 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema18.properties.retries,data:data6};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}}if(data["continue-on-error"] !== undefined){let data7 = data["continue-on-error"];if(typeof data7 !== "boolean"){const err16 = {instancePath:instancePath+"/continue-on-error",schemaPath:"#/properties/continue-on-error/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema18.properties["continue-on-error"].type,parentSchema:schema18.properties["continue-on-error"],data:data7};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data["working-directory"] !== undefined){let data8 = data["working-directory"];if(typeof data8 === "string"){if(!pattern8.test(data8)){const err17 = {instancePath:instancePath+"/working-directory",schemaPath:"#/properties/working-directory/pattern",keyword:"pattern",params:{pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$)).{1,200}$"},message:"must match pattern \""+"^(?!/)(?!.*(^|/)\\.\\.(/|$)).{1,200}$"+"\"",schema:"^(?!/)(?!.*(^|/)\\.\\.(/|$)).{1,200}$",parentSchema:schema18.properties["working-directory"],data:data8};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}else {const err18 = {instancePath:instancePath+"/working-directory",schemaPath:"#/properties/working-directory/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties["working-directory"].type,parentSchema:schema18.properties["working-directory"],data:data8};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}else {const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema18.type,parentSchema:schema18,data};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}validate14.errors = vErrors;return errors === 0;}function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(Array.isArray(data)){if(data.length > 100){const err0 = {instancePath,schemaPath:"#/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items",schema:100,parentSchema:schema17,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}const len0 = data.length;for(let i0=0; i0<len0; i0++){if(!(validate14(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData}))){vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);errors = vErrors.length;}}}else {const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema17.type,parentSchema:schema17,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}validate13.errors = vErrors;return errors === 0;}function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://remediate.dev/schemas/remediation-v1.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.name === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.description === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "description"},message:"must have required property '"+"description"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.steps === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "steps"},message:"must have required property '"+"steps"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}for(const key0 in data){if(!(func2.call(schema11.properties, key0))){const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 === "string"){if(!pattern0.test(data0)){const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$",parentSchema:schema11.properties.name,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.name.type,parentSchema:schema11.properties.name,data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.description !== undefined){let data1 = data.description;if(typeof data1 === "string"){if(func3(data1) > 2000){const err6 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters",schema:2000,parentSchema:schema11.properties.description,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if(func3(data1) < 1){const err7 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.description,data:data1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}else {const err8 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.description.type,parentSchema:schema11.properties.description,data:data1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.inputs !== undefined){let data2 = data.inputs;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){if(Object.keys(data2).length > 64){const err9 = {instancePath:instancePath+"/inputs",schemaPath:"#/properties/inputs/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.inputs,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}for(const key1 in data2){const _errs8 = errors;if(typeof key1 === "string"){if(!pattern1.test(key1)){const err10 = {instancePath:instancePath+"/inputs",schemaPath:"#/properties/inputs/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,62}$",parentSchema:schema11.properties.inputs.propertyNames,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}var valid1 = _errs8 === errors;if(!valid1){const err11 = {instancePath:instancePath+"/inputs",schemaPath:"#/properties/inputs/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema11.properties.inputs.propertyNames,parentSchema:schema11.properties.inputs,data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}for(const key2 in data2){let data3 = data2[key2];if(data3 && typeof data3 == "object" && !Array.isArray(data3)){if(data3.type === undefined){const err12 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/input/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema12.required,parentSchema:schema12,data:data3};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}for(const key3 in data3){if(!(func2.call(schema12.properties, key3))){const err13 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/input/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data:data3};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data3.type !== undefined){let data4 = data3.type;if(!((((data4 === "string") || (data4 === "integer")) || (data4 === "number")) || (data4 === "boolean"))){const err14 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/type",schemaPath:"#/definitions/input/properties/type/enum",keyword:"enum",params:{allowedValues: schema12.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.type.enum,parentSchema:schema12.properties.type,data:data4};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data3.description !== undefined){let data5 = data3.description;if(typeof data5 !== "string"){const err15 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/definitions/input/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.description.type,parentSchema:schema12.properties.description,data:data5};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data3.required !== undefined){let data6 = data3.required;if(typeof data6 !== "boolean"){const err16 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/required",schemaPath:"#/definitions/input/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema12.properties.required.type,parentSchema:schema12.properties.required,data:data6};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data3.default !== undefined){let data7 = data3.default;if(((typeof data7 !== "string") && (!((typeof data7 == "number") && (isFinite(data7))))) && (typeof data7 !== "boolean")){const err17 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/default",schemaPath:"#/definitions/input/properties/default/type",keyword:"type",params:{type: schema12.properties.default.type},message:"must be string,number,boolean",schema:schema12.properties.default.type,parentSchema:schema12.properties.default,data:data7};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data3.pattern !== undefined){let data8 = data3.pattern;if(typeof data8 === "string"){if(func3(data8) > 1024){const err18 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/pattern",schemaPath:"#/definitions/input/properties/pattern/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema12.properties.pattern,data:data8};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}else {const err19 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/pattern",schemaPath:"#/definitions/input/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.pattern.type,parentSchema:schema12.properties.pattern,data:data8};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data3.enum !== undefined){let data9 = data3.enum;if(Array.isArray(data9)){if(data9.length < 1){const err20 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/enum",schemaPath:"#/definitions/input/properties/enum/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12.properties.enum,data:data9};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}const len0 = data9.length;for(let i0=0; i0<len0; i0++){let data10 = data9[i0];if(((typeof data10 !== "string") && (!((typeof data10 == "number") && (isFinite(data10))))) && (typeof data10 !== "boolean")){const err21 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/enum/" + i0,schemaPath:"#/definitions/input/properties/enum/items/type",keyword:"type",params:{type: schema12.properties.enum.items.type},message:"must be string,number,boolean",schema:schema12.properties.enum.items.type,parentSchema:schema12.properties.enum.items,data:data10};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}else {const err22 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/enum",schemaPath:"#/definitions/input/properties/enum/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.enum.type,parentSchema:schema12.properties.enum,data:data9};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data3.minimum !== undefined){let data11 = data3.minimum;if(!((typeof data11 == "number") && (isFinite(data11)))){const err23 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/minimum",schemaPath:"#/definitions/input/properties/minimum/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.minimum.type,parentSchema:schema12.properties.minimum,data:data11};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data3.maximum !== undefined){let data12 = data3.maximum;if(!((typeof data12 == "number") && (isFinite(data12)))){const err24 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/maximum",schemaPath:"#/definitions/input/properties/maximum/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.maximum.type,parentSchema:schema12.properties.maximum,data:data12};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data3["min-length"] !== undefined){let data13 = data3["min-length"];if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){const err25 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/min-length",schemaPath:"#/definitions/input/properties/min-length/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties["min-length"].type,parentSchema:schema12.properties["min-length"],data:data13};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}if((typeof data13 == "number") && (isFinite(data13))){if(data13 < 0 || isNaN(data13)){const err26 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/min-length",schemaPath:"#/definitions/input/properties/min-length/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties["min-length"],data:data13};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}}if(data3["max-length"] !== undefined){let data14 = data3["max-length"];if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){const err27 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/max-length",schemaPath:"#/definitions/input/properties/max-length/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties["max-length"].type,parentSchema:schema12.properties["max-length"],data:data14};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}if((typeof data14 == "number") && (isFinite(data14))){if(data14 > 65536 || isNaN(data14)){const err28 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/max-length",schemaPath:"#/definitions/input/properties/max-length/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65536},message:"must be <= 65536",schema:65536,parentSchema:schema12.properties["max-length"],data:data14};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}if(data14 < 1 || isNaN(data14)){const err29 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/max-length",schemaPath:"#/definitions/input/properties/max-length/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema12.properties["max-length"],data:data14};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}}else {const err30 = {instancePath:instancePath+"/inputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/input/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data:data3};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}}else {const err31 = {instancePath:instancePath+"/inputs",schemaPath:"#/properties/inputs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.inputs.type,parentSchema:schema11.properties.inputs,data:data2};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data.secrets !== undefined){let data15 = data.secrets;if(Array.isArray(data15)){if(data15.length > 32){const err32 = {instancePath:instancePath+"/secrets",schemaPath:"#/properties/secrets/maxItems",keyword:"maxItems",params:{limit: 32},message:"must NOT have more than 32 items",schema:32,parentSchema:schema11.properties.secrets,data:data15};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}const len1 = data15.length;for(let i1=0; i1<len1; i1++){let data16 = data15[i1];if(typeof data16 === "string"){if(!pattern2.test(data16)){const err33 = {instancePath:instancePath+"/secrets/" + i1,schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,127}$",parentSchema:schema13,data:data16};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}else {const err34 = {instancePath:instancePath+"/secrets/" + i1,schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data16};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}let i2 = data15.length;let j0;if(i2 > 1){outer0:for(;i2--;){for(j0 = i2; j0--;){if(func0(data15[i2], data15[j0])){const err35 = {instancePath:instancePath+"/secrets",schemaPath:"#/properties/secrets/uniqueItems",keyword:"uniqueItems",params:{i: i2, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i2+" are identical)",schema:true,parentSchema:schema11.properties.secrets,data:data15};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;break outer0;}}}}}else {const err36 = {instancePath:instancePath+"/secrets",schemaPath:"#/properties/secrets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.secrets.type,parentSchema:schema11.properties.secrets,data:data15};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}if(data.env !== undefined){if(!(validate11(data.env, {instancePath:instancePath+"/env",parentData:data,parentDataProperty:"env",rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}if(data.timeout !== undefined){let data18 = data.timeout;if(typeof data18 === "string"){if(!pattern4.test(data18)){const err37 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]{0,6}(ms|s|m|h)$"},message:"must match pattern \""+"^[1-9][0-9]{0,6}(ms|s|m|h)$"+"\"",schema:"^[1-9][0-9]{0,6}(ms|s|m|h)$",parentSchema:schema16,data:data18};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}else {const err38 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data18};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}if(data.outputs !== undefined){let data19 = data.outputs;if(data19 && typeof data19 == "object" && !Array.isArray(data19)){for(const key4 in data19){const _errs46 = errors;if(typeof key4 === "string"){if(!pattern1.test(key4)){const err39 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,62}$",parentSchema:schema11.properties.outputs.propertyNames,data:key4,propertyName:key4};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}var valid12 = _errs46 === errors;if(!valid12){const err40 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/propertyNames",keyword:"propertyNames",params:{propertyName: key4},message:"property name must be valid",schema:schema11.properties.outputs.propertyNames,parentSchema:schema11.properties.outputs,data:data19};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}for(const key5 in data19){let data20 = data19[key5];if(data20 && typeof data20 == "object" && !Array.isArray(data20)){if(data20.step === undefined){const err41 = {instancePath:instancePath+"/outputs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/outputs/additionalProperties/required",keyword:"required",params:{missingProperty: "step"},message:"must have required property '"+"step"+"'",schema:schema11.properties.outputs.additionalProperties.required,parentSchema:schema11.properties.outputs.additionalProperties,data:data20};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}if(data20.key === undefined){const err42 = {instancePath:instancePath+"/outputs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/outputs/additionalProperties/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'",schema:schema11.properties.outputs.additionalProperties.required,parentSchema:schema11.properties.outputs.additionalProperties,data:data20};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}for(const key6 in data20){if(!(((key6 === "description") || (key6 === "step")) || (key6 === "key"))){const err43 = {instancePath:instancePath+"/outputs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/outputs/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.outputs.additionalProperties,data:data20};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}}if(data20.description !== undefined){let data21 = data20.description;if(typeof data21 !== "string"){const err44 = {instancePath:instancePath+"/outputs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/properties/outputs/additionalProperties/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.outputs.additionalProperties.properties.description.type,parentSchema:schema11.properties.outputs.additionalProperties.properties.description,data:data21};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}if(data20.step !== undefined){let data22 = data20.step;if(typeof data22 !== "string"){const err45 = {instancePath:instancePath+"/outputs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/step",schemaPath:"#/properties/outputs/additionalProperties/properties/step/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.outputs.additionalProperties.properties.step.type,parentSchema:schema11.properties.outputs.additionalProperties.properties.step,data:data22};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}if(data20.key !== undefined){let data23 = data20.key;if(typeof data23 !== "string"){const err46 = {instancePath:instancePath+"/outputs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1")+"/key",schemaPath:"#/properties/outputs/additionalProperties/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.outputs.additionalProperties.properties.key.type,parentSchema:schema11.properties.outputs.additionalProperties.properties.key,data:data23};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}}else {const err47 = {instancePath:instancePath+"/outputs/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/outputs/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.outputs.additionalProperties.type,parentSchema:schema11.properties.outputs.additionalProperties,data:data20};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}}else {const err48 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.outputs.type,parentSchema:schema11.properties.outputs,data:data19};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}if(data.check !== undefined){if(!(validate13(data.check, {instancePath:instancePath+"/check",parentData:data,parentDataProperty:"check",rootData}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}}if(data.steps !== undefined){let data25 = data.steps;if(!(validate13(data25, {instancePath:instancePath+"/steps",parentData:data,parentDataProperty:"steps",rootData}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}if(Array.isArray(data25)){if(data25.length < 1){const err49 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.steps,data:data25};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}else {const err50 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.steps.type,parentSchema:schema11.properties.steps,data:data25};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}if(data.verify !== undefined){if(!(validate13(data.verify, {instancePath:instancePath+"/verify",parentData:data,parentDataProperty:"verify",rootData}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}}if(data.rollback !== undefined){if(!(validate13(data.rollback, {instancePath:instancePath+"/rollback",parentData:data,parentDataProperty:"rollback",rootData}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}}}else {const err51 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}validate10.errors = vErrors;return errors === 0;}

;// CONCATENATED MODULE: ./src/core/definition-parser.ts

// Precompiled from remediations/remediation.schema.json at build time (scripts/build-validators.mjs):
// compiling the schema at run time cost ~30 ms of every run's start-up.




/** Largest remediation.yml accepted: a definition is a page of YAML, not a data set. */
const MAX_DEFINITION_BYTES = 256 * 1024;
/** Alias expansions allowed: stops "billion laughs" documents that expand to gigabytes. */
const MAX_ALIAS_COUNT = 50;
/** A definition failed validation; `issues` carries every problem found, with file positions. */
class DefinitionError extends RemediateError {
    name = 'DefinitionError';
    code = 'INVALID_DEFINITION';
    exitCode = ExitCode.usage;
    issues;
    constructor(issues) {
        super(issues.map(formatIssue).join('\n'));
        this.issues = issues;
    }
}
/** Formats an issue as `file:line:col: path: message`, the shape editors and annotations expect. */
function formatIssue(issue) {
    return `${issue.file}:${issue.line}:${issue.column}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}
/**
 * Parses and validates remediation.yml bytes. Pure: the caller reads the bytes (from git objects
 * or the working tree) and says which folder they came from.
 */
function parseDefinition(file, bytes, folderName) {
    const issueAt = (line, column, path, message) => ({
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
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new DefinitionError([issueAt(1, 1, '', 'file is not valid UTF-8')]);
    }
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const position = (offset) => lines.linePos(offset);
    if (doc.errors.length) {
        throw new DefinitionError(doc.errors.map((e) => {
            const { line, col } = position(e.pos[0]);
            return issueAt(line, col, '', e.message.split('\n')[0] ?? e.message);
        }));
    }
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (error) {
        throw new DefinitionError([
            issueAt(1, 1, '', `cannot expand the document: ${error instanceof Error ? error.message : String(error)}`),
        ]);
    }
    const locate = (path, key = false) => {
        const { node, keyNode } = findNode(doc, path);
        const target = key && keyNode ? keyNode : node;
        const offset = target?.range?.[0] ?? 0;
        const { line, col } = position(offset);
        return { line, column: col };
    };
    const issue = (path, message, key = false) => {
        const { line, column } = locate(path, key);
        return issueAt(line, column, formatPath(path), message);
    };
    if (!remediation_validator(data)) {
        throw new DefinitionError(dedupe((remediation_validator.errors ?? []).map((e) => schemaIssue(e, issue))));
    }
    const definition = normalise(data);
    const problems = semanticIssues(definition, folderName, issue);
    if (problems.length)
        throw new DefinitionError(problems);
    return definition;
}
function normalise(raw) {
    return {
        name: raw.name,
        description: raw.description,
        inputs: raw.inputs ?? {},
        secrets: raw.secrets ?? [],
        env: raw.env ?? {},
        ...(raw.timeout !== undefined ? { timeout: raw.timeout } : {}),
        outputs: raw.outputs ?? {},
        check: raw.check ?? [],
        steps: raw.steps,
        verify: raw.verify ?? [],
        rollback: raw.rollback ?? [],
    };
}
// Checks JSON Schema cannot express.
function semanticIssues(def, folderName, issue) {
    const problems = [];
    // A definition that claims another name could be released under a tag it was not reviewed as.
    if (def.name !== folderName) {
        problems.push(issue(['name'], `expected '${folderName}' (the folder name), got '${def.name}'`));
    }
    for (const [input, spec] of Object.entries(def.inputs)) {
        if (spec.default !== undefined) {
            const problem = checkInputValue(spec, spec.default);
            if (problem)
                problems.push(issue(['inputs', input, 'default'], `default fails its own constraints: ${problem}`));
        }
        if (spec.pattern !== undefined) {
            try {
                new RegExp(spec.pattern, 'u');
            }
            catch {
                problems.push(issue(['inputs', input, 'pattern'], `expected a valid regular expression, got '${spec.pattern}'`));
            }
        }
        if (spec.required && spec.default !== undefined) {
            problems.push(issue(['inputs', input, 'required'], 'a required input cannot have a default'));
        }
    }
    if (def.timeout !== undefined)
        problems.push(...durationIssue(def.timeout, ['timeout'], issue));
    // Two inputs that map to one variable (a-b and a_b are both PARAM_A_B) would let one silently
    // replace the other in the step environment.
    const envNames = new Map();
    for (const input of Object.keys(def.inputs)) {
        const name = paramEnvName(input);
        const other = envNames.get(name);
        if (other)
            problems.push(issue(['inputs', input], `'${input}' and '${other}' both become ${name}; rename one`, true));
        envNames.set(name, input);
    }
    const ids = new Map();
    const stepEnvNames = new Map();
    for (const stage of STAGES) {
        def[stage].forEach((step, index) => {
            if (step.timeout !== undefined)
                problems.push(...durationIssue(step.timeout, [stage, index, 'timeout'], issue));
            // Outputs reach later steps as STEP_<ID>_<KEY>: ids that normalise alike (fix-a, fix_a) would clash.
            const normalised = step.id.toUpperCase().replaceAll('-', '_');
            const clash = stepEnvNames.get(normalised);
            if (clash && clash !== step.id) {
                problems.push(issue([stage, index, 'id'], `'${step.id}' and '${clash}' both become STEP_${normalised}_*; rename one`));
            }
            stepEnvNames.set(normalised, step.id);
            const seen = ids.get(step.id);
            if (seen) {
                problems.push(issue([stage, index, 'id'], `duplicate step id '${step.id}' (first used in ${seen})`));
            }
            else {
                ids.set(step.id, `${stage}[${index}]`);
            }
            problems.push(...expressionIssues(step, [stage, index], issue));
        });
    }
    for (const [output, spec] of Object.entries(def.outputs)) {
        if (!ids.has(spec.step)) {
            problems.push(issue(['outputs', output, 'step'], `expected the id of a step, got '${spec.step}'`));
        }
    }
    problems.push(...expressionIssuesIn(def.env, ['env'], issue));
    return problems;
}
// `${{ }}` looks like GitHub's expression language but nothing here evaluates it: a step relying
// on it would run with the literal text, and a workflow author might expect interpolation of
// untrusted values. Parameters are environment variables ($PARAM_X); say so.
function expressionIssues(step, at, issue) {
    const found = [];
    if (step.run.includes('${{')) {
        found.push(issue([...at, 'run'], expressionMessage(step.run)));
    }
    found.push(...expressionIssuesIn(step.env ?? {}, [...at, 'env'], issue));
    return found;
}
function durationIssue(text, at, issue) {
    try {
        parseDuration(text);
        return [];
    }
    catch (error) {
        return [issue(at, error.message)];
    }
}
function expressionIssuesIn(env, at, issue) {
    return Object.entries(env)
        .filter(([, value]) => value.includes('${{'))
        .map(([key, value]) => issue([...at, key], expressionMessage(value)));
}
function expressionMessage(text) {
    const expr = /\$\{\{[^}]*\}?\}?/.exec(text)?.[0] ?? '${{ }}';
    return `'${expr.slice(0, 60)}' is not evaluated here: this is not GitHub's expression language; read parameters from $PARAM_<NAME> and outputs from $STEP_<ID>_<KEY> instead`;
}
function schemaIssue(error, issue) {
    const path = pointerToPath(error.instancePath);
    const got = error.data;
    switch (error.keyword) {
        case 'additionalProperties': {
            const key = error.params.additionalProperty;
            return issue([...path, key], `unknown key '${key}'`, true);
        }
        case 'required': {
            const key = error.params.missingProperty;
            return issue(path, `missing required key '${key}'`);
        }
        case 'pattern': {
            const description = error.parentSchema?.description;
            const expected = description
                ? lowerFirst(description.replace(/\.$/, ''))
                : `a value matching /${error.params.pattern}/`;
            return issue(path, `expected ${expected}, got ${show(got)}`);
        }
        case 'propertyNames': {
            const name = error.params.propertyName;
            return issue([...path, name], `invalid key '${name}'`, true);
        }
        case 'type':
            return issue(path, `expected ${error.params.type.toString().replace(',', ' or ')}, got ${show(got)}`);
        case 'enum':
            return issue(path, `expected one of ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}, got ${show(got)}`);
        default:
            return issue(path, `${error.message ?? 'is invalid'}, got ${show(got)}`);
    }
}
function findNode(doc, path) {
    let node = doc.contents;
    let keyNode;
    for (const part of path) {
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === String(part));
            if (!pair)
                return { node: node };
            keyNode = pair.key;
            node = pair.value ?? pair.key;
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof part === 'number') {
            const next = node.items[part];
            if (!next)
                return { node: node };
            keyNode = undefined;
            node = next;
        }
        else {
            break;
        }
    }
    return { node: node, ...(keyNode ? { keyNode } : {}) };
}
/** A JSON pointer (`/steps/1/timeout`) as a path (`['steps', 1, 'timeout']`). */
function pointerToPath(pointer) {
    if (!pointer)
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
/** Formats a path like `steps[1].timeout`. */
function formatPath(path) {
    return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}
function show(value) {
    if (typeof value === 'string')
        return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return String(value);
}
function lowerFirst(text) {
    return text.charAt(0).toLowerCase() + text.slice(1);
}
function dedupe(issues) {
    const seen = new Set();
    return issues.filter((i) => {
        const key = formatIssue(i);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}

;// CONCATENATED MODULE: ./src/core/dsse.ts

/** The payload type of a remediation manifest inside its DSSE envelope. */
const MANIFEST_PAYLOAD_TYPE = 'application/vnd.remediate.manifest.v1+json';
/**
 * DSSE's Pre-Authentication Encoding: `DSSEv1 SP LEN(type) SP type SP LEN(body) SP body`,
 * lengths as ASCII decimal byte counts. Signing PAE instead of the raw payload binds the type,
 * so a signature over some other document cannot be replayed as a manifest.
 */
function pae(payloadType, payload) {
    const type = Buffer.from(payloadType, 'utf8');
    return Buffer.concat([
        Buffer.from(`DSSEv1 ${type.byteLength} `, 'ascii'),
        type,
        Buffer.from(` ${payload.byteLength} `, 'ascii'),
        payload,
    ]);
}
/** Serialises an envelope the way it is stored: pretty JSON with a trailing newline. */
function serialiseEnvelope(envelope) {
    return Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
}
/**
 * Strict, canonical base64 decoding: Node's decoder skips junk and ignores non-zero padding bits,
 * so two different texts could decode to the same bytes and an envelope could be altered without
 * any signature or digest noticing. Only the one canonical encoding of the bytes is accepted.
 */
function decodeBase64Strict(text, what) {
    const bytes = /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0 ? Buffer.from(text, 'base64') : undefined;
    if (!bytes || bytes.toString('base64') !== text)
        throw new UsageError('USAGE', `${what} is not valid base64`);
    return bytes;
}

;// CONCATENATED MODULE: ./src/core/manifest.ts


/** The `_type` of a manifest payload; bumped only with a format change. */
const MANIFEST_TYPE = 'https://remediate.dev/manifest/v1';
/** Digest of a manifest: sha256 of its payload bytes (what the signatures cover). */
function manifestDigest(payloadBytes) {
    return sha256Digest(payloadBytes);
}
/** Serialises a payload deterministically (keys in insertion order, sorted by the editor). */
function serialisePayload(payload) {
    return Buffer.from(JSON.stringify(payload), 'utf8');
}
const HEX40 = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;
const manifest_DIGEST = /^sha256:[0-9a-f]{64}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
/**
 * A real UTC time in ISO 8601 form. The calendar is checked too: `2020-13-45` parses to NaN, and
 * a NaN expiry would never compare as past, so a manifest could never expire.
 */
function isIsoTime(value) {
    if (typeof value !== 'string' || !ISO.test(value))
        return false;
    const ms = Date.parse(value);
    return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 19) === value.slice(0, 19);
}
/**
 * Checks the payload's shape after its signatures verified. A signed but malformed payload is
 * still refused: a signer's tooling bug must not turn into a run of an unchecked version.
 */
function parsePayload(bytes) {
    let value;
    try {
        value = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch (error) {
        throw new errors_TrustError('MALFORMED', 'manifest payload is not JSON', { cause: error });
    }
    const fail = (what) => {
        throw new errors_TrustError('MALFORMED', `manifest payload: ${what}`);
    };
    if (!isRecord(value))
        return fail('expected an object');
    if (value._type !== MANIFEST_TYPE)
        fail(`expected _type ${MANIFEST_TYPE}, got ${JSON.stringify(value._type)}`);
    if (!Number.isSafeInteger(value.serial) || value.serial < 1)
        fail('serial: expected an integer >= 1');
    if (!isIsoTime(value.issued))
        fail('issued: expected an ISO 8601 UTC time');
    if (!isIsoTime(value.expires))
        fail('expires: expected an ISO 8601 UTC time');
    if (value.previous !== null && (typeof value.previous !== 'string' || !manifest_DIGEST.test(value.previous))) {
        fail('previous: expected null or a sha256: digest');
    }
    if (!isRecord(value.remediations))
        return fail('remediations: expected an object');
    for (const [name, versions] of Object.entries(value.remediations)) {
        if (!isRecord(versions))
            return fail(`remediations.${name}: expected an object`);
        for (const [version, entry] of Object.entries(versions)) {
            const at = `remediations.${name}.${version}`;
            if (!isRecord(entry))
                return fail(`${at}: expected an object`);
            if (entry.tag !== `${name}/${version}`)
                fail(`${at}.tag: expected ${name}/${version}`);
            if (typeof entry.commit !== 'string' || !HEX40.test(entry.commit))
                fail(`${at}.commit: expected a full commit id`);
            if (typeof entry.digest !== 'string' || !manifest_DIGEST.test(entry.digest))
                fail(`${at}.digest: expected sha256:<hex>`);
            if (!isIsoTime(entry.released))
                fail(`${at}.released: expected a time`);
            const yanked = entry.yanked;
            if (yanked !== false && !(isRecord(yanked) && typeof yanked.reason === 'string' && isIsoTime(yanked.at))) {
                fail(`${at}.yanked: expected false or {reason, at}`);
            }
        }
    }
    return value;
}
/** Looks up one version's entry. */
function findEntry(payload, name, version) {
    const versions = Object.hasOwn(payload.remediations, name) ? payload.remediations[name] : undefined;
    return versions && Object.hasOwn(versions, version) ? versions[version] : undefined;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/core/manifest-verifier.ts




/** Largest manifest envelope accepted (10,000 versions take about 3 MB). */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/**
 * Verifies a DSSE manifest envelope. Pure: bytes and keys in, verified payload out, or a
 * TrustError whose code names the failed check. It never fetches anything.
 */
function verifyManifest(envelopeBytes, trustedKeys, policy) {
    const trusted = new Map(trustedKeys.map((k) => [k.keyid, k]));
    // A threshold of 0, or above the number of distinct trusted keys, would make the check vacuous
    // or impossible; both are configuration mistakes, refused before looking at the manifest.
    if (!Number.isSafeInteger(policy.threshold) || policy.threshold < 1) {
        throw new UsageError('USAGE', `threshold: expected an integer >= 1, got ${policy.threshold}`);
    }
    if (policy.threshold > trusted.size) {
        throw new UsageError('USAGE', `threshold ${policy.threshold} needs at least that many distinct trusted keys, got ${trusted.size}`);
    }
    // Bounds the work an attacker-supplied file can cause before any signature is checked.
    if (envelopeBytes.byteLength > MAX_MANIFEST_BYTES) {
        throw new errors_TrustError('MALFORMED', `manifest is ${envelopeBytes.byteLength} bytes; at most ${MAX_MANIFEST_BYTES}`);
    }
    const envelope = parseEnvelope(envelopeBytes);
    // Type confusion: a signature made for another kind of DSSE payload must not authorise a run.
    if (envelope.payloadType !== MANIFEST_PAYLOAD_TYPE) {
        throw new errors_TrustError('MALFORMED', `manifest payloadType: expected ${MANIFEST_PAYLOAD_TYPE}, got ${JSON.stringify(envelope.payloadType)}`);
    }
    const payloadBytes = decodeBase64OrRefuse(envelope.payload, 'manifest payload');
    const signed = pae(envelope.payloadType, payloadBytes);
    // Forgery and edits: only a signature that verifies under a key the caller trusts counts, and
    // each trusted key counts once however many signatures claim it (no threshold by duplication).
    const valid = new Set();
    let invalidFromTrusted = 0;
    let untrusted = 0;
    for (const signature of envelope.signatures) {
        const key = trusted.get(signature.keyid);
        if (!key) {
            untrusted++;
            continue;
        }
        const sig = decodeBase64OrRefuse(signature.sig, `signature by ${signature.keyid}`);
        if ((0,external_node_crypto_.verify)(null, signed, key.key, sig))
            valid.add(key.keyid);
        else
            invalidFromTrusted++;
    }
    if (valid.size < policy.threshold) {
        if (valid.size === 0 && invalidFromTrusted > 0) {
            throw new errors_TrustError('SIGNATURE_INVALID', `manifest signature check: expected a valid signature from a trusted key, got ${invalidFromTrusted} that do not verify (the manifest was changed after signing, or signed with another key under a trusted keyid)`);
        }
        if (valid.size === 0) {
            throw new errors_TrustError('UNTRUSTED_KEY', `manifest signer check: expected a signature from one of ${[...trusted.keys()].map(manifest_verifier_short).join(', ')}, got ${untrusted ? `only untrusted keys (${envelope.signatures.map((s) => manifest_verifier_short(s.keyid)).join(', ')})` : 'no signatures'}`);
        }
        throw new errors_TrustError('THRESHOLD_NOT_MET', `manifest threshold check: expected valid signatures from ${policy.threshold} distinct trusted keys, got ${valid.size} (${[...valid].map(manifest_verifier_short).join(', ')})`);
    }
    const payload = parsePayload(payloadBytes);
    // Freeze attack: an old manifest kept around would hide later yanks forever; it must expire.
    if (Date.parse(payload.expires) <= policy.now.getTime()) {
        throw new errors_TrustError('EXPIRED', `manifest expiry check: expected a manifest valid at ${policy.now.toISOString()}, got one that expired at ${payload.expires}`);
    }
    // Rollback attack: replaying an older, validly signed manifest (say, one from before a yank).
    if (payload.serial < policy.minSerial) {
        throw new errors_TrustError('SERIAL_ROLLBACK', `manifest serial check: expected serial >= ${policy.minSerial}, got ${payload.serial}`);
    }
    return { payload, payloadBytes, digest: manifestDigest(payloadBytes), signers: [...valid].sort() };
}
/** Parses envelope bytes into a DSSE envelope, refusing anything of another shape. */
function parseEnvelope(bytes) {
    let value;
    try {
        value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    }
    catch (error) {
        throw new errors_TrustError('MALFORMED', 'manifest is not a JSON DSSE envelope', { cause: error });
    }
    const v = value;
    if (typeof v !== 'object' ||
        v === null ||
        typeof v.payloadType !== 'string' ||
        typeof v.payload !== 'string' ||
        !Array.isArray(v.signatures) ||
        !v.signatures.every((s) => typeof s === 'object' && s !== null && typeof s.keyid === 'string' && typeof s.sig === 'string')) {
        throw new errors_TrustError('MALFORMED', 'manifest: expected {payloadType, payload, signatures: [{keyid, sig}]}');
    }
    return v;
}
function decodeBase64OrRefuse(text, what) {
    try {
        return decodeBase64Strict(text, what);
    }
    catch (error) {
        throw new errors_TrustError('MALFORMED', `${what} is not valid base64`, { cause: error });
    }
}
function manifest_verifier_short(keyid) {
    return keyid.slice(0, 16);
}
/**
 * The payload of an envelope WITHOUT checking signatures: only for comparing two manifests'
 * structure (the append-only check) or reading a serial, never for deciding what may run.
 */
function readPayloadUnverified(envelopeBytes) {
    const envelope = parseEnvelope(envelopeBytes);
    const payloadBytes = decodeBase64OrRefuse(envelope.payload, 'manifest payload');
    return { payload: parsePayload(payloadBytes), payloadBytes };
}

;// CONCATENATED MODULE: ./src/core/release-check.ts

/**
 * Matches what the repository holds now against what was signed at release. Pure: the caller
 * resolves the tag and computes the digest from git objects.
 */
function checkRelease(ref, resolved, manifest) {
    const entry = checkReleaseEntry(ref, resolved.commit, manifest);
    checkReleaseDigest(ref, entry, resolved.digest);
    return { ref, commit: resolved.commit, digest: resolved.digest, entry, manifest };
}
/**
 * The checks that need only the tag's commit: done before any file of the tree is read, so a
 * moved tag is refused as such (and recorded) even when it points somewhere without the folder.
 */
function checkReleaseEntry(ref, commit, manifest) {
    const versions = Object.hasOwn(manifest.payload.remediations, ref.name)
        ? manifest.payload.remediations[ref.name]
        : undefined;
    const entry = versions && Object.hasOwn(versions, ref.version) ? versions[ref.version] : undefined;
    // An unsigned version, however well-formed, is exactly what the manifest exists to keep out.
    if (!entry) {
        const known = versions ? Object.keys(versions).join(', ') : 'none';
        throw new errors_TrustError('UNKNOWN_VERSION', `manifest entry check: expected ${ref.name}@${ref.version} in manifest serial ${manifest.payload.serial}, got no such version (released versions of ${ref.name}: ${known})`);
    }
    // The entry must be the one for this tag (a signed entry copied under another version name).
    if (entry.tag !== ref.tag) {
        throw new errors_TrustError('TAG_MISMATCH', `manifest tag check: expected ${ref.tag}, got ${entry.tag}`);
    }
    // Tag moved, or deleted and re-created elsewhere: the tag now names a commit nobody signed.
    if (entry.commit !== commit) {
        throw new errors_TrustError('COMMIT_MISMATCH', `commit check: tag ${ref.tag} points at ${commit}, but the manifest released ${entry.commit} (the tag was moved or re-created)`);
    }
    // Withdrawn versions stay in the manifest so history is kept, but must not run again.
    if (entry.yanked) {
        throw new errors_TrustError('YANKED', `yank check: ${ref.name}@${ref.version} was yanked at ${entry.yanked.at}: ${entry.yanked.reason}`);
    }
    return entry;
}
/** Content changed after release (history rewritten, objects replaced): refuse the bytes. */
function checkReleaseDigest(ref, entry, digest) {
    if (entry.digest !== digest) {
        throw new errors_TrustError('DIGEST_MISMATCH', `digest check: expected ${entry.digest} (signed at release), got ${digest} from ${ref.tag}`);
    }
}

;// CONCATENATED MODULE: ./src/adapters/remediation-source.ts



/** Folder holding every remediation, relative to the repository root. */
const REMEDIATIONS_DIR = 'remediations';
/** Most files a remediation may hold: a definition and its scripts, not a vendored tree. */
const MAX_FILES = 5000;
/** Most bytes a remediation may hold in all. */
const MAX_TOTAL_BYTES = 128 * 1024 * 1024;
/** The folder of a remediation, relative to the repository root. */
function remediationDir(name) {
    return `${REMEDIATIONS_DIR}/${name}`;
}
/**
 * Reads a remediation's files from git objects at a commit. Symlinks and submodules are refused:
 * a symlink could make the digest cover a link text while the run reads a file outside the
 * version, and a submodule's content is not in this repository's objects at all.
 */
async function readRemediationAtCommit(git, commit, name) {
    const dir = remediationDir(name);
    const entries = await git.listTree(commit, dir);
    if (entries.length === 0) {
        throw new UsageError('NOT_FOUND', `${dir}/ does not exist at commit ${commit.slice(0, 12)}`);
    }
    for (const entry of entries) {
        if (entry.type === 'commit')
            throw unsafe(`${entry.path} is a submodule; a remediation must hold its own files`);
        if (entry.mode === '120000')
            throw unsafe(`${entry.path} is a symlink; copy the file into ${dir}/ instead`);
        if (entry.mode !== '100644' && entry.mode !== '100755')
            throw unsafe(`${entry.path} has unsupported mode ${entry.mode}`);
        if (!entry.path.startsWith(`${dir}/`))
            throw unsafe(`${entry.path} is outside ${dir}/`);
        // Git objects can be crafted with `.`, `..` or empty path parts (git mktree accepts them);
        // written out, such a path would land outside the run's copy of the files.
        if (entry.path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
            throw unsafe(`${JSON.stringify(entry.path)} has an empty, '.' or '..' path part`);
        }
    }
    checkLimits(entries.length, 0, dir);
    const blobs = await git.readBlobs(entries.map((e) => e.oid));
    let total = 0;
    const files = entries.map((entry) => {
        const content = blobs.get(entry.oid);
        if (!content)
            throw unsafe(`${entry.path}: git object ${entry.oid} is missing`);
        total += content.byteLength;
        return { path: entry.path.slice(dir.length + 1), mode: entry.mode, content };
    });
    checkLimits(files.length, total, dir);
    return files;
}
/** Reads a remediation's files from the working tree (unreleased content), with the same refusals. */
async function readRemediationFromWorkingTree(root, name) {
    const dir = remediationDir(name);
    const files = [];
    let total = 0;
    const walk = async (relative) => {
        const absolute = (0,external_node_path_.join)(root, dir, relative);
        const stats = await (0,promises_.lstat)(absolute).catch((error) => {
            throw new UsageError('NOT_FOUND', `${dir}/${relative} does not exist`, { cause: error });
        });
        const shown = relative ? `${dir}/${relative}` : `${dir}/`;
        if (stats.isSymbolicLink())
            throw unsafe(`${shown} is a symlink; copy the file into ${dir}/ instead`);
        if (stats.isDirectory()) {
            for (const child of (await (0,promises_.readdir)(absolute)).sort())
                await walk(relative ? `${relative}/${child}` : child);
            return;
        }
        if (!stats.isFile())
            throw unsafe(`${shown} is not a regular file`);
        const content = await (0,promises_.readFile)(absolute);
        total += content.byteLength;
        files.push({ path: relative, mode: stats.mode & 0o100 ? '100755' : '100644', content });
        checkLimits(files.length, total, dir);
    };
    await walk('');
    return files;
}
function checkLimits(count, bytes, dir) {
    // Resource exhaustion: a huge folder would stall digesting and every run that copies it.
    if (count > MAX_FILES)
        throw unsafe(`${dir}/ holds more than ${MAX_FILES} files`);
    if (bytes > MAX_TOTAL_BYTES)
        throw unsafe(`${dir}/ holds more than ${MAX_TOTAL_BYTES} bytes`);
}
function unsafe(message) {
    return new errors_TrustError('UNSAFE_TREE', message);
}

;// CONCATENATED MODULE: ./src/app/resolve-release.ts






/**
 * name@version -> tag -> commit -> files -> digest, then the manifest check. Throws a TrustError
 * naming the failed check; nothing is returned unless every check passed.
 */
async function resolveRelease(git, ref, manifestBytes, trustedKeys, policy) {
    // Verify the manifest first: nothing from the repository is even parsed for an untrusted manifest.
    const manifest = verifyManifest(manifestBytes, trustedKeys, policy);
    const commit = await git.tryResolveTag(ref.tag);
    if (!commit) {
        throw new errors_TrustError('TAG_NOT_FOUND', `tag check: expected tag ${ref.tag} in the repository, got none (fetch tags with 'git fetch --tags', or check the version)`);
    }
    // The commit is checked against the signed entry before any file is read.
    checkReleaseEntry(ref, commit, manifest);
    const files = await readRemediationAtCommit(git, commit, ref.name);
    const release = checkRelease(ref, { commit, digest: treeDigest(files) }, manifest);
    const definitionFile = files.find((f) => f.path === 'remediation.yml');
    if (!definitionFile) {
        throw new errors_TrustError('UNSAFE_TREE', `${remediationDir(ref.name)}/remediation.yml is missing at ${ref.tag}`);
    }
    const definition = parseDefinition(`${remediationDir(ref.name)}/remediation.yml`, definitionFile.content, ref.name);
    return { release, files, definition };
}

;// CONCATENATED MODULE: ./src/app/run.ts
















/**
 * Verifies and runs one remediation version and records it. Trust refusals are recorded as
 * `refused` before anything runs; usage errors (bad parameters, missing secrets) throw.
 */
async function runRemediation(settings, deps) {
    const { ref } = settings;
    const started = deps.clock();
    const runId = settings.runId ?? `${started.toISOString().replace(/[-:]|\.\d+/g, '')}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
    // The run id names the record folder: one taken from the environment must not be able to point
    // outside --out ('../', '/') or hide as a dot file.
    if (!RUN_ID.test(runId)) {
        throw new UsageError('USAGE', `run id '${runId.slice(0, 60)}': expected letters, digits, '.', '_' or '-' (at most 128)`);
    }
    const recordDir = (0,external_node_path_.join)(settings.outDir, `${ref.name}-${ref.version}-${runId}`);
    const base = {
        schema: SNAPSHOT_SCHEMA,
        runId,
        status: 'running',
        secrets: [],
        forced: settings.force,
        trigger: settings.trigger,
        runner: {
            os: (0,external_node_os_.platform)(),
            arch: (0,external_node_os_.arch)(),
            node: process.version,
            ...(settings.runnerInfo?.name ? { name: settings.runnerInfo.name.slice(0, 256) } : {}),
            ...(settings.runnerInfo?.os ? { runnerOs: settings.runnerInfo.os.slice(0, 64) } : {}),
        },
        tool: { name: 'remediate', version: TOOL_VERSION, bundleDigest: settings.toolDigest },
        started: started.toISOString(),
        steps: [],
        outputs: {},
        log: { file: 'run.log', complete: false },
    };
    let resolved;
    try {
        resolved = await resolveRelease(deps.git, ref, deps.manifestBytes, deps.trustedKeys, {
            threshold: settings.threshold,
            minSerial: settings.minSerial,
            now: started,
        });
    }
    catch (error) {
        if (!(error instanceof errors_TrustError) || settings.dryRun)
            throw error;
        // Refused: not one step starts, but the refusal itself is evidence and gets a record.
        const recorder = await RunRecorder.create(recordDir, [], {
            ...base,
            status: 'refused',
            remediation: { name: ref.name, version: ref.version, tag: ref.tag },
            error: { code: error.code, message: error.message },
        }, deps.clock, deps.echo);
        deps.onRecordStarted?.(recordDir);
        recorder.line(`refused ${formatRef(ref)} [${error.code}]: ${error.message}`);
        recorder.marker('run refused');
        finishTimes(recorder.snapshot, started, deps.clock());
        const snapshotDigest = await recorder.finish();
        throw new RecordedRefusal(error, recordDir, snapshotDigest);
    }
    const { release, definition, files } = resolved;
    const given = { ...settings.params };
    for (const [key, text] of Object.entries(settings.cliParams))
        given[key] = coerceCliValue(definition.inputs[key], text);
    const params = resolveParams(definition.inputs, given);
    const { secrets, missing, masked } = collectSecrets(definition.secrets, deps.callerEnv);
    // Mask before anything can print, including values of the bundle this version does not declare.
    deps.onSecrets?.(masked);
    if (missing.length) {
        throw new UsageError('MISSING_SECRET', `${formatRef(ref)} declares secret(s) ${missing.join(', ')}, but neither the environment nor ${SECRETS_BUNDLE_VARIABLE} sets them; export them (on GitHub: env: ${missing[0]}: \${{ secrets.${missing[0]} }}, or pass a REMEDIATION_SECRETS JSON secret to the reusable workflows)`);
    }
    const secretValues = Object.values(secrets);
    const recordedParams = redactValue(params, secretValues);
    if (settings.dryRun) {
        printPlan(deps.out, resolved, recordedParams, definition.secrets, settings);
        return {
            status: 'planned',
            exitCode: ExitCode.ok,
            digest: release.digest,
            manifestSerial: release.manifest.payload.serial,
            outputs: {},
        };
    }
    const snapshot = {
        ...base,
        secrets: definition.secrets,
        remediation: {
            name: ref.name,
            version: ref.version,
            tag: ref.tag,
            commit: release.commit,
            digest: release.digest,
            files: treeListing(files),
        },
        manifest: {
            serial: release.manifest.payload.serial,
            digest: release.manifest.digest,
            signers: release.manifest.signers,
            threshold: settings.threshold,
            minSerial: settings.minSerial,
        },
        params: { values: recordedParams, digest: paramsDigest(recordedParams) },
    };
    const recorder = await RunRecorder.create(recordDir, secretValues, snapshot, deps.clock, deps.echo);
    deps.onRecordStarted?.(recordDir);
    recorder.line(`verified ${formatRef(ref)}: commit ${release.commit}, digest ${release.digest}, manifest serial ${release.manifest.payload.serial} signed by ${release.manifest.signers.length} trusted key(s)`);
    const plan = {
        name: ref.name,
        version: ref.version,
        runId,
        definition,
        files,
        params,
        secrets,
        force: settings.force,
    };
    let status;
    try {
        status = await executePlan(plan, recorder, { ...deps, cancel: deps.cancel });
    }
    catch (error) {
        status = 'crashed';
        snapshot.error = {
            code: error instanceof RemediateError ? error.code : 'INTERNAL',
            message: recorder.redact(describeError(error)),
        };
        recorder.line(`crashed: ${describeError(error)}`);
    }
    snapshot.status = status;
    if (status === 'cancelled' && !snapshot.error) {
        snapshot.error = {
            code: 'CANCELLED',
            message: 'the run was cancelled (SIGINT or SIGTERM); the running step was stopped and the rest skipped',
        };
    }
    if (status === 'timed-out' && !snapshot.error) {
        snapshot.error = {
            code: 'TIMED_OUT',
            message: `the run passed its time limit (${definition.timeout ?? DEFAULT_RUN_TIMEOUT}); the running step was stopped and the rest skipped`,
        };
    }
    recorder.marker(`run ${status}`);
    finishTimes(snapshot, started, deps.clock());
    const snapshotDigest = await recorder.finish();
    return {
        status,
        exitCode: exitCodeFor(status),
        recordDir,
        snapshotDigest,
        digest: release.digest,
        manifestSerial: release.manifest.payload.serial,
        outputs: redactValue(snapshot.outputs, secretValues),
    };
}
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** A refusal whose record was written: carries where, so the entry can print it. */
class RecordedRefusal extends errors_TrustError {
    recordDir;
    snapshotDigest;
    constructor(error, recordDir, snapshotDigest) {
        super(error.code, error.message, { cause: error });
        this.recordDir = recordDir;
        this.snapshotDigest = snapshotDigest;
    }
}
/** Exit code of a final status (README "Exit codes"). */
function exitCodeFor(status) {
    switch (status) {
        case 'succeeded':
        case 'healthy':
            return ExitCode.ok;
        case 'refused':
            return ExitCode.refused;
        case 'cancelled':
        case 'timed-out':
            return ExitCode.cancelled;
        default:
            return ExitCode.failed;
    }
}
function finishTimes(snapshot, started, ended) {
    snapshot.ended = ended.toISOString();
    snapshot.durationMs = Math.max(0, ended.getTime() - started.getTime());
}
function printPlan(out, resolved, params, secretNames, settings) {
    const { release, definition } = resolved;
    out(`plan for ${formatRef(settings.ref)} (dry run: nothing will run)`);
    out(`  commit:    ${release.commit}`);
    out(`  digest:    ${release.digest}`);
    out(`  manifest:  serial ${release.manifest.payload.serial}, digest ${release.manifest.digest}`);
    out(`  signers:   ${release.manifest.signers.join(', ')}`);
    out('  parameters:');
    for (const [name, value] of Object.entries(params))
        out(`    ${paramEnvName(name)}=${JSON.stringify(value)}`);
    if (Object.keys(params).length === 0)
        out('    (none)');
    out(`  secrets:   ${secretNames.length ? secretNames.map((s) => `${s}=***`).join(', ') : '(none)'}`);
    out(`  force:     ${settings.force}`);
    for (const stage of ['check', 'steps', 'verify', 'rollback']) {
        const steps = definition[stage];
        out(`  ${stage}:${steps.length ? '' : ' (none)'}`);
        for (const step of steps) {
            const extras = [
                step.timeout && `timeout ${step.timeout}`,
                step.retries && `retries ${step.retries}`,
                step['continue-on-error'] && 'continue-on-error',
                step.shell === 'sh' && 'sh',
            ].filter(Boolean);
            out(`    - ${step.id}${step.name ? ` (${step.name})` : ''}${extras.length ? ` [${extras.join(', ')}]` : ''}`);
        }
    }
}

;// CONCATENATED MODULE: ./remediations/run-snapshot.schema.json
const run_snapshot_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"BG":{"sha256Digest":{"description":"`sha256:` and 64 lower-case hex digits.","type":"string","pattern":"^sha256:[0-9a-f]{64}$"},"hex64":{"description":"64 lower-case hex digits.","type":"string","pattern":"^[0-9a-f]{64}$"},"commit":{"description":"A full git object id: 40 (SHA-1) or 64 (SHA-256) lower-case hex digits.","type":"string","pattern":"^(?:[0-9a-f]{40}|[0-9a-f]{64})$"},"isoTime":{"description":"A UTC time as JavaScript\'s toISOString() writes it, e.g. 2025-01-01T12:00:00.000Z.","type":"string","pattern":"^\\\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\\\d|3[01])T(?:[01]\\\\d|2[0-3]):[0-5]\\\\d:[0-5]\\\\d\\\\.\\\\d{3}Z$"},"remediationName":{"description":"Lower-case letters, digits and `-`, at most 64.","type":"string","pattern":"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"},"version":{"description":"An exact semantic version with a `v` prefix.","type":"string","pattern":"^v(0|[1-9]\\\\d*)\\\\.(0|[1-9]\\\\d*)\\\\.(0|[1-9]\\\\d*)(?:-((?:0|[1-9]\\\\d*|\\\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\\\.(?:0|[1-9]\\\\d*|\\\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\\\+([0-9a-zA-Z-]+(?:\\\\.[0-9a-zA-Z-]+)*))?$"},"localTrigger":{"type":"object","additionalProperties":false,"required":["kind","user","host"],"properties":{"kind":{"description":"`local`: started from a terminal.","const":"local"},"user":{"description":"OS user name that ran the command.","type":"string"},"host":{"description":"Host name of the machine.","type":"string"}}},"githubTrigger":{"type":"object","additionalProperties":false,"required":["kind","event","runId","attempt","actor","workflowRef","repository"],"properties":{"kind":{"description":"`github`: started by a GitHub Actions workflow.","const":"github"},"event":{"description":"GITHUB_EVENT_NAME (e.g. workflow_dispatch, repository_dispatch, schedule), or `unknown`.","type":"string"},"action":{"description":"The event payload\'s `action`, when it has one (at most 100 characters).","type":"string","maxLength":100},"runId":{"description":"GITHUB_RUN_ID, or `unknown`.","type":"string"},"attempt":{"description":"GITHUB_RUN_ATTEMPT (default 1).","type":"string"},"actor":{"description":"GITHUB_ACTOR: who triggered the workflow, or `unknown`.","type":"string"},"workflowRef":{"description":"GITHUB_WORKFLOW_REF: the workflow file and ref that ran, or `unknown`.","type":"string"},"repository":{"description":"GITHUB_REPOSITORY (owner/name), or `unknown`.","type":"string"},"payloadDigest":{"description":"sha256 of the event payload file; the payload itself is not stored.","$ref":"#/definitions/sha256Digest"}}},"logOpen":{"type":"object","additionalProperties":false,"required":["file","complete"],"properties":{"file":{"description":"Always `run.log`.","const":"run.log"},"complete":{"description":"Always false: the log is still being written (or the writer was killed).","const":false}}},"logClosed":{"type":"object","additionalProperties":false,"required":["file","bytes","blocks","head"],"properties":{"file":{"description":"Always `run.log`.","const":"run.log"},"bytes":{"description":"Length of run.log in bytes, all covered by the chain.","type":"integer","minimum":0},"blocks":{"description":"Number of lines (blocks) in run.log.chain.","type":"integer","minimum":0},"head":{"description":"`chain` of the last line of run.log.chain (64 zeros for an empty log).","$ref":"#/definitions/hex64"}}},"step":{"description":"One step and all its attempts.","type":"object","additionalProperties":false,"required":["stage","id","started","ended","durationMs","attempts","exitCode","signal","outcome","continueOnError","outputs","log"],"properties":{"stage":{"description":"Stage the step belongs to.","enum":["check","steps","verify","rollback"]},"id":{"description":"Step id from the definition.","type":"string","pattern":"^[a-z][a-z0-9_-]{0,62}$"},"name":{"description":"Step name from the definition, when it has one.","type":"string","maxLength":200},"started":{"description":"When the step started.","$ref":"#/definitions/isoTime"},"ended":{"description":"When the step\'s last attempt ended. Empty only in a `crashed` run, for the step the engine was running when it failed.","type":"string","pattern":"^(?:\\\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\\\d|3[01])T(?:[01]\\\\d|2[0-3]):[0-5]\\\\d:[0-5]\\\\d\\\\.\\\\d{3}Z)?$"},"durationMs":{"description":"Wall-clock milliseconds over all attempts, including retry delays.","type":"integer","minimum":0},"attempts":{"description":"Attempts made (1 + retries at most; 0 if the run was stopped before the first).","type":"integer","minimum":0,"maximum":11},"exitCode":{"description":"Exit code of the last attempt; null if it was killed by a signal or never started.","type":["integer","null"],"minimum":0,"maximum":255},"signal":{"description":"Signal that ended the last attempt (e.g. SIGKILL), or null.","type":["string","null"],"pattern":"^SIG[A-Z0-9]+$"},"outcome":{"description":"How the step ended: `succeeded` (exit 0), `failed`, `timed-out`, `cancelled`, or `drift` (a check step that exited 1: remediation needed).","enum":["succeeded","failed","timed-out","cancelled","drift"]},"continueOnError":{"description":"Whether the definition let the run continue past this step\'s failure.","type":"boolean"},"outputs":{"description":"Key/value outputs the step wrote to REMEDIATION_OUTPUT (kept even from a failed attempt); secrets redacted.","type":"object","propertyNames":{"pattern":"^[A-Za-z_][A-Za-z0-9_-]{0,99}$"},"additionalProperties":{"type":"string"}},"log":{"description":"Byte range of run.log holding this step\'s markers and output; `end` is exclusive.","type":"object","additionalProperties":false,"required":["start","end"],"properties":{"start":{"description":"Offset of the step\'s first byte in run.log.","type":"integer","minimum":0},"end":{"description":"Offset just past the step\'s last byte in run.log.","type":"integer","minimum":0}}},"error":{"description":"Why the process could not be started, when it could not (secrets redacted).","type":"string"}}}}}');
;// CONCATENATED MODULE: ./src/generated/run-snapshot-validator.js
// Generated from remediations/run-snapshot.schema.json by scripts/build-validators.mjs; do not edit.
/* eslint-disable */


const run_snapshot_validator_runtime = (m) => (typeof m === "function" ? m : m.default);
"use strict";const run_snapshot_validator_validate = (/* unused pure expression or super */ null && (run_snapshot_validator_validate10));/* harmony default export */ const run_snapshot_validator = (run_snapshot_validator_validate10);const run_snapshot_validator_schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://remediate.dev/schemas/run-snapshot-v1.json","title":"Run snapshot (snapshot.json in a run record folder)","description":"What ran, why, with what, and how it ended. Written by `remediate run` next to run.log and run.log.chain, rewritten atomically as the run goes (after each step) and a last time when it ends. `remediate verify-run` checks run.log against `log` and recomputes `remediation.digest` and `params.digest`; the digest of this file's bytes is published in the job summary.","type":"object","additionalProperties":false,"required":["schema","runId","status","remediation","secrets","forced","trigger","runner","tool","started","steps","outputs","log"],"properties":{"schema":{"description":"Format of this file. A reader that does not know the value must not interpret the rest.","const":"https://remediate.dev/schemas/run-snapshot-v1.json"},"runId":{"description":"Id of the run, also the end of the record folder's name: `<UTC time>-<6 hex>` locally (e.g. 20250101T120000Z-1a2b3c), `<GITHUB_RUN_ID>-<GITHUB_RUN_ATTEMPT>` on GitHub Actions.","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"},"status":{"description":"State of the run. `running` while it runs (and left so if the process was killed); `succeeded`: the steps and verify stage passed; `healthy`: the check found nothing to remediate, so no step changed anything; `failed`: a check, step or verify step failed (see `error` and `rollback`); `refused`: verification of the release failed and nothing ran; `cancelled`: the run was stopped (SIGINT/SIGTERM, job cancelled); `timed-out`: the run or a failing step hit its time limit; `crashed`: the engine itself failed (see `error`).","enum":["running","succeeded","healthy","failed","refused","cancelled","timed-out","crashed"]},"error":{"description":"Why the run did not succeed: set for `refused` (the failed trust check), `failed` (CHECK_FAILED, STEP_FAILED or VERIFY_FAILED), `crashed`, and `timed-out` when a step timed out. Secrets are redacted from the message.","type":"object","additionalProperties":false,"required":["code","message"],"properties":{"code":{"description":"Stable, machine-readable error code (e.g. UNTRUSTED_KEY, STEP_FAILED, INTERNAL).","type":"string","pattern":"^[A-Z][A-Z0-9_]{0,63}$"},"message":{"description":"Human-readable explanation.","type":"string"}}},"remediation":{"description":"Which remediation version was asked for and, once verified, exactly which bytes ran. A refused run records only name, version and tag.","type":"object","additionalProperties":false,"required":["name","version","tag"],"properties":{"name":{"description":"Remediation name (its folder under remediations/).","$ref":"#/definitions/remediationName"},"version":{"description":"Exact released version, with its `v` prefix (e.g. v1.2.0).","$ref":"#/definitions/version"},"tag":{"description":"The git tag that released the version: `<name>/<version>`.","type":"string","pattern":"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?/v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$"},"commit":{"description":"Commit the tag points at and the signed manifest released (40 hex for SHA-1 repositories, 64 for SHA-256).","$ref":"#/definitions/commit"},"digest":{"description":"Definition digest: sha256 over the sorted listing `<mode> <sha256> <path>\\n` of `files`. Equal to the digest the manifest signed.","$ref":"#/definitions/sha256Digest"},"files":{"description":"Every file of the remediation folder that ran, sorted by path bytes. The executed bytes are exactly these.","type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["path","mode","sha256"],"properties":{"path":{"description":"Path relative to remediations/<name>/, with `/` separators.","type":"string","minLength":1,"pattern":"^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$"},"mode":{"description":"Git file mode: 100644 (regular) or 100755 (executable).","enum":["100644","100755"]},"sha256":{"description":"Lower-case hex sha256 of the file's content.","$ref":"#/definitions/hex64"}}}}}},"manifest":{"description":"The signed release manifest the run was verified against, and the trust policy applied. Absent when refused.","type":"object","additionalProperties":false,"required":["serial","digest","signers","threshold","minSerial"],"properties":{"serial":{"description":"Manifest serial (starts at 1, +1 per release or yank).","type":"integer","minimum":1},"digest":{"description":"sha256 of the manifest payload bytes (what the signatures cover).","$ref":"#/definitions/sha256Digest"},"signers":{"description":"keyids (hex sha256 of the SPKI DER public key) of the distinct trusted keys whose signatures verified, sorted.","type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/hex64"}},"threshold":{"description":"Valid signatures from distinct trusted keys that were required (--threshold).","type":"integer","minimum":1},"minSerial":{"description":"Lowest manifest serial accepted (--min-serial); stops replay of an older manifest.","type":"integer","minimum":0}}},"params":{"description":"Parameters the steps received (defaults applied, types checked). Absent when refused.","type":"object","additionalProperties":false,"required":["values","digest"],"properties":{"values":{"description":"Parameter name -> value, with secret values redacted as `***`.","type":"object","propertyNames":{"pattern":"^[a-z][a-z0-9_-]{0,62}$"},"additionalProperties":{"type":["string","number","boolean"]}},"digest":{"description":"sha256 of the JSON of `values` with keys sorted; recomputed by verify-run.","$ref":"#/definitions/sha256Digest"}}},"secrets":{"description":"Names (never values) of the caller environment variables the definition declared as secrets. Their values are redacted from this file and run.log.","type":"array","uniqueItems":true,"items":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,127}$"}},"forced":{"description":"Whether --force was given: remediate even when the check reports healthy.","type":"boolean"},"trigger":{"description":"What started the run: a person at a terminal (`local`) or a GitHub Actions event (`github`).","type":"object","required":["kind"],"properties":{"kind":{"description":"`local` or `github`.","enum":["local","github"]}},"if":{"properties":{"kind":{"const":"github"}}},"then":{"$ref":"#/definitions/githubTrigger"},"else":{"$ref":"#/definitions/localTrigger"}},"runner":{"description":"The machine the run executed on.","type":"object","additionalProperties":false,"required":["os","arch","node"],"properties":{"os":{"description":"Node's `os.platform()` (e.g. linux, darwin, win32).","type":"string","minLength":1},"arch":{"description":"Node's `os.arch()` (e.g. x64, arm64).","type":"string","minLength":1},"node":{"description":"Node version running the tool (`process.version`, e.g. v24.1.0).","type":"string","pattern":"^v\\d+\\.\\d+\\.\\d+"},"name":{"description":"The GitHub Actions runner's name (RUNNER_NAME), on GitHub only.","type":"string","maxLength":256},"runnerOs":{"description":"The runner's operating system as GitHub reports it (RUNNER_OS: Linux, Windows, macOS), on GitHub only.","type":"string","maxLength":64}}},"tool":{"description":"The remediate build that ran and wrote this record.","type":"object","additionalProperties":false,"required":["name","version","bundleDigest"],"properties":{"name":{"description":"Always `remediate`.","const":"remediate"},"version":{"description":"Tool version (package version, no `v`).","type":"string","pattern":"^\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?$"},"bundleDigest":{"description":"sha256 of the file the process executed (the bundled action or CLI entry).","$ref":"#/definitions/sha256Digest"}}},"started":{"description":"When the run started (UTC, ISO 8601 with milliseconds).","$ref":"#/definitions/isoTime"},"ended":{"description":"When the run ended; absent while running.","$ref":"#/definitions/isoTime"},"durationMs":{"description":"Wall-clock milliseconds from `started` to `ended`.","type":"integer","minimum":0},"check":{"description":"What the check stage concluded: `healthy` (nothing to do), `drift` (a check exited 1: remediation needed), `forced` (healthy, but --force), `none` (the definition has no check), `error` (a check step failed otherwise; nothing was changed). Absent when refused, or stopped during the check.","enum":["healthy","drift","forced","none","error"]},"rollback":{"description":"`not-needed` (steps and verify passed), `succeeded`/`failed` (a step or verify failed and the rollback stage ran), `none` (a step failed and the definition has no rollback, or the run was stopped: rollback is skipped on cancellation). Absent when no step stage ran (refused, healthy, check error).","enum":["not-needed","succeeded","failed","none"]},"steps":{"description":"Every step that started, in order, across the check, steps, verify and rollback stages.","type":"array","items":{"$ref":"#/definitions/step"}},"outputs":{"description":"The run's declared outputs (definition `outputs`), taken from steps' REMEDIATION_OUTPUT; secrets redacted.","type":"object","propertyNames":{"pattern":"^[a-z][a-z0-9_-]{0,62}$"},"additionalProperties":{"type":"string"}},"log":{"description":"Summary of the hash-chained run.log. `{file, complete: false}` until the run ends; then the byte count, block count and chain head that verify-run compares run.log and run.log.chain against.","type":"object","required":["file"],"properties":{"file":{"description":"Always `run.log`, relative to the record folder.","const":"run.log"}},"if":{"required":["complete"],"properties":{"complete":true}},"then":{"$ref":"#/definitions/logOpen"},"else":{"$ref":"#/definitions/logClosed"}}},"allOf":[{"$comment":"A refusal happens before anything runs: only the requested reference, the refusal and the log.","if":{"required":["status"],"properties":{"status":{"const":"refused"}}},"then":{"required":["error"],"properties":{"error":true,"remediation":{"type":"object","properties":{"commit":false,"digest":false,"files":false}},"manifest":false,"params":false,"check":false,"rollback":false,"secrets":{"type":"array","maxItems":0},"steps":{"type":"array","maxItems":0},"outputs":{"type":"object","maxProperties":0}}},"else":{"required":["manifest","params"],"properties":{"manifest":true,"params":true,"remediation":{"type":"object","required":["commit","digest","files"],"properties":{"commit":true,"digest":true,"files":true}}}}},{"$comment":"The snapshot is saved as `running` (log open) during the run and once more, final, when the log is closed.","if":{"required":["status"],"properties":{"status":{"const":"running"}}},"then":{"properties":{"ended":false,"durationMs":false,"log":{"type":"object","required":["complete"],"properties":{"complete":true}}}}},{"if":{"required":["status"],"properties":{"status":{"enum":["succeeded","healthy","failed","cancelled","timed-out","crashed"]}}},"then":{"required":["ended","durationMs"],"properties":{"ended":true,"durationMs":true}}},{"$comment":"A run that ended on its own closed its log. Only `cancelled` and `crashed` may keep an open log: the Action's post step closes the snapshot of a main step that was killed, and the log stays the valid prefix it is.","if":{"required":["status"],"properties":{"status":{"enum":["succeeded","healthy","failed","timed-out"]}}},"then":{"properties":{"log":{"type":"object","required":["bytes","blocks","head"],"properties":{"bytes":true,"blocks":true,"head":true}}}}},{"$comment":"finish() stamps `ended` before it closes the log.","if":{"required":["log"],"properties":{"log":{"type":"object","required":["head"],"properties":{"head":true}}}},"then":{"required":["ended","durationMs"],"properties":{"ended":true,"durationMs":true}}},{"if":{"required":["status"],"properties":{"status":{"const":"succeeded"}}},"then":{"required":["check","rollback"],"properties":{"check":{"enum":["none","drift","forced"]},"rollback":{"const":"not-needed"}}}},{"if":{"required":["status"],"properties":{"status":{"const":"healthy"}}},"then":{"required":["check"],"properties":{"check":{"const":"healthy"},"rollback":false}}},{"if":{"required":["status"],"properties":{"status":{"enum":["failed","crashed"]}}},"then":{"required":["error"],"properties":{"error":true}}},{"$comment":"Only --force turns a healthy check into a remediation.","if":{"required":["check"],"properties":{"check":{"const":"forced"}}},"then":{"properties":{"forced":{"const":true}}}},{"$comment":"A step's `ended` is stamped when it finishes; an engine crash can leave the running step with `ended: \"\"`.","if":{"required":["status"],"properties":{"status":{"not":{"const":"crashed"}}}},"then":{"properties":{"steps":{"type":"array","items":{"type":"object","properties":{"ended":{"$ref":"#/definitions/isoTime"}}}}}}}],"definitions":{"sha256Digest":{"description":"`sha256:` and 64 lower-case hex digits.","type":"string","pattern":"^sha256:[0-9a-f]{64}$"},"hex64":{"description":"64 lower-case hex digits.","type":"string","pattern":"^[0-9a-f]{64}$"},"commit":{"description":"A full git object id: 40 (SHA-1) or 64 (SHA-256) lower-case hex digits.","type":"string","pattern":"^(?:[0-9a-f]{40}|[0-9a-f]{64})$"},"isoTime":{"description":"A UTC time as JavaScript's toISOString() writes it, e.g. 2025-01-01T12:00:00.000Z.","type":"string","pattern":"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"},"remediationName":{"description":"Lower-case letters, digits and `-`, at most 64.","type":"string","pattern":"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"},"version":{"description":"An exact semantic version with a `v` prefix.","type":"string","pattern":"^v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$"},"localTrigger":{"type":"object","additionalProperties":false,"required":["kind","user","host"],"properties":{"kind":{"description":"`local`: started from a terminal.","const":"local"},"user":{"description":"OS user name that ran the command.","type":"string"},"host":{"description":"Host name of the machine.","type":"string"}}},"githubTrigger":{"type":"object","additionalProperties":false,"required":["kind","event","runId","attempt","actor","workflowRef","repository"],"properties":{"kind":{"description":"`github`: started by a GitHub Actions workflow.","const":"github"},"event":{"description":"GITHUB_EVENT_NAME (e.g. workflow_dispatch, repository_dispatch, schedule), or `unknown`.","type":"string"},"action":{"description":"The event payload's `action`, when it has one (at most 100 characters).","type":"string","maxLength":100},"runId":{"description":"GITHUB_RUN_ID, or `unknown`.","type":"string"},"attempt":{"description":"GITHUB_RUN_ATTEMPT (default 1).","type":"string"},"actor":{"description":"GITHUB_ACTOR: who triggered the workflow, or `unknown`.","type":"string"},"workflowRef":{"description":"GITHUB_WORKFLOW_REF: the workflow file and ref that ran, or `unknown`.","type":"string"},"repository":{"description":"GITHUB_REPOSITORY (owner/name), or `unknown`.","type":"string"},"payloadDigest":{"description":"sha256 of the event payload file; the payload itself is not stored.","$ref":"#/definitions/sha256Digest"}}},"logOpen":{"type":"object","additionalProperties":false,"required":["file","complete"],"properties":{"file":{"description":"Always `run.log`.","const":"run.log"},"complete":{"description":"Always false: the log is still being written (or the writer was killed).","const":false}}},"logClosed":{"type":"object","additionalProperties":false,"required":["file","bytes","blocks","head"],"properties":{"file":{"description":"Always `run.log`.","const":"run.log"},"bytes":{"description":"Length of run.log in bytes, all covered by the chain.","type":"integer","minimum":0},"blocks":{"description":"Number of lines (blocks) in run.log.chain.","type":"integer","minimum":0},"head":{"description":"`chain` of the last line of run.log.chain (64 zeros for an empty log).","$ref":"#/definitions/hex64"}}},"step":{"description":"One step and all its attempts.","type":"object","additionalProperties":false,"required":["stage","id","started","ended","durationMs","attempts","exitCode","signal","outcome","continueOnError","outputs","log"],"properties":{"stage":{"description":"Stage the step belongs to.","enum":["check","steps","verify","rollback"]},"id":{"description":"Step id from the definition.","type":"string","pattern":"^[a-z][a-z0-9_-]{0,62}$"},"name":{"description":"Step name from the definition, when it has one.","type":"string","maxLength":200},"started":{"description":"When the step started.","$ref":"#/definitions/isoTime"},"ended":{"description":"When the step's last attempt ended. Empty only in a `crashed` run, for the step the engine was running when it failed.","type":"string","pattern":"^(?:\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z)?$"},"durationMs":{"description":"Wall-clock milliseconds over all attempts, including retry delays.","type":"integer","minimum":0},"attempts":{"description":"Attempts made (1 + retries at most; 0 if the run was stopped before the first).","type":"integer","minimum":0,"maximum":11},"exitCode":{"description":"Exit code of the last attempt; null if it was killed by a signal or never started.","type":["integer","null"],"minimum":0,"maximum":255},"signal":{"description":"Signal that ended the last attempt (e.g. SIGKILL), or null.","type":["string","null"],"pattern":"^SIG[A-Z0-9]+$"},"outcome":{"description":"How the step ended: `succeeded` (exit 0), `failed`, `timed-out`, `cancelled`, or `drift` (a check step that exited 1: remediation needed).","enum":["succeeded","failed","timed-out","cancelled","drift"]},"continueOnError":{"description":"Whether the definition let the run continue past this step's failure.","type":"boolean"},"outputs":{"description":"Key/value outputs the step wrote to REMEDIATION_OUTPUT (kept even from a failed attempt); secrets redacted.","type":"object","propertyNames":{"pattern":"^[A-Za-z_][A-Za-z0-9_-]{0,99}$"},"additionalProperties":{"type":"string"}},"log":{"description":"Byte range of run.log holding this step's markers and output; `end` is exclusive.","type":"object","additionalProperties":false,"required":["start","end"],"properties":{"start":{"description":"Offset of the step's first byte in run.log.","type":"integer","minimum":0},"end":{"description":"Offset just past the step's last byte in run.log.","type":"integer","minimum":0}}},"error":{"description":"Why the process could not be started, when it could not (secrets redacted).","type":"string"}}}}};const run_snapshot_validator_schema12 = {"description":"A UTC time as JavaScript's toISOString() writes it, e.g. 2025-01-01T12:00:00.000Z.","type":"string","pattern":"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"};const run_snapshot_validator_schema13 = {"description":"Lower-case letters, digits and `-`, at most 64.","type":"string","pattern":"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"};const run_snapshot_validator_schema14 = {"description":"An exact semantic version with a `v` prefix.","type":"string","pattern":"^v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$"};const schema15 = {"description":"A full git object id: 40 (SHA-1) or 64 (SHA-256) lower-case hex digits.","type":"string","pattern":"^(?:[0-9a-f]{40}|[0-9a-f]{64})$"};const run_snapshot_validator_schema16 = {"description":"`sha256:` and 64 lower-case hex digits.","type":"string","pattern":"^sha256:[0-9a-f]{64}$"};const run_snapshot_validator_schema17 = {"description":"64 lower-case hex digits.","type":"string","pattern":"^[0-9a-f]{64}$"};const schema23 = {"type":"object","additionalProperties":false,"required":["kind","user","host"],"properties":{"kind":{"description":"`local`: started from a terminal.","const":"local"},"user":{"description":"OS user name that ran the command.","type":"string"},"host":{"description":"Host name of the machine.","type":"string"}}};const schema29 = {"type":"object","additionalProperties":false,"required":["file","complete"],"properties":{"file":{"description":"Always `run.log`.","const":"run.log"},"complete":{"description":"Always false: the log is still being written (or the writer was killed).","const":false}}};const run_snapshot_validator_pattern0 = new RegExp("^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$", "u");const run_snapshot_validator_pattern1 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", "u");const run_snapshot_validator_pattern2 = new RegExp("^[A-Z][A-Z0-9_]{0,63}$", "u");const pattern3 = new RegExp("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$", "u");const run_snapshot_validator_pattern4 = new RegExp("^v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$", "u");const pattern5 = new RegExp("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?/v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$", "u");const pattern6 = new RegExp("^(?:[0-9a-f]{40}|[0-9a-f]{64})$", "u");const pattern7 = new RegExp("^sha256:[0-9a-f]{64}$", "u");const run_snapshot_validator_pattern8 = new RegExp("^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$", "u");const pattern9 = new RegExp("^[0-9a-f]{64}$", "u");const pattern12 = new RegExp("^[a-z][a-z0-9_-]{0,62}$", "u");const pattern14 = new RegExp("^[A-Za-z_][A-Za-z0-9_]{0,127}$", "u");const pattern16 = new RegExp("^v\\d+\\.\\d+\\.\\d+", "u");const pattern17 = new RegExp("^\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?$", "u");const run_snapshot_validator_func2 = Object.prototype.hasOwnProperty;const run_snapshot_validator_func3 = run_snapshot_validator_runtime(ucs2length);const run_snapshot_validator_func0 = run_snapshot_validator_runtime(equal);const schema21 = {"type":"object","additionalProperties":false,"required":["kind","event","runId","attempt","actor","workflowRef","repository"],"properties":{"kind":{"description":"`github`: started by a GitHub Actions workflow.","const":"github"},"event":{"description":"GITHUB_EVENT_NAME (e.g. workflow_dispatch, repository_dispatch, schedule), or `unknown`.","type":"string"},"action":{"description":"The event payload's `action`, when it has one (at most 100 characters).","type":"string","maxLength":100},"runId":{"description":"GITHUB_RUN_ID, or `unknown`.","type":"string"},"attempt":{"description":"GITHUB_RUN_ATTEMPT (default 1).","type":"string"},"actor":{"description":"GITHUB_ACTOR: who triggered the workflow, or `unknown`.","type":"string"},"workflowRef":{"description":"GITHUB_WORKFLOW_REF: the workflow file and ref that ran, or `unknown`.","type":"string"},"repository":{"description":"GITHUB_REPOSITORY (owner/name), or `unknown`.","type":"string"},"payloadDigest":{"description":"sha256 of the event payload file; the payload itself is not stored.","$ref":"#/definitions/sha256Digest"}}};function run_snapshot_validator_validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.kind === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema21.required,parentSchema:schema21,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.event === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "event"},message:"must have required property '"+"event"+"'",schema:schema21.required,parentSchema:schema21,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.runId === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "runId"},message:"must have required property '"+"runId"+"'",schema:schema21.required,parentSchema:schema21,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.attempt === undefined){const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "attempt"},message:"must have required property '"+"attempt"+"'",schema:schema21.required,parentSchema:schema21,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data.actor === undefined){const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "actor"},message:"must have required property '"+"actor"+"'",schema:schema21.required,parentSchema:schema21,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(data.workflowRef === undefined){const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "workflowRef"},message:"must have required property '"+"workflowRef"+"'",schema:schema21.required,parentSchema:schema21,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(data.repository === undefined){const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "repository"},message:"must have required property '"+"repository"+"'",schema:schema21.required,parentSchema:schema21,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}for(const key0 in data){if(!(run_snapshot_validator_func2.call(schema21.properties, key0))){const err7 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema21,data};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.kind !== undefined){let data0 = data.kind;if("github" !== data0){const err8 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "github"},message:"must be equal to constant",schema:"github",parentSchema:schema21.properties.kind,data:data0};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.event !== undefined){let data1 = data.event;if(typeof data1 !== "string"){const err9 = {instancePath:instancePath+"/event",schemaPath:"#/properties/event/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.event.type,parentSchema:schema21.properties.event,data:data1};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.action !== undefined){let data2 = data.action;if(typeof data2 === "string"){if(run_snapshot_validator_func3(data2) > 100){const err10 = {instancePath:instancePath+"/action",schemaPath:"#/properties/action/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema21.properties.action,data:data2};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/action",schemaPath:"#/properties/action/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.action.type,parentSchema:schema21.properties.action,data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.runId !== undefined){let data3 = data.runId;if(typeof data3 !== "string"){const err12 = {instancePath:instancePath+"/runId",schemaPath:"#/properties/runId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.runId.type,parentSchema:schema21.properties.runId,data:data3};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data.attempt !== undefined){let data4 = data.attempt;if(typeof data4 !== "string"){const err13 = {instancePath:instancePath+"/attempt",schemaPath:"#/properties/attempt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.attempt.type,parentSchema:schema21.properties.attempt,data:data4};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.actor !== undefined){let data5 = data.actor;if(typeof data5 !== "string"){const err14 = {instancePath:instancePath+"/actor",schemaPath:"#/properties/actor/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.actor.type,parentSchema:schema21.properties.actor,data:data5};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data.workflowRef !== undefined){let data6 = data.workflowRef;if(typeof data6 !== "string"){const err15 = {instancePath:instancePath+"/workflowRef",schemaPath:"#/properties/workflowRef/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.workflowRef.type,parentSchema:schema21.properties.workflowRef,data:data6};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.repository !== undefined){let data7 = data.repository;if(typeof data7 !== "string"){const err16 = {instancePath:instancePath+"/repository",schemaPath:"#/properties/repository/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.repository.type,parentSchema:schema21.properties.repository,data:data7};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data.payloadDigest !== undefined){let data8 = data.payloadDigest;if(typeof data8 === "string"){if(!pattern7.test(data8)){const err17 = {instancePath:instancePath+"/payloadDigest",schemaPath:"#/definitions/sha256Digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:run_snapshot_validator_schema16,data:data8};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}else {const err18 = {instancePath:instancePath+"/payloadDigest",schemaPath:"#/definitions/sha256Digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema16.type,parentSchema:run_snapshot_validator_schema16,data:data8};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}else {const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.type,parentSchema:schema21,data};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}run_snapshot_validator_validate11.errors = vErrors;return errors === 0;}const schema27 = {"description":"One step and all its attempts.","type":"object","additionalProperties":false,"required":["stage","id","started","ended","durationMs","attempts","exitCode","signal","outcome","continueOnError","outputs","log"],"properties":{"stage":{"description":"Stage the step belongs to.","enum":["check","steps","verify","rollback"]},"id":{"description":"Step id from the definition.","type":"string","pattern":"^[a-z][a-z0-9_-]{0,62}$"},"name":{"description":"Step name from the definition, when it has one.","type":"string","maxLength":200},"started":{"description":"When the step started.","$ref":"#/definitions/isoTime"},"ended":{"description":"When the step's last attempt ended. Empty only in a `crashed` run, for the step the engine was running when it failed.","type":"string","pattern":"^(?:\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z)?$"},"durationMs":{"description":"Wall-clock milliseconds over all attempts, including retry delays.","type":"integer","minimum":0},"attempts":{"description":"Attempts made (1 + retries at most; 0 if the run was stopped before the first).","type":"integer","minimum":0,"maximum":11},"exitCode":{"description":"Exit code of the last attempt; null if it was killed by a signal or never started.","type":["integer","null"],"minimum":0,"maximum":255},"signal":{"description":"Signal that ended the last attempt (e.g. SIGKILL), or null.","type":["string","null"],"pattern":"^SIG[A-Z0-9]+$"},"outcome":{"description":"How the step ended: `succeeded` (exit 0), `failed`, `timed-out`, `cancelled`, or `drift` (a check step that exited 1: remediation needed).","enum":["succeeded","failed","timed-out","cancelled","drift"]},"continueOnError":{"description":"Whether the definition let the run continue past this step's failure.","type":"boolean"},"outputs":{"description":"Key/value outputs the step wrote to REMEDIATION_OUTPUT (kept even from a failed attempt); secrets redacted.","type":"object","propertyNames":{"pattern":"^[A-Za-z_][A-Za-z0-9_-]{0,99}$"},"additionalProperties":{"type":"string"}},"log":{"description":"Byte range of run.log holding this step's markers and output; `end` is exclusive.","type":"object","additionalProperties":false,"required":["start","end"],"properties":{"start":{"description":"Offset of the step's first byte in run.log.","type":"integer","minimum":0},"end":{"description":"Offset just past the step's last byte in run.log.","type":"integer","minimum":0}}},"error":{"description":"Why the process could not be started, when it could not (secrets redacted).","type":"string"}}};const pattern23 = new RegExp("^(?:\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z)?$", "u");const pattern24 = new RegExp("^SIG[A-Z0-9]+$", "u");const pattern25 = new RegExp("^[A-Za-z_][A-Za-z0-9_-]{0,99}$", "u");function run_snapshot_validator_validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.stage === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "stage"},message:"must have required property '"+"stage"+"'",schema:schema27.required,parentSchema:schema27,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.id === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema27.required,parentSchema:schema27,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.started === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "started"},message:"must have required property '"+"started"+"'",schema:schema27.required,parentSchema:schema27,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.ended === undefined){const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ended"},message:"must have required property '"+"ended"+"'",schema:schema27.required,parentSchema:schema27,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data.durationMs === undefined){const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "durationMs"},message:"must have required property '"+"durationMs"+"'",schema:schema27.required,parentSchema:schema27,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(data.attempts === undefined){const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "attempts"},message:"must have required property '"+"attempts"+"'",schema:schema27.required,parentSchema:schema27,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(data.exitCode === undefined){const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "exitCode"},message:"must have required property '"+"exitCode"+"'",schema:schema27.required,parentSchema:schema27,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if(data.signal === undefined){const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "signal"},message:"must have required property '"+"signal"+"'",schema:schema27.required,parentSchema:schema27,data};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(data.outcome === undefined){const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "outcome"},message:"must have required property '"+"outcome"+"'",schema:schema27.required,parentSchema:schema27,data};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(data.continueOnError === undefined){const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "continueOnError"},message:"must have required property '"+"continueOnError"+"'",schema:schema27.required,parentSchema:schema27,data};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if(data.outputs === undefined){const err10 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "outputs"},message:"must have required property '"+"outputs"+"'",schema:schema27.required,parentSchema:schema27,data};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if(data.log === undefined){const err11 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "log"},message:"must have required property '"+"log"+"'",schema:schema27.required,parentSchema:schema27,data};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}for(const key0 in data){if(!(run_snapshot_validator_func2.call(schema27.properties, key0))){const err12 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema27,data};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data.stage !== undefined){let data0 = data.stage;if(!((((data0 === "check") || (data0 === "steps")) || (data0 === "verify")) || (data0 === "rollback"))){const err13 = {instancePath:instancePath+"/stage",schemaPath:"#/properties/stage/enum",keyword:"enum",params:{allowedValues: schema27.properties.stage.enum},message:"must be equal to one of the allowed values",schema:schema27.properties.stage.enum,parentSchema:schema27.properties.stage,data:data0};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.id !== undefined){let data1 = data.id;if(typeof data1 === "string"){if(!pattern12.test(data1)){const err14 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,62}$",parentSchema:schema27.properties.id,data:data1};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}else {const err15 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.id.type,parentSchema:schema27.properties.id,data:data1};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.name !== undefined){let data2 = data.name;if(typeof data2 === "string"){if(run_snapshot_validator_func3(data2) > 200){const err16 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema27.properties.name,data:data2};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}else {const err17 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.name.type,parentSchema:schema27.properties.name,data:data2};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data.started !== undefined){let data3 = data.started;if(typeof data3 === "string"){if(!run_snapshot_validator_pattern0.test(data3)){const err18 = {instancePath:instancePath+"/started",schemaPath:"#/definitions/isoTime/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"},message:"must match pattern \""+"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"+"\"",schema:"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$",parentSchema:run_snapshot_validator_schema12,data:data3};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}else {const err19 = {instancePath:instancePath+"/started",schemaPath:"#/definitions/isoTime/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema12.type,parentSchema:run_snapshot_validator_schema12,data:data3};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data.ended !== undefined){let data4 = data.ended;if(typeof data4 === "string"){if(!pattern23.test(data4)){const err20 = {instancePath:instancePath+"/ended",schemaPath:"#/properties/ended/pattern",keyword:"pattern",params:{pattern: "^(?:\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z)?$"},message:"must match pattern \""+"^(?:\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z)?$"+"\"",schema:"^(?:\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z)?$",parentSchema:schema27.properties.ended,data:data4};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}else {const err21 = {instancePath:instancePath+"/ended",schemaPath:"#/properties/ended/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.ended.type,parentSchema:schema27.properties.ended,data:data4};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data.durationMs !== undefined){let data5 = data.durationMs;if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){const err22 = {instancePath:instancePath+"/durationMs",schemaPath:"#/properties/durationMs/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema27.properties.durationMs.type,parentSchema:schema27.properties.durationMs,data:data5};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}if((typeof data5 == "number") && (isFinite(data5))){if(data5 < 0 || isNaN(data5)){const err23 = {instancePath:instancePath+"/durationMs",schemaPath:"#/properties/durationMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema27.properties.durationMs,data:data5};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}}if(data.attempts !== undefined){let data6 = data.attempts;if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){const err24 = {instancePath:instancePath+"/attempts",schemaPath:"#/properties/attempts/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema27.properties.attempts.type,parentSchema:schema27.properties.attempts,data:data6};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}if((typeof data6 == "number") && (isFinite(data6))){if(data6 > 11 || isNaN(data6)){const err25 = {instancePath:instancePath+"/attempts",schemaPath:"#/properties/attempts/maximum",keyword:"maximum",params:{comparison: "<=", limit: 11},message:"must be <= 11",schema:11,parentSchema:schema27.properties.attempts,data:data6};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}if(data6 < 0 || isNaN(data6)){const err26 = {instancePath:instancePath+"/attempts",schemaPath:"#/properties/attempts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema27.properties.attempts,data:data6};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}}if(data.exitCode !== undefined){let data7 = data.exitCode;if((!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))) && (data7 !== null)){const err27 = {instancePath:instancePath+"/exitCode",schemaPath:"#/properties/exitCode/type",keyword:"type",params:{type: schema27.properties.exitCode.type},message:"must be integer,null",schema:schema27.properties.exitCode.type,parentSchema:schema27.properties.exitCode,data:data7};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}if((typeof data7 == "number") && (isFinite(data7))){if(data7 > 255 || isNaN(data7)){const err28 = {instancePath:instancePath+"/exitCode",schemaPath:"#/properties/exitCode/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema27.properties.exitCode,data:data7};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}if(data7 < 0 || isNaN(data7)){const err29 = {instancePath:instancePath+"/exitCode",schemaPath:"#/properties/exitCode/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema27.properties.exitCode,data:data7};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}if(data.signal !== undefined){let data8 = data.signal;if((typeof data8 !== "string") && (data8 !== null)){const err30 = {instancePath:instancePath+"/signal",schemaPath:"#/properties/signal/type",keyword:"type",params:{type: schema27.properties.signal.type},message:"must be string,null",schema:schema27.properties.signal.type,parentSchema:schema27.properties.signal,data:data8};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}if(typeof data8 === "string"){if(!pattern24.test(data8)){const err31 = {instancePath:instancePath+"/signal",schemaPath:"#/properties/signal/pattern",keyword:"pattern",params:{pattern: "^SIG[A-Z0-9]+$"},message:"must match pattern \""+"^SIG[A-Z0-9]+$"+"\"",schema:"^SIG[A-Z0-9]+$",parentSchema:schema27.properties.signal,data:data8};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}}if(data.outcome !== undefined){let data9 = data.outcome;if(!(((((data9 === "succeeded") || (data9 === "failed")) || (data9 === "timed-out")) || (data9 === "cancelled")) || (data9 === "drift"))){const err32 = {instancePath:instancePath+"/outcome",schemaPath:"#/properties/outcome/enum",keyword:"enum",params:{allowedValues: schema27.properties.outcome.enum},message:"must be equal to one of the allowed values",schema:schema27.properties.outcome.enum,parentSchema:schema27.properties.outcome,data:data9};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}if(data.continueOnError !== undefined){let data10 = data.continueOnError;if(typeof data10 !== "boolean"){const err33 = {instancePath:instancePath+"/continueOnError",schemaPath:"#/properties/continueOnError/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema27.properties.continueOnError.type,parentSchema:schema27.properties.continueOnError,data:data10};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}if(data.outputs !== undefined){let data11 = data.outputs;if(data11 && typeof data11 == "object" && !Array.isArray(data11)){for(const key1 in data11){const _errs25 = errors;if(typeof key1 === "string"){if(!pattern25.test(key1)){const err34 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_-]{0,99}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_-]{0,99}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_-]{0,99}$",parentSchema:schema27.properties.outputs.propertyNames,data:key1,propertyName:key1};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}var valid2 = _errs25 === errors;if(!valid2){const err35 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema27.properties.outputs.propertyNames,parentSchema:schema27.properties.outputs,data:data11};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}for(const key2 in data11){let data12 = data11[key2];if(typeof data12 !== "string"){const err36 = {instancePath:instancePath+"/outputs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/outputs/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.outputs.additionalProperties.type,parentSchema:schema27.properties.outputs.additionalProperties,data:data12};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}}else {const err37 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema27.properties.outputs.type,parentSchema:schema27.properties.outputs,data:data11};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}if(data.log !== undefined){let data13 = data.log;if(data13 && typeof data13 == "object" && !Array.isArray(data13)){if(data13.start === undefined){const err38 = {instancePath:instancePath+"/log",schemaPath:"#/properties/log/required",keyword:"required",params:{missingProperty: "start"},message:"must have required property '"+"start"+"'",schema:schema27.properties.log.required,parentSchema:schema27.properties.log,data:data13};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}if(data13.end === undefined){const err39 = {instancePath:instancePath+"/log",schemaPath:"#/properties/log/required",keyword:"required",params:{missingProperty: "end"},message:"must have required property '"+"end"+"'",schema:schema27.properties.log.required,parentSchema:schema27.properties.log,data:data13};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}for(const key3 in data13){if(!((key3 === "start") || (key3 === "end"))){const err40 = {instancePath:instancePath+"/log",schemaPath:"#/properties/log/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema27.properties.log,data:data13};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}if(data13.start !== undefined){let data14 = data13.start;if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){const err41 = {instancePath:instancePath+"/log/start",schemaPath:"#/properties/log/properties/start/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema27.properties.log.properties.start.type,parentSchema:schema27.properties.log.properties.start,data:data14};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}if((typeof data14 == "number") && (isFinite(data14))){if(data14 < 0 || isNaN(data14)){const err42 = {instancePath:instancePath+"/log/start",schemaPath:"#/properties/log/properties/start/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema27.properties.log.properties.start,data:data14};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}}if(data13.end !== undefined){let data15 = data13.end;if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){const err43 = {instancePath:instancePath+"/log/end",schemaPath:"#/properties/log/properties/end/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema27.properties.log.properties.end.type,parentSchema:schema27.properties.log.properties.end,data:data15};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}if((typeof data15 == "number") && (isFinite(data15))){if(data15 < 0 || isNaN(data15)){const err44 = {instancePath:instancePath+"/log/end",schemaPath:"#/properties/log/properties/end/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema27.properties.log.properties.end,data:data15};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}}}else {const err45 = {instancePath:instancePath+"/log",schemaPath:"#/properties/log/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema27.properties.log.type,parentSchema:schema27.properties.log,data:data13};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}if(data.error !== undefined){let data16 = data.error;if(typeof data16 !== "string"){const err46 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.error.type,parentSchema:schema27.properties.error,data:data16};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}}else {const err47 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema27.type,parentSchema:schema27,data};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}run_snapshot_validator_validate13.errors = vErrors;return errors === 0;}const schema30 = {"type":"object","additionalProperties":false,"required":["file","bytes","blocks","head"],"properties":{"file":{"description":"Always `run.log`.","const":"run.log"},"bytes":{"description":"Length of run.log in bytes, all covered by the chain.","type":"integer","minimum":0},"blocks":{"description":"Number of lines (blocks) in run.log.chain.","type":"integer","minimum":0},"head":{"description":"`chain` of the last line of run.log.chain (64 zeros for an empty log).","$ref":"#/definitions/hex64"}}};function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.file === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'",schema:schema30.required,parentSchema:schema30,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.bytes === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bytes"},message:"must have required property '"+"bytes"+"'",schema:schema30.required,parentSchema:schema30,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.blocks === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "blocks"},message:"must have required property '"+"blocks"+"'",schema:schema30.required,parentSchema:schema30,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.head === undefined){const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "head"},message:"must have required property '"+"head"+"'",schema:schema30.required,parentSchema:schema30,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}for(const key0 in data){if(!((((key0 === "file") || (key0 === "bytes")) || (key0 === "blocks")) || (key0 === "head"))){const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema30,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.file !== undefined){let data0 = data.file;if("run.log" !== data0){const err5 = {instancePath:instancePath+"/file",schemaPath:"#/properties/file/const",keyword:"const",params:{allowedValue: "run.log"},message:"must be equal to constant",schema:"run.log",parentSchema:schema30.properties.file,data:data0};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.bytes !== undefined){let data1 = data.bytes;if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){const err6 = {instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema30.properties.bytes.type,parentSchema:schema30.properties.bytes,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if((typeof data1 == "number") && (isFinite(data1))){if(data1 < 0 || isNaN(data1)){const err7 = {instancePath:instancePath+"/bytes",schemaPath:"#/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema30.properties.bytes,data:data1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}}if(data.blocks !== undefined){let data2 = data.blocks;if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){const err8 = {instancePath:instancePath+"/blocks",schemaPath:"#/properties/blocks/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema30.properties.blocks.type,parentSchema:schema30.properties.blocks,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if((typeof data2 == "number") && (isFinite(data2))){if(data2 < 0 || isNaN(data2)){const err9 = {instancePath:instancePath+"/blocks",schemaPath:"#/properties/blocks/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema30.properties.blocks,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}}if(data.head !== undefined){let data3 = data.head;if(typeof data3 === "string"){if(!pattern9.test(data3)){const err10 = {instancePath:instancePath+"/head",schemaPath:"#/definitions/hex64/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\"",schema:"^[0-9a-f]{64}$",parentSchema:run_snapshot_validator_schema17,data:data3};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/head",schemaPath:"#/definitions/hex64/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema17.type,parentSchema:run_snapshot_validator_schema17,data:data3};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}}else {const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.type,parentSchema:schema30,data};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}validate15.errors = vErrors;return errors === 0;}function run_snapshot_validator_validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://remediate.dev/schemas/run-snapshot-v1.json" */;let vErrors = null;let errors = 0;const _errs3 = errors;let valid1 = true;const _errs4 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing0;if((data.status === undefined) && (missing0 = "status")){const err0 = {};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}else {if(data.status !== undefined){if("refused" !== data.status){const err1 = {};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}}}var _valid0 = _errs4 === errors;errors = _errs3;if(vErrors !== null){if(_errs3){vErrors.length = _errs3;}else {vErrors = null;}}let ifClause0;if(_valid0){const _errs6 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.error === undefined){const err2 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "error"},message:"must have required property '"+"error"+"'",schema:run_snapshot_validator_schema11.allOf[0].then.required,parentSchema:run_snapshot_validator_schema11.allOf[0].then,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.remediation !== undefined){let data1 = data.remediation;if(data1 && typeof data1 == "object" && !Array.isArray(data1)){if(data1.commit !== undefined){const err3 = {instancePath:instancePath+"/remediation/commit",schemaPath:"#/allOf/0/then/properties/remediation/properties/commit/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:run_snapshot_validator_schema11.allOf[0].then.properties.remediation.properties.commit,data:data1.commit};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data1.digest !== undefined){const err4 = {instancePath:instancePath+"/remediation/digest",schemaPath:"#/allOf/0/then/properties/remediation/properties/digest/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:run_snapshot_validator_schema11.allOf[0].then.properties.remediation.properties.digest,data:data1.digest};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(data1.files !== undefined){const err5 = {instancePath:instancePath+"/remediation/files",schemaPath:"#/allOf/0/then/properties/remediation/properties/files/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:run_snapshot_validator_schema11.allOf[0].then.properties.remediation.properties.files,data:data1.files};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/remediation",schemaPath:"#/allOf/0/then/properties/remediation/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.allOf[0].then.properties.remediation.type,parentSchema:run_snapshot_validator_schema11.allOf[0].then.properties.remediation,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.manifest !== undefined){const err7 = {instancePath:instancePath+"/manifest",schemaPath:"#/allOf/0/then/properties/manifest/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:run_snapshot_validator_schema11.allOf[0].then.properties.manifest,data:data.manifest};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(data.params !== undefined){const err8 = {instancePath:instancePath+"/params",schemaPath:"#/allOf/0/then/properties/params/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:run_snapshot_validator_schema11.allOf[0].then.properties.params,data:data.params};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(data.check !== undefined){const err9 = {instancePath:instancePath+"/check",schemaPath:"#/allOf/0/then/properties/check/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:run_snapshot_validator_schema11.allOf[0].then.properties.check,data:data.check};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if(data.rollback !== undefined){const err10 = {instancePath:instancePath+"/rollback",schemaPath:"#/allOf/0/then/properties/rollback/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:run_snapshot_validator_schema11.allOf[0].then.properties.rollback,data:data.rollback};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if(data.secrets !== undefined){let data9 = data.secrets;if(Array.isArray(data9)){if(data9.length > 0){const err11 = {instancePath:instancePath+"/secrets",schemaPath:"#/allOf/0/then/properties/secrets/maxItems",keyword:"maxItems",params:{limit: 0},message:"must NOT have more than 0 items",schema:0,parentSchema:run_snapshot_validator_schema11.allOf[0].then.properties.secrets,data:data9};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}else {const err12 = {instancePath:instancePath+"/secrets",schemaPath:"#/allOf/0/then/properties/secrets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:run_snapshot_validator_schema11.allOf[0].then.properties.secrets.type,parentSchema:run_snapshot_validator_schema11.allOf[0].then.properties.secrets,data:data9};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data.steps !== undefined){let data10 = data.steps;if(Array.isArray(data10)){if(data10.length > 0){const err13 = {instancePath:instancePath+"/steps",schemaPath:"#/allOf/0/then/properties/steps/maxItems",keyword:"maxItems",params:{limit: 0},message:"must NOT have more than 0 items",schema:0,parentSchema:run_snapshot_validator_schema11.allOf[0].then.properties.steps,data:data10};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}else {const err14 = {instancePath:instancePath+"/steps",schemaPath:"#/allOf/0/then/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:run_snapshot_validator_schema11.allOf[0].then.properties.steps.type,parentSchema:run_snapshot_validator_schema11.allOf[0].then.properties.steps,data:data10};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data.outputs !== undefined){let data11 = data.outputs;if(data11 && typeof data11 == "object" && !Array.isArray(data11)){if(Object.keys(data11).length > 0){const err15 = {instancePath:instancePath+"/outputs",schemaPath:"#/allOf/0/then/properties/outputs/maxProperties",keyword:"maxProperties",params:{limit: 0},message:"must NOT have more than 0 properties",schema:0,parentSchema:run_snapshot_validator_schema11.allOf[0].then.properties.outputs,data:data11};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}else {const err16 = {instancePath:instancePath+"/outputs",schemaPath:"#/allOf/0/then/properties/outputs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.allOf[0].then.properties.outputs.type,parentSchema:run_snapshot_validator_schema11.allOf[0].then.properties.outputs,data:data11};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}var _valid0 = _errs6 === errors;valid1 = _valid0;ifClause0 = "then";}else {const _errs15 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.manifest === undefined){const err17 = {instancePath,schemaPath:"#/allOf/0/else/required",keyword:"required",params:{missingProperty: "manifest"},message:"must have required property '"+"manifest"+"'",schema:run_snapshot_validator_schema11.allOf[0].else.required,parentSchema:run_snapshot_validator_schema11.allOf[0].else,data};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}if(data.params === undefined){const err18 = {instancePath,schemaPath:"#/allOf/0/else/required",keyword:"required",params:{missingProperty: "params"},message:"must have required property '"+"params"+"'",schema:run_snapshot_validator_schema11.allOf[0].else.required,parentSchema:run_snapshot_validator_schema11.allOf[0].else,data};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}if(data.remediation !== undefined){let data12 = data.remediation;if(data12 && typeof data12 == "object" && !Array.isArray(data12)){if(data12.commit === undefined){const err19 = {instancePath:instancePath+"/remediation",schemaPath:"#/allOf/0/else/properties/remediation/required",keyword:"required",params:{missingProperty: "commit"},message:"must have required property '"+"commit"+"'",schema:run_snapshot_validator_schema11.allOf[0].else.properties.remediation.required,parentSchema:run_snapshot_validator_schema11.allOf[0].else.properties.remediation,data:data12};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}if(data12.digest === undefined){const err20 = {instancePath:instancePath+"/remediation",schemaPath:"#/allOf/0/else/properties/remediation/required",keyword:"required",params:{missingProperty: "digest"},message:"must have required property '"+"digest"+"'",schema:run_snapshot_validator_schema11.allOf[0].else.properties.remediation.required,parentSchema:run_snapshot_validator_schema11.allOf[0].else.properties.remediation,data:data12};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}if(data12.files === undefined){const err21 = {instancePath:instancePath+"/remediation",schemaPath:"#/allOf/0/else/properties/remediation/required",keyword:"required",params:{missingProperty: "files"},message:"must have required property '"+"files"+"'",schema:run_snapshot_validator_schema11.allOf[0].else.properties.remediation.required,parentSchema:run_snapshot_validator_schema11.allOf[0].else.properties.remediation,data:data12};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}else {const err22 = {instancePath:instancePath+"/remediation",schemaPath:"#/allOf/0/else/properties/remediation/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.allOf[0].else.properties.remediation.type,parentSchema:run_snapshot_validator_schema11.allOf[0].else.properties.remediation,data:data12};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}}var _valid0 = _errs15 === errors;valid1 = _valid0;ifClause0 = "else";}if(!valid1){const err23 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:run_snapshot_validator_schema11.allOf[0].if,parentSchema:run_snapshot_validator_schema11.allOf[0],data};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}const _errs20 = errors;let valid6 = true;const _errs21 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing1;if((data.status === undefined) && (missing1 = "status")){const err24 = {};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}else {if(data.status !== undefined){if("running" !== data.status){const err25 = {};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}}}var _valid1 = _errs21 === errors;errors = _errs20;if(vErrors !== null){if(_errs20){vErrors.length = _errs20;}else {vErrors = null;}}if(_valid1){const _errs23 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.ended !== undefined){const err26 = {instancePath:instancePath+"/ended",schemaPath:"#/allOf/1/then/properties/ended/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:run_snapshot_validator_schema11.allOf[1].then.properties.ended,data:data.ended};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}if(data.durationMs !== undefined){const err27 = {instancePath:instancePath+"/durationMs",schemaPath:"#/allOf/1/then/properties/durationMs/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:run_snapshot_validator_schema11.allOf[1].then.properties.durationMs,data:data.durationMs};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}if(data.log !== undefined){let data16 = data.log;if(data16 && typeof data16 == "object" && !Array.isArray(data16)){if(data16.complete === undefined){const err28 = {instancePath:instancePath+"/log",schemaPath:"#/allOf/1/then/properties/log/required",keyword:"required",params:{missingProperty: "complete"},message:"must have required property '"+"complete"+"'",schema:run_snapshot_validator_schema11.allOf[1].then.properties.log.required,parentSchema:run_snapshot_validator_schema11.allOf[1].then.properties.log,data:data16};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}else {const err29 = {instancePath:instancePath+"/log",schemaPath:"#/allOf/1/then/properties/log/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.allOf[1].then.properties.log.type,parentSchema:run_snapshot_validator_schema11.allOf[1].then.properties.log,data:data16};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}var _valid1 = _errs23 === errors;valid6 = _valid1;}if(!valid6){const err30 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:run_snapshot_validator_schema11.allOf[1].if,parentSchema:run_snapshot_validator_schema11.allOf[1],data};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}const _errs27 = errors;let valid9 = true;const _errs28 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing2;if((data.status === undefined) && (missing2 = "status")){const err31 = {};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}else {if(data.status !== undefined){let data17 = data.status;if(!((((((data17 === "succeeded") || (data17 === "healthy")) || (data17 === "failed")) || (data17 === "cancelled")) || (data17 === "timed-out")) || (data17 === "crashed"))){const err32 = {};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}}}var _valid2 = _errs28 === errors;errors = _errs27;if(vErrors !== null){if(_errs27){vErrors.length = _errs27;}else {vErrors = null;}}if(_valid2){const _errs30 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.ended === undefined){const err33 = {instancePath,schemaPath:"#/allOf/2/then/required",keyword:"required",params:{missingProperty: "ended"},message:"must have required property '"+"ended"+"'",schema:run_snapshot_validator_schema11.allOf[2].then.required,parentSchema:run_snapshot_validator_schema11.allOf[2].then,data};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}if(data.durationMs === undefined){const err34 = {instancePath,schemaPath:"#/allOf/2/then/required",keyword:"required",params:{missingProperty: "durationMs"},message:"must have required property '"+"durationMs"+"'",schema:run_snapshot_validator_schema11.allOf[2].then.required,parentSchema:run_snapshot_validator_schema11.allOf[2].then,data};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}var _valid2 = _errs30 === errors;valid9 = _valid2;}if(!valid9){const err35 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:run_snapshot_validator_schema11.allOf[2].if,parentSchema:run_snapshot_validator_schema11.allOf[2],data};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}const _errs33 = errors;let valid11 = true;const _errs34 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing3;if((data.status === undefined) && (missing3 = "status")){const err36 = {};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}else {if(data.status !== undefined){let data18 = data.status;if(!((((data18 === "succeeded") || (data18 === "healthy")) || (data18 === "failed")) || (data18 === "timed-out"))){const err37 = {};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}}}var _valid3 = _errs34 === errors;errors = _errs33;if(vErrors !== null){if(_errs33){vErrors.length = _errs33;}else {vErrors = null;}}if(_valid3){const _errs36 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.log !== undefined){let data19 = data.log;if(data19 && typeof data19 == "object" && !Array.isArray(data19)){if(data19.bytes === undefined){const err38 = {instancePath:instancePath+"/log",schemaPath:"#/allOf/3/then/properties/log/required",keyword:"required",params:{missingProperty: "bytes"},message:"must have required property '"+"bytes"+"'",schema:run_snapshot_validator_schema11.allOf[3].then.properties.log.required,parentSchema:run_snapshot_validator_schema11.allOf[3].then.properties.log,data:data19};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}if(data19.blocks === undefined){const err39 = {instancePath:instancePath+"/log",schemaPath:"#/allOf/3/then/properties/log/required",keyword:"required",params:{missingProperty: "blocks"},message:"must have required property '"+"blocks"+"'",schema:run_snapshot_validator_schema11.allOf[3].then.properties.log.required,parentSchema:run_snapshot_validator_schema11.allOf[3].then.properties.log,data:data19};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}if(data19.head === undefined){const err40 = {instancePath:instancePath+"/log",schemaPath:"#/allOf/3/then/properties/log/required",keyword:"required",params:{missingProperty: "head"},message:"must have required property '"+"head"+"'",schema:run_snapshot_validator_schema11.allOf[3].then.properties.log.required,parentSchema:run_snapshot_validator_schema11.allOf[3].then.properties.log,data:data19};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}else {const err41 = {instancePath:instancePath+"/log",schemaPath:"#/allOf/3/then/properties/log/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.allOf[3].then.properties.log.type,parentSchema:run_snapshot_validator_schema11.allOf[3].then.properties.log,data:data19};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}}var _valid3 = _errs36 === errors;valid11 = _valid3;}if(!valid11){const err42 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:run_snapshot_validator_schema11.allOf[3].if,parentSchema:run_snapshot_validator_schema11.allOf[3],data};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}const _errs41 = errors;let valid14 = true;const _errs42 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing4;if((data.log === undefined) && (missing4 = "log")){const err43 = {};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}else {if(data.log !== undefined){let data20 = data.log;const _errs43 = errors;if(errors === _errs43){if(data20 && typeof data20 == "object" && !Array.isArray(data20)){let missing5;if((data20.head === undefined) && (missing5 = "head")){const err44 = {};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}else {const err45 = {};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}}}}}var _valid4 = _errs42 === errors;errors = _errs41;if(vErrors !== null){if(_errs41){vErrors.length = _errs41;}else {vErrors = null;}}if(_valid4){const _errs45 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.ended === undefined){const err46 = {instancePath,schemaPath:"#/allOf/4/then/required",keyword:"required",params:{missingProperty: "ended"},message:"must have required property '"+"ended"+"'",schema:run_snapshot_validator_schema11.allOf[4].then.required,parentSchema:run_snapshot_validator_schema11.allOf[4].then,data};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}if(data.durationMs === undefined){const err47 = {instancePath,schemaPath:"#/allOf/4/then/required",keyword:"required",params:{missingProperty: "durationMs"},message:"must have required property '"+"durationMs"+"'",schema:run_snapshot_validator_schema11.allOf[4].then.required,parentSchema:run_snapshot_validator_schema11.allOf[4].then,data};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}var _valid4 = _errs45 === errors;valid14 = _valid4;}if(!valid14){const err48 = {instancePath,schemaPath:"#/allOf/4/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:run_snapshot_validator_schema11.allOf[4].if,parentSchema:run_snapshot_validator_schema11.allOf[4],data};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}const _errs47 = errors;let valid16 = true;const _errs48 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing6;if((data.status === undefined) && (missing6 = "status")){const err49 = {};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}else {if(data.status !== undefined){if("succeeded" !== data.status){const err50 = {};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}}}var _valid5 = _errs48 === errors;errors = _errs47;if(vErrors !== null){if(_errs47){vErrors.length = _errs47;}else {vErrors = null;}}if(_valid5){const _errs50 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.check === undefined){const err51 = {instancePath,schemaPath:"#/allOf/5/then/required",keyword:"required",params:{missingProperty: "check"},message:"must have required property '"+"check"+"'",schema:run_snapshot_validator_schema11.allOf[5].then.required,parentSchema:run_snapshot_validator_schema11.allOf[5].then,data};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}if(data.rollback === undefined){const err52 = {instancePath,schemaPath:"#/allOf/5/then/required",keyword:"required",params:{missingProperty: "rollback"},message:"must have required property '"+"rollback"+"'",schema:run_snapshot_validator_schema11.allOf[5].then.required,parentSchema:run_snapshot_validator_schema11.allOf[5].then,data};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}if(data.check !== undefined){let data22 = data.check;if(!(((data22 === "none") || (data22 === "drift")) || (data22 === "forced"))){const err53 = {instancePath:instancePath+"/check",schemaPath:"#/allOf/5/then/properties/check/enum",keyword:"enum",params:{allowedValues: run_snapshot_validator_schema11.allOf[5].then.properties.check.enum},message:"must be equal to one of the allowed values",schema:run_snapshot_validator_schema11.allOf[5].then.properties.check.enum,parentSchema:run_snapshot_validator_schema11.allOf[5].then.properties.check,data:data22};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}}if(data.rollback !== undefined){let data23 = data.rollback;if("not-needed" !== data23){const err54 = {instancePath:instancePath+"/rollback",schemaPath:"#/allOf/5/then/properties/rollback/const",keyword:"const",params:{allowedValue: "not-needed"},message:"must be equal to constant",schema:"not-needed",parentSchema:run_snapshot_validator_schema11.allOf[5].then.properties.rollback,data:data23};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}}}var _valid5 = _errs50 === errors;valid16 = _valid5;}if(!valid16){const err55 = {instancePath,schemaPath:"#/allOf/5/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:run_snapshot_validator_schema11.allOf[5].if,parentSchema:run_snapshot_validator_schema11.allOf[5],data};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}const _errs54 = errors;let valid19 = true;const _errs55 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing7;if((data.status === undefined) && (missing7 = "status")){const err56 = {};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}else {if(data.status !== undefined){if("healthy" !== data.status){const err57 = {};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}}}}var _valid6 = _errs55 === errors;errors = _errs54;if(vErrors !== null){if(_errs54){vErrors.length = _errs54;}else {vErrors = null;}}if(_valid6){const _errs57 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.check === undefined){const err58 = {instancePath,schemaPath:"#/allOf/6/then/required",keyword:"required",params:{missingProperty: "check"},message:"must have required property '"+"check"+"'",schema:run_snapshot_validator_schema11.allOf[6].then.required,parentSchema:run_snapshot_validator_schema11.allOf[6].then,data};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}if(data.check !== undefined){let data25 = data.check;if("healthy" !== data25){const err59 = {instancePath:instancePath+"/check",schemaPath:"#/allOf/6/then/properties/check/const",keyword:"const",params:{allowedValue: "healthy"},message:"must be equal to constant",schema:"healthy",parentSchema:run_snapshot_validator_schema11.allOf[6].then.properties.check,data:data25};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}}if(data.rollback !== undefined){const err60 = {instancePath:instancePath+"/rollback",schemaPath:"#/allOf/6/then/properties/rollback/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:run_snapshot_validator_schema11.allOf[6].then.properties.rollback,data:data.rollback};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}}var _valid6 = _errs57 === errors;valid19 = _valid6;}if(!valid19){const err61 = {instancePath,schemaPath:"#/allOf/6/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:run_snapshot_validator_schema11.allOf[6].if,parentSchema:run_snapshot_validator_schema11.allOf[6],data};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}const _errs60 = errors;let valid22 = true;const _errs61 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing8;if((data.status === undefined) && (missing8 = "status")){const err62 = {};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}else {if(data.status !== undefined){let data27 = data.status;if(!((data27 === "failed") || (data27 === "crashed"))){const err63 = {};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}}}}var _valid7 = _errs61 === errors;errors = _errs60;if(vErrors !== null){if(_errs60){vErrors.length = _errs60;}else {vErrors = null;}}if(_valid7){const _errs63 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.error === undefined){const err64 = {instancePath,schemaPath:"#/allOf/7/then/required",keyword:"required",params:{missingProperty: "error"},message:"must have required property '"+"error"+"'",schema:run_snapshot_validator_schema11.allOf[7].then.required,parentSchema:run_snapshot_validator_schema11.allOf[7].then,data};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}}var _valid7 = _errs63 === errors;valid22 = _valid7;}if(!valid22){const err65 = {instancePath,schemaPath:"#/allOf/7/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:run_snapshot_validator_schema11.allOf[7].if,parentSchema:run_snapshot_validator_schema11.allOf[7],data};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}const _errs66 = errors;let valid24 = true;const _errs67 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing9;if((data.check === undefined) && (missing9 = "check")){const err66 = {};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}else {if(data.check !== undefined){if("forced" !== data.check){const err67 = {};if(vErrors === null){vErrors = [err67];}else {vErrors.push(err67);}errors++;}}}}var _valid8 = _errs67 === errors;errors = _errs66;if(vErrors !== null){if(_errs66){vErrors.length = _errs66;}else {vErrors = null;}}if(_valid8){const _errs69 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.forced !== undefined){let data29 = data.forced;if(true !== data29){const err68 = {instancePath:instancePath+"/forced",schemaPath:"#/allOf/8/then/properties/forced/const",keyword:"const",params:{allowedValue: true},message:"must be equal to constant",schema:true,parentSchema:run_snapshot_validator_schema11.allOf[8].then.properties.forced,data:data29};if(vErrors === null){vErrors = [err68];}else {vErrors.push(err68);}errors++;}}}var _valid8 = _errs69 === errors;valid24 = _valid8;}if(!valid24){const err69 = {instancePath,schemaPath:"#/allOf/8/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:run_snapshot_validator_schema11.allOf[8].if,parentSchema:run_snapshot_validator_schema11.allOf[8],data};if(vErrors === null){vErrors = [err69];}else {vErrors.push(err69);}errors++;}const _errs73 = errors;let valid27 = true;const _errs74 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing10;if((data.status === undefined) && (missing10 = "status")){const err70 = {};if(vErrors === null){vErrors = [err70];}else {vErrors.push(err70);}errors++;}else {if(data.status !== undefined){const _errs76 = errors;const _errs77 = errors;if("crashed" !== data.status){const err71 = {};if(vErrors === null){vErrors = [err71];}else {vErrors.push(err71);}errors++;}var valid29 = _errs77 === errors;if(valid29){const err72 = {};if(vErrors === null){vErrors = [err72];}else {vErrors.push(err72);}errors++;}else {errors = _errs76;if(vErrors !== null){if(_errs76){vErrors.length = _errs76;}else {vErrors = null;}}}}}}var _valid9 = _errs74 === errors;errors = _errs73;if(vErrors !== null){if(_errs73){vErrors.length = _errs73;}else {vErrors = null;}}if(_valid9){const _errs78 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.steps !== undefined){let data31 = data.steps;if(Array.isArray(data31)){const len0 = data31.length;for(let i0=0; i0<len0; i0++){let data32 = data31[i0];if(data32 && typeof data32 == "object" && !Array.isArray(data32)){if(data32.ended !== undefined){let data33 = data32.ended;if(typeof data33 === "string"){if(!run_snapshot_validator_pattern0.test(data33)){const err73 = {instancePath:instancePath+"/steps/" + i0+"/ended",schemaPath:"#/definitions/isoTime/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"},message:"must match pattern \""+"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"+"\"",schema:"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$",parentSchema:run_snapshot_validator_schema12,data:data33};if(vErrors === null){vErrors = [err73];}else {vErrors.push(err73);}errors++;}}else {const err74 = {instancePath:instancePath+"/steps/" + i0+"/ended",schemaPath:"#/definitions/isoTime/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema12.type,parentSchema:run_snapshot_validator_schema12,data:data33};if(vErrors === null){vErrors = [err74];}else {vErrors.push(err74);}errors++;}}}else {const err75 = {instancePath:instancePath+"/steps/" + i0,schemaPath:"#/allOf/9/then/properties/steps/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.allOf[9].then.properties.steps.items.type,parentSchema:run_snapshot_validator_schema11.allOf[9].then.properties.steps.items,data:data32};if(vErrors === null){vErrors = [err75];}else {vErrors.push(err75);}errors++;}}}else {const err76 = {instancePath:instancePath+"/steps",schemaPath:"#/allOf/9/then/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:run_snapshot_validator_schema11.allOf[9].then.properties.steps.type,parentSchema:run_snapshot_validator_schema11.allOf[9].then.properties.steps,data:data31};if(vErrors === null){vErrors = [err76];}else {vErrors.push(err76);}errors++;}}}var _valid9 = _errs78 === errors;valid27 = _valid9;}if(!valid27){const err77 = {instancePath,schemaPath:"#/allOf/9/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:run_snapshot_validator_schema11.allOf[9].if,parentSchema:run_snapshot_validator_schema11.allOf[9],data};if(vErrors === null){vErrors = [err77];}else {vErrors.push(err77);}errors++;}if(data && typeof data == "object" && !Array.isArray(data)){if(data.schema === undefined){const err78 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "schema"},message:"must have required property '"+"schema"+"'",schema:run_snapshot_validator_schema11.required,parentSchema:run_snapshot_validator_schema11,data};if(vErrors === null){vErrors = [err78];}else {vErrors.push(err78);}errors++;}if(data.runId === undefined){const err79 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "runId"},message:"must have required property '"+"runId"+"'",schema:run_snapshot_validator_schema11.required,parentSchema:run_snapshot_validator_schema11,data};if(vErrors === null){vErrors = [err79];}else {vErrors.push(err79);}errors++;}if(data.status === undefined){const err80 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'",schema:run_snapshot_validator_schema11.required,parentSchema:run_snapshot_validator_schema11,data};if(vErrors === null){vErrors = [err80];}else {vErrors.push(err80);}errors++;}if(data.remediation === undefined){const err81 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "remediation"},message:"must have required property '"+"remediation"+"'",schema:run_snapshot_validator_schema11.required,parentSchema:run_snapshot_validator_schema11,data};if(vErrors === null){vErrors = [err81];}else {vErrors.push(err81);}errors++;}if(data.secrets === undefined){const err82 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "secrets"},message:"must have required property '"+"secrets"+"'",schema:run_snapshot_validator_schema11.required,parentSchema:run_snapshot_validator_schema11,data};if(vErrors === null){vErrors = [err82];}else {vErrors.push(err82);}errors++;}if(data.forced === undefined){const err83 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "forced"},message:"must have required property '"+"forced"+"'",schema:run_snapshot_validator_schema11.required,parentSchema:run_snapshot_validator_schema11,data};if(vErrors === null){vErrors = [err83];}else {vErrors.push(err83);}errors++;}if(data.trigger === undefined){const err84 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "trigger"},message:"must have required property '"+"trigger"+"'",schema:run_snapshot_validator_schema11.required,parentSchema:run_snapshot_validator_schema11,data};if(vErrors === null){vErrors = [err84];}else {vErrors.push(err84);}errors++;}if(data.runner === undefined){const err85 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "runner"},message:"must have required property '"+"runner"+"'",schema:run_snapshot_validator_schema11.required,parentSchema:run_snapshot_validator_schema11,data};if(vErrors === null){vErrors = [err85];}else {vErrors.push(err85);}errors++;}if(data.tool === undefined){const err86 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tool"},message:"must have required property '"+"tool"+"'",schema:run_snapshot_validator_schema11.required,parentSchema:run_snapshot_validator_schema11,data};if(vErrors === null){vErrors = [err86];}else {vErrors.push(err86);}errors++;}if(data.started === undefined){const err87 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "started"},message:"must have required property '"+"started"+"'",schema:run_snapshot_validator_schema11.required,parentSchema:run_snapshot_validator_schema11,data};if(vErrors === null){vErrors = [err87];}else {vErrors.push(err87);}errors++;}if(data.steps === undefined){const err88 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "steps"},message:"must have required property '"+"steps"+"'",schema:run_snapshot_validator_schema11.required,parentSchema:run_snapshot_validator_schema11,data};if(vErrors === null){vErrors = [err88];}else {vErrors.push(err88);}errors++;}if(data.outputs === undefined){const err89 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "outputs"},message:"must have required property '"+"outputs"+"'",schema:run_snapshot_validator_schema11.required,parentSchema:run_snapshot_validator_schema11,data};if(vErrors === null){vErrors = [err89];}else {vErrors.push(err89);}errors++;}if(data.log === undefined){const err90 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "log"},message:"must have required property '"+"log"+"'",schema:run_snapshot_validator_schema11.required,parentSchema:run_snapshot_validator_schema11,data};if(vErrors === null){vErrors = [err90];}else {vErrors.push(err90);}errors++;}for(const key0 in data){if(!(run_snapshot_validator_func2.call(run_snapshot_validator_schema11.properties, key0))){const err91 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:run_snapshot_validator_schema11,data};if(vErrors === null){vErrors = [err91];}else {vErrors.push(err91);}errors++;}}if(data.schema !== undefined){let data34 = data.schema;if("https://remediate.dev/schemas/run-snapshot-v1.json" !== data34){const err92 = {instancePath:instancePath+"/schema",schemaPath:"#/properties/schema/const",keyword:"const",params:{allowedValue: "https://remediate.dev/schemas/run-snapshot-v1.json"},message:"must be equal to constant",schema:"https://remediate.dev/schemas/run-snapshot-v1.json",parentSchema:run_snapshot_validator_schema11.properties.schema,data:data34};if(vErrors === null){vErrors = [err92];}else {vErrors.push(err92);}errors++;}}if(data.runId !== undefined){let data35 = data.runId;if(typeof data35 === "string"){if(!run_snapshot_validator_pattern1.test(data35)){const err93 = {instancePath:instancePath+"/runId",schemaPath:"#/properties/runId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$",parentSchema:run_snapshot_validator_schema11.properties.runId,data:data35};if(vErrors === null){vErrors = [err93];}else {vErrors.push(err93);}errors++;}}else {const err94 = {instancePath:instancePath+"/runId",schemaPath:"#/properties/runId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema11.properties.runId.type,parentSchema:run_snapshot_validator_schema11.properties.runId,data:data35};if(vErrors === null){vErrors = [err94];}else {vErrors.push(err94);}errors++;}}if(data.status !== undefined){let data36 = data.status;if(!((((((((data36 === "running") || (data36 === "succeeded")) || (data36 === "healthy")) || (data36 === "failed")) || (data36 === "refused")) || (data36 === "cancelled")) || (data36 === "timed-out")) || (data36 === "crashed"))){const err95 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: run_snapshot_validator_schema11.properties.status.enum},message:"must be equal to one of the allowed values",schema:run_snapshot_validator_schema11.properties.status.enum,parentSchema:run_snapshot_validator_schema11.properties.status,data:data36};if(vErrors === null){vErrors = [err95];}else {vErrors.push(err95);}errors++;}}if(data.error !== undefined){let data37 = data.error;if(data37 && typeof data37 == "object" && !Array.isArray(data37)){if(data37.code === undefined){const err96 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/required",keyword:"required",params:{missingProperty: "code"},message:"must have required property '"+"code"+"'",schema:run_snapshot_validator_schema11.properties.error.required,parentSchema:run_snapshot_validator_schema11.properties.error,data:data37};if(vErrors === null){vErrors = [err96];}else {vErrors.push(err96);}errors++;}if(data37.message === undefined){const err97 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'",schema:run_snapshot_validator_schema11.properties.error.required,parentSchema:run_snapshot_validator_schema11.properties.error,data:data37};if(vErrors === null){vErrors = [err97];}else {vErrors.push(err97);}errors++;}for(const key1 in data37){if(!((key1 === "code") || (key1 === "message"))){const err98 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:run_snapshot_validator_schema11.properties.error,data:data37};if(vErrors === null){vErrors = [err98];}else {vErrors.push(err98);}errors++;}}if(data37.code !== undefined){let data38 = data37.code;if(typeof data38 === "string"){if(!run_snapshot_validator_pattern2.test(data38)){const err99 = {instancePath:instancePath+"/error/code",schemaPath:"#/properties/error/properties/code/pattern",keyword:"pattern",params:{pattern: "^[A-Z][A-Z0-9_]{0,63}$"},message:"must match pattern \""+"^[A-Z][A-Z0-9_]{0,63}$"+"\"",schema:"^[A-Z][A-Z0-9_]{0,63}$",parentSchema:run_snapshot_validator_schema11.properties.error.properties.code,data:data38};if(vErrors === null){vErrors = [err99];}else {vErrors.push(err99);}errors++;}}else {const err100 = {instancePath:instancePath+"/error/code",schemaPath:"#/properties/error/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema11.properties.error.properties.code.type,parentSchema:run_snapshot_validator_schema11.properties.error.properties.code,data:data38};if(vErrors === null){vErrors = [err100];}else {vErrors.push(err100);}errors++;}}if(data37.message !== undefined){let data39 = data37.message;if(typeof data39 !== "string"){const err101 = {instancePath:instancePath+"/error/message",schemaPath:"#/properties/error/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema11.properties.error.properties.message.type,parentSchema:run_snapshot_validator_schema11.properties.error.properties.message,data:data39};if(vErrors === null){vErrors = [err101];}else {vErrors.push(err101);}errors++;}}}else {const err102 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.properties.error.type,parentSchema:run_snapshot_validator_schema11.properties.error,data:data37};if(vErrors === null){vErrors = [err102];}else {vErrors.push(err102);}errors++;}}if(data.remediation !== undefined){let data40 = data.remediation;if(data40 && typeof data40 == "object" && !Array.isArray(data40)){if(data40.name === undefined){const err103 = {instancePath:instancePath+"/remediation",schemaPath:"#/properties/remediation/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:run_snapshot_validator_schema11.properties.remediation.required,parentSchema:run_snapshot_validator_schema11.properties.remediation,data:data40};if(vErrors === null){vErrors = [err103];}else {vErrors.push(err103);}errors++;}if(data40.version === undefined){const err104 = {instancePath:instancePath+"/remediation",schemaPath:"#/properties/remediation/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:run_snapshot_validator_schema11.properties.remediation.required,parentSchema:run_snapshot_validator_schema11.properties.remediation,data:data40};if(vErrors === null){vErrors = [err104];}else {vErrors.push(err104);}errors++;}if(data40.tag === undefined){const err105 = {instancePath:instancePath+"/remediation",schemaPath:"#/properties/remediation/required",keyword:"required",params:{missingProperty: "tag"},message:"must have required property '"+"tag"+"'",schema:run_snapshot_validator_schema11.properties.remediation.required,parentSchema:run_snapshot_validator_schema11.properties.remediation,data:data40};if(vErrors === null){vErrors = [err105];}else {vErrors.push(err105);}errors++;}for(const key2 in data40){if(!((((((key2 === "name") || (key2 === "version")) || (key2 === "tag")) || (key2 === "commit")) || (key2 === "digest")) || (key2 === "files"))){const err106 = {instancePath:instancePath+"/remediation",schemaPath:"#/properties/remediation/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:run_snapshot_validator_schema11.properties.remediation,data:data40};if(vErrors === null){vErrors = [err106];}else {vErrors.push(err106);}errors++;}}if(data40.name !== undefined){let data41 = data40.name;if(typeof data41 === "string"){if(!pattern3.test(data41)){const err107 = {instancePath:instancePath+"/remediation/name",schemaPath:"#/definitions/remediationName/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$",parentSchema:run_snapshot_validator_schema13,data:data41};if(vErrors === null){vErrors = [err107];}else {vErrors.push(err107);}errors++;}}else {const err108 = {instancePath:instancePath+"/remediation/name",schemaPath:"#/definitions/remediationName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema13.type,parentSchema:run_snapshot_validator_schema13,data:data41};if(vErrors === null){vErrors = [err108];}else {vErrors.push(err108);}errors++;}}if(data40.version !== undefined){let data42 = data40.version;if(typeof data42 === "string"){if(!run_snapshot_validator_pattern4.test(data42)){const err109 = {instancePath:instancePath+"/remediation/version",schemaPath:"#/definitions/version/pattern",keyword:"pattern",params:{pattern: "^v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$"},message:"must match pattern \""+"^v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$"+"\"",schema:"^v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$",parentSchema:run_snapshot_validator_schema14,data:data42};if(vErrors === null){vErrors = [err109];}else {vErrors.push(err109);}errors++;}}else {const err110 = {instancePath:instancePath+"/remediation/version",schemaPath:"#/definitions/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema14.type,parentSchema:run_snapshot_validator_schema14,data:data42};if(vErrors === null){vErrors = [err110];}else {vErrors.push(err110);}errors++;}}if(data40.tag !== undefined){let data43 = data40.tag;if(typeof data43 === "string"){if(!pattern5.test(data43)){const err111 = {instancePath:instancePath+"/remediation/tag",schemaPath:"#/properties/remediation/properties/tag/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?/v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?/v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?/v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$",parentSchema:run_snapshot_validator_schema11.properties.remediation.properties.tag,data:data43};if(vErrors === null){vErrors = [err111];}else {vErrors.push(err111);}errors++;}}else {const err112 = {instancePath:instancePath+"/remediation/tag",schemaPath:"#/properties/remediation/properties/tag/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema11.properties.remediation.properties.tag.type,parentSchema:run_snapshot_validator_schema11.properties.remediation.properties.tag,data:data43};if(vErrors === null){vErrors = [err112];}else {vErrors.push(err112);}errors++;}}if(data40.commit !== undefined){let data44 = data40.commit;if(typeof data44 === "string"){if(!pattern6.test(data44)){const err113 = {instancePath:instancePath+"/remediation/commit",schemaPath:"#/definitions/commit/pattern",keyword:"pattern",params:{pattern: "^(?:[0-9a-f]{40}|[0-9a-f]{64})$"},message:"must match pattern \""+"^(?:[0-9a-f]{40}|[0-9a-f]{64})$"+"\"",schema:"^(?:[0-9a-f]{40}|[0-9a-f]{64})$",parentSchema:schema15,data:data44};if(vErrors === null){vErrors = [err113];}else {vErrors.push(err113);}errors++;}}else {const err114 = {instancePath:instancePath+"/remediation/commit",schemaPath:"#/definitions/commit/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:data44};if(vErrors === null){vErrors = [err114];}else {vErrors.push(err114);}errors++;}}if(data40.digest !== undefined){let data45 = data40.digest;if(typeof data45 === "string"){if(!pattern7.test(data45)){const err115 = {instancePath:instancePath+"/remediation/digest",schemaPath:"#/definitions/sha256Digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:run_snapshot_validator_schema16,data:data45};if(vErrors === null){vErrors = [err115];}else {vErrors.push(err115);}errors++;}}else {const err116 = {instancePath:instancePath+"/remediation/digest",schemaPath:"#/definitions/sha256Digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema16.type,parentSchema:run_snapshot_validator_schema16,data:data45};if(vErrors === null){vErrors = [err116];}else {vErrors.push(err116);}errors++;}}if(data40.files !== undefined){let data46 = data40.files;if(Array.isArray(data46)){if(data46.length < 1){const err117 = {instancePath:instancePath+"/remediation/files",schemaPath:"#/properties/remediation/properties/files/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:run_snapshot_validator_schema11.properties.remediation.properties.files,data:data46};if(vErrors === null){vErrors = [err117];}else {vErrors.push(err117);}errors++;}const len1 = data46.length;for(let i1=0; i1<len1; i1++){let data47 = data46[i1];if(data47 && typeof data47 == "object" && !Array.isArray(data47)){if(data47.path === undefined){const err118 = {instancePath:instancePath+"/remediation/files/" + i1,schemaPath:"#/properties/remediation/properties/files/items/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:run_snapshot_validator_schema11.properties.remediation.properties.files.items.required,parentSchema:run_snapshot_validator_schema11.properties.remediation.properties.files.items,data:data47};if(vErrors === null){vErrors = [err118];}else {vErrors.push(err118);}errors++;}if(data47.mode === undefined){const err119 = {instancePath:instancePath+"/remediation/files/" + i1,schemaPath:"#/properties/remediation/properties/files/items/required",keyword:"required",params:{missingProperty: "mode"},message:"must have required property '"+"mode"+"'",schema:run_snapshot_validator_schema11.properties.remediation.properties.files.items.required,parentSchema:run_snapshot_validator_schema11.properties.remediation.properties.files.items,data:data47};if(vErrors === null){vErrors = [err119];}else {vErrors.push(err119);}errors++;}if(data47.sha256 === undefined){const err120 = {instancePath:instancePath+"/remediation/files/" + i1,schemaPath:"#/properties/remediation/properties/files/items/required",keyword:"required",params:{missingProperty: "sha256"},message:"must have required property '"+"sha256"+"'",schema:run_snapshot_validator_schema11.properties.remediation.properties.files.items.required,parentSchema:run_snapshot_validator_schema11.properties.remediation.properties.files.items,data:data47};if(vErrors === null){vErrors = [err120];}else {vErrors.push(err120);}errors++;}for(const key3 in data47){if(!(((key3 === "path") || (key3 === "mode")) || (key3 === "sha256"))){const err121 = {instancePath:instancePath+"/remediation/files/" + i1,schemaPath:"#/properties/remediation/properties/files/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:run_snapshot_validator_schema11.properties.remediation.properties.files.items,data:data47};if(vErrors === null){vErrors = [err121];}else {vErrors.push(err121);}errors++;}}if(data47.path !== undefined){let data48 = data47.path;if(typeof data48 === "string"){if(run_snapshot_validator_func3(data48) < 1){const err122 = {instancePath:instancePath+"/remediation/files/" + i1+"/path",schemaPath:"#/properties/remediation/properties/files/items/properties/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:run_snapshot_validator_schema11.properties.remediation.properties.files.items.properties.path,data:data48};if(vErrors === null){vErrors = [err122];}else {vErrors.push(err122);}errors++;}if(!run_snapshot_validator_pattern8.test(data48)){const err123 = {instancePath:instancePath+"/remediation/files/" + i1+"/path",schemaPath:"#/properties/remediation/properties/files/items/properties/path/pattern",keyword:"pattern",params:{pattern: "^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$"},message:"must match pattern \""+"^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$"+"\"",schema:"^(?!/)(?!.*(^|/)\\.\\.?(/|$)).+$",parentSchema:run_snapshot_validator_schema11.properties.remediation.properties.files.items.properties.path,data:data48};if(vErrors === null){vErrors = [err123];}else {vErrors.push(err123);}errors++;}}else {const err124 = {instancePath:instancePath+"/remediation/files/" + i1+"/path",schemaPath:"#/properties/remediation/properties/files/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema11.properties.remediation.properties.files.items.properties.path.type,parentSchema:run_snapshot_validator_schema11.properties.remediation.properties.files.items.properties.path,data:data48};if(vErrors === null){vErrors = [err124];}else {vErrors.push(err124);}errors++;}}if(data47.mode !== undefined){let data49 = data47.mode;if(!((data49 === "100644") || (data49 === "100755"))){const err125 = {instancePath:instancePath+"/remediation/files/" + i1+"/mode",schemaPath:"#/properties/remediation/properties/files/items/properties/mode/enum",keyword:"enum",params:{allowedValues: run_snapshot_validator_schema11.properties.remediation.properties.files.items.properties.mode.enum},message:"must be equal to one of the allowed values",schema:run_snapshot_validator_schema11.properties.remediation.properties.files.items.properties.mode.enum,parentSchema:run_snapshot_validator_schema11.properties.remediation.properties.files.items.properties.mode,data:data49};if(vErrors === null){vErrors = [err125];}else {vErrors.push(err125);}errors++;}}if(data47.sha256 !== undefined){let data50 = data47.sha256;if(typeof data50 === "string"){if(!pattern9.test(data50)){const err126 = {instancePath:instancePath+"/remediation/files/" + i1+"/sha256",schemaPath:"#/definitions/hex64/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\"",schema:"^[0-9a-f]{64}$",parentSchema:run_snapshot_validator_schema17,data:data50};if(vErrors === null){vErrors = [err126];}else {vErrors.push(err126);}errors++;}}else {const err127 = {instancePath:instancePath+"/remediation/files/" + i1+"/sha256",schemaPath:"#/definitions/hex64/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema17.type,parentSchema:run_snapshot_validator_schema17,data:data50};if(vErrors === null){vErrors = [err127];}else {vErrors.push(err127);}errors++;}}}else {const err128 = {instancePath:instancePath+"/remediation/files/" + i1,schemaPath:"#/properties/remediation/properties/files/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.properties.remediation.properties.files.items.type,parentSchema:run_snapshot_validator_schema11.properties.remediation.properties.files.items,data:data47};if(vErrors === null){vErrors = [err128];}else {vErrors.push(err128);}errors++;}}}else {const err129 = {instancePath:instancePath+"/remediation/files",schemaPath:"#/properties/remediation/properties/files/type",keyword:"type",params:{type: "array"},message:"must be array",schema:run_snapshot_validator_schema11.properties.remediation.properties.files.type,parentSchema:run_snapshot_validator_schema11.properties.remediation.properties.files,data:data46};if(vErrors === null){vErrors = [err129];}else {vErrors.push(err129);}errors++;}}}else {const err130 = {instancePath:instancePath+"/remediation",schemaPath:"#/properties/remediation/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.properties.remediation.type,parentSchema:run_snapshot_validator_schema11.properties.remediation,data:data40};if(vErrors === null){vErrors = [err130];}else {vErrors.push(err130);}errors++;}}if(data.manifest !== undefined){let data51 = data.manifest;if(data51 && typeof data51 == "object" && !Array.isArray(data51)){if(data51.serial === undefined){const err131 = {instancePath:instancePath+"/manifest",schemaPath:"#/properties/manifest/required",keyword:"required",params:{missingProperty: "serial"},message:"must have required property '"+"serial"+"'",schema:run_snapshot_validator_schema11.properties.manifest.required,parentSchema:run_snapshot_validator_schema11.properties.manifest,data:data51};if(vErrors === null){vErrors = [err131];}else {vErrors.push(err131);}errors++;}if(data51.digest === undefined){const err132 = {instancePath:instancePath+"/manifest",schemaPath:"#/properties/manifest/required",keyword:"required",params:{missingProperty: "digest"},message:"must have required property '"+"digest"+"'",schema:run_snapshot_validator_schema11.properties.manifest.required,parentSchema:run_snapshot_validator_schema11.properties.manifest,data:data51};if(vErrors === null){vErrors = [err132];}else {vErrors.push(err132);}errors++;}if(data51.signers === undefined){const err133 = {instancePath:instancePath+"/manifest",schemaPath:"#/properties/manifest/required",keyword:"required",params:{missingProperty: "signers"},message:"must have required property '"+"signers"+"'",schema:run_snapshot_validator_schema11.properties.manifest.required,parentSchema:run_snapshot_validator_schema11.properties.manifest,data:data51};if(vErrors === null){vErrors = [err133];}else {vErrors.push(err133);}errors++;}if(data51.threshold === undefined){const err134 = {instancePath:instancePath+"/manifest",schemaPath:"#/properties/manifest/required",keyword:"required",params:{missingProperty: "threshold"},message:"must have required property '"+"threshold"+"'",schema:run_snapshot_validator_schema11.properties.manifest.required,parentSchema:run_snapshot_validator_schema11.properties.manifest,data:data51};if(vErrors === null){vErrors = [err134];}else {vErrors.push(err134);}errors++;}if(data51.minSerial === undefined){const err135 = {instancePath:instancePath+"/manifest",schemaPath:"#/properties/manifest/required",keyword:"required",params:{missingProperty: "minSerial"},message:"must have required property '"+"minSerial"+"'",schema:run_snapshot_validator_schema11.properties.manifest.required,parentSchema:run_snapshot_validator_schema11.properties.manifest,data:data51};if(vErrors === null){vErrors = [err135];}else {vErrors.push(err135);}errors++;}for(const key4 in data51){if(!(((((key4 === "serial") || (key4 === "digest")) || (key4 === "signers")) || (key4 === "threshold")) || (key4 === "minSerial"))){const err136 = {instancePath:instancePath+"/manifest",schemaPath:"#/properties/manifest/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:run_snapshot_validator_schema11.properties.manifest,data:data51};if(vErrors === null){vErrors = [err136];}else {vErrors.push(err136);}errors++;}}if(data51.serial !== undefined){let data52 = data51.serial;if(!(((typeof data52 == "number") && (!(data52 % 1) && !isNaN(data52))) && (isFinite(data52)))){const err137 = {instancePath:instancePath+"/manifest/serial",schemaPath:"#/properties/manifest/properties/serial/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:run_snapshot_validator_schema11.properties.manifest.properties.serial.type,parentSchema:run_snapshot_validator_schema11.properties.manifest.properties.serial,data:data52};if(vErrors === null){vErrors = [err137];}else {vErrors.push(err137);}errors++;}if((typeof data52 == "number") && (isFinite(data52))){if(data52 < 1 || isNaN(data52)){const err138 = {instancePath:instancePath+"/manifest/serial",schemaPath:"#/properties/manifest/properties/serial/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:run_snapshot_validator_schema11.properties.manifest.properties.serial,data:data52};if(vErrors === null){vErrors = [err138];}else {vErrors.push(err138);}errors++;}}}if(data51.digest !== undefined){let data53 = data51.digest;if(typeof data53 === "string"){if(!pattern7.test(data53)){const err139 = {instancePath:instancePath+"/manifest/digest",schemaPath:"#/definitions/sha256Digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:run_snapshot_validator_schema16,data:data53};if(vErrors === null){vErrors = [err139];}else {vErrors.push(err139);}errors++;}}else {const err140 = {instancePath:instancePath+"/manifest/digest",schemaPath:"#/definitions/sha256Digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema16.type,parentSchema:run_snapshot_validator_schema16,data:data53};if(vErrors === null){vErrors = [err140];}else {vErrors.push(err140);}errors++;}}if(data51.signers !== undefined){let data54 = data51.signers;if(Array.isArray(data54)){if(data54.length < 1){const err141 = {instancePath:instancePath+"/manifest/signers",schemaPath:"#/properties/manifest/properties/signers/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:run_snapshot_validator_schema11.properties.manifest.properties.signers,data:data54};if(vErrors === null){vErrors = [err141];}else {vErrors.push(err141);}errors++;}const len2 = data54.length;for(let i2=0; i2<len2; i2++){let data55 = data54[i2];if(typeof data55 === "string"){if(!pattern9.test(data55)){const err142 = {instancePath:instancePath+"/manifest/signers/" + i2,schemaPath:"#/definitions/hex64/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\"",schema:"^[0-9a-f]{64}$",parentSchema:run_snapshot_validator_schema17,data:data55};if(vErrors === null){vErrors = [err142];}else {vErrors.push(err142);}errors++;}}else {const err143 = {instancePath:instancePath+"/manifest/signers/" + i2,schemaPath:"#/definitions/hex64/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema17.type,parentSchema:run_snapshot_validator_schema17,data:data55};if(vErrors === null){vErrors = [err143];}else {vErrors.push(err143);}errors++;}}let i3 = data54.length;let j0;if(i3 > 1){outer0:for(;i3--;){for(j0 = i3; j0--;){if(run_snapshot_validator_func0(data54[i3], data54[j0])){const err144 = {instancePath:instancePath+"/manifest/signers",schemaPath:"#/properties/manifest/properties/signers/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i3+" are identical)",schema:true,parentSchema:run_snapshot_validator_schema11.properties.manifest.properties.signers,data:data54};if(vErrors === null){vErrors = [err144];}else {vErrors.push(err144);}errors++;break outer0;}}}}}else {const err145 = {instancePath:instancePath+"/manifest/signers",schemaPath:"#/properties/manifest/properties/signers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:run_snapshot_validator_schema11.properties.manifest.properties.signers.type,parentSchema:run_snapshot_validator_schema11.properties.manifest.properties.signers,data:data54};if(vErrors === null){vErrors = [err145];}else {vErrors.push(err145);}errors++;}}if(data51.threshold !== undefined){let data56 = data51.threshold;if(!(((typeof data56 == "number") && (!(data56 % 1) && !isNaN(data56))) && (isFinite(data56)))){const err146 = {instancePath:instancePath+"/manifest/threshold",schemaPath:"#/properties/manifest/properties/threshold/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:run_snapshot_validator_schema11.properties.manifest.properties.threshold.type,parentSchema:run_snapshot_validator_schema11.properties.manifest.properties.threshold,data:data56};if(vErrors === null){vErrors = [err146];}else {vErrors.push(err146);}errors++;}if((typeof data56 == "number") && (isFinite(data56))){if(data56 < 1 || isNaN(data56)){const err147 = {instancePath:instancePath+"/manifest/threshold",schemaPath:"#/properties/manifest/properties/threshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:run_snapshot_validator_schema11.properties.manifest.properties.threshold,data:data56};if(vErrors === null){vErrors = [err147];}else {vErrors.push(err147);}errors++;}}}if(data51.minSerial !== undefined){let data57 = data51.minSerial;if(!(((typeof data57 == "number") && (!(data57 % 1) && !isNaN(data57))) && (isFinite(data57)))){const err148 = {instancePath:instancePath+"/manifest/minSerial",schemaPath:"#/properties/manifest/properties/minSerial/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:run_snapshot_validator_schema11.properties.manifest.properties.minSerial.type,parentSchema:run_snapshot_validator_schema11.properties.manifest.properties.minSerial,data:data57};if(vErrors === null){vErrors = [err148];}else {vErrors.push(err148);}errors++;}if((typeof data57 == "number") && (isFinite(data57))){if(data57 < 0 || isNaN(data57)){const err149 = {instancePath:instancePath+"/manifest/minSerial",schemaPath:"#/properties/manifest/properties/minSerial/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:run_snapshot_validator_schema11.properties.manifest.properties.minSerial,data:data57};if(vErrors === null){vErrors = [err149];}else {vErrors.push(err149);}errors++;}}}}else {const err150 = {instancePath:instancePath+"/manifest",schemaPath:"#/properties/manifest/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.properties.manifest.type,parentSchema:run_snapshot_validator_schema11.properties.manifest,data:data51};if(vErrors === null){vErrors = [err150];}else {vErrors.push(err150);}errors++;}}if(data.params !== undefined){let data58 = data.params;if(data58 && typeof data58 == "object" && !Array.isArray(data58)){if(data58.values === undefined){const err151 = {instancePath:instancePath+"/params",schemaPath:"#/properties/params/required",keyword:"required",params:{missingProperty: "values"},message:"must have required property '"+"values"+"'",schema:run_snapshot_validator_schema11.properties.params.required,parentSchema:run_snapshot_validator_schema11.properties.params,data:data58};if(vErrors === null){vErrors = [err151];}else {vErrors.push(err151);}errors++;}if(data58.digest === undefined){const err152 = {instancePath:instancePath+"/params",schemaPath:"#/properties/params/required",keyword:"required",params:{missingProperty: "digest"},message:"must have required property '"+"digest"+"'",schema:run_snapshot_validator_schema11.properties.params.required,parentSchema:run_snapshot_validator_schema11.properties.params,data:data58};if(vErrors === null){vErrors = [err152];}else {vErrors.push(err152);}errors++;}for(const key5 in data58){if(!((key5 === "values") || (key5 === "digest"))){const err153 = {instancePath:instancePath+"/params",schemaPath:"#/properties/params/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:run_snapshot_validator_schema11.properties.params,data:data58};if(vErrors === null){vErrors = [err153];}else {vErrors.push(err153);}errors++;}}if(data58.values !== undefined){let data59 = data58.values;if(data59 && typeof data59 == "object" && !Array.isArray(data59)){for(const key6 in data59){const _errs148 = errors;if(typeof key6 === "string"){if(!pattern12.test(key6)){const err154 = {instancePath:instancePath+"/params/values",schemaPath:"#/properties/params/properties/values/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,62}$",parentSchema:run_snapshot_validator_schema11.properties.params.properties.values.propertyNames,data:key6,propertyName:key6};if(vErrors === null){vErrors = [err154];}else {vErrors.push(err154);}errors++;}}var valid53 = _errs148 === errors;if(!valid53){const err155 = {instancePath:instancePath+"/params/values",schemaPath:"#/properties/params/properties/values/propertyNames",keyword:"propertyNames",params:{propertyName: key6},message:"property name must be valid",schema:run_snapshot_validator_schema11.properties.params.properties.values.propertyNames,parentSchema:run_snapshot_validator_schema11.properties.params.properties.values,data:data59};if(vErrors === null){vErrors = [err155];}else {vErrors.push(err155);}errors++;}}for(const key7 in data59){let data60 = data59[key7];if(((typeof data60 !== "string") && (!((typeof data60 == "number") && (isFinite(data60))))) && (typeof data60 !== "boolean")){const err156 = {instancePath:instancePath+"/params/values/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/params/properties/values/additionalProperties/type",keyword:"type",params:{type: run_snapshot_validator_schema11.properties.params.properties.values.additionalProperties.type},message:"must be string,number,boolean",schema:run_snapshot_validator_schema11.properties.params.properties.values.additionalProperties.type,parentSchema:run_snapshot_validator_schema11.properties.params.properties.values.additionalProperties,data:data60};if(vErrors === null){vErrors = [err156];}else {vErrors.push(err156);}errors++;}}}else {const err157 = {instancePath:instancePath+"/params/values",schemaPath:"#/properties/params/properties/values/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.properties.params.properties.values.type,parentSchema:run_snapshot_validator_schema11.properties.params.properties.values,data:data59};if(vErrors === null){vErrors = [err157];}else {vErrors.push(err157);}errors++;}}if(data58.digest !== undefined){let data61 = data58.digest;if(typeof data61 === "string"){if(!pattern7.test(data61)){const err158 = {instancePath:instancePath+"/params/digest",schemaPath:"#/definitions/sha256Digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:run_snapshot_validator_schema16,data:data61};if(vErrors === null){vErrors = [err158];}else {vErrors.push(err158);}errors++;}}else {const err159 = {instancePath:instancePath+"/params/digest",schemaPath:"#/definitions/sha256Digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema16.type,parentSchema:run_snapshot_validator_schema16,data:data61};if(vErrors === null){vErrors = [err159];}else {vErrors.push(err159);}errors++;}}}else {const err160 = {instancePath:instancePath+"/params",schemaPath:"#/properties/params/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.properties.params.type,parentSchema:run_snapshot_validator_schema11.properties.params,data:data58};if(vErrors === null){vErrors = [err160];}else {vErrors.push(err160);}errors++;}}if(data.secrets !== undefined){let data62 = data.secrets;if(Array.isArray(data62)){const len3 = data62.length;for(let i4=0; i4<len3; i4++){let data63 = data62[i4];if(typeof data63 === "string"){if(!pattern14.test(data63)){const err161 = {instancePath:instancePath+"/secrets/" + i4,schemaPath:"#/properties/secrets/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,127}$",parentSchema:run_snapshot_validator_schema11.properties.secrets.items,data:data63};if(vErrors === null){vErrors = [err161];}else {vErrors.push(err161);}errors++;}}else {const err162 = {instancePath:instancePath+"/secrets/" + i4,schemaPath:"#/properties/secrets/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema11.properties.secrets.items.type,parentSchema:run_snapshot_validator_schema11.properties.secrets.items,data:data63};if(vErrors === null){vErrors = [err162];}else {vErrors.push(err162);}errors++;}}let i5 = data62.length;let j1;if(i5 > 1){const indices0 = {};for(;i5--;){let item0 = data62[i5];if(typeof item0 !== "string"){continue;}if(typeof indices0[item0] == "number"){j1 = indices0[item0];const err163 = {instancePath:instancePath+"/secrets",schemaPath:"#/properties/secrets/uniqueItems",keyword:"uniqueItems",params:{i: i5, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i5+" are identical)",schema:true,parentSchema:run_snapshot_validator_schema11.properties.secrets,data:data62};if(vErrors === null){vErrors = [err163];}else {vErrors.push(err163);}errors++;break;}indices0[item0] = i5;}}}else {const err164 = {instancePath:instancePath+"/secrets",schemaPath:"#/properties/secrets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:run_snapshot_validator_schema11.properties.secrets.type,parentSchema:run_snapshot_validator_schema11.properties.secrets,data:data62};if(vErrors === null){vErrors = [err164];}else {vErrors.push(err164);}errors++;}}if(data.forced !== undefined){let data64 = data.forced;if(typeof data64 !== "boolean"){const err165 = {instancePath:instancePath+"/forced",schemaPath:"#/properties/forced/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:run_snapshot_validator_schema11.properties.forced.type,parentSchema:run_snapshot_validator_schema11.properties.forced,data:data64};if(vErrors === null){vErrors = [err165];}else {vErrors.push(err165);}errors++;}}if(data.trigger !== undefined){let data65 = data.trigger;const _errs163 = errors;let valid59 = true;const _errs164 = errors;if(data65 && typeof data65 == "object" && !Array.isArray(data65)){if(data65.kind !== undefined){if("github" !== data65.kind){const err166 = {};if(vErrors === null){vErrors = [err166];}else {vErrors.push(err166);}errors++;}}}var _valid10 = _errs164 === errors;errors = _errs163;if(vErrors !== null){if(_errs163){vErrors.length = _errs163;}else {vErrors = null;}}let ifClause1;if(_valid10){const _errs166 = errors;if(!(run_snapshot_validator_validate11(data65, {instancePath:instancePath+"/trigger",parentData:data,parentDataProperty:"trigger",rootData}))){vErrors = vErrors === null ? run_snapshot_validator_validate11.errors : vErrors.concat(run_snapshot_validator_validate11.errors);errors = vErrors.length;}var _valid10 = _errs166 === errors;valid59 = _valid10;ifClause1 = "then";}else {const _errs167 = errors;if(data65 && typeof data65 == "object" && !Array.isArray(data65)){if(data65.kind === undefined){const err167 = {instancePath:instancePath+"/trigger",schemaPath:"#/definitions/localTrigger/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema23.required,parentSchema:schema23,data:data65};if(vErrors === null){vErrors = [err167];}else {vErrors.push(err167);}errors++;}if(data65.user === undefined){const err168 = {instancePath:instancePath+"/trigger",schemaPath:"#/definitions/localTrigger/required",keyword:"required",params:{missingProperty: "user"},message:"must have required property '"+"user"+"'",schema:schema23.required,parentSchema:schema23,data:data65};if(vErrors === null){vErrors = [err168];}else {vErrors.push(err168);}errors++;}if(data65.host === undefined){const err169 = {instancePath:instancePath+"/trigger",schemaPath:"#/definitions/localTrigger/required",keyword:"required",params:{missingProperty: "host"},message:"must have required property '"+"host"+"'",schema:schema23.required,parentSchema:schema23,data:data65};if(vErrors === null){vErrors = [err169];}else {vErrors.push(err169);}errors++;}for(const key8 in data65){if(!(((key8 === "kind") || (key8 === "user")) || (key8 === "host"))){const err170 = {instancePath:instancePath+"/trigger",schemaPath:"#/definitions/localTrigger/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema23,data:data65};if(vErrors === null){vErrors = [err170];}else {vErrors.push(err170);}errors++;}}if(data65.kind !== undefined){let data67 = data65.kind;if("local" !== data67){const err171 = {instancePath:instancePath+"/trigger/kind",schemaPath:"#/definitions/localTrigger/properties/kind/const",keyword:"const",params:{allowedValue: "local"},message:"must be equal to constant",schema:"local",parentSchema:schema23.properties.kind,data:data67};if(vErrors === null){vErrors = [err171];}else {vErrors.push(err171);}errors++;}}if(data65.user !== undefined){let data68 = data65.user;if(typeof data68 !== "string"){const err172 = {instancePath:instancePath+"/trigger/user",schemaPath:"#/definitions/localTrigger/properties/user/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.user.type,parentSchema:schema23.properties.user,data:data68};if(vErrors === null){vErrors = [err172];}else {vErrors.push(err172);}errors++;}}if(data65.host !== undefined){let data69 = data65.host;if(typeof data69 !== "string"){const err173 = {instancePath:instancePath+"/trigger/host",schemaPath:"#/definitions/localTrigger/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.host.type,parentSchema:schema23.properties.host,data:data69};if(vErrors === null){vErrors = [err173];}else {vErrors.push(err173);}errors++;}}}else {const err174 = {instancePath:instancePath+"/trigger",schemaPath:"#/definitions/localTrigger/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.type,parentSchema:schema23,data:data65};if(vErrors === null){vErrors = [err174];}else {vErrors.push(err174);}errors++;}var _valid10 = _errs167 === errors;valid59 = _valid10;ifClause1 = "else";}if(!valid59){const err175 = {instancePath:instancePath+"/trigger",schemaPath:"#/properties/trigger/if",keyword:"if",params:{failingKeyword: ifClause1},message:"must match \""+ifClause1+"\" schema",schema:run_snapshot_validator_schema11.properties.trigger.if,parentSchema:run_snapshot_validator_schema11.properties.trigger,data:data65};if(vErrors === null){vErrors = [err175];}else {vErrors.push(err175);}errors++;}if(data65 && typeof data65 == "object" && !Array.isArray(data65)){if(data65.kind === undefined){const err176 = {instancePath:instancePath+"/trigger",schemaPath:"#/properties/trigger/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:run_snapshot_validator_schema11.properties.trigger.required,parentSchema:run_snapshot_validator_schema11.properties.trigger,data:data65};if(vErrors === null){vErrors = [err176];}else {vErrors.push(err176);}errors++;}if(data65.kind !== undefined){let data70 = data65.kind;if(!((data70 === "local") || (data70 === "github"))){const err177 = {instancePath:instancePath+"/trigger/kind",schemaPath:"#/properties/trigger/properties/kind/enum",keyword:"enum",params:{allowedValues: run_snapshot_validator_schema11.properties.trigger.properties.kind.enum},message:"must be equal to one of the allowed values",schema:run_snapshot_validator_schema11.properties.trigger.properties.kind.enum,parentSchema:run_snapshot_validator_schema11.properties.trigger.properties.kind,data:data70};if(vErrors === null){vErrors = [err177];}else {vErrors.push(err177);}errors++;}}}else {const err178 = {instancePath:instancePath+"/trigger",schemaPath:"#/properties/trigger/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.properties.trigger.type,parentSchema:run_snapshot_validator_schema11.properties.trigger,data:data65};if(vErrors === null){vErrors = [err178];}else {vErrors.push(err178);}errors++;}}if(data.runner !== undefined){let data71 = data.runner;if(data71 && typeof data71 == "object" && !Array.isArray(data71)){if(data71.os === undefined){const err179 = {instancePath:instancePath+"/runner",schemaPath:"#/properties/runner/required",keyword:"required",params:{missingProperty: "os"},message:"must have required property '"+"os"+"'",schema:run_snapshot_validator_schema11.properties.runner.required,parentSchema:run_snapshot_validator_schema11.properties.runner,data:data71};if(vErrors === null){vErrors = [err179];}else {vErrors.push(err179);}errors++;}if(data71.arch === undefined){const err180 = {instancePath:instancePath+"/runner",schemaPath:"#/properties/runner/required",keyword:"required",params:{missingProperty: "arch"},message:"must have required property '"+"arch"+"'",schema:run_snapshot_validator_schema11.properties.runner.required,parentSchema:run_snapshot_validator_schema11.properties.runner,data:data71};if(vErrors === null){vErrors = [err180];}else {vErrors.push(err180);}errors++;}if(data71.node === undefined){const err181 = {instancePath:instancePath+"/runner",schemaPath:"#/properties/runner/required",keyword:"required",params:{missingProperty: "node"},message:"must have required property '"+"node"+"'",schema:run_snapshot_validator_schema11.properties.runner.required,parentSchema:run_snapshot_validator_schema11.properties.runner,data:data71};if(vErrors === null){vErrors = [err181];}else {vErrors.push(err181);}errors++;}for(const key9 in data71){if(!(((((key9 === "os") || (key9 === "arch")) || (key9 === "node")) || (key9 === "name")) || (key9 === "runnerOs"))){const err182 = {instancePath:instancePath+"/runner",schemaPath:"#/properties/runner/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:run_snapshot_validator_schema11.properties.runner,data:data71};if(vErrors === null){vErrors = [err182];}else {vErrors.push(err182);}errors++;}}if(data71.os !== undefined){let data72 = data71.os;if(typeof data72 === "string"){if(run_snapshot_validator_func3(data72) < 1){const err183 = {instancePath:instancePath+"/runner/os",schemaPath:"#/properties/runner/properties/os/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:run_snapshot_validator_schema11.properties.runner.properties.os,data:data72};if(vErrors === null){vErrors = [err183];}else {vErrors.push(err183);}errors++;}}else {const err184 = {instancePath:instancePath+"/runner/os",schemaPath:"#/properties/runner/properties/os/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema11.properties.runner.properties.os.type,parentSchema:run_snapshot_validator_schema11.properties.runner.properties.os,data:data72};if(vErrors === null){vErrors = [err184];}else {vErrors.push(err184);}errors++;}}if(data71.arch !== undefined){let data73 = data71.arch;if(typeof data73 === "string"){if(run_snapshot_validator_func3(data73) < 1){const err185 = {instancePath:instancePath+"/runner/arch",schemaPath:"#/properties/runner/properties/arch/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:run_snapshot_validator_schema11.properties.runner.properties.arch,data:data73};if(vErrors === null){vErrors = [err185];}else {vErrors.push(err185);}errors++;}}else {const err186 = {instancePath:instancePath+"/runner/arch",schemaPath:"#/properties/runner/properties/arch/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema11.properties.runner.properties.arch.type,parentSchema:run_snapshot_validator_schema11.properties.runner.properties.arch,data:data73};if(vErrors === null){vErrors = [err186];}else {vErrors.push(err186);}errors++;}}if(data71.node !== undefined){let data74 = data71.node;if(typeof data74 === "string"){if(!pattern16.test(data74)){const err187 = {instancePath:instancePath+"/runner/node",schemaPath:"#/properties/runner/properties/node/pattern",keyword:"pattern",params:{pattern: "^v\\d+\\.\\d+\\.\\d+"},message:"must match pattern \""+"^v\\d+\\.\\d+\\.\\d+"+"\"",schema:"^v\\d+\\.\\d+\\.\\d+",parentSchema:run_snapshot_validator_schema11.properties.runner.properties.node,data:data74};if(vErrors === null){vErrors = [err187];}else {vErrors.push(err187);}errors++;}}else {const err188 = {instancePath:instancePath+"/runner/node",schemaPath:"#/properties/runner/properties/node/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema11.properties.runner.properties.node.type,parentSchema:run_snapshot_validator_schema11.properties.runner.properties.node,data:data74};if(vErrors === null){vErrors = [err188];}else {vErrors.push(err188);}errors++;}}if(data71.name !== undefined){let data75 = data71.name;if(typeof data75 === "string"){if(run_snapshot_validator_func3(data75) > 256){const err189 = {instancePath:instancePath+"/runner/name",schemaPath:"#/properties/runner/properties/name/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:run_snapshot_validator_schema11.properties.runner.properties.name,data:data75};if(vErrors === null){vErrors = [err189];}else {vErrors.push(err189);}errors++;}}else {const err190 = {instancePath:instancePath+"/runner/name",schemaPath:"#/properties/runner/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema11.properties.runner.properties.name.type,parentSchema:run_snapshot_validator_schema11.properties.runner.properties.name,data:data75};if(vErrors === null){vErrors = [err190];}else {vErrors.push(err190);}errors++;}}if(data71.runnerOs !== undefined){let data76 = data71.runnerOs;if(typeof data76 === "string"){if(run_snapshot_validator_func3(data76) > 64){const err191 = {instancePath:instancePath+"/runner/runnerOs",schemaPath:"#/properties/runner/properties/runnerOs/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:run_snapshot_validator_schema11.properties.runner.properties.runnerOs,data:data76};if(vErrors === null){vErrors = [err191];}else {vErrors.push(err191);}errors++;}}else {const err192 = {instancePath:instancePath+"/runner/runnerOs",schemaPath:"#/properties/runner/properties/runnerOs/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema11.properties.runner.properties.runnerOs.type,parentSchema:run_snapshot_validator_schema11.properties.runner.properties.runnerOs,data:data76};if(vErrors === null){vErrors = [err192];}else {vErrors.push(err192);}errors++;}}}else {const err193 = {instancePath:instancePath+"/runner",schemaPath:"#/properties/runner/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.properties.runner.type,parentSchema:run_snapshot_validator_schema11.properties.runner,data:data71};if(vErrors === null){vErrors = [err193];}else {vErrors.push(err193);}errors++;}}if(data.tool !== undefined){let data77 = data.tool;if(data77 && typeof data77 == "object" && !Array.isArray(data77)){if(data77.name === undefined){const err194 = {instancePath:instancePath+"/tool",schemaPath:"#/properties/tool/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:run_snapshot_validator_schema11.properties.tool.required,parentSchema:run_snapshot_validator_schema11.properties.tool,data:data77};if(vErrors === null){vErrors = [err194];}else {vErrors.push(err194);}errors++;}if(data77.version === undefined){const err195 = {instancePath:instancePath+"/tool",schemaPath:"#/properties/tool/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:run_snapshot_validator_schema11.properties.tool.required,parentSchema:run_snapshot_validator_schema11.properties.tool,data:data77};if(vErrors === null){vErrors = [err195];}else {vErrors.push(err195);}errors++;}if(data77.bundleDigest === undefined){const err196 = {instancePath:instancePath+"/tool",schemaPath:"#/properties/tool/required",keyword:"required",params:{missingProperty: "bundleDigest"},message:"must have required property '"+"bundleDigest"+"'",schema:run_snapshot_validator_schema11.properties.tool.required,parentSchema:run_snapshot_validator_schema11.properties.tool,data:data77};if(vErrors === null){vErrors = [err196];}else {vErrors.push(err196);}errors++;}for(const key10 in data77){if(!(((key10 === "name") || (key10 === "version")) || (key10 === "bundleDigest"))){const err197 = {instancePath:instancePath+"/tool",schemaPath:"#/properties/tool/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:run_snapshot_validator_schema11.properties.tool,data:data77};if(vErrors === null){vErrors = [err197];}else {vErrors.push(err197);}errors++;}}if(data77.name !== undefined){let data78 = data77.name;if("remediate" !== data78){const err198 = {instancePath:instancePath+"/tool/name",schemaPath:"#/properties/tool/properties/name/const",keyword:"const",params:{allowedValue: "remediate"},message:"must be equal to constant",schema:"remediate",parentSchema:run_snapshot_validator_schema11.properties.tool.properties.name,data:data78};if(vErrors === null){vErrors = [err198];}else {vErrors.push(err198);}errors++;}}if(data77.version !== undefined){let data79 = data77.version;if(typeof data79 === "string"){if(!pattern17.test(data79)){const err199 = {instancePath:instancePath+"/tool/version",schemaPath:"#/properties/tool/properties/version/pattern",keyword:"pattern",params:{pattern: "^\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?$"},message:"must match pattern \""+"^\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?$"+"\"",schema:"^\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?$",parentSchema:run_snapshot_validator_schema11.properties.tool.properties.version,data:data79};if(vErrors === null){vErrors = [err199];}else {vErrors.push(err199);}errors++;}}else {const err200 = {instancePath:instancePath+"/tool/version",schemaPath:"#/properties/tool/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema11.properties.tool.properties.version.type,parentSchema:run_snapshot_validator_schema11.properties.tool.properties.version,data:data79};if(vErrors === null){vErrors = [err200];}else {vErrors.push(err200);}errors++;}}if(data77.bundleDigest !== undefined){let data80 = data77.bundleDigest;if(typeof data80 === "string"){if(!pattern7.test(data80)){const err201 = {instancePath:instancePath+"/tool/bundleDigest",schemaPath:"#/definitions/sha256Digest/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:run_snapshot_validator_schema16,data:data80};if(vErrors === null){vErrors = [err201];}else {vErrors.push(err201);}errors++;}}else {const err202 = {instancePath:instancePath+"/tool/bundleDigest",schemaPath:"#/definitions/sha256Digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema16.type,parentSchema:run_snapshot_validator_schema16,data:data80};if(vErrors === null){vErrors = [err202];}else {vErrors.push(err202);}errors++;}}}else {const err203 = {instancePath:instancePath+"/tool",schemaPath:"#/properties/tool/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.properties.tool.type,parentSchema:run_snapshot_validator_schema11.properties.tool,data:data77};if(vErrors === null){vErrors = [err203];}else {vErrors.push(err203);}errors++;}}if(data.started !== undefined){let data81 = data.started;if(typeof data81 === "string"){if(!run_snapshot_validator_pattern0.test(data81)){const err204 = {instancePath:instancePath+"/started",schemaPath:"#/definitions/isoTime/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"},message:"must match pattern \""+"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"+"\"",schema:"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$",parentSchema:run_snapshot_validator_schema12,data:data81};if(vErrors === null){vErrors = [err204];}else {vErrors.push(err204);}errors++;}}else {const err205 = {instancePath:instancePath+"/started",schemaPath:"#/definitions/isoTime/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema12.type,parentSchema:run_snapshot_validator_schema12,data:data81};if(vErrors === null){vErrors = [err205];}else {vErrors.push(err205);}errors++;}}if(data.ended !== undefined){let data82 = data.ended;if(typeof data82 === "string"){if(!run_snapshot_validator_pattern0.test(data82)){const err206 = {instancePath:instancePath+"/ended",schemaPath:"#/definitions/isoTime/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"},message:"must match pattern \""+"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$"+"\"",schema:"^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z$",parentSchema:run_snapshot_validator_schema12,data:data82};if(vErrors === null){vErrors = [err206];}else {vErrors.push(err206);}errors++;}}else {const err207 = {instancePath:instancePath+"/ended",schemaPath:"#/definitions/isoTime/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema12.type,parentSchema:run_snapshot_validator_schema12,data:data82};if(vErrors === null){vErrors = [err207];}else {vErrors.push(err207);}errors++;}}if(data.durationMs !== undefined){let data83 = data.durationMs;if(!(((typeof data83 == "number") && (!(data83 % 1) && !isNaN(data83))) && (isFinite(data83)))){const err208 = {instancePath:instancePath+"/durationMs",schemaPath:"#/properties/durationMs/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:run_snapshot_validator_schema11.properties.durationMs.type,parentSchema:run_snapshot_validator_schema11.properties.durationMs,data:data83};if(vErrors === null){vErrors = [err208];}else {vErrors.push(err208);}errors++;}if((typeof data83 == "number") && (isFinite(data83))){if(data83 < 0 || isNaN(data83)){const err209 = {instancePath:instancePath+"/durationMs",schemaPath:"#/properties/durationMs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:run_snapshot_validator_schema11.properties.durationMs,data:data83};if(vErrors === null){vErrors = [err209];}else {vErrors.push(err209);}errors++;}}}if(data.check !== undefined){let data84 = data.check;if(!(((((data84 === "healthy") || (data84 === "drift")) || (data84 === "forced")) || (data84 === "none")) || (data84 === "error"))){const err210 = {instancePath:instancePath+"/check",schemaPath:"#/properties/check/enum",keyword:"enum",params:{allowedValues: run_snapshot_validator_schema11.properties.check.enum},message:"must be equal to one of the allowed values",schema:run_snapshot_validator_schema11.properties.check.enum,parentSchema:run_snapshot_validator_schema11.properties.check,data:data84};if(vErrors === null){vErrors = [err210];}else {vErrors.push(err210);}errors++;}}if(data.rollback !== undefined){let data85 = data.rollback;if(!((((data85 === "not-needed") || (data85 === "succeeded")) || (data85 === "failed")) || (data85 === "none"))){const err211 = {instancePath:instancePath+"/rollback",schemaPath:"#/properties/rollback/enum",keyword:"enum",params:{allowedValues: run_snapshot_validator_schema11.properties.rollback.enum},message:"must be equal to one of the allowed values",schema:run_snapshot_validator_schema11.properties.rollback.enum,parentSchema:run_snapshot_validator_schema11.properties.rollback,data:data85};if(vErrors === null){vErrors = [err211];}else {vErrors.push(err211);}errors++;}}if(data.steps !== undefined){let data86 = data.steps;if(Array.isArray(data86)){const len4 = data86.length;for(let i6=0; i6<len4; i6++){if(!(run_snapshot_validator_validate13(data86[i6], {instancePath:instancePath+"/steps/" + i6,parentData:data86,parentDataProperty:i6,rootData}))){vErrors = vErrors === null ? run_snapshot_validator_validate13.errors : vErrors.concat(run_snapshot_validator_validate13.errors);errors = vErrors.length;}}}else {const err212 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:run_snapshot_validator_schema11.properties.steps.type,parentSchema:run_snapshot_validator_schema11.properties.steps,data:data86};if(vErrors === null){vErrors = [err212];}else {vErrors.push(err212);}errors++;}}if(data.outputs !== undefined){let data88 = data.outputs;if(data88 && typeof data88 == "object" && !Array.isArray(data88)){for(const key11 in data88){const _errs214 = errors;if(typeof key11 === "string"){if(!pattern12.test(key11)){const err213 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,62}$",parentSchema:run_snapshot_validator_schema11.properties.outputs.propertyNames,data:key11,propertyName:key11};if(vErrors === null){vErrors = [err213];}else {vErrors.push(err213);}errors++;}}var valid71 = _errs214 === errors;if(!valid71){const err214 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/propertyNames",keyword:"propertyNames",params:{propertyName: key11},message:"property name must be valid",schema:run_snapshot_validator_schema11.properties.outputs.propertyNames,parentSchema:run_snapshot_validator_schema11.properties.outputs,data:data88};if(vErrors === null){vErrors = [err214];}else {vErrors.push(err214);}errors++;}}for(const key12 in data88){let data89 = data88[key12];if(typeof data89 !== "string"){const err215 = {instancePath:instancePath+"/outputs/" + key12.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/outputs/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:run_snapshot_validator_schema11.properties.outputs.additionalProperties.type,parentSchema:run_snapshot_validator_schema11.properties.outputs.additionalProperties,data:data89};if(vErrors === null){vErrors = [err215];}else {vErrors.push(err215);}errors++;}}}else {const err216 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.properties.outputs.type,parentSchema:run_snapshot_validator_schema11.properties.outputs,data:data88};if(vErrors === null){vErrors = [err216];}else {vErrors.push(err216);}errors++;}}if(data.log !== undefined){let data90 = data.log;const _errs220 = errors;let valid73 = true;const _errs221 = errors;if(data90 && typeof data90 == "object" && !Array.isArray(data90)){let missing11;if((data90.complete === undefined) && (missing11 = "complete")){const err217 = {};if(vErrors === null){vErrors = [err217];}else {vErrors.push(err217);}errors++;}}var _valid11 = _errs221 === errors;errors = _errs220;if(vErrors !== null){if(_errs220){vErrors.length = _errs220;}else {vErrors = null;}}let ifClause2;if(_valid11){const _errs222 = errors;if(data90 && typeof data90 == "object" && !Array.isArray(data90)){if(data90.file === undefined){const err218 = {instancePath:instancePath+"/log",schemaPath:"#/definitions/logOpen/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'",schema:schema29.required,parentSchema:schema29,data:data90};if(vErrors === null){vErrors = [err218];}else {vErrors.push(err218);}errors++;}if(data90.complete === undefined){const err219 = {instancePath:instancePath+"/log",schemaPath:"#/definitions/logOpen/required",keyword:"required",params:{missingProperty: "complete"},message:"must have required property '"+"complete"+"'",schema:schema29.required,parentSchema:schema29,data:data90};if(vErrors === null){vErrors = [err219];}else {vErrors.push(err219);}errors++;}for(const key13 in data90){if(!((key13 === "file") || (key13 === "complete"))){const err220 = {instancePath:instancePath+"/log",schemaPath:"#/definitions/logOpen/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema29,data:data90};if(vErrors === null){vErrors = [err220];}else {vErrors.push(err220);}errors++;}}if(data90.file !== undefined){let data91 = data90.file;if("run.log" !== data91){const err221 = {instancePath:instancePath+"/log/file",schemaPath:"#/definitions/logOpen/properties/file/const",keyword:"const",params:{allowedValue: "run.log"},message:"must be equal to constant",schema:"run.log",parentSchema:schema29.properties.file,data:data91};if(vErrors === null){vErrors = [err221];}else {vErrors.push(err221);}errors++;}}if(data90.complete !== undefined){let data92 = data90.complete;if(false !== data92){const err222 = {instancePath:instancePath+"/log/complete",schemaPath:"#/definitions/logOpen/properties/complete/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema29.properties.complete,data:data92};if(vErrors === null){vErrors = [err222];}else {vErrors.push(err222);}errors++;}}}else {const err223 = {instancePath:instancePath+"/log",schemaPath:"#/definitions/logOpen/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.type,parentSchema:schema29,data:data90};if(vErrors === null){vErrors = [err223];}else {vErrors.push(err223);}errors++;}var _valid11 = _errs222 === errors;valid73 = _valid11;ifClause2 = "then";}else {const _errs228 = errors;if(!(validate15(data90, {instancePath:instancePath+"/log",parentData:data,parentDataProperty:"log",rootData}))){vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);errors = vErrors.length;}var _valid11 = _errs228 === errors;valid73 = _valid11;ifClause2 = "else";}if(!valid73){const err224 = {instancePath:instancePath+"/log",schemaPath:"#/properties/log/if",keyword:"if",params:{failingKeyword: ifClause2},message:"must match \""+ifClause2+"\" schema",schema:run_snapshot_validator_schema11.properties.log.if,parentSchema:run_snapshot_validator_schema11.properties.log,data:data90};if(vErrors === null){vErrors = [err224];}else {vErrors.push(err224);}errors++;}if(data90 && typeof data90 == "object" && !Array.isArray(data90)){if(data90.file === undefined){const err225 = {instancePath:instancePath+"/log",schemaPath:"#/properties/log/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'",schema:run_snapshot_validator_schema11.properties.log.required,parentSchema:run_snapshot_validator_schema11.properties.log,data:data90};if(vErrors === null){vErrors = [err225];}else {vErrors.push(err225);}errors++;}if(data90.file !== undefined){let data93 = data90.file;if("run.log" !== data93){const err226 = {instancePath:instancePath+"/log/file",schemaPath:"#/properties/log/properties/file/const",keyword:"const",params:{allowedValue: "run.log"},message:"must be equal to constant",schema:"run.log",parentSchema:run_snapshot_validator_schema11.properties.log.properties.file,data:data93};if(vErrors === null){vErrors = [err226];}else {vErrors.push(err226);}errors++;}}}else {const err227 = {instancePath:instancePath+"/log",schemaPath:"#/properties/log/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.properties.log.type,parentSchema:run_snapshot_validator_schema11.properties.log,data:data90};if(vErrors === null){vErrors = [err227];}else {vErrors.push(err227);}errors++;}}}else {const err228 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:run_snapshot_validator_schema11.type,parentSchema:run_snapshot_validator_schema11,data};if(vErrors === null){vErrors = [err228];}else {vErrors.push(err228);}errors++;}run_snapshot_validator_validate10.errors = vErrors;return errors === 0;}

;// CONCATENATED MODULE: ./src/run/snapshot-schema.ts

// Precompiled from the schema at build time (scripts/build-validators.mjs): no compile at run time.


/** Checks parsed snapshot.json against the published schema; problems read `<path>: <message>`. */
function validateSnapshot(value) {
    if (run_snapshot_validator(value))
        return { ok: true };
    // An `if` error only says "must match then/else"; the failing keyword inside is reported on its own.
    const problems = (run_snapshot_validator.errors ?? [])
        .filter((error) => error.keyword !== 'if')
        .map((error) => snapshot_schema_describe(error, value));
    return { ok: false, problems: [...new Set(problems)] };
}
function snapshot_schema_describe(error, root) {
    const path = pointerToPath(error.instancePath);
    const got = snapshot_schema_show(valueAt(root, path));
    switch (error.keyword) {
        case 'additionalProperties': {
            const key = error.params.additionalProperty;
            return `${where([...path, key])}: unknown field`;
        }
        case 'required': {
            const key = error.params.missingProperty;
            return `${where([...path, key])}: missing required field`;
        }
        case 'false schema':
            return `${where(path)}: not allowed in a snapshot with status ${snapshot_schema_show(valueAt(root, ['status']))}`;
        case 'enum':
            return `${where(path)}: expected one of ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
        case 'const':
            return `${where(path)}: expected ${JSON.stringify(error.params.allowedValue)}, got ${got}`;
        case 'pattern':
            return `${where(path)}: expected ${expectedForm(error)}, got ${got}`;
        case 'propertyNames': {
            const name = error.params.propertyName;
            return `${where([...path, name])}: invalid name`;
        }
        case 'type':
            return `${where(path)}: expected ${String(error.params.type).replaceAll(',', ' or ')}, got ${got}`;
        default:
            return `${where(path)}: ${error.message ?? 'is invalid'}, got ${got}`;
    }
}
/** A shared format's description (`64 lower-case hex digits`) reads better than its regex. */
function expectedForm(error) {
    const match = /^#\/definitions\/([A-Za-z0-9]+)\/pattern$/.exec(error.schemaPath);
    const definitions = run_snapshot_schema_namespaceObject.BG;
    const description = match ? definitions[match[1]]?.description : undefined;
    return description
        ? description.charAt(0).toLowerCase() + description.slice(1).replace(/\.$/, '')
        : `a value matching /${error.params.pattern}/`;
}
function where(path) {
    return path.length === 0 ? '(snapshot)' : formatPath(path);
}
function valueAt(root, path) {
    let node = root;
    for (const part of path) {
        if (typeof node !== 'object' || node === null)
            return undefined;
        node = node[part];
    }
    return node;
}
function snapshot_schema_show(value) {
    if (value === undefined)
        return 'nothing';
    if (typeof value === 'string')
        return `'${value.length > 80 ? `${value.slice(0, 77)}...` : value}'`;
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'an object';
    return String(value);
}

;// CONCATENATED MODULE: ./src/app/trigger.ts



/**
 * Who or what started the run. On GitHub (GITHUB_ACTIONS=true) it comes from the runner's
 * environment and the event payload, which is kept only as a digest (it may hold alert details
 * that do not belong in a record); locally it is the user and host.
 */
async function triggerFromEnvironment(env) {
    if (env.GITHUB_ACTIONS !== 'true')
        return { kind: 'local', user: (0,external_node_os_.userInfo)().username, host: (0,external_node_os_.hostname)() };
    let payloadDigest;
    let action;
    if (env.GITHUB_EVENT_PATH) {
        const payload = await (0,promises_.readFile)(env.GITHUB_EVENT_PATH).catch(() => undefined);
        if (payload) {
            payloadDigest = sha256Digest(payload);
            try {
                const parsed = JSON.parse(payload.toString('utf8'));
                // repository_dispatch puts its event type in `action`.
                if (typeof parsed.action === 'string')
                    action = parsed.action.slice(0, 100);
            }
            catch {
                // An unparseable payload still has a digest; its action is simply unknown.
            }
        }
    }
    return {
        kind: 'github',
        event: env.GITHUB_EVENT_NAME ?? 'unknown',
        ...(action !== undefined ? { action } : {}),
        runId: env.GITHUB_RUN_ID ?? 'unknown',
        attempt: env.GITHUB_RUN_ATTEMPT ?? '1',
        actor: env.GITHUB_ACTOR ?? 'unknown',
        workflowRef: env.GITHUB_WORKFLOW_REF ?? 'unknown',
        repository: env.GITHUB_REPOSITORY ?? 'unknown',
        ...(payloadDigest !== undefined ? { payloadDigest } : {}),
    };
}

;// CONCATENATED MODULE: ./src/core/append-check.ts


/**
 * Proves a new manifest only appends to the previous one: serial grows by exactly one, `previous`
 * names the old payload, no released entry's tag, commit, digest or release time changed, none
 * disappeared, and no yank was undone. This stops a release job from quietly re-pointing an
 * already released version, or un-yanking one, while signing something else.
 */
function checkAppendOnly(previous, next) {
    const refuse = (message) => {
        throw new errors_TrustError('NOT_APPEND_ONLY', message);
    };
    if (next.serial !== previous.payload.serial + 1) {
        refuse(`serial: expected ${previous.payload.serial + 1}, got ${next.serial}`);
    }
    const expectedPrevious = manifestDigest(previous.payloadBytes);
    if (next.previous !== expectedPrevious)
        refuse(`previous: expected ${expectedPrevious}, got ${next.previous}`);
    const yanked = [];
    for (const [name, versions] of Object.entries(previous.payload.remediations)) {
        for (const [version, old] of Object.entries(versions)) {
            const at = `${name}@${version}`;
            const now = Object.hasOwn(next.remediations, name) ? next.remediations[name]?.[version] : undefined;
            if (!now)
                return refuse(`${at}: removed; released versions must stay in the manifest (yank instead)`);
            for (const field of ['tag', 'commit', 'digest', 'released']) {
                if (now[field] !== old[field])
                    refuse(`${at}.${field}: expected ${old[field]} (released), got ${now[field]}`);
            }
            if (old.yanked && !now.yanked)
                refuse(`${at}.yanked: a yank cannot be undone; release a new version instead`);
            if (old.yanked && now.yanked && JSON.stringify(old.yanked) !== JSON.stringify(now.yanked)) {
                refuse(`${at}.yanked: expected the recorded yank to stay as it was`);
            }
            if (!old.yanked && now.yanked)
                yanked.push(at);
        }
    }
    const added = [];
    for (const [name, versions] of Object.entries(next.remediations)) {
        for (const version of Object.keys(versions)) {
            const existed = Object.hasOwn(previous.payload.remediations, name) && previous.payload.remediations[name]?.[version];
            if (!existed)
                added.push(`${name}@${version}`);
        }
    }
    return { added, yanked };
}

;// CONCATENATED MODULE: ./src/adapters/git-cat-file.ts

/**
 * A long-lived `git cat-file --batch`: every object a verification needs (the tag's commit, the
 * trees down to the remediation's folder, its blobs) comes through one git process instead of
 * one per command. Requests are answered in order; the process does not keep Node alive while
 * idle, and ends with the tool.
 */
class CatFileBatch {
    #child;
    #queue = [];
    #chunks = [];
    #buffered = 0;
    /** The object being received: its header is parsed, `content` fills as bytes arrive. */
    #current;
    #failure;
    constructor(cwd, env) {
        this.#child = (0,external_node_child_process_.spawn)('git', ['cat-file', '--batch'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
        let stderr = '';
        this.#child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
        this.#child.stdout.on('data', (chunk) => this.#receive(chunk));
        this.#child.stdin.on('error', () => undefined);
        const fail = (error) => {
            this.#failure = error;
            for (const pending of this.#queue.splice(0))
                pending.reject(error);
        };
        this.#child.on('error', (error) => fail(new Error(`cannot run git cat-file: ${error.message}`)));
        this.#child.on('close', (code) => fail(new Error(`git cat-file --batch ended (${code}): ${stderr.trim().split('\n')[0] ?? ''}`)));
        this.#idle();
    }
    /** Reads an object by id or revision expression (`refs/tags/x^{commit}`); undefined when missing. */
    read(name) {
        if (this.#failure)
            return Promise.reject(this.#failure);
        if (/[\n\r]/.test(name))
            return Promise.reject(new Error('object names cannot contain line breaks'));
        return new Promise((resolve, reject) => {
            this.#queue.push({ name, resolve, reject });
            this.#busy();
            this.#child.stdin.write(`${name}\n`);
        });
    }
    /** Ends the git process. */
    close() {
        this.#child.stdin.end();
    }
    #receive(chunk) {
        this.#chunks.push(chunk);
        this.#buffered += chunk.byteLength;
        for (;;) {
            if (this.#current) {
                const current = this.#current;
                const need = current.content.byteLength - current.filled;
                // Content is copied straight into its own buffer: no repeated concatenation of large blobs.
                while (need > 0 && current.filled < current.content.byteLength && this.#chunks.length) {
                    const head = this.#chunks[0];
                    const take = Math.min(head.byteLength, current.content.byteLength - current.filled);
                    head.copy(current.content, current.filled, 0, take);
                    current.filled += take;
                    this.#consume(take);
                }
                if (current.filled < current.content.byteLength || this.#buffered < 1)
                    return;
                this.#consume(1); // the newline after the content
                this.#current = undefined;
                this.#settle({ oid: current.oid, type: current.type, content: current.content });
                continue;
            }
            const header = this.#takeLine();
            if (header === undefined)
                return;
            const parts = header.split(' ');
            if (parts[1] === 'missing' || parts[1] === 'ambiguous') {
                this.#settle(undefined);
                continue;
            }
            const size = Number(parts[2]);
            this.#current = { oid: parts[0] ?? '', type: parts[1] ?? '', content: Buffer.allocUnsafe(size), filled: 0 };
        }
    }
    #takeLine() {
        const all = this.#chunks.length === 1 ? this.#chunks[0] : Buffer.concat(this.#chunks);
        const newline = all.indexOf(0x0a);
        if (newline < 0) {
            this.#chunks = [all];
            return undefined;
        }
        this.#chunks = [all];
        const line = all.subarray(0, newline).toString('utf8');
        this.#consume(newline + 1);
        return line;
    }
    #consume(count) {
        let left = count;
        while (left > 0) {
            const head = this.#chunks[0];
            if (head.byteLength <= left) {
                this.#chunks.shift();
                left -= head.byteLength;
            }
            else {
                this.#chunks[0] = head.subarray(left);
                left = 0;
            }
        }
        this.#buffered -= count;
    }
    #settle(object) {
        this.#queue.shift()?.resolve(object);
        if (this.#queue.length === 0)
            this.#idle();
    }
    // While nothing is asked, the git process and its pipes must not keep the tool running.
    #idle() {
        this.#child.unref();
        for (const stream of [this.#child.stdin, this.#child.stdout, this.#child.stderr])
            stream.unref?.();
    }
    #busy() {
        this.#child.ref();
        for (const stream of [this.#child.stdin, this.#child.stdout, this.#child.stderr])
            stream.ref?.();
    }
}
/** Parses a git tree object's entries: `<mode> <name>\0<binary id>` repeated. */
function parseTree(content, idBytes) {
    const entries = [];
    let offset = 0;
    while (offset < content.byteLength) {
        const space = content.indexOf(0x20, offset);
        const nul = content.indexOf(0x00, space);
        if (space < 0 || nul < 0 || nul + 1 + idBytes > content.byteLength)
            throw new Error('malformed git tree object');
        entries.push({
            mode: content.subarray(offset, space).toString('ascii').padStart(6, '0'),
            name: content.subarray(space + 1, nul).toString('utf8'),
            oid: content.subarray(nul + 1, nul + 1 + idBytes).toString('hex'),
        });
        offset = nul + 1 + idBytes;
    }
    return entries;
}

;// CONCATENATED MODULE: ./src/adapters/git-client.ts





/** Raised when git itself fails; carries git's stderr. */
class GitCommandError extends Error {
    name = 'GitCommandError';
    exitCode;
    stderr;
    constructor(args, exitCode, stderr) {
        super(`git ${args.join(' ')} failed (${exitCode}): ${stderr.trim().split('\n')[0] ?? ''}`);
        this.exitCode = exitCode;
        this.stderr = stderr;
    }
}
/** Runs the system git with argument arrays (never a shell) and a controlled environment. */
class GitCli {
    cwd;
    env;
    #batch;
    /** `env` is the environment git runs with; `gitEnvironment` builds a safe one. */
    constructor(cwd, env) {
        this.cwd = cwd;
        this.env = env;
    }
    async tryResolveTag(tag) {
        const object = await this.#objects().read(`refs/tags/${tag}^{commit}`);
        return object?.type === 'commit' ? object.oid : undefined;
    }
    async tryResolveCommit(rev) {
        // `--end-of-options` keeps a revision that starts with '-' from being read as an option.
        const result = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
            allowFail: true,
        });
        return result.code === 0 ? result.stdout.toString().trim() : undefined;
    }
    async headCommit() {
        return (await this.run(['rev-parse', '--verify', 'HEAD^{commit}'])).stdout.toString().trim();
    }
    async listTree(commit, dir) {
        // Walk the trees through the one cat-file process: root tree, down to `dir`, then all below it.
        const batch = this.#objects();
        const root = await batch.read(`${commit}^{tree}`);
        if (!root)
            throw new GitCommandError(['cat-file', `${commit}^{tree}`], 128, `no tree for ${commit}`);
        const idBytes = root.oid.length / 2;
        let tree = root;
        for (const part of dir.split('/')) {
            const entry = parseTree(tree.content, idBytes).find((e) => e.name === part && e.mode === '040000');
            if (!entry)
                return [];
            tree = await batch.read(entry.oid);
            if (!tree)
                return [];
        }
        const entries = [];
        const walk = async (object, prefix) => {
            for (const entry of parseTree(object.content, idBytes)) {
                const path = `${prefix}/${entry.name}`;
                if (entry.mode === '040000') {
                    const child = await batch.read(entry.oid);
                    if (!child)
                        throw new GitCommandError(['cat-file', entry.oid], 128, `missing tree ${entry.oid}`);
                    await walk(child, path);
                }
                else {
                    entries.push({ mode: entry.mode, type: entry.mode === '160000' ? 'commit' : 'blob', oid: entry.oid, path });
                }
            }
        };
        await walk(tree, dir);
        return entries;
    }
    async readBlobs(oids) {
        const batch = this.#objects();
        const blobs = new Map();
        const objects = await Promise.all(oids.map((oid) => batch.read(oid)));
        objects.forEach((object, i) => {
            const oid = oids[i];
            if (!object || object.type !== 'blob')
                throw new GitCommandError(['cat-file', '--batch'], 0, `object ${oid} is not a blob`);
            blobs.set(oid, object.content);
        });
        return blobs;
    }
    async tryReadFileAt(ref, path) {
        const result = await this.run(['cat-file', 'blob', `${ref}:${path}`], { allowFail: true });
        return result.code === 0 ? result.stdout : undefined;
    }
    async statusOf(dir) {
        const { stdout } = await this.run(['status', '--porcelain=v1', '--untracked-files=all', '--', dir]);
        return stdout.toString('utf8').split('\n').filter(Boolean);
    }
    async createAnnotatedTag(tag, commit, message) {
        await this.run(['tag', '--annotate', '--message', message, '--', tag, commit]);
    }
    async topLevel() {
        // The nearest folder with a `.git` (a folder, or a file in worktrees): no process needed.
        for (let dir = (0,external_node_path_.resolve)(this.cwd);; dir = (0,external_node_path_.dirname)(dir)) {
            if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, '.git')))
                return dir;
            if ((0,external_node_path_.dirname)(dir) === dir)
                break;
        }
        throw new UsageError('NOT_FOUND', `${this.cwd} is not inside a git repository: run remediate from your checkout`);
    }
    async listTags(pattern) {
        const { stdout } = await this.run(['tag', '--list', '--', pattern]);
        return stdout.toString('utf8').split('\n').filter(Boolean);
    }
    async changedPaths(base, dir) {
        const { stdout } = await this.run(['diff', '--name-only', '-z', '--end-of-options', base, '--', `${dir}/`]);
        const untracked = await this.run(['ls-files', '--others', '--exclude-standard', '-z', '--', `${dir}/`]);
        return [...stdout.toString('utf8').split('\0'), ...untracked.stdout.toString('utf8').split('\0')].filter(Boolean);
    }
    #objects() {
        this.#batch ??= new CatFileBatch(this.cwd, this.env);
        return this.#batch;
    }
    run(args, options = {}) {
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)('git', args, { cwd: this.cwd, env: this.env, stdio: ['pipe', 'pipe', 'pipe'] });
            const out = [];
            const err = [];
            child.stdout.on('data', (chunk) => out.push(chunk));
            child.stderr.on('data', (chunk) => err.push(chunk));
            child.on('error', (error) => reject(new UsageError('NOT_FOUND', 'cannot run git: install git and make sure it is on PATH', { cause: error })));
            child.on('close', (code) => {
                const stderr = Buffer.concat(err).toString('utf8');
                if (code !== 0 && !options.allowFail)
                    reject(new GitCommandError(args, code, stderr));
                else
                    resolve({ code, stdout: Buffer.concat(out), stderr });
            });
            // git may exit before reading its input (EPIPE); its exit status reports what went wrong.
            child.stdin.on('error', () => undefined);
            child.stdin.end(options.input ?? '');
        });
    }
}
/**
 * The environment git runs with: the caller's, minus variables that redirect git to another
 * repository or object store (GIT_DIR, GIT_OBJECT_DIRECTORY, GIT_ALTERNATE_OBJECT_DIRECTORIES,
 * GIT_REPLACE_REF_BASE...), which could make the verifier read objects other than the checkout's.
 * `git replace` refs are disabled for the same reason.
 */
function gitEnvironment(base) {
    const env = {};
    for (const [key, value] of Object.entries(base)) {
        if (key.startsWith('GIT_') && !/^GIT_(AUTHOR|COMMITTER)_(NAME|EMAIL)$/.test(key))
            continue;
        env[key] = value;
    }
    env.GIT_NO_REPLACE_OBJECTS = '1';
    env.GIT_TERMINAL_PROMPT = '0';
    env.LC_ALL = 'C';
    return env;
}

;// CONCATENATED MODULE: ./src/core/keys.ts



/** keyid = hex sha256 of the SPKI DER encoding of the public key. */
function keyIdOf(publicKey) {
    return sha256Hex(publicKey.export({ type: 'spki', format: 'der' }));
}
/** Parses an SPKI PEM Ed25519 public key; other algorithms are refused (no algorithm confusion). */
function parsePublicKey(pem, source) {
    let key;
    try {
        key = (0,external_node_crypto_.createPublicKey)({ key: pem, format: 'pem' });
    }
    catch (error) {
        throw new UsageError('INVALID_KEY', `${source}: expected an Ed25519 public key in PEM (SPKI)`, { cause: error });
    }
    if (key.asymmetricKeyType !== 'ed25519') {
        throw new UsageError('INVALID_KEY', `${source}: expected an ed25519 key, got ${key.asymmetricKeyType ?? 'unknown'}`);
    }
    return { keyid: keyIdOf(key), key };
}
/** Parses a PKCS#8 PEM Ed25519 private key (as `openssl genpkey -algorithm ed25519` writes). */
function parsePrivateKey(pem, source) {
    let key;
    try {
        key = (0,external_node_crypto_.createPrivateKey)({ key: pem, format: 'pem' });
    }
    catch (error) {
        throw new UsageError('INVALID_KEY', `${source}: expected an Ed25519 private key in PEM (PKCS#8)`, {
            cause: error,
        });
    }
    if (key.asymmetricKeyType !== 'ed25519') {
        throw new UsageError('INVALID_KEY', `${source}: expected an ed25519 key, got ${key.asymmetricKeyType ?? 'unknown'}`);
    }
    const publicKey = (0,external_node_crypto_.createPublicKey)(key);
    return { keyid: keyIdOf(publicKey), key, publicKey };
}
/** Generates a new Ed25519 key pair as PEM strings. */
function generateKeyPair() {
    const { privateKey, publicKey } = (0,external_node_crypto_.generateKeyPairSync)('ed25519');
    return {
        privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        keyid: keyIdOf(publicKey),
    };
}

;// CONCATENATED MODULE: ./src/app/keygen.ts



/**
 * Writes `<out>` (PKCS#8 PEM, mode 0600) and `<out>.pub` (SPKI PEM). Never overwrites: replacing
 * a signing key by accident would lock out every future release signed under the old one.
 */
async function writeKeyPair(out) {
    const { privatePem, publicPem, keyid } = generateKeyPair();
    const publicPath = `${out}.pub`;
    try {
        await (0,promises_.writeFile)(out, privatePem, { flag: 'wx', mode: 0o600 });
    }
    catch (error) {
        if (error.code === 'EEXIST') {
            throw new UsageError('FILE_EXISTS', `${out} exists; refusing to overwrite a key: choose another --out`);
        }
        throw error;
    }
    try {
        await (0,promises_.writeFile)(publicPath, publicPem, { flag: 'wx', mode: 0o644 });
    }
    catch (error) {
        // Leave no orphaned private key behind: a retry with another --out must start clean.
        await (0,promises_.rm)(out, { force: true });
        if (error.code === 'EEXIST') {
            throw new UsageError('FILE_EXISTS', `${publicPath} exists; refusing to overwrite a key: choose another --out`);
        }
        throw error;
    }
    return { keyid, publicPath };
}

;// CONCATENATED MODULE: ./src/app/load-keys.ts



/** Reads trusted public keys from PEM files. */
async function loadTrustedKeys(paths) {
    if (paths.length === 0) {
        throw new UsageError('USAGE', 'expected at least one --trusted-key <public key PEM> to verify the manifest with');
    }
    return Promise.all(paths.map(async (path) => parsePublicKey(await readKeyFile(path), path)));
}
/** Reads Ed25519 private keys from PEM files. */
async function loadSigningKeys(paths) {
    if (paths.length === 0)
        throw new UsageError('USAGE', 'expected at least one --key <private key PEM> to sign with');
    return Promise.all(paths.map(async (path) => parsePrivateKey(await readKeyFile(path), path)));
}
async function readKeyFile(path) {
    try {
        return await (0,promises_.readFile)(path);
    }
    catch (error) {
        throw new UsageError('NOT_FOUND', `cannot read key file ${path}`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/app/manifest-file.ts




/** Default manifest location, relative to the repository root. */
const DEFAULT_MANIFEST_PATH = 'remediations/manifest.json';
/** Reads manifest bytes, or undefined when the file does not exist yet. */
async function tryReadManifest(path) {
    try {
        return await (0,promises_.readFile)(path);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw new UsageError('NOT_FOUND', `cannot read manifest ${path}`, { cause: error });
    }
}
/** Reads manifest bytes; a missing file is a usage error that says how to make one. */
async function readManifest(path) {
    const bytes = await tryReadManifest(path);
    if (!bytes) {
        throw new UsageError('NOT_FOUND', `manifest ${path} does not exist: pass --manifest <path>, or release a version first`);
    }
    return bytes;
}
/** Writes bytes to a temporary file next to `path`; nothing is replaced until commit(). */
async function stageManifest(path, bytes) {
    const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.manifest.tmp`);
    await (0,promises_.writeFile)(temp, bytes, { flag: 'wx' });
    return {
        commit: () => (0,promises_.rename)(temp, path),
        discard: () => (0,promises_.rm)(temp, { force: true }),
    };
}

;// CONCATENATED MODULE: ./src/core/manifest-editor.ts




/** Default lifetime of a manifest: long enough for quiet months, short enough to end freezes. */
const DEFAULT_EXPIRY_MS = 180 * 24 * 3600 * 1000;
/** Parses a lifetime like `180d`, `12h` or `30m`. */
function parseLifetime(text) {
    const match = /^([1-9]\d{0,4})([dhm])$/.exec(text);
    if (!match)
        throw new UsageError('USAGE', `--expires: expected a lifetime like 180d, 12h or 30m, got '${text}'`);
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[match[2]];
    return Number(match[1]) * unit;
}
/**
 * Appends a released version. A version already in the manifest is never changed: a release
 * that would rewrite one is refused (VERSION_EXISTS), so a reviewed version cannot be swapped.
 */
function appendRelease(previous, release, now, lifetimeMs) {
    const { ref } = release;
    if (previous && findEntry(previous.payload, ref.name, ref.version)) {
        throw new errors_TrustError('VERSION_EXISTS', `${ref.name}@${ref.version} is already released; a released version is never changed: bump the version (e.g. a new patch version) and release that`);
    }
    const entry = {
        tag: ref.tag,
        commit: release.commit,
        digest: release.digest,
        released: now.toISOString(),
        yanked: false,
    };
    const remediations = cloneEntries(previous);
    remediations[ref.name] = sortKeys({ ...(remediations[ref.name] ?? {}), [ref.version]: entry });
    return nextPayload(previous, sortKeys(remediations), now, lifetimeMs);
}
/** Marks a version yanked with a reason; nothing else changes. */
function yankRelease(previous, ref, reason, now, lifetimeMs) {
    const entry = findEntry(previous.payload, ref.name, ref.version);
    if (!entry) {
        throw new errors_TrustError('UNKNOWN_VERSION', `${ref.name}@${ref.version} is not in the manifest; nothing to yank`);
    }
    if (entry.yanked) {
        throw new UsageError('USAGE', `${ref.name}@${ref.version} is already yanked (${entry.yanked.reason})`);
    }
    if (!reason.trim())
        throw new UsageError('USAGE', '--reason: expected a non-empty reason for the yank');
    const remediations = cloneEntries(previous);
    remediations[ref.name] = {
        ...remediations[ref.name],
        [ref.version]: { ...entry, yanked: { reason, at: now.toISOString() } },
    };
    return nextPayload(previous, remediations, now, lifetimeMs);
}
/** Signs a payload with every key given and returns the envelope bytes to store. */
function signManifest(payload, keys) {
    if (keys.length === 0)
        throw new UsageError('USAGE', 'expected at least one --key to sign with');
    const payloadBytes = serialisePayload(payload);
    const message = pae(MANIFEST_PAYLOAD_TYPE, payloadBytes);
    const seen = new Set();
    const signatures = keys
        .filter((k) => !seen.has(k.keyid) && seen.add(k.keyid))
        .map((k) => ({ keyid: k.keyid, sig: (0,external_node_crypto_.sign)(null, message, k.key).toString('base64') }));
    return serialiseEnvelope({
        payloadType: MANIFEST_PAYLOAD_TYPE,
        payload: payloadBytes.toString('base64'),
        signatures,
    });
}
function nextPayload(previous, remediations, now, lifetimeMs) {
    return {
        _type: MANIFEST_TYPE,
        serial: (previous?.payload.serial ?? 0) + 1,
        issued: now.toISOString(),
        expires: new Date(now.getTime() + lifetimeMs).toISOString(),
        previous: previous ? manifestDigest(previous.payloadBytes) : null,
        remediations,
    };
}
function cloneEntries(previous) {
    const out = {};
    for (const [name, versions] of Object.entries(previous?.payload.remediations ?? {}))
        out[name] = { ...versions };
    return out;
}
function sortKeys(record) {
    return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

;// CONCATENATED MODULE: ./src/app/release.ts







/**
 * Releases HEAD's remediations/<name>/ as <name>/<version>: validates it, refuses a dirty folder
 * and any version or tag that exists, tags HEAD, and writes the new signed manifest.
 */
async function releaseVersion(git, keys, settings, now) {
    const { ref } = settings;
    const dir = remediationDir(ref.name);
    const existingTag = await git.tryResolveTag(ref.tag);
    let commit;
    if (settings.existingTag) {
        // Signing a pushed tag: what is released is exactly the tag's commit, read from git objects.
        if (!existingTag) {
            throw new errors_TrustError('TAG_NOT_FOUND', `tag ${ref.tag} does not exist; push it first (or release without --from-tag to tag HEAD)`);
        }
        commit = existingTag;
    }
    else {
        // What is released is the committed content: uncommitted edits would be signed as if reviewed.
        const dirty = await git.statusOf(dir);
        if (dirty.length) {
            throw new UsageError('DIRTY_TREE', `${dir}/ has uncommitted changes; commit or stash them first:\n${dirty.map((l) => `  ${l}`).join('\n')}`);
        }
        // A tag that exists already names released (or squatted) content: never move it.
        if (existingTag) {
            throw new errors_TrustError('VERSION_EXISTS', `tag ${ref.tag} already exists (at ${existingTag.slice(0, 12)}); a released version is never changed: release a new version`);
        }
        commit = await git.headCommit();
    }
    const previous = await loadPrevious(settings.manifestPath, keys);
    if (settings.existingTag && !previous && !settings.firstRelease) {
        throw new UsageError('NOT_FOUND', `no previous manifest at ${settings.manifestPath}; pass --first-release if this is the repository's first release (a release that found no manifest must not start over at serial 1)`);
    }
    if (settings.existingTag && previous && settings.firstRelease) {
        throw new UsageError('USAGE', `--first-release, but ${settings.manifestPath} already holds manifest serial ${previous.payload.serial}`);
    }
    const files = await readRemediationAtCommit(git, commit, ref.name);
    const definitionFile = files.find((f) => f.path === 'remediation.yml');
    if (!definitionFile)
        throw new UsageError('NOT_FOUND', `${dir}/remediation.yml does not exist at ${commit.slice(0, 12)}`);
    parseDefinition(`${dir}/remediation.yml`, definitionFile.content, ref.name);
    const digest = treeDigest(files);
    const payload = appendRelease(previous, { ref, commit, digest }, now, settings.lifetimeMs);
    const pending = await stageManifest(settings.manifestOut ?? settings.manifestPath, signManifest(payload, keys));
    if (!settings.existingTag) {
        try {
            await git.createAnnotatedTag(ref.tag, commit, `${ref.name} ${ref.version}\n\ndigest: ${digest}\nmanifest serial: ${payload.serial}\n`);
        }
        catch (error) {
            await pending.discard();
            throw error;
        }
    }
    await pending.commit();
    return { commit, digest, serial: payload.serial, signers: keys.map((k) => k.keyid) };
}
/**
 * Loads the manifest being extended. It must carry a valid signature by one of the keys signing
 * now: otherwise an edited manifest.json (say, with a re-pointed entry) would be re-signed blindly.
 * Expiry is not checked here: releasing is how an expiring manifest gets renewed.
 */
async function loadPrevious(manifestPath, keys) {
    const bytes = await tryReadManifest(manifestPath);
    if (!bytes)
        return undefined;
    const verified = verifyManifest(bytes, keys.map((k) => ({ keyid: k.keyid, key: k.publicKey })), { threshold: 1, minSerial: 0, now: new Date(0) });
    return { payload: verified.payload, payloadBytes: verified.payloadBytes };
}

;// CONCATENATED MODULE: ./src/app/yank.ts




/** Writes a new manifest (serial + 1) in which `ref` is yanked with `reason`. */
async function yankVersion(keys, settings, now) {
    const previous = await loadPrevious(settings.manifestPath, keys);
    if (!previous) {
        throw new UsageError('NOT_FOUND', `manifest ${settings.manifestPath} does not exist: nothing was released there`);
    }
    const payload = yankRelease(previous, settings.ref, settings.reason, now, settings.lifetimeMs);
    const pending = await stageManifest(settings.manifestPath, signManifest(payload, keys));
    await pending.commit();
    return { serial: payload.serial };
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/cli/settings.ts





const USAGE = `remediate — signed, immutable remediations with a tamper-evident record

Usage:
  remediate keygen --out <file>
  remediate digest <name> [--ref <git ref>]
  remediate release <name> <version> --key <file> [--key <file> ...] [--manifest <path>] [--expires 180d]
  remediate yank <name>@<version> --key <file> [--key ...] --reason "<why>" [--manifest <path>]
  remediate verify <name>@<version> --trusted-key <pub> [--trusted-key ...] [--threshold k] [--min-serial n] [--manifest <path>]
  remediate run <name>@<version> --trusted-key <pub> [--trusted-key ...] [--threshold k] [--min-serial n]
                [--manifest <path>] [--param key=value ...] [--params-file f.json] [--out <dir>] [--dry-run] [--force]
  remediate verify-run <record dir> [--snapshot-digest sha256:<hex>]
  remediate manifest check --manifest <path> (--previous <path> | --previous-ref <git ref>)
  remediate release --from-tag <name>/<version> --key <file> (--manifest <previous> | --first-release) [--manifest-out <file>]
  remediate validate [--base <git ref>] [--summary <file>]
  remediate dispatch parse --event <event.json> [--github-output <file>]
  remediate summarize <record dir>... [--summary <file>]
  remediate github newest-manifest --out <file> [--trusted-key <pub> ...]
  remediate github publish-release --tag <tag> --asset <file> [--asset ...] [--notes-file <file>] [--prerelease]
  remediate demo [--clean]
  remediate help | --help | --version

Versions are exact: <name>@v<semver> (tag <name>/v<semver>).
Exit codes: 0 success, 1 the remediation ran and failed, 2 usage or invalid input,
            3 refused by an integrity or trust check, 4 cancelled or timed out.`;
/** Parses argv (without node and script) into a command; throws UsageError (exit 2). */
function parseCommandLine(argv, cwd) {
    const [command, ...rest] = argv;
    const path = (p) => ((0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.resolve)(cwd, p));
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
            const { values, positionals } = parse(rest, {
                ...signingOptions,
                'from-tag': { type: 'string' },
                'manifest-out': { type: 'string' },
                'first-release': { type: 'boolean' },
            }, rest.includes('--from-tag') || rest.some((a) => a.startsWith('--from-tag=')) ? 0 : 2);
            const fromTag = values['from-tag'];
            const ref = fromTag === undefined ? makeVersionRef(positionals[0] ?? '', positionals[1] ?? '') : refFromTag(fromTag);
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
        case 'github': {
            const [sub, ...args] = rest;
            if (sub === 'newest-manifest') {
                const { values } = parse(args, { out: { type: 'string' }, 'trusted-key': { type: 'string', multiple: true } }, 0);
                return {
                    command: 'newest-manifest',
                    out: path(required(values.out, '--out <file>')),
                    trustedKeys: (values['trusted-key'] ?? []).map(path),
                };
            }
            if (sub === 'publish-release') {
                const { values } = parse(args, {
                    tag: { type: 'string' },
                    asset: { type: 'string', multiple: true },
                    'notes-file': { type: 'string' },
                    prerelease: { type: 'boolean' },
                }, 0);
                return {
                    command: 'publish-release',
                    tag: required(values.tag, '--tag <tag>'),
                    assets: (values.asset ?? []).map(path),
                    notesFile: values['notes-file'] === undefined ? undefined : path(values['notes-file']),
                    prerelease: values.prerelease ?? false,
                };
            }
            throw new UsageError('USAGE', `unknown command 'github ${sub ?? ''}': expected 'github newest-manifest' or 'github publish-release'`);
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
            const { values, positionals } = parse(rest, {
                ...trustOptions,
                param: { type: 'string', multiple: true },
                'params-file': { type: 'string' },
                out: { type: 'string' },
                'dry-run': { type: 'boolean' },
                force: { type: 'boolean' },
            }, 1);
            return {
                command: 'run',
                ref: parseVersionRef(positionals[0] ?? ''),
                ...trustSettings(values, path),
                cliParams: parseParamPairs(values.param ?? []),
                paramsFile: values['params-file'] === undefined ? undefined : path(values['params-file']),
                outDir: path(values.out ?? DEFAULT_OUT_DIR),
                dryRun: values['dry-run'] ?? false,
                force: values.force ?? false,
            };
        }
        case 'demo': {
            const { values } = parse(rest, { clean: { type: 'boolean' } }, 0);
            return { command: 'demo', clean: values.clean ?? false };
        }
        case 'verify-run': {
            const { values, positionals } = parse(rest, { 'snapshot-digest': { type: 'string' } }, 1);
            return { command: 'verify-run', dir: path(positionals[0] ?? ''), snapshotDigest: values['snapshot-digest'] };
        }
        case 'manifest': {
            const [sub, ...args] = rest;
            if (sub !== 'check')
                throw new UsageError('USAGE', `unknown command 'manifest ${sub ?? ''}': expected 'manifest check'`);
            const { values } = parse(args, {
                manifest: { type: 'string' },
                previous: { type: 'string' },
                'previous-ref': { type: 'string' },
            }, 0);
            if ((values.previous === undefined) === (values['previous-ref'] === undefined)) {
                throw new UsageError('USAGE', 'manifest check: expected exactly one of --previous <path> or --previous-ref <git ref>');
            }
            return {
                command: 'manifest-check',
                manifest: path(required(values.manifest, '--manifest <path>')),
                previous: values.previous === undefined ? undefined : path(values.previous),
                previousRef: values['previous-ref'],
            };
        }
        default:
            throw new UsageError('USAGE', `unknown command '${command}'; run 'remediate help'`);
    }
}
/** Where run records go by default, relative to the current folder. */
const DEFAULT_OUT_DIR = '.remediate/runs';
/** Parses repeated `--param key=value`; the value may contain '=' and any bytes. */
function parseParamPairs(pairs) {
    const params = {};
    for (const pair of pairs) {
        const eq = pair.indexOf('=');
        if (eq <= 0)
            throw new UsageError('USAGE', `--param: expected key=value, got '${pair.slice(0, 60)}'`);
        const key = pair.slice(0, eq);
        if (Object.hasOwn(params, key))
            throw new UsageError('USAGE', `--param: '${key}' given twice`);
        params[key] = pair.slice(eq + 1);
    }
    return params;
}
const signingOptions = {
    key: { type: 'string', multiple: true },
    manifest: { type: 'string' },
    expires: { type: 'string' },
};
/** Options shared by verify and run. */
const trustOptions = {
    'trusted-key': { type: 'string', multiple: true },
    threshold: { type: 'string' },
    'min-serial': { type: 'string' },
    manifest: { type: 'string' },
};
/** Turns parsed trust options into settings. */
function trustSettings(values, path) {
    return {
        trustedKeys: (values['trusted-key'] ?? []).map(path),
        threshold: integerOption(values.threshold, '--threshold', 1, 1),
        minSerial: integerOption(values['min-serial'], '--min-serial', 0, 0),
        manifest: values.manifest === undefined ? undefined : path(values.manifest),
    };
}
/** Parses a whole-number option with a lower bound. */
function integerOption(text, name, fallback, min) {
    if (text === undefined)
        return fallback;
    if (!/^\d{1,9}$/.test(text) || Number(text) < min) {
        throw new UsageError('USAGE', `${name}: expected a whole number >= ${min}, got '${text}'`);
    }
    return Number(text);
}
/** A release tag `<name>/<version>` as a version reference. */
function refFromTag(tag) {
    const slash = tag.indexOf('/');
    if (slash <= 0)
        throw new UsageError('INVALID_REFERENCE', `--from-tag: expected <name>/v<semver>, got '${tag.slice(0, 80)}'`);
    return makeVersionRef(tag.slice(0, slash), tag.slice(slash + 1));
}
/** parseArgs with strict options and any number of positionals. */
function parseWithPositionals(args, options) {
    try {
        return (0,external_node_util_.parseArgs)({ args: [...args], options, allowPositionals: true, strict: true });
    }
    catch (error) {
        throw new UsageError('USAGE', `${error instanceof Error ? error.message : String(error)}; run 'remediate help'`, {
            cause: error,
        });
    }
}
/** parseArgs with strict options and an exact number of positionals. */
function parse(args, options, positionalCount) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: [...args], options, allowPositionals: true, strict: true });
    }
    catch (error) {
        throw new UsageError('USAGE', `${error instanceof Error ? error.message : String(error)}; run 'remediate help'`, {
            cause: error,
        });
    }
    if (parsed.positionals.length !== positionalCount) {
        throw new UsageError('USAGE', `expected ${positionalCount} argument(s), got ${parsed.positionals.length}; run 'remediate help'`);
    }
    return parsed;
}
function required(value, what) {
    if (value === undefined || value === '')
        throw new UsageError('USAGE', `missing ${what}`);
    return value;
}

;// CONCATENATED MODULE: ./src/cli/demo.ts








const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** The remediation the demo releases and runs: it touches only a file inside the demo's folder. */
const DEMO_REMEDIATION = 'reapply-config';
/**
 * The embedded default (`npm run demo`): in a throwaway folder, make a git repository from the
 * shipped example, generate a key, release it, run it against a sandboxed drifted config file,
 * verify the record, then show the integrity checks refusing a tampered definition and a
 * tampered record. Nothing outside the temporary folder changes.
 */
async function runDemo(context, clean, cli) {
    const { out } = context;
    const examples = findExamples(context.toolPath);
    const root = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'remediate-demo-'));
    const repo = (0,external_node_path_.join)(root, 'repo');
    const sandbox = (0,external_node_path_.join)(root, 'sandbox');
    const git = (...args) => run('git', args, { cwd: repo, env: { ...gitEnvironment(context.env), ...DEMO_IDENTITY } });
    const step = (title) => out(`\n== ${title}`);
    const indent = (line) => out(`   ${line}`);
    const inRepo = { ...context, cwd: repo, out: indent, err: indent };
    const remediate = async (expected, ...argv) => {
        out(`$ remediate ${argv.join(' ')}`);
        const code = await cli(argv, inRepo);
        if (code !== expected)
            throw new UsageError('USAGE', `demo: 'remediate ${argv[0]}' exited ${code}, expected ${expected}`);
    };
    try {
        step(`1. A git repository with the example remediation '${DEMO_REMEDIATION}' (in ${root})`);
        await (0,promises_.mkdir)((0,external_node_path_.join)(repo, 'remediations'), { recursive: true });
        await (0,promises_.cp)((0,external_node_path_.join)(examples, DEMO_REMEDIATION), (0,external_node_path_.join)(repo, 'remediations', DEMO_REMEDIATION), { recursive: true });
        await (0,promises_.cp)((0,external_node_path_.join)(examples, 'remediation.schema.json'), (0,external_node_path_.join)(repo, 'remediations', 'remediation.schema.json'));
        await git('init', '-q', '-b', 'main');
        await git('add', '-A');
        await git('commit', '-q', '-m', 'Add reapply-config');
        indent('committed remediations/reapply-config/ (definition, scripts, desired/app.conf)');
        step('2. A signing key (Ed25519; the private half stays with whoever may release)');
        await remediate(0, 'keygen', '--out', (0,external_node_path_.join)(root, 'release-key'));
        step('3. Release v1.0.0: validate, tag, sign the manifest entry (commit + content digest)');
        await remediate(0, 'release', DEMO_REMEDIATION, 'v1.0.0', '--key', (0,external_node_path_.join)(root, 'release-key'));
        step('4. A sandbox whose config file drifted from the reviewed content');
        await (0,promises_.mkdir)(sandbox, { recursive: true });
        const target = (0,external_node_path_.join)(sandbox, 'app.conf');
        await (0,promises_.writeFile)(target, 'listen = 0.0.0.0:8080   # someone edited this by hand\n');
        await (0,promises_.chmod)(target, 0o666);
        indent(`${target}: hand-edited content, mode 0666`);
        step('5. Run it: verify everything first, then check -> steps -> verify, recording every byte');
        const outDir = (0,external_node_path_.join)(root, 'runs');
        const pub = (0,external_node_path_.join)(root, 'release-key.pub');
        const runArgs = [
            'run',
            `${DEMO_REMEDIATION}@v1.0.0`,
            '--trusted-key',
            pub,
            '--out',
            outDir,
            '--param',
            `target=${target}`,
            '--param',
            'desired=app.conf',
        ];
        await remediate(0, ...runArgs);
        const record = (0,external_node_path_.join)(outDir, (await (0,promises_.readdir)(outDir))[0] ?? '');
        indent(`the sandbox file now holds the reviewed content: ${JSON.stringify((await (0,promises_.readFile)(target, 'utf8')).split('\n')[0])}`);
        step('6. Check the record: the log chain, the step ranges and the snapshot digests recompute');
        await remediate(0, 'verify-run', record);
        step('7. Someone alters the record afterwards: verify-run names the altered bytes');
        const altered = (0,external_node_path_.join)(root, 'altered-record');
        await (0,promises_.cp)(record, altered, { recursive: true });
        const log = await (0,promises_.readFile)((0,external_node_path_.join)(altered, 'run.log'));
        const at = log.indexOf('<== steps/apply');
        log[at + 4] = 0x58; // 's' -> 'X'
        await (0,promises_.writeFile)((0,external_node_path_.join)(altered, 'run.log'), log);
        await remediate(3, 'verify-run', altered);
        step('8. Someone changes the released definition and moves the tag: the run is refused before any step');
        await (0,promises_.writeFile)((0,external_node_path_.join)(repo, 'remediations', DEMO_REMEDIATION, 'apply.sh'), 'echo "this is not the reviewed script"\n');
        await git('commit', '-q', '-am', 'Sneaky change');
        await git('tag', '-f', '-a', '-m', 'moved', `${DEMO_REMEDIATION}/v1.0.0`, 'HEAD');
        indent(`edited remediations/${DEMO_REMEDIATION}/apply.sh and force-moved tag ${DEMO_REMEDIATION}/v1.0.0`);
        await remediate(3, ...runArgs);
        step('What this proved');
        indent('- only a version whose tag, commit and content digest match a manifest signed by a trusted key runs;');
        indent('- parameters reached the steps as PARAM_* environment variables, never as script text;');
        indent('- the record (snapshot.json, run.log, run.log.chain) detects any later change, and a refusal is recorded too.');
        out(clean
            ? '\n(demo folder removed: --clean)'
            : `\nEverything is kept for you to inspect: records in ${outDir}, the repository in ${repo}`);
        return 0;
    }
    finally {
        if (clean)
            await (0,promises_.rm)(root, { recursive: true, force: true });
    }
}
const DEMO_IDENTITY = {
    GIT_AUTHOR_NAME: 'remediate demo',
    GIT_AUTHOR_EMAIL: 'demo@remediate.invalid',
    GIT_COMMITTER_NAME: 'remediate demo',
    GIT_COMMITTER_EMAIL: 'demo@remediate.invalid',
};
/** Finds the shipped examples: the `remediations/` folder of the checkout the tool runs from. */
function findExamples(toolPath) {
    for (let dir = (0,external_node_path_.dirname)(toolPath); dir !== (0,external_node_path_.dirname)(dir); dir = (0,external_node_path_.dirname)(dir)) {
        const candidate = (0,external_node_path_.join)(dir, 'remediations');
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(candidate, DEMO_REMEDIATION, 'remediation.yml')))
            return candidate;
    }
    throw new UsageError('NOT_FOUND', `cannot find remediations/${DEMO_REMEDIATION}/ next to ${toolPath}: run the demo from a checkout of this project`);
}

;// CONCATENATED MODULE: ./src/core/dispatch-payload.ts



/** GitHub's limits on repository_dispatch: 10 top-level client_payload properties, under 64 KB. */
const MAX_PAYLOAD_PROPERTIES = 10;
const MAX_PAYLOAD_BYTES = 64 * 1024;
const TARGET = /^[A-Za-z0-9._:/@-]{1,200}$/;
const ALLOWED = new Set(['remediation', 'params', 'target', 'alert']);
/**
 * Validates the `client_payload` of a repository_dispatch event before anything acts on it:
 * only the four known properties, an exact version, a plain target, objects where objects
 * belong. Anything else is refused (exit 2) with a message saying what to send.
 */
function parseDispatchPayload(event) {
    const refuse = (message) => {
        throw new UsageError('INVALID_PARAMS', `repository_dispatch payload: ${message}; expected client_payload {remediation: "name@vX.Y.Z", params?: {...}, target?: "host-1", alert?: {...}}`);
    };
    if (!dispatch_payload_isObject(event))
        return refuse('the event is not a JSON object');
    const payload = event.client_payload;
    if (!dispatch_payload_isObject(payload))
        return refuse('client_payload is missing or not an object');
    const bytes = Buffer.byteLength(JSON.stringify(payload));
    if (bytes >= MAX_PAYLOAD_BYTES)
        refuse(`client_payload is ${bytes} bytes; GitHub accepts less than ${MAX_PAYLOAD_BYTES}`);
    const keys = Object.keys(payload);
    if (keys.length > MAX_PAYLOAD_PROPERTIES)
        refuse(`client_payload has ${keys.length} top-level properties; GitHub accepts at most ${MAX_PAYLOAD_PROPERTIES}`);
    const unknown = keys.filter((k) => !ALLOWED.has(k));
    if (unknown.length)
        refuse(`unknown propert${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((k) => `'${k.slice(0, 40)}'`).join(', ')}`);
    if (typeof payload.remediation !== 'string')
        return refuse('remediation must be a string like "reapply-config@v1.0.0"');
    const ref = parseVersionRef(payload.remediation);
    if (payload.params !== undefined && !dispatch_payload_isObject(payload.params))
        refuse('params must be an object of parameter values');
    if (payload.target !== undefined && (typeof payload.target !== 'string' || !TARGET.test(payload.target))) {
        refuse('target must be 1-200 characters of letters, digits and . _ : / @ -');
    }
    if (payload.alert !== undefined && !dispatch_payload_isObject(payload.alert))
        refuse('alert must be an object');
    return {
        remediation: `${ref.name}@${ref.version}`,
        params: payload.params ?? {},
        target: payload.target ?? '',
        alertDigest: payload.alert === undefined
            ? ''
            : `sha256:${(0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(payload.alert)).digest('hex')}`,
    };
}
function dispatch_payload_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/adapters/retry.ts
/** Three tries, 1 s then 2 s apart: GitHub's 5xx blips usually clear within seconds. */
const DEFAULT_RETRY = { attempts: 4, firstDelayMs: 1000, maxDelayMs: 10_000 };
/**
 * Runs `call` until it succeeds, `isRetryable(error)` says no, or attempts run out; the last
 * error is thrown unchanged, so nothing is swallowed. `onRetry` reports each retry.
 */
async function withRetry(call, isRetryable, policy = DEFAULT_RETRY, onRetry) {
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (error) {
            if (attempt >= policy.attempts || !isRetryable(error))
                throw error;
            const delay = Math.min(policy.firstDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
            onRetry?.(error, attempt, delay);
            await new Promise((resolve) => setTimeout(resolve, delay));
        }
    }
}
/** Server errors (5xx), rate limiting (429) and network failures are worth retrying; other 4xx are not. */
function isTransient(error) {
    const status = error?.status;
    if (typeof status === 'number')
        return status >= 500 || status === 429;
    return true;
}

;// CONCATENATED MODULE: ./src/adapters/github-api.ts



/**
 * GitHubApi over octokit (from @actions/github). Every call is retried on 5xx, 429 and network
 * errors; 4xx answers (404, 422) are returned or thrown at once.
 */
class OctokitGitHubApi {
    #octokit;
    #owner;
    #repo;
    #retry;
    #onRetry;
    /** `repository` is `owner/name`. */
    constructor(octokit, repository, retry = DEFAULT_RETRY, onRetry) {
        const [owner, repo] = repository.split('/');
        if (!owner || !repo)
            throw new Error(`expected GITHUB_REPOSITORY as owner/name, got '${repository}'`);
        this.#octokit = octokit;
        this.#owner = owner;
        this.#repo = repo;
        this.#retry = retry;
        this.#onRetry = onRetry;
    }
    async tryGetRef(ref) {
        const data = await this.#tryGet('GET /repos/{owner}/{repo}/git/ref/{ref}', { ref });
        const object = data?.object;
        return object ? { type: object.type, sha: object.sha } : undefined;
    }
    async getTag(sha) {
        const data = (await this.#call('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', { tag_sha: sha }));
        return { type: data.object.type, sha: data.object.sha };
    }
    async getCommitTree(sha) {
        const data = (await this.#call('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { commit_sha: sha }));
        return data.tree.sha;
    }
    async getTree(sha) {
        const data = (await this.#call('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
            tree_sha: sha,
            recursive: '1',
        }));
        return { entries: data.tree, truncated: data.truncated };
    }
    async getBlob(sha) {
        const data = (await this.#call('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { file_sha: sha }));
        if (data.encoding !== 'base64')
            throw new Error(`blob ${sha}: expected base64 encoding, got ${data.encoding}`);
        return Buffer.from(data.content, 'base64');
    }
    async tryGetReleaseByTag(tag) {
        const data = await this.#tryGet('GET /repos/{owner}/{repo}/releases/tags/{tag}', { tag });
        return data === undefined ? undefined : toRelease(data);
    }
    async listReleases(max) {
        const releases = [];
        for (let page = 1; releases.length < max; page++) {
            const data = (await this.#call('GET /repos/{owner}/{repo}/releases', { per_page: 100, page }));
            releases.push(...data.map(toRelease));
            if (data.length < 100)
                break;
        }
        return releases.slice(0, max);
    }
    async downloadAsset(assetId) {
        const data = await this.#call('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
            asset_id: assetId,
            headers: { accept: 'application/octet-stream' },
        });
        if (data instanceof ArrayBuffer)
            return Buffer.from(data);
        if (typeof data === 'string')
            return Buffer.from(data);
        return Buffer.from(data);
    }
    async createRelease(input) {
        return toRelease(await this.#call('POST /repos/{owner}/{repo}/releases', {
            tag_name: input.tag,
            target_commitish: input.commit,
            name: input.name,
            body: input.body,
            draft: true,
            prerelease: input.prerelease,
            make_latest: 'false',
        }));
    }
    async uploadAsset(release, name, bytes, contentType) {
        await this.#call(`POST ${release.uploadUrl}`, {
            name,
            data: bytes,
            headers: { 'content-type': contentType, 'content-length': bytes.byteLength },
        });
    }
    async publishRelease(id) {
        return toRelease(await this.#call('PATCH /repos/{owner}/{repo}/releases/{release_id}', {
            release_id: id,
            draft: false,
            make_latest: 'false',
        }));
    }
    async #call(route, params) {
        const response = await withRetry(() => this.#octokit.request(route, { owner: this.#owner, repo: this.#repo, ...params }), isTransient, this.#retry, (error, attempt, delay) => this.#onRetry?.(`${route.split(' ')[0]} ${route.split(' ')[1]?.replace(/^https?:\/\/[^/]+/, '')} failed (${describeStatus(error)}); retry ${attempt} in ${delay} ms`));
        return response.data;
    }
    async #tryGet(route, params) {
        try {
            return await this.#call(route, params);
        }
        catch (error) {
            if (error.status === 404)
                return undefined;
            throw error;
        }
    }
}
function toRelease(value) {
    const r = value;
    return {
        id: r.id,
        tagName: r.tag_name,
        draft: r.draft,
        htmlUrl: r.html_url,
        uploadUrl: r.upload_url,
        assets: (r.assets ?? []).map((a) => ({ id: a.id, name: a.name })),
    };
}
function describeStatus(error) {
    const status = error.status;
    return typeof status === 'number' ? `HTTP ${status}` : error instanceof Error ? error.message : String(error);
}
/** Git's object id of a blob: sha1 (40 hex) or sha256 (64 hex) of `blob <size>\0<content>`. */
function gitBlobId(content, idLength) {
    const hash = createHash(idLength === 64 ? 'sha256' : 'sha1');
    hash.update(`blob ${content.byteLength}\0`);
    hash.update(content);
    return hash.digest('hex');
}
/**
 * Reads git objects through the REST API, for when the checkout does not have the tag. It yields
 * the same entries as `git ls-tree -r`, so the digest is the same as from a local checkout.
 */
class RestGitSource {
    #api;
    constructor(api) {
        this.#api = api;
    }
    async tryResolveTag(tag) {
        let object = await this.#api.tryGetRef(`tags/${tag}`);
        // Annotated tags (possibly nested) are peeled to the commit they name, as `^{commit}` does.
        for (let depth = 0; object && object.type === 'tag'; depth++) {
            if (depth > 10)
                throw new TrustError('MALFORMED', `tag ${tag}: too many nested tag objects`);
            object = await this.#api.getTag(object.sha);
        }
        if (object && object.type !== 'commit') {
            throw new TrustError('TAG_NOT_FOUND', `tag ${tag} points at a ${object.type}, expected a commit`);
        }
        return object?.sha;
    }
    async listTree(commit, dir) {
        const tree = await this.#api.getTree(await this.#api.getCommitTree(commit));
        // A truncated listing could silently leave files out of the digest: refuse it.
        if (tree.truncated) {
            throw new TrustError('UNSAFE_TREE', `the tree of ${commit} is too large for GitHub's API to list; check out the tag instead`);
        }
        return tree.entries
            .filter((e) => e.path.startsWith(`${dir}/`) && e.type !== 'tree')
            .map((e) => ({ mode: e.mode, type: e.type, oid: e.sha, path: e.path }));
    }
    async readBlobs(oids) {
        const blobs = new Map();
        for (const oid of oids) {
            const content = await this.#api.getBlob(oid);
            // The API's bytes must hash to the object id they were asked for (git's blob hash), so a
            // substituted answer is caught here, before the digest check would catch it anyway.
            if (gitBlobId(content, oid.length) !== oid) {
                throw new TrustError('DIGEST_MISMATCH', `blob ${oid}: the content GitHub returned does not hash to its object id`);
            }
            blobs.set(oid, content);
        }
        return blobs;
    }
}

;// CONCATENATED MODULE: ./src/adapters/github-output.ts


/**
 * Appends outputs to a GitHub file command (GITHUB_OUTPUT) in the multi-line form with a random
 * delimiter, so a value containing newlines or a guessed delimiter cannot add other outputs.
 */
async function appendGitHubOutputs(file, outputs) {
    let text = '';
    for (const [name, value] of Object.entries(outputs)) {
        let delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
        while (value.includes(delimiter))
            delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
        text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    }
    await (0,promises_.appendFile)(file, text);
}

;// CONCATENATED MODULE: ./src/action/manifest-fetch.ts
/** Name of the manifest asset on every remediation release. */
const MANIFEST_ASSET = 'remediation-manifest.json';
/**
 * How many recent releases are searched for manifests. Every run publishes a `.../runs/...`
 * release, so the search pages deep and skips those: a window of only the newest few would miss
 * the release that carries a later yank.
 */
const RECENT_RELEASES = 1000;
/** How many manifest-bearing releases, newest first, are compared by serial. */
const MANIFEST_CANDIDATES = 3;
/** Releases that may carry a remediation manifest: published, and not a per-run record release. */
function mayCarryManifest(release) {
    return !release.draft && !release.tagName.includes('/runs/');
}
/**
 * Collects the manifests to consider: the asset on the requested tag's release, and the one on the
 * newest published release that has one (where a later yank would be).
 */
async function fetchManifestCandidates(api, ref) {
    const candidates = [];
    const seen = new Set();
    const own = await api.tryGetReleaseByTag(ref.tag);
    const ownAsset = own?.assets.find((a) => a.name === MANIFEST_ASSET);
    if (own && ownAsset) {
        seen.add(ownAsset.id);
        candidates.push({ source: `release ${ref.tag}`, bytes: await api.downloadAsset(ownAsset.id) });
    }
    let found = 0;
    for (const release of await api.listReleases(RECENT_RELEASES)) {
        if (!mayCarryManifest(release))
            continue;
        const asset = release.assets.find((a) => a.name === MANIFEST_ASSET);
        if (!asset || seen.has(asset.id))
            continue;
        seen.add(asset.id);
        candidates.push({ source: `release ${release.tagName}`, bytes: await api.downloadAsset(asset.id) });
        if (++found >= MANIFEST_CANDIDATES)
            break;
    }
    return candidates;
}

;// CONCATENATED MODULE: ./src/app/newest-manifest.ts



/**
 * Finds the manifest with the highest serial among the repository's recent published releases.
 * With trusted keys, only manifests that verify count (anyone with write access can upload an
 * asset); without, the serial is read unverified, which is enough for the release workflow, whose
 * signing step verifies the previous manifest with the signing keys before extending it.
 */
async function findNewestManifest(api, keys) {
    let best;
    let found = 0;
    for (const release of await api.listReleases(RECENT_RELEASES)) {
        if (!mayCarryManifest(release))
            continue;
        const asset = release.assets.find((a) => a.name === MANIFEST_ASSET);
        if (!asset)
            continue;
        const bytes = await api.downloadAsset(asset.id);
        let serial;
        try {
            serial = keys.length
                ? // Expiry is not checked: releasing is how an expiring (or expired) manifest is renewed,
                    // and skipping it would silently restart the manifest at serial 1.
                    verifyManifest(bytes, keys, { threshold: 1, minSerial: 0, now: new Date(0) }).payload.serial
                : readPayloadUnverified(bytes).payload.serial;
        }
        catch (error) {
            if (error instanceof errors_TrustError)
                continue;
            throw error;
        }
        if (!best || serial > best.serial)
            best = { bytes, serial, release: release.tagName };
        if (++found >= MANIFEST_CANDIDATES)
            break;
    }
    return best;
}

;// CONCATENATED MODULE: ./src/app/publish-release.ts
/**
 * Publishes a release with assets in the only order that works with immutable releases: create
 * a draft, upload every asset, then publish. Asset names never repeat, so nothing is overwritten.
 */
async function publishReleaseWithAssets(api, release) {
    const names = new Set();
    for (const asset of release.assets) {
        if (names.has(asset.name))
            throw new Error(`two assets are named ${asset.name}; asset names must be unique`);
        names.add(asset.name);
    }
    const draft = await api.createRelease({
        tag: release.tag,
        commit: release.commit,
        name: release.name,
        body: release.body,
        prerelease: release.prerelease,
    });
    for (const asset of release.assets)
        await api.uploadAsset(draft, asset.name, asset.bytes, asset.contentType);
    const published = await api.publishRelease(draft.id);
    return { url: published.htmlUrl, tag: release.tag };
}
/** The content type an asset is uploaded with, from its name. */
function contentTypeFor(name) {
    if (name.endsWith('.json'))
        return 'application/json';
    if (name.endsWith('.tar.gz') || name.endsWith('.tgz'))
        return 'application/gzip';
    return 'text/plain';
}

;// CONCATENATED MODULE: ./src/action/summary.ts
/** GitHub's limit for one step's job summary. */
const MAX_SUMMARY_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/**
 * Renders the job summary: what ran (version, digest, manifest, signers, trigger), every step with
 * its outcome and duration, where the record went, and how to check it. Step text is escaped so a
 * step's output or id cannot inject Markdown or HTML into the summary; long tables are cut to stay
 * under GitHub's 1 MiB limit.
 */
function renderSummary(snapshot, links) {
    const r = snapshot.remediation;
    const lines = [];
    lines.push(`## ${icon(snapshot.status)} ${summary_escape(r.name)}@${summary_escape(r.version)}: ${snapshot.status}`);
    lines.push('');
    lines.push('| | |', '| --- | --- |');
    lines.push(`| Tag | \`${summary_escape(r.tag)}\`${r.commit ? ` → \`${r.commit}\`` : ''} |`);
    if (r.digest)
        lines.push(`| Digest | \`${r.digest}\` |`);
    if (snapshot.manifest) {
        lines.push(`| Manifest | serial ${snapshot.manifest.serial} (min ${snapshot.manifest.minSerial}), \`${snapshot.manifest.digest}\` |`);
        lines.push(`| Signers | ${snapshot.manifest.signers.map((k) => `\`${k.slice(0, 16)}\``).join(', ')} (threshold ${snapshot.manifest.threshold}) |`);
    }
    lines.push(`| Trigger | ${summary_escape(describeTrigger(snapshot))} |`);
    if (snapshot.check)
        lines.push(`| Check | ${snapshot.check} |`);
    if (snapshot.rollback)
        lines.push(`| Rollback | ${snapshot.rollback} |`);
    if (snapshot.error)
        lines.push(`| Error | \`${summary_escape(snapshot.error.code)}\`: ${summary_escape(snapshot.error.message)} |`);
    lines.push('');
    if (snapshot.steps.length) {
        lines.push('| Stage | Step | Outcome | Exit | Attempts | Duration |', '| --- | --- | --- | --- | --- | --- |');
        for (const step of snapshot.steps) {
            lines.push(`| ${step.stage} | ${summary_escape(step.id)} | ${icon(step.outcome)} ${step.outcome} | ${step.exitCode ?? step.signal ?? ''} | ${step.attempts} | ${(step.durationMs / 1000).toFixed(1)} s |`);
        }
        lines.push('');
    }
    lines.push('### Record');
    lines.push(`- Folder on the runner: \`${summary_escape(links.recordDir)}\``);
    if (links.snapshotDigest)
        lines.push(`- Snapshot digest: \`${links.snapshotDigest}\` (keep it: it pins the whole record)`);
    if (links.artifact)
        lines.push(`- Artifact: [${summary_escape(links.artifact.name)}](${links.artifact.url}) (\`${links.artifact.digest}\`)`);
    if (links.release)
        lines.push(`- Release: [${summary_escape(links.release.tag)}](${links.release.url})`);
    for (const failure of links.failures)
        lines.push(`- ⚠️ ${summary_escape(failure)}`);
    lines.push('', 'Check it:', '```sh', `remediate verify-run <record folder>${links.snapshotDigest ? ` --snapshot-digest ${links.snapshotDigest}` : ''}`, '```');
    return fit(lines.join('\n'));
}
function fit(text) {
    if (Buffer.byteLength(text) <= MAX_SUMMARY_BYTES)
        return text;
    const note = "\n\n_(summary cut to fit GitHub's 1 MiB limit; the full record is in the artifact and release)_\n";
    let cut = text.slice(0, MAX_SUMMARY_BYTES - note.length - 1024);
    while (Buffer.byteLength(cut) + Buffer.byteLength(note) > MAX_SUMMARY_BYTES)
        cut = cut.slice(0, -1024);
    return cut + note;
}
function describeTrigger(snapshot) {
    const t = snapshot.trigger;
    if (t.kind === 'local')
        return `local: ${t.user}@${t.host}`;
    return `${t.event}${t.action ? ` (${t.action})` : ''} by ${t.actor}, run ${t.runId} attempt ${t.attempt}, ${t.workflowRef}${t.payloadDigest ? `, payload ${t.payloadDigest.slice(0, 23)}…` : ''}`;
}
function icon(status) {
    switch (status) {
        case 'succeeded':
        case 'healthy':
            return '✅';
        case 'drift':
            return '🔧';
        case 'refused':
            return '⛔';
        case 'cancelled':
        case 'timed-out':
            return '⏹️';
        default:
            return '❌';
    }
}
/** Escapes text for a Markdown table cell: no HTML, no pipes, no line breaks. */
function summary_escape(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '\\|')
        .replace(/[\r\n]+/g, ' ')
        .replace(/[`*_[\]]/g, (c) => `\\${c}`);
}

;// CONCATENATED MODULE: ./src/app/summarize-records.ts

/** Turns a snapshot into a summary row; the target is the `target` parameter when there is one. */
function rowOf(snapshot, snapshotDigest) {
    const target = snapshot.params?.values.target;
    return {
        remediation: `${snapshot.remediation.name}@${snapshot.remediation.version}`,
        target: typeof target === 'string' ? target : '',
        status: snapshot.status,
        steps: snapshot.steps.length,
        durationMs: snapshot.durationMs ?? 0,
        snapshotDigest,
    };
}
/** Healthy, fixed (succeeded) and failed (anything else) counts. */
function countRows(rows) {
    return {
        healthy: rows.filter((r) => r.status === 'healthy').length,
        fixed: rows.filter((r) => r.status === 'succeeded').length,
        failed: rows.filter((r) => r.status !== 'healthy' && r.status !== 'succeeded').length,
    };
}
/** Renders the rows as a Markdown summary with the counts first. */
function renderRecordTable(rows) {
    const counts = countRows(rows);
    const lines = [
        `## Remediation runs: ${counts.healthy} healthy, ${counts.fixed} fixed, ${counts.failed} failed`,
        '',
        '| Remediation | Target | Status | Steps | Duration | Snapshot digest |',
        '| --- | --- | --- | --- | --- | --- |',
    ];
    for (const row of [...rows].sort((a, b) => a.remediation.localeCompare(b.remediation) || a.target.localeCompare(b.target))) {
        lines.push(`| ${summary_escape(row.remediation)} | ${summary_escape(row.target)} | ${summary_escape(row.status)} | ${row.steps} | ${(row.durationMs / 1000).toFixed(1)} s | \`${row.snapshotDigest}\` |`);
    }
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/app/validate-changes.ts








/**
 * Validates every remediation changed since `base` (or all of them) in the working tree, and
 * compares each with its newest released tag, for a pull request's review. Released versions are
 * tags, which the change cannot touch; what it can do is change files that must then ship as a new
 * version, or edit the manifest, which must stay append-only (checked here too).
 */
async function validateChanges(git, root, base) {
    const names = base === undefined ? await allRemediations(root) : await changedRemediations(git, base);
    const results = [];
    for (const name of names.sort()) {
        let issues = [];
        let newDigest;
        try {
            const files = await readRemediationFromWorkingTree(root, name);
            newDigest = treeDigest(files);
            const definition = files.find((f) => f.path === 'remediation.yml');
            if (!definition) {
                issues = [
                    {
                        file: `${REMEDIATIONS_DIR}/${name}/remediation.yml`,
                        line: 1,
                        column: 1,
                        path: '',
                        message: 'missing remediation.yml',
                    },
                ];
            }
            else {
                parseDefinition(`${REMEDIATIONS_DIR}/${name}/remediation.yml`, definition.content, name);
            }
        }
        catch (error) {
            if (error instanceof DefinitionError)
                issues = error.issues;
            else if (error.code === 'NOT_FOUND')
                continue; // the change deleted it
            else
                throw error;
        }
        const latestTag = newestTag(await git.listTags(`${name}/v*`), name);
        let latestDigest;
        if (latestTag) {
            const commit = await git.tryResolveTag(latestTag);
            if (commit)
                latestDigest = treeDigest(await readRemediationAtCommit(git, commit, name));
        }
        results.push({
            name,
            issues,
            ...(latestTag ? { latestTag } : {}),
            ...(latestDigest ? { latestDigest } : {}),
            ...(newDigest ? { newDigest } : {}),
            nextVersion: nextVersion(latestTag?.slice(name.length + 1)),
            changedSinceRelease: latestDigest !== newDigest,
        });
    }
    return results;
}
/** Checks that the working tree's manifest only appends to the one at `base` (if it changed). */
async function checkManifestChange(git, root, base) {
    const before = await git.tryReadFileAt(base, DEFAULT_MANIFEST_PATH);
    const after = await (0,promises_.readFile)((0,external_node_path_.join)(root, DEFAULT_MANIFEST_PATH)).catch(() => undefined);
    if (!before || !after || before.equals(after))
        return undefined;
    const summary = checkAppendOnly(readPayloadUnverified(before), readPayloadUnverified(after).payload);
    return `manifest appends ${summary.added.join(', ') || 'nothing'}${summary.yanked.length ? `, yanks ${summary.yanked.join(', ')}` : ''}`;
}
/** Renders the review table for the job summary. */
function renderValidation(results, manifestNote) {
    const lines = ['## Remediation definitions', ''];
    if (results.length === 0)
        lines.push('No remediation changed.');
    else {
        lines.push('| Remediation | Valid | Newest release | Released digest | New digest | To ship it |', '| --- | --- | --- | --- | --- | --- |');
        for (const r of results) {
            const ship = !r.changedSinceRelease
                ? 'unchanged since the release'
                : `cut a new version: push tag \`${r.name}/${r.nextVersion}\` after merging`;
            lines.push(`| ${r.name} | ${r.issues.length ? `❌ ${r.issues.length} problem(s)` : '✅'} | ${r.latestTag ?? '(none)'} | ${r.latestDigest ? `\`${r.latestDigest}\`` : ''} | ${r.newDigest ? `\`${r.newDigest}\`` : ''} | ${ship} |`);
        }
    }
    if (manifestNote)
        lines.push('', `Manifest: ${manifestNote}.`);
    lines.push('', 'A released version is never changed: its tag keeps pointing at the reviewed commit. To ship these changes, merge, then push the tag shown (the release workflow signs and publishes it).');
    return `${lines.join('\n')}\n`;
}
/** The next patch version after `version` (v1.2.3 -> v1.2.4), or v1.0.0 for a first release. */
function nextVersion(version) {
    const match = version && /^v(\d+)\.(\d+)\.(\d+)$/.exec(version);
    return match ? `v${match[1]}.${match[2]}.${Number(match[3]) + 1}` : 'v1.0.0';
}
/** The highest semver among `<name>/vX.Y.Z` tags (pre-releases sort below their release). */
function newestTag(tags, name) {
    const parsed = tags
        .map((tag) => ({ tag, m: /^v(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/.exec(tag.slice(name.length + 1)) }))
        .filter((t) => t.tag.startsWith(`${name}/`) && t.m);
    parsed.sort((a, b) => {
        for (let i = 1; i <= 3; i++) {
            const d = Number(a.m[i]) - Number(b.m[i]);
            if (d)
                return d;
        }
        return (a.m[4] ? 0 : 1) - (b.m[4] ? 0 : 1);
    });
    return parsed.at(-1)?.tag;
}
async function changedRemediations(git, base) {
    const paths = await git.changedPaths(base, REMEDIATIONS_DIR);
    const names = new Set();
    for (const path of paths) {
        const [, name, rest] = path.split('/');
        if (name && rest !== undefined)
            names.add(name);
    }
    return [...names];
}
async function allRemediations(root) {
    const entries = await (0,promises_.readdir)((0,external_node_path_.join)(root, REMEDIATIONS_DIR), { withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

;// CONCATENATED MODULE: ./src/cli/pack-commands.ts
// The CLI commands the reusable workflows call, so their logic is tested code, not inline shell.















/** `dispatch parse`: validates a repository_dispatch payload and writes it as step outputs. */
async function dispatchParse(event, githubOutput, context) {
    let parsed;
    try {
        parsed = JSON.parse(await (0,promises_.readFile)(event, 'utf8'));
    }
    catch (error) {
        throw new UsageError('INVALID_PARAMS', `cannot read the event payload ${event}`, { cause: error });
    }
    const request = parseDispatchPayload(parsed);
    const output = githubOutput ?? context.env.GITHUB_OUTPUT;
    const values = {
        remediation: request.remediation,
        params: JSON.stringify(request.params),
        target: request.target,
        'alert-digest': request.alertDigest,
    };
    if (output)
        await appendGitHubOutputs(output, values);
    context.out(`dispatch: ${request.remediation}${request.target ? ` on ${request.target}` : ''} (${Object.keys(request.params).length} parameter(s))`);
    return ExitCode.ok;
}
/** `validate`: definitions changed since a base ref, with annotations and a review table. */
async function validateCommand(base, summary, context) {
    const git = new GitCli(context.cwd, gitEnvironment(context.env));
    const root = await git.topLevel();
    const results = await validateChanges(git, root, base);
    const onGitHub = context.env.GITHUB_ACTIONS === 'true';
    let invalid = 0;
    for (const result of results) {
        for (const issue of result.issues) {
            invalid++;
            context.out(onGitHub
                ? `::error file=${issue.file},line=${issue.line},col=${issue.column}::${escapeCommand(`${issue.path ? `${issue.path}: ` : ''}${issue.message}`)}`
                : `error: ${formatIssue(issue)}`);
        }
        const state = result.issues.length
            ? 'invalid'
            : result.changedSinceRelease
                ? `changed; ship as ${result.name}/${result.nextVersion}`
                : 'unchanged since release';
        context.out(`${result.name}: ${state} (${result.newDigest ?? 'no digest'})`);
    }
    let manifestNote;
    let refusal;
    if (base !== undefined) {
        try {
            manifestNote = await checkManifestChange(git, root, base);
        }
        catch (error) {
            if (!(error instanceof errors_TrustError))
                throw error;
            refusal = error;
            manifestNote = `❌ not append-only: ${error.message}`;
        }
    }
    if (summary)
        await (0,promises_.appendFile)(summary, renderValidation(results, manifestNote));
    if (refusal)
        throw refusal;
    return invalid ? ExitCode.usage : ExitCode.ok;
}
/** `summarize`: one table over many run records (drift sweeps, fleet rollouts). */
async function summarizeCommand(dirs, summary, context) {
    const rows = [];
    for (const dir of dirs) {
        const files = await readRecord(dir);
        rows.push(rowOf(JSON.parse(files.snapshot.toString('utf8')), snapshotDigest(files.snapshot)));
    }
    const table = renderRecordTable(rows);
    if (summary)
        await (0,promises_.appendFile)(summary, table);
    context.out(table);
    return countRows(rows).failed ? ExitCode.failed : ExitCode.ok;
}
/** `github newest-manifest`: the highest-serial manifest on the repository's releases. */
async function newestManifestCommand(out, trustedKeys, context) {
    const keys = trustedKeys.length ? await loadTrustedKeys(trustedKeys) : [];
    const newest = await findNewestManifest(await githubApi(context.env), keys);
    if (!newest) {
        context.out('no published manifest yet (first release); nothing written');
        return ExitCode.ok;
    }
    await (0,promises_.writeFile)(out, newest.bytes);
    context.out(`wrote ${out}: serial ${newest.serial} from release ${newest.release}`);
    return ExitCode.ok;
}
/** `github publish-release`: draft, assets, publish, for a pushed tag. */
async function publishReleaseCommand(options, context) {
    const git = new GitCli(context.cwd, gitEnvironment(context.env));
    const commit = await git.tryResolveTag(options.tag);
    if (!commit)
        throw new errors_TrustError('TAG_NOT_FOUND', `tag ${options.tag} does not exist in this checkout; fetch tags first`);
    const assets = await Promise.all(options.assets.map(async (file) => ({
        name: (0,external_node_path_.basename)(file),
        bytes: await (0,promises_.readFile)(file),
        contentType: contentTypeFor(file),
    })));
    const body = options.notesFile ? await (0,promises_.readFile)(options.notesFile, 'utf8') : '';
    const published = await publishReleaseWithAssets(await githubApi(context.env), {
        tag: options.tag,
        commit,
        name: options.tag,
        body,
        prerelease: options.prerelease,
        assets,
    });
    context.out(`published ${published.tag} with ${assets.map((a) => a.name).join(', ')}: ${published.url}`);
    return ExitCode.ok;
}
async function githubApi(env) {
    const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
    if (!token)
        throw new UsageError('USAGE', 'set GITHUB_TOKEN (on GitHub: env: GITHUB_TOKEN: ${{ github.token }})');
    const repository = env.GITHUB_REPOSITORY;
    if (!repository)
        throw new UsageError('USAGE', 'set GITHUB_REPOSITORY to owner/name');
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    const octokit = getOctokit(token, { baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com' });
    return new OctokitGitHubApi(octokit, repository);
}
/** Escapes a workflow command's message (GitHub's rules: %, CR, LF). */
function escapeCommand(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

;// CONCATENATED MODULE: ./src/cli/commands.ts




























/** Runs one command line and returns its exit code; never throws, never exits the process. */
async function runCli(argv, context) {
    try {
        const command = parseCommandLine(argv, context.cwd);
        return await execute(command, context);
    }
    catch (error) {
        return reportError(error, context);
    }
}
async function execute(command, context) {
    const { out } = context;
    switch (command.command) {
        case 'help':
            out(USAGE);
            return ExitCode.ok;
        case 'version':
            out(TOOL_VERSION);
            return ExitCode.ok;
        case 'keygen': {
            const { keyid, publicPath } = await writeKeyPair(command.out);
            out(`private key: ${command.out} (mode 0600; keep it secret)`);
            out(`public key:  ${publicPath}`);
            out(`keyid:       ${keyid}`);
            return ExitCode.ok;
        }
        case 'digest': {
            const git = gitIn(context);
            const root = await git.topLevel();
            if (command.ref === undefined) {
                const files = await readRemediationFromWorkingTree(root, command.name);
                out(`${treeDigest(files)}  remediations/${command.name}/ (working tree, unreleased: may differ from any tag)`);
                return ExitCode.ok;
            }
            const commit = await git.tryResolveCommit(command.ref);
            if (!commit)
                throw new UsageError('NOT_FOUND', `--ref ${command.ref} names no commit in this repository`);
            const files = await readRemediationAtCommit(git, commit, command.name);
            out(`${treeDigest(files)}  remediations/${command.name}/ at ${command.ref} (${commit})`);
            return ExitCode.ok;
        }
        case 'release': {
            const git = gitIn(context);
            const root = await git.topLevel();
            const keys = await loadSigningKeys(command.keys);
            const manifestPath = command.manifest ?? (0,external_node_path_.join)(root, DEFAULT_MANIFEST_PATH);
            const result = await releaseVersion(git, keys, {
                ref: command.ref,
                manifestPath,
                lifetimeMs: command.lifetimeMs,
                existingTag: command.existingTag,
                firstRelease: command.firstRelease,
                ...(command.manifestOut ? { manifestOut: command.manifestOut } : {}),
            }, context.now());
            out(`released ${formatRef(command.ref)}`);
            out(`  tag:      ${command.ref.tag} -> ${result.commit}`);
            out(`  digest:   ${result.digest}`);
            out(`  manifest: ${command.manifestOut ?? manifestPath} (serial ${result.serial}, signed by ${result.signers.join(', ')})`);
            if (!command.existingTag)
                out(`next: commit the manifest and push the tag: git push origin ${command.ref.tag}`);
            return ExitCode.ok;
        }
        case 'yank': {
            const git = gitIn(context);
            const keys = await loadSigningKeys(command.keys);
            const manifestPath = command.manifest ?? (0,external_node_path_.join)(await git.topLevel(), DEFAULT_MANIFEST_PATH);
            const { serial } = await yankVersion(keys, { ref: command.ref, reason: command.reason, manifestPath, lifetimeMs: command.lifetimeMs }, context.now());
            out(`yanked ${formatRef(command.ref)}: ${command.reason}`);
            out(`  manifest: ${manifestPath} (serial ${serial}); runners pinning --min-serial ${serial} can no longer be shown the old one`);
            return ExitCode.ok;
        }
        case 'verify': {
            const git = gitIn(context);
            const manifestPath = command.manifest ?? (0,external_node_path_.join)(await git.topLevel(), DEFAULT_MANIFEST_PATH);
            const keys = await loadTrustedKeys(command.trustedKeys);
            const { release } = await resolveRelease(git, command.ref, await readManifest(manifestPath), keys, {
                threshold: command.threshold,
                minSerial: command.minSerial,
                now: context.now(),
            });
            const m = release.manifest;
            out(`verified ${formatRef(command.ref)}`);
            out(`  tag:       ${command.ref.tag} -> ${release.commit} (matches the signed commit)`);
            out(`  digest:    ${release.digest} (recomputed from git objects; matches)`);
            out(`  manifest:  ${manifestPath} serial ${m.payload.serial} (>= ${command.minSerial}), expires ${m.payload.expires}`);
            out(`  signers:   ${m.signers.join(', ')} (${m.signers.length} of threshold ${command.threshold})`);
            out(`  released:  ${release.entry.released}; not yanked`);
            return ExitCode.ok;
        }
        case 'run':
            return runCommand(command, context);
        case 'demo':
            return runDemo(context, command.clean, runCli);
        case 'dispatch-parse':
            return dispatchParse(command.event, command.githubOutput, context);
        case 'validate':
            return validateCommand(command.base, command.summary, context);
        case 'summarize':
            return summarizeCommand(command.dirs, command.summary, context);
        case 'newest-manifest':
            return newestManifestCommand(command.out, command.trustedKeys, context);
        case 'publish-release':
            return publishReleaseCommand(command, context);
        case 'verify-run': {
            const files = await readRecord(command.dir);
            const result = verifyRecord(files, command.snapshotDigest === undefined ? {} : { snapshotDigest: command.snapshotDigest });
            if (!result.ok)
                throw new errors_TrustError('RECORD_TAMPERED', `${command.dir}: ${result.problem}`);
            const snapshot = JSON.parse(files.snapshot.toString('utf8'));
            // A snapshot edited into another shape (a field dropped, a status invented) is refused even
            // when its log still verifies: the published schema is part of the record's contract.
            const shape = validateSnapshot(snapshot);
            if (!shape.ok) {
                throw new errors_TrustError('RECORD_TAMPERED', `${command.dir}: snapshot.json does not match its schema: ${shape.problems.slice(0, 3).join('; ')}`);
            }
            const mismatch = checkSnapshotDigests(snapshot) ?? checkClaimsAgainstLog(snapshot, files.log, result.complete);
            if (mismatch)
                throw new errors_TrustError('RECORD_TAMPERED', `${command.dir}: snapshot field '${mismatch.field}': ${mismatch.problem}`);
            out(`${result.complete ? 'intact' : 'intact but incomplete (the run was interrupted; its valid prefix verifies)'}: status ${result.status}, ${result.steps} step(s), ${result.log.bytes} log bytes in ${result.log.blocks} chained block(s), head ${result.log.head.slice(0, 16)}, snapshot ${result.snapshotDigest}`);
            return ExitCode.ok;
        }
        case 'manifest-check': {
            const next = await readManifest(command.manifest);
            let previousBytes;
            if (command.previousRef !== undefined) {
                const git = gitIn(context);
                const root = await git.topLevel();
                const relative = command.manifest.startsWith(`${root}/`)
                    ? command.manifest.slice(root.length + 1)
                    : command.manifest;
                previousBytes = await git.tryReadFileAt(command.previousRef, relative);
                if (!previousBytes) {
                    throw new UsageError('NOT_FOUND', `${relative} does not exist at ${command.previousRef}`);
                }
            }
            else {
                previousBytes = await readManifest(command.previous ?? '');
            }
            const previous = readPayloadUnverified(previousBytes);
            const summary = checkAppendOnly(previous, readPayloadUnverified(next).payload);
            out(`append-only: ok (serial ${previous.payload.serial} -> ${previous.payload.serial + 1})`);
            out(`  added:  ${summary.added.join(', ') || '(none)'}`);
            out(`  yanked: ${summary.yanked.join(', ') || '(none)'}`);
            return ExitCode.ok;
        }
    }
}
async function runCommand(command, context) {
    const git = gitIn(context);
    const root = await git.topLevel();
    const manifestPath = command.manifest ?? (0,external_node_path_.join)(root, DEFAULT_MANIFEST_PATH);
    const trustedKeys = await loadTrustedKeys(command.trustedKeys);
    const manifestBytes = await readManifest(manifestPath);
    const params = command.paramsFile === undefined ? {} : await readParamsFile(command.paramsFile);
    context.setCancellable(true);
    try {
        const outcome = await runRemediation({
            ref: command.ref,
            threshold: command.threshold,
            minSerial: command.minSerial,
            params,
            cliParams: command.cliParams,
            outDir: command.outDir,
            dryRun: command.dryRun,
            force: command.force,
            runId: runIdFromEnv(context.env),
            trigger: await triggerFromEnvironment(context.env),
            toolDigest: await fileDigest(context.toolPath),
        }, {
            git,
            manifestBytes,
            trustedKeys,
            runner: new GroupProcessRunner(),
            callerEnv: context.env,
            scratchRoot: (0,external_node_os_.tmpdir)(),
            clock: context.now,
            cancel: context.cancel,
            retryBackoffMs: 1000,
            killGraceMs: 2000,
            out: context.out,
        });
        if (outcome.recordDir) {
            context.out(`${formatRef(command.ref)}: ${outcome.status}`);
            for (const [name, value] of Object.entries(outcome.outputs))
                context.out(`  output ${name}=${value}`);
            context.out(`  record:   ${outcome.recordDir}`);
            context.out(`  snapshot: ${outcome.snapshotDigest}`);
            context.out(`  check it: remediate verify-run ${outcome.recordDir} --snapshot-digest ${outcome.snapshotDigest}`);
        }
        return outcome.exitCode;
    }
    catch (error) {
        if (error instanceof RecordedRefusal) {
            context.err(`refused [${error.code}]: ${error.message}`);
            context.err(`  nothing ran; the refusal is recorded in ${error.recordDir} (snapshot ${error.snapshotDigest})`);
            return ExitCode.refused;
        }
        throw error;
    }
    finally {
        context.setCancellable(false);
    }
}
/** Largest params file accepted: GitHub's repository_dispatch payload limit. */
const MAX_PARAMS_FILE_BYTES = 64 * 1024;
async function readParamsFile(path) {
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(path);
    }
    catch (error) {
        throw new UsageError('NOT_FOUND', `cannot read --params-file ${path}`, { cause: error });
    }
    // Size cap before parsing: a huge or deeply nested payload is refused, not parsed.
    if (bytes.byteLength > MAX_PARAMS_FILE_BYTES) {
        throw new UsageError('INVALID_PARAMS', `--params-file is ${bytes.byteLength} bytes; at most ${MAX_PARAMS_FILE_BYTES}`);
    }
    let value;
    try {
        value = JSON.parse(bytes.toString('utf8'));
    }
    catch (error) {
        throw new UsageError('INVALID_PARAMS', `--params-file ${path} is not JSON`, { cause: error });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new UsageError('INVALID_PARAMS', `--params-file: expected a JSON object of parameters, got ${Array.isArray(value) ? 'an array' : typeof value}`);
    }
    return value;
}
function runIdFromEnv(env) {
    return env.GITHUB_ACTIONS === 'true' && env.GITHUB_RUN_ID
        ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`
        : undefined;
}
async function fileDigest(path) {
    return sha256Digest(await (0,promises_.readFile)(path));
}
function gitIn(context) {
    return new GitCli(context.cwd, gitEnvironment(context.env));
}
/** Prints an error with its code and returns the exit code it maps to. */
function reportError(error, context) {
    if (error instanceof DefinitionError) {
        for (const issue of error.issues)
            context.err(`error: ${issue.file}:${issue.line}:${issue.column}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`);
        return error.exitCode;
    }
    if (error instanceof RemediateError) {
        const label = error.exitCode === ExitCode.refused ? 'refused' : 'error';
        context.err(`${label} [${error.code}]: ${error.message}`);
        return error.exitCode;
    }
    context.err(`error [INTERNAL]: ${describeError(error)}`);
    if (error instanceof Error && error.stack)
        context.err(error.stack);
    return ExitCode.usage;
}

;// CONCATENATED MODULE: ./src/cli/main.ts
// The CLI's process wiring: hands argv, environment, streams and a cancel signal to runCli, and
// sets the exit code. GitHub cancels a job with SIGINT, then SIGTERM: both stop the running
// step's process group and still finish the record (status `cancelled`, exit 4).


/** Runs the CLI for this process. */
async function main() {
    const cancel = new AbortController();
    let cancellable = false;
    const stop = (signal) => {
        if (cancellable)
            cancel.abort();
        else
            process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    const code = await runCli(process.argv.slice(2), {
        cwd: process.cwd(),
        env: process.env,
        out: (line) => process.stdout.write(`${line}\n`),
        err: (line) => process.stderr.write(`${line}\n`),
        now: () => new Date(),
        cancel: cancel.signal,
        setCancellable: (active) => {
            cancellable = active;
        },
        toolPath: (0,external_node_url_.fileURLToPath)(import.meta.url),
    });
    process.exitCode = code;
}


/***/ })

};
