// Where published manifests live on GitHub: one release per manifest serial, tagged
// `manifest/s<serial>`, so the newest is found with one ref listing however many per-run record
// releases and version releases the repository holds.

/** Name of the manifest asset on every release that carries one. */
export const MANIFEST_ASSET = 'remediation-manifest.json';

/** The ref prefix GitHub's matching-refs call takes to list every manifest tag. */
export const MANIFEST_REF_PREFIX = 'tags/manifest/s';

/** The tag of the release that publishes the manifest with this serial. */
export function manifestTag(serial: number): string {
  return `manifest/s${serial}`;
}

// Exactly `refs/tags/manifest/s<serial>`, no leading zeros: `s007` and `s7` cannot both claim 7.
const MANIFEST_REF = /^refs\/tags\/manifest\/s([1-9][0-9]{0,14})$/;

/** A manifest tag and the serial its name claims. */
export interface ManifestTag {
  readonly tag: string;
  readonly serial: number;
}

/** The manifest tags among full ref names, highest serial first; other names are ignored. */
export function manifestTagsNewestFirst(refNames: readonly string[]): ManifestTag[] {
  const tags: ManifestTag[] = [];
  // A name listed twice counts once, so repeats cannot fill the few candidate places.
  for (const name of new Set(refNames)) {
    const match = MANIFEST_REF.exec(name);
    if (match) tags.push({ tag: name.slice('refs/tags/'.length), serial: Number(match[1]) });
  }
  return tags.sort((a, b) => b.serial - a.serial);
}
