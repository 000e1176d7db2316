// A small agent repository with one of each kind of authority: a registry tool pair that makes a dangerous path,
// a Claude Code agent with a shell and a web fetcher, an MCP server without a tool snapshot and a permission rule.
import type { TempRepo } from '../helpers/temp-repo.js';

export const TOOLS = {
  'registry/tools/read_ticket.yaml': `apiVersion: agentgate/v1
kind: Tool
name: read_ticket
description: Read a support ticket.
effect: read
scopes: [tickets:read]
untrustedInput: true
`,
  'registry/tools/issue_refund.yaml': `apiVersion: agentgate/v1
kind: Tool
name: issue_refund
description: Refund a captured payment.
effect: irreversible
scopes: [billing:refund]
`,
};

export function writeAgentRepo(repo: TempRepo, variant = 0): void {
  for (const [path, text] of Object.entries(TOOLS)) repo.write(path, text);
  repo.write(
    'registry/prompts/support.md',
    `---\nid: support\nversion: 1\ntools: [read_ticket, issue_refund]\n---\nYou help customers (${variant}).\n`,
  );
  repo.write(
    '.claude/agents/helper.md',
    '---\nname: helper\ndescription: helps\ntools: Bash, WebFetch\n---\nHelp.\n',
  );
  repo.write('.mcp.json', JSON.stringify({ mcpServers: { web: { command: 'node', args: ['server.js'] } } }));
  repo.write('.claude/settings.json', JSON.stringify({ permissions: { allow: ['Bash(rm -rf:*)'] } }));
}
