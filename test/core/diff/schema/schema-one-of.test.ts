import { describe, expect, it } from 'vitest';
import { provablyDisjoint } from '../../../../src/core/diff/schema/schema-disjoint.js';
import { compareInputSchemas } from '../../../../src/core/diff/schema/schema-widening.js';
import { checkAgainstSchema } from '../../../../src/core/intent/schema-validator.js';
import type { JsonObject, JsonValue } from '../../../../src/model/types.js';

const MODERN = 'https://json-schema.org/draft/2020-12/schema';

function expectKind(before: JsonObject, after: JsonObject, kind: string, detail?: string) {
  const result = compareInputSchemas(before, after);
  expect(result.kind, result.details.join('; ')).toBe(kind);
  if (detail !== undefined) expect(result.details.join('\n')).toContain(detail);
}

/** The value the validator refuses under the old schema and accepts under the new one: a real widening. */
function expectLetThrough(before: JsonObject, after: JsonObject, value: JsonValue) {
  expect(checkAgainstSchema(before, value).kind).toBe('invalid');
  expect(checkAgainstSchema(after, value).kind).toBe('valid');
}

const kindIs = (kind: string, extra: JsonObject = {}): JsonObject => ({
  type: 'object',
  properties: { kind: { const: kind }, ...extra },
  required: ['kind'],
});

describe('oneOf: a lost branch', () => {
  it('widens when the lost branch overlaps one that stays (a value both matched now passes)', () => {
    const before: JsonObject = { oneOf: [{ type: 'string' }, { maxLength: 3 }] };
    const after = { oneOf: [{ type: 'string' }] };
    expectKind(before, after, 'widened', 'oneOf lost a branch {"maxLength":3} that may overlap another');
    expectLetThrough(before, after, 'ab');
  });

  it('widens under a property too, and for the branch that stays first or last', () => {
    const wrap = (oneOf: JsonObject[]): JsonObject => ({
      type: 'object',
      properties: { target: { oneOf } },
      required: ['target'],
    });
    const before = wrap([
      { type: 'string', pattern: '^db-' },
      { type: 'string', maxLength: 8 },
    ]);
    expectKind(before, wrap([{ type: 'string', maxLength: 8 }]), 'widened');
    expectKind(before, wrap([{ type: 'string', pattern: '^db-' }]), 'widened');
    expectLetThrough(before, wrap([{ type: 'string', maxLength: 8 }]), { target: 'db-prod' });
  });

  it('widens when one of two identical branches goes (it matched its twin)', () => {
    const before = { oneOf: [{ const: 'prod' }, { const: 'prod' }, { const: 'dev' }] };
    const after = { oneOf: [{ const: 'prod' }, { const: 'dev' }] };
    expectKind(before, after, 'widened');
    expectLetThrough(before, after, 'prod');
  });

  it('widens when enums share a value, or integer meets number', () => {
    expectKind({ oneOf: [{ enum: [1, 2] }, { enum: [2, 3] }] }, { oneOf: [{ enum: [1, 2] }] }, 'widened');
    expectLetThrough({ oneOf: [{ enum: [1, 2] }, { enum: [2, 3] }] }, { oneOf: [{ enum: [1, 2] }] }, 2);
    expectKind(
      { oneOf: [{ type: 'integer' }, { type: 'number' }] },
      { oneOf: [{ type: 'number' }] },
      'widened',
    );
    expectKind({ oneOf: [{ type: 'number' }, { const: 2 }] }, { oneOf: [{ type: 'number' }] }, 'widened');
  });

  it('widens on a discriminator that a non-object or an object without it escapes', () => {
    const loose = (kind: string): JsonObject => ({
      properties: { kind: { const: kind } },
      required: ['kind'],
    });
    const before = { oneOf: [loose('a'), loose('b')] };
    expectKind(before, { oneOf: [loose('a')] }, 'widened');
    expectLetThrough(before, { oneOf: [loose('a')] }, 'any string');
    const optional = (kind: string): JsonObject => ({
      type: 'object',
      properties: { kind: { const: kind } },
    });
    expectKind({ oneOf: [optional('a'), optional('b')] }, { oneOf: [optional('a')] }, 'widened');
    expectLetThrough({ oneOf: [optional('a'), optional('b')] }, { oneOf: [optional('a')] }, {});
  });

  it('widens when a branch stands behind a reference, whatever it says beside it', () => {
    const before: JsonObject = {
      $defs: { any: {} },
      oneOf: [{ type: 'string' }, { $ref: '#/$defs/any', type: 'number' }],
    };
    expectKind(before, { $defs: { any: {} }, oneOf: [{ type: 'string' }] }, 'widened');
  });

  it('narrows when the branches are provably disjoint', () => {
    expectKind(
      { oneOf: [{ type: 'string' }, { type: 'null' }, { type: 'array' }] },
      { oneOf: [{ type: 'string' }, { type: 'array' }] },
      'narrowed',
    );
    expectKind({ oneOf: [{ enum: [1] }, { enum: [2, 3] }] }, { oneOf: [{ enum: [2, 3] }] }, 'narrowed');
    expectKind({ oneOf: [{ const: 'a' }, { type: 'number' }] }, { oneOf: [{ type: 'number' }] }, 'narrowed');
    expectKind({ oneOf: [{ type: 'string' }, false] }, { oneOf: [{ type: 'string' }] }, 'narrowed');
  });

  it('narrows on a required discriminator of object-only branches', () => {
    const before = { oneOf: [kindIs('refund'), kindIs('charge'), kindIs('void')] };
    expectKind(before, { oneOf: [kindIs('refund'), kindIs('void')] }, 'narrowed', 'oneOf lost a branch');
    const nested = (kind: string): JsonObject => ({
      type: 'object',
      properties: { meta: { type: 'object', properties: { kind: { enum: [kind] } }, required: ['kind'] } },
      required: ['meta'],
    });
    expectKind({ oneOf: [nested('a'), nested('b')] }, { oneOf: [nested('a')] }, 'narrowed');
  });

  it('widens when a branch changes, even to something narrower, and is changed when only reordered', () => {
    expectKind(
      { oneOf: [{ type: 'string' }, { type: 'number' }] },
      { oneOf: [{ type: 'string', maxLength: 2 }, { type: 'number' }] },
      'widened',
    );
    expectKind(
      { oneOf: [{ type: 'string' }, { type: 'number' }] },
      { oneOf: [{ type: 'number' }, { type: 'string' }] },
      'changed',
    );
  });
});

