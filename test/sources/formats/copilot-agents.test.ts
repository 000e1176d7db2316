import { describe, expect, it } from 'vitest';
import { copilotAgentsAdapter } from '../../../src/sources/formats/copilot-agents.js';
import { markdown, sourceFile } from '../fixture.js';

const parse = (text: string, path = '.github/agents/triage.agent.md') =>
  copilotAgentsAdapter.parse(sourceFile(path, text));

describe('Copilot / VS Code custom agents', () => {
  it('reads tools as written: tool sets, namespaced tools, server/* and quoted names', () => {
    const model = parse(
      markdown(
        "name: Triage\ndescription: Triage issues\ntools: ['read', 'edit/editFiles', \"github/*\", 'Azure MCP/docs']\nmodel: gpt-5",
      ),
    );
    expect(model.findings).toEqual([]);
    expect(model.agents[0]).toMatchObject({
      id: 'copilot:agents/triage',
      tools: ['read', 'edit/editFiles', 'github/*', 'Azure MCP/docs'],
      model: 'gpt-5',
      meta: { name: 'Triage', description: 'Triage issues' },
    });
  });

  it('a comma string of tools', () => {
    expect(parse(markdown('tools: read, runCommands')).agents[0]!.tools).toEqual(['read', 'runCommands']);
  });

  it('an agent without tools binds every tool', () => {
    expect(parse(markdown('name: a')).agents[0]!.tools).toEqual(['*']);
  });

  it('an agent gaining runCommands gains a binding', () => {
    const before = parse(markdown("tools: ['read']")).agents[0]!.tools;
    const after = parse(markdown("tools: ['read', 'runCommands']")).agents[0]!.tools;
    expect(after!.filter((name) => !before!.includes(name))).toEqual(['runCommands']);
  });

  it('an mcp-servers block is a server: credentials are header and env names, egress the url host', () => {
    const model = parse(
      markdown(
        [
          "tools: ['ops/*']",
          'mcp-servers:',
          '  ops:',
          '    type: http',
          '    url: https://ops.example.com/mcp',
          '    headers: { Authorization: "Bearer ${{ secrets.OPS_TOKEN }}" }',
          "    tools: ['*']",
          '  local:',
          '    type: local',
          '    command: npx',
          '    args: [-y, some-server@1.2.3, 8080]',
          '    env: { API_KEY: x }',
          '    tools: [b, a]',
        ].join('\n'),
      ),
    );
    expect(model.findings).toEqual([]);
    expect(model.servers).toMatchObject([
      {
        name: 'ops',
        origin: 'copilot-agents',
        transport: {
          type: 'http',
          url: 'https://ops.example.com/mcp',
          headers: { Authorization: expect.stringMatching(/^sha256:/u) },
        },
        credentials: [{ name: 'Authorization', scopes: [] }],
        egress: ['ops.example.com'],
        source: { path: '.github/agents/triage.agent.md', line: 4 },
      },
      {
        name: 'local',
        origin: 'copilot-agents',
        transport: {
          type: 'stdio',
          command: 'npx',
          args: ['-y', 'some-server@1.2.3', '8080'],
          env: { API_KEY: expect.stringMatching(/^sha256:/u) },
        },
        credentials: [{ name: 'API_KEY', scopes: [] }],
        egress: ['*'],
        includeTools: ['a', 'b'],
        source: { path: '.github/agents/triage.agent.md', line: 9 },
      },
    ]);
    // the secret's value is never kept in the agent's meta
    expect(JSON.stringify(model.agents[0]!.meta)).not.toContain('OPS_TOKEN');
  });

  it('mcpServers (camel case) is read too; type remote with a command is a local process', () => {
    const model = parse(
      markdown(
        'mcpServers:\n  x:\n    type: remote\n    command: npx\n    args: [mcp-remote, "https://{HOST}/mcp"]',
      ),
    );
    expect(model.servers[0]).toMatchObject({
      name: 'x',
      transport: { type: 'stdio', command: 'npx' },
      egress: ['*'],
    });
  });

  it('a server entry that is not a mapping, or a block that is not one, is an error finding', () => {
    expect(parse(markdown('mcp-servers:\n  x: yes')).findings).toEqual([
      expect.objectContaining({ code: 'source-parse', field: 'mcp-servers.x' }),
    ]);
    expect(parse(markdown('mcp-servers: 3')).findings).toEqual([
      expect.objectContaining({ code: 'source-parse', field: 'mcp-servers' }),
    ]);
  });

  it('a server with neither command nor url has an unknown transport and egress anywhere', () => {
    expect(parse(markdown('mcp-servers:\n  x: {link: https://a}')).servers[0]).toMatchObject({
      transport: { type: 'unknown' },
      egress: ['*'],
    });
  });

  it('handoffs are authority; an unknown key is an info finding', () => {
    const model = parse(
      markdown('handoffs:\n  - label: Go\n    agent: deploy\n    send: true\nautoApprove: true'),
    );
    expect(model.permissions.map((rule) => rule.tool)).toEqual(['handoffs', 'autoApprove']);
    expect(model.findings).toEqual([
      expect.objectContaining({ code: 'unknown-authority-key', severity: 'info', field: 'autoApprove' }),
    ]);
  });

  it('files outside .github/agents keep their folder in the id', () => {
    expect(parse(markdown('name: a'), 'agents/terraform.agent.md').agents[0]!.id).toBe(
      'copilot:agents/terraform',
    );
  });
});
