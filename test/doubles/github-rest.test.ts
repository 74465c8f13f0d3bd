import { execFileSync } from 'node:child_process';
import { createHash, createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TempRepo } from '../helpers/git-repo.ts';
import { startGitHubDouble, type GitHubDouble, type GitHubDoubleOptions } from './github-rest/server.ts';
import { OPENAPI_SUBSET_FILE, OpenApiValidator, toJsonSchema } from './github-rest/openapi-validator.ts';

const TOKEN = 'ghs_test-token-0123456789';
const OWNER_REPO = 'octo-org/remediations';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let repo: TempRepo;
let headCommit: string;
let headTree: string;
let tagObject: string;
const SCRIPT = '#!/bin/sh\necho "fixing $1"\n';

beforeAll(() => {
  repo = new TempRepo();
  repo.write('README.md', '# remediations\n');
  repo.write('remediations/disk-cleanup/run.sh', SCRIPT, 0o755);
  repo.write('remediations/disk-cleanup/remediation.yml', 'name: disk-cleanup\n'.repeat(20));
  headCommit = repo.commit('add disk-cleanup');
  headTree = repo.git('rev-parse', 'HEAD^{tree}').trim();
  repo.git('tag', '-a', 'disk-cleanup/v1.0.0', '-m', 'disk-cleanup 1.0.0');
  repo.git('tag', 'lightweight');
  tagObject = repo.git('rev-parse', 'refs/tags/disk-cleanup/v1.0.0').trim();
});

afterAll(() => repo.remove());

const doubles: GitHubDouble[] = [];
afterEach(async () => {
  await Promise.all(doubles.splice(0).map((d) => d.close()));
});

async function start(options: Partial<GitHubDoubleOptions> = {}): Promise<GitHubDouble> {
  const double = await startGitHubDouble({ token: TOKEN, gitDir: repo.dir, repository: OWNER_REPO, ...options });
  doubles.push(double);
  return double;
}

/** Calls the double the way octokit does: token, GitHub's media type and API version headers. */
function call(
  double: GitHubDouble,
  path: string,
  init: RequestInit & { headers?: Record<string, string> } = {},
): Promise<Response> {
  const url = path.startsWith('http') ? path : `${double.url}${path}`;
  return fetch(url, {
    ...init,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      ...init.headers,
    },
  });
}

