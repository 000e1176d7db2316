// Permission rules and gated settings of client files, diffed as a set of (scope, effect, rule).
import { ruleRadius } from '../../sources/resolve/rule-radius.js';
import type { BindingContext } from '../../sources/resolve/resolve-binding.js';
import type { PermissionChange, PermissionRule, Radius } from '../../model/types.js';
import { maxRadius } from '../radius/radius.js';
import { widensByKind } from './rule-kinds.js';

export type RuleContext = Omit<BindingContext, 'catalog'>;

/** The identity of a rule: moving it within its file (a new line) changes nothing. */
function ruleKey(rule: PermissionRule): string {
  return `${rule.scope}\0${rule.effect}\0${rule.rule}`;
}

/**
 * A new allow rule widens the tool it names, a removed one narrows; a deny or ask rule restrains, so a new one
 * narrows and a removed one widens. Residual rules and ordered settings are judged by rule-kinds.ts. The radius is what the rule is about (`ruleRadius`), on the side it exists.
 */
export function diffPermissions(
  base: readonly PermissionRule[],
  head: readonly PermissionRule[],
  context: { base: RuleContext; head: RuleContext },
): PermissionChange[] {
  const before = new Map(base.map((rule) => [ruleKey(rule), rule]));
  const after = new Map(head.map((rule) => [ruleKey(rule), rule]));
  const changes: PermissionChange[] = [];
  const judge = (rule: PermissionRule, change: 'added' | 'removed', radius: Radius) =>
    describe(rule, change, radius, widensByKind(rule, change, base, head));
  for (const [key, rule] of after) {
    if (!before.has(key)) changes.push(judge(rule, 'added', ruleRadius(rule, context.head)));
  }
  for (const [key, rule] of before) {
    if (!after.has(key)) changes.push(judge(rule, 'removed', ruleRadius(rule, context.base)));
  }
  return changes.sort(
    (a, b) =>
      compare(a.scope, b.scope) ||
      compare(a.rule, b.rule) ||
      compare(a.effect, b.effect) ||
      compare(a.change, b.change),
  );
}

function describe(
  rule: PermissionRule,
  change: 'added' | 'removed',
  ruleRadiusOf: Radius,
  byKind: boolean | undefined,
): PermissionChange {
  const grants = rule.effect === 'allow';
  const widens = byKind ?? (change === 'added' ? grants : !grants);
  // a key nobody models needs the write sign-off count at least
  const radius = rule.residual ? maxRadius([ruleRadiusOf, 'write']) : ruleRadiusOf;
  return {
    scope: rule.scope,
    rule: rule.rule,
    effect: rule.effect,
    change,
    kind: widens ? 'widened' : 'narrowed',
    radius,
    path: rule.source.path,
    line: rule.source.line,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
