// Claude Code slash commands, `.claude/commands/**/*.md`: `allowed-tools` pre-approves permission rules while the
// command runs. Without it the command runs with the session's permissions and grants nothing new.
import type { SourceFile } from '../../model/source-file.js';
import type { AgentFormat } from '../kit/agent-file.js';
import { parseAgentFile } from '../kit/agent-file.js';
import { agentId } from '../kit/agent-id.js';
import type { ExecutedFile } from '../../model/types.js';
import { claudeProjectBases } from '../kit/claude-hooks.js';
import { executablesOf } from '../kit/executed-paths.js';
import type { ParseOptions, SourceAdapter } from '../kit/types.js';
import { CLAUDE_CODE, frontMatterInert } from '../profiles/index.js';

const FORMAT: AgentFormat = {
  adapterId: 'claude-commands',
  toolsKey: 'allowed-tools',
  withoutTools: 'nothing-new',
  inertKeys: frontMatterInert(CLAUDE_CODE),
  authorityKeys: ['disable-model-invocation'],
  toolsArePreApprovals: true,
  derivedKeys: ['hooks'],
  frontMatterHooks: true,
};

export const claudeCommandsAdapter: SourceAdapter = {
  id: 'claude-commands',
  kind: 'claude-code',
  alsoReads: ['**/.claude/commands/**/*.md', '**/plugins/*/commands/**/*.md'],
  role: 'agent',
  defaultPaths: ['.claude/commands/**/*.md'],
  parse: (file: SourceFile, options?: ParseOptions) => {
    const model = parseAgentFile(file, agentId('claude', file.path, '.claude', '.md'), FORMAT, options);
    model.executables = [...(model.executables ?? []), ...bodyCommands(file)];
    return model;
  },
};

/** `` !`cmd` `` lines: Claude Code runs them before the command's text reaches the model. */
function bodyCommands(file: SourceFile): ExecutedFile[] {
  const bases = claudeProjectBases(file.path);
  const out: ExecutedFile[] = [];
  for (const match of file.text.matchAll(/!`([^`\n]+)`/gu)) {
    const line = file.text.slice(0, match.index).split('\n').length;
    const source = { path: file.path, line };
    out.push(...executablesOf(match[1] ?? '', bases, 'privileged', `a !\`command\` of ${file.path}`, source));
  }
  return out;
}
