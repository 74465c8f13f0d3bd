/** Where an annotation points. */
export interface AnnotationPosition {
  readonly file: string;
  readonly startLine: number;
  readonly startColumn: number;
}

/**
 * The runner's side of the Action: inputs, outputs, logs, state, summary. Implemented with
 * @actions/core in the entries; tests drive the real entries as child processes instead.
 */
export interface ActionIo {
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string, position?: AnnotationPosition): void;
  setFailed(message: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  /** Appends Markdown to the job summary. */
  writeSummary(markdown: string): Promise<void>;
  /** Writes raw bytes to the job log (stdout); returns true when the write is still queued. */
  writeRaw(bytes: Uint8Array | string): boolean;
}

/** State keys shared by main and post. */
export const STATE = {
  recordDir: 'record-dir',
  published: 'published',
  publishedArtifact: 'published-artifact',
  publishedRelease: 'published-release',
  attested: 'attested',
  cancelled: 'cancel-requested',
  ref: 'remediation',
  commit: 'commit',
} as const;
