import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Most bytes one step may write to $REMEDIATION_OUTPUT: outputs are values, not data sets. */
export const MAX_OUTPUT_FILE_BYTES = 1024 * 1024;

const KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,99}$/;

/** Outputs a step wrote, or the reason the file was refused. */
export type ParsedOutputs =
  | { readonly ok: true; readonly outputs: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly problem: string };

/**
 * Parses a $REMEDIATION_OUTPUT file in GitHub's format: `key=value` lines, and multi-line values as
 * `key<<DELIMITER` ... `DELIMITER`. A step only ever writes its own outputs here; nothing in this
 * file reaches the job's environment or outputs except declared outputs, as data.
 */
export function parseOutputFile(bytes: Buffer): ParsedOutputs {
  if (bytes.byteLength > MAX_OUTPUT_FILE_BYTES) {
    return { ok: false, problem: `output file is over ${MAX_OUTPUT_FILE_BYTES} bytes` };
  }
  const lines = bytes.toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  // Null prototype: a key such as `__proto__` or `constructor` is an ordinary output name here,
  // never a write to (or a read of) a built-in property.
  const outputs = nullObject();
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc && !line.includes('=')) {
      const [, key = '', delimiter = ''] = heredoc;
      const end = lines.findIndex((l, j) => j > i && l.replace(/\r$/, '') === delimiter);
      if (end < 0) return { ok: false, problem: `output '${key}': no closing delimiter line` };
      if (!KEY.test(key)) return { ok: false, problem: `invalid output name '${key.slice(0, 100)}'` };
      outputs[key] = lines
        .slice(i + 1, end)
        .map((l) => l.replace(/\r$/, ''))
        .join('\n');
      i = end;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) return { ok: false, problem: `line ${i + 1}: expected key=value or key<<DELIMITER` };
    const key = line.slice(0, eq);
    if (!KEY.test(key)) return { ok: false, problem: `invalid output name '${key.slice(0, 100)}'` };
    outputs[key] = line.slice(eq + 1);
  }
  return { ok: true, outputs };
}

/** The environment variable a step output reaches later steps as: STEP_<ID>_<KEY>. */
export function outputEnvName(stepId: string, key: string): string {
  return `STEP_${stepId}_${key}`.toUpperCase().replaceAll('-', '_');
}

