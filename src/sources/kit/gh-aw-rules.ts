// What a gh-aw workflow's front matter grants, as rules of the workflow's agent (see permission-rule.ts):
//   permissions   `permissions.contents=read` per scope, or `permissions=read-all`
//   network       `network=defaults`, or `network.allowed=<ecosystem or domain>` per entry
//   safe-outputs  `safe-outputs.<output>=<its settings as canonical JSON>` per output
//   tools.bash    `bash(<command pattern>)` per allowed command, `bash=true` for gh-aw's default set
//   tools.github  `github(<tool>)` per allowed tool, `github.toolsets=<set>` per toolset, `github.<key>=…`
//   other tools   `<tool>=<settings>` when the tool carries settings
import type { PermissionRule, SourceRef } from '../../model/types.js';
import { isRecord, ownEntries } from './front-matter.js';
import { valueRules } from './leftover-keys.js';
import { clientRule, settingRule } from './permission-rule.js';

type At = (...field: (string | number)[]) => SourceRef;

export function mapRules(scope: string, key: string, value: unknown, at: At): PermissionRule[] {
  if (!isRecord(value)) return [settingRule(scope, 'allow', key, value, at(key))];
  return ownEntries(value).map(([name, setting]) =>
    settingRule(scope, 'allow', `${key}.${name}`, setting, at(key, name)),
  );
}

export function networkRules(scope: string, network: unknown, at: At): PermissionRule[] {
  if (!isRecord(network)) return [settingRule(scope, 'allow', 'network', network, at('network'))];
  const rules: PermissionRule[] = [];
  for (const [key, value] of ownEntries(network)) {
    const entries = key === 'allowed' && Array.isArray(value) ? value : [value];
    for (const entry of entries)
      rules.push(settingRule(scope, 'allow', `network.${key}`, entry, at('network', key)));
  }
  return rules;
}

/** The tools a workflow enables (its bindings) and the rules that narrow or widen each. */
export function toolRules(
  scope: string,
  tools: unknown,
  at: At,
): { bindings: string[]; rules: PermissionRule[] } {
  const bindings: string[] = [];
  const rules: PermissionRule[] = [];
  if (tools === undefined || tools === null) return { bindings, rules };
  if (!isRecord(tools))
    return { bindings: ['*'], rules: [settingRule(scope, 'allow', 'tools', tools, at('tools'))] };
  for (const [name, setting] of ownEntries(tools)) {
    const source = at('tools', name);
    // `false` and an empty command list switch a tool off
    if (setting === false || (Array.isArray(setting) && setting.length === 0)) continue;
    bindings.push(name);
    if (name === 'bash' && Array.isArray(setting)) {
      for (const command of setting)
        rules.push(clientRule(scope, 'allow', `bash(${String(command)})`, source));
    } else if (name === 'github' && isRecord(setting)) {
      rules.push(...githubRules(scope, setting, source));
    } else if (setting !== null && !(isRecord(setting) && Object.keys(setting).length === 0)) {
      // a list of names (`serena: [go, ts]`) member by member: one added name is one rule
      rules.push(...valueRules(scope, 'allow', name, setting, source));
    }
  }
  return { bindings, rules };
}

function githubRules(scope: string, github: Record<string, unknown>, source: SourceRef): PermissionRule[] {
  const rules: PermissionRule[] = [];
  for (const [key, value] of ownEntries(github)) {
    if (key === 'allowed' && Array.isArray(value)) {
      for (const tool of value) rules.push(clientRule(scope, 'allow', `github(${String(tool)})`, source));
    } else if (Array.isArray(value)) {
      for (const entry of value) rules.push(settingRule(scope, 'allow', `github.${key}`, entry, source));
    } else rules.push(settingRule(scope, 'allow', `github.${key}`, value, source));
  }
  return rules;
}
