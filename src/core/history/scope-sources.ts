// The parts of the capability surface that live in client files: every agent with what it reaches,
// every MCP server with its radius and source file, every permission rule. `scope` lists them beside the tools.
import { reachAgents, serverRadius } from '../agents/agent-reach.js';
import type { ReachKind } from '../agents/agent-reach.js';
import { compareRadius } from '../radius/radius.js';
import type { PermissionEffect, Radius, Registry } from '../../model/types.js';
import { ruleRadius } from '../../sources/resolve/rule-radius.js';

export interface ScopeAgentTool {
  binding: string;
  kind: ReachKind;
  target: string;
  radius: Radius;
}

export interface ScopeAgent {
  id: string;
  radius: Radius;
  /** binds everything the client offers (`*`, or an agent file without `tools`) */
  all: boolean;
  tools: ScopeAgentTool[];
  path: string;
  line: number;
}

export interface ScopeServer {
  name: string;
  radius: Radius;
  /** the adapter that read it (`claude-mcp-json`, …) or `manifest` */
  origin: string;
  transport: string;
  /** command line or url, as written (env and header values never appear) */
  target: string;
  credentials: string[];
  egress: string[];
  /** names of the pinned tools; null when nobody pinned them */
  pinnedTools: string[] | null;
  enabled: boolean;
  path: string;
  line: number;
}

export interface ScopePermission {
  scope: string;
  effect: PermissionEffect;
  rule: string;
  tool: string;
  radius: Radius;
  path: string;
  line: number;
}

export interface SourceScope {
  agents: ScopeAgent[];
  servers: ScopeServer[];
  permissions: ScopePermission[];
}

/** Highest radius first everywhere, as for tools: the one dangerous entry leads the screen. */
export function buildSourceScope(
  registry: Registry,
  actions: Readonly<Record<string, Radius>> = {},
): SourceScope {
  // registry prompts with `tools:` and the agents of client files, listed together
  const bound = { ...registry, prompts: [...registry.prompts, ...(registry.agents ?? [])] };
  const agents: ScopeAgent[] = reachAgents(bound, actions).map((reach) => ({
    id: reach.id,
    radius: reach.radius,
    all: reach.all,
    tools: reach.tools.map(({ binding, kind, target, radius }) => ({ binding, kind, target, radius })),
    path: reach.path,
    line: reach.line,
  }));
  const servers: ScopeServer[] = (registry.servers ?? []).map((server) => {
    const pinned = registry.tools.filter((tool) => tool.server === server.name);
    const { transport } = server;
    return {
      name: server.name,
      radius: serverRadius(server.name, pinned, [server], actions),
      origin: server.origin,
      transport: transport.type,
      target: transport.url ?? [transport.command ?? '', ...(transport.args ?? [])].join(' ').trim(),
      credentials: server.credentials.map((credential) => credential.name),
      egress: [...server.egress],
      pinnedTools:
        pinned.length > 0 ? pinned.map((tool) => tool.name) : server.tools ? [...server.tools] : null,
      enabled: server.enabled !== false,
      path: server.source.path,
      line: server.source.line,
    };
  });
  const context = { servers: registry.servers ?? [], registryTools: registry.tools };
  const permissions: ScopePermission[] = (registry.permissions ?? []).map((rule) => ({
    scope: rule.scope,
    effect: rule.effect,
    rule: rule.rule,
    tool: rule.tool,
    radius: ruleRadius(rule, context),
    path: rule.source.path,
    line: rule.source.line,
  }));
  const byRadius =
    <T extends { radius: Radius }>(key: (item: T) => string) =>
    (a: T, b: T) =>
      compareRadius(b.radius, a.radius) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  agents.sort(byRadius((agent) => `${agent.id}\0${agent.path}`));
  servers.sort(byRadius((server) => `${server.name}\0${server.path}`));
  permissions.sort(byRadius((rule) => `${rule.path}\0${String(rule.line).padStart(8, '0')}\0${rule.rule}`));
  return { agents, servers, permissions };
}
