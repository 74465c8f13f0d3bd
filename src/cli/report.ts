// How a reporting command prints (verify, run, replay, verify-run, digest, validate): as text, or
// with --json as one JSON document on standard output while every human line goes to standard
// error; --quiet leaves out the detail. A command writes its lines through a Report and ends with
// its document, so no command tests `json` itself. README "JSON output" lists the documents.
import { DefinitionError } from '../core/definition-parser.ts';
import { ExitCode, RemediateError, usageErrorFromSystem, type ExitCodeValue } from '../errors.ts';

/** The output options of a reporting command. */
export interface OutputMode {
  /** --json: one JSON document on stdout, human text on stderr. */
  readonly json: boolean;
  /** --quiet: only the result and the errors; no progress, no detail. */
  readonly quiet: boolean;
}

/** No --json, no --quiet: what a command without those options prints in. */
export const TEXT_OUTPUT: OutputMode = { json: false, quiet: false };

/**
 * What every JSON document holds: how the command ended (`status`, a word of the command's own),
 * the exit code the process ends with, and for an error or refusal its code and message (null
 * otherwise). The rest is the command's.
 */
export interface JsonDocument {
  readonly status: string;
  readonly exitCode: ExitCodeValue;
  readonly code: string | null;
  readonly message: string | null;
  readonly [field: string]: unknown;
}

/** Where a reporting command's lines go. */
export interface ReportStreams {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** A reporting command's output in the mode asked for. */
export class Report {
  readonly mode: OutputMode;
  readonly #streams: ReportStreams;
  #documented = false;
  /** What the command has learned so far, for the document of an error that ends it. */
  #known: Record<string, unknown> = {};

  constructor(mode: OutputMode, streams: ReportStreams) {
    this.mode = mode;
    this.#streams = streams;
  }

  /** A line of the human result: stdout, or stderr under --json (stdout holds the document then). */
  readonly line = (text: string): void => {
    (this.mode.json ? this.#streams.err : this.#streams.out)(text);
  };

  /** A line of detail: as `line`, left out under --quiet. */
  readonly detail = (text: string): void => {
    if (!this.mode.quiet) this.line(text);
  };

  /** A warning or diagnostic: always stderr. */
  readonly note = (text: string): void => {
    this.#streams.err(text);
  };

  /**
   * Notes fields the document has whatever happens next (the record being checked, the results
   * before a refusal): an error's document carries them too.
   */
  know(fields: Readonly<Record<string, unknown>>): void {
    this.#known = { ...this.#known, ...fields };
  }

  /** Whether the document was printed (then an error after it prints none). */
  get documented(): boolean {
    return this.#documented;
  }

  /** Ends the command: under --json prints `document` on stdout (once); returns its exit code. */
  finish(document: JsonDocument): ExitCodeValue {
    if (this.mode.json && !this.#documented) {
      // The four fields every document has come first, whatever the command added.
      const { status, exitCode, code, message, ...rest } = document;
      this.#streams.out(jsonText({ status, exitCode, code, message, ...this.#known, ...rest }));
    }
    this.#documented = true;
    return document.exitCode;
  }

  /**
   * Under --json, the document of a command that threw (its human lines are on stderr already):
   * `refused` for a trust refusal, `invalid` for an invalid definition (with its issues), `error`
   * otherwise; with what the command knew (`know`).
   */
  failed(error: unknown, exitCode: ExitCodeValue): void {
    if (!this.mode.json || this.#documented) return;
    this.finish({ ...errorFields(error, exitCode), exitCode });
  }
}

/** status, code and message (and issues) of a thrown value, classified as error-report.ts does. */
export function errorFields(
  error: unknown,
  exitCode: ExitCodeValue,
): Pick<JsonDocument, 'status' | 'code' | 'message'> & { issues?: unknown } {
  if (error instanceof DefinitionError) {
    return { status: 'invalid', code: error.code, message: error.message, issues: error.issues };
  }
  const known = error instanceof RemediateError ? error : usageErrorFromSystem(error);
  if (known)
    return { status: exitCode === ExitCode.refused ? 'refused' : 'error', code: known.code, message: known.message };
  return { status: 'error', code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/**
 * A value as the JSON document printed: indented, and with `::` and `##[` inside strings written
 * as escapes (it parses to the same text). Printed by a CLI running in a GitHub `run:` step, a
 * value a step or a record wrote (`::add-mask::`, `::error`) must not act as a workflow command;
 * a `::stop-commands::` fence would make the output something other than one JSON document.
 */
export function jsonText(value: unknown): string {
  // Outside strings this JSON has neither `#` nor two colons in a row: only string content changes.
  // C1 controls (U+009B is a CSI to a terminal), bidi overrides and line separators, which
  // JSON.stringify leaves raw, are written as escapes too (found by review): a document shown on
  // a terminal or in a viewer cannot redraw or reorder what it says.
  return JSON.stringify(value, null, 2)
    .replaceAll('##[', '\\u0023\\u0023[')
    .replaceAll('::', '\\u003a\\u003a')
    .replace(
      /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
}
