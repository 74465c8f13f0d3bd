import { randomBytes } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActionsStore, type SeedArtifact, type SeedJob } from './actions-state.ts';
import { AppInstallation, type DoubleApp, type IssuedToken, type TokenRequest } from './app-auth.ts';
import { GitObjectReader } from './git-objects.ts';
import {
  OpenApiValidator,
  type OpenApiOperation,
  type OperationMatch,
  type ProblemLocation,
} from './openapi-validator.ts';
import {
  artifactJson,
  reviewJson,
  assetJson,
  blobJson,
  commitJson,
  jobJson,
  refJson,
  releaseJson,
  tagJson,
  treeJson,
  type UrlContext,
} from './representations.ts';
import {
  ReleaseStore,
  type Outcome,
  type ReleaseInput,
  type ReleaseRefusal,
  type StoredAsset,
  type StoredRelease,
} from './state.ts';

/** How to start the double. */
export interface GitHubDoubleOptions {
  /** The token every API request must present, as `Authorization: Bearer <token>` or `token <token>`. */
  readonly token: string;
  /** A real local git repository (work tree or bare) whose objects the git endpoints serve. */
  readonly gitDir: string;
  /** The repository served, `owner/name`; any other repository is a 404. Default `octo-org/remediations`. */
  readonly repository?: string;
  /** Whether the repository has immutable releases on (published releases take no more assets). Default false. */
  readonly immutableReleases?: boolean;
  /** The `target_commitish` of releases created without one. Default `main`. */
  readonly defaultBranch?: string;
  /** The clock behind every timestamp. Default the system clock. */
  readonly now?: () => Date;
  /**
   * A GitHub App installed on the repository: `POST /app/installations/{id}/access_tokens` takes
   * its JWT and issues installation tokens, which every route then accepts like `token`.
   */
  readonly app?: DoubleApp;
}

/** One request the double answered (or deliberately failed to). */
export interface RequestRecord {
  readonly method: string;
  /** Path and query as sent. */
  readonly path: string;
  /** Undefined while pending, and for dropped or hung requests. */
  status: number | undefined;
  /** The OpenAPI operation the request matched, if any. */
  readonly operationId: string | undefined;
  /** Set when an injected fault answered instead of the double. */
  fault: 'fail' | 'drop' | 'hang' | undefined;
}

/** One mismatch between traffic and GitHub's OpenAPI description; tests assert there are none. */
export interface Violation {
  readonly method: string;
  readonly path: string;
  readonly operationId: string | undefined;
  /** `route`: no operation in the description matches the request at all. */
  readonly location: ProblemLocation | 'route';
  /** The status of the response a `response` violation is about. */
  readonly status: number | undefined;
  readonly message: string;
}

/** A release to seed; asset bytes are stored with content type `application/octet-stream`. */
export interface SeedRelease {
  readonly tag: string;
  readonly assets?: Readonly<Record<string, Uint8Array | string>>;
  /** Default false (published). */
  readonly draft?: boolean;
  readonly prerelease?: boolean;
  /** Default: the repository's immutable-releases setting (only published releases are immutable). */
  readonly immutable?: boolean;
  readonly name?: string;
  readonly body?: string;
  readonly targetCommitish?: string;
}

/** A release as tests inspect it. */
export interface ReleaseView {
  readonly id: number;
  readonly tag: string;
  readonly name: string | null;
  readonly body: string | null;
  readonly targetCommitish: string;
  readonly draft: boolean;
  readonly prerelease: boolean;
  readonly immutable: boolean;
  readonly makeLatest: string;
  readonly publishedAt: string | null;
  /** The release's `upload_url` template, on the double's origin. */
  readonly uploadUrl: string;
  readonly assets: readonly AssetView[];
}

/** An asset as tests inspect it. */
export interface AssetView {
  readonly id: number;
  readonly name: string;
  readonly label: string | null;
  readonly contentType: string;
  readonly bytes: Buffer;
  /** The API URL (answers 302 to the bytes with `Accept: application/octet-stream`). */
  readonly url: string;
  readonly browserDownloadUrl: string;
  readonly downloadCount: number;
}

