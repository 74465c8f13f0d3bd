import { rm, writeFile } from 'node:fs/promises';
import { UsageError } from '../errors.ts';
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
    throw error;
  }
  try {
    await writeFile(publicPath, publicPem, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    // Leave no orphaned private key behind: a retry with another --out must start clean.
    await rm(out, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError('FILE_EXISTS', `${publicPath} exists; refusing to overwrite a key: choose another --out`);
    }
    throw error;
  }
  return { keyid, publicPath };
}
