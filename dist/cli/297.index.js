export const id = 297;
export const ids = [297,804,378];
export const modules = {

/***/ 44804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OctokitGitHubApi: () => (/* binding */ OctokitGitHubApi)
/* harmony export */ });
/* unused harmony exports ARTIFACTS_PER_PAGE, gitBlobId, BLOB_READS_IN_FLIGHT, RestGitSource */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16378);



/** Artifacts per page of the repository's list: GitHub's maximum. */
const ARTIFACTS_PER_PAGE = 100;
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
    #sleep;
    // One waiting budget for the whole client (one run), not per call: ten rate-limited calls must
    // not hold a run for ten times the bound.
    #rateLimitWaitedMs = 0;
    /** `repository` is `owner/name`; `sleep` is replaced only by tests of rate-limit waits. */
    constructor(octokit, repository, retry = _retry_js__WEBPACK_IMPORTED_MODULE_2__.DEFAULT_RETRY, onRetry, sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))) {
        const [owner, repo] = repository.split('/');
        if (!owner || !repo)
            throw new Error(`expected GITHUB_REPOSITORY as owner/name, got '${repository}'`);
        this.#octokit = octokit;
        this.#owner = owner;
        this.#repo = repo;
        this.#retry = retry;
        this.#onRetry = onRetry;
        this.#sleep = sleep;
    }
    async tryGetRef(ref) {
        const data = await this.#tryGet('GET /repos/{owner}/{repo}/git/ref/{ref}', { ref });
        const object = data?.object;
        return object ? { type: object.type, sha: object.sha } : undefined;
    }
    async listMatchingRefs(prefix) {
        const data = (await this.#call('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', { ref: prefix }));
        return data.map((r) => ({ ref: r.ref, type: r.object.type, sha: r.object.sha }));
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
    async listJobsForRunAttempt(runId, attempt) {
        const jobs = [];
        for (let page = 1;; page++) {
            const data = (await this.#call('GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs', {
                run_id: runId,
                attempt_number: attempt,
                per_page: 100,
                page,
            }));
            for (const job of data.jobs) {
                jobs.push({
                    name: job.name,
                    status: job.status,
                    conclusion: job.conclusion,
                    steps: (job.steps ?? []).map((s) => ({ name: s.name, conclusion: s.conclusion })),
                });
            }
            // A short page is the last; total_count guards against a page that repeats forever.
            if (data.jobs.length < 100 || jobs.length >= data.total_count)
                break;
        }
        return jobs;
    }
    async listArtifactsPage(page) {
        const data = (await this.#call('GET /repos/{owner}/{repo}/actions/artifacts', {
            per_page: ARTIFACTS_PER_PAGE,
            page,
        }));
        return {
            totalCount: data.total_count,
            artifacts: data.artifacts.map((a) => ({
                id: a.id,
                name: a.name,
                sizeInBytes: a.size_in_bytes,
                createdAt: a.created_at ?? '',
                expired: a.expired,
                digest: a.digest || undefined,
                runId: a.workflow_run?.id,
            })),
        };
    }
    async listRunApprovals(runId) {
        const data = (await this.#call('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', {
            run_id: runId,
        }));
        // Bounded: what GitHub lists goes into the record, and the schema caps it.
        return data.slice(0, 100).map((review) => ({
            state: review.state === 'approved' || review.state === 'rejected' ? review.state : 'pending',
            user: String(review.user?.login ?? '').slice(0, 100),
            environments: (review.environments ?? []).slice(0, 50).map((e) => String(e.name ?? '').slice(0, 255)),
            comment: String(review.comment ?? '').slice(0, 4096),
        }));
    }
    async #call(route, params) {
        const label = `${route.split(' ')[0]} ${route.split(' ')[1]?.replace(/^https?:\/\/[^/]+/, '')}`;
        const limit = this.#retry.maxRateLimitWaitMs ?? 0;
        const timeout = this.#retry.requestTimeoutMs;
        for (;;) {
            try {
                const response = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(() => this.#octokit.request(route, {
                    owner: this.#owner,
                    repo: this.#repo,
                    ...params,
                    // A request that is never answered would otherwise hold the job until its timeout.
                    ...(timeout ? { request: { signal: AbortSignal.timeout(timeout) } } : {}),
                }), _retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isTransient */ .dg, this.#retry, (error, attempt, delay) => this.#onRetry?.(`${label} failed (${describeStatus(error)}); retry ${attempt} in ${delay} ms`));
                return response.data;
            }
            catch (error) {
                const wait = (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .rateLimitWait */ .hD)(error, Date.now());
                if (!wait)
                    throw apiError(label, error);
                // Waiting is bounded: a token whose hourly budget is spent would otherwise hold the runner
                // (and the remediation) for up to an hour without saying why.
                if (this.#rateLimitWaitedMs + wait.delayMs > limit) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ServiceError */ ._7('RATE_LIMITED', `${label}: GitHub's API rate limit for this token is used up (${wait.reason}); waited ${Math.round(this.#rateLimitWaitedMs / 1000)} s of at most ${Math.round(limit / 1000)} s. Re-run after the limit resets, or use a token with its own budget (a GitHub App installation token)`, withStatus(error));
                }
                this.#onRetry?.(`${label} was rate limited (${wait.reason}); waiting ${Math.ceil(wait.delayMs / 1000)} s`);
                await this.#sleep(wait.delayMs);
                this.#rateLimitWaitedMs += wait.delayMs;
            }
        }
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
        assets: (r.assets ?? []).map((a) => ({ id: a.id, name: a.name, size: a.size })),
    };
}
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
/** The options of a ServiceError for a failed call: its cause, and its HTTP status when it had one. */
function withStatus(error) {
    const status = statusOf(error);
    return status === undefined ? { cause: error } : { cause: error, status };
}
/**
 * A failed call as a ServiceError that names the operation and the status, never the body: a
 * 5xx answer is an HTML page, and an error body is GitHub's to change.
 */
function apiError(label, error) {
    const status = statusOf(error);
    const hint = status === 401
        ? ': the token is missing or invalid'
        : status === 403
            ? ': the token lacks a permission this call needs (see the permissions in the README)'
            : status === 404
                ? ': not found (or the token cannot see it)'
                : status !== undefined && status >= 500
                    ? ': GitHub is failing; re-run later'
                    : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ServiceError */ ._7('GITHUB_API', `${label} failed (${describeStatus(error)})${hint}`, withStatus(error));
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
/** Blob requests in flight at once when reading a remediation through the API. */
const BLOB_READS_IN_FLIGHT = 8;
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
        // A few requests in flight at once: a remediation of many files is not one round trip per
        // file in sequence, and the count stays well under GitHub's concurrency guidance.
        let next = 0;
        let failed = false;
        const worker = async () => {
            while (!failed && next < oids.length) {
                const oid = oids[next++];
                try {
                    blobs.set(oid, await this.#readBlob(oid));
                }
                catch (error) {
                    failed = true; // the other workers stop asking; the first error is what the caller sees
                    throw error;
                }
            }
        };
        await Promise.all(Array.from({ length: Math.min(BLOB_READS_IN_FLIGHT, oids.length) }, worker));
        return blobs;
    }
    async #readBlob(oid) {
        const content = await this.#api.getBlob(oid);
        // The API's bytes must hash to the object id they were asked for (git's blob hash), so a
        // substituted answer is caught here, before the digest check would catch it anyway.
        if (gitBlobId(content, oid.length) !== oid) {
            throw new TrustError('DIGEST_MISMATCH', `blob ${oid}: the content GitHub returned does not hash to its object id`);
        }
        return content;
    }
}


/***/ }),

/***/ 16378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_RETRY: () => (/* binding */ DEFAULT_RETRY),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   hD: () => (/* binding */ rateLimitWait)
/* harmony export */ });
/**
 * Four tries, 1 s, 2 s, 4 s apart: GitHub's 5xx blips usually clear within seconds. Rate limits
 * are waited out for up to 5 minutes: GitHub's secondary limits ask for about a minute, and a
 * primary limit that resets later than that is better reported than waited on by a paid runner.
 */
const DEFAULT_RETRY = {
    attempts: 4,
    firstDelayMs: 1000,
    maxDelayMs: 10_000,
    maxRateLimitWaitMs: 5 * 60_000,
    requestTimeoutMs: 2 * 60_000,
};
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
/** Server errors (5xx) and network failures are worth retrying at once; 4xx are not (rate limits: see rateLimitDelayMs). */
function isTransient(error) {
    const status = error?.status;
    if (typeof status === 'number')
        return status >= 500;
    return true;
}
/**
 * Reads a rate-limit answer as GitHub documents it ("Best practices for using the REST API"):
 * a 403 or 429 with `retry-after` (seconds) waits that long; with `x-ratelimit-remaining: 0`
 * waits until `x-ratelimit-reset` (epoch seconds); any other 429 waits a minute. A 403 with
 * neither header is a permission refusal, not a rate limit: undefined.
 */
