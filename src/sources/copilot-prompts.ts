// VS Code prompt files, `.github/prompts/**/*.prompt.md`: `tools` as for custom agents; `mode:` (earlier) or
// `agent:` picks the agent the prompt runs in, which is authority. Without `tools` the prompt grants nothing new.
import type { SourceFile } from '../core/parse/source-file.js';
import type { AgentFormat } from './agent-file.js';
import { parseAgentFile } from './agent-file.js';
import { agentId } from './agent-id.js';
import type { SourceAdapter } from './types.js';

const FORMAT: AgentFormat = {
  adapterId: 'copilot-prompts',
  toolsKey: 'tools',
  withoutTools: 'nothing-new',
  dataKeys: ['name', 'description', 'argument-hint'],
  authorityKeys: ['mode', 'agent'],
};

export const copilotPromptsAdapter: SourceAdapter = {
  id: 'copilot-prompts',
  kind: 'copilot',
  defaultPaths: ['.github/prompts/**/*.prompt.md'],
  parse: (file: SourceFile) =>
    parseAgentFile(file, agentId('copilot', file.path, '.github', '.prompt.md'), FORMAT),
};
