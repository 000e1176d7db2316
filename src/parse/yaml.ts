// Strict YAML: duplicate keys, unknown tags and alias bombs are errors, every error has a 1-based line.
// JSON goes through here too (JSON is YAML), so JSON files get lines and duplicate-key detection as well.
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import type { Document, DocumentOptions, Node, ParseOptions, SchemaOptions } from 'yaml';
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { readPlainYaml } from './yaml-subset.js';

export type YamlIssueCode = 'yaml-parse' | 'duplicate-key' | 'alias-limit' | 'unknown-tag';

export interface YamlIssue {
  code: YamlIssueCode;
  line: number;
  message: string;
}

export interface YamlDocument {
  value: unknown;
  /** the syntax tree, for line lookups; built on first use when the fast path read the value */
  readonly node: Document.Parsed;
  readonly lineCounter: LineCounter;
  readonly lineOffset: number;
  /** fast path only: the line of a top-level block-style key, found without building the syntax tree (undefined: ask the tree) */
  readonly topLevelKeyLine?: (key: string) => number | undefined;
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
 * An anchor, alias or tag can only start a token: after whitespace, a flow indicator, or the ':' of a JSON-style
 * key (`"a":*x`, after a quote or a closing bracket). After any other ':' it is inside a plain scalar
 * (`scopes: [svc:*]` is the string `svc:*`), so a wildcard scope does not leave the fast path. Text without any
 * such token, and without complex keys (`? key`, `[a, b]: 1`, which js-yaml would turn into strings), cannot hold
 * an alias bomb or a custom tag, so it may take the fast path; a false alarm only costs speed.
 */
const NODE_PROPERTY = /(?:^|[\s[{,]|["'\]}]:)[&*!]|(?:^|\s)\?(?:\s|$)|[\]}][ \t]*:(?:\s|$)/;

/**
 * Parses a YAML stream (or a JSON file). `lineOffset` is added to every line, for YAML embedded in a larger file
 * (markdown front matter).
 *
 * Most manifests are plain: they are read by the subset reader (`readPlainYaml`), or else with js-yaml's core
 * schema (both several times faster than the strict parse), and the strict
 * `yaml` parse with its syntax tree runs only when something must be located or anything at all looks unusual:
 * node properties, or any error (duplicate keys included) — the strict parser then produces the finding.
 */
export function parseYaml(text: string, lineOffset = 0): YamlParseResult {
  // the subset reader answers only what the strict parser would (its own properties hold it so), so it goes first
  const plain = readPlainYaml(text);
  if (plain === undefined && NODE_PROPERTY.test(text)) return parseYamlStrict(text, lineOffset);
  let values: unknown[];
  try {
    values = plain === undefined ? loadAll(text, null, { schema: CORE_SCHEMA }) : [plain];
  } catch {
    return parseYamlStrict(text, lineOffset);
  }
  let strict: YamlParseResult | undefined;
  const strictDocuments = () => (strict ??= parseYamlStrict(text, lineOffset)).documents;
  const documents: YamlDocument[] = [];
  const present = values.filter((value) => value !== null && value !== undefined);
  // the text is split into lines only when a line is asked for: most manifests never are
  let regions: Region[] | undefined;
  const regionOf = (index: number): Region | undefined => {
    regions ??= documentRegions(text);
    return regions.length === present.length ? regions[index] : undefined;
  };
  for (const value of present) {
    const index = documents.length;
    documents.push({
      value,
      // the subset reader read one document with no markers: its lines are the text's, scanned in place
      topLevelKeyLine:
        plain !== undefined
          ? (key) => keyLineInText(text, key, lineOffset)
          : (key) => {
              const region = regionOf(index);
              return region && keyLineIn(region, key, lineOffset);
            },
      get node() {
        return (strictDocuments()[index] ?? firstDocument(strictDocuments())).node;
      },
      get lineCounter() {
        return (strictDocuments()[index] ?? firstDocument(strictDocuments())).lineCounter;
      },
      lineOffset,
    });
  }
  return { documents, issues: [] };
}

interface Region {
  lines: string[];
  /** 0-based line of the region's first line in the text */
  start: number;
}

/** The text of each document that holds anything, split at `---` lines, for the fast key-line lookup. */
function documentRegions(text: string): Region[] {
  const lines = text.split('\n');
  const regions: Region[] = [];
  let current: Region = { lines: [], start: 0 };
  const close = () => {
    if (current.lines.some((line) => /^\s*[^\s#]/.test(line) && !line.startsWith('%'))) regions.push(current);
  };
  lines.forEach((line, i) => {
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      close();
      current = { lines: [], start: i + 1 };
      if (/^---\s+\S/.test(line)) current = { lines: [line.slice(3)], start: i };
    } else current.lines.push(line);
  });
  close();
  return regions;
}

/** The first line that starts with the key, bare or quoted, followed by `:` (blanks between allowed). */
function keyLineIn(region: Region, key: string, lineOffset: number): number | undefined {
  const index = region.lines.findIndex(
    (line) => colonAfter(line, key, 0) || colonAfter(line, `"${key}"`, 0) || colonAfter(line, `'${key}'`, 0),
  );
  return index < 0 ? undefined : region.start + index + 1 + lineOffset;
}

/** keyLineIn over a whole single-document text, without splitting it into lines. */
function keyLineInText(text: string, key: string, lineOffset: number): number | undefined {
  for (let start = 0, line = 1; ; line += 1) {
    if (
      colonAfter(text, key, start) ||
      colonAfter(text, `"${key}"`, start) ||
      colonAfter(text, `'${key}'`, start)
    )
      return line + lineOffset;
    const end = text.indexOf('\n', start);
    if (end < 0) return undefined;
    start = end + 1;
  }
}

function colonAfter(line: string, prefix: string, from: number): boolean {
  if (!line.startsWith(prefix, from)) return false;
  let i = from + prefix.length;
  while (line[i] === ' ' || line[i] === '\t') i += 1;
  return line[i] === ':';
}

function firstDocument(documents: YamlDocument[]): YamlDocument {
  const first = documents[0];
  if (!first) throw new Error('internal: the strict YAML parse disagrees with the fast path');
  return first;
}

/** The strict parse: the `yaml` library with its syntax tree, duplicate keys, tags and the alias cap. */
export function parseYamlStrict(text: string, lineOffset = 0): YamlParseResult {
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
  const [first] = path;
  if (path.length === 1 && typeof first === 'string') {
    const line = doc.topLevelKeyLine?.(first);
    if (line !== undefined) return line;
  }
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
