import { DENY_ASK_ALLOW } from './orders.js';
import type { ClientProfile } from './types.js';

export const KIRO: ClientProfile = {
  client: 'kiro',
  name: 'Kiro',
  docs: [
    'https://kiro.dev/docs/mcp/configuration/',
    'https://kiro.dev/docs/cli/custom-agents/configuration-reference/',
  ],
  adapters: ['kiro-mcp-json', 'kiro-agents', 'kiro-hooks'],
  files: ['.kiro/settings/mcp.json', '.kiro/agents/**', '.kiro/hooks/**'],
  inert: [],
  authority: {
    mcpServers: 'the servers Kiro starts',
    autoApprove: 'tools of a server run without asking',
    disabled: 'a server switched off',
    tools: 'an agent: the tools it may use',
    allowedTools: 'an agent: tools run without asking',
  },
  ordered: { permission: DENY_ASK_ALLOW },
};
