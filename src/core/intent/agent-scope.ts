import { resolveAgents } from '../agents.js';
import type { Registry } from '../types.js';

/** The tools one agent may call at runtime (SPEC 9 `--agent`). */
export type AgentScope =
  | { kind: 'agent'; id: string; all: boolean; tools: ReadonlySet<string> }
  | { kind: 'unknown-agent'; id: string; known: string[] };

/** The binding that grants every tool (an agent file without `tools`, or `tools: ['*']`). */
const ALL_TOOLS = '*';

/**
 * The tools agent `id` binds, as the gate sees them: the bindings come from `resolveAgents`, so a duplicate id
 * counts the union of its files, exactly as the diff does. An agent is a prompt with `tools:`; an id no such
 * prompt carries is unknown (the caller makes that a usage error rather than guess).
 */
export function resolveAgentScope(registry: Registry, id: string): AgentScope {
  const declaring = registry.prompts.filter((prompt) => prompt.tools !== undefined);
  if (!declaring.some((prompt) => prompt.id === id)) {
    const known = [...new Set(declaring.map((prompt) => prompt.id))].sort();
    return { kind: 'unknown-agent', id, known };
  }
  const bound = resolveAgents(registry.tools, registry.prompts).get(id) ?? [];
  const all = declaring.some((prompt) => prompt.id === id && prompt.tools!.includes(ALL_TOOLS));
  return { kind: 'agent', id, all, tools: new Set(bound.map((tool) => tool.name)) };
}

/** Whether the agent may call `tool` at all; the rest of the intent is still checked when it may. */
export function agentAllows(scope: AgentScope, tool: string): boolean {
  return scope.kind === 'agent' && (scope.all || scope.tools.has(tool));
}
