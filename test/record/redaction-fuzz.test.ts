// Fuzz: random secrets printed through every encoding and line transform the redactor claims to
// cover (README, "Secrets"), cut into random chunks on both output streams, go through a real
// RunRecorder into a real record folder; no record file may show them. Seeded and bounded, so a
// run is deterministic and takes a few seconds; a failure names its round and what was printed.
import { describe, expect, it } from 'vitest';
import { recordRun, type LogWrite } from './recorder-harness.ts';

const SEED = 0x11_5ec7;
const ROUNDS = 150;
/** Bytes of a printed secret that must not appear together anywhere in a record. */
const WINDOW = 8;

/** Deterministic pseudo-random numbers (mulberry32), so a failing round can be replayed. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type Random = () => number;

const int = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
// No `*`: redaction writes `***`, and a secret made of markers could not be told from one.
const PUNCTUATION = ` !"#$%&'()+,-./:;<=>?@[\\]^_\`{|}~`;
const UNICODE = ['é', 'ö', 'ß', '€', '中', '😀'];
const BASE64_CHARS = `${ALNUM}+/`;

function randomText(random: Random, length: number, alphabet: string, unicode = false): string {
  let text = '';
  while (text.length < length) {
    text += unicode && random() < 0.1 ? pick(random, UNICODE) : alphabet[Math.floor(random() * alphabet.length)];
  }
  return text;
}

/** A token-like secret: mostly letters and digits, some punctuation and non-ASCII. */
function token(random: Random): string {
  const alphabet = random() < 0.5 ? ALNUM : `${ALNUM}${PUNCTUATION}`;
  return randomText(random, int(random, 8, 48), alphabet, random() < 0.3);
}

/** A PEM-like multi-line secret whose lines are all long enough to be forms of their own. */
function multiLine(random: Random): string {
  const lines = Array.from({ length: int(random, 2, 6) }, () => randomText(random, int(random, 8, 64), BASE64_CHARS));
  const text = ['-----BEGIN FUZZ KEY-----', ...lines, '-----END FUZZ KEY-----'].join('\n');
  return random() < 0.7 ? `${text}\n` : text;
}

/** A secret that overlaps itself (`abab`): a proper prefix of it is also a suffix. */
function periodic(random: Random): { secret: string; period: number } {
  const unit = randomText(random, int(random, 2, 4), ALNUM);
  return { secret: unit.repeat(Math.ceil(int(random, 8, 20) / unit.length)), period: unit.length };
}

/** What a transform printed, and the parts of it that must not appear in the record. */
interface Printed {
  readonly text: string;
  readonly sensitive: readonly string[];
}

function wrap(text: string, columns: number): string {
  return (text.match(new RegExp(`.{1,${columns}}`, 'gs')) ?? []).join('\n');
}

/** The characters of a base64 text that encode only bytes [offset, offset + length). */
function charsOfBytes(encoded: string, offset: number, length: number): string {
  return encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + length)) / 6));
}

function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

const lines = (secret: string): string[] => secret.trimEnd().split('\n');

