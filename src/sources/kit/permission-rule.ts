// Permission rules and gated settings share one shape so the diff compares them as one set by
// (scope, effect, rule). A client rule keeps its text (`Bash(npm run test:*)`) and names its tool (`Bash`);
// a gated setting is written `key=value` with the setting key as its tool (`defaultMode=bypassPermissions`):
// a changed value is one rule gone and one rule new.
import { canonicalJson } from '../../model/canonical-json.js';
import type { PermissionEffect, PermissionRule, SourceRef } from '../../model/types.js';

/** `Bash(npm run test:*)` → `Bash`; `mcp__srv__tool` → itself; `WebFetch(domain:x)` → `WebFetch`. */
export function ruleTool(rule: string): string {
  const open = rule.indexOf('(');
  return open > 0 && rule.trimEnd().endsWith(')') ? rule.slice(0, open).trim() : rule.trim();
}

export function clientRule(
  scope: string,
  effect: PermissionEffect,
  rule: string,
  source: SourceRef,
): PermissionRule {
  return { scope, effect, rule, tool: ruleTool(rule), source };
}

/** A gated setting: `key=value`, strings unquoted, anything else as canonical JSON. */
export function settingRule(
  scope: string,
  effect: PermissionEffect,
  key: string,
  value: unknown,
  source: SourceRef,
): PermissionRule {
  const text = typeof value === 'string' ? value : canonicalJson(value);
  return { scope, effect, rule: `${key}=${text}`, tool: key.split('.', 1)[0] ?? key, source };
}
