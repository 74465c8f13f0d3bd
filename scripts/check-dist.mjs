// Fails when dist/ or src/generated/ differ from what is committed (or staged): the build just
// ran, so any difference means they were not rebuilt from the current sources and schemas.
import { execFileSync } from 'node:child_process';

const changed = execFileSync('git', ['diff', '--name-only', '--', 'dist/', 'src/generated/'], { encoding: 'utf8' });
const added = execFileSync('git', ['ls-files', '--others', '--exclude-standard', '--', 'dist/', 'src/generated/'], {
  encoding: 'utf8',
});
if (changed.trim() || added.trim()) {
  console.error(
    `dist/ or src/generated/ is not up to date with the sources. Run \`npm run build\` and commit both:\n${changed}${added}`,
  );
  process.exit(1);
}
