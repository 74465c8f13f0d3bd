export const id = 758;
export const ids = [758];
export const modules = {

/***/ 16758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LIST_DEFAULT_LIMIT: () => (/* binding */ LIST_DEFAULT_LIMIT),
/* harmony export */   publishedRunListSource: () => (/* binding */ publishedRunListSource)
/* harmony export */ });
/* unused harmony exports parseRecordArtifactName, scanPublishedRecords, HISTORY_MAX_PAGES, HISTORY_MAX_DOWNLOADS, publishedRunHistory */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _core_tree_digest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40460);
/* harmony import */ var _adapters_bounded_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(79144);
/* harmony import */ var _record_read_snapshot_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(82170);
/* harmony import */ var _record_record_files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(18374);
/* harmony import */ var _run_history_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(23483);
// The run records the Action published as workflow artifacts, read back through GitHub's REST
// API: the history the circuit breaker counts on GitHub, and `runs list --repo`.
//
// Bounded: the repository's artifacts are listed a page (100) at a time, newest first, and
// reading stops at the first page older than the window, at the end of the list, or at a page
// bound; only the artifacts named for the remediation asked about are downloaded, at most a
// bounded number. A reader that hits a bound says so (`complete: false`): the breaker then fails
// closed instead of counting a partial history.








// The name as action/record-publisher.ts (`artifactName`) writes it. The remediation name is the
// shortest that leaves a semver version after it, so `a-b-v1.0.0-...` is `a-b`, never `a`.
const RECORD_ARTIFACT = /^remediation-([a-z0-9][a-z0-9-]*?)-(v\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*?)?)-(\d{1,15})-(\d{1,6})(?:-([A-Za-z0-9._-]+))?$/;
/** Parses a record artifact's name; undefined for any other artifact. */
function parseRecordArtifactName(artifactName) {
    const match = RECORD_ARTIFACT.exec(artifactName);
    if (match === null)
        return undefined;
    const [, name = '', version = '', runId = '', attempt = '', suffix] = match;
    return {
        name,
        version,
        runId: Number(runId),
        attempt: Number(attempt),
        ...(suffix !== undefined ? { suffix } : {}),
    };
}
/** Downloads at once: enough to hide latency, few enough not to trip GitHub's secondary limits. */
const DOWNLOADS_IN_FLIGHT = 4;
/** Lists the repository's record artifacts as `options` asks and reads each one's snapshot. */
async function scanPublishedRecords(store, options) {
    const since = options.since?.getTime();
    const accepted = [];
    let requests = 0;
    let incomplete;
    let seen = 0;
    for (let page = 1;; page++) {
        if (page > options.maxPages) {
            incomplete = `stopped after ${options.maxPages} page(s) of artifacts (${seen} artifacts) without reaching the end of the window`;
            break;
        }
        const { totalCount, artifacts } = await store.listArtifactsPage(page);
        requests++;
        seen += artifacts.length;
        let newer = 0;
        for (const artifact of artifacts) {
            const created = Date.parse(artifact.createdAt);
            // An artifact without a creation time is kept: it cannot be shown to be outside the window.
            if (since !== undefined && Number.isFinite(created) && created < since)
                continue;
            newer++;
            const parsed = parseRecordArtifactName(artifact.name);
            if (parsed !== undefined && options.accept(parsed))
                accepted.push({ artifact, parsed });
        }
        if (options.limit !== undefined && accepted.length >= options.limit)
            break;
        // The list is newest first: a page with nothing inside the window ends the window. A short
        // page is the last; total_count guards against a page that repeats forever.
        if (artifacts.length === 0 || seen >= totalCount || (since !== undefined && newer === 0))
            break;
    }
    const wanted = options.limit === undefined ? accepted : accepted.slice(0, options.limit);
    const expired = wanted.filter((a) => a.artifact.expired);
    const live = wanted.filter((a) => !a.artifact.expired);
    if (live.length > options.maxDownloads) {
        incomplete ??= `${live.length} record artifacts in the window, more than the ${options.maxDownloads} read per run`;
    }
    const toRead = live.slice(0, options.maxDownloads);
    const results = new Array(toRead.length);
    let next = 0;
    const worker = async () => {
        while (next < toRead.length) {
            const index = next++;
            const item = toRead[index];
            requests++;
            results[index] = await readOne(store, item.artifact, item.parsed, options.scratch);
        }
    };
    await Promise.all(Array.from({ length: Math.min(DOWNLOADS_IN_FLIGHT, toRead.length) }, () => worker()));
    const records = results.filter((r) => 'snapshot' in r);
    const skipped = results.filter((r) => !('snapshot' in r));
    return {
        records,
        expired,
        skipped,
        complete: incomplete === undefined,
        ...(incomplete !== undefined ? { incomplete } : {}),
        requests,
    };
}
/** Downloads one record artifact and reads its snapshot; a problem is returned, not thrown. */
async function readOne(store, artifact, parsed, scratch) {
    const label = `artifact ${artifact.name} (id ${artifact.id})`;
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(scratch, String(artifact.id));
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
        // Only bytes that match the digest GitHub listed are read: the client unzips before it
        // compares, so a swapped zip's files are in `dir` either way.
        if (!(await store.download(artifact, dir))) {
            return {
                dir: label,
                problem: artifact.digest === undefined
                    ? 'GitHub lists no digest for it'
                    : 'the downloaded zip does not match its listed digest',
            };
        }
        const bytes = (0,_adapters_bounded_file_js__WEBPACK_IMPORTED_MODULE_4__/* .tryReadBoundedFile */ .D)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, _record_record_files_js__WEBPACK_IMPORTED_MODULE_6__/* .SNAPSHOT_FILE */ .QX), {
            label: `${label}: snapshot`,
            maxBytes: _run_history_js__WEBPACK_IMPORTED_MODULE_7__/* .MAX_HISTORY_SNAPSHOT_BYTES */ .Vd,
        });
        if (bytes === undefined)
            return { dir: label, problem: `no ${_record_record_files_js__WEBPACK_IMPORTED_MODULE_6__/* .SNAPSHOT_FILE */ .QX}` };
        return { artifact, parsed, snapshot: (0,_record_read_snapshot_js__WEBPACK_IMPORTED_MODULE_5__/* .parseSnapshot */ .E)(bytes, label), snapshotDigest: (0,_core_tree_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256Digest */ .sI)(bytes) };
    }
    catch (error) {
        return { dir: label, problem: (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error) };
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true }).catch(() => undefined);
    }
}
/** Pages of artifacts the breaker reads at most (1,000 artifacts): ten requests. */
const HISTORY_MAX_PAGES = 10;
/** Record artifacts the breaker downloads at most: one request (and one redirect) each. */
const HISTORY_MAX_DOWNLOADS = 100;
/**
 * The run history on GitHub: the published records of remediation `name` created within the
 * window. Throws when a bound stops the reading (the breaker then refuses: HISTORY_UNAVAILABLE);
 * an expired record inside the window is listed as skipped.
 */
