// Claude Code skills, `.claude/skills/**/SKILL.md`: `allowed-tools` (comma or space separated, or a list)
// pre-approves tools while the skill runs; without it the skill grants nothing new. The id is the skill's folder.
import type { SourceFile } from '../../model/source-file.js';
import type { AgentFormat } from '../kit/agent-file.js';
import { parseAgentFile } from '../kit/agent-file.js';
import { agentId } from '../kit/agent-id.js';
import { folderOf } from '../kit/executed-paths.js';
import type { ParseOptions, SourceAdapter } from '../kit/types.js';
import { CLAUDE_CODE, frontMatterInert } from '../profiles/index.js';

const FORMAT: AgentFormat = {
  adapterId: 'claude-skills',
  toolsKey: 'allowed-tools',
  withoutTools: 'nothing-new',
  inertKeys: frontMatterInert(CLAUDE_CODE),
  authorityKeys: ['disable-model-invocation', 'context', 'agent'],
  toolsArePreApprovals: true,
  derivedKeys: ['hooks'],
  frontMatterHooks: true,
};

export const claudeSkillsAdapter: SourceAdapter = {
  id: 'claude-skills',
  kind: 'claude-code',
  alsoReads: ['**/SKILL.md'],
  role: 'agent',
  defaultPaths: ['.claude/skills/**/SKILL.md'],
  parse: (file: SourceFile, options?: ParseOptions) => {
    const model = parseAgentFile(file, agentId('claude', file.path, '.claude', '/SKILL.md'), FORMAT, options);
    // a skill runs the programs of its `scripts/` folder through the shell: they are control plane
    const folder = folderOf(file.path);
    const path = folder === '' ? 'scripts/' : `${folder}/scripts/`;
    model.executables = [
      ...(model.executables ?? []),
      { path, radius: 'privileged', by: `the skill ${file.path}`, source: { path: file.path, line: 1 } },
    ];
    return model;
  },
};
