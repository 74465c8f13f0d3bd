import { describe, expect, it } from 'vitest';
import { rowOf } from '../../src/app/summarize-records.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';

const snapshot = (fields: Partial<RunSnapshot>) =>
  ({
    status: 'succeeded',
    remediation: { name: 'fix', version: 'v1.0.0', tag: 'fix/v1.0.0' },
    steps: [],
    durationMs: 5,
    ...fields,
  }) as RunSnapshot;

describe('rowOf', () => {
  it('takes the recorded target first, then the target parameter, else none', () => {
    const params = { values: { target: 'from-param' }, digest: 'sha256:x' };
    expect(rowOf(snapshot({ target: 'web-1', params }), 'd').target).toBe('web-1');
    expect(rowOf(snapshot({ params }), 'd').target).toBe('from-param');
    expect(rowOf(snapshot({}), 'd').target).toBe('');
  });
});
