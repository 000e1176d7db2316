import type { JsonObject, JsonValue } from '../../model/types.js';
import { isRecord, ownEntries } from './front-matter.js';

/** Plain JSON of a parsed YAML value; keys such as `__proto__` stay own data keys (Object.fromEntries). */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (isRecord(value)) return toJsonObject(value);
  return String(value);
}

export function toJsonObject(record: Record<string, unknown>): JsonObject {
  return Object.fromEntries(ownEntries(record).map(([key, value]) => [key, toJsonValue(value)]));
}
