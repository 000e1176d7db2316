// VS Code workspace settings, `.vscode/settings.json` (JSONC). Only agent authority is read: keys under `chat.`
// (tool auto-approval, terminal auto-approve rules, subagents, MCP access and discovery), `mcp` (servers nested in
// settings, and `mcp.*` switches), `github.copilot.` and `task.allowAutomaticTasks` (tasks that run on folder
// open). Editor preferences (fonts, formatters, file associations) are not agent authority and are not read.
// A map setting (`chat.tools.terminal.autoApprove`) is one rule per entry, so approving one more command is one
// rule new; `false` (always ask, switched off) is a deny rule.
import type { SourceFile } from '../../model/source-file.js';
import { isRecord, ownEntries } from '../kit/front-matter.js';
import { valueRules } from '../kit/permission-rule.js';
import { emptyModel } from '../kit/source-model.js';
import { flushFindings, readSettingsJson, settingsLines } from '../kit/settings-json.js';
import { addResidual } from '../kit/residual.js';
import { readServerMap } from '../kit/source-model.js';
import { member } from '../kit/tree.js';
import type { SourceAdapter, SourceModel } from '../kit/types.js';

/** The key prefixes of agent authority in VS Code settings. */
export const VSCODE_AUTHORITY_PREFIXES = ['chat.', 'mcp.', 'github.copilot.', 'task.allowAutomaticTasks'];

/**
 * The agent settings VS Code and Copilot document, read as rules. Any other key under the agent prefixes is the
 * residual: compared like them, with an `unknown-authority-key` finding (never treated as harmless).
 */
const DOCUMENTED = new Set([
  ...['chat.tools.autoApprove', 'chat.tools.global.autoApprove', 'chat.tools.terminal.autoApprove'],
  ...['chat.tools.terminal.enableAutoApprove', 'chat.tools.edits.autoApprove', 'chat.tools.urls.autoApprove'],
  ...['chat.tools.eligibleForAutoApproval', 'chat.tools.terminal.autoReplyToPrompts', 'chat.agent.enabled'],
  ...['chat.agent.maxRequests', 'chat.mcp.access', 'chat.mcp.autostart', 'chat.mcp.discovery.enabled'],
  ...[
    'chat.mcp.enabled',
    'chat.mcp.gallery.enabled',
    'chat.mcp.serverSampling',
    'chat.extensionTools.enabled',
  ],
  ...['chat.promptFiles', 'chat.promptFilesLocations', 'chat.instructionsFilesLocations'],
  ...['chat.modeFilesLocations', 'chat.agentFilesLocations', 'chat.useAgentsMdFile'],
  ...['chat.useNestedAgentsMdFiles', 'chat.customAgentInSubagent.enabled', 'chat.editing.autoAcceptDelay'],
  ...['github.copilot.enable', 'github.copilot.chat.codeGeneration.instructions'],
  ...['github.copilot.chat.codeGeneration.useInstructionFiles', 'github.copilot.chat.agent.runTasks'],
  ...['github.copilot.chat.testGeneration.instructions', 'github.copilot.chat.reviewSelection.instructions'],
  ...['github.copilot.chat.commitMessageGeneration.instructions', 'github.copilot.advanced'],
  ...['github.copilot.chat.pullRequestDescriptionGeneration.instructions', 'task.allowAutomaticTasks'],
]);

export function isAgentSetting(key: string): boolean {
  return key === 'mcp' || VSCODE_AUTHORITY_PREFIXES.some((prefix) => key.startsWith(prefix));
}

export function parseVscodeSettings(file: SourceFile): SourceModel {
  const model = emptyModel();
  const settings = readSettingsJson(file, model);
  if (!settings) return model;
  const scope = `copilot:${file.path}`;
  const unread: Record<string, unknown> = {};
  for (const [key, value] of ownEntries(settings.value)) {
    if (!isAgentSetting(key)) continue;
    if (key !== 'mcp' && !DOCUMENTED.has(key)) {
      Object.defineProperty(unread, key, { value, enumerable: true, writable: true, configurable: true });
      continue;
    }
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
      if (value.inputs !== undefined)
        model.permissions.push(
          ...valueRules(scope, 'allow', 'mcp.inputs', value.inputs, settings.at(key, 'inputs')),
        );
      addResidual(model, {
        path: file.path,
        scope,
        value,
        modelled: ['servers', 'inputs'],
        at: ['mcp'],
        lineOf: settingsLines(settings),
      });
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
  // an agent setting VS Code does not document (yet): compared and digested all the same
  addResidual(model, {
    path: file.path,
    scope,
    value: unread,
    modelled: [],
    lineOf: settingsLines(settings),
  });
  flushFindings(settings, model);
  return model;
}

export const vscodeSettingsAdapter: SourceAdapter = {
  id: 'vscode-settings',
  kind: 'copilot',
  defaultPaths: ['.vscode/settings.json'],
  parse: parseVscodeSettings,
};
