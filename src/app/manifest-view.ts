// What a signed manifest says, for people (`remediate manifest show`, `remediate versions`): its
// serial, times and signers, and every released version with its commit, digest and yank. With
// trusted keys the signatures are checked first (a manifest that does not verify is refused, as
// for a run); without, the output says plainly that nothing was authenticated. Pure.
import { parseEnvelope } from '../core/dsse.ts';
import { manifestDigest, type Yank } from '../core/manifest.ts';
import { authenticateManifest, readPayloadUnverified } from '../core/manifest-verifier.ts';
import type { TrustedKey } from '../core/keys.ts';
import { compareVersions } from '../core/version-ref.ts';
import { closestMatch } from '../core/closest-match.ts';
import { UsageError } from '../errors.ts';
import { oneLine } from './terminal-text.ts';

/** One released version, as the manifest records it. */
export interface VersionView {
  readonly version: string;
  readonly tag: string;
  readonly commit: string;
  readonly digest: string;
  readonly released: string;
  /** `false`, or why and when it was withdrawn and what to run instead. */
  readonly yanked: false | Yank;
}

/** A manifest, as `manifest show --json` prints it. */
export interface ManifestView {
  readonly file: string;
  readonly serial: number;
  readonly issued: string;
  readonly expires: string;
  /** Whether `expires` is past now: a run would refuse it (EXPIRED). */
  readonly expired: boolean;
  /** sha256 of the payload bytes (what the signatures cover). */
  readonly digest: string;
  readonly previous: string | null;
  /** Checked against trusted keys (signers: those whose signatures verified), or not checked. */
  readonly signatures:
    | { readonly checked: true; readonly threshold: number; readonly signers: readonly string[] }
    | { readonly checked: false; readonly keyids: readonly string[] };
  /** Every remediation, by name; its versions newest first (semver precedence). */
  readonly remediations: readonly { readonly name: string; readonly versions: readonly VersionView[] }[];
}

/**
 * Reads a manifest for display. With `trustedKeys`, refuses (TrustError) one that does not
 * verify at `threshold`; an expired one is shown (and marked), not refused.
 */
export function viewManifest(
  file: string,
  bytes: Uint8Array,
  trust: { readonly trustedKeys: readonly TrustedKey[]; readonly threshold: number } | undefined,
  now: Date,
): ManifestView {
  let signatures: ManifestView['signatures'];
  let payload;
  let payloadBytes;
  if (trust !== undefined && trust.trustedKeys.length > 0) {
    const verified = authenticateManifest(bytes, trust.trustedKeys, trust.threshold);
    ({ payload, payloadBytes } = verified);
    signatures = { checked: true, threshold: trust.threshold, signers: verified.signers };
  } else {
    ({ payload, payloadBytes } = readPayloadUnverified(bytes));
    signatures = { checked: false, keyids: parseEnvelope(bytes).signatures.map((s) => s.keyid) };
  }
  return {
    file,
    serial: payload.serial,
    issued: payload.issued,
    expires: payload.expires,
    expired: Date.parse(payload.expires) <= now.getTime(),
    digest: manifestDigest(payloadBytes),
    previous: payload.previous,
    signatures,
    remediations: Object.keys(payload.remediations)
      .sort()
      .map((name) => ({
        name,
        versions: Object.entries(payload.remediations[name] ?? {})
          .map(([version, entry]) => ({
            version,
            tag: entry.tag,
            commit: entry.commit,
            digest: entry.digest,
            released: entry.released,
            yanked: entry.yanked,
          }))
          .sort((a, b) => compareVersions(b.version, a.version)),
      })),
  };
}

/** One remediation's versions; an unknown name is refused (NOT_FOUND) naming a close one. */
export function versionsOf(view: ManifestView, name: string): readonly VersionView[] {
  const found = view.remediations.find((r) => r.name === name);
  if (found === undefined) {
    const names = view.remediations.map((r) => r.name);
    const close = closestMatch(name, names);
    throw new UsageError(
      'NOT_FOUND',
      `${name}: no such remediation in manifest serial ${view.serial}` +
        (close !== undefined ? `; did you mean ${close}?` : `; released: ${names.join(', ') || 'none'}`),
    );
  }
  return found.versions;
}

/** The lines `manifest show` prints. */
export function manifestLines(view: ManifestView): string[] {
  const lines = [
    `manifest ${view.file}`,
    `  serial ${view.serial}, issued ${view.issued}, expires ${view.expires}${view.expired ? ' (EXPIRED: runs refuse it)' : ''}`,
    `  digest ${view.digest}${view.previous !== null ? `, previous ${view.previous}` : ' (first)'}`,
    view.signatures.checked
      ? `  signatures: verified, ${view.signatures.signers.length} trusted signer(s) (threshold ${view.signatures.threshold}): ${view.signatures.signers.join(', ')}`
      : `  signatures: NOT CHECKED (give --trusted-key to authenticate): ${view.signatures.keyids.length} signature(s), keyids ${view.signatures.keyids.join(', ') || '(none)'}`,
  ];
  for (const { name, versions } of view.remediations) {
    lines.push(name);
    for (const v of versions) lines.push(`  ${versionLine(v)}`);
  }
  return lines;
}

/** One version as a line: version, released, commit, digest, and the yank. */
export function versionLine(v: VersionView): string {
  // The reason is the signer's text: one line, no terminal control sequences.
  const yank = v.yanked
    ? `  YANKED ${v.yanked.at}: ${oneLine(v.yanked.reason)}${v.yanked.replacement !== undefined ? ` (use ${v.yanked.replacement})` : ''}`
    : '';
  return `${v.version}  released ${v.released}  commit ${v.commit.slice(0, 12)}  ${v.digest}${yank}`;
}
