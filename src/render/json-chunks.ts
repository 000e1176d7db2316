/**
 * `JSON.stringify(value, null, 2)` in pieces, byte for byte: the plain objects and arrays of the first `depth`
 * levels are written member by member, everything else and everything deeper by JSON.stringify itself. A large
 * diff's report is megabytes of text; written in pieces, it never sits in memory whole beside the report.
 */
export function* jsonChunks(value: unknown, depth = 3): Generator<string> {
  const text = member(value, '', '', depth);
  if (typeof text === 'string') yield text;
  else if (text !== undefined) yield* text;
}

const INDENT = '  ';

type Written = string | Generator<string> | undefined;

/**
 * One value at `indent`, as JSON.stringify writes it there: undefined when it writes nothing (an object member
 * it leaves out), a string when written whole, or pieces.
 */
function member(raw: unknown, key: string, indent: string, depth: number): Written {
  // called here, with the member's key as JSON.stringify would call it (a `toJSON` whose own result has a `toJSON`
  // again would see it called twice: no report holds one)
  const value = hasToJson(raw) ? raw.toJSON(key) : raw;
  if (depth > 0 && isPlainContainer(value)) {
    if (Array.isArray(value)) {
      if (value.length > 0) return arrayChunks(value, indent, depth);
    } else return objectChunks(value as Record<string, unknown>, indent, depth);
  }
  const text = JSON.stringify(value, null, 2) as string | undefined;
  // JSON.stringify escapes every line break inside a string: each one in its output is between members
  return text === undefined || indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

function* arrayChunks(list: readonly unknown[], indent: string, depth: number): Generator<string> {
  const inner = indent + INDENT;
  yield '[';
  for (let i = 0; i < list.length; i++) {
    yield `${i > 0 ? ',' : ''}\n${inner}`;
    const text = member(list[i], String(i), inner, depth - 1);
    // an array writes null where an object leaves the member out
    if (text === undefined) yield 'null';
    else if (typeof text === 'string') yield text;
    else yield* text;
  }
  yield `\n${indent}]`;
}

function* objectChunks(record: Record<string, unknown>, indent: string, depth: number): Generator<string> {
  const inner = indent + INDENT;
  let first = true;
  for (const key of Object.keys(record)) {
    const text = member(record[key], key, inner, depth - 1);
    if (text === undefined) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    if (typeof text === 'string') yield text;
    else yield* text;
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** Only plain data is taken apart: anything else (boxed primitives, class instances) is left whole to JSON.stringify. */
function isPlainContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function hasToJson(value: unknown): value is { toJSON: (key: string) => unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  );
}
