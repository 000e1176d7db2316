import type { ClientProfile } from './types.js';

export const CLAUDE_CODE: ClientProfile = {
  client: 'claude',
  name: 'Claude Code',
  docs: [
    'https://docs.anthropic.com/en/docs/claude-code/settings',
    'https://docs.anthropic.com/en/docs/claude-code/sub-agents',
    'https://docs.anthropic.com/en/docs/claude-code/slash-commands',
    'https://docs.anthropic.com/en/docs/claude-code/skills',
    'https://docs.anthropic.com/en/docs/claude-code/mcp',
  ],
  files: [
    '.mcp.json',
    '.claude/settings.json',
    '.claude/settings.local.json',
    '.claude/agents/**/*.md',
    '.claude/commands/**/*.md',
    '.claude/skills/**/SKILL.md',
  ],
  // `includeCoAuthoredBy` only decides a commit trailer; `spinnerTipsEnabled`, `outputStyle` and `language` the look
  inert: ['includeCoAuthoredBy', 'spinnerTipsEnabled', 'outputStyle', 'language', 'companyAnnouncements'],
  authority: {
    tools: 'subagent: the tools it may use (absent: every tool)',
    'allowed-tools': 'command or skill: tools it may use without asking',
    disallowedTools: 'subagent: tools it may not use',
    permissionMode: 'subagent: its permission mode',
    mcpServers: 'servers the subagent or file starts',
    hooks: 'commands run on events, nobody asking',
    'permissions.allow': 'rules that run without asking',
    'permissions.ask': 'rules that ask first',
    'permissions.deny': 'rules refused',
    defaultMode: 'the permission mode a session starts in',
    enableAllProjectMcpServers: 'approves every server of .mcp.json',
    enabledMcpjsonServers: 'approves the servers named',
    env: 'environment of every session and tool',
    apiKeyHelper: 'a command whose output is the API key',
  },
  ordered: {
    defaultMode: {
      tiers: [['plan'], ['default'], ['acceptEdits'], ['bypassPermissions']],
      unset: 'default',
      meaning: 'plan only reads; acceptEdits writes files unasked; bypassPermissions runs everything unasked',
    },
    permissionMode: {
      tiers: [['plan'], ['default'], ['acceptEdits'], ['bypassPermissions']],
      unset: 'default',
      meaning: 'the same order for one subagent',
    },
  },
};
