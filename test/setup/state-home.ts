// Every test file gets its own XDG_STATE_HOME, removed when its tests end: a CLI run a test starts
// without --out writes its record under it (the CLI's default, $XDG_STATE_HOME/remediate/runs),
// never under the user's own ~/.local/state. Set in process.env, which the contexts of in-process
// runs (gitTestEnv) and every spawned CLI inherit; a test that reads the default sets its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const stateHome = mkdtempSync(join(tmpdir(), 'remediate-state-'));
process.env['XDG_STATE_HOME'] = stateHome;
afterAll(() => rmSync(stateHome, { recursive: true, force: true }));
