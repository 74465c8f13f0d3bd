// Benchmark log generator: writes exactly <bytes> bytes of mixed-length text lines to stdout,
// ending with one long line that has no trailing newline. Deterministic for a given size and
// environment (S1..S10), so the benchmark can write the same bytes to a file for its baselines.
// Some lines carry declared secret values (raw and base64) so redaction has real work to do.
const total = Number(process.argv[2]);
if (!Number.isSafeInteger(total) || total < 4096) {
  process.stderr.write('usage: gen-log.mjs <bytes >= 4096>\n');
  process.exit(2);
}

const secrets = [];
for (let i = 1; i <= 10; i++) secrets.push(process.env[`S${i}`] ?? '');
// Secrets that appear in the output: S1, S3 and S7 raw, S2 as base64. The other six are declared
// and must be scanned for, but never occur.
const planted = [secrets[0], secrets[2], secrets[6], Buffer.from(secrets[1]).toString('base64')].filter(Boolean);

// Small deterministic PRNG (xorshift32); the exact sequence only has to be stable.
let state = 0x9e3779b9;
function rand() {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 4294967296;
}

const ALPHABET = Buffer.from(
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789      .,:;-_=/()[]{}<>"\'#@%+*',
  'latin1',
);
function fill(buffer, at, length) {
  for (let i = 0; i < length; i++) buffer[at + i] = ALPHABET[Math.floor(rand() * ALPHABET.length)];
}

function lineLength() {
  const r = rand();
  if (r < 0.05) return 0; // blank lines
  if (r < 0.75) return 1 + Math.floor(rand() * 80); // typical log lines
  if (r < 0.97) return 80 + Math.floor(rand() * 400); // long lines
  return 480 + Math.floor(rand() * 7700); // stack traces, JSON blobs
}

// A few distinct 1 MiB blocks of whole lines, emitted in rotation. Each line starts with a
// timestamp; one line in 397 carries `token=<secret> ` at a random place.
const BLOCK = 1 << 20;
function makeBlock() {
  const block = Buffer.alloc(BLOCK + 16384);
  let at = 0;
  let n = 0;
  while (at < BLOCK) {
    at += block.write(`2026-01-01T00:00:${String(n % 60).padStart(2, '0')}Z `, at, 'latin1');
    const length = lineLength();
    if (++n % 397 === 0) {
      const secret = planted[Math.floor(rand() * planted.length)];
      const before = Math.floor(rand() * (length + 1));
      fill(block, at, before);
      at += before;
      at += block.write(`token=${secret} `, at, 'latin1');
      fill(block, at, length - before);
      at += length - before;
    } else {
      fill(block, at, length);
      at += length;
    }
    block[at++] = 0x0a;
  }
  return block.subarray(0, BLOCK);
}
const blocks = [makeBlock(), makeBlock(), makeBlock(), makeBlock()];
// A block cut at BLOCK bytes may end mid-line; end each on a newline so lines stay whole.
for (const b of blocks) b[BLOCK - 1] = 0x0a;

const longLength = Math.min(1 << 20, Math.floor(total / 8));
const long = Buffer.alloc(longLength);
fill(long, 0, longLength);
long.write('LONG ', 0, 'latin1');
if (planted[0]) long.write(` ${planted[0]} `, Math.floor(longLength / 2), 'latin1');
long[longLength - 1] = 0x21; // '!', and no newline after it

const out = process.stdout;
function write(buffer) {
  return out.write(buffer) ? null : new Promise((resolve) => out.once('drain', resolve));
}

let remaining = total - long.length;
let i = 0;
while (remaining > 0) {
  const block = blocks[i++ % blocks.length];
  const chunk =
    remaining >= block.length ? block : Buffer.concat([block.subarray(0, remaining - 1), Buffer.from('\n')]);
  remaining -= chunk.length;
  const wait = write(chunk);
  if (wait) await wait;
}
const wait = write(long);
if (wait) await wait;
