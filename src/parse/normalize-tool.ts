// Manifest data (already schema-valid) -> the core's Tool: sorted, de-duplicated, defaults filled, no undefined
// keys, so that equal capabilities compare (and digest) equal.
import type {
  Credential,
  JsonObject,
  JsonValue,
  Radius,
  RateLimit,
  Server,
  ServerTransport,
  SourceRef,
  Tool,
  ToolAnnotations,
  ToolPolicy,
} from '../model/types.js';

type Raw = Record<string, unknown>;

export interface ServerContext {
  name: string;
  owner?: string;
  credentials: Credential[];
  egress: string[];
  transport?: JsonValue;
}

export function sortedUnique(values: readonly string[] | undefined): string[] {
  return [...new Set(values ?? [])].sort();
}

export function normalizeCredentials(raw: unknown): Credential[] {
  const byName = new Map<string, Set<string>>();
  for (const item of (raw as { name: string; scopes?: string[] }[] | undefined) ?? []) {
    const scopes = byName.get(item.name) ?? new Set<string>();
    for (const scope of item.scopes ?? []) scopes.add(scope);
    byName.set(item.name, scopes);
  }
  return [...byName.keys()].sort().map((name) => ({ name, scopes: [...byName.get(name)!].sort() }));
}

/** Host names are case-insensitive: `API.stripe.com` and `api.stripe.com` are one host. */
export function normalizeEgress(raw: unknown): string[] {
  return sortedUnique(((raw as string[] | undefined) ?? []).map((host) => host.toLowerCase()));
}

function normalizePolicy(raw: unknown): ToolPolicy | undefined {
  if (raw === undefined) return undefined;
  const policy = raw as ToolPolicy;
  const out: ToolPolicy = {};
  if (policy.protectedTargets !== undefined) out.protectedTargets = sortedUnique(policy.protectedTargets);
  if (policy.targetField !== undefined) out.targetField = policy.targetField;
  if (policy.requireChangeRequest !== undefined) out.requireChangeRequest = policy.requireChangeRequest;
  return out;
}

const ANNOTATION_KEYS = [
  'title',
  'readOnlyHint',
  'destructiveHint',
  'idempotentHint',
  'openWorldHint',
] as const;

function normalizeAnnotations(raw: unknown, fallbackTitle: unknown): ToolAnnotations | undefined {
  if (raw === undefined) return undefined;
  const source = raw as Raw;
  const out: Raw = {};
  for (const key of ANNOTATION_KEYS) if (source[key] !== undefined) out[key] = source[key];
  // MCP's top-level `title` is model- and user-facing text too: keep it where the core can see it. Only when
  // annotations exist: a title alone must not read as "annotated" and hide the radius-assumed finding.
  if (out.title === undefined && typeof fallbackTitle === 'string') out.title = fallbackTitle;
  return out as ToolAnnotations;
}

/** Fields a `kind: Tool` document and an McpServer tool entry share. */
function commonFields(raw: Raw): Omit<Tool, 'name' | 'source' | 'credentials' | 'egress'> {
  const tool: Omit<Tool, 'name' | 'source' | 'credentials' | 'egress'> = {
    scopes: sortedUnique(raw.scopes as string[] | undefined),
    dataAccess: (raw.dataAccess as Tool['dataAccess'] | undefined) ?? 'none',
    untrustedInput: (raw.untrustedInput as boolean | undefined) ?? false,
    approval: (raw.approval as Tool['approval'] | undefined) ?? 'none',
  };
  if (typeof raw.description === 'string') tool.description = raw.description;
  if (raw.effect !== undefined) tool.effect = raw.effect as Radius;
  if (raw.rateLimit !== undefined) {
    const limit = raw.rateLimit as RateLimit;
    tool.rateLimit = { calls: limit.calls, per: limit.per };
  }
  if (raw.inputSchema !== undefined) tool.inputSchema = raw.inputSchema as JsonObject;
  const policy = normalizePolicy(raw.policy);
  if (policy) tool.policy = policy;
  const annotations = normalizeAnnotations(raw.annotations, raw.title);
  if (annotations) tool.annotations = annotations;
  return tool;
}

export function normalizeTool(raw: Raw, source: SourceRef): Tool {
  const common = commonFields(raw);
  const tool: Tool = {
    name: raw.name as string,
    ...common,
    credentials: normalizeCredentials(raw.credentials),
    egress: normalizeEgress(raw.egress),
    source,
  };
  if (typeof raw.owner === 'string') tool.owner = raw.owner;
  return orderKeys(tool);
}

