// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function, and inclusive
// time for frames matching named predicates. Sampling, so figures are approximate (~1 ms grain).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Loads one thread's profile from a --cpu-prof directory (default: the main thread). Node names
 * them CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile; worker threads write their own.
 */
export function loadProfile(dir, thread = 0) {
  // `run` re-executes itself in place to seal its environment (same pid): the short-lived first
  // image can leave a profile of its own. The run is the profile that spans the longest time.
  const profiles = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile') && Number(f.split('.')[4]) === thread)
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  if (profiles.length === 0) throw new Error(`no .cpuprofile for thread ${thread} in ${dir}`);
  return profiles.reduce((a, b) => (b.endTime - b.startTime > a.endTime - a.startTime ? b : a));
}

/** The other threads' profiles (worker threads), in thread order. */
export function loadWorkerProfiles(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile') && Number(f.split('.')[4]) !== 0)
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

function label(frame) {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  return `${name} (${basename(frame.url)}:${frame.lineNumber + 1})`;
}

/**
 * Returns { totalMs, self: [{label, ms}], inclusive: {name: ms} }. `groups` maps a name to a
 * predicate over a call frame; a sample counts for a group when any frame on its stack matches.
 */
export function summarise(profile, groups = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfById = new Map();
  const inclusive = Object.fromEntries(Object.keys(groups).map((g) => [g, 0]));
  let total = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the gap before sample i; attribute the gap after it to it instead.
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    total += dt;
    const id = samples[i];
    selfById.set(id, (selfById.get(id) ?? 0) + dt);
    const hit = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at).callFrame;
      for (const [g, pred] of Object.entries(groups)) if (!hit.has(g) && pred(frame)) hit.add(g);
    }
    for (const g of hit) inclusive[g] += dt;
  }
  const self = new Map();
  for (const [id, ms] of selfById) {
    const key = label(byId.get(id).callFrame);
    self.set(key, (self.get(key) ?? 0) + ms);
  }
  return {
    totalMs: total,
    self: [...self].map(([l, ms]) => ({ label: l, ms })).sort((a, b) => b.ms - a.ms),
    inclusive,
  };
}

/** For the top `n` self-time functions (by label), the nearest caller frames inside `inOwnCode`, with time shares. */
export function topCallers(profile, labels, inOwnCode) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const want = new Set(labels);
  const out = Object.fromEntries(labels.map((l) => [l, new Map()]));
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(samples[i]);
    const l = label(leaf.callFrame);
    if (!want.has(l)) continue;
    let caller = '(none)';
    for (let at = parent.get(samples[i]); at !== undefined; at = parent.get(at)) {
      const f = byId.get(at).callFrame;
      if (inOwnCode(f)) {
        caller = label(f);
        break;
      }
    }
    out[l].set(caller, (out[l].get(caller) ?? 0) + dt);
  }
  return Object.fromEntries(
    Object.entries(out).map(([l, m]) => [l, [...m].sort((a, b) => b[1] - a[1]).map(([c, ms]) => ({ caller: c, ms }))]),
  );
}
