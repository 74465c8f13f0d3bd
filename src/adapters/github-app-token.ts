// Authenticates the gateway to GitHub as a GitHub App (issue 15): the App's private key signs a
// short JWT, which GitHub exchanges for an installation access token narrowed to the one
// repository the gateway dispatches to. The token is cached until shortly before it expires;
// concurrent callers share one refresh, and a token GitHub refused (401) can be dropped.
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import type { Stats } from 'node:fs';
import { ServiceError, UsageError } from '../errors.ts';
import { readBoundedFile } from './bounded-file.ts';
import { githubMessage, networkReason, type DispatchTokenSource } from './github-dispatch.ts';

/** Largest key file read: a 4096-bit RSA key in PEM is about 3.3 KB. */
export const MAX_APP_KEY_BYTES = 64 * 1024;
/** How far `iat` is set back: GitHub recommends 60 s against clock drift. */
export const JWT_CLOCK_DRIFT_S = 60;
/** `exp - iat`: GitHub refuses a JWT that expires more than 10 minutes ahead. */
export const JWT_LIFETIME_S = 600;
/** A cached token is renewed this long before its `expires_at` (GitHub's tokens live an hour). */
export const REFRESH_MARGIN_MS = 5 * 60_000;
/** While a renewal fails, the cached token is still used until this long before it expires. */
const LAST_RESORT_MARGIN_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 30_000;
/** Where the config names the key file, for messages. */
const KEY_LABEL = 'github.app.private-key-file';

/** The App's private key, and a warning when its file's mode is looser than it should be. */
export interface AppPrivateKey {
  readonly key: KeyObject;
  /** Set when the key file is readable or writable by its group: logged at start-up. */
  readonly warning?: string;
}

/**
 * Reads the App's private key once (bounded: a FIFO, a device or a huge file is refused) and
 * parses it as an RSA private key (PKCS#1 as GitHub downloads it, or PKCS#8). A file other users
 * can access is refused (UNPROTECTED_KEY); one its group can access is accepted with a warning.
 * Throws UsageError (INVALID_KEY, UNPROTECTED_KEY, NOT_FOUND, ...) naming the file and the fix.
 */
export function loadAppPrivateKey(path: string): AppPrivateKey {
  let warning: string | undefined;
  const checkFile = (stats: Stats): void => {
    if (process.platform === 'win32') return;
    const mode = `0${(stats.mode & 0o777).toString(8)}`;
    // Attack: another local user (or another container sharing the volume) reads the key and
    // mints tokens for every repository the App is installed on. Refused, as ssh refuses.
    if ((stats.mode & 0o007) !== 0) {
      throw new UsageError(
        'UNPROTECTED_KEY',
        `${KEY_LABEL} ${path} is accessible to other users (mode ${mode}): chmod 600 ${path}, owned by the gateway's user`,
      );
    }
    // A group bit is how some platforms hand a secret to a non-root process (Kubernetes fsGroup),
    // so it is allowed, but said: the group's members can read the key too.
    if ((stats.mode & 0o070) !== 0) {
      warning = `${KEY_LABEL} ${path} is accessible to its group (mode ${mode}); chmod 600 it unless that group is the gateway's alone`;
    }
  };
  const pem = readBoundedFile(path, { label: KEY_LABEL, maxBytes: MAX_APP_KEY_BYTES, checkFile });
  const expected = `expected the GitHub App's RSA private key in PEM (the .pem file downloaded from the App's settings, "Private keys")`;
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    // Read from the PEM itself: OpenSSL's error for a missing passphrase differs between versions.
    const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem.toString('latin1'));
    throw new UsageError(
      'INVALID_KEY',
      `${KEY_LABEL} ${path}: ${expected}, got ${encrypted ? 'an encrypted key (GitHub issues it unencrypted)' : 'something else'}`,
      { cause: error },
    );
  }
  // RS256 is RSASSA-PKCS1-v1_5: an RSA-PSS or elliptic-curve key cannot make a JWT GitHub accepts.
  if (key.asymmetricKeyType !== 'rsa') {
    throw new UsageError(
      'INVALID_KEY',
      `${KEY_LABEL} ${path}: ${expected}, got a ${key.asymmetricKeyType ?? 'non-RSA'} key`,
    );
  }
  return warning === undefined ? { key } : { key, warning };
}

