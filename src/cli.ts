#!/usr/bin/env node
// Entry of the `remediate` CLI. It turns on Node's on-disk compile cache (Node 22.1+) before the
// rest of the tool loads, so later runs skip most of the bundle's parse and compile time, then
// hands over to the CLI proper.
import * as nodeModule from 'node:module';

nodeModule.enableCompileCache?.();
const { main } = await import('./cli/main.ts');
await main();
