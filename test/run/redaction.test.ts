import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretForms } from '../../src/record/redactor.ts';
import { recordBytes, releaseRemediation, type Released, pinnedAsIs } from '../helpers/released.ts';

const SECRET = 'sk-live-4f9a2b7c1d8e6f3a0b5c';

let r: Released;
let recordDir: string;
let stdout: string;
beforeAll(async () => {
  r = await releaseRemediation(
    'leaky',
    [
      'name: leaky',
      'description: prints its secret every way it can',
      'secrets: [API_TOKEN]',
      'outputs:',
      '  token: { step: outputs, key: token }',
      'steps:',
      '  - id: whole',
      '    run: |',
      '      echo "token is $API_TOKEN"',
      '      echo "stderr: $API_TOKEN" >&2',
      '      printf "%s" "$API_TOKEN" | base64',
      '      node -e "process.stdout.write(encodeURIComponent(process.env.API_TOKEN + \\"/?&\\"))" 2>/dev/null || printf "%s" "$API_TOKEN"',
      '  - id: split',
      '    run: |',
      '      # Each piece is written and flushed separately, with pauses, so chunks arrive apart.',
      '      for cut in 1 7 13 27; do',
      '        printf "%s" "${API_TOKEN:0:$cut}"; sleep 0.05; printf "%s\\n" "${API_TOKEN:$cut}"',
      '        printf "%s" "${API_TOKEN:0:$cut}" >&2; sleep 0.05; printf "%s\\n" "${API_TOKEN:$cut}" >&2',
      '      done',
      '  - id: interleaved',
      '    run: |',
      '      printf "%s" "${API_TOKEN:0:10}"; printf "%s" "${API_TOKEN:0:10}" >&2; sleep 0.05',
      '      printf "%s\\n" "${API_TOKEN:10}"; printf "%s\\n" "${API_TOKEN:10}" >&2',
      '  - id: outputs',
      '    run: |',
      '      echo "token=prefix-$API_TOKEN-suffix" >> "$REMEDIATION_OUTPUT"',
      '      echo "$API_TOKEN=as-a-key" >> "$REMEDIATION_OUTPUT"',
      '  - id: fails',
      '    continue-on-error: true',
      '    run: |',
      '      echo "fatal: auth failed for $API_TOKEN" >&2',
      '      exit 9',
      '',
    ].join('\n'),
  );
  const result = await r.run([], { API_TOKEN: SECRET, HOME: r.repo.dir });
  stdout = result.stdout + result.stderr;
  expect(result.code).toBe(0);
  recordDir = r.records()[0]!;
});
afterAll(() => r.repo.remove());

describe('secret redaction in the record', () => {
  it('replaced every printed secret, so the log shows *** where it was', () => {
    const log = readFileSync(join(recordDir, 'run.log'), 'utf8');
    expect(log).toContain('token is ***');
    expect(log).toContain('stderr: ***');
    expect(log.match(/\*\*\*/g)?.length).toBeGreaterThanOrEqual(15);
  });

  it('leaves no form of the secret in any file of the record', () => {
    const bytes = recordBytes(recordDir);
    expect(readdirSync(recordDir).sort()).toEqual(['definition.tar', 'run.log', 'run.log.chain', 'snapshot.json']);
    for (const form of secretForms(SECRET)) expect(bytes.includes(Buffer.from(form))).toBe(false);
    // Not even a long fragment of it survives a split write.
    expect(bytes.includes(Buffer.from(SECRET.slice(0, 12)))).toBe(false);
    expect(bytes.includes(Buffer.from(SECRET.slice(-12)))).toBe(false);
  });

  it('redacts outputs and the CLI summary too', () => {
    const snap = r.snapshot(recordDir);
    expect(snap.outputs.token).toBe('prefix-***-suffix');
    // An output whose name is the secret is dropped, not recorded under a redacted name.
    expect(Object.keys(snap.steps.find((s) => s.id === 'outputs')!.outputs)).toEqual(['token']);
    expect(readFileSync(join(recordDir, 'run.log'), 'utf8')).toContain(
      "output '***' dropped: its name contains a secret",
    );
    expect(JSON.stringify(snap)).not.toContain(SECRET);
    expect(stdout).not.toContain(SECRET);
  });

  it('keeps the record verifiable after redaction', async () => {
    const { runCli } = await import('../helpers/git-repo.ts');
    const verified = await runCli(['verify-run', recordDir, ...pinnedAsIs(recordDir)], { cwd: r.repo.dir });
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
  });
});

describe('a very short secret value', () => {
  it('redacts aggressively in the log but leaves the snapshot structurally intact and verifiable', async () => {
    const short = await releaseRemediation(
      'short',
      'name: short\ndescription: short secret\nsecrets: [PIN]\nsteps:\n  - { id: show, run: "echo pin=$PIN; echo v1.0.0 100644" }\n',
    );
    try {
      const result = await short.run([], { PIN: '0' });
      expect(result.code).toBe(0);
      const dir = short.records()[0]!;
      const snap = short.snapshot(dir) as unknown as { runId: string; remediation: { version: string } };
      expect(snap.remediation.version).toBe('v1.0.0');
      expect(snap.runId).not.toContain('***');
      expect(readFileSync(join(dir, 'run.log'), 'utf8')).toContain('pin=***');
      const { runCli } = await import('../helpers/git-repo.ts');
      const verified = await runCli(['verify-run', dir, ...pinnedAsIs(dir)], { cwd: short.repo.dir });
      expect(verified.stderr).toBe('');
      expect(verified.code).toBe(0);
    } finally {
      short.repo.remove();
    }
  });
});
