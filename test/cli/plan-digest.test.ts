// `remediate run --plan-digest` (issue 17, the approval mode from the CLI): `run --dry-run` prints
// the plan digest a reviewer approves; a run given it runs only that plan. Attack: the approval of
// one plan carried over to another (other parameters, another target, force flipped, a newer
// manifest) is refused before any step, PLAN_CHANGED, exit 3, recorded with both digests.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDigest, type PlanFacts } from '../../src/core/plan-digest.ts';
import { releaseRemediation, type Released } from '../helpers/released.ts';
import { runCli } from '../helpers/git-repo.ts';

let r: Released;
const DEFINITION =
  'name: svc\ndescription: x\ninputs:\n  port: { type: integer, required: true }\nsteps:\n  - { id: fix, run: \'echo "ran-$PARAM_PORT"\' }\n';

beforeAll(async () => {
  r = await releaseRemediation('svc', DEFINITION);
}, 60_000);
afterAll(() => r.repo.remove());

async function planOf(args: string[]): Promise<string> {
  const planned = await r.run(['--dry-run', ...args]);
  expect(planned.code, planned.stderr).toBe(0);
  const digest = /plan digest: (sha256:[0-9a-f]{64})/.exec(planned.stdout)?.[1];
  expect(digest, planned.stdout).toBeDefined();
  return digest as string;
}

describe('run --plan-digest', () => {
  it('runs the approved plan, and records it', async () => {
    const digest = await planOf(['--param', 'port=8080', '--target', 'web-1']);
    const before = new Set(r.records());
    const result = await r.run(['--param', 'port=8080', '--target', 'web-1', '--plan-digest', digest]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const added = r.records().filter((dir) => !before.has(dir));
    expect(added).toHaveLength(1);
    const snapshot = r.snapshot(added[0] as string);
    expect(snapshot.status).toBe('succeeded');
    expect(snapshot.plan).toEqual({ digest, approved: digest });
  });

  it.each([
    ['other parameters', ['--param', 'port=9090', '--target', 'web-1']],
    ['another target', ['--param', 'port=8080', '--target', 'web-2']],
    ['force flipped', ['--param', 'port=8080', '--target', 'web-1', '--force']],
  ])('refuses the approval of one plan for %s (PLAN_CHANGED, exit 3, no step ran)', async (_label, args) => {
    const approved = await planOf(['--param', 'port=8080', '--target', 'web-1']);
    const before = new Set(r.records());
    const result = await r.run([...args, '--plan-digest', approved]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/refused \[PLAN_CHANGED\]: the approved plan was sha256:/);
    expect(result.stdout).not.toContain('ran-');
    // The new record (folders of one second sort by their random suffix, not by time).
    const added = r.records().filter((dir) => !before.has(dir));
    expect(added).toHaveLength(1);
    const snapshot = r.snapshot(added[0] as string);
    expect(snapshot.status).toBe('refused');
    expect(snapshot.error?.code).toBe('PLAN_CHANGED');
    expect(snapshot.plan?.approved).toBe(approved);
    expect(snapshot.plan?.digest).not.toBe(approved);
    expect(snapshot.steps).toEqual([]);
  });

  it.each(['sha256:abc', `SHA256:${'a'.repeat(64)}`, 'a'.repeat(64), ''])(
    'refuses %j as a plan digest before anything is verified (exit 2)',
    async (bad) => {
      const before = r.records().length;
      const result = await r.run(['--param', 'port=8080', '--plan-digest', bad]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--plan-digest: expected the approved plan's digest/);
      expect(r.records().length).toBe(before);
    },
  );
});

// Found by review: overriding an open circuit breaker is what a reviewer must see and approve; the
// plan digest covers it, and the plan says it.
describe('run --plan-digest with --ignore-circuit-breaker', () => {
  let b: Released;
  const BREAKER =
    "name: flappy\ndescription: x\ncircuit-breaker: { max-runs: 1, within: 1h }\nsteps:\n  - { id: fix, run: 'echo ran-flappy' }\n";
  beforeAll(async () => {
    b = await releaseRemediation('flappy', BREAKER);
    expect((await b.run(['--target', 'web-1'])).code).toBe(0);
    // The breaker is open for web-1 now.
    expect((await b.run(['--target', 'web-1'])).code).toBe(3);
  }, 60_000);
  afterAll(() => b.repo.remove());

  const planOfB = async (args: string[]) => {
    const planned = await b.run(['--dry-run', ...args]);
    expect(planned.code, planned.stderr).toBe(0);
    return { digest: /plan digest: (sha256:[0-9a-f]{64})/.exec(planned.stdout)?.[1] as string, out: planned.stdout };
  };

  it('refuses to carry a plan without the override over to a run with it (PLAN_CHANGED)', async () => {
    const plain = await b.run(['--dry-run', '--target', 'web-2']);
    const approved = /plan digest: (sha256:[0-9a-f]{64})/.exec(plain.stdout)?.[1] as string;
    const result = await b.run(['--target', 'web-2', '--ignore-circuit-breaker', '--plan-digest', approved]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/refused \[PLAN_CHANGED\]/);
    expect(result.stdout).not.toContain('ran-flappy');
  });

  it('runs a plan that approved the override, and the record verifies (the digest recomputed with it)', async () => {
    const { digest } = await planOfB(['--target', 'web-1', '--ignore-circuit-breaker']);
    const before = new Set(b.records());
    const result = await b.run(['--target', 'web-1', '--ignore-circuit-breaker', '--plan-digest', digest]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const added = b.records().filter((dir) => !before.has(dir));
    expect(b.snapshot(added[0] as string)).toMatchObject({
      plan: { digest, approved: digest },
      circuitBreaker: { ignored: true },
    });
    const pinned = `sha256:${createHash('sha256')
      .update(readFileSync(join(added[0] as string, 'snapshot.json')))
      .digest('hex')}`;
    const verified = await runCli(['verify-run', added[0] as string, '--snapshot-digest', pinned], { cwd: b.repo.dir });
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });

  it('leaves the digests of plans without the override as they were (records made before still verify)', () => {
    const facts: PlanFacts = {
      remediation: 'svc@v1.0.0',
      commit: 'a'.repeat(40),
      digest: `sha256:${'b'.repeat(64)}`,
      paramsDigest: `sha256:${'c'.repeat(64)}`,
      manifestSerial: 3,
      target: 'web-1',
      targetFacts: {},
      force: false,
      checkOnly: false,
    };
    expect(planDigest({ ...facts, ignoreCircuitBreaker: false })).toBe(planDigest(facts));
    expect(planDigest({ ...facts, ignoreCircuitBreaker: true })).not.toBe(planDigest(facts));
  });
});
