#!/usr/bin/env node
// Entry of the `remediate` CLI: hands argv, environment and streams to runCli and sets the exit code.
import { runCli } from './cli/commands.ts';

const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
});
process.exitCode = code;
