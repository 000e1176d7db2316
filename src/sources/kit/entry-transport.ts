// The transport of an entry. `type` is a hint only: what runs is decided by `command` and `url`.
import type { FieldPath } from '../../parse/yaml.js';
import type { ServerTransport } from '../../model/types.js';
import type { EntryDialect } from './entry-dialect.js';
import type { FindingSink } from './findings.js';
import { SOURCE_CODES, shown } from './findings.js';
import { readStringList } from './string-lists.js';
import type { SourceNode } from './tree.js';
import { describeNode, member, stringValue } from './tree.js';

// A Map, not an object literal: a `type` of `constructor` must not find Object.prototype's.
const REMOTE_TYPES: ReadonlyMap<string, 'http' | 'sse'> = new Map([
  ['http', 'http'],
  ['streamable-http', 'http'],
  ['streamablehttp', 'http'],
  ['remote', 'http'],
  ['sse', 'sse'],
]);
const LOCAL_TYPES = new Set(['stdio', 'local']);

export function readTransport(
  name: string,
  node: SourceNode,
  field: FieldPath,
  dialect: EntryDialect,
  sink: FindingSink,
): ServerTransport {
  const typeEntry = member(node, 'type');
  const declared = stringValue(typeEntry?.value)?.trim().toLowerCase();
  const { command, args } = readCommand(name, node, field, dialect, sink);
  const url = readUrl(node, field, sink);
  const cwd = stringValue(member(node, 'cwd')?.value);
  const remoteType = url
    ? (REMOTE_TYPES.get(declared ?? '') ?? (url.key === 'url' ? dialect.urlType : 'http'))
    : undefined;
  let type: ServerTransport['type'] = 'unknown';
  if (command !== undefined) type = 'stdio';
  else if (remoteType !== undefined) type = remoteType;
  if (command !== undefined && url !== undefined) {
    sink.add(
      'warning',
      SOURCE_CODES.ambiguousTransport,
      typeEntry?.line ?? url.line,
      field,
      `server ${shown(name)} has both a command and a url; treated as a local process that may reach anywhere`,
    );
  } else if (declared !== undefined && typeEntry && contradicts(declared, type)) {
    sink.add(
      'warning',
      SOURCE_CODES.ambiguousTransport,
      typeEntry.line,
      [...field, 'type'],
      `server ${shown(name)} says type ${shown(declared)} but its keys make it ${type}; read as ${type}`,
    );
  }
  if (type === 'unknown') {
    sink.add(
      'warning',
      SOURCE_CODES.notLaunchable,
      member(node, 'type')?.line ?? node.line,
      field,
      `server ${shown(name)} has neither a command nor a url: no client can start it`,
    );
  }
  const transport: ServerTransport = { type };
  if (command !== undefined) transport.command = command;
  if (args.length > 0) transport.args = args;
  if (cwd !== undefined) transport.cwd = cwd;
  if (url !== undefined) transport.url = url.value;
  return transport;
}

function contradicts(declared: string, type: ServerTransport['type']): boolean {
  if (type === 'unknown') return false;
  if (LOCAL_TYPES.has(declared)) return type !== 'stdio';
  if (REMOTE_TYPES.has(declared)) return type === 'stdio';
  return true;
}

function readCommand(
  name: string,
  node: SourceNode,
  field: FieldPath,
  dialect: EntryDialect,
  sink: FindingSink,
): { command?: string; args: string[] } {
  const entry = member(node, 'command');
  const argsEntry = member(node, 'args');
  const args = argsEntry ? readStringList(argsEntry, [...field, 'args'], sink) : [];
  if (!entry) return { args };
  if (entry.value.kind === 'array' && dialect.commandArray) {
    const parts = readStringList(entry, [...field, 'command'], sink);
    const [command, ...rest] = parts;
    if (command === undefined) {
      sink.add(
        'error',
        SOURCE_CODES.shape,
        entry.line,
        [...field, 'command'],
        `server ${shown(name)}: command is empty`,
      );
      return { args };
    }
    return { command, args: [...rest, ...args] };
  }
  const command = stringValue(entry.value);
  if (command === undefined) {
    sink.add(
      'error',
      SOURCE_CODES.shape,
      entry.line,
      [...field, 'command'],
      `server ${shown(name)}: command must be a string, found ${describeNode(entry.value)}`,
    );
    return { command: '', args };
  }
  return { command, args };
}

const URL_KEYS = ['url', 'httpUrl', 'serverUrl'] as const;

function readUrl(
  node: SourceNode,
  field: FieldPath,
  sink: FindingSink,
): { key: string; value: string; line: number } | undefined {
  for (const key of URL_KEYS) {
    const entry = member(node, key);
    if (!entry) continue;
    const value = stringValue(entry.value);
    if (value === undefined) {
      sink.add(
        'error',
        SOURCE_CODES.shape,
        entry.line,
        [...field, key],
        `${key} must be a string, found ${describeNode(entry.value)}`,
      );
      return { key, value: '', line: entry.line };
    }
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*:[^/?#@]*@/i.test(value) && !/:\/\/[^/?#@]*\$\{/.test(value)) {
      sink.add(
        'warning',
        SOURCE_CODES.secret,
        entry.line,
        [...field, key],
        `${key} carries a password in its user-info part`,
      );
    }
    return { key, value, line: entry.line };
  }
  return undefined;
}
