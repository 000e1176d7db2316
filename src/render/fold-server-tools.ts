// A server-level change (transport, credentials, egress) reaches every tool of the server. Printed per tool,
// one credential change on an 18-tool server is 18 identical lines; printed once, under the server, it is one.
import { compareRadius } from '../core/radius/radius.js';
import type { FieldChange, Radius, ServerChange, ToolChange } from '../model/types.js';

export interface FoldedTools {
  server: string;
  names: string[];
  radiusBefore: Radius | null;
  radiusAfter: Radius | null;
  escalation: boolean;
}

export interface ToolView {
  /** tools to list one by one, each with only the field changes its server does not already show */
  listed: ToolChange[];
  /** tools whose every change is their server's: one line per server and radius move */
  folded: FoldedTools[];
}

export function foldServerTools(tools: readonly ToolChange[], servers: readonly ServerChange[]): ToolView {
  const byServer = new Map(servers.filter((s) => s.change === 'modified').map((s) => [s.name, s]));
  const listed: ToolChange[] = [];
  const folded = new Map<string, FoldedTools>();
  for (const tool of tools) {
    const server = tool.change === 'modified' ? serverOf(tool.name, byServer) : undefined;
    if (!server) {
      listed.push(tool);
      continue;
    }
    const shown = new Set(server.changes.map(fieldKey));
    const own = tool.changes.filter((change) => !shown.has(fieldKey(change)));
    if (own.length > 0) {
      listed.push(own.length === tool.changes.length ? tool : { ...tool, changes: own });
      continue;
    }
    const key = [server.name, tool.radiusBefore, tool.radiusAfter, tool.escalation].join('\0');
    const group = folded.get(key) ?? {
      server: server.name,
      names: [],
      radiusBefore: tool.radiusBefore,
      radiusAfter: tool.radiusAfter,
      escalation: tool.escalation,
    };
    group.names.push(tool.name);
    folded.set(key, group);
  }
  return { listed, folded: [...folded.values()] };
}

/** The longest changed server whose `<server>.` prefixes the tool's name. */
function serverOf(name: string, servers: Map<string, ServerChange>): ServerChange | undefined {
  let best: ServerChange | undefined;
  for (const [server, change] of servers) {
    if (name.startsWith(`${server}.`) && (!best || server.length > best.name.length)) best = change;
  }
  return best;
}

function fieldKey(change: FieldChange): string {
  return JSON.stringify([
    change.field,
    change.kind,
    change.added,
    change.removed,
    change.before,
    change.after,
  ]);
}

/** Most telling first: escalations, then by radius reached, then by name; a cap cuts the least telling. */
export function sortForDisplay<T extends { name: string; escalation: boolean; radiusAfter: Radius | null }>(
  items: readonly T[],
): T[] {
  return [...items].sort(
    (a, b) =>
      Number(b.escalation) - Number(a.escalation) ||
      compareRadius(b.radiusAfter ?? 'none', a.radiusAfter ?? 'none') ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
