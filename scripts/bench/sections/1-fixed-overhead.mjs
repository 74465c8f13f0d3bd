// Section 1: the fixed overhead of a trivial run (verify + one `true` step + record), against
// `node -e 0`, taken apart: start-up, bundle load, resolve and verify, step and record; the
// processes it starts (strace), the modules it loads, and a CPU profile.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { URL } from 'node:url';
import { loadProfile, summarise } from '../cpuprof.mjs';
import { verdict } from '../report.mjs';
import { fmtMiB, fmtMs, fmtRatio, interleave, median, NODE, run, sh } from '../util.mjs';

export const name = '1. Fixed overhead';

/**
 * Measures and reports section 1. Returns the trivial run's median wall time (`runMs`) and its peak
 * RSS in MiB (`rssMiB`, undefined without strace), which section 2 sets the log run against.
 */
export async function measure(ctx, report) {
  const { cfg, tmp, benchDir, cli, repo, env, outDir, hasStrace, cliArgs, inprocEnv } = ctx;
  const runTriv = (...extra) =>
    run(NODE, cliArgs('run', 'triv@v1.0.0', '--trusted-key', repo.pub, '--out', outDir, ...extra), {
      cwd: repo.dir,
      env,
      pollRss: true,
    });
  const r = await interleave(
    {
      'node -e 0': () => run(NODE, ['-e', '0'], { pollRss: true }),
      'cli --version': () => run(NODE, cliArgs('--version'), { env }).then((x) => x.ms),
      'run --dry-run': () => runTriv('--dry-run').then((x) => x.ms),
      run: () => runTriv(),
      // Any Ed25519 key signs a receipt; the release key is the one at hand.
      'run --sign-key': () => runTriv('--sign-key', repo.key).then((x) => x.ms),
    },
    cfg.startupReps,
    2,
  );
  // Time from process start until the step's own process starts (the step writes `date +%s%N`).
  const stampFile = join(repo.dir, 'first-step');
  const stampEnv = { ...env, GITHUB_WORKSPACE: repo.dir };
  const firstStep = async (cmd, args, e) => {
    rmSync(stampFile, { force: true });
    const x = await run(cmd, args, { cwd: repo.dir, env: e });
    return { ms: Number(BigInt(readFileSync(stampFile, 'utf8').trim()) - x.startNs) / 1e6, total: x.ms };
  };
  const fs1 = await interleave(
    {
      'cli first step': () =>
        firstStep(NODE, cliArgs('run', 'stamp@v1.0.0', '--trusted-key', repo.pub, '--out', outDir), stampEnv),
      'bash step alone': () =>
        firstStep(
          'bash',
          ['--noprofile', '--norc', '-euo', 'pipefail', '-c', 'date +%s%N > "$GITHUB_WORKSPACE/first-step"'],
          stampEnv,
        ),
    },
    cfg.startupReps,
    1,
  );
  rmSync(stampFile, { force: true });
  const base = r['node -e 0'].median;
  const ratio = r.run.median / base;
  report.row(
    'trivial `run` (verify + one `true` step + record)',
    fmtMs(r.run.median),
    `\`node -e 0\` ${fmtMs(base)}`,
    fmtRatio(ratio),
    '<= 3x',
    verdict(ratio <= 3, `${fmtRatio(ratio / 3)} over; ${fmtMs(r.run.median - 3 * base)} above 3x`),
  );
  report.row(
    'trivial `run --sign-key` (the same, plus hashing the closed record and signing its receipt)',
    fmtMs(r['run --sign-key'].median),
    `\`run\` ${fmtMs(r.run.median)}`,
    fmtRatio(r['run --sign-key'].median / r.run.median),
  );
  report.row(
    `\`--version\` (start-up + load the ${fmtMiB(statSync(cli).size)} bundle)`,
    fmtMs(r['cli --version'].median),
    'node -e 0',
    fmtRatio(r['cli --version'].median / base),
  );
  report.row(
    '`run --dry-run` (resolve, digest, verify; no step, no record)',
    fmtMs(r['run --dry-run'].median),
    'node -e 0',
    fmtRatio(r['run --dry-run'].median / base),
  );
  report.row(
    'process start -> first step running (`stamp`)',
    fmtMs(fs1['cli first step'].median),
    `bash step alone ${fmtMs(fs1['bash step alone'].median)}`,
    fmtRatio(fs1['cli first step'].median / base) + ' of node -e 0',
  );

  report.note(
    `Medians of ${cfg.startupReps} interleaved runs after 2 warm-up rounds; wall time from \`spawn\` to exit, measured by the benchmark (Node ${process.version}, the same binary for every process).`,
  );
  report.note('');
  report.note('| piece | median | how it was measured |');
  report.note('| --- | --- | --- |');
  report.note(`| Node start-up | ${fmtMs(base)} | \`node -e 0\` |`);
  report.note(
    `| load + evaluate the CLI bundle | ${fmtMs(r['cli --version'].median - base)} | \`--version\` minus \`node -e 0\` |`,
  );
  report.note(
    `| resolve tag, digest from git, verify manifest, parse definition | ${fmtMs(r['run --dry-run'].median - r['cli --version'].median)} | \`run --dry-run\` minus \`--version\` |`,
  );
  report.note(
    `| run the step, write and close the record | ${fmtMs(r.run.median - r['run --dry-run'].median)} | \`run\` minus \`run --dry-run\` |`,
  );
  report.note(
    `| process start -> step running | ${fmtMs(fs1['cli first step'].median)} | \`stamp\` step writes \`date +%s%N\`; minus the spawn time |`,
  );
  report.note(
    `| step after first-step stamp -> exit | ${fmtMs(fs1['cli first step'].results.map((x) => x.total).sort((a, b) => a - b)[fs1['cli first step'].results.length >> 1] - fs1['cli first step'].median)} | total wall of the \`stamp\` run minus the above (approx.) |`,
  );
  report.note(
    `| a bash step on its own | ${fmtMs(fs1['bash step alone'].median)} | \`bash --noprofile --norc -euo pipefail -c 'date ...'\`, same stamp method |`,
  );

  // Child processes, by strace (execve) of one run.
  let gitCount;
  let gitTotal;
  let rss;
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
        ...cliArgs('run', 'triv@v1.0.0', '--trusted-key', repo.pub, '--out', outDir),
      ],
      { cwd: repo.dir, env },
    );
    const execs = readFileSync(traceFile, 'utf8')
      .split('\n')
      .filter((l) => /execve\("[^"]*", \[.*?\]/.test(l) && !/= -1 /.test(l))
      .map((l) => JSON.parse(`[${/execve\("[^"]*", \[(.*?)\]/.exec(l)[1]}]`));
    const children = execs.slice(1);
    const gits = children.filter((a) => basename(a[0]) === 'git');
    // Replay each git command on its own to see what the git processes cost.
    const tree = gits.find((a) => a[1] === 'ls-tree');
    const treeOut = tree ? sh('git', tree.slice(1), { cwd: repo.dir, env }) : '';
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
      for (let i = 0; i < 7; i++) times.push((await run('git', g.slice(1), { cwd: repo.dir, env, input })).ms);
      gitTimes.push({ cmd: g.join(' ').replace(/[0-9a-f]{40}/, '<commit>'), ms: median(times) });
    }
    gitTotal = gitTimes.reduce((a, b) => a + b.ms, 0);
    gitCount = gits.length;
    const rssOf = (k) => median(r[k].results.map((x) => x.rssKiB)) / 1024;
    rss = { node: rssOf('node -e 0'), run: rssOf('run') };
    report.row(
      'peak RSS of a trivial `run`',
      `${rss.run.toFixed(0)} MiB`,
      `\`node -e 0\` ${rss.node.toFixed(0)} MiB`,
      '',
      '',
      '',
    );
    report.row(
      `child processes of one \`run\`: ${children.length} (${gits.length} git)`,
      `git replayed: ${fmtMs(gitTotal)}`,
      '',
      '',
      '',
      '',
    );
    report.note('');
    report.note(
      `Processes started by one trivial \`run\`, from \`strace -f -e trace=execve\`: ${children.map((a) => `\`${basename(a[0])} ${a[1] ?? ''}\``).join(', ')}. Each git command replayed alone (median of 7, spawn to exit):`,
    );
    for (const g of gitTimes) report.note(`- \`${g.cmd.slice(0, 120)}\`: ${fmtMs(g.ms)}`);
  } else {
    report.note('strace is not installed: child processes were not counted.');
  }

  // In-process pieces, from the TypeScript sources (same code as the bundle).
  const parts = JSON.parse(
    (
      await run(
        NODE,
        [
          join(benchDir, 'inproc.mjs'),
          'startup-parts',
          join(repo.dir, 'remediations', 'triv', 'remediation.yml'),
          repo.manifest,
          repo.pub,
          '9',
        ],
        { env: inprocEnv() },
      )
    ).stdout,
  );
  report.note('');
  report.note('In-process, from the sources (`scripts/bench/inproc.mjs startup-parts`, one cold process):');
  report.note(
    `- first \`parseDefinition\` (YAML parse and the build-time-compiled schema validator, both running cold): ${fmtMs(parts.firstParse)}; later calls: ${fmtMs(parts.laterParse)}, so cold code costs ~ ${fmtMs(parts.firstParse - parts.laterParse)}`,
  );
  report.note(
    `- first \`verifyManifest\` of the one-key manifest (Ed25519, cold): ${fmtMs(parts.firstVerify)}; warm: ${fmtMs(parts.laterVerify)}`,
  );
  report.note(`- parsing the trusted public key: ${fmtMs(parts.firstKey)}`);

  // Which bundle files does a CLI run load? (load hook, see section 5)
  {
    const file = join(tmp, 'cli-loads.txt');
    await run(
      NODE,
      [
        '--import',
        join(benchDir, 'trace-loads.mjs'),
        ...cliArgs('run', 'triv@v1.0.0', '--trusted-key', repo.pub, '--out', outDir),
      ],
      { cwd: repo.dir, env: { ...env, BENCH_LOADS_FILE: file } },
    );
    const urls = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const files = urls.filter((u) => u.startsWith('file:')).map((u) => basename(new URL(u).pathname));
    const chunks = readdirSync(dirname(cli)).filter((f) => /^\d+\.index\.js$/.test(f));
    report.note('');
    report.note(
      `Modules a trivial \`run\` loads (load hook, as in section 5): ${urls.length} (${urls.length - files.length} \`node:\` built-ins); bundle files: ${files.map((f) => `\`${f}\``).join(', ')}${chunks.length ? `; of the CLI's chunk files (${chunks.map((c) => `\`${c}\` ${fmtMiB(statSync(join(dirname(cli), c)).size)}`).join(', ')}) it loads ${chunks.filter((c) => files.includes(c)).length}` : ''}.`,
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
      ...cliArgs('run', 'triv@v1.0.0', '--trusted-key', repo.pub, '--out', outDir),
    ],
    { cwd: repo.dir, env },
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
  const idle = prof.self.find((s) => s.label === '(idle)')?.ms ?? 0;
  report.note('');
  report.note(
    `CPU profile of one run (\`node --cpu-prof\`, 200 us sampling; profiling slows the run, so read shares, not absolute times). Profile span ${fmtMs(prof.totalMs)}, of which idle (waiting for git/bash) ${fmtMs(idle)}:`,
  );
  for (const [g, ms] of Object.entries(prof.inclusive))
    report.note(`- ${g}: ${fmtMs(ms)} (${((100 * ms) / prof.totalMs).toFixed(0)}%)`);
  report.note(
    `- top self time: ${prof.self
      .slice(0, 6)
      .map((s) => `${s.label} ${fmtMs(s.ms)}`)
      .join('; ')}`,
  );

  const over = r.run.median - 3 * base;
  report.where(
    `**Fixed overhead** (${fmtRatio(ratio)} of \`node -e 0\`${ratio <= 3 ? ', target met' : `, target 3x missed by ${fmtMs(over)}`}): ` +
      `Node itself ${fmtMs(base)}; loading the bundle adds ${fmtMs(r['cli --version'].median - base)}; resolving and verifying adds ${fmtMs(r['run --dry-run'].median - r['cli --version'].median)}, ` +
      `of which the first definition parse (YAML and validator code running cold) is ~${fmtMs(parts.firstParse - parts.laterParse)} more than a warm one (in-process measurement; ${((100 * prof.inclusive['definition parse (YAML + precompiled validator)']) / prof.totalMs).toFixed(0)}% of the profile) ` +
      `and ${gitCount ?? '?'} git processes ~${gitTotal !== undefined ? fmtMs(gitTotal) : '?'} when replayed alone; running the step and writing the record adds ${fmtMs(r.run.median - r['run --dry-run'].median)}.`,
  );
  return { runMs: r.run.median, rssMiB: rss?.run };
}
