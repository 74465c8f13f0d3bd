import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  InterleavedRedactor,
  MIN_PARTIAL_FORM_LENGTH,
  redactText,
  redactValue,
  secretForms,
  StreamRedactor,
} from '../../src/record/redactor.ts';

/** The bytes of a push or end result, as one string. */
function text(parts: readonly Buffer[]): string {
  return Buffer.concat(parts).toString('utf8');
}

/** Feeds `chunks` through a fresh redactor and returns the whole output. */
function streamAll(secrets: readonly string[], chunks: readonly Buffer[]): string {
  const redactor = new StreamRedactor(secrets);
  const out = chunks.flatMap((chunk) => redactor.push(chunk));
  out.push(...redactor.end());
  return text(out);
}

/** Splits `bytes` at the given offsets. */
function splitAt(bytes: Buffer, offsets: readonly number[]): Buffer[] {
  const parts: Buffer[] = [];
  let last = 0;
  for (const offset of offsets) {
    parts.push(bytes.subarray(last, offset));
    last = offset;
  }
  parts.push(bytes.subarray(last));
  return parts;
}

/** Slow, obviously-correct reference: mark covered bytes, collapse each covered run to ***. */
function naiveRedact(text: string, secrets: readonly string[]): string {
  const data = Buffer.from(text, 'utf8');
  const forms = secrets.flatMap(secretForms).map((form) => Buffer.from(form, 'utf8'));
  const covered = new Uint8Array(data.length);
  for (let start = 0; start < data.length; start++) {
    for (const form of forms) {
      if (start + form.length <= data.length && data.subarray(start, start + form.length).equals(form)) {
        covered.fill(1, start, start + form.length);
      }
    }
  }
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i++) {
    if (covered[i] === 0) out.push(data.subarray(i, i + 1));
    else if (i === 0 || covered[i - 1] === 0) out.push(Buffer.from('***'));
  }
  return Buffer.concat(out).toString('utf8');
}

