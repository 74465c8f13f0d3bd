// The targets-file fixtures shared by the parser, CLI, Action and workflow tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Folder of the targets fixtures: targets.yml (valid), hostile-targets.yml, hostile-target-names.json. */
export const TARGETS_FIXTURES = join(import.meta.dirname, '../fixtures/targets');

/** Hostile target names, each under the attack it stands for. */
export const HOSTILE_TARGET_NAMES = JSON.parse(
  readFileSync(join(TARGETS_FIXTURES, 'hostile-target-names.json'), 'utf8'),
) as Record<string, string>;
