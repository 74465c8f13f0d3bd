import { UsageError } from '../errors.ts';

/** A pinned remediation version: `name@vMAJOR.MINOR.PATCH[-pre][+build]`. */
export interface VersionRef {
  readonly name: string;
  /** The version with its leading `v`, e.g. `v1.2.0`. */
  readonly version: string;
  /** The git tag that releases it: `<name>/<version>`. */
  readonly tag: string;
}

// Names become folder names, tag prefixes, env-safe artifact names: keep them boring.
// Refusing `.`/`..`/slashes stops path traversal out of remediations/ (`../x`).
const NAME = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
// semver.org's grammar, with the mandatory `v` prefix.
const SEMVER =
  /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

const HOW_TO_PIN = 'pin an exact released version, e.g. restart-service@v1.2.0';

/** Whether `name` is one a remediation can have (as assertRemediationName checks). */
export function isRemediationName(name: string): boolean {
  return NAME.test(name);
}

/** Checks a remediation name; refuses traversal and anything unsafe as a path or tag part. */
export function assertRemediationName(name: string): string {
  if (!isRemediationName(name)) {
    throw new UsageError(
      'INVALID_REFERENCE',
      `invalid remediation name '${truncate(name)}': expected lower-case letters, digits and '-' (at most 64)`,
    );
  }
  return name;
}

/** Checks an exact semver version with a `v` prefix. */
export function assertVersion(version: string): string {
  if (!SEMVER.test(version)) {
    throw new UsageError(
      'INVALID_REFERENCE',
      `invalid version '${truncate(version)}': expected an exact version like v1.2.0 (${HOW_TO_PIN}); ranges, 'latest', branches and commit SHAs are not accepted`,
    );
  }
  return version;
}

/** Parses `name@vX.Y.Z`; anything floating (latest, ranges, branches, SHAs) is refused. */
/** The version every `remediate try` record carries: never a release (app/run.ts). */
export const UNRELEASED_VERSION = 'v0.0.0-unreleased';

/**
 * Refuses the version `try` records carry (found by review). Attack: a released
 * `x@v0.0.0-unreleased` would share its version string, tag name and record-folder prefix with
 * working-tree runs, and whoever reads only a receipt's version could not tell them apart.
 */
export function assertReleasable(ref: VersionRef): VersionRef {
  if (ref.version === UNRELEASED_VERSION) {
    throw new UsageError(
      'INVALID_REFERENCE',
      `${ref.version} is reserved for unreleased runs (remediate try); release ${ref.name} under another version`,
    );
  }
  return ref;
}

export function parseVersionRef(text: string): VersionRef {
  const at = text.lastIndexOf('@');
  if (at <= 0) {
    throw new UsageError(
      'INVALID_REFERENCE',
      `invalid reference '${truncate(text)}': expected <name>@v<semver> (${HOW_TO_PIN})`,
    );
  }
  const name = assertRemediationName(text.slice(0, at));
  const version = assertVersion(text.slice(at + 1));
  return assertReleasable({ name, version, tag: tagFor(name, version) });
}

/** Builds a reference from separate name and version arguments. */
export function makeVersionRef(name: string, version: string): VersionRef {
  assertRemediationName(name);
  assertVersion(version);
  return { name, version, tag: tagFor(name, version) };
}

/** The release tag of a version. */
export function tagFor(name: string, version: string): string {
  return `${name}/${version}`;
}

/** Formats a reference for messages: `name@version`. */
export function formatRef(ref: Pick<VersionRef, 'name' | 'version'>): string {
  return `${ref.name}@${ref.version}`;
}

function truncate(text: string): string {
  const printable = JSON.stringify(text).slice(1, -1);
  return printable.length > 80 ? `${printable.slice(0, 77)}...` : printable;
}

/**
 * Orders two versions by semver precedence (https://semver.org/#spec-item-11): numeric
 * major.minor.patch, a pre-release before its release, pre-release identifiers compared
 * numerically or as text; build metadata ignored. Negative when `a` comes first.
 */
export function compareVersions(a: string, b: string): number {
  const pa = SEMVER.exec(a);
  const pb = SEMVER.exec(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return d;
  }
  const [preA, preB] = [pa[4], pb[4]];
  if (preA === undefined || preB === undefined) return preA === preB ? 0 : preA === undefined ? 1 : -1;
  const ia = preA.split('.');
  const ib = preB.split('.');
  for (let i = 0; i < Math.max(ia.length, ib.length); i++) {
    const [x, y] = [ia[i], ib[i]];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const [nx, ny] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (nx && ny && Number(x) !== Number(y)) return Number(x) - Number(y);
    if (nx !== ny) return nx ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
