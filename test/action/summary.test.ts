import { describe, expect, it } from 'vitest';
import { MAX_SUMMARY_BYTES, renderSummary } from '../../src/action/summary.ts';
import { escape } from '../../src/app/markdown.ts';
import { SNAPSHOT_SCHEMA, type RunSnapshot, type StepRecord } from '../../src/record/snapshot.ts';

const step = (id: string): StepRecord => ({
  stage: 'steps',
  id,
  started: '2026-01-01T00:00:00.000Z',
  ended: '2026-01-01T00:00:01.500Z',
  durationMs: 1500,
  attempts: 1,
  exitCode: 0,
  signal: null,
  outcome: 'succeeded',
  continueOnError: false,
  outputs: {},
  log: { start: 0, end: 10 },
});

const snapshot = (steps: StepRecord[], error?: RunSnapshot['error']): RunSnapshot => ({
  schema: SNAPSHOT_SCHEMA,
  runId: '1-1',
  status: error ? 'failed' : 'succeeded',
  ...(error ? { error } : {}),
  remediation: {
    name: 'svc',
    version: 'v1.0.0',
    tag: 'svc/v1.0.0',
    commit: 'a'.repeat(40),
    digest: `sha256:${'b'.repeat(64)}`,
  },
  manifest: { serial: 4, digest: `sha256:${'c'.repeat(64)}`, signers: ['d'.repeat(64)], threshold: 1, minSerial: 3 },
  secrets: [],
  forced: false,
  trigger: {
    kind: 'github',
    event: 'repository_dispatch',
    action: 'remediate',
    runId: '1',
    attempt: '1',
    actor: 'bot',
    workflowRef: 'o/r/.github/workflows/x.yml@refs/heads/main',
    repository: 'o/r',
  },
  runner: { os: 'linux', arch: 'x64', node: 'v24.0.0' },
  tool: { name: 'remediate', version: '0.1.0', bundleDigest: `sha256:${'e'.repeat(64)}` },
  started: '2026-01-01T00:00:00.000Z',
  steps,
  outputs: {},
  log: { file: 'run.log', bytes: 10, blocks: 1, head: 'f'.repeat(64) },
});

describe('job summary', () => {
  it('shows version, digest, manifest, signers, trigger, steps, links and the verify command', () => {
    const text = renderSummary(snapshot([step('fix')]), {
      recordDir: '/tmp/r',
      snapshotDigest: `sha256:${'9'.repeat(64)}`,
      artifact: {
        name: 'remediation-svc-v1.0.0-1-1',
        url: 'https://github.com/o/r/actions/runs/1/artifacts/5',
        digest: 'sha256:1',
      },
      release: { url: 'https://github.com/o/r/releases/tag/x', tag: 'svc/v1.0.0/runs/1-1' },
      failures: [],
    });
    expect(text).toContain('## ✅ svc@v1.0.0: succeeded');
    expect(text).toContain(`sha256:${'b'.repeat(64)}`);
    expect(text).toContain('serial 4 (min 3)');
    expect(text).toContain('`dddddddddddddddd` (threshold 1)');
    expect(text).toContain('repository\\_dispatch (remediate) by bot');
    expect(text).toContain('| steps | fix | ✅ succeeded | 0 | 1 | 1.5 s |');
    expect(text).toContain('(https://github.com/o/r/actions/runs/1/artifacts/5)');
    expect(text).toContain(`remediate verify-run <record folder> --snapshot-digest sha256:${'9'.repeat(64)}`);
  });

  it('escapes step-controlled text so it cannot inject Markdown, HTML or table cells', () => {
    const text = renderSummary(
      snapshot([step('fix')], {
        code: 'STEP_FAILED',
        message: '<img src=x onerror=alert(1)> | injected | [link](http://evil)\n# heading',
      }),
      {
        recordDir: '/tmp/r',
        failures: [],
      },
    );
    expect(text).not.toContain('<img');
    expect(text).not.toContain('\n# heading');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt; \\| injected \\| \\[link\\](http://evil) # heading');
    expect(escape('a|b')).toBe('a\\|b');
    // A backslash the text brings is escaped first: `\[x\](y)` must not come out as an escaped
    // backslash before a live `[`, which Markdown reads as a link (found by review).
    expect(escape('\\[Approved\\](https://evil.example)')).toBe('\\\\\\[Approved\\\\\\](https://evil.example)');
  });

  it("stays within GitHub's 1 MiB limit however many steps there are", () => {
    const many = Array.from({ length: 30_000 }, (_, i) => step(`step-with-a-long-identifier-${i}`));
    const text = renderSummary(snapshot(many), { recordDir: '/tmp/r', failures: [] });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(text).toContain("summary cut to fit GitHub's 1 MiB limit");
  });
});
