import { spawn } from 'node:child_process';
import { readdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChainedLogWriter } from '../../src/record/log-chain-writer.ts';
import { CHAIN_FILE, LOG_FILE } from '../../src/record/record-files.ts';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'log-chain-writer-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Opens a writer on `dir` in a child process, so a mkdir that never returns cannot hang the tests. */
async function openInChild(dir: string, timeoutMs: number): Promise<{ out: string; timedOut: boolean }> {
  const scratch = await tempDir();
  const script = join(scratch, 'open.mts');
  const moduleUrl = new URL('../../src/record/log-chain-writer.ts', import.meta.url).href;
  await writeFile(
    script,
    `import { ChainedLogWriter } from ${JSON.stringify(moduleUrl)};
try {
  await (await ChainedLogWriter.open(process.argv[2] as string)).close();
  console.log('opened');
} catch (error) {
  console.log(\`failed \${(error as NodeJS.ErrnoException).code}\`);
}
`,
  );
  const child = spawn(process.execPath, [script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  await new Promise((done) => child.on('exit', done));
  clearTimeout(timer);
  return { out: out.trim(), timedOut };
}

describe('ChainedLogWriter.open', () => {
  it('creates the record folder and its missing parents', async () => {
    const dir = join(await tempDir(), 'out', 'runs', 'record');
    const writer = await ChainedLogWriter.open(dir);
    await writer.close();
    expect((await readdir(dir)).sort()).toEqual([LOG_FILE, CHAIN_FILE].sort());
  });

  it('refuses a record folder below a file, as mkdir does', async () => {
    const file = join(await tempDir(), 'not-a-folder');
    await writeFile(file, '');
    await expect(ChainedLogWriter.open(join(file, 'runs', 'record'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(ChainedLogWriter.open(file)).rejects.toMatchObject({ code: 'EEXIST' });
  });

  // mkdir under /proc answers ENOENT although the parent exists; a recursive mkdir retries forever.
  it.runIf(process.platform === 'linux')('fails under /proc instead of spinning in mkdir', async () => {
    const result = await openInChild('/proc/self/remediate-records/run', 20_000);
    expect(result.timedOut).toBe(false);
    expect(result.out).toBe('failed ENOENT');
  });
});
