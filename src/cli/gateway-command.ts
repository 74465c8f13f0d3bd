// `remediate gateway`: runs the alert gateway from its config file; `gateway check` validates the
// config and prints its rules; `gateway replay-dead` re-queues the dispatches GitHub refused.
// Loaded only for these commands.

import { dirname, isAbsolute, resolve } from 'node:path';
import { ExitCode, UsageError, type ExitCodeValue } from '../errors.ts';
import { readBoundedFile } from '../adapters/bounded-file.ts';
import { apiUrlProblem, parseGatewayConfig, type GatewayConfig, type ValueFrom } from '../core/gateway-config.ts';
import { GatewayStore } from '../adapters/gateway-store.ts';
import { GitHubAppTokens, loadAppPrivateKey } from '../adapters/github-app-token.ts';
import { sendDispatch } from '../adapters/github-dispatch.ts';
import { startGateway, type SourceSecrets } from '../app/gateway-server.ts';
import type { CommandContext } from '../app/context.ts';

/** Largest config file read. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** A config's path, as written in the file at `configPath`: relative ones are taken from its folder. */
function fromConfigFolder(configPath: string, path: string): string {
  return isAbsolute(path) ? path : resolve(dirname(configPath), path);
}

/** Reads and validates the config; the state folder is resolved against the config file's folder. */
function loadConfig(path: string): { config: GatewayConfig; stateDir: string } {
  const text = readBoundedFile(path, { label: '--config', maxBytes: MAX_CONFIG_BYTES }).toString('utf8');
  const config = parseGatewayConfig(text, path);
  return { config, stateDir: fromConfigFolder(path, config.state) };
}

/** How the gateway authenticates to GitHub, in words: names the variable or the key file, never a secret. */
function describeAuth(config: GatewayConfig, path: string): string {
  const auth = config.github.auth;
  return auth.kind === 'token'
    ? `token from $${auth.tokenEnv}`
    : `GitHub App ${auth.appId}, installation ${auth.installationId}, private key ${fromConfigFolder(path, auth.privateKeyFile)}`;
}

/** `gateway check`: the config is valid; prints each source and rule as the gateway reads them. */
export function gatewayCheckCommand(path: string, context: CommandContext): ExitCodeValue {
  const { config, stateDir } = loadConfig(path);
  const from = (v: ValueFrom) => ('label' in v ? `label ${v.label}` : `'${v.value}'`);
  context.out(`${path}: valid`);
  context.out(`listen ${config.listen.host}:${config.listen.port}, state ${stateDir}`);
  context.out(
    `github ${config.github.repository} (${describeAuth(config, path)}), event type ${config.github.eventType}`,
  );
  for (const source of config.sources) {
    const auth = [
      source.auth.bearerEnv !== undefined ? `bearer $${source.auth.bearerEnv}` : '',
      source.auth.hmacEnv !== undefined ? `hmac $${source.auth.hmacEnv}` : '',
    ].filter(Boolean);
    context.out(`source ${source.id}: ${source.type} at POST ${source.path} (${auth.join(', ')})`);
  }
  config.rules.forEach((rule, i) => {
    const match = Object.entries(rule.match)
      .map(([k, v]) => (typeof v === 'string' ? `${k}=${v}` : `${k}=~${v.regex}`))
      .join(', ');
    const params = Object.entries(rule.params)
      .map(([k, v]) => `${k} <- ${from(v)}`)
      .join(', ');
    context.out(
      `rule ${i}: ${rule.source} {${match}} -> ${rule.remediation}` +
        (rule.target !== undefined
          ? `, target <- ${from(rule.target)}${rule.target.stripPort ? ' (port stripped)' : ''}`
          : '') +
        (params ? `, params ${params}` : '') +
        (rule.rateLimit !== undefined ? `, at most ${rule.rateLimit.max} per ${rule.rateLimit.within}` : '') +
        (rule.onResolved !== undefined ? `, resolved -> event type ${rule.onResolved.eventType}` : ''),
    );
  });
  return ExitCode.ok;
}