/** Fault-injection options for `failNext`. */
export interface FailOptions {
  /** Replaces the default body (an HTML page for 5xx, GitHub's error JSON otherwise). */
  readonly body?: string;
  /** Extra response headers, e.g. `retry-after` for a 429. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A running double. */
export interface GitHubDouble {
  /** `http://127.0.0.1:<port>`: use as GITHUB_API_URL; it is also the upload and download origin. */
  readonly url: string;
  /** The repository served, `owner/name`. */
  readonly repository: string;
  /** Every request, in arrival order. */
  readonly requests: readonly RequestRecord[];
  /** Every OpenAPI mismatch seen, in requests or in the double's own responses. */
  readonly violations: readonly Violation[];
  /** Stops listening and drops every open (including hung) connection. */
  close(): Promise<void>;
  /** Seeds a release (its assets are attached before it is published). */
  addRelease(seed: SeedRelease): ReleaseView;
  /** The release with this tag (drafts included), as stored. */
  getRelease(tag: string): ReleaseView | undefined;
  /** Every release, newest first. */
  listReleases(): ReleaseView[];
  /** Turns the repository's immutable-releases setting on or off for releases published from now on. */
  setImmutableReleases(enabled: boolean): void;
  /** The next `count` requests whose `METHOD /path` (no query) matches answer `status` instead. */
  failNext(pattern: RegExp, count: number, status: number, options?: FailOptions): void;
  /** The next `count` matching requests get their connection destroyed without an answer. */
  dropNext(pattern: RegExp, count?: number): void;
  /** The next `count` matching requests are never answered (until `close`). */
  hangNext(pattern: RegExp, count?: number): void;
  /**
   * Test-only: the next JSON response of `operationId` is passed through `tamper` before it is
   * validated and sent, to prove the response validator catches a bad response.
   */
  tamperNextResponse(operationId: string, tamper: (body: unknown) => unknown): void;
  /** Seeds a job of a workflow run attempt (the double runs no workflows; tests say what ran). */
  addJob(seed: SeedJob): void;
  /** Seeds a workflow run's artifact; it is served zipped, through a redirect, as on GitHub. */
  addArtifact(seed: SeedArtifact): { readonly id: number; readonly digest: string };
  /** Attestations stored through `POST /repos/{owner}/{repo}/attestations`, in arrival order. */
  readonly attestations: readonly StoredAttestation[];
  /** Events accepted through `POST /repos/{owner}/{repo}/dispatches` (answered 204), in arrival order. */
  readonly dispatches: readonly StoredDispatch[];
  /** Installation tokens issued to the App (`options.app`), in order. */
  readonly installationTokens: readonly IssuedToken[];
  /** Revokes every installation token issued so far: each is answered 401 from now on. */
  revokeInstallationTokens(): void;
  /** Seeds a review of workflow run `runId`'s protected environments (the run's approvals list). */
  addRunReview(runId: number, review: SeedReview): void;
}

/** One review of a run's deployment, as a reviewer gave it. */
export interface SeedReview {
  readonly state: 'approved' | 'rejected';
  readonly login: string;
  readonly environments: readonly string[];
  readonly comment: string;
}

/** One repository_dispatch event as the double accepted it. */
export interface StoredDispatch {
  readonly eventType: string;
  /** The `client_payload` as sent (undefined when the request had none). */
  readonly clientPayload: Record<string, unknown> | undefined;
  /** The request body's size in bytes. */
  readonly bytes: number;
}

/**
 * GitHub's limit on a dispatch's `client_payload`: "The total size of the JSON payload must be less
 * than 64KB" (the description says so in prose only, so the schema cannot check it).
 */
const DISPATCH_PAYLOAD_LIMIT = 64 * 1024;

/** One attestation as the double stored it. */
export interface StoredAttestation {
  readonly id: number;
  /** The Sigstore bundle, as sent. */
  readonly bundle: unknown;
}

/** What a handler answers; `json` is validated against the description, `raw` is sent as is. */
interface Reply {
  readonly status: number;
  json?: unknown;
  readonly raw?: Buffer;
  readonly headers?: Record<string, string>;
}

interface FaultRule {
  readonly pattern: RegExp;
  remaining: number;
  readonly kind: 'fail' | 'drop' | 'hang';
  readonly status: number;
  readonly options: FailOptions;
}

/** Everything a handler needs about one request. */
interface Call {
  readonly match: OperationMatch;
  /** The request's path without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly json: unknown;
  readonly body: Buffer;
  readonly headers: IncomingMessage['headers'];
}

const GENERAL_DOCS = 'https://docs.github.com/rest';

/**
 * Starts a GitHub REST API double on 127.0.0.1 (a free port) serving one repository: git objects
 * read from `options.gitDir` and releases kept in memory. Every request and every response is
 * checked against GitHub's published OpenAPI description; mismatches land in `violations`.
 */
export async function startGitHubDouble(options: GitHubDoubleOptions): Promise<GitHubDouble> {
  const repository = options.repository ?? 'octo-org/remediations';
  const [owner = '', repo = '', ...rest] = repository.split('/');
  if (!owner || !repo || rest.length > 0) throw new Error(`expected repository as owner/name, got '${repository}'`);
  if (options.token === '') throw new Error('the double needs a non-empty token');
  const validator = new OpenApiValidator();
  const git = new GitObjectReader(options.gitDir);
  const store = new ReleaseStore({
    now: options.now ?? (() => new Date()),
    immutableReleases: options.immutableReleases ?? false,
  });
  const actions = new ActionsStore(options.now ?? (() => new Date()));
  const installation =
    options.app === undefined ? undefined : new AppInstallation(options.app, repo, options.now ?? (() => new Date()));
  const defaultBranch = options.defaultBranch ?? 'main';
  // The secret in asset download links: like GitHub's signed object URLs, they need no token.
  const downloadSecret = randomBytes(16).toString('hex');
  const requests: RequestRecord[] = [];
  const violations: Violation[] = [];
  const faults: FaultRule[] = [];
  const tampers = new Map<string, ((body: unknown) => unknown)[]>();
  const attestations: StoredAttestation[] = [];
  const dispatches: StoredDispatch[] = [];
  const reviews = new Map<number, SeedReview[]>();
  const hung = new Set<ServerResponse>();
  // Release id -> the commit its tag was created at (resolved once, as GitHub creates it once).
  const createdTagTargets = new Map<number, string>();
  const ctx: { current: UrlContext } = { current: { origin: '', owner, repo } };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in the double must fail the test loudly, not look like a GitHub 500.
      violations.push({
        method: req.method ?? '',
        path: req.url ?? '',
        operationId: undefined,
        location: 'route',
        status: 500,
        message: `double crashed: ${String(error)}`,
      });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const url = new URL(rawUrl, ctx.current.origin);
    const match = validator.match(method, url.pathname);
    const record: RequestRecord = {
      method,
      path: rawUrl,
      status: undefined,
      operationId: match?.operation.operationId,
      fault: undefined,
    };
    requests.push(record);
    const violate = (location: Violation['location'], message: string, status?: number): void => {
      violations.push({ method, path: rawUrl, operationId: match?.operation.operationId, location, status, message });
    };

    const fault = takeFault(`${method} ${url.pathname}`);
    if (fault) {
      record.fault = fault.kind;
      if (fault.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault.kind === 'hang') {
        hung.add(res);
        return;
      }
      await readBody(req);
      const status = fault.status;
      const body =
        fault.options.body ??
        (status >= 500
          ? `<!DOCTYPE html><html><head><title>${status} ${STATUS_CODES[status] ?? ''}</title></head><body><h1>${STATUS_CODES[status] ?? 'Error'}</h1></body></html>`
          : JSON.stringify({
              message: STATUS_CODES[status] ?? 'Error',
              documentation_url: GENERAL_DOCS,
              status: String(status),
            }));
      const contentType =
        fault.options.body === undefined && status < 500
          ? 'application/json; charset=utf-8'
          : 'text/html; charset=utf-8';
      send(res, record, {
        status,
        raw: Buffer.from(body),
        headers: { 'content-type': contentType, ...fault.options.headers },
      });
      return;
    }

    const body = await readBody(req);

    // Downloads are not REST API routes: GitHub serves them from github.com and its object store.
    const download = await tryDownload(method, url, req);
    if (download) {
      send(res, record, download);
      return;
    }

    const operation = match?.operation;
    const finish = (reply: Reply): void => {
      if (operation) {
        const queue = tampers.get(operation.operationId);
        const tamper = reply.json !== undefined ? queue?.shift() : undefined;
        if (tamper) reply.json = tamper(reply.json);
        const contentType =
          reply.headers?.['content-type'] ?? (reply.json !== undefined ? 'application/json; charset=utf-8' : undefined);
        const hasBody = reply.json !== undefined || (reply.raw?.length ?? 0) > 0;
        for (const problem of validator.validateResponse(operation, reply.status, contentType, reply.json, hasBody)) {
          violate(problem.location, problem.message, reply.status);
        }
      }
      send(res, record, reply);
    };

    const authorization = req.headers.authorization;
    const presented = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (match && operation?.operationId === 'apps/create-installation-access-token') {
      finish(installationToken(match, url.searchParams, req.headers['content-type'], body, presented, violate));
      return;
    }
    // Every other route needs the token (the action always calls with GITHUB_TOKEN), or a live
    // installation token of the App.
    const appToken = presented === undefined ? undefined : installation?.live(presented);
    if (presented !== options.token && appToken === undefined) {
      finish({
        status: 401,
        json: {
          message: authorization === undefined ? 'Requires authentication' : 'Bad credentials',
          documentation_url: GENERAL_DOCS,
          status: '401',
        },
      });
      return;
    }

    if (!match || !operation) {
      violate('route', `no operation in the OpenAPI subset matches ${method} ${url.pathname}`);
      finish({ status: 404, json: notFound(GENERAL_DOCS) });
      return;
    }

    const check = validator.validateRequest(match, url.searchParams, req.headers['content-type'], body);
    for (const problem of check.problems) violate(problem.location, problem.message);
    const docs = operation.documentationUrl ?? GENERAL_DOCS;
    // GitHub answers a malformed path (e.g. a non-numeric release id) with 404 ...
    if (check.problems.some((p) => p.location === 'path')) {
      finish({ status: 404, json: notFound(docs) });
      return;
    }
    // ... and a body it cannot accept with 422 "Invalid request".
    const bodyProblems = check.problems.filter((p) => p.location === 'body' || p.location === 'header');
    if (bodyProblems.length > 0) {
      finish({
        status: 422,
        json: {
          message: `Invalid request.\n\n${bodyProblems.map((p) => p.message).join('\n')}`,
          documentation_url: docs,
          status: '422',
        },
      });
      return;
    }
    if (
      match.pathParams.owner?.toLowerCase() !== owner.toLowerCase() ||
      match.pathParams.repo?.toLowerCase() !== repo.toLowerCase()
    ) {
      finish({ status: 404, json: notFound(docs) });
      return;
    }
    // An installation token carries only the permissions it was issued with: a dispatch needs
    // contents write (GitHub's "Resource not accessible by integration" otherwise).
    if (
      appToken !== undefined &&
      operation.operationId === 'repos/create-dispatch-event' &&
      appToken.permissions.contents !== 'write'
    ) {
      finish({
        status: 403,
        json: { message: 'Resource not accessible by integration', documentation_url: docs, status: '403' },
      });
      return;
    }
    finish(
      await route(operation, {
        match,
        path: url.pathname,
        query: url.searchParams,
        json: check.json,
        body,
        headers: req.headers,
      }),
    );
  }

