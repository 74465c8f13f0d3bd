#!/usr/bin/env node
// Benchmark for remediate (DESIGN.md "Performance"). Usage, on the pinned Node 24:
//   node_modules/.bin/node scripts/bench.mjs [--quick] [--only <sections, e.g. 2,3>]
// Every figure is the median of several runs, compared with a baseline measured in the same
// invocation (runs are interleaved so drift hits both). Writes BENCHMARKS.md at the repository
// root. Exits non-zero only when a measurement could not be made or produced a broken record;
// a missed target is reported, not an error.
//
// This entry parses the options, copies dist/ and prepares the temp folder, runs the selected
// sections (scripts/bench/sections/, one module each) in order and writes BENCHMARKS.md.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createContext, describeMachine, probeTools } from './bench/context.mjs';
import { renderBenchmarks, Report } from './bench/report.mjs';
import * as fixedOverhead from './bench/sections/1-fixed-overhead.mjs';
import * as logThroughput from './bench/sections/2-log-throughput.mjs';
import * as digest from './bench/sections/3-digest.mjs';
import * as manifest from './bench/sections/4-manifest.mjs';
import * as actionStartup from './bench/sections/5-action-startup.mjs';
import * as apiCalls from './bench/sections/6-api-calls.mjs';
import * as gateway from './bench/sections/7-gateway.mjs';
import { describeBuild, snapshotDist } from './bench/snapshot.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The command line: `quick` (--quick: smaller sizes, fewer repetitions) and `only` (--only 2,3:
 * run just those sections and print them; BENCHMARKS.md is written by whole runs only).
 * `unknown` lists the arguments it did not understand; `valid` is false for those or a bad --only.
 */
function parseOptions(args) {
  const quick = args.includes('--quick');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt === -1 ? undefined : new Set(String(args[onlyAt + 1] ?? '').split(','));
  const unknown = args.filter((a, k, all) => a !== '--quick' && a !== '--only' && all[k - 1] !== '--only');
  const valid = unknown.length === 0 && (!only || [...only].every((n) => /^[1-7]$/.test(n)));
  return { quick, only, unknown, valid };
}

const options = parseOptions(process.argv.slice(2));
if (!options.valid) {
  console.error(
    `usage: node scripts/bench.mjs [--quick] [--only <sections, e.g. 2,3>]\nunknown argument: ${options.unknown.join(' ')}`,
  );
  process.exit(2);
}

const started = performance.now();
const log = (msg) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${msg}`);
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

const tools = probeTools();
if (!process.version.startsWith('v24.')) {
  log(`warning: running on Node ${process.version}; the project pins Node 24 (use node_modules/.bin/node)`);
}

const snapshotDir = join(tmp, 'snapshot');
const snapshot = await snapshotDist(ROOT, snapshotDir);
if (snapshot.kind === 'missing') {
  console.error('dist/ is missing or incomplete: run `npm run build` first');
  process.exit(1);
}
const buildInfo = describeBuild(ROOT, snapshotDir);

log(`temp dir ${tmp} (${options.quick ? 'quick' : 'full'} run)`);
let ctx;
try {
  ctx = createContext({ quick: options.quick, root: ROOT, tmp, snapshotDir, tools });
} catch (error) {
  console.error(`setup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// The sections, in order. Each gets the shared context and its own part of the report; what a
// later section needs from an earlier one is passed on as a return value.
const report = new Report(log);
const runSection = (section, ...inputs) =>
  options.only && !options.only.has(section.name.split('.')[0])
    ? undefined
    : report.runSection(section.name, (sectionReport) => section.measure(ctx, sectionReport, ...inputs));
const trivialRun = await runSection(fixedOverhead);
await runSection(logThroughput, trivialRun);
await runSection(digest);
await runSection(manifest);
await runSection(actionStartup);
await runSection(apiCalls);
await runSection(gateway);

const elapsedS = (performance.now() - started) / 1000;
const { markdown, summary } = renderBenchmarks(report, {
  command: `node_modules/.bin/node scripts/bench.mjs${options.quick ? ' --quick' : ''}`,
  quick: options.quick,
  generatedAt: new Date().toISOString(),
  elapsedS,
  machine: describeMachine(ROOT),
  hasStrace: tools.hasStrace,
  hasPerf: tools.hasPerf,
  buildInfo,
  snapshotWarning: snapshot.warning,
});
if (options.only) log(`--only ${[...options.only].join(',')}: BENCHMARKS.md left as it was`);
else {
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), markdown);
  log(`wrote BENCHMARKS.md in ${elapsedS.toFixed(1)} s`);
}
console.log(summary);
cleanup();
process.exit(report.errors.length ? 1 : 0);
