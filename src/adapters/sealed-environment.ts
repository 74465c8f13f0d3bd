// Keeps the tool's own credentials out of its process's environment block, where steps could
// read them.
//
// A step runs as the same user as the tool, so it can read /proc/<tool pid>/environ: the block
// the kernel copied at exec, which holds every variable the tool was started with (the Action's
// INPUT_GITHUB-TOKEN, ACTIONS_RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN, the
// REMEDIATION_SECRETS bundle, a CLI user's AWS_SECRET_ACCESS_KEY). Deleting them from process.env
// does not help: that changes the heap copy, not the block. So before any step can start, the
// tool re-executes itself (same pid, same stdio: the runner still waits on it) with an
// environment of a few harmless variables, and hands the full environment to the new image in a
// file that the new image reads and deletes first thing. The restored values live only on the
// heap (process.env), which /proc does not show; a same-user process can still read the heap
// only through ptrace, which Yama (kernel.yama.ptrace_scope >= 1, the Ubuntu default) refuses to
// a step, since the tool is not its descendant.

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** Names the handoff (`<nonce>:<path>`) to the re-executed image. */
export const HANDOFF_VARIABLE = 'REMEDIATE_SEALED_ENV';
/** Folder name prefix of a handoff: the new image refuses any other file. */
const HANDOFF_PREFIX = 'remediate-env-';

/**
 * Variables the new image keeps in its environment block: what Node reads while starting (before
 * any of our code could restore it) and nothing that carries a credential. Everything else comes
 * back through the handoff.
 */
const KEPT = /^(PATH|HOME|LANG|LC_[A-Z]+|TZ|TMPDIR|NODE_[A-Z0-9_]+)$/;

/**
 * Names whose values are credentials by convention: kept out of the environment block, and
 * redacted from records (see credentialValues).
 */
const CREDENTIAL_NAME =
  /(^|[_-])(TOKEN|SECRETS?|PASSWORD|PASSWD|PASSPHRASE|CREDENTIALS?|PRIVATE_KEY|API_?KEY|ACCESS_?KEY)([_-]|$)/i;

/** Whether a variable's name says it holds a credential (`GITHUB_TOKEN`, `INPUT_GITHUB-TOKEN`, ...). */
export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name);
}

/** What sealEnvironment did. */
export type SealResult =
  | 'restored' // this is the re-executed image: the environment came back from the handoff
  | 'not-needed' // nothing to hide: every variable is one the block may keep
  | 'unavailable'; // this Node or platform cannot re-execute in place (process.execve: Node 22.15+, not Windows)

type Execve = (file: string, args: string[], env: Record<string, string>) => never;

/**
 * Re-executes the process with a minimal environment block when it holds anything else, or, in
 * the re-executed image, restores the full environment into process.env. Call it first thing in
 * an entry that runs steps, before anything is started or read from the environment. Returns only
 * in the restored image or when sealing is not needed or not possible.
 */
export function sealEnvironment(env: NodeJS.ProcessEnv = process.env): SealResult {
  const handoff = env[HANDOFF_VARIABLE];
  if (handoff !== undefined) {
    restore(handoff, env);
    return 'restored';
  }
  const kept: Record<string, string> = {};
  let hidden = 0;
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (KEPT.test(name) && !isCredentialName(name)) kept[name] = value;
    else hidden++;
  }
  if (hidden === 0) return 'not-needed';
  const execve = (process as unknown as { execve?: Execve }).execve;
  if (typeof execve !== 'function' || process.platform === 'win32') return 'unavailable';

  // A fresh folder only this user can enter, under a name nobody can guess, and a file created
  // exclusively (never one prepared in advance), read by the next image within milliseconds,
  // before any step exists. Its content is encrypted (AES-256-GCM) under a key that exists only
  // in this process and, after the exec, in the new image's environment block: a file left
  // behind by a kill between the write and the exec, or copied by another process while it
  // exists, is useless without that key, and the tag proves the new image reads what we wrote.
  const key = randomBytes(32);
  let file: string | undefined;
  try {
    const dir = mkdtempSync(join(tmpdir(), HANDOFF_PREFIX));
    file = join(dir, 'env.bin');
    // writeFileSync writes every byte or throws (a full disk, a file size limit): never a short file.
    writeFileSync(file, sealHandoff(key, Buffer.from(JSON.stringify(env), 'utf8')), { flag: 'wx', mode: 0o600 });
    execve.call(process, process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
      ...kept,
      [HANDOFF_VARIABLE]: `${key.toString('hex')}:${file}`,
    });
  } catch (error) {
    // We are still the old image: remove what was written and go on unsealed, saying so.
    if (file !== undefined) removeHandoff(file);
    process.stderr.write(
      `remediate: warning: the environment block could not be sealed (${(error as NodeJS.ErrnoException).code ?? String(error)}); steps can read this process's environment\n`,
    );
  }
  return 'unavailable';
}

