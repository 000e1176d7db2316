import { WHOLE_REGISTRY_AGENT } from './agents.js';
import { isInternalHost } from '../radius/hosts.js';
import { compareRadius } from '../radius/radius.js';
import type { Flow, FlowKind, Radius, Tool } from '../../model/types.js';

export interface FlowContext {
  radiusOf: (tool: Tool) => Radius;
  internalHosts: string[];
  /** the tools an agent reaches through a server its client does not declare: their paths are marked */
  unattributed?: (agent: string) => ReadonlySet<string> | undefined;
}

/** One dangerous composition: a tuple of roles, each filled by a tool of the same agent. */
interface FlowRule {
  kind: FlowKind;
  /** each role is a bit of ROLE_TESTS */
  roles: number[];
  /** which roles are reported as sources; the rest are sinks */
  sourceRoles: number[];
}

const UNTRUSTED = 0;
const SENSITIVE = 1;
const IRREVERSIBLE = 2;
const OUTSIDE = 3;

/** What a tool can be in a composition, by bit. */
const ROLE_TESTS: ((tool: Tool, context: FlowContext) => boolean)[] = [
  (tool) => tool.untrustedInput,
  (tool) => tool.dataAccess === 'sensitive',
  (tool, context) => compareRadius(context.radiusOf(tool), 'irreversible') >= 0,
  (tool, context) => tool.egress.some((host) => !isInternalHost(host, context.internalHosts)),
];

const RULES: FlowRule[] = [
  { kind: 'untrusted-to-action', roles: [UNTRUSTED, IRREVERSIBLE], sourceRoles: [0] },
  { kind: 'lethal-trifecta', roles: [UNTRUSTED, SENSITIVE, OUTSIDE], sourceRoles: [0, 1] },
];

/** A tool's roles, worked out once per side: every agent that binds it asks again, for every rule. */
type RoleMasks = Map<Tool, number>;

export type AgentTools = Map<string, Tool[]>;

/**
 * The source->sink tuples present at head and not at base (`added`) and the reverse (`removed`), aggregated
 * per agent and kind. Tuples are never enumerated: a tool takes part in a new tuple exactly when it is new
 * in its role, or when some other role gained a member (see membersOfNewTuples), so 5,000 sources beside
 * 5,000 sinks cost O(n), not O(n^2).
 */
export function diffFlows(
  base: AgentTools,
  head: AgentTools,
  context: { base: FlowContext; head: FlowContext },
): { added: Flow[]; removed: Flow[] } {
  const agents = [...new Set([...base.keys(), ...head.keys()])].sort(compareAgents);
  const added: Flow[] = [];
  const removed: Flow[] = [];
  const baseMasks: RoleMasks = new Map();
  const headMasks: RoleMasks = context.base === context.head ? baseMasks : new Map();
  for (const agent of agents) {
    for (const rule of RULES) {
      const before = fillRoles(rule, base.get(agent) ?? [], context.base, baseMasks);
      const after = fillRoles(rule, head.get(agent) ?? [], context.head, headMasks);
      const gained = toFlow(rule, agent, membersOfNewTuples(after, before));
      const lost = toFlow(rule, agent, membersOfNewTuples(before, after));
      if (gained) added.push(markUnattributed(gained, context.head));
      if (lost) removed.push(markUnattributed(lost, context.base));
    }
  }
  return { added, removed };
}

/** The flows present in one registry state, each agent's tuples aggregated (for `scope`). */
export function listFlows(agents: AgentTools, context: FlowContext): Flow[] {
  return diffFlows(new Map(), agents, { base: context, head: context }).added;
}

function fillRoles(rule: FlowRule, tools: Tool[], context: FlowContext, masks: RoleMasks): Set<string>[] {
  const sets = rule.roles.map(() => new Set<string>());
  for (const tool of tools) {
    let mask = masks.get(tool);
    if (mask === undefined) {
      mask = 0;
      ROLE_TESTS.forEach((test, bit) => {
        if (test(tool, context)) mask! |= 1 << bit;
      });
      masks.set(tool, mask);
    }
    rule.roles.forEach((bit, i) => {
      if ((mask! & (1 << bit)) !== 0) sets[i]!.add(tool.name);
    });
  }
  return sets;
}

/**
 * For the product of role sets `now` minus the product of `was`, the members of each role that occur in
 * at least one tuple of the difference. x in now[i] occurs in a new tuple iff every role is filled now and
 * either x was not in was[i], or some other role j has a member now[j] \ was[j] to pair with.
 */
export function membersOfNewTuples(now: Set<string>[], was: Set<string>[]): Set<string>[] {
  if (now.some((set) => set.size === 0)) return now.map(() => new Set());
  const gained = now.map((set, i) => [...set].some((name) => !was[i]?.has(name)));
  return now.map((set, i) => {
    const otherRoleGained = gained.some((g, j) => g && j !== i);
    if (otherRoleGained) return new Set(set);
    return new Set([...set].filter((name) => !was[i]?.has(name)));
  });
}

function toFlow(rule: FlowRule, agent: string, members: Set<string>[]): Flow | null {
  if (members.every((set) => set.size === 0)) return null;
  const sources = new Set<string>();
  const sinks = new Set<string>();
  members.forEach((set, i) => {
    const target = rule.sourceRoles.includes(i) ? sources : sinks;
    for (const name of set) target.add(name);
  });
  return { kind: rule.kind, agent, sources: [...sources].sort(), sinks: [...sinks].sort() };
}

/** A path through a tool agentgate cannot attribute to the agent's client is kept, with those tools named. */
function markUnattributed(flow: Flow, context: FlowContext): Flow {
  const unknown = context.unattributed?.(flow.agent);
  if (!unknown || unknown.size === 0) return flow;
  const named = [...flow.sources, ...flow.sinks].filter((name) => unknown.has(name));
  return named.length > 0 ? { ...flow, unattributed: [...new Set(named)].sort() } : flow;
}

function compareAgents(a: string, b: string): number {
  if (a === WHOLE_REGISTRY_AGENT) return -1;
  if (b === WHOLE_REGISTRY_AGENT) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
