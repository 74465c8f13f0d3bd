import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** An OpenAPI 3.0 schema object, kept loose: it is handed to ajv after conversion. */
export type SchemaObject = Record<string, unknown>;

/** A media-type map as the subset keeps it (schemas only). */
export type ContentMap = Record<string, { schema?: SchemaObject }>;

/** One parameter of an operation. */
export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly schema: SchemaObject;
}

/** One operation as `scripts/extract-github-openapi.mjs` writes it. */
export interface OpenApiOperation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly documentationUrl: string | null;
  readonly servers?: readonly { readonly url: string }[];
  readonly parameters: readonly OpenApiParameter[];
  readonly requestBody: { readonly required: boolean; readonly content: ContentMap } | null;
  readonly responses: Record<string, { readonly description: string; readonly content?: ContentMap }>;
}

/** The fixture file: GitHub's description cut down to the operations the action calls. */
export interface OpenApiSubset {
  readonly $comment: string;
  readonly source: {
    readonly package: string;
    readonly file: string;
    readonly openapi: string;
    readonly infoVersion: string | null;
  };
  readonly basicErrorSchema: SchemaObject;
  readonly operations: readonly OpenApiOperation[];
}

/** Where the subset lives; regenerate it with `node scripts/extract-github-openapi.mjs`. */
export const OPENAPI_SUBSET_FILE = fileURLToPath(new URL('../../fixtures/github-openapi-subset.json', import.meta.url));

/** Reads the subset fixture and checks it is the OpenAPI 3.0 shape this validator converts. */
export function loadOpenApiSubset(file: string = OPENAPI_SUBSET_FILE): OpenApiSubset {
  const subset = JSON.parse(readFileSync(file, 'utf8')) as OpenApiSubset;
  // nullable handling below is OpenAPI 3.0's; a 3.1 description (type arrays) would need none of it.
  if (!subset.source.openapi.startsWith('3.0.')) {
    throw new Error(
      `expected an OpenAPI 3.0.x description in ${file}, got ${subset.source.openapi}: update openapi-validator.ts`,
    );
  }
  return subset;
}

/** An operation matched to a request path, with its path parameters decoded. */
export interface OperationMatch {
  readonly operation: OpenApiOperation;
  readonly pathParams: Readonly<Record<string, string>>;
}

/** Where a request or response broke the description. */
export type ProblemLocation = 'path' | 'query' | 'header' | 'body' | 'response';

/** One mismatch between traffic and the description. */
export interface SchemaProblem {
  readonly location: ProblemLocation;
  readonly message: string;
}

/** The result of checking a request: its problems, and the parsed JSON body when there was one. */
export interface RequestCheck {
  readonly problems: SchemaProblem[];
  readonly json: unknown;
}

/** Schema keywords of OpenAPI 3.0 that are annotations (or not JSON Schema) and are dropped. */
const DROPPED_KEYWORDS = new Set([
  'nullable',
  'example',
  'examples',
  'discriminator',
  'xml',
  'externalDocs',
  'deprecated',
]);

/**
 * Converts an OpenAPI 3.0 schema object to the JSON Schema ajv validates. The one keyword with a
 * validation meaning is `nullable: true`, which 3.0 uses instead of a `null` type: it becomes a
 * `null` member of `type` (and of `enum`), or an `anyOf` with `{type: 'null'}` when there is no type.
 */