describe('provablyDisjoint', () => {
  it('proves only what it can read', () => {
    expect(provablyDisjoint({ type: 'string' }, { type: ['null', 'object'] })).toBe(true);
    expect(provablyDisjoint({ type: 'strnig' }, { type: 'object' })).toBe(false);
    expect(provablyDisjoint({ const: 1.5 }, { type: 'integer' })).toBe(true);
    expect(provablyDisjoint({ const: 2 }, { type: 'integer' })).toBe(false);
    expect(provablyDisjoint({ const: { a: 1, b: 2 } }, { const: { b: 2, a: 1 } })).toBe(false);
    expect(provablyDisjoint(true, { type: 'string' })).toBe(false);
    expect(provablyDisjoint({}, {})).toBe(false);
    expect(provablyDisjoint(kindIs('a'), kindIs('b'))).toBe(true);
  });

  it('gives up on a discriminator deeper than it reads, instead of recursing without end', () => {
    let a: JsonObject = { const: 1 };
    let b: JsonObject = { const: 2 };
    for (let depth = 0; depth < 40; depth++) {
      a = { type: 'object', properties: { x: a }, required: ['x'] };
      b = { type: 'object', properties: { x: b }, required: ['x'] };
    }
    expect(provablyDisjoint(a, b)).toBe(false);
  });
});