/** An empty map for names a step or a definition chose: no inherited properties to read or set. */
export function nullObject(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

/** A step's output by key, only if the step wrote it (never a built-in such as `toString`). */
export function outputOf(outputs: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  return outputs !== undefined && Object.hasOwn(outputs, key) ? outputs[key] : undefined;
}

/**
 * Adds one step's outputs to the STEP_* variables later steps receive, and returns a note for
 * every output refused. STEP_<ID>_<KEY> is not one-to-one: step `a`'s key `b_k` and step `a-b`'s
 * key `k` are both STEP_A_B_K, as are keys `K2` and `k2` of one step. Without this, a later step
 * (or a second key) would silently replace a value an earlier step set and a later step relies
 * on; the first writer keeps the name and the other output is left out of the environment (it is
 * still recorded under its own key).
 */
export function exposeOutputs(
  env: Record<string, string>,
  origins: Map<string, string>,
  stepId: string,
  outputs: Readonly<Record<string, string>>,
): string[] {
  const refused: string[] = [];
  for (const [key, value] of Object.entries(outputs)) {
    const name = outputEnvName(stepId, key);
    const origin = origins.get(name);
    if (origin !== undefined && origin !== `${stepId}/${key}`) {
      refused.push(`output '${key}' not passed on: ${name} is already set by output ${origin}`);
      continue;
    }
    origins.set(name, `${stepId}/${key}`);
    env[name] = value;
  }
  return refused;
}

/**
 * Longest environment string Linux passes to a program, `NAME=value` and its NUL (MAX_ARG_STRLEN:
 * 32 pages of 4 KiB). One byte more and execve fails with E2BIG.
 */
export const MAX_ENV_STRING_BYTES = 128 * 1024;
/**
 * Bytes all step outputs together may take in a later step's environment. Linux allows 2 MiB for
 * a program's arguments and environment by default (a quarter of the 8 MiB stack limit); half is
 * kept for the base variables, parameters, secrets, the definition's env and the script text.
 */
export const MAX_OUTPUTS_ENV_BYTES = 1024 * 1024;

/**
 * Checks that a step's outputs can reach every later step as environment variables; returns why
 * not, or undefined. An output over MAX_ENV_STRING_BYTES as `STEP_<ID>_<KEY>=value` (anything
 * between 128 KiB and the accepted 1 MiB file), or outputs that together with the earlier ones
 * pass MAX_OUTPUTS_ENV_BYTES, would make every later step fail to start with E2BIG, the rollback
 * included: refused when read, so they never reach an environment.
 */
export function checkOutputsFit(
  stepId: string,
  outputs: Readonly<Record<string, string>>,
  earlier: Readonly<Record<string, string>>,
): string | undefined {
  const merged: Record<string, string> = { ...earlier };
  for (const [key, value] of Object.entries(outputs)) {
    const name = outputEnvName(stepId, key);
    const bytes = envEntryBytes(name, value);
    if (bytes > MAX_ENV_STRING_BYTES) {
      return `output '${key}' takes ${bytes} bytes as ${name}=... (with its NUL); one environment variable holds at most ${MAX_ENV_STRING_BYTES} (Linux MAX_ARG_STRLEN), so no later step could start: write large data to a file in $REMEDIATION_WORKSPACE and output its path`;
    }
    merged[name] = value;
  }
  let total = 0;
  for (const [name, value] of Object.entries(merged)) total += envEntryBytes(name, value);
  if (total > MAX_OUTPUTS_ENV_BYTES) {
    return `with these, step outputs would take ${total} bytes of every later step's environment; all outputs together may take at most ${MAX_OUTPUTS_ENV_BYTES} (Linux allows 2 MiB for a program's arguments and environment): write large data to a file in $REMEDIATION_WORKSPACE and output its path`;
  }
  return undefined;
}

/** Bytes a variable takes in a program's environment: `NAME=value` and its NUL. */
function envEntryBytes(name: string, value: string): number {
  return Buffer.byteLength(name) + 1 + Buffer.byteLength(value) + 1;
}

/**
 * Reads and parses a step's $REMEDIATION_OUTPUT. The step controls that path: it can replace the
 * file with a FIFO (a blocking read would freeze the tool: no timeout, no signal handling, no
 * cancelled record), with a symbolic link (to /dev/zero, or to a file it wants the engine to read
 * into the record), or grow it without end. So only a regular file is read, opened without
 * following links and without blocking, at most MAX_OUTPUT_FILE_BYTES, and only if it stopped growing.
 */
export function readOutputFile(path: string): ParsedOutputs {
  let fd: number;
  try {
    // O_NOFOLLOW and O_NONBLOCK do not exist on Windows, where neither attack applies the same way.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { ok: false, problem: 'the output file was replaced by a symbolic link' };
    if (code === 'ENOENT') return { ok: false, problem: 'the output file was removed' };
    return { ok: false, problem: `the output file cannot be read (${code ?? String(error)})` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, problem: 'the output file was replaced by something not a regular file' };
    if (stats.size > MAX_OUTPUT_FILE_BYTES)
      return { ok: false, problem: `output file is over ${MAX_OUTPUT_FILE_BYTES} bytes` };
    // One byte more than the file holds: filling it means something is still writing to the file.
    const buffer = Buffer.allocUnsafe(stats.size + 1);
    let filled = 0;
    while (filled < buffer.byteLength) {
      const count = readSync(fd, buffer, filled, buffer.byteLength - filled, null);
      if (count === 0) break;
      filled += count;
    }
    if (filled > stats.size) return { ok: false, problem: 'the output file was still being written to' };
    return parseOutputFile(buffer.subarray(0, filled));
  } finally {
    closeSync(fd);
  }
}
