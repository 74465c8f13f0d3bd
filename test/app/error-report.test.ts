// The one classification of a thrown value; each front end only says how to show it.
import { describe, expect, it } from 'vitest';
import { reportThrown, type ErrorSink } from '../../src/app/error-report.ts';
import { DefinitionError, type DefinitionIssue } from '../../src/core/definition-parser.ts';
import { ServiceError, TrustError, UsageError } from '../../src/errors.ts';

/** A sink that notes what it was asked to show. */
function recordingSink(): ErrorSink & { shown: unknown[] } {
  const shown: unknown[] = [];
  return {
    shown,
    invalidDefinition: (issues) => shown.push({ issues }),
    failed: (line) => shown.push({ failed: line }),
    internal: (error) => shown.push({ internal: error }),
  };
}

const ISSUE: DefinitionIssue = {
  file: 'remediations/svc/remediation.yml',
  line: 3,
  column: 5,
  path: 'steps[0]',
  message: 'expected x',
};

describe('reportThrown', () => {
  it('shows a definition error as its issues, exit 2', () => {
    const sink = recordingSink();
    expect(reportThrown(new DefinitionError([ISSUE, ISSUE]), sink)).toBe(2);
    expect(sink.shown).toEqual([{ issues: [ISSUE, ISSUE] }]);
  });

  it('labels a trust refusal `refused` and every other known error `error`, with the exit code of its kind', () => {
    const sink = recordingSink();
    expect(reportThrown(new TrustError('YANKED', 'svc@v1.0.0 was yanked'), sink)).toBe(3);
    expect(reportThrown(new UsageError('INVALID_PARAMS', 'bad'), sink)).toBe(2);
    expect(reportThrown(new ServiceError('RATE_LIMITED', 'try later'), sink)).toBe(1);
    expect(sink.shown).toEqual([
      { failed: 'refused [YANKED]: svc@v1.0.0 was yanked' },
      { failed: 'error [INVALID_PARAMS]: bad' },
      { failed: 'error [RATE_LIMITED]: try later' },
    ]);
  });

  it("takes a system error on the caller's files or machine for a usage error, not a bug", () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      syscall: 'write',
      path: '/runner/_temp/x',
    });
    const sink = recordingSink();
    expect(reportThrown(full, sink)).toBe(2);
    expect(sink.shown).toEqual([
      { failed: 'error [IO_ERROR]: write /runner/_temp/x: no space left on the device (ENOSPC)' },
    ]);
  });

  it('hands anything else, a non-Error value included, to the sink as internal, exit 1', () => {
    const sink = recordingSink();
    const bug = new TypeError('x is undefined');
    expect(reportThrown(bug, sink)).toBe(1);
    expect(reportThrown({ weird: true }, sink)).toBe(1);
    expect(reportThrown(Object.assign(new Error('odd'), { code: 'EWHATEVER' }), sink)).toBe(1);
    expect(sink.shown).toEqual([{ internal: bug }, { internal: { weird: true } }, { internal: expect.any(Error) }]);
  });
});
