// One MCP client-config entry -> one `Server`. Every client writes nearly the same entry; the small differences
// (env vs environment, command as an array, what a bare `url` means, which tool lists the client honours) are
// the dialect. `type` is a hint only: what runs is decided by `command` and `url`.
import type { FieldPath } from '../core/parse/yaml.js';
import type { Server, ServerTransport } from '../core/types.js';
import { checkPackagePin } from './package-pins.js';
import { argLooksLikeSecret, looksLikeSecret } from './secrets.js';
import type { FindingSink } from './findings.js';
import { SOURCE_CODES } from './findings.js';
import { readNameList, readStringList } from './string-lists.js';
import type { Entry, SourceNode } from './tree.js';
import { booleanValue, effectiveEntries, isObject, member, stringValue } from './tree.js';
import { egressOf } from './url-host.js';

export interface EntryDialect {
  /** the key of the environment map */
  envKey: 'env' | 'environment';
  /** OpenCode writes program and arguments as one array under `command` */
  commandArray?: boolean;
  /** what a `url` key means when `type` does not say (Gemini: SSE; everyone else: streamable HTTP) */
  urlType: 'http' | 'sse';
  /** the key of the literal-headers map (Codex: `http_headers`); default `headers` */
  headersKey?: string;
  /** tool allow/deny lists this client honours; any other list narrows nothing */
  allowKeys?: string[];
  denyKeys?: string[];
}

const REMOTE_TYPES: Record<string, 'http' | 'sse'> = {
  http: 'http',
  'streamable-http': 'http',
  streamablehttp: 'http',
  remote: 'http',
  sse: 'sse',
};
const LOCAL_TYPES = new Set(['stdio', 'local']);

/** The server an entry declares. A non-object entry is still a declared server: unknown transport, egress `*`. */
export function readServerEntry(
  origin: string,
  entry: Entry,
  field: FieldPath,
  dialect: EntryDialect,
  sink: FindingSink,
): Server {
  const server: Server = {
    name: entry.key,
    origin,
    transport: { type: 'unknown' },
    credentials: [],
    egress: ['*'],
    source: { path: sink.file.path, line: entry.line },
  };
  const node = entry.value;
  if (!isObject(node)) {
    sink.add(
      'error',
      SOURCE_CODES.shape,
      entry.line,
      field,
      `server '${entry.key}' must be an object, found ${describe(node)}`,
    );
    return server;
  }
  const transport = readTransport(entry.key, node, field, dialect, sink);
  server.transport = transport;
  server.egress =
    transport.type === 'stdio' || transport.command !== undefined ? ['*'] : egressOf(transport.url);
  const credentials = [
    ...readSecretMap(node, dialect.envKey, field, sink),
    ...readSecretMap(node, dialect.headersKey ?? 'headers', field, sink),
  ];
  server.credentials = credentialsOf(credentials);
  const include = readListOf(node, dialect.allowKeys ?? [], field, sink);
  const exclude = readListOf(node, dialect.denyKeys ?? [], field, sink);
  if (include !== undefined && !include.includes('*')) server.includeTools = include;
  if (exclude !== undefined && exclude.length > 0) server.excludeTools = exclude;
  checkPin(entry.key, node, transport, field, sink);
  return server;
}

export function credentialsOf(names: readonly string[]): Server['credentials'] {
  return [...new Set(names)].sort().map((name) => ({ name, scopes: [] }));
}

export function addCredentials(server: Server, names: readonly string[]): void {
  server.credentials = credentialsOf([...server.credentials.map((c) => c.name), ...names]);
}

/** `enabled: false` / `disabled: true`, recorded so a diff can see a server switched on. */
export function readEnabled(node: SourceNode): boolean | undefined {
  const enabled = booleanValue(member(node, 'enabled')?.value);
  const disabled = booleanValue(member(node, 'disabled')?.value);
  if (enabled === false || disabled === true) return false;
  return enabled === true || disabled === false ? true : undefined;
}

