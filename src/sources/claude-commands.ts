// Claude Code slash commands, `.claude/commands/**/*.md`: `allowed-tools` pre-approves permission rules while the
// command runs. Without it the command runs with the session's permissions and grants nothing new.
import type { SourceFile } from '../core/parse/source-file.js';
import type { AgentFormat } from './agent-file.js';
import { parseAgentFile } from './agent-file.js';
import { agentId } from './agent-id.js';
import { frontMatterHookRules } from './claude-hooks.js';
import type { SourceAdapter } from './types.js';

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
