import { readFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { sha256Digest } from '../core/tree-digest.ts';
import type { Trigger } from '../record/snapshot.ts';

/**
 * Who or what started the run. On GitHub (GITHUB_ACTIONS=true) it comes from the runner's
 * environment and the event payload, which is kept only as a digest (it may hold alert details
 * that do not belong in a record); locally it is the user and host.
 */
export async function triggerFromEnvironment(env: NodeJS.ProcessEnv): Promise<Trigger> {
  if (env.GITHUB_ACTIONS !== 'true') return { kind: 'local', user: userInfo().username, host: hostname() };
  let payloadDigest: string | undefined;
  let action: string | undefined;
  if (env.GITHUB_EVENT_PATH) {
    const payload = await readFile(env.GITHUB_EVENT_PATH).catch(() => undefined);
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
    event: env.GITHUB_EVENT_NAME ?? 'unknown',
    ...(action !== undefined ? { action } : {}),
    runId: env.GITHUB_RUN_ID ?? 'unknown',
    attempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    actor: env.GITHUB_ACTOR ?? 'unknown',
    workflowRef: env.GITHUB_WORKFLOW_REF ?? 'unknown',
    repository: env.GITHUB_REPOSITORY ?? 'unknown',
    ...(payloadDigest !== undefined ? { payloadDigest } : {}),
  };
}
