import { describe, expect, it } from 'vitest';
import { vscodeMcpJsonAdapter } from '../../../src/sources/formats/vscode-mcp-json.js';
import { codes, fixture, inline } from '../load-fixture.js';

describe('VS Code .vscode/mcp.json', () => {
  const model = vscodeMcpJsonAdapter.parse(fixture('vscode/mcp.json', '.vscode/mcp.json'));
  const [github, db] = model.servers;

  it('reads servers from JSONC with comments and trailing commas, at the line of each key', () => {
    expect(model.servers.map((s) => [s.name, s.transport.type, s.source.line, s.origin])).toEqual([
      ['github', 'http', 7, 'vscode-mcp-json'],
      ['db', 'stdio', 13, 'vscode-mcp-json'],
    ]);
  });

  it('reads an ${input:…} header as a credential name, not a literal secret', () => {
    expect(github?.credentials.map((c) => c.name)).toEqual(['Authorization']);
    expect(github?.egress).toEqual(['api.githubcopilot.com']);
  });

  it('records envFile as a credential source', () => {
    expect(db?.credentials.map((c) => c.name)).toEqual(['envFile:${workspaceFolder}/.env']);
  });

  it('reports an ${input:…} that names no declared input, and accepts a pinned uvx package', () => {
    expect(codes(model.findings)).toEqual(['warning:source-unknown-input:17:servers.db.env.DB_URL']);
  });

  it('reads the older settings.json embedding under mcp.servers', () => {
    const nested = vscodeMcpJsonAdapter.parse(
      inline(
        '.vscode/mcp.json',
        '{"mcp": {"servers": {"a": {"type": "sse", "url": "http://localhost:9/sse"}}}}',
      ),
    );
    expect(nested.servers.map((s) => [s.name, s.transport.type, s.egress])).toEqual([
      ['a', 'sse', ['localhost']],
    ]);
  });

  it('does not read mcpServers, which VS Code ignores in this file', () => {
    expect(
      vscodeMcpJsonAdapter.parse(inline('.vscode/mcp.json', '{"mcpServers": {"a": {"command": "x"}}}'))
        .servers,
    ).toEqual([]);
  });

  it('turns broken JSONC into a source-parse error with its line', () => {
    expect(
      codes(
        vscodeMcpJsonAdapter.parse(inline('.vscode/mcp.json', '{\n"servers": {\n"a": {"command": }\n}\n}'))
          .findings,
      ),
    ).toEqual(['error:source-parse:3:']);
  });
});
