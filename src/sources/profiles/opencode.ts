import { DENY_ASK_ALLOW } from './orders.js';
import type { ClientProfile } from './types.js';

export const OPENCODE: ClientProfile = {
  client: 'opencode',
  name: 'OpenCode',
  docs: [
    'https://opencode.ai/docs/config/',
    'https://opencode.ai/docs/permissions/',
    'https://opencode.ai/docs/agents/',
    'https://opencode.ai/docs/mcp-servers/',
  ],
  adapters: ['opencode-json'],
  files: ['opencode.json', 'opencode.jsonc', '.opencode/agent/*.md'],
  inert: [],
  authority: {
    mcp: 'the servers OpenCode starts',
    permission: 'edit, bash, webfetch…: deny, ask or allow, per command pattern for bash',
    agent: 'agents with their own model, tools and permission',
    plugin: 'packages loaded as code into OpenCode',
    tools: 'tools switched on or off',
  },
  // OpenCode allows every operation a config does not restrict
  ordered: { permission: { ...DENY_ASK_ALLOW, unset: 'allow' } },
};
