// Lints action.yml, every workflow (.github/workflows/*.yml) and every example caller (examples/*.yml)
// with GitHub's own parser, @actions/workflow-parser, offline. It refuses what the runner refuses when
// it loads a file (an expression in an action.yml description, for one) and resolves calls to this
// repository's reusable workflows to the local files, so an undeclared or missing input is an error.
// It runs beside actionlint (scripts/lint-workflows.mjs), not instead of it; no finding is filtered.
// `node scripts/lint-github-parser.mjs [root]` prints `file:line:col: message` and exits 1 on findings.
import { existsSync, readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT, listWorkflowFiles } from './lint-workflows.mjs';

/** This repository as callers name it in `uses: <owner>/<repo>/.github/workflows/<file>@<sha>`. */
export const SELF_REPOSITORY = 'remediate-dev/remediate';

/** Where GitHub requires reusable workflows to live; nothing else is read for a `uses:`. */
const REUSABLE_WORKFLOW_PATH = /^\.github\/workflows\/[^/]+\.ya?ml$/;

/** The parser's message when its file provider throws; the provider's reason is appended to it. */
const UNRESOLVED_MESSAGE = 'Unable to find reusable workflow';

let parserPromise;

/**
 * Loads the parser once. Its modules import their JSON schemas without import attributes, which
 * Node refuses, so a load hook serves those files as modules first; the parser is imported
 * dynamically because a static import would be linked before the hook exists.
 */
export function loadGitHubParser() {
  parserPromise ??= (async () => {
    registerHooks({ load: serveParserJson });
    const [actions, workflows, convert, references] = await Promise.all([
      import('@actions/workflow-parser/actions/action-parser'),
      import('@actions/workflow-parser'),
      import('@actions/workflow-parser/model/convert'),
      import('@actions/workflow-parser/workflows/file-reference'),
    ]);
    return {
      parseAction: actions.parseAction,
      parseWorkflow: workflows.parseWorkflow,
      convertWorkflowTemplate: workflows.convertWorkflowTemplate,
      trace: new workflows.NoOperationTraceWriter(),
      // Convert even when parsing found errors, so a bad expression does not hide a bad call.
      tryConversion: convert.ErrorPolicy.TryConversion,
      parseFileReference: references.parseFileReference,
      fileIdentifier: references.fileIdentifier,
    };
  })();
  return parserPromise;
}

/** Serves the parser's own `.json` files as `export default <json>;`; every other URL passes through. */
function serveParserJson(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.json') && url.includes('/@actions/workflow-parser/')) {
    const source = `export default ${readFileSync(fileURLToPath(url), 'utf8')};`;
    return { format: 'module', shortCircuit: true, source };
  }
  return nextLoad(url, context);
}

/**
 * A FileProvider that reads reusable workflows from `root`: `./.github/workflows/<file>` and this
 * repository's `<owner>/<repo>/.github/workflows/<file>@<sha>` (the pinned SHA is ignored: the
 * local file is what a commit of this branch releases). Anything else throws; `reasons` keeps why,
 * by the parser's file identifier, because the parser replaces the thrown error with its own message.
 */
export async function createFileProvider(root) {
  const { fileIdentifier } = await loadGitHubParser();
  const reasons = new Map();
  return {
    reasons,
    async getFileContent(ref) {
      const uses = fileIdentifier(ref);
      const refuse = (reason) => {
        reasons.set(uses, reason);
        throw new Error(reason);
      };
      if ('repository' in ref && `${ref.owner}/${ref.repository}`.toLowerCase() !== SELF_REPOSITORY) {
        refuse(`${uses} is outside ${SELF_REPOSITORY} and cannot be resolved offline`);
      }
      if (!REUSABLE_WORKFLOW_PATH.test(ref.path)) refuse(`${ref.path} is not a file in .github/workflows/`);
      const full = join(root, ref.path);
      if (!existsSync(full)) refuse(`${ref.path} does not exist`);
      return { name: ref.path, content: readFileSync(full, 'utf8') };
    },
  };
}

