// Which servers an agent's client gives it. A client reads its own project configs and the servers written in
// the agent's own file; it never reads another client's config. A server one cannot place (declared by a file
// no client profile names, or bound by name from another client's config) is still reached, fail closed, and
// marked unattributed so that a reviewer sees the path rests on a guess.
import { resolveBinding } from '../../sources/resolve/resolve-binding.js';
import type { BindingContext, BindingResolution } from '../../sources/resolve/resolve-binding.js';
import type { Server } from '../../model/types.js';
import {
  ADAPTERS_OF_NO_CLIENT,
  CLIENT_PROFILES,
  CLIENTS_WITHOUT_PROFILE,
} from '../../sources/profiles/index.js';

/**
 * The adapters (a server's `origin`) whose servers each client reads, from the client profiles: Claude Code its
 * `.mcp.json`, plugins and subagents; VS Code and Copilot `.vscode/mcp.json`, the root `mcp.json`, VS Code settings
 * and custom agents; Codex `.codex/config.toml`, its agents and plugins; gh-aw each workflow's own `mcp-servers`…
 * A server in an agent's own file is that agent's alone whatever its origin (see placeOf).
 */
export const CLIENT_SERVER_ORIGINS: Readonly<Record<string, readonly string[]>> = Object.fromEntries([
  ...CLIENT_PROFILES.map((profile) => [profile.client, profile.adapters] as const),
  ...Object.entries(CLIENTS_WITHOUT_PROFILE),
]);

/** Declarations no client reads as a project config: a published server's own description. */
const NOBODY_REACHES = new Set(ADAPTERS_OF_NO_CLIENT);

/** agentgate's own `kind: McpServer` manifests: reached when an agent names them, never by "every tool". */
const MANIFEST = 'manifest';

const KNOWN_ORIGINS = new Set(Object.values(CLIENT_SERVER_ORIGINS).flat());

export interface AgentServers {
  /** the servers an agent binding everything reaches */
  all: Server[];
  /** the servers a binding may name (the client's, its own, the registry's manifests) */
  named: Server[];
  /** servers named from outside the client's reach: kept, fail closed, but unattributed */
  elsewhere: Server[];
  /** names of servers reached without attribution (in `all` or `named`) */
  unattributed: Set<string>;
}

/** The client of an agent id (`claude:agents/x` -> `claude`); undefined for registry prompts. */
export function clientOf(agentId: string): string | undefined {
  const at = agentId.indexOf(':');
  return at > 0 ? agentId.slice(0, at) : undefined;
}

/**
 * The servers `agent` reaches among `servers`. `agentFiles` are the paths of every agent file of the tree: a
 * server declared in one of them belongs to the agents of that file alone.
 */
export function serversOfAgent(
  agent: { id: string; paths: ReadonlySet<string> },
  servers: readonly Server[],
  agentFiles: ReadonlySet<string>,
): AgentServers {
  const client = clientOf(agent.id);
  const out: AgentServers = { all: [], named: [], elsewhere: [], unattributed: new Set() };
  for (const server of servers) {
    const place = placeOf(server, agent, client, agentFiles);
    if (place === 'own' || place === 'client') {
      out.all.push(server);
      out.named.push(server);
    } else if (place === 'manifest') out.named.push(server);
    else if (place === 'unknown') {
      out.all.push(server);
      out.named.push(server);
      out.unattributed.add(server.name);
    } else if (place === 'other') out.elsewhere.push(server);
  }
  return out;
}

type Place = 'own' | 'client' | 'manifest' | 'other' | 'unknown' | 'nobody';

function placeOf(
  server: Server,
  agent: { paths: ReadonlySet<string> },
  client: string | undefined,
  agentFiles: ReadonlySet<string>,
): Place {
  const configs = client === undefined ? undefined : CLIENT_SERVER_ORIGINS[client];
  if (agentFiles.has(server.source.path)) return agent.paths.has(server.source.path) ? 'own' : 'other';
  if (server.origin === MANIFEST) return 'manifest';
  if (NOBODY_REACHES.has(server.origin)) return 'nobody';
  // a registry prompt: agentgate's runtime gives it the whole registry
  if (client === undefined) return 'client';
  // a client agentgate has no profile for: every declared server may be its own
  if (configs === undefined) return 'unknown';
  if (configs.includes(server.origin)) return 'client';
  return KNOWN_ORIGINS.has(server.origin) ? 'other' : 'unknown';
}

/**
 * One binding of one agent, resolved against the servers its client gives it. A server only another client
 * declares may still be the agent's (a user-level config): the binding is kept, marked unattributed, rather than
 * reported unknown. Every reader of agent bindings (diff, scope, the runtime's `--agent`) resolves here.
 */
export function resolveAgentBinding(
  binding: string,
  context: Omit<BindingContext, 'servers'> & { servers: AgentServers },
): { resolution: BindingResolution; unattributed: boolean } {
  const { servers, ...rest } = context;
  const resolution = resolveBinding(binding, { ...rest, servers: servers.named });
  if (resolution.kind === 'unknown' && servers.elsewhere.length > 0) {
    const other = resolveBinding(binding, { ...rest, servers: servers.elsewhere });
    if (other.kind === 'server' || other.kind === 'server-tool')
      return { resolution: other, unattributed: true };
  }
  const server =
    resolution.kind === 'server' || resolution.kind === 'server-tool' ? resolution.server : undefined;
  return { resolution, unattributed: server !== undefined && servers.unattributed.has(server) };
}
