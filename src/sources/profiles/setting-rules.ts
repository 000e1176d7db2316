// Settings as rules: an ordered setting carries its rank (the diff compares ranks, not text); any other setting is
// flattened to one `a.b.c=value` rule per leaf (one per list item), values under secret-looking names hashed.
import type { FieldPath } from '../../parse/yaml.js';
import type { PermissionRule, SourceRef } from '../../model/types.js';
import { isRecord, ownEntries } from '../kit/front-matter.js';
import { settingRule } from '../kit/permission-rule.js';
import { redacted } from '../kit/residual.js';
import type { SettingOrder } from './types.js';
import { rankOf } from './index.js';

export type SourceAt = (field: FieldPath) => SourceRef;

/** One ordered setting: `sandbox_mode=workspace-write`, ranked within `setting` (default: its dotted field). */
export function orderedRule(
  scope: string,
  field: FieldPath,
  value: unknown,
  order: SettingOrder,
  source: SourceRef,
  setting: string = field.map(String).join('.'),
): PermissionRule {
  const rule = settingRule(scope, 'allow', field.map(String).join('.'), value, source);
  rule.rank = { setting, rank: rankOf(order, value) };
  if (order.unset !== undefined) rule.rank.unset = rankOf(order, order.unset);
  return rule;
}

/** Every leaf of a setting as its own rule, so a change inside a table is one rule gone and one new. */
export function flatRules(scope: string, field: FieldPath, value: unknown, at: SourceAt): PermissionRule[] {
  const leaf = String(field[field.length - 1] ?? '');
  if (Array.isArray(value)) {
    if (value.length === 0) return [settingRule(scope, 'allow', field.join('.'), [], at(field))];
    return value.map((item) => settingRule(scope, 'allow', field.join('.'), redacted(leaf, item), at(field)));
  }
  if (isRecord(value)) {
    const entries = ownEntries(value);
    if (entries.length === 0) return [settingRule(scope, 'allow', field.join('.'), {}, at(field))];
    return entries.flatMap(([key, inner]) => flatRules(scope, [...field, key], inner, at));
  }
  return [settingRule(scope, 'allow', field.join('.'), redacted(leaf, value), at(field))];
}
