// The second baseline of section 7: the least a *durable* endpoint on this machine can do per
// request. A node:http server that reads each POST body, appends the bodies of one event-loop turn
// to a file with one write and one fdatasync (a group commit, as the gateway does), and answers
// 200 only after that sync. No parsing, no database. At one connection every request pays a
// whole sync, so this is the ceiling any endpoint that syncs before answering can reach here.
// Prints `listening <url>` on standard output once it listens.
// Usage: node_modules/.bin/node scripts/bench/durable-floor-server.mjs <file to append to>
import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';
import { setImmediate } from 'node:timers';

const file = process.argv[2];
if (!file) {
  console.error('usage: durable-floor-server.mjs <file>');
  process.exit(2);
}
const fd = openSync(file, 'a');
let pending = [];

function flush() {
  const batch = pending;
  pending = [];
  writeSync(fd, Buffer.concat(batch.map((p) => p.body)));
  fdatasyncSync(fd);
  for (const { res } of batch) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}\n');
  }
}

const server = createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(405).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (pending.length === 0) setImmediate(flush);
    pending.push({ body: Buffer.concat([...chunks, Buffer.from('\n')]), res });
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`listening http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () =>
  server
    .close(() => {
      closeSync(fd);
      process.exit(0);
    })
    .closeAllConnections(),
);