/** Ways tools print a secret, each as the README lists them. Undefined where one does not apply. */
const TRANSFORMS: Record<string, (secret: string, random: Random) => Printed | undefined> = {
  raw: (s) => ({ text: s, sensitive: [s] }),
  'echo "$(cat file)"': (s) => ({ text: `${s.replace(/\n+$/, '')}\n`, sensitive: [s.replace(/\n+$/, '')] }),
  crlf: (s) =>
    s.includes('\n') ? { text: s.replaceAll('\n', '\r\n'), sensitive: [s.replaceAll('\n', '\r\n')] } : undefined,
  'sed -n Np | diff': (s, random) => {
    if (!s.includes('\n')) return undefined;
    const line = pick(random, lines(s));
    return { text: `${pick(random, ['', '< ', '> ', '+', '-', '  '])}${line}\n`, sensitive: [line.trim()] };
  },
  'head -n N': (s, random) => {
    if (!s.includes('\n')) return undefined;
    const head = lines(s).slice(0, int(random, 1, lines(s).length - 1));
    return { text: `${head.join('\n')}\n`, sensitive: head };
  },
  base64: (s) => ({ text: Buffer.from(s).toString('base64'), sensitive: [Buffer.from(s).toString('base64')] }),
  base64url: (s) => ({ text: Buffer.from(s).toString('base64url'), sensitive: [Buffer.from(s).toString('base64url')] }),
  'base64 | openssl base64, wrapped': (s, random) => {
    const data = random() < 0.5 ? s : `${s}\n`;
    const wrapped = wrap(Buffer.from(data).toString('base64'), pick(random, [76, 64]));
    const text = random() < 0.3 ? wrapped.replaceAll('\n', '\r\n') : wrapped;
    return { text: `${text}\n`, sensitive: [text] };
  },
  'base64 | head -1': (s, random) => {
    const columns = pick(random, [76, 64]);
    const encoded = Buffer.from(s).toString('base64');
    if (encoded.length < 2 * columns) return undefined;
    const line = encoded.slice(0, columns);
    return { text: `${line}\n`, sensitive: [line] };
  },
  'inside longer base64 (Basic, JWT)': (s, random) => {
    const before = randomText(random, int(random, 0, 9), `${ALNUM}:{}"`);
    const after = randomText(random, int(random, 0, 9), `${ALNUM}:{}"`);
    const alphabet = pick(random, ['base64', 'base64url'] as const);
    const encoded = Buffer.from(`${before}${s}${after}`).toString(alphabet);
    const core = charsOfBytes(encoded, Buffer.byteLength(before), Buffer.byteLength(s));
    return { text: `Authorization: Basic ${encoded}\n`, sensitive: [core] };
  },
  hex: (s) => ({ text: Buffer.from(s).toString('hex'), sensitive: [Buffer.from(s).toString('hex')] }),
  HEX: (s) => {
    const hex = Buffer.from(s).toString('hex').toUpperCase();
    return { text: hex, sensitive: [hex] };
  },
  'xxd -p': (s, random) => {
    const text = wrap(Buffer.from(random() < 0.5 ? s : `${s}\n`).toString('hex'), 60);
    return { text: `${text}\n`, sensitive: [text] };
  },
  encodeURIComponent: (s) => ({ text: encodeURIComponent(s), sensitive: [encodeURIComponent(s)] }),
  'form encoding (+)': (s) => {
    const form = encodeURIComponent(s).replaceAll('%20', '+');
    return { text: `a=${form}&b=1`, sensitive: [form] };
  },
  URLSearchParams: (s) => {
    const form = new URLSearchParams({ t: s }).toString().slice(2);
    return { text: `?t=${form}`, sensitive: [form] };
  },
  'curl --data-urlencode': (s) => {
    const form = encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    return { text: form, sensitive: [form] };
  },
  'JSON (JavaScript)': (s) => ({ text: JSON.stringify({ s }), sensitive: [JSON.stringify(s).slice(1, -1)] }),
  'JSON (Python)': (s) => {
    const escaped = JSON.stringify(s)
      .slice(1, -1)
      .replace(/[\u0080-\uffff]/g, unicodeEscape);
    return { text: `{"s": "${escaped}"}`, sensitive: [escaped] };
  },
  'JSON (PHP)': (s) => {
    const escaped = JSON.stringify(s)
      .slice(1, -1)
      .replace(/[\u0080-\uffff]/g, unicodeEscape)
      .replaceAll('/', '\\/');
    return { text: `{"s":"${escaped}"}`, sensitive: [escaped] };
  },
  'JSON (Go)': (s) => {
    const escaped = JSON.stringify(s).slice(1, -1).replace(/[<>&]/g, unicodeEscape);
    return { text: `{"s":"${escaped}"}`, sensitive: [escaped] };
  },
};

