// JSON Schema keywords as the inputSchema comparator (schema-widening.ts) groups them.

/** Keywords that describe but never constrain: changing them is `changed`. */
export const ANNOTATIONS = new Set([
  'title',
  'description',
  'default',
  'examples',
  'example',
  '$comment',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$schema',
  '$id',
  '$dynamicAnchor',
  '$anchor',
  'contentMediaType',
  'contentEncoding',
  '$defs',
  'definitions',
]);

export const UPPER_BOUNDS = new Set([
  'maxLength',
  'maximum',
  'exclusiveMaximum',
  'maxItems',
  'maxProperties',
  'maxContains',
]);
export const LOWER_BOUNDS = new Set([
  'minLength',
  'minimum',
  'exclusiveMinimum',
  'minItems',
  'minProperties',
]);

/** Plain text: changing it changes no accepted value, wherever a reference points. */
export const TEXT_KEYS = new Set(['title', 'description', '$comment']);
