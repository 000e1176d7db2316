import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareInputSchemas } from '../../../../src/core/diff/schema/schema-widening.js';
import { checkAgainstSchema } from '../../../../src/core/intent/schema-validator.js';
import type { JsonObject, JsonValue } from '../../../../src/model/types.js';
import { applyEdits, edits, rootSchema, schema, values, valuesFrom } from './schema-arbitraries.js';
import type { Schema } from './schema-arbitraries.js';

// A `narrowed` (or `same`) verdict lets a change through with the narrowing sign-offs only, so it must hold
// against the validator the runtime uses: no value the new schema accepts may be refused by the old one.

const root = (node: Schema): JsonObject => (typeof node === 'boolean' ? { allOf: [node] } : node);

type Outcome = 'valid' | 'invalid' | 'unusable';

function judge(node: JsonObject, value: JsonValue): Outcome {
  const result = checkAgainstSchema(node, value);
  return result.kind === 'valid' ? 'valid' : result.kind === 'invalid' ? 'invalid' : 'unusable';
}

/** The first value the head accepts and the base refuses, when the comparator called the change narrowing. */
function counterexample(before: JsonObject, after: JsonObject, tried: JsonValue[]): string | undefined {
  const verdict = compareInputSchemas(before, after);
  if (verdict.kind !== 'narrowed' && verdict.kind !== 'same') return undefined;
  for (const value of tried) {
    const head = judge(after, value);
    // a head schema the validator cannot compile refuses every call: nothing gets through
    if (head !== 'valid') continue;
    if (judge(before, value) !== 'valid') {
      return `${verdict.kind} (${verdict.details.join('; ')}) but ${JSON.stringify(value)} passes ${JSON.stringify(after)} and not ${JSON.stringify(before)}`;
    }
  }
  return undefined;
}

const NUM_RUNS = 1000;

describe('compareInputSchemas against ajv', () => {
  it('never calls a change narrowing when the new schema accepts a value the old one refused', () => {
    const verdicts = new Map<string, number>();
    fc.assert(
      fc.property(rootSchema, edits, values, (before, list, random) => {
        const after = root(applyEdits(before, list));
        const kind = compareInputSchemas(before, after).kind;
        verdicts.set(kind, (verdicts.get(kind) ?? 0) + 1);
        const found = counterexample(before, after, valuesFrom(random, before, after));
        expect(found).toBeUndefined();
      }),
      { numRuns: NUM_RUNS },
    );
    // the property is only worth something when the comparator does say narrowed often
    expect(verdicts.get('narrowed') ?? 0).toBeGreaterThan(NUM_RUNS / 25);
  });

  it('holds when a branch list (oneOf, anyOf, allOf) loses or gains a branch, beside unevaluated* too', () => {
    const seen = new Map<string, number>();
    const lists = fc.array(schema, { minLength: 2, maxLength: 4 });
    const unevaluated = fc.constantFrom(undefined, 'unevaluatedProperties', 'unevaluatedItems');
    fc.assert(
      fc.property(
        fc.constantFrom('oneOf', 'anyOf', 'allOf'),
        lists,
        fc.oneof(fc.nat(3), schema, fc.record({ properties: fc.record({ a: schema }) })),
        unevaluated,
        fc.boolean(),
        values,
        (keyword, list, change, closed, nested, random) => {
          // a dropped branch (by index) or a gained one (a schema)
          const changed =
            typeof change === 'number'
              ? list.filter((_, index) => index !== change % list.length)
              : [...list, change];
          const node = (branches: Schema[]): JsonObject => ({
            [keyword]: branches,
            ...(closed !== undefined && { [closed]: false }),
          });
          const wrap = (inner: JsonObject): JsonObject => ({
            ...(closed !== undefined && { $schema: 'https://json-schema.org/draft/2020-12/schema' }),
            ...(nested ? { type: 'object', properties: { a: inner }, required: ['a'] } : inner),
          });
          const before = wrap(node(list));
          const after = wrap(node(changed));
          const kind = compareInputSchemas(before, after).kind;
          seen.set(`${keyword} ${kind}`, (seen.get(`${keyword} ${kind}`) ?? 0) + 1);
          const tried = valuesFrom(random, before, after);
          expect(counterexample(before, after, nested ? tried.map((a) => ({ a })) : tried)).toBeUndefined();
        },
      ),
      { numRuns: NUM_RUNS },
    );
    for (const keyword of ['oneOf', 'anyOf', 'allOf'])
      expect(seen.get(`${keyword} narrowed`) ?? 0).toBeGreaterThan(0);
  });
});
