import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOURCE_ADAPTERS, findAdapter, parseSource } from '../../../src/sources/formats/index.js';

describe('source adapter registration', () => {
  it.each([
    ['.mcp.json', 'mcp-json'],
    ['plugins/sentry/.mcp.json', 'mcp-json'],
    ['mcp.json', 'copilot-mcp-json'],
    ['.cursor/mcp.json', 'cursor-mcp-json'],
    ['claude_desktop_config.json', 'claude-desktop-config'],
    ['docs/claude_desktop_config.json', 'claude-desktop-config'],
    ['.vscode/mcp.json', 'vscode-mcp-json'],
    ['.gemini/settings.json', 'gemini-settings'],
    ['.codex/config.toml', 'codex-config-toml'],
    ['opencode.json', 'opencode-json'],
    ['opencode.jsonc', 'opencode-json'],
    ['server.json', 'mcp-server-json'],
  ])('finds the adapter of %s without any config', (path, id) => {
    expect(findAdapter(path)?.id).toBe(id);
  });

  it.each([
    'docs/mcp.json',
    '.vscode/settings.json',
    'registry/tools/a.yaml',
    '.mcp.json.bak',
    'x.mcp.json',
    'src/server.json',
    '.codex/config.toml/extra',
  ])('finds no adapter for %s', (path) => {
    expect(findAdapter(path)).toBeUndefined();
  });

  it.each([
    '.mcp.json\n',
    '.mcp\u0000.json',
    '\u001b[31m.mcp.json',
    '/.mcp.json',
    './.mcp.json',
    'a/../.mcp.json',
    'a//.mcp.json',
    '.vscode\\mcp.json',
    '',
  ])('rejects the odd path %j', (path) => {
    expect(findAdapter(path)).toBeUndefined();
  });

  it('has unique ids and a known kind per adapter', () => {
    const ids = SOURCE_ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const adapter of SOURCE_ADAPTERS) expect(['mcp-config', 'mcp-registry']).toContain(adapter.kind);
  });

  it('never lets two adapters claim the same path (property)', () => {
    const segment = fc.constantFrom(
      '.mcp.json',
      'mcp.json',
      '.cursor',
      '.vscode',
      '.gemini',
      '.codex',
      'settings.json',
      'config.toml',
      'opencode.json',
      'opencode.jsonc',
      'server.json',
      'claude_desktop_config.json',
      'gemini-extension.json',
      'plugins',
      'a',
    );
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
        const path = segments.join('/');
        const claiming = SOURCE_ADAPTERS.filter((adapter) => findAdapter(path, [adapter]) !== undefined);
        expect(claiming.length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never throws on any path, and parses any text without throwing (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (path, text) => {
        findAdapter(path);
        for (const adapter of SOURCE_ADAPTERS) {
          const model = adapter.parse({ path: 'p', oid: 'o', text });
          expect(Array.isArray(model.servers)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseSource', () => {
  it('parses a file with the adapter of its path, and reads nothing elsewhere', () => {
    const text = '{"mcpServers": {"a": {"command": "node"}}}';
    expect(parseSource({ path: '.cursor/mcp.json', oid: 'o', text })?.servers.map((s) => s.origin)).toEqual([
      'cursor-mcp-json',
    ]);
    expect(parseSource({ path: 'notes/mcp.json', oid: 'o', text })).toBeUndefined();
  });
});
