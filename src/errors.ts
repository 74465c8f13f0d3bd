/** Exit codes shared by every command (README "Exit codes"). */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  refused: 3,
  cancelled: 4,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Problems with how a command was called or with its inputs: exit 2. */
export type UsageErrorCode =
  | 'USAGE'
  | 'INVALID_REFERENCE'
  | 'INVALID_DEFINITION'
  | 'INVALID_PARAMS'
  | 'INVALID_KEY'
  | 'UNPROTECTED_KEY'
  | 'MISSING_SECRET'
  | 'DIRTY_TREE'
  | 'FILE_EXISTS'
  | 'NOT_FOUND'
  | 'NOT_A_FILE'
  | 'NOT_A_FOLDER'
  | 'FILE_TOO_LARGE'
  | 'IO_ERROR'
  | 'DUBIOUS_OWNERSHIP'
  | 'NOT_REPLAYABLE'
  | 'INVALID_CONFIG'
  | 'INVALID_ALERT';

/** Integrity and trust refusals: exit 3. Each names the check that failed. */
export type TrustErrorCode =
  | 'MALFORMED'
  | 'SIGNATURE_INVALID'
  | 'UNTRUSTED_KEY'
  | 'THRESHOLD_NOT_MET'
  | 'EXPIRED'
  | 'SERIAL_ROLLBACK'
  | 'UNKNOWN_VERSION'
  | 'UNKNOWN_TARGET'
  | 'TAG_NOT_FOUND'
  | 'TAG_MISMATCH'
  | 'COMMIT_MISMATCH'
  | 'DIGEST_MISMATCH'
  | 'YANKED'
  | 'VERSION_EXISTS'
  | 'NOT_APPEND_ONLY'
  | 'UNSAFE_TREE'
  | 'RECORD_TAMPERED'
  | 'UNANCHORED'
  | 'ATTESTATION_INVALID'
  | 'CIRCUIT_OPEN'
  | 'DUPLICATE_ALERT'
  | 'HISTORY_UNAVAILABLE'
  | 'TOO_MANY_UNHEALTHY'
  | 'PLAN_CHANGED'
  | 'NOT_APPROVED'
  | 'UNRELEASED_ON_GITHUB';

/** An outside service refused to serve us for now: exit 1, the run did not start or finish. */
export type ServiceErrorCode = 'RATE_LIMITED' | 'GITHUB_API' | 'GITHUB_APP_TOKEN';

/** Base class: every error the tool raises carries a code and the exit code it maps to. */
export abstract class RemediateError extends Error {
  abstract readonly code: string;
  abstract readonly exitCode: ExitCodeValue;
}

/** The caller asked for something malformed; fixing the call fixes it. */
export class UsageError extends RemediateError {
  override readonly name = 'UsageError';
  readonly exitCode = ExitCode.usage;
  readonly code: UsageErrorCode;
  constructor(code: UsageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** An integrity or trust check refused: nothing may run. */
export class TrustError extends RemediateError {
  override readonly name = 'TrustError';
  readonly exitCode = ExitCode.refused;
  readonly code: TrustErrorCode;
  constructor(code: TrustErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** A service we depend on (GitHub's API) would not answer in time; retrying later may work. */
export class ServiceError extends RemediateError {
  override readonly name = 'ServiceError';
  readonly exitCode = ExitCode.failed;
  readonly code: ServiceErrorCode;
  /** The HTTP status of the last answer, when there was one. */
  readonly status: number | undefined;
  constructor(code: ServiceErrorCode, message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options);
    this.code = code;
    this.status = options?.status;
  }
}

/**
 * What the operating system's error codes mean for a file the caller named. Each describes the
 * caller's files or machine (a missing folder, a full disk), not a bug in the tool, so it is
 * reported in one line with exit 2 instead of as INTERNAL with a stack trace.
 */
const SYSTEM_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for the file system',
  EIO: 'input/output error',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'name too long',
  ENXIO: 'not a file (a socket or a device without a reader)',
  EEXIST: 'already exists',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
};

/**
 * The one-line UsageError for a system error on a file the caller named (`what`, e.g.
 * "--out runs/x"), or undefined when `error` is not a system error with a known code.
 */
export function usageErrorFromSystem(error: unknown, what?: string): UsageError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!(error instanceof Error) || typeof code !== 'string') return undefined;
  const problem = SYSTEM_PROBLEMS[code];
  if (problem === undefined) return undefined;
  const path = (error as NodeJS.ErrnoException).path;
  const subject =
    what ?? (path === undefined ? undefined : `${(error as NodeJS.ErrnoException).syscall ?? 'access'} ${path}`);
  const usageCode: UsageErrorCode = code === 'ENOENT' ? 'NOT_FOUND' : code === 'EEXIST' ? 'FILE_EXISTS' : 'IO_ERROR';
  return new UsageError(usageCode, `${subject === undefined ? '' : `${subject}: `}${problem} (${code})`, {
    cause: error,
  });
}

/** Describes any thrown value, including non-Error values, without losing it. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return `non-error value thrown: ${JSON.stringify(error)}`;
  } catch {
    return `non-error value thrown: ${String(error)}`;
  }
}
