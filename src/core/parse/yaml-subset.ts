// A reader for the tiny subset of YAML that plain manifests are written in, several times cheaper than a cold
// general parser. It is a shortcut, never a second opinion: whenever it returns a value, that value must
// deep-equal what the strict parser reads (a parser differential would let a field slip past the gate), so
// anything it cannot read with certainty makes it answer `undefined` ("not sure") and the real parsers run.

/** Thrown to abandon the read; only ever caught in `readPlainYaml`. */
const NOT_SURE = Symbol('not sure');

/** Anything but printable ASCII and newlines (tabs, `\r`, a BOM, unicode), or a directive/document marker line. */
const OUTSIDE_SUBSET = /[^\n\x20-\x7e]|^(?:---|\.\.\.|%)/m;

/** A block mapping key: a bare identifier, then `:` and a space or the end of the line. */
const BLOCK_KEY = /^([A-Za-z_][A-Za-z0-9_]*):(?: +|$)/;
const FLOW_ENTRY = /^([A-Za-z_][A-Za-z0-9_]*): +(.*)$/;

/**
 * Plain scalars: no indicator first, no character that can end or reinterpret them (`#`, `[]{}`, `"`, `\`, `|`,
 * `>`, `&`, `!`, `` ` ``). A flow scalar also drops `,` and `'` (the entry splitter does not track them).
 */
const PLAIN_BLOCK = /^[A-Za-z0-9_/(][\w ./:,()'?+=@$%;*-]*$/;
const PLAIN_FLOW = /^[A-Za-z0-9_/(][\w ./:()?+=@$%;*-]*$/;

const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);
const NULLS = new Set(['null', 'Null', 'NULL']);
/** Words some schema (YAML 1.1, JSON, a future tweak) reads as non-strings: only the exact core forms are read. */
const AMBIGUOUS_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null', 'nan', 'inf']);
/** Decimal integers that stay exact as JavaScript numbers (15 digits at most). */
const SAFE_INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
/** A duration-like string (`1m`, `30s`): digits then letters, none of which can make a number (`e`, `x`). */
const DIGITS_THEN_LETTERS = /^[0-9]+[a-df-wyzA-DF-WYZ]+$/;

/** Nesting deeper than this is not a plain manifest: bail instead of risking the stack. */
const MAX_DEPTH = 64;
/** The YAML spec caps implicit keys at 1024 characters; real keys are far shorter. */
const MAX_KEY_LENGTH = 128;

interface Line {
  indent: number;
  /** the line without its indentation and trailing spaces */
  text: string;
}

/**
 * The document's value when `text` is one block-style document inside the plain subset, else `undefined`.
 * Never throws on any input.
 */
export function readPlainYaml(text: string): unknown {
  if (OUTSIDE_SUBSET.test(text)) return undefined;
  const lines = contentLines(text);
  if (lines === undefined || lines.length === 0 || lines[0]?.indent !== 0) return undefined;
  try {
    const reader = new BlockReader(lines);
    const value = reader.readBlock(0, 0);
    return reader.done() ? value : undefined;
  } catch (error) {
    if (error === NOT_SURE) return undefined;
    throw error;
  }
}

/** The lines holding content; `undefined` when a `#` sits anywhere but at the start of a comment line. */
function contentLines(text: string): Line[] | undefined {
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent += 1;
    if (indent === raw.length || raw[indent] === '#') continue;
    const line = raw.trimEnd();
    if (line.includes('#')) return undefined;
    lines.push({ indent, text: line.slice(indent) });
  }
  return lines;
}

function bail(): never {
  throw NOT_SURE;
}

class BlockReader {
  private pos = 0;
  constructor(private readonly lines: Line[]) {}

  done(): boolean {
    return this.pos === this.lines.length;
  }

  /** The collection whose first line is the current one, at `indent`. */
  readBlock(indent: number, depth: number): unknown {
    const line = this.lines[this.pos];
    if (!line) return bail();
    return isDash(line.text) ? this.readSequence(indent, depth) : this.readMapping(indent, depth);
  }

  private readMapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) bail();
    const map: Record<string, unknown> = {};
    for (let line = this.lines[this.pos]; line && line.indent >= indent; line = this.lines[this.pos]) {
      // deeper than the keys: a continuation or an error; a dash here: a sequence after a scalar value
      if (line.indent > indent) bail();
      const match = BLOCK_KEY.exec(line.text);
      if (!match) return bail();
      const key = checkedKey(match[1] ?? '', map);
      const rest = line.text.slice(match[0].length);
      this.pos += 1;
      if (rest === '') map[key] = this.readNested(indent, depth);
      else {
        map[key] = readInline(rest);
        this.expectNoContinuation(indent);
      }
    }
    return map;
  }

  private readSequence(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) bail();
    const items: unknown[] = [];
    for (let line = this.lines[this.pos]; line && line.indent >= indent; line = this.lines[this.pos]) {
      if (line.indent > indent) bail();
      // a key at the sequence's own indent ends a sequence written flush under its parent key
      if (!isDash(line.text)) break;
      if (line.text === '-') {
        this.pos += 1;
        items.push(this.readNested(indent, depth, false));
        continue;
      }
      const spaces = /^-( +)/.exec(line.text)?.[1]?.length ?? bail();
      const rest = line.text.slice(1 + spaces);
      if (isDash(rest)) bail();
      if (BLOCK_KEY.test(rest)) {
        // a mapping that starts on the dash line continues at the column of its first key
        this.lines[this.pos] = { indent: indent + 1 + spaces, text: rest };
        items.push(this.readMapping(indent + 1 + spaces, depth + 1));
      } else {
        items.push(readInline(rest));
        this.pos += 1;
        this.expectNoContinuation(indent);
      }
    }
    return items;
  }

  /**
   * The value of a key or dash written alone on its line: a deeper block, a sequence flush under a key, or null.
   */
  private readNested(indent: number, depth: number, underKey = true): unknown {
    const next = this.lines[this.pos];
    if (next && next.indent > indent) return this.readBlock(next.indent, depth + 1);
    if (underKey && next && next.indent === indent && isDash(next.text))
      return this.readSequence(indent, depth + 1);
    return null;
  }

  /** A deeper line after a one-line value would continue a multi-line scalar (or be an error). */
  private expectNoContinuation(indent: number): void {
    const next = this.lines[this.pos];
    if (next && next.indent > indent) bail();
  }
}

