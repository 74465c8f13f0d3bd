import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gitTestEnv } from '../helpers/git-repo.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe("npm run demo (the README's first command)", () => {
  it('releases, runs, verifies, and shows both tamper refusals, from the built bundle', () => {
    const bundle = resolve(root, 'dist/cli/index.js');
    expect(existsSync(bundle)).toBe(true);
    const output = execFileSync(process.execPath, [bundle, 'demo', '--clean'], {
      cwd: root,
      env: gitTestEnv(),
      encoding: 'utf8',
    });
    expect(output).toMatch(/released reapply-config@v1\.0\.0/);
    expect(output).toMatch(/reapply-config@v1\.0\.0: succeeded/);
    expect(output).toMatch(/receipt: .*receipt\.dsse\.json \(signed by [0-9a-f]{16}\)/);
    expect(output).toMatch(/intact: status succeeded/);
    expect(output).toMatch(/authenticated: receipt signed by [0-9a-f]{16}/);
    // The rewritten snapshot: consistent alone, refused with the run key.
    expect(output).toMatch(/refused \[UNANCHORED\]: .*rewritten-record is consistent but NOT authenticated/);
    expect(output).toMatch(
      /refused \[RECORD_TAMPERED\]: .*rewritten-record: snapshot\.json has sha256 [0-9a-f]{64}, but the receipt signed/,
    );
    expect(output).toMatch(/refused \[RECORD_TAMPERED\]: .* bytes \d+-\d+ of run\.log were altered/);
    expect(output).toMatch(/refused \[COMMIT_MISMATCH\]/);
    expect(output).toMatch(/nothing ran; the refusal is recorded/);
    const folder = /\(in (\/[^)]+)\)/.exec(output)?.[1];
    expect(folder && existsSync(folder)).toBe(false);
  });
});