function postJson(double: GitHubDouble, path: string, body: unknown, method = 'POST'): Promise<Response> {
  return call(double, path, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
}

/** Expands the `{?name,label}` upload template the way a client does. */
function uploadTarget(uploadUrl: string, name: string): string {
  return `${uploadUrl.replace(/\{\?[^}]*\}$/, '')}?name=${encodeURIComponent(name)}`;
}

function upload(
  double: GitHubDouble,
  uploadUrl: string,
  name: string,
  bytes: string | Uint8Array,
  contentType = 'application/octet-stream',
): Promise<Response> {
  const body = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return call(double, uploadTarget(uploadUrl, name), {
    method: 'POST',
    body,
    headers: { 'content-type': contentType },
  });
}

interface ReleaseBody {
  id: number;
  tag_name: string;
  draft: boolean;
  immutable: boolean;
  published_at: string | null;
  upload_url: string;
  name: string | null;
  assets: {
    id: number;
    name: string;
    url: string;
    browser_download_url: string;
    size: number;
    state: string;
    content_type: string;
  }[];
}

const R = `/repos/${OWNER_REPO}`;

describe('the OpenAPI subset', () => {
  it('is what the extractor writes from the installed @octokit/openapi', () => {
    // Fails when @octokit/openapi is bumped without regenerating the fixture.
    const out = execFileSync(process.execPath, ['scripts/extract-github-openapi.mjs', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out).toContain('up to date');
    const subset = JSON.parse(readFileSync(OPENAPI_SUBSET_FILE, 'utf8')) as {
      $comment: string;
      operations: { operationId: string }[];
    };
    expect(subset.$comment).toContain('node scripts/extract-github-openapi.mjs');
    expect(subset.operations.map((o) => o.operationId)).toHaveLength(21);
  });

  it('maps OpenAPI 3.0 nullable to a null type without making other fields nullable', () => {
    expect(toJsonSchema({ type: 'string', nullable: true })).toEqual({ type: ['string', 'null'] });
    expect(toJsonSchema({ type: 'string', enum: ['a'], nullable: true })).toEqual({
      type: ['string', 'null'],
      enum: ['a', null],
    });
    expect(toJsonSchema({ properties: { a: { type: 'integer', example: 1 } } })).toEqual({
      properties: { a: { type: 'integer' } },
    });
  });
});

describe('git endpoints, served from a real repository', () => {
  it('round-trips ref -> annotated tag -> commit -> recursive tree -> blob with zero violations', async () => {
    const double = await start();
    // octokit percent-encodes the slashes of {ref}; GitHub takes both spellings.
    for (const ref of ['tags/disk-cleanup/v1.0.0', 'tags%2Fdisk-cleanup%2Fv1.0.0']) {
      const res = await call(double, `${R}/git/ref/${ref}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { ref: string; object: { type: string; sha: string; url: string } };
      expect(body.ref).toBe('refs/tags/disk-cleanup/v1.0.0');
      expect(body.object).toMatchObject({ type: 'tag', sha: tagObject });
      expect(body.object.url).toBe(`${double.url}${R}/git/tags/${tagObject}`);
    }

    const tag = (await (await call(double, `${R}/git/tags/${tagObject}`)).json()) as Record<string, unknown>;
    expect(tag).toMatchObject({
      sha: tagObject,
      tag: 'disk-cleanup/v1.0.0',
      message: 'disk-cleanup 1.0.0\n',
      object: { type: 'commit', sha: headCommit },
    });
    expect(tag.tagger).toMatchObject({ name: 'Test', email: 'test@example.invalid' });

    const commit = (await (await call(double, `${R}/git/commits/${headCommit}`)).json()) as Record<string, unknown>;
    expect(commit).toMatchObject({
      sha: headCommit,
      message: 'add disk-cleanup',
      parents: [],
      tree: { sha: headTree },
    });

    const treeRes = await call(double, `${R}/git/trees/${headTree}?recursive=1`);
    expect(treeRes.status).toBe(200);
    const tree = (await treeRes.json()) as {
      truncated: boolean;
      tree: { path: string; mode: string; type: string; sha: string; size?: number }[];
    };
    expect(tree.truncated).toBe(false);
    const expected = repo
      .git('ls-tree', '-r', '-t', headTree)
      .trim()
      .split('\n')
      .map((line) => {
        const [meta, path] = line.split('\t');
        const [mode, type, sha] = (meta ?? '').split(' ');
        return { path, mode, type, sha };
      });
    expect(tree.tree.map(({ path, mode, type, sha }) => ({ path, mode, type, sha }))).toEqual(expected);
    const script = tree.tree.find((e) => e.path === 'remediations/disk-cleanup/run.sh');
    expect(script).toMatchObject({ mode: '100755', type: 'blob', size: Buffer.byteLength(SCRIPT) });
    expect(tree.tree.find((e) => e.path === 'remediations')).toMatchObject({ mode: '040000', type: 'tree' });
    expect(tree.tree.find((e) => e.path === 'remediations')).not.toHaveProperty('size');

    const shallow = (await (await call(double, `${R}/git/trees/${headTree}`)).json()) as { tree: { path: string }[] };
    expect(shallow.tree.map((e) => e.path)).toEqual(['README.md', 'remediations']);

    const blob = (await (await call(double, `${R}/git/blobs/${script?.sha ?? ''}`)).json()) as {
      content: string;
      encoding: string;
      size: number;
    };
    expect(blob.encoding).toBe('base64');
    expect(blob.size).toBe(Buffer.byteLength(SCRIPT));
    expect(Buffer.from(blob.content, 'base64').toString()).toBe(SCRIPT);
    const yml = tree.tree.find((e) => e.path.endsWith('remediation.yml'));
    const long = (await (await call(double, `${R}/git/blobs/${yml?.sha ?? ''}`)).json()) as { content: string };
    expect(long.content).toMatch(/^[A-Za-z0-9+/=]{60}\n/); // wrapped at 60 columns, as GitHub does

    expect(double.violations).toEqual([]);
    expect(double.requests.every((r) => r.status === 200)).toBe(true);
  });

  it('answers unknown refs and shas with 404 and GitHub error body', async () => {
    const double = await start();
    const missing = 'f'.repeat(40);
    for (const path of [
      `${R}/git/ref/tags/no-such-tag`,
      `${R}/git/ref/tags/disk-cleanup`, // a prefix of a ref is not the ref
      `${R}/git/tags/${headCommit}`, // a commit is not a tag object
      `${R}/git/tags/${missing}`,
      `${R}/git/commits/${missing}`,
      `${R}/git/trees/${missing}`,
      `${R}/git/blobs/${missing}`,
      `${R}/git/blobs/--output=x`,
      `/repos/someone/else/git/ref/tags/disk-cleanup/v1.0.0`,
    ]) {
      const res = await call(double, path);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toEqual({
        message: 'Not Found',
        documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com\/rest/),
        status: '404',
      });
    }
    expect(double.violations).toEqual([]);
  });

  it('resolves a lightweight tag ref straight to the commit', async () => {
    const double = await start();
    const body = (await (await call(double, `${R}/git/ref/tags/lightweight`)).json()) as {
      object: { type: string; sha: string };
    };
    expect(body.object).toMatchObject({ type: 'commit', sha: headCommit });
    expect(double.violations).toEqual([]);
  });
});

describe('releases', () => {
  it('draft -> upload -> publish with immutable releases; assets download by API redirect and browser URL', async () => {
    const double = await start({ immutableReleases: true });
    const created = await postJson(double, `${R}/releases`, {
      tag_name: 'disk-cleanup/v1.0.0',
      target_commitish: headCommit,
      name: 'disk-cleanup 1.0.0',
      body: 'record',
      draft: true,
      prerelease: false,
      make_latest: 'false',
    });
    expect(created.status).toBe(201);
    const draft = (await created.json()) as ReleaseBody;
    expect(draft).toMatchObject({ draft: true, immutable: false, published_at: null, tag_name: 'disk-cleanup/v1.0.0' });
    expect(draft.upload_url).toBe(`${double.url}${R}/releases/${draft.id}/assets{?name,label}`);

    // Drafts are not found by tag, but are listed to a caller with push access.
    expect((await call(double, `${R}/releases/tags/${encodeURIComponent('disk-cleanup/v1.0.0')}`)).status).toBe(404);
    const listed = (await (await call(double, `${R}/releases`)).json()) as ReleaseBody[];
    expect(listed.map((r) => r.id)).toEqual([draft.id]);

    const up = await upload(double, draft.upload_url, 'record.json', '{"ok":true}', 'application/json');
    expect(up.status).toBe(201);
    const asset = (await up.json()) as ReleaseBody['assets'][number];
    expect(asset).toMatchObject({ name: 'record.json', size: 11, state: 'uploaded', content_type: 'application/json' });

    const duplicate = await upload(double, draft.upload_url, 'record.json', 'other');
    expect(duplicate.status).toBe(422);
    expect(await duplicate.json()).toMatchObject({
      errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }],
    });

    const published = await postJson(
      double,
      `${R}/releases/${draft.id}`,
      { draft: false, make_latest: 'false' },
      'PATCH',
    );
    expect(published.status).toBe(200);
    const release = (await published.json()) as ReleaseBody;
    expect(release).toMatchObject({ draft: false, immutable: true });
    expect(release.published_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const late = await upload(double, draft.upload_url, 'late.txt', 'late');
    expect(late.status).toBe(422);
    expect(double.getRelease('disk-cleanup/v1.0.0')?.assets.map((a) => a.name)).toEqual(['record.json']);

    const byTag = await call(double, `${R}/releases/tags/${encodeURIComponent('disk-cleanup/v1.0.0')}`);
    expect(byTag.status).toBe(200);
    expect(((await byTag.json()) as ReleaseBody).assets.map((a) => a.id)).toEqual([asset.id]);
    expect(((await (await call(double, `${R}/releases/${draft.id}`)).json()) as ReleaseBody).id).toBe(draft.id);

    const meta = await call(double, `${R}/releases/assets/${asset.id}`);
    expect(((await meta.json()) as { name: string }).name).toBe('record.json');

    const redirect = await call(double, asset.url, {
      headers: { accept: 'application/octet-stream' },
      redirect: 'manual',
    });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location') ?? '';
    expect(location.startsWith(`${double.url}/`)).toBe(true);
    // The redirect target needs no token, like GitHub's signed object URLs.
    expect(await (await fetch(location)).text()).toBe('{"ok":true}');
    const followed = await call(double, asset.url, { headers: { accept: 'application/octet-stream' } });
    expect(await followed.text()).toBe('{"ok":true}');
    expect(await (await fetch(asset.browser_download_url)).text()).toBe('{"ok":true}');
    expect((await fetch(`${location.split('?')[0] ?? ''}?token=guessed`)).status).toBe(403);

    expect(double.violations).toEqual([]);
  });

  it('refuses a second release for a tag with 422 already_exists', async () => {
    const double = await start();
    expect((await postJson(double, `${R}/releases`, { tag_name: 'v1', target_commitish: 'main' })).status).toBe(201);
    const again = await postJson(double, `${R}/releases`, { tag_name: 'v1', draft: true });
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
    });
    const badTarget = await postJson(double, `${R}/releases`, { tag_name: 'v2', target_commitish: 'no-such-branch' });
    expect(badTarget.status).toBe(422);
    expect(double.violations).toEqual([]);
  });

  it('serves a release created without name or body (nullable fields) with zero violations', async () => {
    const double = await start();
    const res = await postJson(double, `${R}/releases`, { tag_name: 'disk-cleanup/v1.0.0' });
    expect(((await res.json()) as ReleaseBody).name).toBeNull();
    expect(double.violations).toEqual([]);
  });

  it('404s an unknown tag, release id and asset id', async () => {
    const double = await start();
    double.addRelease({ tag: 'v1' });
    for (const path of [`${R}/releases/tags/v9`, `${R}/releases/999`, `${R}/releases/assets/999`]) {
      const res = await call(double, path);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ message: 'Not Found' });
    }
    expect((await postJson(double, `${R}/releases/999`, { name: 'x' }, 'PATCH')).status).toBe(404);
    expect(double.violations).toEqual([]);
  });

  it('refuses uploads to a seeded published immutable release but not to a mutable one', async () => {
    const double = await start();
    const locked = double.addRelease({ tag: 'locked', assets: { 'a.txt': 'a' }, immutable: true });
    const open = double.addRelease({ tag: 'open', assets: { 'a.txt': 'a' } });
    const refused = await upload(double, locked.uploadUrl, 'b.txt', 'b');
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ message: 'Validation Failed', errors: [{ resource: 'Release' }] });
    expect((await upload(double, open.uploadUrl, 'b.txt', 'b')).status).toBe(201);
    expect((await upload(double, open.uploadUrl, 'a.txt', 'again')).status).toBe(422);
    expect(double.getRelease('open')?.assets.map((a) => a.name)).toEqual(['a.txt', 'b.txt']);
    expect(double.violations).toEqual([]);
  });

  it('lists releases newest first, paginated with a Link header', async () => {
    const double = await start();
    for (let i = 1; i <= 5; i++) double.addRelease({ tag: `v${i}`, draft: i === 5 });
    const first = await call(double, `${R}/releases?per_page=2`);
    expect(((await first.json()) as ReleaseBody[]).map((r) => r.tag_name)).toEqual(['v5', 'v4']);
    const link = first.headers.get('link') ?? '';
    expect(link).toContain(`<${double.url}${R}/releases?per_page=2&page=2>; rel="next"`);
    expect(link).toContain(`<${double.url}${R}/releases?per_page=2&page=3>; rel="last"`);
    const last = await call(double, `${R}/releases?per_page=2&page=3`);
    expect(((await last.json()) as ReleaseBody[]).map((r) => r.tag_name)).toEqual(['v1']);
    expect(last.headers.get('link')).toContain('rel="prev"');
    expect(last.headers.get('link')).not.toContain('rel="next"');
    expect(double.violations).toEqual([]);
  });
});

describe('repository dispatches', () => {
  it('stores a valid event and answers 204 with no body', async () => {
    const double = await start();
    const body = { event_type: 'remediate', client_payload: { remediation: 'svc@v1.0.0', target: 'web-1' } };
    const res = await postJson(double, `${R}/dispatches`, body);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(double.dispatches).toEqual([
      { eventType: 'remediate', clientPayload: body.client_payload, bytes: JSON.stringify(body).length },
    ]);
    expect(double.requests.map((r) => r.operationId)).toEqual(['repos/create-dispatch-event']);
    expect(double.violations).toEqual([]);
  });

  it("refuses with 422 what GitHub's description refuses, and stores none of it", async () => {
    const double = await start();
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, i]));
    const bad = [
      { event_type: 'e'.repeat(101) },
      { event_type: '' },
      { client_payload: {} },
      { event_type: 'remediate', client_payload: eleven },
      { event_type: 'remediate', client_payload: 'not an object' },
      // Within the schema, but past the 64 KB the description states in prose.
      { event_type: 'remediate', client_payload: { big: 'x'.repeat(64 * 1024) } },
    ];
    for (const body of bad) {
      const res = await postJson(double, `${R}/dispatches`, body);
      expect(res.status).toBe(422);
      expect(((await res.json()) as { message: string }).message).not.toBe('');
    }
    // The five schema breaches are also recorded as request violations; the size one is not a schema matter.
    expect(double.violations.map((v) => v.location)).toEqual(['body', 'body', 'body', 'body', 'body']);
    expect(double.dispatches).toEqual([]);
    // The boundaries themselves are accepted.
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`p${i}`, i]));
    expect(
      (await postJson(double, `${R}/dispatches`, { event_type: 'e'.repeat(100), client_payload: ten })).status,
    ).toBe(204);
    expect(double.dispatches).toHaveLength(1);
  });

  it('404s another repository and 401s without the token', async () => {
    const double = await start();
    expect((await postJson(double, '/repos/octo-org/other/dispatches', { event_type: 'x' })).status).toBe(404);
    const anonymous = await fetch(`${double.url}${R}/dispatches`, {
      method: 'POST',
      body: JSON.stringify({ event_type: 'x' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(anonymous.status).toBe(401);
    expect(double.dispatches).toEqual([]);
  });
});

describe('GitHub App installation tokens', () => {
  const APP_ID = 4242;
  const INSTALLATION = 777;
  const appKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const nowS = () => Math.floor(Date.now() / 1000);
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  /** A JWT built here from GitHub's documentation (not with the gateway's code). */
  function jwt(
    claims: Record<string, unknown> = { iat: nowS() - 60, exp: nowS() + 540, iss: APP_ID },
    key: KeyObject = appKey.privateKey,
    header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT' },
  ): string {
    const data = `${b64(header)}.${b64(claims)}`;
    return `${data}.${sign('sha256', Buffer.from(data), key).toString('base64url')}`;
  }

  const startWithApp = () =>
    start({
      app: { id: APP_ID, clientId: 'Iv23liTestClient', publicKey: appKey.publicKey, installationId: INSTALLATION },
    });

  const mint = (double: GitHubDouble, token: string, body: unknown = {}, installation = INSTALLATION) =>
    fetch(`${double.url}/app/installations/${installation}/access_tokens`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });

  const dispatch = (double: GitHubDouble, token: string) =>
    fetch(`${double.url}${R}/dispatches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ event_type: 'remediate', client_payload: { remediation: 'svc@v1.0.0' } }),
    });

  it('issues a narrowed token for a JWT signed by the App key, and the dispatch route accepts it', async () => {
    const double = await startWithApp();
    const res = await mint(double, jwt(), { repositories: ['remediations'], permissions: { contents: 'write' } });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { token: string; expires_at: string; repository_selection: string };
    expect(body.token).toMatch(/^ghs_/);
    expect(body.repository_selection).toBe('selected');
    const lifetime = Date.parse(body.expires_at) - Date.now();
    expect(lifetime).toBeGreaterThan(59 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60_000);
    expect(double.installationTokens).toEqual([
      expect.objectContaining({ permissions: { contents: 'write' }, repositories: ['remediations'], revoked: false }),
    ]);
    // The client id is an issuer as good as the numeric id.
    expect((await mint(double, jwt({ iat: nowS() - 60, exp: nowS() + 540, iss: 'Iv23liTestClient' }))).status).toBe(
      201,
    );
    expect((await dispatch(double, body.token)).status).toBe(204);
    expect(double.dispatches).toHaveLength(1);
    expect(double.requests.map((r) => r.operationId)).toEqual([
      'apps/create-installation-access-token',
      'apps/create-installation-access-token',
      'repos/create-dispatch-event',
    ]);
    expect(double.violations).toEqual([]);
  });

  it('refuses with 401 a JWT signed by another key, a forged algorithm, another issuer, a bad time window', async () => {
    const double = await startWithApp();
    const now = nowS();
    const publicPem = appKey.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const hs256 = (() => {
      const data = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iat: now - 60, exp: now + 540, iss: APP_ID })}`;
      return `${data}.${createHmac('sha256', publicPem).update(data).digest('base64url')}`;
    })();
    const refused = {
      // Attack: a JWT signed by a key that is not the App's (another App's leaked key, a guess).
      'another key': jwt(undefined, otherKey.privateKey),
      // Attack: algorithm confusion, the public key used as an HMAC secret, or no signature at all.
      'HS256 with the public key': hs256,
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iat: now - 60, exp: now + 540, iss: APP_ID })}.`,
      'another issuer': jwt({ iat: now - 60, exp: now + 540, iss: APP_ID + 1 }),
      expired: jwt({ iat: now - 700, exp: now - 100, iss: APP_ID }),
      'lifetime over 10 minutes': jwt({ iat: now - 60, exp: now + 600, iss: APP_ID }),
      'exp too far ahead': jwt({ iat: now + 0, exp: now + 601, iss: APP_ID }),
      'iat in the future': jwt({ iat: now + 120, exp: now + 300, iss: APP_ID }),
      'not a JWT': 'ghs_not-a-jwt',
    };
    for (const [what, token] of Object.entries(refused)) {
      const res = await mint(double, token);
      expect([what, res.status]).toEqual([what, 401]);
      expect(((await res.json()) as { message: string }).message).not.toBe('');
    }
    // The boundary itself (exp exactly 10 minutes after iat, iat 60 s back) is accepted.
    expect((await mint(double, jwt({ iat: now - 60, exp: now + 540, iss: APP_ID }))).status).toBe(201);
    // A JWT is not a token for the repository routes, nor the static token one for the App route.
    expect((await dispatch(double, jwt())).status).toBe(401);
    expect((await mint(double, TOKEN)).status).toBe(401);
    expect(double.installationTokens).toHaveLength(1);
    expect(double.dispatches).toEqual([]);
    expect(double.violations).toEqual([]);
  });

  it('404s another installation; 422s a repository or a permission the installation was not granted', async () => {
    const double = await startWithApp();
    expect((await mint(double, jwt(), {}, INSTALLATION + 1)).status).toBe(404);
    expect((await mint(double, jwt(), { repositories: ['other'] })).status).toBe(422);
    const admin = await mint(double, jwt(), { permissions: { administration: 'write' } });
    expect(admin.status).toBe(422);
    expect(((await admin.json()) as { message: string }).message).toMatch(/not granted/);
    expect(double.installationTokens).toEqual([]);
    expect(double.violations).toEqual([]);
  });

  it('answers 401 for a revoked or expired token and 403 for a dispatch without contents write', async () => {
    let now = Date.now();
    const double = await start({
      now: () => new Date(now),
      app: { id: APP_ID, publicKey: appKey.publicKey, installationId: INSTALLATION },
    });
    const token = async (body: unknown = {}) =>
      ((await (await mint(double, jwt(), body)).json()) as { token: string }).token;
    const revoked = await token();
    double.revokeInstallationTokens();
    expect((await dispatch(double, revoked)).status).toBe(401);
    const readOnly = await token({ permissions: { contents: 'read' } });
    expect((await dispatch(double, readOnly)).status).toBe(403);
    const live = await token();
    expect((await dispatch(double, live)).status).toBe(204);
    now += 60 * 60_000;
    expect((await dispatch(double, live)).status).toBe(401);
    expect(double.dispatches).toHaveLength(1);
    expect(double.violations).toEqual([]);
  });
});

