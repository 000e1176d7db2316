// What Claude Code and Codex plugin manifests share: the plugin root (the folder holding `.claude-plugin/` or
// `.codex-plugin/`), component paths read where the manifest says (a path rule, plus every file under it as a
// loaded file at the radius of what it holds), inline servers and inline hooks.
import type { Radius } from '../../model/types.js';
import type { CommandBases } from './executed-paths.js';
import { folderOf, normalize } from './executed-paths.js';
import { valueRules } from './permission-rule.js';
import type { SettingsFile } from './settings-json.js';
import type { SourceModel } from './types.js';

export function pluginRootOf(path: string): string {
  return folderOf(folderOf(path));
}

export function pluginBases(root: string): CommandBases {
  return {
    relative: ['', root],
    variables: { CLAUDE_PLUGIN_ROOT: root, PLUGIN_ROOT: root, CLAUDE_PROJECT_DIR: '' },
  };
}

/**
 * A component key written as a path or a list of paths: one rule per path, and each path (relative to the plugin
 * root) is a loaded file or folder. Returns false when the value is not paths (an inline object).
 */
export function readComponentPaths(
  key: string,
  value: unknown,
  root: string,
  radius: Radius,
  context: { scope: string; settings: SettingsFile; path: string },
  model: SourceModel,
): boolean {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (!list || !list.every((item) => typeof item === 'string')) return false;
  const source = context.settings.at(key);
  model.permissions.push(...valueRules(context.scope, 'allow', key, list, source));
  for (const written of list as string[]) {
    if (written.includes('://') || written.startsWith('/') || written.includes('$')) continue;
    const path = normalize(root === '' ? written : `${root}/${written}`);
    if (path === undefined || path === '') continue;
    const folder = written.endsWith('/') || !/\.[A-Za-z0-9]+$/u.test(written);
    model.executables!.push({
      path: folder && !path.endsWith('/') ? `${path}/` : path,
      radius,
      by: `${key} of ${context.path}`,
      source,
    });
  }
  return true;
}
