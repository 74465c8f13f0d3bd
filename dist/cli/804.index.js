export const id = 804;
export const ids = [804,378];
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


/***/ })

};
