// The command table (src/cli/command-table.ts) against the parser and the help it prints, in
// process: every command answers --help, -h and `help <command>`; every documented option is
// parsed and nothing undocumented is; mistakes name the argument or suggest the command or
// option meant; the README's CLI reference names only what the table has.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMMAND_GROUPS,
  COMMAND_KEYS,
  commandSpec,
  isCommandKey,
  type CommandKey,
} from '../../src/cli/command-table.ts';
import { parseCommandLine } from '../../src/cli/settings.ts';
import { commandUsage, globalUsage, groupUsage } from '../../src/cli/usage-text.ts';
import { ExitCode } from '../../src/errors.ts';
import { thrown } from '../helpers/errors.ts';
import { cli } from '../helpers/in-process-cli.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'command-table-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A command line as a shell splits it: words, and 'single-' or "double-quoted" words with their spaces. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

/** Parses as the CLI would with records going under `<dir>/state` (XDG_STATE_HOME) by default. */
const parse = (argv: readonly string[]) => parseCommandLine(argv, dir, { XDG_STATE_HOME: join(dir, 'state') });
const words = (key: CommandKey) => key.split(' ');
const optionsOf = (key: CommandKey) => Object.entries(commandSpec(key).options);
/** The commands that do something (help and version only print). */
const ACTING = COMMAND_KEYS.filter((key) => key !== 'help' && key !== 'version');
const ALL_OPTIONS = new Set(COMMAND_KEYS.flatMap((key) => Object.keys(commandSpec(key).options)));

describe('the table', () => {
  it('lists every command the CLI had before the table, the ones added since, and subcommands', () => {
    expect([...COMMAND_KEYS].sort()).toEqual(
      [
        'keygen',
        'init',
        'digest',
        'try',
        'release',
        'yank',
        'verify',
        'run',
        'replay',
        'verify-run',
        'show',
        'runs list',
        'runs show',
        'runs verify',
        'manifest check',
        'manifest show',
        'versions',
        'gateway',
        'gateway check',
        'gateway replay-dead',
        'validate',
        'dispatch parse',
        'targets resolve',
        'summarize',
        'blast-radius',
        'github newest-manifest',
        'github publish-manifest',
        'github publish-release',
        'github fleet-gate',
        'github download-records',
        'demo',
        'help',
        'version',
      ].sort(),
    );
  });

  it('gives every command a summary, an example and exit codes, and every option a description', () => {
    for (const key of COMMAND_KEYS) {
      const spec = commandSpec(key);
      expect(spec.summary, key).not.toBe('');
      expect(spec.examples.length, key).toBeGreaterThan(0);
      expect(Object.keys(spec.exitCodes).length, key).toBeGreaterThan(0);
      for (const code of Object.keys(spec.exitCodes)) expect(Object.values(ExitCode), key).toContain(Number(code));
      for (const [name, option] of optionsOf(key)) {
        expect(option.description, `${key} --${name}`).not.toBe('');
        expect(name, key).toMatch(/^[a-z][a-z-]*$/);
        if (option.type === 'string') expect(option.value, `${key} --${name}`).toBeDefined();
      }
    }
  });

  it('leaves --help and -h to help: no command has an option of that name (the table has no short options)', () => {
    for (const key of COMMAND_KEYS) {
      expect(Object.keys(commandSpec(key).options), key).not.toContain('help');
      for (const [, option] of optionsOf(key)) expect(option).not.toHaveProperty('short');
    }
  });

  it('names only real options in alternatives and in omittedWith', () => {
    for (const key of COMMAND_KEYS) {
      const spec = commandSpec(key);
      for (const group of spec.alternatives ?? []) {
        for (const name of group.options) expect(Object.keys(spec.options), `${key}: ${name}`).toContain(name);
      }
      for (const argument of spec.arguments) {
        if (argument.omittedWith !== undefined) expect(Object.keys(spec.options)).toContain(argument.omittedWith);
      }
    }
  });

  it('has a summary for every group word, and every subcommand under a group or a command', () => {
    for (const key of COMMAND_KEYS.filter((k) => k.includes(' '))) {
      const [first = ''] = words(key);
      expect(Object.hasOwn(COMMAND_GROUPS, first) || isCommandKey(first), key).toBe(true);
    }
    for (const group of Object.keys(COMMAND_GROUPS)) {
      expect(
        COMMAND_KEYS.some((key) => key.startsWith(`${group} `)),
        group,
      ).toBe(true);
    }
  });

  it('has examples that parse to their own command', () => {
    for (const key of COMMAND_KEYS) {
      for (const example of commandSpec(key).examples) {
        const argv = shellWords(example);
        const error = thrown(() => parse(argv));
        expect(error?.message, example).toBeUndefined();
        if (key === 'help' || key === 'version') {
          expect(parse(argv).command, example).toBe(key);
        } else {
          expect(argv.slice(0, words(key).length), example).toEqual(words(key));
          expect(parse(argv).command, example).not.toBe('help');
        }
      }
    }
  });
});

