import { listFlows } from '../agents/flows.js';
import { compareRadius } from '../radius/radius.js';
import { resolveTreeAgents } from '../agents/tree-agents.js';
import type {
  Config,
  Credential,
  Finding,
  Flow,
  FlowKind,
  Radius,
  RefInfo,
  Registry,
  Tool,
} from '../../model/types.js';
import { RADII } from '../../model/types.js';
import { buildSourceScope } from './scope-sources.js';
import type { ScopeAgent, ScopePermission, ScopeServer } from './scope-sources.js';

/** The commit that last changed a tool's capabilities (added, modified or renamed it). */
export interface LastChange {
  sha: string;
  date: string;
  author: string;
  subject: string;
  change: 'added' | 'modified' | 'renamed';
}

export interface ScopeFlow {
  kind: FlowKind;
  agent: string;
  role: 'source' | 'sink';
}

export interface ScopeTool {
  name: string;
  radius: Radius;
  effect: Radius | null;
  scopes: string[];
  credentials: Credential[];
  egress: string[];
  dataAccess: Tool['dataAccess'];
  untrustedInput: boolean;
  approval: Tool['approval'];
  server: string | null;
  owner: string | null;
  /** the agents (prompts) bound to the tool; `(registry)` when no prompt binds any tool */
  agents: string[];
  flows: ScopeFlow[];
  lastChange: LastChange | null;
  path: string;
  line: number;
}

export interface ScopeView {
  schemaVersion: 1;
  ref: RefInfo;
  tools: ScopeTool[];
  flows: Flow[];
  /** tools per radius, every class listed */
  counts: Record<Radius, number>;
  /** every agent (registry prompt with `tools:`, agent file) with what it reaches, highest radius first */
  agents: ScopeAgent[];
  /** MCP servers of client configs and manifests, with their radius and source file */
  servers: ScopeServer[];
  /** permission rules and gated settings of client files */
  permissions: ScopePermission[];
  /** registry errors at the ref: a tool in an invalid manifest is missing from `tools` */
  findings: Finding[];
}

export interface ScopeInput {
  ref: RefInfo;
  /** shaped as the diff reads a tree: agents of client files in `agents`, apart from registry prompts */
  registry: Registry;
  config: Config;
  /** tool name -> the commit that last changed it; absent when history is not known */
  lastChanges?: ReadonlyMap<string, LastChange>;
}

/**
 * The whole capability surface at one ref, highest radius first (then by name), so that the one privileged
 * tool among many readers is at the top of the first screen.
 */
export function buildScopeView(input: ScopeInput): ScopeView {
  const { registry, config } = input;
  const actions = config.radius.actions;
  // the same agents, tools and composition rules as the diff: a path the diff would add is a path listed here
  const tree = resolveTreeAgents(registry, config);
  const radiusOf = tree.radiusOf;
  const inRegistry = new Set(registry.tools);
  const agentsOf = new Map<string, Set<string>>();
  for (const [agent, tools] of tree.agents) {
    // built-ins and unpinned servers an agent file reaches are not registry tools: they are listed with the agent
    for (const tool of tools.filter((reached) => inRegistry.has(reached))) {
      const set = agentsOf.get(tool.name) ?? new Set<string>();
      set.add(agent);
      agentsOf.set(tool.name, set);
    }
  }
  const flows = listFlows(tree.agents, tree.flowContext);
  const flowsOf = new Map<string, ScopeFlow[]>();
  const addFlow = (name: string, flow: ScopeFlow) => flowsOf.set(name, [...(flowsOf.get(name) ?? []), flow]);
  for (const flow of flows) {
    for (const name of flow.sources) addFlow(name, { kind: flow.kind, agent: flow.agent, role: 'source' });
    for (const name of flow.sinks) addFlow(name, { kind: flow.kind, agent: flow.agent, role: 'sink' });
  }

  const counts = Object.fromEntries(RADII.map((radius) => [radius, 0])) as Record<Radius, number>;
  const seen = new Set<string>();
  const tools: ScopeTool[] = [];
  for (const tool of registry.tools) {
    // a duplicate name is validate's finding; the surface lists the first, as the diff does
    if (seen.has(tool.name)) continue;
    seen.add(tool.name);
    const radius = radiusOf(tool);
    counts[radius] += 1;
    tools.push({
      name: tool.name,
      radius,
      effect: tool.effect ?? null,
      scopes: [...tool.scopes],
      credentials: tool.credentials.map((c) => ({ name: c.name, scopes: [...c.scopes] })),
      egress: [...tool.egress],
      dataAccess: tool.dataAccess,
      untrustedInput: tool.untrustedInput,
      approval: tool.approval,
      server: tool.server ?? null,
      owner: tool.owner ?? null,
      agents: [...(agentsOf.get(tool.name) ?? [])].sort(),
      flows: flowsOf.get(tool.name) ?? [],
      lastChange: input.lastChanges?.get(tool.name) ?? null,
      path: tool.source.path,
      line: tool.source.line,
    });
  }
  tools.sort((a, b) => compareRadius(b.radius, a.radius) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const findings = registry.findings.filter((finding) => finding.severity === 'error');
  const sources = buildSourceScope(registry, actions);
  return { schemaVersion: 1, ref: input.ref, tools, flows, counts, ...sources, findings };
}
