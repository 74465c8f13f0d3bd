// GitHub's own parser (@actions/workflow-parser) over action.yml, the workflows and the examples
// (scripts/lint-github-parser.mjs). The repository must lint clean, and each kind of refusal has a
// named fixture under fixtures/: a small repository root the lint must report, at the expected place.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const SCRIPT = join(ROOT, 'scripts/lint-github-parser.mjs');

/** The lint module's functions the tests call (scripts/ is plain JavaScript). */
interface ParserFinding {
  file: string;
  line: number;
  column: number;
  message: string;
}
interface ParserLintModule {
  lintGitHubParserFiles(root?: string, files?: string[]): Promise<ParserFinding[]>;
  listGitHubParserFiles(root?: string): string[];
  formatFinding(finding: ParserFinding): string;
}

let lint: ParserLintModule;
beforeAll(async () => {
  // A computed URL: the script is JavaScript without type declarations.
  lint = (await import(pathToFileURL(SCRIPT).href)) as ParserLintModule;
});

/** What a fixture must produce: its only finding, at `file:line:col`, with `message` in the text. */
interface Expected {
  fixture: string;
  at: string;
  message: string;
}

const REFUSALS: Expected[] = [
  {
    fixture: 'action-description-expression',
    at: 'action.yml:7:47',
    message: "Unrecognized named-value: 'github'",
  },
  { fixture: 'action-unknown-key', at: 'action.yml:4:1', message: "Unexpected value 'output'" },
  {
    fixture: 'workflow-bad-expression',
    at: '.github/workflows/bad-expression.yml:11:16',
    message: "Unexpected end of expression: '=='",
  },
  {
    fixture: 'workflow-unknown-context',
    at: '.github/workflows/unknown-context.yml:11:18',
    message: "Unrecognized named-value: 'secret'",
  },
  {
    fixture: 'caller-undeclared-input',
    at: '.github/workflows/caller.yml:10:15',
    message: 'dryrun is not defined in the referenced workflow',
  },
  {
    fixture: 'example-undeclared-input',
    at: 'examples/caller.yml:10:19',
    message: 'parameters is not defined in the referenced workflow',
  },
  {
    fixture: 'caller-missing-required-input',
    at: '.github/workflows/caller.yml:7:11',
    message: 'Input remediation is required',
  },
  {
    fixture: 'caller-remote-workflow',
    at: '.github/workflows/caller.yml:7:11',
    message:
      'octo-org/other-repo/.github/workflows/deploy.yml@0123456789abcdef0123456789abcdef01234567 is outside remediate-dev/remediate and cannot be resolved offline',
  },
  {
    fixture: 'caller-missing-local-workflow',
    at: '.github/workflows/caller.yml:7:11',
    message: '.github/workflows/missing.yml does not exist',
  },
];

describe('GitHub parser lint', () => {
  it('finds nothing in action.yml, any workflow or any example', async () => {
    const files = lint.listGitHubParserFiles(ROOT);
    expect(files).toContain('action.yml');
    expect(files).toContain('.github/workflows/remediate.yml');
    expect(files).toContain('examples/remediate.yml');
    const findings = await lint.lintGitHubParserFiles(ROOT, files);
    expect(findings.map((f) => lint.formatFinding(f))).toEqual([]);
  });

  it.each(REFUSALS)('reports $fixture at $at', async ({ fixture, at, message }) => {
    const findings = await lint.lintGitHubParserFiles(join(FIXTURES, fixture));
    const lines = findings.map((f) => lint.formatFinding(f));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.slice(0, at.length + 2)).toBe(`${at}: `);
    expect(lines[0]).toContain(message);
  });

  it('reports an unknown job key, and the required key it misses', async () => {
    const findings = await lint.lintGitHubParserFiles(join(FIXTURES, 'workflow-unknown-key'));
    expect(findings.map((f) => lint.formatFinding(f))).toEqual([
      ".github/workflows/unknown-key.yml:7:5: Unexpected value 'run-on'",
      '.github/workflows/unknown-key.yml:7:5: Required property is missing: runs-on',
    ]);
  });

  it('as a script under plain Node: exits 0 on the repository, 1 with file:line:col on a fixture', () => {
    // The script loads the parser through a module hook; vitest may load JSON itself, so run it as npm does.
    const clean = execFileSync(process.execPath, [SCRIPT], { cwd: ROOT, encoding: 'utf8' });
    expect(clean).toContain('file(s) clean');
    let failure: { status: number | null; stdout: string } | undefined;
    try {
      execFileSync(process.execPath, [SCRIPT, join(FIXTURES, 'action-description-expression')], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      failure = error as { status: number | null; stdout: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stdout).toBe("action.yml:7:47: Unrecognized named-value: 'github'\n");
  });
});