function publishedRunHistory(store, scratch) {
    return async (name, since) => {
        const scan = await scanPublishedRecords(store, {
            accept: (parsed) => parsed.name === name,
            since,
            maxPages: HISTORY_MAX_PAGES,
            maxDownloads: HISTORY_MAX_DOWNLOADS,
            scratch,
        }).finally(() => rm(scratch, { recursive: true, force: true }).catch(() => undefined));
        if (!scan.complete)
            throw new Error(`the published records could not all be read: ${scan.incomplete}`);
        return {
            runs: scan.records.map((r) => ({
                dir: `artifact ${r.artifact.name}`,
                snapshot: r.snapshot,
                snapshotDigest: r.snapshotDigest,
            })),
            skipped: [
                ...scan.skipped,
                ...scan.expired.map((e) => ({ dir: `artifact ${e.artifact.name}`, problem: 'expired' })),
            ],
        };
    };
}
/** Records `runs list --repo` reads when no --limit is given: a screenful, about 31 requests. */
const LIST_DEFAULT_LIMIT = 30;
/**
 * `runs list --repo`: the newest record artifacts of the repository (of remediation `name` when
 * given, created at or after `since`), `limit` of them, each read (its snapshot downloaded) or
 * listed as expired. Bounded: the list pages (at most HISTORY_MAX_PAGES) and one download per
 * live record; filters on what is inside a record (target, status) apply after reading, so they
 * narrow the `limit` newest records rather than search further back.
 */
function publishedRunListSource(store, scratch, filter) {
    return async () => {
        const scan = await scanPublishedRecords(store, {
            accept: (parsed) => filter.name === undefined || parsed.name === filter.name,
            ...(filter.since !== undefined ? { since: filter.since } : {}),
            limit: filter.limit,
            maxPages: HISTORY_MAX_PAGES,
            maxDownloads: filter.limit,
            scratch,
        }).finally(() => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(scratch, { recursive: true, force: true }).catch(() => undefined));
        const entries = [
            ...scan.records.map((r) => ({
                kind: 'record',
                snapshot: r.snapshot,
                snapshotDigest: r.snapshotDigest,
                location: `artifact ${r.artifact.name} (id ${r.artifact.id})`,
            })),
            ...scan.expired.map(({ artifact, parsed }) => ({
                kind: 'expired',
                name: parsed.name,
                version: parsed.version,
                runId: String(parsed.runId),
                attempt: String(parsed.attempt),
                created: artifact.createdAt,
                location: `artifact ${artifact.name} (id ${artifact.id}, expired)`,
            })),
        ];
        return {
            entries,
            skipped: [
                ...scan.skipped.map(({ dir, problem }) => ({ location: dir, problem })),
                ...(scan.incomplete !== undefined ? [{ location: 'the artifact list', problem: scan.incomplete }] : []),
            ],
        };
    };
}


/***/ })

};