function rateLimitWait(error, nowMs) {
    const status = error?.status;
    if (status !== 403 && status !== 429)
        return undefined;
    const headers = error.response?.headers ?? {};
    const header = (name) => {
        const value = headers[name];
        return value === undefined || value === null ? undefined : String(value);
    };
    const retryAfter = header('retry-after');
    if (retryAfter !== undefined && /^\d{1,7}$/.test(retryAfter.trim())) {
        // At least a second: `retry-after: 0` repeated would otherwise spin without using up any budget.
        return { delayMs: Math.max(1, Number(retryAfter.trim())) * 1000, reason: `retry-after: ${retryAfter.trim()}` };
    }
    const reset = header('x-ratelimit-reset');
    if (header('x-ratelimit-remaining') === '0' && reset !== undefined && /^\d{1,12}$/.test(reset.trim())) {
        const resetMs = Number(reset.trim()) * 1000;
        // One extra second: GitHub's reset is whole seconds and clocks differ a little.
        return {
            delayMs: Math.max(0, resetMs - nowMs) + 1000,
            reason: `x-ratelimit-remaining: 0 until ${new Date(resetMs).toISOString()}`,
        };
    }
    return status === 429 ? { delayMs: 60_000, reason: 'HTTP 429 without retry-after' } : undefined;
}


/***/ }),

