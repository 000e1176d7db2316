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
import { isAgentFile } from '../codeowners/codeowners-paths.js';

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
  /** changed source files whose authority moved, or that cannot be read (fail closed) */
  authorityPaths: Set<string>;
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
  const authorityPaths = new Set<string>();
  for (const server of servers) authorityPaths.add(server.path);
  for (const rule of permissions) authorityPaths.add(rule.path);
  const agentPaths = new Map(
    [...base.agents, ...head.agents].map((agent) => [agent.id, agent.source.path] as const),
  );
  for (const binding of bindings) {
    const path = agentPaths.get(binding.agent);
    if (path !== undefined) authorityPaths.add(path);
  }
  // a config or settings file is authority whole; a file that no longer parses cannot be shown harmless
  for (const file of [...before, ...after])
    if (!isAgentFile(file.path, sourceOf)) authorityPaths.add(file.path);
  for (const finding of head.findings) if (finding.severity === 'error') authorityPaths.add(finding.path);
  return { servers, permissions, bindings, authorityPaths };
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
