// Section 5: the Action's main step started the way a runner starts it: bundle sizes, time to
// its first step against the CLI and `node -e 0`, and which chunks it loads (the artifact client
// must not load on a dry run).
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { URL } from 'node:url';
import { loadProfile, summarise } from '../cpuprof.mjs';
import { verdict } from '../report.mjs';
import { cleanEnv } from '../setup.mjs';
import { fmtMiB, fmtMs, fmtRatio, interleave, median, NODE, nodeE0, run, sh } from '../util.mjs';
import { startGitHubDouble } from '../../../test/doubles/github-rest/server.ts';

const TOKEN = 'ghs_startup-bench';

export const name = '5. Action start-up';

/** Measures and reports section 5. */
export async function measure(ctx, report) {
  // With a workspace manifest the Action still makes one REST call (the highest published manifest
  // serial, which it must not go below): a local REST double with no manifest published answers it.
  const gh = await startGitHubDouble({ token: TOKEN, gitDir: ctx.repo.dir, repository: 'o/r' });
  try {
    await measureWith(ctx, report, gh.url);
  } finally {
    await gh.close();
  }
}

async function measureWith(ctx, report, apiUrl) {
  const { cfg, tmp, benchDir, snapshotDir, actionMain, repo, env, outDir, hasStrace, cliArgs } = ctx;
  const sizes = [];
  for (const d of ['cli', 'main', 'post']) {
    for (const f of readdirSync(join(snapshotDir, 'dist', d))
      .filter((f) => f.endsWith('.js'))
      .sort()) {
      sizes.push({ file: `dist/${d}/${f}`, bytes: statSync(join(snapshotDir, 'dist', d, f)).size });
    }
  }
  const chunkOf = (f) => readFileSync(join(snapshotDir, 'dist', 'main', f), 'utf8');
  const what = (f) => {
    if (f === 'index.js') return 'entry';
    const c = chunkOf(f);
    return c.includes('DefaultArtifactClient')
      ? '@actions/artifact (+ Azure storage SDK)'
      : c.includes('getOctokit')
        ? '@actions/github (octokit)'
        : 'chunk';
  };
  report.note('| bundle | size | contents |');
  report.note('| --- | --- | --- |');
  for (const s of sizes)
    report.note(
      `| ${s.file} | ${fmtMiB(s.bytes)} (${s.bytes} B) | ${s.file.startsWith('dist/main/') ? what(basename(s.file)) : s.file.endsWith('/index.js') ? 'entry' : 'chunk'} |`,
    );
  const total = (d) => sizes.filter((s) => s.file.startsWith(`dist/${d}/`)).reduce((a, b) => a + b.bytes, 0);
  report.row(
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
      'INPUT_GITHUB-TOKEN': TOKEN,
      GITHUB_API_URL: apiUrl,
      GITHUB_WORKSPACE: repo.dir,
      RUNNER_TEMP: rt,
      GITHUB_OUTPUT: join(rt, 'output'),
      GITHUB_STATE: join(rt, 'state'),
      GITHUB_STEP_SUMMARY: join(rt, 'summary'),
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_RUN_ID: String(runNo),
      ...extra,
    };
  };
  const stampFile = join(repo.dir, 'first-step');
  const firstStep = async (cmd, args, e) => {
    rmSync(stampFile, { force: true });
    const x = await run(cmd, args, { cwd: repo.dir, env: e });
    if (!existsSync(stampFile)) throw new Error(`no step ran: ${x.stdout.slice(-500)}`);
    return { ms: Number(BigInt(readFileSync(stampFile, 'utf8').trim()) - x.startNs) / 1e6, total: x.ms };
  };
  const r = await interleave(
    {
      'node -e 0': nodeE0,
      action: () => firstStep(NODE, [actionMain], actionEnv()),
      cli: () =>
        firstStep(NODE, cliArgs('run', 'stamp@v1.0.0', '--trusted-key', repo.pub, '--out', outDir), {
          ...env,
          GITHUB_WORKSPACE: repo.dir,
        }),
      'action dry run': () =>
        run(NODE, [actionMain], { cwd: repo.dir, env: actionEnv({ 'INPUT_DRY-RUN': 'true' }) }).then((x) => x.ms),
    },
    cfg.startupReps,
    1,
  );
  rmSync(stampFile, { force: true });
  const base = r['node -e 0'].median;
  const totals = r.action.results.map((x) => x.total);
  {
    const profDir = join(tmp, 'prof-action');
    await run(NODE, ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-interval', '200', actionMain], {
      cwd: repo.dir,
      env: actionEnv(),
    });
    rmSync(stampFile, { force: true });
    const prof = summarise(loadProfile(profDir), {
      'compile the bundle source (V8 parse)': (f) => f.functionName === 'compileSourceTextModule',
      'evaluate bundled modules': (f) => f.functionName === '__nccwpck_require__',
      'definition parse (YAML + precompiled validator)': (f) => f.functionName === 'parseDefinition',
      'spawning child processes': (f) => f.functionName === 'spawn' && /child_process/.test(f.url),
    });
    report.note('');
    report.note(
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
  report.row(
    '`node dist/main/index.js` start -> first step running (publish: none)',
    fmtMs(r.action.median),
    `\`node -e 0\` ${fmtMs(base)}`,
    fmtRatio(r.action.median / base),
    '',
    '',
  );
  report.row('same, CLI `run`', fmtMs(r.cli.median), '', fmtRatio(r.cli.median / base), '', '');
  report.row(
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
    const x = await run(NODE, ['--import', join(benchDir, 'trace-loads.mjs'), actionMain], {
      cwd: repo.dir,
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
      await run('strace', ['-f', '-qq', '-e', 'trace=open,openat', '-o', trace, NODE, actionMain], {
        cwd: repo.dir,
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
    report.note(
      `- ${label}: exit ${x.code}; ESM loader loaded ${urls.length} modules, chunks: ${chunks.length ? chunks.map((c) => `\`${c}\``).join(', ') : 'none'}${opened ? `; strace saw chunk files opened: ${opened.length ? opened.map((c) => `\`${c}\``).join(', ') : 'none'}` : ''}.`,
    );
    return { chunks, opened };
  };
  report.note('');
  report.note(
    `Time to first step: the \`stamp\` step runs \`date +%s%N > "$GITHUB_WORKSPACE/first-step"\`; the figure is that time minus the wall-clock time just before \`spawn\`. The Action runs the way a runner starts it (INPUT_* variables, GITHUB_WORKSPACE = the repository, RUNNER_TEMP, GITHUB_OUTPUT/STATE/STEP_SUMMARY files, GITHUB_REPOSITORY=o/r, GITHUB_RUN_ID), manifest from the workspace (so one REST call, the highest published serial, answered by the local REST double), trusted key as a workspace path. Medians of ${cfg.startupReps} interleaved runs.`,
  );
  report.note('');
  report.note(
    'Modules loaded (load hook `scripts/bench/trace-loads.mjs` via `node --import`, which records every URL the ESM loader loads; cross-checked with `strace -f -e trace=open,openat`):',
  );
  const dry = await loads({ 'INPUT_DRY-RUN': 'true' }, '`dry-run: true`');
  const none = await loads({}, '`publish: none`, real run');
  const art = await loads(
    { INPUT_PUBLISH: 'artifact' },
    '`publish: artifact` (positive control: no ACTIONS_RUNTIME_TOKEN, so the upload fails after loading the client)',
  );
  const artifactChunk = readdirSync(join(snapshotDir, 'dist', 'main')).find(
    (f) => /^\d+\.index\.js$/.test(f) && chunkOf(f).includes('class DefaultArtifactClient'),
  );
  const dryLoadsArtifact = dry.chunks.includes(artifactChunk) || (dry.opened ?? []).includes(artifactChunk);
  const controlWorks = art.chunks.includes(artifactChunk);
  report.row(
    'dry run loads the artifact client?',
    dryLoadsArtifact
      ? `**yes** (\`${artifactChunk}\`)`
      : `no (chunks loaded: ${dry.chunks.length ? dry.chunks.join(', ') : 'none'})`,
    '',
    '',
    'not loaded',
    controlWorks ? verdict(!dryLoadsArtifact, 'loaded') : 'inconclusive (control did not load it)',
  );
  report.note('');
  report.note(
    `The positive control ${controlWorks ? 'loaded' : 'did **not** load'} \`${artifactChunk}\`, so the hook ${controlWorks ? 'does see chunk loads' : 'may be blind to chunks'}; the real run with publish: none loaded ${none.chunks.length ? none.chunks.join(', ') : 'no chunk'}.`,
  );
  report.where(
    `**Action start-up**: the main step reaches its first step ${fmtMs(r.action.median)} after process start (${fmtRatio(r.action.median / base)} of \`node -e 0\`; CLI ${fmtMs(r.cli.median)}); its entry bundle is ${fmtMiB(sizes.find((s) => s.file === 'dist/main/index.js').bytes)} against the CLI's ${fmtMiB(total('cli'))}, and the chunks are ${dryLoadsArtifact ? 'loaded even on a dry run' : 'not loaded on a dry run or with publish: none'}.`,
  );
}
