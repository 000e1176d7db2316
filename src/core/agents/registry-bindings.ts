// A registry prompt's bindings (`tool`, `srv/*`, `mcp__srv`, `srv`, `srv/tool`, `*`) resolved by the one resolver
// the diff, `scope` and the runtime's `--agent` use (reachAgent), for `validate` and for composition: a binding
// `validate` accepts is a binding whose tools compose, and never the reverse.
import type { Prompt, Radius, Registry } from '../../model/types.js';
import { catalogForAgent } from '../../sources/catalogs/index.js';
import type { ReachedTool } from './agent-reach.js';
import { reachAgent } from './agent-reach.js';

/** Whether a prompt is agentgate's own (registry) prompt rather than a client's agent file. */
export const isRegistryPrompt = (prompt: Prompt): boolean => catalogForAgent(prompt.id) === undefined;

/** One binding of one registry prompt, as the diff and the runtime resolve it. */
export function reachRegistryBinding(
  prompt: Prompt,
  binding: string,
  registry: Registry,
  actions: Readonly<Record<string, Radius>> = {},
): ReachedTool | undefined {
  return reachAgent({ ...prompt, tools: [binding] }, registry, actions).tools[0];
}

/**
 * The registry prompts with each binding replaced by the registry tools it grants (a server's pinned tools for
 * `srv/*`, every tool for `*`), so composition sees what the runtime would allow. Agent files pass unchanged.
 */
export function expandRegistryPrompts(
  registry: Registry,
  actions: Readonly<Record<string, Radius>> = {},
): Prompt[] {
  return registry.prompts.map((prompt) => {
    if (prompt.tools === undefined || !isRegistryPrompt(prompt)) return prompt;
    const reach = reachAgent(prompt, registry, actions);
    const tools = [...new Set(reach.tools.flatMap((tool) => tool.registryTools))];
    return { ...prompt, tools };
  });
}

/** `validate`'s view of the same resolution: what kind of thing a registry prompt's binding names. */
export function registryBindingKind(
  registry: Registry,
  actions: Readonly<Record<string, Radius>> = {},
): (prompt: Prompt, binding: string) => string | undefined {
  return (prompt, binding) => reachRegistryBinding(prompt, binding, registry, actions)?.kind;
}
