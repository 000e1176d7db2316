// Codex custom agents, `.codex/agents/*.toml`: per-agent config keys (`sandbox_mode`, `model`, `web_search`,
// `skills`…) as rules, `mcp_servers` as servers, and `developer_instructions` (the agent's prompt) as a rule by
// hash, so any edit of it moves the control plane. `name` and `description` are inert; every other key is the residual.
// The file is also one agent, `codex:<path under .codex>`, binding every tool: Codex agents name no tool list.
import type { SourceFile } from '../../model/source-file.js';
import { agentId } from '../kit/agent-id.js';
import { configAgent } from '../kit/config-agent.js';
import { ownEntries } from '../kit/front-matter.js';
import { valueRules } from '../kit/permission-rule.js';
import { emptyModel } from '../kit/source-model.js';
import { parseTomlSource } from '../kit/parse-toml.js';
import { closeSettings, settingsOfTree } from '../kit/settings-json.js';
import { readServerMap } from '../kit/source-model.js';
import { member } from '../kit/tree.js';
import type { SourceAdapter, SourceModel } from '../kit/types.js';

const KNOWN = new Set([
  ...['developer_instructions', 'nickname_candidates', 'model', 'model_reasoning_effort', 'sandbox_mode'],
  ...['web_search', 'skills', 'approval_policy', 'sandbox_workspace_write', 'model_provider'],
]);

export function parseCodexAgent(file: SourceFile): SourceModel {
  const model = emptyModel();
  const parsed = parseTomlSource(file);
  if (!parsed.ok) {
    model.findings.push({
      severity: 'error',
      code: 'source-parse',
      path: file.path,
      line: parsed.line,
      message: `${file.path}:${parsed.line}: ${parsed.message}`,
    });
    return model;
  }
  const settings = settingsOfTree(file, parsed.root, model);
  if (!settings) return model;
  const scope = `codex:${file.path}`;
  for (const [key, value] of ownEntries(settings.value)) {
    if (key === 'name' || key === 'description') continue;
    if (key === 'mcp_servers') {
      const entry = member(settings.root, key)!;
      model.servers.push(
        ...readServerMap(
          'codex-agents',
          entry.value,
          entry.line,
          [key],
          { envKey: 'env', urlType: 'http', headersKey: 'http_headers' },
          settings.sink,
        ),
      );
      continue;
    }
    if (KNOWN.has(key)) model.permissions.push(...valueRules(scope, 'allow', key, value, settings.at(key)));
  }
  closeSettings(settings, model, {
    path: file.path,
    scope,
    modelled: [...KNOWN, 'name', 'description', 'mcp_servers'],
  });
  // a Codex agent has no tool list: it may use every tool of its session, its own `mcp_servers` included
  const text = settings.value.developer_instructions;
  model.agents.push(
    configAgent(
      agentId('codex', file.path, '.codex', '.toml'),
      ['*'],
      { path: file.path, line: 1 },
      typeof text === 'string' ? text : '',
    ),
  );
  return model;
}

export const codexAgentsAdapter: SourceAdapter = {
  id: 'codex-agents',
  kind: 'codex',
  defaultPaths: ['.codex/agents/*.toml'],
  parse: parseCodexAgent,
};
