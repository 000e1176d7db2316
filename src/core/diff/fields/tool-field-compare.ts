import { canonicalJson, jsonEqual } from '../../../model/canonical-json.js';
import { compareRadius } from '../../radius/radius.js';
import { compareInputSchemas } from '../schema/schema-widening.js';
import { redactTransport } from './server-field-changes.js';
import type { ChangeKind, FieldChange, JsonValue, RateLimit, Tool } from '../../../model/types.js';

// How each kind of tool field compares; the table of fields that uses them is tool-fields.ts.

/** Compared raw, shown redacted: a changed env value is a change, but its value may be a secret. */
export function transportChange(
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

export const APPROVAL_RANK: Record<string, number> = { human: 0, none: 1 };
export const DATA_ACCESS_RANK: Record<string, number> = { none: 0, internal: 1, sensitive: 2 };
export const FLAG_RANK: Record<string, number> = { false: 0, true: 1 };

export function scalarChange(
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
export function rankedChange(
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
export function declarationChange(
  field: string,
  rank: Record<string, number>,
  before: string,
  after: string,
): FieldChange | undefined {
  const change = rankedChange(field, rank, before, after);
  return change?.kind === 'narrowed' ? { ...change, kind: 'changed' } : change;
}

const scalar = (value: string): JsonValue => (value === 'true' ? true : value === 'false' ? false : value);

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

export function rateLimitChange(
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

export function schemaChange(before: Tool, after: Tool): FieldChange | undefined {
  const comparison = compareInputSchemas(before.inputSchema, after.inputSchema);
  if (comparison.kind === 'same') return undefined;
  return { field: 'inputSchema', kind: comparison.kind, details: comparison.details };
}

/** No declared effect reads as MCP's default, irreversible, the class `radius-assumed` gives it. */
export function effectChange(before: Tool, after: Tool): FieldChange | undefined {
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

export function annotationsChange(before: Tool, after: Tool): FieldChange | undefined {
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

export function protectedTargetsChange(before: Tool, after: Tool): FieldChange | undefined {
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
