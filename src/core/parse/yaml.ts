// Strict YAML: duplicate keys, unknown tags and alias bombs are errors, every error has a 1-based line.
// JSON goes through here too (JSON is YAML), so JSON files get lines and duplicate-key detection as well.
import type { Document, DocumentOptions, Node, ParseOptions, SchemaOptions } from 'yaml';
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';

export type YamlIssueCode = 'yaml-parse' | 'duplicate-key' | 'alias-limit' | 'unknown-tag';

export interface YamlIssue {
  code: YamlIssueCode;
  line: number;
  message: string;
}

export interface YamlDocument {
  value: unknown;
  /** kept so that lines are looked up only when there is something to report */
  readonly node: Document.Parsed;
  readonly lineCounter: LineCounter;
  readonly lineOffset: number;
}

export interface YamlParseResult {
  /** documents that parsed cleanly; a document with any issue is left out */
  documents: YamlDocument[];
  issues: YamlIssue[];
}

export type FieldPath = readonly (string | number)[];

/** Low enough that a billion-laughs document is refused at once; real manifests use a handful of aliases. */
export const MAX_ALIAS_COUNT = 100;

const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  customTags: [],
  resolveKnownTags: false,
  uniqueKeys: true,
  stringKeys: true,
  strict: true,
  prettyErrors: false,
  logLevel: 'silent',
  merge: false,
  version: '1.2',
};

/**
 * Parses a YAML stream (or a JSON file). `lineOffset` is added to every line, for YAML embedded in a larger file
 * (markdown front matter).
 */
export function parseYaml(text: string, lineOffset = 0): YamlParseResult {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + lineOffset;
  const result: YamlParseResult = { documents: [], issues: [] };
  if ('empty' in parsed) {
    // an empty stream that still has errors (e.g. a stray directive)
    for (const error of parsed.errors) {
      result.issues.push({
        code: 'yaml-parse',
        line: lineAt(error.pos[0]),
        message: firstLine(error.message),
      });
    }
    return result;
  }
  for (const node of parsed) {
    const issues = collectIssues(node, text, lineAt);
    let value: unknown;
    if (issues.length === 0) {
      try {
        value = node.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (error) {
        issues.push(toJsIssue(error, lineAt(node.range[0])));
      }
    }
    if (issues.length > 0) result.issues.push(...issues);
    // an empty document (a trailing `---`, or only comments) holds nothing to check
    else if (value !== null && value !== undefined)
      result.documents.push({ value, node, lineCounter, lineOffset });
  }
  return result;
}

function collectIssues(node: Document.Parsed, text: string, lineAt: (offset: number) => number): YamlIssue[] {
  const issues: YamlIssue[] = [];
  for (const error of node.errors) {
    const line = lineAt(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      const key = keyAt(text, error.pos[0]);
      issues.push({
        code: 'duplicate-key',
        line,
        message: `duplicate key ${quote(key)}: keys must be unique`,
      });
    } else if (error.code === 'NON_STRING_KEY') {
      issues.push({ code: 'yaml-parse', line, message: 'keys must be plain strings, not collections' });
    } else {
      issues.push({ code: 'yaml-parse', line, message: firstLine(error.message) });
    }
  }
  // the yaml library calls these warnings; a tag we do not understand must not be half-read, so they are errors
  for (const warning of node.warnings) {
    const line = lineAt(warning.pos[0]);
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      const tag = warning.message.replace(/^Unresolved tag:\s*/, '');
      issues.push({
        code: 'unknown-tag',
        line,
        message: `unknown tag ${quote(tag)}: custom tags are not allowed`,
      });
    } else {
      issues.push({ code: 'yaml-parse', line, message: firstLine(warning.message) });
    }
  }
  return issues;
}

function toJsIssue(error: unknown, line: number): YamlIssue {
  const message = error instanceof Error ? error.message : String(error);
  if (/excessive alias count/i.test(message)) {
    return {
      code: 'alias-limit',
      line,
      message: `too many alias expansions (more than ${MAX_ALIAS_COUNT}): refused as a resource-exhaustion attack`,
    };
  }
  return { code: 'yaml-parse', line, message: firstLine(message) };
}

/** The 1-based line of the field at `path`, or of its nearest existing parent. */
export function lineOfPath(doc: YamlDocument, path: FieldPath): number {
  return resolvePath(doc, path).line;
}

/**
 * Walks the document's syntax tree along `path`. `matched` is how many segments exist; `line` is that of the
 * deepest one found (for a mapping key: the key's line). With `value`, a list at the end of the path is searched
 * for the item equal to it.
 */
export function resolvePath(
  doc: YamlDocument,
  path: FieldPath,
  value?: string,
): { line: number; matched: number } {
  let node: unknown = doc.node.contents;
  let offset = doc.node.contents?.range?.[0] ?? doc.node.range[0];
  let matched = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && Number.isInteger(Number(segment))) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      offset = (item as Node).range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
    matched += 1;
  }
  if (value !== undefined && matched === path.length && isSeq(node)) {
    const item = node.items.find((entry) => isScalar(entry) && String(entry.value) === value);
    if (item) offset = (item as Node).range?.[0] ?? offset;
  }
  return { line: doc.lineCounter.linePos(offset).line + doc.lineOffset, matched };
}

/** The mapping key written at `offset`, unquoted: the parser's error range covers only its first character. */
function keyAt(text: string, offset: number): string {
  const match = /^(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^:\n]*?))[ \t]*:/.exec(
    text.slice(offset, offset + 200),
  );
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : text.slice(offset, offset + 1);
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
