import { describe, expect, it } from 'vitest';
import { cursorMcpJsonAdapter } from '../../../src/sources/formats/cursor-mcp-json.js';
import { codes, fixture } from '../load-fixture.js';

describe('Cursor .cursor/mcp.json', () => {
  const model = cursorMcpJsonAdapter.parse(fixture('cursor/mcp.json', '.cursor/mcp.json'));

  it('reads a url without type as a streamable-http server, its host as egress', () => {
    expect(model.servers[0]).toMatchObject({
      name: 'issues',
      origin: 'cursor-mcp-json',
      transport: { type: 'http', url: 'https://issues.example.com/mcp' },
      egress: ['issues.example.com'],
      credentials: [{ name: 'API_KEY', scopes: [] }],
      source: { path: '.cursor/mcp.json', line: 3 },
    });
  });

  it('treats an ${env:…} reference as no secret, and @latest as unpinned', () => {
    expect(codes(model.findings)).toEqual(['warning:server-package-unpinned:9:mcpServers.lint.args']);
  });
});
