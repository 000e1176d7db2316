// The floor only tightens: each key it names is merged with the repository's own value by the rule that can
// never loosen it; a key it leaves out constrains nothing. Waivers are the one exception: they only loosen, so
// under a floor they come from the floor alone.
import { canonicalJson } from '../../model/canonical-json.js';
import type { Config, JsonValue, Radius, SignoffCounts } from '../../model/types.js';
import { RADIUS_ORDER } from '../radius/radius.js';
import type { FloorRule } from '../../model/types.js';
import type { Floor } from './types.js';

export interface FloorMerge {
  config: Config;
  rules: FloorRule[];
}

const VERSION_BUMP_ORDER = { off: 0, warn: 1, required: 2 } as const;

/**
 * `repo` judged under `floor`. `underFloor`: `repo` already carries an earlier floor (`extends`, then
 * `--floor`): lists only a floor may write (signers, waivers) then keep what both floors allow.
 */
export function applyFloor(repo: Config, floor: Floor, underFloor = false): FloorMerge {
  const config = copyConfig(repo);
  const rules: FloorRule[] = [];
  const record = (key: string, floorValue: unknown, repoValue: unknown, effective: unknown) =>
    rules.push({
      key,
      floor: json(floorValue),
      repository: json(repoValue),
      effective: json(effective),
      tightened: canonicalJson(json(repoValue)) !== canonicalJson(json(effective)),
      from: floor.origin,
    });
  const named = floor.named;
  const fc = floor.config.planes.control;
  const rc = config.planes.control;
  const control = named.planes?.control;
  if (control) {
    for (const key of Object.keys(control.signoffs ?? {}) as (keyof SignoffCounts)[]) {
      const before = rc.signoffs[key];
      rc.signoffs[key] = Math.max(before, fc.signoffs[key]);
      record(`planes.control.signoffs.${key}`, fc.signoffs[key], before, rc.signoffs[key]);
    }
    if (control.maxRadius !== undefined) {
      const before = rc.maxRadius;
      rc.maxRadius = minRadius(before, fc.maxRadius);
      record('planes.control.maxRadius', fc.maxRadius, before, rc.maxRadius);
    }
    if (control.signers !== undefined && fc.signers.length > 0) {
      const before = rc.signers;
      rc.signers = underFloor ? intersect(before, fc.signers) : [...fc.signers];
      record('planes.control.signers', fc.signers, before, rc.signers);
    }
    if (control.paths !== undefined) union(rc, 'paths', fc.paths, 'planes.control.paths', record);
    if (control.reviewers !== undefined)
      union(rc, 'reviewers', fc.reviewers, 'planes.control.reviewers', record);
    if (control.internalHosts !== undefined) {
      // an allow list: egress to these is not "outside the organisation"
      const before = rc.internalHosts;
      rc.internalHosts = intersect(before, fc.internalHosts);
      record('planes.control.internalHosts', fc.internalHosts, before, rc.internalHosts);
    }
  }
  const data = named.planes?.data;
  const fd = floor.config.planes.data;
  const rd = config.planes.data;
  if (data) {
    if (data.paths !== undefined) union(rd, 'paths', fd.paths, 'planes.data.paths', record);
    if (data.reviewers !== undefined) union(rd, 'reviewers', fd.reviewers, 'planes.data.reviewers', record);
    if (data.versionBump !== undefined) {
      const before = rd.versionBump;
      if (VERSION_BUMP_ORDER[fd.versionBump] > VERSION_BUMP_ORDER[before]) rd.versionBump = fd.versionBump;
      record('planes.data.versionBump', fd.versionBump, before, rd.versionBump);
    }
    if (data.eval !== undefined && fd.eval) mergeEval(config, fd.eval, data.eval, record);
  }
  for (const action of Object.keys(named.radius?.actions ?? {})) {
    const floorRadius = floor.config.radius.actions[action]!;
    const before = config.radius.actions[action];
    const effective = before === undefined ? floorRadius : higherRadius(before, floorRadius);
    config.radius.actions[action] = effective;
    record(`radius.actions.${action}`, floorRadius, before ?? null, effective);
  }
  for (const kind of Object.keys(named.sources ?? {})) {
    const floorSource = floor.config.sources?.[kind];
    if (!floorSource) continue;
    const sources = (config.sources ??= Object.create(null) as NonNullable<Config['sources']>);
    const before = sources[kind];
    // a source is read unless both switch it off: the default is on
    const effective = {
      enabled: floorSource.enabled || (before?.enabled ?? true),
      paths: unique([...(before?.paths ?? []), ...floorSource.paths]),
    };
    sources[kind] = effective;
    record(`sources.${kind}`, floorSource, before ?? null, effective);
  }
  const beforeWaivers = config.waivers;
  config.waivers = underFloor
    ? beforeWaivers.filter((w) => floor.config.waivers.some((f) => canonicalJson(f) === canonicalJson(w)))
    : floor.config.waivers.map((waiver) => ({ ...waiver }));
  if (beforeWaivers.length > 0 || config.waivers.length > 0)
    record('waivers', floor.config.waivers, beforeWaivers, config.waivers);
  return { config, rules };
}

