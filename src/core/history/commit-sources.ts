// What one commit did to the authority held in client source files: servers, permission rules and
// agent bindings, from the files it changed alone, so `log` follows these files as it follows manifests.
import { diffBindings } from '../agents/agents.js';
import { diffServers } from '../diff/diff-servers.js';
import type { SourceFile } from '../../model/source-file.js';
import type {
  BindingChange,
  PermissionEffect,
  PermissionRule,
  Radius,
  ServerChange,
} from '../../model/types.js';
import type { SourceLookup } from '../../sources/lookup.js';
import { collectSources } from '../../sources/source-set.js';

export interface PermissionChange {
  change: 'added' | 'removed';
  scope: string;
  effect: PermissionEffect;
  rule: string;
  path: string;
  line: number;
}

export interface SourceCommitDiff {
  servers: ServerChange[];
  permissions: PermissionChange[];
  bindings: BindingChange[];
  /** changed source files that no longer parse at head: they cannot be shown harmless (fail closed) */
  unreadablePaths: Set<string>;
}

export function diffSourceFiles(
  before: readonly SourceFile[],
  after: readonly SourceFile[],
  sourceOf: SourceLookup,
  actions: Readonly<Record<string, Radius>> = {},
): SourceCommitDiff {
  const base = collectSources(before, sourceOf);
  const head = collectSources(after, sourceOf);
  const servers = diffServers(base.servers, head.servers, { actions: { ...actions } });
  const permissions = diffRules(base.permissions, head.permissions);
  const bindings = diffBindings(base.agents, head.agents);
  const unreadablePaths = new Set<string>();
  for (const finding of head.findings) if (finding.severity === 'error') unreadablePaths.add(finding.path);
  return { servers, permissions, bindings, unreadablePaths };
}

/** Rules compare as a set of (scope, effect, rule), as the diff compares them. */
function diffRules(base: readonly PermissionRule[], head: readonly PermissionRule[]): PermissionChange[] {
  const key = (rule: PermissionRule) => `${rule.scope}\0${rule.effect}\0${rule.rule}`;
  const before = new Map(base.map((rule) => [key(rule), rule]));
  const after = new Map(head.map((rule) => [key(rule), rule]));
  const out: PermissionChange[] = [];
  const change = (kind: PermissionChange['change'], rule: PermissionRule): PermissionChange => ({
    change: kind,
    scope: rule.scope,
    effect: rule.effect,
    rule: rule.rule,
    path: rule.source.path,
    line: rule.source.line,
  });
  for (const [k, rule] of after) if (!before.has(k)) out.push(change('added', rule));
  for (const [k, rule] of before) if (!after.has(k)) out.push(change('removed', rule));
  return out;
}
