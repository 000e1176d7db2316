// TOML through smol-toml, which has no positions: a light scan of the text maps each key path to its line
// (table headers and `key =` lines), enough for findings to point at the right place.
import { parse, TomlError } from 'smol-toml';
import type { SourceFile } from '../../model/source-file.js';
import { stripBom } from './line-index.js';
import type { Entry, SourceNode } from './tree.js';

export type TomlParseResult = { ok: true; root: SourceNode } | { ok: false; line: number; message: string };

const MAX_DEPTH = 64;

export function parseTomlSource(file: SourceFile): TomlParseResult {
  const text = stripBom(file.text);
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const first = error.message.split('\n')[0] ?? 'invalid TOML';
      return {
        ok: false,
        line: error.line,
        message: `not valid TOML: ${first.replace(/^Invalid TOML document: /, '')}`,
      };
    }
    return { ok: false, line: 1, message: 'not valid TOML' };
  }
  const lines = scanKeyLines(text);
  const root = convert(value, [], 1, lines, 0);
  return root
    ? { ok: true, root }
    : { ok: false, line: 1, message: `nested deeper than ${MAX_DEPTH} levels` };
}

function pathKey(path: readonly string[]): string {
  return JSON.stringify(path);
}

/** Splits `a."b.c".d` into its keys. */
export function splitDottedKey(raw: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const ch of raw) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '.') {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  parts.push(current.trim());
  return parts;
}

const HEADER = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/;
const KEY_LINE =
  /^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=/;

function scanKeyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let table: string[] = [];
  let inMultiline: string | undefined;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const lineNumber = index + 1;
    if (inMultiline) {
      if (line.includes(inMultiline)) inMultiline = undefined;
      return;
    }
    const header = HEADER.exec(line);
    if (header) {
      table = splitDottedKey(header[1] ?? '');
      for (let i = 1; i <= table.length; i++) {
        const key = pathKey(table.slice(0, i));
        if (!lines.has(key)) lines.set(key, lineNumber);
      }
      return;
    }
    const key = KEY_LINE.exec(line);
    if (!key) return;
    const path = [...table, ...splitDottedKey(key[1] ?? '')];
    for (let i = table.length + 1; i <= path.length; i++) {
      const at = pathKey(path.slice(0, i));
      if (!lines.has(at)) lines.set(at, lineNumber);
    }
    const rest = line.slice(key[0].length);
    const opener = /^\s*("""|''')/.exec(rest)?.[1];
    if (opener && !rest.slice(rest.indexOf(opener) + 3).includes(opener)) inMultiline = opener;
  });
  return lines;
}

function convert(
  value: unknown,
  path: string[],
  line: number,
  lines: Map<string, number>,
  depth: number,
): SourceNode | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    const items: SourceNode[] = [];
    for (const item of value) {
      const node = convert(item, path, line, lines, depth + 1);
      if (!node) return undefined;
      items.push(node);
    }
    return { kind: 'array', line, items };
  }
  if (value instanceof Date) return { kind: 'scalar', line, value: value.toString() };
  if (typeof value === 'object' && value !== null) {
    const entries: Entry[] = [];
    for (const key of Object.keys(value)) {
      const childPath = [...path, key];
      const childLine = lines.get(pathKey(childPath)) ?? line;
      const node = convert((value as Record<string, unknown>)[key], childPath, childLine, lines, depth + 1);
      if (!node) return undefined;
      entries.push({ key, line: childLine, value: node });
    }
    return { kind: 'object', line, entries };
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return { kind: 'scalar', line, value };
  if (typeof value === 'bigint') return { kind: 'scalar', line, value: value.toString() };
  return { kind: 'scalar', line, value: null };
}
