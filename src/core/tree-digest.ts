import { createHash } from 'node:crypto';

/** One file of a remediation folder, as read from git objects or the working tree. */
export interface TreeFile {
  /** Path relative to `remediations/<name>/`, with `/` separators. */
  readonly path: string;
  /** Git file mode: `100644` or `100755`. */
  readonly mode: '100644' | '100755';
  readonly content: Buffer;
  /** Hex sha256 of `content`, computed once by treeFile: the digest and the snapshot listing share it. */
  readonly sha256: string;
}

/** A TreeFile, with the hash of its content: the only way files enter the digest. */
export function treeFile(path: string, mode: TreeFile['mode'], content: Buffer): TreeFile {
  return { path, mode, content, sha256: sha256Hex(content) };
}

/** Hex sha256 of bytes. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `sha256:<hex>` of bytes: the form every digest in this project takes. */
export function sha256Digest(bytes: Uint8Array | string): string {
  return `sha256:${sha256Hex(bytes)}`;
}

/** The listing line of each file, sorted by path bytes: `<mode> <sha256 of content> <path>`. */
export function treeListing(files: readonly TreeFile[]): { path: string; mode: string; sha256: string }[] {
  return [...files]
    .sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)))
    .map((file) => ({ path: file.path, mode: file.mode, sha256: file.sha256 }));
}

/**
 * The definition digest (docs/architecture.md, "Formats"; README "Versions and tags"): sha256 over the sorted listing
 * `<mode> <sha256 of content> <path>\n` of every file. Mode is included so a script that loses or
 * gains its executable bit is a different version.
 */
export function treeDigest(files: readonly TreeFile[]): string {
  const hash = createHash('sha256');
  for (const line of treeListing(files)) hash.update(`${line.mode} ${line.sha256} ${line.path}\n`);
  return `sha256:${hash.digest('hex')}`;
}
