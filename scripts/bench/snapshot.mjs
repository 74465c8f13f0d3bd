// The code the benchmark measures: a private copy of dist/ (and src/, remediations/), because
// other people rebuild dist/ and edit src/ while a run takes minutes.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';
import { sh } from './util.mjs';

/** A fingerprint of dist/{cli,main,post} (names, sizes, times), or null while one is incomplete. */
function distState(root) {
  const parts = [];
  for (const d of ['cli', 'main', 'post']) {
    const dir = join(root, 'dist', d);
    if (!existsSync(join(dir, 'index.js')) || !existsSync(join(dir, 'package.json'))) return null;
    for (const f of readdirSync(dir).sort()) {
      const st = statSync(join(dir, f));
      parts.push(`${d}/${f}:${st.size}:${st.mtimeMs}`);
    }
  }
  return parts.join('|');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Copies dist/, src/, remediations/ and package.json of `root` to `dest` (node_modules linked),
 * once dist/ has been complete and unchanged for 3 s, so every figure is about the same build.
 * Waits at most 2 minutes. Returns { kind: 'missing' } when dist/ is still incomplete by then,
 * else { kind: 'copied', warning } where `warning` says when the copy may mix two builds ('' if not).
 */
export async function snapshotDist(root, dest) {
  let warning = '';
  let stableSince = 0;
  let last = null;
  const deadline = performance.now() + 120_000;
  for (;;) {
    const state = distState(root);
    if (state && state === last) {
      if (performance.now() - stableSince >= 3000) break;
    } else {
      last = state;
      stableSince = performance.now();
    }
    if (performance.now() > deadline) {
      if (!state) return { kind: 'missing' };
      warning = 'dist/ kept changing while the benchmark started; the copy measured may mix two builds.';
      break;
    }
    await sleep(250);
  }
  mkdirSync(dest);
  cpSync(join(root, 'dist'), join(dest, 'dist'), { recursive: true });
  cpSync(join(root, 'src'), join(dest, 'src'), { recursive: true });
  cpSync(join(root, 'remediations'), join(dest, 'remediations'), { recursive: true });
  cpSync(join(root, 'package.json'), join(dest, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(dest, 'node_modules'));
  if (distState(root) !== last)
    warning = 'dist/ changed while it was being copied; the copy measured may mix two builds.';
  return { kind: 'copied', warning };
}

const sha12 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);

/** "commit <sha>[ with N uncommitted change(s) ...]; <bundle hashes>": which build the snapshot at `snapshotDir` is. */
export function describeBuild(root, snapshotDir) {
  const gitInfo = (() => {
    try {
      const head = sh('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).trim();
      const dirty = sh('git', ['status', '--porcelain', '--', 'dist', 'src'], { cwd: root })
        .trim()
        .split('\n')
        .filter(Boolean).length;
      return `commit ${head}${dirty ? ` with ${dirty} uncommitted change(s) under dist/ and src/` : ''}`;
    } catch {
      return 'not a git checkout';
    }
  })();
  const cli = join(snapshotDir, 'dist', 'cli', 'index.js');
  const main = join(snapshotDir, 'dist', 'main', 'index.js');
  return `${gitInfo}; dist/cli/index.js sha256 ${sha12(cli)}..., dist/main/index.js sha256 ${sha12(main)}...`;
}
