// The tools a client-config agent binds, read from what its client writes. What cannot be read is held as every
// tool (`*`), with the reason, never dropped: an unreadable grant is the widest one.
import type { HeldBinding } from './config-agent.js';

export interface ReadBindings {
  tools: string[];
  held: Omit<HeldBinding, 'line'>[];
}

const ROO_GROUPS = new Set(['read', 'edit', 'browser', 'command']);

/**
 * A Roo mode's `groups`: `read`, `edit`, `browser`, `command` are built-in groups (the Roo catalog); `mcp` gives
 * every tool of every server the client starts, so it binds `*`. `[group, {fileRegex}]` binds its group (the
 * pattern narrows edits; its rule records it). An unknown group, or groups not a list, is held.
 */
export function rooGroupBindings(groups: unknown): ReadBindings {
  if (groups === undefined) return { tools: [], held: [] };
  if (!Array.isArray(groups))
    return { tools: ['*'], held: [{ field: 'groups', written: groups, why: 'is not a list of groups' }] };
  const out: ReadBindings = { tools: [], held: [] };
  for (const member of groups) {
    const group = Array.isArray(member) ? member[0] : member;
    if (group === 'mcp') out.tools.push('*');
    else if (typeof group === 'string' && ROO_GROUPS.has(group)) out.tools.push(group);
    else {
      out.tools.push('*');
      out.held.push({ field: 'groups', written: group, why: 'is no tool group Roo documents' });
    }
  }
  return out;
}

/**
 * A Kiro agent's `tools`: `*` is every tool, `@builtin` every built-in (the Kiro catalog), `@server` a whole
 * server, `@server/tool` one of its tools, and a bare name a built-in (or a registry tool). Without `tools` the
 * agent binds every tool (fail closed); a member that is not a string is held.
 */
export function kiroToolBindings(tools: unknown, builtins: readonly string[]): ReadBindings {
  if (tools === undefined) return { tools: ['*'], held: [] };
  if (!Array.isArray(tools))
    return { tools: ['*'], held: [{ field: 'tools', written: tools, why: 'is not a list of tools' }] };
  const out: ReadBindings = { tools: [], held: [] };
  for (const tool of tools) {
    if (typeof tool !== 'string' || tool.trim() === '' || tool === '@') {
      out.tools.push('*');
      out.held.push({ field: 'tools', written: tool, why: 'names no tool' });
    } else if (tool === '@builtin') out.tools.push(...builtins);
    else if (tool.startsWith('@builtin/')) out.tools.push(tool.slice('@builtin/'.length));
    else if (tool.startsWith('@')) out.tools.push(tool.includes('/') ? tool.slice(1) : `${tool.slice(1)}/*`);
    else out.tools.push(tool);
  }
  return out;
}
