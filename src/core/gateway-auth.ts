// Authenticates a request to a gateway source before its body is parsed (issue 15). Pure: the
// headers, the raw body bytes and the secrets are handed in; nothing here reads the environment
// or a clock it was not given. Every secret a source configures must verify.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { GatewaySource } from './gateway-config.ts';

/** Request headers as Node gives them (names in any case here; values joined or split). */
export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** The secret values of a source, read from the variables its config names. */
export interface SourceSecrets {
  readonly bearer?: string;
  readonly hmac?: string;
}

/** What the check decided; `reason` is for the gateway's log, never for the sender. */
export type AuthResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Options for the Grafana timestamp check. */
export interface AuthOptions {
  /** Now, in milliseconds since the epoch; when given, a signed timestamp must be within `maxSkewMs` of it. */
  readonly now?: number;
  /** How far a signed timestamp may be from now: 5 minutes unless set. */
  readonly maxSkewMs?: number;
}

/** How far a Grafana signature's timestamp may be from now by default. */
export const DEFAULT_MAX_SKEW_MS = 5 * 60 * 1000;
/** Most signatures one X-PagerDuty-Signature header may list (it lists one per active secret). */
const MAX_PAGERDUTY_SIGNATURES = 10;

/**
 * Checks a request against its source's configured secrets: a bearer token when `bearerEnv` is
 * set, the sender type's HMAC signature over the raw body when `hmacEnv` is set; both when both.
 * A configured secret whose value is missing or empty refuses every request (fails closed).
 */
export function authenticateRequest(
  source: GatewaySource,
  headers: RequestHeaders,
  rawBody: Uint8Array,
  secrets: SourceSecrets,
  options: AuthOptions = {},
): AuthResult {
  // A source with no secret configured would accept anyone; the config refuses that, and so does
  // this check, in case a caller builds a source by hand.
  if (source.auth.bearerEnv === undefined && source.auth.hmacEnv === undefined) {
    return refuse('the source has no bearer or HMAC secret configured');
  }
  if (source.auth.bearerEnv !== undefined) {
    const result = checkBearer(headers, secrets.bearer);
    if (!result.ok) return result;
  }
  if (source.auth.hmacEnv !== undefined) {
    // An empty secret makes HMAC a public function: anyone could sign.
    if (secrets.hmac === undefined || secrets.hmac === '') return refuse('the HMAC secret is not set');
    const result = checkSignature(source, headers, rawBody, secrets.hmac, options);
    if (!result.ok) return result;
  }
  return { ok: true };
}

function checkBearer(headers: RequestHeaders, secret: string | undefined): AuthResult {
  // An empty expected token would let an empty `Bearer ` header through.
  if (secret === undefined || secret === '') return refuse('the bearer token is not set');
  const header = singleHeader(headers, 'authorization');
  if (!header.ok) return header;
  const match = /^Bearer +([\x21-\x7e]+) *$/i.exec(header.value);
  if (!match) return refuse('expected an Authorization: Bearer <token> header');
  // Timing attack: comparing the tokens byte by byte would leak how long a guessed prefix
  // matches. Digests of both are equal in length whatever was sent, so timingSafeEqual applies
  // and the time taken says nothing about the token (nor its length).
  return timingSafeEqual(sha256(match[1] ?? ''), sha256(secret)) ? { ok: true } : refuse('wrong bearer token');
}

function checkSignature(
  source: GatewaySource,
  headers: RequestHeaders,
  rawBody: Uint8Array,
  secret: string,
  options: AuthOptions,
): AuthResult {
  switch (source.type) {
    case 'grafana':
      return checkGrafana(source, headers, rawBody, secret, options);
    case 'pagerduty':
      return checkPagerDuty(headers, rawBody, secret);
    case 'generic':
      return checkGeneric(headers, rawBody, secret);
    case 'alertmanager':
      // Alertmanager cannot sign; the config refuses hmac-env for it. Fail closed all the same.
      return refuse('Alertmanager requests carry no signature');
  }
}

