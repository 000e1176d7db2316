// VS Code workspace settings, `.vscode/settings.json` (JSONC). Only agent authority is read: keys under `chat.`
// (tool auto-approval, terminal auto-approve rules, subagents, MCP access and discovery), `mcp` (servers nested in
// settings, and `mcp.*` switches), `github.copilot.` and `task.allowAutomaticTasks` (tasks that run on folder
// open). Editor preferences (fonts, formatters, file associations) are not agent authority and are not read.
// A map setting (`chat.tools.terminal.autoApprove`) is one rule per entry, so approving one more command is one
// rule new; `false` (always ask, switched off) is a deny rule.
import type { SourceFile } from '../../model/source-file.js';
import { isRecord, ownEntries } from '../kit/front-matter.js';
import { emptyModel, valueRules } from '../kit/leftover-keys.js';
import { flushFindings, readSettingsJson } from '../kit/settings-json.js';
import { readServerMap } from '../kit/source-model.js';
import { member } from '../kit/tree.js';
import type { SourceAdapter, SourceModel } from '../kit/types.js';

/** The key prefixes of agent authority in VS Code settings. */
export const VSCODE_AUTHORITY_PREFIXES = ['chat.', 'mcp.', 'github.copilot.', 'task.allowAutomaticTasks'];

export function isAgentSetting(key: string): boolean {
  return key === 'mcp' || VSCODE_AUTHORITY_PREFIXES.some((prefix) => key.startsWith(prefix));
}

export function parseVscodeSettings(file: SourceFile): SourceModel {
  const model = emptyModel();
  const settings = readSettingsJson(file, model);
  if (!settings) return model;
  const scope = `copilot:${file.path}`;
  for (const [key, value] of ownEntries(settings.value)) {
    if (!isAgentSetting(key)) continue;
    if (key === 'mcp' && isRecord(value)) {
      const mcp = member(settings.root, 'mcp')!;
      const servers = member(mcp.value, 'servers');
      if (servers)
        model.servers.push(
          ...readServerMap(
            'vscode-settings',
            servers.value,
            servers.line,
            ['mcp', 'servers'],
            { envKey: 'env', urlType: 'http' },
            settings.sink,
          ),
        );
      for (const [name, item] of ownEntries(value))
        if (name !== 'servers')
          model.permissions.push(...valueRules(scope, 'allow', `mcp.${name}`, item, settings.at(key, name)));
      continue;
    }
    if (isRecord(value)) {
      for (const [name, item] of ownEntries(value)) {
        const effect = item === false || (isRecord(item) && item.approve === false) ? 'deny' : 'allow';
        model.permissions.push(...valueRules(scope, effect, `${key}[${name}]`, item, settings.at(key, name)));
      }
      if (Object.keys(value).length === 0)
        model.permissions.push(...valueRules(scope, 'allow', key, value, settings.at(key)));
      continue;
    }
    model.permissions.push(
      ...valueRules(scope, value === false ? 'deny' : 'allow', key, value, settings.at(key)),
    );
  }
  flushFindings(settings, model);
  return model;
}

export const vscodeSettingsAdapter: SourceAdapter = {
  id: 'vscode-settings',
  kind: 'copilot',
  defaultPaths: ['.vscode/settings.json'],
  parse: parseVscodeSettings,
};
