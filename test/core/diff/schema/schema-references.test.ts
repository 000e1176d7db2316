import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findReferenceHazards } from '../../../../src/core/diff/schema/schema-references.js';
import { compareInputSchemas } from '../../../../src/core/diff/schema/schema-widening.js';
import type { JsonObject, JsonValue } from '../../../../src/model/types.js';

function expectKind(before: JsonObject, after: JsonObject, kind: string, detail?: RegExp) {
  const result = compareInputSchemas(before, after);
  expect(result.kind, result.details.join('; ')).toBe(kind);
  if (detail)
    expect(
      result.details.some((line) => detail.test(line)),
      result.details.join('; '),
    ).toBe(true);
  return result;
}

/** `{ type: object, properties: { target: <ref> } }` beside the given members. */
const using = (ref: JsonObject, members: JsonObject): JsonObject => ({
  type: 'object',
  properties: { target: ref },
  ...members,
});

describe('references: a target the comparator calls an annotation', () => {
  const cases: [string, string, (schema: JsonValue) => JsonObject][] = [
    ['$defs', '#/$defs/t', (t) => ({ $defs: { t } })],
    ['definitions', '#/definitions/t', (t) => ({ definitions: { t } })],
    ['x-*', '#/x-t', (t) => ({ 'x-t': t })],
    ['examples', '#/examples/0', (t) => ({ examples: [t] })],
    ['default', '#/default', (t) => ({ default: t })],
    ['example', '#/example', (t) => ({ example: t })],
    ['an unknown member', '#/stash/t', (t) => ({ stash: { t } })],
  ];
  it.each(cases)('widens when a target under %s loosens', (_, pointer, place) => {
    const before = using({ $ref: pointer }, place({ type: 'string', enum: ['staging'] }));
    const after = using({ $ref: pointer }, place({ type: 'string' }));
    expectKind(before, after, 'widened');
  });

  it.each(cases)('widens when a target under %s tightens inside `not`', (_, pointer, place) => {
    // `not` turns a narrower target into a wider schema: no change behind a reference is a safe narrowing
    const before = using({ not: { $ref: pointer } }, place({ const: 'prod' }));
    const after = using({ not: { $ref: pointer } }, place({ const: 'prod', maxLength: 0 }));
    expectKind(before, after, 'widened', /target .* changed/);
  });

  it('names the reference and its target', () => {
    const before = using({ $ref: '#/$defs/t' }, { $defs: { t: { maxLength: 3 } } });
    const after = using({ $ref: '#/$defs/t' }, { $defs: { t: { maxLength: 9 } } });
    const result = expectKind(before, after, 'widened');
    expect(result.details).toContain(
      '$ref "#/$defs/t" at /properties/target: its target /$defs/t changed (cannot prove narrower)',
    );
  });

  it('follows a chain: the target is a reference whose own target changed', () => {
    const defs = (max: number) => ({ $defs: { a: { $ref: '#/$defs/b' }, b: { maxLength: max } } });
    expectKind(using({ $ref: '#/$defs/a' }, defs(3)), using({ $ref: '#/$defs/a' }, defs(1)), 'widened');
  });

  it('widens a target reached through properties, not only through members', () => {
    const schema = (max: number): JsonObject => ({
      type: 'object',
      properties: { a: { type: 'string', maxLength: max }, b: { not: { $ref: '#/properties/a' } } },
    });
    expectKind(schema(10), schema(5), 'widened');
  });

  it('widens when the reference points at the whole document (#) and anything changes', () => {
    const tree = (max: number): JsonObject => ({
      type: 'object',
      maxProperties: max,
      properties: { child: { $ref: '#' } },
    });
    expectKind(tree(5), tree(3), 'widened');
  });
});

