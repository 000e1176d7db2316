import { reachAgent } from '../agents/agent-reach.js';
import type { Registry } from '../../model/types.js';

/** The tools one agent may call at runtime (`--agent`). */
export type AgentScope =
  | { kind: 'agent'; id: string; all: boolean; tools: ReadonlySet<string> }
  | { kind: 'unknown-agent'; id: string; known: string[] };

/**
 * The registry tools agent `id` may call, as the gate sees them. An agent is a registry prompt with `tools:` or
 * an agent file (`claude:agents/x`, `copilot:agents/x`, `gh-aw:workflows/x`); its bindings resolve as its client
 * resolves them: a registry tool, a whole server (`server/*`, `mcp__server`) or one of its tools
 * (`mcp__server__tool`, `server/tool`). A duplicate id counts the union of its files, exactly as the diff does.
 * Built-ins of the client are not MCP tools, so they grant nothing here; an unknown binding grants nothing.
 * An id no agent carries is unknown (the caller makes that a usage error rather than guess).
 */
export function resolveAgentScope(registry: Registry, id: string): AgentScope {
  const declaring = registry.prompts.filter((prompt) => prompt.tools !== undefined);
  const files = declaring.filter((prompt) => prompt.id === id);
  if (files.length === 0) {
    const known = [...new Set(declaring.map((prompt) => prompt.id))].sort();
    return { kind: 'unknown-agent', id, known };
  }
  const tools = new Set<string>();
  let all = false;
  for (const file of files) {
    const reach = reachAgent(file, registry);
    all ||= reach.all;
    for (const reached of reach.tools) for (const name of reached.registryTools) tools.add(name);
  }
  return { kind: 'agent', id, all, tools };
}

/** Whether the agent may call `tool` at all; the rest of the intent is still checked when it may. */
export function agentAllows(scope: AgentScope, tool: string): boolean {
  return scope.kind === 'agent' && (scope.all || scope.tools.has(tool));
}
