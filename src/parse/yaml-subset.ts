// A reader for the tiny subset of YAML that plain manifests are written in, several times cheaper than a cold
// general parser. It is a shortcut, never a second opinion: whenever it returns a value, that value must
// deep-equal what the strict parser reads (a parser differential would let a field slip past the gate), so
// anything it cannot read with certainty makes it answer `undefined` ("not sure") and the real parsers run.
// Keys, scalars and flow collections are read by yaml-subset-inline.ts; this file reads the block structure.
import { NOT_SURE, SPACE, bail, blockKeyEnd, checkedKey, readInline } from './yaml-subset-inline.js';

/** Anything but printable ASCII and newlines: tabs, `\r`, a BOM, unicode. */
const OUTSIDE_ASCII = /[^\n\x20-\x7e]/;

/** Nesting deeper than this is not a plain manifest: bail instead of risking the stack. */
const MAX_DEPTH = 64;

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
  if (OUTSIDE_ASCII.test(text)) return undefined;
  const lines = contentLines(text);
  if (lines === undefined || lines.length === 0 || lines[0]?.indent !== 0) return undefined;
  try {
    const reader = new BlockReader(lines);
    const value = reader.readNested(-1, 0, false);
    return reader.pos === lines.length ? value : undefined;
  } catch (error) {
    if (error === NOT_SURE) return undefined;
    throw error;
  }
}

/**
 * The lines holding content; `undefined` when a `#` sits anywhere but at the start of a comment line, or a line
 * is a directive or a document marker (`%`, `---`, `...`).
 */
function contentLines(text: string): Line[] | undefined {
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    let indent = 0;
    while (raw.charCodeAt(indent) === SPACE) indent += 1;
    if (indent === raw.length || raw[indent] === '#') continue;
    if (indent === 0 && (raw[0] === '%' || raw.startsWith('---') || raw.startsWith('...'))) return undefined;
    const line = raw.charCodeAt(raw.length - 1) === SPACE ? raw.trimEnd() : raw;
    if (line.includes('#')) return undefined;
    lines.push({ indent, text: indent === 0 ? line : line.slice(indent) });
  }
  return lines;
}

class BlockReader {
  pos = 0;
  constructor(private readonly lines: Line[]) {}

  private readMapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) bail();
    const map: Record<string, unknown> = {};
    for (let line = this.lines[this.pos]; line && line.indent >= indent; line = this.lines[this.pos]) {
      // deeper than the keys: a continuation or an error; a dash here: a sequence after a scalar value
      if (line.indent > indent) bail();
      const text = line.text;
      const keyEnd = blockKeyEnd(text);
      if (keyEnd < 0) bail();
      const key = checkedKey(text.slice(0, keyEnd), map);
      let start = keyEnd + 1;
      while (text.charCodeAt(start) === SPACE) start += 1;
      const rest = text.slice(start);
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
      let column = 1;
      while (line.text.charCodeAt(column) === SPACE) column += 1;
      const rest = line.text.slice(column);
      if (isDash(rest)) bail();
      if (blockKeyEnd(rest) > 0) {
        // a mapping that starts on the dash line continues at the column of its first key
        this.lines[this.pos] = { indent: indent + column, text: rest };
        items.push(this.readMapping(indent + column, depth + 1));
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
  readNested(indent: number, depth: number, underKey = true): unknown {
    const next = this.lines[this.pos];
    if (next && next.indent > indent)
      return isDash(next.text)
        ? this.readSequence(next.indent, depth + 1)
        : this.readMapping(next.indent, depth + 1);
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
