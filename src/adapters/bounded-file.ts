// Reading a file the caller named (a key, a manifest, a params file, a record file). Whoever
// names the path chooses what is there: a FIFO, a device, a folder, a huge file. Each is refused
// with a one-line usage error before more than the limit is read.

import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { UsageError, usageErrorFromSystem, type UsageErrorCode } from '../errors.ts';

/** How to name the file in errors, and the most bytes accepted. */
export interface BoundedRead {
  /** What the file is, as the caller knows it: `--params-file`, `key file`, `manifest`. */
  readonly label: string;
  /** Files larger than this are refused. */
  readonly maxBytes: number;
  /** The error code for a file over maxBytes, when the caller's input has its own (INVALID_PARAMS). */
  readonly tooLargeCode?: UsageErrorCode;
  /**
   * Checks the opened file before it is read (a private key's mode, say) and throws to refuse it.
   * It sees the descriptor's stats, so a file swapped after a check by path cannot slip past.
   */
  readonly checkFile?: (stats: Stats) => void;
  /**
   * Refuse a symbolic link as the last part of the path (O_NOFOLLOW), for files a pull request
   * supplies: a link to /proc/self/environ or a runner's credentials would be read and quoted.
   */
  readonly noFollow?: boolean;
}

/** Bytes read per call once the file turns out larger than it said it was. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Reads a regular file of at most `maxBytes`; throws a UsageError (NOT_FOUND, NOT_A_FILE,
 * FILE_TOO_LARGE or `tooLargeCode`, IO_ERROR) naming the file and the problem otherwise.
 */
export function readBoundedFile(path: string, options: BoundedRead): Buffer {
  const bytes = tryReadBoundedFile(path, options);
  if (bytes === undefined) throw new UsageError('NOT_FOUND', `${options.label} ${path} does not exist`);
  return bytes;
}

/** As readBoundedFile, but undefined when nothing exists at `path`. */
export function tryReadBoundedFile(path: string, options: BoundedRead): Buffer | undefined {
  const { label, maxBytes, tooLargeCode = 'FILE_TOO_LARGE' } = options;
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer would block here, and a read from one forever,
    // with the event loop stopped, so SIGINT and SIGTERM went unanswered. It does not change reads
    // of regular files. O_NOCTTY: naming a terminal must not make it the process's controlling one.
    // (Both are 0 where the platform has no such flag.)
    const noFollow = options.noFollow === true ? (constants.O_NOFOLLOW ?? 0) : 0;
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0) | noFollow);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (options.noFollow === true && (error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new UsageError('NOT_A_FILE', `${label} ${path} is a symbolic link; make it a regular file`);
    }
    throw usageErrorFromSystem(error, `${label} ${path}`) ?? error;
  }
  try {
    const stats = fstatSync(fd);
    // Only regular files: a FIFO or a character device (/dev/zero, /dev/stdin) has no end to wait
    // for, and a folder has no bytes; checked on the open descriptor, so a swap after a check
    // cannot slip one in.
    if (!stats.isFile()) {
      throw new UsageError('NOT_A_FILE', `${label} ${path} is ${kindOf(stats)}, not a regular file`);
    }
    // Refused by its stated size before reading: a 200 MB file must not cost 200 MB to refuse.
    if (stats.size > maxBytes) throw tooLarge(tooLargeCode, label, path, maxBytes, stats.size);
    options.checkFile?.(stats);
    return readAtMost(fd, maxBytes, stats.size, () => tooLarge(tooLargeCode, label, path, maxBytes));
  } catch (error) {
    throw usageErrorFromSystem(error, `${label} ${path}`) ?? error;
  } finally {
    closeSync(fd);
  }
}

// Reads until end of file, but never more than maxBytes + 1 bytes: a file whose stated size is
// wrong (/proc files say 0) or that grows while read cannot make the read unbounded.
function readAtMost(fd: number, maxBytes: number, statedSize: number, onTooLarge: () => Error): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let want = Math.min(statedSize + 1, maxBytes + 1);
  for (;;) {
    const chunk = Buffer.allocUnsafe(want);
    let filled = 0;
    while (filled < chunk.byteLength) {
      const count = readSync(fd, chunk, filled, chunk.byteLength - filled, null);
      if (count === 0) break;
      filled += count;
    }
    chunks.push(chunk.subarray(0, filled));
    total += filled;
    if (total > maxBytes) throw onTooLarge();
    if (filled < chunk.byteLength) return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
    want = Math.min(CHUNK_BYTES, maxBytes + 1 - total);
  }
}

function tooLarge(code: UsageErrorCode, label: string, path: string, maxBytes: number, size?: number): UsageError {
  const actual = size === undefined ? `over ${maxBytes} bytes` : `${size} bytes`;
  return new UsageError(code, `${label} ${path} is ${actual}; at most ${maxBytes} bytes are accepted`);
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}