// Grafana: `X-Grafana-Alerting-Signature: <hex HMAC-SHA256>` over the body, or over
// `<timestamp>:<body>` when the contact point names a timestamp header (then required here).
function checkGrafana(
  source: GatewaySource,
  headers: RequestHeaders,
  rawBody: Uint8Array,
  secret: string,
  options: AuthOptions,
): AuthResult {
  const signature = singleHeader(headers, 'x-grafana-alerting-signature');
  if (!signature.ok) return signature;
  const timestampHeader = source.auth.timestampHeader;
  let signed: Uint8Array = rawBody;
  if (timestampHeader !== undefined) {
    const timestamp = singleHeader(headers, timestampHeader);
    // Replay: without the timestamp a captured request could be sent again at any time later.
    if (!timestamp.ok) return timestamp;
    if (!/^[0-9]{1,15}$/.test(timestamp.value)) return refuse(`expected ${timestampHeader} to be Unix seconds`);
    // Replay: a signed timestamp far from now is an old request played back (or a clock that
    // is off, which the operator must fix either way).
    if (options.now !== undefined) {
      const skew = Math.abs(options.now - Number(timestamp.value) * 1000);
      if (skew > (options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS)) return refuse(`${timestampHeader} is too far from now`);
    }
    signed = Buffer.concat([Buffer.from(`${timestamp.value}:`), rawBody]);
  }
  return hexSignatureMatches(signature.value, signed, secret)
    ? { ok: true }
    : refuse('X-Grafana-Alerting-Signature does not match the body');
}

// PagerDuty v3: `X-PagerDuty-Signature: v1=<hex>,v1=<hex>`, one per active secret while a secret
// is rotated; any one matching the HMAC-SHA256 of the raw body is enough.
function checkPagerDuty(headers: RequestHeaders, rawBody: Uint8Array, secret: string): AuthResult {
  const header = singleHeader(headers, 'x-pagerduty-signature');
  if (!header.ok) return header;
  const signatures = header.value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice(3));
  if (signatures.length === 0) return refuse('expected X-PagerDuty-Signature: v1=<hex>');
  // Cost bound: a header listing thousands of candidates would make the gateway compute and
  // compare for each; PagerDuty sends one per active secret.
  if (signatures.length > MAX_PAGERDUTY_SIGNATURES) return refuse('too many signatures in X-PagerDuty-Signature');
  const expected = hmac(secret, rawBody);
  // Every candidate is compared, none skipped once one matched, so timing does not say which.
  let matched = false;
  for (const candidate of signatures) matched = hexEqual(candidate, expected) || matched;
  return matched ? { ok: true } : refuse('no X-PagerDuty-Signature matches the body');
}

// Generic: `X-Remediate-Signature: sha256=<hex HMAC-SHA256 of the raw body>`.
function checkGeneric(headers: RequestHeaders, rawBody: Uint8Array, secret: string): AuthResult {
  const header = singleHeader(headers, 'x-remediate-signature');
  if (!header.ok) return header;
  if (!header.value.startsWith('sha256=')) return refuse('expected X-Remediate-Signature: sha256=<hex>');
  return hexSignatureMatches(header.value.slice('sha256='.length), rawBody, secret)
    ? { ok: true }
    : refuse('X-Remediate-Signature does not match the body');
}

/**
 * The one value of a header. Ambiguity: a header sent twice may be read as the first copy by a
 * proxy and the last by us (or joined), so a check passes on a value other than the one that was
 * meant; a request carrying two copies, or two names differing in case, is refused.
 */
function singleHeader(
  headers: RequestHeaders,
  name: string,
): { ok: true; value: string } | { ok: false; reason: string } {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (Array.isArray(value)) values.push(...value);
    else values.push(value);
  }
  if (values.length === 0) return refuse(`missing ${name} header`);
  if (values.length > 1) return refuse(`${name} header sent more than once`);
  return { ok: true, value: (values[0] ?? '').trim() };
}

function hexSignatureMatches(signature: string, signed: Uint8Array, secret: string): boolean {
  return hexEqual(signature.trim(), hmac(secret, signed));
}

// Forgery by malformed input: only exactly 64 hex digits are compared; Buffer.from(x, 'hex')
// would silently stop at the first non-hex character and compare a shorter prefix.
function hexEqual(candidate: string, expected: Buffer): boolean {
  if (!/^[0-9a-fA-F]{64}$/.test(candidate)) return false;
  // Timing attack: a constant-time comparison of equal-length digests says nothing about how much
  // of a guessed signature was right.
  return timingSafeEqual(Buffer.from(candidate, 'hex'), expected);
}

function hmac(secret: string, data: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