describe('references: members a reference may lean on', () => {
  it('widens when an unreferenced $defs entry changes in a schema that uses references', () => {
    const before = using({ $ref: '#/$defs/a' }, { $defs: { a: { type: 'string' }, b: { maxLength: 3 } } });
    const after = using({ $ref: '#/$defs/a' }, { $defs: { a: { type: 'string' }, b: { maxLength: 1 } } });
    expectKind(before, after, 'widened', /\/\$defs changed in a schema that uses references/);
  });

  it('widens when a $defs entry is added or removed beside a reference', () => {
    const base = using({ $ref: '#/$defs/a' }, { $defs: { a: { type: 'string' } } });
    const more = using({ $ref: '#/$defs/a' }, { $defs: { a: { type: 'string' }, b: {} } });
    expectKind(base, more, 'widened');
    expectKind(more, base, 'widened');
  });

  it.each([
    ['x-*', { 'x-note': 'a' }, { 'x-note': 'b' }],
    ['examples', { examples: [1] }, { examples: [2] }],
    ['default', { default: 'a' }, { default: 'b' }],
    ['$comment beside x-*', { 'x-a': 1 }, { 'x-a': 2, $comment: 'c' }],
  ])('widens when %s changes beside a reference', (_, b, a) => {
    const defs = { $defs: { a: { type: 'string' } } };
    expectKind(
      using({ $ref: '#/$defs/a' }, { ...defs, ...b }),
      using({ $ref: '#/$defs/a' }, { ...defs, ...a }),
      'widened',
    );
  });

  it('keeps those members mere annotations when no reference exists', () => {
    expectKind(
      { type: 'string', 'x-a': 1, $defs: { a: {} } },
      { type: 'string', 'x-a': 2, $defs: {} },
      'changed',
    );
  });

  it('widens when $id moves: a relative reference now resolves elsewhere', () => {
    const schema = (id: string): JsonObject => ({ $id: id, properties: { a: { $ref: 'defs.json#/a' } } });
    expectKind(schema('https://acme.test/tools/v1/s.json'), schema('https://evil.test/s.json'), 'widened');
  });

  it('widens when an $anchor is renamed so a reference lands on a looser schema', () => {
    const schema = (strict: string, loose: string): JsonObject =>
      using(
        { $ref: '#target' },
        { $defs: { strict: { $anchor: strict, enum: ['a'] }, loose: { $anchor: loose, type: 'string' } } },
      );
    expectKind(schema('target', 'other'), schema('other', 'target'), 'widened');
  });

  it('widens when a draft-7 `$id: "#name"` anchor moves', () => {
    const schema = (strict: string, loose: string): JsonObject =>
      using({ $ref: '#t' }, { definitions: { s: { $id: strict, enum: ['a'] }, l: { $id: loose } } });
    expectKind(schema('#t', '#u'), schema('#u', '#t'), 'widened');
  });

  it('widens when $schema changes the dialect (draft-07 ignores $ref siblings)', () => {
    const schema = (dialect: string): JsonObject =>
      using({ $ref: '#/$defs/a', maxLength: 3 }, { $schema: dialect, $defs: { a: { type: 'string' } } });
    expectKind(
      schema('https://json-schema.org/draft/2020-12/schema'),
      schema('http://json-schema.org/draft-07/schema#'),
      'widened',
    );
    expectKind({ $schema: 'https://json-schema.org/draft/2020-12/schema' }, {}, 'widened');
  });
});

describe('references: siblings of $ref (applied in 2019-09 and later, ignored by draft-07)', () => {
  const defs = { $defs: { a: { type: 'string' } } };
  it('widens when a sibling constraint goes or loosens', () => {
    expectKind(
      using({ $ref: '#/$defs/a', maxLength: 5 }, defs),
      using({ $ref: '#/$defs/a' }, defs),
      'widened',
    );
    expectKind(
      using({ $ref: '#/$defs/a', maxLength: 5 }, defs),
      using({ $ref: '#/$defs/a', maxLength: 9 }, defs),
      'widened',
    );
  });

  it('widens when a $ref joins constraints a draft-07 validator would then ignore', () => {
    expectKind(using({ maxLength: 5 }, defs), using({ $ref: '#/$defs/a', maxLength: 5 }, defs), 'widened');
  });

  it('widens when the sibling and the target trade places', () => {
    const before = using({ $ref: '#/$defs/a', enum: ['x'] }, { $defs: { a: { type: 'string' } } });
    const after = using({ $ref: '#/$defs/a', type: 'string' }, { $defs: { a: { enum: ['x'] } } });
    expectKind(before, after, 'widened');
  });
});

