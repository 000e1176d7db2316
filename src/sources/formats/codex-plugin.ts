// A Codex plugin manifest, `**/.codex-plugin/plugin.json`: `skills`, `mcpServers` (a path to an `.mcp.json`;
// one real manifest writes `mcp`), `apps` and `hooks` (a path, or an inline hook map) name what the plugin runs.
// Path keys are rules and loaded files; `interface` (presentation, capabilities) is kept as rules, one per key.
import type { SourceFile } from '../../model/source-file.js';
import type { Radius } from '../../model/types.js';
import { isRecord, ownEntries } from '../kit/front-matter.js';
import { CLAUDE_HOOKS, readHookMap } from '../kit/hook-rules.js';
import { valueRules } from '../kit/permission-rule.js';
import { emptyModel } from '../kit/source-model.js';
import { pluginBases, pluginRootOf, readComponentPaths } from '../kit/plugin-manifest.js';
import { closeSettings, readSettingsJson } from '../kit/settings-json.js';
import type { SourceAdapter, SourceModel } from '../kit/types.js';
import { PLUGIN_INERT } from './claude-plugin.js';

const COMPONENT_RADIUS: Record<string, Radius> = {
  skills: 'privileged',
  hooks: 'privileged',
  mcpServers: 'irreversible',
  mcp: 'irreversible',
  apps: 'irreversible',
};

export function parseCodexPlugin(file: SourceFile): SourceModel {
  const model = emptyModel();
  const settings = readSettingsJson(file, model);
  if (!settings) return model;
  const scope = `codex:${file.path}`;
  const root = pluginRootOf(file.path);
  const context = { scope, settings, path: file.path };
  for (const [key, value] of ownEntries(settings.value)) {
    const radius = COMPONENT_RADIUS[key];
    if (key === 'interface' && isRecord(value)) {
      for (const [name, item] of ownEntries(value))
        model.permissions.push(
          ...valueRules(scope, 'allow', `interface.${name}`, item, settings.at(key, name)),
        );
      continue;
    }
    if (radius === undefined || readComponentPaths(key, value, root, radius, context, model)) continue;
    if (key === 'hooks' && isRecord(value)) {
      const map = isRecord(value.hooks) ? value.hooks : value;
      const at = (...path: (string | number)[]) =>
        settings.at(key, ...(map === value ? path : ['hooks', ...path]));
      readHookMap(map, { scope, prefix: 'hooks', at, bases: pluginBases(root) }, CLAUDE_HOOKS, model);
    } else model.permissions.push(...valueRules(scope, 'allow', key, value, settings.at(key)));
  }
  const known = new Set([...PLUGIN_INERT, 'interface', ...Object.keys(COMPONENT_RADIUS)]);
  closeSettings(settings, model, { path: file.path, scope, modelled: known });
  return model;
}

export const codexPluginAdapter: SourceAdapter = {
  id: 'codex-plugin',
  kind: 'plugins',
  defaultPaths: ['**/.codex-plugin/plugin.json'],
  parse: parseCodexPlugin,
};
