export const id = 239;
export const ids = [239,59];
export const modules = {

/***/ 71239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  showRunRecordWithFacts: () => (/* binding */ showRunRecordWithFacts)
});

// UNUSED EXPORTS: LOG_EXCERPT_LINES, SCRIPT_EXCERPT_LINES, fenceWorkflowCommands, formatDuration, formatRunReport, scriptReferences, showRunRecord, shownDefinition

// EXTERNAL MODULE: ./src/core/definition-parser.ts + 1 modules
var definition_parser = __webpack_require__(24324);
// EXTERNAL MODULE: ./src/core/definition.ts
var core_definition = __webpack_require__(64286);
// EXTERNAL MODULE: ./src/record/definition-bundle.ts
var definition_bundle = __webpack_require__(637);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/record/read-definition-bundle.ts
// Reading back the definition copy of a record (definition.tar, written by definition-bundle.ts)
// to show what ran. The copy is only as good as its match with the snapshot's file listing, which
// the definition digest and the record's anchors pin: every byte shown is checked against it.


/** The definition a record holds, from definition.tar's bytes (undefined: no such file). Pure. */
function recordedDefinition(snapshot, bytes) {
    // Attack: a copy edited after the run (or laid into a record that has none), so the record
    // shows other logic than what ran.
    const problem = (0,definition_bundle/* checkDefinitionBundle */.OD)(bytes, snapshot);
    if (problem !== undefined)
        throw new errors/* TrustError */.Ru('RECORD_TAMPERED', problem);
    const listing = snapshot.remediation.files;
    if (listing === undefined)
        return { kind: 'none' };
    if (snapshot.definition === undefined || bytes === undefined) {
        return { kind: 'listing-only', files: listing.map((file) => ({ ...file, content: undefined })) };
    }
    const copies = new Map((0,definition_bundle/* readDefinitionBundle */.kL)(bytes).map((file) => [file.path, file.content]));
    return { kind: 'copied', files: listing.map((file) => ({ ...file, content: copies.get(file.path) })) };
}

// EXTERNAL MODULE: ./src/app/terminal-text.ts
var terminal_text = __webpack_require__(31775);
// EXTERNAL MODULE: ./src/app/verify-run.ts + 2 modules
var verify_run = __webpack_require__(79059);
;// CONCATENATED MODULE: ./src/app/show-record.ts
// `remediate show`: one run record as a report a person can read without the repository. The
// record is checked first, exactly as `verify-run` checks it, and a tampered one is refused before
// anything in it is shown; the report then says which anchors held, or that none did. Everything
// printed from the record (names, parameters, logs, scripts) is written by whoever wrote the
// record, so it is escaped and indented under fixed labels: it cannot draw lines of its own
// (a fake "authenticated:" line, terminal escapes, a workflow command).







/** Lines of a step's log shown under it (its last ones: where a failure says why). */
const LOG_EXCERPT_LINES = 20;
/** Bytes at the end of a step's log range decoded to find its last lines. */
const LOG_TAIL_BYTES = 64 * 1024;
/** Lines of a script file shown under the step that runs it. */
const SCRIPT_EXCERPT_LINES = 15;
/** The definition file every remediation has. */
const DEFINITION_FILE = 'remediation.yml';
/**
 * Checks a record folder as `verify-run` does (throwing RECORD_TAMPERED, or the error of an anchor
 * given that does not hold), checks its definition copies against the snapshot, and returns the
 * report's lines. An unanchored record is shown, under a banner saying it is not authenticated.
 */
