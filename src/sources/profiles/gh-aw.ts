import { TOKEN_ALL, TOKEN_SCOPE } from './orders.js';
import type { ClientProfile } from './types.js';

export const GH_AW: ClientProfile = {
  client: 'gh-aw',
  name: 'GitHub Agentic Workflows',
  docs: [
    'https://githubnext.github.io/gh-aw/reference/frontmatter/',
    'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions',
  ],
  adapters: ['gh-aw-workflows'],
  files: ['.github/workflows/*.md', '.github/workflows/*.lock.yml'],
  // where the workflow came from, its labels and tracker id describe it; `timeout-minutes` bounds how long it runs,
  // never what it may do
  inert: ['source', 'labels', 'tracker-id', 'timeout-minutes'],
  authority: {
    on: 'when the agent job runs',
    permissions: 'the Actions token of the job',
    tools: 'the tools the agent may use',
    'mcp-servers': 'servers the workflow starts, its own',
    network: 'hosts the agent may reach',
    'safe-outputs': 'what the workflow publishes on the agent’s behalf',
    roles: 'who may trigger the workflow',
    engine: 'the agent engine and its settings',
    steps: 'commands run before the agent',
  },
  ordered: {
    permissions: TOKEN_ALL,
    'permissions.*': TOKEN_SCOPE,
    roles: {
      // fewer roles is narrower: compared as a set, where `all` covers every role
      tiers: [['read'], ['triage'], ['write'], ['maintain'], ['admin'], ['all']],
      meaning: 'repository roles allowed to trigger; all is anyone',
    },
  },
};
