// Claude Code `hooks`: commands that run on events (PreToolUse, PostToolUse, Stop…) with the user's privileges.
// Each command is one rule `hooks.<Event>[<matcher>]=<command>` (tool `hooks`), so adding, changing or removing a
// single command is a rule change of its own (hook-rules.ts reads every client's hooks the same way).
import { folderOf, projectOf } from './executed-paths.js';
import type { FrontMatter } from './front-matter.js';
import { CLAUDE_HOOKS, readHookMap } from './hook-rules.js';
import type { SourceModel } from './types.js';

/** A Claude Code settings file's project: `$CLAUDE_PROJECT_DIR` and the folder relative commands run from. */
export function claudeProjectBases(path: string): {
  relative: string[];
  variables: Record<string, string>;
} {
  const project = projectOf(path);
  return { relative: [project], variables: { CLAUDE_PROJECT_DIR: project } };
}

/**
 * `hooks:` in a subagent's, command's or skill's front matter, read as in settings: one rule per command, the
 * residual of each handler, and the scripts the commands run as executed files (from the project, or beside the file).
 */
export function readFrontMatterHooks(
  frontMatter: FrontMatter,
  scope: string,
  path: string,
  model: SourceModel,
): void {
  if (frontMatter.data.hooks === undefined) return;
  const project = claudeProjectBases(path);
  const bases = { ...project, relative: [...new Set([...project.relative, folderOf(path)])] };
  readHookMap(
    frontMatter.data.hooks,
    {
      scope,
      prefix: 'hooks',
      at: (...field) => ({ path, line: frontMatter.lineOf(['hooks', ...field]) }),
      bases,
      subject: 'agent',
    },
    CLAUDE_HOOKS,
    model,
  );
}
