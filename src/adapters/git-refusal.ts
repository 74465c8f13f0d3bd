import { UsageError } from '../errors.ts';

/**
 * git's message when it refuses a repository owned by another user (safe.directory, git 2.35.2+).
 * Matching git's text is the only way to tell this exit 128 from any other; git runs with
 * LC_ALL=C (gitEnvironment), so the message is not translated.
 */
const DUBIOUS_OWNERSHIP = /detected dubious ownership in repository at '([^'\n]*)'/;

/**
 * The one-line error for a repository git refused to read, from a failed git's stderr, or
 * undefined when git failed for another reason. Without it the refusal surfaced as an INTERNAL
 * error with a stack trace, or worse, as "names no commit" from a lookup allowed to fail.
 */
export function tryRepositoryRefusal(stderr: string): UsageError | undefined {
  const match = DUBIOUS_OWNERSHIP.exec(stderr);
  if (!match) return undefined;
  const dir = match[1] ?? '';
  return new UsageError(
    'DUBIOUS_OWNERSHIP',
    `git refuses to read the repository at ${dir}: it is owned by another user (git's "dubious ownership" check). Run remediate as the owner of the checkout, or, if you trust it, allow it with: git config --global --add safe.directory ${dir}`,
  );
}
