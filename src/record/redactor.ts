// Streaming secret redaction for everything that ends up in a run record.
//
// `::add-mask::` only masks the runner's own log; records are uploaded raw, so every byte a step
// prints goes through a StreamRedactor before it is hashed and written. Matching works on bytes,
// so secrets with multi-byte UTF-8 and output split anywhere (even inside a character) are handled.
//
// Every maximal run of bytes covered by one or more occurrences (overlapping or back to back)
// becomes a single `***`. The output does not depend on how the input was split into chunks.
//
// Very short secrets redact aggressively: a one-character secret replaces every occurrence of that
// character. That is deliberate; leaking a secret is worse than an unreadable log.
//
// Search: a Wu-Manber style skip scan over all forms at once (one Buffer.indexOf pass per form is
// several times slower with 10 secrets). The scan looks at one 2-byte block per step and jumps up
// to (shortest form - 1) bytes, so long secrets scan fastest; BENCHMARKS.md has the throughput.
// Nothing large is copied: the bytes held back from one chunk are joined to the start of the next
// in a small buffer, and what is released is handed out as views of the chunk.

/** What every redacted occurrence is replaced with. */
export const REDACTED = '***';

const MARKER = Buffer.from(REDACTED, 'utf8');

/**
 * A form that shows only part of a secret (one line of a multi-line secret or of a wrapped
 * encoding, the middle of a secret's base64 inside a longer base64 text) is redacted only when it
 * has at least this many characters: shorter parts (a `}` line, two base64 characters) occur in
 * unrelated text all the time, and the record would lose its meaning without hiding more.
 * Forms of the whole secret are redacted at any length.
 */
export const MIN_PARTIAL_FORM_LENGTH = 8;

/** Columns at which tools wrap base64: coreutils `base64` and MIME at 76, `openssl base64` and PEM at 64. */
const BASE64_WRAP_COLUMNS = [76, 64] as const;

/** Column at which `xxd -p` wraps hex. */
const HEX_WRAP_COLUMN = 60;

/**
 * Every form of one secret that is redacted, derived here and nowhere else; deduplicated, forms of
 * the whole secret first. Empty secrets have no forms. Each form is there because a common tool
 * prints the secret that way; together they stop the leaks below:
 *
 * - As printed: the value; the value without trailing line breaks (`$(cat key)` strips them); a
 *   multi-line value with LF and with CRLF line ends (a key file from Windows); and each line of a
 *   multi-line value, with surrounding whitespace trimmed, so `sed -n 2p`, `head`, `grep` or
 *   `diff` cannot print a key line by line.
 * - base64 (of the value and of the value without trailing line breaks): standard with padding,
 *   base64url without; of the value followed by `\n` (`echo "$S" | base64`); wrapped at 76 and 64
 *   columns as `base64` and `openssl base64` print them, with LF or CRLF, and each full line of
 *   the wrapped text on its own.
 * - base64 and base64url inside a longer encoded text (HTTP Basic `user:secret`, a JWT claim): the
 *   secret can start at any of the three byte positions of a base64 group, so for each the
 *   characters that depend on the secret alone. The one character at each end that also holds
 *   bits of a neighbouring byte stays visible (at most the top 4 bits of the secret's first byte
 *   and the low 4 bits of its last).
 * - hex, lower and upper case; lower case wrapped at 60 columns as `xxd -p` prints it.
 * - URL encoding: `encodeURIComponent`, RFC 3986 (curl, Python `quote`), RFC 3986 keeping `/`
 *   (Python `quote`'s default) and WHATWG form encoding, each with `%20` and with `+` for a space.
 * - JSON string escaping as JavaScript, Python (`\uXXXX` for non-ASCII), PHP (also `\/`) and Go
 *   (also `<`, `>`, `&`) print it, without the quotes.
 *
 * Partial forms shorter than MIN_PARTIAL_FORM_LENGTH are left out (see there). The last, shorter
 * line of a wrapped encoding is not a form on its own: printed alone (`base64 | tail -1`) it stays
 * visible. As a form it would be as short as a few characters for any secret, and the skip scan
 * can never jump further than the shortest form, so it would slow the redaction of every log.
 */
