import { describe, expect, it } from 'vitest';
import { mcpServerJsonAdapter } from '../../../src/sources/formats/mcp-server-json.js';
import { codes, fixture, inline } from '../load-fixture.js';

const parse = (text: string) => mcpServerJsonAdapter.parse(inline('server.json', text));

describe('MCP registry server.json', () => {
  const model = mcpServerJsonAdapter.parse(fixture('server-json/server.json', 'server.json'));
  const byName = new Map(model.servers.map((s) => [s.name, s]));

  it('makes each package and each remote a server, named by the server and its kind', () => {
    expect(model.servers.map((s) => [s.name, s.transport.type, s.source.line])).toEqual([
      ['io.github.acme/notes/npm', 'stdio', 6],
      ['io.github.acme/notes/pypi', 'stdio', 15],
      ['io.github.acme/notes/oci', 'stdio', 21],
      ['io.github.acme/notes/remote', 'http', 31],
      ['io.github.acme/notes/remote-2', 'sse', 36],
    ]);
    expect(
      model.servers.every((s) => s.origin === 'mcp-server-json' && s.source.path === 'server.json'),
    ).toBe(true);
  });

  it('runs packages through their registry launcher, pinned to the declared version', () => {
    expect(byName.get('io.github.acme/notes/npm')?.transport).toMatchObject({
      type: 'stdio',
      command: 'npx',
      args: ['@acme/notes-mcp@2.0.1'],
    });
    expect(byName.get('io.github.acme/notes/pypi')?.transport.args).toEqual([
      'acme-notes-mcp',
      '--root',
      '/notes',
    ]);
    expect(byName.get('io.github.acme/notes/oci')?.transport.command).toBe('docker');
  });

  it('takes environment variable, -e and header names as credentials', () => {
    expect(byName.get('io.github.acme/notes/npm')?.credentials.map((c) => c.name)).toEqual(['NOTES_TOKEN']);
    expect(byName.get('io.github.acme/notes/oci')?.credentials.map((c) => c.name)).toEqual(['NOTES_TOKEN']);
    expect(byName.get('io.github.acme/notes/remote')?.credentials.map((c) => c.name)).toEqual([
      'Authorization',
    ]);
  });

  it('gives remotes their host as egress and packages *', () => {
    expect(byName.get('io.github.acme/notes/remote')?.egress).toEqual(['notes.example.com']);
    expect(byName.get('io.github.acme/notes/npm')?.egress).toEqual(['*']);
  });

  it('flags a package without a version and an image without a digest; a literal header value is a secret', () => {
    expect(codes(model.findings)).toEqual([
      'warning:server-package-unpinned:15:packages.1',
      'warning:server-package-unpinned:21:packages.2',
      'warning:secret-in-config:39:remotes.1.headers.0.value',
    ]);
    expect(JSON.stringify(model)).not.toContain('sk-abcdef');
  });

  it('reads the early snake_case draft', () => {
    const early = parse(
      '{"name": "x", "packages": [{"registry_name": "npm", "name": "x-mcp", "version": "1.0.0", "environment_variables": [{"name": "K"}]}]}',
    );
    expect(early.servers[0]).toMatchObject({
      name: 'x/npm',
      transport: { command: 'npx', args: ['x-mcp@1.0.0'] },
      credentials: [{ name: 'K' }],
    });
    expect(early.findings).toEqual([]);
  });

  it('reads a JSON file that is no registry document as declaring nothing', () => {
    const model = parse('{"port": 8080}');
    expect(model.servers).toEqual([]);
    expect(codes(model.findings)).toEqual([]);
    expect(model.permissions.map((rule) => rule.rule)).toEqual(['port=8080']);
  });

  it('reports packages that are not a list, and packages with no way to run them', () => {
    expect(codes(parse('{"name": "x", "packages": {"a": 1}}').findings)).toEqual([
      'error:source-shape:1:packages',
    ]);
    expect(
      codes(parse('{"name": "x", "packages": [{"registryType": "mystery", "identifier": "m"}]}').findings),
    ).toEqual(['warning:server-not-launchable:1:packages.0', 'warning:server-package-unpinned:1:packages.0']);
  });
});

describe('MCP registry server.json: prototype names in values', () => {
  it('finds no launcher for registryType "constructor"', () => {
    const model = mcpServerJsonAdapter.parse(
      inline(
        'server.json',
        '{"name": "x", "packages": [{"registryType": "constructor", "identifier": "m"}]}',
      ),
    );
    expect(model.servers[0]?.transport).toMatchObject({ type: 'unknown' });
  });
});
