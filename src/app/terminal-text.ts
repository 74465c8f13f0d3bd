// Printing what a run record says on a terminal or in a GitHub job log. Every field of a record
// was written by whoever wrote the record, so it is escaped before it is shown: `show` (one
// record) and `runs list` (many) share these.

import { stopCommandsToken } from '../adapters/github-output.ts';

/** Untrusted text on one line: control characters, line breaks and bidi overrides escaped. */
export function oneLine(value: string): string {
  // Attack: a record whose fields carry terminal escapes or bidi overrides could redraw or
  // reorder what is shown (an "authenticated" line over the banner, a reversed digest).
  return value.replace(
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
}

/**
 * Untrusted text that may span lines (a run output value): as oneLine, but tabs and line feeds
 * kept. Attack: a value with ESC sequences (a window title, a cleared screen) or a bare CR that
 * redraws the line would rewrite what the console says about the run.
 */
export function terminalSafe(value: string): string {
  return value.replace(
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
}

/** `123 ms`, `4.5 s`, `2 min 3 s`, `1 h 2 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

/**
 * Fences lines in `::stop-commands::` when one holds `::` or `##[`: shown in a GitHub `run:`
 * step, text from a record must not act as a workflow command (`::add-mask::`, `::error`).
 */
export function fenceWorkflowCommands(lines: readonly string[]): string[] {
  if (!lines.some((line) => line.includes('::') || line.includes('##['))) return [...lines];
  const token = stopCommandsToken(lines);
  return [`::stop-commands::${token}`, ...lines, `::${token}::`];
}
