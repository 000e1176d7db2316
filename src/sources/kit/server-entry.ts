// One MCP client-config entry -> one `Server`, in the client's dialect (entry-dialect.ts).
import type { FieldPath } from '../../parse/yaml.js';
import type { Server, ServerTransport } from '../../model/types.js';
import { readSecretMap, readValueMap, credentialsOf } from './entry-credentials.js';
import { envVariableRadius, isCredentialHeader } from './name-radius.js';
import type { EntryDialect } from './entry-dialect.js';
import { readTransport } from './entry-transport.js';
import type { FindingSink } from './findings.js';
import { SOURCE_CODES, shown } from './findings.js';
import { checkPackagePin } from './package-pins.js';
import { argLooksLikeSecret } from './secrets.js';
import { readNameList } from './string-lists.js';
import type { Entry, SourceNode } from './tree.js';
import { booleanValue, describeNode, isObject, member } from './tree.js';
import { egressOf } from './url-host.js';

export type { EntryDialect } from './entry-dialect.js';
export { addCredentials, credentialsOf } from './entry-credentials.js';

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
      `server ${shown(entry.key)} must be an object, found ${describeNode(node)}`,
    );
    return server;
  }
  const transport = readTransport(entry.key, node, field, dialect, sink);
  server.transport = transport;
  server.egress =
    transport.type === 'stdio' || transport.command !== undefined ? ['*'] : egressOf(transport.url);
  const credentials = [
    ...readSecretMap(node, dialect.envKey, field, sink, (name) => envVariableRadius(name).secret),
    ...readSecretMap(node, dialect.headersKey ?? 'headers', field, sink, isCredentialHeader),
  ];
  server.credentials = credentialsOf(credentials);
  const env = readValueMap(node, dialect.envKey);
  const headers = readValueMap(node, dialect.headersKey ?? 'headers');
  if (env) transport.env = env;
  if (headers) transport.headers = headers;
  const include = readListOf(node, dialect.allowKeys ?? [], field, sink);
  const exclude = readListOf(node, dialect.denyKeys ?? [], field, sink);
  if (include !== undefined && !include.includes('*')) server.includeTools = include;
  if (exclude !== undefined && exclude.length > 0) server.excludeTools = exclude;
  checkPin(entry.key, node, transport, field, sink);
  return server;
}

/** `enabled: false` / `disabled: true`, recorded so a diff can see a server switched on. */
export function readEnabled(node: SourceNode): boolean | undefined {
  const enabled = booleanValue(member(node, 'enabled')?.value);
  const disabled = booleanValue(member(node, 'disabled')?.value);
  if (enabled === false || disabled === true) return false;
  return enabled === true || disabled === false ? true : undefined;
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
        `server ${shown(name)}: argument ${index} holds a literal credential in a committed file`,
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
    `server ${shown(name)} runs ${shown(verdict.spec)} through ${verdict.launcher} without a pinned ${verdict.launcher.startsWith('docker') || verdict.launcher.startsWith('podman') ? 'digest (@sha256:…)' : 'version'}: the code behind it can change with no PR`,
  );
}