  /**
   * `POST /app/installations/{installation_id}/access_tokens`: authenticated by the App's JWT
   * (401 with GitHub's message otherwise), then the body is checked against the description and
   * the token narrowed to what it asks for (422 for a repository or permission not granted).
   */
  function installationToken(
    match: OperationMatch,
    query: URLSearchParams,
    contentType: string | undefined,
    body: Buffer,
    presented: string | undefined,
    violate: (location: Violation['location'], message: string) => void,
  ): Reply {
    const docs = match.operation.documentationUrl ?? GENERAL_DOCS;
    const jwt = installation?.verifyJwt(presented ?? '') ?? { ok: false, message: 'Integration not found' };
    if (!jwt.ok) return { status: 401, json: { message: jwt.message, documentation_url: docs, status: '401' } };
    const check = validator.validateRequest(match, query, contentType, body);
    for (const problem of check.problems) violate(problem.location, problem.message);
    if (check.problems.some((p) => p.location === 'path')) return { status: 404, json: notFound(docs) };
    if (check.problems.length > 0) {
      return {
        status: 422,
        json: {
          message: `Invalid request.\n\n${check.problems.map((p) => p.message).join('\n')}`,
          documentation_url: docs,
          status: '422',
        },
      };
    }
    const outcome = installation?.issue(Number(match.pathParams.installation_id), (check.json ?? {}) as TokenRequest);
    if (outcome === undefined || !outcome.ok) {
      const status = outcome?.status ?? 404;
      return {
        status,
        json: { message: outcome?.message ?? 'Not Found', documentation_url: docs, status: String(status) },
      };
    }
    return { status: 201, json: installation?.tokenJson(outcome.issued) };
  }

