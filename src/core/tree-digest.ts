import { createHash } from 'node:crypto';

/** One file of a remediation folder, as read from git objects or the working tree. */
export interface TreeFile {
  /** Path relative to `remediations/<name>/`, with `/` separators. */
  readonly path: string;
  /** Git file mode: `100644` or `100755`. */
  readonly mode: '100644' | '100755';
  /** Never modified once read: its hash is computed once (contentSha256). */
  readonly content: Buffer;
}

/** Hex sha256 of bytes. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `sha256:<hex>` of bytes: the form every digest in this project takes. */
export function sha256Digest(bytes: Uint8Array | string): string {
  return `sha256:${sha256Hex(bytes)}`;
}

/**
 * Content hashes by buffer. A file's content is read once and never modified afterwards, so its
 * hash is computed once: the digest and the run snapshot's listing share it, and a reader can
 * compute it while more content is still arriving (see GitCli.readBlobs).
 */
const contentHashes = new WeakMap<Uint8Array, string>();

/** Hex sha256 of a file's content, computed at most once per content buffer. */
export function contentSha256(content: Uint8Array): string {
  let hash = contentHashes.get(content);
  if (hash === undefined) {
    hash = sha256Hex(content);
    contentHashes.set(content, hash);
  }
  return hash;
}

/** The listing line of each file, sorted by path bytes: `<mode> <sha256 of content> <path>`. */
export function treeListing(files: readonly TreeFile[]): { path: string; mode: string; sha256: string }[] {
  return [...files]
    .sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)))
    .map((file) => ({ path: file.path, mode: file.mode, sha256: contentSha256(file.content) }));
}

/**
 * The definition digest (DESIGN.md "Digest"): sha256 over the sorted listing
 * `<mode> <sha256 of content> <path>\n` of every file. Mode is included so a script that loses or
 * gains its executable bit is a different version.
 */
export function treeDigest(files: readonly TreeFile[]): string {
  const hash = createHash('sha256');
  for (const line of treeListing(files)) hash.update(`${line.mode} ${line.sha256} ${line.path}\n`);
  return `sha256:${hash.digest('hex')}`;
}
