// The live console's formatting (src/cli/progress.ts), fed the events the recorder gives it.
import { describe, expect, it } from 'vitest';
import { failureLines, MAX_CONSOLE_LINE, outputLine, paletteFor, RunConsole } from '../../src/cli/progress.ts';
import type { StepRecord } from '../../src/record/snapshot.ts';

// eslint-disable-next-line no-control-regex -- an ANSI escape is what these tests look for
const ANSI = /\u001b\[/;

function step(fields: Partial<StepRecord> & Pick<StepRecord, 'stage' | 'id'>): StepRecord {
  return {
    started: '2026-12-02T10:00:00.000Z',
    ended: '2026-12-02T10:00:01.000Z',
    durationMs: 1200,
    attempts: 1,
    exitCode: 0,
    signal: null,
    outcome: 'succeeded',
    continueOnError: false,
    outputs: {},
    log: { start: 0, end: 0 },
    ...fields,
  };
}

/** A console writing into an array. */
function watch(colour: { terminal: boolean; noColor: boolean }, showOutput = true) {
  const lines: string[] = [];
  const run = new RunConsole((line) => lines.push(line), paletteFor(colour.terminal, colour.noColor), showOutput);
  return { lines, run };
}

const PLAIN = { terminal: false, noColor: false };

describe('RunConsole', () => {
  it('shows a passing run: each stage once, each step as it starts and ends with its duration, its output', () => {
    const { lines, run } = watch(PLAIN);
    const check = step({ stage: 'check', id: 'probe', exitCode: 1, outcome: 'drift', durationMs: 40 });
    run.stepStarted(check);
    run.stepEnded(check);
    run.concluded({ check: 'drift' });
    const fix = step({ stage: 'steps', id: 'restart', name: 'Restart the unit' });
    run.stepStarted(fix);
    run.output(Buffer.from('stopping\nstar'));
    run.output(Buffer.from('ted\n'));
    run.stepEnded(fix);
    run.concluded({ rollback: 'not-needed' });
    expect(lines).toEqual([
      '== check',
      '-> check/probe',
      '<- check/probe drift, exit 1 (40 ms)',
      'check: drift; remediating',
      '== steps',
      '-> steps/restart (Restart the unit)',
      '   | stopping',
      '   | started',
      '<- steps/restart succeeded, exit 0 (1.2 s)',
    ]);
  });

  it('shows a failing step: its exit code, the reason, the rollback stage and its result', () => {
    const { lines, run } = watch(PLAIN);
    const broken = step({ stage: 'steps', id: 'apply', exitCode: 9, outcome: 'failed', durationMs: 300 });
    run.stepStarted(broken);
    // A last line without a newline is shown when the step ends.
    run.output(Buffer.from('disk full'));
    run.stepEnded(broken);
    run.concluded({ error: { code: 'STEP_FAILED', message: "steps step 'apply' exited 9" } });
    const undo = step({ stage: 'rollback', id: 'restore', durationMs: 2500 });
    run.stepStarted(undo);
    run.stepEnded(undo);
    run.concluded({ rollback: 'succeeded' });
    expect(lines).toEqual([
      '== steps',
      '-> steps/apply',
      '   | disk full',
      '<- steps/apply failed, exit 9 (300 ms)',
      "failed [STEP_FAILED]: steps step 'apply' exited 9",
      '== rollback',
      '-> rollback/restore',
      '<- rollback/restore succeeded, exit 0 (2.5 s)',
      'rollback: succeeded',
    ]);
  });

  it('says why a step did not start, and marks a failure continue-on-error let pass', () => {
    const { lines, run } = watch(PLAIN);
    run.stepEnded(step({ stage: 'steps', id: 'gone', exitCode: null, outcome: 'failed', error: 'spawn bash ENOENT' }));
    run.stepEnded(step({ stage: 'steps', id: 'soft', exitCode: 2, outcome: 'failed', continueOnError: true }));
    expect(lines).toEqual([
      '<- steps/gone failed: spawn bash ENOENT (1.2 s)',
      '<- steps/soft failed, exit 2 (continue-on-error) (1.2 s)',
    ]);
  });

  it('leaves out step output when asked to, but still shows every step', () => {
    const { lines, run } = watch(PLAIN, false);
    const s = step({ stage: 'steps', id: 'loud' });
    run.stepStarted(s);
    run.output(Buffer.from('a\nb\nc'));
    run.stepEnded(s);
    expect(lines).toEqual(['== steps', '-> steps/loud', '<- steps/loud succeeded, exit 0 (1.2 s)']);
  });

  it('shows a character split across two chunks whole', () => {
    const { lines, run } = watch(PLAIN);
    const s = step({ stage: 'steps', id: 'utf8' });
    const bytes = Buffer.from('café ✓\n');
    run.stepStarted(s);
    run.output(bytes.subarray(0, 4));
    run.output(bytes.subarray(4));
    run.stepEnded(s);
    expect(lines).toContain('   | café ✓');
  });
});

describe('output without newlines (a \\r progress bar, binary, minified JSON)', () => {
  it('shows a bounded line and says how much it left out, however long the line grows', () => {
    const { lines, run } = watch(PLAIN);
    const bar = step({ stage: 'steps', id: 'download' });
    run.stepStarted(bar);
    // 64 MiB in 64 KiB chunks with no newline: before the cap, each chunk copied the whole
    // unfinished line again (quadratic time with the event loop blocked).
    const chunk = Buffer.alloc(64 * 1024, 'x');
    for (let i = 0; i < 1024; i++) run.output(chunk);
    run.output(Buffer.from('\nnext line\n'));
    run.stepEnded(bar);
    const shown = lines.filter((line) => line.startsWith('   |'));
    expect(shown).toHaveLength(2);
    expect(shown[0]!.length).toBeLessThan(MAX_CONSOLE_LINE + 200);
    expect(shown[0]).toContain(
      `[${64 * 1024 * 1024 - MAX_CONSOLE_LINE} more characters on this line: run.log has them all]`,
    );
    expect(shown[1]).toContain('next line');
  });

  it('shows an unfinished last line at the step end, capped too', () => {
    const { lines, run } = watch(PLAIN);
    const s = step({ stage: 'steps', id: 'tail' });
    run.stepStarted(s);
    run.output(Buffer.alloc(MAX_CONSOLE_LINE + 5, 'y'));
    run.stepEnded(s);
    expect(lines.filter((line) => line.includes('[5 more characters'))).toHaveLength(1);
  });
});

describe('colour', () => {
  const failingRun = (colour: { terminal: boolean; noColor: boolean }) => {
    const { lines, run } = watch(colour);
    const s = step({ stage: 'steps', id: 'x', exitCode: 1, outcome: 'failed' });
    run.stepStarted(s);
    run.stepEnded(s);
    run.concluded({ error: { code: 'STEP_FAILED', message: 'exited 1' }, rollback: 'failed' });
    return lines;
  };

  it('colours outcomes and dims durations on a terminal', () => {
    const lines = failingRun({ terminal: true, noColor: false });
    expect(lines.join('\n')).toMatch(ANSI);
    expect(lines).toContain('<- steps/x \u001b[31mfailed\u001b[39m, exit 1 \u001b[2m(1.2 s)\u001b[22m');
  });

  it('writes no escape with NO_COLOR, or when the stream is not a terminal', () => {
    for (const colour of [
      { terminal: true, noColor: true },
      { terminal: false, noColor: false },
    ]) {
      const lines = failingRun(colour);
      expect(lines.length).toBeGreaterThan(2);
      expect(lines.join('\n')).not.toMatch(ANSI);
    }
  });
});

describe('hostile text', () => {
  it("escapes a step's terminal escapes, and keeps a line `::add-mask::` from starting a workflow command", () => {
    // Attack: a step (or the target it reads) printing escapes that redraw the operator's screen,
    // or `::add-mask::`/`::error` lines acting on the GitHub job the CLI runs in.
    expect(outputLine('\u001b]52;c;cGF5bG9hZA==\u0007ok')).toBe('   | \\u{1b}]52;c;cGF5bG9hZA==\\u{7}ok');
    expect(outputLine('::add-mask::x').trimStart().startsWith('::')).toBe(false);
  });

  it("escapes a step name's control characters", () => {
    const { lines, run } = watch(PLAIN);
    run.stepStarted(step({ stage: 'steps', id: 'n', name: 'fake\u001b[2Jname' }));
    expect(lines[1]).toBe('-> steps/n (fake\\u{1b}[2Jname)');
  });
});

describe('failureLines', () => {
  const plain = paletteFor(false, false);

  it('gives the reason and the rollback result of a failed run', () => {
    expect(
      failureLines(
        { error: { code: 'STEP_FAILED', message: "steps step 'apply' exited 9" }, rollback: 'failed' },
        plain,
      ),
    ).toEqual([
      "  reason:   [STEP_FAILED] steps step 'apply' exited 9",
      '  rollback: failed (the target may be half-changed)',
    ]);
    expect(failureLines({ error: { code: 'STEP_FAILED', message: 'x' }, rollback: 'none' }, plain)).toContain(
      '  rollback: none ran',
    );
  });

  it('adds nothing for a run that succeeded', () => {
    expect(failureLines({ rollback: 'not-needed' }, plain)).toEqual([]);
  });
});
