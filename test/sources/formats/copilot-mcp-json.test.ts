import { describe, expect, it } from 'vitest';
import { copilotMcpJsonAdapter } from '../../../src/sources/formats/copilot-mcp-json.js';
import { codes, fixture, inline } from '../load-fixture.js';

describe('Copilot CLI root mcp.json', () => {
  const model = copilotMcpJsonAdapter.parse(fixture('copilot/mcp.json', 'mcp.json'));

  it('reads type local as stdio', () => {
    expect(model.servers.map((s) => [s.name, s.transport.type, s.origin])).toEqual([
      ['workflows', 'stdio', 'copilot-mcp-json'],
      ['everything', 'stdio', 'copilot-mcp-json'],
      ['remote', 'http', 'copilot-mcp-json'],
    ]);
    expect(model.findings).toEqual([]);
  });

  it('takes the tools allowlist as includeTools, sorted and de-duplicated', () => {
    expect(model.servers[0]?.includeTools).toEqual(['compile', 'status']);
    expect(model.servers[2]?.includeTools).toEqual(['fetch', 'search']);
  });

  it('reads tools ["*"] as no narrowing at all', () => {
    expect(model.servers[1]?.includeTools).toBeUndefined();
  });

  it('reports a tools list of the wrong shape', () => {
    const bad = copilotMcpJsonAdapter.parse(
      inline('mcp.json', '{"mcpServers": {"a": {"command": "x", "tools": {"k": 1}}}}'),
    );
    expect(codes(bad.findings)).toEqual(['error:source-shape:1:mcpServers.a.tools']);
  });
});
