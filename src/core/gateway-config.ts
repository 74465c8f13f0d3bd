// The alert gateway's configuration (issue 15): which senders it accepts (sources, each with its
// secret), and the allow-list of rules that turn an alert into exactly one pinned remediation.
// Pure: the caller reads the file and hands in its text; secrets stay in the environment and
// only their variable names are here.

// Precompiled from remediations/gateway.schema.json (scripts/build-validators.mjs).
import validate from '../generated/gateway-validator.js';
import { UsageError } from '../errors.ts';
import { parseDuration } from './definition.ts';
import { TARGET, TARGET_RULE } from './dispatch-payload.ts';
import { pointerToPath } from './schema-errors.ts';
import { parseVersionRef } from './version-ref.ts';
import {
  dedupeIssues,
  formatIssue,
  readYamlConfig,
  schemaIssue,
  type IssueMaker,
  type LocatedIssue,
} from './yaml-issues.ts';

/** The gateway's settings, as gateway.yml states them (kebab-case keys read as camelCase). */
export interface GatewayConfig {
  /** Where the HTTP server listens; `port` 0 picks a free port. */
  readonly listen: { readonly host: string; readonly port: number };
  /** The state folder as written; the caller resolves a relative one against the config's folder. */
  readonly state: string;
  /** Where alerts are dispatched to, and how the gateway authenticates to GitHub. */
  readonly github: {
    readonly repository: string;
    readonly auth: GitHubAuth;
    /** The API base when set in the config; else the caller's default (GITHUB_API_URL, api.github.com). */
    readonly apiUrl?: string;
    /** The repository_dispatch event type; `remediate` unless set. */
    readonly eventType: string;
  };
  readonly sources: readonly GatewaySource[];
  /** The allow-list, in order: the first rule of an alert's source that matches it wins. */
  readonly rules: readonly GatewayRule[];
}

/**
 * How the gateway authenticates to GitHub: a token from an environment variable (`token-env`),
 * or as a GitHub App (`app`) whose installation tokens it mints itself.
 */
export type GitHubAuth =
  | {
      readonly kind: 'token';
      /** The environment variable holding the token. */
      readonly tokenEnv: string;
    }
  | {
      readonly kind: 'app';
      /** The App id (a number) or its client id (`Iv...`). */
      readonly appId: number | string;
      /** The private key file as written; the caller resolves a relative one against the config's folder. */
      readonly privateKeyFile: string;
      readonly installationId: number;
    };

/** A sender the gateway accepts requests from, at its own path, with its own secret. */
export interface GatewaySource {
  readonly id: string;
  readonly type: 'alertmanager' | 'grafana' | 'pagerduty' | 'generic';
  /** The URL path it posts to, matched exactly. */
  readonly path: string;
  /**
   * The environment variables holding its secrets; every one configured must verify. Grafana's
   * `timestampHeader` names the header its HMAC timestamp arrives in, when configured there.
   */
  readonly auth: { readonly bearerEnv?: string; readonly hmacEnv?: string; readonly timestampHeader?: string };
}

/** One allow-list entry: alerts of `source` whose labels match run `remediation`. */
export interface GatewayRule {
  readonly source: string;
  /** Label name to an exact value or a regular expression matched against the whole value. */
  readonly match: Readonly<Record<string, string | { readonly regex: string }>>;
  /** An exact `name@vX.Y.Z`: a version is never taken from the alert. */
  readonly remediation: string;
  readonly target?: ValueFrom & { readonly stripPort?: boolean };
  readonly params: Readonly<Record<string, ValueFrom>>;
  /** At most `max` dispatches per rule and target within `within` (a duration like 10m). */
  readonly rateLimit?: { readonly max: number; readonly within: string };
  /** When set, a resolved alert this rule matches is dispatched under this event type; else recorded only. */
  readonly onResolved?: { readonly eventType: string };
}

/** A value taken from one of the alert's labels, or written in the config. */
export type ValueFrom = { readonly label: string } | { readonly value: string };

/** Largest gateway.yml accepted: a config is a page of YAML. */
export const MAX_GATEWAY_CONFIG_BYTES = 256 * 1024;
/** Paths the gateway serves itself; a source there would shadow them or be shadowed. */
const RESERVED_PATHS = new Set(['/healthz', '/metrics']);

/** A gateway config failed validation: `issues` holds every problem, each at file:line:col. */
export class GatewayConfigError extends UsageError {
  readonly issues: readonly LocatedIssue[];
  constructor(issues: readonly LocatedIssue[]) {
    super('INVALID_CONFIG', issues.map(formatIssue).join('\n'));
    this.issues = issues;
  }
}

