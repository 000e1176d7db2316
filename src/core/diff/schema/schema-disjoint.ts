import { canonicalEqual } from '../../../model/canonical-json.js';
import type { JsonObject, JsonValue } from '../../../model/types.js';

/**
 * Can no value be valid under both subschemas? Only a proof counts: distinct `type`s, `const`/`enum` values
 * with nothing in common (or of a type the other refuses), or a property both constrain to disjoint values
 * when one of them requires it and one is object-only (a discriminator). Every other keyword only narrows a
 * subschema further, so it cannot undo a proof; a reference can (what it resolves to is read elsewhere), so a
 * subschema holding one proves nothing.
 */
export function provablyDisjoint(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return disjoint(a, b, 0);
}

/** Deeper discriminators are not worth the stack: no proof, the change is held. */
const MAX_DEPTH = 16;

const JSON_TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'integer', 'string']);
const REFERENCES = ['$ref', '$dynamicRef', '$recursiveRef'];

function disjoint(a: JsonValue | undefined, b: JsonValue | undefined, depth: number): boolean {
  if (a === false || b === false) return true;
  if (!isPlainSchema(a) || !isPlainSchema(b) || depth > MAX_DEPTH) return false;
  const typesA = typeNames(a.type);
  const typesB = typeNames(b.type);
  if (typesA && typesB && ![...typesA].some((type) => typeMatches(type, typesB))) return true;
  const valuesA = valuesOf(a);
  const valuesB = valuesOf(b);
  if (valuesA && valuesB && !valuesA.some((value) => valuesB.some((other) => same(value, other))))
    return true;
  if (valuesA && typesB && !valuesA.some((value) => valueMatches(value, typesB))) return true;
  if (valuesB && typesA && !valuesB.some((value) => valueMatches(value, typesA))) return true;
  return discriminated(a, b, typesA, typesB, depth);
}

/** Both branches can only hold one object, which must carry a property the two constrain apart. */
function discriminated(
  a: JsonObject,
  b: JsonObject,
  typesA: Set<string> | undefined,
  typesB: Set<string> | undefined,
  depth: number,
): boolean {
  if (!objectOnly(typesA) && !objectOnly(typesB)) return false;
  const propsA = isObject(a.properties) ? a.properties : {};
  const propsB = isObject(b.properties) ? b.properties : {};
  const required = new Set([...requiredOf(a), ...requiredOf(b)]);
  for (const name of [...required].sort()) {
    if (!Object.hasOwn(propsA, name) || !Object.hasOwn(propsB, name)) continue;
    if (disjoint(propsA[name], propsB[name], depth + 1)) return true;
  }
  return false;
}

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isPlainSchema(value: JsonValue | undefined): value is JsonObject {
  return isObject(value) && !REFERENCES.some((key) => Object.hasOwn(value, key));
}

const same = (a: JsonValue, b: JsonValue): boolean => canonicalEqual(a, b);

/** The type names a `type` keyword allows; undefined when absent or not a list of known names. */
function typeNames(value: JsonValue | undefined): Set<string> | undefined {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (!list || list.length === 0) return undefined;
  if (!list.every((item): item is string => typeof item === 'string' && JSON_TYPES.has(item)))
    return undefined;
  return new Set(list);
}

/** Can a value of type name `type` pass a `type` keyword allowing `allowed`? Integers are numbers too. */
function typeMatches(type: string, allowed: Set<string>): boolean {
  if (allowed.has(type)) return true;
  return (type === 'integer' && allowed.has('number')) || (type === 'number' && allowed.has('integer'));
}

function valueMatches(value: JsonValue, allowed: Set<string>): boolean {
  if (value === null) return allowed.has('null');
  if (Array.isArray(value)) return allowed.has('array');
  if (typeof value === 'number')
    return allowed.has('number') || (Number.isInteger(value) && allowed.has('integer'));
  return allowed.has(typeof value);
}

/** The only values a subschema can accept, when `const` or `enum` lists them. */
function valuesOf(schema: JsonObject): JsonValue[] | undefined {
  if (Object.hasOwn(schema, 'const') && schema.const !== undefined) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

const objectOnly = (types: Set<string> | undefined): boolean =>
  types !== undefined && types.size === 1 && types.has('object');

function requiredOf(schema: JsonObject): string[] {
  const list = schema.required;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}
