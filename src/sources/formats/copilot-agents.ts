// GitHub Copilot / VS Code custom agents, `*.agent.md`: `tools` names built-ins, tool sets, `server/tool` and
// `server/*`; without it the agent may use every tool. `mcp-servers` blocks are servers of their own.
import type { SourceFile } from '../../model/source-file.js';
import type { AgentFormat } from '../kit/agent-file.js';
import { parseAgentFile } from '../kit/agent-file.js';
import { agentId } from '../kit/agent-id.js';
import type { ParseOptions, SourceAdapter } from '../kit/types.js';
import { COPILOT, frontMatterInert } from '../profiles/index.js';

const FORMAT: AgentFormat = {
  adapterId: 'copilot-agents',
  toolsKey: 'tools',
  withoutTools: 'every-tool',
  inertKeys: frontMatterInert(COPILOT),
  authorityKeys: ['handoffs', 'infer', 'disable-model-invocation'],
  serverKeys: ['mcp-servers', 'mcpServers'],
};

export const copilotAgentsAdapter: SourceAdapter = {
  id: 'copilot-agents',
  kind: 'copilot',
  role: 'agent',
  defaultPaths: ['.github/agents/**/*.agent.md', '**/*.agent.md'],
  parse: (file: SourceFile, options?: ParseOptions) =>
    parseAgentFile(file, agentId('copilot', file.path, '.github', '.agent.md'), FORMAT, options),
};
