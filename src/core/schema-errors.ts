// Reads ajv's errors into plain problems: where, which keyword failed, and the values its params
// carry. The wording stays with each caller: a definition speaks of keys at YAML positions
// (definition-parser.ts), a snapshot of fields (record/snapshot-schema.ts).

import type { ErrorObject } from 'ajv';

/** A path inside a validated document, like `['steps', 1, 'timeout']`. */
export type DocumentPath = (string | number)[];

/** What every problem carries, whatever its keyword. */
interface ProblemBase {
  /** Where the failing value is. */
  readonly path: DocumentPath;
  /** The failing value as ajv reports it (the validators are compiled with `verbose`). */
  readonly data: unknown;
  /** ajv's own message, for keywords a caller does not word itself. */
  readonly message: string;
}

/** One schema violation, read from an ajv error. */
export type SchemaProblem = ProblemBase &
  (
    | { readonly keyword: 'additionalProperties'; /** The key the schema does not allow. */ readonly key: string }
    | { readonly keyword: 'required'; /** The missing key. */ readonly key: string }
    | { readonly keyword: 'propertyNames'; /** The key whose name is invalid. */ readonly name: string }
    | {
        readonly keyword: 'pattern';
        readonly pattern: string;
        /** The description of the schema holding the pattern, when it has one. */
        readonly description: string | undefined;
        /** The shared definition (`#/definitions/<name>`) the pattern belongs to, if any. */
        readonly definition: string | undefined;
      }
    | { readonly keyword: 'type'; /** The types allowed. */ readonly types: readonly string[] }
    | { readonly keyword: 'enum'; readonly values: readonly unknown[] }
    | { readonly keyword: 'const'; readonly value: unknown }
    | { readonly keyword: 'false schema' }
    | { readonly keyword: 'other' }
  );

/** Reads one ajv error: its path, its keyword and the values that keyword's params carry. */
export function readSchemaError(error: ErrorObject): SchemaProblem {
  const base: ProblemBase = {
    path: pointerToPath(error.instancePath),
    data: error.data,
    message: error.message ?? 'is invalid',
  };
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { ...base, keyword: 'additionalProperties', key: params.additionalProperty as string };
    case 'required':
      return { ...base, keyword: 'required', key: params.missingProperty as string };
    case 'propertyNames':
      return { ...base, keyword: 'propertyNames', name: params.propertyName as string };
    case 'pattern':
      return {
        ...base,
        keyword: 'pattern',
        pattern: params.pattern as string,
        description: (error.parentSchema as { description?: string } | undefined)?.description,
        definition: /^#\/definitions\/([A-Za-z0-9]+)\/pattern$/.exec(error.schemaPath)?.[1],
      };
    case 'type': {
      const type = params.type as string | string[];
      return { ...base, keyword: 'type', types: Array.isArray(type) ? type : [type] };
    }
    case 'enum':
      return { ...base, keyword: 'enum', values: params.allowedValues as unknown[] };
    case 'const':
      return { ...base, keyword: 'const', value: params.allowedValue };
    case 'false schema':
      return { ...base, keyword: 'false schema' };
    default:
      return { ...base, keyword: 'other' };
  }
}

/**
 * What a pattern expects, for `expected X`: the schema's description (`a duration like 500ms`)
 * reads better than its regex, which is the fallback.
 */
export function expectedForm(pattern: string, description: string | undefined): string {
  return description
    ? description.charAt(0).toLowerCase() + description.slice(1).replace(/\.$/, '')
    : `a value matching /${pattern}/`;
}

/** A JSON pointer (`/steps/1/timeout`) as a path (`['steps', 1, 'timeout']`). */
export function pointerToPath(pointer: string): DocumentPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Formats a path like `steps[1].timeout`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}
