// The Action's sink for the shared error classification: annotations and a failed step.
import { describe, expect, it } from 'vitest';
import type { ActionIo, AnnotationPosition } from '../../src/action/action-io.ts';
import { reportError } from '../../src/action/report-error.ts';
import { DefinitionError } from '../../src/core/definition-parser.ts';
import { TrustError } from '../../src/errors.ts';

/** The calls reportError makes, noted; any other call is a test failure. */
function recordingIo(): {
  io: ActionIo;
  annotations: [string, AnnotationPosition | undefined][];
  failed: string[];
  codes: string[];
} {
  const annotations: [string, AnnotationPosition | undefined][] = [];
  const failed: string[] = [];
  const codes: string[] = [];
  const io = new Proxy({} as ActionIo, {
    get: (_target, name) => {
      if (name === 'setOutput')
        return (output: string, value: string) => {
          expect(output).toBe('error-code');
          codes.push(value);
        };
      if (name === 'error')
        return (message: string, position?: AnnotationPosition) => annotations.push([message, position]);
      if (name === 'setFailed') return (message: string) => failed.push(message);
      throw new Error(`reportError called io.${String(name)}`);
    },
  });
  return { io, annotations, failed, codes };
}

describe('reportError (Action)', () => {
  it('annotates each definition problem at its place and fails the step once', () => {
    const { io, annotations, failed, codes } = recordingIo();
    reportError(
      io,
      new DefinitionError([
        {
          file: 'remediations/svc/remediation.yml',
          line: 4,
          column: 7,
          path: 'steps[0].timeout',
          message: 'expected a duration',
        },
        { file: 'remediations/svc/remediation.yml', line: 9, column: 1, path: '', message: 'unknown key' },
      ]),
    );
    expect(annotations).toEqual([
      [
        'steps[0].timeout: expected a duration',
        { file: 'remediations/svc/remediation.yml', startLine: 4, startColumn: 7 },
      ],
      ['unknown key', { file: 'remediations/svc/remediation.yml', startLine: 9, startColumn: 1 }],
    ]);
    expect(failed).toEqual(['invalid definition (2 problem(s)); see the annotations']);
    expect(codes).toEqual(['INVALID_DEFINITION']);
  });

  it('fails the step with the code of a known error, and says `internal error` for a bug', () => {
    const { io, failed, codes } = recordingIo();
    reportError(io, new TrustError('EXPIRED', 'the manifest expired'));
    reportError(io, new RangeError('boom'));
    reportError(io, 'a string');
    expect(failed).toEqual([
      'refused [EXPIRED]: the manifest expired',
      'internal error: boom',
      'internal error: non-error value thrown: "a string"',
    ]);
    // error-code says it too, so a caller escalating on it hears of a run that left no record.
    expect(codes).toEqual(['EXPIRED', 'INTERNAL', 'INTERNAL']);
  });

  it('reports a system error as the CLI does, one line with its code', () => {
    const { io, failed, codes } = recordingIo();
    reportError(io, Object.assign(new Error('EACCES'), { code: 'EACCES', syscall: 'open', path: '/ws/keys/k.pub' }));
    expect(failed).toEqual(['error [IO_ERROR]: open /ws/keys/k.pub: permission denied (EACCES)']);
    expect(codes).toEqual(['IO_ERROR']);
  });
});
