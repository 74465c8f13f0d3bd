import { TrustError } from '../errors.ts';
import { manifestDigest, type ManifestPayload } from './manifest.ts';

/** What the append-only check found: the versions added and yanked by the new manifest. */
export interface AppendSummary {
  readonly added: readonly string[];
  readonly yanked: readonly string[];
}

/**
 * Proves a new manifest only appends to the previous one: serial grows by exactly one, `previous`
 * names the old payload, no released entry's tag, commit, digest or release time changed, none
 * disappeared, and no yank was undone. This stops a release job from quietly re-pointing an
 * already released version, or un-yanking one, while signing something else.
 */
export function checkAppendOnly(
  previous: { payload: ManifestPayload; payloadBytes: Uint8Array },
  next: ManifestPayload,
): AppendSummary {
  const refuse = (message: string): never => {
    throw new TrustError('NOT_APPEND_ONLY', message);
  };
  if (next.serial !== previous.payload.serial + 1) {
    refuse(`serial: expected ${previous.payload.serial + 1}, got ${next.serial}`);
  }
  const expectedPrevious = manifestDigest(previous.payloadBytes);
  if (next.previous !== expectedPrevious) refuse(`previous: expected ${expectedPrevious}, got ${next.previous}`);

  const yanked: string[] = [];
  for (const [name, versions] of Object.entries(previous.payload.remediations)) {
    for (const [version, old] of Object.entries(versions)) {
      const at = `${name}@${version}`;
      const now = Object.hasOwn(next.remediations, name) ? next.remediations[name]?.[version] : undefined;
      if (!now) return refuse(`${at}: removed; released versions must stay in the manifest (yank instead)`);
      for (const field of ['tag', 'commit', 'digest', 'released'] as const) {
        if (now[field] !== old[field]) refuse(`${at}.${field}: expected ${old[field]} (released), got ${now[field]}`);
      }
      if (old.yanked && !now.yanked) refuse(`${at}.yanked: a yank cannot be undone; release a new version instead`);
      if (old.yanked && now.yanked && JSON.stringify(old.yanked) !== JSON.stringify(now.yanked)) {
        refuse(`${at}.yanked: expected the recorded yank to stay as it was`);
      }
      if (!old.yanked && now.yanked) yanked.push(at);
    }
  }
  const added: string[] = [];
  for (const [name, versions] of Object.entries(next.remediations)) {
    for (const version of Object.keys(versions)) {
      const existed =
        Object.hasOwn(previous.payload.remediations, name) && previous.payload.remediations[name]?.[version];
      if (!existed) added.push(`${name}@${version}`);
    }
  }
  return { added, yanked };
}
