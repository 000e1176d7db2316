// One line's worth of the plain YAML subset (yaml-subset.ts): keys, scalars and one-line flow collections,
// scanned by character code (this runs for every manifest). Whatever is not surely the value the strict parser
// would read throws NOT_SURE.

/** Thrown to abandon the read; only ever caught in `readPlainYaml`. */
export const NOT_SURE = Symbol('not sure');

export const SPACE = 32;
const [COLON, ZERO, DOUBLE_QUOTE, SINGLE_QUOTE, COMMA] = [58, 48, 34, 39, 44];

function charTable(ranges: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const part of ranges.match(/.-.|./g) ?? []) {
    const from = part.charCodeAt(0);
    const to = part.length === 3 ? part.charCodeAt(2) : from;
    for (let code = from; code <= to; code += 1) table[code] = 1;
  }
  return table;
}

const DIGIT = charTable('0-9');
const KEY_START = charTable('A-Za-z_');
const KEY_REST = charTable('A-Za-z0-9_');
/**
 * Plain scalars: no indicator first, no character that can end or reinterpret them (`#`, `[]{}`, `"`, `\`, `|`,
 * `>`, `&`, `!`, `` ` ``, `~`). A flow scalar also drops `,` and `'` (the entry splitter does not track them).
 */
const PLAIN_FIRST = charTable('A-Za-z0-9_/(');
const PLAIN_BLOCK = charTable("A-Za-z0-9 _./:,()'?+=@$%;*-");
const PLAIN_FLOW = charTable('A-Za-z0-9 _./:()?+=@$%;*-');
/** After the digits of a duration-like string (`1m`, `30s`): letters that cannot make a number (`1e3`, `0xF`). */
const UNIT_LETTER = charTable('a-df-wyzA-DF-WYZ');
/** First letters of the words below: only these scalars need the word lookups. */
const WORD_START = charTable('tTfFnNyYoOiI');

/** The core schema's booleans and nulls, in exactly the spellings it reads. */
const CORE_WORDS = new Map<string, boolean | null>([
  ...['true', 'True', 'TRUE'].map((word) => [word, true] as const),
  ...['false', 'False', 'FALSE'].map((word) => [word, false] as const),
  ...['null', 'Null', 'NULL'].map((word) => [word, null] as const),
]);
/** Words some schema (YAML 1.1, JSON, a future tweak) reads as non-strings: only the exact core forms are read. */
const AMBIGUOUS_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null', 'nan', 'inf']);
/** Decimal integers longer than this might not stay exact as JavaScript numbers. */
const MAX_INTEGER_DIGITS = 15;
/** The YAML spec caps implicit keys at 1024 characters; real keys are far shorter. */
const MAX_KEY_LENGTH = 128;

/** Abandons the read: the text is not surely inside the subset. */
export function bail(): never {
  throw NOT_SURE;
}

/** Where the `:` after a leading bare-identifier key is (followed by a space or the end), else -1. */
export function blockKeyEnd(text: string): number {
  const end = identifierEnd(text);
  const after = text.charCodeAt(end + 1);
  return end > 0 && text.charCodeAt(end) === COLON && (after === SPACE || Number.isNaN(after)) ? end : -1;
}

function identifierEnd(text: string): number {
  if (KEY_START[text.charCodeAt(0)] !== 1) return 0;
  let end = 1;
  while (KEY_REST[text.charCodeAt(end)] === 1) end += 1;
  return end;
}

/** A key that is surely the string it spells (no boolean or null in any schema) and is new to `map`. */
export function checkedKey(key: string, map: Record<string, unknown>): string {
  if (key.length > MAX_KEY_LENGTH || key === '__proto__') bail();
  if (isWordLike(key) && AMBIGUOUS_WORDS.has(key.toLowerCase())) bail();
  if (Object.hasOwn(map, key)) bail();
  return key;
}

/** A value on the key's (or dash's) line: a one-line flow collection of scalars, or a scalar. */
export function readInline(text: string): unknown {
  if (text.startsWith('[')) return text.endsWith(']') ? readFlowSequence(text) : bail();
  if (text.startsWith('{')) return text.endsWith('}') ? readFlowMapping(text) : bail();
  return readScalar(text, PLAIN_BLOCK);
}

function readFlowSequence(text: string): unknown[] {
  return flowEntries(text).map((entry) => readScalar(entry, PLAIN_FLOW));
}

