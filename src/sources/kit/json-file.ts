// A JSON settings file read as its client reads it (last duplicate key wins, like JSON.parse), with comments and
// trailing commas tolerated, a line for every field, and `__proto__` kept as an ordinary key.
import type { Node, ParseError } from 'jsonc-parser';
import { findNodeAtLocation, parseTree, printParseErrorCode } from 'jsonc-parser';

export type JsonFileResult =
  | { ok: true; value: unknown; lineOf(path: readonly (string | number)[]): number }
  | { ok: false; line: number; message: string };

export function readJsonFile(text: string): JsonFileResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineAt = lineIndex(body);
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false });
  const [error] = errors;
  if (error)
    return {
      ok: false,
      line: lineAt(error.offset),
      message: `JSON does not parse: ${printParseErrorCode(error.error)}`,
    };
  if (!root) return { ok: false, line: 1, message: 'the file is empty' };
  return {
    ok: true,
    value: valueOf(root),
    lineOf(path) {
      for (let depth = path.length; depth >= 0; depth -= 1) {
        const node = findNodeAtLocation(root, [...path.slice(0, depth)]);
        if (node) return lineAt(node.parent?.type === 'property' ? node.parent.offset : node.offset);
      }
      return 1;
    },
  };
}

function valueOf(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const entries: [string, unknown][] = [];
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) entries.push([String(key.value), valueOf(value)]);
      }
      // Object.fromEntries defines own keys: `__proto__` stays data; a repeated key keeps its last value
      return Object.fromEntries(entries);
    }
    case 'array':
      return (node.children ?? []).map(valueOf);
    default:
      return node.value;
  }
}

function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
