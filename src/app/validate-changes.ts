import { lstatSync, type Stats } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkAppendOnly } from '../core/append-check.ts';
import { DefinitionError, type DefinitionIssue } from '../core/definition-parser.ts';
import { checkDefinition, lintDefinition, lintScripts } from './check-definition.ts';
import type { ShellLinter } from '../adapters/shellcheck.ts';
import { readPayloadUnverified } from '../core/manifest-verifier.ts';
import { treeDigest } from '../core/tree-digest.ts';
import type { GitRepository } from '../adapters/git-client.ts';
import {
  readRemediationAtCommit,
  readRemediationFromWorkingTree,
  REMEDIATIONS_DIR,
} from '../adapters/remediation-source.ts';
import { DEFAULT_MANIFEST_PATH } from './manifest-file.ts';
import { escape } from './markdown.ts';
import { isRemediationName } from '../core/version-ref.ts';
import { tryReadBoundedFile } from '../adapters/bounded-file.ts';
import { UsageError } from '../errors.ts';
import {
  DEFAULT_TARGETS_FILE,
  MAX_TARGETS_FILE_BYTES,
  parseTargetsConfig,
  TargetsConfigError,
} from '../core/targets-config.ts';

/** What validation found for one changed remediation. */
export interface ChangedRemediation {
  readonly name: string;
  readonly issues: readonly DefinitionIssue[];
  /**
   * shellcheck's findings on the steps' scripts and the folder's shell scripts (advice: they
   * never make it invalid); empty when
   * it was not linted (invalid, no linter given, or shellcheck not installed: see `lint`).
   */
  readonly warnings: readonly DefinitionIssue[];
  /** Whether shellcheck linted it: `missing` when it is not installed here. */
  readonly lint: 'linted' | 'missing' | 'not-linted';
  readonly latestTag?: string;
  readonly latestDigest?: string;
  readonly newDigest?: string;
  readonly nextVersion: string;
  /** Whether the files differ from the newest release (a new version must be cut to ship them). */
  readonly changedSinceRelease: boolean;
}

/**
 * Validates every remediation changed since `base` (or all of them) in the working tree, and
 * compares each with its newest released tag, for a pull request's review. Released versions are
 * tags, which the change cannot touch; what it can do is change files that must then ship as a new
 * version, or edit the manifest, which must stay append-only (checked here too).
 */
export async function validateChanges(
  git: GitRepository,
  root: string,
  base: string | undefined,
  lint?: ShellLinter,
): Promise<ChangedRemediation[]> {
  const names = base === undefined ? await allRemediations(root) : await changedRemediations(git, base);
  const results: ChangedRemediation[] = [];
  // Once shellcheck is found missing, it is not looked for again.
  let linter = lint;
  for (const name of names.sort()) {
    // Attack: a pull request's folder name is printed (log lines, the summary table, the tag to
    // push). `zz\n::warning ...` or `\n::stop-commands::x` would write workflow commands of its
    // own. A folder that is not a remediation name is a problem, shown only JSON-quoted.
    if (!isRemediationName(name)) {
      const file = `${REMEDIATIONS_DIR}/${shownName(name)}/`;
      const message = `${shownName(name)} is not a remediation name: expected lower-case letters, digits and '-' (at most 64); rename the folder`;
      results.push({
        name,
        issues: [{ file, line: 1, column: 1, path: '', message }],
        warnings: [],
        lint: 'not-linted',
        nextVersion: 'v1.0.0',
        changedSinceRelease: true,
      });
      continue;
    }
    let issues: readonly DefinitionIssue[] = [];
    let warnings: readonly DefinitionIssue[] = [];
    let linted: ChangedRemediation['lint'] = 'not-linted';
    let newDigest: string | undefined;
    try {
      const files = await readRemediationFromWorkingTree(root, name);
      newDigest = treeDigest(files);
      const definition = files.find((f) => f.path === 'remediation.yml');
      if (!definition) {
        issues = [
          {
            file: `${REMEDIATIONS_DIR}/${name}/remediation.yml`,
            line: 1,
            column: 1,
            path: '',
            message: 'missing remediation.yml',
          },
        ];
      } else {
        const file = `${REMEDIATIONS_DIR}/${name}/remediation.yml`;
        const parsed = await checkDefinition(file, definition.content, name);
        if (linter !== undefined) {
          const onDisk = { folder: join(root, REMEDIATIONS_DIR, name), files: files.map((f) => f.path) };
          const steps = await lintDefinition(file, definition.content, parsed, linter, onDisk);
          const scripts =
            steps.kind === 'linted' ? await lintScripts(`${REMEDIATIONS_DIR}/${name}`, files, linter, onDisk) : steps;
          if (scripts.kind === 'missing' || steps.kind === 'missing') linter = undefined;
          else warnings = [...steps.warnings, ...scripts.warnings];
          linted = scripts.kind;
        } else if (lint !== undefined) {
          linted = 'missing';
        }
      }
    } catch (error) {
      if (error instanceof DefinitionError) issues = error.issues;
      else if ((error as { code?: string }).code === 'NOT_FOUND')
        continue; // the change deleted it
      else throw error;
    }
    const latestTag = newestTag(await git.listTags(`${name}/v*`), name);
    let latestDigest: string | undefined;
    if (latestTag) {
      const commit = await git.tryResolveTag(latestTag);
      if (commit) latestDigest = treeDigest(await readRemediationAtCommit(git, commit, name));
    }
    results.push({
      name,
      issues,
      warnings,
      lint: linted,
      ...(latestTag ? { latestTag } : {}),
      ...(latestDigest ? { latestDigest } : {}),
      ...(newDigest ? { newDigest } : {}),
      nextVersion: nextVersion(latestTag?.slice(name.length + 1)),
      changedSinceRelease: latestDigest !== newDigest,
    });
  }
  return results;
}

