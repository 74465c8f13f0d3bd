// A run's live console: each stage and step as it starts and ends, and the step's output lines,
// taken from the recorder (record/recorder.ts RecordObserver) after redaction, so the console
// shows exactly what run.log keeps. The formatting is pure; RunConsole only keeps the state a
// stream of events needs (the stage shown last, a step's unfinished output line).
import type { StageFacts, RecordObserver } from '../record/recorder.ts';
import type { RunStatus, StepOutcome, StepRecord } from '../record/snapshot.ts';
import { formatDuration, oneLine } from '../app/terminal-text.ts';

/** How a word is coloured: identity without colour. */
export interface Palette {
  /** Succeeded, healthy, rolled back. */
  readonly ok: (text: string) => string;
  /** Failed, timed out, cancelled, crashed, refused. */
  readonly failed: (text: string) => string;
  /** Skipped, drift found, a failure that continue-on-error let pass. */
  readonly skipped: (text: string) => string;
  /** Durations and other detail. */
  readonly dim: (text: string) => string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

/**
 * The palette for a stream: colour only on a terminal, and never with NO_COLOR set to anything
 * non-empty (https://no-color.org). A file or a pipe gets plain text.
 */
export function paletteFor(isTerminal: boolean, noColor: boolean): Palette {
  if (!isTerminal || noColor) {
    const plain = (text: string) => text;
    return { ok: plain, failed: plain, skipped: plain, dim: plain };
  }
  return { ok: ansi(32, 39), failed: ansi(31, 39), skipped: ansi(33, 39), dim: ansi(2, 22) };
}

/** The colour of a step's outcome: a failure continue-on-error let pass is not shown as one. */
function outcomeColour(palette: Palette, outcome: StepOutcome, continueOnError: boolean): (text: string) => string {
  if (outcome === 'succeeded') return palette.ok;
  if (outcome === 'drift' || continueOnError) return palette.skipped;
  return palette.failed;
}

/** The colour of a run's final status. */
export function statusColour(palette: Palette, status: RunStatus): (text: string) => string {
  if (status === 'succeeded' || status === 'healthy') return palette.ok;
  if (status === 'unhealthy') return palette.skipped;
  return palette.failed;
}

/** `== steps`: shown before the first step of each stage. */
export function stageLine(stage: string): string {
  return `== ${stage}`;
}

/** `-> steps/restart (Restart the unit)`: a step started. Names come from the definition: escaped. */
export function stepStartLine(step: Pick<StepRecord, 'stage' | 'id' | 'name'>): string {
  return `-> ${step.stage}/${oneLine(step.id)}${step.name !== undefined ? ` (${oneLine(step.name)})` : ''}`;
}

/** `<- steps/restart failed, exit 3 (1.2 s)`: a step ended, with why when it did not start. */
export function stepEndLine(
  step: Pick<
    StepRecord,
    'stage' | 'id' | 'outcome' | 'exitCode' | 'signal' | 'durationMs' | 'continueOnError' | 'error'
  >,
  palette: Palette,
): string {
  const how =
    step.signal !== null ? `killed by ${step.signal}` : step.exitCode !== null ? `exit ${step.exitCode}` : undefined;
  const outcome = outcomeColour(palette, step.outcome, step.continueOnError)(step.outcome);
  const allowed = step.outcome !== 'succeeded' && step.outcome !== 'drift' && step.continueOnError;
  const why = step.error !== undefined ? `: ${oneLine(step.error)}` : '';
  return `<- ${step.stage}/${oneLine(step.id)} ${outcome}${how !== undefined ? `, ${how}` : ''}${allowed ? ' (continue-on-error)' : ''}${why} ${palette.dim(`(${formatDuration(step.durationMs)})`)}`;
}

/**
 * One line of a step's output, as recorded (redacted), under its step. Escaped: a step's output is
 * whatever the target said, and must not redraw the terminal. The `|` is not a space, so a line
 * `::add-mask::x` cannot act as a workflow command when the CLI runs in a GitHub step (the runner
 * trims leading spaces before it looks for `::`).
 */
export function outputLine(text: string): string {
  return `   | ${oneLine(text)}`;
}

/** What the stages concluded, as the console says it: the check's finding, the rollback's result. */
export function concludedLines(facts: StageFacts, palette: Palette): string[] {
  const lines: string[] = [];
  if (facts.check === 'healthy') lines.push(`check: ${palette.ok('healthy')}; nothing to remediate`);
  if (facts.check === 'drift') lines.push(`check: ${palette.skipped('drift')}; remediating`);
  if (facts.check === 'forced') lines.push(`check: healthy, but --force: ${palette.skipped('remediating anyway')}`);
  if (facts.check === 'error') lines.push(`check: ${palette.failed('failed')}; nothing was changed`);
  if (facts.error !== undefined)
    lines.push(`${palette.failed('failed')} [${facts.error.code}]: ${oneLine(facts.error.message)}`);
  if (facts.rollback === 'succeeded') lines.push(`rollback: ${palette.ok('succeeded')}`);
  if (facts.rollback === 'failed') lines.push(`rollback: ${palette.failed('failed')}: the target may be half-changed`);
  return lines;
}

/**
 * The lines that say why a recorded run did not succeed and what its rollback did: the record's
 * error and rollback, shown with the result (also under --quiet), not only the record's path.
 */
export function failureLines(
  snapshot: { readonly error?: { readonly code: string; readonly message: string }; readonly rollback?: string },
  palette: Palette,
): string[] {
  const lines: string[] = [];
  if (snapshot.error !== undefined)
    lines.push(`  reason:   ${palette.failed(`[${snapshot.error.code}]`)} ${oneLine(snapshot.error.message)}`);
  const rollback = snapshot.rollback;
  if (rollback === 'succeeded') lines.push(`  rollback: ${palette.ok('succeeded')}`);
  else if (rollback === 'failed')
    lines.push(`  rollback: ${palette.failed('failed')} (the target may be half-changed)`);
  else if (rollback === 'none' && snapshot.error !== undefined) lines.push('  rollback: none ran');
  return lines;
}

/**
 * Turns the recorder's events into console lines, written through `write` as they happen. With
 * `showOutput` false, only stage and step lines (no step output).
 */
/** Most characters of one output line the console shows (run.log keeps every byte). */
export const MAX_CONSOLE_LINE = 8192;

export class RunConsole implements RecordObserver {
  readonly #write: (line: string) => void;
  readonly #palette: Palette;
  readonly #showOutput: boolean;
  #stage: string | undefined;
  #partial = '';
  /** Characters of the current line past MAX_CONSOLE_LINE, not shown. */
  #dropped = 0;
  readonly #decoder = new TextDecoder('utf-8');

