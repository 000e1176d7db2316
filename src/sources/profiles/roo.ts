import type { ClientProfile } from './types.js';

export const ROO: ClientProfile = {
  client: 'roo',
  name: 'Roo Code',
  docs: [
    'https://docs.roocode.com/features/custom-modes',
    'https://docs.roocode.com/features/mcp/using-mcp-in-roo',
  ],
  adapters: ['roo-mcp-json', 'roo-modes'],
  files: ['.roomodes', '.roo/mcp.json'],
  inert: ['iconName'],
  authority: {
    customModes: 'modes with their tool groups',
    groups: 'a mode: read, edit (with a file pattern), browser, command, mcp',
    mcpServers: 'the servers Roo starts',
    alwaysAllow: 'tools of a server run without asking',
    disabled: 'a server switched off',
  },
  ordered: {},
};