async function showRunRecord(dir, anchors = {}) {
    return (await showRunRecordWithFacts(dir, anchors)).lines;
}
/** As showRunRecord, with what was verified (for `show --json`). */
async function showRunRecordWithFacts(dir, anchors = {}) {
    // The report is built from the very bytes verify-run checked: no second read a process
    // swapping files in the folder could make differ.
    const verified = await (0,verify_run.verifyRunRecord)(dir, anchors);
    const { snapshot } = verified;
    const lines = formatRunReport({
        snapshot,
        snapshotDigest: verified.snapshotDigest,
        anchors: verified.anchors,
        complete: verified.complete,
        log: verified.files.log.subarray(0, verified.log.bytes),
        definition: shownDefinition(snapshot, recordedDefinition(snapshot, verified.definition)),
    });
    return { lines: (0,terminal_text/* fenceWorkflowCommands */.zP)(lines), verified };
}
/** Parses the copied remediation.yml, when the record has one. Pure. */
function shownDefinition(snapshot, recorded) {
    if (recorded.kind === 'none')
        return { kind: 'none' };
    if (recorded.kind === 'listing-only')
        return { kind: 'not-in-record', files: recorded.files };
    const yml = recorded.files.find((file) => file.path === DEFINITION_FILE);
    if (yml?.content === undefined) {
        return { kind: 'unparsed', files: recorded.files, problem: `${DEFINITION_FILE} is not in the copies` };
    }
    try {
        const definition = (0,definition_parser/* parseDefinition */.JA)(`${definition_bundle/* DEFINITION_FILE */.bq}:${DEFINITION_FILE}`, yml.content, snapshot.remediation.name);
        return { kind: 'parsed', files: recorded.files, definition };
    }
    catch (error) {
        // The copy matches what was verified and ran; a parser that has since grown stricter must
        // not hide the rest of the record.
        if (!(error instanceof definition_parser/* DefinitionError */.gk))
            throw error;
        const problem = error.issues.slice(0, 3).map(definition_parser/* formatIssue */.Hd).join('; ');
        return { kind: 'unparsed', files: recorded.files, problem: `this version cannot parse it: ${problem}` };
    }
}
/** The report, one line per element. Pure. */
function formatRunReport(input) {
    const { snapshot: s, definition } = input;
    const lines = [];
    const add = (line) => lines.push(line);
    if (input.anchors.length === 0) {
        add('NOT AUTHENTICATED: consistent, but nothing outside the record vouches for it (give --trusted-key or --snapshot-digest)');
    }
    else {
        add(`authenticated: ${input.anchors.map(terminal_text/* oneLine */.TN).join('; ')}`);
    }
    add('');
    // `remediate try` ran a working tree: never shown as name@version, which would read as released.
    add(s.unreleased === true
        ? `${(0,terminal_text/* oneLine */.TN)(s.remediation.name)} UNRELEASED (remediate try: the working tree, no release)  run ${(0,terminal_text/* oneLine */.TN)(s.runId)}`
        : `${(0,terminal_text/* oneLine */.TN)(s.remediation.name)}@${(0,terminal_text/* oneLine */.TN)(s.remediation.version)}  run ${(0,terminal_text/* oneLine */.TN)(s.runId)}`);
    add(`  status:    ${s.status}${input.complete ? '' : ' (record incomplete: the run was interrupted)'}`);
    if (s.error)
        add(`  error:     [${(0,terminal_text/* oneLine */.TN)(s.error.code)}] ${(0,terminal_text/* oneLine */.TN)(s.error.message)}`);
    add(`  started:   ${(0,terminal_text/* oneLine */.TN)(s.started)}`);
    add(`  ended:     ${s.ended === undefined ? '(not recorded)' : (0,terminal_text/* oneLine */.TN)(s.ended)}${s.durationMs === undefined ? '' : ` (${(0,terminal_text/* formatDuration */.a3)(s.durationMs)})`}`);
    add(`  trigger:   ${formatTrigger(s.trigger)}`);
    add(`  runner:    ${formatRunner(s.runner)}`);
    add(`  forced:    ${s.forced ? 'yes (--force: the check stage was skipped)' : 'no'}`);
    if (s.checkOnly === true)
        add('  check only: yes (only the check stage ran; nothing was changed)');
    if (s.replayOf) {
        add(`  replay of: run ${(0,terminal_text/* oneLine */.TN)(s.replayOf.runId)}, snapshot ${(0,terminal_text/* oneLine */.TN)(s.replayOf.snapshotDigest)} (${s.replayOf.authenticated ? 'authenticated when replayed' : 'NOT authenticated when replayed: --unanchored'})`);
    }
    add(`  tool:      ${(0,terminal_text/* oneLine */.TN)(s.tool.name)} ${(0,terminal_text/* oneLine */.TN)(s.tool.version)} (${(0,terminal_text/* oneLine */.TN)(s.tool.bundleDigest)})`);
    add(`  snapshot:  ${input.snapshotDigest}`);
    if (definition.kind === 'none') {
        add('');
        // Nothing was verified, so no step could start: say so before anything else is listed.
        add(s.status === 'refused'
            ? `Refused: nothing ran. The run stopped at a check before any step (${s.error ? (0,terminal_text/* oneLine */.TN)(s.error.code) : 'no error recorded'}).`
            : 'Nothing was verified, so no definition is in the record and no step could run.');
        if (s.steps.length > 0)
            add(`  (yet the record lists ${s.steps.length} step(s), shown below)`);
    }
    add('');
    add(definition.kind === 'none' ? 'Requested' : 'What ran');
    add(s.unreleased === true
        ? '  tag:       (none: UNRELEASED, no tag, manifest or signature vouched for these files)'
        : `  tag:       ${(0,terminal_text/* oneLine */.TN)(s.remediation.tag)}${s.remediation.commit ? ` -> commit ${(0,terminal_text/* oneLine */.TN)(s.remediation.commit)}` : ''}`);
    add(`  digest:    ${s.remediation.digest === undefined ? '(none: nothing was verified)' : (0,terminal_text/* oneLine */.TN)(s.remediation.digest)}`);
    if (s.manifest) {
        const m = s.manifest;
        add(`  manifest:  serial ${m.serial} (min ${m.minSerial}), ${(0,terminal_text/* oneLine */.TN)(m.digest)}, ${m.signers.length} signer(s) of threshold ${m.threshold}`);
        for (const signer of m.signers)
            add(`    signer:  ${(0,terminal_text/* oneLine */.TN)(signer)}`);
        if (m.publishedSerial !== undefined) {
            add(`    published: serial ${m.publishedSerial} was the highest published${m.acceptedBelowPublished === true ? `; serial ${m.serial} is older and ran only because accept-older-serial named it` : ''}`);
        }
    }
    formatFiles(definition, s, add);
    add('');
    add('Parameters (as recorded; secret values are redacted)');
    const params = Object.entries(s.params?.values ?? {});
    if (params.length === 0)
        add('  (none)');
    for (const [name, value] of params)
        add(`  ${(0,terminal_text/* oneLine */.TN)(name)} = ${(0,terminal_text/* oneLine */.TN)(JSON.stringify(value))}`);
    add(`Secrets (names only; values are never recorded): ${s.secrets.length ? s.secrets.map(terminal_text/* oneLine */.TN).join(', ') : '(none)'}`);
    formatStages(input, add);
    add('');
    add('Outputs');
    const outputs = Object.entries(s.outputs);
    if (outputs.length === 0)
        add('  (none)');
    for (const [name, value] of outputs)
        add(`  ${(0,terminal_text/* oneLine */.TN)(name)} = ${(0,terminal_text/* oneLine */.TN)(JSON.stringify(value))}`);
    add('');
    add(`Outcome: ${s.status}${s.check === undefined ? '' : `; check: ${s.check}`}${s.rollback === undefined ? '' : `; rollback: ${s.rollback}`}`);
    if (input.anchors.length === 0) {
        add('NOT AUTHENTICATED: `remediate verify-run` with --trusted-key or --snapshot-digest is the check.');
    }
    return lines;
}
function formatFiles(definition, s, add) {
    if (definition.kind === 'none')
        return;
    add(`  files:     ${definition.files.length} (sha256 and mode from snapshot.json)`);
    for (const file of definition.files) {
        const where = definition.kind === 'not-in-record' ? '' : file.content === undefined ? '  NOT COPIED (too large)' : '';
        add(`    ${(0,terminal_text/* oneLine */.TN)(file.path)}  ${(0,terminal_text/* oneLine */.TN)(file.mode)}  sha256 ${(0,terminal_text/* oneLine */.TN)(file.sha256)}${where}`);
    }
    const omitted = definition.files.filter((file) => file.content === undefined);
    if (definition.kind !== 'not-in-record' && omitted.length > 0) {
        add(`  omitted:   ${omitted.length} file(s) too large to copy; identified by sha256 above`);
    }
    if (definition.kind === 'not-in-record') {
        add('  definition: not in this record (it was written before records held copies of the definition);');
        add(`              see it with: git show ${s.remediation.commit ? (0,terminal_text/* oneLine */.TN)(s.remediation.commit) : (0,terminal_text/* oneLine */.TN)(s.remediation.tag)}:remediations/${(0,terminal_text/* oneLine */.TN)(s.remediation.name)}`);
    }
    else if (definition.kind === 'unparsed') {
        add(`  definition: ${definition_bundle/* DEFINITION_FILE */.bq}:${DEFINITION_FILE}: ${(0,terminal_text/* oneLine */.TN)(definition.problem)}`);
        add('              the steps below are those the record lists');
    }
    else {
        add(`  definition: ${definition_bundle/* DEFINITION_FILE */.bq} (each copy checked against its sha256 and mode; tar -xf extracts them)`);
    }
}
function formatStages(input, add) {
    const { snapshot: s, definition } = input;
    const declared = definition.kind === 'parsed' ? definition.definition : undefined;
    const files = definition.kind === 'none' ? [] : definition.files;
    const recorded = new Map(s.steps.map((step) => [`${step.stage}/${step.id}`, step]));
    const shown = new Set();
    for (const stage of core_definition/* STAGES */.an) {
        const specs = declared?.[stage] ?? [];
        const ran = s.steps.filter((step) => step.stage === stage);
        if (declared === undefined && ran.length === 0)
            continue;
        add('');
        add(`Stage ${stage}${stageConclusion(s, stage)}`);
        if (specs.length === 0 && ran.length === 0)
            add('  (no steps declared)');
        for (const spec of specs) {
            const key = `${stage}/${spec.id}`;
            shown.add(key);
            formatStep(spec.id, spec.name, add);
            formatCommand(spec, files, add);
            formatRun(recorded.get(key), input.log, add);
        }
        // Steps the record lists that the shown definition does not declare: all of them when there
        // is no parsed definition.
        for (const step of ran.filter((step) => !shown.has(`${step.stage}/${step.id}`))) {
            formatStep(step.id, step.name, add);
            if (declared !== undefined)
                add('    (recorded, but not declared in the copied definition)');
            formatRun(step, input.log, add);
        }
    }
}
function stageConclusion(s, stage) {
    if (stage === 'check' && s.check !== undefined)
        return ` (conclusion: ${s.check})`;
    if (stage === 'rollback' && s.rollback !== undefined)
        return ` (rollback: ${s.rollback})`;
    return '';
}
function formatStep(id, name, add) {
    add(`  ${(0,terminal_text/* oneLine */.TN)(id)}${name === undefined ? '' : ` — ${(0,terminal_text/* oneLine */.TN)(name)}`}`);
}
function formatCommand(spec, files, add) {
    const options = [
        `shell ${spec.shell ?? 'bash'}`,
        ...(spec.timeout === undefined ? [] : [`timeout ${spec.timeout}`]),
        ...(spec.retries === undefined ? [] : [`retries ${spec.retries}`]),
        ...(spec['continue-on-error'] ? ['continue-on-error'] : []),
        ...(spec['working-directory'] === undefined ? [] : [`working-directory ${spec['working-directory']}`]),
    ];
    add(`    run (${(0,terminal_text/* oneLine */.TN)(options.join(', '))}):`);
    block(spec.run, add);
    for (const [name, value] of Object.entries(spec.env ?? {}))
        add(`    env ${(0,terminal_text/* oneLine */.TN)(name)} = ${(0,terminal_text/* oneLine */.TN)(JSON.stringify(value))}`);
    for (const path of scriptReferences(spec.run)) {
        const file = files.find((f) => f.path === path);
        if (file === undefined)
            continue;
        if (file.content === undefined) {
            add(`    script ${(0,terminal_text/* oneLine */.TN)(path)}: not copied (too large to copy); sha256 ${(0,terminal_text/* oneLine */.TN)(file.sha256)}`);
            continue;
        }
        const scriptLines = splitLines(file.content.toString('utf8'));
        const more = scriptLines.length - SCRIPT_EXCERPT_LINES;
        add(`    script ${(0,terminal_text/* oneLine */.TN)(path)} (${scriptLines.length} line(s)${more > 0 ? `, first ${SCRIPT_EXCERPT_LINES}` : ''}):`);
        block(scriptLines.slice(0, SCRIPT_EXCERPT_LINES).join('\n'), add);
        if (more > 0)
            add(`      ... ${more} more line(s) in ${(0,terminal_text/* oneLine */.TN)(path)} (${definition_bundle/* DEFINITION_FILE */.bq})`);
    }
}
function formatRun(step, log, add) {
    if (step === undefined) {
        add('    not run');
        return;
    }
    const ended = step.signal !== null
        ? `killed by ${(0,terminal_text/* oneLine */.TN)(step.signal)}`
        : step.exitCode !== null
            ? `exit ${step.exitCode}`
            : 'no exit code';
    add(`    ran:     ${ended}, ${step.outcome}, ${step.attempts} attempt(s), ${(0,terminal_text/* formatDuration */.a3)(step.durationMs)}${step.continueOnError ? ' (continue-on-error)' : ''}`);
    if (step.error !== undefined)
        add(`    error:   ${(0,terminal_text/* oneLine */.TN)(step.error)}`);
    for (const [name, value] of Object.entries(step.outputs))
        add(`    output:  ${(0,terminal_text/* oneLine */.TN)(name)} = ${(0,terminal_text/* oneLine */.TN)(JSON.stringify(value))}`);
    const start = Math.min(step.log.start, log.byteLength);
    const end = Math.min(step.log.end, log.byteLength);
    // Only the tail is decoded: a step that printed gigabytes is shown without reading them all.
    const from = Math.max(start, end - LOG_TAIL_BYTES);
    const tail = splitLines(log.subarray(from, end).toString('utf8'));
    if (from > start)
        tail.shift(); // cut mid-line
    const skipped = Math.max(0, tail.length - LOG_EXCERPT_LINES);
    const range = `run.log bytes ${start}-${Math.max(start, end - 1)}`;
    add(`    log:     ${range}${from > start || skipped > 0 ? `, last ${Math.min(tail.length, LOG_EXCERPT_LINES)} lines` : ''}`);
    block(tail.slice(skipped).join('\n'), add);
}
/** Files a step's script names as `$REMEDIATION_DIR/<path>` (or `${REMEDIATION_DIR}/<path>`). */
function scriptReferences(run) {
    const paths = [...run.matchAll(/\$(?:\{REMEDIATION_DIR\}|REMEDIATION_DIR\b)\/([A-Za-z0-9._/-]+)/g)].map((m) => m[1] ?? '');
    return [...new Set(paths.filter((path) => path !== ''))];
}
function formatTrigger(trigger) {
    if (trigger.kind === 'local')
        return `local, ${(0,terminal_text/* oneLine */.TN)(trigger.user)}@${(0,terminal_text/* oneLine */.TN)(trigger.host)}`;
    const event = trigger.action === undefined ? trigger.event : `${trigger.event}.${trigger.action}`;
    return (0,terminal_text/* oneLine */.TN)(`GitHub ${event} by ${trigger.actor} in ${trigger.repository}, workflow ${trigger.workflowRef}, run ${trigger.runId} attempt ${trigger.attempt}${trigger.payloadDigest === undefined ? '' : `, payload ${trigger.payloadDigest}`}`);
}
function formatRunner(runner) {
    const named = [runner.name, runner.runnerOs].filter((part) => part !== undefined).join(', ');
    return (0,terminal_text/* oneLine */.TN)(`${runner.os}/${runner.arch}, node ${runner.node}${named === '' ? '' : ` (${named})`}`);
}
/** Untrusted multi-line text, each line escaped and set under a `|` so none can pose as a report line. */
function block(value, add) {
    for (const line of splitLines(value))
        add(`      | ${(0,terminal_text/* oneLine */.TN)(line)}`);
}
function splitLines(value) {
    const lines = value.split('\n');
    if (lines.at(-1) === '')
        lines.pop();
    return lines;
}


