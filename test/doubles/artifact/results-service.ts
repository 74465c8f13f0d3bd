// A local double of GitHub's Actions "Results" service (Twirp ArtifactService), backed by a real
// Azurite blob store, so the real `@actions/artifact` client can upload and download on loopback.
//
// Wire contract, as the client (@actions/artifact 6.2.1) speaks it:
// - `POST {origin}/twirp/github.actions.results.api.v1.ArtifactService/{Method}`, header
//   `Authorization: Bearer <ACTIONS_RUNTIME_TOKEN>`, `Content-Type: application/json`.
// - Bodies are protobuf JSON with proto field names (`useProtoFieldName: true`): int64 as decimal
//   strings, google.protobuf wrappers as bare values, Timestamp as an RFC 3339 string.
// - Errors are Twirp JSON `{"code": "...", "msg": "..."}` with the matching HTTP status; the client
//   retries 429/500/502/503/504 and bodies that are not JSON, and fails at once on anything else.
// The upload and download themselves go straight to blob storage through SAS URLs this service
// signs into Azurite, as GitHub's signs into Azure Storage.
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BlobSASPermissions, RestError, SASProtocol, generateBlobSASQueryParameters } from '@azure/storage-blob';
import { startAzurite, type AzuriteHandle } from './azurite.ts';

export const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService';
export const ARTIFACT_METHODS = [
  'CreateArtifact',
  'FinalizeArtifact',
  'ListArtifacts',
  'GetSignedArtifactURL',
  'DeleteArtifact',
] as const;
export type ArtifactMethod = (typeof ARTIFACT_METHODS)[number];

/** The message GitHub's service returns for a duplicate artifact name in a run (seen in real job logs). */
export const ALREADY_EXISTS_MSG = 'an artifact with this name already exists on the workflow run';

type TwirpCode =
  | 'canceled'
  | 'unknown'
  | 'invalid_argument'
  | 'malformed'
  | 'deadline_exceeded'
  | 'not_found'
  | 'bad_route'
  | 'already_exists'
  | 'permission_denied'
  | 'unauthenticated'
  | 'resource_exhausted'
  | 'failed_precondition'
  | 'aborted'
  | 'out_of_range'
  | 'unimplemented'
  | 'internal'
  | 'unavailable'
  | 'dataloss';

// HTTP status for each Twirp error code, per the Twirp wire protocol.
const TWIRP_STATUS: Record<TwirpCode, number> = {
  canceled: 408,
  unknown: 500,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
};

class TwirpError extends Error {
  readonly code: TwirpCode;
  constructor(code: TwirpCode, msg: string) {
    super(msg);
    this.code = code;
  }
}

export interface ArtifactRecord {
  id: number;
  name: string;
  runBackendId: string;
  jobBackendId: string;
  container: string;
  blobName: string;
  mimeType: string | undefined;
  /** `version` the client sent in CreateArtifact (6.2.1 sends 7). */
  version: number;
  createdAt: Date;
  /** From CreateArtifact's `expires_at` (the client's `retentionDays`), clamped to the maximum. */
  expiresAt: Date | undefined;
  finalized: boolean;
  /** Size the client reported in FinalizeArtifact (checked against the blob). */
  size: number | undefined;
  /** `sha256:<hex>` the client reported in FinalizeArtifact (checked against the blob). */
  digest: string | undefined;
}

export interface RecordedCall {
  method: string;
  status: number;
  /** Twirp error code, when the call failed with one. */
  code?: string;
  /** Parsed request body (undefined if it was not JSON). */
  request: unknown;
  injected: boolean;
}

export interface ResultsServiceOptions {
  azurite: AzuriteHandle;
  /** Container the signed URLs point into (created if missing). Default `actions-results`. */
  container?: string;
  runBackendId?: string;
  jobBackendId?: string;
  /** Maximum retention the "repository" allows; longer `expires_at` is clamped. Default 90. */
  maxRetentionDays?: number;
  /** Lifetime of signed upload/download URLs. Default 1 hour. */
  sasLifetimeMs?: number;
}