export function toJsonSchema(schema: SchemaObject): SchemaObject {
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYWORDS.has(key)) continue;
    if (key === 'properties' && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, isObject(sub) ? toJsonSchema(sub) : sub]),
      );
    } else if ((key === 'items' || key === 'additionalProperties' || key === 'not') && isObject(value)) {
      out[key] = toJsonSchema(value);
    } else if ((key === 'allOf' || key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) {
      out[key] = value.map((sub: unknown) => (isObject(sub) ? toJsonSchema(sub) : sub));
    } else {
      out[key] = value;
    }
  }
  // A `oneOf` whose branches are each nullable can never accept null (every branch matches it);
  // GitHub's Validation Error `value` is written this way and real answers carry `value: null`.
  // Exactly-one cannot be what was meant, so such a `oneOf` is read as `anyOf`.
  if (
    Array.isArray(schema.oneOf) &&
    schema.oneOf.filter((sub: unknown) => isObject(sub) && sub.nullable === true).length > 1
  ) {
    out.anyOf = out.oneOf;
    delete out.oneOf;
  }
  if (schema.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
    if (out.type === undefined) return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 3339 date-time, as GitHub writes it (`2024-01-02T03:04:05Z`). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** An ajv set up for GitHub's description: OpenAPI keywords ignored, its four formats checked. */
function createAjv(): Ajv {
  // strict: false because the description carries keywords JSON Schema does not know (title on
  // every node, `format: int64`); allErrors so a violation report lists every broken field.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value));
  ajv.addFormat('date-time', (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
  ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isSafeInteger(value) });
  // `binary` only describes raw upload bodies, which are not JSON and are not schema-checked.
  ajv.addFormat('binary', () => true);
  return ajv;
}

function describe(errors: ErrorObject[] | null | undefined, dataVar: string): string {
  return (errors ?? [])
    .map((e) => `${dataVar}${e.instancePath} ${e.message ?? 'is invalid'}${formatParams(e)}`)
    .join('; ');
}

function formatParams(error: ErrorObject): string {
  if (error.keyword === 'enum')
    return ` (${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)})`;
  if (error.keyword === 'additionalProperties')
    return ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})`;
  return '';
}

/** The media type without parameters, lowercased (`application/json; charset=utf-8` -> `application/json`). */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

function isJsonMediaType(mediaType: string | undefined): boolean {
  return mediaType === 'application/json' || (mediaType?.endsWith('+json') ?? false);
}

/**
 * Parses a parameter's raw string as its schema's type, the way a server reads a URL: `"5"` is an
 * integer, `"true"` a boolean. A value that does not parse stays a string, so the type check fails.
 */
function coerceParameter(raw: string, schema: SchemaObject): unknown {
  switch (schema.type) {
    case 'integer':
      return /^-?\d+$/.test(raw) ? Number(raw) : raw;
    case 'number':
      return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    default:
      return raw;
  }
}

interface CompiledRoute {
  readonly operation: OpenApiOperation;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

/**
 * Checks requests and responses against GitHub's published OpenAPI description (the subset). It
 * does no I/O: the server hands it decoded parts of the traffic and records what it returns.
 */
export class OpenApiValidator {
  readonly subset: OpenApiSubset;
  readonly #ajv = createAjv();
  readonly #routes: CompiledRoute[];
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(subset: OpenApiSubset = loadOpenApiSubset()) {
    this.subset = subset;
    this.#routes = subset.operations.map((operation) => compileRoute(operation));
  }

  /** The operation with this id (throws on a typo, so tests cannot silently target nothing). */
  operation(operationId: string): OpenApiOperation {
    const found = this.subset.operations.find((op) => op.operationId === operationId);
    if (!found) throw new Error(`no operation ${operationId} in the OpenAPI subset`);
    return found;
  }

  /** Finds the operation for a method and a raw (still percent-encoded) path. */
  match(method: string, rawPath: string): OperationMatch | undefined {
    for (const route of this.#routes) {
      if (route.operation.method !== method.toUpperCase()) continue;
      const found = route.pattern.exec(rawPath);
      if (!found) continue;
      const pathParams: Record<string, string> = {};
      let decodable = true;
      route.names.forEach((name, index) => {
        try {
          pathParams[name] = decodeURIComponent(found[index + 1] ?? '');
        } catch {
          decodable = false;
        }
      });
      if (decodable) return { operation: route.operation, pathParams };
    }
    return undefined;
  }

  /** Checks path and query parameters, the content type and a JSON body against the operation. */
  validateRequest(
    match: OperationMatch,
    query: URLSearchParams,
    contentType: string | undefined,
    body: Buffer,
  ): RequestCheck {
    const problems: SchemaProblem[] = [];
    const { operation } = match;
    const declaredQuery = new Set<string>();
    for (const parameter of operation.parameters) {
      if (parameter.in === 'query') declaredQuery.add(parameter.name);
      if (parameter.in !== 'path' && parameter.in !== 'query') continue;
      const raw = parameter.in === 'path' ? match.pathParams[parameter.name] : (query.get(parameter.name) ?? undefined);
      if (raw === undefined) {
        if (parameter.required) problems.push({ location: parameter.in, message: `${parameter.name} is required` });
        continue;
      }
      const validate = this.#compile(`${operation.operationId} ${parameter.in} ${parameter.name}`, parameter.schema);
      if (!validate(coerceParameter(raw, parameter.schema))) {
        problems.push({
          location: parameter.in,
          message: describe(validate.errors, `${parameter.in}.${parameter.name}`),
        });
      }
    }
    // The description lists every query parameter GitHub reads; anything else is a client typo
    // that GitHub would silently ignore (and the client would silently get defaults).
    for (const name of new Set(query.keys())) {
      if (!declaredQuery.has(name))
        problems.push({ location: 'query', message: `query.${name} is not a parameter of ${operation.operationId}` });
    }

    let json: unknown;
    const requestBody = operation.requestBody;
    if (requestBody === null) {
      if (body.length > 0)
        problems.push({ location: 'body', message: `${operation.operationId} takes no request body` });
      return { problems, json };
    }
    if (body.length === 0) {
      if (requestBody.required) problems.push({ location: 'body', message: 'a request body is required' });
      return { problems, json };
    }
    const mediaType = mediaTypeOf(contentType);
    const declared = Object.entries(requestBody.content);
    // A body declared only as `format: binary` (asset uploads) is raw bytes of any media type:
    // GitHub stores the request's Content-Type as the asset's content_type.
    const rawBytes = declared.every(([, media]) => media.schema?.type === 'string' && media.schema.format === 'binary');
    if (rawBytes) {
      if (mediaType === undefined)
        problems.push({ location: 'header', message: 'a raw upload needs a Content-Type header' });
      return { problems, json };
    }
    const media = declared.find(([type]) => type === mediaType);
    if (!media) {
      problems.push({
        location: 'header',
        message: `content-type ${mediaType ?? '(none)'} is not one of ${declared.map(([t]) => t).join(', ')}`,
      });
      return { problems, json };
    }
    if (isJsonMediaType(mediaType)) {
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch (error) {
        problems.push({ location: 'body', message: `body is not JSON: ${(error as Error).message}` });
        return { problems, json };
      }
      const schema = media[1].schema;
      if (schema !== undefined) {
        const validate = this.#compile(`${operation.operationId} request ${mediaType}`, schema);
        if (!validate(json)) problems.push({ location: 'body', message: describe(validate.errors, 'body') });
      }
    }
    return { problems, json };
  }

  /**
   * Checks a response for `status`. A status the description lists is held to its schema. GitHub
   * also answers statuses an operation does not list (401 on every route, 404 on get-release),
   * always with its Basic Error body: those are held to that schema. An unlisted 2xx or 3xx is a
   * problem in itself.
   */
  validateResponse(
    operation: OpenApiOperation,
    status: number,
    contentType: string | undefined,
    json: unknown,
    hasBody: boolean,
  ): SchemaProblem[] {
    const key = String(status);
    const response =
      operation.responses[key] ?? operation.responses[`${key[0] ?? ''}XX`] ?? operation.responses.default;
    const mediaType = mediaTypeOf(contentType);
    if (response === undefined && status < 400) {
      return [{ location: 'response', message: `${operation.operationId} does not list status ${status}` }];
    }
    const declared = response?.content;
    if (declared === undefined) {
      // A listed success without content (the 302 to an asset's bytes) carries no body.
      if (status < 400)
        return hasBody ? [{ location: 'response', message: `status ${status} has no body in the description` }] : [];
      return this.#checkJson(`basic-error`, this.subset.basicErrorSchema, mediaType, json, hasBody, status);
    }
    const media = declared[mediaType ?? ''];
    if (!media) {
      return [
        {
          location: 'response',
          message: `status ${status}: content-type ${mediaType ?? '(none)'} is not one of ${Object.keys(declared).join(', ')}`,
        },
      ];
    }
    if (media.schema === undefined) return [];
    return this.#checkJson(
      `${operation.operationId} ${key} ${mediaType ?? ''}`,
      media.schema,
      mediaType,
      json,
      hasBody,
      status,
    );
  }

  #checkJson(
    cacheKey: string,
    schema: SchemaObject,
    mediaType: string | undefined,
    json: unknown,
    hasBody: boolean,
    status: number,
  ): SchemaProblem[] {
    if (!hasBody) return [{ location: 'response', message: `status ${status}: expected a JSON body, got none` }];
    if (!isJsonMediaType(mediaType))
      return [
        { location: 'response', message: `status ${status}: expected JSON, got ${mediaType ?? '(no content-type)'}` },
      ];
    const validate = this.#compile(cacheKey, schema);
    return validate(json)
      ? []
      : [{ location: 'response', message: `status ${status}: ${describe(validate.errors, 'response')}` }];
  }

  #compile(cacheKey: string, schema: SchemaObject): ValidateFunction {
    let validate = this.#compiled.get(cacheKey);
    if (validate === undefined) {
      validate = this.#ajv.compile(toJsonSchema(schema));
      this.#compiled.set(cacheKey, validate);
    }
    return validate;
  }
}

/**
 * Turns a path template into a regular expression over the raw path. Each `{param}` is one path
 * segment, except `{ref}` of the git ref routes: GitHub takes `heads/feature/x` there, slashes
 * either literal or percent-encoded (octokit encodes them).
 */
function compileRoute(operation: OpenApiOperation): CompiledRoute {
  const names: string[] = [];
  const source = operation.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (param === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      names.push(param);
      return param === 'ref' && operation.path.includes('/git/') ? '(.+)' : '([^/]+)';
    })
    .join('');
  return { operation, pattern: new RegExp(`^${source}$`), names };
}