export function secretForms(value: string): string[] {
  if (value.length === 0) return [];
  // A lone surrogate (possible in REMEDIATION_SECRETS JSON) reaches a step, like every string
  // turned into UTF-8, as U+FFFD; encodeURIComponent would throw on it and fail the whole run.
  const secret = value.toWellFormed();
  const whole = new Set<string>();
  const partial = new Set<string>();
  // A multi-line form also leaks with other line ends (a CRLF file, `unix2dos`).
  const addLineEnds = (form: string): void => {
    const lf = form.replaceAll('\r\n', '\n');
    whole.add(form);
    whole.add(lf);
    whole.add(lf.replaceAll('\n', '\r\n'));
  };
  const addEncoded = (encoded: string, columns?: number): void => {
    if (columns === undefined || encoded.length <= columns) {
      whole.add(encoded);
      return;
    }
    addLineEnds(wrap(encoded, columns));
    // `head -2`, `sed -n 3p` of the wrapped text: each full line shows columns characters of it.
    for (let at = 0; at + columns <= encoded.length; at += columns) partial.add(encoded.slice(at, at + columns));
  };
  const texts = [...new Set([secret, withoutTrailingLineBreaks(secret)])].filter((text) => text.length > 0);
  for (const text of texts) {
    addLineEnds(text);
    // A multi-line value leaks line by line (`sed -n 2p`, `head`, `diff`).
    if (/[\r\n]/.test(text)) for (const line of text.split(/[\r\n]/)) partial.add(line.trim());
    for (const form of urlEncodings(text)) whole.add(form);
    for (const form of jsonEscapes(text)) whole.add(form);
    const bytes = Buffer.from(text, 'utf8');
    for (const data of [bytes, Buffer.concat([bytes, Buffer.from('\n')])]) {
      const base64 = data.toString('base64');
      addEncoded(base64);
      for (const columns of BASE64_WRAP_COLUMNS) addEncoded(base64, columns);
      addEncoded(data.toString('hex'), HEX_WRAP_COLUMN);
    }
    addEncoded(bytes.toString('base64url'));
    // Unwrapped; `addEncoded` with columns adds only the wrapped text when the hex is longer.
    addEncoded(bytes.toString('hex'));
    addEncoded(bytes.toString('hex').toUpperCase());
    for (const shift of [0, 1, 2] as const) {
      partial.add(embeddedBase64(bytes, shift, 'base64'));
      partial.add(embeddedBase64(bytes, shift, 'base64url'));
    }
  }
  const forms = [...whole];
  for (const form of partial) {
    if (form.length >= MIN_PARTIAL_FORM_LENGTH && !whole.has(form)) forms.push(form);
  }
  return forms;
}

/** `text` without the line breaks it ends with (a loop: a regular expression can take quadratic time). */
function withoutTrailingLineBreaks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return text.slice(0, end);
}

/** `text` broken into lines of `columns` characters (the last may be shorter), joined by `\n`. */
function wrap(text: string, columns: number): string {
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += columns) lines.push(text.slice(at, at + columns));
  return lines.join('\n');
}

/**
 * The characters of the encoding of a longer text that depend on `bytes` alone, when `bytes`
 * starts `shift` bytes into a 3-byte base64 group. Leading: none at shift 0; at shift 1 the first
 * two characters hold neighbouring bits; at shift 2 the first three. Trailing: when the secret
 * ends inside a group, the last character holds bits of the next byte. Those are left out.
 */
function embeddedBase64(bytes: Buffer, shift: 0 | 1 | 2, alphabet: 'base64' | 'base64url'): string {
  const encoded = Buffer.concat([Buffer.alloc(shift), bytes])
    .toString(alphabet)
    .replace(/=+$/, '');
  const lead = [0, 2, 3][shift] as number;
  const trail = (shift + bytes.length) % 3 === 0 ? 0 : 1;
  return encoded.slice(lead, Math.max(lead, encoded.length - trail));
}

