import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseRemediation, type Released } from '../helpers/released.ts';

let current: Released | undefined;
afterEach(() => current?.repo.remove());

describe('what a step leaves in its scratch space', () => {
  it('cannot stall or feed the engine by replacing $REMEDIATION_OUTPUT with a FIFO or a link', async () => {
    current = await releaseRemediation(
      'svc',
      [
        'name: svc',
        'description: swaps its output file',
        'steps:',
        // A FIFO would block a plain read for ever: no timeout, no signal handling, no record.
        '  - { id: fifo, run: \'rm "$REMEDIATION_OUTPUT" && mkfifo "$REMEDIATION_OUTPUT"\' }',
        '  - { id: zero, run: \'rm "$REMEDIATION_OUTPUT" && ln -s /dev/zero "$REMEDIATION_OUTPUT"\' }',
        '  - { id: huge, run: \'printf "k=%s\\n" "$(head -c 1100000 /dev/zero | tr "\\0" a)" > "$REMEDIATION_OUTPUT"\' }',
        '  - id: elsewhere',
        '    run: \'echo "stolen=$(cat /etc/hostname)" > "$HOME/elsewhere" && rm "$REMEDIATION_OUTPUT" && ln -s "$HOME/elsewhere" "$REMEDIATION_OUTPUT"\'',
        '',
      ].join('\n'),
    );
    const r = current;
    const result = await r.run([], { HOME: r.repo.dir });
    expect(result.code, result.stderr).toBe(0);
    const dir = r.records()[0]!;
    const snap = r.snapshot(dir);
    expect(snap.status).toBe('succeeded');
    expect(snap.steps.map((s) => s.outputs)).toEqual([{}, {}, {}, {}]);
    const log = readFileSync(join(dir, 'run.log'), 'utf8');
    expect(log).toContain('steps/fifo: outputs ignored: the output file was replaced by something not a regular file');
    expect(log).toContain('steps/zero: outputs ignored: the output file was replaced by a symbolic link');
    expect(log).toContain('steps/elsewhere: outputs ignored: the output file was replaced by a symbolic link');
    expect(log).toContain('steps/huge: outputs ignored: output file is over 1048576 bytes');
  }, 20_000);

  it('never changes a folder outside the scratch space that a step linked into it', async () => {
    current = await releaseRemediation(
      'svc',
      'name: svc\ndescription: links out\nsteps:\n  - { id: link, run: \'ln -s "$HOME/victim" ./victim-link && ln -s "$HOME/victim" ./sub-link\' }\n',
    );
    const r = current;
    const victim = r.repo.path('victim');
    mkdirSync(victim, { mode: 0o500 });
    const result = await r.run([], { HOME: r.repo.dir });
    expect(result.code, result.stderr).toBe(0);
    // Removing the workspace made its folders writable first; the linked folder kept its mode.
    expect(statSync(victim).mode & 0o777).toBe(0o500);
  });
});
