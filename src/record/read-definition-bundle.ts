// Reading back the definition copy of a record (definition.tar, written by definition-bundle.ts)
// to show what ran. The copy is only as good as its match with the snapshot's file listing, which
// the definition digest and the record's anchors pin: every byte shown is checked against it.

import { TrustError } from '../errors.ts';
import { checkDefinitionBundle, readDefinitionBundle } from './definition-bundle.ts';
import type { RunSnapshot } from './snapshot.ts';

/** One file of the verified definition as the record holds it. */
export interface DefinitionCopy {
  readonly path: string;
  readonly mode: string;
  readonly sha256: string;
  /** Its bytes (checked against `sha256`), or undefined when it was not copied. */
  readonly content: Buffer | undefined;
}

/** What a record holds of the definition that ran. */
export type RecordedDefinition =
  /** Nothing was verified (a refused run): there is no definition to show. */
  | { readonly kind: 'none' }
  /** Written before records held copies: only the file listing is known. */
  | { readonly kind: 'listing-only'; readonly files: readonly DefinitionCopy[] }
  /** The copies, each checked against the listing, in listing order. */
  | { readonly kind: 'copied'; readonly files: readonly DefinitionCopy[] };

/** The definition a record holds, from definition.tar's bytes (undefined: no such file). Pure. */
export function recordedDefinition(snapshot: RunSnapshot, bytes: Buffer | undefined): RecordedDefinition {
  // Attack: a copy edited after the run (or laid into a record that has none), so the record
  // shows other logic than what ran.
  const problem = checkDefinitionBundle(bytes, snapshot);
  if (problem !== undefined) throw new TrustError('RECORD_TAMPERED', problem);
  const listing = snapshot.remediation.files;
  if (listing === undefined) return { kind: 'none' };
  if (snapshot.definition === undefined || bytes === undefined) {
    return { kind: 'listing-only', files: listing.map((file) => ({ ...file, content: undefined })) };
  }
  const copies = new Map(readDefinitionBundle(bytes).map((file) => [file.path, file.content]));
  return { kind: 'copied', files: listing.map((file) => ({ ...file, content: copies.get(file.path) })) };
}
