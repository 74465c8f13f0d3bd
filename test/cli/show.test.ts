// `remediate show` through the real CLI (child processes): what a person reading a record sees,
// and its exit codes. The report itself is tested in test/app/show-record.test.ts.
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/git-repo.ts';
import { releaseRemediation, replaceFile, rewriteBundle, type Released } from '../helpers/released.ts';

const SECRET = 's3cr3t-7f1e9b2c44a0';

let r: Released;
let record: string;
beforeAll(async () => {
  r = await releaseRemediation(
    'svc',
    [
      'name: svc',
      'description: fixes a service',
      'inputs:',
      '  port: { type: integer, default: 8080 }',
      'secrets: [DB_PASSWORD]',
      'steps:',
      '  - id: fix',
      '    name: Fix it',
      '    run: bash "$REMEDIATION_DIR/fix.sh"',
      '  - { id: tell, run: "echo password is $DB_PASSWORD" }',
      '',
    ].join('\n'),
    { 'fix.sh': '#!/bin/bash\necho "fixing port $PARAM_PORT"\n' },
  );
  const run = await r.run(['--param', 'port=9090', '--sign-key', 'k1'], { DB_PASSWORD: SECRET });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  record = r.records()[0]!;
}, 60_000);
afterAll(() => r.repo.remove());

const show = (...args: string[]) => runCli(['show', ...args], { cwd: r.repo.dir });

describe('remediate show', () => {
  it('shows a signed run: each step with its command, exit code, duration and log, and the parameters', async () => {
    const result = await show(record, '--trusted-key', 'k1.pub');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^authenticated: receipt signed by [0-9a-f]{16}$/);
    expect(result.stdout).toMatch(
      / {2}fix — Fix it\n {4}run \(shell bash\):\n {6}\| bash "\$REMEDIATION_DIR\/fix\.sh"\n/,
    );
    expect(result.stdout).toContain('    script fix.sh (2 line(s)):\n      | #!/bin/bash\n');
    expect(result.stdout).toMatch(/ran: {5}exit 0, succeeded, 1 attempt\(s\), \d+(\.\d)? m?s\n/);
    expect(result.stdout).toContain('      | fixing port 9090');
    expect(result.stdout).toContain('  port = 9090');
    expect(result.stdout).toContain('Secrets (names only; values are never recorded): DB_PASSWORD');
    expect(result.stdout).toContain('      | password is ***');
    expect(result.stdout).not.toContain(SECRET);
  });

  it('shows an unanchored record under the NOT AUTHENTICATED banner, exit 0', async () => {
    const result = await show(record);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(
      'NOT AUTHENTICATED: consistent, but nothing outside the record vouches for it (give --trusted-key or --snapshot-digest)',
    );
    expect(result.stdout).toContain('      | fixing port 9090');
  });

  it('refuses a record whose definition copy was edited: exit 3, nothing shown', async () => {
    const edited = r.repo.path('edited');
    cpSync(record, edited, { recursive: true });
    rewriteBundle(edited, replaceFile('fix.sh', '#!/bin/bash\necho "harmless"\n'));
    for (const anchor of [[], ['--trusted-key', 'k1.pub']]) {
      const result = await show(edited, ...anchor);
      expect(result.code).toBe(3);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/RECORD_TAMPERED/);
      expect(result.stderr).toMatch(/definition\.tar(: fix\.sh is not the verified file| has sha256)/);
    }
  });

  it('says a refused run ran nothing', async () => {
    const refusal = await r.run(['--min-serial', '5', '--out', 'refused']);
    expect(refusal.code).toBe(3);
    const dir = join(r.repo.path('refused'), readdirSync(r.repo.path('refused'))[0]!);
    const result = await show(dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('status:    refused');
    expect(result.stdout).toContain('error:     [SERIAL_ROLLBACK]');
    expect(result.stdout).toContain('Refused: nothing ran.');
    // An anchor that cannot hold is refused, as verify-run refuses it: this run was not signed.
    const keyed = await show(dir, '--trusted-key', 'k1.pub');
    expect(keyed.code).toBe(3);
    expect(keyed.stderr).toMatch(/UNANCHORED/);
  });

  it('refuses a call without a record folder, exit 2', async () => {
    expect((await show()).code).toBe(2);
    const missing = await show(r.repo.path('no-such-record'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/NOT_FOUND/);
  });
});
