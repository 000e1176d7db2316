import { describe, expect, it } from 'vitest';
import { compareInputSchemas } from '../../../../src/core/diff/schema/schema-widening.js';
import type { JsonObject } from '../../../../src/model/types.js';

const object = (properties: JsonObject, extra: JsonObject = {}): JsonObject => ({
  type: 'object',
  properties,
  ...extra,
});

function expectKind(
  before: JsonObject | undefined,
  after: JsonObject | undefined,
  kind: string,
  detail?: string,
) {
  const result = compareInputSchemas(before, after);
  expect(result.kind, result.details.join('; ')).toBe(kind);
  if (detail !== undefined) expect(result.details).toContain(detail);
  return result;
}

describe('compareInputSchemas: whole schema', () => {
  it('is same for equal schemas, whatever the key order', () => {
    expectKind({ type: 'string', maxLength: 3 }, { maxLength: 3, type: 'string' }, 'same');
    expectKind(undefined, undefined, 'same');
  });

  it('widens when the schema goes entirely', () => {
    expectKind({ type: 'object' }, undefined, 'widened');
  });

  it('narrows when a schema appears', () => {
    expectKind(undefined, { type: 'object' }, 'narrowed');
  });

  it('reports only changed for description, title, default and examples', () => {
    const before = object({ id: { type: 'string', description: 'a', default: 'x', examples: ['x'] } });
    const after = object(
      { id: { type: 'string', description: 'b', default: 'y', examples: ['y'] } },
      { title: 'T' },
    );
    const result = expectKind(before, after, 'changed');
    expect(result.details).toEqual([
      'properties.id.default changed',
      'properties.id.description changed',
      'properties.id.examples changed',
      'title changed',
    ]);
  });

  it('reports changed for a respelling with the same meaning', () => {
    expectKind({ type: 'string' }, { type: ['string'] }, 'changed');
  });
});

describe('compareInputSchemas: type', () => {
  it('widens when the type set grows', () => {
    expectKind({ type: 'string' }, { type: ['string', 'null'] }, 'widened', 'type gained "null"');
  });

  it('narrows when the type set shrinks', () => {
    expectKind({ type: ['string', 'null'] }, { type: 'string' }, 'narrowed', 'type lost "null"');
  });

  it('widens when type goes', () => {
    expectKind({ type: 'string' }, {}, 'widened');
  });

  it('knows integer is inside number', () => {
    expectKind({ type: 'number' }, { type: 'integer' }, 'narrowed');
    expectKind({ type: 'integer' }, { type: 'number' }, 'widened');
  });
});

describe('compareInputSchemas: enum and const', () => {
  it('widens when an enum gains a value, with a readable path', () => {
    const before = object({ target: { enum: ['staging'] } });
    const after = object({ target: { enum: ['staging', 'prod'] } });
    expectKind(before, after, 'widened', 'properties.target.enum gained "prod"');
  });

  it('narrows when an enum loses a value', () => {
    expectKind({ enum: ['a', 'b'] }, { enum: ['a'] }, 'narrowed', 'enum lost "b"');
  });

  it('widens when an enum goes and narrows when one appears', () => {
    expectKind({ type: 'string', enum: ['a'] }, { type: 'string' }, 'widened');
    expectKind({ type: 'string' }, { type: 'string', enum: ['a'] }, 'narrowed');
  });

  it('compares enum values as a set, structurally', () => {
    expectKind({ enum: ['a', 'b'] }, { enum: ['b', 'a'] }, 'changed');
    expectKind({ enum: [{ a: 1 }, 'x'] }, { enum: ['x', { a: 1 }] }, 'changed');
    expectKind({ enum: [{ a: 1 }] }, { enum: [{ a: 2 }] }, 'widened');
  });

  it('widens when const goes or changes, narrows when it appears', () => {
    expectKind({ const: 'a' }, { type: 'string' }, 'widened');
    expectKind({ const: 'a' }, { const: 'b' }, 'widened', 'const changed from "a" to "b"');
    expectKind({ type: 'string' }, { type: 'string', const: 'a' }, 'narrowed');
  });
});

