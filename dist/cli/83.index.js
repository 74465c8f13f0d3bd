export const id = 83;
export const ids = [83];
export const modules = {

/***/ 66083:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ artifactClientFor),
/* harmony export */   artifactDownloaderFor: () => (/* binding */ artifactDownloaderFor)
/* harmony export */ });
/**
 * RunArtifacts over the real `@actions/artifact` client with `findBy`, which goes through the
 * public REST API (list, then the zip behind a redirect) with the given token. A `run:` step has no
 * ACTIONS_RUNTIME_TOKEN, so the client's internal service is not an option there.
 */
async function artifactClientFor(target) {
    const [repositoryOwner, repositoryName] = target.repository.split('/');
    if (!repositoryOwner || !repositoryName) {
        throw new Error(`expected GITHUB_REPOSITORY as owner/name, got '${target.repository}'`);
    }
    const findBy = { token: target.token, workflowRunId: target.runId, repositoryOwner, repositoryName };
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 35690));
    const client = new DefaultArtifactClient();
    return {
        async list() {
            const { artifacts } = await client.listArtifacts({ findBy });
            return artifacts.map((a) => ({ id: a.id, name: a.name, digest: a.digest || undefined }));
        },
        async download(artifact, dir) {
            const result = await client.downloadArtifact(artifact.id, {
                path: dir,
                findBy,
                ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
            });
            return !result.digestMismatch;
        },
    };
}
/**
 * An ArtifactDownloader over the real `@actions/artifact` client (loaded on first use), through
 * the public REST API with `token`: the zip behind the download redirect, checked against the
 * digest GitHub listed. The API base is GITHUB_API_URL (the client reads it), else api.github.com.
 */
function artifactDownloaderFor(token, repository) {
    const [repositoryOwner, repositoryName] = repository.split('/');
    if (!repositoryOwner || !repositoryName)
        throw new Error(`expected a repository as owner/name, got '${repository}'`);
    return async (artifact, dir) => {
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(690)]).then(__webpack_require__.bind(__webpack_require__, 35690));
        const findBy = { token, workflowRunId: artifact.runId ?? 0, repositoryOwner, repositoryName };
        const result = await new DefaultArtifactClient().downloadArtifact(artifact.id, {
            path: dir,
            findBy,
            ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
        });
        return artifact.digest !== undefined && !result.digestMismatch;
    };
}


/***/ })

};
