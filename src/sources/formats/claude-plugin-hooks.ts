// A Claude Code plugin's `hooks/hooks.json`: `{description?, hooks: {Event: [{matcher, hooks: [handler]}]}}`, at
// the plugin root wherever the plugin sits (`hooks/hooks.json`, `plugins/x/hooks/hooks.json`). Not Copilot's
// `.github/hooks/` nor Kiro's `.kiro/hooks/`, which have adapters of their own.
import { folderOf } from '../kit/executed-paths.js';
import { CLAUDE_HOOKS } from '../kit/hook-rules.js';
import { createHooksAdapter } from '../kit/hooks-file.js';

export const claudePluginHooksAdapter = createHooksAdapter({
  id: 'claude-plugin-hooks',
  kind: 'hooks',
  defaultPaths: ['hooks/hooks.json', '**/!(.github|.kiro)/hooks/hooks.json'],
  client: 'claude',
  dialect: CLAUDE_HOOKS,
  bases: (path) => {
    const root = folderOf(folderOf(path));
    return { relative: ['', root], variables: { CLAUDE_PLUGIN_ROOT: root, CLAUDE_PROJECT_DIR: '' } };
  },
  inert: ['description'],
});
