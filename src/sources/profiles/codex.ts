import type { ClientProfile } from './types.js';

export const CODEX: ClientProfile = {
  client: 'codex',
  name: 'Codex',
  docs: [
    'https://github.com/openai/codex/blob/main/docs/config.md',
    'https://developers.openai.com/codex/config-reference',
  ],
  adapters: ['codex-config-toml', 'codex-agents', 'codex-plugin'],
  files: ['.codex/config.toml', '.codex/agents/*.toml'],
  inert: [],
  authority: {
    mcp_servers: 'the servers Codex starts',
    approval_policy: 'when Codex asks before running a command',
    sandbox_mode: 'what commands may touch',
    sandbox_workspace_write: 'writable roots and network of the workspace-write sandbox',
    notify: 'a program run after every turn',
    profiles: 'named sets of these settings, chosen at start',
    shell_environment_policy: 'the environment commands see',
  },
  ordered: {
    sandbox_mode: {
      tiers: [['read-only'], ['workspace-write'], ['danger-full-access']],
      meaning: 'read-only touches nothing; workspace-write writes the workspace; danger-full-access anything',
    },
    approval_policy: {
      tiers: [['untrusted'], ['on-request', 'on-failure'], ['never']],
      meaning: 'more runs unasked from untrusted to never',
    },
  },
};
