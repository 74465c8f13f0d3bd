import type { ErrorObject } from 'ajv';
// Precompiled from the schema at build time (scripts/build-validators.mjs): no compile at run time.
import validate from '../generated/run-snapshot-validator.js';
import { expectedForm, formatPath, readSchemaError } from '../core/schema-errors.ts';

/** Result of checking a parsed snapshot.json against the published run snapshot schema. */
export type SnapshotValidation = { ok: true } | { ok: false; problems: string[] };

/** Checks parsed snapshot.json against the published schema; problems read `<path>: <message>`. */
export function validateSnapshot(value: unknown): SnapshotValidation {
  if (validate(value)) return { ok: true };
  // An `if` error only says "must match then/else"; the failing keyword inside is reported on its own.
  const problems = (validate.errors ?? [])
    .filter((error) => error.keyword !== 'if')
    .map((error) => describe(error, value));
  return { ok: false, problems: [...new Set(problems)] };
}

function describe(error: ErrorObject, root: unknown): string {
  const problem = readSchemaError(error);
  const { path } = problem;
  const got = show(valueAt(root, path));
  switch (problem.keyword) {
    case 'additionalProperties':
      return `${where([...path, problem.key])}: unknown field`;
    case 'required':
      return `${where([...path, problem.key])}: missing required field`;
    case 'false schema':
      return `${where(path)}: not allowed in a snapshot with status ${show(valueAt(root, ['status']))}`;
    case 'enum':
      return `${where(path)}: expected one of ${problem.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    case 'const':
      return `${where(path)}: expected ${JSON.stringify(problem.value)}, got ${got}`;
    case 'pattern': {
      // A shared format's description (`64 lower-case hex digits`) says what is expected; a
      // field's own description says what the field is for, so its regex is shown instead.
      const description = problem.definition === undefined ? undefined : problem.description;
      return `${where(path)}: expected ${expectedForm(problem.pattern, description)}, got ${got}`;
    }
    case 'propertyNames':
      return `${where([...path, problem.name])}: invalid name`;
    case 'type':
      return `${where(path)}: expected ${problem.types.join(' or ')}, got ${got}`;
    default:
      return `${where(path)}: ${problem.message}, got ${got}`;
  }
}

function where(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(snapshot)' : formatPath(path);
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value.length > 80 ? `${value.slice(0, 77)}...` : value}'`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
