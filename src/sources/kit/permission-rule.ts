// Permission rules and gated settings share one shape so the diff compares them as one set by
// (scope, effect, rule). A client rule keeps its text (`Bash(npm run test:*)`) and names its tool (`Bash`);
// a gated setting is written `key=value` with the setting key as its tool (`defaultMode=bypassPermissions`):
// a changed value is one rule gone and one rule new.
import { createHash } from 'node:crypto';
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

/** Long text (instructions, prompts) is compared by hash in a rule: the rule moves, the report stays short. */
const LONG_TEXT = 160;

export function shownValue(value: unknown): unknown {
  if (typeof value !== 'string' || value.length <= LONG_TEXT) return value;
  const hash = createHash('sha256').update(value).digest('hex').slice(0, 16);
  return `(text of ${value.length} characters, sha256:${hash})`;
}

/**
 * Rules for one setting an adapter models: a list of plain values one rule per member (adding one member is one
 * rule new, the rest stay), anything else one rule of canonical JSON.
 */
export function valueRules(
  scope: string,
  effect: PermissionEffect,
  key: string,
  value: unknown,
  source: SourceRef,
): PermissionRule[] {
  if (Array.isArray(value) && value.length > 0 && value.every((item) => !isPlainContainer(item)))
    return value.map((item) => settingRule(scope, effect, key, shownValue(item), source));
  return [settingRule(scope, effect, key, shownValue(value), source)];
}

function isPlainContainer(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}