  async function route(operation: OpenApiOperation, call: Call): Promise<Reply> {
    const docs = operation.documentationUrl ?? GENERAL_DOCS;
    const params = call.match.pathParams;
    const c = ctx.current;
    switch (operation.operationId) {
      case 'git/get-ref': {
        const name = params.ref ?? '';
        const ref = (await git.tryGetRef(name)) ?? (await releaseCreatedTags()).find((t) => t.ref === `refs/${name}`);
        return ref ? { status: 200, json: refJson(c, ref) } : { status: 404, json: notFound(docs) };
      }
      case 'git/list-matching-refs': {
        // Not paginated on GitHub either: every ref whose name starts with the given prefix.
        const prefix = params.ref ?? '';
        const refs = await git.listMatchingRefs(prefix);
        const known = new Set(refs.map((r) => r.ref));
        for (const tag of await releaseCreatedTags()) {
          if (!known.has(tag.ref) && tag.ref.startsWith(`refs/${prefix}`)) refs.push(tag);
        }
        refs.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
        return { status: 200, json: refs.map((ref) => refJson(c, ref)) };
      }
      case 'git/get-tag': {
        const tag = await git.tryGetTag(params.tag_sha ?? '');
        return tag ? { status: 200, json: tagJson(c, tag) } : { status: 404, json: notFound(docs) };
      }
      case 'git/get-commit': {
        const commit = await git.tryGetCommit(params.commit_sha ?? '');
        return commit ? { status: 200, json: commitJson(c, commit) } : { status: 404, json: notFound(docs) };
      }
      case 'git/get-tree': {
        const tree = await git.tryResolveTree(params.tree_sha ?? '');
        if (!tree) return { status: 404, json: notFound(docs) };
        // GitHub: any value of `recursive` (even "0" or "false") lists recursively; only absence does not.
        return { status: 200, json: treeJson(c, tree, await git.listTree(tree, call.query.has('recursive'))) };
      }
      case 'git/get-blob': {
        const sha = params.file_sha ?? '';
        const bytes = await git.tryGetBlob(sha);
        return bytes ? { status: 200, json: blobJson(c, sha, bytes) } : { status: 404, json: notFound(docs) };
      }
      case 'repos/list-releases':
        return listReleases(call);
      case 'repos/get-release-by-tag': {
        // Get-by-tag only ever finds published releases; drafts are reachable by id or the list.
        const release = store.publishedByTag(params.tag ?? '');
        return release ? { status: 200, json: releaseJson(c, release) } : { status: 404, json: notFound(docs) };
      }
      case 'repos/get-release': {
        const release = store.byId(Number(params.release_id));
        return release ? { status: 200, json: releaseJson(c, release) } : { status: 404, json: notFound(docs) };
      }
      case 'repos/create-release':
        return createRelease(call, docs);
      case 'repos/update-release': {
        const outcome = store.update(Number(params.release_id), call.json as ReleaseInput);
        return releaseReply(outcome, 200, docs);
      }
      case 'repos/get-release-asset': {
        const found = store.asset(Number(params.asset_id));
        if (!found) return { status: 404, json: notFound(docs) };
        if (wantsOctetStream(call.headers.accept)) {
          // As on GitHub: a redirect to a short-lived link that needs no Authorization header.
          return { status: 302, headers: { location: `${c.origin}${assetObjectPath(found.asset)}` } };
        }
        return { status: 200, json: assetJson(c, found.release, found.asset) };
      }
      case 'repos/upload-release-asset':
        return uploadAsset(call, docs);
      case 'actions/list-jobs-for-workflow-run-attempt': {
        const jobs = actions.jobs(Number(params.run_id), Number(params.attempt_number));
        // GitHub answers 404 for a run attempt it does not know.
        if (jobs.length === 0) return { status: 404, json: notFound(docs) };
        return paged(call, jobs, (page, total) => ({
          total_count: total,
          jobs: page.map((job) => jobJson(c, job)),
        }));
      }
      case 'actions/list-workflow-run-artifacts': {
        const name = call.query.get('name');
        const all = actions.artifacts(Number(params.run_id)).filter((a) => name === null || a.name === name);
        return paged(call, all, (page, total) => ({
          total_count: total,
          artifacts: page.map((artifact) => artifactJson(c, artifact)),
        }));
      }
      case 'actions/get-reviews-for-run': {
        const list = reviews.get(Number(params.run_id)) ?? [];
        return { status: 200, json: list.map((review, i) => reviewJson(c, review, 5000 + i)) };
      }
      case 'actions/list-artifacts-for-repo': {
        const name = call.query.get('name');
        const all = actions.allArtifacts().filter((a) => name === null || a.name === name);
        return paged(call, all, (page, total) => ({
          total_count: total,
          artifacts: page.map((artifact) => artifactJson(c, artifact)),
        }));
      }
      case 'actions/download-artifact': {
        const artifact = actions.artifact(Number(params.artifact_id));
        if (!artifact || params.archive_format !== 'zip') return { status: 404, json: notFound(docs) };
        if (artifact.expired)
          return { status: 410, json: { message: 'Artifact has expired', documentation_url: docs, status: '410' } };
        // As on GitHub: a redirect to a short-lived blob link that needs no Authorization header.
        return {
          status: 302,
          headers: { location: `${c.origin}/_objects/artifacts/${artifact.id}?token=${downloadSecret}` },
        };
      }
      case 'repos/create-attestation': {
        // The request body was checked against the description; GitHub answers 201 with the id.
        const attestation = { id: attestations.length + 1, bundle: (call.json as { bundle: unknown }).bundle };
        attestations.push(attestation);
        return { status: 201, json: { id: attestation.id } };
      }
      case 'repos/create-dispatch-event': {
        // The body's schema (event_type 1-100 characters, at most 10 client_payload properties) was
        // checked already; the size limit is prose in the description, checked here. The wording
        // of this 422 is the double's own.
        const input = call.json as { event_type: string; client_payload?: Record<string, unknown> };
        const payloadBytes = Buffer.byteLength(JSON.stringify(input.client_payload ?? {}));
        if (payloadBytes >= DISPATCH_PAYLOAD_LIMIT) {
          return validationFailed(docs, [
            {
              resource: 'Repository',
              code: 'custom',
              field: 'client_payload',
              message: `client_payload is ${payloadBytes} bytes; it must be less than 64KB`,
            },
          ]);
        }
        dispatches.push({ eventType: input.event_type, clientPayload: input.client_payload, bytes: call.body.length });
        return { status: 204 };
      }
      default:
        return { status: 404, json: notFound(docs) };
    }
  }

