// Claude Code `hooks`: commands that run on events (PreToolUse, PostToolUse, Stop…) with the user's privileges.
// Each command is one rule `hooks.<Event>[<matcher>]=<command>` (tool `hooks`), so adding, changing or removing a
// single command is a rule change of its own.
import type { PermissionRule, SourceRef } from '../../model/types.js';
import type { FrontMatter } from './front-matter.js';
import { isRecord, ownEntries } from './front-matter.js';
import { settingRule } from './permission-rule.js';

export function hookRules(
  scope: string,
  hooks: unknown,
  sourceOf: (event: string) => SourceRef,
): PermissionRule[] {
  if (!isRecord(hooks)) return [settingRule(scope, 'allow', 'hooks', hooks, sourceOf(''))];
  const rules: PermissionRule[] = [];
  for (const [event, groups] of ownEntries(hooks)) {
    const source = sourceOf(event);
    if (!Array.isArray(groups)) {
      rules.push(settingRule(scope, 'allow', `hooks.${event}`, groups, source));
      continue;
    }
    for (const group of groups) {
      const matcher = isRecord(group) && typeof group.matcher === 'string' ? group.matcher : '*';
      const commands = isRecord(group) && Array.isArray(group.hooks) ? group.hooks : undefined;
      if (!commands) {
        rules.push(settingRule(scope, 'allow', `hooks.${event}`, group, source));
        continue;
      }
      for (const hook of commands) {
        const command = isRecord(hook) && hook.type === 'command' && typeof hook.command === 'string';
        const value = command ? (hook as { command: string }).command : hook;
        rules.push(settingRule(scope, 'allow', `hooks.${event}[${matcher}]`, value, source));
      }
    }
  }
  return rules;
}

/** `hooks:` in a subagent's, command's or skill's front matter: the same rules as in settings. */
export function frontMatterHookRules(
  frontMatter: FrontMatter,
  scope: string,
  path: string,
): PermissionRule[] {
  if (frontMatter.data.hooks === undefined) return [];
  return hookRules(scope, frontMatter.data.hooks, (event) => ({
    path,
    line: frontMatter.lineOf(event === '' ? ['hooks'] : ['hooks', event]),
  }));
}
