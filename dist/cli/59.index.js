export const id = 59;
export const ids = [59];
export const modules = {

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