function isDash(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** A key that is surely the string it spells and is new to `map`. */
function checkedKey(key: string, map: Record<string, unknown>): string {
  if (key.length > MAX_KEY_LENGTH || key === '__proto__' || typeof readScalar(key, PLAIN_FLOW) !== 'string')
    bail();
  if (Object.hasOwn(map, key)) bail();
  return key;
}

/** A value on the key's (or dash's) line: a one-line flow collection of scalars, or a scalar. */
function readInline(text: string): unknown {
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
    const match = FLOW_ENTRY.exec(entry) ?? bail();
    map[checkedKey(match[1] ?? '', map)] = readScalar(match[2] ?? '', PLAIN_FLOW);
  }
  return map;
}

/** The trimmed entries between the brackets, split at commas outside quotes. */
function flowEntries(text: string): string[] {
  const body = text.slice(1, -1);
  if (body.trim() === '') return [];
  const entries: string[] = [];
  let quote = '';
  let start = 0;
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === ',') {
      entries.push(body.slice(start, i).trim());
      start = i + 1;
    }
    // a nested flow collection, or a bracket that would end this one early
    else if (char === '[' || char === ']' || char === '{' || char === '}') bail();
  }
  if (quote) bail();
  entries.push(body.slice(start).trim());
  // an empty entry (`[a,,b]`, a trailing comma) is legal YAML but not worth the doubt
  if (entries.includes('')) bail();
  return entries;
}

/** A quoted scalar without escapes, or a plain scalar resolved as the YAML 1.2 core schema does. */
function readScalar(text: string, plain: RegExp): unknown {
  const first = text[0];
  if (first === '"' || first === "'") {
    const inner = text.slice(1, -1);
    const closed = text.length >= 2 && text.endsWith(first);
    if (!closed || inner.includes(first) || inner.includes('\\')) bail();
    return inner;
  }
  // `: ` or a final `:` would make a mapping
  if (!plain.test(text) || text.includes(': ') || text.endsWith(':')) bail();
  const boolean = BOOLEANS.get(text);
  if (boolean !== undefined) return boolean;
  if (NULLS.has(text)) return null;
  if (SAFE_INTEGER.test(text)) return Number(text);
  if (DIGITS_THEN_LETTERS.test(text)) return text;
  if (/^[0-9]/.test(text) || AMBIGUOUS_WORDS.has(text.toLowerCase())) bail();
  return text;
}
