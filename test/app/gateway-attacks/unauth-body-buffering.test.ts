// Attack (found by review, now refused): a bearer-authenticated source (Alertmanager) reads the whole body (up to 1 MiB) before
// it looks at the Authorization header, so an unauthenticated client holds 1 MiB of server memory
// per connection for as long as Node's requestTimeout (300 s) by declaring a large body and
// sending it slowly; with no connection limit, a few thousand connections exhaust memory. A wrong
// bearer token should be refused as soon as the headers arrive.
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(
    `github:
  repository: acme/ops
  token-env: TOK
sources:
  - id: am
    type: alertmanager
    path: /am
    auth: { bearer-env: AMB }
rules:
  - source: am
    match: { alertname: X }
    remediation: r@v1.0.0
`,
    { am: { bearer: 'the-real-bearer-token' } },
  );
});
afterAll(() => h.close());

it('refuses a wrong bearer token without waiting for (and buffering) a 1 MiB body', async () => {
  const { port } = new URL(h.url);
  const socket = connect(Number(port), '127.0.0.1');
  const answer = new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (d) => {
      text += d.toString();
      if (text.includes('\r\n\r\n')) resolve(text.split('\r\n')[0] ?? '');
    });
    setTimeout(() => resolve('no answer within 2 s'), 2000);
  });
  socket.write(
    'POST /am HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer wrong\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${1024 * 1024 - 1}\r\n\r\n{"version":`,
  );
  const status = await answer;
  socket.destroy();
  expect(status).toMatch(/^HTTP\/1\.1 401/);
});
