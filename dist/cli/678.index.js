export const id = 678;
export const ids = [678];
export const modules = {

/***/ 59297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyAttestation: () => (/* binding */ verifyAttestation)
/* harmony export */ });
/* unused harmony exports GITHUB_ACTIONS_ISSUER, signerMatches, parseTrustedRoots */
/* harmony import */ var _sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61040);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19654);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _sigstore_verify__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54187);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _record_receipt_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(24109);
// Verifies a GitHub artifact attestation of a run record: a Sigstore bundle whose DSSE envelope
// carries the record's in-toto Statement, signed with a short-lived Fulcio certificate for a
// GitHub Actions workflow. Pure: bundle and trusted-root bytes in, the signed Statement and the
// signer out, or TrustError('ATTESTATION_INVALID') naming the check that failed. Loaded only by
// verify-run when an attestation is checked (a dynamic import), so @sigstore/verify never loads
// on the run path.
//
// @sigstore/bundle and @sigstore/protobuf-specs are the versions @actions/attest signs with; the
// JSON forms they parse are the Sigstore bundle and TrustedRoot formats, which @sigstore/verify
// reads unchanged (test/app/verify-attestation.test.ts verifies a bundle made by @actions/attest).





/** The OIDC issuer of GitHub Actions' tokens on github.com. */
const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
/** Fulcio's certificate extensions (https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md). */
const SOURCE_REPOSITORY_URI_OID = '1.3.6.1.4.1.57264.1.12';
const SOURCE_REPOSITORY_REF_OID = '1.3.6.1.4.1.57264.1.14';
/** Verifies a Sigstore bundle against the trusted roots and the policy; see the file comment. */
function verifyAttestation(bundleBytes, policy) {
    const issuer = policy.issuer ?? GITHUB_ACTIONS_ISSUER;
    // Bounds the work a hostile file can cause before any signature is checked.
    if (bundleBytes.byteLength > _record_receipt_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_ATTESTATION_BYTES */ .mq) {
        throw invalid(`the bundle is ${bundleBytes.byteLength} bytes; at most ${_record_receipt_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_ATTESTATION_BYTES */ .mq}`);
    }
    const roots = parseTrustedRoots(policy.trustedRoot);
    let bundle;
    try {
        bundle = (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__/* .bundleFromJSON */ .vw)(parseJson(bundleBytes, 'the bundle'));
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TrustError */ .Ru)
            throw error;
        throw invalid(`the bundle is not a Sigstore bundle: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error)}`, error);
    }
    // Type confusion: a message signature (a signed blob digest) says nothing about a Statement,
    // and a DSSE envelope of another type is not an in-toto Statement.
    if (!(0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__/* .isBundleWithDsseEnvelope */ .Km)(bundle))
        throw invalid('the bundle holds no DSSE envelope (not an attestation)');
    const envelope = bundle.content.dsseEnvelope;
    if (envelope.payloadType !== _record_receipt_js__WEBPACK_IMPORTED_MODULE_4__/* .IN_TOTO_PAYLOAD_TYPE */ .T4) {
        throw invalid(`the envelope's payloadType is ${JSON.stringify(envelope.payloadType).slice(0, 80)}, expected ${_record_receipt_js__WEBPACK_IMPORTED_MODULE_4__/* .IN_TOTO_PAYLOAD_TYPE */ .T4}`);
    }
    // Same-shaped types from the two @sigstore/bundle versions (ours and @sigstore/verify's).
    const entity = (0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_2__/* .toSignedEntity */ .DC)(bundle);
    const failures = [];
    for (const [index, root] of roots.entries()) {
        let signer;
        try {
            // Forgery: the envelope's signature must verify under the certificate's key, the
            // certificate must chain to a Fulcio CA of this trusted root and be valid at a timestamp
            // this root's TSA or transparency log vouches for (a stolen or expired short-lived key
            // cannot sign later), and the issuer extension must be GitHub Actions' (a certificate for
            // a person's email or another CI's token is not a workflow identity).
            signer = new _sigstore_verify__WEBPACK_IMPORTED_MODULE_2__/* .Verifier */ .BL((0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_2__/* .toTrustMaterial */ .jO)(root), thresholdsFor(root)).verify(entity, { extensions: { issuer } });
        }
        catch (error) {
            failures.push(`trusted root ${index + 1}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error)}`);
            continue;
        }
        const san = signer.identity?.subjectAlternativeName ?? '';
        // Impersonation: any workflow of any repository can get a certificate from the same CA and
        // attest bytes of its choosing; only the workflow the caller names may vouch for the record.
        if (policy.signerWorkflow !== undefined && !signerMatches(san, policy.signerWorkflow, policy.serverUrl)) {
            throw invalid(`the attestation was signed by ${san || '(no SAN)'}, expected ${policy.signerWorkflow}`);
        }
        const certificate = entity.key.$case === 'certificate' ? entity.key.certificate : undefined;
        const sourceRepository = utf8Extension(certificate?.extension(SOURCE_REPOSITORY_URI_OID)?.value);
        const sourceRef = utf8Extension(certificate?.extension(SOURCE_REPOSITORY_REF_OID)?.value);
        // Another repository's run: anyone can call a public reusable workflow, and its records
        // would carry the same signer workflow. The repository is compared without case, as GitHub's.
        if (policy.repository !== undefined) {
            const expected = `${(policy.serverUrl ?? 'https://github.com').replace(/\/+$/, '')}/${policy.repository}`;
            if (sourceRepository?.toLowerCase() !== expected.toLowerCase()) {
                throw invalid(`the attestation was made for ${sourceRepository ?? '(no source repository)'}, expected ${expected}`);
            }
        }
        // Another branch: whoever can push one can change the workflow file on it and attest anything.
        if (policy.sourceRef !== undefined && sourceRef !== policy.sourceRef) {
            throw invalid(`the attestation was made for ref ${sourceRef ?? '(none)'}, expected ${policy.sourceRef}`);
        }
        return {
            statement: parseJson(envelope.payload, "the envelope's payload"),
            signer: san,
            issuer,
            sourceRepository,
            sourceRef,
        };
    }
    throw invalid(`the bundle did not verify against any trusted root: ${failures.join('; ')}`);
}
/**
 * Whether a certificate SAN names the expected workflow. A full URI must match exactly, or up to
 * the `@<ref>` when it has no ref; `OWNER/REPO/...` is read against the server URL. Matching
 * stops at `@`, so `.../x.yml` never matches `.../x.yml.evil.yml`.
 */