describe('the parser takes exactly the options the table documents', () => {
  it('accepts every option of every command (a bad value may be refused, never the option)', () => {
    for (const key of ACTING) {
      const example = shellWords(commandSpec(key).examples[0]);
      for (const [name, option] of optionsOf(key)) {
        const argv = [...example, `--${name}`, ...(option.type === 'string' ? ['x'] : [])];
        const error = thrown(() => parse(argv));
        expect(error?.message ?? '', argv.join(' ')).not.toMatch(/unknown option/);
        if (error === undefined) expect(parse(argv).command, argv.join(' ')).not.toBe('help');
      }
    }
  });

  it("refuses every other command's options, and made-up ones, as unknown: exit 2", () => {
    for (const key of ACTING) {
      const example = shellWords(commandSpec(key).examples[0]);
      const own = new Set(Object.keys(commandSpec(key).options));
      for (const name of [...ALL_OPTIONS, 'not-an-option'].filter((n) => !own.has(n))) {
        const error = thrown(() => parse([...example, `--${name}`]));
        expect(error?.code, `${key} --${name}`).toBe('USAGE');
        expect(error?.exitCode).toBe(ExitCode.usage);
        expect(error?.message).toContain(`unknown option '--${name}' for ${key}`);
      }
    }
  });

  it('parses what the table says is a flag as a flag and what repeats as a list', () => {
    const run = parse([
      ...shellWords('run svc@v1.0.0 --trusted-key a.pub --trusted-key b.pub --param x=1 --param y=2 --dry-run'),
    ]);
    expect(run).toMatchObject({
      command: 'run',
      trustedKeys: [resolve(dir, 'a.pub'), resolve(dir, 'b.pub')],
      cliParams: { x: '1', y: '2' },
      dryRun: true,
      force: false,
    });
    expect(thrown(() => parse(['run', 'svc@v1.0.0', '--trusted-key', 'k', '--dry-run=yes']))?.code).toBe('USAGE');
  });
});