describe('auth and faults', () => {
  it('answers 401 with GitHub error body without a token or with a wrong one', async () => {
    const double = await start();
    const anonymous = await fetch(`${double.url}${R}/releases`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
    const wrong = await fetch(`${double.url}${R}/git/ref/tags/lightweight`, {
      headers: { authorization: 'token nope' },
    });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { message: string }).message).toBe('Bad credentials');
    const classic = await fetch(`${double.url}${R}/git/ref/tags/lightweight`, {
      headers: { authorization: `token ${TOKEN}` },
    });
    expect(classic.status).toBe(200);
    expect(double.violations).toEqual([]);
  });

  it('injects 502s for the matching requests only, then stops', async () => {
    const double = await start();
    double.failNext(/^GET \/repos\/[^/]+\/[^/]+\/releases$/, 2, 502);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call(double, `${R}/releases?per_page=1`);
      statuses.push(res.status);
      if (res.status === 502) expect(await res.text()).toContain('<html>');
    }
    expect(statuses).toEqual([502, 502, 200]);
    expect((await call(double, `${R}/git/ref/tags/lightweight`)).status).toBe(200);
    expect(double.requests.map((r) => r.fault)).toEqual(['fail', 'fail', undefined, undefined]);
    expect(double.violations).toEqual([]);
  });

  it('drops a connection once, or leaves a request hanging, then answers normally', async () => {
    const double = await start();
    double.dropNext(/^GET .*\/git\/ref\//);
    await expect(call(double, `${R}/git/ref/tags/lightweight`)).rejects.toThrow(TypeError);
    expect((await call(double, `${R}/git/ref/tags/lightweight`)).status).toBe(200);

    double.hangNext(/\/releases$/);
    await expect(call(double, `${R}/releases`, { signal: AbortSignal.timeout(300) })).rejects.toThrow(/abort|timeout/i);
    expect((await call(double, `${R}/releases`)).status).toBe(200);
    expect(double.requests.map((r) => [r.fault, r.status])).toEqual([
      ['drop', undefined],
      [undefined, 200],
      ['hang', undefined],
      [undefined, 200],
    ]);
  });
});