/** Cuts `bytes` into chunks of a style chosen per stream: bytewise, small, mixed or whole. */
function chunk(random: Random, bytes: Buffer): Buffer[] {
  const style = int(random, 0, 3);
  if (style === 3) return [bytes];
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = style === 0 ? int(random, 1, 3) : style === 1 ? int(random, 1, 40) : int(random, 1, 4096);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

/** One round: what was printed (for the failure message) and what must not be in the record. */
interface Round {
  readonly secrets: string[];
  readonly writes: LogWrite[];
  readonly fields: string[];
  /** Printed transforms of secrets printed whole: no WINDOW bytes of any may appear. */
  readonly whole: { transform: string; secret: string; printed: Printed }[];
  /** Secrets printed torn across the two streams: they must never appear whole. */
  readonly torn: string[];
}

function makeRound(random: Random): Round {
  const secrets: string[] = [];
  const wholeSecrets: string[] = [];
  for (let k = int(random, 1, 3); k > 0; k--) {
    const kind = int(random, 0, 3);
    const secret = kind === 0 ? multiLine(random) : kind === 1 ? periodic(random).secret : token(random);
    wholeSecrets.push(secret);
    // Two secrets where one's end starts the other.
    if (random() < 0.2) wholeSecrets.push(`${secret.slice(-int(random, 2, 6))}${token(random)}`);
  }
  secrets.push(...wholeSecrets);
  const round: Round = { secrets, writes: [], fields: [], whole: [], torn: [] };
  const filler = (): string => randomText(random, int(random, 0, 30), `${ALNUM} .:=-_/\n`);
  for (let step = int(random, 1, 3); step > 0; step--) {
    // As the executor writes them: each step's output sits between two markers.
    round.writes.push({ kind: 'marker', text: `==> steps/print-${step} attempt 1/1` });
    const streams = { stdout: [] as string[], stderr: [] as string[] };
    for (let items = int(random, 2, 8); items > 0; items--) {
      const secret = pick(random, wholeSecrets);
      const names = Object.keys(TRANSFORMS);
      let printed: Printed | undefined;
      let transform = '';
      while (printed === undefined) {
        transform = pick(random, names);
        // A step sees the value as UTF-8: a lone surrogate (a secret cut inside a pair) as U+FFFD.
        printed = TRANSFORMS[transform]?.(secret.toWellFormed(), random);
      }
      round.whole.push({ transform, secret, printed });
      const where = random();
      if (where < 0.8) streams[random() < 0.5 ? 'stdout' : 'stderr'].push(filler(), printed.text, filler());
      else if (where < 0.9) round.fields.push(`${filler()}${printed.text}${filler()}`);
      else round.writes.push({ kind: 'line', text: `error: ${printed.text}` });
    }
    // A secret printed torn: its start ends one stream and its rest the other, so both are the
    // remainders joined at the step's end. Each stream alone shows no secret.
    if (random() < 0.6) {
      let secret: string;
      let cut: number;
      if (random() < 0.5) {
        const made = periodic(random);
        secret = made.secret;
        cut = made.period * int(random, 1, Math.max(1, Math.floor(secret.length / made.period) - 1));
      } else {
        secret = randomText(random, int(random, 8, 16), ALNUM);
        cut = int(random, 1, secret.length - 1);
        // The rest may start another secret, so the second stream holds it back too.
        secrets.push(`${secret.slice(cut)}${randomText(random, 8, ALNUM)}`);
      }
      secrets.push(secret);
      round.torn.push(secret);
      const first = random() < 0.5 ? 'stdout' : 'stderr';
      streams[first].push(secret.slice(0, cut));
      streams[first === 'stdout' ? 'stderr' : 'stdout'].push(secret.slice(cut));
    }
    // Each stream's chunks keep their order; the two streams interleave at random.
    const pending = {
      stdout: chunk(random, Buffer.from(streams.stdout.join(''))),
      stderr: chunk(random, Buffer.from(streams.stderr.join(''))),
    };
    while (pending.stdout.length + pending.stderr.length > 0) {
      const kind = pending.stderr.length === 0 || (pending.stdout.length > 0 && random() < 0.5) ? 'stdout' : 'stderr';
      round.writes.push({ kind, bytes: pending[kind].shift() as Buffer });
    }
    round.writes.push({ kind: 'end-streams' }, { kind: 'marker', text: `<== steps/print-${step} exit 0 (succeeded)` });
  }
  return round;
}

/** The first WINDOW-byte piece of `sensitive` (or its JSON escaping, in JSON) found in `bytes`. */
function findLeak(bytes: Buffer, sensitive: string, json: boolean): string | undefined {
  for (const form of json ? [sensitive, JSON.stringify(sensitive).slice(1, -1)] : [sensitive]) {
    const data = Buffer.from(form);
    for (let at = 0; at + WINDOW <= data.length; at++) {
      if (bytes.includes(data.subarray(at, at + WINDOW))) return data.subarray(at, at + WINDOW).toString();
    }
  }
  return undefined;
}

describe('redaction fuzz through RunRecorder', () => {
  it(`finds no printed secret in run.log or snapshot.json in ${ROUNDS} seeded rounds`, async () => {
    const random = rng(SEED);
    let checked = 0;
    for (let index = 0; index < ROUNDS; index++) {
      const round = makeRound(random);
      const files = await recordRun(round.secrets, round.writes, round.fields);
      // A piece found may have leaked through another item of the round that printed the same
      // secret: the message names the first item whose printed text shares it.
      for (const { transform, secret, printed } of round.whole) {
        for (const sensitive of printed.sensitive) {
          const where = { round: index, transform, secret, printed: printed.text };
          expect(findLeak(files.log, sensitive, false), `run.log: ${JSON.stringify(where)}`).toBeUndefined();
          expect(findLeak(files.snapshot, sensitive, true), `snapshot.json: ${JSON.stringify(where)}`).toBeUndefined();
          checked++;
        }
      }
      for (const secret of round.torn) {
        expect(files.log.includes(secret), `run.log, torn: ${JSON.stringify({ round: index, secret })}`).toBe(false);
      }
    }
    // The rounds did print things: a generator that printed nothing would pass vacuously.
    expect(checked).toBeGreaterThan(ROUNDS * 4);
  });
});
