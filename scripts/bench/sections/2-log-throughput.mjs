// Section 2: log throughput. A step prints a large log with secrets in it; the CLI redacts,
// hashes and records it. Set against openssl hashing the same bytes, native tools doing the same
// job without redaction, and a Node floor; then the record is checked (verify-run, no secret in
// it), and a CPU profile says where the time goes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { loadProfile, loadWorkerProfiles, summarise, topCallers } from '../cpuprof.mjs';
import { verdict } from '../report.mjs';
import { randomSecret, SECRET_NAMES } from '../setup.mjs';
import { cpuMs, fmtMiB, fmtMs, interleave, mbps, median, NODE, run } from '../util.mjs';

export const name = '2. Log throughput';

/** Size of the log in the profiled run (and the smaller peak-RSS run of a full benchmark). */
const PROFILE_LOG_BYTES = 64 << 20;

// Profile group of the redaction time. The recorder redacts through InterleavedRedactor.push,
// which runs each stream's and the joins' RedactionState.push; StreamRedactor.push is the
// one-stream form. All are matched by the name `push` in the CLI bundle, which is exact as long as
// the bundle files a `run` loads define no other function of that name (none did when this was
// written; the top-self table's `push (file:line)` rows show which ones ran).
const REDACTION = 'redaction (StreamRedactor/InterleavedRedactor push)';

/**
 * Measures and reports section 2. `trivialRun` is what section 1 returned ({ runMs, rssMiB }), or
 * empty when section 1 did not run: the log run is then not set against the trivial one.
 */
