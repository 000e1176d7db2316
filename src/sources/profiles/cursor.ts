import type { ClientProfile } from './types.js';

export const CURSOR: ClientProfile = {
  client: 'cursor',
  name: 'Cursor',
  docs: ['https://cursor.com/docs/context/mcp', 'https://cursor.com/docs/cli/reference/permissions'],
  adapters: ['cursor-mcp-json', 'cursor-cli', 'cursor-hooks'],
  files: ['.cursor/mcp.json', '.cursor/cli.json', '.cursor/hooks.json'],
  inert: [],
  authority: {
    mcpServers: 'the servers Cursor starts',
    'permissions.allow': 'cli rules that run without asking',
    'permissions.deny': 'cli rules refused',
  },
  ordered: {},
};
