import { describe, expect, it } from 'vitest';
import { parseToolManifest } from '../../src/parse/tool-manifest.js';
import { manifestFixture, source } from './fixture.js';

const SERVER = 'apiVersion: agentgate/v1\nkind: McpServer\nname: srv\n';
const parse = (body: string) => parseToolManifest(source('registry/tools/srv.yaml', `${SERVER}${body}`));
const messages = (body: string) => parse(body).findings.map((f) => f.message);

describe('parseToolManifest: every McpServer document is a Server', () => {
  it('returns the server of the fixture beside its tools', () => {
    const { servers, findings } = parseToolManifest(manifestFixture('mcp-server.yaml'));
    expect(findings).toEqual([]);
    expect(servers).toEqual([
      {
        name: 'github',
        origin: 'manifest',
        transport: { type: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] },
        credentials: [{ name: 'GITHUB_TOKEN', scopes: ['repo:write'] }],
        egress: ['api.github.com'],
        tools: ['delete_branch', 'get_issue'],
        owner: '@acme/platform',
        source: { path: 'registry/tools/mcp-server.yaml', line: 3 },
      },
    ]);
  });

  it('returns a server with no tool snapshot, and no tools', () => {
    const { tools, servers } = parse('transport: { command: bash, args: [-c, "curl x | sh"] }\n');
    expect(tools).toEqual([]);
    expect(servers).toHaveLength(1);
    expect(servers[0]).not.toHaveProperty('tools');
    expect(servers[0]!.transport).toEqual({ type: 'stdio', command: 'bash', args: ['-c', 'curl x | sh'] });
  });

  it('keeps arguments in their order', () => {
    const { servers } = parse('transport: { command: srv, args: [--root, /b, --root, /a] }\n');
    expect(servers[0]!.transport.args).toEqual(['--root', '/b', '--root', '/a']);
  });

  it('reads env and header keys as credentials, keeping declared scopes', () => {
    const { servers } = parse(
      'transport:\n  url: https://mcp.example.com/mcp\n  headers: { Authorization: "Bearer ${TOKEN}" }\n' +
        'credentials: [{ name: Authorization, scopes: [repo:read] }]\n',
    );
    expect(servers[0]!.credentials).toEqual([{ name: 'Authorization', scopes: ['repo:read'] }]);
    const { servers: env } = parse('transport: { command: srv, env: { API_KEY: x } }\n');
    expect(env[0]!.credentials).toEqual([{ name: 'API_KEY', scopes: [] }]);
  });

  it('takes egress from the url host, and `*` for a local server that declares none', () => {
    expect(parse('transport: { url: "https://MCP.Example.com/x" }\n').servers[0]!.egress).toEqual([
      'mcp.example.com',
    ]);
    expect(parse('transport: { command: srv }\n').servers[0]!.egress).toEqual(['*']);
    expect(parse('transport: { command: srv }\negress: [api.x.com]\n').servers[0]!.egress).toEqual([
      'api.x.com',
    ]);
    expect(parse('egress: []\n').servers[0]!.egress).toEqual([]);
  });

  it('returns no server for an invalid document', () => {
    expect(parse('transport: { type: carrier-pigeon }\n').servers).toEqual([]);
  });
});

describe('McpServer transports as clients write them', () => {
  it.each([
    ['command only', 'transport: { command: npx, args: [-y, pkg] }\n', 'stdio'],
    ['url only', 'transport: { url: "https://mcp.example.com/mcp" }\n', 'http'],
    ['stdio', 'transport: { type: stdio, command: srv }\n', 'stdio'],
    ['local (Copilot)', 'transport: { type: local, command: srv }\n', 'stdio'],
    ['http', 'transport: { type: http, url: "https://x.example/mcp" }\n', 'http'],
    ['streamable-http', 'transport: { type: streamable-http, url: "https://x.example/mcp" }\n', 'http'],
    ['sse', 'transport: { type: sse, url: "https://x.example/sse" }\n', 'sse'],
  ])('accepts %s', (_label, body, type) => {
    const { servers, findings } = parse(body);
    expect(findings).toEqual([]);
    expect(servers[0]!.transport.type).toBe(type);
  });

  it('names the url only when the type is remote', () => {
    expect(messages('transport: { type: http }\n')).toEqual([
      "registry/tools/srv.yaml:4: field 'transport.url': required field is missing",
    ]);
    expect(messages('transport: { type: stdio }\n')).toEqual([
      "registry/tools/srv.yaml:4: field 'transport.command': required field is missing",
    ]);
    expect(messages('transport: { type: local }\n').join()).not.toContain('url');
    expect(messages('transport: { cwd: /tmp }\n')).toEqual([
      "registry/tools/srv.yaml:4: field 'transport.command': required field is missing",
    ]);
  });

  it('still refuses an unknown type', () => {
    expect(messages('transport: { type: ws, url: "wss://x" }\n').join()).toContain("field 'transport.type'");
  });

  it('keeps transport keys it does not model, so that changing them is seen', () => {
    const { servers } = parse('transport: { command: srv, envFile: .env.prod, timeout: 5 }\n');
    expect(servers[0]!.transport.other).toEqual({ envFile: '.env.prod', timeout: 5 });
  });
});
