import { UsageError } from '../errors.ts';
import { signManifest, yankRelease } from '../core/manifest-editor.ts';
import type { SigningKey } from '../core/keys.ts';
import type { VersionRef } from '../core/version-ref.ts';
import { loadPrevious } from './release.ts';
import { stageManifest } from './manifest-file.ts';

/** Writes a new manifest (serial + 1) in which `ref` is yanked with `reason` (and the version to run instead). */
export async function yankVersion(
  keys: readonly SigningKey[],
  settings: { ref: VersionRef; reason: string; manifestPath: string; lifetimeMs: number; replacement?: string },
  now: Date,
): Promise<{ serial: number }> {
  const previous = await loadPrevious(settings.manifestPath, keys);
  if (!previous) {
    throw new UsageError('NOT_FOUND', `manifest ${settings.manifestPath} does not exist: nothing was released there`);
  }
  const payload = yankRelease(previous, settings.ref, settings.reason, now, settings.lifetimeMs, settings.replacement);
  const pending = await stageManifest(settings.manifestPath, signManifest(payload, keys));
  await pending.commit();
  return { serial: payload.serial };
}
