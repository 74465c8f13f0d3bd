// OctokitGitHubApi's failure handling, with a stand-in for octokit's `request` (our narrow
// OctokitLike interface): errors shaped like octokit's RequestError (status, response.headers).
import { describe, expect, it } from 'vitest';
import { OctokitGitHubApi } from '../../src/adapters/github-api.ts';
import { ServiceError } from '../../src/errors.ts';
import { rejected } from '../helpers/errors.ts';

const requestError = (status: number, headers: Record<string, string> = {}, message = 'x') =>
  Object.assign(new Error(message), { status, response: { headers } });

function client(
  answer: (call: number, params: Record<string, unknown>) => Promise<unknown>,
  policy: Partial<ConstructorParameters<typeof OctokitGitHubApi>[2]> = {},
) {
  const slept: number[] = [];
  const warnings: string[] = [];
  let calls = 0;
  const api = new OctokitGitHubApi(
    { request: async (_route, params) => ({ status: 200, data: await answer(++calls, params ?? {}) }) },
    'o/r',
    { attempts: 2, firstDelayMs: 1, maxDelayMs: 1, maxRateLimitWaitMs: 300_000, ...policy },
    (m) => warnings.push(m),
    async (ms) => {
      slept.push(ms);
    },
  );
  return { api, slept, warnings, calls: () => calls };
}

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await rejected(promise);
  if (error instanceof ServiceError) return error;
  throw new Error('expected a ServiceError');
}

describe('OctokitGitHubApi failures', () => {
  it('shares one rate-limit waiting budget across every call of the client (one run)', async () => {
    const c = client(async (n) => {
      if (n % 2 === 1) throw requestError(429, { 'retry-after': '200' });
      return [];
    });
    await c.api.listMatchingRefs('tags/manifest/s'); // waits 200 s
    const error = await failure(c.api.listMatchingRefs('tags/manifest/s')); // another 200 s would pass 300 s
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toMatch(/waited 200 s of at most 300 s/);
    expect(c.slept).toEqual([200_000]);
  });

  it('waits at least a second on retry-after: 0, so the budget runs out instead of spinning', async () => {
    const c = client(async () => {
      throw requestError(429, { 'retry-after': '0' });
    });
    expect((await failure(c.api.listMatchingRefs('tags/manifest/s'))).code).toBe('RATE_LIMITED');
    expect(c.slept).toHaveLength(300);
    expect(c.slept.every((ms) => ms === 1000)).toBe(true);
  });

  it('abandons a request that is never answered, retries it, then fails naming the call', async () => {
    const c = client(
      (_n, params) =>
        new Promise((_resolve, reject) => {
          const signal = (params.request as { signal?: AbortSignal } | undefined)?.signal;
          signal?.addEventListener('abort', () =>
            reject(Object.assign(new Error('This operation was aborted'), { status: 500 })),
          );
        }),
      { requestTimeoutMs: 20 },
    );
    const error = await failure(c.api.listMatchingRefs('tags/manifest/s'));
    expect(error.code).toBe('GITHUB_API');
    expect(c.calls()).toBe(2);
    expect(error.message).toMatch(/^GET \/repos\/\{owner\}\/\{repo\}\/git\/matching-refs\/\{ref\} failed \(HTTP 500\)/);
  });

  it('reports a failed call by operation and status, never the HTML error page', async () => {
    const c = client(async () => {
      throw requestError(502, {}, '<!DOCTYPE html><html>502 Bad Gateway</html>');
    });
    const error = await failure(c.api.listReleases(10));
    expect(error.code).toBe('GITHUB_API');
    expect(error.status).toBe(502);
    expect(error.message).toBe('GET /repos/{owner}/{repo}/releases failed (HTTP 502): GitHub is failing; re-run later');
    const denied = client(async () => {
      throw requestError(403, {}, 'Resource not accessible by integration');
    });
    expect((await failure(denied.api.listReleases(10))).message).toMatch(
      /failed \(HTTP 403\): the token lacks a permission/,
    );
  });

  it('still answers undefined for a 404 where absence is an answer', async () => {
    const c = client(async () => {
      throw requestError(404);
    });
    expect(await c.api.tryGetReleaseByTag('manifest/s1')).toBeUndefined();
  });
});
