// What an agent defined in a client file can reach: its client's built-ins, its servers' tools and
// its registry tools, each binding resolved as the client resolves it. Built-ins and servers nobody pinned
// become pseudo-tools carrying their catalog values, so that composition sees every tool beside every other.
import { catalogForAgent } from '../../sources/catalogs/index.js';
import type { CatalogEntry } from '../../sources/catalogs/index.js';
import type { BindingResolution } from '../../sources/resolve/resolve-binding.js';
import { bindingFinding, resolveBinding } from '../../sources/resolve/resolve-binding.js';
import { maxRadius } from '../radius/radius.js';
import { classifyServerRadius } from '../radius/server-radius.js';
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
}

/** Source agents sharing an id (two files the client reads as one) bind the union of their tools. */
function groupById(agents: readonly Prompt[]): Map<string, Prompt> {
  const out = new Map<string, Prompt>();
  for (const agent of agents) {
    const known = out.get(agent.id);
    if (!known) out.set(agent.id, { ...agent, tools: [...(agent.tools ?? [])] });
    else known.tools = [...new Set([...(known.tools ?? []), ...(agent.tools ?? [])])];
  }
  return out;
}

export function resolveSourceAgents(agents: readonly Prompt[], context: SourceAgentContext): ResolvedAgents {
  const pseudoRadius = new Map<Tool, Radius>();
  const findings: Finding[] = [];
  const resolved = new Map<string, Tool[]>();
  const radii = new Map<string, Map<string, Radius>>();
  const registryNames = context.tools.filter((tool) => tool.server === undefined).map((tool) => tool.name);
  const pinnedTools = (server: string) => context.tools.filter((tool) => tool.server === server);
  // two client configs may declare one name (`.mcp.json` and `.vscode/mcp.json`): every declaration counts,
  // so that the tamer one never masks the other's egress or radius
  const serversByName = new Map<string, Server[]>();
  for (const server of context.servers)
    serversByName.set(server.name, [...(serversByName.get(server.name) ?? []), server]);
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

  for (const agent of groupById(agents).values()) {
    const catalog = catalogForAgent(agent.id);
    const entries = catalog?.entries ?? [];
    const reach = new Map<string, Tool>();
    const bindingRadii = new Map<string, Radius>();
    // a registry tool named like a built-in (`Bash`) sits beside it, never in its place: it cannot mask a shell
    const add = (tool: Tool) =>
      reach.set(`${pseudoRadius.has(tool) ? 'pseudo' : 'registry'}\0${tool.name}`, tool);
    const reachServer = (name: string): Radius => {
      const server = serversByName.get(name) ?? [];
      const tools = pinnedTools(name);
      if (tools.length === 0) add(unpinned(`${name}/*`, server, agent));
      tools.forEach(add);
      return maxRadius([serverRadius(server), ...tools.map(context.radiusOf)]);
    };
    for (const binding of agent.tools ?? []) {
      const resolution: BindingResolution = resolveBinding(binding, {
        catalog: entries,
        servers: context.servers,
        registryTools: registryNames,
      });
      let radius: Radius;
      switch (resolution.kind) {
        case 'all':
          // every tool: every built-in, every server, every registry tool
          entries.filter((entry) => !entry.toolSet).forEach((entry) => add(fromEntry(entry, agent)));
          for (const server of context.servers) reachServer(server.name);
          context.tools.filter((tool) => tool.server === undefined).forEach(add);
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
          const server = serversByName.get(resolution.server) ?? [];
          const tool = pinnedTools(resolution.server).find((t) => t.name === resolution.tool);
          add(tool ?? unpinned(`${resolution.server}/${resolution.tool}`, server, agent));
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
  }
  return {
    agents: resolved,
    pseudoRadius,
    findings,
    bindingRadius: (agent, binding) => radii.get(agent)?.get(binding) ?? null,
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