function describe(node: SourceNode): string {
  if (node.kind === 'scalar') return node.value === null ? 'null' : typeof node.value;
  return node.kind === 'array' ? 'an array' : 'an object';
}

function readTransport(
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
    ? (REMOTE_TYPES[declared ?? ''] ?? (url.key === 'url' ? dialect.urlType : 'http'))
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
      `server '${name}' has both a command and a url; treated as a local process that may reach anywhere`,
    );
  } else if (declared !== undefined && typeEntry && contradicts(declared, type)) {
    sink.add(
      'warning',
      SOURCE_CODES.ambiguousTransport,
      typeEntry.line,
      [...field, 'type'],
      `server '${name}' says type '${declared}' but its keys make it ${type}; read as ${type}`,
    );
  }
  if (type === 'unknown') {
    sink.add(
      'warning',
      SOURCE_CODES.notLaunchable,
      member(node, 'type')?.line ?? node.line,
      field,
      `server '${name}' has neither a command nor a url: no client can start it`,
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
  if (declared in REMOTE_TYPES) return type === 'stdio';
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
        `server '${name}': command is empty`,
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
      `server '${name}': command must be a string, found ${describe(entry.value)}`,
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
        `${key} must be a string, found ${describe(entry.value)}`,
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

/** The key names of an env or headers map are credentials; a literal secret value is a finding (never printed). */
function readSecretMap(node: SourceNode, key: string, field: FieldPath, sink: FindingSink): string[] {
  const entry = member(node, key);
  if (!entry) return [];
  if (!isObject(entry.value)) {
    sink.add(
      'error',
      SOURCE_CODES.shape,
      entry.line,
      [...field, key],
      `${key} must be an object of names to values, found ${describe(entry.value)}`,
    );
    return [];
  }
  const names: string[] = [];
  for (const item of effectiveEntries(entry.value)) {
    names.push(item.key);
    const value = item.value.kind === 'scalar' ? item.value.value : undefined;
    if (typeof value === 'string' && looksLikeSecret(item.key, value)) {
      sink.add(
        'warning',
        SOURCE_CODES.secret,
        item.line,
        [...field, key, item.key],
        `${key} '${item.key}' holds a literal credential in a committed file; reference it (\${VAR}, \${input:…}, \${env:…}) instead`,
      );
    }
  }
  return names;
}

function readListOf(
  node: SourceNode,
  keys: readonly string[],
  field: FieldPath,
  sink: FindingSink,
): string[] | undefined {
  let out: string[] | undefined;
  for (const key of keys) {
    const entry = member(node, key);
    if (!entry) continue;
    out = [...(out ?? []), ...readNameList(entry, [...field, key], sink)];
  }
  return out === undefined ? undefined : [...new Set(out)].sort();
}

function checkPin(
  name: string,
  node: SourceNode,
  transport: ServerTransport,
  field: FieldPath,
  sink: FindingSink,
): void {
  const args = transport.args ?? [];
  args.forEach((arg, index) => {
    if (argLooksLikeSecret(arg)) {
      sink.add(
        'warning',
        SOURCE_CODES.secret,
        member(node, 'args')?.line ?? node.line,
        [...field, 'args', index],
        `server '${name}': argument ${index} holds a literal credential in a committed file`,
      );
    }
  });
  if (!transport.command) return;
  const verdict = checkPackagePin(transport.command, args);
  if (verdict.kind !== 'unpinned') return;
  const at = member(node, 'args') ?? member(node, 'command');
  sink.add(
    'warning',
    SOURCE_CODES.unpinned,
    at?.line ?? node.line,
    [...field, at?.key ?? 'command'],
    `server '${name}' runs '${verdict.spec}' through ${verdict.launcher} without a pinned ${verdict.launcher.startsWith('docker') || verdict.launcher.startsWith('podman') ? 'digest (@sha256:…)' : 'version'}: the code behind it can change with no PR`,
  );
}