describe('the defaults the table documents are the ones the parser applies', () => {
  const defaultOf = (key: CommandKey, name: string) =>
    (commandSpec(key).options as Readonly<Record<string, { default?: string }>>)[name]?.default;

  /**
   * The folder a documented --out default (`$XDG_STATE_HOME/remediate/runs (~/.local/state/...)`)
   * names for `env`: the first form when XDG_STATE_HOME is set, the one in brackets with HOME.
   */
  const documentedOut = (text: string | undefined, env: NodeJS.ProcessEnv) => {
    const [, xdgForm, homeForm] = /^(\S+) \((\S+)\)/.exec(text ?? '') ?? [];
    return env['XDG_STATE_HOME'] !== undefined
      ? xdgForm?.replace('$XDG_STATE_HOME', env['XDG_STATE_HOME'])
      : homeForm?.replace('~', env['HOME'] ?? '');
  };

  it('run and replay: --out, --threshold, --min-serial', () => {
    for (const argv of [
      ['run', 'svc@v1.0.0', '--trusted-key', 'k.pub'],
      ['replay', 'record', '--trusted-key', 'k.pub', '--unanchored'],
    ]) {
      const key = argv[0] as 'run' | 'replay';
      for (const env of [{ XDG_STATE_HOME: '/var/state', HOME: '/home/u' }, { HOME: '/home/u' }]) {
        const outDir = documentedOut(defaultOf(key, 'out'), env);
        expect(outDir).toMatch(/^\/(var\/state|home\/u\/\.local\/state)\/remediate\/runs$/);
        expect(parseCommandLine(argv, dir, env), argv.join(' ')).toMatchObject({ outDir });
      }
      expect(parse(argv), argv.join(' ')).toMatchObject({
        outDir: resolve(dir, 'state/remediate/runs'),
        threshold: Number(defaultOf(key, 'threshold')),
        minSerial: Number(defaultOf(key, 'min-serial')),
        manifest: undefined,
      });
    }
    expect(defaultOf('run', 'manifest')).toMatch(/^remediations\/manifest\.json /);
  });

  it('runs list --out, github publish-manifest --target, github download-records --attempt', () => {
    const env = { XDG_STATE_HOME: '/var/state' };
    expect(parseCommandLine(['runs', 'list'], dir, env)).toMatchObject({
      outDir: documentedOut(defaultOf('runs list', 'out'), env),
    });
    expect(defaultOf('runs list', 'out')).toMatch(/, where run writes$/);
    expect(parse(['github', 'publish-manifest', '--manifest', 'm', '--trusted-key', 'k'])).toMatchObject({
      target: defaultOf('github publish-manifest', 'target'),
    });
    expect(parse(['github', 'download-records', '--dir', 'd', '--run-id', '7'])).toMatchObject({
      run: { runId: 7, attempt: Number(defaultOf('github download-records', 'attempt')) },
    });
  });
});

describe('help for every command', () => {
  it('prints the command usage for --help, -h and help <command>, exit 0, stdout only', async () => {
    for (const key of COMMAND_KEYS) {
      const expected = commandUsage(key);
      for (const argv of [
        [...words(key), '--help'],
        [...words(key), '-h'],
        ['help', ...words(key)],
      ]) {
        const { code, context } = await cli(dir, argv);
        expect(code, argv.join(' ')).toBe(0);
        expect(context.errLines, argv.join(' ')).toEqual([]);
        expect(context.outLines, argv.join(' ')).toEqual([expected]);
      }
    }
  });

  it("shows each command's arguments, options with defaults, examples and exit codes", () => {
    for (const key of COMMAND_KEYS) {
      const text = commandUsage(key);
      // Long descriptions wrap: compare with the line breaks and indents as single spaces.
      const flat = text.replace(/\s+/g, ' ');
      const spec = commandSpec(key);
      expect(text.split('\n')[0]).toBe(`remediate ${key}: ${spec.summary}`);
      for (const argument of spec.arguments) expect(text, key).toContain(argument.name);
      for (const [name, option] of optionsOf(key)) {
        expect(text, key).toMatch(new RegExp(`^  --${name}\\b`, 'm'));
        if (option.default !== undefined) expect(flat, `${key} --${name}`).toContain(`default: ${option.default}`);
      }
      expect(text).toContain('-h, --help');
      for (const example of spec.examples) expect(text, key).toContain(`  remediate ${example}`);
      for (const code of Object.keys(spec.exitCodes)) expect(text, key).toMatch(new RegExp(`^  ${code}  `, 'm'));
    }
  });

  it('answers help before anything else on the line is checked', async () => {
    for (const argv of [
      ['run', 'svc@v1.0.0', '--trusted-kye', 'k.pub', '--help'],
      ['run', '-h', 'too', 'many', 'arguments'],
      ['keygen', '--help'],
      ['release', '--from-tag', 'bad', '-h'],
    ]) {
      const { code, context } = await cli(dir, argv);
      expect(code, argv.join(' ')).toBe(0);
      expect(context.outLines[0], argv.join(' ')).toMatch(/^remediate [a-z]+: /);
    }
  });

  it('takes --help only as an option: not as the value of another, nor after --', () => {
    expect(parse(['yank', 'svc@v1.0.0', '--key', 'k', '--reason=-h'])).toMatchObject({ command: 'yank', reason: '-h' });
    expect(parse(['summarize', '--', '--help'])).toEqual({
      command: 'summarize',
      dirs: [resolve(dir, '--help')],
      summary: undefined,
    });
  });

  it('prints a group for runs, github, manifest and dispatch: each subcommand with its synopsis', async () => {
    for (const group of Object.keys(COMMAND_GROUPS)) {
      for (const argv of [
        [group, '--help'],
        [group, '-h'],
        ['help', group],
      ]) {
        const { code, context } = await cli(dir, argv);
        expect(code, argv.join(' ')).toBe(0);
        expect(context.outLines).toEqual([groupUsage(group)]);
      }
      for (const key of COMMAND_KEYS.filter((k) => k.startsWith(`${group} `))) {
        expect(groupUsage(group), key).toContain(`  remediate ${key} `);
      }
    }
  });

  it('lists the subcommands of gateway in its help', () => {
    expect(commandUsage('gateway')).toContain('  remediate gateway check --config <gateway.yml>');
    expect(commandUsage('gateway')).toContain('  remediate gateway replay-dead --config <gateway.yml>');
  });
});