/** `gateway replay-dead`: re-queues every dispatch GitHub refused, for the running gateway to send. */
export function gatewayReplayDeadCommand(path: string, context: CommandContext): ExitCodeValue {
  const { stateDir } = loadConfig(path);
  const store = GatewayStore.open(stateDir);
  try {
    const count = store.requeueDead(context.now().toISOString());
    context.out(`${count} failed dispatch(es) re-queued in ${stateDir}`);
  } finally {
    store.close();
  }
  return ExitCode.ok;
}

/** `gateway`: serves until SIGTERM or SIGINT, then finishes in-flight work and exits 0. */
export async function gatewayCommand(path: string, context: CommandContext): Promise<ExitCodeValue> {
  const { config, stateDir } = loadConfig(path);
  const env = (name: string, what: string): string => {
    const value = context.env[name];
    if (!value) throw new UsageError('USAGE', `${what}: set the environment variable ${name} (named in ${path})`);
    return value;
  };
  const log = (event: Readonly<Record<string, unknown>>): void =>
    context.out(JSON.stringify({ time: context.now().toISOString(), ...event }));
  // Attack: GITHUB_API_URL overrides github.api-url, and was taken unchecked, so an http://
  // address received the token, or the App's JWT (which mints tokens for every installation of
  // the App), in clear text. It is held to the rule the config's api-url is.
  const envApiUrl = context.env.GITHUB_API_URL;
  const envProblem = envApiUrl ? apiUrlProblem(envApiUrl) : undefined;
  if (envProblem !== undefined) {
    throw new UsageError('USAGE', `GITHUB_API_URL: ${envProblem} (it overrides github.api-url in ${path})`);
  }
  const apiUrl = (envApiUrl || config.github.apiUrl || 'https://api.github.com').replace(/\/+$/, '');
  const auth = config.github.auth;
  let token: string | GitHubAppTokens;
  if (auth.kind === 'token') {
    token = env(auth.tokenEnv, 'github.token-env');
  } else {
    // Read once, at start: a key that cannot be used stops the start-up with what to fix.
    const key = loadAppPrivateKey(fromConfigFolder(path, auth.privateKeyFile));
    if (key.warning !== undefined) log({ level: 'warn', msg: key.warning });
    token = new GitHubAppTokens({
      apiUrl,
      appId: auth.appId,
      installationId: auth.installationId,
      repository: config.github.repository,
      privateKey: key.key,
    });
  }
  const appTokens = typeof token === 'string' ? undefined : token;
  const secrets = new Map<string, SourceSecrets>();
  for (const source of config.sources) {
    secrets.set(source.id, {
      ...(source.auth.bearerEnv !== undefined
        ? { bearer: env(source.auth.bearerEnv, `source ${source.id}: bearer-env`) }
        : {}),
      ...(source.auth.hmacEnv !== undefined ? { hmac: env(source.auth.hmacEnv, `source ${source.id}: hmac-env`) } : {}),
    });
  }
  log({ level: 'info', msg: 'github', repository: config.github.repository, auth: describeAuth(config, path) });
  const store = GatewayStore.open(stateDir);
  const gateway = await startGateway({
    config,
    store,
    secrets,
    send: (dispatch, signal) =>
      sendDispatch({
        apiUrl,
        repository: config.github.repository,
        token,
        body: dispatch.payload,
        signal,
        attempts: dispatch.attempts,
      }),
    // The App's token is fetched at start, so a key or installation GitHub refuses shows on
    // /healthz before the first alert needs it.
    ...(appTokens !== undefined ? { checkCredentials: (signal: AbortSignal) => appTokens.token(signal) } : {}),
    now: context.now,
    log,
  }).catch((error: unknown) => {
    store.close();
    throw error;
  });
  // SIGTERM/SIGINT abort context.cancel while the command is cancellable: stop cleanly.
  context.setCancellable(true);
  await new Promise<void>((resolve) => {
    if (context.cancel.aborted) resolve();
    else context.cancel.addEventListener('abort', () => resolve(), { once: true });
  });
  context.out(JSON.stringify({ time: context.now().toISOString(), level: 'info', msg: 'stopping' }));
  await gateway.close();
  context.setCancellable(false);
  return ExitCode.ok;
}