/** AES-256-GCM: 12-byte IV, then the 16-byte tag, then the ciphertext. */
export function sealHandoff(key: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Decrypts a sealed handoff; undefined when it was not sealed under `key` (or was changed). */
export function openHandoff(key: Buffer, sealed: Buffer): Buffer | undefined {
  if (sealed.byteLength < 28) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  } catch {
    return undefined;
  }
}

/**
 * Reads and deletes the handoff, then puts every variable back into process.env. Only a file this
 * process's previous image wrote is accepted: a `REMEDIATE_SEALED_ENV` set by hand cannot make the
 * tool read (or delete) an arbitrary file, because the folder must be ours, private, and the file
 * must carry the nonce given next to its path.
 */
function restore(handoff: string, env: NodeJS.ProcessEnv): void {
  delete env[HANDOFF_VARIABLE];
  const colon = handoff.indexOf(':');
  const keyHex = handoff.slice(0, colon);
  const file = handoff.slice(colon + 1);
  if (
    !/^[0-9a-f]{64}$/.test(keyHex) ||
    basename(file) !== 'env.bin' ||
    !basename(dirname(file)).startsWith(HANDOFF_PREFIX)
  )
    throw handoffError('does not name a handoff file');
  const sealed = readPrivateFile(file);
  const plain = openHandoff(Buffer.from(keyHex, 'hex'), sealed);
  if (plain === undefined) throw handoffError('its file was not written for this process');
  // Deleted before anything else happens, so no step can ever find it.
  removeHandoff(file);
  const parsed = JSON.parse(plain.toString('utf8')) as Record<string, unknown>;
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value === 'string' && name !== HANDOFF_VARIABLE) env[name] = value;
  }
}

/** The handoff's bytes, if it is a regular file of this user that nobody else can read. */
function readPrivateFile(file: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    throw handoffError(`its file cannot be opened (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    const stats = fstatSync(fd);
    const uid = process.getuid?.();
    if (!stats.isFile() || (stats.mode & 0o077) !== 0 || (uid !== undefined && stats.uid !== uid))
      throw handoffError('its file is not a private file of this user');
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

function handoffError(why: string): Error {
  return new Error(`${HANDOFF_VARIABLE} is set but ${why}; only remediate itself sets it: unset it`);
}

function removeHandoff(file: string): void {
  rmSync(file, { force: true });
  rmSync(dirname(file), { recursive: true, force: true });
}

/** Shortest value redacted for a variable found by its name alone: `AUTH_ENABLED=1` must not turn every 1 in a log into ***. */
export const MIN_CREDENTIAL_LENGTH = 8;

/**
 * Values of the caller's environment that are credentials by name (at least MIN_CREDENTIAL_LENGTH
 * characters): the tool's own tokens and whatever the caller holds. They are redacted from the
 * record whether or not the version declares them.
 */
export function credentialValues(env: NodeJS.ProcessEnv): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.length >= MIN_CREDENTIAL_LENGTH && isCredentialName(name)) values.push(value);
  }
  return values;
}
