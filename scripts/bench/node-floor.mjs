// Baseline for the log-throughput benchmark: the least a Node process must do with a step's
// output to keep a durable, hashed copy (read the pipe, sha256 every byte, write it, fsync at the
// end), with no redaction, no chain and no record. Usage: node node-floor.mjs <gen> <bytes> <out>
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

const [gen, bytes, out] = process.argv.slice(2);
const fd = openSync(out, 'w');
const hash = createHash('sha256');
const child = spawn(process.execPath, [gen, bytes], { stdio: ['ignore', 'pipe', 'inherit'] });
child.stdout.on('data', (chunk) => {
  hash.update(chunk);
  writeSync(fd, chunk);
});
child.on('close', (code) => {
  fsyncSync(fd);
  closeSync(fd);
  hash.digest('hex');
  process.exit(code ?? 1);
});
