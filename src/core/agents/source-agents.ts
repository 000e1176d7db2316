// What an agent defined in a client file can reach: its client's built-ins, its servers' tools and
// its registry tools, each binding resolved as the client resolves it. Built-ins and servers nobody pinned
// become pseudo-tools carrying their catalog values, so that composition sees every tool beside every other.
import { catalogForAgent } from '../../sources/catalogs/index.js';
import type { CatalogEntry } from '../../sources/catalogs/index.js';
import { bindingFinding } from '../../sources/resolve/resolve-binding.js';
import { maxRadius } from '../radius/radius.js';
import { classifyServerRadius } from '../radius/server-radius.js';
import { resolveAgentBinding, serversOfAgent } from './client-reach.js';
import type { Finding, Prompt, Radius, Server, Tool } from '../../model/types.js';

export interface SourceAgentContext {
  servers: readonly Server[];
  /** registry tools, those of pinned `kind: McpServer` snapshots included */
  tools: readonly Tool[];
  radiusOf: (tool: Tool) => Radius;
  actions: Record<string, Radius>;
}

export interface ResolvedAgents {
  /** agent id -> every tool it reaches (pseudo-tools included) */
  agents: Map<string, Tool[]>;
  /** pseudo-tools are rated by their catalog entry or by MCP's defaults, never by their names */
  pseudoRadius: Map<Tool, Radius>;
  /** `unknown-tool-binding` for each binding nobody knows */
  findings: Finding[];
  /** the radius of reaching one binding of one agent (for sign-offs) */
  bindingRadius: (agent: string, binding: string) => Radius | null;
  /** agent id -> names of the tools it reaches through a server its client does not declare (kept, marked) */
  unattributed: Map<string, Set<string>>;
}

interface AgentGroup {
  agent: Prompt;
  /** every file defining the agent: servers written in them are its own */
  paths: Set<string>;
}

/** Source agents sharing an id (two files the client reads as one) bind the union of their tools. */
function groupById(agents: readonly Prompt[]): Map<string, AgentGroup> {
  const out = new Map<string, AgentGroup>();
  for (const agent of agents) {
    const known = out.get(agent.id);
    if (!known)
      out.set(agent.id, {
        agent: { ...agent, tools: [...(agent.tools ?? [])] },
        paths: new Set([agent.source.path]),
      });
    else {
      known.agent.tools = [...new Set([...(known.agent.tools ?? []), ...(agent.tools ?? [])])];
      known.paths.add(agent.source.path);
    }
  }
  return out;
}

function byName(servers: readonly Server[]): Map<string, Server[]> {
  // two client configs may declare one name (`.mcp.json` and a plugin's): every declaration counts, so that
  // the tamer one never masks the other's egress or radius
  const out = new Map<string, Server[]>();
  for (const server of servers) out.set(server.name, [...(out.get(server.name) ?? []), server]);
  return out;
}

