import type { JsonValue } from '../../../model/types.js';

/**
 * `unevaluatedProperties` and `unevaluatedItems` judge what every sibling subschema (`properties`, `items`,
 * `allOf`, `anyOf`, `oneOf`, `if`, references, ...) did not: a new `allOf` branch or an added property schema
 * marks more of the value as evaluated and so lets more through. The comparator reads keywords one at a time,
 * so in a document holding either keyword no change is provably narrower. Keys are matched wherever they sit;
 * a document too large to walk counts as holding them.
 */
const KEYS = new Set(['unevaluatedProperties', 'unevaluatedItems']);
const NODE_LIMIT = 200_000;

export function holdsUnevaluated(schema: JsonValue | undefined): string | undefined {
  const stack: JsonValue[] = schema === undefined ? [] : [schema];
  let visited = 0;
  while (stack.length > 0) {
    const node = stack.pop() as JsonValue;
    if (++visited > NODE_LIMIT) return 'a schema too large to read whole';
    if (Array.isArray(node)) stack.push(...node);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (KEYS.has(key)) return key;
        stack.push(value);
      }
    }
  }
  return undefined;
}
