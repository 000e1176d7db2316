// VS Code prompt files, `.github/prompts/**/*.prompt.md`: `tools` as for custom agents; `mode:` (earlier) or
// `agent:` picks the agent the prompt runs in, which is authority. Without `tools` the prompt grants nothing new.
import type { SourceFile } from '../../model/source-file.js';
import type { AgentFormat } from '../kit/agent-file.js';
import { parseAgentFile } from '../kit/agent-file.js';
import { agentId } from '../kit/agent-id.js';
import type { ParseOptions, SourceAdapter } from '../kit/types.js';
import { COPILOT, frontMatterInert } from '../profiles/index.js';

const FORMAT: AgentFormat = {
  adapterId: 'copilot-prompts',
  toolsKey: 'tools',
  withoutTools: 'nothing-new',
  inertKeys: frontMatterInert(COPILOT),
  authorityKeys: ['mode', 'agent'],
};

export const copilotPromptsAdapter: SourceAdapter = {
  id: 'copilot-prompts',
  kind: 'copilot',
  alsoReads: ['**/*.prompt.md'],
  role: 'agent',
  defaultPaths: ['.github/prompts/**/*.prompt.md'],
  parse: (file: SourceFile, options?: ParseOptions) =>
    parseAgentFile(file, agentId('copilot', file.path, '.github', '.prompt.md'), FORMAT, options),
};
