// Bundles each entry point with @vercel/ncc into dist/<entry>/index.js (ESM).
// The output must be byte-for-byte reproducible: CI rebuilds and fails on any diff.
import ncc from '@vercel/ncc';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = [
  { name: 'cli', source: 'src/cli.ts', executable: true },
  { name: 'main', source: 'src/main.ts', executable: false },
  { name: 'post', source: 'src/post.ts', executable: false },
];

for (const entry of entries) {
  const outDir = join(root, 'dist', entry.name);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  let output;
  try {
    output = await ncc(join(root, entry.source), {
      minify: false,
      sourceMap: false,
      quiet: true,
      target: 'es2022',
      license: 'licenses.txt',
    });
  } catch (error) {
    // ncc's own stack is a page of minified code; the message says what to fix.
    console.error(`build of ${entry.source} failed:\n${String(error?.message ?? error).slice(0, 4000)}`);
    process.exit(1);
  }
  const { code, assets } = output;
  const file = join(outDir, 'index.js');
  await writeFile(file, code);
  if (entry.executable) await chmod(file, 0o755);
  for (const [name, asset] of Object.entries(assets)) {
    await mkdir(dirname(join(outDir, name)), { recursive: true });
    await writeFile(join(outDir, name), asset.source);
  }
}
