import { spawn } from 'node:child_process';

/** One child process to run as the leader of its own process group. */
export interface ProcessRequest {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** The complete environment: nothing is inherited. */
  readonly env: Readonly<Record<string, string>>;
  /** Kill the group after this long. */
  readonly timeoutMs: number;
  /** Between SIGTERM and SIGKILL. */
  readonly killGraceMs: number;
  /** Aborting kills the group the same way (run cancelled or run timeout). */
  readonly signal: AbortSignal;
  /** Takes each chunk of output: the runner never touches it again, so the handler may free it. */
  readonly onStdout: (chunk: Buffer) => void;
  readonly onStderr: (chunk: Buffer) => void;
}

/** How a child process ended. */
export interface ProcessResult {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly aborted: boolean;
  /** Set when the process could not be started at all. */
  readonly spawnError?: string;
}

/** Runs child processes; a narrow interface so the executor can be tested without spawning. */
export interface ProcessRunner {
  run(request: ProcessRequest): Promise<ProcessResult>;
}

/** How long to keep reading output after the leader exits (a background child may hold the pipe). */
const DRAIN_AFTER_EXIT_MS = 500;

/**
 * Spawns each step as a process-group leader (`detached`), so the whole tree can be ended: on a
 * timeout or cancellation (SIGTERM, then SIGKILL), and when the step ends (SIGKILL to what is
 * left): a step that forks `sleep 1000 &` cannot outlive it.
 */
export class GroupProcessRunner implements ProcessRunner {
  run(request: ProcessRequest): Promise<ProcessResult> {
    return new Promise((resolve) => {
      let timedOut = false;
      let aborted = false;
      let exit: { code: number | null; signal: string | null } | undefined;
      let killTimer: NodeJS.Timeout | undefined;
      let drainTimer: NodeJS.Timeout | undefined;
      let settled = false;

      const child = spawn(request.command, [...request.args], {
        cwd: request.cwd,
        env: request.env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const pid = child.pid;
      const killGroup = (signal: NodeJS.Signals): boolean => {
        if (pid === undefined) return false;
        try {
          process.kill(-pid, signal);
          return true;
        } catch {
          return false;
        }
      };
      const terminate = () => {
        killGroup('SIGTERM');
        killTimer ??= setTimeout(() => killGroup('SIGKILL'), request.killGraceMs);
      };
      const finish = (result: ProcessResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timeout);
        clearTimeout(drainTimer);
        request.signal.removeEventListener('abort', onAbort);
        clearTimeout(killTimer);
        // Whatever is left of the step's process group dies with it, however the step ended: a
        // background child must not outlive its step, where it could rewrite what a later step
        // runs or keep acting after the record says the run is over. A deliberate daemon leaves
        // the group with `setsid` (see README).
        killGroup('SIGKILL');
        resolve(result);
      };
      const onAbort = () => {
        aborted = true;
        terminate();
      };
      const timeout = setTimeout(() => {
        timedOut = true;
        terminate();
      }, request.timeoutMs);
      if (request.signal.aborted) onAbort();
      else request.signal.addEventListener('abort', onAbort, { once: true });

      child.stdout.on('data', request.onStdout);
      child.stderr.on('data', request.onStderr);
      child.on('error', (error) => {
        finish({ exitCode: null, signal: null, timedOut, aborted, spawnError: error.message });
      });
      child.on('exit', (code, signal) => {
        exit = { code, signal };
        drainTimer = setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          finish({ exitCode: code, signal, timedOut, aborted });
        }, DRAIN_AFTER_EXIT_MS);
      });
      child.on('close', () => {
        if (exit) finish({ exitCode: exit.code, signal: exit.signal, timedOut, aborted });
      });
    });
  }
}
