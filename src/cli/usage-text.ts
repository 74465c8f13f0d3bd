// Every usage text the CLI prints, rendered from the command table (command-table.ts): the
// global usage (`remediate`, `help`, `--help`), one command's (`remediate run --help`,
// `remediate help run`) and a group's (`remediate runs --help`). Nothing here is hand-kept per
// command, so the help cannot drift from what the parser accepts.
import {
  COMMAND_GROUPS,
  COMMAND_KEYS,
  commandSpec,
  isCommandKey,
  subcommandsOf,
  type ArgumentSpec,
  type CommandKey,
  type CommandSpec,
  type OptionAlternatives,
  type OptionSpec,
} from './command-table.ts';

/** Lines are wrapped to this many columns (a terminal's 80 leaves too little for synopses). */
const WIDTH = 110;

/** Continuation lines of a synopsis start here, under the command's first argument or so. */
const SYNOPSIS_INDENT = ' '.repeat(16);

/** `--out <file>`, or `--force` for a flag. */
export function optionLabel(name: string, option: OptionSpec): string {
  return option.type === 'string' ? `--${name} ${option.value ?? '<value>'}` : `--${name}`;
}

function argumentToken(argument: ArgumentSpec): string {
  const shown = argument.variadic ? `${argument.name}...` : argument.name;
  return argument.optional ? `[${shown}]` : shown;
}

function optionToken(name: string, option: OptionSpec): string {
  const label = optionLabel(name, option);
  if (option.required) return option.multiple ? `${label} [--${name} ...]` : label;
  return option.multiple ? `[${label} ...]` : `[${label}]`;
}

function alternativesToken(group: OptionAlternatives, options: CommandSpec['options']): string {
  const members = group.options.map((name) => {
    const option = options[name];
    return option === undefined ? `--${name}` : `${optionLabel(name, option)}${option.multiple ? ' ...' : ''}`;
  });
  return group.required ? `(${members.join(' | ')})` : `[${members.join(' | ')}]`;
}

/** The words of a command's synopsis after `remediate <command>`, each kept on one line. */
function synopsisTokens(spec: CommandSpec): string[] {
  const tokens: string[] = [];
  const shown = new Set<string>();
  const omittedWith = spec.arguments.find((a) => a.omittedWith !== undefined)?.omittedWith;
  const args = spec.arguments.map(argumentToken);
  const replacement = omittedWith === undefined ? undefined : spec.options[omittedWith];
  if (omittedWith !== undefined && replacement !== undefined) {
    tokens.push(`(${args.join(' ')} | ${optionLabel(omittedWith, replacement)})`);
    shown.add(omittedWith);
  } else {
    tokens.push(...args);
  }
  for (const [name, option] of Object.entries(spec.options)) {
    if (shown.has(name)) continue;
    const group = spec.alternatives?.find((g) => g.options.includes(name));
    if (group === undefined) {
      tokens.push(optionToken(name, option));
      shown.add(name);
    } else {
      tokens.push(alternativesToken(group, spec.options));
      group.options.forEach((member) => shown.add(member));
    }
  }
  return tokens;
}

/** Joins tokens into lines of at most WIDTH columns where possible; no token is split. */
function wrapTokens(first: string, tokens: readonly string[], indent: string): string[] {
  const lines: string[] = [];
  let line = first;
  for (const token of tokens) {
    if (line.length + 1 + token.length > WIDTH && line.trim() !== '') {
      lines.push(line);
      line = `${indent}${token}`;
    } else {
      line = line.endsWith(' ') || line === '' ? `${line}${token}` : `${line} ${token}`;
    }
  }
  lines.push(line);
  return lines;
}

/** Word-wraps a paragraph: the first line after `first`, the rest after `indent`. */
function wrapText(first: string, text: string, indent: string): string[] {
  return wrapTokens(first, text.split(' '), indent);
}

/** `  remediate run <name@version> --trusted-key <pub> ...`, wrapped. */
export function synopsis(key: CommandKey): string[] {
  return wrapTokens(`  remediate ${key}`, synopsisTokens(commandSpec(key)), SYNOPSIS_INDENT);
}

function describeOption(option: OptionSpec): string {
  const traits = [
    ...(option.required ? ['required'] : []),
    ...(option.multiple ? ['repeatable'] : []),
    ...(option.default !== undefined ? [`default: ${option.default}`] : []),
  ];
  return traits.length === 0 ? option.description : `${option.description} (${traits.join('; ')})`;
}

