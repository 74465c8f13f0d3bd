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
// Search: a Wu-Manber style skip scan over all forms at once. On the development machine
// `openssl dgst -sha256` ran at about 1.5 GiB/s, and one Buffer.indexOf pass per form only reached
// 0.1-0.6 GiB/s with 10 secrets (30-40 forms). The skip scan looks at one 2-byte block per step and
// jumps up to (shortest form - 1) bytes: 1.9-5.4 GiB/s for 10 secrets of 10+ characters, but only
// 0.4-0.7 GiB/s when the secrets are 4 characters long (short jumps, many real hits).

/** What every redacted occurrence is replaced with. */
export const REDACTED = '***';

const MARKER = Buffer.from(REDACTED, 'utf8');

/**
 * The forms of one secret that are redacted: the value, its standard base64, its base64url
 * (no padding) and its `encodeURIComponent` form, deduplicated. Empty secrets have no forms.
 */
export function secretForms(secret: string): string[] {
  if (secret.length === 0) return [];
  const bytes = Buffer.from(secret, 'utf8');
  const forms = [secret, bytes.toString('base64'), bytes.toString('base64url'), encodeURIComponent(secret)];
  return [...new Set(forms)];
}

/** All distinct forms of all secrets, as bytes. */
function compileForms(secrets: readonly string[]): Buffer[] {
  const unique = new Set<string>();
  for (const secret of secrets) for (const form of secretForms(secret)) unique.add(form);
  return [...unique].map((form) => Buffer.from(form, 'utf8'));
}

/** Finds every complete occurrence of any form, in order of start offset. */
class FormMatcher {
  readonly forms: readonly Buffer[];
  /** Length of the longest form: a chunk tail shorter than this may start an occurrence. */
  readonly longest: number;
  /** Window width: the shortest form's length, capped so that shifts fit a byte. */
  readonly #width: number;
  /** For each 2-byte block: how far the window may jump when its last block is this one. */
  readonly #shift: Uint8Array;
  /** For blocks with shift 0: the forms whose window-prefix ends with that block. */
  readonly #candidates = new Map<number, number[]>();
  /** 1 for every byte that starts some form: cheap filter for the tail check. */
  readonly #firstBytes = new Uint8Array(256);

