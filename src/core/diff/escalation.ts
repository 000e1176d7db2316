// Escalation means any kind whose radius rises: a tool or server (their own `escalation`), an agent that can
// now do more than before (a binding above everything it reached at the base), and a permission rule or setting
// that lets its scope do more with the tool it names than any rule of the base did.
import { ruleRadius } from '../../sources/resolve/rule-radius.js';
import { compareRadius, maxRadius } from '../radius/radius.js';
import type { RuleContext } from './diff-permissions.js';
import type {
  BindingChange,
  PermissionChange,
  PermissionRule,
  Radius,
  ServerChange,
  ToolChange,
} from '../../model/types.js';

export interface EscalationInput {
  tools: readonly ToolChange[];
  servers: readonly ServerChange[];
  bindings: readonly BindingChange[];
  permissions: readonly PermissionChange[];
  /** the radius of one binding of one agent on a side; null when that side does not know it */
  baseBindingRadius: (agent: string, binding: string) => Radius | null;
  headBindingRadius: (agent: string, binding: string) => Radius | null;
  /** every binding of each agent at the base */
  baseBindings: ReadonlyMap<string, readonly string[]>;
  baseRules: readonly PermissionRule[];
  baseRuleContext: RuleContext;
}

/** The bindings whose agent reaches higher than at the base. */
export function escalatingBindings(input: EscalationInput): Set<string> {
  const out = new Set<string>();
  for (const change of input.bindings) {
    const before = maxRadius(
      (input.baseBindings.get(change.agent) ?? []).map(
        (name) => input.baseBindingRadius(change.agent, name) ?? 'none',
      ),
    );
    const after = maxRadius(
      change.added.map((name) => input.headBindingRadius(change.agent, name) ?? 'irreversible'),
    );
    if (change.added.length > 0 && compareRadius(after, before) > 0) out.add(change.agent);
  }
  return out;
}

/** The widened rules that let their scope do more with their tool than the base's allow rules did. */
export function escalatingRules(input: EscalationInput): Set<PermissionChange> {
  const granted = new Map<string, Radius>();
  for (const rule of input.baseRules) {
    if (rule.effect !== 'allow') continue;
    const key = `${rule.scope}\0${rule.tool}`;
    granted.set(key, maxRadius([granted.get(key) ?? 'none', ruleRadius(rule, input.baseRuleContext)]));
  }
  const out = new Set<PermissionChange>();
  for (const change of input.permissions) {
    if (change.kind !== 'widened') continue;
    const tool = ruleToolOf(change.rule);
    const before = granted.get(`${change.scope}\0${tool}`) ?? 'none';
    // a removed deny or ask rule gives back what it held: that is a rise whatever the allow rules say
    const floor = change.change === 'removed' ? 'none' : before;
    if (compareRadius(change.radius, floor) > 0) out.add(change);
  }
  return out;
}

export function hasEscalation(input: EscalationInput): boolean {
  return (
    input.tools.some((tool) => tool.escalation) ||
    input.servers.some((server) => server.escalation) ||
    escalatingBindings(input).size > 0 ||
    escalatingRules(input).size > 0
  );
}

/** Every binding of each agent, files sharing an id taken together. */
export function bindingsOf(prompts: readonly { id: string; tools?: string[] }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const prompt of prompts)
    if (prompt.tools !== undefined) out.set(prompt.id, [...(out.get(prompt.id) ?? []), ...prompt.tools]);
  return out;
}

/** The tool a rule names, as the permission-rule reader computes it: `Bash(ls:*)` -> Bash, `env.X=1` -> env. */
function ruleToolOf(rule: string): string {
  const equals = rule.indexOf('=');
  const open = rule.indexOf('(');
  if (equals > 0 && (open < 0 || equals < open)) return rule.slice(0, equals).split('.', 1)[0] ?? rule;
  return open > 0 && rule.trimEnd().endsWith(')') ? rule.slice(0, open).trim() : rule.trim();
}
