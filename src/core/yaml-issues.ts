// Located problems in a YAML document a user wrote (a remediation.yml, a gateway config): each at
// `file:line:col path: expected X, got Y`, the one form editors, annotations and people read.
// Shared by core/definition-parser.ts, core/gateway-config.ts and core/targets-config.ts, so both word schema problems
// alike; each keeps its own semantic checks.

import type { ErrorObject } from 'ajv';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { expectedForm, formatPath, readSchemaError } from './schema-errors.ts';

/** One problem in a YAML document, with the position of the offending node. */
export interface LocatedIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Path inside the document, like `steps[1].timeout`. */
  readonly path: string;
  readonly message: string;
}

/** Formats an issue as `file:line:col: path: message`, the shape editors and annotations expect. */
export function formatIssue(issue: LocatedIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}

/** Makes the issue at a document path; `key` points at the key instead of its value. */
export type IssueMaker = (path: readonly (string | number)[], message: string, key?: boolean) => LocatedIssue;

/** Words one ajv error as a located issue: unknown keys at the key, expected/got elsewhere. */
export function schemaIssue(error: ErrorObject, issue: IssueMaker): LocatedIssue {
  const problem = readSchemaError(error);
  const { path } = problem;
  const got = showValue(problem.data);
  switch (problem.keyword) {
    case 'additionalProperties':
      return issue([...path, problem.key], `unknown key '${problem.key}'`, true);
    case 'required':
      return issue(path, `missing required key '${problem.key}'`);
    case 'pattern':
      return issue(path, `expected ${expectedForm(problem.pattern, problem.description)}, got ${got}`);
    case 'propertyNames':
      return issue([...path, problem.name], `invalid key '${problem.name}'`, true);
    case 'type':
      // Only the first comma becomes "or" ('string or number,boolean'): the wording as it was
      // before this code was shared with the snapshot schema, kept unchanged.
      return issue(path, `expected ${problem.types.join(',').replace(',', ' or ')}, got ${got}`);
    case 'enum':
      return issue(path, `expected one of ${problem.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`);
    default:
      return issue(path, `${problem.message}, got ${got}`);
  }
}

/** The YAML node at `path` (and the key node naming it), or the deepest node on the way there. */
export function findNode(doc: Document, path: readonly (string | number)[]): { node?: Node; keyNode?: Node } {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part));
      if (!pair) return { node: node as Node };
      keyNode = pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof part === 'number') {
      const next = node.items[part];
      if (!next) return { node: node as Node };
      keyNode = undefined;
      node = next;
    } else {
      break;
    }
  }
  return { node: node as Node, ...(keyNode ? { keyNode } : {}) };
}

/** A value as a message shows it after "got": quoted and cut short, or its kind. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** Drops issues reported twice (ajv reports one problem under several keywords at times). */
export function dedupeIssues<T extends LocatedIssue>(issues: readonly T[]): T[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = formatIssue(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Alias expansions allowed in a config: stops "billion laughs" documents that expand to gigabytes. */
export const MAX_ALIAS_COUNT = 50;

/** A config read for validation: its data and the maker of issues located in it, or why it could not be read. */
export type ReadYaml =
  | { readonly ok: true; readonly data: unknown; readonly issue: IssueMaker }
  | { readonly ok: false; readonly issues: LocatedIssue[] };

/**
 * Reads a config a user wrote (gateway.yml, targets.yml) for schema validation. Attacks it stops:
 * a key written twice (which entry counts would be the reader's guess, so both are refused) and
 * aliases expanding a small file to gigabytes (at most MAX_ALIAS_COUNT expansions). `escape`, when
 * given, is applied to every path and message of the issue maker (for output that reaches a job log).
 */
export function readYamlConfig(text: string, file: string, escape: (text: string) => string = (t) => t): ReadYaml {
  const at = (line: number, column: number, path: string, message: string): LocatedIssue => ({
    file,
    line,
    column,
    path,
    message,
  });
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        return at(line, col, '', e.message.split('\n')[0] ?? e.message);
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return {
      ok: false,
      issues: [at(1, 1, '', `cannot expand the document: ${error instanceof Error ? error.message : String(error)}`)],
    };
  }
  const issue: IssueMaker = (path, message, key = false) => {
    const { node, keyNode } = findNode(doc, path);
    const target = key && keyNode ? keyNode : node;
    const { line, col } = lines.linePos(target?.range?.[0] ?? 0);
    return at(line, col, escape(formatPath(path)), escape(message));
  };
  return { ok: true, data, issue };
}
