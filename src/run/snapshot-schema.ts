import type { ErrorObject } from 'ajv';
import schema from '../../remediations/run-snapshot.schema.json' with { type: 'json' };
// Precompiled from the schema at build time (scripts/build-validators.mjs): no compile at run time.
import validate from '../generated/run-snapshot-validator.js';
import { formatPath, pointerToPath } from '../core/definition-parser.ts';

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
  const path = pointerToPath(error.instancePath);
  const got = show(valueAt(root, path));
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      return `${where([...path, key])}: unknown field`;
    }
    case 'required': {
      const key = (error.params as { missingProperty: string }).missingProperty;
      return `${where([...path, key])}: missing required field`;
    }
    case 'false schema':
      return `${where(path)}: not allowed in a snapshot with status ${show(valueAt(root, ['status']))}`;
    case 'enum':
      return `${where(path)}: expected one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    case 'const':
      return `${where(path)}: expected ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}, got ${got}`;
    case 'pattern':
      return `${where(path)}: expected ${expectedForm(error)}, got ${got}`;
    case 'propertyNames': {
      const name = (error.params as { propertyName: string }).propertyName;
      return `${where([...path, name])}: invalid name`;
    }
    case 'type':
      return `${where(path)}: expected ${String((error.params as { type: string | string[] }).type).replaceAll(',', ' or ')}, got ${got}`;
    default:
      return `${where(path)}: ${error.message ?? 'is invalid'}, got ${got}`;
  }
}

/** A shared format's description (`64 lower-case hex digits`) reads better than its regex. */
function expectedForm(error: ErrorObject): string {
  const match = /^#\/definitions\/([A-Za-z0-9]+)\/pattern$/.exec(error.schemaPath);
  const definitions = schema.definitions as Record<string, { description?: string }>;
  const description = match ? definitions[match[1] as string]?.description : undefined;
  return description
    ? description.charAt(0).toLowerCase() + description.slice(1).replace(/\.$/, '')
    : `a value matching /${(error.params as { pattern: string }).pattern}/`;
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