/** Deterministic pseudo-random numbers so a failure can be replayed. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SECRET = 'hunter2-S3cret';

describe('secretForms', () => {
  it('derives every form once, the forms of the whole secret first', () => {
    const secret = 'a+b/c?d e';
    const forms = secretForms(secret);
    expect(forms[0]).toBe(secret);
    expect(new Set(forms).size).toBe(forms.length);
    for (const form of [
      Buffer.from(secret).toString('base64'),
      Buffer.from(secret).toString('base64url'),
      Buffer.from(`${secret}\n`).toString('base64'),
      Buffer.from(secret).toString('hex'),
      Buffer.from(secret).toString('hex').toUpperCase(),
      'a%2Bb%2Fc%3Fd%20e',
      'a%2Bb%2Fc%3Fd+e',
    ]) {
      expect(forms).toContain(form);
    }
    // base64 without + or / equals base64url minus padding; URL-encoding of plain text is the value.
    expect(secretForms('abcdef').filter((form) => form === 'YWJjZGVm')).toHaveLength(1);
  });

  it('derives the forms of a secret with a lone surrogate as a step sees it, instead of throwing', () => {
    // JSON in REMEDIATION_SECRETS can hold "\ud800"; a step gets the value as UTF-8, with U+FFFD.
    const secret = 'tok\ud800en value';
    expect(() => secretForms(secret)).not.toThrow();
    expect(redactText(`q=${encodeURIComponent('tok\ufffden value')}`, [secret])).toBe('q=***');
    expect(redactText(`raw=${Buffer.from(secret).toString()}`, [secret])).toBe('raw=***');
  });

  it('ignores empty secrets', () => {
    expect(secretForms('')).toEqual([]);
    expect(redactText('nothing to hide', [''])).toBe('nothing to hide');
  });

  it(`keeps a partial form only from ${MIN_PARTIAL_FORM_LENGTH} characters on`, () => {
    const forms = secretForms('-----BEGIN-----\nshort\nlong enough line\n-----END-----\n');
    expect(forms).toContain('long enough line');
    expect(forms).not.toContain('short');
    // Inside a longer base64 text, 7 bytes give 9 characters that depend on the secret alone;
    // the 5 of a 4-byte secret would match unrelated base64 text, so they are not a form.
    expect(secretForms('abcdefg')).toContain('YWJjZGVmZ');
    expect(secretForms('abcd')).not.toContain('YWJjZ');
  });
});

describe('StreamRedactor', () => {
  it('redacts a whole secret in one chunk', () => {
    expect(streamAll([SECRET], [Buffer.from(`token=${SECRET}; again ${SECRET}.`)])).toBe('token=***; again ***.');
  });

  it('redacts a secret split into two chunks at every offset', () => {
    const text = Buffer.from(`before ${SECRET} after`);
    for (let a = 0; a <= text.length; a++) {
      expect(streamAll([SECRET], splitAt(text, [a])), `split at ${a}`).toBe('before *** after');
    }
  });

  it('redacts a secret split into three chunks at every pair of offsets', () => {
    const text = Buffer.from(`x${SECRET}y${SECRET}`);
    for (let a = 0; a <= text.length; a++) {
      for (let b = a; b <= text.length; b++) {
        expect(streamAll([SECRET], splitAt(text, [a, b])), `split at ${a},${b}`).toBe('x***y***');
      }
    }
  });

  it('redacts when fed one byte at a time', () => {
    const text = Buffer.from(`a ${SECRET} b ${Buffer.from(SECRET).toString('base64')} c`);
    const bytes = [...text].map((byte) => Buffer.from([byte]));
    expect(streamAll([SECRET], bytes)).toBe('a *** b *** c');
  });

  it('redacts base64, base64url and URL-encoded forms', () => {
    const secret = 'p@ss word/+?ÿ>';
    const b64 = Buffer.from(secret).toString('base64');
    const b64url = Buffer.from(secret).toString('base64url');
    const url = encodeURIComponent(secret);
    expect(b64).not.toBe(b64url.padEnd(b64.length, '='));
    const text = `basic ${b64}\nurl ?q=${url}&x\njwt ${b64url}.\nplain ${secret}`;
    expect(streamAll([secret], splitAt(Buffer.from(text), [9, 20, 33]))).toBe(
      'basic ***\nurl ?q=***&x\njwt ***.\nplain ***',
    );
  });

  it('redacts overlapping occurrences and a secret that is a prefix of another', () => {
    // Overlapping occurrences of one secret collapse into one marker; no partial tail leaks.
    expect(redactText('xabababay', ['aba'])).toBe('x***y');
    // One secret a prefix of the other: the longer occurrence is fully covered.
    expect(redactText('k=abcdef k=abcxyz', ['abc', 'abcdef'])).toBe('k=*** k=***xyz');
    const text = Buffer.from('[abcdefgh][abcd]');
    for (let a = 0; a <= text.length; a++) {
      expect(streamAll(['abcd', 'abcdefgh'], splitAt(text, [a])), `split at ${a}`).toBe('[***][***]');
    }
  });

  it('redacts a multi-byte UTF-8 secret split inside a character', () => {
    const secret = 'pässwörd-€-😀';
    const text = Buffer.from(`«${secret}» and ${encodeURIComponent(secret)}`);
    for (let a = 0; a <= text.length; a++) {
      expect(streamAll([secret], splitAt(text, [a])), `split at ${a}`).toBe('«***» and ***');
    }
  });

  it('holds back only a possible secret start, never more than longest form - 1 bytes', () => {
    const secret = 'abcdefghi';
    const redactor = new StreamRedactor([secret]);
    const longestForm = secretForms(secret).reduce((a, b) => (b.length > a.length ? b : a));
    const longest = redactor.longestForm;
    expect(longest).toBe(Buffer.byteLength(longestForm));
    // Nothing that could start a secret: everything is released immediately.
    expect(text(redactor.push(Buffer.from('plain output line\n')))).toBe('plain output line\n');
    // A tail that is a prefix of a form waits for the next chunk.
    expect(text(redactor.push(Buffer.from('then abcdefgh')))).toBe('then ');
    expect(text(redactor.push(Buffer.from('X')))).toBe('abcdefghX');
    // The worst case: the tail is the longest form minus its last byte.
    const chunk = Buffer.from(`${'z'.repeat(100)}${longestForm.slice(0, -1)}`);
    const released = Buffer.concat(redactor.push(chunk));
    expect(released.length).toBe(chunk.length - (longest - 1));
    expect(text(redactor.end())).toBe(redactText(longestForm.slice(0, -1), [secret]));
  });

  it('keeps two interleaved streams independent', () => {
    const out = new StreamRedactor([SECRET]);
    const err = new StreamRedactor([SECRET]);
    const half = SECRET.length >> 1;
    const outParts = [out.push(Buffer.from(`o:${SECRET.slice(0, half)}`))];
    const errParts = [err.push(Buffer.from(`e:${SECRET.slice(0, 3)}`))];
    outParts.push(out.push(Buffer.from(`${SECRET.slice(half)}!`)));
    errParts.push(err.push(Buffer.from(`${SECRET.slice(3)}?`)));
    outParts.push(out.end());
    errParts.push(err.end());
    expect(text(outParts.flat())).toBe('o:***!');
    expect(text(errParts.flat())).toBe('e:***?');
  });

  it('matches a slow reference implementation for random text and random chunking', () => {
    const random = rng(42);
    const alphabet = ['a', 'b', 'c', 'é', 'Y', 'W'];
    const pick = (length: number): string =>
      Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let round = 0; round < 600; round++) {
      // Alternate short secrets (dense overlaps) with longer ones (the skip scan jumps further).
      const maxLength = round % 2 === 0 ? 4 : 12;
      const secrets = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
        pick(1 + Math.floor(random() * maxLength)),
      );
      const text = pick(Math.floor(random() * (round % 2 === 0 ? 60 : 400)));
      const bytes = Buffer.from(text);
      const offsets = Array.from({ length: Math.floor(random() * 6) }, () => Math.floor(random() * (bytes.length + 1)));
      offsets.sort((x, y) => x - y);
      const expected = naiveRedact(text, secrets);
      expect(redactText(text, secrets), JSON.stringify({ secrets, text })).toBe(expected);
      expect(streamAll(secrets, splitAt(bytes, offsets)), JSON.stringify({ secrets, text, offsets })).toBe(expected);
    }
  });

  it('passes bytes through unchanged without secrets', () => {
    const redactor = new StreamRedactor([]);
    const chunk = Buffer.from('abc');
    const out = redactor.push(chunk);
    expect(out).toHaveLength(1);
    expect(out[0]).toBe(chunk);
    expect(redactor.end()).toHaveLength(0);
  });

  it('holds a bounded tail however much is pushed', () => {
    const redactor = new StreamRedactor([SECRET]);
    const chunk = Buffer.from(`${'log line\n'.repeat(1000)}${SECRET.slice(0, 5)}`);
    let released = 0;
    for (let i = 0; i < 200; i++) released += Buffer.concat(redactor.push(chunk)).length;
    // Each chunk's trailing partial secret is released as plain text once the next chunk shows it is not one.
    expect(released).toBe(chunk.length * 200 - 5);
    expect(text(redactor.end())).toBe(SECRET.slice(0, 5));
  });

  it('hands out the unchanged bytes of a large chunk as a view of it, without copying', () => {
    const redactor = new StreamRedactor([SECRET]);
    redactor.push(Buffer.from(`held back: ${SECRET.slice(0, 4)}`));
    const chunk = Buffer.from(`${SECRET.slice(4, 6)}x and ${'plain output\n'.repeat(1000)}`);
    const parts = redactor.push(chunk);
    expect(text(parts)).toBe(`${SECRET.slice(0, 6)}x and ${'plain output\n'.repeat(1000)}`);
    // The held-back bytes come first, then the rest of the chunk as a view of its memory.
    expect(parts.at(-1)?.buffer).toBe(chunk.buffer);
    expect(parts.at(-1)?.length).toBeGreaterThan(chunk.length - 10);
  });
});

/** Feeds chunks through `redactor` (reset at the end) and returns the whole output. */
function streamWith(redactor: StreamRedactor, chunks: readonly Buffer[]): string {
  const out = chunks.flatMap((chunk) => redactor.push(chunk));
  out.push(...redactor.end());
  return text(out);
}