/** `label  description` rows, the descriptions aligned and wrapped under each other. */
function table(rows: readonly (readonly [string, string])[]): string[] {
  const column = Math.min(36, Math.max(...rows.map(([label]) => label.length)) + 2);
  const indent = ' '.repeat(2 + column);
  return rows.flatMap(([label, text]) =>
    label.length + 2 > column
      ? [`  ${label}`, ...wrapText(indent, text, indent)]
      : wrapText(`  ${label.padEnd(column)}`, text, indent),
  );
}

function alternativesSentence(group: OptionAlternatives): string {
  const names = group.options.map((name) => `--${name}`);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
  if (group.required && group.exclusive) return `Give exactly one of ${list}.`;
  if (group.required) return `Give at least one of ${list}.`;
  return `Give at most one of ${list}.`;
}

/** A command's synopsis and, under it, its summary (the global usage and group helps). */
function entry(key: CommandKey): string[] {
  return [...synopsis(key), `      ${commandSpec(key).summary}`];
}

/** `remediate <command> --help`: everything about one command. */
export function commandUsage(key: CommandKey): string {
  const spec = commandSpec(key);
  const lines = [`remediate ${key}: ${spec.summary}`, '', 'Usage:', ...synopsis(key)];
  if (spec.arguments.length > 0) {
    lines.push('', 'Arguments:', ...table(spec.arguments.map((a) => [a.name, a.description])));
  }
  lines.push(
    '',
    'Options:',
    ...table([
      ...Object.entries(spec.options).map(([name, option]): [string, string] => [
        optionLabel(name, option),
        describeOption(option),
      ]),
      ['-h, --help', 'print this help'],
    ]),
  );
  for (const group of spec.alternatives ?? []) lines.push(`  ${alternativesSentence(group)}`);
  if (spec.environment !== undefined) {
    lines.push('', 'Environment:', ...table(Object.entries(spec.environment)));
  }
  if (spec.notes !== undefined) lines.push('', ...spec.notes.flatMap((note) => wrapText('', note, '')));
  const subcommands = subcommandsOf(key);
  if (subcommands.length > 0) lines.push('', 'Subcommands:', ...subcommands.flatMap(entry));
  lines.push('', 'Examples:', ...spec.examples.map((example) => `  remediate ${example}`));
  lines.push(
    '',
    'Exit codes:',
    ...table(Object.entries(spec.exitCodes).map(([code, meaning]): [string, string] => [code, meaning])),
  );
  return lines.join('\n');
}

/** `remediate runs --help`: the subcommands of a group word. */
export function groupUsage(group: string): string {
  const lines = [`remediate ${group}: ${COMMAND_GROUPS[group] ?? ''}`, '', 'Commands:'];
  lines.push(...subcommandsOf(group).flatMap(entry));
  lines.push('', `'remediate ${group} <command> --help' prints a command's options, examples and exit codes.`);
  return lines.join('\n');
}

/** `remediate`, `remediate help`, `remediate --help`: every command, with its synopsis. */
export function globalUsage(): string {
  const people = COMMAND_KEYS.filter((key) => commandSpec(key).workflow !== true);
  const workflows = COMMAND_KEYS.filter((key) => commandSpec(key).workflow === true);
  return [
    'remediate — signed, immutable remediations with a tamper-evident record',
    '',
    'Usage: remediate <command> [<arguments>] [<options>]',
    "       remediate <command> --help (or -h, or 'remediate help <command>'): the command's arguments,",
    '       every option with its default, examples and exit codes',
    '',
    'Commands:',
    ...people.flatMap(entry),
    '',
    'Commands the reusable workflows call:',
    ...workflows.flatMap(entry),
    '',
    'Versions are exact: <name>@v<semver> (tag <name>/v<semver>).',
    'Exit codes: 0 success, 1 the remediation ran and failed (or error [INTERNAL], a bug), 2 usage or invalid input,',
    '            3 refused by an integrity or trust check, 4 cancelled or timed out.',
  ].join('\n');
}

/** The help for a topic the parser resolved (a command or a group word), or the global usage. */
export function helpText(topic: string | undefined): string {
  if (topic === undefined) return globalUsage();
  if (isCommandKey(topic)) return commandUsage(topic);
  if (Object.hasOwn(COMMAND_GROUPS, topic)) return groupUsage(topic);
  return globalUsage();
}
