// Claude Code `hooks`: commands that run on events (PreToolUse, PostToolUse, Stop…) with the user's privileges.
// Each command is one rule `hooks.<Event>[<matcher>]=<command>` (tool `hooks`), so adding, changing or removing a
// single command is a rule change of its own (hook-rules.ts reads every client's hooks the same way).
import type { PermissionRule, SourceRef } from '../../model/types.js';
import { projectOf } from './executed-paths.js';
import type { FrontMatter } from './front-matter.js';
import { CLAUDE_HOOKS, hookMapRules } from './hook-rules.js';

/** A Claude Code settings file's project: `$CLAUDE_PROJECT_DIR` and the folder relative commands run from. */
export function claudeProjectBases(path: string): {
  relative: string[];
  variables: Record<string, string>;
} {
  const project = projectOf(path);
  return { relative: [project], variables: { CLAUDE_PROJECT_DIR: project } };
}

export function hookRules(
  scope: string,
  hooks: unknown,
  sourceOf: (event: string) => SourceRef,
): PermissionRule[] {
  return hookMapRules(
    hooks,
    {
      scope,
      prefix: 'hooks',
      at: (event) => sourceOf(typeof event === 'string' ? event : ''),
      bases: claudeProjectBases(sourceOf('').path),
    },
    CLAUDE_HOOKS,
  );
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
