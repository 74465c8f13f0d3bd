// Attack (GitHub App auth, found by review): gateway.yml's `github.api-url` is refused unless it
// is https:// (http:// only on 127.0.0.1, localhost or [::1]) without credentials, because the
// token travels in every request. GITHUB_API_URL overrides it, and was taken unchecked: an
// http:// address elsewhere received the App's JWT in clear text. That JWT is worth more than the
// narrowed installation token the gateway asks for: for ten minutes it mints tokens for every
// installation of the App, with every permission it was granted. The override is held to the
// same rule, at start, before the key is used.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/commands.ts';
import { writeAppKey } from '../helpers/app-key.ts';
import { gitTestEnv } from '../helpers/git-repo.ts';
import { captureContext } from '../helpers/in-process-cli.ts';
import { freePort } from '../helpers/network.ts';

let dir: string;
let eavesdropper: Server;
let eavesdropperUrl: string;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gateway-api-url-'));
  writeAppKey(dir);
  // Plain http on an address the config check would refuse (a loopback address, but not one of
  // the three it names), standing in for any host on the path.
  eavesdropper = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => eavesdropper.listen(0, '127.0.0.2', resolve));
  const address = eavesdropper.address();
  eavesdropperUrl = `http://127.0.0.2:${typeof address === 'object' && address ? address.port : 0}`;
}, 30_000);

afterAll(async () => {
  await new Promise((resolve) => eavesdropper.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function startWith(apiUrl: string, auth: string) {
  const port = await freePort();
  const config = join(dir, `gateway-${port}.yml`);
  writeFileSync(
    config,
    `listen: 127.0.0.1:${port}
state: ./state-${port}
github:
  repository: acme/ops
${auth}
sources:
  - id: am
    type: alertmanager
    path: /alertmanager
    auth: { bearer-env: AM_BEARER }
rules:
  - source: am
    match: { alertname: ConfigDrift }
    remediation: reapply-config@v1.0.0
`,
  );
  const cancel = new AbortController();
  const context = captureContext(dir, {
    env: { ...gitTestEnv(), AM_BEARER: 'am-bearer-0123456789', GH_TOKEN_VAR: 'ghs_x', GITHUB_API_URL: apiUrl },
    cancel: cancel.signal,
  });
  const exit = runCli(['gateway', '--config', config], context);
  // Either it refuses at start, or it starts and fetches the App's first token at once.
  const settled = await Promise.race([
    exit.then((code) => ({ code })),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 3000)),
  ]);
  cancel.abort();
  const code = settled?.code ?? (await exit);
  return { code, stopped: settled === undefined, errors: context.errLines.join('\n') };
}

describe('GITHUB_API_URL is held to the api-url rule', () => {
  it('refuses (exit 2) an http:// override for a GitHub App before any JWT leaves', async () => {
    const app = `  app:\n    id: 424242\n    private-key-file: github-app.pem\n    installation-id: 98765`;
    const result = await startWith(eavesdropperUrl, app);
    expect(seen.map((h) => h.authorization?.slice(0, 10))).toEqual([]);
    expect(result.stopped).toBe(false);
    expect(result.code).toBe(2);
    expect(result.errors).toMatch(/GITHUB_API_URL: expected an https:\/\/ URL/);
  });

  it('refuses an override with credentials, and one for a token-env token too', async () => {
    const token = '  token-env: GH_TOKEN_VAR';
    expect((await startWith('https://user:pw@github.example.com/api/v3', token)).code).toBe(2);
    expect((await startWith(eavesdropperUrl, token)).code).toBe(2);
    expect(seen).toEqual([]);
  });
});