/** Percent-encodings of `text` as common tools produce them, with `%20` and with `+` for a space. */
function urlEncodings(text: string): string[] {
  const component = encodeURIComponent(text);
  // RFC 3986 unreserved characters only (curl --data-urlencode, Python quote, Go QueryEscape).
  const rfc3986 = component.replace(/[!'()*]/g, percentEncode);
  // WHATWG application/x-www-form-urlencoded (URLSearchParams): `*` stays, `~` is encoded.
  const whatwg = rfc3986.replaceAll('%2A', '*').replaceAll('~', '%7E');
  // Python's `quote` keeps `/` by default (safe='/'), as do URL path encoders; base64 text and
  // AWS-style keys often hold a `/`.
  const pathSafe = rfc3986.replaceAll('%2F', '/');
  return [component, rfc3986, whatwg, pathSafe].flatMap((form) => [form, form.replaceAll('%20', '+')]);
}

function percentEncode(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** JSON string escapings of `text` (without the quotes) as common serializers print them. */
function jsonEscapes(text: string): string[] {
  const plain = JSON.stringify(text).slice(1, -1);
  // Python's json.dumps (ensure_ascii) and PHP: every UTF-16 unit above 0x7f as \uXXXX.
  const ascii = plain.replace(/[\u0080-\uffff]/g, unicodeEscape);
  // PHP's json_encode also escapes `/`.
  const php = ascii.replaceAll('/', '\\/');
  // Go's encoding/json escapes HTML-sensitive characters and the JavaScript line separators.
  const go = plain.replace(/[<>&\u2028\u2029]/g, unicodeEscape);
  return [plain, ascii, php, go];
}

function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** All distinct forms of all secrets, as bytes. */
function compileForms(secrets: readonly string[]): Buffer[] {
  const unique = new Set<string>();
  for (const secret of secrets) for (const form of secretForms(secret)) unique.add(form);
  return [...unique].map((form) => Buffer.from(form, 'utf8'));
}

/** The matcher for `secrets`, or undefined when there is nothing to redact. */
function compileMatcher(secrets: readonly string[]): FormMatcher | undefined {
  const forms = compileForms(secrets);
  return forms.length > 0 ? new FormMatcher(forms) : undefined;
}

/** Finds every complete occurrence of any form, and where a form may start but not yet end. */
class FormMatcher {
  readonly forms: readonly Buffer[];
  /** Length of the longest form: a chunk tail shorter than this may start an occurrence. */
  readonly longest: number;
  /** Window width: the shortest form's length, capped so that shifts fit a byte. */
  readonly width: number;
  /** For each 2-byte block: how far the window may jump when its last block is this one. */
  readonly #shift: Uint8Array;
  /** For blocks with shift 0: the forms whose window-prefix ends with that block. */
  readonly #candidates = new Map<number, number[]>();
  /** For each byte: the forms that start with it (for tails shorter than the window). */
  readonly #byFirstByte: (readonly Buffer[] | undefined)[] = [];

  constructor(forms: readonly Buffer[]) {
    this.forms = forms;
    let shortest = Infinity;
    let longest = 0;
    const byFirstByte: Buffer[][] = [];
    for (const form of forms) {
      shortest = Math.min(shortest, form.length);
      longest = Math.max(longest, form.length);
      (byFirstByte[form[0] ?? 0] ??= []).push(form);
    }
    this.#byFirstByte = byFirstByte;
    this.longest = longest;
    this.width = Math.min(shortest, 256);
    this.#shift = new Uint8Array(this.width >= 2 ? 65536 : 0).fill(this.width - 1);
    forms.forEach((form, index) => {
      if (this.width < 2) {
        addTo(this.#candidates, form[0] ?? 0, index);
        return;
      }
      for (let end = 1; end < this.width; end++) {
        const block = ((form[end - 1] ?? 0) << 8) | (form[end] ?? 0);
        const shift = this.width - 1 - end;
        if (shift < (this.#shift[block] ?? 0)) this.#shift[block] = shift;
        if (shift === 0) addTo(this.#candidates, block, index);
      }
    });
  }

  /**
   * Looks at the occurrences that start in [from, to). Appends [start, end) of each complete one
   * to `out`, by start, until it meets the first start from which the rest of `data` is a proper
   * prefix of some form: it returns that start (those bytes must wait for the next chunk), or
   * data.length when there is none. Occurrences starting there or later are not reported.
   * With `final` (nothing follows `data`) partial tails are plain text: every complete occurrence
   * is reported and it returns data.length.
   */
  scan(data: Buffer, from: number, to: number, out: number[], final = false): number {
    const width = this.width;
    const n = data.length;
    const shiftOf = this.#shift;
    // Windows that fit in the data: the skip scan, which also sees long partial tails because
    // their first `width` bytes are a form's window.
    const stop = Math.min(n, to + width - 1);
    let pos = from + width - 1;
    while (pos < stop) {
      let key: number;
      if (width >= 2) {
        key = ((data[pos - 1] ?? 0) << 8) | (data[pos] ?? 0);
        const shift = shiftOf[key] ?? 0;
        if (shift !== 0) {
          pos += shift;
          continue;
        }
      } else {
        key = data[pos] ?? 0;
      }
      const candidates = this.#candidates.get(key);
      if (candidates !== undefined) {
        const start = pos - width + 1;
        let end = -1;
        for (const index of candidates) {
          const form = this.forms[index] as Buffer;
          const formEnd = start + form.length;
          if (formEnd <= n) {
            if (formEnd > end && startsWith(form, data, start, form.length)) end = formEnd;
          } else if (!final && startsWith(form, data, start, n - start)) {
            return start;
          }
        }
        if (end !== -1) out.push(start, end);
      }
      pos++;
    }
    // Starts too close to the end for a window: only a partial tail can begin there.
    if (final) return n;
    for (let start = Math.max(from, n - width + 1); start < to; start++) {
      const forms = this.#byFirstByte[data[start] ?? 0];
      if (forms === undefined) continue;
      const tail = n - start;
      for (const form of forms) if (form.length > tail && startsWith(form, data, start, tail)) return start;
    }
    return n;
  }
}

/** Whether the first `length` bytes of `form` equal data[start, start + length). */
function startsWith(form: Buffer, data: Buffer, start: number, length: number): boolean {
  // A plain loop beats a native call for the usual mismatch in the first byte or two.
  for (let i = 0; i < length; i++) if (data[start + i] !== form[i]) return false;
  return true;
}

function addTo(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * The carry-over state of one redacted stream. `joinsOnly` is for a stream made of pieces that
 * are already redacted (see InterleavedRedactor): it looks only for occurrences that start in the
 * bytes it held back, that is across the joins between pieces, and so never rescans a piece.
 */
class RedactionState {
  readonly #matcher: FormMatcher;
  readonly #joinsOnly: boolean;
  /** Bytes held back from the previous push: a possible start of an occurrence. */
  #carry: Buffer = Buffer.alloc(0);
  /** How many leading carry bytes are already known to be inside an occurrence. */
  #coveredUntil = 0;
  /** Whether the last byte released was redacted, so an adjacent occurrence extends that `***`. */
  #endsRedacted = false;

  constructor(matcher: FormMatcher, joinsOnly: boolean) {
    this.#matcher = matcher;
    this.#joinsOnly = joinsOnly;
  }

  push(chunk: Buffer): Buffer[] {
    const matcher = this.#matcher;
    const carry = this.#carry;
    const held = carry.length;
    const found: number[] = [];
    // `cut`: the first byte that may start a form which the next chunk could complete. Holding
    // back from there stops a secret split across chunks (any split, even inside a character)
    // from being released in two harmless-looking halves.
    let cut = held + chunk.length;
    if (held > 0) {
      // Occurrences starting in the carry end within `longest` bytes of it: join just that much
      // of the chunk to it, so the chunk itself is never copied. When the chunk is shorter, the
      // joined buffer is all the data and its partial tails are the real ones.
      const head = Buffer.concat([carry, chunk.subarray(0, matcher.longest + matcher.width)]);
      const partialAt = matcher.scan(head, 0, held, found);
      if (partialAt < held) cut = partialAt;
    }
    if (cut >= held) {
      // Pieces that are already redacted cannot hold a whole form; only the joins can, where two
      // streams' outputs meet. So only this piece's tail is scanned, for what may start one at the
      // next join: that stops a secret whose start one stream printed and whose rest the other did.
      const from = this.#joinsOnly ? Math.max(0, chunk.length - matcher.longest + 1) : 0;
      const inChunk: number[] = [];
      cut = Math.min(cut, held + matcher.scan(chunk, from, chunk.length, inChunk));
      for (const offset of inChunk) found.push(held + offset);
    }
    return this.#release(carry, chunk, found, cut);
  }

  /** Releases the held-back tail at end of stream and resets, so the state can be reused. */
  end(): Buffer[] {
    const carry = this.#carry;
    const found: number[] = [];
    // At the end nothing more can arrive: the remainder is redacted in full as the end of this
    // stream (a partial tail is plain text), so no held-back byte leaves unchecked.
    this.#matcher.scan(carry, 0, carry.length, found, true);
    const out = this.#release(Buffer.alloc(0), carry, found, carry.length);
    this.#carry = Buffer.alloc(0);
    this.#coveredUntil = 0;
    this.#endsRedacted = false;
    return out;
  }

  /**
   * Emits bytes [0, cut) of carry + chunk with occurrences replaced and keeps [cut, end) as the
   * new carry. `found` holds [start, end) pairs by start, in carry + chunk offsets.
   */
  #release(carry: Buffer, chunk: Buffer, found: readonly number[], cut: number): Buffer[] {
    const held = carry.length;
    const parts: Buffer[] = [];
    const emit = (from: number, to: number): void => {
      if (from < held) parts.push(carry.subarray(from, Math.min(to, held)));
      if (to > held) parts.push(chunk.subarray(Math.max(from, held) - held, to - held));
    };
    let runStart = -1;
    let runEnd = -1;
    let runMarked = false;
    if (this.#coveredUntil > 0 || this.#endsRedacted) {
      // An occurrence released by the previous call continues (or may be extended) here.
      runStart = 0;
      runEnd = this.#coveredUntil;
      runMarked = true;
    }
    let pos = 0;
    for (let k = 0; k < found.length; k += 2) {
      const start = found[k] as number;
      const end = found[k + 1] as number;
      // Occurrences from the cut on are found again with the next chunk.
      if (start >= cut) break;
      if (runStart !== -1 && start <= runEnd) {
        runEnd = Math.max(runEnd, end);
        continue;
      }
      if (runStart !== -1) {
        if (!runMarked) parts.push(MARKER);
        pos = runEnd;
      }
      if (start > pos) emit(pos, start);
      runStart = start;
      runEnd = end;
      runMarked = false;
    }
    if (runStart !== -1) {
      if (!runMarked && runStart < cut) parts.push(MARKER);
      if (runEnd >= cut) {
        // The redacted run reaches the cut: the bytes after it stay redacted when released later.
        this.#coveredUntil = runEnd - cut;
        this.#endsRedacted = runStart < cut || runMarked;
        pos = cut;
      } else {
        pos = runEnd;
      }
    }
    if (pos < cut) {
      emit(pos, cut);
      this.#coveredUntil = 0;
      this.#endsRedacted = false;
    }
    // Copy the small tail so the (possibly large) chunk is not kept alive: memory stays constant.
    const tail: Buffer[] = [];
    if (cut < held) tail.push(carry.subarray(cut));
    tail.push(chunk.subarray(Math.max(0, cut - held)));
    this.#carry = Buffer.concat(tail);
    return parts;
  }
}

/**
 * Redacts a byte stream chunk by chunk in constant memory. Holds back only a tail that could be
 * the start of a secret (never more than longest form - 1 bytes). Use one per output stream, and
 * an InterleavedRedactor when several streams are written to one output.
 */
export class StreamRedactor {
  readonly #state: RedactionState | undefined;
  readonly #longest: number;

  /** Prepares the forms of every secret; empty secrets are ignored. */
  constructor(secrets: readonly string[]) {
    const matcher = compileMatcher(secrets);
    this.#state = matcher && new RedactionState(matcher, false);
    this.#longest = matcher?.longest ?? 0;
  }

  /** Length in bytes of the longest redacted form (0 without secrets). */
  get longestForm(): number {
    return this.#longest;
  }

  /**
   * Redacts the next chunk; returns the bytes that are safe to write now, in order. Unchanged
   * bytes are views of `chunk`, so nothing large is copied; a held-back tail waits for the next
   * chunk, which stops a secret split across chunks from leaking.
   */
  push(chunk: Buffer): Buffer[] {
    return this.#state?.push(chunk) ?? [chunk];
  }

  /** Releases the held-back tail at end of stream and resets, so the redactor can be reused. */
  end(): Buffer[] {
    return this.#state?.end() ?? [];
  }
}

/**
 * Redacts several streams that are written, interleaved, to one output (a step's stdout and
 * stderr into run.log). Each stream is redacted on its own, so a secret split across chunks of
 * one stream is caught even with the other stream's output in between. That alone is not enough:
 * a stream releases bytes that may begin a secret when its own next bytes show they do not
 * (`abcab` releases `abc` and holds `ab`), and the other stream may print the rest right after.
 * So the joined output runs through one more redactor that looks only across the joins, at a
 * cost of a few bytes per chunk.
 */
export class InterleavedRedactor {
  readonly #streams: readonly RedactionState[];
  readonly #joins: RedactionState | undefined;

  /** Prepares the forms of every secret for `streams` streams, numbered from 0. */
  constructor(secrets: readonly string[], streams: number) {
    const matcher = compileMatcher(secrets);
    this.#streams = matcher ? Array.from({ length: streams }, () => new RedactionState(matcher, false)) : [];
    this.#joins = matcher && new RedactionState(matcher, true);
  }

  /** Redacts the next chunk of one stream; returns the bytes of the joined output that are safe to write now. */
  push(stream: number, chunk: Buffer): Buffer[] {
    const joins = this.#joins;
    if (joins === undefined) return [chunk];
    const state = this.#streams[stream];
    if (state === undefined)
      throw new RangeError(`expected a stream number below ${this.#streams.length}, got ${stream}`);
    return state.push(chunk).flatMap((piece) => joins.push(piece));
  }

  /**
   * Ends every stream and releases what is held back, then resets. Each stream's remainder is
   * redacted in full as the end of its own stream, and the remainders are joined through the
   * join redactor like any other output: two remainders that are harmless apart (`ab` and `ab`
   * for a secret `abab`) cannot make a secret together.
   */
  end(): Buffer[] {
    const joins = this.#joins;
    if (joins === undefined) return [];
    const out = this.#streams.flatMap((state) => state.end().flatMap((piece) => joins.push(piece)));
    out.push(...joins.end());
    return out;
  }
}

/** Redacts every form of every secret in a whole string (error messages, outputs, snapshot fields). */
export function redactText(text: string, secrets: readonly string[]): string {
  return redactWith(new StreamRedactor(secrets), text);
}

function redactWith(redactor: StreamRedactor, text: string): string {
  const head = redactor.push(Buffer.from(text, 'utf8'));
  return Buffer.concat([...head, ...redactor.end()]).toString('utf8');
}

/** Deep-redacts every string (values and keys) inside a JSON-like value; other values are kept. */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  const redactor = new StreamRedactor(secrets);
  if (redactor.longestForm === 0) return value;
  const ancestors = new Set<object>();
  const visit = (item: unknown): unknown => {
    if (typeof item === 'string') return redactWith(redactor, item);
    if (typeof item !== 'object' || item === null) return item;
    // A cycle is not JSON-like; refusing it avoids unbounded recursion.
    if (ancestors.has(item)) throw new TypeError('cannot redact a value that contains a cycle');
    ancestors.add(item);
    let result: unknown;
    if (Array.isArray(item)) {
      result = item.map(visit);
    } else {
      // Own data properties only: a key named `__proto__` (a step output, a JSON parameter) is
      // copied as a key, not turned into a write to the copy's prototype that drops the value.
      result = Object.fromEntries(
        Object.entries(item).map(([key, child]) => [redactWith(redactor, key), visit(child)]),
      );
    }
    ancestors.delete(item);
    return result;
  };
  return visit(value) as T;
}
