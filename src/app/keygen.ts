import { rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError, usageErrorFromSystem } from '../errors.ts';
import { generateKeyPair } from '../core/keys.ts';

/**
 * Writes `<out>` (PKCS#8 PEM, mode 0600) and `<out>.pub` (SPKI PEM). Never overwrites: replacing
 * a signing key by accident would lock out every future release signed under the old one.
 */
export async function writeKeyPair(out: string): Promise<{ keyid: string; publicPath: string }> {
  const { privatePem, publicPem, keyid } = generateKeyPair();
  const publicPath = `${out}.pub`;
  try {
    await writeFile(out, privatePem, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError('FILE_EXISTS', `${out} exists; refusing to overwrite a key: choose another --out`);
    }
    throw writeError(error, out);
  }
  try {
    await writeFile(publicPath, publicPem, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    // Leave no orphaned private key behind: a retry with another --out must start clean.
    await rm(out, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError('FILE_EXISTS', `${publicPath} exists; refusing to overwrite a key: choose another --out`);
    }
    throw writeError(error, publicPath);
  }
  return { keyid, publicPath };
}

// A key that cannot be written is the caller's folder or disk, not a bug: one line naming it.
function writeError(error: unknown, path: string): unknown {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    return new UsageError(
      'NOT_FOUND',
      `cannot write ${path}: folder ${dirname(path)} does not exist; create it first`,
      {
        cause: error,
      },
    );
  }
  return usageErrorFromSystem(error, `cannot write ${path}`) ?? error;
}
