// A Claude Code plugin manifest, `**/.claude-plugin/plugin.json`. What it grants: inline `mcpServers` (servers),
// inline `lspServers` (spawned language servers: one rule each, their programs executed files), inline `hooks`
// (hook rules), and the component paths it names (`commands`, `agents`, `skills`, `hooks`, `mcpServers`,
// `outputStyles`): a path rule each, and the files under them are loaded at the radius of what they hold. The
// standard layout beside a manifest (`hooks/hooks.json`, `.mcp.json`, `agents/`, `skills/`) is read by its own
// adapters wherever the plugin sits. Descriptive keys are inert; any other key is kept as the residual.
import type { SourceFile } from '../../model/source-file.js';
import type { Radius } from '../../model/types.js';
import { executablesOf } from '../kit/executed-paths.js';
import { isRecord, ownEntries } from '../kit/front-matter.js';
import { CLAUDE_HOOKS, readHookMap } from '../kit/hook-rules.js';
import { valueRules } from '../kit/permission-rule.js';
import { emptyModel } from '../kit/source-model.js';
import { pluginBases, pluginRootOf, readComponentPaths } from '../kit/plugin-manifest.js';
import { closeSettings, readSettingsJson } from '../kit/settings-json.js';
import { readServerMap } from '../kit/source-model.js';
import { member } from '../kit/tree.js';
import type { SourceAdapter, SourceModel } from '../kit/types.js';

const ID = 'claude-plugin';
export const PLUGIN_INERT = [
  ...['$schema', 'name', 'description', 'version', 'author', 'homepage', 'repository', 'license'],
  'keywords',
];
const COMPONENT_RADIUS: Record<string, Radius> = {
  commands: 'privileged',
  agents: 'privileged',
  skills: 'privileged',
  hooks: 'privileged',
  mcpServers: 'irreversible',
  lspServers: 'privileged',
  outputStyles: 'write',
};

export function parseClaudePlugin(file: SourceFile): SourceModel {
  const model = emptyModel();
  const settings = readSettingsJson(file, model);
  if (!settings) return model;
  const scope = `claude:${file.path}`;
  const root = pluginRootOf(file.path);
  const bases = pluginBases(root);
  const context = { scope, settings, path: file.path };
  for (const [key, value] of ownEntries(settings.value)) {
    const radius = COMPONENT_RADIUS[key];
    if (radius === undefined) continue;
    if (readComponentPaths(key, value, root, radius, context, model)) continue;
    if (key === 'mcpServers') {
      const entry = member(settings.root, key)!;
      model.servers.push(
        ...readServerMap(
          ID,
          entry.value,
          entry.line,
          [key],
          { envKey: 'env', urlType: 'http' },
          settings.sink,
        ),
      );
    } else if (key === 'hooks') {
      const map = isRecord(value) && isRecord(value.hooks) ? value.hooks : value;
      const at = (...path: (string | number)[]) =>
        settings.at(key, ...(map === value ? path : ['hooks', ...path]));
      readHookMap(map, { scope, prefix: 'hooks', at, bases }, CLAUDE_HOOKS, model);
    } else if (key === 'lspServers' && isRecord(value)) {
      for (const [name, server] of ownEntries(value)) {
        const source = settings.at(key, name);
        model.permissions.push(...valueRules(scope, 'allow', `lspServers.${name}`, server, source));
        if (isRecord(server) && typeof server.command === 'string') {
          const args = Array.isArray(server.args)
            ? server.args.filter((a): a is string => typeof a === 'string')
            : [];
          model.executables!.push(
            ...executablesOf(
              [server.command, ...args],
              bases,
              'privileged',
              `lspServers.${name} of ${file.path}`,
              source,
            ),
          );
        }
      }
    } else {
      model.permissions.push(...valueRules(scope, 'allow', key, value, settings.at(key)));
    }
  }
  const known = new Set([...PLUGIN_INERT, ...Object.keys(COMPONENT_RADIUS)]);
  closeSettings(settings, model, { path: file.path, scope, modelled: known });
  return model;
}

export const claudePluginAdapter: SourceAdapter = {
  id: ID,
  kind: 'plugins',
  defaultPaths: ['**/.claude-plugin/plugin.json'],
  parse: parseClaudePlugin,
};
