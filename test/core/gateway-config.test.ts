import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GatewayConfigError, parseGatewayConfig, parseListen } from '../../src/core/gateway-config.ts';
import { UsageError } from '../../src/errors.ts';
import { thrown } from '../helpers/errors.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/gateway', name), 'utf8');

function issuesOf(text: string): string[] {
  const error = thrown(() => parseGatewayConfig(text, 'gateway.yml'));
  if (error === undefined) return [];
  expect(error).toBeInstanceOf(GatewayConfigError);
  expect(error).toBeInstanceOf(UsageError);
  expect(error.code).toBe('INVALID_CONFIG');
  return (error as GatewayConfigError).issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`);
}

const BASE = `listen: 127.0.0.1:9095
state: ./state
github: { repository: acme/ops, token-env: GH_TOKEN }
sources:
  - { id: am, type: alertmanager, path: /am, auth: { bearer-env: AM_BEARER } }
  - { id: pd, type: pagerduty, path: /pd, auth: { hmac-env: PD_SECRET } }
  - { id: gf, type: grafana, path: /gf, auth: { hmac-env: GF_SECRET, timestamp-header: X-Grafana-Alerting-Signature-Timestamp } }
  - { id: gen, type: generic, path: /hooks/gen, auth: { bearer-env: GEN_BEARER, hmac-env: GEN_HMAC } }
rules:
`;

describe('parseGatewayConfig', () => {
  it("parses issue 15's config as written, kebab-case keys read as camelCase", () => {
    const config = parseGatewayConfig(fixture('issue-15.yml'), 'gateway.yml');
    expect(config).toEqual({
      listen: { host: '127.0.0.1', port: 9095 },
      state: './gateway-state',
      github: {
        repository: 'acme/ops',
        auth: { kind: 'token', tokenEnv: 'GATEWAY_GITHUB_TOKEN' },
        eventType: 'remediate',
      },
      sources: [{ id: 'am', type: 'alertmanager', path: '/alertmanager', auth: { bearerEnv: 'AM_BEARER' } }],
      rules: [
        {
          source: 'am',
          match: { alertname: 'ConfigDrift' },
          remediation: 'reapply-config@v1.0.0',
          target: { label: 'instance', stripPort: true },
          params: { target: { label: 'path' }, desired: { value: 'app.conf' } },
        },
      ],
    });
  });

  it('reads every optional field: api-url, event-type, regex matchers, literal targets, rate limits', () => {
    const config = parseGatewayConfig(
      `${BASE.replace(
        'github: { repository: acme/ops, token-env: GH_TOKEN }',
        'github: { repository: acme/ops, token-env: GH_TOKEN, api-url: "http://127.0.0.1:8080/", event-type: remediate-alert }',
      )}  - source: gf
    match: { severity: { regex: "critical|page" }, team: ops }
    remediation: restart-process@v2.0.0-rc.1
    target: { value: "db:primary" }
    rate-limit: { max: 3, within: 10m }
`,
      'gateway.yml',
    );
    expect(config.github).toEqual({
      repository: 'acme/ops',
      auth: { kind: 'token', tokenEnv: 'GH_TOKEN' },
      apiUrl: 'http://127.0.0.1:8080',
      eventType: 'remediate-alert',
    });
    expect(config.sources[2]?.auth).toEqual({
      hmacEnv: 'GF_SECRET',
      timestampHeader: 'X-Grafana-Alerting-Signature-Timestamp',
    });
    expect(config.rules[0]).toEqual({
      source: 'gf',
      match: { severity: { regex: 'critical|page' }, team: 'ops' },
      remediation: 'restart-process@v2.0.0-rc.1',
      target: { value: 'db:primary' },
      params: {},
      rateLimit: { max: 3, within: '10m' },
    });
  });

  it('reads a GitHub App instead of token-env: its id or client id, key file as written, installation id', () => {
    const withApp = (app: string) =>
      parseGatewayConfig(
        BASE.replace(
          'github: { repository: acme/ops, token-env: GH_TOKEN }',
          `github:\n  repository: acme/ops\n  app: ${app}`,
        ) + '  - { source: am, match: { alertname: X }, remediation: fix@v1.0.0 }\n',
        'gateway.yml',
      ).github.auth;
    expect(withApp('{ id: 123456, private-key-file: keys/app.pem, installation-id: 7890 }')).toEqual({
      kind: 'app',
      appId: 123456,
      privateKeyFile: 'keys/app.pem',
      installationId: 7890,
    });
    expect(withApp('{ id: Iv23liAbCd.12, private-key-file: /etc/k.pem, installation-id: 1 }')).toMatchObject({
      appId: 'Iv23liAbCd.12',
    });
    // A quoted numeric id is the same App.
    expect(withApp('{ id: "123456", private-key-file: k.pem, installation-id: 1 }')).toMatchObject({ appId: 123456 });
  });

  it('refuses both token-env and app, and neither, at file:line:col, saying what to write', () => {
    const both = thrown(() =>
      parseGatewayConfig(
        `listen: 127.0.0.1:9095
state: ./state
github:
  repository: acme/ops
  token-env: GH_TOKEN
  app: { id: 1, private-key-file: k.pem, installation-id: 2 }
sources:
  - { id: am, type: alertmanager, path: /am, auth: { bearer-env: AM_BEARER } }
rules: []
`,
        'gateway.yml',
      ),
    );
    expect(both?.code).toBe('INVALID_CONFIG');
    expect(both?.message).toBe(
      'gateway.yml:6:3: github.app: expected token-env or app, not both: keep app to authenticate as the GitHub App, or token-env for a token from the environment',
    );
    const neither = thrown(() =>
      parseGatewayConfig(
        `listen: 127.0.0.1:9095
state: ./state
github:
  repository: acme/ops
sources:
  - { id: am, type: alertmanager, path: /am, auth: { bearer-env: AM_BEARER } }
rules: []
`,
        'gateway.yml',
      ),
    );
    expect(neither?.message).toBe(
      'gateway.yml:3:1: github: expected token-env: <variable holding a token>, or app: { id: <App id>, private-key-file: <path>, installation-id: <number> }',
    );
  });

  it('refuses an app without what GitHub needs: an id, a key file, a whole installation id', () => {
    const issues = issuesOf(
      BASE.replace(
        'github: { repository: acme/ops, token-env: GH_TOKEN }',
        'github:\n  repository: acme/ops\n  app: { id: "my-app", installation-id: 0, key: k.pem }',
      ) + '  - { source: am, match: { alertname: X }, remediation: fix@v1.0.0 }\n',
    );
    expect(issues).toContain("5:8 github.app: missing required key 'private-key-file'");
    expect(issues).toContain('5:41 github.app.installation-id: must be >= 1, got 0');
    expect(issues).toContain("5:44 github.app.key: unknown key 'key'");
    expect(issues).toContain(
      "5:14 github.app.id: expected the App's id (a number) or client id (Iv...), both on the App's settings page, got 'my-app'",
    );
  });

  it('reads an IPv6 listen address and port 0', () => {
    expect(parseListen('[::1]:0')).toEqual({ host: '::1', port: 0 });
    const config = parseGatewayConfig(fixture('issue-15.yml').replace('127.0.0.1:9095', '"[::1]:9095"'), 'g.yml');
    expect(config.listen).toEqual({ host: '::1', port: 9095 });
  });

  it('lists every semantic problem at file:line:col (hostile-config.yml)', () => {
    const error = thrown(() => parseGatewayConfig(fixture('hostile-config.yml'), 'gateway.yml'));
    expect(error?.code).toBe('INVALID_CONFIG');
    const lines = error?.message.split('\n') ?? [];
    expect(lines).toContain('gateway.yml:1:9: listen: expected a port of at most 65535, got 70000');
    expect(lines).toContain(
      "gateway.yml:6:12: github.api-url: expected an https:// URL (http:// only on a loopback address), got 'http://api.github.com'",
    );
    expect(lines).toContain(
      "gateway.yml:10:11: sources[0].path: '/healthz' is served by the gateway itself; choose another path",
    );
    expect(
      lines.some((l) => l.startsWith('gateway.yml:11:47: sources[0].auth.hmac-env: Alertmanager does not sign')),
    ).toBe(true);
    expect(
      lines.some((l) =>
        l.startsWith("gateway.yml:11:25: sources[0].auth.bearer-env: 'GATEWAY_GITHUB_TOKEN' is the GitHub token's"),
      ),
    ).toBe(true);
    expect(lines).toContain("gateway.yml:12:9: sources[1].id: duplicate source id 'am' (first used in sources[0])");
    expect(lines).toContain("gateway.yml:14:11: sources[1].path: duplicate path '/healthz' (first used in sources[0])");
    expect(lines).toContain(
      "gateway.yml:15:11: sources[1].auth: expected hmac-env: PagerDuty's X-PagerDuty-Signature is required",
    );
    expect(lines).toContain(
      "gateway.yml:18:11: sources[2].path: expected a path without '.', '..' or empty segments, got '/a/../b'",
    );
    expect(lines).toContain(
      'gateway.yml:19:11: sources[2].auth: expected bearer-env or hmac-env: every source must authenticate its requests',
    );
    expect(lines).toContain(
      "gateway.yml:21:13: rules[0].source: expected the id of a source (am, open), got 'nowhere'",
    );
    expect(lines).toContain(
      "gateway.yml:22:34: rules[0].match.alertname.regex: expected a valid regular expression, got '('",
    );
    expect(lines.some((l) => l.startsWith("gateway.yml:23:18: rules[0].remediation: invalid version 'latest'"))).toBe(
      true,
    );
    expect(lines.some((l) => l.startsWith('gateway.yml:24:22: rules[0].target.value: expected a target of'))).toBe(
      true,
    );
    expect(lines).toContain('gateway.yml:26:13: rules[0].params.both: expected exactly one of label or value');
    expect(lines).toContain(
      "gateway.yml:27:35: rules[0].rate-limit.within: expected a duration of at most 576h (24 days), got '1000h'",
    );
    expect(lines).toContain(
      'gateway.yml:31:42: rules[1].target.strip-port: strip-port applies to a target taken from a label',
    );
    expect(lines).toHaveLength(18);
  });

  it('reports schema problems with positions: unknown keys, wrong types, bad patterns', () => {
    const issues = issuesOf(`${BASE}  - source: am
    match: { alertname: X, severity: 5 }
    remediation: reapply-config@v1.0.0
    surprise: true
    params: { Bad: { value: x } }
`);
    expect(issues).toContain('11:38 rules[0].match.severity: expected string or object, got 5');
    expect(issues).toContain("13:5 rules[0].surprise: unknown key 'surprise'");
    expect(issues).toContain("14:15 rules[0].params.Bad: invalid key 'Bad'");
  });

  it('refuses an alertmanager hmac-env, a timestamp-header off grafana, an empty match, a floating version', () => {
    const issues = issuesOf(
      BASE.replace('auth: { bearer-env: AM_BEARER }', 'auth: { bearer-env: AM_BEARER, timestamp-header: X-Ts }') +
        `  - { source: am, match: {}, remediation: reapply-config }
`,
    );
    expect(
      issues.some((i) => /sources\[0\]\.auth\.timestamp-header: timestamp-header applies to a grafana source/.test(i)),
    ).toBe(false);
    // The empty match is a schema problem: checked before the semantic ones.
    expect(issues).toEqual(['10:26 rules[0].match: expected at least one label to match']);
    const semantic = issuesOf(
      BASE.replace('auth: { bearer-env: AM_BEARER }', 'auth: { bearer-env: AM_BEARER, timestamp-header: X-Ts }') +
        `  - { source: am, match: { a: b }, remediation: reapply-config }
`,
    );
    expect(semantic.some((i) => /^5:\d+ sources\[0\]\.auth\.timestamp-header: timestamp-header applies/.test(i))).toBe(
      true,
    );
    expect(semantic.some((i) => /rules\[0\]\.remediation: invalid reference 'reapply-config'/.test(i))).toBe(true);
  });

  it('reads on-resolved, and refuses it under the event type that starts fixes (a resolution would run the fix)', () => {
    const config = parseGatewayConfig(
      `${BASE}  - { source: am, match: { a: b }, remediation: x@v1.0.0, on-resolved: { event-type: remediate-resolved } }
`,
      'gateway.yml',
    );
    expect(config.rules[0]?.onResolved).toEqual({ eventType: 'remediate-resolved' });
    expect(
      issuesOf(`${BASE}  - { source: am, match: { a: b }, remediation: x@v1.0.0, on-resolved: { event-type: remediate } }
`),
    ).toEqual([
      "10:86 rules[0].on-resolved.event-type: 'remediate' is the event type that starts fixes (github.event-type); give resolutions their own, like remediate-resolved",
    ]);
    const custom = BASE.replace('token-env: GH_TOKEN', 'token-env: GH_TOKEN, event-type: fix');
    expect(
      issuesOf(`${custom}  - { source: am, match: { a: b }, remediation: x@v1.0.0, on-resolved: { event-type: fix } }
`),
    ).toEqual([expect.stringMatching(/^10:\d+ rules\[0\]\.on-resolved\.event-type: 'fix' is the event type/)]);
    expect(
      issuesOf(`${BASE}  - { source: am, match: { a: b }, remediation: x@v1.0.0, on-resolved: { event-type: "a b" } }
`),
    ).toEqual([expect.stringMatching(/rules\[0\]\.on-resolved\.event-type/)]);
  });

  it('refuses api URLs that would leak the token: credentials, plain http off loopback, not a URL', () => {
    const withUrl = (url: string) =>
      issuesOf(fixture('issue-15.yml').replace('token-env: GATEWAY_GITHUB_TOKEN', `token-env: T\n  api-url: "${url}"`));
    expect(withUrl('https://user:pw@ghe.example.com/api/v3')[0]).toMatch(/without credentials/);
    expect(withUrl('http://169.254.169.254/latest')[0]).toMatch(/expected an https:\/\/ URL/);
    expect(withUrl('https://ghe.example.com/api/v3?x=1')[0]).toMatch(/without credentials, query or fragment/);
    expect(withUrl('https://ghe.example.com/api/v3')).toEqual([]);
  });

  it('refuses hostile YAML: duplicate keys, alias bombs, oversized files, a document that is not a mapping', () => {
    expect(issuesOf(`${fixture('issue-15.yml')}listen: 0.0.0.0:80\n`)[0]).toMatch(/^20:1 : Map keys must be unique/);
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
`;
    expect(issuesOf(bomb)[0]).toMatch(/cannot expand the document/);
    expect(issuesOf(`# ${'x'.repeat(300 * 1024)}\n`)[0]).toMatch(/at most 262144 are accepted/);
    expect(issuesOf('- a\n- b\n')[0]).toBe('1:1 : expected object, got a list');
    expect(
      issuesOf('listen: "0.0.0.0:9095\\nX: 1"\n').some((i) => i.includes('listen: expected an address like')),
    ).toBe(true);
  });

  it('keeps a __proto__ label matcher a plain key, never the prototype', () => {
    const config = parseGatewayConfig(
      fixture('issue-15.yml').replace('{ alertname: ConfigDrift }', '{ __proto__: { regex: ".*" }, alertname: X }'),
      'g.yml',
    );
    const match = config.rules[0]?.match ?? {};
    expect(Object.keys(match).sort()).toEqual(['__proto__', 'alertname']);
    expect(Object.getPrototypeOf(match)).toBe(Object.prototype);
  });
});
