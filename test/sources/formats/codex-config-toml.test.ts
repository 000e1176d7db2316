import { describe, expect, it } from 'vitest';
import { codexConfigTomlAdapter } from '../../../src/sources/formats/codex-config-toml.js';
import { codes, fixture, inline } from '../load-fixture.js';

const parse = (text: string) => codexConfigTomlAdapter.parse(inline('.codex/config.toml', text));

describe('Codex .codex/config.toml', () => {
  const model = codexConfigTomlAdapter.parse(fixture('codex/config.toml', '.codex/config.toml'));
  const [tracker, browser, hdr] = model.servers;

  it('reads one server per [mcp_servers.*] table, at the line of its header (quoted names too)', () => {
    expect(model.servers.map((s) => [s.name, s.transport.type, s.source.line, s.origin])).toEqual([
      ['tracker', 'http', 4, 'codex-config-toml'],
      ['browser-dev', 'stdio', 9, 'codex-config-toml'],
      ['hdr', 'http', 19, 'codex-config-toml'],
    ]);
  });

  it('takes bearer_token_env_var, env_vars, env and header names as credentials', () => {
    expect(tracker?.credentials.map((c) => c.name)).toEqual(['TRACKER_TOKEN']);
    expect(browser?.credentials.map((c) => c.name)).toEqual(['BROWSER_API_KEY', 'HOME_DIR']);
    expect(hdr?.credentials.map((c) => c.name)).toEqual(['HDR_KEY', 'X-Api-Key']);
  });

  it('reads enabled_tools / disabled_tools as allow and deny lists, and enabled = false', () => {
    expect(tracker?.includeTools).toEqual(['get_issue', 'list_issues']);
    expect(browser?.excludeTools).toEqual(['evaluate']);
    expect(browser?.enabled).toBe(false);
    expect(tracker?.enabled).toBeUndefined();
  });

  it('reports a literal key in an env table at its own line, without the value', () => {
    expect(codes(model.findings)).toEqual([
      'warning:secret-in-config:17:mcp_servers.browser-dev.env.BROWSER_API_KEY',
    ]);
    expect(JSON.stringify(model)).not.toContain('9f8e7d6c5b4a');
  });

  it('reads a config without MCP servers as granting none', () => {
    expect(
      parse('approval_policy = "never"\n[sandbox_workspace_write]\nnetwork_access = true\n'),
    ).toMatchObject({ servers: [], findings: [] });
  });

  it('turns invalid TOML (a redefined table) into one source-parse error at its line', () => {
    const model = parse('[mcp_servers.a]\ncommand = "x"\n[mcp_servers.a]\ncommand = "y"\n');
    expect(model.servers).toEqual([]);
    expect(codes(model.findings)).toEqual(['error:source-parse:3:']);
  });

  it('reports a server table written as a plain value', () => {
    expect(codes(parse('mcp_servers = "all"\n').findings)).toEqual(['error:source-shape:1:mcp_servers']);
    expect(codes(parse('[mcp_servers]\na = 3\n').findings)).toEqual(['error:source-shape:2:mcp_servers.a']);
  });

  it('reports a __proto__ table and builds no server from it', () => {
    const model = parse('[mcp_servers.__proto__]\ncommand = "x"\n[mcp_servers.ok]\ncommand = "node"\n');
    expect(model.servers.map((s) => s.name)).toEqual(['ok']);
    expect(codes(model.findings)).toEqual(['error:source-unsafe-key:1:mcp_servers.__proto__']);
  });

  it('reads a BOM and CRLF line endings', () => {
    const model = parse(
      '\ufeff[mcp_servers.a]\r\nurl = "https://a.example"\r\n\r\n[mcp_servers.b]\r\ncommand = "node"\r\n',
    );
    expect(model.servers.map((s) => [s.name, s.source.line])).toEqual([
      ['a', 1],
      ['b', 4],
    ]);
  });

  it('survives hostile nesting', () => {
    expect(codes(parse(`a = ${'['.repeat(20000)}${']'.repeat(20000)}\n`).findings)[0]).toMatch(
      /^error:source-parse/,
    );
  });
});
