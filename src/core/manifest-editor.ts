import { TrustError, UsageError } from '../errors.ts';
import { MANIFEST_PAYLOAD_TYPE, serialiseEnvelope, signEnvelope } from './dsse.ts';
import type { SigningKey } from './keys.ts';
import {
  findEntry,
  manifestDigest,
  MANIFEST_TYPE,
  serialisePayload,
  type ManifestEntry,
  type ManifestPayload,
} from './manifest.ts';
import type { VersionRef } from './version-ref.ts';

/** The manifest being extended: its parsed payload and the exact payload bytes that were signed. */
export interface PreviousManifest {
  readonly payload: ManifestPayload;
  readonly payloadBytes: Uint8Array;
}

/** Default lifetime of a manifest: long enough for quiet months, short enough to end freezes. */
export const DEFAULT_EXPIRY_MS = 180 * 24 * 3600 * 1000;

/** Parses a lifetime like `180d`, `12h` or `30m`. */
export function parseLifetime(text: string): number {
  const match = /^([1-9]\d{0,4})([dhm])$/.exec(text);
  if (!match) throw new UsageError('USAGE', `--expires: expected a lifetime like 180d, 12h or 30m, got '${text}'`);
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[match[2] as 'd' | 'h' | 'm'];
  return Number(match[1]) * unit;
}

/**
 * Appends a released version. A version already in the manifest is never changed: a release
 * that would rewrite one is refused (VERSION_EXISTS), so a reviewed version cannot be swapped.
 */
export function appendRelease(
  previous: PreviousManifest | undefined,
  release: { ref: VersionRef; commit: string; digest: string },
  now: Date,
  lifetimeMs: number,
): ManifestPayload {
  const { ref } = release;
  if (previous && findEntry(previous.payload, ref.name, ref.version)) {
    throw new TrustError(
      'VERSION_EXISTS',
      `${ref.name}@${ref.version} is already released; a released version is never changed: bump the version (e.g. a new patch version) and release that`,
    );
  }
  const entry: ManifestEntry = {
    tag: ref.tag,
    commit: release.commit,
    digest: release.digest,
    released: now.toISOString(),
    yanked: false,
  };
  const remediations = cloneEntries(previous);
  remediations[ref.name] = sortKeys({ ...(remediations[ref.name] ?? {}), [ref.version]: entry });
  return nextPayload(previous, sortKeys(remediations), now, lifetimeMs);
}

/** Marks a version yanked with a reason; nothing else changes. */
export function yankRelease(
  previous: PreviousManifest,
  ref: VersionRef,
  reason: string,
  now: Date,
  lifetimeMs: number,
  replacement?: string,
): ManifestPayload {
  const entry = findEntry(previous.payload, ref.name, ref.version);
  if (!entry) {
    throw new TrustError('UNKNOWN_VERSION', `${ref.name}@${ref.version} is not in the manifest; nothing to yank`);
  }
  if (entry.yanked) {
    throw new UsageError('USAGE', `${ref.name}@${ref.version} is already yanked (${entry.yanked.reason})`);
  }
  if (!reason.trim()) throw new UsageError('USAGE', '--reason: expected a non-empty reason for the yank');
  // The replacement is what every refusal of the yanked version tells people to run: it must be
  // a released, unyanked version of the same remediation, never a name the signer mistyped.
  if (replacement !== undefined) {
    const other = findEntry(previous.payload, ref.name, replacement);
    if (replacement === ref.version || !other || other.yanked) {
      const released = Object.entries(previous.payload.remediations[ref.name] ?? {})
        .filter(([v, e]) => !e.yanked && v !== ref.version)
        .map(([v]) => v);
      throw new UsageError(
        'USAGE',
        `--replacement ${replacement}: expected another released, unyanked version of ${ref.name} (${released.length ? released.join(', ') : 'none: release the fix first'})`,
      );
    }
  }
  const remediations = cloneEntries(previous);
  remediations[ref.name] = {
    ...remediations[ref.name],
    [ref.version]: {
      ...entry,
      yanked: { reason, at: now.toISOString(), ...(replacement !== undefined ? { replacement } : {}) },
    },
  };
  return nextPayload(previous, remediations, now, lifetimeMs);
}

/** Signs a payload with every key given and returns the envelope bytes to store. */
export function signManifest(payload: ManifestPayload, keys: readonly SigningKey[]): Buffer {
  if (keys.length === 0) throw new UsageError('USAGE', 'expected at least one --key to sign with');
  return serialiseEnvelope(signEnvelope(MANIFEST_PAYLOAD_TYPE, serialisePayload(payload), keys));
}

function nextPayload(
  previous: PreviousManifest | undefined,
  remediations: Record<string, Record<string, ManifestEntry>>,
  now: Date,
  lifetimeMs: number,
): ManifestPayload {
  return {
    _type: MANIFEST_TYPE,
    serial: (previous?.payload.serial ?? 0) + 1,
    issued: now.toISOString(),
    expires: new Date(now.getTime() + lifetimeMs).toISOString(),
    previous: previous ? manifestDigest(previous.payloadBytes) : null,
    remediations,
  };
}

function cloneEntries(previous: PreviousManifest | undefined): Record<string, Record<string, ManifestEntry>> {
  const out: Record<string, Record<string, ManifestEntry>> = {};
  for (const [name, versions] of Object.entries(previous?.payload.remediations ?? {})) out[name] = { ...versions };
  return out;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
