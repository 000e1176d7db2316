// VS Code chat modes, `.github/chatmodes/**/*.chatmode.md` (the earlier name of custom agents): `tools` lists
// the flat tool ids of their time; a chat mode without `tools` grants nothing new.
import type { SourceFile } from '../../model/source-file.js';
import type { AgentFormat } from '../kit/agent-file.js';
import { parseAgentFile } from '../kit/agent-file.js';
import { agentId } from '../kit/agent-id.js';
import type { ParseOptions, SourceAdapter } from '../kit/types.js';
import { COPILOT, frontMatterInert } from '../profiles/index.js';

const FORMAT: AgentFormat = {
  adapterId: 'copilot-chatmodes',
  toolsKey: 'tools',
  withoutTools: 'nothing-new',
  inertKeys: frontMatterInert(COPILOT),
  authorityKeys: [],
  serverKeys: ['mcp-servers', 'mcpServers'],
};

export const copilotChatmodesAdapter: SourceAdapter = {
  id: 'copilot-chatmodes',
  kind: 'copilot',
  alsoReads: ['**/*.chatmode.md'],
  role: 'agent',
  defaultPaths: ['.github/chatmodes/**/*.chatmode.md'],
  parse: (file: SourceFile, options?: ParseOptions) =>
    parseAgentFile(file, agentId('copilot', file.path, '.github', '.chatmode.md'), FORMAT, options),
};
