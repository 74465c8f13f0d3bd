// Attack (found by review, now refused): GitHub's secondary rate limit answers 403 "You have exceeded a secondary rate limit"
// and may carry neither retry-after nor x-ratelimit-remaining: 0 (GitHub's docs: "otherwise,
// wait for at least one minute"). sendDispatch calls that `failed`, so the dispatch goes dead
// (and its key is taken for good until `replay-dead`): an alert storm loses alerts.
import { createServer } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendDispatch } from '../../../src/adapters/github-dispatch.ts';

let url: string;
const server = createServer((req, res) => {
  req.resume();
  res.writeHead(403, { 'content-type': 'application/json', 'x-ratelimit-remaining': '4321' });
  res.end(
    JSON.stringify({
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
    }),
  );
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

it('a 403 secondary rate limit without retry-after is retried, not dead', async () => {
  const result = await sendDispatch({
    apiUrl: url,
    repository: 'acme/ops',
    token: 't',
    body: '{"event_type":"remediate","client_payload":{}}',
  });
  expect(result.kind).toBe('retry');
});
