import { canonicalJson, jsonEqual } from './canonical-json.js';
import { compareHostSets } from './hosts.js';
import { compareRadius } from './radius.js';
import { compareInputSchemas } from './schema-widening.js';
import { compareScopeSets } from './scopes.js';
import { redactTransport } from './server-field-changes.js';
import type { SetComparison } from './scopes.js';
import type { ChangeKind, FieldChange, JsonValue, RateLimit, Tool } from './types.js';

/**
 * Field-by-field comparison of one tool at base and head (SPEC section 5). Each differing field yields one
 * FieldChange: `widened` when head grants more authority, `narrowed` when less, `changed` when neither.
 *
 * Narrowing is removing authority (a scope, a host, a credential; a lower rate; an added approval or guard).
 * What a manifest declares about itself (`effect`, `dataAccess`, `untrustedInput`, annotations) is a claim,
 * not a grant: lowering a claim removes nothing, so it is `changed`, never `narrowed`, and the sign-off it
 * needs is that of the radius before the claim was lowered (signoffs.ts).
 */
export function compareToolFields(before: Tool, after: Tool): FieldChange[] {
  const changes: FieldChange[] = [];
  const push = (change: FieldChange | undefined): void => {
    if (change) changes.push(change);
  };
  push(setChange('scopes', compareScopeSets(before.scopes, after.scopes)));
  changes.push(...credentialChanges(before, after));
  push(setChange('egress', compareHostSets(before.egress, after.egress)));
  push(rateLimitChange(before.rateLimit, after.rateLimit));
  push(rankedChange('approval', APPROVAL_RANK, before.approval, after.approval));
  push(declarationChange('dataAccess', DATA_ACCESS_RANK, before.dataAccess, after.dataAccess));
  push(
    declarationChange(
      'untrustedInput',
      FLAG_RANK,
      String(before.untrustedInput),
      String(after.untrustedInput),
    ),
  );
  push(schemaChange(before, after));
  push(effectChange(before, after));
  push(annotationsChange(before, after));
  push(protectedTargetsChange(before, after));
  push(scalarChange('policy.targetField', before.policy?.targetField, after.policy?.targetField, 'widened'));
  push(
    rankedChange(
      'policy.requireChangeRequest',
      FLAG_RANK,
      String(before.policy?.requireChangeRequest ?? false),
      String(after.policy?.requireChangeRequest ?? false),
      // true -> false drops a guard, so here a falling rank is the widening
      true,
    ),
  );
  // A different server binary or URL is a different capability, whatever it says about itself.
  push(transportChange(before.transport, after.transport));
  push(scalarChange('server', before.server, after.server, 'changed'));
  push(scalarChange('description', before.description, after.description, 'changed'));
  push(scalarChange('owner', before.owner, after.owner, 'changed'));
  for (const key of unmodelledKeys(before, after)) {
    // A field this comparison does not know yet cannot be shown to grant less: fail closed.
    push(scalarChange(key, before[key as keyof Tool], after[key as keyof Tool], 'widened'));
  }
  // Same meaning, different spelling (`policy: {}` vs none, requireChangeRequest false vs absent).
  if (changes.length === 0) push(scalarChange('policy', before.policy, after.policy, 'changed'));
  return changes;
}

/** Compared raw, shown redacted: a changed env value is a change, but its value may be a secret. */
function transportChange(
  before: JsonValue | undefined,
  after: JsonValue | undefined,
): FieldChange | undefined {
  if (jsonEqual(before, after)) return undefined;
  return {
    field: 'transport',
    kind: 'widened',
    before: redactTransport(before),
    after: redactTransport(after),
  };
}

const MODELLED_KEYS = new Set([
  'name', 'source', 'server', 'description', 'owner', 'effect', 'scopes', 'credentials', 'egress', 'dataAccess',
  'untrustedInput', 'rateLimit', 'approval', 'inputSchema', 'policy', 'annotations', 'transport',
]); // prettier-ignore

function unmodelledKeys(before: Tool, after: Tool): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !MODELLED_KEYS.has(key)).sort();
}

const APPROVAL_RANK: Record<string, number> = { human: 0, none: 1 };
const DATA_ACCESS_RANK: Record<string, number> = { none: 0, internal: 1, sensitive: 2 };
const FLAG_RANK: Record<string, number> = { false: 0, true: 1 };

function setChange(field: string, comparison: SetComparison): FieldChange | undefined {
  if (comparison.kind === 'same') return undefined;
  return { field, kind: comparison.kind, added: comparison.added, removed: comparison.removed };
}

function scalarChange(
  field: string,
  before: unknown,
  after: unknown,
  kind: ChangeKind,
): FieldChange | undefined {
  if (jsonEqual(before as JsonValue | undefined, after as JsonValue | undefined)) return undefined;
  return { field, kind, before: toJson(before), after: toJson(after) };
}

const toJson = (value: unknown): JsonValue =>
  value === undefined ? null : (JSON.parse(canonicalJson(value)) as JsonValue);

/** A rising rank widens (or narrows, when `inverted`); an unknown value fails closed to widened. */
function rankedChange(
  field: string,
  rank: Record<string, number>,
  before: string,
  after: string,
  inverted = false,
): FieldChange | undefined {
  if (before === after) return undefined;
  const b = Object.hasOwn(rank, before) ? rank[before] : undefined;
  const a = Object.hasOwn(rank, after) ? rank[after] : undefined;
  const rising = a === undefined || b === undefined || a > b;
  const kind: ChangeKind = rising !== inverted ? 'widened' : 'narrowed';
  return { field, kind, before: scalar(before), after: scalar(after) };
}

