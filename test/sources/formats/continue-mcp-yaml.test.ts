import { describe, expect, it } from 'vitest';
import { continueMcpYamlAdapter } from '../../../src/sources/formats/continue-mcp-yaml.js';
import { createSourceLookup } from '../../../src/sources/lookup.js';
import { codes, fixture, inline } from '../load-fixture.js';

const parse = (text: string) => continueMcpYamlAdapter.parse(inline('.continue/mcpServers/x.yaml', text));

describe('Continue .continue/mcpServers/*.yaml', () => {
  const model = continueMcpYamlAdapter.parse(
    fixture('continue/browser.yaml', '.continue/mcpServers/browser.yaml'),
  );

  it('reads mcpServers as a list of entries named by their name key', () => {
    expect(model.servers.map((s) => [s.name, s.transport.type, s.source.line, s.origin])).toEqual([
      ['Web Browser', 'stdio', 5, 'continue-mcp-yaml'],
      ['search', 'sse', 11, 'continue-mcp-yaml'],
    ]);
    expect(model.servers[0]?.credentials.map((c) => c.name)).toEqual([]);
    expect(Object.keys(model.servers[0]?.transport.env ?? {})).toEqual(['BROWSER_PROFILE']);
    expect(model.servers[1]?.egress).toEqual(['search.example.com']);
    expect(model.findings).toEqual([]);
    expect(createSourceLookup()('.continue/mcpServers/browser.yaml')?.id).toBe('continue-mcp-yaml');
  });

  it('reports entries without a name, duplicate names, and a map instead of a list', () => {
    expect(codes(parse('mcpServers:\n  - command: x\n').findings)).toEqual([
      'error:source-shape:2:mcpServers.0',
    ]);
    expect(
      codes(parse('mcpServers:\n  - name: a\n    command: x\n  - name: a\n    command: y\n').findings),
    ).toEqual(['error:source-duplicate-key:4:mcpServers.1']);
    expect(codes(parse('mcpServers:\n  a:\n    command: x\n').findings)).toEqual([
      'error:source-shape:1:mcpServers',
    ]);
  });

  it('refuses aliases and broken YAML with a source-parse error', () => {
    expect(codes(parse('a: &x [1]\nmcpServers: *x\n').findings)).toEqual(['error:source-parse:2:']);
    expect(codes(parse('mcpServers: [\n').findings)[0]).toMatch(/^error:source-parse:/);
  });

  it('reports duplicate keys inside an entry', () => {
    expect(codes(parse('mcpServers:\n  - name: a\n    command: x\n    command: y\n').findings)).toEqual([
      'error:source-duplicate-key:4:mcpServers.0.command',
    ]);
  });
});