  constructor(forms: readonly Buffer[]) {
    this.forms = forms;
    let shortest = Infinity;
    let longest = 0;
    for (const form of forms) {
      shortest = Math.min(shortest, form.length);
      longest = Math.max(longest, form.length);
      this.#firstBytes[form[0] ?? 0] = 1;
    }
    this.longest = longest;
    this.#width = Math.min(shortest, 256);
    this.#shift = new Uint8Array(this.#width >= 2 ? 65536 : 0).fill(this.#width - 1);
    forms.forEach((form, index) => {
      if (this.#width < 2) {
        addTo(this.#candidates, form[0] ?? 0, index);
        return;
      }
      for (let end = 1; end < this.#width; end++) {
        const block = ((form[end - 1] ?? 0) << 8) | (form[end] ?? 0);
        const shift = this.#width - 1 - end;
        if (shift < (this.#shift[block] ?? 0)) this.#shift[block] = shift;
        if (shift === 0) addTo(this.#candidates, block, index);
      }
    });
  }

  /** Appends [start, end) pairs of every complete occurrence starting before `limit`, by start. */
  find(data: Buffer, limit: number, out: number[]): void {
    const width = this.#width;
    const n = data.length;
    const stop = Math.min(n, limit + width - 1);
    const shiftOf = this.#shift;
    let pos = width - 1;
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
          if (formEnd > end && formEnd <= n && occursAt(data, form, start)) end = formEnd;
        }
        if (end !== -1) out.push(start, end);
      }
      pos++;
    }
  }

  /**
   * The earliest offset from which the tail of `data` is a proper prefix of some form, or
   * `data.length`: only those bytes must wait for the next chunk (at most longest - 1 of them).
   */
  holdFrom(data: Buffer): number {
    const n = data.length;
    for (let p = Math.max(0, n - this.longest + 1); p < n; p++) {
      if (this.#firstBytes[data[p] ?? 0] === 0) continue;
      const tail = n - p;
      for (const form of this.forms) {
        if (form.length > tail && startsWith(form, data, p, tail)) return p;
      }
    }
    return n;
  }
}

/** Whether `form` occurs at `start`; a plain loop beats a native call for the usual early mismatch. */
function occursAt(data: Buffer, form: Buffer, start: number): boolean {
  return startsWith(form, data, start, form.length);
}

/** Whether the first `length` bytes of `form` equal data[start, start + length). */
function startsWith(form: Buffer, data: Buffer, start: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (data[start + i] !== form[i]) return false;
  return true;
}

function addTo(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * Redacts a byte stream chunk by chunk in constant memory. Holds back only a tail that could be
 * the start of a secret (never more than longest form - 1 bytes). Use one per output stream.
 */
export class StreamRedactor {
  readonly #matcher: FormMatcher | undefined;
  /** Bytes held back from the previous push: a possible start of an occurrence. */
  #carry: Buffer = Buffer.alloc(0);
  /** How many leading carry bytes are already known to be inside an occurrence. */
  #coveredUntil = 0;
  /** Whether the last byte released was redacted, so an adjacent occurrence extends that `***`. */
  #endsRedacted = false;

  /** Prepares the forms of every secret; empty secrets are ignored. */
  constructor(secrets: readonly string[]) {
    const forms = compileForms(secrets);
    this.#matcher = forms.length > 0 ? new FormMatcher(forms) : undefined;
  }

  /** Length in bytes of the longest redacted form (0 without secrets). */
  get longestForm(): number {
    return this.#matcher?.longest ?? 0;
  }

  /** Redacts the next chunk; returns the bytes that are safe to write now (may share memory with `chunk`). */
  push(chunk: Buffer): Buffer {
    const matcher = this.#matcher;
    if (matcher === undefined) return chunk;
    // At most longest-1 carried bytes are copied in front; large chunks are not copied again here.
    const data = this.#carry.length === 0 ? chunk : Buffer.concat([this.#carry, chunk]);
    // Holding back a tail that may start a secret stops a secret split across chunks from leaking.
    return this.#release(matcher, data, matcher.holdFrom(data));
  }

  /** Releases the held-back tail at end of stream and resets, so the redactor can be reused. */
  end(): Buffer {
    const matcher = this.#matcher;
    if (matcher === undefined) return Buffer.alloc(0);
    const out = this.#release(matcher, this.#carry, this.#carry.length);
    this.#carry = Buffer.alloc(0);
    this.#coveredUntil = 0;
    this.#endsRedacted = false;
    return out;
  }

  /** Emits data[0, cut) with occurrences replaced, keeps data[cut, end) as the new carry. */
  #release(matcher: FormMatcher, data: Buffer, cut: number): Buffer {
    const found: number[] = [];
    matcher.find(data, cut, found);
    const parts: Buffer[] = [];
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
      if (runStart !== -1 && start <= runEnd) {
        runEnd = Math.max(runEnd, end);
        continue;
      }
      if (runStart !== -1) {
        if (!runMarked) parts.push(MARKER);
        pos = runEnd;
      }
      if (start > pos) parts.push(data.subarray(pos, start));
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
      parts.push(data.subarray(pos, cut));
      this.#coveredUntil = 0;
      this.#endsRedacted = false;
    }
    // Copy the small tail so the (possibly large) chunk is not kept alive: memory stays constant.
    this.#carry = Buffer.from(data.subarray(cut));
    if (parts.length === 1 && parts[0] !== MARKER) return parts[0] as Buffer;
    return Buffer.concat(parts);
  }
}

/** Redacts every form of every secret in a whole string (error messages, outputs, snapshot fields). */
export function redactText(text: string, secrets: readonly string[]): string {
  return redactWith(new StreamRedactor(secrets), text);
}

function redactWith(redactor: StreamRedactor, text: string): string {
  const head = redactor.push(Buffer.from(text, 'utf8'));
  return Buffer.concat([head, redactor.end()]).toString('utf8');
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
      const copy: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(item)) copy[redactWith(redactor, key)] = visit(child);
      result = copy;
    }
    ancestors.delete(item);
    return result;
  };
  return visit(value) as T;
}
