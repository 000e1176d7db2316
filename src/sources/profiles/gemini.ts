import type { ClientProfile } from './types.js';

export const GEMINI: ClientProfile = {
  client: 'gemini',
  name: 'Gemini CLI',
  docs: [
    'https://github.com/google-gemini/gemini-cli/blob/main/docs/get-started/configuration.md',
    'https://github.com/google-gemini/gemini-cli/blob/main/docs/tools/mcp-server.md',
  ],
  adapters: ['gemini-settings'],
  files: ['.gemini/settings.json', '**/gemini-extension.json'],
  inert: [],
  authority: {
    mcpServers: 'the servers Gemini starts',
    'mcpServers.*.trust': 'skips every confirmation for the server',
    'mcp.allowed': 'servers allowed by name',
    'mcp.excluded': 'servers switched off by name',
    tools: 'built-in tools: core list, exclusions, allowed without asking, discovery and call commands',
    coreTools: 'the built-in tools available (v1)',
    excludeTools: 'built-in tools removed (v1)',
    allowedTools: 'tools run without asking (v1)',
    autoAccept: 'runs safe tool calls without asking (v1)',
    toolDiscoveryCommand: 'a command whose output declares tools (v1)',
    toolCallCommand: 'a command that runs those tools (v1)',
    mcpServerCommand: 'a command that starts a server (v1)',
  },
  ordered: {},
};
