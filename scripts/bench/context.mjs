// The environment the benchmark sections share, built once by scripts/bench.mjs and passed to
// each section: sizes and repetitions, paths into the snapshot, the benchmark repository, the
// tools found on this machine. Nothing here is written by a section.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release as osRelease, totalmem } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, setupMainRepo } from './setup.mjs';
import { sh } from './util.mjs';

/** Sizes and repetitions: a full run, or a quick one (`--quick`) with smaller sizes and fewer repetitions. */
export function benchConfig(quick) {
  return quick
    ? {
        startupReps: 5,
        logBytes: 64 << 20,
        logReps: 3,
        digestFiles: 200,
        digestBytes: 10e6,
        digestReps: 5,
        manifestReps: 7,
        cliReps: 5,
        gatewayReps: 3,
        gatewaySeconds: 1,
        gatewayWarmSeconds: 1,
        gatewayBurstSeconds: 10,
        gatewayDrainMs: 15_000,
      }
    : {
        startupReps: 15,
        logBytes: 1 << 30,
        logReps: 5,
        digestFiles: 1000,
        digestBytes: 50e6,
        digestReps: 9,
        manifestReps: 21,
        cliReps: 11,
        gatewayReps: 3,
        gatewaySeconds: 3,
        gatewayWarmSeconds: 2,
        gatewayBurstSeconds: 60,
        gatewayDrainMs: 60_000,
      };
}

/** Whether `cmd args` runs and exits 0. */
function tryRun(cmd, args) {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Optional tools: strace (child processes, opened files, fsync time) and perf (CPU time). */
export function probeTools() {
  return {
    hasStrace: tryRun('strace', ['-qq', '-e', 'trace=none', 'true']),
    hasPerf: tryRun('perf', ['stat', '-x,', '-e', 'task-clock', 'true']),
  };
}

/** The machine table of BENCHMARKS.md: one markdown cell per row. `root` shortens the Node path. */
export function describeMachine(root) {
  const cpuModel =
    (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? cpus()[0]?.model ?? 'unknown';
  const opensslVersion = (() => {
    try {
      return execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim();
    } catch {
      return 'not found';
    }
  })();
  return {
    cpu: `${cpuModel}, ${cpus().length} cores`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `Linux ${osRelease()}`,
    node: `${process.version} (${process.execPath.replace(root + '/', '')}), its OpenSSL ${process.versions.openssl}`,
    openssl: opensslVersion,
    git: sh('git', ['--version']).trim(),
  };
}

/**
 * Builds the benchmark repository (`triv`, `stamp` and `loud` released with one key, by the
 * snapshot's CLI) and returns the context every section receives:
 * - cfg: sizes and repetitions (benchConfig)
 * - benchDir: scripts/bench, for the helper scripts the sections run as child processes
 * - tmp: the run's temp folder; snapshotDir: the copy of dist/ and src/ being measured
 * - cli, actionMain: the snapshot's dist/cli/index.js and dist/main/index.js
 * - repo: the benchmark repository { dir, key, pub, manifest }
 * - env: a clean environment for the CLI (cleanEnv); outDir: where trivial runs put their records
 * - hasStrace, hasPerf: optional tools found (probeTools)
 * - cliArgs(...args): node arguments to run the CLI with `args`
 * - inprocEnv(): environment for scripts/bench/inproc.mjs, which loads the snapshot's sources
 * Throws when the repository cannot be built.
 */
export function createContext({ quick, root, tmp, snapshotDir, tools }) {
  const benchDir = join(root, 'scripts', 'bench');
  const cli = join(snapshotDir, 'dist', 'cli', 'index.js');
  const genSource = readFileSync(join(benchDir, 'gen-log.mjs'), 'utf8');
  const repo = setupMainRepo(tmp, cli, benchDir, genSource);
  return Object.freeze({
    cfg: Object.freeze(benchConfig(quick)),
    benchDir,
    tmp,
    snapshotDir,
    cli,
    actionMain: join(snapshotDir, 'dist', 'main', 'index.js'),
    repo,
    env: cleanEnv(),
    outDir: join(tmp, 'records'),
    hasStrace: tools.hasStrace,
    hasPerf: tools.hasPerf,
    cliArgs: (...args) => [cli, ...args],
    inprocEnv: () => ({ ...cleanEnv(), BENCH_SRC_ROOT: snapshotDir }),
  });
}
