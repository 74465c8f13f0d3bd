import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/git-repo.ts';
import { releaseRemediation, type Released } from '../helpers/released.ts';

let r: Released;
let original: string;
let digest: string;
beforeAll(async () => {
  r = await releaseRemediation(
    'chatty',
    [
      'name: chatty',
      'description: prints enough for several log blocks',
      'inputs:',
      '  n: { type: integer, default: 4000 }',
      'steps:',
      '  - { id: first, run: "for i in $(seq 1 $PARAM_N); do echo \\"line $i of the first step\\"; done" }',
      '  - { id: second, run: "for i in $(seq 1 $PARAM_N); do echo \\"line $i of the second step\\"; done" }',
      '',
    ].join('\n'),
  );
  const result = await r.run();
  expect(result.code).toBe(0);
  original = r.records()[0]!;
  digest = /snapshot: (sha256:[0-9a-f]{64})/.exec(result.stdout)![1]!;
});
afterAll(() => r.repo.remove());

let copies = 0;
function tampered(edit: (dir: string) => void): string {
  const dir = r.repo.path(`copy-${++copies}`);
  cpSync(original, dir, { recursive: true });
  edit(dir);
  return dir;
}
const verify = (dir: string, ...args: string[]) => runCli(['verify-run', dir, ...args], { cwd: r.repo.dir });
const editLog = (dir: string, fn: (log: Buffer) => Buffer) =>
  writeFileSync(join(dir, 'run.log'), fn(readFileSync(join(dir, 'run.log'))));

describe('remediate verify-run', () => {
  it('accepts an intact record, pinned by the printed snapshot digest', async () => {
    const result = await verify(original, '--snapshot-digest', digest);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^intact: status succeeded, 2 step\(s\), \d+ log bytes in \d+ chained block\(s\)/);
    expect(Number(/in (\d+) chained/.exec(result.stdout)![1])).toBeGreaterThan(2);
  });

  it('names the altered byte range when one byte is flipped', async () => {
    const dir = tampered((d) =>
      editLog(d, (log) => {
        log[100_000] = log[100_000]! ^ 0x01;
        return log;
      }),
    );
    const result = await verify(dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/RECORD_TAMPERED/);
    // The block that holds byte 100000, as the chain file records it.
    const block = readFileSync(join(original, 'run.log.chain'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { start: number; end: number })
      .find((b) => b.start <= 100_000 && 100_000 < b.end)!;
    expect(result.stderr).toContain(`bytes ${block.start}-${block.end - 1} of run.log were altered`);
  });

  it('detects a removed line', async () => {
    const dir = tampered((d) =>
      editLog(d, (log) => Buffer.from(log.toString().replace('line 2000 of the first step\n', ''))),
    );
    const result = await verify(dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/bytes \d+-\d+ of run.log/);
  });

  it('detects two swapped blocks', async () => {
    const dir = tampered((d) =>
      editLog(d, (log) =>
        Buffer.concat([log.subarray(0, 1000), log.subarray(2000, 3000), log.subarray(1000, 2000), log.subarray(3000)]),
      ),
    );
    const result = await verify(dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/bytes 0-\d+ of run.log/);
  });

  it('detects a truncated log', async () => {
    const dir = tampered((d) => editLog(d, (log) => log.subarray(0, log.length - 5000)));
    const result = await verify(dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/run.log/);
  });

  it('detects an edited snapshot field: by the pinned digest, and by its own recomputed digests', async () => {
    const edit = (field: (s: Record<string, unknown>) => void) =>
      tampered((d) => {
        const snap = JSON.parse(readFileSync(join(d, 'snapshot.json'), 'utf8')) as Record<string, unknown>;
        field(snap);
        writeFileSync(join(d, 'snapshot.json'), `${JSON.stringify(snap, null, 2)}\n`);
      });
    const statusEdited = edit((s) => (s.status = 'healthy'));
    const pinned = await verify(statusEdited, '--snapshot-digest', digest);
    expect(pinned.code).toBe(3);
    expect(pinned.stderr).toMatch(/snapshot.json digest is sha256:[0-9a-f]{64}, expected/);

    const paramsEdited = edit((s) => ((s.params as { values: Record<string, unknown> }).values.n = 1));
    const recomputed = await verify(paramsEdited);
    expect(recomputed.code).toBe(3);
    expect(recomputed.stderr).toMatch(/snapshot field 'params.digest'/);

    const headEdited = edit((s) => ((s.log as { head: string }).head = 'a'.repeat(64)));
    const head = await verify(headEdited);
    expect(head.code).toBe(3);
    expect(head.stderr).toMatch(/log.head/);

    const stepRange = edit((s) => ((s.steps as { log: { end: number } }[])[1]!.log.end = 10 ** 9));
    expect((await verify(stepRange)).code).toBe(3);
  });

  it("checks the snapshot's claims against the chained log: a failed step cannot be re-labelled", async () => {
    const claimed = tampered((d) => {
      const snap = JSON.parse(readFileSync(join(d, 'snapshot.json'), 'utf8')) as {
        steps: { exitCode: number; outcome: string }[];
        status: string;
      };
      snap.steps[1]!.exitCode = 7;
      snap.steps[1]!.outcome = 'failed';
      writeFileSync(join(d, 'snapshot.json'), `${JSON.stringify(snap, null, 2)}\n`);
    });
    const result = await verify(claimed);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /snapshot field 'steps\[1\]\.outcome': expected 'succeeded' \(the log's end marker\), got 'failed'/,
    );

    const status = tampered((d) => {
      const snap = JSON.parse(readFileSync(join(d, 'snapshot.json'), 'utf8')) as { status: string; check?: string };
      snap.status = 'healthy';
      snap.check = 'healthy';
      delete (snap as { rollback?: string }).rollback;
      writeFileSync(join(d, 'snapshot.json'), `${JSON.stringify(snap, null, 2)}\n`);
    });
    const statusResult = await verify(status);
    expect(statusResult.code).toBe(3);
    expect(statusResult.stderr).toMatch(/RECORD_TAMPERED/);
  });
});
