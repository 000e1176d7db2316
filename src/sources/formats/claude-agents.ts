// Claude Code subagents, `.claude/agents/**/*.md`: `tools` is an allow list (comma string or YAML list); without
// it the subagent inherits every tool of the main thread, MCP tools included, so its binding is `*`.
import type { SourceFile } from '../../model/source-file.js';
import type { PermissionRule } from '../../model/types.js';
import type { AgentFormat } from '../kit/agent-file.js';
import { parseAgentFile } from '../kit/agent-file.js';
import { agentId } from '../kit/agent-id.js';
import type { FrontMatter } from '../kit/front-matter.js';
import { clientRule } from '../kit/permission-rule.js';
import { readToolList } from '../kit/tool-list.js';
import type { ParseOptions, SourceAdapter } from '../kit/types.js';
import { CLAUDE_CODE, frontMatterInert } from '../profiles/index.js';
import { orderedRule } from '../profiles/setting-rules.js';

const FORMAT: AgentFormat = {
  adapterId: 'claude-agents',
  toolsKey: 'tools',
  withoutTools: 'every-tool',
  inertKeys: frontMatterInert(CLAUDE_CODE),
  authorityKeys: ['skills', 'memory', 'maxTurns', 'isolation'],
  serverKeys: ['mcpServers'],
  derivedKeys: ['disallowedTools', 'hooks', 'permissionMode'],
  frontMatterHooks: true,
  extraRules: disallowedRules,
};

/** `disallowedTools` narrows the tools it names: each is a deny rule of the subagent. */
function disallowedRules(frontMatter: FrontMatter, scope: string, path: string): PermissionRule[] {
  const list = readToolList(frontMatter.data.disallowedTools);
  const source = { path, line: frontMatter.lineOf(['disallowedTools']) };
  const denies =
    list.kind === 'list' ? list.names.map((name) => clientRule(scope, 'deny', name, source)) : [];
  const mode = frontMatter.data.permissionMode;
  const ranked =
    mode === undefined
      ? []
      : [
          orderedRule(scope, ['permissionMode'], mode, CLAUDE_CODE.ordered.permissionMode!, {
            path,
            line: frontMatter.lineOf(['permissionMode']),
          }),
        ];
  return [...denies, ...ranked];
}

export const claudeAgentsAdapter: SourceAdapter = {
  id: 'claude-agents',
  kind: 'claude-code',
  alsoReads: ['**/.claude/agents/**/*.md', '**/plugins/*/agents/**/*.md'],
  role: 'agent',
  defaultPaths: ['.claude/agents/**/*.md'],
  parse: (file: SourceFile, options?: ParseOptions) =>
    parseAgentFile(file, agentId('claude', file.path, '.claude', '.md'), FORMAT, options),
};
