import type { JsonObject, JsonValue } from '../../../model/types.js';

/**
 * Where the keywords the comparator reads are not what JSON Schema allows (`required: "id"`, `allOf: []`,
 * `type: "strnig"`, a pattern that is no regular expression), or undefined. A validator refuses such a schema
 * outright, so the runtime denied every call under it: the next schema, however strict, accepts more. Only
 * the comparator's own keywords are checked; any change to another keyword is widened anyway.
 */
export function malformedAt(schema: JsonValue | undefined): string | undefined {
  return check(schema, 'schema', 0);
}

const MAX_DEPTH = 64;
const TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'integer', 'string']);
const COUNTS = [
  'maxLength',
  'minLength',
  'maxItems',
  'minItems',
  'maxProperties',
  'minProperties',
  'maxContains',
  'minContains',
];
// draft-4's boolean exclusiveMaximum/exclusiveMinimum too: the validator reads draft-07 and later only
const NUMBERS = ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum'];
const SUBSCHEMAS = ['additionalProperties', 'not', 'contains', 'if', 'then', 'else', 'propertyNames'];
const BRANCHES = ['allOf', 'anyOf', 'oneOf'];

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: JsonValue | undefined): boolean =>
  Number.isSafeInteger(value) && (value as number) >= 0;
const at = (path: string, key: string): string => `${path}.${key}`;

function check(schema: JsonValue | undefined, path: string, depth: number): string | undefined {
  if (schema === undefined || typeof schema === 'boolean') return undefined;
  if (!isObject(schema)) return path;
  // too deep to read is not proof of anything: the caller holds it like a malformed schema
  if (depth > MAX_DEPTH) return path;
  return keywordProblem(schema, path) ?? childProblem(schema, path, depth);
}

function keywordProblem(schema: JsonObject, path: string): string | undefined {
  const has = (key: string): boolean => Object.hasOwn(schema, key);
  if (has('type') && !typeIsValid(schema.type)) return at(path, 'type');
  if (has('enum') && !Array.isArray(schema.enum)) return at(path, 'enum');
  if (has('required') && !namesAreValid(schema.required)) return at(path, 'required');
  for (const key of COUNTS) if (has(key) && !isCount(schema[key])) return at(path, key);
  for (const key of NUMBERS) if (has(key) && typeof schema[key] !== 'number') return at(path, key);
  if (has('multipleOf') && !(typeof schema.multipleOf === 'number' && schema.multipleOf > 0))
    return at(path, 'multipleOf');
  if (has('uniqueItems') && typeof schema.uniqueItems !== 'boolean') return at(path, 'uniqueItems');
  if (has('format') && typeof schema.format !== 'string') return at(path, 'format');
  if (has('pattern') && !isPattern(schema.pattern)) return at(path, 'pattern');
  if (has('properties') && !isObject(schema.properties)) return at(path, 'properties');
  if (has('patternProperties')) {
    const patterns = schema.patternProperties;
    if (!isObject(patterns) || !Object.keys(patterns).every(isPattern)) return at(path, 'patternProperties');
  }
  for (const key of BRANCHES) {
    const list = schema[key];
    if (has(key) && !(Array.isArray(list) && list.length > 0)) return at(path, key);
  }
  return undefined;
}

function childProblem(schema: JsonObject, path: string, depth: number): string | undefined {
  const children: [JsonValue | undefined, string][] = [];
  for (const key of SUBSCHEMAS) if (Object.hasOwn(schema, key)) children.push([schema[key], at(path, key)]);
  for (const key of ['properties', 'patternProperties']) {
    const map = schema[key];
    if (isObject(map))
      for (const [name, child] of Object.entries(map)) children.push([child, at(path, `${key}.${name}`)]);
  }
  for (const key of BRANCHES) {
    const list = schema[key];
    if (Array.isArray(list))
      list.forEach((child, index) => children.push([child, `${at(path, key)}[${index}]`]));
  }
  const items = schema.items;
  if (Array.isArray(items))
    items.forEach((child, index) => children.push([child, `${at(path, 'items')}[${index}]`]));
  else if (Object.hasOwn(schema, 'items')) children.push([items, at(path, 'items')]);
  for (const [child, childPath] of children) {
    const problem = check(child, childPath, depth + 1);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function typeIsValid(value: JsonValue | undefined): boolean {
  if (typeof value === 'string') return TYPES.has(value);
  if (!Array.isArray(value) || value.length === 0) return false;
  const names = value.filter((item): item is string => typeof item === 'string' && TYPES.has(item));
  return names.length === value.length && new Set(names).size === names.length;
}

function namesAreValid(value: JsonValue | undefined): boolean {
  if (!Array.isArray(value)) return false;
  const names = value.filter((item): item is string => typeof item === 'string');
  return names.length === value.length && new Set(names).size === names.length;
}

/** The validator compiles patterns as Unicode regular expressions. */
function isPattern(value: JsonValue | undefined): boolean {
  if (typeof value !== 'string') return false;
  try {
    new RegExp(value, 'u');
    return true;
  } catch {
    return false;
  }
}
