// A binding resolves as its client resolves it: a built-in of the client's catalog, a registry tool,
// a whole MCP server (`server/*`, `mcp__server`, a bare server name) or one of its tools (`server/tool`,
// `mcp__server__tool`, a bare tool name exactly one server has). Anything else is unknown, with a suggestion:
// never a silent pass.
import type { Finding, Server } from '../../model/types.js';
import type { CatalogEntry, ToolCatalog } from '../catalogs/types.js';
import { suggestName } from './suggest.js';

export interface BindingContext {
  catalog: ToolCatalog | readonly CatalogEntry[];
  servers?: readonly Pick<Server, 'name' | 'tools' | 'includeTools'>[];
  registryTools?: readonly (string | { name: string })[];
}

export type BindingResolution =
  | { kind: 'all'; binding: string }
  | {
      kind: 'builtin';
      binding: string;
      entry: CatalogEntry;
      /** `set/member` bound through its set */ viaSet: boolean;
    }
  | { kind: 'registry'; binding: string; tool: string }
  | { kind: 'server'; binding: string; server: string }
  | { kind: 'server-tool'; binding: string; server: string; tool: string }
  | {
      kind: 'unknown';
      binding: string;
      reason: 'unknown' | 'ambiguous' | 'unknown-server';
      suggestion?: string;
      /** for `ambiguous`: the servers that each have the tool */
      servers?: string[];
    };

const RULE = /^([^()]+)\((.*)\)$/su;
const MCP_PREFIXED = /^mcp__(.+?)(?:__(.*))?$/su;

type RegistryTools = NonNullable<BindingContext['registryTools']>;
const namesOf = new WeakMap<RegistryTools, { length: number; names: string[]; known: Set<string> }>();

/**
 * The registry's tool names, read once per list: an agent file binding many tools of a large registry must
 * not cost a scan of the whole registry per binding (50,000 tools made that minutes).
 */
function registryNames(tools: RegistryTools): { names: readonly string[]; known: ReadonlySet<string> } {
  const cached = namesOf.get(tools);
  if (cached && cached.length === tools.length) return cached;
  const names = tools.map((tool) => (typeof tool === 'string' ? tool : tool.name));
  const entry = { length: tools.length, names, known: new Set(names) };
  namesOf.set(tools, entry);
  return entry;
}

export function resolveBinding(binding: string, context: BindingContext): BindingResolution {
  const written = binding.trim();
  // `Bash(npm run test:*)`, `WebFetch(domain:x)`, `Skill(a:b)`: the rule names its tool before the parenthesis
  const name = RULE.exec(written)?.[1]?.trim() ?? written;
  if (name === '*') return { kind: 'all', binding };
  const catalog = catalogEntries(context.catalog);
  const entry = catalog.find((candidate) => candidate.name === name);
  if (entry) return { kind: 'builtin', binding, entry, viaSet: false };
  const { names: registry, known } = registryNames(context.registryTools ?? []);
  if (known.has(name)) return { kind: 'registry', binding, tool: name };
  const servers = context.servers ?? [];
  const unknown = (reason: 'unknown' | 'unknown-server'): BindingResolution => {
    const suggestion = suggestName(name, candidates(catalog, registry, servers));
    return { kind: 'unknown', binding, reason, ...(suggestion !== undefined && { suggestion }) };
  };

  const prefixed = MCP_PREFIXED.exec(name);
  if (prefixed) {
    const server = findServer(servers, prefixed[1]!, true);
    if (!server) return unknown('unknown-server');
    const tool = prefixed[2];
    return tool === undefined || tool === '' || tool === '*'
      ? { kind: 'server', binding, server: server.name }
      : { kind: 'server-tool', binding, server: server.name, tool };
  }
  const whole = findServer(servers, name, false);
  if (whole) return { kind: 'server', binding, server: whole.name };
  if (name.includes('/')) {
    const set = catalog.find(
      (candidate) => candidate.toolSet && candidate.name === name.slice(0, name.indexOf('/')),
    );
    if (set) return { kind: 'builtin', binding, entry: set, viaSet: true };
    // `upstash/context7/*`: a server's own name may hold a slash, so the longest server name wins
    for (let at = name.lastIndexOf('/'); at > 0; at = name.lastIndexOf('/', at - 1)) {
      const server = findServer(servers, name.slice(0, at), false);
      if (!server) continue;
      const tool = name.slice(at + 1);
      return tool === '*' || tool === ''
        ? { kind: 'server', binding, server: server.name }
        : { kind: 'server-tool', binding, server: server.name, tool };
    }
    return unknown('unknown-server');
  }
  const owners = servers.filter((server) => toolsOf(server).includes(name)).map((server) => server.name);
  if (owners.length === 1) return { kind: 'server-tool', binding, server: owners[0]!, tool: name };
  if (owners.length > 1)
    return { kind: 'unknown', binding, reason: 'ambiguous', servers: [...owners].sort() };
  return unknown('unknown');
}

/** The finding for a binding no catalog, registry or server knows; undefined when it resolves. */
export function bindingFinding(
  resolution: BindingResolution,
  where: { path: string; line: number; agent: string },
): Finding | undefined {
  if (resolution.kind !== 'unknown') return undefined;
  const written = JSON.stringify(resolution.binding);
  const hint =
    resolution.suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(resolution.suggestion)}?)`;
  const detail =
    resolution.reason === 'ambiguous'
      ? `which several servers have (${resolution.servers?.join(', ')}): name the server`
      : resolution.reason === 'unknown-server'
        ? 'whose MCP server no source of this repository declares'
        : 'which no built-in tool catalog, registry tool or MCP server knows';
  return {
    severity: 'warning',
    code: 'unknown-tool-binding',
    path: where.path,
    line: where.line,
    tool: where.agent,
    subject: 'agent',
    field: 'tools',
    message: `${where.path}:${where.line}: agent ${JSON.stringify(where.agent)} binds ${written}, ${detail}${hint}`,
  };
}

function catalogEntries(catalog: ToolCatalog | readonly CatalogEntry[]): readonly CatalogEntry[] {
  return 'client' in catalog ? catalog.entries : catalog;
}

type ServerLike = Pick<Server, 'name' | 'tools' | 'includeTools'>;

function findServer(
  servers: readonly ServerLike[],
  name: string,
  claudeSpelling: boolean,
): ServerLike | undefined {
  const exact = servers.find((server) => server.name === name);
  if (exact || !claudeSpelling) return exact;
  // Claude Code writes a server's name in `mcp__…` with every character outside [A-Za-z0-9_-] as `_`
  return servers.find((server) => server.name.replace(/[^A-Za-z0-9_-]/gu, '_') === name);
}

function toolsOf(server: ServerLike): string[] {
  return [...(server.tools ?? []), ...(server.includeTools ?? [])];
}

function* candidates(
  catalog: readonly CatalogEntry[],
  registry: readonly string[],
  servers: readonly ServerLike[],
): Iterable<string> {
  for (const entry of catalog) yield entry.name;
  yield* registry;
  for (const server of servers) {
    yield server.name;
    yield `${server.name}/*`;
    for (const tool of toolsOf(server)) yield tool;
  }
}
