// Parameters given as one JSON object: the Action's `params` input and the CLI's --params-file.
import { UsageError } from '../errors.ts';
import { MAX_PAYLOAD_BYTES } from './dispatch-payload.ts';

/**
 * Parses `text` as a JSON object of parameters (their values are checked later against the
 * definition's inputs). `label` names where the text came from (`input 'params'`,
 * `--params-file runs/p.json`); `hint` says, for a text that is not JSON, what to pass instead.
 * Throws UsageError INVALID_PARAMS.
 */
export function parseParamsJson(text: string, label: string, hint?: string): Record<string, unknown> {
  // Bounded before parsing: a huge or deeply nested payload is refused, not parsed. Parameters
  // arrive in a repository_dispatch payload, so its limit is theirs: nothing a dispatch can carry
  // is refused here.
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw new UsageError(
      'INVALID_PARAMS',
      `${label} is ${bytes} bytes; at most ${MAX_PAYLOAD_BYTES} bytes are accepted`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      'INVALID_PARAMS',
      `${label}: expected a JSON object of parameters, got text that is not JSON${hint ? `; ${hint}` : ''}`,
      { cause: error },
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(
      'INVALID_PARAMS',
      `${label}: expected a JSON object of parameters, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
    );
  }
  return value as Record<string, unknown>;
}