describe('references: pointers with escapes', () => {
  it.each([
    ['~1 (a slash)', 'a/b', '#/$defs/a~1b'],
    ['~0 (a tilde)', 'a~b', '#/$defs/a~0b'],
    ['~01 (a tilde then 1)', 'a~1b', '#/$defs/a~01b'],
    ['percent-encoding', 'a b', '#/$defs/a%20b'],
    ['percent-encoded ~1', 'a/b', '#/$defs/a%7E1b'],
    ['percent-encoded non-ASCII', 'é', '#/$defs/%C3%A9'],
  ])('resolves %s and widens when the target loosens', (_, key, pointer) => {
    const schema = (max: number): JsonObject =>
      using({ $ref: pointer }, { $defs: { [key]: { maxLength: max } } });
    const result = expectKind(schema(3), schema(30), 'widened');
    expect(result.details.join('\n')).toMatch(/its target .* changed/);
  });

  it('treats %2F as unresolved: validators disagree on whether it splits the pointer', () => {
    // ajv reads `a%2Fb` as the key "a/b", RFC 6901 as two segments a, b: a narrowing beside it may hide either
    const schema = (max: number): JsonObject => ({
      type: 'object',
      properties: {
        a: { b: { maxLength: 1 } } as JsonObject,
        'a/b': { maxLength: max },
        target: { not: { $ref: '#/properties/a%2Fb' } },
      },
    });
    expectKind(schema(5), schema(3), 'widened', /decodes to a different target/);
  });

  it('does not confuse a/b with a~1b: a change to the other key still widens (member rule)', () => {
    const schema = (max: number): JsonObject =>
      using({ $ref: '#/$defs/a~1b' }, { $defs: { 'a/b': { maxLength: 3 }, 'a~1b': { maxLength: max } } });
    const result = expectKind(schema(3), schema(30), 'widened');
    expect(result.details.join('\n')).not.toMatch(/its target/);
  });

  it.each([
    ['a malformed ~ escape', '#/$defs/a~2b'],
    ['a malformed percent escape', '#/$defs/a%E0%A4%A'],
    ['a missing target', '#/$defs/missing'],
    ['a prototype key', '#/__proto__'],
    ['an array index with a leading zero', '#/allOf/00'],
  ])('treats %s as unresolved: a narrowing beside it is widened', (_, pointer) => {
    const schema = (max: number): JsonObject => ({
      type: 'object',
      allOf: [{}],
      properties: { a: { $ref: pointer }, b: { maxLength: max } },
    });
    expectKind(schema(10), schema(5), 'widened', /any change may lie behind it/);
  });
});

describe('references it cannot resolve', () => {
  const remote = (extra: JsonObject): JsonObject => ({
    type: 'object',
    properties: { a: { $ref: 'https://schemas.example.com/target.json' }, b: { type: 'string', ...extra } },
  });

  it('widens even a narrowing beside a remote reference', () => {
    expectKind(remote({ maxLength: 10 }), remote({ maxLength: 5 }), 'widened', /points outside the document/);
  });

  it('keeps a plain text edit `changed` beside a remote reference', () => {
    expectKind(remote({ description: 'old' }), remote({ description: 'new' }), 'changed');
  });

  it.each([
    ['a relative file', 'other.json#/a'],
    ['a urn', 'urn:uuid:deadbeef-1234-0000-0000-4321fedcba98'],
    ['an empty string', ''],
    ['an anchor nobody declares', '#nowhere'],
  ])('treats %s as pointing anywhere', (_, ref) => {
    const schema = (max: number): JsonObject =>
      using({ $ref: ref }, { properties: { target: { $ref: ref }, b: { maxLength: max } } });
    expectKind(schema(10), schema(5), 'widened');
  });

  it('treats a reference that is not a string as unresolved', () => {
    const hazards = findReferenceHazards({ $ref: { a: 1 } }, { $ref: { a: 1 }, maxLength: 1 });
    expect(hazards.unresolved[0]).toMatch(/is not a string/);
  });

  it('treats an anchor declared twice as unresolved', () => {
    const schema = using({ $ref: '#t' }, { $defs: { a: { $anchor: 't' }, b: { $anchor: 't' } } });
    expect(findReferenceHazards(schema, schema).unresolved[0]).toMatch(/declared 2 times/);
  });
});

describe('references: dynamic and recursive', () => {
  it('widens when a $dynamicAnchor target changes', () => {
    const schema = (max: number): JsonObject => ({
      $dynamicAnchor: 'node',
      type: 'object',
      properties: { children: { type: 'array', items: { $dynamicRef: '#node' } }, name: { maxLength: max } },
    });
    expectKind(schema(10), schema(5), 'widened');
  });

  it('widens any change in a schema with $recursiveRef (it resolves to the root)', () => {
    const schema = (max: number): JsonObject => ({
      $recursiveAnchor: true,
      type: 'object',
      properties: { next: { $recursiveRef: '#' }, name: { maxLength: max } },
    });
    expectKind(schema(10), schema(5), 'widened');
  });

  it('widens when a $dynamicAnchor is added where a $dynamicRef may bind to it', () => {
    const base = using({ $dynamicRef: '#/$defs/a' }, { $defs: { a: { type: 'string' }, b: {} } });
    const head = using(
      { $dynamicRef: '#/$defs/a' },
      { $defs: { a: { type: 'string' }, b: { $dynamicAnchor: 'a' } } },
    );
    expectKind(base, head, 'widened');
  });
});

describe('references: nested schema documents', () => {
  it('widens any change inside a document with an embedded resource ($id below the root)', () => {
    const schema = (max: number): JsonObject => ({
      type: 'object',
      $defs: { inner: { $id: 'https://acme.test/inner.json', type: 'string', maxLength: max } },
      properties: { a: { type: 'string' } },
    });
    expectKind(schema(10), schema(5), 'widened', /embedded resource/);
  });

  it('widens a reference into an embedded resource that changed', () => {
    const schema = (max: number): JsonObject =>
      using(
        { $ref: 'https://acme.test/inner.json#/$defs/x' },
        { $defs: { inner: { $id: 'https://acme.test/inner.json', $defs: { x: { maxLength: max } } } } },
      );
    expectKind(schema(3), schema(30), 'widened');
  });

  it('treats a draft-4 `id` as an embedded resource too', () => {
    const schema = (max: number): JsonObject => ({
      definitions: { inner: { id: 'inner.json', maxLength: max } },
      properties: { id: { type: 'string', maxLength: max } },
    });
    expectKind(schema(10), schema(5), 'widened');
  });
});

