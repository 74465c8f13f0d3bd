import { describe, expect, it } from 'vitest';
import { rowOfSnapshot } from '../../src/app/run-list.ts';
import { renderRecordTable } from '../../src/app/summarize-records.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';

const snapshot = (fields: { [K in keyof RunSnapshot]?: RunSnapshot[K] | undefined }) =>
  ({
    runId: 'r',
    status: 'succeeded',
    remediation: { name: 'fix', version: 'v1.0.0', tag: 'fix/v1.0.0' },
    trigger: { kind: 'local', user: 'ops', host: 'box' },
    started: '2026-11-01T10:00:00.000Z',
    steps: [],
    durationMs: 5,
    ...fields,
  }) as RunSnapshot;

describe('renderRecordTable', () => {
  it('tables runs list rows: counts first, sorted by remediation then target, none for an unknown target', () => {
    const params = { values: { target: 'from-param' }, digest: 'sha256:x' };
    const rows = [
      rowOfSnapshot(snapshot({ target: 'web-2', status: 'failed', durationMs: 2500 }), 'sha256:b', 'b'),
      rowOfSnapshot(snapshot({ params }), 'sha256:a', 'a'),
      rowOfSnapshot(snapshot({ status: 'healthy', durationMs: undefined }), 'sha256:c', 'c'),
    ];
    expect(renderRecordTable(rows)).toBe(
      [
        '## Remediation runs: 1 healthy, 1 fixed, 1 failed',
        '',
        '| Remediation | Target | Status | Steps | Duration | Snapshot digest |',
        '| --- | --- | --- | --- | --- | --- |',
        '| fix@v1.0.0 |  | healthy | 0 | 0.0 s | `sha256:c` |',
        '| fix@v1.0.0 | from-param | succeeded | 0 | 0.0 s | `sha256:a` |',
        '| fix@v1.0.0 | web-2 | failed | 0 | 2.5 s | `sha256:b` |',
        '',
      ].join('\n'),
    );
  });
});