/** One parser error as a finding; the position is the error's range, else the `(Line: N, Col: M)` of its prefix. */
export function toFinding(error, entryFile) {
  const prefix = /^(.*?) ?(?:\(Line: (\d+), Col: (\d+)\))?$/.exec(error.prefix ?? '') ?? [];
  const start = error.range?.start;
  return {
    file: prefix[1] || entryFile,
    line: start?.line ?? Number(prefix[2] ?? 1),
    column: start?.column ?? Number(prefix[3] ?? 1),
    message: error.rawMessage,
  };
}

/** Findings for one action.yml text. */
export async function lintActionText(text, file) {
  const parser = await loadGitHubParser();
  const result = parser.parseAction({ name: file, content: text }, parser.trace);
  return result.context.errors.getErrors().map((error) => toFinding(error, file));
}

/** Findings for one workflow text; its reusable-workflow calls are read through `provider`. */
export async function lintWorkflowText(text, file, provider) {
  const parser = await loadGitHubParser();
  const result = parser.parseWorkflow({ name: file, content: text }, parser.trace);
  let template = { jobs: [] };
  if (result.value) {
    template = await parser.convertWorkflowTemplate(result.context, result.value, provider, {
      fetchReusableWorkflowDepth: 1,
      errorPolicy: parser.tryConversion,
    });
  }
  return result.context.errors.getErrors().map((error) => {
    const finding = toFinding(error, file);
    if (error.rawMessage !== UNRESOLVED_MESSAGE) return finding;
    // The parser reports a failed fetch at the job's `uses:`; say why it failed.
    const job = (template.jobs ?? []).find(
      (j) => j.type === 'reusableWorkflowJob' && samePosition(j.ref.range?.start, error.range?.start),
    );
    const reason = job && provider.reasons.get(tryFileIdentifier(parser, job.ref.value));
    return reason ? { ...finding, message: `${finding.message}: ${reason}` } : finding;
  });
}

/** The parser's identifier for a `uses:` value, or undefined when it cannot parse it. */
function tryFileIdentifier(parser, uses) {
  try {
    return parser.fileIdentifier(parser.parseFileReference(uses));
  } catch {
    return undefined; // the parser already reported this `uses:` as unresolved
  }
}

function samePosition(a, b) {
  return a !== undefined && b !== undefined && a.line === b.line && a.column === b.column;
}

/** action.yml (when present), then every workflow and example under `root`, relative paths. */
export function listGitHubParserFiles(root = ROOT) {
  return [...(existsSync(join(root, 'action.yml')) ? ['action.yml'] : []), ...listWorkflowFiles(root)];
}

/**
 * Lints `files` under `root` (action.yml by name, the rest as workflows). A finding in a called
 * workflow is reported again by each caller; identical lines are printed once.
 */
export async function lintGitHubParserFiles(root = ROOT, files = listGitHubParserFiles(root)) {
  const provider = await createFileProvider(root);
  const findings = new Map();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const found = /^action\.ya?ml$/.test(basename(file))
      ? await lintActionText(text, file)
      : await lintWorkflowText(text, file, provider);
    for (const finding of found) findings.set(formatFinding(finding), finding);
  }
  return [...findings.values()];
}

/** One finding as `file:line:col: message`. */
export function formatFinding(finding) {
  return `${finding.file}:${finding.line}:${finding.column}: ${finding.message}`;
}

async function main() {
  const root = process.argv[2] ?? ROOT;
  const files = listGitHubParserFiles(root);
  const findings = await lintGitHubParserFiles(root, files);
  for (const finding of findings) console.log(formatFinding(finding));
  if (findings.length) {
    const fileCount = new Set(findings.map((f) => f.file)).size;
    console.error(`@actions/workflow-parser: ${findings.length} finding(s) in ${fileCount} file(s)`);
    process.exit(1);
  }
  console.log(`@actions/workflow-parser: ${files.length} file(s) clean (${files.join(', ')})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
