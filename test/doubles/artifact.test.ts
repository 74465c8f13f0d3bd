// The real @actions/artifact client against the local Results-service double + Azurite.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { BlockBlobClient } from '@azure/storage-blob';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ALREADY_EXISTS_MSG,
  ARTIFACT_SERVICE,
  startArtifactBackend,
  type ArtifactBackend,
  type RecordedCall,
} from './artifact/results-service.ts';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const DAY = 24 * 60 * 60 * 1000;

function isRunning(pid: number): boolean {
  try {
    execFileSync('ps', ['-o', 'pid=', '-p', String(pid)], { stdio: 'pipe' });
    return true;
  } catch {
    return false; // ps exits 1 when no such process
  }
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe('Results-service double + Azurite with the real @actions/artifact client', () => {
  let backend: ArtifactBackend;
  let work: string;
  let srcRoot: string;
  const savedEnv = new Map<string, string | undefined>();
  const fixture = new Map<string, Buffer>(); // relative path -> bytes

  // @actions/core writes info/debug/::add-mask:: lines straight to stdout; keep them for
  // assertions (retry messages) and print them only when a test fails.
  const originalWrite = process.stdout.write;
  let coreLog: string[] = [];

  const applyEnv = (env: Record<string, string>): void => {
    for (const [key, value] of Object.entries(env)) {
      if (!savedEnv.has(key)) savedEnv.set(key, process.env[key]);
      process.env[key] = value;
    }
  };

  const callsSince = (mark: number): RecordedCall[] => backend.service.calls.slice(mark);

  const twirp = async (method: string, body: unknown, token = backend.service.token): Promise<Response> =>
    fetch(`${backend.service.origin}/twirp/${ARTIFACT_SERVICE}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      coreLog.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;

    backend = await startArtifactBackend();
    applyEnv(backend.env);

    work = await mkdtemp(path.join(tmpdir(), 'artifact-double-'));
    srcRoot = path.join(work, 'src');
    const binary = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(300 * 1024)]);
    fixture.set(
      'records/snapshot.json',
      Buffer.from(JSON.stringify({ name: 'restart-service', status: 'ok' }, null, 2)),
    );
    fixture.set('records/run.log', Buffer.from('step 1: ok\nstep 2: naïve “quotes” ✓\n'.repeat(200)));
    fixture.set('nested/deep/dir/payload.bin', binary);
    fixture.set('empty.txt', Buffer.alloc(0));
    for (const [rel, bytes] of fixture) {
      const file = path.join(srcRoot, rel);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    }
  }, 60_000);

  afterEach((context) => {
    if (context.task.result?.state === 'fail') {
      originalWrite.call(process.stdout, `--- @actions/core output ---\n${coreLog.join('')}\n`);
    }
    coreLog = [];
  });

  afterAll(async () => {
    process.stdout.write = originalWrite;
    for (const [key, value] of savedEnv) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await backend?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  }, 30_000);

  const files = (): string[] => [...fixture.keys()].map((rel) => path.join(srcRoot, rel));
  let uploaded: { id: number; size: number; digest: string; name: string };

  it('uploads a zip with retention, and id/size/digest match the blob in Azurite', async () => {
    const client = new DefaultArtifactClient();
    const name = `run-record-${backend.env['GITHUB_RUN_ID']}-1`;
    const mark = backend.service.calls.length;
    const started = Date.now();
    const result = await client.uploadArtifact(name, files(), srcRoot, { retentionDays: 7 });

    const record = backend.service.artifacts.find((a) => a.name === name);
    expect(record).toBeDefined();
    if (!record) return;
    const blob = await backend.service.readBlob(record);
    expect(blob.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04')); // a zip, as the client builds it

    expect(result.id).toBe(record.id);
    expect(result.size).toBe(blob.length);
    expect(record.size).toBe(blob.length);
    expect(result.digest).toBe(sha256(blob));
    expect(record.digest).toBe(`sha256:${sha256(blob)}`);
    expect(record.finalized).toBe(true);
    expect(record.version).toBe(7);
    expect(record.mimeType).toBe('application/zip');
    expect(record.blobName.endsWith('.zip')).toBe(true);
    const expires = record.expiresAt?.getTime() ?? 0;
    expect(expires).toBeGreaterThanOrEqual(started + 7 * DAY - 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 7 * DAY + 60_000);

    const calls = callsSince(mark);
    expect(calls.map((c) => [c.method, c.status])).toEqual([
      ['CreateArtifact', 200],
      ['FinalizeArtifact', 200],
    ]);
    // Exactly the proto field names the real client put on the wire.
    expect(Object.keys(calls[0]?.request as object).sort()).toEqual(
      ['expires_at', 'mime_type', 'name', 'version', 'workflow_job_run_backend_id', 'workflow_run_backend_id'].sort(),
    );
    expect(calls[1]?.request).toEqual({
      workflow_run_backend_id: backend.service.runBackendId,
      workflow_job_run_backend_id: backend.service.jobBackendId,
      name,
      size: String(blob.length),
      hash: `sha256:${sha256(blob)}`,
    });
    uploaded = { id: result.id ?? -1, size: result.size ?? -1, digest: result.digest ?? '', name };
  });

  it('lists, gets and downloads it back byte for byte with the real client', async () => {
    const client = new DefaultArtifactClient();
    const { artifacts } = await client.listArtifacts();
    expect(artifacts).toContainEqual(
      expect.objectContaining({
        name: uploaded.name,
        id: uploaded.id,
        size: uploaded.size,
        digest: `sha256:${uploaded.digest}`,
      }),
    );
    const { artifact } = await client.getArtifact(uploaded.name);
    expect(artifact.id).toBe(uploaded.id);

    const dest = path.join(work, 'download-1');
    const res = await client.downloadArtifact(uploaded.id, { path: dest, expectedHash: `sha256:${uploaded.digest}` });
    expect(res.downloadPath).toBe(dest);
    expect(res.digestMismatch).toBe(false);
    expect(await listFiles(dest)).toEqual([...fixture.keys()].sort());
    for (const [rel, bytes] of fixture) {
      expect((await readFile(path.join(dest, rel))).equals(bytes), rel).toBe(true);
    }
  });

  it('rejects a second upload of the same name in the run with 409 already_exists, from any job', async () => {
    const client = new DefaultArtifactClient();
    const mark = backend.service.calls.length;
    await expect(client.uploadArtifact(uploaded.name, files(), srcRoot)).rejects.toThrow(
      `Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: ${ALREADY_EXISTS_MSG}`,
    );
    // Not retried, and nothing was uploaded.
    expect(callsSince(mark).map((c) => [c.method, c.status, c.code])).toEqual([
      ['CreateArtifact', 409, 'already_exists'],
    ]);

    // The raw Twirp error, as GitHub sends it.
    const raw = await twirp('CreateArtifact', {
      workflow_run_backend_id: backend.service.runBackendId,
      workflow_job_run_backend_id: backend.service.jobBackendId,
      name: uploaded.name,
      version: 7,
    });
    expect(raw.status).toBe(409);
    expect(raw.headers.get('content-type')).toBe('application/json');
    expect(await raw.json()).toEqual({ code: 'already_exists', msg: ALREADY_EXISTS_MSG });

    // Another job of the same run: names are unique per run, but it can download the artifact.
    const otherJobToken = backend.service.tokenFor(randomUUID());
    const ownToken = process.env['ACTIONS_RUNTIME_TOKEN'];
    process.env['ACTIONS_RUNTIME_TOKEN'] = otherJobToken;
    try {
      await expect(client.uploadArtifact(uploaded.name, files(), srcRoot)).rejects.toThrow('(409) Conflict');
      const dest = path.join(work, 'download-other-job');
      await client.downloadArtifact(uploaded.id, { path: dest });
      const payload = fixture.get('nested/deep/dir/payload.bin') ?? Buffer.alloc(1);
      expect((await readFile(path.join(dest, 'nested/deep/dir/payload.bin'))).equals(payload)).toBe(true);
    } finally {
      process.env['ACTIONS_RUNTIME_TOKEN'] = ownToken;
    }
    expect(backend.service.artifacts.filter((a) => a.name === uploaded.name)).toHaveLength(1);
  });

  it('retries transient 5xx from the Results service (503 on Create, HTML 502 on Finalize)', async () => {
    const client = new DefaultArtifactClient();
    const name = 'retried-record';
    backend.service.failNext('CreateArtifact', 1, 503);
    backend.service.failNext('FinalizeArtifact', 1, 502);
    const mark = backend.service.calls.length;
    const started = Date.now();
    const result = await client.uploadArtifact(name, files(), srcRoot);
    const elapsed = Date.now() - started;

    expect(callsSince(mark).map((c) => [c.method, c.status, c.injected])).toEqual([
      ['CreateArtifact', 503, true],
      ['CreateArtifact', 200, false],
      ['FinalizeArtifact', 502, true],
      ['FinalizeArtifact', 200, false],
    ]);
    const log = coreLog.join('');
    expect(log).toContain(
      'Attempt 1 of 5 failed with error: Failed request: (503) Service Unavailable: injected failure (503). Retrying request in 3000 ms...',
    );
    expect(log).toMatch(/Attempt 1 of 5 failed with error: .*JSON.*Retrying request in 3000 ms/);
    // The client's fixed first back-off is 3 s per retried call.
    expect(elapsed).toBeGreaterThanOrEqual(5900);
    const record = backend.service.artifacts.find((a) => a.name === name);
    expect(result.id).toBe(record?.id);
    expect(record?.finalized).toBe(true);
  });

  it('fails at once on a token the service did not sign (401) and on ids outside the token scope (403)', async () => {
    const client = new DefaultArtifactClient();
    const token = backend.service.token;
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${Buffer.from('forged').toString('base64url')}`;
    process.env['ACTIONS_RUNTIME_TOKEN'] = forged;
    try {
      await expect(client.uploadArtifact('forged', files(), srcRoot)).rejects.toThrow(
        '(401) Unauthorized: invalid token signature',
      );
    } finally {
      process.env['ACTIONS_RUNTIME_TOKEN'] = token;
    }
    const raw = await twirp('CreateArtifact', {
      workflow_run_backend_id: randomUUID(),
      workflow_job_run_backend_id: backend.service.jobBackendId,
      name: 'other-run',
      version: 7,
    });
    expect(raw.status).toBe(403);
    expect(((await raw.json()) as { code: string }).code).toBe('permission_denied');
  });

  it('is strict about the wire format and checks size and hash against the blob on finalize', async () => {
    const ids = {
      workflow_run_backend_id: backend.service.runBackendId,
      workflow_job_run_backend_id: backend.service.jobBackendId,
    };
    // camelCase (JSON names instead of proto names) is rejected, not ignored.
    const camel = await twirp('CreateArtifact', {
      workflowRunBackendId: ids.workflow_run_backend_id,
      name: 'x',
      version: 7,
    });
    expect(camel.status).toBe(400);
    expect(((await camel.json()) as { code: string }).code).toBe('malformed');

    const created = await twirp('CreateArtifact', {
      ...ids,
      name: 'hand-made',
      version: 7,
      mime_type: 'application/zip',
    });
    expect(created.status).toBe(200);
    const { ok, signed_upload_url: uploadUrl } = (await created.json()) as { ok: boolean; signed_upload_url: string };
    expect(ok).toBe(true);
    const sas = new URL(uploadUrl).searchParams;
    expect(sas.get('sp')).toBe('cw');
    expect(sas.get('sig')).toBeTruthy();

    const content = randomBytes(4096);
    await new BlockBlobClient(uploadUrl).upload(content, content.length);
    // The upload SAS cannot read the blob back.
    await expect(new BlockBlobClient(uploadUrl).downloadToBuffer()).rejects.toMatchObject({ statusCode: 403 });

    const finalize = (size: number, hash: string): Promise<Response> =>
      twirp('FinalizeArtifact', { ...ids, name: 'hand-made', size: String(size), hash });
    const badHash = await finalize(content.length, `sha256:${'0'.repeat(64)}`);
    expect(badHash.status).toBe(400);
    expect(await badHash.json()).toEqual({ code: 'invalid_argument', msg: 'hash does not match uploaded content' });
    const badSize = await finalize(content.length + 1, `sha256:${sha256(content)}`);
    expect(badSize.status).toBe(400);
    const good = await finalize(content.length, `sha256:${sha256(content)}`);
    expect(good.status).toBe(200);
    const body = (await good.json()) as { ok: boolean; artifact_id: string };
    expect(body.ok).toBe(true);
    expect(body.artifact_id).toMatch(/^\d+$/);
    expect(backend.service.artifacts.find((a) => a.name === 'hand-made')?.id).toBe(Number(body.artifact_id));
  });

  it('round-trips a single unzipped file (skipArchive)', async () => {
    const client = new DefaultArtifactClient();
    const file = path.join(srcRoot, 'records', 'snapshot.json');
    const result = await client.uploadArtifact('ignored', [file], srcRoot, { skipArchive: true });
    const record = backend.service.artifacts.find((a) => a.id === result.id);
    expect(record?.name).toBe('snapshot.json');
    expect(record?.mimeType).toBe('application/json');
    const dest = path.join(work, 'download-raw');
    await client.downloadArtifact(result.id ?? -1, { path: dest });
    expect(await listFiles(dest)).toEqual(['snapshot.json']);
    expect((await readFile(path.join(dest, 'snapshot.json'))).equals(await readFile(file))).toBe(true);
  });

  it('deletes an artifact from another job of the run, after which the name can be uploaded again', async () => {
    const client = new DefaultArtifactClient();
    const name = 'retried-record';
    const before = backend.service.artifacts.find((a) => a.name === name);
    expect(before).toBeDefined();
    const ownToken = process.env['ACTIONS_RUNTIME_TOKEN'];
    process.env['ACTIONS_RUNTIME_TOKEN'] = backend.service.tokenFor(randomUUID());
    try {
      expect(await client.deleteArtifact(name)).toEqual({ id: before?.id });
    } finally {
      process.env['ACTIONS_RUNTIME_TOKEN'] = ownToken;
    }
    expect(backend.service.artifacts.find((a) => a.name === name)).toBeUndefined();
    if (before) {
      await expect(backend.service.readBlob(before)).rejects.toMatchObject({ statusCode: 404 });
    }
    const again = await client.uploadArtifact(name, files(), srcRoot);
    expect(again.id).not.toBe(before?.id);
  });

  it('stops Azurite and the service and leaves no process behind', async () => {
    const { pid } = backend.azurite;
    const origin = backend.service.origin;
    expect(isRunning(pid)).toBe(true);
    await backend.stop();
    expect(isRunning(pid)).toBe(false);
    await expect(fetch(origin)).rejects.toThrow();
    await expect(fetch(backend.azurite.blobUrl)).rejects.toThrow();
  });
});