function readFlowMapping(text: string): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const entry of flowEntries(text)) {
    const keyEnd = identifierEnd(entry);
    // `key: value`, the space required: `key:value` would be one plain scalar
    if (keyEnd === 0 || entry.charCodeAt(keyEnd) !== COLON || entry.charCodeAt(keyEnd + 1) !== SPACE) bail();
    let start = keyEnd + 2;
    while (entry.charCodeAt(start) === SPACE) start += 1;
    map[checkedKey(entry.slice(0, keyEnd), map)] = readScalar(entry.slice(start), PLAIN_FLOW);
  }
  return map;
}

/** The trimmed entries between the brackets, split at commas outside quotes. */
function flowEntries(text: string): string[] {
  const body = text.slice(1, -1);
  if (body.trim() === '') return [];
  const entries: string[] = [];
  let quote = 0;
  let start = 0;
  for (let i = 0; i < body.length; i += 1) {
    const code = body.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) quote = code;
    else if (code === COMMA) {
      entries.push(body.slice(start, i).trim());
      start = i + 1;
    }
    // a nested flow collection, or a bracket that would end this one early: `[`, `]`, `{`, `}`
    else if (code === 91 || code === 93 || code === 123 || code === 125) bail();
  }
  if (quote !== 0) bail();
  entries.push(body.slice(start).trim());
  // an empty entry (`[a,,b]`, a trailing comma) is legal YAML but not worth the doubt
  if (entries.includes('')) bail();
  return entries;
}

/** A quoted scalar without escapes, or a plain scalar resolved as the YAML 1.2 core schema does. */
function readScalar(text: string, plain: Uint8Array): unknown {
  const first = text.charCodeAt(0);
  if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
    const inner = text.slice(1, -1);
    const closed = text.length >= 2 && text.charCodeAt(text.length - 1) === first;
    if (!closed || inner.includes(text[0] ?? '') || inner.includes('\\')) bail();
    return ownString(inner);
  }
  const length = text.length;
  if (PLAIN_FIRST[first] !== 1) bail();
  for (let i = 1; i < length; i += 1) {
    const code = text.charCodeAt(i);
    if (plain[code] !== 1) bail();
    // `: ` or a final `:` would make a mapping
    if (code === COLON && (i === length - 1 || text.charCodeAt(i + 1) === SPACE)) bail();
  }
  if (DIGIT[first] === 1) return readNumberLike(text);
  if (isWordLike(text)) {
    const word = CORE_WORDS.get(text);
    if (word !== undefined) return word;
    if (AMBIGUOUS_WORDS.has(text.toLowerCase())) bail();
  }
  return ownString(text);
}

/** Could be one of the words (at most 5 letters, the right first letter): only these need the lookups. */
function isWordLike(text: string): boolean {
  return text.length <= 5 && WORD_START[text.charCodeAt(0)] === 1;
}

/** A decimal integer without a leading zero, or digits then unit letters (`30s`); anything else is not sure. */
function readNumberLike(text: string): unknown {
  let digits = 1;
  while (DIGIT[text.charCodeAt(digits)] === 1) digits += 1;
  if (digits === text.length) {
    const leadingZero = text.charCodeAt(0) === ZERO && digits > 1;
    return leadingZero || digits > MAX_INTEGER_DIGITS ? bail() : Number(text);
  }
  for (let i = digits; i < text.length; i += 1) if (UNIT_LETTER[text.charCodeAt(i)] !== 1) bail();
  return ownString(text);
}

/** Past this many distinct values the table starts again: it stays a few hundred kilobytes. */
const MAX_OWNED = 20_000;
const owned = new Map<string, string>();

/**
 * A value that holds nothing of the manifest's text, shared with every equal value read before. V8 keeps a
 * substring of 13 characters or more as a view into the whole text, so one description kept after parsing
 * would keep its whole manifest alive, and every manifest of a large registry with it; and a value many
 * manifests repeat (`string`, `object`, an owner team) would be one copy per manifest.
 */
function ownString(value: string): string {
  const known = owned.get(value);
  if (known !== undefined) return known;
  // concatenating and cutting the end off copies the characters into a string of their own
  const copy = value.length < 13 ? value : `${value} `.slice(0, -1);
  if (owned.size >= MAX_OWNED) owned.clear();
  owned.set(copy, copy);
  return copy;
}