/**
 * The JWT that authenticates as the App: RS256 over `{alg: RS256, typ: JWT}` and
 * `{iat: now - 60 s, exp: iat + 10 min, iss: appId}`. Setting `iat` back absorbs a local clock up
 * to a minute ahead of GitHub's, and keeps `exp` under GitHub's 10-minute limit from its view too.
 */
export function createAppJwt(appId: number | string, key: KeyObject, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000) - JWT_CLOCK_DRIFT_S;
  const header = { alg: 'RS256', typ: 'JWT' };
  const payload = { iat, exp: iat + JWT_LIFETIME_S, iss: appId };
  const data = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  // For an RSA key, node:crypto signs with PKCS#1 v1.5 padding: RS256.
  return `${data}.${sign('sha256', Buffer.from(data), key).toString('base64url')}`;
}

/** What the token source needs to know. */
export interface AppTokenOptions {
  /** GitHub's API base, e.g. `https://api.github.com`. */
  readonly apiUrl: string;
  /** The App id (a number) or its client id (`Iv23...`): the JWT's `iss`. */
  readonly appId: number | string;
  readonly installationId: number;
  /** `owner/name`: the only repository the tokens may reach. */
  readonly repository: string;
  readonly privateKey: KeyObject;
  /** How long one exchange may take. Default 30 s. */
  readonly timeoutMs?: number;
  /** The clock (epoch ms) for the JWT and the cache. Default Date.now. */
  readonly nowMs?: () => number;
}

interface CachedToken {
  readonly token: string;
  /** Epoch ms of GitHub's `expires_at`. */
  readonly expiresAt: number;
}

interface Refresh {
  readonly promise: Promise<CachedToken>;
  readonly controller: AbortController;
  /** Callers waiting on it; when every one of them gave up, the exchange is aborted. */
  waiters: number;
}

/**
 * Installation tokens of a GitHub App, minted on demand and cached. `token()` answers from the
 * cache until REFRESH_MARGIN_MS before `expires_at`, then exchanges a fresh JWT; callers arriving
 * meanwhile share that one exchange. A failed exchange rejects with ServiceError
 * (GITHUB_APP_TOKEN), unless the cached token is still good for a minute, and is tried again by
 * the next call.
 */
export class GitHubAppTokens implements DispatchTokenSource {
  readonly #options: AppTokenOptions;
  readonly #now: () => number;
  #cached: CachedToken | undefined;
  #refresh: Refresh | undefined;

  constructor(options: AppTokenOptions) {
    this.#options = options;
    this.#now = options.nowMs ?? Date.now;
  }

