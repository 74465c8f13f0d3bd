// A GitHub App private key as GitHub hands it out: 2048-bit RSA, PKCS#1 PEM ("BEGIN RSA PRIVATE
// KEY"), made by openssl rather than by the code under test.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A key file written into `dir` with `mode`, and its public half as SPKI PEM. */
export interface AppKeyFile {
  readonly path: string;
  readonly publicPem: string;
}

/** Writes `dir/name` (an App private key, PKCS#1) with `mode` (default 0600). */
export function writeAppKey(dir: string, name = 'github-app.pem', mode = 0o600): AppKeyFile {
  const path = join(dir, name);
  execFileSync('openssl', ['genrsa', '-traditional', '-out', path, '2048'], { stdio: 'pipe' });
  chmodSync(path, mode);
  const publicPem = execFileSync('openssl', ['rsa', '-in', path, '-pubout'], { stdio: 'pipe' }).toString('utf8');
  if (!readFileSync(path, 'utf8').startsWith('-----BEGIN RSA PRIVATE KEY-----')) {
    throw new Error(`openssl did not write a PKCS#1 key to ${path}`);
  }
  return { path, publicPem };
}