/** `text` broken into lines of `columns` characters, joined by `\n`, as `base64` and `xxd -p` print. */
function wrapAt(encoded: string, columns: number): string {
  return (encoded.match(new RegExp(`.{1,${columns}}`, 'g')) ?? []).join('\n');
}

/** A fresh RSA private key in PKCS#8 PEM (16 lines): the shape of a key declared as a secret. */
const PEM = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
  type: 'pkcs8',
  format: 'pem',
}) as string;

describe('multi-line secrets', () => {
  const lines = PEM.trimEnd().split('\n');

  it('redacts each line of a private key printed on its own (sed -n Np, grep, diff)', () => {
    // Every line of this key is long enough to be a form of its own.
    expect(lines.every((line) => line.length >= MIN_PARTIAL_FORM_LENGTH)).toBe(true);
    for (const [index, line] of lines.entries()) {
      expect(redactText(`${line}\n`, [PEM]), `sed -n ${index + 1}p`).toBe('***\n');
      expect(redactText(`3c3\n< ${line}\n---\n> changed\n`, [PEM]), `diff at line ${index + 1}`).toBe(
        '3c3\n< ***\n---\n> changed\n',
      );
    }
  });

  it('redacts the first lines of a key printed by head', () => {
    expect(redactText(`${lines.slice(0, 3).join('\n')}\n`, [PEM])).toBe('***\n***\n***\n');
  });

  it('redacts a key printed with CRLF line ends or without its last line break, split at every offset', () => {
    const redactor = new StreamRedactor([PEM]);
    const crlf = Buffer.from(`key: ${PEM.replaceAll('\n', '\r\n')}.`);
    const stripped = Buffer.from(`key: ${PEM.trimEnd()}.`);
    for (let a = 0; a <= crlf.length; a++) {
      expect(streamWith(redactor, splitAt(crlf, [a])), `CRLF split at ${a}`).toBe('key: ***.');
    }
    for (let a = 0; a <= stripped.length; a++) {
      expect(streamWith(redactor, splitAt(stripped, [a])), `stripped split at ${a}`).toBe('key: ***.');
    }
  });

  it(`leaves a line shorter than ${MIN_PARTIAL_FORM_LENGTH} characters visible when it is printed alone`, () => {
    const secret = 'id: ci\npassword: correct-horse-battery\n';
    expect(redactText('id: ci\n', [secret])).toBe('id: ci\n');
    expect(redactText('  password: correct-horse-battery  \n', [secret])).toBe('  ***  \n');
  });
});

