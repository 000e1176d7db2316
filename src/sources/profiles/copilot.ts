import type { ClientProfile } from './types.js';

export const COPILOT: ClientProfile = {
  client: 'copilot',
  name: 'GitHub Copilot / VS Code',
  docs: [
    'https://code.visualstudio.com/docs/copilot/customization/custom-agents',
    'https://code.visualstudio.com/docs/copilot/customization/prompt-files',
    'https://code.visualstudio.com/docs/copilot/customization/mcp-servers',
    'https://docs.github.com/en/copilot/reference/custom-agents-configuration',
  ],
  files: [
    '.vscode/mcp.json',
    'mcp.json',
    '.github/agents/**/*.agent.md',
    '**/*.agent.md',
    '.github/chatmodes/**/*.chatmode.md',
    '.github/prompts/**/*.prompt.md',
  ],
  // the picker and the label: who sees the agent, never what it may do
  inert: ['target', 'user-invokable', 'user-invocable', 'agent'],
  authority: {
    tools: 'agent: tools, tool sets, server/* and server/tool it may use (absent: every tool)',
    'mcp-servers': 'servers the agent starts, its own',
    handoffs: 'agents it may hand the conversation to',
    infer: 'whether it may be chosen as a subagent',
    'disable-model-invocation': 'whether the model may invoke it',
    model: 'the model it runs on',
    servers: '.vscode/mcp.json: the servers VS Code starts',
  },
  ordered: {},
};
