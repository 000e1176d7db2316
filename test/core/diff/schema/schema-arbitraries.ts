// Small JSON Schemas, edits of them and values to try against both, for the property that holds the
// inputSchema comparator to a real validator. The vocabulary is small on purpose: two property names, a
// handful of values, shallow nesting, so generated values often sit on the boundaries the schemas draw.
import fc from 'fast-check';
import type { JsonObject, JsonValue } from '../../../../src/model/types.js';

export type Schema = JsonObject | boolean;

const NAMES = ['a', 'b'];
const TYPES = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'];
export const VALUES: JsonValue[] = [
  null,
  true,
  false,
  0,
  1,
  2,
  -1,
  1.5,
  '',
  'a',
  'ab',
  'abc',
  [],
  [1],
  {},
  { a: 1 },
];

const value: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<JsonValue>(null, true, false, 0.5, 1.5, 0.3, '', 'a', 'ab', 'abc', 'b'),
    fc.integer({ min: -2, max: 4 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.record({ a: tie('value'), b: tie('value'), c: tie('value') }, { requiredKeys: [] }),
  ),
})).value;

/** Values to validate: random ones, plus every const/enum value of either schema and objects built of them. */
export const values: fc.Arbitrary<JsonValue[]> = fc.array(value, { minLength: 8, maxLength: 24 }).map(plain);

/** fast-check builds records without a prototype; JSON.parse (as the runtime reads arguments) never does. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function valuesFrom(random: JsonValue[], ...schemas: Schema[]): JsonValue[] {
  const found: JsonValue[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, JsonValue>;
      if (record.const !== undefined) found.push(record.const);
      if (Array.isArray(record.enum)) found.push(...record.enum);
      Object.values(record).forEach(walk);
    }
  };
  schemas.forEach(walk);
  const seeds = [...found, ...random];
  const built = seeds.flatMap((item): JsonValue[] => [
    item,
    { a: item },
    { b: item },
    [item],
    { a: item, b: item },
  ]);
  for (const first of seeds.slice(0, 6))
    for (const second of seeds.slice(0, 6)) built.push({ a: first, b: second }, [first, second]);
  return built;
}

const integer = (min: number, max: number) => fc.integer({ min, max });

const keyword = (schema: fc.Arbitrary<Schema>): fc.Arbitrary<[string, JsonValue]> =>
  fc.oneof(
    fc.tuple(
      fc.constant('type'),
      fc.oneof(fc.constantFrom(...TYPES), fc.subarray(TYPES, { minLength: 1, maxLength: 3 })),
    ),
    fc.tuple(fc.constant('enum'), fc.subarray(VALUES, { minLength: 1, maxLength: 4 })),
    fc.tuple(fc.constant('const'), fc.constantFrom(...VALUES)),
    fc.tuple(
      fc.constantFrom('minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'),
      integer(0, 3),
    ),
    fc.tuple(fc.constantFrom('minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'), integer(-1, 3)),
    fc.tuple(fc.constant('multipleOf'), fc.constantFrom(1, 2, 3, 0.5, 0.1, 0.3)),
    fc.tuple(fc.constant('required'), fc.subarray(NAMES, { minLength: 1 })),
    fc.tuple(fc.constant('properties'), fc.record({ a: schema, b: schema }, { requiredKeys: [] })),
    fc.tuple(fc.constant('additionalProperties'), schema),
    fc.tuple(fc.constantFrom('oneOf', 'anyOf', 'allOf'), fc.array(schema, { minLength: 1, maxLength: 3 })),
    fc.tuple(fc.constantFrom('items', 'not', 'contains', 'if', 'then', 'else', 'propertyNames'), schema),
    fc.tuple(fc.constant('minContains'), integer(0, 2)),
    fc.tuple(fc.constant('uniqueItems'), fc.boolean()),
    fc.tuple(fc.constant('pattern'), fc.constantFrom('^a', 'b$', '^$')),
    fc.tuple(fc.constant('dependentRequired'), fc.constant({ a: ['b'] })),
    // malformed: the validator refuses the whole schema, and the runtime every call under it
    fc.constantFrom<[string, JsonValue]>(
      ['required', 'a'],
      ['allOf', []],
      ['type', 'strnig'],
      ['properties', []],
      ['maxLength', -1],
    ),
    fc.tuple(fc.constantFrom('unevaluatedProperties', 'unevaluatedItems'), schema),
    fc.tuple(fc.constant('prefixItems'), fc.array(schema, { minLength: 1, maxLength: 2 })),
    fc.tuple(fc.constant('dependentSchemas'), fc.record({ a: schema }, { requiredKeys: [] })),
  ) as fc.Arbitrary<[string, JsonValue]>;

const fromPairs = (pairs: [string, JsonValue][]): JsonObject => Object.fromEntries(pairs) as JsonObject;

export const schema: fc.Arbitrary<Schema> = fc
  .letrec<{ schema: Schema; node: Schema }>((tie) => ({
    schema: fc.oneof({ depthSize: 'small', maxDepth: 3 }, fc.boolean(), tie('node'), tie('node')),
    node: fc.array(keyword(tie('schema')), { minLength: 1, maxLength: 3 }).map(fromPairs),
  }))
  .schema.map(plain);

/** The root: always an object (as an inputSchema is), read in draft-07 or (with `$schema`) 2020-12. */
export const rootSchema: fc.Arbitrary<JsonObject> = fc.tuple(schema, fc.boolean()).map(([node, modern]) => {
  const object: JsonObject = typeof node === 'boolean' ? { allOf: [node] } : node;
  return modern ? { ...object, $schema: 'https://json-schema.org/draft/2020-12/schema' } : object;
});

