// The GitHub App side of the REST double: the App's JWT checked the way GitHub documents it
// ("Generating a JSON Web Token (JWT) for a GitHub App"), and installation access tokens issued,
// narrowed, expired and revoked. Written from GitHub's documentation, not from the gateway's
// JWT code, so a mistake in one is not repeated in the other.
import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import { githubTimestamp } from './state.ts';

/** The App the double knows, installed on the double's repository. */
export interface DoubleApp {
  /** The App id (`iss` may be this number). */
  readonly id: number;
  /** The App's client id (`iss` may be this string instead). */
  readonly clientId?: string;
  /** The public half of the App's private key (a KeyObject or SPKI/PKCS#1 PEM). */
  readonly publicKey: KeyObject | string;
  /** The installation's id; any other is a 404. */
  readonly installationId: number;
  /** What the installation was granted; a token may ask for these or less. Default contents write, metadata read. */
  readonly permissions?: Readonly<Record<string, 'read' | 'write'>>;
}

/** One installation token as the double issued it. */
export interface IssuedToken {
  readonly token: string;
  /** Epoch ms. */
  readonly expiresAt: number;
  readonly permissions: Readonly<Record<string, 'read' | 'write'>>;
  /** Repository names the token was narrowed to; undefined: every repository of the installation. */
  readonly repositories: readonly string[] | undefined;
  revoked: boolean;
}

/** How long GitHub's installation tokens live. */
export const INSTALLATION_TOKEN_LIFETIME_MS = 60 * 60_000;
/** GitHub: `exp` "no more than 10 minutes into the future". */
const MAX_JWT_LIFETIME_S = 600;

/** Either the JWT is the App's, or why not (GitHub's 401 message). */
export type JwtCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** The request body of apps/create-installation-access-token (already schema-checked). */
export interface TokenRequest {
  readonly repositories?: readonly string[];
  readonly repository_ids?: readonly number[];
  readonly permissions?: Readonly<Record<string, string>>;
}

/** Outcome of a token request: the token issued, or GitHub's refusal. */
export type TokenOutcome =
  | { readonly ok: true; readonly issued: IssuedToken }
  | { readonly ok: false; readonly status: 404 | 422; readonly message: string };

/** The App's installation on the double: checks its JWTs and keeps the tokens it issued. */
export class AppInstallation {
  readonly issued: IssuedToken[] = [];
  readonly #app: DoubleApp;
  readonly #publicKey: KeyObject;
  readonly #granted: Readonly<Record<string, 'read' | 'write'>>;
  readonly #now: () => Date;
  readonly #repo: string;

  constructor(app: DoubleApp, repo: string, now: () => Date) {
    this.#app = app;
    this.#publicKey = typeof app.publicKey === 'string' ? createPublicKey(app.publicKey) : app.publicKey;
    this.#granted = app.permissions ?? { contents: 'write', metadata: 'read' };
    this.#now = now;
    this.#repo = repo;
  }

  /** Checks a JWT: RS256 signature by the App's key, `iss` the App, `exp` in the future and at most 10 minutes after `iat`. */
  verifyJwt(jwt: string): JwtCheck {
    const undecodable: JwtCheck = { ok: false, message: 'A JSON web token could not be decoded' };
    const parts = jwt.split('.');
    if (parts.length !== 3 || !parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p))) return undecodable;
    const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
    let header: unknown;
    let payload: unknown;
    try {
      header = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8'));
      payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
    } catch {
      return undecodable;
    }
    if (typeof header !== 'object' || header === null || typeof payload !== 'object' || payload === null) {
      return undecodable;
    }
    // Attack: algorithm confusion. `none`, or HS256 "signed" with the public key as an HMAC secret,
    // would let anyone holding the public key mint tokens. Only RS256 is GitHub's.
    if ((header as { alg?: unknown }).alg !== 'RS256') return undecodable;
    // Attack: a JWT signed by any other key (a leaked key of another App, a guessed one).
    const signed = verify(
      'sha256',
      Buffer.from(`${headerPart}.${payloadPart}`),
      this.#publicKey,
      Buffer.from(signaturePart, 'base64url'),
    );
    if (!signed) return { ok: false, message: 'A JSON web token could not be decoded' };
    const { iss, iat, exp } = payload as { iss?: unknown; iat?: unknown; exp?: unknown };
    const issuer =
      iss === this.#app.id ||
      iss === String(this.#app.id) ||
      (this.#app.clientId !== undefined && iss === this.#app.clientId);
    // (This wording is the double's own.)
    if (!issuer) return { ok: false, message: "'Issuer' claim ('iss') must be the App's id or client id" };
    const nowS = Math.floor(this.#now().getTime() / 1000);
    if (typeof iat !== 'number' || !Number.isInteger(iat) || iat > nowS) {
      return {
        ok: false,
        message: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
      };
    }
    if (typeof exp !== 'number' || !Number.isInteger(exp) || exp <= nowS) {
      return {
        ok: false,
        message:
          "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
      };
    }
    // Attack: a long-lived JWT, useful to whoever copies it from a log or a proxy.
    if (exp - iat > MAX_JWT_LIFETIME_S || exp > nowS + MAX_JWT_LIFETIME_S) {
      return { ok: false, message: "'Expiration time' claim ('exp') is too far in the future" };
    }
    return { ok: true };
  }

  /** Issues a token for `installationId`, narrowed as asked, or says why GitHub would not. */
  issue(installationId: number, request: TokenRequest): TokenOutcome {
    if (installationId !== this.#app.installationId) return { ok: false, status: 404, message: 'Not Found' };
    if (request.repository_ids !== undefined) {
      // The double's repository has no numeric id: only names can narrow a token here.
      return { ok: false, status: 422, message: 'repository_ids are not supported by the double; use repositories' };
    }
    const repositories = request.repositories;
    if (repositories?.some((name) => name.toLowerCase() !== this.#repo.toLowerCase())) {
      return {
        ok: false,
        status: 422,
        message:
          'There is at least one repository that does not exist or is not accessible to the parent installation.',
      };
    }
    const asked = request.permissions ?? this.#granted;
    for (const [name, level] of Object.entries(asked)) {
      const granted = this.#granted[name];
      if (granted === undefined || (level === 'write' && granted !== 'write')) {
        return { ok: false, status: 422, message: 'The permissions requested are not granted to this installation.' };
      }
    }
    const issued: IssuedToken = {
      token: `ghs_${randomBytes(18).toString('hex')}`,
      expiresAt: this.#now().getTime() + INSTALLATION_TOKEN_LIFETIME_MS,
      permissions: { ...(asked as Record<string, 'read' | 'write'>) },
      repositories: repositories === undefined ? undefined : [...repositories],
      revoked: false,
    };
    this.issued.push(issued);
    return { ok: true, issued };
  }

  /** GitHub's 201 body for an issued token. */
  tokenJson(issued: IssuedToken): Record<string, unknown> {
    return {
      token: issued.token,
      expires_at: githubTimestamp(new Date(issued.expiresAt)),
      permissions: issued.permissions,
      repository_selection: issued.repositories === undefined ? 'all' : 'selected',
    };
  }

  /** The live (issued, unexpired, unrevoked) token with this value, if any. */
  live(token: string): IssuedToken | undefined {
    const found = this.issued.find((t) => t.token === token);
    if (found === undefined || found.revoked || found.expiresAt <= this.#now().getTime()) return undefined;
    return found;
  }

  /** Revokes every token issued so far (as `DELETE /installation/token` or an uninstall would). */
  revokeAll(): void {
    for (const token of this.issued) token.revoked = true;
  }
}