describe('compareInputSchemas: pattern and format', () => {
  it('widens when a pattern goes or changes (a regex cannot be proven narrower)', () => {
    expectKind({ type: 'string', pattern: '^a$' }, { type: 'string' }, 'widened');
    expectKind({ type: 'string', pattern: '^a+$' }, { type: 'string', pattern: '^a$' }, 'widened');
  });

  it('narrows when a pattern appears', () => {
    expectKind({ type: 'string' }, { type: 'string', pattern: '^a$' }, 'narrowed');
  });

  it('widens when format goes and narrows when it appears', () => {
    expectKind({ type: 'string', format: 'uuid' }, { type: 'string' }, 'widened');
    expectKind({ type: 'string' }, { type: 'string', format: 'uuid' }, 'narrowed');
  });
});

describe('compareInputSchemas: bounds', () => {
  it.each(['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'])(
    'widens when %s is raised or goes, narrows when lowered or added',
    (keyword) => {
      expectKind({ [keyword]: 5 }, { [keyword]: 10 }, 'widened', `${keyword} raised from 5 to 10`);
      expectKind({ [keyword]: 5 }, { type: 'string' }, 'widened');
      expectKind({ [keyword]: 10 }, { [keyword]: 5 }, 'narrowed');
      expectKind({ type: 'string' }, { type: 'string', [keyword]: 5 }, 'narrowed');
    },
  );

  it.each(['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'])(
    'widens when %s is lowered or goes, narrows when raised or added',
    (keyword) => {
      expectKind({ [keyword]: 5 }, { [keyword]: 1 }, 'widened', `${keyword} lowered from 5 to 1`);
      expectKind({ [keyword]: 5 }, { type: 'string' }, 'widened');
      expectKind({ [keyword]: 1 }, { [keyword]: 5 }, 'narrowed');
      expectKind({ type: 'string' }, { type: 'string', [keyword]: 5 }, 'narrowed');
    },
  );

  it('reads draft-4 boolean exclusiveMaximum: dropping true widens (and the validator refuses it anyway)', () => {
    expectKind({ maximum: 5, exclusiveMaximum: true }, { maximum: 5, exclusiveMaximum: false }, 'widened');
  });
});

