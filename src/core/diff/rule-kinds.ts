// How a changed rule is judged beyond "an allow rule came or went" (diff-permissions.ts):
// - a residual rule (a key no adapter models) widens whichever way it changes: nobody can tell what it does;
// - an ordered setting is compared by rank with its counterpart on the other side (the same setting in the same
//   scope, or the `.*` setting of its group: `read-all` covers every scoped read), else with the client's value
//   for an absent setting; with neither, a change to it widens (fail closed).
import type { PermissionRule } from '../../model/types.js';

type Ranked = PermissionRule & { rank: NonNullable<PermissionRule['rank']> };

const isRanked = (rule: PermissionRule): rule is Ranked => rule.rank !== undefined;

function groupOf(setting: string): string {
  return setting.endsWith('.*') ? setting.slice(0, -2) : setting.slice(0, setting.lastIndexOf('.'));
}

/** The rank the other side gives `rule`'s setting, or undefined when it says nothing about it. */
function rankOnOtherSide(rule: Ranked, other: readonly PermissionRule[]): number | undefined {
  const same = other.filter(isRanked).filter((o) => o.scope === rule.scope);
  const exact = same.filter((o) => o.rank.setting === rule.rank.setting);
  if (exact.length > 0) return Math.max(...exact.map((o) => o.rank.rank));
  const group = groupOf(rule.rank.setting);
  if (rule.rank.setting.endsWith('.*')) {
    // a wildcard against scoped members: the widest member it is compared with
    const members = same.filter((o) => o.rank.setting.startsWith(`${group}.`));
    if (members.length > 0) return Math.max(...members.map((o) => o.rank.rank));
    return undefined;
  }
  const wildcard = same.filter((o) => o.rank.setting === `${group}.*`);
  if (wildcard.length > 0) return Math.max(...wildcard.map((o) => o.rank.rank));
  return undefined;
}

function groupStillWritten(rule: Ranked, side: readonly PermissionRule[]): boolean {
  if (rule.rank.setting.endsWith('.*')) return false;
  const group = `${groupOf(rule.rank.setting)}.`;
  return side.some((o) => isRanked(o) && o.scope === rule.scope && o.rank.setting.startsWith(group));
}

/**
 * Whether a rule that appeared (`added`) or went (`removed`) widens. `before`/`after` are every rule of the
 * two sides. Undefined: an ordinary rule, judged by its effect.
 */
export function widensByKind(
  rule: PermissionRule,
  change: 'added' | 'removed',
  before: readonly PermissionRule[],
  after: readonly PermissionRule[],
): boolean | undefined {
  if (rule.residual) return true;
  if (!isRanked(rule)) return undefined;
  const other = rankOnOtherSide(rule, change === 'added' ? before : after);
  const reference = other ?? rule.rank.unset;
  if (change === 'added') {
    // a wildcard that appears against scoped members grants every member not listed: widens unless it is nothing
    if (rule.rank.setting.endsWith('.*') && other !== undefined && rule.rank.rank > 0) return true;
    return reference === undefined ? true : rule.rank.rank > reference;
  }
  // a setting that went: the counterpart that replaced it carries the verdict, or the client's absent value; a
  // member gone from a group that is still written (a scope, a role) is simply not granted
  if (other !== undefined) return other > rule.rank.rank;
  if (reference !== undefined) return reference > rule.rank.rank;
  return !groupStillWritten(rule, after);
}