/** The [start, end) characters of a base64 text that encode only bytes [offset, offset + length). */
function charsOfBytes(offset: number, length: number): [number, number] {
  return [Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + length)) / 6)];
}

describe('encodings tools print', () => {
  it('redacts base64 as base64 and openssl print it: wrapped, of the value with a newline, LF or CRLF', () => {
    const secret = `sk_live_${'0123456789abcdefghijklmnopqrstuvwxyz'.repeat(3)}`;
    const cases: [string, string, number][] = [
      ['printf %s "$S" | base64', secret, 76],
      ['echo "$S" | base64', `${secret}\n`, 76],
      ['printf %s "$S" | openssl base64', secret, 64],
      ['echo "$S" | openssl base64', `${secret}\n`, 64],
    ];
    for (const [tool, data, columns] of cases) {
      const printed = `${wrapAt(Buffer.from(data).toString('base64'), columns)}\n`;
      expect(printed.split('\n').length, tool).toBeGreaterThan(2);
      expect(redactText(printed, [secret]), tool).toBe('***\n');
      expect(redactText(printed.replaceAll('\n', '\r\n'), [secret]), `${tool} | unix2dos`).toBe('***\r\n');
      expect(redactText(`${printed.split('\n')[0]}\n`, [secret]), `${tool} | head -1`).toBe('***\n');
    }
    // The newline echo adds changes the last characters of a short secret's base64 too.
    expect(redactText(`${Buffer.from(`${SECRET}\n`).toString('base64')}\n`, [SECRET])).toBe('***\n');
  });

  it('redacts a secret inside a longer base64 text at each of the three byte alignments (Basic, JWT)', () => {
    const secret = 'S3cr3t-p@ss/word+?';
    const check = (encoded: string, offset: number, label: string): void => {
      const [start, end] = charsOfBytes(offset, Buffer.byteLength(secret));
      const redacted = redactText(`[${encoded}]`, [secret]);
      // Everything that encodes the secret alone is gone; what stays encodes neighbouring bytes
      // (and at most 4 bits of the secret's first and last byte).
      expect(redacted.startsWith(`[${encoded.slice(0, start)}***`), label).toBe(true);
      const rest = redacted.slice(start + 4, -1);
      expect(encoded.slice(end).endsWith(rest), label).toBe(true);
    };
    for (const user of ['', 'a', 'ab', 'bob', 'user', 'admin']) {
      check(Buffer.from(`${user}:${secret}`).toString('base64'), user.length + 1, `Basic ${user}:***`);
    }
    for (const subject of ['', 'x', 'xy']) {
      const claims = `{"sub":"${subject}","token":"${secret}","exp":1}`;
      const offset = claims.indexOf(secret);
      check(Buffer.from(claims).toString('base64url'), offset, `JWT at ${offset % 3}`);
      check(Buffer.from(claims).toString('base64'), offset, `base64 JSON at ${offset % 3}`);
    }
  });

  it('redacts hex in lower and upper case, and wrapped as xxd -p prints it', () => {
    const secret = 'hex-me-0123456789-abcdefghij-long-enough';
    const hex = Buffer.from(secret).toString('hex');
    expect(redactText(`digest=${hex};`, [secret])).toBe('digest=***;');
    expect(redactText(`DIGEST=${hex.toUpperCase()};`, [secret])).toBe('DIGEST=***;');
    expect(redactText(`${wrapAt(hex, 60)}\n`, [secret]), 'printf %s "$S" | xxd -p').toBe('***\n');
    expect(redactText(`${wrapAt(`${hex}0a`, 60)}\n`, [secret]), 'echo "$S" | xxd -p').toBe('***\n');
  });

  it('redacts URL encodings: encodeURIComponent, RFC 3986 and form encoding with + for a space', () => {
    const secret = "p@ss word!*'()~/é";
    const printed = {
      encodeURIComponent: encodeURIComponent(secret),
      URLSearchParams: new URLSearchParams({ t: secret }).toString().slice(2),
      'curl --data-urlencode': 'p%40ss%20word%21%2A%27%28%29~%2F%C3%A9',
      'Python quote_plus': 'p%40ss+word%21%2A%27%28%29~%2F%C3%A9',
      // quote() keeps '/' unless told otherwise (safe='/').
      'Python quote': 'p%40ss%20word%21%2A%27%28%29~/%C3%A9',
    };
    for (const [tool, form] of Object.entries(printed)) {
      expect(redactText(`GET /?t=${form}&x=1`, [secret]), tool).toBe('GET /?t=***&x=1');
    }
  });

  it('redacts JSON string escaping as JavaScript, Python, PHP and Go print it', () => {
    const secret = 'p"a\\ss/wörd<&>\t😀';
    const printed = {
      JavaScript: JSON.stringify({ token: secret }),
      Python: String.raw`{"token": "p\"a\\ss/w\u00f6rd<&>\t\ud83d\ude00"}`,
      PHP: String.raw`{"token":"p\"a\\ss\/w\u00f6rd<&>\t\ud83d\ude00"}`,
      Go: String.raw`{"token":"p\"a\\ss/wörd\u003c\u0026\u003e\t😀"}`,
    };
    for (const [language, json] of Object.entries(printed)) {
      expect(redactText(json, [secret]), language).toMatch(/^\{"token": ?"\*\*\*"\}$/);
    }
  });
});

