import { RemediateError } from '../../src/errors.ts';

/**
 * The tool error `fn` throws, or undefined when it returns: tests assert on its code and message.
 * Anything that is not one of the tool's errors (a bug) is rethrown, so it fails the test loudly.
 */
export function thrown(fn: () => unknown): RemediateError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof RemediateError) return error;
    throw error;
  }
  return undefined;
}

/** The tool error `promise` rejects with, or undefined when it resolves. */
export async function rejected(promise: Promise<unknown>): Promise<RemediateError | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RemediateError) return error;
    throw error;
  }
  return undefined;
}
