// Starts a real Azurite blob emulator (the `azurite` devDependency) on loopback for tests.
//
// Azurite is spawned with `--blobPort 0`, so the kernel picks a free port and there is no
// probe-then-bind race; the port actually bound is read from Azurite's own start-up line
// ("... successfully listens on http://127.0.0.1:<port>"), and readiness is then confirmed by
// an authenticated request (creating the containers the caller asks for).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';

/** Azurite's built-in development account (documented well-known emulator credentials). */
export const AZURITE_ACCOUNT_NAME = 'devstoreaccount1';
export const AZURITE_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteOptions {
  /** Containers to create once Azurite is up. */
  containers?: string[];
  /** How long to wait for Azurite to report that it listens (default 20 s). */
  startTimeoutMs?: number;
  /** Cap for Azurite's in-memory extent store, in MB (default 512). */
  extentMemoryLimitMb?: number;
}

export interface AzuriteHandle {
  /** Path-style account URL, e.g. `http://127.0.0.1:41234/devstoreaccount1` (no trailing slash). */
  blobUrl: string;
  accountName: string;
  accountKey: string;
  /** Process id of the Azurite child, so tests can check it is gone after stop(). */
  pid: number;
  /** Shared-key credential for the account (for SAS generation and direct reads in tests). */
  credential: StorageSharedKeyCredential;
  /** Service client authenticated with the account key. */
  serviceClient: BlobServiceClient;
  createContainer(name: string): Promise<void>;
  /** Output Azurite printed (bounded), for diagnosing failures. */
  output(): string;
  /** SIGTERM, wait for exit, SIGKILL after a grace period. Idempotent. */
  stop(): Promise<void>;
}

const OUTPUT_LIMIT = 64 * 1024;
const LISTENING = /successfully listens on (http:\/\/[^\s]+)/;

function azuriteBlobBin(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('azurite/package.json');
  return path.join(path.dirname(pkgPath), 'dist', 'src', 'blob', 'main.js');
}

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // AZURITE_ACCOUNTS would replace the well-known account; NODE_OPTIONS may carry test-runner
  // loaders that have no business in the emulator.
  delete env['AZURITE_ACCOUNTS'];
  delete env['NODE_OPTIONS'];
  return env;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, ms);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteHandle> {
  const startTimeoutMs = options.startTimeoutMs ?? 20_000;
  // With --inMemoryPersistence Azurite writes no data files, but give it a private working
  // directory anyway so nothing can land in the project checkout.
  const workDir = await mkdtemp(path.join(tmpdir(), 'azurite-'));
  const args = [
    azuriteBlobBin(),
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    '0',
    '--inMemoryPersistence',
    '--extentMemoryLimit',
    String(options.extentMemoryLimitMb ?? 512),
    '--skipApiVersionCheck',
    '--loose',
    '--silent',
    // Without this Azurite's telemetry client keeps it alive after SIGTERM.
    '--disableTelemetry',
  ];
  const child = spawn(process.execPath, args, {
    cwd: workDir,
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const append = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    if (output.length > OUTPUT_LIMIT) output = output.slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);

  // If the test process dies without running stop(), do not leave an orphan emulator behind.
  const killOnExit = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      try {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          if (!(await waitForExit(child, 5_000))) {
            child.kill('SIGKILL');
            await waitForExit(child, 5_000);
          }
        }
      } finally {
        process.off('exit', killOnExit);
        await rm(workDir, { recursive: true, force: true });
      }
    })();
    return stopped;
  };

  let origin: string;
  try {
    origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Azurite did not start within ${startTimeoutMs} ms; output:\n${output}`));
      }, startTimeoutMs);
      const onData = (): void => {
        const match = LISTENING.exec(output);
        if (match?.[1]) {
          cleanup();
          resolve(new URL(match[1]).origin);
        }
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        cleanup();
        reject(new Error(`Azurite exited during start-up (code ${code}, signal ${signal}); output:\n${output}`));
      };
      const onError = (error: Error): void => {
        cleanup();
        reject(error);
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
        child.off('error', onError);
      };
      child.stdout?.on('data', onData);
      child.once('exit', onExit);
      child.once('error', onError);
    });
  } catch (error) {
    await stop();
    throw error;
  }

  if (child.pid === undefined) {
    await stop();
    throw new Error('Azurite child has no pid');
  }

  const blobUrl = `${origin}/${AZURITE_ACCOUNT_NAME}`;
  const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT_NAME, AZURITE_ACCOUNT_KEY);
  const serviceClient = new BlobServiceClient(blobUrl, credential, {
    // Fail fast in tests rather than retrying for minutes against a dead emulator.
    retryOptions: { maxTries: 3, retryDelayInMs: 100, maxRetryDelayInMs: 500 },
  });

  const handle: AzuriteHandle = {
    blobUrl,
    accountName: AZURITE_ACCOUNT_NAME,
    accountKey: AZURITE_ACCOUNT_KEY,
    pid: child.pid,
    credential,
    serviceClient,
    async createContainer(name: string): Promise<void> {
      await serviceClient.getContainerClient(name).createIfNotExists();
    },
    output: () => output,
    stop,
  };

  try {
    // An authenticated round trip proves it accepts connections and our key.
    await serviceClient.getProperties();
    for (const name of options.containers ?? []) await handle.createContainer(name);
  } catch (error) {
    await stop();
    throw error;
  }
  return handle;
}
