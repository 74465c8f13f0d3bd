#!/usr/bin/env node
// Benchmark for remediate (DESIGN.md "Performance"). Usage, on the pinned Node 24:
//   node_modules/.bin/node scripts/bench.mjs [--quick]
// Every figure is the median of several runs, compared with a baseline measured in the same
// invocation (runs are interleaved so drift hits both). Writes BENCHMARKS.md at the repository
// root. Exits non-zero only when a measurement could not be made or produced a broken record;
// a missed target is reported, not an error.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, release as osRelease, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';
import { fileURLToPath, URL } from 'node:url';
import { loadProfile, loadWorkerProfiles, summarise, topCallers } from './bench/cpuprof.mjs';
import { cleanEnv, randomSecret, SECRET_NAMES, setupDigestRepo, setupMainRepo } from './bench/setup.mjs';
import { fmtMiB, fmtMs, fmtRatio, interleave, mbps, median, NODE, run, sh } from './bench/util.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, 'scripts', 'bench');
const QUICK = process.argv.includes('--quick');
// --only 2,3: run just those sections and print them; BENCHMARKS.md is written by whole runs only.
const onlyAt = process.argv.indexOf('--only');
const ONLY = onlyAt === -1 ? undefined : new Set(String(process.argv[onlyAt + 1] ?? '').split(','));
const unknown = process.argv
  .slice(2)
  .filter((a, k, all) => a !== '--quick' && a !== '--only' && all[k - 1] !== '--only');
if (unknown.length || (ONLY && ![...ONLY].every((n) => /^[1-6]$/.test(n)))) {
  console.error(
    `usage: node scripts/bench.mjs [--quick] [--only <sections, e.g. 2,3>]\nunknown argument: ${unknown.join(' ')}`,
  );
  process.exit(2);
}

const CFG = QUICK
  ? {
      startupReps: 5,
      logBytes: 64 << 20,
      logReps: 3,
      digestFiles: 200,
      digestBytes: 10e6,
      digestReps: 5,
      manifestReps: 7,
      cliReps: 5,
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
    };
const PROFILE_LOG_BYTES = 64 << 20;

const started = performance.now();
const tmp = mkdtempSync(join(tmpdir(), 'remediate-bench-'));
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  rmSync(tmp, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

const log = (msg) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${msg}`);
const rows = []; // { section, what, value, baseline, ratio, target, verdict }
const sections = {}; // name -> markdown lines (method and details)
const where = []; // "where the time goes" bullets
const errors = [];
const note = (section, line) => (sections[section] ??= []).push(line);

function row(section, what, value, baseline = '', ratio = '', target = '', verdict = '') {
  rows.push({ section, what, value, baseline, ratio, target, verdict });
}
function verdict(ok, missText) {
  return ok ? 'met' : `**missed** (${missText})`;
}

async function section(name, fn) {
  if (ONLY && !ONLY.has(name.split('.')[0])) return;
  log(`${name}...`);
  try {
    await fn();
  } catch (error) {
    errors.push(`${name}: ${error.message}`);
    note(name, `**Error:** could not complete this section: \`${String(error.message).split('\n')[0].slice(0, 300)}\``);
    log(`ERROR in ${name}: ${error.stack ?? error}`);
  }
}

