import type { JsonValue } from './types.js';

/**
 * One spelling per value: object keys sorted by code unit, no whitespace, arrays kept in order.
 * Keys whose value is `undefined` are dropped (as JSON.stringify does), so an optional field left
 * unset and one that is absent produce the same text — digests and equality keys depend on that.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>);
    default:
      return 'null';
  }
}

function canonicalArray(list: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < list.length; i++) {
    if (i > 0) out += ',';
    const item = list[i];
    out += item === undefined ? 'null' : canonicalJson(item);
  }
  return out + ']';
}

function canonicalObject(record: Record<string, unknown>): string {
  const keys = sortKeys(Object.keys(record));
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    if (!first) out += ',';
    first = false;
    out += JSON.stringify(key) + ':' + canonicalJson(item);
  }
  return out + '}';
}

/**
 * canonicalJson's text handed out in pieces, the outer `depth` levels of objects and arrays piece by piece and
 * each value below them whole: a digest over thousands of tools hashes it without building one large string.
 */
export function writeCanonicalJson(value: unknown, write: (text: string) => void, depth = 2): void {
  if (depth <= 0 || value === null || typeof value !== 'object') return write(canonicalJson(value));
  if (Array.isArray(value)) {
    write('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) write(',');
      const item: unknown = value[i];
      if (item === undefined) write('null');
      else writeCanonicalJson(item, write, depth - 1);
    }
    return write(']');
  }
  const record = value as Record<string, unknown>;
  write('{');
  let first = true;
  for (const key of sortKeys(Object.keys(record))) {
    const item = record[key];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    write((first ? '' : ',') + JSON.stringify(key) + ':');
    first = false;
    writeCanonicalJson(item, write, depth - 1);
  }
  write('}');
}

/**
 * Code-unit order, as `sort()` gives it. A manifest's objects have a handful of keys: sorted in place, they cost
 * no allocation (the built-in sort copies every list it sorts, and a large registry's digest sorts millions);
 * past a few dozen keys the built-in sort keeps a hostile object from costing quadratic time.
 */
function sortKeys(keys: string[]): string[] {
  if (keys.length > 24) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/**
 * Structural equality with canonicalJson's meaning (key order ignored, `undefined` members absent), without
 * building strings: comparing 10,000 unchanged tools must not cost 10,000 serialisations.
 */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  let count = 0;
  for (const key in a) {
    const value = a[key];
    if (value === undefined) continue;
    if (!Object.hasOwn(b, key) || !jsonEqual(value, b[key])) return false;
    count++;
  }
  for (const key in b) if (b[key] !== undefined) count--;
  return count === 0;
}

/**
 * `canonicalJson(a) === canonicalJson(b)`, without building either string: what canonicalJson spells `null`
 * (null, undefined, NaN, the infinities, functions) is equal to `null`, members it drops are absent. The schema
 * comparison asks this at every level of its recursion, where serialising each subtree anew cost most of its
 * allocation.
 */
export function canonicalEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const aNull = spelledNull(a);
  const bNull = spelledNull(b);
  if (aNull || bNull) return aNull && bNull;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  const aList = Array.isArray(a);
  if (aList !== Array.isArray(b)) return false;
  if (aList) {
    const [x, y] = [a as unknown[], b as unknown[]];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!canonicalEqual(x[i], y[i])) return false;
    return true;
  }
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  let count = 0;
  for (const key of Object.keys(x)) {
    const item = x[key];
    if (dropped(item)) continue;
    if (!isEnumerable(y, key) || dropped(y[key])) return false;
    if (!canonicalEqual(item, y[key])) return false;
    count++;
  }
  for (const key of Object.keys(y)) if (!dropped(y[key])) count--;
  return count === 0;
}

function spelledNull(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  const type = typeof value;
  if (type === 'number') return !Number.isFinite(value);
  return type !== 'string' && type !== 'boolean' && type !== 'object';
}

/** Members canonicalObject leaves out (it reads own enumerable keys only). */
const dropped = (value: unknown): boolean =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

const isEnumerable = (record: object, key: string): boolean =>
  Object.prototype.propertyIsEnumerable.call(record, key);
