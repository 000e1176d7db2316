// Claude Code slash commands, `.claude/commands/**/*.md`: `allowed-tools` pre-approves permission rules while the
// command runs. Without it the command runs with the session's permissions and grants nothing new.
import type { SourceFile } from '../../model/source-file.js';
import type { AgentFormat } from '../kit/agent-file.js';
import { parseAgentFile } from '../kit/agent-file.js';
import { agentId } from '../kit/agent-id.js';
import { frontMatterHookRules } from '../kit/claude-hooks.js';
import type { SourceAdapter } from '../kit/types.js';

const FORMAT: AgentFormat = {
  adapterId: 'claude-commands',
  toolsKey: 'allowed-tools',
  withoutTools: 'nothing-new',
  dataKeys: ['name', 'description', 'argument-hint'],
  authorityKeys: ['disable-model-invocation'],
  toolsArePreApprovals: true,
  derivedKeys: ['hooks'],
  extraRules: frontMatterHookRules,
};

export const claudeCommandsAdapter: SourceAdapter = {
  id: 'claude-commands',
  kind: 'claude-code',
  defaultPaths: ['.claude/commands/**/*.md'],
  parse: (file: SourceFile) => parseAgentFile(file, agentId('claude', file.path, '.claude', '.md'), FORMAT),
};
