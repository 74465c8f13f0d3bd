// Which Node.js the CLI runs on. The CLI supports the current LTS lines, 22 and 24; older lines
// fail midway (Node 20 has no `ArrayBuffer.prototype.transfer`, which `releaseChunk` uses) after a
// record is already open, so the entry asks here first, before it loads the rest of the tool.

/** The oldest Node.js major version the CLI runs on. */
export const MINIMUM_NODE_MAJOR = 22;

/**
 * The refusal to print for a Node.js `version` (as in `process.versions.node`, e.g. `20.20.2`)
 * older than MINIMUM_NODE_MAJOR, or undefined when the CLI can run on it. Pure, so the entry can
 * call it before importing anything that might not load on an old Node.
 */
export function nodeVersionRefusal(version: string): string | undefined {
  const major = Number.parseInt(version, 10);
  if (major >= MINIMUM_NODE_MAJOR) return undefined;
  return `remediate needs Node.js ${MINIMUM_NODE_MAJOR} or later (this is v${version})`;
}