export function resolveSourceAgents(agents: readonly Prompt[], context: SourceAgentContext): ResolvedAgents {
  const pseudoRadius = new Map<Tool, Radius>();
  const findings: Finding[] = [];
  const resolved = new Map<string, Tool[]>();
  const radii = new Map<string, Map<string, Radius>>();
  const registryNames = context.tools.filter((tool) => tool.server === undefined).map((tool) => tool.name);
  const pinnedTools = (server: string) => context.tools.filter((tool) => tool.server === server);
  const agentFiles = new Set(agents.map((agent) => agent.source.path));
  const unattributedOf = new Map<string, Set<string>>();
  const pseudo = (tool: Omit<Tool, 'scopes' | 'credentials' | 'approval'>, radius: Radius): Tool => {
    const made: Tool = { scopes: [], credentials: [], approval: 'none', ...tool, effect: radius };
    pseudoRadius.set(made, radius);
    return made;
  };
  const fromEntry = (entry: CatalogEntry, agent: Prompt): Tool =>
    pseudo(
      {
        name: entry.name,
        egress: [...entry.egress],
        dataAccess: entry.dataAccess,
        untrustedInput: entry.untrustedInput,
        source: agent.source,
      },
      entry.radius,
    );
  // a server nobody pinned: MCP's defaults (irreversible, open world: untrusted input), its url host as egress
  const unpinned = (name: string, servers: readonly Server[], agent: Prompt): Tool =>
    pseudo(
      {
        name,
        egress: servers.length > 0 ? [...new Set(servers.flatMap((server) => server.egress))] : ['*'],
        dataAccess: 'internal',
        untrustedInput: true,
        source: servers[0]?.source ?? agent.source,
      },
      'irreversible',
    );
  const serverRadius = (servers: readonly Server[]): Radius =>
    servers.length > 0
      ? maxRadius(servers.map((server) => classifyServerRadius(server, context.actions).radius))
      : 'irreversible';

  for (const { agent, paths } of groupById(agents).values()) {
    const catalog = catalogForAgent(agent.id);
    const entries = catalog?.entries ?? [];
    const reach = new Map<string, Tool>();
    const bindingRadii = new Map<string, Radius>();
    const servers = serversOfAgent({ id: agent.id, paths }, context.servers, agentFiles);
    const serversByName = byName(servers.named);
    const elsewhereByName = byName(servers.elsewhere);
    const unattributed = new Set<string>();
    // a registry tool named like a built-in (`Bash`) sits beside it, never in its place: it cannot mask a shell
    const add = (tool: Tool, marked = false) => {
      reach.set(`${pseudoRadius.has(tool) ? 'pseudo' : 'registry'}\0${tool.name}`, tool);
      if (marked) unattributed.add(tool.name);
    };
    const isElsewhere = (name: string) => !serversByName.has(name) && elsewhereByName.has(name);
    const declarations = (name: string) => serversByName.get(name) ?? elsewhereByName.get(name) ?? [];
    const reachServer = (name: string): Radius => {
      const server = declarations(name);
      const marked = isElsewhere(name) || servers.unattributed.has(name);
      const tools = pinnedTools(name);
      if (tools.length === 0) add(unpinned(`${name}/*`, server, agent), marked);
      tools.forEach((tool) => add(tool, marked));
      return maxRadius([serverRadius(server), ...tools.map(context.radiusOf)]);
    };
    for (const binding of agent.tools ?? []) {
      const { resolution } = resolveAgentBinding(binding, {
        catalog: entries,
        servers,
        registryTools: registryNames,
      });
      let radius: Radius;
      switch (resolution.kind) {
        case 'all':
          // every tool: every built-in, every server, every registry tool
          for (const entry of entries) if (!entry.toolSet) add(fromEntry(entry, agent));
          for (const name of new Set(servers.all.map((server) => server.name))) reachServer(name);
          for (const tool of context.tools) if (tool.server === undefined) add(tool);
          radius = 'privileged';
          break;
        case 'builtin':
          add(fromEntry(resolution.entry, agent));
          radius = resolution.entry.radius;
          break;
        case 'registry': {
          const tool = context.tools.find((t) => t.name === resolution.tool && t.server === undefined);
          if (tool) add(tool);
          radius = tool ? context.radiusOf(tool) : 'irreversible';
          break;
        }
        case 'server':
          radius = reachServer(resolution.server);
          break;
        case 'server-tool': {
          const server = declarations(resolution.server);
          const marked = isElsewhere(resolution.server) || servers.unattributed.has(resolution.server);
          const tool = pinnedTools(resolution.server).find((t) => t.name === resolution.tool);
          add(tool ?? unpinned(`${resolution.server}/${resolution.tool}`, server, agent), marked);
          radius = maxRadius([serverRadius(server), tool ? context.radiusOf(tool) : 'irreversible']);
          break;
        }
        default: {
          // nobody knows it: a finding, and MCP's defaults for what it might be (it holds the gate)
          const finding = bindingFinding(resolution, {
            path: agent.source.path,
            line: agent.source.line,
            agent: agent.id,
          });
          if (finding) findings.push(finding);
          add(unpinned(binding, [], agent));
          radius = 'irreversible';
        }
      }
      bindingRadii.set(binding, maxRadius([bindingRadii.get(binding) ?? 'none', radius]));
    }
    resolved.set(
      agent.id,
      [...reach.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    );
    radii.set(agent.id, bindingRadii);
    if (unattributed.size > 0) unattributedOf.set(agent.id, unattributed);
  }
  return {
    agents: resolved,
    pseudoRadius,
    findings,
    bindingRadius: (agent, binding) => radii.get(agent)?.get(binding) ?? null,
    unattributed: unattributedOf,
  };
}

/**
 * Pinning: a client-config entry named like a `kind: McpServer` manifest takes the manifest's tool
 * snapshot, so its tools are known (no `server-tools-unpinned`), and a stdio entry nobody else describes takes
 * the manifest's egress.
 */
export function pinServers(servers: readonly Server[]): Server[] {
  const manifests = new Map(
    servers.filter((server) => server.origin === 'manifest').map((server) => [server.name, server]),
  );
  return servers.map((server) => {
    const pin = server.origin === 'manifest' ? undefined : manifests.get(server.name);
    if (!pin || pin.tools === undefined || server.tools !== undefined) return server;
    const anyHost =
      server.egress.length === 1 && server.egress[0] === '*' && server.transport.url === undefined;
    return { ...server, tools: [...pin.tools], ...(anyHost && { egress: [...pin.egress] }) };
  });
}