/**
 * Parses and validates gateway.yml text: the schema first, then what a schema cannot say (rules
 * naming existing sources, unique ids and paths, the auth each sender type can give, regexes
 * that compile, exact versions). Throws GatewayConfigError (INVALID_CONFIG) listing every problem.
 */
export function parseGatewayConfig(text: string, file: string): GatewayConfig {
  const issueAt = (line: number, column: number, path: string, message: string): LocatedIssue => ({
    file,
    line,
    column,
    path,
    message,
  });
  if (text.length > MAX_GATEWAY_CONFIG_BYTES) {
    throw new GatewayConfigError([
      issueAt(1, 1, '', `file is ${text.length} characters; at most ${MAX_GATEWAY_CONFIG_BYTES} are accepted`),
    ]);
  }
  const read = readYamlConfig(text, file);
  if (!read.ok) throw new GatewayConfigError(read.issues);
  const { data, issue } = read;
  if (!validate(data)) {
    throw new GatewayConfigError(
      dedupeIssues(
        (validate.errors ?? []).map((e) =>
          // An empty match would route every alert of the source: an allow-list names what it allows.
          e.keyword === 'minProperties' && e.instancePath.endsWith('/match')
            ? issue(pointerToPath(e.instancePath), 'expected at least one label to match')
            : // The schema's "exactly one of token-env or app", said as what to write.
              e.schemaPath.startsWith('#/properties/github/oneOf')
              ? githubAuthIssue(data, issue)
              : schemaIssue(e, issue),
        ),
      ),
    );
  }
  const raw = data as RawConfig;
  const problems = semanticIssues(raw, issue);
  if (problems.length) throw new GatewayConfigError(problems);
  return normalise(raw);
}

/** The full-match form of a rule's regex: `^(?:re)$`, so `web` never matches `web-canary`. */
export function fullMatchRegex(source: string): RegExp {
  return new RegExp(`^(?:${source})$`, 'u');
}

/** Splits `host:port` / `[v6]:port` (already checked by the schema) into its parts. */
export function parseListen(text: string): { host: string; port: number } {
  const colon = text.lastIndexOf(':');
  const host = text.slice(0, colon);
  return { host: host.startsWith('[') ? host.slice(1, -1) : host, port: Number(text.slice(colon + 1)) };
}

interface RawValueFrom {
  readonly label?: string;
  readonly value?: string;
  readonly 'strip-port'?: boolean;
}
interface RawConfig {
  readonly listen: string;
  readonly state: string;
  readonly github: {
    readonly repository: string;
    readonly 'token-env'?: string;
    readonly app?: {
      readonly id: number | string;
      readonly 'private-key-file': string;
      readonly 'installation-id': number;
    };
    readonly 'api-url'?: string;
    readonly 'event-type'?: string;
  };
  readonly sources: readonly {
    readonly id: string;
    readonly type: GatewaySource['type'];
    readonly path: string;
    readonly auth: {
      readonly 'bearer-env'?: string;
      readonly 'hmac-env'?: string;
      readonly 'timestamp-header'?: string;
    };
  }[];
  readonly rules: readonly {
    readonly source: string;
    readonly match: Readonly<Record<string, string | { readonly regex: string }>>;
    readonly remediation: string;
    readonly target?: RawValueFrom;
    readonly params?: Readonly<Record<string, RawValueFrom>>;
    readonly 'rate-limit'?: { readonly max: number; readonly within: string };
    readonly 'on-resolved'?: { readonly 'event-type': string };
  }[];
}

