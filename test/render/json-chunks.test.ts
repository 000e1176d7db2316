import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/render/json-chunks.js';

const joined = (value: unknown, depth?: number): string => [...jsonChunks(value, depth)].join('');

/** JSON-like values with the members JSON.stringify treats specially mixed in. */
const odd = fc.constantFrom<unknown>(
  undefined,
  () => 1,
  Symbol('s'),
  new Date(0),
  { toJSON: () => undefined },
  { toJSON: (key: string) => `key ${key}` },
  Object.assign(Object.create(null) as object, { a: 1 }),
  new String('boxed'),
  Number.NaN,
  -0,
  'line\nbreak "quoted" \u2028',
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    odd,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 4 }),
  ),
}));

describe('jsonChunks', () => {
  it('writes exactly what JSON.stringify(value, null, 2) writes, at any depth (property)', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 5 }), (v, depth) => {
        // where JSON.stringify returns undefined (nothing to write) the pieces are none
        expect(joined(v, depth)).toBe(JSON.stringify(v, null, 2) ?? '');
      }),
      { numRuns: 1000 },
    );
  });

  it('writes nothing where JSON.stringify writes nothing, and empty containers whole', () => {
    expect(joined(undefined)).toBe('');
    expect(joined({ a: undefined, b: () => 1 })).toBe('{}');
    expect(joined({ a: [], b: {}, c: [undefined] })).toBe(
      JSON.stringify({ a: [], b: {}, c: [null] }, null, 2),
    );
  });

  it('writes a report of many entries in many pieces', () => {
    const report = { tools: Array.from({ length: 500 }, (_, i) => ({ name: `t${i}`, changes: [{ i }] })) };
    const chunks = [...jsonChunks(report)];
    expect(chunks.length).toBeGreaterThan(500);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(200);
    expect(chunks.join('')).toBe(JSON.stringify(report, null, 2));
  });
});