  /**
   * Tags GitHub created for published releases whose tag did not exist: publishing a release
   * creates its tag at `target_commitish` (drafts have none yet). Git's own refs take precedence.
   */
  async function releaseCreatedTags(): Promise<{ ref: string; type: string; sha: string }[]> {
    const tags: { ref: string; type: string; sha: string }[] = [];
    const resolved = new Map<string, string>();
    for (const release of store.list()) {
      if (release.draft) continue;
      let sha = createdTagTargets.get(release.id);
      if (sha === undefined) {
        // Resolved once per commitish per call: thousands of releases usually share one branch.
        sha = resolved.get(release.targetCommitish) ?? (await git.tryResolveCommit(release.targetCommitish));
        if (sha === undefined) continue;
        resolved.set(release.targetCommitish, sha);
        createdTagTargets.set(release.id, sha);
      }
      tags.push({ ref: `refs/tags/${release.tagName}`, type: 'commit', sha });
    }
    return tags;
  }

  function listReleases(call: Call): Reply {
    // GitHub reads bad or out-of-range paging values as the defaults (per_page is capped at 100).
    const perPageRaw = Number(call.query.get('per_page') ?? '30');
    const pageRaw = Number(call.query.get('page') ?? '1');
    const perPage = Number.isInteger(perPageRaw) && perPageRaw > 0 ? Math.min(perPageRaw, 100) : 30;
    const page = Number.isInteger(pageRaw) && pageRaw > 0 ? pageRaw : 1;
    // The one token the double knows has push access, so drafts are listed, as GitHub lists them to pushers.
    const all = store.list();
    const lastPage = Math.max(1, Math.ceil(all.length / perPage));
    const items = all.slice((page - 1) * perPage, page * perPage);
    const base = `${ctx.current.origin}/repos/${owner}/${repo}/releases`;
    const link = (n: number, rel: string): string => `<${base}?per_page=${perPage}&page=${n}>; rel="${rel}"`;
    const links: string[] = [];
    if (page > 1) links.push(link(Math.min(page - 1, lastPage), 'prev'));
    if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    return {
      status: 200,
      json: items.map((release) => releaseJson(ctx.current, release)),
      ...(links.length > 0 ? { headers: { link: links.join(', ') } } : {}),
    };
  }

