import { UsageError } from '../errors.ts';
import { paramEnvName, type InputSpec, type Scalar } from './definition.ts';

/** Largest accepted parameter value, in UTF-8 bytes, when an input sets no max-length. */
export const DEFAULT_MAX_PARAM_BYTES = 4096;
/** Hard ceiling on any one parameter value: keeps env blocks and records small. */
export const HARD_MAX_PARAM_BYTES = 65536;

/**
 * Checks one value against its declared input; returns an error message, or undefined when valid.
 * Used both for caller parameters and for a definition's own defaults.
 */
export function checkInputValue(spec: InputSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case 'boolean':
      if (typeof value !== 'boolean') return `expected a boolean, got ${describe(value)}`;
      break;
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        return `expected an integer, got ${describe(value)}`;
      }
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return `expected a number, got ${describe(value)}`;
      }
      break;
    case 'string':
      if (typeof value !== 'string') return `expected a string, got ${describe(value)}`;
      break;
  }
  if (typeof value === 'number') {
    if (spec.minimum !== undefined && value < spec.minimum) return `expected at least ${spec.minimum}, got ${value}`;
    if (spec.maximum !== undefined && value > spec.maximum) return `expected at most ${spec.maximum}, got ${value}`;
  }
  if (typeof value === 'string') {
    // A NUL byte cannot be carried in an environment variable; refusing it stops truncation tricks.
    if (value.includes('\0')) return 'expected no NUL bytes in the value';
    const bytes = Buffer.byteLength(value, 'utf8');
    const max = Math.min(spec['max-length'] ?? DEFAULT_MAX_PARAM_BYTES, HARD_MAX_PARAM_BYTES);
    if (bytes > max) return `expected at most ${max} bytes, got ${bytes}`;
    if (spec['min-length'] !== undefined && [...value].length < spec['min-length']) {
      return `expected at least ${spec['min-length']} characters, got ${[...value].length}`;
    }
    if (spec.pattern !== undefined && !new RegExp(spec.pattern, 'u').test(value)) {
      return `expected a value matching /${spec.pattern}/, got ${describe(value)}`;
    }
  }
  if (spec.enum !== undefined && !spec.enum.includes(value as Scalar)) {
    return `expected one of ${spec.enum.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(value)}`;
  }
  return undefined;
}

/**
 * Coerces a command-line `key=value` string to the input's type. JSON parameters keep their
 * JSON type and are not coerced, so `"5"` stays a string and fails an integer input.
 */
export function coerceCliValue(spec: InputSpec | undefined, text: string): unknown {
  if (!spec) return text;
  switch (spec.type) {
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'integer':
    case 'number':
      return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text) ? Number(text) : text;
    case 'string':
      return text;
  }
}

/** Resolved parameters: declared name -> validated value. */
export type ResolvedParams = Readonly<Record<string, Scalar>>;

/**
 * Validates caller parameters against the declared inputs and fills in defaults.
 * Unknown names, wrong types, missing required values and oversized values are refused (exit 2),
 * so a hostile dispatch payload never reaches a step as anything but checked data.
 */
export function resolveParams(
  inputs: Readonly<Record<string, InputSpec>>,
  given: Readonly<Record<string, unknown>>,
): ResolvedParams {
  const problems: string[] = [];
  const resolved: Record<string, Scalar> = {};
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(inputs, name)) {
      const known = Object.keys(inputs);
      problems.push(
        `unknown parameter '${printable(name)}'; declared inputs: ${known.length ? known.join(', ') : '(none)'}`,
      );
    }
  }
  for (const [name, spec] of Object.entries(inputs)) {
    // An explicit null is refused rather than read as "not given": a hostile payload must not be
    // able to strip a safe default.
    if (Object.hasOwn(given, name) && given[name] === null) {
      problems.push(`parameter '${name}': expected a ${spec.type}, got null`);
      continue;
    }
    const value = Object.hasOwn(given, name) ? given[name] : spec.default;
    if (value === undefined) {
      if (spec.required) problems.push(`missing required parameter '${name}' (${paramEnvName(name)})`);
      continue;
    }
    const problem = checkInputValue(spec, value);
    if (problem) problems.push(`parameter '${name}': ${problem}`);
    else resolved[name] = value as Scalar;
  }
  if (problems.length) throw new UsageError('INVALID_PARAMS', problems.join('; '));
  return resolved;
}

/** Renders a resolved value as the string its PARAM_ variable carries. */
export function paramToEnvValue(value: Scalar): string {
  return typeof value === 'string' ? value : String(value);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${printable(value)}'`;
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function printable(text: string): string {
  const shown = JSON.stringify(text).slice(1, -1);
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}