/** One edit: where to go (each number picks a child or stops), what to do there, and with what. */
export interface Edit {
  steps: number[];
  op: number;
  pick: number;
  keyword: [string, JsonValue];
}

export const edits: fc.Arbitrary<Edit[]> = fc.array(
  fc.record({
    steps: fc.array(fc.nat(6), { maxLength: 4 }),
    op: fc.nat(6),
    pick: fc.nat(8),
    keyword: keyword(schema).map(plain),
  }),
  { minLength: 1, maxLength: 3 },
);

const BRANCHES = ['oneOf', 'anyOf', 'allOf'];
const SUBSCHEMAS = [
  'items',
  'not',
  'contains',
  'if',
  'then',
  'else',
  'additionalProperties',
  'propertyNames',
];

function children(node: JsonObject): ((child: Schema) => void)[] {
  const slots: ((child: Schema) => void)[] = [];
  for (const key of SUBSCHEMAS) if (node[key] !== undefined) slots.push((child) => (node[key] = child));
  const properties = node.properties;
  if (typeof properties === 'object' && properties !== null && !Array.isArray(properties))
    for (const name of Object.keys(properties)) slots.push((child) => (properties[name] = child));
  for (const key of BRANCHES) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((_, index) => slots.push((child) => (list[index] = child)));
  }
  return slots;
}

function childValues(node: JsonObject): Schema[] {
  const found: Schema[] = [];
  for (const key of SUBSCHEMAS) if (node[key] !== undefined) found.push(node[key] as Schema);
  const properties = node.properties;
  if (typeof properties === 'object' && properties !== null && !Array.isArray(properties))
    found.push(...(Object.values(properties) as Schema[]));
  for (const key of BRANCHES) if (Array.isArray(node[key])) found.push(...(node[key] as Schema[]));
  return found;
}

/** The edited copy: the original is never touched. */
export function applyEdits(original: Schema, list: Edit[]): Schema {
  let result = structuredClone(original);
  for (const edit of list) result = applyEdit(result, edit);
  return result;
}

function applyEdit(root: Schema, edit: Edit): Schema {
  if (typeof root === 'boolean') return edit.op % 2 === 0 ? fromPairs([edit.keyword]) : !root;
  let node = root;
  for (const step of edit.steps) {
    const kids = childValues(node);
    const slots = children(node);
    if (kids.length === 0 || step >= kids.length) break;
    const kid = kids[step] as Schema;
    if (typeof kid === 'boolean') {
      (slots[step] as (child: Schema) => void)(edit.op % 2 === 0 ? fromPairs([edit.keyword]) : !kid);
      return root;
    }
    node = kid;
  }
  editNode(node, edit);
  return root;
}

function editNode(node: JsonObject, edit: Edit): void {
  const keys = Object.keys(node);
  const key = keys[edit.pick % Math.max(keys.length, 1)];
  switch (edit.op) {
    case 0:
      if (key !== undefined) delete node[key];
      return;
    case 1:
      node[edit.keyword[0]] = edit.keyword[1];
      return;
    case 2:
    case 3: {
      // drop one member of a list keyword: a branch, an enum value, a required name
      const lists = keys.filter(
        (name) => Array.isArray(node[name]) && (node[name] as JsonValue[]).length > 1,
      );
      const name = lists[edit.pick % Math.max(lists.length, 1)];
      if (name !== undefined)
        (node[name] as JsonValue[]).splice(edit.pick % (node[name] as JsonValue[]).length, 1);
      return;
    }
    case 4: {
      const bounds = keys.filter((name) => typeof node[name] === 'number');
      const name = bounds[edit.pick % Math.max(bounds.length, 1)];
      if (name !== undefined) node[name] = (node[name] as number) + (edit.pick % 2 === 0 ? 1 : -1);
      return;
    }
    case 5: {
      // a branch list gains a copy of one of its own branches, or a new one
      const lists = keys.filter((name) => BRANCHES.includes(name));
      const name = lists[edit.pick % Math.max(lists.length, 1)];
      if (name === undefined) return;
      const list = node[name];
      if (!Array.isArray(list)) return;
      // an empty list (`allOf: []`) has no branch to copy: it gains a new one
      const copy = edit.pick % 2 === 0 && list.length > 0;
      list.push(copy ? structuredClone(list[0] as JsonValue) : fromPairs([edit.keyword]));
      return;
    }
    default:
      // a whole new node in place of this one's keywords
      for (const name of keys) delete node[name];
      node[edit.keyword[0]] = edit.keyword[1];
  }
}