function semanticIssues(raw: RawConfig, issue: IssueMaker): LocatedIssue[] {
  const problems: LocatedIssue[] = [];
  const { port } = parseListen(raw.listen);
  if (port > 65535) problems.push(issue(['listen'], `expected a port of at most 65535, got ${port}`));
  const apiUrl = raw.github['api-url'];
  if (apiUrl !== undefined) {
    const problem = apiUrlProblem(apiUrl);
    if (problem) problems.push(issue(['github', 'api-url'], problem));
  }
  const tokenEnv = raw.github['token-env'];
  const ids = new Map<string, number>();
  const paths = new Map<string, number>();
  raw.sources.forEach((source, index) => {
    const at = ['sources', index];
    const firstId = ids.get(source.id);
    // Two sources with one id would make a rule's `source` mean either sender's alerts.
    if (firstId !== undefined) {
      problems.push(issue([...at, 'id'], `duplicate source id '${source.id}' (first used in sources[${firstId}])`));
    } else ids.set(source.id, index);
    const firstPath = paths.get(source.path);
    // Two sources at one path: a request could only be checked against one sender's secret.
    if (firstPath !== undefined) {
      problems.push(issue([...at, 'path'], `duplicate path '${source.path}' (first used in sources[${firstPath}])`));
    } else paths.set(source.path, index);
    if (RESERVED_PATHS.has(source.path.replace(/\/+$/, ''))) {
      problems.push(issue([...at, 'path'], `'${source.path}' is served by the gateway itself; choose another path`));
    }
    // Dot segments and empty segments are normalised differently by proxies and by the server;
    // a path that means two things could route a request past the check a proxy applies.
    if (
      source.path
        .split('/')
        .some((part, i, all) => part === '.' || part === '..' || (part === '' && i > 0 && i < all.length - 1))
    ) {
      problems.push(
        issue([...at, 'path'], `expected a path without '.', '..' or empty segments, got '${source.path}'`),
      );
    }
    problems.push(...authIssues(source, tokenEnv, at, issue));
  });
  raw.rules.forEach((rule, index) => {
    const at = ['rules', index];
    // A rule naming no source would never match, so the alert it was written for does nothing.
    if (!ids.has(rule.source)) {
      problems.push(
        issue([...at, 'source'], `expected the id of a source (${[...ids.keys()].join(', ')}), got '${rule.source}'`),
      );
    }
    for (const [label, matcher] of Object.entries(rule.match)) {
      if (typeof matcher === 'string') continue;
      try {
        fullMatchRegex(matcher.regex);
      } catch {
        problems.push(
          issue([...at, 'match', label, 'regex'], `expected a valid regular expression, got '${matcher.regex}'`),
        );
      }
    }
    // The version is the operator's, never the alert's: a floating reference would let whoever
    // releases next decide what runs on an alert.
    try {
      parseVersionRef(rule.remediation);
    } catch (error) {
      problems.push(issue([...at, 'remediation'], (error as Error).message));
    }
    if (rule.target !== undefined) {
      problems.push(...valueFromIssues(rule.target, [...at, 'target'], issue));
      if (rule.target['strip-port'] !== undefined && rule.target.label === undefined) {
        problems.push(issue([...at, 'target', 'strip-port'], 'strip-port applies to a target taken from a label'));
      }
      if (rule.target.value !== undefined && !TARGET.test(rule.target.value)) {
        problems.push(
          issue([...at, 'target', 'value'], `expected a target of ${TARGET_RULE}, got '${rule.target.value}'`),
        );
      }
    }
    for (const [name, from] of Object.entries(rule.params ?? {})) {
      problems.push(...valueFromIssues(from, [...at, 'params', name], issue));
    }
    // Attack: a resolution dispatched under the fix's event type would start the fix when the
    // alert ends (the on-alert workflow listens for that type); any resolved alert could then
    // trigger a remediation. The runner refuses a resolved alert too (dispatch-payload.ts).
    const resolvedType = rule['on-resolved']?.['event-type'];
    if (resolvedType !== undefined && resolvedType === (raw.github['event-type'] ?? 'remediate')) {
      problems.push(
        issue(
          [...at, 'on-resolved', 'event-type'],
          `'${resolvedType}' is the event type that starts fixes (github.event-type); give resolutions their own, like remediate-resolved`,
        ),
      );
    }
    const limit = rule['rate-limit'];
    if (limit !== undefined) {
      try {
        parseDuration(limit.within);
      } catch (error) {
        problems.push(issue([...at, 'rate-limit', 'within'], (error as Error).message));
      }
    }
  });
  return problems;
}

/**
 * Both `token-env` and `app`, or neither: which credentials the gateway would use is a guess, so
 * the config says it. Located at `app` when both are there, at `github` when neither is.
 */
function githubAuthIssue(data: unknown, issue: IssueMaker): LocatedIssue {
  const github = (data as { github?: Record<string, unknown> }).github ?? {};
  if ('token-env' in github && 'app' in github) {
    return issue(
      ['github', 'app'],
      'expected token-env or app, not both: keep app to authenticate as the GitHub App, or token-env for a token from the environment',
      true,
    );
  }
  return issue(
    ['github'],
    'expected token-env: <variable holding a token>, or app: { id: <App id>, private-key-file: <path>, installation-id: <number> }',
    true,
  );
}

