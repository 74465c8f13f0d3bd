import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TrustError } from '../errors.ts';
import { SNAPSHOT_FILE } from './record-files.ts';
import type { RunSnapshot } from './snapshot.ts';
import { validateSnapshot } from './snapshot-schema.ts';

/**
 * Parses snapshot.json bytes read back from disk (to publish, close, or summarize a record) and
 * checks them against the published schema: a record folder is input like any other, and a
 * malformed or edited snapshot must be refused with what is wrong, not trusted by a cast.
 */
export function parseSnapshot(bytes: Uint8Array, where: string): RunSnapshot {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new TrustError('MALFORMED', `${where}: snapshot.json is not JSON`);
  }
  const validation = validateSnapshot(value);
  if (!validation.ok) {
    throw new TrustError(
      'MALFORMED',
      `${where}: snapshot.json does not match the run snapshot schema: ${validation.problems.slice(0, 5).join('; ')}`,
    );
  }
  return value as RunSnapshot;
}

/** Reads and validates a record folder's snapshot.json; also returns its bytes (for its digest). */
export async function readSnapshot(recordDir: string): Promise<{ snapshot: RunSnapshot; bytes: Buffer }> {
  const bytes = await readFile(join(recordDir, SNAPSHOT_FILE));
  return { snapshot: parseSnapshot(bytes, recordDir), bytes };
}
