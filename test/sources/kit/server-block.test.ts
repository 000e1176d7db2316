import { describe, expect, it } from 'vitest';
import { claudeMcpJsonAdapter } from '../../../src/sources/formats/claude-mcp-json.js';
import { copilotAgentsAdapter } from '../../../src/sources/formats/copilot-agents.js';
import { ghAwWorkflowsAdapter } from '../../../src/sources/formats/gh-aw-workflows.js';
import { markdown, sourceFile } from '../fixture.js';

// One way to read a server entry: an agent's mcp-servers block goes through the client-config entry reader.

const strip = ({ origin: _o, source: _s, ...rest }: Record<string, unknown>) => rest;

describe('mcp-servers blocks read by the entry reader', () => {
  it('gives the same server as the same entry in .mcp.json', () => {
    const agent = copilotAgentsAdapter.parse(
      sourceFile(
        '.github/agents/ops.agent.md',
        markdown(
          "tools: ['ops/*']\nmcp-servers:\n  ops:\n    command: npx\n    args: ['-y', 'ops-server@1.2.3', 8080]\n    env:\n      OPS_TOKEN: x",
        ),
      ),
    );
    const config = claudeMcpJsonAdapter.parse(
      sourceFile(
        '.mcp.json',
        JSON.stringify({
          mcpServers: {
            ops: {
              command: 'npx',
              args: ['-y', 'ops-server@1.2.3', '8080'],
              env: { OPS_TOKEN: 'x' },
            },
          },
        }),
      ),
    );
    expect(agent.servers).toHaveLength(1);
    expect(strip(agent.servers[0] as never)).toEqual(strip(config.servers[0] as never));
    expect(agent.servers[0]?.source).toEqual({ path: '.github/agents/ops.agent.md', line: 4 });
  });

  it('reports an unpinned package in a block as a client config would', () => {
    const agent = copilotAgentsAdapter.parse(
      sourceFile(
        '.github/agents/ops.agent.md',
        markdown("mcp-servers:\n  ops:\n    command: npx\n    args: ['-y', 'ops-server']"),
      ),
    );
    expect(agent.findings.map((f) => f.code)).toContain('server-package-unpinned');
  });

  it('reads a gh-aw container server as a docker process', () => {
    const model = ghAwWorkflowsAdapter.parse(
      sourceFile(
        '.github/workflows/ask.md',
        markdown(
          'on: issues\nmcp-servers:\n  box:\n    container: "ghcr.io/x/box@sha256:abc"\n    entrypointArgs: ["serve"]',
        ),
      ),
    );
    expect(model.servers[0]?.transport).toMatchObject({
      type: 'stdio',
      command: 'docker',
      args: ['run', '--rm', '-i', 'ghcr.io/x/box@sha256:abc', 'serve'],
    });
  });
});
