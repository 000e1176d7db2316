// JSON and JSONC through jsonc-parser: it never throws, keeps duplicate keys (so we can report them) and gives
// offsets, which become the line numbers every finding carries.
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { SourceFile } from '../../model/source-file.js';
import { createLineIndex, stripBom } from './line-index.js';
import type { SourceNode } from './tree.js';

export type JsonParseResult = { ok: true; root: SourceNode } | { ok: false; line: number; message: string };

export interface JsonDialect {
  /** comments and trailing commas, as VS Code, Gemini and OpenCode accept */
  jsonc: boolean;
}

/** Nesting deeper than any real config: a guard against stack exhaustion on hostile input. */
const MAX_DEPTH = 64;

export function parseJsonSource(file: SourceFile, dialect: JsonDialect): JsonParseResult {
  const text = stripBom(file.text);
  const lineOf = createLineIndex(text);
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  try {
    tree = parseTree(text, errors, {
      allowTrailingComma: dialect.jsonc,
      disallowComments: !dialect.jsonc,
      allowEmptyContent: false,
    });
  } catch {
    // jsonc-parser recurses per nesting level: hostile nesting exhausts the stack before any config could
    return { ok: false, line: 1, message: `nested deeper than ${MAX_DEPTH} levels` };
  }
  const first = errors[0];
  if (first) {
    return { ok: false, line: lineOf(first.offset), message: `not valid JSON: ${describe(first)}` };
  }
  if (!tree) return { ok: false, line: 1, message: 'not valid JSON: the file is empty' };
  const converted = convert(tree, lineOf, 0);
  if (!converted) return { ok: false, line: 1, message: `nested deeper than ${MAX_DEPTH} levels` };
  return { ok: true, root: converted };
}

function describe(error: ParseError): string {
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

function convert(node: Node, lineOf: (offset: number) => number, depth: number): SourceNode | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const line = lineOf(node.offset);
  if (node.type === 'object') {
    const entries = [];
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode || typeof keyNode.value !== 'string') continue;
      const value = convert(valueNode, lineOf, depth + 1);
      if (!value) return undefined;
      entries.push({ key: keyNode.value, line: lineOf(keyNode.offset), value });
    }
    return { kind: 'object', line, entries };
  }
  if (node.type === 'array') {
    const items = [];
    for (const child of node.children ?? []) {
      const value = convert(child, lineOf, depth + 1);
      if (!value) return undefined;
      items.push(value);
    }
    return { kind: 'array', line, items };
  }
  const value: unknown = node.value;
  const scalar =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  return { kind: 'scalar', line, value: scalar };
}
