// Counts the GitHub REST calls one Action run makes, against the local REST double (validated
// against GitHub's OpenAPI description), with few and with many past runs and releases. The cost
// must not grow with history: GITHUB_TOKEN allows about 1,000 requests per hour per repository.
// Usage (pinned Node 24, which runs the TypeScript double directly):
//   node_modules/.bin/node scripts/bench/api-calls.mjs [--main dist/main/index.js] [--json]
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGitHubDouble } from '../../test/doubles/github-rest/server.ts';
import { cleanEnv, gitInit } from './setup.mjs';
import { NODE, run, sh } from './util.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const at = process.argv.indexOf('--main');
const MAIN = resolve(at === -1 ? join(ROOT, 'dist/main/index.js') : process.argv[at + 1]);
const CLI = join(ROOT, 'dist/cli/index.js');
const TOKEN = 'ghs_api-calls-bench';

/** One scenario's request count, by operation. */
async function countRun({ records, files, checkoutHasTag, publish }) {
  const tmp = mkdtempSync(join(tmpdir(), 'api-calls-'));
  try {
    const repo = join(tmp, 'repo');
    const git = gitInit(repo);
    mkdirSync(join(repo, 'remediations', 'svc'), { recursive: true });
    writeFileSync(
      join(repo, 'remediations', 'svc', 'remediation.yml'),
      'name: svc\ndescription: API cost benchmark.\nsteps: [{ id: noop, run: "true" }]\n',
    );
    for (let i = 1; i < files; i++) writeFileSync(join(repo, 'remediations', 'svc', `f${i}.sh`), `echo ${i}\n`);
    git('add', '-A');
    git('commit', '-q', '-m', 'svc');
    const env = cleanEnv();
    sh(NODE, [CLI, 'keygen', '--out', join(tmp, 'k1')], { cwd: repo, env });
    sh(NODE, [CLI, 'release', 'svc', 'v1.0.0', '--key', join(tmp, 'k1')], { cwd: repo, env });
    copyFileSync(join(tmp, 'k1.pub'), join(repo, 'k1.pub'));
    const manifest = readFileSync(join(repo, 'remediations', 'manifest.json'));
    let workspace = repo;
    if (!checkoutHasTag) {
      // A checkout of the default branch without tags, as actions/checkout makes by default.
      workspace = join(tmp, 'checkout');
      sh('git', ['clone', '-q', '--no-tags', repo, workspace], { env });
      copyFileSync(join(tmp, 'k1.pub'), join(workspace, 'k1.pub'));
    }

    const gh = await startGitHubDouble({
      token: TOKEN,
      gitDir: repo,
      repository: 'octo-org/repo',
      immutableReleases: true,
    });
    try {
      // Where each layout keeps manifests: on the version's release (both), and under manifest/s<serial> (current).
      gh.addRelease({ tag: 'svc/v1.0.0', assets: { 'remediation-manifest.json': manifest } });
      gh.addRelease({ tag: 'manifest/s1', assets: { 'remediation-manifest.json': manifest } });
      for (let i = 0; i < records; i++) gh.addRelease({ tag: `svc/runs/${1000 + i}-1`, prerelease: true });
      const runner = mkdtempSync(join(tmp, 'runner-'));
      for (const f of ['output', 'state', 'summary.md']) writeFileSync(join(runner, f), '');
      writeFileSync(join(runner, 'event.json'), '{}');
      mkdirSync(join(runner, 'temp'));
      const inputs = {
        remediation: 'svc@v1.0.0',
        'trusted-keys': 'k1.pub',
        manifest: 'release',
        publish,
        'github-token': TOKEN,
      };
      const runEnv = {
        ...env,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: workspace,
        GITHUB_REPOSITORY: 'octo-org/repo',
        GITHUB_RUN_ID: '4242',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_EVENT_PATH: join(runner, 'event.json'),
        GITHUB_SHA: '0'.repeat(40),
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: gh.url,
        GITHUB_OUTPUT: join(runner, 'output'),
        GITHUB_STATE: join(runner, 'state'),
        GITHUB_STEP_SUMMARY: join(runner, 'summary.md'),
        RUNNER_TEMP: join(runner, 'temp'),
      };
      for (const [k, v] of Object.entries(inputs)) runEnv[`INPUT_${k.toUpperCase()}`] = v;
      const result = await run(NODE, [MAIN], { cwd: workspace, env: runEnv, timeoutMs: 300_000, allowFail: true });
      const output = readFileSync(join(runner, 'output'), 'utf8');
      const status = /status<<(\S+)\n(.*)\n/.exec(output)?.[2] ?? /status=(.*)/.exec(output)?.[1];
      if (status !== 'succeeded') {
        throw new Error(
          `the run did not succeed (exit ${result.code}, status ${status}): ${String(result.stdout).slice(-800)}`,
        );
      }
      if (gh.violations.length) throw new Error(`OpenAPI violations: ${JSON.stringify(gh.violations.slice(0, 3))}`);
      const byOperation = {};
      for (const q of gh.requests) {
        const key = q.operationId ?? `${q.method} (download)`;
        byOperation[key] = (byOperation[key] ?? 0) + 1;
      }
      return { total: gh.requests.length, byOperation };
    } finally {
      await gh.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const scenarios = [
  { what: 'verify from the checkout, no past runs', records: 0, files: 1, checkoutHasTag: true, publish: 'none' },
  {
    what: 'verify from the checkout, 5,000 past run releases',
    records: 5000,
    files: 1,
    checkoutHasTag: true,
    publish: 'none',
  },
  {
    what: 'read through the API (no tag in the checkout), 20 files',
    records: 0,
    files: 20,
    checkoutHasTag: false,
    publish: 'none',
  },
  {
    what: 'verify, run, publish a per-run release, 5,000 past run releases',
    records: 5000,
    files: 1,
    checkoutHasTag: true,
    publish: 'release',
  },
];

const results = [];
for (const scenario of scenarios) {
  const counted = await countRun(scenario);
  results.push({ ...scenario, ...counted });
  if (!process.argv.includes('--json')) {
    console.log(
      `${scenario.what}: ${counted.total} calls (${Object.entries(counted.byOperation)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`,
    );
  }
}
if (process.argv.includes('--json')) console.log(JSON.stringify(results));
