import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';

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
/** Rounds of "list the session, SIGKILL it" before giving up on a session that keeps forking. */
const MAX_SWEEPS = 50;

/**
 * Spawns each step as the leader of a new session and process group (`detached` calls setsid),
 * so the whole tree can be ended: on a timeout or cancellation (SIGTERM, then SIGKILL), and when
 * the step ends (SIGKILL to what is left): a step that forks `sleep 1000 &` cannot outlive it.
 *
 * The group alone is not enough: a job started under `set -m` (or any process that calls
 * setpgid) gets a process group of its own and would outlive its step. It stays in the step's
 * session, though, and only setsid leaves that, so on Linux every process whose session is the
 * step's is signalled too (found through /proc). A deliberate daemon leaves with `setsid`.
 */
export class GroupProcessRunner implements ProcessRunner {
  run(request: ProcessRequest): Promise<ProcessResult> {
    let child: ChildProcessByStdio<null, Readable, Readable>;
    try {
      child = spawn(request.command, [...request.args], {
        cwd: request.cwd,
        env: request.env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      // Some failures are thrown rather than emitted (E2BIG: an environment or argument too big
      // for execve). They are the step's failure to start, never an engine crash that would
      // skip the rollback.
      const spawnError = error instanceof Error ? error.message : String(error);
      return Promise.resolve({ exitCode: null, signal: null, timedOut: false, aborted: false, spawnError });
    }
    return new Promise((resolve) => {
      let timedOut = false;
      let aborted = false;
      let exit: { code: number | null; signal: string | null } | undefined;
      let killTimer: NodeJS.Timeout | undefined;
      let drainTimer: NodeJS.Timeout | undefined;
      let settled = false;

      const pid = child.pid;
      const killTree = (signal: NodeJS.Signals): void => {
        if (pid === undefined) return;
        try {
          process.kill(-pid, signal);
        } catch {
          // The group is gone already.
        }
        // The session id is the leader's pid (setsid), kept by the kernel while any process of
        // the session lives, so it cannot name a stranger's session.
        if (signal === 'SIGKILL') sweepSession(pid);
        else signalSession(pid, signal, true);
      };
      const terminate = () => {
        killTree('SIGTERM');
        killTimer ??= setTimeout(() => killTree('SIGKILL'), request.killGraceMs);
      };
      const finish = (result: ProcessResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timeout);
        clearTimeout(drainTimer);
        request.signal.removeEventListener('abort', onAbort);
        clearTimeout(killTimer);
        // Whatever is left of the step's process group and session dies with it, however the
        // step ended: a background child must not outlive its step, where it could rewrite what a
        // later step runs or keep acting after the record says the run is over. A deliberate
        // daemon leaves the session with `setsid` (see README).
        killTree('SIGKILL');
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

/**
 * Sends `signal` to the live processes of session `sid`; returns how many it found. With
 * `outsideGroup`, only those that left the leader's process group (its group was signalled
 * already, and a trap should not run twice).
 */
function signalSession(sid: number, signal: NodeJS.Signals, outsideGroup = false): number {
  const members = sessionMembers(sid, outsideGroup);
  for (const member of members) {
    try {
      process.kill(member, signal);
    } catch {
      // Exited since it was listed.
    }
  }
  return members.length;
}

/**
 * SIGKILLs session `sid` until no live process is left in it: a member may fork between being
 * listed and being killed, so the listing is repeated (a killed process forks no more).
 */
function sweepSession(sid: number): void {
  for (let round = 0; round < MAX_SWEEPS && signalSession(sid, 'SIGKILL') > 0; round++);
}

/**
 * Ids of the live (not zombie) processes whose session is `sid`, from /proc/<pid>/stat. Linux
 * only: elsewhere none are found and only the process group is ended (README "Stages").
 * A pid listed here can in principle exit and be reused before it is signalled; that needs the
 * pid space to wrap around within microseconds, and the process-group kill has the same window.
 */
function sessionMembers(sid: number, outsideGroup: boolean): number[] {
  if (process.platform !== 'linux') return [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const members: number[] = [];
  for (const entry of entries) {
    const first = entry.charCodeAt(0);
    if (first < 0x30 || first > 0x39) continue;
    const stat = readStat(entry);
    if (stat === undefined) continue; // exited while listing
    // `pid (comm) state ppid pgrp session ...`: comm may hold spaces and ')', so count from the last ')'.
    const [state, , group, session] = stat.slice(stat.lastIndexOf(')') + 2).split(' ', 4);
    if (state === 'Z' || Number(session) !== sid) continue;
    if (!outsideGroup || Number(group) !== sid) members.push(Number(entry));
  }
  return members;
}

/**
 * Holds the start of one /proc/<pid>/stat. The fields read end within its first 100 bytes (comm
 * is at most 15 bytes), and no later field holds a ')', so the last ')' in it is comm's.
 */
const STAT_BUFFER = Buffer.alloc(512);

/** The start of /proc/<pid>/stat, read into one reused buffer (a scan reads one per process). */
function readStat(pid: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(`/proc/${pid}/stat`, 'r');
  } catch {
    return undefined;
  }
  try {
    return STAT_BUFFER.toString('latin1', 0, readSync(fd, STAT_BUFFER, 0, STAT_BUFFER.byteLength, 0));
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