/***/ 2297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  blastRadiusCommand: () => (/* binding */ blastRadiusCommand),
  dispatchParse: () => (/* binding */ dispatchParse),
  downloadRecordsCommand: () => (/* binding */ downloadRecordsCommand),
  fleetGateCommand: () => (/* binding */ fleetGateCommand),
  newestManifestCommand: () => (/* binding */ newestManifestCommand),
  publishManifestCommand: () => (/* binding */ publishManifestCommand),
  publishReleaseCommand: () => (/* binding */ publishReleaseCommand),
  summarizeCommand: () => (/* binding */ summarizeCommand),
  targetsResolveCommand: () => (/* binding */ targetsResolveCommand),
  validateCommand: () => (/* binding */ validateCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/core/dispatch-payload.ts
var dispatch_payload = __webpack_require__(77670);
// EXTERNAL MODULE: ./src/core/definition-parser.ts + 1 modules
var definition_parser = __webpack_require__(24324);
// EXTERNAL MODULE: ./src/adapters/github-api.ts
var github_api = __webpack_require__(44804);
// EXTERNAL MODULE: ./src/adapters/retry.ts
var retry = __webpack_require__(16378);
// EXTERNAL MODULE: ./src/adapters/git-client.ts + 2 modules
var git_client = __webpack_require__(31930);
// EXTERNAL MODULE: ./src/adapters/github-output.ts
var github_output = __webpack_require__(45443);
// EXTERNAL MODULE: ./src/adapters/run-artifacts.ts
var run_artifacts = __webpack_require__(66083);
;// CONCATENATED MODULE: ./src/app/fleet-gate.ts
/**
 * Counts the legs of one fleet (jobs whose name contains `legPrefix`) that concluded `failure` or
 * `timed_out`, and decides whether this leg may still run (fewer than `maxFailures` failed).
 *
 * A leg whose own gate step failed is not counted: it never ran the remediation (its gate could not
 * read the API), so it says nothing about the fix, and counting it would let one API error stop
 * every later leg. Such legs are reported as `notCounted`; the leg itself has already failed loudly.
 */
function decideFleetGate(jobs, legPrefix, gateStep, maxFailures) {
    let failed = 0;
    let notCounted = 0;
    for (const job of jobs) {
        if (!job.name.includes(legPrefix))
            continue;
        if (job.conclusion !== 'failure' && job.conclusion !== 'timed_out')
            continue;
        if (job.steps.some((s) => s.name === gateStep && s.conclusion === 'failure'))
            notCounted++;
        else
            failed++;
    }
    return { kind: failed >= maxFailures ? 'skip' : 'run', failed, notCounted };
}
/**
 * Whether an artifact name is a run record of this run attempt:
 * `remediation-<name>-<version>-<run>-<attempt>[-<suffix>]`, in the characters the Action writes
 * (the record suffix is encoded in letters, digits, '.', '_' and '-'). The name becomes a
 * folder: one with a '/', or '..' standing alone, would write outside the download folder.
 */
function isRecordOfAttempt(name, runId, attempt) {
    const match = /^remediation-[a-z0-9][a-z0-9-]*-v[0-9A-Za-z.+-]+?-(\d+)-(\d+)(?:-[A-Za-z0-9._-]+)?$/.exec(name);
    return match !== null && !name.includes('..') && Number(match[1]) === runId && Number(match[2]) === attempt;
}
/**
 * The record suffix of a record artifact of this run attempt (`''` when it has none), or
 * undefined when the name is not one (isRecordOfAttempt). The workflows tell a leg's check-only
 * record from its fix record by it (`check-<leg>` against `<leg>`).
 */
function recordSuffixOf(name, runId, attempt) {
    if (!isRecordOfAttempt(name, runId, attempt))
        return undefined;
    const marker = `-${runId}-${attempt}`;
    // The fixed part ends at the first `-<run>-<attempt>-` from the version's start (`-v<digit>`)
    // on: a suffix may repeat that text, and the version (semver) comes before it.
    const version = /-v[0-9]/.exec(name)?.index ?? 0;
    const at = name.indexOf(`${marker}-`, version);
    return at < 0 ? '' : name.slice(at + marker.length + 1);
}

// EXTERNAL MODULE: ./src/app/blast-radius.ts
var blast_radius = __webpack_require__(18644);
// EXTERNAL MODULE: ./src/app/load-keys.ts
var load_keys = __webpack_require__(89084);
// EXTERNAL MODULE: ./src/app/manifest-file.ts
var manifest_file = __webpack_require__(93253);
// EXTERNAL MODULE: ./src/adapters/bounded-file.ts
var bounded_file = __webpack_require__(79144);
;// CONCATENATED MODULE: ./src/core/manifest-home.ts
// Where published manifests live on GitHub: one release per manifest serial, tagged
// `manifest/s<serial>`, so the newest is found with one ref listing however many per-run record
// releases and version releases the repository holds.
/** Name of the manifest asset on every release that carries one. */
const MANIFEST_ASSET = 'remediation-manifest.json';
/** The ref prefix GitHub's matching-refs call takes to list every manifest tag. */
const manifest_home_MANIFEST_REF_PREFIX = 'tags/manifest/s';
/** The tag of the release that publishes the manifest with this serial. */
function manifestTag(serial) {
    return `manifest/s${serial}`;
}
// Exactly `refs/tags/manifest/s<serial>`, no leading zeros: `s007` and `s7` cannot both claim 7.
const MANIFEST_REF = /^refs\/tags\/manifest\/s([1-9][0-9]{0,14})$/;
/** The manifest tags among full ref names, highest serial first; other names are ignored. */
function manifest_home_manifestTagsNewestFirst(refNames) {
    const tags = [];
    // A name listed twice counts once, so repeats cannot fill the few candidate places.
    for (const name of new Set(refNames)) {
        const match = MANIFEST_REF.exec(name);
        if (match)
            tags.push({ tag: name.slice('refs/tags/'.length), serial: Number(match[1]) });
    }
    return tags.sort((a, b) => b.serial - a.serial);
}

// EXTERNAL MODULE: ./src/core/manifest-verifier.ts
var manifest_verifier = __webpack_require__(4933);
;// CONCATENATED MODULE: ./src/core/manifest-selection.ts


/**
 * Checks who signed a candidate and that it is the serial its location claims. Freshness is not
 * checked here: the newest authentic manifest decides, and is then held alone to expiry and the
 * pinned serial (checkManifestFreshness), so an expired newest one refuses instead of letting an
 * older one (that may still list a yanked version) take its place.
 */
function authenticateCandidate(candidate, keys, threshold) {
    let verified;
    try {
        // Anyone with write access can upload a release asset: only signatures make it a manifest.
        verified = (0,manifest_verifier/* authenticateManifest */.Rq)(candidate.bytes, keys, threshold);
    }
    catch (error) {
        if (error instanceof errors/* TrustError */.Ru)
            return { ok: false, error };
        throw error;
    }
    // Replay under a higher tag: an old, authentic manifest (from before a yank) re-published as
    // `manifest/s<higher>` would otherwise be taken for the newest and hide the yank.
    if (candidate.claimedSerial !== undefined && verified.payload.serial !== candidate.claimedSerial) {
        return {
            ok: false,
            error: new errors/* TrustError */.Ru('MALFORMED', `published as serial ${candidate.claimedSerial}, but the signed payload has serial ${verified.payload.serial}`),
        };
    }
    return { ok: true, verified };
}

;// CONCATENATED MODULE: ./src/app/published-manifest.ts




/**
 * How many of the highest `manifest/s<serial>` tags are tried before giving up. A tag anyone with
 * write access pushed by hand (no release, no asset, a forged or replayed manifest) is passed
 * over; more than this many in a row fails closed instead of reaching back to an older manifest.
 */
const MANIFEST_CANDIDATES = 3;
/**
 * The highest serial published for the repository: the highest `manifest/s<serial>` tag, read in
 * one API call however many releases exist; undefined when there is none. A tag counts whether
 * or not its release still holds a usable manifest: deleting or replacing the newest manifest
 * release (contents: write is enough) must not lower it, while the tag itself stays where tag
 * rules or immutable releases forbid deleting it.
 */
async function readPublishedSerial(api) {
    return highestOf(manifestTagsNewestFirst((await api.listMatchingRefs(MANIFEST_REF_PREFIX)).map((r) => r.ref)));
}
function highestOf(tags) {
    const top = tags[0];
    return top && { serial: top.serial, source: `release ${top.tag}` };
}
/**
 * Finds the newest published manifest in a constant number of API calls, however many releases
 * the repository has: one ref listing, then a release and an asset per tag tried (usually one).
 * With trusted keys, only an authentic manifest whose serial is the one its tag names counts
 * (`threshold` distinct keys); without, the serial is read unverified, for callers that verify
 * with signing keys themselves. Undefined when no manifest tag exists at all.
 */
async function findPublishedManifest(api, trust) {
    const tags = manifest_home_manifestTagsNewestFirst((await api.listMatchingRefs(manifest_home_MANIFEST_REF_PREFIX)).map((r) => r.ref));
    const highest = highestOf(tags);
    if (!highest)
        return undefined;
    const skipped = [];
    for (const tag of tags.slice(0, MANIFEST_CANDIDATES)) {
        const candidate = await downloadTagManifest(api, tag);
        if ('missing' in candidate) {
            skipped.push({ source: `release ${tag.tag}`, reason: candidate.missing });
            continue;
        }
        if (trust) {
            const check = authenticateCandidate(candidate, trust.keys, trust.threshold);
            if (!check.ok) {
                skipped.push({ source: candidate.source, reason: `${check.error.code}: ${check.error.message}` });
                continue;
            }
            return {
                bytes: Buffer.from(candidate.bytes),
                serial: tag.serial,
                tag: tag.tag,
                source: candidate.source,
                verified: check.verified,
                skipped,
                highest,
            };
        }
        let serial;
        try {
            serial = (0,manifest_verifier/* readPayloadUnverified */.GH)(candidate.bytes).payload.serial;
        }
        catch (error) {
            if (!(error instanceof errors/* TrustError */.Ru))
                throw error;
            skipped.push({ source: candidate.source, reason: `${error.code}: ${error.message}` });
            continue;
        }
        if (serial !== tag.serial) {
            skipped.push({
                source: candidate.source,
                reason: `MALFORMED: published as serial ${tag.serial}, payload has ${serial}`,
            });
            continue;
        }
        return { bytes: Buffer.from(candidate.bytes), serial, tag: tag.tag, source: candidate.source, skipped, highest };
    }
    // Fail closed: the newest manifests cannot be read, and an older one may lack a later yank.
    throw new errors/* TrustError */.Ru('MALFORMED', `none of the ${Math.min(tags.length, MANIFEST_CANDIDATES)} newest manifest releases holds a usable manifest (${skipped
        .map((s) => `${s.source}: ${s.reason}`)
        .join('; ')}); delete the tags that are not real manifest releases, or publish the newest manifest again with 'remediate github publish-manifest'`);
}
async function downloadTagManifest(api, tag) {
    const release = await api.tryGetReleaseByTag(tag.tag);
    if (!release)
        return { missing: 'the tag has no published release' };
    const asset = release.assets.find((a) => a.name === MANIFEST_ASSET);
    if (!asset)
        return { missing: `the release has no ${MANIFEST_ASSET}` };
    // Anyone with write access can attach a huge asset: its size is known before downloading it.
    if (asset.size > manifest_verifier/* MAX_MANIFEST_BYTES */.ZJ) {
        return { missing: `its ${MANIFEST_ASSET} is ${asset.size} bytes, over the ${manifest_verifier/* MAX_MANIFEST_BYTES */.ZJ}-byte limit` };
    }
    try {
        return { source: `release ${tag.tag}`, bytes: await api.downloadAsset(asset.id), claimedSerial: tag.serial };
    }
    catch (error) {
        // Deleted between the listing and the download: passed over like a release without the asset.
        if (error instanceof errors/* ServiceError */._7 && error.status === 404)
            return { missing: `its ${MANIFEST_ASSET} is gone` };
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/app/newest-manifest.ts




/**
 * The manifest the next release builds on: the newest under a `manifest/s<serial>` tag.
 * Undefined only when no manifest was ever published: the first release. With trusted keys only
 * authentic manifests count; without, the serial is read unverified (the release workflow's
 * signing step verifies the previous manifest with the signing keys before extending it).
 *
 * With no manifest tag but a manifest on an older release (the layout before manifest tags), it
 * refuses instead of choosing: extending one found by scanning releases could drop versions or
 * undo a yank (anyone with write access can delete releases or publish old ones), and calling it
 * a first release would restart the manifest. A person migrates once with publish-manifest.
 */
async function findNewestManifest(api, keys) {
    const published = await findPublishedManifest(api, keys.length ? { keys, threshold: 1 } : undefined);
    if (published)
        return { bytes: published.bytes, serial: published.serial, release: published.tag };
    const legacy = await findLegacyManifest(api, keys);
    if (legacy) {
        throw new errors/* UsageError */.eb('NOT_FOUND', `no manifest is published under a manifest/s<serial> tag, but release ${legacy.release} carries ${legacy.serial === undefined ? `a ${MANIFEST_ASSET} that the trusted keys do not verify` : `serial ${legacy.serial}`} (published before manifest tags, so this is not a first release). Check which is your newest manifest, then publish it once: gh release download ${legacy.release} -p ${MANIFEST_ASSET}; remediate github publish-manifest --manifest ${MANIFEST_ASSET} --trusted-key <pub>. Then re-run this release`);
    }
    return undefined;
}
/**
 * The layout before manifest tags: manifests only on version (and yank) releases, among per-run
 * record releases. Searched only when no manifest tag exists, to refuse a release that would
 * otherwise start over at serial 1; never on a run. It pages through every release (a first
 * release has few), and any manifest asset counts, verified or not: a key missing from
 * trusted-keys, or a manifest older than 1,000 run releases, must not read as "none published".
 */
async function findLegacyManifest(api, keys) {
    for (const release of await api.listReleases(Number.MAX_SAFE_INTEGER)) {
        if (release.draft)
            continue;
        const asset = release.assets.find((a) => a.name === MANIFEST_ASSET);
        if (!asset)
            continue;
        // The newest release with a manifest names the migration; its serial is read if it verifies.
        let serial;
        try {
            const bytes = await api.downloadAsset(asset.id);
            serial = keys.length
                ? (0,manifest_verifier/* authenticateManifest */.Rq)(bytes, keys, 1).payload.serial
                : (0,manifest_verifier/* readPayloadUnverified */.GH)(bytes).payload.serial;
        }
        catch (error) {
            if (!(error instanceof errors/* TrustError */.Ru))
                throw error;
        }
        return { release: release.tagName, serial };
    }
    return undefined;
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
    if (name.endsWith('.tar'))
        return 'application/x-tar';
    return 'text/plain';
}

// EXTERNAL MODULE: ./src/record/record-files.ts
var record_files = __webpack_require__(18374);
// EXTERNAL MODULE: ./src/record/record-verifier.ts
var record_verifier = __webpack_require__(48711);
// EXTERNAL MODULE: ./src/app/markdown.ts
var markdown = __webpack_require__(33542);
;// CONCATENATED MODULE: ./src/app/summarize-records.ts
// `remediate summarize`: a set of run records as one Markdown table for a job summary (a drift
// sweep, a fleet rollout). Its rows are `runs list`'s (run-list.ts, rowOfSnapshot): one
// definition of a run's target, status and duration for both.

/** Statuses that are not a failure: the run did what it was asked (an `unhealthy` check-only run found drift). */
const NOT_FAILED = new Set(['healthy', 'unhealthy', 'succeeded']);
/** Healthy, unhealthy (check-only runs that found drift), fixed (succeeded) and failed (anything else) counts. */
function countRows(rows) {
    return {
        healthy: rows.filter((r) => r.status === 'healthy').length,
        unhealthy: rows.filter((r) => r.status === 'unhealthy').length,
        fixed: rows.filter((r) => r.status === 'succeeded').length,
        failed: rows.filter((r) => !NOT_FAILED.has(r.status)).length,
    };
}
/** Renders the rows as a Markdown summary with the counts first. */
function renderRecordTable(rows) {
    const counts = countRows(rows);
    const lines = [
        `## Remediation runs: ${counts.healthy} healthy, ${counts.unhealthy ? `${counts.unhealthy} unhealthy (check only), ` : ''}${counts.fixed} fixed, ${counts.failed} failed`,
        '',
        '| Remediation | Target | Status | Steps | Duration | Snapshot digest |',
        '| --- | --- | --- | --- | --- | --- |',
    ];
    const remediation = (row) => `${row.name}@${row.version}`;
    for (const row of [...rows].sort((a, b) => remediation(a).localeCompare(remediation(b)) || (a.target ?? '').localeCompare(b.target ?? ''))) {
        lines.push(`| ${(0,markdown/* escape */.i)(remediation(row))} | ${(0,markdown/* escape */.i)(row.target ?? '')} | ${(0,markdown/* escape */.i)(row.status)} | ${row.steps ?? 0} | ${((row.durationMs ?? 0) / 1000).toFixed(1)} s | \`${row.snapshotDigest ?? ''}\` |`);
    }
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/app/run-list.ts
var run_list = __webpack_require__(38839);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/core/append-check.ts
var append_check = __webpack_require__(50078);
// EXTERNAL MODULE: ./src/app/check-definition.ts + 1 modules
var check_definition = __webpack_require__(86587);
// EXTERNAL MODULE: ./src/core/tree-digest.ts
var tree_digest = __webpack_require__(40460);
// EXTERNAL MODULE: ./src/adapters/remediation-source.ts
var remediation_source = __webpack_require__(35703);
// EXTERNAL MODULE: ./src/core/version-ref.ts
var version_ref = __webpack_require__(89715);
// EXTERNAL MODULE: ./src/core/targets-config.ts + 1 modules
var targets_config = __webpack_require__(98326);
;// CONCATENATED MODULE: ./src/app/validate-changes.ts















/**
 * Validates every remediation changed since `base` (or all of them) in the working tree, and
 * compares each with its newest released tag, for a pull request's review. Released versions are
 * tags, which the change cannot touch; what it can do is change files that must then ship as a new
 * version, or edit the manifest, which must stay append-only (checked here too).
 */
async function validateChanges(git, root, base, lint) {
    const names = base === undefined ? await allRemediations(root) : await changedRemediations(git, base);
    const results = [];
    // Once shellcheck is found missing, it is not looked for again.
    let linter = lint;
    for (const name of names.sort()) {
        // Attack: a pull request's folder name is printed (log lines, the summary table, the tag to
        // push). `zz\n::warning ...` or `\n::stop-commands::x` would write workflow commands of its
        // own. A folder that is not a remediation name is a problem, shown only JSON-quoted.
        if (!(0,version_ref/* isRemediationName */.tI)(name)) {
            const file = `${remediation_source/* REMEDIATIONS_DIR */.LO}/${shownName(name)}/`;
            const message = `${shownName(name)} is not a remediation name: expected lower-case letters, digits and '-' (at most 64); rename the folder`;
            results.push({
                name,
                issues: [{ file, line: 1, column: 1, path: '', message }],
                warnings: [],
                lint: 'not-linted',
                nextVersion: 'v1.0.0',
                changedSinceRelease: true,
            });
            continue;
        }
        let issues = [];
        let warnings = [];
        let linted = 'not-linted';
        let newDigest;
        try {
            const files = await (0,remediation_source/* readRemediationFromWorkingTree */.jR)(root, name);
            newDigest = (0,tree_digest/* treeDigest */.fZ)(files);
            const definition = files.find((f) => f.path === 'remediation.yml');
            if (!definition) {
                issues = [
                    {
                        file: `${remediation_source/* REMEDIATIONS_DIR */.LO}/${name}/remediation.yml`,
                        line: 1,
                        column: 1,
                        path: '',
                        message: 'missing remediation.yml',
                    },
                ];
            }
            else {
                const file = `${remediation_source/* REMEDIATIONS_DIR */.LO}/${name}/remediation.yml`;
                const parsed = await (0,check_definition/* checkDefinition */.QU)(file, definition.content, name);
                if (linter !== undefined) {
                    const onDisk = { folder: (0,external_node_path_.join)(root, remediation_source/* REMEDIATIONS_DIR */.LO, name), files: files.map((f) => f.path) };
                    const steps = await (0,check_definition/* lintDefinition */.Pn)(file, definition.content, parsed, linter, onDisk);
                    const scripts = steps.kind === 'linted' ? await (0,check_definition/* lintScripts */.UL)(`${remediation_source/* REMEDIATIONS_DIR */.LO}/${name}`, files, linter, onDisk) : steps;
                    if (scripts.kind === 'missing' || steps.kind === 'missing')
                        linter = undefined;
                    else
                        warnings = [...steps.warnings, ...scripts.warnings];
                    linted = scripts.kind;
                }
                else if (lint !== undefined) {
                    linted = 'missing';
                }
            }
        }
        catch (error) {
            if (error instanceof definition_parser/* DefinitionError */.gk)
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
                latestDigest = (0,tree_digest/* treeDigest */.fZ)(await (0,remediation_source/* readRemediationAtCommit */.k_)(git, commit, name));
        }
        results.push({
            name,
            issues,
            warnings,
            lint: linted,
            ...(latestTag ? { latestTag } : {}),
            ...(latestDigest ? { latestDigest } : {}),
            ...(newDigest ? { newDigest } : {}),
            nextVersion: nextVersion(latestTag?.slice(name.length + 1)),
            changedSinceRelease: latestDigest !== newDigest,
        });
    }
    return results;
}
/**
 * Validates the working tree's targets file (remediations/targets.yml) as routing reads it, when
 * there is one: a pull request that breaks it is told on its line, instead of every alert being
 * refused later in the plan job. Undefined when the repository has none (routing is optional).
 */
function checkTargetsFile(root) {
    const file = targets_config/* DEFAULT_TARGETS_FILE */.yN;
    try {
        // Attack: a pull request's targets.yml (or remediations/) linked to a runner file, such as
        // /proc/self/environ or a credentials file: parse errors quote what they read, into the
        // public log, the summary and --json. Links are refused, never followed; and a dangling link
        // is a problem, not "no targets file", so it cannot pass review and break routing later.
        const folder = lstatOrUndefined((0,external_node_path_.join)(root, remediation_source/* REMEDIATIONS_DIR */.LO));
        if (folder?.isSymbolicLink()) {
            return {
                file,
                issues: [
                    { file, line: 1, column: 1, path: '', message: `${remediation_source/* REMEDIATIONS_DIR */.LO}/ is a symbolic link; make it a folder` },
                ],
            };
        }
        const bytes = (0,bounded_file/* tryReadBoundedFile */.D)((0,external_node_path_.join)(root, file), {
            label: 'targets file',
            maxBytes: targets_config/* MAX_TARGETS_FILE_BYTES */.pf,
            noFollow: true,
        });
        if (bytes === undefined)
            return undefined;
        (0,targets_config/* parseTargetsConfig */.Kq)(bytes, file);
        return { file, issues: [] };
    }
    catch (error) {
        if (error instanceof targets_config/* TargetsConfigError */.rO)
            return { file, issues: error.issues };
        // Not a regular file, too large, unreadable: one problem at the top of the file.
        if (error instanceof errors/* UsageError */.eb)
            return { file, issues: [{ file, line: 1, column: 1, path: '', message: error.message }] };
        throw error;
    }
}
function lstatOrUndefined(path) {
    try {
        return (0,external_node_fs_.lstatSync)(path);
    }
    catch {
        return undefined;
    }
}
/** Checks that the working tree's manifest only appends to the one at `base` (if it changed). */
async function checkManifestChange(git, root, base) {
    const before = await git.tryReadFileAt(base, manifest_file/* DEFAULT_MANIFEST_PATH */.e);
    const after = await (0,promises_.readFile)((0,external_node_path_.join)(root, manifest_file/* DEFAULT_MANIFEST_PATH */.e)).catch(() => undefined);
    if (!before || !after || before.equals(after))
        return undefined;
    const summary = (0,append_check/* checkAppendOnly */.T)((0,manifest_verifier/* readPayloadUnverified */.GH)(before), (0,manifest_verifier/* readPayloadUnverified */.GH)(after).payload);
    return `manifest appends ${summary.added.join(', ') || 'nothing'}${summary.yanked.length ? `, yanks ${summary.yanked.join(', ')}` : ''}`;
}
/** Renders the review table for the job summary. */
function renderValidation(results, manifestNote, targets) {
    const lines = ['## Remediation definitions', ''];
    if (results.length === 0)
        lines.push('No remediation changed.');
    else {
        lines.push('| Remediation | Valid | Newest release | Released digest | New digest | To ship it |', '| --- | --- | --- | --- | --- | --- |');
        for (const r of results) {
            const ship = !(0,version_ref/* isRemediationName */.tI)(r.name)
                ? 'rename the folder'
                : !r.changedSinceRelease
                    ? 'unchanged since the release'
                    : `cut a new version: push tag \`${r.name}/${r.nextVersion}\` after merging`;
            lines.push(`| ${(0,markdown/* escape */.i)(shownName(r.name))} | ${r.issues.length ? `❌ ${r.issues.length} problem(s)` : '✅'} | ${r.latestTag ?? '(none)'} | ${r.latestDigest ? `\`${r.latestDigest}\`` : ''} | ${r.newDigest ? `\`${r.newDigest}\`` : ''} | ${ship} |`);
        }
    }
    const warnings = results.flatMap((r) => r.warnings);
    if (results.some((r) => r.lint === 'missing'))
        lines.push('', 'shellcheck not found; shell lint skipped.');
    else if (results.some((r) => r.lint === 'linted')) {
        lines.push('', `shellcheck: ${warnings.length ? `${warnings.length} warning(s) (advice; they do not fail validation)` : 'no findings'}.`);
        // A finding can quote the script (a pull request's text): escaped, so it cannot add Markdown or HTML.
        for (const w of warnings)
            lines.push(`- ${(0,markdown/* escape */.i)(`${w.file}:${w.line}:${w.column}: ${w.path}: ${w.message}`)}`);
    }
    if (targets) {
        lines.push('', `Targets file \`${targets.file}\`: ${targets.issues.length ? `❌ ${targets.issues.length} problem(s)` : '✅ valid'}.`);
        // The problems quote the pull request's text: escaped, as the shellcheck findings are.
        for (const i of targets.issues)
            lines.push(`- ${(0,markdown/* escape */.i)(`${i.file}:${i.line}:${i.column}: ${i.path ? `${i.path}: ` : ''}${i.message}`)}`);
    }
    if (manifestNote)
        lines.push('', `Manifest: ${manifestNote}.`);
    lines.push('', 'A released version is never changed: its tag keeps pointing at the reviewed commit. To ship these changes, merge, then push the tag shown (the release workflow signs and publishes it).');
    return `${lines.join('\n')}\n`;
}
/**
 * A folder's name as printed: itself when it is a remediation name, else JSON-quoted (no line
 * break or control character left), so it cannot start a line of its own.
 */
function shownName(name) {
    return (0,version_ref/* isRemediationName */.tI)(name)
        ? name
        : JSON.stringify(name).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
    const paths = await git.changedPaths(base, remediation_source/* REMEDIATIONS_DIR */.LO);
    const names = new Set();
    for (const path of paths) {
        const [, name, rest] = path.split('/');
        if (name && rest !== undefined)
            names.add(name);
    }
    return [...names];
}
async function allRemediations(root) {
    const entries = await (0,promises_.readdir)((0,external_node_path_.join)(root, remediation_source/* REMEDIATIONS_DIR */.LO), { withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./src/adapters/shellcheck.ts

/** Longest one lint may take: shellcheck answers for a page of shell in well under a second. */
const LINT_TIMEOUT_MS = 30_000;
/** Longest all the lints of one validation may take together; later ones are skipped, and say so. */
const LINT_BUDGET_MS = 120_000;
/** Most output read from shellcheck: a script's findings are a few KB of JSON. */
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
/**
 * A linter running `shellcheck --norc -s <shell> -f json1 -` found on `path` (the caller's PATH), with the
 * script on standard input (never as an argument or a file: the script is data). Exit 0 and 1 are
 * answers (no findings, findings); anything else is a lint that failed. shellcheck not on PATH is
 * `missing`, so the caller can say it was skipped.
 */
function shellcheckOn(path, budgetMs = LINT_BUDGET_MS) {
    let spentMs = 0;
    return async (shell, script, sources) => {
        // A pull request's scripts are linted one after another: together they get a budget, so many
        // slow lints cannot hold the job for hours.
        if (spentMs >= budgetMs) {
            return {
                kind: 'failed',
                message: `not linted: the lints took ${budgetMs / 1000} s together, all they get`,
            };
        }
        const started = Date.now();
        try {
            return await lintOnce(path, shell, script, sources);
        }
        finally {
            spentMs += Date.now() - started;
        }
    };
}
/**
 * One shellcheck run. What a script sources is followed only among `sources.files`, given as
 * inputs (shellcheck follows a sourced file that is one of its inputs), never with `-x`.
 * Attack: `-x` follows any path a script or a directive names (`# shellcheck source=/dev/zero`,
 * `. /dev/zer""o`, `\source /proc/...`): a pull request could make each lint read without end
 * (gigabytes in 30 s) or read runner files; shell quoting is too rich to screen the paths first.
 * `--norc`: a .shellcheckrc above the folder (the pull request's, or a link to /dev/zero) could
 * turn on `-x` behaviour, silence the advice or stall every lint.
 */
function lintOnce(path, shell, script, sources) {
    // A name starting with '-' would read as an option: such a file is not offered.
    const inputs = (sources?.files ?? []).filter((file) => !file.startsWith('-'));
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)('shellcheck', ['--norc', '-s', shell, '-f', 'json1', '-', ...inputs], {
            ...(sources === undefined ? {} : { cwd: sources.folder }),
            // Only PATH: SHELLCHECK_OPTS of the caller would change what is reported.
            env: { PATH: path ?? '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C' },
            stdio: ['pipe', 'pipe', 'pipe'],
            timeout: LINT_TIMEOUT_MS,
        });
        const stdout = [];
        const stderr = [];
        let kept = 0;
        const keep = (into) => (chunk) => {
            if (kept < MAX_OUTPUT_BYTES)
                into.push(chunk);
            kept += chunk.byteLength;
        };
        child.stdout.on('data', keep(stdout));
        child.stderr.on('data', keep(stderr));
        // A shellcheck that exits before reading all of stdin must not crash the validation.
        child.stdin.on('error', () => undefined);
        child.stdin.end(script);
        child.on('error', (error) => {
            resolve(error.code === 'ENOENT'
                ? { kind: 'missing' }
                : { kind: 'failed', message: `shellcheck could not be started: ${error.message}` });
        });
        child.on('close', (code, signal) => {
            if (signal !== null)
                return resolve({ kind: 'failed', message: `shellcheck did not finish (${signal})` });
            if (code !== 0 && code !== 1) {
                const said = Buffer.concat(stderr).toString('utf8').split('\n')[0]?.slice(0, 200) ?? '';
                return resolve({ kind: 'failed', message: `shellcheck exited ${code}${said ? `: ${said}` : ''}` });
            }
            resolve(parseShellcheckJson1(Buffer.concat(stdout).toString('utf8')));
        });
    });
}
/** Reads shellcheck's json1 output (`{"comments": [{line, column, level, code, message}]}`). */
function parseShellcheckJson1(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return { kind: 'failed', message: `shellcheck printed no json1 output: ${text.slice(0, 120)}` };
    }
    const comments = parsed?.comments;
    if (!Array.isArray(comments))
        return { kind: 'failed', message: 'shellcheck json1 output has no comments list' };
    const findings = [];
    for (const comment of comments) {
        const c = comment;
        // Only the script's own findings: the files given with it are linted on their own.
        if (c['file'] !== undefined && c['file'] !== '-')
            continue;
        if (typeof c['line'] !== 'number' || typeof c['code'] !== 'number' || typeof c['message'] !== 'string')
            continue;
        findings.push({
            line: c['line'],
            column: typeof c['column'] === 'number' ? c['column'] : 1,
            level: typeof c['level'] === 'string' ? c['level'] : 'warning',
            code: c['code'],
            message: c['message'],
        });
    }
    return { kind: 'findings', findings };
}

// EXTERNAL MODULE: ./src/record/read-snapshot.ts
var read_snapshot = __webpack_require__(82170);
;// CONCATENATED MODULE: ./src/app/target-routing.ts
// Routing runs to their targets' runners (issue 17): what `remediate targets resolve` does in the
// plan job of on-alert.yml, drift.yml and fleet.yml, on ubuntu-latest, before any runner for a fix
// is requested. The file is read here; parsing and the checks are core/targets-config.ts.



/** Most legs one plan routes: GitHub's matrix limit, as the drift and fleet plans enforce. */
const MAX_LEGS = 256;
/**
 * Reads and validates the targets file at `path`. Missing, not a regular file, too large or
 * invalid: a UsageError (exit 2). With routing on, no file means no run, never a default runner.
 */
function readTargetsFile(path) {
    // noFollow: the file is the repository's; a link to a runner file would be quoted in errors.
    const bytes = (0,bounded_file/* readBoundedFile */.M)(path, { label: 'targets file', maxBytes: targets_config/* MAX_TARGETS_FILE_BYTES */.pf, noFollow: true });
    return (0,targets_config/* parseTargetsConfig */.Kq)(bytes, path);
}
/** One route in the shape of the step outputs. */
function routeOutput(route) {
    return { 'runs-on': route.runsOn, facts: { ...route.facts } };
}
/**
 * The routes of every leg's target, keyed by target (a leg of drift.yml or fleet.yml is a JSON
 * object with a `target`): every target must be listed, or nothing is routed. Throws UsageError
 * for legs that are not a list of 1-256 objects each naming a target, and resolveTarget's errors.
 */
function routeLegs(config, legsJson, file) {
    let legs;
    try {
        legs = JSON.parse(legsJson);
    }
    catch {
        throw new errors/* UsageError */.eb('USAGE', '--legs: expected the JSON list of legs the plan step wrote');
    }
    if (!Array.isArray(legs) || legs.length === 0 || legs.length > MAX_LEGS) {
        throw new errors/* UsageError */.eb('USAGE', `--legs: expected a JSON list of 1 to ${MAX_LEGS} legs`);
    }
    // A null-prototype map: a target named `__proto__` could not reach here (resolveTarget refuses
    // it), and `constructor` is then an ordinary key.
    const routes = Object.create(null);
    legs.forEach((leg, index) => {
        const target = typeof leg === 'object' && leg !== null && !Array.isArray(leg) ? leg.target : undefined;
        // Routing needs a name to route by: a leg without one would otherwise run on a default
        // runner, which is exactly what a targets file without a default refuses.
        if (typeof target !== 'string' || target === '') {
            throw new errors/* UsageError */.eb('USAGE', `leg ${index} names no target: with a targets file every leg must name the target it runs on`);
        }
        routes[target] ??= routeOutput((0,targets_config/* resolveTarget */.u1)(config, target, file));
    });
    return routes;
}

;// CONCATENATED MODULE: ./src/cli/pack-commands.ts
// The CLI commands the reusable workflows call, so their logic is tested code, not inline shell.





























/** Largest event payload file read: GitHub's limit for a webhook payload. */
const MAX_EVENT_FILE_BYTES = 25 * 1024 * 1024;
/** `dispatch parse`: validates a repository_dispatch payload and writes it as step outputs. */
async function dispatchParse(event, githubOutput, github, context) {
    // Bounded like every file the caller names; GitHub caps webhook payloads at 25 MB.
    const bytes = (0,bounded_file/* readBoundedFile */.M)(event, { label: '--event', maxBytes: MAX_EVENT_FILE_BYTES });
    let parsed;
    try {
        parsed = JSON.parse(bytes.toString('utf8'));
    }
    catch (error) {
        throw new errors/* UsageError */.eb('INVALID_PARAMS', `cannot read the event payload ${event}`, { cause: error });
    }
    const request = (0,dispatch_payload/* parseDispatchPayload */.gX)(parsed);
    const output = githubOutput ?? github.output;
    const values = {
        remediation: request.remediation,
        params: JSON.stringify(request.params),
        target: request.target,
        'alert-digest': request.alertDigest,
        'idempotency-key': request.idempotencyKey,
    };
    if (output)
        await (0,github_output/* appendGitHubOutputs */.w)(output, values);
    context.out(`dispatch: ${request.remediation}${request.target ? ` on ${request.target}` : ''} (${Object.keys(request.params).length} parameter(s))${request.idempotencyKey ? `, idempotency key ${request.idempotencyKey}` : ''}`);
    return errors/* ExitCode */.yU.ok;
}
/**
 * `targets resolve`: the runner labels and facts of one target (outputs `target`, `runs-on` as a
 * JSON list for fromJSON, `facts` as a JSON object), or of every leg's target (output `routes`,
 * keyed by target). A missing or invalid file, a hostile name (exit 2) or an unknown target
 * (exit 3, UNKNOWN_TARGET) writes no output, so the job that would request the runner never starts.
 */
async function targetsResolveCommand(options, github, context) {
    const config = readTargetsFile(options.file);
    const output = options.githubOutput ?? github.output;
    const describe = (target, route) => {
        const facts = Object.keys(route.facts);
        return `target ${target}: runs-on ${JSON.stringify(route['runs-on'])}${facts.length ? `, facts ${facts.join(', ')}` : ''}`;
    };
    if ('target' in options.route) {
        const { target } = options.route;
        const route = routeOutput((0,targets_config/* resolveTarget */.u1)(config, target, options.file));
        // JSON.stringify keeps each value on one line; the delimiter form keeps any value from adding outputs.
        if (output) {
            await (0,github_output/* appendGitHubOutputs */.w)(output, {
                target,
                'runs-on': JSON.stringify(route['runs-on']),
                facts: JSON.stringify(route.facts),
            });
        }
        context.out(describe(target, route));
        return errors/* ExitCode */.yU.ok;
    }
    const routes = routeLegs(config, options.route.legs, options.file);
    if (output)
        await (0,github_output/* appendGitHubOutputs */.w)(output, { routes: JSON.stringify(routes) });
    for (const [target, route] of Object.entries(routes))
        context.out(describe(target, route));
    return errors/* ExitCode */.yU.ok;
}
/** `validate`: definitions changed since a base ref, with annotations and a review table. */
async function validateCommand(base, summary, github, context, report) {
    const git = new git_client/* GitCli */.Tq(context.cwd, (0,git_client/* gitEnvironment */._K)(context.env));
    const root = await git.topLevel();
    const results = await validateChanges(git, root, base, shellcheckOn(context.env.PATH));
    const onGitHub = github.actions;
    let invalid = 0;
    // Said once, not silently skipped: whoever reads the output knows the scripts were not linted.
    if (results.some((result) => result.lint === 'missing'))
        report.note('shellcheck not found; shell lint skipped');
    for (const result of results) {
        for (const issue of result.issues) {
            invalid++;
            report.line(onGitHub
                ? `::error file=${escapeProperty(issue.file)},line=${issue.line},col=${issue.column}::${escapeCommand(`${issue.path ? `${issue.path}: ` : ''}${issue.message}`)}`
                : `error: ${(0,definition_parser/* formatIssue */.Hd)(issue)}`);
        }
        // shellcheck's findings are advice: printed (annotated on GitHub), never a reason to fail;
        // under --json on stderr, and in the document.
        for (const warning of result.warnings) {
            report.line(onGitHub
                ? `::warning file=${escapeProperty(warning.file)},line=${warning.line},col=${warning.column}::${escapeCommand(`${warning.path ? `${warning.path}: ` : ''}${warning.message}`)}`
                : `warning: ${(0,definition_parser/* formatIssue */.Hd)(warning)}`);
        }
        const state = result.issues.length
            ? 'invalid'
            : result.changedSinceRelease
                ? `changed; ship as ${result.name}/${result.nextVersion}`
                : 'unchanged since release';
        // --quiet: only the problems (the issue lines above).
        report.detail(`${shownName(result.name)}: ${state} (${result.newDigest ?? 'no digest'})`);
    }
    report.know({
        remediations: results.map((result) => ({
            name: result.name,
            valid: result.issues.length === 0,
            issues: result.issues,
            warnings: result.warnings,
            digest: result.newDigest ?? null,
            latestTag: result.latestTag ?? null,
            latestDigest: result.latestDigest ?? null,
            changedSinceRelease: result.changedSinceRelease,
            nextVersion: result.nextVersion,
        })),
    });
    // The targets file routing reads (when the repository has one): its problems fail validation too.
    const targets = checkTargetsFile(root);
    for (const issue of targets?.issues ?? []) {
        report.line(onGitHub
            ? `::error file=${escapeProperty(issue.file)},line=${issue.line},col=${issue.column}::${escapeCommand(`${issue.path ? `${issue.path}: ` : ''}${issue.message}`)}`
            : `error: ${(0,definition_parser/* formatIssue */.Hd)(issue)}`);
    }
    if (targets)
        report.detail(`${targets.file}: ${targets.issues.length ? 'invalid' : 'valid'}`);
    report.know({
        targets: targets ? { file: targets.file, valid: targets.issues.length === 0, issues: targets.issues } : null,
    });
    let manifestNote;
    let refusal;
    if (base !== undefined) {
        try {
            manifestNote = await checkManifestChange(git, root, base);
        }
        catch (error) {
            if (!(error instanceof errors/* TrustError */.Ru))
                throw error;
            refusal = error;
            manifestNote = `❌ not append-only: ${error.message}`;
        }
    }
    if (summary)
        await (0,promises_.appendFile)(summary, renderValidation(results, manifestNote, targets));
    report.know({ manifest: manifestNote ?? null });
    if (refusal)
        throw refusal;
    const targetProblems = targets?.issues.length ?? 0;
    const problems = invalid + targetProblems === 0
        ? undefined
        : [
            invalid ? `${invalid} problem(s) in ${results.filter((r) => r.issues.length > 0).length} remediation(s)` : '',
            targetProblems ? `${targetProblems} problem(s) in ${targets?.file}` : '',
        ]
            .filter(Boolean)
            .join('; ');
    return report.finish({
        status: problems === undefined ? 'valid' : 'invalid',
        exitCode: problems === undefined ? errors/* ExitCode */.yU.ok : errors/* ExitCode */.yU.usage,
        code: problems === undefined ? null : invalid > 0 ? 'INVALID_DEFINITION' : 'INVALID_CONFIG',
        message: problems ?? null,
    });
}
/** `summarize`: one table over many run records (drift sweeps, fleet rollouts). */
async function summarizeCommand(dirs, summary, context) {
    const rows = [];
    for (const dir of dirs) {
        const files = await (0,record_files/* readRecord */.aE)(dir);
        rows.push((0,run_list/* rowOfSnapshot */.oK)((0,read_snapshot/* parseSnapshot */.E)(files.snapshot, dir), (0,record_verifier/* snapshotDigest */.he)(files.snapshot), dir));
    }
    const table = renderRecordTable(rows);
    if (summary)
        await (0,promises_.appendFile)(summary, table);
    context.out(table);
    return countRows(rows).failed ? errors/* ExitCode */.yU.failed : errors/* ExitCode */.yU.ok;
}
/**
 * `blast-radius`: the gate between the check-only legs and the fix legs of drift.yml and
 * fleet.yml. Reads each check-only record, counts the targets not known to be healthy (drift
 * found, no usable answer, no record), writes `unhealthy`, `allowed` and `over` outputs and a
 * summary naming them, and refuses (TOO_MANY_UNHEALTHY, exit 3) when more than allowed: then
 * the fix legs do not run. A record that cannot be read counts as unhealthy and is named.
 */
async function blastRadiusCommand(options, github, context) {
    const checks = [];
    for (const dir of options.dirs) {
        const folder = (0,external_node_path_.basename)(dir.replace(/\/+$/, ''));
        try {
            const snapshot = (0,read_snapshot/* parseSnapshot */.E)((await (0,record_files/* readRecord */.aE)(dir)).snapshot, dir);
            checks.push({
                target: (0,run_list/* rowOfSnapshot */.oK)(snapshot, '', dir).target ?? folder,
                status: snapshot.status,
                checkOnly: snapshot.checkOnly === true,
                record: dir,
                ran: {
                    remediation: `${snapshot.remediation.name}@${snapshot.remediation.version}`,
                    target: snapshot.target ?? '',
                },
            });
        }
        catch (error) {
            // Fails closed: whoever can damage a record must not make its target look healthy.
            checks.push({
                target: folder,
                status: undefined,
                checkOnly: false,
                record: dir,
                problem: `unreadable record: ${(0,errors/* describeError */.Uc)(error).slice(0, 200)}`,
            });
        }
    }
    // Named in target order, not in the order the records were downloaded (the summary and the
    // refusal read the same on every run).
    checks.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
    const radius = (0,blast_radius/* decideBlastRadius */.j8)(checks, options.total, options.maxUnhealthy);
    const toFix = options.legs === undefined ? undefined : (0,blast_radius/* legsToFix */.cr)(options.legs, checks, options.holdAll);
    const output = options.githubOutput ?? github.output;
    const summary = options.summary ?? github.stepSummary;
    if (output) {
        await (0,github_output/* appendGitHubOutputs */.w)(output, {
            unhealthy: String(radius.counted),
            allowed: String(radius.allowed),
            over: String(radius.over),
            // JSON.stringify keeps the list on one line: it cannot add another output.
            ...(toFix !== undefined ? { 'fix-legs': JSON.stringify(toFix), 'fix-count': String(toFix.length) } : {}),
        });
    }
    const report = (0,blast_radius/* renderBlastRadius */.lB)(radius, options.maxUnhealthy) +
        (toFix === undefined || radius.over
            ? ''
            : `\n${toFix.length} of ${options.legs?.length ?? 0} leg(s) need a fix${toFix.length ? ' and wait for approval' : '; nothing to approve, nothing runs'}.\n`);
    if (summary)
        await (0,promises_.appendFile)(summary, report);
    context.out(report);
    if (!radius.over)
        return errors/* ExitCode */.yU.ok;
    const named = [...radius.unhealthy, ...radius.unknown].map((c) => c.target);
    const message = `${radius.counted} of ${radius.total} target(s) need fixing or gave no usable check (max-unhealthy ${(0,blast_radius/* formatLimit */.tW)(options.maxUnhealthy)} allows ${radius.allowed}); no target is fixed${named.length ? `: ${named.slice(0, 20).join(', ')}${named.length > 20 ? `, and ${named.length - 20} more` : ''}` : ''}${radius.missing ? `; ${radius.missing} left no check record` : ''}`;
    if (github.actions)
        context.out(`::error title=blast radius::${escapeCommand(message)}`);
    throw new errors/* TrustError */.Ru('TOO_MANY_UNHEALTHY', message);
}
/** `github newest-manifest`: the highest-serial manifest on the repository's releases. */
async function newestManifestCommand(out, trustedKeys, github, context) {
    const keys = trustedKeys.length ? await (0,load_keys/* loadTrustedKeys */.CW)(trustedKeys) : [];
    const newest = await findNewestManifest(await githubApi(github, context.err), keys);
    if (!newest) {
        context.out('No manifest has been published in this repository yet: this is the first release; nothing written');
        return errors/* ExitCode */.yU.ok;
    }
    await (0,promises_.writeFile)(out, newest.bytes);
    context.out(`wrote ${out}: serial ${newest.serial} from release ${newest.release}`);
    return errors/* ExitCode */.yU.ok;
}
/**
 * `github publish-manifest`: publishes a signed manifest as the release `manifest/s<serial>`,
 * where runs find the newest one in a constant number of API calls. Re-running with the same
 * manifest is a no-op, so a failed release job can be re-run.
 */
async function publishManifestCommand(options, github, context) {
    if (options.trustedKeys.length === 0) {
        throw new errors/* UsageError */.eb('USAGE', 'github publish-manifest: give --trusted-key <pub>: only a manifest they signed is published');
    }
    const keys = await (0,load_keys/* loadTrustedKeys */.CW)(options.trustedKeys);
    const bytes = await (0,manifest_file/* readManifest */.WI)(options.manifest);
    // Publishing something unsigned or signed by another key would only make runs skip it; refuse early.
    const serial = (0,manifest_verifier/* authenticateManifest */.Rq)(bytes, keys, 1).payload.serial;
    const tag = manifestTag(serial);
    const api = await githubApi(github, context.err);
    const existing = await api.tryGetReleaseByTag(tag);
    if (existing) {
        const asset = existing.assets.find((a) => a.name === MANIFEST_ASSET);
        if (asset && (await api.downloadAsset(asset.id)).equals(bytes)) {
            context.out(`${tag} is already published with this manifest: ${existing.htmlUrl}`);
            return errors/* ExitCode */.yU.ok;
        }
        throw new errors/* TrustError */.Ru('VERSION_EXISTS', `release ${tag} already exists with another manifest: serial ${serial} was published before; sign serial ${serial + 1} on top of the newest manifest instead`);
    }
    // Publishing an older serial than the newest would at best be passed over, and at worst (the
    // newer one deleted later) become what releases build on: only newer manifests are published.
    const newest = await findPublishedManifest(api, { keys, threshold: 1 });
    if (newest && newest.serial >= serial) {
        throw new errors/* TrustError */.Ru('SERIAL_ROLLBACK', `manifest serial ${serial} is not newer than the published ${newest.tag}; publish only a manifest signed on top of it (serial ${newest.serial + 1} or more)`);
    }
    const git = new git_client/* GitCli */.Tq(context.cwd, (0,git_client/* gitEnvironment */._K)(context.env));
    const commit = await git.tryResolveCommit(options.target);
    if (!commit)
        throw new errors/* UsageError */.eb('USAGE', `--target ${options.target} names no commit in this checkout`);
    const published = await publishReleaseWithAssets(api, {
        tag,
        commit,
        name: `Remediation manifest, serial ${serial}`,
        body: `Signed remediation manifest, serial ${serial}. Runs use the manifest with the highest serial published under a \`manifest/s<serial>\` tag.`,
        prerelease: false,
        assets: [{ name: MANIFEST_ASSET, bytes, contentType: contentTypeFor(MANIFEST_ASSET) }],
    });
    context.out(`published ${tag}: ${published.url}`);
    return errors/* ExitCode */.yU.ok;
}
/** Largest release asset GitHub accepts (2 GiB), minus one byte. */
const MAX_RELEASE_ASSET_BYTES = 2 ** 31 - 1;
/** Largest release notes file read: GitHub refuses a release body over 125,000 characters. */
const MAX_NOTES_FILE_BYTES = 1024 * 1024;
/** `github publish-release`: draft, assets, publish, for a pushed tag. */
async function publishReleaseCommand(options, github, context) {
    const git = new git_client/* GitCli */.Tq(context.cwd, (0,git_client/* gitEnvironment */._K)(context.env));
    const commit = await git.tryResolveTag(options.tag);
    if (!commit)
        throw new errors/* TrustError */.Ru('TAG_NOT_FOUND', `tag ${options.tag} does not exist in this checkout; fetch tags first`);
    const assets = await Promise.all(options.assets.map(async (file) => ({
        name: (0,external_node_path_.basename)(file),
        // GitHub's limit for one release asset.
        bytes: (0,bounded_file/* readBoundedFile */.M)(file, { label: '--asset', maxBytes: MAX_RELEASE_ASSET_BYTES }),
        contentType: contentTypeFor(file),
    })));
    const body = options.notesFile
        ? (0,bounded_file/* readBoundedFile */.M)(options.notesFile, { label: '--notes-file', maxBytes: MAX_NOTES_FILE_BYTES }).toString('utf8')
        : '';
    const published = await publishReleaseWithAssets(await githubApi(github, context.err), {
        tag: options.tag,
        commit,
        name: options.tag,
        body,
        prerelease: options.prerelease,
        assets,
    });
    context.out(`published ${published.tag} with ${assets.map((a) => a.name).join(', ')}: ${published.url}`);
    return errors/* ExitCode */.yU.ok;
}
/**
 * `github fleet-gate`: counts this run attempt's failed fleet legs and writes `skip=true|false`.
 * When the jobs cannot be read the leg fails (exit 1) with an error saying why: an unknown count
 * must not read as zero, and the leg must not pass silently.
 */
async function fleetGateCommand(options, github, context) {
    const { runId, attempt } = runOf(github);
    const output = options.githubOutput ?? github.output;
    const summary = options.summary ?? github.stepSummary;
    const api = await githubApi(github, context.err);
    let jobs;
    try {
        jobs = await api.listJobsForRunAttempt(runId, attempt);
    }
    catch (error) {
        const status = error.status;
        const why = typeof status === 'number' ? `HTTP ${status}` : error instanceof Error ? error.message : String(error);
        const hint = status === 403 || status === 404 ? ' (the calling job must grant actions: read)' : '';
        context.out(`::error title=fleet gate::cannot read the jobs of run ${runId} attempt ${attempt}: ${escapeCommand(why)}${hint}. This leg does not run; other legs do not count it as a failed fix.`);
        if (summary)
            await (0,promises_.appendFile)(summary, `Not run: the fleet gate could not read this run's jobs (${why})${hint}.\n`);
        return errors/* ExitCode */.yU.failed;
    }
    const decision = decideFleetGate(jobs, options.legPrefix, options.gateStep, options.maxFailures);
    if (output)
        await (0,github_output/* appendGitHubOutputs */.w)(output, { skip: String(decision.kind === 'skip'), failed: String(decision.failed) });
    if (decision.notCounted > 0)
        context.out(`::warning title=fleet gate::${decision.notCounted} leg(s) failed in their own gate (API error) and are not counted as failed fixes`);
    if (decision.kind === 'skip') {
        context.out(`::warning title=fleet stopped::${decision.failed} leg(s) already failed (max-failures ${options.maxFailures}); this target is skipped`);
        if (summary)
            await (0,promises_.appendFile)(summary, `Skipped: ${decision.failed} leg(s) of this fleet had already failed (max-failures ${options.maxFailures}).\n`);
    }
    else {
        context.out(`fleet gate: ${decision.failed} failed leg(s) so far, max-failures ${options.maxFailures}: run`);
    }
    return errors/* ExitCode */.yU.ok;
}
/**
 * `github download-records`: downloads the record artifacts of this run attempt, or of `run` (an
 * earlier run of this repository, for a replay), `remediation-*-<run id>-<attempt>-*`, each into
 * `<dir>/<artifact name>/`, optionally only those whose record suffix starts (or does not start)
 * with a prefix: the workflows keep their check-only legs' records (`check-<leg>`) apart from
 * their fix legs'. Finding none is not an error here; the caller decides what a missing record
 * means.
 */
async function downloadRecordsCommand(options, github, context, run = undefined, artifactsFor = (token, repository, runId) => (0,run_artifacts/* artifactClientFor */.R)({ token, repository, runId })) {
    const { runId, attempt } = run ?? runOf(github);
    const { token, repository } = githubTarget(github);
    const artifacts = await artifactsFor(token, repository, runId);
    const { dir, suffixPrefix, skipSuffixPrefix } = options;
    const records = (await artifacts.list()).filter((a) => {
        const suffix = recordSuffixOf(a.name, runId, attempt);
        if (suffix === undefined)
            return false;
        if (suffixPrefix !== undefined)
            return suffix.startsWith(suffixPrefix);
        if (skipSuffixPrefix !== undefined)
            return !suffix.startsWith(skipSuffixPrefix);
        return true;
    });
    const refused = [];
    for (const record of records) {
        // Unzipped into a scratch folder and moved into place only once its digest matched: the
        // client unzips before it compares, and a swapped zip must never be tabled as a record.
        const target = (0,external_node_path_.join)(dir, record.name);
        const scratch = (0,external_node_path_.join)(dir, `.partial-${record.name}`);
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
        await (0,promises_.mkdir)(scratch, { recursive: true });
        const matched = record.digest !== undefined && (await artifacts.download(record, scratch));
        if (!matched) {
            await (0,promises_.rm)(scratch, { recursive: true, force: true });
            refused.push(record.name);
            context.err(`artifact ${record.name}: ${record.digest === undefined ? 'GitHub lists no digest for it' : 'the downloaded zip does not match its listed digest'}; not used`);
            continue;
        }
        await (0,promises_.rename)(scratch, target);
        context.out(`downloaded ${record.name}`);
    }
    context.out(`${records.length - refused.length} record artifact(s) of run ${runId} attempt ${attempt} in ${dir}`);
    if (refused.length) {
        throw new errors/* TrustError */.Ru('DIGEST_MISMATCH', `${refused.length} record artifact(s) could not be checked against their listed digest and were left out: ${refused.join(', ')}`);
    }
    return errors/* ExitCode */.yU.ok;
}
/** This run's id and attempt, from the runner's variables. */
function runOf(github) {
    const runId = Number(github.runId);
    const attempt = Number(github.runAttempt ?? '1');
    if (!Number.isSafeInteger(runId) || runId < 1 || !Number.isSafeInteger(attempt) || attempt < 1)
        throw new errors/* UsageError */.eb('USAGE', 'set GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT (the runner sets both in every step)');
    return { runId, attempt };
}
function githubTarget(github) {
    const { token, repository } = github;
    if (!token)
        throw new errors/* UsageError */.eb('USAGE', 'set GITHUB_TOKEN (on GitHub: env: GITHUB_TOKEN: ${{ github.token }})');
    if (!repository)
        throw new errors/* UsageError */.eb('USAGE', 'set GITHUB_REPOSITORY to owner/name');
    return { token, repository };
}
async function githubApi(github, report) {
    const { token, repository } = githubTarget(github);
    const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
    const octokit = getOctokit(token, { baseUrl: github.apiUrl ?? 'https://api.github.com' });
    return new github_api.OctokitGitHubApi(octokit, repository, retry.DEFAULT_RETRY, report);
}
/**
 * Escapes a workflow command's property value (GitHub's rules: the message's, plus `:` and `,`).
 * A file name is the pull request's to choose: unescaped, `x,line=1::text` in it would end the
 * property and write an annotation of its own choosing.
 */
function escapeProperty(text) {
    return escapeCommand(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** Escapes a workflow command's message (GitHub's rules: %, CR, LF). */
function escapeCommand(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}


/***/ })

};