describe('overlapping occurrences at every chunking', () => {
  const cases: [string[], string, string][] = [
    // A secret that overlaps itself: every byte of `ababab` is inside an occurrence of `abab`.
    [['abab'], 'xabababy', 'x***y'],
    [['abab'], 'ababab', '***'],
    // One secret's end starts the other.
    [['abcd', 'cdef'], 'xabcdefy', 'x***y'],
    [['cdef', 'abcd'], 'abcdef', '***'],
  ];
  for (const [secrets, input, expected] of cases) {
    it(`redacts all of ${input} with ${secrets.join(', ')} split at every pair of offsets`, () => {
      const redactor = new StreamRedactor(secrets);
      const bytes = Buffer.from(input);
      for (let a = 0; a <= bytes.length; a++) {
        for (let b = a; b <= bytes.length; b++) {
          expect(streamWith(redactor, splitAt(bytes, [a, b])), `split at ${a},${b}`).toBe(expected);
        }
      }
    });
  }
});

/** Feeds `writes` ([stream, text]) through a fresh InterleavedRedactor; returns the joined output. */
function interleave(secrets: readonly string[], writes: readonly [number, string][]): string {
  const redactor = new InterleavedRedactor(secrets, 2);
  const out = writes.flatMap(([stream, chunk]) => redactor.push(stream, Buffer.from(chunk)));
  out.push(...redactor.end());
  return text(out);
}

