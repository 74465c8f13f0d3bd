/** Escapes text for a Markdown table cell: no HTML, no pipes, no line breaks. */
export function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[`*_[\]]/g, (c) => `\\${c}`);
}
