// Kiro custom agents, `.kiro/agents/**/*.json`: `tools` (available; `*` = all, `@server` = a server's tools) and
// `allowedTools` (run with no prompt) one rule per member, `toolsSettings` one rule per tool and key,
// `mcpServers` as servers, `hooks` (agentSpawn, preToolUse… each `{command, matcher?}`) as hook rules, `resources`
// and the `prompt` as rules. Name and description are inert; anything else is kept as the residual. The file is
// also one agent, `kiro:<path under .kiro>`, binding its `tools`.
import type { SourceFile } from '../../model/source-file.js';
import { KIRO_CATALOG } from '../catalogs/kiro.js';
import { agentId } from '../kit/agent-id.js';
import { configAgent, heldFinding } from '../kit/config-agent.js';
import { kiroToolBindings } from '../kit/config-bindings.js';
import { projectOf } from '../kit/executed-paths.js';
import { isRecord, ownEntries } from '../kit/front-matter.js';
import { FLAT_HOOKS, readHookMap } from '../kit/hook-rules.js';
import { valueRules } from '../kit/permission-rule.js';
import { emptyModel } from '../kit/source-model.js';
import { addResidual } from '../kit/residual.js';
import { SERVER_EXTRA_KEYS, serverExtraRules } from '../kit/server-extras.js';
import { flushFindings, readSettingsJson, settingsLines } from '../kit/settings-json.js';
import { readServerMap } from '../kit/source-model.js';
import { member } from '../kit/tree.js';
import type { SourceAdapter, SourceModel } from '../kit/types.js';

const MODELLED = [
  ...['tools', 'allowedTools', 'resources', 'prompt', 'model', 'toolAliases', 'includeMcpJson'],
  ...['useLegacyMcpJson', 'keyboardShortcut', 'welcomeMessage'],
];

export function parseKiroAgent(file: SourceFile): SourceModel {
  const model = emptyModel();
  const settings = readSettingsJson(file, model);
  if (!settings) return model;
  const scope = `kiro:${file.path}`;
  const { value } = settings;
  for (const key of MODELLED) {
    if (value[key] === undefined) continue;
    model.permissions.push(...valueRules(scope, 'allow', key, value[key], settings.at(key)));
  }
  if (isRecord(value.toolsSettings)) {
    for (const [tool, options] of ownEntries(value.toolsSettings)) {
      const entries = isRecord(options) ? ownEntries(options) : [['', options] as [string, unknown]];
      for (const [name, option] of entries) {
        const key = name === '' ? `toolsSettings.${tool}` : `toolsSettings.${tool}.${name}`;
        model.permissions.push(
          ...valueRules(scope, 'allow', key, option, settings.at('toolsSettings', tool)),
        );
      }
    }
  } else if (value.toolsSettings !== undefined)
    model.permissions.push(
      ...valueRules(scope, 'allow', 'toolsSettings', value.toolsSettings, settings.at('toolsSettings')),
    );
  const servers = member(settings.root, 'mcpServers');
  if (servers) {
    model.servers.push(
      ...readServerMap(
        'kiro-agents',
        servers.value,
        servers.line,
        ['mcpServers'],
        { envKey: 'env', urlType: 'http', modelledKeys: SERVER_EXTRA_KEYS },
        settings.sink,
      ),
    );
    serverExtraRules(scope, settings, 'mcpServers', model);
  }
  if (value.hooks !== undefined) {
    const bases = { relative: [projectOf(file.path)] };
    readHookMap(
      value.hooks,
      { scope, prefix: 'hooks', at: (...p) => settings.at('hooks', ...p), bases },
      FLAT_HOOKS,
      model,
    );
  }
  const known = new Set([
    ...MODELLED,
    'name',
    'description',
    '$schema',
    'toolsSettings',
    'mcpServers',
    'hooks',
  ]);
  addResidual(model, {
    path: file.path,
    scope,
    value: value,
    modelled: known,
    lineOf: settingsLines(settings),
  });
  flushFindings(settings, model);
  // the agent the runtime's `--agent` names: what `tools` makes available, servers by `@server`
  const id = agentId('kiro', file.path, '.kiro', '.json');
  const bindings = kiroToolBindings(
    value.tools,
    KIRO_CATALOG.entries.map((entry) => entry.name),
  );
  const line = settings.at('tools').line;
  for (const held of bindings.held) model.findings.push(heldFinding(file.path, id, { ...held, line }));
  const text = typeof value.prompt === 'string' ? value.prompt : '';
  model.agents.push(configAgent(id, bindings.tools, { path: file.path, line: 1 }, text));
  return model;
}

export const kiroAgentsAdapter: SourceAdapter = {
  id: 'kiro-agents',
  kind: 'kiro',
  defaultPaths: ['.kiro/agents/**/*.json'],
  parse: parseKiroAgent,
};
