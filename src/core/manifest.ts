import { TrustError } from '../errors.ts';
import { sha256Digest } from './tree-digest.ts';

/** The `_type` of a manifest payload; bumped only with a format change. */
export const MANIFEST_TYPE = 'https://remediate.dev/manifest/v1';

/** Why and when a version was withdrawn. */
export interface Yank {
  readonly reason: string;
  readonly at: string;
  /** The version of the same remediation to run instead (`v1.1.0`), when the yank names one. */
  readonly replacement?: string;
}

/** One released version as the manifest records it. */
export interface ManifestEntry {
  readonly tag: string;
  readonly commit: string;
  readonly digest: string;
  readonly released: string;
  /** `false`, or the reason and time it was withdrawn. */
  readonly yanked: false | Yank;
}

/** The signed payload: every released version of every remediation. */
export interface ManifestPayload {
  readonly _type: typeof MANIFEST_TYPE;
  /** Grows by exactly one with every new manifest. */
  readonly serial: number;
  readonly issued: string;
  readonly expires: string;
  /** `sha256:` digest of the previous manifest's payload bytes; null for the first. */
  readonly previous: string | null;
  /** name -> version -> entry. */
  readonly remediations: Readonly<Record<string, Readonly<Record<string, ManifestEntry>>>>;
}

/** Digest of a manifest: sha256 of its payload bytes (what the signatures cover). */
export function manifestDigest(payloadBytes: Uint8Array): string {
  return sha256Digest(payloadBytes);
}

/** Serialises a payload deterministically (keys in insertion order, sorted by the editor). */
export function serialisePayload(payload: ManifestPayload): Buffer {
  return Buffer.from(JSON.stringify(payload), 'utf8');
}

const HEX40 = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const VERSION = /^v\d{1,9}\.\d{1,9}\.\d{1,9}(?:-[0-9A-Za-z.-]{1,64})?(?:\+[0-9A-Za-z.-]{1,64})?$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * A real UTC time in ISO 8601 form. The calendar is checked too: `2020-13-45` parses to NaN, and
 * a NaN expiry would never compare as past, so a manifest could never expire.
 */
export function isIsoTime(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO.test(value)) return false;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 19) === value.slice(0, 19);
}

/**
 * Checks the payload's shape after its signatures verified. A signed but malformed payload is
 * still refused: a signer's tooling bug must not turn into a run of an unchecked version.
 */
export function parsePayload(bytes: Uint8Array): ManifestPayload {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new TrustError('MALFORMED', 'manifest payload is not JSON', { cause: error });
  }
  const fail = (what: string): never => {
    throw new TrustError('MALFORMED', `manifest payload: ${what}`);
  };
  if (!isRecord(value)) return fail('expected an object');
  if (value._type !== MANIFEST_TYPE) fail(`expected _type ${MANIFEST_TYPE}, got ${JSON.stringify(value._type)}`);
  if (!Number.isSafeInteger(value.serial) || (value.serial as number) < 1) fail('serial: expected an integer >= 1');
  if (!isIsoTime(value.issued)) fail('issued: expected an ISO 8601 UTC time');
  if (!isIsoTime(value.expires)) fail('expires: expected an ISO 8601 UTC time');
  if (value.previous !== null && (typeof value.previous !== 'string' || !DIGEST.test(value.previous))) {
    fail('previous: expected null or a sha256: digest');
  }
  if (!isRecord(value.remediations)) return fail('remediations: expected an object');
  for (const [name, versions] of Object.entries(value.remediations)) {
    if (!isRecord(versions)) return fail(`remediations.${name}: expected an object`);
    for (const [version, entry] of Object.entries(versions)) {
      const at = `remediations.${name}.${version}`;
      if (!isRecord(entry)) return fail(`${at}: expected an object`);
      if (entry.tag !== `${name}/${version}`) fail(`${at}.tag: expected ${name}/${version}`);
      if (typeof entry.commit !== 'string' || !HEX40.test(entry.commit))
        fail(`${at}.commit: expected a full commit id`);
      if (typeof entry.digest !== 'string' || !DIGEST.test(entry.digest)) fail(`${at}.digest: expected sha256:<hex>`);
      if (!isIsoTime(entry.released)) fail(`${at}.released: expected a time`);
      const yanked = entry.yanked;
      if (yanked !== false && !(isRecord(yanked) && typeof yanked.reason === 'string' && isIsoTime(yanked.at))) {
        fail(`${at}.yanked: expected false or {reason, at}`);
      }
      // The replacement is printed in refusals as what to run: it must be a plain version.
      if (isRecord(yanked) && yanked.replacement !== undefined) {
        if (typeof yanked.replacement !== 'string' || !VERSION.test(yanked.replacement))
          fail(`${at}.yanked.replacement: expected a version like v1.2.0`);
      }
    }
  }
  return value as unknown as ManifestPayload;
}

/** Looks up one version's entry. */
export function findEntry(payload: ManifestPayload, name: string, version: string): ManifestEntry | undefined {
  const versions = Object.hasOwn(payload.remediations, name) ? payload.remediations[name] : undefined;
  return versions && Object.hasOwn(versions, version) ? versions[version] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
