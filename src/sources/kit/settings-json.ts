// A JSON(C) settings file read for its values (as the client reads it: last duplicate wins) and for its tree (so
// duplicate and prototype-reaching keys become findings). A file that does not parse is one `source-parse` error,
// which holds the control plane: what it grants is unknown.
import type { SourceFile } from '../../model/source-file.js';
import type { SourceRef } from '../../model/types.js';
import { FindingSink, SOURCE_CODES } from './findings.js';
import { isRecord } from './front-matter.js';
import { readJsonFile } from './json-file.js';
import { parseJsonSource } from './parse-json.js';
import { addResidual } from './residual.js';
import type { ResidualInput } from './residual.js';
import { reportKeyProblems } from './source-model.js';
import type { ObjectNode, SourceNode } from './tree.js';
import { effectiveEntries, member } from './tree.js';
import type { SourceModel } from './types.js';

export interface SettingsFile {
  value: Record<string, unknown>;
  /** the parsed tree, for readers that share the server-entry kit */
  root: ObjectNode;
  sink: FindingSink;
  at(...path: (string | number)[]): SourceRef;
}

/** Files over this size are not parsed: a finding instead (real configs are far smaller). */
const MAX_CHARACTERS = 2 * 1024 * 1024;

/** The settings of `file`, or undefined with the reason as an error finding in `model`. */
export function readSettingsJson(file: SourceFile, model: SourceModel): SettingsFile | undefined {
  const sink = new FindingSink(file);
  const fail = (code: string, line: number, message: string): undefined => {
    sink.add('error', code as typeof SOURCE_CODES.parse, line, [], message);
    model.findings.push(...sink.findings);
    return undefined;
  };
  if (file.text.length > MAX_CHARACTERS)
    return fail(SOURCE_CODES.limit, 1, `file is over ${MAX_CHARACTERS} characters: not read`);
  const parsed = parseJsonSource(file, { jsonc: true });
  if (!parsed.ok) return fail(SOURCE_CODES.parse, parsed.line, parsed.message);
  const read = readJsonFile(file.text);
  if (!read.ok) return fail(SOURCE_CODES.parse, read.line, read.message);
  if (parsed.root.kind !== 'object' || !isRecord(read.value))
    return fail(SOURCE_CODES.shape, parsed.root.line, 'the top level must be an object');
  reportKeyProblems(parsed.root, sink);
  const lineOf = read.lineOf;
  return {
    value: read.value,
    root: parsed.root,
    sink,
    at: (...path) => ({ path: file.path, line: lineOf(path) }),
  };
}

/** A settings file's `lineOf`, for the residual of its objects. */
export function settingsLines(settings: SettingsFile): (field: readonly (string | number)[]) => number {
  return (field) => settings.at(...field).line;
}

/**
 * The sink's findings and rules (the residual of the server entries read through it) joined to the model's: call
 * once, after reading. Dropping the rules would leave an entry's unread keys with a finding but nothing compared.
 */
export function flushFindings(settings: SettingsFile, model: SourceModel): void {
  model.findings.push(...settings.sink.findings);
  model.permissions.push(...settings.sink.rules);
}

/** A YAML or TOML tree read the same way: values as the client sees them, a line for every path. */
export function settingsOfTree(
  file: SourceFile,
  root: SourceNode,
  model: SourceModel,
): SettingsFile | undefined {
  const sink = new FindingSink(file);
  if (root.kind !== 'object') {
    sink.add('error', SOURCE_CODES.shape, root.line, [], 'the top level must be a mapping');
    model.findings.push(...sink.findings);
    return undefined;
  }
  reportKeyProblems(root, sink);
  return {
    value: plainValue(root) as Record<string, unknown>,
    root,
    sink,
    at: (...path) => ({ path: file.path, line: lineAt(root, path) }),
  };
}

function plainValue(node: SourceNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'array') return node.items.map(plainValue);
  return Object.fromEntries(effectiveEntries(node).map((entry) => [entry.key, plainValue(entry.value)]));
}

function lineAt(root: SourceNode, path: readonly (string | number)[]): number {
  let node: SourceNode | undefined = root;
  let line = root.line;
  for (const key of path) {
    if (node === undefined) break;
    if (typeof key === 'number' && node.kind === 'array') node = node.items[key];
    else if (typeof key === 'string' && node.kind === 'object') {
      const entry = member(node, key);
      if (entry) line = entry.line;
      node = entry?.value;
      continue;
    } else node = undefined;
    if (node) line = node.line;
  }
  return line;
}

/**
 * The end of reading a settings file: every top-level key `modelled` does not name becomes residual, and the
 * sink's findings and rules join the model's.
 */
export function closeSettings(
  settings: SettingsFile,
  model: SourceModel,
  read: { path: string; scope: string; modelled: ResidualInput['modelled'] },
): void {
  addResidual(model, { ...read, value: settings.value, lineOf: settingsLines(settings) });
  flushFindings(settings, model);
}