describe('InterleavedRedactor', () => {
  it('leaves no secret where the remainders of two streams are joined, split at every offset', () => {
    // `ab` may start `abab` again, so each stream holds it back; joined they are the secret.
    const cases: [string[], string][] = [
      [['abab'], 'abab'],
      [['abab'], 'ababab'],
      [['abcd', 'cdef'], 'abcd'],
      [['abcd', 'cdef'], 'cdabcd'],
    ];
    for (const [secrets, input] of cases) {
      for (let a = 0; a <= input.length; a++) {
        for (const [first, second] of [
          [0, 1],
          [1, 0],
        ] as const) {
          const out = interleave(secrets, [
            [first, input.slice(0, a)],
            [second, input.slice(a)],
          ]);
          for (const secret of secrets) expect(out, `${input} split at ${a}`).not.toContain(secret);
        }
      }
    }
  });

  it('leaves no secret where one stream releases the start of one and the other prints its rest', () => {
    // stdout releases `abc` of `abcab` (only the last `ab` may still start the secret).
    expect(
      interleave(
        ['abcdef'],
        [
          [0, 'abcab'],
          [1, 'def\n'],
        ],
      ),
    ).toBe('***\nab');
  });

  it('redacts each stream on its own with the other stream written between its chunks', () => {
    const input = Buffer.from(`token=${SECRET};`);
    for (let a = 0; a <= input.length; a++) {
      const out = interleave(
        [SECRET],
        [
          [0, input.subarray(0, a).toString('latin1')],
          [1, 'err\n'],
          [0, input.subarray(a).toString('latin1')],
        ],
      );
      expect(out.replace('err\n', ''), `split at ${a}`).toBe('token=***;');
    }
  });

  it('passes bytes through unchanged without secrets', () => {
    const redactor = new InterleavedRedactor([], 2);
    const chunk = Buffer.from('abc');
    expect(redactor.push(1, chunk)).toEqual([chunk]);
    expect(redactor.end()).toEqual([]);
  });
});

describe('redactText and redactValue', () => {
  it('redacts whole strings', () => {
    expect(redactText(`failed: curl -H 'Authorization: ${SECRET}'`, [SECRET, 'other'])).toBe(
      "failed: curl -H 'Authorization: ***'",
    );
  });

  it('deep-redacts strings and keys inside JSON-like values and keeps other values', () => {
    const value = {
      outputs: { token: SECRET, [`key-${SECRET}`]: 1, list: [`x${SECRET}x`, 2, null, true] },
      exit: 0,
    };
    expect(redactValue(value, [SECRET])).toEqual({
      outputs: { token: '***', 'key-***': 1, list: ['x***x', 2, null, true] },
      exit: 0,
    });
    // The input is not mutated.
    expect(value.outputs.token).toBe(SECRET);
  });

  it('refuses a cyclic value instead of recursing forever', () => {
    const cyclic: Record<string, unknown> = { a: SECRET };
    cyclic['self'] = cyclic;
    expect(() => redactValue(cyclic, [SECRET])).toThrow(TypeError);
  });
});

describe('redactValue', () => {
  it('keeps a key named __proto__ as a key (a JSON parameter or step output), redacting its value', () => {
    const value = JSON.parse('{"__proto__":"has s3cr3t-value","plain":"s3cr3t-value"}') as Record<string, string>;
    const redacted = redactValue(value, ['s3cr3t-value']);
    expect(Object.hasOwn(redacted, '__proto__')).toBe(true);
    expect(JSON.stringify(redacted)).toBe('{"__proto__":"has ***","plain":"***"}');
  });
});