/** What validation found in the targets file: its problems, none when it is valid. */
export interface TargetsFileCheck {
  readonly file: string;
  readonly issues: readonly DefinitionIssue[];
}

/**
 * Validates the working tree's targets file (remediations/targets.yml) as routing reads it, when
 * there is one: a pull request that breaks it is told on its line, instead of every alert being
 * refused later in the plan job. Undefined when the repository has none (routing is optional).
 */
export function checkTargetsFile(root: string): TargetsFileCheck | undefined {
  const file = DEFAULT_TARGETS_FILE;
  try {
    // Attack: a pull request's targets.yml (or remediations/) linked to a runner file, such as
    // /proc/self/environ or a credentials file: parse errors quote what they read, into the
    // public log, the summary and --json. Links are refused, never followed; and a dangling link
    // is a problem, not "no targets file", so it cannot pass review and break routing later.
    const folder = lstatOrUndefined(join(root, REMEDIATIONS_DIR));
    if (folder?.isSymbolicLink()) {
      return {
        file,
        issues: [
          { file, line: 1, column: 1, path: '', message: `${REMEDIATIONS_DIR}/ is a symbolic link; make it a folder` },
        ],
      };
    }
    const bytes = tryReadBoundedFile(join(root, file), {
      label: 'targets file',
      maxBytes: MAX_TARGETS_FILE_BYTES,
      noFollow: true,
    });
    if (bytes === undefined) return undefined;
    parseTargetsConfig(bytes, file);
    return { file, issues: [] };
  } catch (error) {
    if (error instanceof TargetsConfigError) return { file, issues: error.issues };
    // Not a regular file, too large, unreadable: one problem at the top of the file.
    if (error instanceof UsageError)
      return { file, issues: [{ file, line: 1, column: 1, path: '', message: error.message }] };
    throw error;
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Checks that the working tree's manifest only appends to the one at `base` (if it changed). */
export async function checkManifestChange(git: GitRepository, root: string, base: string): Promise<string | undefined> {
  const before = await git.tryReadFileAt(base, DEFAULT_MANIFEST_PATH);
  const after = await readFile(join(root, DEFAULT_MANIFEST_PATH)).catch(() => undefined);
  if (!before || !after || before.equals(after)) return undefined;
  const summary = checkAppendOnly(readPayloadUnverified(before), readPayloadUnverified(after).payload);
  return `manifest appends ${summary.added.join(', ') || 'nothing'}${summary.yanked.length ? `, yanks ${summary.yanked.join(', ')}` : ''}`;
}

/** Renders the review table for the job summary. */
export function renderValidation(
  results: readonly ChangedRemediation[],
  manifestNote: string | undefined,
  targets?: TargetsFileCheck,
): string {
  const lines = ['## Remediation definitions', ''];
  if (results.length === 0) lines.push('No remediation changed.');
  else {
    lines.push(
      '| Remediation | Valid | Newest release | Released digest | New digest | To ship it |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const r of results) {
      const ship = !isRemediationName(r.name)
        ? 'rename the folder'
        : !r.changedSinceRelease
          ? 'unchanged since the release'
          : `cut a new version: push tag \`${r.name}/${r.nextVersion}\` after merging`;
      lines.push(
        `| ${escape(shownName(r.name))} | ${r.issues.length ? `❌ ${r.issues.length} problem(s)` : '✅'} | ${r.latestTag ?? '(none)'} | ${r.latestDigest ? `\`${r.latestDigest}\`` : ''} | ${r.newDigest ? `\`${r.newDigest}\`` : ''} | ${ship} |`,
      );
    }
  }
  const warnings = results.flatMap((r) => r.warnings);
  if (results.some((r) => r.lint === 'missing')) lines.push('', 'shellcheck not found; shell lint skipped.');
  else if (results.some((r) => r.lint === 'linted')) {
    lines.push(
      '',
      `shellcheck: ${warnings.length ? `${warnings.length} warning(s) (advice; they do not fail validation)` : 'no findings'}.`,
    );
    // A finding can quote the script (a pull request's text): escaped, so it cannot add Markdown or HTML.
    for (const w of warnings) lines.push(`- ${escape(`${w.file}:${w.line}:${w.column}: ${w.path}: ${w.message}`)}`);
  }
  if (targets) {
    lines.push(
      '',
      `Targets file \`${targets.file}\`: ${targets.issues.length ? `❌ ${targets.issues.length} problem(s)` : '✅ valid'}.`,
    );
    // The problems quote the pull request's text: escaped, as the shellcheck findings are.
    for (const i of targets.issues)
      lines.push(`- ${escape(`${i.file}:${i.line}:${i.column}: ${i.path ? `${i.path}: ` : ''}${i.message}`)}`);
  }
  if (manifestNote) lines.push('', `Manifest: ${manifestNote}.`);
  lines.push(
    '',
    'A released version is never changed: its tag keeps pointing at the reviewed commit. To ship these changes, merge, then push the tag shown (the release workflow signs and publishes it).',
  );
  return `${lines.join('\n')}\n`;
}

/**
 * A folder's name as printed: itself when it is a remediation name, else JSON-quoted (no line
 * break or control character left), so it cannot start a line of its own.
 */
export function shownName(name: string): string {
  return isRemediationName(name)
    ? name
    : JSON.stringify(name).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The next patch version after `version` (v1.2.3 -> v1.2.4), or v1.0.0 for a first release. */
export function nextVersion(version: string | undefined): string {
  const match = version && /^v(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return match ? `v${match[1]}.${match[2]}.${Number(match[3]) + 1}` : 'v1.0.0';
}

/** The highest semver among `<name>/vX.Y.Z` tags (pre-releases sort below their release). */
export function newestTag(tags: readonly string[], name: string): string | undefined {
  const parsed = tags
    .map((tag) => ({ tag, m: /^v(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/.exec(tag.slice(name.length + 1)) }))
    .filter((t) => t.tag.startsWith(`${name}/`) && t.m);
  parsed.sort((a, b) => {
    for (let i = 1; i <= 3; i++) {
      const d = Number(a.m![i]) - Number(b.m![i]);
      if (d) return d;
    }
    return (a.m![4] ? 0 : 1) - (b.m![4] ? 0 : 1);
  });
  return parsed.at(-1)?.tag;
}

async function changedRemediations(git: GitRepository, base: string): Promise<string[]> {
  const paths = await git.changedPaths(base, REMEDIATIONS_DIR);
  const names = new Set<string>();
  for (const path of paths) {
    const [, name, rest] = path.split('/');
    if (name && rest !== undefined) names.add(name);
  }
  return [...names];
}

async function allRemediations(root: string): Promise<string[]> {
  const entries = await readdir(join(root, REMEDIATIONS_DIR), { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}
