// Every agent of one tree with every tool it reaches: the diff resolves each of its sides here and
// `scope` resolves its ref here, so a dangerous path one of them shows is a path the other shows too.
import { resolveAgents } from './agents.js';
import { expandRegistryPrompts } from './registry-bindings.js';
import type { FlowContext } from './flows.js';
import { memoizeBlastRadius } from '../radius/radius.js';
import type { BlastRadiusOf } from '../radius/radius.js';
import { pinServers, resolveSourceAgents } from './source-agents.js';
import type { ResolvedAgents } from './source-agents.js';
import type { Config, Radius, Registry, Server, Tool } from '../../model/types.js';

export interface TreeAgents {
  /**
   * agent id -> every tool it reaches: registry prompts' bindings (or the whole registry as one agent), then the
   * agents of client files with their built-ins, servers' tools and registry tools
   */
  agents: Map<string, Tool[]>;
  /** the client-file agents as resolved (pseudo-tools, unknown bindings, per-binding radius) */
  source: ResolvedAgents;
  /** the tree's servers, client entries pinned to their manifests' tool snapshots */
  servers: Server[];
  /** a registry tool's radius, memoised: one classification per tool however many agents reach it */
  radiusOf: (tool: Tool) => Radius;
  /** what composition needs: pseudo-tools keep the radius of their catalog entry or MCP's defaults */
  flowContext: FlowContext;
}

/**
 * The agents of one tree: registry tools, prompts and the agents, servers and rules of its client files.
 * `blastRadius` is the caller's memo under the config's actions: a diff shares one between its two sides.
 */
export function resolveTreeAgents(
  registry: Registry,
  config: Config,
  blastRadius: BlastRadiusOf = memoizeBlastRadius(config.radius.actions),
): TreeAgents {
  const actions = config.radius.actions;
  const radiusOf = (tool: Tool): Radius => blastRadius(tool).radius;
  const servers = pinServers(registry.servers ?? []);
  const agents = resolveAgents(registry.tools, expandRegistryPrompts(registry, actions));
  const source = resolveSourceAgents(registry.agents ?? [], {
    servers,
    tools: registry.tools,
    radiusOf,
    actions,
  });
  for (const [id, tools] of source.agents) agents.set(id, tools);
  return {
    agents,
    source,
    servers,
    radiusOf,
    flowContext: {
      radiusOf: (tool) => source.pseudoRadius.get(tool) ?? radiusOf(tool),
      internalHosts: config.planes.control.internalHosts,
      unattributed: (agent) => source.unattributed.get(agent),
    },
  };
}