function signerMatches(san, expected, serverUrl = 'https://github.com') {
    const full = /^https:\/\//.test(expected)
        ? expected
        : `${serverUrl.replace(/\/+$/, '')}/${expected.replace(/^\/+/, '')}`;
    if (san === full)
        return true;
    return !full.includes('@') && san.startsWith(`${full}@`);
}
/** A Fulcio v2 extension's value: a DER UTF8String (tag 12, short or one/two-byte long length). */
function utf8Extension(der) {
    if (der === undefined || der.length < 2 || der[0] !== 0x0c)
        return undefined;
    let length = der[1];
    let start = 2;
    if (length === 0x81 || length === 0x82) {
        const bytes = length - 0x80;
        if (der.length < 2 + bytes)
            return undefined;
        length = der.readUIntBE(2, bytes);
        start = 2 + bytes;
    }
    else if (length > 0x7f)
        return undefined;
    if (start + length !== der.length)
        return undefined;
    return der.subarray(start).toString('utf8');
}
/** The trusted roots in a file: one JSON document, or JSON lines (each a TrustedRoot). */
function parseTrustedRoots(bytes) {
    if (bytes.byteLength > _record_receipt_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_ATTESTATION_BYTES */ .mq) {
        throw invalid(`the trusted root is ${bytes.byteLength} bytes; at most ${_record_receipt_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_ATTESTATION_BYTES */ .mq}`);
    }
    const text = decode(bytes, 'the trusted root');
    let documents;
    try {
        documents = [JSON.parse(text)];
    }
    catch {
        documents = text
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line, i) => parseJson(Buffer.from(line, 'utf8'), `line ${i + 1} of the trusted root`));
    }
    if (documents.length === 0)
        throw invalid('the trusted root file is empty (get one with gh attestation trusted-root)');
    return documents.map((document, i) => {
        if (typeof document !== 'object' || document === null || Array.isArray(document)) {
            throw invalid(`trusted root ${i + 1} is not a JSON object`);
        }
        const root = _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__.TrustedRoot.fromJSON(document);
        // A root with no certificate authority can verify nothing keyless; saying so beats a
        // confusing chain error later (it is usually a bundle or some other JSON given as the root).
        if (root.certificateAuthorities.length === 0) {
            throw invalid(`trusted root ${i + 1} lists no certificate authority (is it a trusted_root.jsonl?)`);
        }
        return root;
    });
}
// Per instance, as gh does: Sigstore's public-good instance logs every signature in Rekor and
// every certificate in a CT log; GitHub's instance has neither and timestamps with its TSA. A
// root's own lists say which instance it is, and at least one verified timestamp is always required.
function thresholdsFor(root) {
    return {
        tlogThreshold: root.tlogs.length > 0 ? 1 : 0,
        ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
        timestampThreshold: 1,
    };
}
function parseJson(bytes, what) {
    try {
        return JSON.parse(decode(bytes, what));
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TrustError */ .Ru)
            throw error;
        throw invalid(`${what} is not JSON`, error);
    }
}
function decode(bytes, what) {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch (error) {
        throw invalid(`${what} is not UTF-8 text`, error);
    }
}
function invalid(message, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TrustError */ .Ru('ATTESTATION_INVALID', `attestation: ${message}`, cause === undefined ? {} : { cause });
}


/***/ })

};
