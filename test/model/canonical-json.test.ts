import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalEqual,
  canonicalJson,
  jsonEqual,
  writeCanonicalJson,
} from '../../src/model/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
  });

  it('keeps array order', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('drops undefined object values so an unset optional field equals an absent one', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('escapes strings as JSON does', () => {
    expect(canonicalJson({ 'k"': 'line\nbreak' })).toBe('{"k\\"":"line\\nbreak"}');
  });

  it('orders keys by code unit as the built-in sort does, for small and large objects alike (property)', () => {
    const reference = (value: unknown): string =>
      Array.isArray(value)
        ? `[${value.map(reference).join(',')}]`
        : value !== null && typeof value === 'object'
          ? `{${Object.keys(value)
              .sort()
              .map((key) => `${JSON.stringify(key)}:${reference((value as Record<string, unknown>)[key])}`)
              .join(',')}}`
          : JSON.stringify(value);
    const keys = fc.string({ unit: fc.constantFrom('a', 'B', '_', '\u00e9', '\ud83d\ude00', '1', '') });
    fc.assert(
      fc.property(fc.dictionary(keys, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 60 }), (record) => {
        expect(canonicalJson(record)).toBe(reference(JSON.parse(JSON.stringify(record))));
      }),
    );
  });

  it('gives the same text for objects that differ only in key order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });

  it('round-trips through JSON.parse to an equal value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(JSON.parse(canonicalJson(value)))).toBe(canonicalJson(value));
      }),
    );
  });

  it('jsonEqual distinguishes undefined from null', () => {
    expect(jsonEqual(undefined, null)).toBe(false);
    expect(jsonEqual({ a: [1] }, { a: [1] })).toBe(true);
  });
});

describe('canonicalEqual', () => {
  // a small alphabet, so that equal pairs are common, holding every value canonicalJson spells `null`
  const leaf = fc.constantFrom<unknown>(
    null,
    undefined,
    NaN,
    Infinity,
    -Infinity,
    0,
    -0,
    1,
    'a',
    '',
    true,
    false,
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 2 }),
      fc.dictionary(fc.constantFrom('a', 'b', '__proto__'), tie('value'), { maxKeys: 2 }),
    ),
  }));

  it('agrees with comparing canonicalJson texts (property)', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(canonicalEqual(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on a value and its copy with keys reversed and nulls respelled (property)', () => {
    const respell = (item: unknown): unknown => {
      if (Array.isArray(item)) return item.map(respell);
      if (item !== null && typeof item === 'object')
        return Object.fromEntries(
          Object.entries(item)
            .reverse()
            .map(([k, v]) => [k, respell(v)]),
        );
      return item === null ? NaN : typeof item === 'number' && !Number.isFinite(item) ? null : item;
    };
    fc.assert(
      fc.property(value, (a) => {
        const b = respell(a);
        expect(canonicalEqual(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
      }),
    );
  });

  it('treats NaN, the infinities and undefined as null, and drops undefined members', () => {
    expect(canonicalEqual(NaN, null)).toBe(true);
    expect(canonicalEqual([Infinity], [undefined])).toBe(true);
    expect(canonicalEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(canonicalEqual({ a: null }, {})).toBe(false);
    expect(canonicalEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(canonicalEqual([], {})).toBe(false);
  });
});

describe('writeCanonicalJson', () => {
  it('hands out, in pieces, exactly the text canonicalJson writes, at every depth (property)', () => {
    const odd = fc.constantFrom<unknown>(NaN, Infinity, undefined, -0, '\ud800', 'é', () => 1);
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.array(fc.oneof(odd, fc.jsonValue())),
      fc.dictionary(fc.string(), fc.oneof(odd, fc.jsonValue())),
    );
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 5 }), (item, depth) => {
        const pieces: string[] = [];
        writeCanonicalJson(item, (text) => pieces.push(text), depth);
        expect(pieces.join('')).toBe(canonicalJson(item));
      }),
    );
  });
});
