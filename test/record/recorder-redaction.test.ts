import { describe, expect, it } from 'vitest';
import { recordRun, type LogWrite } from './recorder-harness.ts';

/** The writes of one step that prints `first` on one stream and then `second` on the other. */
function acrossStreams(first: string, second: string, firstStream: 'stdout' | 'stderr'): LogWrite[] {
  const secondStream = firstStream === 'stdout' ? 'stderr' : 'stdout';
  return [
    { kind: firstStream, bytes: Buffer.from(first) },
    { kind: secondStream, bytes: Buffer.from(second) },
    { kind: 'end-streams' },
  ];
}

describe('RunRecorder where stdout and stderr meet in run.log', () => {
  // Each case: secrets, and output that one stream and then the other print, split at every offset.
  // `ab` may start `abab` again (it overlaps itself), and `cd` may start `cdef` after `abcd`, so
  // each stream holds such a remainder back until the step ends.
  const cases: [string[], string][] = [
    [['abab'], 'abab'],
    [['abab'], 'ababab'],
    [['abcd', 'cdef'], 'abcd'],
    [['abcd', 'cdef'], 'cdabcd'],
    [['abcdef'], 'abcabdef'],
  ];
  for (const [secrets, output] of cases) {
    it(`leaves no ${secrets.join(' or ')} in run.log for ${output} split between the streams at every offset`, async () => {
      for (let a = 0; a <= output.length; a++) {
        for (const firstStream of ['stdout', 'stderr'] as const) {
          const { log } = await recordRun(secrets, acrossStreams(output.slice(0, a), output.slice(a), firstStream));
          for (const secret of secrets) {
            expect(log.toString(), `${firstStream} first, split at ${a}`).not.toContain(secret);
          }
        }
      }
    });
  }

  it('leaves no secret where one stream released the start of it and the other prints the rest', async () => {
    // stdout releases `abc` of `abcab`: only the last `ab` may still start the secret there.
    const { log } = await recordRun(['abcdef'], acrossStreams('abcab', 'def\n', 'stdout'));
    expect(log.toString()).toBe('***\nab');
  });
});
