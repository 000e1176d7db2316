import { describe, expect, it } from 'vitest';
import { createSourceLookup } from '../../../src/sources/lookup.js';
import { geminiSettingsAdapter } from '../../../src/sources/formats/gemini-settings.js';
import { codes, fixture, inline } from '../load-fixture.js';

describe('Gemini CLI .gemini/settings.json', () => {
  const model = geminiSettingsAdapter.parse(fixture('gemini/settings.json', '.gemini/settings.json'));
  const [docs, stream, local] = model.servers;

  it('reads httpUrl as streamable http and a bare url as SSE', () => {
    expect(docs?.transport).toMatchObject({ type: 'http', url: 'https://docs.example.com/mcp' });
    expect(stream?.transport).toMatchObject({ type: 'sse', url: 'https://stream.example.com/sse' });
    expect(local?.transport).toMatchObject({
      type: 'stdio',
      command: 'python',
      args: ['-m', 'local_mcp'],
      cwd: './tools',
    });
  });

  it('narrows servers by includeTools and excludeTools', () => {
    expect(docs?.includeTools).toEqual(['read', 'search']);
    expect(stream?.excludeTools).toEqual(['delete_all']);
  });

  it('records trust, so a diff sees confirmations switched off', () => {
    expect(docs?.trust).toBe(false);
    expect(local?.trust).toBe(true);
    expect(stream?.trust).toBeUndefined();
  });

  it('reads $VAR references as no secret', () => {
    expect(codes(model.findings)).toEqual([]);
    expect(model.servers.map((s) => s.source.line)).toEqual([5, 11, 15]);
  });

  it('reads a settings file with no servers as granting nothing', () => {
    const model = geminiSettingsAdapter.parse(inline('.gemini/settings.json', '{"general": {}}'));
    expect(model.servers).toEqual([]);
    // no server, but nothing unread either: the unmodelled key is a residual rule
    expect(codes(model.findings)).toEqual([]);
    expect(model.permissions.map((rule) => rule.rule)).toEqual(['general={}']);
  });

  it('reads extension manifests, which carry the same mcpServers', () => {
    expect(createSourceLookup()('extensions/demo/gemini-extension.json')?.id).toBe('gemini-settings');
  });

  it('reports trust written as a string and reads it as trusted, as the client does', () => {
    const odd = geminiSettingsAdapter.parse(
      inline('.gemini/settings.json', '{"mcpServers": {"a": {"command": "x", "trust": "yes"}}}'),
    );
    expect(odd.servers[0]?.trust).toBe(true);
    expect(codes(odd.findings)).toEqual(['error:source-shape:1:mcpServers.a.trust']);
  });
});

describe('Gemini server allow/exclude lists', () => {
  const settings = (extra: string) =>
    geminiSettingsAdapter.parse(
      inline(
        '.gemini/settings.json',
        `{"mcpServers": {"a": {"command": "x"}, "b": {"command": "y"}}, ${extra}}`,
      ),
    );
  const enabled = (extra: string) => settings(extra).servers.map((s) => [s.name, s.enabled]);

  it('switches off servers outside mcp.allowed and inside mcp.excluded (v2), exclusion winning', () => {
    expect(enabled('"mcp": {"allowed": ["a"]}')).toEqual([
      ['a', undefined],
      ['b', false],
    ]);
    expect(enabled('"mcp": {"allowed": ["a", "b"], "excluded": ["a"]}')).toEqual([
      ['a', false],
      ['b', undefined],
    ]);
  });

  it('reads the v1 keys allowMCPServers and excludeMCPServers', () => {
    expect(enabled('"excludeMCPServers": ["b"]')).toEqual([
      ['a', undefined],
      ['b', false],
    ]);
    expect(enabled('"allowMCPServers": []')).toEqual([
      ['a', false],
      ['b', false],
    ]);
  });

  it('reports a server list of the wrong shape and switches nothing off by it', () => {
    const model = settings('"mcp": {"excluded": {"a": true}}');
    expect(model.servers.map((s) => s.enabled)).toEqual([undefined, undefined]);
    expect(codes(model.findings)).toEqual(['error:source-shape:1:mcp.excluded']);
  });
});