describe('the global usage', () => {
  it('is printed for no command, help, --help and -h, exit 0', async () => {
    for (const argv of [[], ['help'], ['--help'], ['-h']]) {
      const { code, context } = await cli(dir, argv);
      expect(code, argv.join(' ')).toBe(0);
      expect(context.outLines).toEqual([globalUsage()]);
    }
  });

  it('keeps what the hand-written usage had: every command with every option, versions and exit codes', () => {
    const text = globalUsage();
    for (const key of COMMAND_KEYS) {
      // The command's block: its synopsis lines and the summary under them.
      const start = text.indexOf(`\n  remediate ${key}`);
      expect(start, key).toBeGreaterThan(0);
      const end = text.indexOf(`\n      ${commandSpec(key).summary}`, start);
      expect(end, key).toBeGreaterThan(start);
      const block = text.slice(start, end);
      for (const [name] of optionsOf(key)) expect(block, `${key} --${name}`).toContain(`--${name}`);
    }
    expect(text).toContain('Versions are exact: <name>@v<semver> (tag <name>/v<semver>).');
    expect(text).toMatch(
      /Exit codes: 0 success, 1 .*, 2 usage or invalid input,\n +3 refused .*, 4 cancelled or timed out\./,
    );
    expect(text).toContain('--help');
  });
});

