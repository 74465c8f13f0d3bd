/** Escapes text for a Markdown table cell: no HTML, no pipes, no line breaks. */
export function escape(text: string): string {
  // The backslash first: left as it is, `\[` in the text would become `\\[`, an escaped
  // backslash followed by a live `[` (a link a pull request writes into the summary).
  return text
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[`*_[\]]/g, (c) => `\\${c}`);
}