const nodeE0 = () => run(NODE, ['-e', '0']).then((r) => r.ms);
const cliArgs = (...args) => [CLI, ...args];
const hasPerf = (() => {
  try {
    execFileSync('perf', ['stat', '-x,', '-e', 'task-clock', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * CPU time (ms) of a command and everything it starts (threads and child processes), from
 * `perf stat -e task-clock`: what the work costs, whatever the number of cores it spreads over.
 */
async function cpuMs(cmd, args, options) {
  const r = await run('perf', ['stat', '-x,', '-e', 'task-clock', '--', cmd, ...args], options);
  const line = r.stderr.split('\n').find((l) => l.includes(',task-clock'));
  if (!line) throw new Error(`perf stat printed no task-clock: ${r.stderr.slice(-300)}`);
  return { cpu: Number(line.split(',')[0]), wall: r.ms };
}

const hasStrace = (() => {
  try {
    execFileSync('strace', ['-qq', '-e', 'trace=none', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// ---------------------------------------------------------------------------------------------
if (!process.version.startsWith('v24.')) {
  log(`warning: running on Node ${process.version}; the project pins Node 24 (use node_modules/.bin/node)`);
}

// Other people rebuild dist/ and edit src/ while this runs: measure a private copy, taken when
// dist/ has been complete and unchanged for 3 s, so every figure is about the same build.
function distState() {
  const parts = [];
  for (const d of ['cli', 'main', 'post']) {
    const dir = join(ROOT, 'dist', d);
    if (!existsSync(join(dir, 'index.js')) || !existsSync(join(dir, 'package.json'))) return null;
    for (const f of readdirSync(dir).sort()) {
      const st = statSync(join(dir, f));
      parts.push(`${d}/${f}:${st.size}:${st.mtimeMs}`);
    }
  }
  return parts.join('|');
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const SNAP = join(tmp, 'snapshot');
let snapWarning = '';
{
  let stableSince = 0;
  let last = null;
  const deadline = performance.now() + 120_000;
  for (;;) {
    const state = distState();
    if (state && state === last) {
      if (performance.now() - stableSince >= 3000) break;
    } else {
      last = state;
      stableSince = performance.now();
    }
    if (performance.now() > deadline) {
      if (!state) {
        console.error('dist/ is missing or incomplete: run `npm run build` first');
        process.exit(1);
      }
      snapWarning = 'dist/ kept changing while the benchmark started; the copy measured may mix two builds.';
      break;
    }
    await sleep(250);
  }
  mkdirSync(SNAP);
  cpSync(join(ROOT, 'dist'), join(SNAP, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'src'), join(SNAP, 'src'), { recursive: true });
  cpSync(join(ROOT, 'remediations'), join(SNAP, 'remediations'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(SNAP, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(SNAP, 'node_modules'));
  if (distState() !== last)
    snapWarning = 'dist/ changed while it was being copied; the copy measured may mix two builds.';
}
const CLI = join(SNAP, 'dist', 'cli', 'index.js');
const MAIN = join(SNAP, 'dist', 'main', 'index.js');
const sha12 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);
const gitInfo = (() => {
  try {
    const head = sh('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).trim();
    const dirty = sh('git', ['status', '--porcelain', '--', 'dist', 'src'], { cwd: ROOT })
      .trim()
      .split('\n')
      .filter(Boolean).length;
    return `commit ${head}${dirty ? ` with ${dirty} uncommitted change(s) under dist/ and src/` : ''}`;
  } catch {
    return 'not a git checkout';
  }
})();
const buildInfo = `${gitInfo}; dist/cli/index.js sha256 ${sha12(CLI)}..., dist/main/index.js sha256 ${sha12(MAIN)}...`;

log(`temp dir ${tmp} (${QUICK ? 'quick' : 'full'} run)`);
const genSource = readFileSync(join(BENCH, 'gen-log.mjs'), 'utf8');
const inprocEnv = () => ({ ...cleanEnv(), BENCH_SRC_ROOT: SNAP });
let main;
try {
  main = setupMainRepo(tmp, CLI, BENCH, genSource);
} catch (error) {
  console.error(`setup failed: ${error.message}`);
  process.exit(1);
}
const env = cleanEnv();
const outDir = join(tmp, 'records');
const runTriv = (...extra) =>
  run(NODE, cliArgs('run', 'triv@v1.0.0', '--trusted-key', main.pub, '--out', outDir, ...extra), {
    cwd: main.repo,
    env,
    pollRss: true,
  });

// ---------------------------------------------------------------------------------------------
// 1. Fixed overhead of a trivial run
let fixed = {};
await section('1. Fixed overhead', async () => {
  const S = '1. Fixed overhead';
  const r = await interleave(
    {
      'node -e 0': () => run(NODE, ['-e', '0'], { pollRss: true }),
      'cli --version': () => run(NODE, cliArgs('--version'), { env }).then((x) => x.ms),
      'run --dry-run': () => runTriv('--dry-run').then((x) => x.ms),
      run: () => runTriv(),
    },
    CFG.startupReps,
    2,
  );
  // Time from process start until the step's own process starts (the step writes `date +%s%N`).
  const stampFile = join(main.repo, 'first-step');
  const stampEnv = { ...env, GITHUB_WORKSPACE: main.repo };
  const firstStep = async (cmd, args, e) => {
    rmSync(stampFile, { force: true });
    const x = await run(cmd, args, { cwd: main.repo, env: e });
    return { ms: Number(BigInt(readFileSync(stampFile, 'utf8').trim()) - x.startNs) / 1e6, total: x.ms };
  };
  const fs1 = await interleave(
    {
      'cli first step': () =>
        firstStep(NODE, cliArgs('run', 'stamp@v1.0.0', '--trusted-key', main.pub, '--out', outDir), stampEnv),
      'bash step alone': () =>
        firstStep(
          'bash',
          ['--noprofile', '--norc', '-euo', 'pipefail', '-c', 'date +%s%N > "$GITHUB_WORKSPACE/first-step"'],
          stampEnv,
        ),
    },
    CFG.startupReps,
    1,
  );
  rmSync(stampFile, { force: true });
  fixed = { ...r, ...fs1 };
  const base = r['node -e 0'].median;
  const ratio = r.run.median / base;
  row(
    S,
    'trivial `run` (verify + one `true` step + record)',
    fmtMs(r.run.median),
    `\`node -e 0\` ${fmtMs(base)}`,
    fmtRatio(ratio),
    '<= 3x',
    verdict(ratio <= 3, `${fmtRatio(ratio / 3)} over; ${fmtMs(r.run.median - 3 * base)} above 3x`),
  );
  row(
    S,
    `\`--version\` (start-up + load the ${fmtMiB(statSync(CLI).size)} bundle)`,
    fmtMs(r['cli --version'].median),
    'node -e 0',
    fmtRatio(r['cli --version'].median / base),
  );
  row(
    S,
    '`run --dry-run` (resolve, digest, verify; no step, no record)',
    fmtMs(r['run --dry-run'].median),
    'node -e 0',
    fmtRatio(r['run --dry-run'].median / base),
  );
  row(
    S,
    'process start -> first step running (`stamp`)',
    fmtMs(fs1['cli first step'].median),
    `bash step alone ${fmtMs(fs1['bash step alone'].median)}`,
    fmtRatio(fs1['cli first step'].median / base) + ' of node -e 0',
  );

  note(
    S,
    `Medians of ${CFG.startupReps} interleaved runs after 2 warm-up rounds; wall time from \`spawn\` to exit, measured by the benchmark (Node ${process.version}, the same binary for every process).`,
  );
  note(S, '');
  note(S, '| piece | median | how it was measured |');
  note(S, '| --- | --- | --- |');
  note(S, `| Node start-up | ${fmtMs(base)} | \`node -e 0\` |`);
  note(
    S,
    `| load + evaluate the CLI bundle | ${fmtMs(r['cli --version'].median - base)} | \`--version\` minus \`node -e 0\` |`,
  );
  note(
    S,
    `| resolve tag, digest from git, verify manifest, parse definition | ${fmtMs(r['run --dry-run'].median - r['cli --version'].median)} | \`run --dry-run\` minus \`--version\` |`,
  );
  note(
    S,
    `| run the step, write and close the record | ${fmtMs(r.run.median - r['run --dry-run'].median)} | \`run\` minus \`run --dry-run\` |`,
  );
  note(
    S,
    `| process start -> step running | ${fmtMs(fs1['cli first step'].median)} | \`stamp\` step writes \`date +%s%N\`; minus the spawn time |`,
  );
  note(
    S,
    `| step after first-step stamp -> exit | ${fmtMs(fs1['cli first step'].results.map((x) => x.total).sort((a, b) => a - b)[fs1['cli first step'].results.length >> 1] - fs1['cli first step'].median)} | total wall of the \`stamp\` run minus the above (approx.) |`,
  );
  note(
    S,
    `| a bash step on its own | ${fmtMs(fs1['bash step alone'].median)} | \`bash --noprofile --norc -euo pipefail -c 'date ...'\`, same stamp method |`,
  );

  // Child processes, by strace (execve) of one run.
  if (hasStrace) {
    const traceFile = join(tmp, 'execve.trace');
    await run(
      'strace',
      [
        '-f',
        '-qq',
        '-s',
        '4096',
        '-e',
        'trace=execve',
        '-o',
        traceFile,
        NODE,
        ...cliArgs('run', 'triv@v1.0.0', '--trusted-key', main.pub, '--out', outDir),
      ],
      { cwd: main.repo, env },
    );
    const execs = readFileSync(traceFile, 'utf8')
      .split('\n')
      .filter((l) => /execve\("[^"]*", \[.*?\]/.test(l) && !/= -1 /.test(l))
      .map((l) => JSON.parse(`[${/execve\("[^"]*", \[(.*?)\]/.exec(l)[1]}]`));
    const children = execs.slice(1);
    const gits = children.filter((a) => basename(a[0]) === 'git');
    // Replay each git command on its own to see what the git processes cost.
    const tree = gits.find((a) => a[1] === 'ls-tree');
    const treeOut = tree ? sh('git', tree.slice(1), { cwd: main.repo, env }) : '';
    const oids =
      treeOut
        .split('\0')
        .filter(Boolean)
        .map((rec) => rec.split('\t')[0].split(' ')[2])
        .join('\n') + '\n';
    const gitTimes = [];
    for (const g of gits) {
      const input = g.includes('--batch') ? oids : undefined;
      const times = [];
      for (let i = 0; i < 7; i++) times.push((await run('git', g.slice(1), { cwd: main.repo, env, input })).ms);
      gitTimes.push({ cmd: g.join(' ').replace(/[0-9a-f]{40}/, '<commit>'), ms: median(times) });
    }
    const gitTotal = gitTimes.reduce((a, b) => a + b.ms, 0);
    fixed.gitTotal = gitTotal;
    fixed.gitCount = gits.length;
    const rssOf = (k) => median(r[k].results.map((x) => x.rssKiB)) / 1024;
    fixed.rss = { node: rssOf('node -e 0'), run: rssOf('run') };
    row(
      S,
      'peak RSS of a trivial `run`',
      `${fixed.rss.run.toFixed(0)} MiB`,
      `\`node -e 0\` ${fixed.rss.node.toFixed(0)} MiB`,
      '',
      '',
      '',
    );
    row(
      S,
      `child processes of one \`run\`: ${children.length} (${gits.length} git)`,
      `git replayed: ${fmtMs(gitTotal)}`,
      '',
      '',
      '',
      '',
    );
    note(S, '');
    note(
      S,
      `Processes started by one trivial \`run\`, from \`strace -f -e trace=execve\`: ${children.map((a) => `\`${basename(a[0])} ${a[1] ?? ''}\``).join(', ')}. Each git command replayed alone (median of 7, spawn to exit):`,
    );
    for (const g of gitTimes) note(S, `- \`${g.cmd.slice(0, 120)}\`: ${fmtMs(g.ms)}`);
  } else {
    note(S, 'strace is not installed: child processes were not counted.');
  }

  // In-process pieces, from the TypeScript sources (same code as the bundle).
  const parts = JSON.parse(
    (
      await run(
        NODE,
        [
          join(BENCH, 'inproc.mjs'),
          'startup-parts',
          join(main.repo, 'remediations', 'triv', 'remediation.yml'),
          main.manifest,
          main.pub,
          '9',
        ],
        { env: inprocEnv() },
      )
    ).stdout,
  );
  fixed.parts = parts;
  note(S, '');
  note(S, 'In-process, from the sources (`scripts/bench/inproc.mjs startup-parts`, one cold process):');
  note(
    S,
    `- first \`parseDefinition\` (YAML parse and the build-time-compiled schema validator, both running cold): ${fmtMs(parts.firstParse)}; later calls: ${fmtMs(parts.laterParse)}, so cold code costs ~ ${fmtMs(parts.firstParse - parts.laterParse)}`,
  );
  note(
    S,
    `- first \`verifyManifest\` of the one-key manifest (Ed25519, cold): ${fmtMs(parts.firstVerify)}; warm: ${fmtMs(parts.laterVerify)}`,
  );
  note(S, `- parsing the trusted public key: ${fmtMs(parts.firstKey)}`);

  // Which bundle files does a CLI run load? (load hook, see section 5)
  {
    const file = join(tmp, 'cli-loads.txt');
    await run(
      NODE,
      [
        '--import',
        join(BENCH, 'trace-loads.mjs'),
        ...cliArgs('run', 'triv@v1.0.0', '--trusted-key', main.pub, '--out', outDir),
      ],
      { cwd: main.repo, env: { ...env, BENCH_LOADS_FILE: file } },
    );
    const urls = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const files = urls.filter((u) => u.startsWith('file:')).map((u) => basename(new URL(u).pathname));
    const chunks = readdirSync(dirname(CLI)).filter((f) => /^\d+\.index\.js$/.test(f));
    note(S, '');
    note(
      S,
      `Modules a trivial \`run\` loads (load hook, as in section 5): ${urls.length} (${urls.length - files.length} \`node:\` built-ins); bundle files: ${files.map((f) => `\`${f}\``).join(', ')}${chunks.length ? `; of the CLI's chunk files (${chunks.map((c) => `\`${c}\` ${fmtMiB(statSync(join(dirname(CLI), c)).size)}`).join(', ')}) it loads ${chunks.filter((c) => files.includes(c)).length}` : ''}.`,
    );
  }

  // CPU profile of one run.
  const profDir = join(tmp, 'prof-run');
  await run(
    NODE,
    [
      '--cpu-prof',
      '--cpu-prof-dir',
      profDir,
      '--cpu-prof-interval',
      '200',
      ...cliArgs('run', 'triv@v1.0.0', '--trusted-key', main.pub, '--out', outDir),
    ],
    { cwd: main.repo, env },
  );
  const prof = summarise(loadProfile(profDir), {
    'definition parse (YAML + precompiled validator)': (f) => f.functionName === 'parseDefinition',
    'compile the bundle source (V8 parse)': (f) => f.functionName === 'compileSourceTextModule',
    'evaluate bundled modules': (f) => f.functionName === '__nccwpck_require__',
    'YAML parse': (f) => f.functionName === 'parseDocument',
    'manifest verification': (f) => f.functionName === 'verifyManifest',
    'resolveRelease (git, digest, verify, parse)': (f) => f.functionName === 'resolveRelease',
    'spawning child processes': (f) => f.functionName === 'spawn' && /child_process/.test(f.url),
  });
  fixed.prof = prof;
  const idle = prof.self.find((s) => s.label === '(idle)')?.ms ?? 0;
  note(S, '');
  note(
    S,
    `CPU profile of one run (\`node --cpu-prof\`, 200 us sampling; profiling slows the run, so read shares, not absolute times). Profile span ${fmtMs(prof.totalMs)}, of which idle (waiting for git/bash) ${fmtMs(idle)}:`,
  );
  for (const [g, ms] of Object.entries(prof.inclusive))
    note(S, `- ${g}: ${fmtMs(ms)} (${((100 * ms) / prof.totalMs).toFixed(0)}%)`);
  note(
    S,
    `- top self time: ${prof.self
      .slice(0, 6)
      .map((s) => `${s.label} ${fmtMs(s.ms)}`)
      .join('; ')}`,
  );

  const over = r.run.median - 3 * base;
  where.push(
    `**Fixed overhead** (${fmtRatio(ratio)} of \`node -e 0\`${ratio <= 3 ? ', target met' : `, target 3x missed by ${fmtMs(over)}`}): ` +
      `Node itself ${fmtMs(base)}; loading the bundle adds ${fmtMs(r['cli --version'].median - base)}; resolving and verifying adds ${fmtMs(r['run --dry-run'].median - r['cli --version'].median)}, ` +
      `of which the first definition parse (YAML and validator code running cold) is ~${fmtMs(parts.firstParse - parts.laterParse)} more than a warm one (in-process measurement; ${((100 * prof.inclusive['definition parse (YAML + precompiled validator)']) / prof.totalMs).toFixed(0)}% of the profile) ` +
      `and ${fixed.gitCount ?? '?'} git processes ~${fixed.gitTotal !== undefined ? fmtMs(fixed.gitTotal) : '?'} when replayed alone; running the step and writing the record adds ${fmtMs(r.run.median - r['run --dry-run'].median)}.`,
  );
});

// ---------------------------------------------------------------------------------------------
// 2. Log throughput
await section('2. Log throughput', async () => {
  const S = '2. Log throughput';
  const secrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, randomSecret()]));
  const secretEnv = { ...env, ...secrets };
  const gen = join(main.repo, 'remediations', 'loud', 'gen-log.mjs');
  const N = CFG.logBytes;
  const dataFile = join(tmp, 'log-input.bin');
  const timeout = Math.max(120_000, (N / 20e6) * 1000);

  const writeTo = async (file, bytes) => {
    const fd = openSync(file, 'w');
    try {
      return await run(NODE, [gen, String(bytes)], { env: secretEnv, stdout: fd, timeoutMs: timeout });
    } finally {
      closeSync(fd);
    }
  };
  await writeTo(dataFile, N);
  if (statSync(dataFile).size !== N) throw new Error(`generator wrote ${statSync(dataFile).size} bytes, expected ${N}`);

  const runLoud = async (bytes, out, extraNodeArgs = []) => {
    rmSync(out, { recursive: true, force: true });
    return run(
      NODE,
      [
        ...extraNodeArgs,
        ...cliArgs('run', 'loud@v1.0.0', '--trusted-key', main.pub, '--param', `bytes=${bytes}`, '--out', out),
      ],
      {
        cwd: main.repo,
        env: secretEnv,
        timeoutMs: timeout,
        pollRss: true,
      },
    );
  };
  const recOut = join(tmp, 'loud-records');
  // Each measure starts from a quiet disk: the files earlier measures wrote are removed and
  // synced (untimed), so one run's writeback does not land on the next one's clock.
  const quiet = (...files) => {
    for (const file of files) rmSync(file, { recursive: true, force: true });
    execFileSync('sync');
  };
  const r = await interleave(
    {
      openssl: () => quiet() ?? run('openssl', ['dgst', '-sha256', dataFile], { timeoutMs: timeout }).then((x) => x.ms),
      'generator > /dev/null': () => quiet() ?? writeTo('/dev/null', N).then((x) => x.ms),
      'generator | cat > /dev/null': () =>
        quiet() ??
        run('sh', ['-c', `"$0" "$1" "$2" | cat > /dev/null`, NODE, gen, String(N)], {
          env: secretEnv,
          timeoutMs: timeout,
        }).then((x) => x.ms),
      'node floor': () => {
        quiet(join(tmp, 'floor.bin'));
        return run(NODE, [join(BENCH, 'node-floor.mjs'), gen, String(N), join(tmp, 'floor.bin')], {
          env: secretEnv,
          timeoutMs: timeout,
        }).then((x) => x.ms);
      },
      'native tee + openssl + sync': () => {
        quiet(join(tmp, 'tee.bin'));
        return run(
          'sh',
          [
            '-c',
            '"$0" "$1" "$2" | tee "$3" | openssl dgst -sha256 > /dev/null && sync "$3"',
            NODE,
            gen,
            String(N),
            join(tmp, 'tee.bin'),
          ],
          { env: secretEnv, timeoutMs: timeout },
        ).then((x) => x.ms);
      },
      'cp + fsync of the bytes': () => {
        quiet(join(tmp, 'copy.bin'));
        return run('sh', ['-c', 'cp "$0" "$1" && sync "$1"', dataFile, join(tmp, 'copy.bin')], {
          timeoutMs: timeout,
        }).then((x) => x.ms);
      },
      remediate: () => quiet(recOut) ?? runLoud(N, recOut),
    },
    CFG.logReps,
    1,
  );
  const rssAll = r.remediate.results.map((x) => x.rssKiB);
  const rss = Math.max(...rssAll);

  // The record must be intact and must not contain any secret.
  const recDir = join(
    recOut,
    readdirSync(recOut).find((d) => d.startsWith('loud-')),
  );
  const vr = await run(NODE, cliArgs('verify-run', recDir), { env, allowFail: true, timeoutMs: timeout });
  if (vr.code !== 0)
    throw new Error(`verify-run failed on the benchmark's record (exit ${vr.code}): ${vr.stdout}${vr.stderr}`);
  const forms = Object.values(secrets).flatMap((s) => [
    s,
    Buffer.from(s).toString('base64').replace(/=+$/, ''),
    Buffer.from(s).toString('base64url'),
  ]);
  const leaked = [];
  for (const file of ['run.log', 'snapshot.json', 'run.log.chain']) {
    const g = await run('grep', ['-F', '-c', ...forms.flatMap((f) => ['-e', f]), join(recDir, file)], {
      allowFail: true,
      timeoutMs: timeout,
    });
    if (g.code === 0) leaked.push(`${file}: ${g.stdout.trim()} lines`);
    else if (g.code !== 1) throw new Error(`grep failed: ${g.stderr}`);
  }
  if (leaked.length) throw new Error(`secret values found in the record: ${leaked.join(', ')}`);
  const countOf = async (needle, file) =>
    Number(
      (await run('sh', ['-c', 'grep -F -o -e "$0" "$1" | wc -l', needle, file], { timeoutMs: timeout })).stdout.trim(),
    );
  const planted = await countOf('token=', dataFile);
  const redacted = await countOf('token=***', join(recDir, 'run.log'));
  const logSize = statSync(join(recDir, 'run.log')).size;
  const snapshot = JSON.parse(readFileSync(join(recDir, 'snapshot.json'), 'utf8'));

  // Peak RSS at a smaller size too, to show whether memory grows with the log.
  const rssBySize = [];
  for (const size of [PROFILE_LOG_BYTES, 256 << 20].filter((x) => x < N)) {
    const x = await runLoud(size, join(tmp, 'loud-small'));
    rssBySize.push(`${(x.rssKiB / 1024).toFixed(0)} MiB at ${fmtMiB(size)}`);
  }
  rmSync(join(tmp, 'loud-small'), { recursive: true, force: true });

  const t = r.remediate.median;
  const tput = mbps(N, t);
  const sslTput = mbps(N, r.openssl.median);
  const ratio = tput / sslTput;
  row(
    S,
    `\`run\` of a step printing ${fmtMiB(N)} (10 secrets declared)`,
    `${tput.toFixed(0)} MB/s (${fmtMs(t)})`,
    `\`openssl dgst -sha256\` ${sslTput.toFixed(0)} MB/s (${fmtMs(r.openssl.median)})`,
    `${ratio.toFixed(2)} of openssl`,
    '>= 0.5 of openssl',
    verdict(ratio >= 0.5, `${(0.5 / ratio).toFixed(1)}x too slow; needs ${(sslTput / 2).toFixed(0)} MB/s`),
  );
  row(
    S,
    'the step alone: generator > /dev/null (its CPU cost; /dev/null writes are free)',
    `${mbps(N, r['generator > /dev/null'].median).toFixed(0)} MB/s (${fmtMs(r['generator > /dev/null'].median)})`,
    '',
    '',
    '',
    '',
  );
  row(
    S,
    'the step alone through a pipe: generator | cat',
    `${mbps(N, r['generator | cat > /dev/null'].median).toFixed(0)} MB/s (${fmtMs(r['generator | cat > /dev/null'].median)})`,
    '',
    '',
    '',
    '',
  );
  row(
    S,
    'Node floor: read the step through a pipe, sha256 and write every byte, fsync (no redaction, no chain; `scripts/bench/node-floor.mjs`)',
    `${mbps(N, r['node floor'].median).toFixed(0)} MB/s (${fmtMs(r['node floor'].median)})`,
    '',
    `remediate at ${(r['node floor'].median / r.remediate.median).toFixed(2)} of it`,
    '',
    '',
  );
  rmSync(join(tmp, 'tee.bin'), { force: true });
  row(
    S,
    'the same job with native tools (no redaction, no chain): `generator | tee <file> | openssl dgst -sha256`, then `sync <file>`',
    `${mbps(N, r['native tee + openssl + sync'].median).toFixed(0)} MB/s (${fmtMs(r['native tee + openssl + sync'].median)})`,
    '',
    `remediate at ${(r['native tee + openssl + sync'].median / r.remediate.median).toFixed(2)} of it`,
    '',
    '',
  );
  row(
    S,
    'writing the same bytes durably: `cp` + `sync <file>`',
    `${mbps(N, r['cp + fsync of the bytes'].median).toFixed(0)} MB/s (${fmtMs(r['cp + fsync of the bytes'].median)})`,
    '',
    '',
    '',
    '',
  );
  rmSync(join(tmp, 'copy.bin'), { force: true });
  row(
    S,
    'peak RSS of the `remediate` process',
    [`${(rss / 1024).toFixed(0)} MiB at ${fmtMiB(N)}`, ...rssBySize].join('; ') +
      (fixed.rss ? ` (trivial run: ${fixed.rss.run.toFixed(0)} MiB)` : ''),
    '',
    '',
    '< 150 MB',
    verdict(rss * 1024 < 150e6, `${((rss * 1024) / 1e6).toFixed(0)} MB`),
  );
  row(
    S,
    'record check: `verify-run`, secrets grep',
    `intact; 0 of ${forms.length} secret forms found; ${redacted}/${planted} planted secrets shown as \`***\``,
    '',
    '',
    '',
    vr.code === 0 ? 'ok' : 'FAILED',
  );

  note(
    S,
    `Input: ${fmtMiB(N)} (${N} bytes) from \`scripts/bench/gen-log.mjs\` (shipped in the remediation): rotating 1 MiB blocks of lines 0-8,000 characters long (most under 100), one line in 397 carrying \`token=<secret>\` (S1, S3, S7 raw, S2 as base64), ending with a ${fmtMiB(Math.min(1 << 20, Math.floor(N / 8)))} line without newline that also holds S1. S1..S10 are random 20-character values passed in the environment and declared as \`secrets\`.`,
  );
  note(
    S,
    `Medians of ${CFG.logReps} interleaved runs after one warm-up round. \`remediate\` time is the whole CLI process (start-up, verification, the generator step, redaction, hashing, writing ${fmtMiB(logSize)} of run.log in ${snapshot.log?.blocks ?? '?'} blocks, snapshot). openssl hashes the same bytes from a file in the page cache. Peak RSS is VmHWM of the \`remediate\` process (not its children), polled from /proc every 10 ms; per run: ${rssAll.map((k) => `${(k / 1024).toFixed(0)} MiB`).join(', ')}. Every run's time, to show the spread on this shared machine: remediate ${r.remediate.all.map((ms) => fmtMs(ms)).join(', ')}; native tools ${r['native tee + openssl + sync'].all.map((ms) => fmtMs(ms)).join(', ')}; openssl ${r.openssl.all.map((ms) => fmtMs(ms)).join(', ')}. Each measure starts after the files earlier ones wrote are removed and \`sync\` has run (untimed).`,
  );
  note(
    S,
    `After the runs: \`remediate verify-run\` on the last record exited ${vr.code} (\`${vr.stdout.trim().split('\n')[0]}\`); \`grep -F\` for every secret (raw, base64, base64url) in run.log, run.log.chain and snapshot.json found nothing; ${redacted} of the ${planted} \`token=\` occurrences in the input appear as \`token=***\` in the log (a \`token=\` cut off by the input's last block holds no whole secret).`,
  );

  // How long does the final fsync of run.log take at this size? One run under strace (fsync only).
  let fsyncMs;
  if (hasStrace) {
    const trace = join(tmp, 'fsync.trace');
    const out = join(tmp, 'loud-fsync');
    await run(
      'strace',
      [
        '-f',
        '--seccomp-bpf',
        '-T',
        '-e',
        'trace=fsync,fdatasync',
        '-o',
        trace,
        NODE,
        ...cliArgs('run', 'loud@v1.0.0', '--trusted-key', main.pub, '--param', `bytes=${N}`, '--out', out),
      ],
      { cwd: main.repo, env: secretEnv, timeoutMs: timeout },
    );
    fsyncMs = readFileSync(trace, 'utf8')
      .split('\n')
      .map((l) => /fsync\(.*<([\d.]+)>$/.exec(l))
      .filter(Boolean)
      .reduce((a, m) => a + Number(m[1]) * 1000, 0);
    rmSync(out, { recursive: true, force: true });
    row(S, '`fsync` calls of one `run` (strace -T)', fmtMs(fsyncMs), '', '', '', '');
  }

  // The limit: what the whole job costs in CPU time, against the time the target allows.
  if (hasPerf) {
    const cpuRuns = [];
    for (let k = 0; k < 3; k++) {
      rmSync(recOut, { recursive: true, force: true });
      execFileSync('sync');
      cpuRuns.push(
        await cpuMs(
          NODE,
          cliArgs('run', 'loud@v1.0.0', '--trusted-key', main.pub, '--param', `bytes=${N}`, '--out', recOut),
          { cwd: main.repo, env: secretEnv, timeoutMs: timeout },
        ),
      );
    }
    const cpu = median(cpuRuns.map((x) => x.cpu));
    const step = await cpuMs('sh', ['-c', `"$0" "$1" "$2" | cat > /dev/null`, NODE, gen, String(N)], {
      env: secretEnv,
      timeoutMs: timeout,
    });
    const cores = cpus().length;
    const allowed = ((2 * N) / (sslTput * 1e6)) * 1000;
    row(
      S,
      `CPU time of one \`run\` and its step (\`perf stat -e task-clock\`, median of 3; the step alone through a pipe: ${fmtMs(step.cpu)})`,
      `${fmtMs(cpu)} on ${cores} cores`,
      '',
      `even spread perfectly: >= ${fmtMs(cpu / cores)} wall = ${(N / 1e6 / (cpu / cores / 1000) / sslTput).toFixed(2)} of openssl`,
      `0.5 of openssl allows ${fmtMs(allowed)}`,
      '',
    );
    where.push(
      `**Log throughput limit**: the whole job (the step writing 1 GiB into a pipe, reading it, redacting, writing run.log, hashing it) costs ${fmtMs(cpu)} of CPU time, ${fmtMs(step.cpu)} of it the step alone; spread perfectly over ${cores} cores that is at least ${fmtMs(cpu / cores)} of wall time, against the ${fmtMs(allowed)} that 0.5 of openssl allows.`,
    );
  }

  // Where does the CPU go? One profiled run at 64 MiB.
  const profDir = join(tmp, 'prof-log');
  const pr = await runLoud(PROFILE_LOG_BYTES, join(tmp, 'loud-prof'), ['--cpu-prof', '--cpu-prof-dir', profDir]);
  rmSync(join(tmp, 'loud-prof'), { recursive: true, force: true });
  const inBundle = (f) => /dist\/cli\/[^/]*\.js$/.test(f.url);
  const profile = loadProfile(profDir);
  const prof = summarise(profile, {
    'pipe reads and everything they trigger (onStreamRead)': (f) => f.functionName === 'onStreamRead',
    'RunRecorder.stdout/stderr (redact + append to the log)': (f) =>
      inBundle(f) && (f.functionName === 'stdout' || f.functionName === 'stderr'),
    'redaction (StreamRedactor.push)': (f) => inBundle(f) && f.functionName === 'push',
    'block hashing on this thread (sha256Hex: before the worker starts, full ring, flush)': (f) =>
      inBundle(f) && /sha256Hex$/.test(f.functionName),
    'block cut: writeSync of run.log and chain (writeFully)': (f) => inBundle(f) && f.functionName === 'writeFully',
    'fsync at close (fsyncSync)': (f) => f.functionName === 'fsyncSync',
  });
  const idle = prof.self.find((s) => s.label === '(idle)')?.ms ?? 0;
  const gc = prof.self.find((s) => s.label === '(garbage collector)')?.ms ?? 0;
  const busy = prof.totalMs - idle;
  // The hashing worker profiles itself into the same folder: its non-idle time is the hashing.
  // The worker sleeps in Atomics.wait, which a profile counts as running JavaScript: count only the
  // time spent in node:crypto's hashing.
  const workerBusy = loadWorkerProfiles(profDir)
    .map((p) => summarise(p, { hashing: (f) => f.url.includes('crypto/hash') }).inclusive.hashing)
    .reduce((sum, ms) => sum + ms, 0);
  note(S, '');
  note(
    S,
    `The main thread's CPU profile of one ${fmtMiB(PROFILE_LOG_BYTES)} run (\`--cpu-prof\`, wall ${fmtMs(pr.ms)} with the profiler): span ${fmtMs(prof.totalMs)}, idle ${fmtMs(idle)}. The hashing worker thread spent ${fmtMs(workerBusy)} hashing in the same run. Top self time on the main thread (share of non-idle):`,
  );
  note(S, '');
  note(S, '| function (file:line) | self | share | called from (nearest bundle function) |');
  note(S, '| --- | --- | --- | --- |');
  const topSelf = prof.self.filter((x) => x.label !== '(idle)').slice(0, 10);
  const callers = topCallers(
    profile,
    topSelf.map((x) => x.label),
    inBundle,
  );
  for (const s of topSelf) {
    const c = callers[s.label]
      .slice(0, 2)
      .map((x) => `${x.caller} ${((100 * x.ms) / s.ms).toFixed(0)}%`)
      .join(', ');
    note(S, `| ${s.label} | ${fmtMs(s.ms)} | ${((100 * s.ms) / busy).toFixed(0)}% | ${c} |`);
  }
  note(S, '');
  note(S, 'Inclusive time (a sample counts when the function is anywhere on the stack), share of the non-idle time:');
  for (const [g, ms] of Object.entries(prof.inclusive))
    note(S, `- ${g}: ${fmtMs(ms)} (${((100 * ms) / busy).toFixed(0)}%)`);
  note(S, `- garbage collector: ${fmtMs(gc)} (${((100 * gc) / busy).toFixed(0)}%)`);
  const top = prof.self.filter((x) => x.label !== '(idle)').slice(0, 3);
  where.push(
    `**Log throughput** (${tput.toFixed(0)} MB/s = ${ratio.toFixed(2)} of openssl's ${sslTput.toFixed(0)} MB/s${ratio >= 0.5 ? ', target met' : `, target missed by ${(0.5 / ratio).toFixed(1)}x`}; peak RSS ${(rss / 1024).toFixed(0)} MiB): ` +
      `the step itself produces the bytes at ${mbps(N, r['generator | cat > /dev/null'].median).toFixed(0)} MB/s through a pipe, so ${mbps(N, r['generator | cat > /dev/null'].median) > tput * 1.5 ? 'the generator is not the limit' : 'the generator is close to the limit'}; ` +
      (fixed.run
        ? `without the fixed cost of a trivial run (${fmtMs(fixed.run.median)}, section 1) the streaming rate is ${mbps(N, t - fixed.run.median).toFixed(0)} MB/s; `
        : '') +
      `in the ${fmtMiB(PROFILE_LOG_BYTES)} profile the remediate process is ${((100 * idle) / prof.totalMs).toFixed(0)}% idle (waiting for the step's output, git or bash), pipe reads and their handlers take ${((100 * prof.inclusive['pipe reads and everything they trigger (onStreamRead)']) / busy).toFixed(0)}% of the busy time, redaction ${((100 * prof.inclusive['redaction (StreamRedactor.push)']) / busy).toFixed(0)}%, writeSync ${((100 * prof.inclusive['block cut: writeSync of run.log and chain (writeFully)']) / busy).toFixed(0)}%, block hashing on this thread ${((100 * prof.inclusive['block hashing on this thread (sha256Hex: before the worker starts, full ring, flush)']) / busy).toFixed(0)}% (the hashing worker spent ${fmtMs(workerBusy)} hashing), GC ${((100 * gc) / busy).toFixed(0)}%, and the busiest functions are ${top.map((s) => `${s.label} (${((100 * s.ms) / busy).toFixed(0)}%)`).join(', ')}.`,
  );
  rmSync(recOut, { recursive: true, force: true });
  rmSync(dataFile, { force: true });
});

// ---------------------------------------------------------------------------------------------
// 3. Digest
await section('3. Digest', async () => {
  const S = '3. Digest';
  const d = setupDigestRepo(tmp, CFG.digestFiles, CFG.digestBytes);
  const denv = cleanEnv();
  const r = await interleave(
    {
      'node -e 0': nodeE0,
      'cli --version': () => run(NODE, cliArgs('--version'), { env: denv }).then((x) => x.ms),
      digest: () => run(NODE, cliArgs('digest', 'bulk', '--ref', 'HEAD'), { cwd: d.repo, env: denv }),
      sha256sum: () => run('sha256sum', ['--', ...d.paths], { cwd: d.dir }),
      'git ls-tree | git cat-file --batch': () =>
        run(
          'sh',
          [
            '-c',
            "git ls-tree -r --full-tree --format='%(objectname)' HEAD -- remediations/bulk/ | git cat-file --batch > /dev/null",
          ],
          { cwd: d.repo, env: denv },
        ).then((x) => x.ms),
      // What digest does for a large remediation: the blobs split over two cat-file processes.
      'git, two cat-file readers': () =>
        run(
          'sh',
          [
            '-c',
            'git ls-tree -r --full-tree --format=\'%(objectname)\' HEAD -- remediations/bulk/ > "$0" && ' +
              '{ awk \'NR % 2 == 0\' "$0" | git cat-file --batch --buffer > /dev/null & ' +
              'awk \'NR % 2 == 1\' "$0" | git cat-file --batch --buffer > /dev/null; wait; }',
            join(tmp, 'digest-oids.txt'),
          ],
          { cwd: d.repo, env: denv },
        ).then((x) => x.ms),
    },
    CFG.digestReps,
    1,
  );
  // Check the CLI's digest against one computed from sha256sum's output.
  const sums = r.sha256sum.results[0].stdout
    .trim()
    .split('\n')
    .map((l) => ({ sha: l.slice(0, 64), path: l.slice(66) }))
    .sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  const listing = sums.map((s) => `100644 ${s.sha} ${s.path}\n`).join('');
  const expected = `sha256:${sh('sha256sum', [], { input: listing }).slice(0, 64)}`;
  const got = /sha256:[0-9a-f]{64}/.exec(r.digest.results[0].stdout)?.[0];
  const match = got === expected;
  const base = r.sha256sum.median;
  const ratio = r.digest.median / base;
  row(
    S,
    `\`digest --ref HEAD\`, ${d.paths.length} files, ${(d.bytes / 1e6).toFixed(1)} MB`,
    fmtMs(r.digest.median),
    `\`sha256sum\` ${fmtMs(base)}`,
    fmtRatio(ratio),
    '<= 2x sha256sum',
    verdict(ratio <= 2, `${fmtRatio(ratio / 2)} over; ${fmtMs(r.digest.median - 2 * base)} above 2x`),
  );
  row(
    S,
    'second baseline: `git ls-tree -r` + `git cat-file --batch`',
    fmtMs(r['git ls-tree | git cat-file --batch'].median),
    '',
    fmtRatio(r.digest.median / r['git ls-tree | git cat-file --batch'].median) + ' (digest / git)',
  );
  const git2Ms = r['git, two cat-file readers'].median;
  row(
    S,
    'third baseline, what `digest` does: `git ls-tree -r`, then two `git cat-file --batch --buffer` in parallel, half the blobs each',
    fmtMs(git2Ms),
    '',
    `${fmtRatio(git2Ms / base)} of sha256sum; ${fmtRatio(r.digest.median / git2Ms)} (digest / git)`,
  );
  row(
    S,
    'digest minus CLI start-up (`--version`)',
    fmtMs(r.digest.median - r['cli --version'].median),
    'sha256sum',
    fmtRatio((r.digest.median - r['cli --version'].median) / base),
  );
  note(
    S,
    `${d.paths.length} UTF-8 text files (0.2x-1.8x of the mean size, in 10 sub-folders) totalling ${d.bytes} bytes, committed; medians of ${CFG.digestReps} interleaved runs after one warm-up round (page cache warm for all). \`sha256sum\` reads the working-tree files; the git pipeline reads and inflates the same blobs from the object store and discards them.`,
  );
  note(
    S,
    `The CLI's digest ${match ? 'equals' : '**differs from**'} the digest recomputed from sha256sum's output (\`100644 <sha256> <path>\\n\` sorted by path): ${got}.`,
  );
  if (!match) throw new Error(`digest mismatch: CLI ${got}, recomputed ${expected}`);
  const gitMs = r['git ls-tree | git cat-file --batch'].median;
  // One profiled digest: where does the Node side spend its time?
  const profDir = join(tmp, 'prof-digest');
  const px = await run(NODE, ['--cpu-prof', '--cpu-prof-dir', profDir, ...cliArgs('digest', 'bulk', '--ref', 'HEAD')], {
    cwd: d.repo,
    env: denv,
  });
  const profile = loadProfile(profDir);
  const inBundle = (f) => /dist\/cli\/[^/]*\.js$/.test(f.url);
  const prof = summarise(profile, {});
  const idle = prof.self.find((x) => x.label === '(idle)')?.ms ?? 0;
  const busy = prof.totalMs - idle;
  const topSelf = prof.self.filter((x) => x.label !== '(idle)').slice(0, 8);
  const callers = topCallers(
    profile,
    topSelf.map((x) => x.label),
    inBundle,
  );
  note(S, '');
  note(
    S,
    `The git pipeline alone is ${fmtRatio(gitMs / base)} of sha256sum: reading the blobs from git objects (zlib inflate) already uses most of the 2x budget. CPU profile of one \`digest\` (wall ${fmtMs(px.ms)} with the profiler): span ${fmtMs(prof.totalMs)}, idle ${fmtMs(idle)} (waiting for git). Top self time:`,
  );
  note(S, '');
  note(S, '| function (file:line) | self | share of busy | called from (nearest bundle function) |');
  note(S, '| --- | --- | --- | --- |');
  for (const x of topSelf) {
    note(
      S,
      `| ${x.label} | ${fmtMs(x.ms)} | ${((100 * x.ms) / busy).toFixed(0)}% | ${callers[x.label]
        .slice(0, 2)
        .map((c) => `${c.caller} ${((100 * c.ms) / x.ms).toFixed(0)}%`)
        .join(', ')} |`,
    );
  }
  where.push(
    `**Digest** (${fmtRatio(ratio)} of sha256sum${ratio <= 2 ? ', target met' : `, target 2x missed by ${fmtMs(r.digest.median - 2 * base)}`}): ` +
      `${fmtMs(r['cli --version'].median)} of the ${fmtMs(r.digest.median)} is CLI start-up (\`--version\`); reading the blobs out of git costs ${fmtMs(gitMs)} on its own with one reader and ${fmtMs(git2Ms)} with the two parallel readers \`digest\` uses (vs ${fmtMs(base)} for sha256sum to read and hash the files); ` +
      `the remainder (total - start-up - two-reader git), ${fmtMs(Math.max(0, r.digest.median - r['cli --version'].median - git2Ms))}, is Node-side work (hashing, parsing git's output) that git does not hide (profile: ${((100 * idle) / prof.totalMs).toFixed(0)}% idle waiting for git; busiest: ${topSelf
        .slice(0, 3)
        .map((x) => `${x.label} ${((100 * x.ms) / busy).toFixed(0)}%`)
        .join(
          ', ',
        )}). Two git processes, Node receiving their output and hashing it share 2 cores, so that work is not hidden behind git; with git alone at ${fmtRatio(git2Ms / base)} of sha256sum even when split over both cores, and Node's own start-up at ${fmtMs(r['cli --version'].median)}, the 2x budget leaves ${fmtMs(Math.max(0, 2 * base - git2Ms - r['cli --version'].median))} for everything else.`,
  );
  if (hasPerf) {
    const cpuRuns = [];
    for (let k = 0; k < 5; k++)
      cpuRuns.push(await cpuMs(NODE, cliArgs('digest', 'bulk', '--ref', 'HEAD'), { cwd: d.repo, env: denv }));
    const cpu = median(cpuRuns.map((x) => x.cpu));
    const startCpu = median(
      await Promise.all([0, 1, 2].map(() => cpuMs(NODE, cliArgs('--version'), { env: denv }))).then((xs) =>
        xs.map((x) => x.cpu),
      ),
    );
    const cores = cpus().length;
    // Start-up runs on one core before git starts; the rest can at best spread over all of them.
    const floor = startCpu + (cpu - startCpu) / cores;
    row(
      S,
      `CPU time of one \`digest\` with its git processes (\`perf stat -e task-clock\`, median of 5; CLI start-up alone ${fmtMs(startCpu)})`,
      `${fmtMs(cpu)} on ${cores} cores`,
      '',
      `even spread perfectly after start-up: >= ${fmtMs(floor)} = ${fmtRatio(floor / base)} of sha256sum`,
      '2x allows ' + fmtMs(2 * base),
      '',
    );
    where.push(
      `**Digest limit**: one digest costs ${fmtMs(cpu)} of CPU time (Node and both git processes), ${fmtMs(startCpu)} of it Node's start-up, which runs before git can start; the rest spread perfectly over ${cores} cores still needs ${fmtMs(floor)} of wall time in all, ${fmtRatio(floor / base)} of sha256sum against a 2x target.`,
    );
  }
  rmSync(d.repo, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// 4. Manifest verification
await section('4. Manifest', async () => {
  const S = '4. Manifest';
  const mdir = join(tmp, 'manifest');
  sh('mkdir', ['-p', mdir]);
  const commit = sh('git', ['rev-parse', 'triv/v1.0.0^{commit}'], { cwd: main.repo, env }).trim();
  const digest = /sha256:[0-9a-f]{64}/.exec(
    sh(NODE, cliArgs('digest', 'triv', '--ref', 'triv/v1.0.0'), { cwd: main.repo, env }),
  )[0];
  const m = JSON.parse(
    (
      await run(
        NODE,
        [join(BENCH, 'inproc.mjs'), 'manifest', mdir, 'triv@v1.0.0', commit, digest, '10000', String(CFG.manifestReps)],
        { env: inprocEnv(), timeoutMs: 180_000 },
      )
    ).stdout,
  );
  const keys = ['m1.pub', 'm2.pub', 'm3.pub'].flatMap((k) => ['--trusted-key', join(mdir, k)]);
  const r = await interleave(
    {
      'node -e 0': nodeE0,
      'verify (10,000 versions, 2 of 3)': () =>
        run(NODE, cliArgs('verify', 'triv@v1.0.0', ...keys, '--threshold', '2', '--manifest', m.file), {
          cwd: main.repo,
          env,
        }).then((x) => x.ms),
      'verify (3 versions, 1 key)': () =>
        run(NODE, cliArgs('verify', 'triv@v1.0.0', '--trusted-key', main.pub), { cwd: main.repo, env }).then(
          (x) => x.ms,
        ),
    },
    CFG.cliReps,
    1,
  );
  const big = r['verify (10,000 versions, 2 of 3)'].median;
  const small = r['verify (3 versions, 1 key)'].median;
  row(
    S,
    '`verifyManifest`, 10,000 versions, 3 signatures, threshold 2 (in-process, warm)',
    fmtMs(m.warmMs),
    '',
    '',
    '< 100 ms',
    verdict(m.warmMs < 100, `${fmtMs(m.warmMs - 100)} over`),
  );
  row(S, 'same, first call in a fresh process', fmtMs(m.coldMs), '', '', '', '');
  row(
    S,
    'CLI `verify` end to end against it',
    fmtMs(big),
    `\`node -e 0\` ${fmtMs(r['node -e 0'].median)}`,
    fmtRatio(big / r['node -e 0'].median),
  );
  row(
    S,
    'CLI `verify` against the 3-version manifest',
    fmtMs(small),
    '',
    fmtRatio(small / r['node -e 0'].median),
    '',
    '',
  );
  note(
    S,
    `Built with the project's modules (\`scripts/bench/inproc.mjs\`): 9,999 synthetic versions (100 names x 100 versions, every 50th yanked) as the previous payload, then the real \`triv@v1.0.0\` appended by \`appendRelease\` and signed with 3 fresh keys by \`signManifest\`: ${(m.envelopeBytes / 1e6).toFixed(2)} MB envelope, ${(m.payloadBytes / 1e6).toFixed(2)} MB payload, ${m.versions} versions, ${m.signatures} signatures. \`verifyManifest\` with the 3 keys trusted and threshold 2: median of ${CFG.manifestReps} calls after 3 warm-up calls (all: ${m.warmAll.map((x) => x.toFixed(1)).join(', ')} ms).`,
  );
  note(S, '');
  note(S, 'The same work piece by piece (warm medians):');
  for (const [k, v] of Object.entries(m.parts)) note(S, `- ${k}: ${fmtMs(v)}`);
  note(S, '');
  note(
    S,
    `CLI \`verify\` (resolve the tag, digest, read keys, verify the manifest), medians of ${CFG.cliReps} interleaved runs: the 10,000-version manifest costs ${fmtMs(big - small)} more end to end than the 3-version one.`,
  );
  const heaviest = Object.entries(m.parts).sort((a, b) => b[1] - a[1])[0];
  where.push(
    `**Manifest** (${fmtMs(m.warmMs)} warm in-process${m.warmMs < 100 ? ', target met' : `, target missed by ${fmtMs(m.warmMs - 100)}`}; ${fmtMs(m.coldMs)} on the first call): the largest piece is ${heaviest[0]} (${fmtMs(heaviest[1])}); end to end the CLI pays ${fmtMs(big - small)} over a tiny manifest.`,
  );
});

// ---------------------------------------------------------------------------------------------
// 5. Action start-up
await section('5. Action start-up', async () => {
  const S = '5. Action start-up';
  const sizes = [];
  for (const d of ['cli', 'main', 'post']) {
    for (const f of readdirSync(join(SNAP, 'dist', d))
      .filter((f) => f.endsWith('.js'))
      .sort()) {
      sizes.push({ file: `dist/${d}/${f}`, bytes: statSync(join(SNAP, 'dist', d, f)).size });
    }
  }
  const chunkOf = (f) => readFileSync(join(SNAP, 'dist', 'main', f), 'utf8');
  const what = (f) => {
    if (f === 'index.js') return 'entry';
    const c = chunkOf(f);
    return c.includes('DefaultArtifactClient')
      ? '@actions/artifact (+ Azure storage SDK)'
      : c.includes('getOctokit')
        ? '@actions/github (octokit)'
        : 'chunk';
  };
  note(S, '| bundle | size | contents |');
  note(S, '| --- | --- | --- |');
  for (const s of sizes)
    note(
      S,
      `| ${s.file} | ${fmtMiB(s.bytes)} (${s.bytes} B) | ${s.file.startsWith('dist/main/') ? what(basename(s.file)) : s.file.endsWith('/index.js') ? 'entry' : 'chunk'} |`,
    );
  const total = (d) => sizes.filter((s) => s.file.startsWith(`dist/${d}/`)).reduce((a, b) => a + b.bytes, 0);
  row(
    S,
    'bundle sizes',
    `cli ${fmtMiB(total('cli'))}; main ${fmtMiB(sizes.find((s) => s.file === 'dist/main/index.js').bytes)} + chunks ${fmtMiB(total('main') - sizes.find((s) => s.file === 'dist/main/index.js').bytes)}; post ${fmtMiB(sizes.find((s) => s.file === 'dist/post/index.js').bytes)} + chunks`,
    '',
    '',
    '',
    '',
  );

  let runNo = 0;
  const actionEnv = (extra) => {
    runNo++;
    const rt = join(tmp, `runner-${runNo}`);
    sh('mkdir', ['-p', rt]);
    for (const f of ['output', 'state', 'summary']) writeFileSync(join(rt, f), '');
    return {
      ...cleanEnv(),
      INPUT_REMEDIATION: 'stamp@v1.0.0',
      'INPUT_TRUSTED-KEYS': 'release.pub',
      INPUT_MANIFEST: 'remediations/manifest.json',
      INPUT_PUBLISH: 'none',
      GITHUB_WORKSPACE: main.repo,
      RUNNER_TEMP: rt,
      GITHUB_OUTPUT: join(rt, 'output'),
      GITHUB_STATE: join(rt, 'state'),
      GITHUB_STEP_SUMMARY: join(rt, 'summary'),
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_RUN_ID: String(runNo),
      ...extra,
    };
  };
  const stampFile = join(main.repo, 'first-step');
  const firstStep = async (cmd, args, e) => {
    rmSync(stampFile, { force: true });
    const x = await run(cmd, args, { cwd: main.repo, env: e });
    if (!existsSync(stampFile)) throw new Error(`no step ran: ${x.stdout.slice(-500)}`);
    return { ms: Number(BigInt(readFileSync(stampFile, 'utf8').trim()) - x.startNs) / 1e6, total: x.ms };
  };
  const r = await interleave(
    {
      'node -e 0': nodeE0,
      action: () => firstStep(NODE, [MAIN], actionEnv()),
      cli: () =>
        firstStep(NODE, cliArgs('run', 'stamp@v1.0.0', '--trusted-key', main.pub, '--out', outDir), {
          ...env,
          GITHUB_WORKSPACE: main.repo,
        }),
      'action dry run': () =>
        run(NODE, [MAIN], { cwd: main.repo, env: actionEnv({ 'INPUT_DRY-RUN': 'true' }) }).then((x) => x.ms),
    },
    CFG.startupReps,
    1,
  );
  rmSync(stampFile, { force: true });
  const base = r['node -e 0'].median;
  const totals = r.action.results.map((x) => x.total);
  {
    const profDir = join(tmp, 'prof-action');
    await run(NODE, ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-interval', '200', MAIN], {
      cwd: main.repo,
      env: actionEnv(),
    });
    rmSync(stampFile, { force: true });
    const prof = summarise(loadProfile(profDir), {
      'compile the bundle source (V8 parse)': (f) => f.functionName === 'compileSourceTextModule',
      'evaluate bundled modules': (f) => f.functionName === '__nccwpck_require__',
      'definition parse (YAML + precompiled validator)': (f) => f.functionName === 'parseDefinition',
      'spawning child processes': (f) => f.functionName === 'spawn' && /child_process/.test(f.url),
    });
    note(S, '');
    note(
      S,
      `CPU profile of one Action main step (publish: none; 200 us sampling; shares, not absolute times): span ${fmtMs(prof.totalMs)}; ${Object.entries(
        prof.inclusive,
      )
        .map(([g, ms]) => `${g} ${fmtMs(ms)} (${((100 * ms) / prof.totalMs).toFixed(0)}%)`)
        .join('; ')}; top self: ${prof.self
        .slice(0, 5)
        .map((x) => `${x.label} ${fmtMs(x.ms)}`)
        .join('; ')}.`,
    );
  }
  row(
    S,
    '`node dist/main/index.js` start -> first step running (publish: none)',
    fmtMs(r.action.median),
    `\`node -e 0\` ${fmtMs(base)}`,
    fmtRatio(r.action.median / base),
    '',
    '',
  );
  row(S, 'same, CLI `run`', fmtMs(r.cli.median), '', fmtRatio(r.cli.median / base), '', '');
  row(
    S,
    'whole Action main step (publish: none) / dry run',
    `${fmtMs(median(totals))} / ${fmtMs(r['action dry run'].median)}`,
    '',
    `${fmtRatio(median(totals) / base)} / ${fmtRatio(r['action dry run'].median / base)}`,
    '',
    '',
  );

  // Which modules and files are loaded? A load hook (--import) and, when available, strace.
  const loads = async (extra, label) => {
    const file = join(tmp, `loads-${runNo + 1}.txt`);
    const e = actionEnv({ ...extra, BENCH_LOADS_FILE: file });
    const x = await run(NODE, ['--import', join(BENCH, 'trace-loads.mjs'), MAIN], {
      cwd: main.repo,
      env: e,
      allowFail: true,
      timeoutMs: 120_000,
    });
    const urls = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    const chunks = urls
      .filter((u) => u.startsWith('file:') && /\/\d+\.index\.js$/.test(u))
      .map((u) => basename(new URL(u).pathname));
    let opened = null;
    if (hasStrace) {
      const trace = join(tmp, `openat-${runNo}.trace`);
      const e2 = actionEnv(extra);
      await run('strace', ['-f', '-qq', '-e', 'trace=open,openat', '-o', trace, NODE, MAIN], {
        cwd: main.repo,
        env: e2,
        allowFail: true,
        timeoutMs: 120_000,
      });
      opened = [
        ...new Set(
          readFileSync(trace, 'utf8')
            .split('\n')
            .filter((l) => /dist\/main\/\d+\.index\.js/.test(l) && !/= -1 /.test(l))
            .map((l) => /dist\/main\/(\d+\.index\.js)/.exec(l)[1]),
        ),
      ];
    }
    note(
      S,
      `- ${label}: exit ${x.code}; ESM loader loaded ${urls.length} modules, chunks: ${chunks.length ? chunks.map((c) => `\`${c}\``).join(', ') : 'none'}${opened ? `; strace saw chunk files opened: ${opened.length ? opened.map((c) => `\`${c}\``).join(', ') : 'none'}` : ''}.`,
    );
    return { chunks, opened };
  };
  note(S, '');
  note(
    S,
    `Time to first step: the \`stamp\` step runs \`date +%s%N > "$GITHUB_WORKSPACE/first-step"\`; the figure is that time minus the wall-clock time just before \`spawn\`. The Action runs the way a runner starts it (INPUT_* variables, GITHUB_WORKSPACE = the repository, RUNNER_TEMP, GITHUB_OUTPUT/STATE/STEP_SUMMARY files, GITHUB_REPOSITORY=o/r, GITHUB_RUN_ID), manifest from the workspace, trusted key as a workspace path. Medians of ${CFG.startupReps} interleaved runs.`,
  );
  note(S, '');
  note(
    S,
    'Modules loaded (load hook `scripts/bench/trace-loads.mjs` via `node --import`, which records every URL the ESM loader loads; cross-checked with `strace -f -e trace=open,openat`):',
  );
  const dry = await loads({ 'INPUT_DRY-RUN': 'true' }, '`dry-run: true`');
  const none = await loads({}, '`publish: none`, real run');
  const art = await loads(
    { INPUT_PUBLISH: 'artifact' },
    '`publish: artifact` (positive control: no ACTIONS_RUNTIME_TOKEN, so the upload fails after loading the client)',
  );
  const artifactChunk = readdirSync(join(SNAP, 'dist', 'main')).find(
    (f) => /^\d+\.index\.js$/.test(f) && chunkOf(f).includes('DefaultArtifactClient'),
  );
  const dryLoadsArtifact = dry.chunks.includes(artifactChunk) || (dry.opened ?? []).includes(artifactChunk);
  const controlWorks = art.chunks.includes(artifactChunk);
  row(
    S,
    'dry run loads the artifact client?',
    dryLoadsArtifact
      ? `**yes** (\`${artifactChunk}\`)`
      : `no (chunks loaded: ${dry.chunks.length ? dry.chunks.join(', ') : 'none'})`,
    '',
    '',
    'not loaded',
    controlWorks ? verdict(!dryLoadsArtifact, 'loaded') : 'inconclusive (control did not load it)',
  );
  note(S, '');
  note(
    S,
    `The positive control ${controlWorks ? 'loaded' : 'did **not** load'} \`${artifactChunk}\`, so the hook ${controlWorks ? 'does see chunk loads' : 'may be blind to chunks'}; the real run with publish: none loaded ${none.chunks.length ? none.chunks.join(', ') : 'no chunk'}.`,
  );
  where.push(
    `**Action start-up**: the main step reaches its first step ${fmtMs(r.action.median)} after process start (${fmtRatio(r.action.median / base)} of \`node -e 0\`; CLI ${fmtMs(r.cli.median)}); its entry bundle is ${fmtMiB(sizes.find((s) => s.file === 'dist/main/index.js').bytes)} against the CLI's ${fmtMiB(total('cli'))}, and the chunks are ${dryLoadsArtifact ? 'loaded even on a dry run' : 'not loaded on a dry run or with publish: none'}.`,
  );
});

await section('6. GitHub API calls per run', async () => {
  const S = '6. GitHub API calls per run';
  // A cost, not a time: counted by the REST double (scripts/bench/api-calls.mjs), so it is exact.
  const x = await run(NODE, [join(BENCH, 'api-calls.mjs'), '--main', MAIN, '--json'], { timeoutMs: 600_000 });
  if (x.code !== 0) throw new Error(`api-calls.mjs failed: ${x.stderr.slice(-500)}`);
  const results = JSON.parse(x.stdout.trim().split('\n').pop());
  const base = results[0];
  for (const r of results) {
    // Only the scenario that differs from the first by history alone has a verdict.
    const comparable = r !== base && r.publish === base.publish && r.files === base.files;
    row(
      S,
      `REST calls of one Action run: ${r.what}`,
      String(r.total),
      comparable ? `no past runs: ${base.total}` : '',
      comparable ? `${(r.total / base.total).toFixed(2)}x` : '',
      comparable ? 'same as with no history' : '',
      comparable ? verdict(r.total === base.total, `grows with history (${r.total} vs ${base.total})`) : '',
    );
    note(
      S,
      `- ${r.what}: ${Object.entries(r.byOperation)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}.`,
    );
  }
  note(
    S,
    `Counted with \`node_modules/.bin/node scripts/bench/api-calls.mjs\` against the local REST double (checked against GitHub's OpenAPI description; no OpenAPI violation seen). The run verifies \`svc@v1.0.0\` with \`manifest: release\`. Reading through the API adds one call per file of the remediation (blobs, 8 in flight), independent of history.`,
  );
  where.push(
    `**API cost**: ${base.total} REST calls per run with no history and ${results[1].total} with 5,000 past run releases; publishing a per-run release adds ${results[3].total - results[1].total}.`,
  );
});

// ---------------------------------------------------------------------------------------------
const elapsed = (performance.now() - started) / 1000;
const cpuModel =
  (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? cpus()[0]?.model ?? 'unknown';
const opensslVersion = (() => {
  try {
    return execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'not found';
  }
})();
const gitVersion = sh('git', ['--version']).trim();
const command = `node_modules/.bin/node scripts/bench.mjs${QUICK ? ' --quick' : ''}`;
const md = [];
md.push('# Benchmarks', '');
md.push(
  `Generated by \`${command}\` (\`npm run bench\`${QUICK ? ' -- --quick' : ''}) on ${new Date().toISOString()}; the run took ${elapsed.toFixed(0)} s. ${QUICK ? '**Quick run**: smaller sizes, fewer repetitions.' : 'Full run.'}`,
  '',
);
md.push('| machine | |', '| --- | --- |');
md.push(`| CPU | ${cpuModel}, ${cpus().length} cores |`);
md.push(`| memory | ${(totalmem() / 2 ** 30).toFixed(1)} GiB |`);
md.push(`| OS | Linux ${osRelease()} |`);
md.push(
  `| Node | ${process.version} (${process.execPath.replace(ROOT + '/', '')}), its OpenSSL ${process.versions.openssl} |`,
);
md.push(`| openssl CLI | ${opensslVersion} |`);
md.push(`| git | ${gitVersion} |`);
md.push(`| tools | strace ${hasStrace ? 'used' : 'not available'}; perf ${hasPerf ? 'used' : 'not available'} |`);
md.push(`| code measured | ${buildInfo} (a copy of dist/ and src/ taken at the start) |`, '');
if (snapWarning) md.push(`**Warning:** ${snapWarning}`, '');
md.push(
  'Every figure is a median of several runs, with the baseline measured in the same invocation, interleaved with it. Targets are from DESIGN.md ("Performance") and the benchmark brief; a missed target is reported, not hidden.',
  '',
);
md.push('## Results', '');
md.push(
  '| # | measurement | result | baseline | ratio | target | verdict |',
  '| --- | --- | --- | --- | --- | --- | --- |',
);
const cell = (x) => String(x).replaceAll('|', '\\|');
for (const r of rows)
  md.push(
    `| ${r.section.split('.')[0]} | ${[r.what, r.value, r.baseline, r.ratio, r.target, r.verdict].map(cell).join(' | ')} |`,
  );
md.push('');
md.push('## Where the time goes', '');
for (const w of where) md.push(`- ${w}`);
md.push('');
for (const [name, lines] of Object.entries(sections)) {
  md.push(`## ${name}`, '', ...lines, '');
}
if (errors.length) {
  md.push('## Errors', '', ...errors.map((e) => `- ${e.split('\n')[0]}`), '');
}
if (ONLY) log(`--only ${[...ONLY].join(',')}: BENCHMARKS.md left as it was`);
else {
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), md.join('\n'));
  log(`wrote BENCHMARKS.md in ${elapsed.toFixed(1)} s`);
}
console.log(md.slice(md.indexOf('## Results'), md.indexOf('## Where the time goes') + where.length + 3).join('\n'));
cleanup();
process.exit(errors.length ? 1 : 0);