  /** A token valid for a few minutes at least; `signal` abandons the wait (not a shared exchange others wait on). */
  token(signal?: AbortSignal): Promise<string> {
    const cached = this.#cached;
    if (cached !== undefined && this.#now() < cached.expiresAt - REFRESH_MARGIN_MS)
      return Promise.resolve(cached.token);
    if (signal?.aborted === true) return Promise.reject(abortReason(signal));
    const refresh = this.#refresh ?? this.#startRefresh();
    refresh.waiters++;
    return new Promise<string>((resolve, reject) => {
      const onAbort = (): void => {
        settle();
        if (--refresh.waiters === 0) {
          // Nobody wants this exchange any more (the gateway is stopping): end it, and let the
          // next caller start its own rather than join one being aborted.
          if (this.#refresh === refresh) this.#refresh = undefined;
          refresh.controller.abort(abortReason(signal));
        }
        reject(abortReason(signal));
      };
      let done = false;
      const settle = (): void => {
        done = true;
        signal?.removeEventListener('abort', onAbort);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      refresh.promise.then(
        (fresh) => {
          if (done) return;
          settle();
          refresh.waiters--;
          resolve(fresh.token);
        },
        (error: unknown) => {
          if (done) return;
          settle();
          refresh.waiters--;
          // A renewal that fails inside the margin (GitHub down for a minute) need not stop
          // dispatches while the token in hand is still good.
          const cachedNow = this.#cached;
          if (cachedNow !== undefined && this.#now() < cachedNow.expiresAt - LAST_RESORT_MARGIN_MS) {
            resolve(cachedNow.token);
          } else reject(error);
        },
      );
    });
  }

  /**
   * Drops `token` after GitHub refused it (401: revoked, or the installation changed), so the
   * next call mints another. A token other than the cached one (already replaced) is ignored.
   */
  invalidate(token: string): void {
    if (this.#cached?.token === token) this.#cached = undefined;
  }

  #startRefresh(): Refresh {
    const controller = new AbortController();
    const refresh: Refresh = {
      controller,
      waiters: 0,
      promise: this.#exchange(controller.signal).then(
        (fresh) => {
          if (this.#refresh === refresh) this.#refresh = undefined;
          this.#cached = fresh;
          return fresh;
        },
        (error: unknown) => {
          if (this.#refresh === refresh) this.#refresh = undefined;
          throw error;
        },
      ),
    };
    this.#refresh = refresh;
    return refresh;
  }

  /** One `POST /app/installations/{id}/access_tokens` with a fresh JWT. */
  async #exchange(signal: AbortSignal): Promise<CachedToken> {
    const { apiUrl, appId, installationId, repository, privateKey } = this.#options;
    const timeoutMs = this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const url = `${apiUrl.replace(/\/+$/, '')}/app/installations/${installationId}/access_tokens`;
    const name = repository.slice(repository.indexOf('/') + 1);
    const timeout = AbortSignal.timeout(timeoutMs);
    const fail = (message: string, status?: number, cause?: unknown): ServiceError =>
      new ServiceError('GITHUB_APP_TOKEN', `GitHub App installation token: ${message}`, {
        ...(status !== undefined ? { status } : {}),
        ...(cause !== undefined ? { cause } : {}),
      });
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${createAppJwt(appId, privateKey, this.#now())}`,
          accept: 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28',
          'content-type': 'application/json',
          'user-agent': 'remediate-gateway',
        },
        // Least privilege: the token reaches one repository and may only write its contents
        // (what repository_dispatch needs), whatever else the App was granted or installed on.
        // Attack limited: a leaked gateway token can dispatch to (and write the contents of)
        // that one repository only, never the installation's other repositories or settings.
        body: JSON.stringify({ repositories: [name], permissions: { contents: 'write' } }),
        // A redirect would carry the JWT elsewhere: reported, not followed.
        redirect: 'manual',
        signal: AbortSignal.any([signal, timeout]),
      });
      text = await response.text();
    } catch (error) {
      if (timeout.aborted) throw fail(`no answer within ${timeoutMs} ms`, undefined, error);
      if (signal.aborted) throw fail('aborted', undefined, error);
      throw fail(`network error: ${networkReason(error)}`, undefined, error);
    }
    const status = response.status;
    if (status === 201) return parseToken(text, this.#now(), fail);
    const message = githubMessage(text) ?? `HTTP ${status}`;
    const hint =
      status === 401
        ? `: check github.app.id and that ${KEY_LABEL} is a current private key of that App`
        : status === 404
          ? `: check github.app.installation-id (the number at the end of the installation's settings URL) and github.app.id`
          : status === 403 || status === 422
            ? `: the installation must include ${repository} and grant Contents: read and write`
            : '';
    throw fail(`HTTP ${status}: ${message}${hint}`, status);
  }
}

/** Reads GitHub's 201 answer: a token fit for a header, and an `expires_at` in the future. */
function parseToken(
  text: string,
  nowMs: number,
  fail: (message: string, status?: number) => ServiceError,
): CachedToken {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw fail('GitHub answered 201 without JSON', 201);
  }
  const { token, expires_at: expiresAt } = (body ?? {}) as { token?: unknown; expires_at?: unknown };
  // The token goes into an Authorization header: printable ASCII without spaces only.
  if (typeof token !== 'string' || !/^[\x21-\x7e]{1,1024}$/.test(token)) {
    throw fail('GitHub answered 201 without a usable token', 201);
  }
  const expires = typeof expiresAt === 'string' ? Date.parse(expiresAt) : Number.NaN;
  if (Number.isNaN(expires) || expires <= nowMs) {
    throw fail(`GitHub answered 201 with expires_at ${JSON.stringify(expiresAt)}, not a future time`, 201);
  }
  return { token, expiresAt: expires };
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new Error('aborted');
}