  /** One page of a list, with GitHub's paging rules and `link` header. */
  function paged<T>(call: Call, all: readonly T[], render: (page: T[], total: number) => unknown): Reply {
    const perPageRaw = Number(call.query.get('per_page') ?? '30');
    const pageRaw = Number(call.query.get('page') ?? '1');
    const perPage = Number.isInteger(perPageRaw) && perPageRaw > 0 ? Math.min(perPageRaw, 100) : 30;
    const page = Number.isInteger(pageRaw) && pageRaw > 0 ? pageRaw : 1;
    const lastPage = Math.max(1, Math.ceil(all.length / perPage));
    const base = `${ctx.current.origin}${call.path}`;
    const link = (n: number, rel: string): string => `<${base}?per_page=${perPage}&page=${n}>; rel="${rel}"`;
    const links: string[] = [];
    if (page > 1) links.push(link(Math.min(page - 1, lastPage), 'prev'));
    if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    return {
      status: 200,
      json: render(all.slice((page - 1) * perPage, page * perPage), all.length),
      ...(links.length > 0 ? { headers: { link: links.join(', ') } } : {}),
    };
  }

  async function createRelease(call: Call, docs: string): Promise<Reply> {
    const input = call.json as ReleaseInput & { tag_name: string };
    // GitHub creates a missing tag from target_commitish when the release is published, so it
    // refuses a target that names nothing; an existing tag makes the target irrelevant.
    if ((await git.tryGetRef(`tags/${input.tag_name}`)) === undefined) {
      const target = input.target_commitish ?? defaultBranch;
      if ((await git.tryResolveCommit(target)) === undefined) {
        return validationFailed(docs, [{ resource: 'Release', code: 'invalid', field: 'target_commitish' }]);
      }
    }
    return releaseReply(store.create(input, defaultBranch), 201, docs);
  }

