// The baseline of section 7: the least an HTTP endpoint on this machine can do per request. A
// node:http server that reads each POST body to its end and answers 200 with a short JSON body,
// nothing else (no parsing, no disk). Prints `listening <url>` on standard output once it listens.
// Usage: node_modules/.bin/node scripts/bench/bare-server.mjs
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(405).end();
    return;
  }
  req.on('data', () => {});
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}\n');
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`listening http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