export interface ResultsService {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  runBackendId: string;
  jobBackendId: string;
  container: string;
  /** Runtime token (JWT) for the default job; what `ACTIONS_RUNTIME_TOKEN` must hold. */
  token: string;
  /** Mint a token for another job of the same run (or another run). */
  tokenFor(jobBackendId: string, runBackendId?: string): string;
  /** Snapshot of every artifact created (pending and finalized), oldest first. */
  readonly artifacts: ArtifactRecord[];
  /** Every request that reached a Twirp route, in order. */
  readonly calls: RecordedCall[];
  /**
   * Make the next `count` calls of `method` fail with HTTP `status` before they are processed.
   * Statuses with a Twirp code get a Twirp JSON body; 502/504 get an HTML body like a gateway's.
   */
  failNext(method: ArtifactMethod, count?: number, status?: number): void;
  /** The bytes of an artifact's blob, read from Azurite with the account key. */
  readBlob(artifact: Pick<ArtifactRecord, 'container' | 'blobName'>): Promise<Buffer>;
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Runtime token: header.payload.signature, base64url, HS256 with a per-service secret. The client
// only decodes it (jwt-decode) and reads `scp`; the double verifies the signature and expiry.

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

function signJwt(secret: Buffer, payload: Record<string, unknown>): string {
  const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
  const body = b64url(JSON.stringify(payload));
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

interface TokenIds {
  runBackendId: string;
  jobBackendId: string;
}

function verifyJwt(secret: Buffer, token: string): TokenIds {
  const parts = token.split('.');
  if (parts.length !== 3) throw new TwirpError('unauthenticated', 'malformed bearer token');
  const [head = '', body = '', sig = ''] = parts;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new TwirpError('unauthenticated', 'invalid token signature');
  }
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new TwirpError('unauthenticated', 'malformed token payload');
  }
  if (typeof claims !== 'object' || claims === null) {
    throw new TwirpError('unauthenticated', 'malformed token payload');
  }
  const c = claims as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);
  if (typeof c['exp'] !== 'number' || c['exp'] <= now) throw new TwirpError('unauthenticated', 'token expired');
  if (typeof c['nbf'] === 'number' && c['nbf'] > now + 60) {
    throw new TwirpError('unauthenticated', 'token not yet valid');
  }
  const scp = typeof c['scp'] === 'string' ? c['scp'] : '';
  for (const scope of scp.split(' ')) {
    const [kind, run, job, ...rest] = scope.split(':');
    if (kind === 'Actions.Results' && run && job && rest.length === 0) {
      return { runBackendId: run, jobBackendId: job };
    }
  }
  throw new TwirpError('permission_denied', 'token has no Actions.Results scope');
}

// ---------------------------------------------------------------------------------------------
// Strict protobuf-JSON field readers: unknown fields are rejected, so a field-name mismatch with
// the real client shows up as a test failure rather than being silently ignored.

type Body = Record<string, unknown>;

function checkFields(body: Body, allowed: readonly string[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw new TwirpError('malformed', `unknown field "${key}"`);
  }
}

function str(body: Body, field: string, required: boolean): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) {
    if (required) throw new TwirpError('invalid_argument', `${field} is required`);
    return undefined;
  }
  if (typeof v !== 'string') throw new TwirpError('malformed', `${field} must be a string`);
  if (required && v === '') throw new TwirpError('invalid_argument', `${field} is required`);
  return v;
}

/** int64 in proto3 JSON: a decimal string (what protobuf-ts emits) or a JSON number. */
function int64(body: Body, field: string): bigint | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  throw new TwirpError('malformed', `${field} must be an int64`);
}

function int32(body: Body, field: string): number | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  throw new TwirpError('malformed', `${field} must be an int32`);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function timestamp(body: Body, field: string): Date | undefined {
  const v = str(body, field, false);
  if (v === undefined) return undefined;
  const d = new Date(v);
  if (!RFC3339.test(v) || Number.isNaN(d.getTime())) {
    throw new TwirpError('malformed', `${field} must be an RFC 3339 timestamp`);
  }
  return d;
}

