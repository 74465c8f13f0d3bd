/** What every command gets from its entry: where it runs, its output streams and the clock. */
export interface CommandContext {
  /** Folder the command was started in. */
  readonly cwd: string;
  /** The caller's environment, read once by the entry's settings module. */
  readonly env: NodeJS.ProcessEnv;
  /** Writes a line of normal output. */
  readonly out: (line: string) => void;
  /** Writes a line of diagnostics. */
  readonly err: (line: string) => void;
  /**
   * Whether the diagnostics stream is a terminal someone watches: a run shows its live progress
   * there (in colour unless NO_COLOR), and nothing of it on a pipe or in a file.
   */
  readonly errIsTerminal?: boolean;
  /** The current time; a clock so tests can pin it. */
  readonly now: () => Date;
  /** Aborted when the process is asked to stop (SIGINT/SIGTERM/SIGHUP) while a run is in progress. */
  readonly cancel: AbortSignal;
  /**
   * Marks whether a run is in progress: then SIGINT/SIGTERM/SIGHUP cancel it and the record is finished;
   * otherwise the process exits at once, as any command should on Ctrl-C.
   */
  readonly setCancellable: (active: boolean) => void;
  /** Path of the running tool's own file, whose digest goes into every record. */
  readonly toolPath: string;
}
