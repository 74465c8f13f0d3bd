// The output mode of the reporting commands (src/cli/report.ts): where each kind of line goes,
// and the one JSON document.
import { describe, expect, it } from 'vitest';
import { Report } from '../../src/cli/report.ts';
import { DefinitionError } from '../../src/core/definition-parser.ts';
import { ExitCode, TrustError, UsageError } from '../../src/errors.ts';

function capture(json: boolean, quiet = false) {
  const out: string[] = [];
  const err: string[] = [];
  const report = new Report({ json, quiet }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { out, err, report };
}

const DONE = { status: 'ok', exitCode: ExitCode.ok, code: null, message: null } as const;

describe('Report', () => {
  it('prints text on stdout without --json, and no document', () => {
    const { out, err, report } = capture(false);
    report.line('result');
    report.detail('detail');
    report.note('warning');
    expect(report.finish({ ...DONE, digest: 'sha256:x' })).toBe(0);
    expect(out).toEqual(['result', 'detail']);
    expect(err).toEqual(['warning']);
  });

  it('with --json moves every human line to stderr and prints one document on stdout', () => {
    const { out, err, report } = capture(true);
    report.know({ name: 'svc' });
    report.line('result');
    report.note('warning');
    report.finish({ ...DONE, digest: 'sha256:x' });
    // A second end (an error after the document) prints nothing more.
    report.failed(new UsageError('USAGE', 'late'), ExitCode.usage);
    expect(err).toEqual(['result', 'warning']);
    expect(out).toHaveLength(1);
    const doc = JSON.parse(out[0]!) as Record<string, unknown>;
    expect(doc).toEqual({ ...DONE, name: 'svc', digest: 'sha256:x' });
    // The four common fields come first.
    expect(Object.keys(doc).slice(0, 4)).toEqual(['status', 'exitCode', 'code', 'message']);
  });

  it('--quiet leaves out the detail only', () => {
    const { out, report } = capture(false, true);
    report.line('result');
    report.detail('detail');
    expect(out).toEqual(['result']);
  });

  it('turns a thrown refusal, usage error or invalid definition into a document with what was known', () => {
    const refused = capture(true);
    refused.report.know({ record: '/r' });
    refused.report.failed(new TrustError('RECORD_TAMPERED', 'run.log bytes 0..10 changed'), ExitCode.refused);
    expect(JSON.parse(refused.out[0]!)).toEqual({
      status: 'refused',
      exitCode: 3,
      code: 'RECORD_TAMPERED',
      message: 'run.log bytes 0..10 changed',
      record: '/r',
    });

    const invalid = capture(true);
    const issue = { file: 'r.yml', line: 3, column: 5, path: 'steps[0].run', message: 'expected a string' };
    invalid.report.failed(new DefinitionError([issue]), ExitCode.usage);
    expect(JSON.parse(invalid.out[0]!)).toMatchObject({
      status: 'invalid',
      code: 'INVALID_DEFINITION',
      issues: [issue],
    });

    const text = capture(false);
    text.report.failed(new UsageError('USAGE', 'x'), ExitCode.usage);
    expect(text.out).toEqual([]);
  });

  it('writes `::` and `##[` in strings as escapes that parse back to the same text', () => {
    // Attack: an output value `::add-mask::...` or `##[error]` acting as a workflow command when
    // the CLI prints its document in a GitHub step.
    const { out, report } = capture(true);
    report.finish({ ...DONE, outputs: { note: '::error title=x::pwned', other: '##[group]x' } });
    expect(out[0]).not.toContain('::');
    expect(out[0]).not.toContain('##[');
    expect(JSON.parse(out[0]!)).toMatchObject({ outputs: { note: '::error title=x::pwned', other: '##[group]x' } });
  });

  it('writes C1 controls, bidi overrides and line separators as escapes (found by review)', () => {
    // Attack: U+009B is a CSI to a terminal, and a bidi override reorders what a reader sees.
    const hostile = 'a\u009b2Jb\u202egnp.exe\u2028c\u007f';
    const { out, report } = capture(true);
    report.finish({ ...DONE, value: hostile });
    expect(out[0]).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2028\u2029]/);
    expect(out[0]).toContain('\\u009b');
    expect((JSON.parse(out[0]!) as { value: string }).value).toBe(hostile);
  });
});
