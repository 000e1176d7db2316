import type { ClientProfile } from './types.js';

export const WINDSURF: ClientProfile = {
  client: 'windsurf',
  name: 'Windsurf',
  docs: [
    'https://docs.windsurf.com/windsurf/cascade/mcp',
    'https://docs.windsurf.com/windsurf/cascade/hooks',
  ],
  adapters: ['windsurf-hooks'],
  files: ['.windsurf/hooks.json', '.windsurf/rules/**', '.windsurf/workflows/**'],
  inert: [],
  authority: {
    hooks: 'commands run on events, nobody asking',
    mcpServers: 'the servers Windsurf starts',
  },
  ordered: {},
};