describe('mistakes: exit 2, naming what was meant', () => {
  it('suggests the closest command', async () => {
    const { code, context } = await cli(dir, ['relase', 'svc', 'v1.0.0']);
    expect(code).toBe(2);
    expect(context.errLines).toEqual(["error [USAGE]: unknown command 'relase'; did you mean 'release'?"]);
    for (const [argv, meant] of [
      [['verfiy', 'svc@v1.0.0'], 'verify'],
      [['runs', 'lst'], 'runs list'],
      [['github', 'download-record'], 'github download-records'],
      [['gateway', 'chek', '--config', 'g.yml'], 'gateway check'],
      [['help', 'relase'], 'release'],
      [['help', 'runs', 'shwo'], 'runs show'],
    ] as const) {
      const error = thrown(() => parse(argv));
      expect(error?.code, argv.join(' ')).toBe('USAGE');
      expect(error?.message, argv.join(' ')).toContain(`did you mean '${meant}'?`);
    }
  });

  it('suggests nothing for a word that is no typo, and points to help instead', () => {
    const error = thrown(() => parse(['frobnicate', '--now']));
    expect(error?.code).toBe('USAGE');
    expect(error?.message).toBe("unknown command 'frobnicate'; run 'remediate help' for the list");
  });

  it('suggests the closest option of the command', async () => {
    const { code, context } = await cli(dir, ['run', 'svc@v1.0.0', '--trusted-kye', 'k.pub']);
    expect(code).toBe(2);
    expect(context.errLines).toEqual([
      "error [USAGE]: unknown option '--trusted-kye' for run; did you mean '--trusted-key'?",
    ]);
    expect(thrown(() => parse(['runs', 'list', '--jsn']))?.message).toBe(
      "unknown option '--jsn' for runs list; did you mean '--json'?",
    );
    expect(thrown(() => parse(['verify', 'svc@v1.0.0', '--bogus']))?.message).toBe(
      "unknown option '--bogus' for verify; run 'remediate verify --help'",
    );
  });

  it('names the missing argument of every command that takes one', () => {
    expect(thrown(() => parse(['run', '--trusted-key', 'k.pub']))?.message).toBe('run: missing <name@version>');
    expect(thrown(() => parse(['release', '--key', 'k']))?.message).toBe('release: missing <name> <version>');
    expect(thrown(() => parse(['release', 'svc', '--key', 'k']))?.message).toBe('release: missing <version>');
    expect(thrown(() => parse(['summarize']))?.message).toBe('summarize: missing <record dir>...');
    for (const key of ACTING) {
      const needed = commandSpec(key).arguments.filter((a) => !a.optional);
      if (needed.length === 0) continue;
      const error = thrown(() => parse(words(key)));
      expect(error?.code, key).toBe('USAGE');
      expect(error?.exitCode).toBe(ExitCode.usage);
      expect(error?.message, key).toMatch(new RegExp(`^${key}: missing ${escape(needed[0]!.name)}`));
    }
  });

  it('names the missing required option of every command, taken out of its example', () => {
    for (const key of ACTING) {
      for (const [name, option] of optionsOf(key).filter(([, o]) => o.required)) {
        const example = commandSpec(key)
          .examples.map(shellWords)
          .find((argv) => argv.includes(`--${name}`));
        expect(example, `an example of ${key} gives --${name}`).toBeDefined();
        const without = withoutOption(example ?? [], name);
        const error = thrown(() => parse(without));
        expect(error?.code, without.join(' ')).toBe('USAGE');
        expect(error?.message, without.join(' ')).toMatch(
          new RegExp(`^${key}: missing --${name}${option.type === 'string' ? ' ' : ':'}`),
        );
      }
    }
  });

  it('refuses extra arguments, naming them', () => {
    expect(thrown(() => parse(['run', 'a@v1.0.0', 'b', '--trusted-key', 'k']))?.message).toBe(
      "run: unexpected argument 'b' (run takes <name@version>); run 'remediate run --help'",
    );
    expect(thrown(() => parse(['runs', 'list', 'extra']))?.code).toBe('USAGE');
    expect(thrown(() => parse(['release', 'svc', '--from-tag', 'svc/v1.0.0', '--key', 'k']))?.message).toContain(
      'release takes no arguments with --from-tag',
    );
  });

  it('keeps a subcommand word that is missing or unknown an error, as before', () => {
    for (const argv of [['runs'], ['github'], ['manifest'], ['dispatch', 'prase'], ['help', 'run', 'extra']]) {
      const error = thrown(() => parse(argv));
      expect(error?.code, argv.join(' ')).toBe('USAGE');
    }
  });
});

describe("README's CLI reference", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('\n## CLI reference\n');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  /** Each `remediate ...` entry of the section's code blocks, with its continuation lines. */
  const entries = [...section.matchAll(/```\n([\s\S]*?)```/g)]
    .flatMap((block) => (block[1] ?? '').split(/\n(?=remediate )/))
    .filter((entry) => entry.startsWith('remediate '));

  function keyOf(entry: string): CommandKey | undefined {
    const [, first = '', second = ''] = entry.split(/\s+/);
    const two = `${first} ${second}`;
    if (isCommandKey(two)) return two;
    return isCommandKey(first) ? first : undefined;
  }

  it('names only commands and options the table has', () => {
    expect(start).toBeGreaterThan(0);
    for (const entry of entries) {
      const key = keyOf(entry);
      expect(key, entry).toBeDefined();
      if (key === undefined) continue;
      // --help and --version are the global flags every entry may mention.
      const known = new Set([...Object.keys(commandSpec(key).options), 'help', 'version']);
      for (const [, name] of entry.matchAll(/--([a-z][a-z-]*)/g)) expect(known, `${key}: --${name}`).toContain(name);
    }
  });

  it('lists every command of the table', () => {
    const listed = new Set(entries.map(keyOf));
    for (const key of COMMAND_KEYS) expect(listed, key).toContain(key);
  });
});

/** argv without every occurrence of --name (and its value: the next word, or after `=`). */
function withoutOption(argv: readonly string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) i++;
    else if (!argv[i]!.startsWith(`--${name}=`)) out.push(argv[i]!);
  }
  return out;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