describe('the validator itself', () => {
  it('records a bad request: create-release without tag_name, a non-JSON body, a mistyped query and an unknown route', async () => {
    const double = await start();
    const res = await postJson(double, `${R}/releases`, { name: 'no tag', draft: 'yes' });
    expect(res.status).toBe(422);
    expect(double.violations).toEqual([
      expect.objectContaining({
        operationId: 'repos/create-release',
        location: 'body',
        message: expect.stringContaining("must have required property 'tag_name'"),
      }),
    ]);
    expect(double.violations[0]?.message).toContain('body/draft must be boolean');
    expect(double.getRelease('no tag')).toBeUndefined();

    await call(double, `${R}/releases`, {
      method: 'POST',
      body: 'tag_name=v1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await call(double, `${R}/releases?per_page=lots&perpage=2`);
    await call(double, `${R}/releases/abc`);
    await call(double, `${R}/git/refs/tags/v1`, { method: 'DELETE' });
    expect(double.violations.slice(1).map((v) => [v.operationId, v.location])).toEqual([
      ['repos/create-release', 'header'],
      ['repos/list-releases', 'query'],
      ['repos/list-releases', 'query'],
      ['repos/get-release', 'path'],
      [undefined, 'route'],
    ]);
  });

  it('records a bad response from the double (tampered by a test-only hook)', async () => {
    const double = await start();
    double.addRelease({ tag: 'v1', assets: { 'a.txt': 'a' } });
    double.tamperNextResponse('repos/get-release-by-tag', (body) => ({
      ...(body as object),
      id: 'seven',
      tag_name: null,
      upload_url: undefined,
    }));
    const res = await call(double, `${R}/releases/tags/v1`);
    expect(res.status).toBe(200);
    expect(double.violations).toHaveLength(1);
    const [violation] = double.violations;
    expect(violation).toMatchObject({ operationId: 'repos/get-release-by-tag', location: 'response', status: 200 });
    expect(violation?.message).toContain('response/id must be integer');
    expect(violation?.message).toContain('response/tag_name must be string');
    expect(violation?.message).toContain("must have required property 'upload_url'");

    // Only the next response is tampered with.
    await call(double, `${R}/releases/tags/v1`);
    expect(double.violations).toHaveLength(1);

    double.tamperNextResponse('git/get-ref', () => ({ message: 'Not Found' }));
    await call(double, `${R}/git/ref/tags/lightweight`);
    expect(double.violations[1]?.message).toContain("must have required property 'object'");
  });

  it('holds error answers to GitHub Basic Error schema and date formats to RFC 3339', () => {
    const validator = new OpenApiValidator();
    const operation = validator.operation('repos/get-release');
    // 404 is not listed for get-release, but GitHub sends it, as a Basic Error.
    expect(validator.validateResponse(operation, 404, 'application/json', { message: 'Not Found' }, true)).toEqual([]);
    expect(validator.validateResponse(operation, 404, 'application/json', { message: 404 }, true)).toHaveLength(1);
    expect(validator.validateResponse(operation, 204, undefined, undefined, false)).toHaveLength(1);
    const asset = validator.operation('repos/get-release-asset');
    expect(validator.validateResponse(asset, 302, undefined, undefined, false)).toEqual([]);
    const problems = validator.validateResponse(
      validator.operation('git/get-commit'),
      200,
      'application/json',
      { sha: 'x', author: { date: 'yesterday' } },
      true,
    );
    expect(problems[0]?.message).toContain('response/author/date must match format "date-time"');
  });
});

describe('workflow jobs and artifacts (seeded; the double runs no workflows)', () => {
  it("lists a run attempt's jobs in pages with a link header, and 404s an attempt it does not know", async () => {
    const double = await start();
    for (let i = 0; i < 3; i++)
      double.addJob({ runId: 7, attempt: 1, name: `leg ${i}`, conclusion: i === 1 ? 'failure' : 'success' });
    double.addJob({ runId: 7, attempt: 2, name: 'leg 0 again' });
    const first = await call(double, `${R}/actions/runs/7/attempts/1/jobs?per_page=2&page=1`);
    expect(first.status).toBe(200);
    expect(first.headers.get('link')).toContain('rel="next"');
    const body = (await first.json()) as { total_count: number; jobs: { name: string; conclusion: string }[] };
    expect(body.total_count).toBe(3);
    expect(body.jobs.map((j) => [j.name, j.conclusion])).toEqual([
      ['leg 0', 'success'],
      ['leg 1', 'failure'],
    ]);
    expect((await call(double, `${R}/actions/runs/7/attempts/3/jobs`)).status).toBe(404);
    expect(double.violations).toEqual([]);
  });

  it('serves an artifact zip through a tokenless redirect, 410 once expired, 404 for another format', async () => {
    const double = await start();
    const live = double.addArtifact({ runId: 7, name: 'remediation-a', files: { 'snapshot.json': '{}' } });
    const expired = double.addArtifact({ runId: 7, name: 'old', files: { 'x.txt': 'x' }, expired: true });
    const list = (await (await call(double, `${R}/actions/runs/7/artifacts`)).json()) as {
      artifacts: { id: number; name: string; digest: string }[];
    };
    expect(list.artifacts.map((a) => a.name)).toEqual(['old', 'remediation-a']);
    expect(list.artifacts.find((a) => a.id === live.id)?.digest).toBe(live.digest);
    const redirect = await call(double, `${R}/actions/artifacts/${live.id}/zip`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const zip = await fetch(redirect.headers.get('location') ?? '');
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const bytes = Buffer.from(await zip.arrayBuffer());
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(live.digest);
    expect((await fetch(`${double.url}/_objects/artifacts/${live.id}?token=guess`)).status).toBe(403);
    expect((await call(double, `${R}/actions/artifacts/${expired.id}/zip`, { redirect: 'manual' })).status).toBe(410);
    expect((await call(double, `${R}/actions/artifacts/${live.id}/tar`, { redirect: 'manual' })).status).toBe(404);
    expect(double.violations).toEqual([]);
  });
});
