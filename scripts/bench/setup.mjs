// Builds the throwaway git repositories the benchmark runs against, using the real CLI.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE, sh } from './util.mjs';

export const SECRET_NAMES = Array.from({ length: 10 }, (_, i) => `S${i + 1}`);

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function randomSecret(length = 20) {
  const bytes = randomBytes(length * 2);
  let s = '';
  for (let i = 0; s.length < length; i++) if (bytes[i] < 248) s += BASE62[bytes[i] % 62];
  return s;
}

/** Environment for child processes: the caller's, minus anything that would make the tools think they run on GitHub. */
export function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(GITHUB_|RUNNER_|INPUT_|ACTIONS_|STATE_)/.test(k) || k === 'CI' || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', ...extra };
}

export function gitInit(dir) {
  mkdirSync(dir, { recursive: true });
  const git = (...args) => sh('git', args, { cwd: dir, env: cleanEnv() });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'bench@example.invalid');
  git('config', 'user.name', 'bench');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'tag.gpgsign', 'false');
  return git;
}

function writeRemediation(repo, name, yaml, files = {}) {
  const dir = join(repo, 'remediations', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'remediation.yml'), yaml);
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
}

/**
 * Main repository: `triv` (one `true` step), `stamp` (writes the time it started to
 * $GITHUB_WORKSPACE/first-step) and `loud` (prints N bytes with 10 declared secrets), all
 * released as v1.0.0 with one key. Returns paths: { dir (the repository), key, pub, manifest }.
 */
export function setupMainRepo(tmp, cli, benchDir, genSource) {
  const repo = join(tmp, 'repo');
  const git = gitInit(repo);
  writeRemediation(
    repo,
    'triv',
    'name: triv\ndescription: Benchmark - one step that does nothing.\nsteps: [{ id: noop, run: "true" }]\n',
  );
  writeRemediation(
    repo,
    'stamp',
    'name: stamp\ndescription: Benchmark - records when its first step started.\n' +
      'steps: [{ id: stamp, run: \'date +%s%N > "$GITHUB_WORKSPACE/first-step"\' }]\n',
  );
  writeRemediation(
    repo,
    'loud',
    'name: loud\ndescription: Benchmark - prints a large mixed log with secrets in it.\n' +
      'inputs:\n  bytes: { type: integer, required: true, minimum: 4096 }\n' +
      `secrets: [${SECRET_NAMES.join(', ')}]\n` +
      `steps: [{ id: gen, run: '${JSON.stringify(NODE).slice(1, -1)} "$REMEDIATION_DIR/gen-log.mjs" "$PARAM_BYTES"', timeout: 1h }]\n`,
    { 'gen-log.mjs': genSource },
  );
  git('add', '-A');
  git('commit', '-q', '-m', 'remediations');
  const key = join(tmp, 'keys', 'release');
  mkdirSync(join(tmp, 'keys'));
  const env = cleanEnv();
  sh(NODE, [cli, 'keygen', '--out', key], { cwd: repo, env });
  for (const name of ['triv', 'stamp', 'loud'])
    sh(NODE, [cli, 'release', name, 'v1.0.0', '--key', key], { cwd: repo, env });
  // The Action reads trusted keys as workspace paths.
  copyFileSync(`${key}.pub`, join(repo, 'release.pub'));
  return { dir: repo, key, pub: `${key}.pub`, manifest: join(repo, 'remediations', 'manifest.json') };
}

/** A repository with one remediation of `files` files totalling about `totalBytes` (UTF-8 text), committed. */
export function setupDigestRepo(tmp, files, totalBytes) {
  const repo = join(tmp, 'digest-repo');
  const git = gitInit(repo);
  const yaml = 'name: bulk\ndescription: Benchmark - many files.\nsteps: [{ id: noop, run: "true" }]\n';
  writeRemediation(repo, 'bulk', yaml);
  const dataFiles = files - 1;
  // Sizes spread from 0.2x to 1.8x the average, scaled to the total (all far under 256 KiB).
  const weights = Array.from({ length: dataFiles }, (_, i) => 0.2 + (1.6 * ((i * 7919) % 1000)) / 1000);
  const sum = weights.reduce((a, b) => a + b, 0);
  const budget = totalBytes - yaml.length;
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / sum) * budget)));
  sizes[dataFiles - 1] += budget - sizes.reduce((a, b) => a + b, 0);
  let written = yaml.length;
  const paths = ['remediation.yml'];
  for (let i = 0; i < dataFiles; i++) {
    const size = sizes[i];
    const raw = randomBytes(Math.ceil((size * 3) / 4) + 3).toString('base64');
    const text = raw
      .slice(0, size)
      .replace(/(.{76})/g, '$1\n')
      .slice(0, size);
    const rel = `data/${String(Math.floor(i / 100)).padStart(2, '0')}/f${String(i).padStart(4, '0')}.txt`;
    mkdirSync(join(repo, 'remediations', 'bulk', rel, '..'), { recursive: true });
    writeFileSync(join(repo, 'remediations', 'bulk', rel), text);
    written += Buffer.byteLength(text);
    paths.push(rel);
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'bulk');
  return { repo, dir: join(repo, 'remediations', 'bulk'), paths, bytes: written };
}
