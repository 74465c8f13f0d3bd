// The GitHub App token source: the JWT (its signature checked by openssl, an independent tool),
// the private key file (type, format, mode), and installation tokens from the REST double, which
// checks the JWT as GitHub documents it: one exchange, cached until shortly before expiry,
// shared by concurrent callers, dropped on invalidate(), and every failure a clear error.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createAppJwt,
  GitHubAppTokens,
  JWT_LIFETIME_S,
  loadAppPrivateKey,
  REFRESH_MARGIN_MS,
} from '../../src/adapters/github-app-token.ts';
import { ServiceError } from '../../src/errors.ts';
import { startGitHubDouble, type GitHubDouble } from '../doubles/github-rest/server.ts';
import { writeAppKey, type AppKeyFile } from '../helpers/app-key.ts';
import { rejected, thrown } from '../helpers/errors.ts';
import { TempRepo } from '../helpers/git-repo.ts';

const APP_ID = 31337;
const INSTALLATION = 4242;
const TOKENS = /^POST \/app\/installations\/\d+\/access_tokens$/;

let dir: string;
let repo: TempRepo;
let appKey: AppKeyFile;
let otherKey: AppKeyFile;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'app-token-'));
  repo = new TempRepo();
  appKey = writeAppKey(dir);
  otherKey = writeAppKey(dir, 'other-app.pem');
});
afterAll(() => {
  repo.remove();
  rmSync(dir, { recursive: true, force: true });
});

const part = (jwt: string, index: number): unknown =>
  JSON.parse(Buffer.from(jwt.split('.')[index] ?? '', 'base64url').toString('utf8'));

/** `openssl dgst -sha256 -verify pub.pem -signature sig.bin data`: true when openssl says Verified OK. */
function opensslVerifies(publicPem: string, signedPart: string, signature: Buffer): boolean {
  const pub = join(dir, 'pub.pem');
  const sig = join(dir, 'sig.bin');
  const data = join(dir, 'data');
  writeFileSync(pub, publicPem);
  writeFileSync(sig, signature);
  writeFileSync(data, signedPart);
  const result = spawnSync('openssl', ['dgst', '-sha256', '-verify', pub, '-signature', sig, data], {
    encoding: 'utf8',
  });
  return result.status === 0 && result.stdout.includes('Verified OK');
}

describe('createAppJwt', () => {
  it('is RS256 over {alg, typ} and {iat: now - 60, exp: iat + 600, iss}, verified by openssl', () => {
    const { key } = loadAppPrivateKey(appKey.path);
    const now = Date.parse('2030-06-01T12:00:00.500Z');
    const jwt = createAppJwt(APP_ID, key, now);
    const [header, payload, signature = ''] = jwt.split('.');
    expect(part(jwt, 0)).toEqual({ alg: 'RS256', typ: 'JWT' });
    const claims = part(jwt, 1) as { iat: number; exp: number; iss: unknown };
    expect(claims).toEqual({ iat: Date.parse('2030-06-01T11:59:00Z') / 1000, exp: claims.iat + 600, iss: APP_ID });
    // GitHub's limit: exp at most 10 minutes after iat, and ahead of GitHub's clock by less.
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(JWT_LIFETIME_S);
    expect(claims.exp * 1000 - now).toBeLessThanOrEqual(600_000);
    expect(jwt).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);

    const sig = Buffer.from(signature, 'base64url');
    expect(opensslVerifies(appKey.publicPem, `${header}.${payload}`, sig)).toBe(true);
    // The same check refuses what the signature does not cover, and another key's public half.
    const forged = Buffer.from(JSON.stringify({ ...claims, iss: APP_ID + 1 })).toString('base64url');
    expect(opensslVerifies(appKey.publicPem, `${header}.${forged}`, sig)).toBe(false);
    expect(opensslVerifies(otherKey.publicPem, `${header}.${payload}`, sig)).toBe(false);
  });

  it('puts a client id in iss as a string', () => {
    const { key } = loadAppPrivateKey(appKey.path);
    expect((part(createAppJwt('Iv23liClientId', key, Date.now()), 1) as { iss: unknown }).iss).toBe('Iv23liClientId');
  });
});