/** A self-description: rising widens, and lowering it is only a claim (`changed`), never a narrowing. */
function declarationChange(
  field: string,
  rank: Record<string, number>,
  before: string,
  after: string,
): FieldChange | undefined {
  const change = rankedChange(field, rank, before, after);
  return change?.kind === 'narrowed' ? { ...change, kind: 'changed' } : change;
}

const scalar = (value: string): JsonValue => (value === 'true' ? true : value === 'false' ? false : value);

function credentialChanges(before: Tool, after: Tool): FieldChange[] {
  const b = new Map(before.credentials.map((credential) => [credential.name, credential]));
  const a = new Map(after.credentials.map((credential) => [credential.name, credential]));
  const added = [...a.keys()].filter((name) => !b.has(name)).sort();
  const removed = [...b.keys()].filter((name) => !a.has(name)).sort();
  const changes: FieldChange[] = [];
  if (added.length > 0 || removed.length > 0) {
    changes.push({ field: 'credentials', kind: added.length > 0 ? 'widened' : 'narrowed', added, removed });
  }
  for (const name of [...a.keys()].filter((key) => b.has(key)).sort()) {
    const scopes = compareScopeSets(b.get(name)?.scopes ?? [], a.get(name)?.scopes ?? []);
    const change = setChange(`credentials.${name}.scopes`, scopes);
    if (change) changes.push(change);
  }
  return changes;
}

const UNIT_SECONDS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
}; // prettier-ignore

/** `1s`, `30s`, `5m`, `1h`, `1d`, `minute`, `2 hours` -> seconds; undefined when unreadable. */
export function parsePeriodSeconds(per: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)?\s*([a-z]+)\s*$/i.exec(per);
  if (!match) return undefined;
  const unit = match[2]?.toLowerCase() ?? '';
  const seconds = Object.hasOwn(UNIT_SECONDS, unit) ? UNIT_SECONDS[unit] : undefined;
  const count = match[1] === undefined ? 1 : Number(match[1]);
  return seconds === undefined || !(count > 0) ? undefined : count * seconds;
}

/** Calls per second a rate limit allows; undefined when its period is unreadable. */
export function callsPerSecond(limit: RateLimit): number | undefined {
  const seconds = parsePeriodSeconds(limit.per);
  return seconds === undefined ? undefined : limit.calls / seconds;
}

function rateLimitChange(
  before: RateLimit | undefined,
  after: RateLimit | undefined,
): FieldChange | undefined {
  const change = scalarChange('rateLimit', before, after, 'changed');
  if (!change) return undefined;
  if (before === undefined) return { ...change, kind: 'narrowed' };
  if (after === undefined) return { ...change, kind: 'widened' };
  const b = callsPerSecond(before);
  const a = callsPerSecond(after);
  // An unreadable period cannot be shown to be lower: fail closed.
  if (a === undefined || b === undefined) return { ...change, kind: 'widened' };
  return { ...change, kind: a > b ? 'widened' : a < b ? 'narrowed' : 'changed' };
}

function schemaChange(before: Tool, after: Tool): FieldChange | undefined {
  const comparison = compareInputSchemas(before.inputSchema, after.inputSchema);
  if (comparison.kind === 'same') return undefined;
  return { field: 'inputSchema', kind: comparison.kind, details: comparison.details };
}

/** No declared effect reads as MCP's default, irreversible, the class `radius-assumed` gives it. */
function effectChange(before: Tool, after: Tool): FieldChange | undefined {
  const change = scalarChange('effect', before.effect, after.effect, 'changed');
  if (!change) return undefined;
  const rises = compareRadius(after.effect ?? 'irreversible', before.effect ?? 'irreversible') > 0;
  return { ...change, kind: rises ? 'widened' : 'changed' };
}

/**
 * MCP's hints, each read with MCP's default when absent, and the value that claims the lower risk. A hint
 * moving towards more risk widens; towards less it is a claim (`changed`).
 */
const HINTS = [
  { hint: 'readOnlyHint', absent: false, safer: true },
  { hint: 'destructiveHint', absent: true, safer: false },
  { hint: 'idempotentHint', absent: false, safer: true },
  { hint: 'openWorldHint', absent: true, safer: false },
] as const;

function annotationsChange(before: Tool, after: Tool): FieldChange | undefined {
  const change = scalarChange('annotations', before.annotations, after.annotations, 'changed');
  if (!change) return undefined;
  const riskier = HINTS.some(({ hint, absent, safer }) => {
    const b: unknown = before.annotations?.[hint] ?? absent;
    const a: unknown = after.annotations?.[hint] ?? absent;
    if (a === b) return false;
    // A value that is no boolean cannot be shown to claim less: fail closed.
    return typeof a !== 'boolean' || typeof b !== 'boolean' || a !== safer;
  });
  return { ...change, kind: riskier ? 'widened' : 'changed' };
}

function protectedTargetsChange(before: Tool, after: Tool): FieldChange | undefined {
  const b = new Set(before.policy?.protectedTargets ?? []);
  const a = new Set(after.policy?.protectedTargets ?? []);
  const added = [...a].filter((target) => !b.has(target)).sort();
  const removed = [...b].filter((target) => !a.has(target)).sort();
  if (added.length === 0 && removed.length === 0) return undefined;
  // Dropping a protected target unguards it, even if another pattern was added in its place.
  return {
    field: 'policy.protectedTargets',
    kind: removed.length > 0 ? 'widened' : 'narrowed',
    added,
    removed,
  };
}
