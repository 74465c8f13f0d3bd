import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBoundedFile, tryReadBoundedFile } from '../../src/adapters/bounded-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'remediate-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readBoundedFile', () => {
  it('reads a file of exactly the limit, and refuses one byte more', () => {
    writeFileSync(join(dir, 'ten'), '0123456789');
    expect(readBoundedFile(join(dir, 'ten'), { label: 'test file', maxBytes: 10 }).toString()).toBe('0123456789');
    expect(() => readBoundedFile(join(dir, 'ten'), { label: 'test file', maxBytes: 9 })).toThrow(
      expect.objectContaining({ code: 'FILE_TOO_LARGE' }),
    );
  });

  it('stops reading past the limit when the stated size is wrong (/proc files say 0)', () => {
    expect(() => readBoundedFile('/proc/self/maps', { label: 'test file', maxBytes: 100 })).toThrow(
      expect.objectContaining({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('over 100 bytes') }),
    );
    // Read to its end when it fits: more than the one byte its stated size would allow.
    expect(readBoundedFile('/proc/self/maps', { label: 'test file', maxBytes: 1 << 24 }).byteLength).toBeGreaterThan(
      100,
    );
  });

  it('returns undefined for a missing file from the try form only', () => {
    expect(tryReadBoundedFile(join(dir, 'none'), { label: 'test file', maxBytes: 10 })).toBeUndefined();
    expect(() => readBoundedFile(join(dir, 'none'), { label: 'test file', maxBytes: 10 })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
