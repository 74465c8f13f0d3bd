export const id = 274;
export const ids = [274];
export const modules = {

/***/ 22274:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyRunRecord: () => (/* binding */ verifyRunRecord)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _record_record_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18374);
/* harmony import */ var _record_record_verifier_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4957);
/* harmony import */ var _record_snapshot_digests_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(12177);
/* harmony import */ var _record_snapshot_schema_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27295);





/**
 * Everything `remediate verify-run` checks: the log chain and step ranges, the snapshot's schema,
 * its own digests, and its claims against the chained log. Throws RECORD_TAMPERED naming the first
 * problem (a byte range of run.log or a snapshot field).
 */
async function verifyRunRecord(dir, snapshotDigest) {
    const files = await (0,_record_record_files_js__WEBPACK_IMPORTED_MODULE_1__/* .readRecord */ .aE)(dir);
    const result = (0,_record_record_verifier_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyRecord */ .RC)(files, snapshotDigest === undefined ? {} : { snapshotDigest });
    if (!result.ok)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrustError */ .Ru('RECORD_TAMPERED', `${dir}: ${result.problem}`);
    const snapshot = JSON.parse(files.snapshot.toString('utf8'));
    // A snapshot edited into another shape (a field dropped, a status invented) is refused even
    // when its log still verifies: the published schema is part of the record's contract.
    const shape = (0,_record_snapshot_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .validateSnapshot */ .D)(snapshot);
    if (!shape.ok) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrustError */ .Ru('RECORD_TAMPERED', `${dir}: snapshot.json does not match its schema: ${shape.problems.slice(0, 3).join('; ')}`);
    }
    const mismatch = (0,_record_snapshot_digests_js__WEBPACK_IMPORTED_MODULE_3__/* .checkSnapshotDigests */ .IN)(snapshot) ?? (0,_record_snapshot_digests_js__WEBPACK_IMPORTED_MODULE_3__/* .checkClaimsAgainstLog */ .z9)(snapshot, files.log, result.complete);
    if (mismatch) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrustError */ .Ru('RECORD_TAMPERED', `${dir}: snapshot field '${mismatch.field}': ${mismatch.problem}`);
    }
    return result;
}


/***/ })

};
