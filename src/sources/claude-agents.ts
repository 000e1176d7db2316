// Claude Code subagents, `.claude/agents/**/*.md`: `tools` is an allow list (comma string or YAML list); without
// it the subagent inherits every tool of the main thread, MCP tools included, so its binding is `*`.
import type { SourceFile } from '../core/parse/source-file.js';
import type { PermissionRule } from '../core/types.js';
import type { AgentFormat } from './agent-file.js';
import { parseAgentFile } from './agent-file.js';
import { agentId } from './agent-id.js';
import type { FrontMatter } from './front-matter.js';
import { clientRule } from './permission-rule.js';
import { frontMatterHookRules } from './claude-hooks.js';
import { readToolList } from './tool-list.js';
import type { SourceAdapter } from './types.js';

const FORMAT: AgentFormat = {
  adapterId: 'claude-agents',
  toolsKey: 'tools',
  withoutTools: 'every-tool',
  dataKeys: ['name', 'description', 'color'],
  authorityKeys: ['permissionMode', 'skills', 'memory', 'maxTurns', 'isolation'],
  serverKeys: ['mcpServers'],
  derivedKeys: ['disallowedTools', 'hooks'],
  extraRules: disallowedRules,
};

/** `disallowedTools` narrows the tools it names: each is a deny rule of the subagent. Hooks as in settings. */
function disallowedRules(frontMatter: FrontMatter, scope: string, path: string): PermissionRule[] {
  const list = readToolList(frontMatter.data.disallowedTools);
  const source = { path, line: frontMatter.lineOf(['disallowedTools']) };
  const denies =
    list.kind === 'list' ? list.names.map((name) => clientRule(scope, 'deny', name, source)) : [];
  return [...denies, ...frontMatterHookRules(frontMatter, scope, path)];
}

export const claudeAgentsAdapter: SourceAdapter = {
  id: 'claude-agents',
  kind: 'claude-code',
  defaultPaths: ['.claude/agents/**/*.md'],
  parse: (file: SourceFile) => parseAgentFile(file, agentId('claude', file.path, '.claude', '.md'), FORMAT),
};
