// What one agent can reach: its client's built-ins, its servers' tools and its
// registry tools, each with a radius. `scope` lists it and the runtime's `--agent` enforces it.
import { catalogForAgent } from '../../sources/catalogs/index.js';
import { resolveAgentBinding, serversOfAgent } from './client-reach.js';
import type { BindingResolution } from '../../sources/resolve/resolve-binding.js';
import { maxRadius } from '../radius/radius.js';
import { classifyBlastRadius } from '../radius/radius.js';
import { classifyServerRadius } from '../radius/server-radius.js';
import type { Prompt, Radius, Registry, Server, Tool } from '../../model/types.js';

export type ReachKind = BindingResolution['kind'];

export interface ReachedTool {
  /** the binding as written */
  binding: string;
  kind: ReachKind;
  /** what it names: the built-in, the registry tool, `server`, `server/tool`, or the binding when unknown */
  target: string;
  radius: Radius;
  /** registry tools the binding grants at runtime (a server's pinned tools, a registry tool) */
  registryTools: string[];
}

export interface AgentReach {
  id: string;
  path: string;
  line: number;
  /** `*`: every tool the client offers */
  all: boolean;
  radius: Radius;
  tools: ReachedTool[];
}

/**
 * An unknown binding is held at `irreversible`: it may name a server declared outside the repository, whose
 * tools nobody pinned (MCP's defaults). A binding of everything is `privileged`: it includes every shell.
 */
const UNKNOWN_RADIUS: Radius = 'irreversible';
const ALL_RADIUS: Radius = 'privileged';

export function reachAgent(
  agent: Prompt,
  registry: Registry,
  actions: Readonly<Record<string, Radius>> = {},
): AgentReach {
  const servers = knownServers(registry);
  const catalog = catalogForAgent(agent.id) ?? [];
  const agentFiles = new Set((registry.agents ?? []).map((file) => file.source.path));
  const reachable = serversOfAgent(
    { id: agent.id, paths: new Set([agent.source.path]) },
    servers,
    agentFiles,
  );
  const context = { catalog, servers: reachable, registryTools: registry.tools };
  const tools = (agent.tools ?? []).map((binding) =>
    reachOf(resolveAgentBinding(binding, context).resolution, registry.tools, servers, actions),
  );
  const all = tools.some((tool) => tool.kind === 'all');
  return {
    id: agent.id,
    path: agent.source.path,
    line: agent.source.line,
    all,
    radius: maxRadius(tools.map((tool) => tool.radius)),
    tools,
  };
}

/**
 * The radius of one binding of one registry prompt, resolved as `reachAgent` resolves it: the one resolver the
 * diff, `scope` and the runtime's `--agent` share. Null when no prompt of that id binds it.
 */
export function bindingRadiusOf(
  registry: Registry,
  agent: string,
  binding: string,
  actions: Readonly<Record<string, Radius>> = {},
): Radius | null {
  const prompts = registry.prompts.filter((prompt) => prompt.id === agent && prompt.tools?.includes(binding));
  if (prompts.length === 0) return null;
  return maxRadius(
    prompts.map(
      (prompt) =>
        reachAgent({ ...prompt, tools: [binding] }, registry, actions).tools[0]?.radius ?? UNKNOWN_RADIUS,
    ),
  );
}

/** Every agent with bindings (registry prompts with `tools:` and agent files), by id then path. */
export function reachAgents(
  registry: Registry,
  actions: Readonly<Record<string, Radius>> = {},
): AgentReach[] {
  return registry.prompts
    .filter((prompt) => prompt.tools !== undefined)
    .map((prompt) => reachAgent(prompt, registry, actions))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const byName = new WeakMap<readonly Tool[], { length: number; tools: Map<string, Tool> }>();

/** The first tool of each name, indexed once per list rather than scanned once per binding. */
function toolsByName(tools: readonly Tool[]): Map<string, Tool> {
  const cached = byName.get(tools);
  if (cached && cached.length === tools.length) return cached.tools;
  const index = new Map<string, Tool>();
  for (const tool of tools) if (!index.has(tool.name)) index.set(tool.name, tool);
  byName.set(tools, { length: tools.length, tools: index });
  return index;
}

function reachOf(
  resolution: BindingResolution,
  tools: readonly Tool[],
  servers: readonly Server[],
  actions: Readonly<Record<string, Radius>>,
): ReachedTool {
  const base = { binding: resolution.binding };
  switch (resolution.kind) {
    case 'all':
      return {
        ...base,
        kind: 'all',
        target: '*',
        radius: ALL_RADIUS,
        registryTools: tools.map((t) => t.name),
      };
    case 'builtin':
      return {
        ...base,
        kind: 'builtin',
        target: resolution.entry.name,
        radius: resolution.entry.radius,
        registryTools: [],
      };
    case 'registry': {
      const tool = toolsByName(tools).get(resolution.tool);
      const radius = tool ? classifyBlastRadius(tool, actions).radius : UNKNOWN_RADIUS;
      return { ...base, kind: 'registry', target: resolution.tool, radius, registryTools: [resolution.tool] };
    }
    case 'server': {
      const pinned = tools.filter((tool) => tool.server === resolution.server);
      return {
        ...base,
        kind: 'server',
        target: resolution.server,
        radius: serverRadius(resolution.server, pinned, servers, actions),
        registryTools: pinned.map((tool) => tool.name),
      };
    }
    case 'server-tool': {
      const pinned = tools.filter(
        (tool) =>
          tool.server === resolution.server &&
          (tool.name === resolution.tool || tool.name === `${resolution.server}.${resolution.tool}`),
      );
      return {
        ...base,
        kind: 'server-tool',
        target: `${resolution.server}/${resolution.tool}`,
        radius: serverRadius(resolution.server, pinned, servers, actions),
        registryTools: pinned.map((tool) => tool.name),
      };
    }
    default:
      return {
        ...base,
        kind: 'unknown',
        target: resolution.binding,
        radius: UNKNOWN_RADIUS,
        registryTools: [],
      };
  }
}

/** Pinned tools give the radius; else the server's own (transport, credentials, egress, MCP defaults). */
export function serverRadius(
  name: string,
  pinned: readonly Tool[],
  servers: readonly Server[],
  actions: Readonly<Record<string, Radius>>,
): Radius {
  if (pinned.length > 0) return maxRadius(pinned.map((tool) => classifyBlastRadius(tool, actions).radius));
  const server = servers.find((candidate) => candidate.name === name);
  return server ? classifyServerRadius(server, actions).radius : UNKNOWN_RADIUS;
}

/**
 * The declared servers, plus every server a pinned tool names without a declaration of its own (a manifest's
 * tools carry their server's name): `server/*` reaches those tools either way.
 */
export function knownServers(registry: Registry): Server[] {
  const servers = [...(registry.servers ?? [])];
  const declared = new Set(servers.map((server) => server.name));
  for (const tool of registry.tools) {
    const name = tool.server;
    if (name === undefined || declared.has(name)) continue;
    declared.add(name);
    const pinned = registry.tools.filter((other) => other.server === name);
    servers.push({
      name,
      origin: 'manifest',
      transport: { type: 'unknown' },
      credentials: tool.credentials,
      egress: tool.egress,
      tools: pinned.map((other) => other.name.slice(name.length + 1)),
      source: tool.source,
    });
  }
  return servers;
}
