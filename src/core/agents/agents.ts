import type { BindingChange, Prompt, Tool } from '../../model/types.js';

/** The agent name used when no prompt binds tools: the whole registry is then one agent. */
export const WHOLE_REGISTRY_AGENT = '(registry)';

/**
 * Groups tools into agents. An agent is a prompt with `tools:`; when no prompt binds any tool, every tool
 * belongs to one agent, so that composition is still checked in registries that do not bind. Prompts sharing an
 * id (an error of their own) are one agent with the union of their bindings: neither file can mask the other.
 */
export function resolveAgents(tools: Tool[], prompts: Prompt[]): Map<string, Tool[]> {
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const agents = new Map<string, Tool[]>();
  for (const [id, names] of bindingsById(prompts)) {
    const bound = [...names]
      .sort()
      .map((name) => byName.get(name))
      .filter((tool): tool is Tool => tool !== undefined);
    agents.set(id, bound);
  }
  if (agents.size === 0) agents.set(WHOLE_REGISTRY_AGENT, tools);
  return agents;
}

/** The `tools:` binding delta per agent: authority carried inside data-plane files. */
export function diffBindings(base: Prompt[], head: Prompt[]): BindingChange[] {
  const before = bindingsById(base);
  const after = bindingsById(head);
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: BindingChange[] = [];
  for (const agent of ids) {
    const was = before.get(agent) ?? new Set<string>();
    const now = after.get(agent) ?? new Set<string>();
    const added = [...now].filter((name) => !was.has(name)).sort();
    const removed = [...was].filter((name) => !now.has(name)).sort();
    if (added.length > 0 || removed.length > 0) changes.push({ agent, added, removed });
  }
  return changes;
}

function bindingsById(prompts: Prompt[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const prompt of prompts) {
    if (prompt.tools === undefined) continue;
    const names = map.get(prompt.id) ?? new Set<string>();
    for (const name of prompt.tools) names.add(name);
    map.set(prompt.id, names);
  }
  return map;
}