describe('loadAppPrivateKey', () => {
  it("reads GitHub's PKCS#1 key and a PKCS#8 one; mode 0640 is accepted with a warning", () => {
    expect(loadAppPrivateKey(appKey.path)).toEqual({ key: expect.anything() });
    const pkcs8 = join(dir, 'pkcs8.pem');
    writeFileSync(pkcs8, execFileSync('openssl', ['pkey', '-in', appKey.path]), { mode: 0o600 });
    expect(loadAppPrivateKey(pkcs8).key.asymmetricKeyType).toBe('rsa');
    const grouped = join(dir, 'grouped.pem');
    writeFileSync(grouped, execFileSync('openssl', ['pkey', '-in', appKey.path]));
    chmodSync(grouped, 0o640);
    expect(loadAppPrivateKey(grouped).warning).toMatch(/accessible to its group \(mode 0640\); chmod 600/);
  });

  it('refuses a key file other users can read, naming the file and the chmod', () => {
    const open = join(dir, 'open.pem');
    writeFileSync(open, execFileSync('openssl', ['pkey', '-in', appKey.path]));
    chmodSync(open, 0o644);
    const error = thrown(() => loadAppPrivateKey(open));
    expect(error?.code).toBe('UNPROTECTED_KEY');
    expect(error?.message).toContain(`chmod 600 ${open}`);
  });

  it('refuses what is not an RSA private key: Ed25519, a public key, an encrypted key, text, a missing file', () => {
    const write = (name: string, content: string | Buffer) => {
      const path = join(dir, name);
      writeFileSync(path, content, { mode: 0o600 });
      return path;
    };
    const ed = write(
      'ed25519.pem',
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
    const edError = thrown(() => loadAppPrivateKey(ed));
    expect(edError?.code).toBe('INVALID_KEY');
    expect(edError?.message).toContain(ed);
    expect(edError?.message).toMatch(/expected the GitHub App's RSA private key .* got a ed25519 key/);
    const encrypted = write(
      'encrypted.pem',
      createPrivateKey(execFileSync('openssl', ['pkey', '-in', appKey.path]))
        .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' })
        .toString(),
    );
    expect(thrown(() => loadAppPrivateKey(encrypted))?.message).toMatch(/got an encrypted key/);
    for (const path of [write('public.pem', appKey.publicPem), write('text.pem', 'not a key\n')]) {
      const error = thrown(() => loadAppPrivateKey(path));
      expect(error?.code).toBe('INVALID_KEY');
      expect(error?.message).toContain(`github.app.private-key-file ${path}: expected`);
    }
    expect(thrown(() => loadAppPrivateKey(join(dir, 'missing.pem')))?.code).toBe('NOT_FOUND');
    expect(thrown(() => loadAppPrivateKey(dir))?.code).toBe('NOT_A_FILE');
  });
});

describe('GitHubAppTokens against the REST double', () => {
  let double: GitHubDouble;
  let nowMs = Date.now();
  const doubles: GitHubDouble[] = [];
  afterEach(async () => {
    for (const d of doubles.splice(0)) {
      expect(d.violations).toEqual([]);
      await d.close();
    }
  });

  async function setUp(options: { keyPath?: string; installationId?: number; timeoutMs?: number } = {}) {
    nowMs = Date.now();
    double = await startGitHubDouble({
      token: 'ghs_static-token-not-used-here',
      gitDir: repo.dir,
      repository: 'acme/ops',
      now: () => new Date(nowMs),
      app: { id: APP_ID, publicKey: appKey.publicPem, installationId: INSTALLATION },
    });
    doubles.push(double);
    return new GitHubAppTokens({
      apiUrl: double.url,
      appId: APP_ID,
      installationId: options.installationId ?? INSTALLATION,
      repository: 'acme/ops',
      privateKey: loadAppPrivateKey(options.keyPath ?? appKey.path).key,
      nowMs: () => nowMs,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
  }
  const exchanges = () => double.requests.filter((r) => r.operationId === 'apps/create-installation-access-token');

  it('mints one token narrowed to the repository with contents write, and answers from the cache', async () => {
    const tokens = await setUp();
    const first = await tokens.token();
    expect(first).toBe(double.installationTokens[0]?.token);
    expect(double.installationTokens[0]).toMatchObject({ permissions: { contents: 'write' }, repositories: ['ops'] });
    expect(await tokens.token()).toBe(first);
    expect(exchanges()).toHaveLength(1);
  });

  it('shares one exchange among concurrent callers', async () => {
    const tokens = await setUp();
    const all = await Promise.all(Array.from({ length: 8 }, () => tokens.token()));
    expect(new Set(all).size).toBe(1);
    expect(exchanges()).toHaveLength(1);
  });

  it('renews a few minutes before expires_at, not before', async () => {
    const tokens = await setUp();
    const first = await tokens.token();
    const expiresAt = double.installationTokens[0]?.expiresAt ?? 0;
    nowMs = expiresAt - REFRESH_MARGIN_MS - 1000;
    expect(await tokens.token()).toBe(first);
    nowMs = expiresAt - REFRESH_MARGIN_MS + 1000;
    const second = await tokens.token();
    expect(second).not.toBe(first);
    expect(exchanges()).toHaveLength(2);
  });

  it('keeps using the cached token while a renewal inside the margin fails, not once it is about to expire', async () => {
    const tokens = await setUp();
    const first = await tokens.token();
    const expiresAt = double.installationTokens[0]?.expiresAt ?? 0;
    nowMs = expiresAt - REFRESH_MARGIN_MS + 1000;
    double.failNext(TOKENS, 2, 502);
    expect(await tokens.token()).toBe(first);
    nowMs = expiresAt - 30_000;
    expect((await rejected(tokens.token()))?.message).toMatch(/HTTP 502/);
    expect(exchanges()).toHaveLength(3);
  });

  it('drops the token invalidate() names, and only that one', async () => {
    const tokens = await setUp();
    const first = await tokens.token();
    tokens.invalidate(first);
    const second = await tokens.token();
    expect(second).not.toBe(first);
    // A late 401 for the old token must not throw away the new one.
    tokens.invalidate(first);
    expect(await tokens.token()).toBe(second);
    expect(exchanges()).toHaveLength(2);
  });

  it('rejects every waiter when GitHub refuses the JWT (another key), and tries again on the next call', async () => {
    const tokens = await setUp({ keyPath: otherKey.path });
    const results = await Promise.all([rejected(tokens.token()), rejected(tokens.token())]);
    for (const error of results) {
      expect(error).toBeInstanceOf(ServiceError);
      expect(error?.code).toBe('GITHUB_APP_TOKEN');
      expect((error as ServiceError).status).toBe(401);
      expect(error?.message).toMatch(/HTTP 401: .*check github\.app\.id and that github\.app\.private-key-file/);
    }
    expect(exchanges()).toHaveLength(1);
    expect((await rejected(tokens.token()))?.code).toBe('GITHUB_APP_TOKEN');
    expect(exchanges()).toHaveLength(2);
    expect(double.installationTokens).toEqual([]);
  });

  it('says which setting to check for an unknown installation, a 5xx, a timeout', async () => {
    const wrong = await setUp({ installationId: INSTALLATION + 1 });
    expect((await rejected(wrong.token()))?.message).toMatch(/HTTP 404: Not Found: check github\.app\.installation-id/);
    const tokens = await setUp({ timeoutMs: 300 });
    double.failNext(TOKENS, 1, 502);
    expect((await rejected(tokens.token()))?.message).toMatch(/HTTP 502/);
    double.hangNext(TOKENS);
    expect((await rejected(tokens.token()))?.message).toBe('GitHub App installation token: no answer within 300 ms');
    expect(await tokens.token()).toMatch(/^ghs_/);
  });

  it('refuses an answer whose expires_at has passed', async () => {
    const tokens = await setUp();
    double.tamperNextResponse('apps/create-installation-access-token', (body) => ({
      ...(body as object),
      expires_at: '2001-01-01T00:00:00Z',
    }));
    expect((await rejected(tokens.token()))?.message).toMatch(/expires_at "2001-01-01T00:00:00Z", not a future time/);
  });

  it("a caller's abort leaves a shared exchange running; when the last waiter leaves, it is ended", async () => {
    const tokens = await setUp();
    const quitter = new AbortController();
    const left = tokens.token(quitter.signal);
    const stays = tokens.token();
    quitter.abort(new Error('stopping'));
    await expect(left).rejects.toThrow('stopping');
    expect(await stays).toMatch(/^ghs_/);
    expect(exchanges()).toHaveLength(1);

    tokens.invalidate(await stays);
    double.hangNext(TOKENS);
    const alone = new AbortController();
    const waiting = tokens.token(alone.signal);
    await new Promise((r) => setTimeout(r, 100));
    alone.abort(new Error('stopping'));
    await expect(waiting).rejects.toThrow('stopping');
    // The next call starts its own exchange rather than joining the abandoned one.
    expect(await tokens.token()).toMatch(/^ghs_/);
    expect(exchanges()).toHaveLength(3);
  });
});