  function uploadAsset(call: Call, docs: string): Reply {
    const name = call.query.get('name');
    if (name === null || name === '') {
      return validationFailed(docs, [{ resource: 'ReleaseAsset', code: 'missing_field', field: 'name' }]);
    }
    const contentType = call.headers['content-type'] ?? 'application/octet-stream';
    const outcome = store.upload(
      Number(call.match.pathParams.release_id),
      name,
      call.query.get('label'),
      contentType,
      call.body,
    );
    if (!outcome.ok) return refusalReply(outcome.refusal, docs);
    const release = store.byId(outcome.value.releaseId);
    if (!release) throw new Error('asset without a release');
    return { status: 201, json: assetJson(ctx.current, release, outcome.value) };
  }

  function releaseReply(outcome: Outcome<StoredRelease>, status: number, docs: string): Reply {
    return outcome.ok ? { status, json: releaseJson(ctx.current, outcome.value) } : refusalReply(outcome.refusal, docs);
  }

  function refusalReply(refusal: ReleaseRefusal, docs: string): Reply {
    switch (refusal.code) {
      case 'release_not_found':
        return { status: 404, json: notFound(docs) };
      case 'tag_already_exists':
        return validationFailed(docs, [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }]);
      case 'asset_already_exists':
        return validationFailed(docs, [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }]);
      case 'release_immutable':
        return validationFailed(docs, [
          { resource: 'Release', code: 'custom', field: 'immutable', message: 'Cannot modify an immutable release.' },
        ]);
    }
  }

  /** Serves asset bytes at the redirect target and at browser_download_url; undefined for other paths. */
  async function tryDownload(method: string, url: URL, req: IncomingMessage): Promise<Reply | undefined> {
    if (method !== 'GET') return undefined;
    const artifactId = /^\/_objects\/artifacts\/(\d+)$/.exec(url.pathname)?.[1];
    if (artifactId !== undefined) {
      const artifact = actions.artifact(Number(artifactId));
      if (!artifact || url.searchParams.get('token') !== downloadSecret)
        return { status: 403, raw: Buffer.from('Forbidden'), headers: { 'content-type': 'text/plain' } };
      return { status: 200, raw: artifact.zip, headers: { 'content-type': 'application/zip' } };
    }
    const objectId = /^\/_objects\/release-assets\/(\d+)$/.exec(url.pathname)?.[1];
    if (objectId !== undefined) {
      const found = store.asset(Number(objectId));
      // The link's secret stands in for GitHub's signature: a guessed link gets nothing.
      if (!found || url.searchParams.get('token') !== downloadSecret)
        return { status: 403, raw: Buffer.from('Forbidden'), headers: { 'content-type': 'text/plain' } };
      return bytesReply(found.asset);
    }
    const prefix = `/${owner}/${repo}/releases/download/`;
    if (!url.pathname.startsWith(prefix)) return undefined;
    const [tag, name, extra] = url.pathname
      .slice(prefix.length)
      .split('/')
      .map((part) => safeDecode(part));
    const release = tag === undefined ? undefined : store.list().find((r) => r.tagName === tag);
    const asset = extra === undefined ? release?.assets.find((a) => a.name === name) : undefined;
    // Published assets are public (a public repository); a draft's only reach those with the token.
    const token = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!release || !asset || (release.draft && token !== options.token)) {
      return { status: 404, raw: Buffer.from('Not Found'), headers: { 'content-type': 'text/plain; charset=utf-8' } };
    }
    return bytesReply(asset);
  }

  function bytesReply(asset: StoredAsset): Reply {
    asset.downloadCount++;
    return {
      status: 200,
      raw: asset.bytes,
      headers: {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename=${asset.name}`,
      },
    };
  }

  function assetObjectPath(asset: StoredAsset): string {
    return `/_objects/release-assets/${asset.id}?token=${downloadSecret}`;
  }

  function takeFault(key: string): FaultRule | undefined {
    const rule = faults.find((f) => f.remaining > 0 && f.pattern.test(key));
    if (rule) rule.remaining--;
    return rule;
  }

  function addFault(
    pattern: RegExp,
    count: number,
    kind: FaultRule['kind'],
    status: number,
    failOptions: FailOptions,
  ): void {
    if (!Number.isInteger(count) || count < 1) throw new Error(`expected a positive count, got ${count}`);
    // Without the g/y flags, test() keeps no lastIndex state between requests.
    faults.push({
      pattern: new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')),
      remaining: count,
      kind,
      status,
      options: failOptions,
    });
  }

  function view(release: StoredRelease): ReleaseView {
    const json = releaseJson(ctx.current, release);
    return {
      id: release.id,
      tag: release.tagName,
      name: release.name,
      body: release.body,
      targetCommitish: release.targetCommitish,
      draft: release.draft,
      prerelease: release.prerelease,
      immutable: release.immutable,
      makeLatest: release.makeLatest,
      publishedAt: release.publishedAt,
      uploadUrl: String(json.upload_url),
      assets: release.assets.map((asset) => {
        const a = assetJson(ctx.current, release, asset);
        return {
          id: asset.id,
          name: asset.name,
          label: asset.label,
          contentType: asset.contentType,
          bytes: asset.bytes,
          url: String(a.url),
          browserDownloadUrl: String(a.browser_download_url),
          downloadCount: asset.downloadCount,
        };
      }),
    };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  ctx.current = { origin: `http://127.0.0.1:${port}`, owner, repo };

  return {
    url: ctx.current.origin,
    repository: `${owner}/${repo}`,
    requests,
    violations,
    attestations,
    dispatches,
    addRunReview: (runId, review) => reviews.set(runId, [...(reviews.get(runId) ?? []), review]),
    installationTokens: installation?.issued ?? [],
    revokeInstallationTokens() {
      if (installation === undefined) throw new Error('the double was started without an app');
      installation.revokeAll();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const res of hung) res.destroy();
        hung.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    addRelease(seed) {
      const assets = Object.entries(seed.assets ?? {}).map(([name, bytes]) => ({
        name,
        bytes: typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes),
        contentType: 'application/octet-stream',
      }));
      const release = store.seed({
        tag: seed.tag,
        assets,
        draft: seed.draft ?? false,
        prerelease: seed.prerelease ?? false,
        immutable: seed.immutable ?? store.immutableReleases,
        name: seed.name ?? seed.tag,
        body: seed.body ?? null,
        targetCommitish: seed.targetCommitish ?? defaultBranch,
      });
      return view(release);
    },
    getRelease(tag) {
      const release = store.list().find((r) => r.tagName === tag);
      return release ? view(release) : undefined;
    },
    listReleases: () => store.list().map(view),
    setImmutableReleases(enabled) {
      store.immutableReleases = enabled;
    },
    failNext(pattern, count, status, failOptions = {}) {
      if (!Number.isInteger(status) || status < 400 || status > 599)
        throw new Error(`expected an error status, got ${status}`);
      addFault(pattern, count, 'fail', status, failOptions);
    },
    dropNext(pattern, count = 1) {
      addFault(pattern, count, 'drop', 0, {});
    },
    hangNext(pattern, count = 1) {
      addFault(pattern, count, 'hang', 0, {});
    },
    addJob(seed) {
      actions.addJob(seed);
    },
    addArtifact(seed) {
      const artifact = actions.addArtifact(seed);
      return { id: artifact.id, digest: artifact.digest };
    },
    tamperNextResponse(operationId, tamper) {
      validator.operation(operationId);
      tampers.set(operationId, [...(tampers.get(operationId) ?? []), tamper]);
    },
  };
}

/** GitHub's 404 body. */
function notFound(documentationUrl: string): Record<string, unknown> {
  return { message: 'Not Found', documentation_url: documentationUrl, status: '404' };
}

/** GitHub's 422 "Validation Failed" body with its `errors` list. */
function validationFailed(documentationUrl: string, errors: Record<string, unknown>[]): Reply {
  return {
    status: 422,
    json: { message: 'Validation Failed', errors, documentation_url: documentationUrl, status: '422' },
  };
}

function wantsOctetStream(accept: string | undefined): boolean {
  return (accept ?? '')
    .split(',')
    .some((part) => part.split(';')[0]?.trim().toLowerCase() === 'application/octet-stream');
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, record: RequestRecord, reply: Reply): void {
  const payload = reply.json !== undefined ? Buffer.from(JSON.stringify(reply.json)) : (reply.raw ?? Buffer.alloc(0));
  const headers: Record<string, string> = {
    ...(reply.json !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    ...reply.headers,
    'content-length': String(payload.length),
  };
  record.status = reply.status;
  res.writeHead(reply.status, headers);
  res.end(payload);
}