describe('references: no false alarm where the target is untouched', () => {
  it('keeps a narrowing a narrowing when every reference resolves to an unchanged target', () => {
    const schema = (max: number): JsonObject => ({
      type: 'object',
      $defs: { id: { type: 'string', pattern: '^[a-z]+$' } },
      properties: { a: { $ref: '#/$defs/id' }, b: { type: 'string', maxLength: max } },
    });
    expectKind(schema(10), schema(5), 'narrowed');
  });

  it('stays fast and short with thousands of references to one target', () => {
    const tree = (max: number): JsonObject => ({
      type: 'object',
      maxProperties: max,
      properties: Object.fromEntries(Array.from({ length: 1_500 }, (_, i) => [`p${i}`, { $ref: '#' }])),
    });
    const start = performance.now();
    const result = compareInputSchemas(tree(5), tree(3));
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(result.kind).toBe('widened');
    expect(result.details.length).toBeLessThanOrEqual(25);
    expect(result.details.join('\n')).toMatch(/and \d+ more changes behind references/);
  });

  it('treats more references than it follows as unresolved (fails closed)', () => {
    const many = (max: number): JsonObject => ({
      properties: Object.fromEntries(
        Array.from({ length: 2_500 }, (_, i) => [`p${i}`, { $ref: '#/$defs/a' }]),
      ),
      $defs: { a: { type: 'string' } },
      maxProperties: max,
    });
    expectKind(many(5), many(3), 'widened', /too large to follow references/);
  });

  it('reports no hazard for documents without references', () => {
    expect(findReferenceHazards({ maxLength: 1 }, { maxLength: 2 })).toEqual({ widened: [], unresolved: [] });
  });

  it('survives a hostile, very deep document without recursion errors', () => {
    let deep: JsonValue = { $ref: '#' };
    for (let i = 0; i < 2_000; i++) deep = [deep];
    const hazards = findReferenceHazards({ a: deep }, { a: deep, b: 1 });
    expect(hazards.widened.length + hazards.unresolved.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------- property

const leaf = fc.oneof(
  fc.constant<JsonValue>({}),
  fc.constant<JsonValue>(true),
  fc.constant<JsonValue>(false),
  fc.record({ type: fc.constantFrom('string', 'number') }) as fc.Arbitrary<JsonValue>,
  fc.record({ maxLength: fc.integer({ min: 0, max: 5 }) }) as fc.Arbitrary<JsonValue>,
  fc.record({
    enum: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1 }),
  }) as fc.Arbitrary<JsonValue>,
);
const places: [string, (target: JsonValue) => JsonObject][] = [
  ['#/$defs/t', (t) => ({ $defs: { t } })],
  ['#/definitions/t', (t) => ({ definitions: { t } })],
  ['#/x-t', (t) => ({ 'x-t': t })],
  ['#/examples/0', (t) => ({ examples: [t] })],
  ['#/default', (t) => ({ default: t })],
  ['#/$defs/%74', (t) => ({ $defs: { t } })],
  ['#/$defs/t~1u', (t) => ({ $defs: { 't/u': t } })],
];

describe('references (property)', () => {
  it('never reports less than widened when what a reference resolves to changed', () => {
    fc.assert(
      fc.property(leaf, leaf, fc.constantFrom(...places), fc.boolean(), (b, a, [pointer, place], negate) => {
        fc.pre(JSON.stringify(b) !== JSON.stringify(a));
        const ref: JsonObject = negate ? { not: { $ref: pointer } } : { $ref: pointer };
        const result = compareInputSchemas(using(ref, place(b)), using(ref, place(a)));
        expect(result.kind).toBe('widened');
      }),
    );
  });

  it('never reports narrowed beside a reference it cannot resolve', () => {
    const unresolvable = fc.constantFrom('https://x.test/s.json', 'other.json#/a', '#nowhere', '#/$defs/a~2');
    fc.assert(
      fc.property(leaf, leaf, unresolvable, (b, a, ref) => {
        fc.pre(JSON.stringify(b) !== JSON.stringify(a));
        const schema = (target: JsonValue): JsonObject => ({
          type: 'object',
          properties: { r: { $ref: ref }, target },
        });
        expect(['widened', 'same']).toContain(compareInputSchemas(schema(b), schema(a)).kind);
      }),
    );
  });
});
