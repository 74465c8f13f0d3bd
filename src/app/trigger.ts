import { readFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { UsageError } from '../errors.ts';
import { alertKeyOfEvent } from '../core/dispatch-payload.ts';
import { sha256Digest } from '../core/tree-digest.ts';
import type { Trigger } from '../record/snapshot.ts';
import type { GitHubEnvironment } from './github-environment.ts';

/** The GitHub event that started the job (GITHUB_EVENT_PATH), read once: its bytes, and its JSON when it parses. */
export interface GitHubEvent {
  readonly bytes: Buffer;
  /** The parsed payload; undefined when it is not JSON. */
  readonly payload: unknown;
}

/**
 * Reads the event payload of the GitHub job the run belongs to, once, so the trigger's digest and
 * the idempotency key come from the same bytes. Undefined outside a GitHub job, or when the
 * runner gave no readable event file (the trigger then has no digest, and the run no derived key).
 */
export async function readGitHubEvent(github: GitHubEnvironment): Promise<GitHubEvent | undefined> {
  if (!github.actions || !github.eventPath) return undefined;
  const bytes = await readFile(github.eventPath).catch(() => undefined);
  if (bytes === undefined) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(bytes.toString('utf8'));
  } catch {
    // An unparseable payload still has a digest; what it says is simply unknown.
  }
  return { bytes, payload };
}

/**
 * Who or what started the run. In a GitHub job it comes from the runner's variables and the event
 * payload, which is kept only as a digest (it may hold alert details that do not belong in a
 * record); locally it is the user and host.
 */
export function triggerFromEnvironment(github: GitHubEnvironment, event: GitHubEvent | undefined): Trigger {
  if (!github.actions) return { kind: 'local', user: userInfo().username, host: hostname() };
  const parsed = event?.payload as { action?: unknown } | undefined;
  // repository_dispatch puts its event type in `action`.
  const action = typeof parsed?.action === 'string' ? parsed.action.slice(0, 100) : undefined;
  return {
    kind: 'github',
    event: github.eventName ?? 'unknown',
    ...(action !== undefined ? { action } : {}),
    runId: github.runId ?? 'unknown',
    attempt: github.runAttempt ?? '1',
    actor: github.actor ?? 'unknown',
    workflowRef: github.workflowRef ?? 'unknown',
    repository: github.repository ?? 'unknown',
    ...(event !== undefined ? { payloadDigest: sha256Digest(event.bytes) } : {}),
  };
}

/**
 * The idempotency key of the job's event: that of a repository_dispatch payload's
 * `client_payload.alert` (core/idempotency-key.ts), or undefined when it has none. A key field of
 * the wrong type or form is a UsageError (exit 2, before anything runs), as `dispatch parse`
 * refuses it: dropping it would silently turn the duplicate check off.
 */
export function idempotencyKeyOfEvent(event: GitHubEvent | undefined): string | undefined {
  if (event === undefined) return undefined;
  const key = alertKeyOfEvent(event.payload);
  if (key.kind === 'invalid') {
    throw new UsageError(
      'INVALID_PARAMS',
      `repository_dispatch payload: ${key.problem}; fix the alert source, or give the key explicitly (--idempotency-key, input 'idempotency-key')`,
    );
  }
  return key.kind === 'key' ? key.key : undefined;
}
