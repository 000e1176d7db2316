// The steps every JSON-shaped adapter shares: parse without throwing, report hostile keys, then read servers.
import type { SourceFile } from '../../model/source-file.js';
import type { FieldPath } from '../../parse/yaml.js';
import type { Server } from '../../model/types.js';
import { FindingSink, SOURCE_CODES, shown } from './findings.js';
import type { JsonDialect } from './parse-json.js';
import { parseJsonSource } from './parse-json.js';
import type { EntryDialect } from './server-entry.js';
import { readServerEntry } from './server-entry.js';
import type { SourceNode } from './tree.js';
import { effectiveEntries, findKeyProblems, isObject } from './tree.js';
import type { SourceModel } from './types.js';
import { hasUnseen } from '../../text/unseen.js';

/** A model with nothing in it yet, executed files included. */
export function emptyModel(): SourceModel {
  return { servers: [], tools: [], agents: [], permissions: [], findings: [], executables: [] };
}

export function modelOf(servers: Server[], sink: FindingSink): SourceModel {
  return { servers, tools: [], agents: [], permissions: sink.rules, findings: sink.findings };
}

/** Duplicate keys (clients keep the last; a reviewer may read the first) and prototype-reaching keys, anywhere. */
export function reportKeyProblems(root: SourceNode, sink: FindingSink): void {
  for (const problem of findKeyProblems(root)) {
    if (problem.kind === 'duplicate') {
      sink.add(
        'error',
        SOURCE_CODES.duplicateKey,
        problem.line,
        problem.field,
        `key ${shown(problem.key)} appears more than once; clients read the last one, a reviewer may read the first`,
      );
    } else {
      sink.add(
        'error',
        SOURCE_CODES.unsafeKey,
        problem.line,
        problem.field,
        `key ${shown(problem.key)} is not accepted as a name`,
      );
    }
  }
}

/** Parses a JSON(C) file and hands its top-level object to `read`; a file that does not parse is one error. */
export function parseJsonModel(
  file: SourceFile,
  dialect: JsonDialect,
  read: (root: Extract<SourceNode, { kind: 'object' }>, sink: FindingSink) => Server[],
): SourceModel {
  const sink = new FindingSink(file);
  const parsed = parseJsonSource(file, dialect);
  if (!parsed.ok) {
    sink.add('error', SOURCE_CODES.parse, parsed.line, [], parsed.message);
    return modelOf([], sink);
  }
  reportKeyProblems(parsed.root, sink);
  if (!isObject(parsed.root)) {
    sink.add(
      'error',
      SOURCE_CODES.parse,
      parsed.root.line,
      [],
      `the top level must be an object, found ${parsed.root.kind === 'array' ? 'an array' : 'a single value'}`,
    );
    return modelOf([], sink);
  }
  return modelOf(read(parsed.root, sink), sink);
}

/** One server per entry of a name -> entry map (`mcpServers`, `servers`, `mcp`, `[mcp_servers]`). */
export function readServerMap(
  origin: string,
  node: SourceNode,
  line: number,
  field: FieldPath,
  dialect: EntryDialect,
  sink: FindingSink,
): Server[] {
  if (!isObject(node)) {
    sink.add(
      'error',
      SOURCE_CODES.shape,
      line,
      field,
      `must be an object of server names to entries, found ${node.kind === 'array' ? 'an array' : 'a single value'}`,
    );
    return [];
  }
  return effectiveEntries(node).map((entry) => {
    if (entry.key.trim() === '' || hasUnseen(entry.key)) {
      sink.add(
        'error',
        SOURCE_CODES.shape,
        entry.line,
        [...field, entry.key],
        'server name is empty or holds control or invisible characters',
      );
    }
    return readServerEntry(origin, entry, [...field, entry.key], dialect, sink);
  });
}
