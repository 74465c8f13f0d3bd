// Generates the README's Action inputs and outputs tables from action.yml, so they never drift.
// `node scripts/action-docs.mjs` rewrites README.md; `--check` exits 1 when it is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- action-docs:start (generated from action.yml by scripts/action-docs.mjs) -->';
const END = '<!-- action-docs:end -->';

/** Renders the tables for an action.yml document. */
export function renderActionDocs(action) {
  const cell = (text) =>
    String(text ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/\|/g, '\\|');
  const lines = ['#### Inputs', '', '| input | required | default | description |', '| --- | --- | --- | --- |'];
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    const fallback = spec.default === undefined || spec.default === '' ? '' : `\`${cell(spec.default)}\``;
    lines.push(`| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${fallback} | ${cell(spec.description)} |`);
  }
  lines.push('', '#### Outputs', '', '| output | description |', '| --- | --- |');
  for (const [name, spec] of Object.entries(action.outputs ?? {}))
    lines.push(`| \`${name}\` | ${cell(spec.description)} |`);
  lines.push('', "Each of the remediation's declared `outputs` is also set, under its own name.");
  return lines.join('\n');
}

const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  console.error(`README.md has no ${START} ... ${END} section`);
  process.exit(1);
}
const composed = `${readme.slice(0, start + START.length)}\n${renderActionDocs(action)}\n${readme.slice(end)}`;
// Formatted as `npm run format` would, so the two never fight over the tables.
const updated = await format(composed, { ...(await resolveConfig(readmePath)), filepath: readmePath });
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md action tables are out of date: run `node scripts/action-docs.mjs`');
    process.exit(1);
  }
} else {
  writeFileSync(readmePath, updated);
}
