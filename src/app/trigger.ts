import { readFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { sha256Digest } from '../core/tree-digest.ts';
import type { Trigger } from '../record/snapshot.ts';
import type { GitHubEnvironment } from './github-environment.ts';

/**
 * Who or what started the run. In a GitHub job it comes from the runner's variables and the event
 * payload, which is kept only as a digest (it may hold alert details that do not belong in a
 * record); locally it is the user and host.
 */
export async function triggerFromEnvironment(github: GitHubEnvironment): Promise<Trigger> {
  if (!github.actions) return { kind: 'local', user: userInfo().username, host: hostname() };
  let payloadDigest: string | undefined;
  let action: string | undefined;
  if (github.eventPath) {
    const payload = await readFile(github.eventPath).catch(() => undefined);
    if (payload) {
      payloadDigest = sha256Digest(payload);
      try {
        const parsed = JSON.parse(payload.toString('utf8')) as { action?: unknown };
        // repository_dispatch puts its event type in `action`.
        if (typeof parsed.action === 'string') action = parsed.action.slice(0, 100);
      } catch {
        // An unparseable payload still has a digest; its action is simply unknown.
      }
    }
  }
  return {
    kind: 'github',
    event: github.eventName ?? 'unknown',
    ...(action !== undefined ? { action } : {}),
    runId: github.runId ?? 'unknown',
    attempt: github.runAttempt ?? '1',
    actor: github.actor ?? 'unknown',
    workflowRef: github.workflowRef ?? 'unknown',
    repository: github.repository ?? 'unknown',
    ...(payloadDigest !== undefined ? { payloadDigest } : {}),
  };
}