function mergeEval(
  config: Config,
  floorEval: NonNullable<Config['planes']['data']['eval']>,
  named: Record<string, unknown>,
  record: (key: string, floor: unknown, repo: unknown, effective: unknown) => void,
): void {
  const own = (config.planes.data.eval ??= {});
  if (named.maxPassRateDrop !== undefined && floorEval.maxPassRateDrop !== undefined) {
    const before = own.maxPassRateDrop;
    own.maxPassRateDrop = Math.min(before ?? Infinity, floorEval.maxPassRateDrop);
    record(
      'planes.data.eval.maxPassRateDrop',
      floorEval.maxPassRateDrop,
      before ?? null,
      own.maxPassRateDrop,
    );
  }
  if (named.minPassRate !== undefined && floorEval.minPassRate !== undefined) {
    const before = own.minPassRate;
    own.minPassRate = Math.max(before ?? 0, floorEval.minPassRate);
    record('planes.data.eval.minPassRate', floorEval.minPassRate, before ?? null, own.minPassRate);
  }
  for (const key of ['results', 'baseline'] as const) {
    const value = floorEval[key];
    if (named[key] === undefined || value === undefined) continue;
    const before = own[key];
    own[key] = value;
    record(`planes.data.eval.${key}`, value, before ?? null, value);
  }
}

function union<K extends string>(
  target: Record<K, string[]>,
  key: K,
  floorList: string[],
  name: string,
  record: (key: string, floor: unknown, repo: unknown, effective: unknown) => void,
): void {
  const before = target[key];
  target[key] = unique([...before, ...floorList]);
  record(name, floorList, before, target[key]);
}

function intersect(a: readonly string[], b: readonly string[]): string[] {
  const keep = new Set(b.map((s) => s.toLowerCase()));
  return a.filter((s) => keep.has(s.toLowerCase()));
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

function minRadius(a: Radius, b: Radius): Radius {
  return RADIUS_ORDER[a] <= RADIUS_ORDER[b] ? a : b;
}

function higherRadius(a: Radius, b: Radius): Radius {
  return RADIUS_ORDER[a] >= RADIUS_ORDER[b] ? a : b;
}

function json(value: unknown): JsonValue {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);
}

/** A deep copy; the maps keyed by user data stay null-prototype (an action named `__proto__` is data). */
function copyConfig(config: Config): Config {
  const copy = structuredClone(config);
  const actions = Object.create(null) as Record<string, Radius>;
  for (const [action, radius] of Object.entries(config.radius.actions)) actions[action] = radius;
  copy.radius.actions = actions;
  if (config.sources) {
    const sources = Object.create(null) as NonNullable<Config['sources']>;
    for (const [kind, value] of Object.entries(config.sources))
      sources[kind] = { enabled: value.enabled, paths: [...value.paths] };
    copy.sources = sources;
  }
  return copy;
}
