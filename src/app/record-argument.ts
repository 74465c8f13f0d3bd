// The record a `runs show`, `runs verify`, `show` or `verify-run` argument names. Today that is
// a record folder; every command taking a record goes through resolveRecordArgument, so a new
// kind of argument (a GitHub run id whose published record is fetched) is added here once.

import { isAbsolute, resolve } from 'node:path';

/** What resolving a record argument may use. */
export interface RecordArgumentSettings {
  /** Folder a relative path is taken from (the command's working folder). */
  readonly cwd: string;
}

/** The record an argument names. */
export type ResolvedRecord = {
  /** A record folder on this machine (it may not exist: reading it says so). */
  readonly kind: 'folder';
  readonly dir: string;
};

/** Resolves a record argument to the record it names: a folder path, relative to `cwd`. */
export function resolveRecordArgument(arg: string, settings: RecordArgumentSettings): Promise<ResolvedRecord> {
  return Promise.resolve({ kind: 'folder', dir: isAbsolute(arg) ? arg : resolve(settings.cwd, arg) });
}
