// Section 4: verifying a 10,000-version manifest with 3 signatures (threshold 2), in-process
// from the sources (scripts/bench/inproc.mjs) and end to end with the CLI's `verify`.
import { join } from 'node:path';
import { verdict } from '../report.mjs';
import { fmtMs, fmtRatio, interleave, NODE, nodeE0, run, sh } from '../util.mjs';

export const name = '4. Manifest';

/** Measures and reports section 4. */
export async function measure(ctx, report) {
  const { cfg, tmp, benchDir, repo, env, cliArgs, inprocEnv } = ctx;
  const mdir = join(tmp, 'manifest');
  sh('mkdir', ['-p', mdir]);
  const commit = sh('git', ['rev-parse', 'triv/v1.0.0^{commit}'], { cwd: repo.dir, env }).trim();
  const digest = /sha256:[0-9a-f]{64}/.exec(
    sh(NODE, cliArgs('digest', 'triv', '--ref', 'triv/v1.0.0'), { cwd: repo.dir, env }),
  )[0];
  const m = JSON.parse(
    (
      await run(
        NODE,
        [
          join(benchDir, 'inproc.mjs'),
          'manifest',
          mdir,
          'triv@v1.0.0',
          commit,
          digest,
          '10000',
          String(cfg.manifestReps),
        ],
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
          cwd: repo.dir,
          env,
        }).then((x) => x.ms),
      'verify (3 versions, 1 key)': () =>
        run(NODE, cliArgs('verify', 'triv@v1.0.0', '--trusted-key', repo.pub), { cwd: repo.dir, env }).then(
          (x) => x.ms,
        ),
    },
    cfg.cliReps,
    1,
  );
  const big = r['verify (10,000 versions, 2 of 3)'].median;
  const small = r['verify (3 versions, 1 key)'].median;
  report.row(
    '`verifyManifest`, 10,000 versions, 3 signatures, threshold 2 (in-process, warm)',
    fmtMs(m.warmMs),
    '',
    '',
    '< 100 ms',
    verdict(m.warmMs < 100, `${fmtMs(m.warmMs - 100)} over`),
  );
  report.row('same, first call in a fresh process', fmtMs(m.coldMs), '', '', '', '');
  report.row(
    'CLI `verify` end to end against it',
    fmtMs(big),
    `\`node -e 0\` ${fmtMs(r['node -e 0'].median)}`,
    fmtRatio(big / r['node -e 0'].median),
  );
  report.row(
    'CLI `verify` against the 3-version manifest',
    fmtMs(small),
    '',
    fmtRatio(small / r['node -e 0'].median),
    '',
    '',
  );
  report.note(
    `Built with the project's modules (\`scripts/bench/inproc.mjs\`): 9,999 synthetic versions (100 names x 100 versions, every 50th yanked) as the previous payload, then the real \`triv@v1.0.0\` appended by \`appendRelease\` and signed with 3 fresh keys by \`signManifest\`: ${(m.envelopeBytes / 1e6).toFixed(2)} MB envelope, ${(m.payloadBytes / 1e6).toFixed(2)} MB payload, ${m.versions} versions, ${m.signatures} signatures. \`verifyManifest\` with the 3 keys trusted and threshold 2: median of ${cfg.manifestReps} calls after 3 warm-up calls (all: ${m.warmAll.map((x) => x.toFixed(1)).join(', ')} ms).`,
  );
  report.note('');
  report.note('The same work piece by piece (warm medians):');
  for (const [k, v] of Object.entries(m.parts)) report.note(`- ${k}: ${fmtMs(v)}`);
  report.note('');
  report.note(
    `CLI \`verify\` (resolve the tag, digest, read keys, verify the manifest), medians of ${cfg.cliReps} interleaved runs: the 10,000-version manifest costs ${fmtMs(big - small)} more end to end than the 3-version one.`,
  );
  const heaviest = Object.entries(m.parts).sort((a, b) => b[1] - a[1])[0];
  report.where(
    `**Manifest** (${fmtMs(m.warmMs)} warm in-process${m.warmMs < 100 ? ', target met' : `, target missed by ${fmtMs(m.warmMs - 100)}`}; ${fmtMs(m.coldMs)} on the first call): the largest piece is ${heaviest[0]} (${fmtMs(heaviest[1])}); end to end the CLI pays ${fmtMs(big - small)} over a tiny manifest.`,
  );
}
