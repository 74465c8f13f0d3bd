// Shared harness for the gwattack tests: an in-process gateway on a free port with a fake `send`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseGatewayConfig } from '../../../src/core/gateway-config.ts';
import { GatewayStore, type QueuedDispatch } from '../../../src/adapters/gateway-store.ts';
import type { DispatchResult } from '../../../src/adapters/github-dispatch.ts';
import { startGateway, type RunningGateway, type SourceSecrets } from '../../../src/app/gateway-server.ts';

export interface Harness {
  gateway: RunningGateway;
  url: string;
  logs: Record<string, unknown>[];
  sent: QueuedDispatch[];
  dir: string;
  close(): Promise<void>;
}

export async function startHarness(
  yaml: string,
  secrets: Record<string, SourceSecrets>,
  send?: (d: QueuedDispatch, signal: AbortSignal) => Promise<DispatchResult>,
  storeOverride?: (store: GatewayStore) => GatewayStore,
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'gwattack-'));
  const config = parseGatewayConfig(`listen: 127.0.0.1:0\nstate: ${dir}\n${yaml}`, 'gateway.yml');
  let store = GatewayStore.open(dir);
  if (storeOverride) store = storeOverride(store);
  const logs: Record<string, unknown>[] = [];
  const sent: QueuedDispatch[] = [];
  const gateway = await startGateway({
    config,
    store,
    secrets: new Map(Object.entries(secrets)),
    send:
      send ??
      (async (d) => {
        sent.push(d);
        return { kind: 'sent' };
      }),
    now: () => new Date(),
    log: (e) => logs.push(e),
  });
  return {
    gateway,
    url: gateway.url,
    logs,
    sent,
    dir,
    async close() {
      await gateway.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function waitFor<T>(what: string, probe: () => T | undefined, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
