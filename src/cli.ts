#!/usr/bin/env node
// Entry of the `remediate` CLI. It refuses a Node.js older than the tool supports before anything
// else loads (the rest of the tool is a separate chunk, imported only after the check), keeps the
// credentials of a command that runs steps out of its environment block, turns on
// Node's on-disk compile cache (Node 22.1+) so later runs skip most of the bundle's parse and
// compile time, then hands over to the CLI proper.
import * as nodeModule from 'node:module';
import { ExitCode } from './errors.ts';
import { nodeVersionRefusal } from './cli/node-support.ts';
import { sealEnvironment } from './adapters/sealed-environment.ts';

/** Commands that start steps: they run with the credentials out of the environment block. */
const STEP_COMMANDS = new Set(['run', 'demo']);

const refusal = nodeVersionRefusal(process.versions.node);
if (refusal === undefined) {
  // Before the rest of the tool loads: the re-executed image starts from here again.
  // A dry run starts no step: nothing to seal.
  if (STEP_COMMANDS.has(process.argv[2] ?? '') && !process.argv.includes('--dry-run')) sealEnvironment();
  nodeModule.enableCompileCache?.();
  const { main } = await import('./cli/main.ts');
  await main();
} else {
  process.stderr.write(`${refusal}\n`);
  process.exitCode = ExitCode.usage;
}