function authIssues(
  source: RawConfig['sources'][number],
  tokenEnv: string | undefined,
  at: (string | number)[],
  issue: IssueMaker,
): LocatedIssue[] {
  const problems: LocatedIssue[] = [];
  const { 'bearer-env': bearer, 'hmac-env': hmac, 'timestamp-header': timestamp } = source.auth;
  // An open endpoint would let anyone on the network start remediations.
  if (bearer === undefined && hmac === undefined) {
    problems.push(
      issue([...at, 'auth'], 'expected bearer-env or hmac-env: every source must authenticate its requests'),
    );
  }
  // Alertmanager cannot sign a body; a configured HMAC secret would refuse every real request.
  if (source.type === 'alertmanager' && hmac !== undefined) {
    problems.push(
      issue(
        [...at, 'auth', 'hmac-env'],
        'Alertmanager does not sign requests; use bearer-env (its http_config.authorization)',
        true,
      ),
    );
  }
  // PagerDuty authenticates its webhooks by signature only; a custom header is a shared static
  // value visible in its UI, so the signature is required.
  if (source.type === 'pagerduty' && hmac === undefined) {
    problems.push(issue([...at, 'auth'], "expected hmac-env: PagerDuty's X-PagerDuty-Signature is required"));
  }
  if (timestamp !== undefined && (source.type !== 'grafana' || hmac === undefined)) {
    problems.push(
      issue([...at, 'auth', 'timestamp-header'], 'timestamp-header applies to a grafana source with hmac-env', true),
    );
  }
  // Reusing the GitHub token as a sender's secret would hand the dispatch token to every sender's config.
  for (const [key, name] of [
    ['bearer-env', bearer],
    ['hmac-env', hmac],
  ] as const) {
    if (name !== undefined && name === tokenEnv) {
      problems.push(
        issue(
          [...at, 'auth', key],
          `'${name}' is the GitHub token's variable (token-env); give the sender its own secret`,
        ),
      );
    }
  }
  return problems;
}

function valueFromIssues(from: RawValueFrom, at: (string | number)[], issue: IssueMaker): LocatedIssue[] {
  // Both or neither: which one wins would be a guess.
  if ((from.label === undefined) === (from.value === undefined)) {
    return [issue(at, 'expected exactly one of label or value')];
  }
  return [];
}

/**
 * Why `text` is not an API base the gateway may send its credentials to, or undefined: https://
 * (http:// only on a loopback address), without credentials, query or fragment. Also applied to
 * GITHUB_API_URL, which overrides `github.api-url`.
 */
export function apiUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `expected a URL like https://api.github.com, got '${text}'`;
  }
  // The token travels in every request: over plain http only to this machine.
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return `expected an https:// URL (http:// only on a loopback address), got '${text}'`;
  }
  // Credentials in the URL would end up in logs; a query or fragment would be dropped or misread.
  if (url.username || url.password || url.search || url.hash) {
    return `expected a URL without credentials, query or fragment, got '${text}'`;
  }
  return undefined;
}

function githubAuth(github: RawConfig['github']): GitHubAuth {
  if (github.app === undefined) return { kind: 'token', tokenEnv: github['token-env'] ?? '' };
  const { id } = github.app;
  return {
    kind: 'app',
    // A quoted numeric id is the same App: GitHub takes it as a number.
    appId: typeof id === 'string' && /^[0-9]+$/.test(id) ? Number(id) : id,
    privateKeyFile: github.app['private-key-file'],
    installationId: github.app['installation-id'],
  };
}

function valueFrom(raw: RawValueFrom): ValueFrom {
  return raw.label !== undefined ? { label: raw.label } : { value: raw.value ?? '' };
}

function normalise(raw: RawConfig): GatewayConfig {
  const apiUrl = raw.github['api-url'];
  return {
    listen: parseListen(raw.listen),
    state: raw.state,
    github: {
      repository: raw.github.repository,
      auth: githubAuth(raw.github),
      ...(apiUrl !== undefined ? { apiUrl: apiUrl.replace(/\/+$/, '') } : {}),
      eventType: raw.github['event-type'] ?? 'remediate',
    },
    sources: raw.sources.map((s) => ({
      id: s.id,
      type: s.type,
      path: s.path,
      auth: {
        ...(s.auth['bearer-env'] !== undefined ? { bearerEnv: s.auth['bearer-env'] } : {}),
        ...(s.auth['hmac-env'] !== undefined ? { hmacEnv: s.auth['hmac-env'] } : {}),
        ...(s.auth['timestamp-header'] !== undefined ? { timestampHeader: s.auth['timestamp-header'] } : {}),
      },
    })),
    rules: raw.rules.map((r) => ({
      source: r.source,
      match: Object.fromEntries(
        Object.entries(r.match).map(([k, v]) => [k, typeof v === 'string' ? v : { regex: v.regex }]),
      ),
      remediation: r.remediation,
      ...(r.target !== undefined
        ? {
            target: {
              ...valueFrom(r.target),
              ...(r.target['strip-port'] !== undefined ? { stripPort: r.target['strip-port'] } : {}),
            },
          }
        : {}),
      params: Object.fromEntries(Object.entries(r.params ?? {}).map(([k, v]) => [k, valueFrom(v)])),
      ...(r['rate-limit'] !== undefined
        ? { rateLimit: { max: r['rate-limit'].max, within: r['rate-limit'].within } }
        : {}),
      ...(r['on-resolved'] !== undefined ? { onResolved: { eventType: r['on-resolved']['event-type'] } } : {}),
    })),
  };
}
