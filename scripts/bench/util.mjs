// Helpers for the benchmark (scripts/bench.mjs and its sections): timed child processes with timeouts,
// CPU time, medians, formatting.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';

export const NODE = process.execPath;

/** Wall-clock time in nanoseconds since the epoch (comparable with `date +%s%N`). */
export function epochNs() {
  return BigInt(Math.round((performance.timeOrigin + performance.now()) * 1000)) * 1000n;
}

/**
 * Runs a command to completion with a timeout; the child gets its own process group so a timeout
 * ends everything it started. Returns exit code, output, wall time (ms) and, when `pollRss` is set,
 * the child's peak RSS (VmHWM, KiB) read from /proc while it runs.
 */
export function run(cmd, args, options = {}) {
  const { cwd, env, input, timeoutMs = 60_000, stdout = 'pipe', pollRss = false, allowFail = false } = options;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const startNs = epochNs();
    const child = spawn(cmd, args, {
      cwd,
      env: env ?? process.env,
      stdio: [input === undefined ? 'ignore' : 'pipe', stdout, 'pipe'],
      detached: true,
    });
    const out = [];
    const err = [];
    let outBytes = 0;
    child.stdout?.on('data', (d) => {
      if (outBytes < 8 << 20) out.push(d);
      outBytes += d.length;
    });
    child.stderr.on('data', (d) => err.push(d));
    if (input !== undefined) child.stdin.end(input);
    let hwm = 0;
    let poller;
    if (pollRss) {
      const sample = () => {
        try {
          const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
          const m = /VmHWM:\s+(\d+) kB/.exec(status);
          if (m) hwm = Math.max(hwm, Number(m[1]));
        } catch {
          /* exited */
        }
      };
      poller = setInterval(sample, 10);
      sample();
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      clearInterval(poller);
      reject(e);
    });
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      clearInterval(poller);
      const result = {
        code,
        signal,
        ms,
        startNs,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        rssKiB: hwm,
      };
      if (timedOut) return reject(new Error(`timed out after ${timeoutMs} ms: ${cmd} ${args.join(' ')}`));
      if (code !== 0 && !allowFail) {
        return reject(
          new Error(
            `exit ${code ?? signal}: ${cmd} ${args.join(' ')}\n${result.stderr.slice(-2000)}${result.stdout.slice(-1000)}`,
          ),
        );
      }
      resolve(result);
    });
  });
}

/** Wall time (ms) of `node -e 0`: the start-up baseline several sections compare against. */
export const nodeE0 = () => run(NODE, ['-e', '0']).then((r) => r.ms);

/**
 * CPU time (ms) of a command and everything it starts (threads and child processes), from
 * `perf stat -e task-clock`: what the work costs, whatever the number of cores it spreads over.
 */
export async function cpuMs(cmd, args, options) {
  const r = await run('perf', ['stat', '-x,', '-e', 'task-clock', '--', cmd, ...args], options);
  const line = r.stderr.split('\n').find((l) => l.includes(',task-clock'));
  if (!line) throw new Error(`perf stat printed no task-clock: ${r.stderr.slice(-300)}`);
  return { cpu: Number(line.split(',')[0]), wall: r.ms };
}

/** Synchronous helper for setup commands (git, etc.); throws with stderr on failure. */
export function sh(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000, maxBuffer: 256 << 20, ...options });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`exit ${r.status ?? r.signal}: ${cmd} ${args.join(' ')}\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Alternates runs of several measurements (A B C A B C ...) so drift hits them equally, after
 * `warmup` untimed rounds. Each measurement is an async function returning a number (ms) or an
 * object with `ms`. Returns name -> { median, all, extra: [results] }.
 */
export async function interleave(measures, reps, warmup = 1) {
  const results = Object.fromEntries(Object.keys(measures).map((k) => [k, []]));
  for (let round = 0; round < warmup + reps; round++) {
    for (const [name, fn] of Object.entries(measures)) {
      const r = await fn();
      if (round >= warmup) results[name].push(typeof r === 'number' ? { ms: r } : r);
    }
  }
  const out = {};
  for (const [name, rs] of Object.entries(results)) {
    out[name] = { median: median(rs.map((r) => r.ms)), all: rs.map((r) => r.ms), results: rs };
  }
  return out;
}

export const fmtMs = (ms) =>
  ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
export const fmtRatio = (x) => `${x.toFixed(2)}x`;
export const fmtMB = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
export const fmtMiB = (bytes) =>
  bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
export const mbps = (bytes, ms) => bytes / 1e6 / (ms / 1000);