describe('compareInputSchemas: required and properties', () => {
  it('widens when a name leaves required', () => {
    const props = { change_request: { type: 'string' } };
    const before = object(props, { required: ['change_request'] });
    const after = object(props, { required: [] });
    expectKind(before, after, 'widened', 'required no longer has "change_request"');
  });

  it('narrows when a name joins required', () => {
    expectKind({ required: [] }, { required: ['id'] }, 'narrowed', 'required now has "id"');
  });

  it('widens when additionalProperties false opens (true, absent or a schema)', () => {
    const closed = object({}, { additionalProperties: false });
    expectKind(closed, object({}, { additionalProperties: true }), 'widened');
    expectKind(closed, object({}), 'widened');
    expectKind(closed, object({}, { additionalProperties: { type: 'string' } }), 'widened');
  });

  it('narrows when additionalProperties closes', () => {
    expectKind(object({}), object({}, { additionalProperties: false }), 'narrowed');
    expectKind(object({}), object({}, { additionalProperties: { type: 'string' } }), 'narrowed');
  });

  it('compares additionalProperties schemas recursively', () => {
    const before = object({}, { additionalProperties: { type: 'string', maxLength: 5 } });
    const after = object({}, { additionalProperties: { type: 'string', maxLength: 9 } });
    expectKind(before, after, 'widened', 'additionalProperties.maxLength raised from 5 to 9');
  });

  it('widens when a property is added while additionalProperties is false', () => {
    const before = object({ id: { type: 'string' } }, { additionalProperties: false });
    const after = object(
      { id: { type: 'string' }, force: { type: 'boolean' } },
      { additionalProperties: false },
    );
    expectKind(before, after, 'widened', 'properties.force added while additionalProperties is false');
  });

  it('narrows when a constrained property is added to an open object', () => {
    expectKind(object({}), object({ id: { type: 'string' } }), 'narrowed');
  });

  it('widens when a property schema is dropped from an open object', () => {
    expectKind(
      object({ id: { type: 'string' } }),
      object({}),
      'widened',
      'properties.id removed (now unconstrained)',
    );
  });

  it('narrows when a property is dropped from a closed object', () => {
    const before = object(
      { id: { type: 'string' }, force: { type: 'boolean' } },
      { additionalProperties: false },
    );
    const after = object({ id: { type: 'string' } }, { additionalProperties: false });
    expectKind(before, after, 'narrowed');
  });

  it('widens when a property is dropped but patternProperties may still accept it', () => {
    const before = object(
      { id: { type: 'string' } },
      { additionalProperties: false, patternProperties: { '^x': {} } },
    );
    const after = object({}, { additionalProperties: false, patternProperties: { '^x': {} } });
    expectKind(before, after, 'widened');
  });

  it('handles property names that shadow Object.prototype members', () => {
    const before = object({ constructor: { type: 'string' } }, { additionalProperties: false });
    const after = object(
      { constructor: { type: 'string' }, toString: { type: 'string' } },
      { additionalProperties: false },
    );
    expectKind(before, after, 'widened', 'properties.toString added while additionalProperties is false');
  });

  it('recurses into items', () => {
    const before = object({ tags: { type: 'array', items: { type: 'string', maxLength: 10 } } });
    const after = object({ tags: { type: 'array', items: { type: 'string', maxLength: 20 } } });
    expectKind(before, after, 'widened', 'properties.tags.items.maxLength raised from 10 to 20');
  });

  it('treats a false subschema as accepting nothing', () => {
    expectKind(object({ x: false }), object({ x: { type: 'string' } }), 'widened');
    expectKind(object({ x: { type: 'string' } }), object({ x: false }), 'narrowed');
  });
});

describe('compareInputSchemas: anyOf / oneOf / allOf', () => {
  it('widens when anyOf or oneOf gains a branch and narrows when one goes', () => {
    for (const keyword of ['anyOf', 'oneOf']) {
      const one = { [keyword]: [{ type: 'string' }] };
      const two = { [keyword]: [{ type: 'string' }, { type: 'number' }] };
      expectKind(one, two, 'widened', `${keyword} gained a branch {"type":"number"}`);
      expectKind(two, one, 'narrowed');
    }
  });

  it('compares branches as a set by canonical JSON', () => {
    const before: JsonObject = { anyOf: [{ type: 'string', maxLength: 1 }, { type: 'number' }] };
    const after: JsonObject = { anyOf: [{ type: 'number' }, { maxLength: 1, type: 'string' }] };
    expectKind(before, after, 'changed');
  });

  it('narrows when allOf gains a branch', () => {
    expectKind(
      { allOf: [{ type: 'string' }] },
      { allOf: [{ type: 'string' }, { maxLength: 3 }] },
      'narrowed',
    );
  });
});

describe('compareInputSchemas: fail closed', () => {
  it('widens on a change to a validation keyword it does not model', () => {
    expectKind({ not: { const: 'prod' } }, { not: { const: 'production' } }, 'widened');
    expectKind({ $ref: '#/$defs/a' }, { $ref: '#/$defs/b' }, 'widened');
  });

  it('reports widened over narrowed when both happen', () => {
    const result = expectKind(
      { enum: ['a', 'b'], maxLength: 5 },
      { enum: ['a', 'c'], maxLength: 3 },
      'widened',
    );
    expect(result.details).toEqual(
      expect.arrayContaining(['enum gained "c"', 'enum lost "b"', 'maxLength lowered from 5 to 3']),
    );
  });
});