export async function measure(ctx, report, trivialRun = {}) {
  const { cfg, tmp, benchDir, repo, env, hasStrace, hasPerf, cliArgs } = ctx;
  const secrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, randomSecret()]));
  const secretEnv = { ...env, ...secrets };
  const gen = join(repo.dir, 'remediations', 'loud', 'gen-log.mjs');
  const N = cfg.logBytes;
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

  const runLoud = async (bytes, out, extraNodeArgs = [], extraArgs = []) => {
    rmSync(out, { recursive: true, force: true });
    return run(
      NODE,
      [
        ...extraNodeArgs,
        ...cliArgs(
          'run',
          'loud@v1.0.0',
          '--trusted-key',
          repo.pub,
          '--param',
          `bytes=${bytes}`,
          '--out',
          out,
          ...extraArgs,
        ),
      ],
      {
        cwd: repo.dir,
        env: secretEnv,
        timeoutMs: timeout,
        pollRss: true,
      },
    );
  };
  const recOut = join(tmp, 'loud-records');
  const signedOut = join(tmp, 'loud-signed-records');
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
        return run(NODE, [join(benchDir, 'node-floor.mjs'), gen, String(N), join(tmp, 'floor.bin')], {
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
      // The receipt hashes the closed record (the whole log once more) and signs it.
      'remediate --sign-key': () =>
        quiet(signedOut) ?? runLoud(N, signedOut, [], ['--sign-key', repo.key]).then((x) => x.ms),
    },
    cfg.logReps,
    1,
  );
  const rssAll = r.remediate.results.map((x) => x.rssKiB);
  const rss = Math.max(...rssAll);

  // The record must be intact and must not contain any secret.
  const recDir = join(
    recOut,
    readdirSync(recOut).find((d) => d.startsWith('loud-')),
  );
  // Pinned to the snapshot as found: the check here is the record's consistency.
  const pin = `sha256:${createHash('sha256')
    .update(readFileSync(join(recDir, 'snapshot.json')))
    .digest('hex')}`;
  const vr = await run(NODE, cliArgs('verify-run', recDir, '--snapshot-digest', pin), {
    env,
    allowFail: true,
    timeoutMs: timeout,
  });
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
  report.row(
    `\`run\` of a step printing ${fmtMiB(N)} (10 secrets declared)`,
    `${tput.toFixed(0)} MB/s (${fmtMs(t)})`,
    `\`openssl dgst -sha256\` ${sslTput.toFixed(0)} MB/s (${fmtMs(r.openssl.median)})`,
    `${ratio.toFixed(2)} of openssl`,
    '>= 0.5 of openssl',
    verdict(ratio >= 0.5, `${(0.5 / ratio).toFixed(1)}x too slow; needs ${(sslTput / 2).toFixed(0)} MB/s`),
  );
  report.row(
    'the same `run` with `--sign-key` (the receipt hashes the closed record, the log once more, and signs it)',
    `${mbps(N, r['remediate --sign-key'].median).toFixed(0)} MB/s (${fmtMs(r['remediate --sign-key'].median)})`,
    `\`run\` ${fmtMs(r.remediate.median)}`,
    `${(r['remediate --sign-key'].median / r.remediate.median).toFixed(2)}x the time`,
    '',
    '',
  );
  report.row(
    'the step alone: generator > /dev/null (its CPU cost; /dev/null writes are free)',
    `${mbps(N, r['generator > /dev/null'].median).toFixed(0)} MB/s (${fmtMs(r['generator > /dev/null'].median)})`,
    '',
    '',
    '',
    '',
  );
  report.row(
    'the step alone through a pipe: generator | cat',
    `${mbps(N, r['generator | cat > /dev/null'].median).toFixed(0)} MB/s (${fmtMs(r['generator | cat > /dev/null'].median)})`,
    '',
    '',
    '',
    '',
  );
  report.row(
    'Node floor: read the step through a pipe, sha256 and write every byte, fsync (no redaction, no chain; `scripts/bench/node-floor.mjs`)',
    `${mbps(N, r['node floor'].median).toFixed(0)} MB/s (${fmtMs(r['node floor'].median)})`,
    '',
    `remediate at ${(r['node floor'].median / r.remediate.median).toFixed(2)} of it`,
    '',
    '',
  );
  rmSync(join(tmp, 'tee.bin'), { force: true });
  report.row(
    'the same job with native tools (no redaction, no chain): `generator | tee <file> | openssl dgst -sha256`, then `sync <file>`',
    `${mbps(N, r['native tee + openssl + sync'].median).toFixed(0)} MB/s (${fmtMs(r['native tee + openssl + sync'].median)})`,
    '',
    `remediate at ${(r['native tee + openssl + sync'].median / r.remediate.median).toFixed(2)} of it`,
    '',
    '',
  );
  report.row(
    'writing the same bytes durably: `cp` + `sync <file>`',
    `${mbps(N, r['cp + fsync of the bytes'].median).toFixed(0)} MB/s (${fmtMs(r['cp + fsync of the bytes'].median)})`,
    '',
    '',
    '',
    '',
  );
  rmSync(join(tmp, 'copy.bin'), { force: true });
  report.row(
    'peak RSS of the `remediate` process',
    [`${(rss / 1024).toFixed(0)} MiB at ${fmtMiB(N)}`, ...rssBySize].join('; ') +
      (trivialRun.rssMiB !== undefined ? ` (trivial run: ${trivialRun.rssMiB.toFixed(0)} MiB)` : ''),
    '',
    '',
    '< 150 MB',
    verdict(rss * 1024 < 150e6, `${((rss * 1024) / 1e6).toFixed(0)} MB`),
  );
  report.row(
    'record check: `verify-run`, secrets grep',
    `intact; 0 of ${forms.length} secret forms found; ${redacted}/${planted} planted secrets shown as \`***\``,
    '',
    '',
    '',
    vr.code === 0 ? 'ok' : 'FAILED',
  );

  report.note(
    `Input: ${fmtMiB(N)} (${N} bytes) from \`scripts/bench/gen-log.mjs\` (shipped in the remediation): rotating 1 MiB blocks of lines 0-8,000 characters long (most under 100), one line in 397 carrying \`token=<secret>\` (S1, S3, S7 raw, S2 as base64), ending with a ${fmtMiB(Math.min(1 << 20, Math.floor(N / 8)))} line without newline that also holds S1. S1..S10 are random 20-character values passed in the environment and declared as \`secrets\`.`,
  );
  report.note(
    `Medians of ${cfg.logReps} interleaved runs after one warm-up round. \`remediate\` time is the whole CLI process (start-up, verification, the generator step, redaction, hashing, writing ${fmtMiB(logSize)} of run.log in ${snapshot.log?.blocks ?? '?'} blocks, snapshot). openssl hashes the same bytes from a file in the page cache. Peak RSS is VmHWM of the \`remediate\` process (not its children), polled from /proc every 10 ms; per run: ${rssAll.map((k) => `${(k / 1024).toFixed(0)} MiB`).join(', ')}. Every run's time, to show the spread on this shared machine: remediate ${r.remediate.all.map((ms) => fmtMs(ms)).join(', ')}; native tools ${r['native tee + openssl + sync'].all.map((ms) => fmtMs(ms)).join(', ')}; openssl ${r.openssl.all.map((ms) => fmtMs(ms)).join(', ')}. Each measure starts after the files earlier ones wrote are removed and \`sync\` has run (untimed).`,
  );
  report.note(
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
        ...cliArgs('run', 'loud@v1.0.0', '--trusted-key', repo.pub, '--param', `bytes=${N}`, '--out', out),
      ],
      { cwd: repo.dir, env: secretEnv, timeoutMs: timeout },
    );
    fsyncMs = readFileSync(trace, 'utf8')
      .split('\n')
      .map((l) => /fsync\(.*<([\d.]+)>$/.exec(l))
      .filter(Boolean)
      .reduce((a, m) => a + Number(m[1]) * 1000, 0);
    rmSync(out, { recursive: true, force: true });
    report.row('`fsync` calls of one `run` (strace -T)', fmtMs(fsyncMs), '', '', '', '');
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
          cliArgs('run', 'loud@v1.0.0', '--trusted-key', repo.pub, '--param', `bytes=${N}`, '--out', recOut),
          { cwd: repo.dir, env: secretEnv, timeoutMs: timeout },
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
    report.row(
      `CPU time of one \`run\` and its step (\`perf stat -e task-clock\`, median of 3; the step alone through a pipe: ${fmtMs(step.cpu)})`,
      `${fmtMs(cpu)} on ${cores} cores`,
      '',
      `even spread perfectly: >= ${fmtMs(cpu / cores)} wall = ${(N / 1e6 / (cpu / cores / 1000) / sslTput).toFixed(2)} of openssl`,
      `0.5 of openssl allows ${fmtMs(allowed)}`,
      '',
    );
    report.where(
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
    [REDACTION]: (f) => inBundle(f) && f.functionName === 'push',
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
  report.note('');
  report.note(
    `The main thread's CPU profile of one ${fmtMiB(PROFILE_LOG_BYTES)} run (\`--cpu-prof\`, wall ${fmtMs(pr.ms)} with the profiler): span ${fmtMs(prof.totalMs)}, idle ${fmtMs(idle)}. The hashing worker thread spent ${fmtMs(workerBusy)} hashing in the same run. Top self time on the main thread (share of non-idle):`,
  );
  report.note('');
  report.note('| function (file:line) | self | share | called from (nearest bundle function) |');
  report.note('| --- | --- | --- | --- |');
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
    report.note(`| ${s.label} | ${fmtMs(s.ms)} | ${((100 * s.ms) / busy).toFixed(0)}% | ${c} |`);
  }
  report.note('');
  report.note(
    'Inclusive time (a sample counts when the function is anywhere on the stack), share of the non-idle time:',
  );
  for (const [g, ms] of Object.entries(prof.inclusive))
    report.note(`- ${g}: ${fmtMs(ms)} (${((100 * ms) / busy).toFixed(0)}%)`);
  report.note(`- garbage collector: ${fmtMs(gc)} (${((100 * gc) / busy).toFixed(0)}%)`);
  const top = prof.self.filter((x) => x.label !== '(idle)').slice(0, 3);
  report.where(
    `**Log throughput** (${tput.toFixed(0)} MB/s = ${ratio.toFixed(2)} of openssl's ${sslTput.toFixed(0)} MB/s${ratio >= 0.5 ? ', target met' : `, target missed by ${(0.5 / ratio).toFixed(1)}x`}; peak RSS ${(rss / 1024).toFixed(0)} MiB): ` +
      `the step itself produces the bytes at ${mbps(N, r['generator | cat > /dev/null'].median).toFixed(0)} MB/s through a pipe, so ${mbps(N, r['generator | cat > /dev/null'].median) > tput * 1.5 ? 'the generator is not the limit' : 'the generator is close to the limit'}; ` +
      (trivialRun.runMs !== undefined
        ? `without the fixed cost of a trivial run (${fmtMs(trivialRun.runMs)}, section 1) the streaming rate is ${mbps(N, t - trivialRun.runMs).toFixed(0)} MB/s; `
        : '') +
      `in the ${fmtMiB(PROFILE_LOG_BYTES)} profile the remediate process is ${((100 * idle) / prof.totalMs).toFixed(0)}% idle (waiting for the step's output, git or bash), pipe reads and their handlers take ${((100 * prof.inclusive['pipe reads and everything they trigger (onStreamRead)']) / busy).toFixed(0)}% of the busy time, redaction ${((100 * prof.inclusive[REDACTION]) / busy).toFixed(0)}%, writeSync ${((100 * prof.inclusive['block cut: writeSync of run.log and chain (writeFully)']) / busy).toFixed(0)}%, block hashing on this thread ${((100 * prof.inclusive['block hashing on this thread (sha256Hex: before the worker starts, full ring, flush)']) / busy).toFixed(0)}% (the hashing worker spent ${fmtMs(workerBusy)} hashing), GC ${((100 * gc) / busy).toFixed(0)}%, and the busiest functions are ${top.map((s) => `${s.label} (${((100 * s.ms) / busy).toFixed(0)}%)`).join(', ')}.`,
  );
  rmSync(recOut, { recursive: true, force: true });
  rmSync(dataFile, { force: true });
}