describe('keywords that weigh their siblings', () => {
  it('widens an allOf branch that marks a property evaluated under unevaluatedProperties: false', () => {
    const before = { $schema: MODERN, allOf: [{ type: 'object' }], unevaluatedProperties: false };
    const after: JsonObject = {
      $schema: MODERN,
      allOf: [{ type: 'object' }, { properties: { admin: true } }],
      unevaluatedProperties: false,
    };
    expectKind(before, after, 'widened', 'unevaluatedProperties');
    expectLetThrough(before, after, { admin: true });
  });

  it('widens an added property schema under unevaluatedProperties, wherever it sits', () => {
    const before = { $schema: MODERN, properties: { a: { type: 'object', unevaluatedProperties: false } } };
    const after = {
      $schema: MODERN,
      properties: {
        a: { type: 'object', properties: { b: { type: 'string' } }, unevaluatedProperties: false },
      },
    };
    expectKind(before, after, 'widened');
    expectLetThrough(before, after, { a: { b: 'x' } });
  });

  it('widens items added under unevaluatedItems: false', () => {
    const before = { $schema: MODERN, unevaluatedItems: false };
    const after = { $schema: MODERN, items: { type: 'string' }, unevaluatedItems: false };
    expectKind(before, after, 'widened');
    expectLetThrough(before, after, ['x']);
  });

  it('still reports plain text edits beside unevaluatedProperties as changed', () => {
    expectKind(
      { unevaluatedProperties: false, description: 'a' },
      { unevaluatedProperties: false, description: 'b' },
      'changed',
    );
  });
});

describe('defaults and arithmetic', () => {
  it('reads a missing minContains as 1', () => {
    const before = { $schema: MODERN, contains: { const: 'x' } };
    const after = { $schema: MODERN, contains: { const: 'x' }, minContains: 0 };
    expectKind(before, after, 'widened', 'minContains lowered from 1 to 0');
    expectLetThrough(before, after, []);
    expectKind(before, { ...before, minContains: 2 }, 'narrowed');
  });

  it('trusts multipleOf only on whole numbers, as the validator divides floats', () => {
    expectKind({ multipleOf: 0.1 }, { multipleOf: 0.3 }, 'widened');
    expectLetThrough({ multipleOf: 0.1 }, { multipleOf: 0.3 }, 0.3);
    expectKind({ multipleOf: 2 }, { multipleOf: 6 }, 'narrowed');
    expectKind({ multipleOf: 6 }, { multipleOf: 2 }, 'widened');
    expectKind({ multipleOf: 4 }, { multipleOf: 6 }, 'widened');
  });
});

describe('combinators that work backwards or conditionally', () => {
  it('widens any change under not, if/then/else and dependentSchemas', () => {
    expectKind(
      { not: { anyOf: [{ const: 1 }, { const: 2 }] } },
      { not: { anyOf: [{ const: 1 }] } },
      'widened',
    );
    expectKind(
      { if: { type: 'string' }, then: { maxLength: 2 } },
      { if: { type: 'string' }, then: { maxLength: 1 } },
      'widened',
    );
    expectKind(
      { if: { type: 'string' }, else: false },
      { if: { type: 'string', minLength: 1 }, else: false },
      'widened',
    );
    expectKind(
      { dependentSchemas: { a: { required: ['b'] } } },
      { dependentSchemas: { a: { required: ['b', 'c'] } } },
      'widened',
    );
  });
});

describe('a malformed old schema', () => {
  it('widens any change from a schema the validator refused (every call was denied under it)', () => {
    const cases: [JsonObject, JsonObject, JsonValue][] = [
      [{ allOf: [] }, { allOf: [{ type: 'string' }] }, 'x'],
      [{ required: 'id' }, { required: ['id'] }, { id: 1 }],
      [{ properties: [] }, { properties: { a: { type: 'string' } } }, { a: 'x' }],
      [{ maximum: 5, exclusiveMaximum: false }, { maximum: 5, exclusiveMaximum: true }, 1],
      [
        { properties: { a: { type: 'strnig' } } },
        { properties: { a: { type: 'strnig' } }, required: ['a'] },
        { a: 'x' },
      ],
    ];
    for (const [before, after, value] of cases) {
      expect(checkAgainstSchema(before, value).kind).toBe('unusable-schema');
      if (checkAgainstSchema(after, value).kind === 'valid')
        expect(compareInputSchemas(before, after).kind).toBe('widened');
      else expectKind(before, after, 'widened');
    }
  });

  it('leaves a text edit beside it as changed', () => {
    expectKind({ required: 'id', title: 'a' }, { required: 'id', title: 'b' }, 'changed');
  });
});
