import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { treeFile, type TreeFile } from '../../src/core/tree-digest.ts';
import {
  checkDefinitionBundle,
  MAX_COPIED_FILE_BYTES,
  readDefinitionBundle,
  writeDefinitionBundle,
} from '../../src/record/definition-bundle.ts';
import type { RunSnapshot } from '../../src/record/snapshot.ts';
import { treeListing } from '../../src/core/tree-digest.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  dirs.push(dir);
  return dir;
}

const longPath = `${'deep/'.repeat(30)}script.sh`; // 159 bytes: needs ustar's prefix field
const files: TreeFile[] = [
  treeFile('remediation.yml', '100644', Buffer.from('name: x\n')),
  treeFile('bin/fix.sh', '100755', Buffer.from('#!/bin/sh\necho fix\n')),
  treeFile('empty', '100644', Buffer.alloc(0)),
  treeFile('blocks.bin', '100644', Buffer.alloc(1024, 7)),
  treeFile(longPath, '100755', Buffer.from('echo deep\n')),
];

function snapshotFor(listed: readonly TreeFile[], definition: RunSnapshot['definition']): RunSnapshot {
  return { remediation: { files: treeListing(listed) }, definition } as unknown as RunSnapshot;
}

describe('definition.tar', () => {
  it('is read by GNU tar: the same paths, bytes and modes', () => {
    const dir = folder();
    const written = writeDefinitionBundle(dir, files);
    expect(written.definition).toEqual({ file: 'definition.tar', omitted: [] });
    // The sha256 it returns (the record's seal) is of the file written.
    expect(written.sha256).toBe(
      execFileSync('sha256sum', [join(dir, 'definition.tar')], { encoding: 'utf8' }).split(' ')[0],
    );
    const listing = execFileSync('tar', ['-tvf', join(dir, 'definition.tar')], { encoding: 'utf8' });
    expect(listing).toMatch(/^-rwxr-xr-x .* bin\/fix\.sh$/m);
    expect(listing).toMatch(/^-rw-r--r-- .* remediation\.yml$/m);
    const out = join(dir, 'x');
    mkdirSync(out);
    execFileSync('tar', ['-xf', join(dir, 'definition.tar'), '-C', out]);
    for (const file of files) {
      expect(readFileSync(join(out, file.path)).equals(file.content), file.path).toBe(true);
      expect(statSync(join(out, file.path)).mode & 0o111, file.path).toBe(file.mode === '100755' ? 0o111 : 0);
    }
  });

  it('reads back exactly what it wrote, and is the same bytes every time', () => {
    const a = folder();
    const b = folder();
    writeDefinitionBundle(a, files);
    writeDefinitionBundle(b, [...files].reverse());
    const bytes = readFileSync(join(a, 'definition.tar'));
    expect(bytes.equals(readFileSync(join(b, 'definition.tar')))).toBe(true);
    const back = readDefinitionBundle(bytes);
    expect(back.map((f) => [f.path, f.mode, f.sha256])).toEqual(
      treeListing(files).map((f) => [f.path, f.mode, f.sha256]),
    );
    expect(checkDefinitionBundle(bytes, snapshotFor(files, { file: 'definition.tar', omitted: [] }))).toBeUndefined();
  });

  it('leaves out files too large to copy and paths ustar cannot hold, and says so', () => {
    const dir = folder();
    const big = treeFile('big.bin', '100644', Buffer.alloc(MAX_COPIED_FILE_BYTES + 1));
    const unfit = treeFile(`${'x'.repeat(120)}/${'y'.repeat(120)}`, '100644', Buffer.from('z'));
    const all = [...files, big, unfit];
    const written = writeDefinitionBundle(dir, all).definition;
    expect(written.omitted).toEqual(['big.bin', unfit.path]);
    const bytes = readFileSync(join(dir, 'definition.tar'));
    expect(bytes.byteLength).toBeLessThan(20_000);
    expect(checkDefinitionBundle(bytes, snapshotFor(all, written))).toBeUndefined();
    // An omission the snapshot does not admit is a problem.
    expect(checkDefinitionBundle(bytes, snapshotFor(all, { file: 'definition.tar', omitted: ['big.bin'] }))).toMatch(
      /leaves out/,
    );
  });

  it('is refused when a copy is not the verified file', () => {
    const dir = folder();
    writeDefinitionBundle(dir, files);
    const bytes = readFileSync(join(dir, 'definition.tar'));
    const other = [...files.slice(1), treeFile('remediation.yml', '100644', Buffer.from('name: y\n'))];
    expect(checkDefinitionBundle(bytes, snapshotFor(other, { file: 'definition.tar', omitted: [] }))).toMatch(
      /remediation\.yml is not the verified file/,
    );
    const modes = files.map((f) => (f.path === 'bin/fix.sh' ? treeFile(f.path, '100644', f.content) : f));
    expect(checkDefinitionBundle(bytes, snapshotFor(modes, { file: 'definition.tar', omitted: [] }))).toMatch(
      /bin\/fix\.sh is not the verified file .*mode 100755/,
    );
    expect(checkDefinitionBundle(bytes, snapshotFor(files.slice(1), { file: 'definition.tar', omitted: [] }))).toMatch(
      /holds remediation\.yml, which is not a file of the verified definition/,
    );
    expect(checkDefinitionBundle(undefined, snapshotFor(files, { file: 'definition.tar', omitted: [] }))).toMatch(
      /definition\.tar is missing/,
    );
  });

  // Attack: a crafted bundle whose reader (show, or someone running tar) writes outside a folder,
  // shows a file twice, or hides a link or extra bytes.
  it('refuses crafted bundles: unsafe paths, duplicates, links, bad checksums, trailing bytes', () => {
    const dir = folder();
    writeDefinitionBundle(dir, [treeFile('a.sh', '100644', Buffer.from('echo a\n'))]);
    const good = readFileSync(join(dir, 'definition.tar'));
    const withHeader = (edit: (header: Buffer) => void): Buffer => {
      const bytes = Buffer.from(good);
      const header = bytes.subarray(0, 512);
      edit(header);
      header.fill(0x20, 148, 156);
      let sum = 0;
      for (const b of header) sum += b;
      header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
      return bytes;
    };
    const named = (name: string) =>
      withHeader((h) => {
        h.fill(0, 0, 100);
        h.write(name, 0, 'utf8');
      });
    expect(() => readDefinitionBundle(named('../a.sh'))).toThrow(/unsafe path/);
    expect(() => readDefinitionBundle(named('/etc/a.sh'))).toThrow(/unsafe path/);
    expect(() => readDefinitionBundle(withHeader((h) => h.write('2', 156, 'ascii')))).toThrow(/not a regular file/);
    expect(() => readDefinitionBundle(withHeader((h) => h.write('0004777\0', 100, 'ascii')))).toThrow(/mode 4777/);
    const badSum = Buffer.from(good);
    badSum[0] = 0x62;
    expect(() => readDefinitionBundle(badSum)).toThrow(/bad header checksum/);
    const doubled = Buffer.concat([good.subarray(0, 1024), good]);
    expect(() => readDefinitionBundle(doubled)).toThrow(/appears twice/);
    expect(() => readDefinitionBundle(Buffer.concat([good, Buffer.from('x')]))).toThrow(/bytes after its end/);
    expect(() => readDefinitionBundle(good.subarray(0, 700))).toThrow(/end blocks|cut short/);
  });
});