// Characters the client itself refuses in artifact names; the service is assumed to agree.
const FORBIDDEN_NAME = /["<>|*?:\r\n\\/]/;

// ---------------------------------------------------------------------------------------------

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > limit) throw new TwirpError('malformed', 'request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function codeForStatus(status: number): TwirpCode | undefined {
  const preferred: Record<number, TwirpCode> = {
    400: 'invalid_argument',
    401: 'unauthenticated',
    403: 'permission_denied',
    404: 'not_found',
    408: 'deadline_exceeded',
    409: 'already_exists',
    412: 'failed_precondition',
    429: 'resource_exhausted',
    500: 'internal',
    501: 'unimplemented',
    503: 'unavailable',
  };
  return preferred[status];
}

function blobPath(container: string, blobName: string): string {
  return `${container}/${blobName.split('/').map(encodeURIComponent).join('/')}`;
}

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function startResultsService(options: ResultsServiceOptions): Promise<ResultsService> {
  const { azurite } = options;
  const container = options.container ?? 'actions-results';
  const runBackendId = options.runBackendId ?? randomUUID();
  const jobBackendId = options.jobBackendId ?? randomUUID();
  const maxRetentionDays = options.maxRetentionDays ?? 90;
  const sasLifetimeMs = options.sasLifetimeMs ?? 60 * 60 * 1000;
  const secret = randomBytes(32);
  await azurite.createContainer(container);
  const containerClient = azurite.serviceClient.getContainerClient(container);

  const records: ArtifactRecord[] = [];
  const calls: RecordedCall[] = [];
  const failures = new Map<string, { count: number; status: number }>();
  let nextId = 1_000_000 + Math.floor(Math.random() * 1_000_000);

  const tokenFor = (job: string, run: string = runBackendId): string => {
    const now = Math.floor(Date.now() / 1000);
    return signJwt(secret, {
      iss: 'https://token.actions.githubusercontent.invalid',
      aud: 'vso:results-double',
      nbf: now - 60,
      iat: now,
      exp: now + 6 * 60 * 60,
      scp: `Actions.ExampleScope Actions.Results:${run}:${job}`,
    });
  };

  const signUrl = (record: ArtifactRecord, permissions: string, fileName?: string): string => {
    const now = Date.now();
    const sas = generateBlobSASQueryParameters(
      {
        containerName: record.container,
        blobName: record.blobName,
        permissions: BlobSASPermissions.parse(permissions),
        startsOn: new Date(now - 5 * 60 * 1000),
        expiresOn: new Date(now + sasLifetimeMs),
        protocol: SASProtocol.HttpsAndHttp,
        ...(fileName ? { contentDisposition: contentDisposition(fileName) } : {}),
      },
      azurite.credential,
    ).toString();
    return `${azurite.blobUrl}/${blobPath(record.container, record.blobName)}?${sas}`;
  };

  /** Size and sha256 of the committed blob, or undefined if nothing was committed. */
  const inspectBlob = async (record: ArtifactRecord): Promise<{ size: number; sha256: string } | undefined> => {
    try {
      const download = await containerClient.getBlobClient(record.blobName).download();
      const hash = createHash('sha256');
      let size = 0;
      const stream = download.readableStreamBody;
      if (stream) {
        for await (const chunk of stream) {
          const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
          size += buf.length;
          hash.update(buf);
        }
      }
      return { size, sha256: hash.digest('hex') };
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
  };

  const requireOwnIds = (ids: TokenIds, run: string, job: string): void => {
    if (run !== ids.runBackendId || job !== ids.jobBackendId) {
      throw new TwirpError('permission_denied', 'workflow run/job backend ids do not match the token');
    }
  };

  const live = (r: ArtifactRecord): boolean => r.expiresAt === undefined || r.expiresAt.getTime() > Date.now();

  const handlers: Record<ArtifactMethod, (ids: TokenIds, body: Body) => Promise<unknown>> = {
    async CreateArtifact(ids, body) {
      checkFields(body, [
        'workflow_run_backend_id',
        'workflow_job_run_backend_id',
        'name',
        'expires_at',
        'version',
        'mime_type',
      ]);
      const run = str(body, 'workflow_run_backend_id', true) ?? '';
      const job = str(body, 'workflow_job_run_backend_id', true) ?? '';
      const name = str(body, 'name', true) ?? '';
      const version = int32(body, 'version');
      const mimeType = str(body, 'mime_type', false);
      let expiresAt = timestamp(body, 'expires_at');
      requireOwnIds(ids, run, job);
      if (FORBIDDEN_NAME.test(name)) throw new TwirpError('invalid_argument', `invalid artifact name "${name}"`);
      if (version === undefined || version < 4) {
        throw new TwirpError('invalid_argument', 'unsupported artifact version');
      }
      if (expiresAt !== undefined) {
        if (expiresAt.getTime() <= Date.now()) throw new TwirpError('invalid_argument', 'expires_at is in the past');
        const max = Date.now() + maxRetentionDays * 24 * 60 * 60 * 1000;
        if (expiresAt.getTime() > max) expiresAt = new Date(max);
      }
      // Names are unique per workflow run (across its jobs). Checked and claimed synchronously.
      if (records.some((r) => r.runBackendId === run && r.name === name)) {
        throw new TwirpError('already_exists', ALREADY_EXISTS_MSG);
      }
      const fileName = mimeType === 'application/zip' ? `${name}.zip` : name;
      const record: ArtifactRecord = {
        id: nextId++,
        name,
        runBackendId: run,
        jobBackendId: job,
        container,
        blobName: `${run}/workflow-job-run-${job}/artifacts/${createHash('sha256').update(name).digest('hex')}${
          fileName.endsWith('.zip') ? '.zip' : ''
        }`,
        mimeType,
        version,
        createdAt: new Date(),
        expiresAt,
        finalized: false,
        size: undefined,
        digest: undefined,
      };
      records.push(record);
      return { ok: true, signed_upload_url: signUrl(record, 'cw') };
    },

    async FinalizeArtifact(ids, body) {
      checkFields(body, ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name', 'size', 'hash']);
      const run = str(body, 'workflow_run_backend_id', true) ?? '';
      const job = str(body, 'workflow_job_run_backend_id', true) ?? '';
      const name = str(body, 'name', true) ?? '';
      const size = int64(body, 'size');
      const hash = str(body, 'hash', false);
      requireOwnIds(ids, run, job);
      const record = records.find((r) => r.runBackendId === run && r.jobBackendId === job && r.name === name);
      if (!record) throw new TwirpError('not_found', 'artifact not found');
      if (record.finalized) throw new TwirpError('failed_precondition', 'artifact is already finalized');
      if (size === undefined || size < 0n) throw new TwirpError('invalid_argument', 'size is required');
      if (hash !== undefined && !/^sha256:[0-9a-f]{64}$/.test(hash)) {
        throw new TwirpError('invalid_argument', 'hash must be sha256:<64 hex digits>');
      }
      const blob = await inspectBlob(record);
      if (!blob) throw new TwirpError('failed_precondition', 'no uploaded content found for artifact');
      if (BigInt(blob.size) !== size) {
        throw new TwirpError('invalid_argument', `size ${size} does not match uploaded size ${blob.size}`);
      }
      if (hash !== undefined && hash !== `sha256:${blob.sha256}`) {
        throw new TwirpError('invalid_argument', 'hash does not match uploaded content');
      }
      if (record.finalized) throw new TwirpError('failed_precondition', 'artifact is already finalized');
      record.finalized = true;
      record.size = blob.size;
      record.digest = hash;
      return { ok: true, artifact_id: String(record.id) };
    },

    async ListArtifacts(ids, body) {
      checkFields(body, ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name_filter', 'id_filter']);
      const run = str(body, 'workflow_run_backend_id', true) ?? '';
      const job = str(body, 'workflow_job_run_backend_id', true) ?? '';
      const nameFilter = str(body, 'name_filter', false);
      const idFilter = int64(body, 'id_filter');
      requireOwnIds(ids, run, job);
      const artifacts = records
        .filter((r) => r.runBackendId === run && r.finalized && live(r))
        .filter((r) => nameFilter === undefined || r.name === nameFilter)
        .filter((r) => idFilter === undefined || BigInt(r.id) === idFilter)
        .map((r) => ({
          workflow_run_backend_id: r.runBackendId,
          workflow_job_run_backend_id: r.jobBackendId,
          database_id: String(r.id),
          name: r.name,
          size: String(r.size ?? 0),
          created_at: r.createdAt.toISOString(),
          ...(r.digest ? { digest: r.digest } : {}),
        }));
      return { artifacts };
    },

    async GetSignedArtifactURL(ids, body) {
      checkFields(body, ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name']);
      const run = str(body, 'workflow_run_backend_id', true) ?? '';
      const job = str(body, 'workflow_job_run_backend_id', true) ?? '';
      const name = str(body, 'name', true) ?? '';
      // The client sends the *uploading* job's id (from ListArtifacts), which may be another job
      // of this run: only the run has to match the token.
      if (run !== ids.runBackendId) {
        throw new TwirpError('permission_denied', 'workflow run backend id does not match the token');
      }
      const record = records.find(
        (r) => r.runBackendId === run && r.jobBackendId === job && r.name === name && r.finalized && live(r),
      );
      if (!record) throw new TwirpError('not_found', 'artifact not found');
      const fileName = record.blobName.endsWith('.zip') ? `${record.name}.zip` : record.name;
      return { signed_url: signUrl(record, 'r', fileName) };
    },

    async DeleteArtifact(ids, body) {
      checkFields(body, ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name']);
      const run = str(body, 'workflow_run_backend_id', true) ?? '';
      const job = str(body, 'workflow_job_run_backend_id', true) ?? '';
      const name = str(body, 'name', true) ?? '';
      // Like GetSignedArtifactURL, the client sends the uploading job's id (from ListArtifacts).
      if (run !== ids.runBackendId) {
        throw new TwirpError('permission_denied', 'workflow run backend id does not match the token');
      }
      const index = records.findIndex(
        (r) => r.runBackendId === run && r.jobBackendId === job && r.name === name && r.finalized,
      );
      const record = records[index];
      if (!record) throw new TwirpError('not_found', 'artifact not found');
      records.splice(index, 1);
      await containerClient.getBlobClient(record.blobName).deleteIfExists();
      return { ok: true, artifact_id: String(record.id) };
    },
  };

  const prefix = `/twirp/${ARTIFACT_SERVICE}/`;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://double.invalid');
    const method = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : '';
    if (req.method !== 'POST' || !(ARTIFACT_METHODS as readonly string[]).includes(method)) {
      req.resume();
      sendJson(res, 404, { code: 'bad_route', msg: `no handler for ${req.method} ${url.pathname}` });
      return;
    }
    const call: RecordedCall = { method, status: 0, request: undefined, injected: false };
    calls.push(call);
    const fail = (error: TwirpError): void => {
      call.status = TWIRP_STATUS[error.code];
      call.code = error.code;
      sendJson(res, call.status, { code: error.code, msg: error.message });
    };
    try {
      const raw = await readBody(req, 1024 * 1024);
      try {
        call.request = JSON.parse(raw.toString('utf8'));
      } catch {
        call.request = undefined;
      }

      const injected = failures.get(method);
      if (injected && injected.count > 0) {
        injected.count -= 1;
        call.injected = true;
        call.status = injected.status;
        const code = codeForStatus(injected.status);
        if (code) {
          call.code = code;
          sendJson(res, injected.status, { code, msg: `injected failure (${injected.status})` });
        } else {
          const html = `<html><body><h1>${injected.status}</h1>injected gateway failure</body></html>`;
          res.writeHead(injected.status, { 'content-type': 'text/html' });
          res.end(html);
        }
        return;
      }

      const auth = req.headers.authorization ?? '';
      const bearer = /^Bearer (\S+)$/.exec(auth);
      if (!bearer?.[1]) throw new TwirpError('unauthenticated', 'missing bearer token');
      const ids = verifyJwt(secret, bearer[1]);

      const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (contentType !== 'application/json') {
        throw new TwirpError('bad_route', `unexpected Content-Type: ${JSON.stringify(contentType)}`);
      }
      const body = call.request;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new TwirpError('malformed', 'request body must be a JSON object');
      }
      const result = await handlers[method as ArtifactMethod](ids, body as Body);
      call.status = 200;
      sendJson(res, 200, result);
    } catch (error) {
      if (error instanceof TwirpError) fail(error);
      else fail(new TwirpError('internal', error instanceof Error ? error.message : String(error)));
    }
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let stopped: Promise<void> | undefined;
  return {
    origin: `http://127.0.0.1:${port}`,
    runBackendId,
    jobBackendId,
    container,
    token: tokenFor(jobBackendId),
    tokenFor,
    get artifacts(): ArtifactRecord[] {
      return records.map((r) => ({ ...r }));
    },
    get calls(): RecordedCall[] {
      return calls.map((c) => ({ ...c }));
    },
    failNext(method: ArtifactMethod, count = 1, status = 503): void {
      failures.set(method, { count, status });
    },
    async readBlob(artifact): Promise<Buffer> {
      return azurite.serviceClient
        .getContainerClient(artifact.container)
        .getBlobClient(artifact.blobName)
        .downloadToBuffer();
    },
    stop(): Promise<void> {
      stopped ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}

// ---------------------------------------------------------------------------------------------

export interface ArtifactBackend {
  /** Environment the real `@actions/artifact` client needs (apply to process.env). */
  env: Record<string, string>;
  service: ResultsService;
  azurite: AzuriteHandle;
  stop(): Promise<void>;
}

export interface ArtifactBackendOptions {
  repository?: string;
  runId?: string;
  maxRetentionDays?: number;
}

export async function startArtifactBackend(options: ArtifactBackendOptions = {}): Promise<ArtifactBackend> {
  const azurite = await startAzurite();
  let service: ResultsService;
  try {
    service = await startResultsService({ azurite, maxRetentionDays: options.maxRetentionDays ?? 90 });
  } catch (error) {
    await azurite.stop();
    throw error;
  }
  const repository = options.repository ?? 'octo-org/octo-repo';
  const env: Record<string, string> = {
    // Read by the client (lib/internal/shared/config.js, util.js, upload/retention.js):
    ACTIONS_RUNTIME_TOKEN: service.token,
    // The client keeps only the origin; the runner's value ends with '/', so this one does too.
    ACTIONS_RESULTS_URL: `${service.origin}/`,
    // Must be github.com, *.ghe.com or *.localhost, or the client refuses (GHES is unsupported).
    GITHUB_SERVER_URL: 'https://github.com',
    // The repository's retention limit; the client clamps retentionDays to it.
    GITHUB_RETENTION_DAYS: String(options.maxRetentionDays ?? 90),
    // Not read by the client's upload/download path; set as the runner does so callers can
    // build run-unique artifact names.
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? '',
    GITHUB_RUN_ID: options.runId ?? String(10_000_000_000 + Math.floor(Math.random() * 1_000_000_000)),
    GITHUB_RUN_ATTEMPT: '1',
  };
  let stopped: Promise<void> | undefined;
  return {
    env,
    service,
    azurite,
    stop(): Promise<void> {
      stopped ??= (async () => {
        try {
          await service.stop();
        } finally {
          await azurite.stop();
        }
      })();
      return stopped;
    },
  };
}
