// YAML through the `yaml` package's syntax tree, which keeps duplicate keys (reported like JSON's) and positions.
// Aliases are refused outright: no client config needs them, and they are how YAML bombs are built.
import type { Node } from 'yaml';
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { SourceFile } from '../../model/source-file.js';
import { stripBom } from './line-index.js';
import type { Entry, SourceNode } from './tree.js';

export type YamlParseResult = { ok: true; root: SourceNode } | { ok: false; line: number; message: string };

const MAX_DEPTH = 64;

class Refused extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseYamlSource(file: SourceFile): YamlParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(stripBom(file.text), {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    schema: 'core',
    logLevel: 'silent',
  });
  const error = doc.errors[0];
  if (error) {
    const message =
      error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
    return { ok: false, line: error.linePos?.[0].line ?? 1, message: `not valid YAML: ${message}` };
  }
  const lineOf = (node: Node | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const convert = (node: Node | null | undefined, depth: number): SourceNode => {
    const line = lineOf(node);
    if (depth > MAX_DEPTH) throw new Refused(line, `nested deeper than ${MAX_DEPTH} levels`);
    if (isAlias(node)) throw new Refused(line, 'YAML aliases are not accepted in a server config');
    if (isMap(node)) {
      const entries: Entry[] = node.items.map((pair) => {
        const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(String(pair.key));
        return {
          key,
          line: lineOf(pair.key as Node | null),
          value: convert(pair.value as Node | null, depth + 1),
        };
      });
      return { kind: 'object', line, entries };
    }
    if (isSeq(node))
      return {
        kind: 'array',
        line,
        items: node.items.map((item) => convert(item as Node | null, depth + 1)),
      };
    const value: unknown = isScalar(node) ? node.value : null;
    const scalar =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
    return { kind: 'scalar', line, value: scalar };
  };
  try {
    return { ok: true, root: convert(doc.contents, 0) };
  } catch (refused) {
    if (refused instanceof Refused) return { ok: false, line: refused.line, message: refused.message };
    return { ok: false, line: 1, message: 'not valid YAML' };
  }
}