  constructor(write: (line: string) => void, palette: Palette, showOutput = true) {
    this.#write = write;
    this.#palette = palette;
    this.#showOutput = showOutput;
  }

  readonly stepStarted = (step: Readonly<StepRecord>): void => {
    if (step.stage !== this.#stage) {
      this.#stage = step.stage;
      this.#write(stageLine(step.stage));
    }
    this.#write(stepStartLine(step));
  };

  readonly output = (bytes: Buffer): void => {
    if (!this.#showOutput) return;
    // Decoded as a stream: a character split across two chunks is shown whole. Only the new text
    // is scanned, and the unfinished line is capped: output without newlines (a progress bar
    // drawn with \r, binary, minified JSON) must not make each chunk copy the whole line again
    // (quadratic time, the event loop blocked, memory without bound).
    const text = this.#decoder.decode(bytes, { stream: true });
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      this.#append(text.slice(start, end));
      this.#flushLine();
      start = end + 1;
    }
    this.#append(text.slice(start));
  };

  readonly stepEnded = (step: Readonly<StepRecord>): void => {
    this.#append(this.#decoder.decode());
    if (this.#showOutput && (this.#partial !== '' || this.#dropped > 0)) this.#flushLine();
    this.#partial = '';
    this.#dropped = 0;
    this.#write(stepEndLine(step, this.#palette));
  };

  /** Adds text to the unfinished line, up to MAX_CONSOLE_LINE characters; counts the rest. */
  #append(piece: string): void {
    const room = MAX_CONSOLE_LINE - this.#partial.length;
    if (room >= piece.length) this.#partial += piece;
    else {
      if (room > 0) this.#partial += piece.slice(0, room);
      this.#dropped += piece.length - Math.max(room, 0);
    }
  }

  #flushLine(): void {
    const cut = this.#dropped > 0 ? ` [${this.#dropped} more characters on this line: run.log has them all]` : '';
    this.#write(`${outputLine(this.#partial)}${cut}`);
    this.#partial = '';
    this.#dropped = 0;
  }

  readonly concluded = (facts: StageFacts): void => {
    for (const line of concludedLines(facts, this.#palette)) this.#write(line);
  };
}
