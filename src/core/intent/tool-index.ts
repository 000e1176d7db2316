import type { Registry, Tool } from '../../model/types.js';

const indexes = new WeakMap<object, Map<string, Tool>>();

/**
 * Name -> tool for a registry, built once per registry object: the guard evaluates every call of a session
 * against the same registry. On a duplicate name (a registry error reported by validate) the first tool in
 * registry order wins, so the outcome stays deterministic.
 */
export function indexTools(registry: Registry | readonly Tool[]): Map<string, Tool> {
  const tools = isToolList(registry) ? registry : registry.tools;
  let index = indexes.get(tools);
  if (!index) {
    index = new Map();
    for (const tool of tools) if (!index.has(tool.name)) index.set(tool.name, tool);
    indexes.set(tools, index);
  }
  return index;
}

function isToolList(registry: Registry | readonly Tool[]): registry is readonly Tool[] {
  return Array.isArray(registry);
}