/***/ }),

/***/ 79059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyRunRecord: () => (/* binding */ verifyRunRecord)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/adapters/bounded-file.ts
var bounded_file = __webpack_require__(79144);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/record/record-files.ts
var record_files = __webpack_require__(18374);
// EXTERNAL MODULE: ./src/record/record-verifier.ts
var record_verifier = __webpack_require__(48711);
// EXTERNAL MODULE: ./src/record/receipt.ts
var record_receipt = __webpack_require__(24109);
// EXTERNAL MODULE: ./src/core/dsse.ts
var dsse = __webpack_require__(99394);
;// CONCATENATED MODULE: ./src/record/receipt-verifier.ts
// Authenticates a signed run receipt (receipt.dsse.json) with the run keys the caller trusts.
// Pure: envelope bytes and keys in, the signed Statement (still to be checked against the record
// with checkStatement) and its signers out, or a TrustError naming the failed check.



/** Largest receipt accepted: one subject per definition file (at most 10,000) fits well within it. */
const MAX_RECEIPT_BYTES = 16 * 1024 * 1024;
/** Verifies receipt.dsse.json's signature with the trusted run keys; one valid signature suffices. */
function authenticateReceipt(envelopeBytes, trustedKeys) {
    // Bounds the work a hostile file can cause before any signature is checked.
    if (envelopeBytes.byteLength > MAX_RECEIPT_BYTES) {
        throw new errors/* TrustError */.Ru('MALFORMED', `receipt is ${envelopeBytes.byteLength} bytes; at most ${MAX_RECEIPT_BYTES}`);
    }
    const envelope = (0,dsse/* parseEnvelope */.mE)(envelopeBytes, 'receipt');
    // Type confusion: a manifest (or anything else) signed with the same key is not a receipt; PAE
    // binds the type into what was signed, so the type cannot be swapped either.
    if (envelope.payloadType !== record_receipt/* IN_TOTO_PAYLOAD_TYPE */.T4) {
        throw new errors/* TrustError */.Ru('MALFORMED', `receipt payloadType: expected ${record_receipt/* IN_TOTO_PAYLOAD_TYPE */.T4}, got ${JSON.stringify(envelope.payloadType).slice(0, 80)}`);
    }
    const payload = (0,dsse/* decodeBase64OrRefuse */.j5)(envelope.payload, 'receipt payload');
    const trusted = new Map(trustedKeys.map((k) => [k.keyid, k]));
    // Forgery: whoever can write the record folder can write a receipt, but not sign one with a
    // trusted run key; a receipt signed by any other key, or edited after signing, is refused.
    const { valid, invalidFromTrusted } = (0,dsse/* countValidSignatures */.lk)(envelope, payload, trusted, 'receipt');
    if (valid.size === 0) {
        if (invalidFromTrusted > 0) {
            throw new errors/* TrustError */.Ru('SIGNATURE_INVALID', `receipt signature check: ${invalidFromTrusted} signature(s) under a trusted keyid do not verify (the receipt was changed after signing, or signed with another key)`);
        }
        const keyids = envelope.signatures.map((s) => s.keyid.slice(0, 16)).join(', ') || 'none';
        throw new errors/* TrustError */.Ru('UNTRUSTED_KEY', `receipt signer check: expected a signature by ${[...trusted.keys()].map((k) => k.slice(0, 16)).join(', ')}, got ${keyids}`);
    }
    let statement;
    try {
        statement = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
    }
    catch (error) {
        throw new errors/* TrustError */.Ru('MALFORMED', 'receipt payload is not JSON', { cause: error });
    }
    return { statement, signers: [...valid].sort() };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/record/definition-bundle.ts
var definition_bundle = __webpack_require__(637);
;// CONCATENATED MODULE: ./src/record/record-subjects.ts
// The files a run receipt covers, and their sha256: snapshot.json, run.log, run.log.chain and
// definition.tar. Computed from bytes already read, never from a second read: the digests written
// into a receipt, or compared with one, must be of the very bytes that were checked, not of a
// read a process swapping files in the folder could make differ.



/** The hex sha256 of each record file a receipt covers, by name. */
function digestsOfRead(files, bundle) {
    const hex = (bytes) => (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
    const digests = new Map([
        [record_files/* SNAPSHOT_FILE */.QX, hex(files.snapshot)],
        [record_files/* LOG_FILE */.UP, hex(files.log)],
        [record_files/* CHAIN_FILE */.Hv, hex(files.chainBytes ?? Buffer.from(files.chain, 'utf8'))],
    ]);
    if (bundle !== undefined)
        digests.set(definition_bundle/* DEFINITION_FILE */.bq, hex(bundle));
    return digests;
}

// EXTERNAL MODULE: ./src/record/snapshot-digests.ts
var snapshot_digests = __webpack_require__(12177);
// EXTERNAL MODULE: ./src/record/snapshot-schema.ts + 1 modules
var snapshot_schema = __webpack_require__(27295);
;// CONCATENATED MODULE: ./src/app/verify-run.ts











/**
 * Everything `remediate verify-run` checks: the log chain and step ranges, the snapshot's schema,
 * its own digests, and its claims against the chained log; then each anchor given. Throws
 * RECORD_TAMPERED naming the first problem (a byte range of run.log, a snapshot field, or a file
 * the receipt covers), or a TrustError naming the anchor that failed. Returns the anchors that
 * held; the caller refuses an empty list (UNANCHORED).
 */
async function verifyRunRecord(dir, anchors = {}) {
    const files = await (0,record_files/* readRecord */.aE)(dir);
    const result = (0,record_verifier/* verifyRecord */.RC)(files, anchors.snapshotDigest === undefined ? {} : { snapshotDigest: anchors.snapshotDigest });
    if (!result.ok)
        throw new errors/* TrustError */.Ru('RECORD_TAMPERED', `${dir}: ${result.problem}`);
    const value = JSON.parse(files.snapshot.toString('utf8'));
    // A snapshot edited into another shape (a field dropped, a status invented) is refused even
    // when its log still verifies: the published schema is part of the record's contract.
    const shape = (0,snapshot_schema/* validateSnapshot */.D)(value);
    if (!shape.ok) {
        throw new errors/* TrustError */.Ru('RECORD_TAMPERED', `${dir}: snapshot.json does not match its schema: ${shape.problems.slice(0, 3).join('; ')}`);
    }
    const snapshot = value;
    const mismatch = (0,snapshot_digests/* checkSnapshotDigests */.IN)(snapshot) ?? (0,snapshot_digests/* checkClaimsAgainstLog */.z9)(snapshot, files.log, result.complete);
    if (mismatch) {
        throw new errors/* TrustError */.Ru('RECORD_TAMPERED', `${dir}: snapshot field '${mismatch.field}': ${mismatch.problem}`);
    }
    const definition = (0,bounded_file/* tryReadBoundedFile */.D)((0,external_node_path_.join)(dir, definition_bundle/* DEFINITION_FILE */.bq), {
        label: 'record file',
        maxBytes: definition_bundle/* MAX_BUNDLE_BYTES */.Me,
    });
    const bundleProblem = (0,definition_bundle/* checkDefinitionBundle */.OD)(definition, snapshot);
    if (bundleProblem)
        throw new errors/* TrustError */.Ru('RECORD_TAMPERED', `${dir}: ${bundleProblem}`);
    // Of the bytes just checked: a receipt is compared with what was verified, never a re-read.
    const digests = digestsOfRead(files, definition);
    const held = [];
    // The digest pins the log through the snapshot's chain head; the snapshot of a run killed before
    // its log was closed (and not closed by the post step) has none, so there it pins no log byte.
    const logPinned = 'head' in snapshot.log && snapshot.log.head !== undefined;
    if (anchors.snapshotDigest !== undefined && logPinned) {
        held.push(`snapshot digest ${result.snapshotDigest} (given)`);
    }
    if (anchors.trustedKeys !== undefined && anchors.trustedKeys.length > 0) {
        const bytes = (0,bounded_file/* tryReadBoundedFile */.D)((0,external_node_path_.join)(dir, record_receipt/* RECEIPT_FILE */.aH), { label: 'receipt', maxBytes: MAX_RECEIPT_BYTES });
        if (bytes === undefined) {
            throw new errors/* TrustError */.Ru('UNANCHORED', `${dir} has no ${record_receipt/* RECEIPT_FILE */.aH}: the run was not signed with a run key (remediate run --sign-key), so --trusted-key cannot authenticate it; use the snapshot digest printed when it ran, or its attestation`);
        }
        const receipt = authenticateReceipt(bytes, anchors.trustedKeys);
        const problem = (0,record_receipt/* checkStatement */.It)(receipt.statement, { files: digests, snapshot });
        if (problem)
            throw new errors/* TrustError */.Ru('RECORD_TAMPERED', `${dir}: ${problem.problem}`);
        held.push(`receipt signed by ${receipt.signers.map((k) => k.slice(0, 16)).join(', ')}`);
    }
    if (anchors.attestation !== undefined) {
        const anchor = anchors.attestation;
        const bundlePath = typeof anchor.bundle === 'string' ? anchor.bundle : (0,external_node_path_.join)(dir, record_receipt/* ATTESTATION_BUNDLE_FILE */.Fw);
        const bundle = anchor.bundle instanceof Uint8Array
            ? anchor.bundle
            : (0,bounded_file/* tryReadBoundedFile */.D)(bundlePath, { label: 'attestation bundle', maxBytes: record_receipt/* MAX_ATTESTATION_BYTES */.mq });
        if (bundle === undefined) {
            throw new errors/* TrustError */.Ru('UNANCHORED', `${bundlePath} not found: the record was not attested (the Action's attest input), or give the bundle with --attestation (gh attestation download ${dir}/snapshot.json --repo OWNER/REPO saves it)`);
        }
        // Loaded here only: the run path never parses Sigstore's verifier.
        const { verifyAttestation } = await Promise.all(/* import() */[__webpack_require__.e(168), __webpack_require__.e(678)]).then(__webpack_require__.bind(__webpack_require__, 59297));
        const verified = verifyAttestation(bundle, {
            trustedRoot: anchor.trustedRoot,
            ...(anchor.signerWorkflow !== undefined ? { signerWorkflow: anchor.signerWorkflow } : {}),
            ...(anchor.repository !== undefined ? { repository: anchor.repository } : {}),
            ...(anchor.sourceRef !== undefined ? { sourceRef: anchor.sourceRef } : {}),
        });
        // A genuine attestation of another record (or of this one before it was edited) is refused:
        // the signed Statement must cover exactly these files and this snapshot.
        const problem = (0,record_receipt/* checkStatement */.It)(verified.statement, { files: digests, snapshot });
        if (problem)
            throw new errors/* TrustError */.Ru('RECORD_TAMPERED', `${dir}: ${problem.problem}`);
        held.push(`attested by ${verified.signer} for ${verified.sourceRepository ?? '(no source repository)'} at ${verified.sourceRef ?? '(no source ref)'}`);
    }
    const unpinnedLog = anchors.snapshotDigest !== undefined && !logPinned;
    return { ...result, anchors: held, snapshot, unpinnedLog, files, definition };
}


/***/ })

};
