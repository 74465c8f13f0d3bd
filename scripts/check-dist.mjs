// Fails when dist/ differs from the committed (or staged) dist/: the build just ran, so any
// difference means dist/ was not rebuilt from the current src/.
import { execFileSync } from 'node:child_process';

const changed = execFileSync('git', ['diff', '--name-only', '--', 'dist/'], { encoding: 'utf8' });
const added = execFileSync('git', ['ls-files', '--others', '--exclude-standard', '--', 'dist/'], { encoding: 'utf8' });
if (changed.trim() || added.trim()) {
  console.error(`dist/ is not up to date with src/. Run \`npm run build\` and commit dist/:\n${changed}${added}`);
  process.exit(1);
}
