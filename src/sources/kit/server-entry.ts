// One MCP client-config entry -> one `Server`, in the client's dialect (entry-dialect.ts).
import type { FieldPath } from '../../parse/yaml.js';
import type { Server, ServerTransport } from '../../model/types.js';
import { readSecretMap, credentialsOf } from './entry-credentials.js';
import { envVariableRadius, isCredentialHeader } from './name-radius.js';
import type { EntryDialect } from './entry-dialect.js';
import { readTransport } from './entry-transport.js';
import type { FindingSink } from './findings.js';
import { SOURCE_CODES, shown } from './findings.js';
import { checkPackagePin } from './package-pins.js';
import { argLooksLikeSecret } from './secrets.js';
import { readNameList } from './string-lists.js';
import type { Entry, SourceNode } from './tree.js';
import { booleanValue, describeNode, isObject, member, stringValue } from './tree.js';
import { residualOfNode } from './residual.js';
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
  /** whose residual rules the entry's unread keys become: the file for a client config, else the agent */
  scope: string = sink.file.path,
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
  const env: Record<string, string> = {};
  const headers: Record<string, string> = {};
  const headersKey = dialect.headersKey ?? 'headers';
  const credentials = [
    ...readSecretMap(node, dialect.envKey, field, sink, env, (name) => envVariableRadius(name).secret),
    ...readSecretMap(node, headersKey, field, sink, headers, isCredentialHeader),
  ];
  server.credentials = credentialsOf(credentials);
  if (Object.keys(env).length > 0) transport.env = sorted(env);
  if (Object.keys(headers).length > 0) transport.headers = sorted(headers);
  // `type` is a hint the reader checks against command and url; a spelling other than the one it derives is kept
  const declared = stringValue(member(node, 'type')?.value);
  if (declared !== undefined && declared !== transport.type) transport.other = { type: declared };
  residualOfNode(
    sink,
    scope,
    node,
    [
      ...ENTRY_KEYS,
      dialect.envKey,
      headersKey,
      ...(dialect.allowKeys ?? []),
      ...(dialect.denyKeys ?? []),
      ...(dialect.modelledKeys ?? []),
    ],
    field,
  );
  const include = readListOf(node, dialect.allowKeys ?? [], field, sink);
  const exclude = readListOf(node, dialect.denyKeys ?? [], field, sink);
  if (include !== undefined && !include.includes('*')) server.includeTools = include;
  if (exclude !== undefined && exclude.length > 0) server.excludeTools = exclude;
  checkPin(entry.key, node, transport, field, sink);
  return server;
}

/** Keys the entry reader models itself: the transport (entry-transport.ts) and its hint. */
const ENTRY_KEYS = ['type', 'command', 'args', 'cwd', 'url', 'httpUrl', 'serverUrl'];

function sorted(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(map)
      .sort()
      .map((key) => [key, map[key] ?? '']),
  );
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
