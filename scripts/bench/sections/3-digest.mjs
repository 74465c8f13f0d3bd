// Section 3: `digest --ref HEAD` of a large remediation against sha256sum of the same files and
// against git reading the blobs alone; the CLI's digest is checked against one recomputed from
// sha256sum's output. A CPU profile and, with perf, the CPU time say where the time goes.
import { rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { loadProfile, summarise, topCallers } from '../cpuprof.mjs';
import { verdict } from '../report.mjs';
import { cleanEnv, setupDigestRepo } from '../setup.mjs';
import { cpuMs, fmtMs, fmtRatio, interleave, median, NODE, nodeE0, run, sh } from '../util.mjs';

export const name = '3. Digest';

/** Measures and reports section 3. */
export async function measure(ctx, report) {
  const { cfg, tmp, hasPerf, cliArgs } = ctx;
  const d = setupDigestRepo(tmp, cfg.digestFiles, cfg.digestBytes);
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
    cfg.digestReps,
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
  report.row(
    `\`digest --ref HEAD\`, ${d.paths.length} files, ${(d.bytes / 1e6).toFixed(1)} MB`,
    fmtMs(r.digest.median),
    `\`sha256sum\` ${fmtMs(base)}`,
    fmtRatio(ratio),
    '<= 2x sha256sum',
    verdict(ratio <= 2, `${fmtRatio(ratio / 2)} over; ${fmtMs(r.digest.median - 2 * base)} above 2x`),
  );
  report.row(
    'second baseline: `git ls-tree -r` + `git cat-file --batch`',
    fmtMs(r['git ls-tree | git cat-file --batch'].median),
    '',
    fmtRatio(r.digest.median / r['git ls-tree | git cat-file --batch'].median) + ' (digest / git)',
  );
  const git2Ms = r['git, two cat-file readers'].median;
  report.row(
    'third baseline, what `digest` does: `git ls-tree -r`, then two `git cat-file --batch --buffer` in parallel, half the blobs each',
    fmtMs(git2Ms),
    '',
    `${fmtRatio(git2Ms / base)} of sha256sum; ${fmtRatio(r.digest.median / git2Ms)} (digest / git)`,
  );
  report.row(
    'digest minus CLI start-up (`--version`)',
    fmtMs(r.digest.median - r['cli --version'].median),
    'sha256sum',
    fmtRatio((r.digest.median - r['cli --version'].median) / base),
  );
  report.note(
    `${d.paths.length} UTF-8 text files (0.2x-1.8x of the mean size, in 10 sub-folders) totalling ${d.bytes} bytes, committed; medians of ${cfg.digestReps} interleaved runs after one warm-up round (page cache warm for all). \`sha256sum\` reads the working-tree files; the git pipeline reads and inflates the same blobs from the object store and discards them.`,
  );
  report.note(
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
  report.note('');
  report.note(
    `The git pipeline alone is ${fmtRatio(gitMs / base)} of sha256sum: reading the blobs from git objects (zlib inflate) already uses most of the 2x budget. CPU profile of one \`digest\` (wall ${fmtMs(px.ms)} with the profiler): span ${fmtMs(prof.totalMs)}, idle ${fmtMs(idle)} (waiting for git). Top self time:`,
  );
  report.note('');
  report.note('| function (file:line) | self | share of busy | called from (nearest bundle function) |');
  report.note('| --- | --- | --- | --- |');
  for (const x of topSelf) {
    report.note(
      `| ${x.label} | ${fmtMs(x.ms)} | ${((100 * x.ms) / busy).toFixed(0)}% | ${callers[x.label]
        .slice(0, 2)
        .map((c) => `${c.caller} ${((100 * c.ms) / x.ms).toFixed(0)}%`)
        .join(', ')} |`,
    );
  }
  report.where(
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
    report.row(
      `CPU time of one \`digest\` with its git processes (\`perf stat -e task-clock\`, median of 5; CLI start-up alone ${fmtMs(startCpu)})`,
      `${fmtMs(cpu)} on ${cores} cores`,
      '',
      `even spread perfectly after start-up: >= ${fmtMs(floor)} = ${fmtRatio(floor / base)} of sha256sum`,
      '2x allows ' + fmtMs(2 * base),
      '',
    );
    report.where(
      `**Digest limit**: one digest costs ${fmtMs(cpu)} of CPU time (Node and both git processes), ${fmtMs(startCpu)} of it Node's start-up, which runs before git can start; the rest spread perfectly over ${cores} cores still needs ${fmtMs(floor)} of wall time in all, ${fmtRatio(floor / base)} of sha256sum against a 2x target.`,
    );
  }
  rmSync(d.repo, { recursive: true, force: true });
}