export function normalizeServerTool(raw: Raw, server: ServerContext, source: SourceRef): Tool {
  const common = commonFields(raw);
  const tool: Tool = {
    name: `${server.name}.${raw.name as string}`,
    server: server.name,
    ...common,
    credentials: server.credentials.map((c) => ({ name: c.name, scopes: [...c.scopes] })),
    egress: [...server.egress],
    source,
  };
  if (server.owner !== undefined) tool.owner = server.owner;
  if (server.transport !== undefined) tool.transport = server.transport;
  return orderKeys(tool);
}

const KEY_ORDER: readonly (keyof Tool)[] = [
  'name',
  'server',
  'description',
  'owner',
  'effect',
  'scopes',
  'credentials',
  'egress',
  'dataAccess',
  'untrustedInput',
  'rateLimit',
  'approval',
  'inputSchema',
  'policy',
  'annotations',
  'transport',
  'source',
];

/** One key order for every tool: printed JSON reads the same whichever kind the tool came from. */
function orderKeys(tool: Tool): Tool {
  const out: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (tool[key] !== undefined) out[key] = tool[key];
  return out as unknown as Tool;
}

/** `type` is optional and unreliable in client configs: `command` means stdio, `url` means remote. */
export function normalizeTransportType(raw: Raw): ServerTransport['type'] {
  switch (raw.type) {
    case 'stdio':
    case 'local':
      return 'stdio';
    case 'http':
    case 'streamable-http':
      return 'http';
    case 'sse':
      return 'sse';
    default:
      if (typeof raw.command === 'string') return 'stdio';
      if (typeof raw.url === 'string') return 'http';
      return 'unknown';
  }
}

const TRANSPORT_KEYS = new Set(['type', 'command', 'args', 'cwd', 'url', 'env', 'headers']);

/** Argument order is meaning (`--root /a --ro` is not `--ro --root /a`): args are kept as written. */
export function normalizeTransport(raw: unknown): ServerTransport {
  const source = (raw ?? {}) as Raw;
  const transport: ServerTransport = { type: normalizeTransportType(source) };
  if (typeof source.command === 'string') transport.command = source.command;
  if (Array.isArray(source.args)) transport.args = (source.args as string[]).map(String);
  if (typeof source.cwd === 'string') transport.cwd = source.cwd;
  if (typeof source.url === 'string') transport.url = source.url;
  if (isStringMap(source.env)) transport.env = sortedEntries(source.env);
  if (isStringMap(source.headers)) transport.headers = sortedEntries(source.headers);
  const other = Object.keys(source).filter((key) => !TRANSPORT_KEYS.has(key));
  if (other.length > 0) {
    transport.other = Object.fromEntries(other.sort().map((key) => [key, source[key] as JsonValue]));
  }
  return transport;
}

function isStringMap(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortedEntries(map: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(map).sort()) out[key] = String(map[key]);
  return out;
}

/** The host of a url, lowercased; undefined when it does not parse. */
export function urlHost(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === '' ? undefined : host;
  } catch {
    return undefined;
  }
}

/**
 * A `kind: McpServer` document (schema-valid) -> the core's Server. The names of env and header keys are
 * credentials, as in client configs: a key the manifest does not scope is an unscoped credential.
 * Egress is what the manifest declares plus the url host; a server that declares none and runs locally could
 * reach anything, so its egress is `*`.
 */
export function normalizeManifestServer(raw: Raw, source: SourceRef): Server {
  const transport = normalizeTransport(raw.transport);
  const keyNames = [...Object.keys(transport.env ?? {}), ...Object.keys(transport.headers ?? {})];
  const declared = normalizeCredentials(raw.credentials);
  const known = new Set(declared.map((c) => c.name));
  const credentials = normalizeCredentials([
    ...declared,
    ...keyNames.filter((name) => !known.has(name)).map((name) => ({ name })),
  ]);
  const host = transport.url === undefined ? undefined : urlHost(transport.url);
  const declaredEgress = raw.egress === undefined ? undefined : normalizeEgress(raw.egress);
  const egress =
    declaredEgress === undefined && host === undefined
      ? ['*']
      : sortedUnique([...(declaredEgress ?? []), ...(host === undefined ? [] : [host])]);
  return {
    name: raw.name as string,
    origin: 'manifest',
    transport,
    credentials,
    egress,
    ...(Array.isArray(raw.tools) && {
      tools: sortedUnique((raw.tools as Raw[]).map((tool) => String(tool.name))),
    }),
    ...(typeof raw.owner === 'string' && { owner: raw.owner }),
    ...(typeof raw.description === 'string' && { description: raw.description }),
    source,
  };
}
