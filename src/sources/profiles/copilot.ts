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
  adapters: [
    'vscode-mcp-json',
    'copilot-mcp-json',
    'copilot-agents',
    'copilot-chatmodes',
    'copilot-prompts',
    'copilot-hooks',
    'vscode-settings',
  ],
  files: [
    '.vscode/mcp.json',
    'mcp.json',
    '.github/agents/**/*.agent.md',
    '**/*.agent.md',
    '.github/chatmodes/**/*.chatmode.md',
    '.github/prompts/**/*.prompt.md',
  ],
  // the picker and the label: who sees the agent in the dropdown, never what it may do (`infer` and
  // `disable-model-invocation` decide whether another agent may call it, and stay authority)
  inert: ['target', 'user-invokable', 'user-invocable'],
  authority: {
    tools: 'agent: tools, tool sets, server/* and server/tool it may use (absent: every tool)',
    'mcp-servers': 'servers the agent starts, its own',
    handoffs: 'agents it may hand the conversation to',
    infer: 'whether it may be chosen as a subagent',
    'disable-model-invocation': 'whether the model may invoke it',
    model: 'the model it runs on',
    agent: 'prompt file: the agent it runs in, and so the tools it has',
    mode: 'prompt file: the earlier name of agent',
    servers: '.vscode/mcp.json: the servers VS Code starts',
  },
  ordered: {},
};
