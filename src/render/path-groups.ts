// Dangerous paths at catalogue scale. One server added to a config that fifty agents reach gives fifty agents a
// path each: listed per agent, the reviewer reads fifty near-identical lines and misses the one that matters. A
// cause the change brought (a server, a tool, an agent's new binding) that gives paths to several agents is one
// line naming them; a path whose cause reaches one agent, or whose cause the report cannot name, keeps its own
// line. Paths the agent's client gives it come first, unattributed ones (kept, fail closed) after them.
import type { ControlPlaneReport, Flow, FlowKind } from '../model/types.js';

export interface PathCause {
  kind: 'server' | 'tool' | 'binding';
  name: string;
  /** the file that declares a server */
  source?: string;
}

export type PathLine =
  | { kind: 'group'; cause: PathCause; kinds: FlowKind[]; agents: string[]; unattributed: boolean }
  | { kind: 'flow'; flow: Flow };

/** Agents named on a grouped line before the rest are counted. */
export const MAX_GROUP_AGENTS = 10;

/** The lines of one direction's paths (`added` or `removed`), grouped by cause where a cause has several agents. */
export function groupPaths(
  flows: readonly Flow[],
  control: Pick<ControlPlaneReport, 'servers' | 'tools' | 'bindings'>,
  direction: 'added' | 'removed',
): PathLine[] {
  const groups = new Map<string, { cause: PathCause; unattributed: boolean; flows: Flow[] }>();
  const causesOf = new Map<Flow, string[]>();
  for (const flow of flows) {
    const keys: string[] = [];
    for (const { cause, member } of causes(flow, control, direction)) {
      const unattributed = flow.unattributed?.includes(member) === true;
      const key = `${unattributed ? 1 : 0}\0${cause.kind}\0${cause.name}\0${cause.source ?? ''}`;
      const group = groups.get(key) ?? { cause, unattributed, flows: [] };
      if (!group.flows.includes(flow)) group.flows.push(flow);
      groups.set(key, group);
      if (!keys.includes(key)) keys.push(key);
    }
    causesOf.set(flow, keys);
  }
  const agentsOf = (key: string) => new Set(groups.get(key)!.flows.map((flow) => flow.agent));
  const folded = new Set([...groups.keys()].filter((key) => agentsOf(key).size > 1));
  const own = flows.filter((flow) => {
    const keys = causesOf.get(flow) ?? [];
    return keys.length === 0 || keys.some((key) => !folded.has(key));
  });
  const groupLines = (unattributed: boolean): PathLine[] =>
    [...folded]
      .map((key) => groups.get(key)!)
      .filter((group) => group.unattributed === unattributed)
      .map((group) => ({
        kind: 'group' as const,
        cause: group.cause,
        kinds: [...new Set(group.flows.map((flow) => flow.kind))],
        agents: [...new Set(group.flows.map((flow) => flow.agent))],
        unattributed,
      }));
  const flowLines = (unattributed: boolean): PathLine[] =>
    own
      .filter((flow) => (flow.unattributed !== undefined) === unattributed)
      .map((flow) => ({ kind: 'flow' as const, flow }));
  return [...groupLines(false), ...flowLines(false), ...groupLines(true), ...flowLines(true)];
}

/** What the change brought that takes part in the flow: a changed server or tool, or a binding of its agent. */
function causes(
  flow: Flow,
  control: Pick<ControlPlaneReport, 'servers' | 'tools' | 'bindings'>,
  direction: 'added' | 'removed',
): { cause: PathCause; member: string }[] {
  const members = [...new Set([...flow.sources, ...flow.sinks])];
  const bound = new Set(
    control.bindings
      .filter((binding) => binding.agent === flow.agent)
      .flatMap((binding) => (direction === 'added' ? binding.added : binding.removed)),
  );
  const tools = new Set(control.tools.map((tool) => tool.name));
  // the longest name first: a server `a` must not claim the members of a server `a/b`
  const servers = [...(control.servers ?? [])].sort((a, b) => b.name.length - a.name.length);
  const out: { cause: PathCause; member: string }[] = [];
  for (const member of members) {
    // a server is reached as `name/*` or `name/tool` (its pinned tools by their own names, changed as tools)
    const server = servers.find((s) => member.startsWith(`${s.name}/`));
    if (server) out.push({ cause: { kind: 'server', name: server.name, source: server.source }, member });
    else if (tools.has(member)) out.push({ cause: { kind: 'tool', name: member }, member });
    else if (bound.has(member)) out.push({ cause: { kind: 'binding', name: member }, member });
  }
  return out;
}
