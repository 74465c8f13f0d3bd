// Routing runs to their targets' runners (issue 17): what `remediate targets resolve` does in the
// plan job of on-alert.yml, drift.yml and fleet.yml, on ubuntu-latest, before any runner for a fix
// is requested. The file is read here; parsing and the checks are core/targets-config.ts.

import { UsageError } from '../errors.ts';
import { readBoundedFile } from '../adapters/bounded-file.ts';
import {
  MAX_TARGETS_FILE_BYTES,
  parseTargetsConfig,
  resolveTarget,
  type TargetRoute,
  type TargetsConfig,
} from '../core/targets-config.ts';

/** Most legs one plan routes: GitHub's matrix limit, as the drift and fleet plans enforce. */
const MAX_LEGS = 256;

/** A route as the workflows read it from a step output: `runs-on` for the job, `facts` for the Action. */
export interface RouteOutput {
  readonly 'runs-on': readonly string[];
  readonly facts: Readonly<Record<string, string>>;
}

/**
 * Reads and validates the targets file at `path`. Missing, not a regular file, too large or
 * invalid: a UsageError (exit 2). With routing on, no file means no run, never a default runner.
 */
export function readTargetsFile(path: string): TargetsConfig {
  // noFollow: the file is the repository's; a link to a runner file would be quoted in errors.
  const bytes = readBoundedFile(path, { label: 'targets file', maxBytes: MAX_TARGETS_FILE_BYTES, noFollow: true });
  return parseTargetsConfig(bytes, path);
}

/** One route in the shape of the step outputs. */
export function routeOutput(route: TargetRoute): RouteOutput {
  return { 'runs-on': route.runsOn, facts: { ...route.facts } };
}

/**
 * The routes of every leg's target, keyed by target (a leg of drift.yml or fleet.yml is a JSON
 * object with a `target`): every target must be listed, or nothing is routed. Throws UsageError
 * for legs that are not a list of 1-256 objects each naming a target, and resolveTarget's errors.
 */
export function routeLegs(config: TargetsConfig, legsJson: string, file: string): Record<string, RouteOutput> {
  let legs: unknown;
  try {
    legs = JSON.parse(legsJson);
  } catch {
    throw new UsageError('USAGE', '--legs: expected the JSON list of legs the plan step wrote');
  }
  if (!Array.isArray(legs) || legs.length === 0 || legs.length > MAX_LEGS) {
    throw new UsageError('USAGE', `--legs: expected a JSON list of 1 to ${MAX_LEGS} legs`);
  }
  // A null-prototype map: a target named `__proto__` could not reach here (resolveTarget refuses
  // it), and `constructor` is then an ordinary key.
  const routes = Object.create(null) as Record<string, RouteOutput>;
  legs.forEach((leg: unknown, index) => {
    const target =
      typeof leg === 'object' && leg !== null && !Array.isArray(leg) ? (leg as { target?: unknown }).target : undefined;
    // Routing needs a name to route by: a leg without one would otherwise run on a default
    // runner, which is exactly what a targets file without a default refuses.
    if (typeof target !== 'string' || target === '') {
      throw new UsageError(
        'USAGE',
        `leg ${index} names no target: with a targets file every leg must name the target it runs on`,
      );
    }
    routes[target] ??= routeOutput(resolveTarget(config, target, file));
  });
  return routes;
}
