import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { treeDigest, treeFile, type TreeFile } from '../../src/core/tree-digest.ts';

const file = (path: string, content: string, mode: TreeFile['mode'] = '100644'): TreeFile =>
  treeFile(path, mode, Buffer.from(content));
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('treeDigest', () => {
  it('hashes the sorted listing `<mode> <sha256> <path>\\n` (README, Versions and tags)', () => {
    const files = [file('run.sh', 'echo hi\n', '100755'), file('remediation.yml', 'name: x\n')];
    const listing = `100644 ${sha('name: x\n')} remediation.yml\n100755 ${sha('echo hi\n')} run.sh\n`;
    expect(treeDigest(files)).toBe(`sha256:${sha(listing)}`);
  });

  it('does not depend on the order files are read in', () => {
    const a = [file('a', '1'), file('b/c', '2'), file('b-d', '3')];
    expect(treeDigest(a)).toBe(treeDigest([...a].reverse()));
  });

  it('changes when content, a path or the executable bit changes', () => {
    const base = treeDigest([file('x.sh', 'echo\n', '100755')]);
    expect(treeDigest([file('x.sh', 'echo \n', '100755')])).not.toBe(base);
    expect(treeDigest([file('y.sh', 'echo\n', '100755')])).not.toBe(base);
    expect(treeDigest([file('x.sh', 'echo\n', '100644')])).not.toBe(base);
  });
});
