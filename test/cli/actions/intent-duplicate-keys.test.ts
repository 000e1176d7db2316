import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicateKey } from '../../../src/cli/actions/intent-duplicate-keys.js';

describe('findDuplicateKey', () => {
  it('finds a repeated key in one object, with its line, compared decoded', () => {
    expect(findDuplicateKey('{"a":1,\n"a":2}')).toEqual({ key: 'a', line: 2 });
    expect(findDuplicateKey('{"id":"x","\\u0069d":"y"}')).toEqual({ key: 'id', line: 1 });
    expect(findDuplicateKey('[{"a":{"b":1,"b":2}}]')).toEqual({ key: 'b', line: 1 });
  });

  it('ignores equal keys in different objects, and strings that only look like keys', () => {
    expect(findDuplicateKey('{"a":{"a":1},"b":{"a":2}}')).toBeUndefined();
    expect(findDuplicateKey('{"a":"a","b":["a","a"],"c":"\\"a\\""}')).toBeUndefined();
    expect(findDuplicateKey('{"a":"{\\"a\\":1,\\"a\\":2}"}')).toBeUndefined();
  });

  it('property: JSON.stringify never yields a duplicate, and repeating any key is found', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, key) => {
        const text = JSON.stringify(value);
        expect(findDuplicateKey(text)).toBeUndefined();
        const doubled = `{${JSON.stringify(key)}:${text},${JSON.stringify(key)}:1}`;
        expect(findDuplicateKey(doubled)?.key).toBe(key);
      }),
    );
  });
});
