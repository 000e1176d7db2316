// gh-aw and Actions settings whose values form an order: the job token's `permissions` and the `roles` that may
// trigger a workflow. Compared by rank (rule-kinds.ts), never as text.
import type { PermissionRule, SourceRef } from '../../model/types.js';
import { isRecord, ownEntries } from '../kit/front-matter.js';
import { orderedRule } from './setting-rules.js';
import { GH_AW } from './gh-aw.js';

const WHOLE_TOKEN: Record<string, string> = { 'read-all': 'read', 'write-all': 'write', none: 'none' };

/**
 * `permissions: read-all` is `read` on every scope (`permissions.*`), `write-all` is `write` on every scope,
 * `{}` and `none` nothing; a map gives each scope its level. A value the order does not know ranks highest.
 */
export function tokenRules(
  scope: string,
  permissions: unknown,
  at: (...field: (string | number)[]) => SourceRef,
): PermissionRule[] {
  const level = GH_AW.ordered['permissions.*']!;
  if (!isRecord(permissions)) {
    const text = typeof permissions === 'string' ? permissions : JSON.stringify(permissions);
    const as = Object.hasOwn(WHOLE_TOKEN, text) ? WHOLE_TOKEN[text] : text;
    const rule = orderedRule(scope, ['permissions'], permissions, level, at('permissions'), 'permissions.*');
    rule.rank = { ...rule.rank!, rank: orderedRule(scope, ['p'], as, level, at('permissions')).rank!.rank };
    return [rule];
  }
  const entries = ownEntries(permissions);
  if (entries.length === 0)
    return [orderedRule(scope, ['permissions'], 'none', level, at('permissions'), 'permissions.*')];
  return entries.map(([name, value]) =>
    orderedRule(scope, ['permissions', name], value, level, at('permissions', name)),
  );
}

/** `roles`: one rule per role, present or not; `all` covers every role. Fewer roles is narrower. */
export function roleRules(
  scope: string,
  roles: unknown,
  at: (...field: (string | number)[]) => SourceRef,
): PermissionRule[] {
  const presence = { tiers: [['absent'], ['present']], meaning: 'a role that may trigger the workflow' };
  const list = Array.isArray(roles) ? roles : [roles];
  return list.map((role) => {
    const name = typeof role === 'string' ? role : JSON.stringify(role);
    const setting = name === 'all' ? 'roles.*' : `roles.${name}`;
    const rule = orderedRule(scope, ['roles'], role, presence, at('roles'), setting);
    rule.rank = { setting, rank: 1 };
    return rule;
  });
}
