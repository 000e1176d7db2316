// Registry-wide invariants of the source formats, each asked through the lookup the product runs
// (createSourceLookup): every adapter's record, every path it claims, and what no two adapters may share.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGENT_SOURCE_ADAPTERS,
  CLIENT_SOURCE_ADAPTERS,
  SOURCE_ADAPTERS,
} from '../../../src/sources/formats/index.js';
import { createPathClassification } from '../../../src/core/plane/classify-paths.js';
import { DEFAULT_CONFIG } from '../../../src/core/plane/config.js';
import type { SourceAdapter } from '../../../src/sources/kit/types.js';
import {
  ALL_SOURCE_ADAPTERS,
  claimedPaths,
  createSourceLookup,
  isAgentDefinition,
  isTextOnlySource,
  roleOf,
} from '../../../src/sources/lookup.js';
import type { SourcesConfig } from '../../../src/sources/lookup.js';

const lookup = createSourceLookup();

/** The product's lookup with every other adapter turned off: what this adapter alone claims. */
function only(adapter: SourceAdapter): (path: string) => boolean {
  const off: SourcesConfig = {};
  for (const other of ALL_SOURCE_ADAPTERS)
    if (other !== adapter) off[other.id] = { enabled: false, paths: [] };
  const alone = createSourceLookup(off);
  return (path) => alone(path) === adapter;
}

/** One concrete path a glob matches: any-depth segments dropped, stars and `!(…)` as `x` (`x.agent.md`). */
const sampleOf = (glob: string) =>
  glob
    .replace(/\*\*\//g, '')
    .replace(/!\([^)]*\)/g, 'x')
    .replace(/\*+/g, 'x');

describe('source adapter registration', () => {
  it('registers every adapter once, with a unique id, a kind, default paths and a known role', () => {
    expect(ALL_SOURCE_ADAPTERS).toEqual([
      ...SOURCE_ADAPTERS,
      ...AGENT_SOURCE_ADAPTERS,
      ...CLIENT_SOURCE_ADAPTERS,
    ]);
    const ids = ALL_SOURCE_ADAPTERS.map((adapter) => adapter.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ALL_SOURCE_ADAPTERS).size).toBe(ALL_SOURCE_ADAPTERS.length);
    for (const adapter of ALL_SOURCE_ADAPTERS) {
      expect(adapter.kind, adapter.id).toMatch(/^[a-z][a-z-]*$/);
      expect(adapter.defaultPaths.length, adapter.id).toBeGreaterThan(0);
      expect(['authority', 'agent', 'text'], adapter.id).toContain(roleOf(adapter));
    }
    for (const adapter of SOURCE_ADAPTERS) expect(['mcp-config', 'mcp-registry']).toContain(adapter.kind);
  });

  it('reads a sample of every glob an adapter claims (default and also-read paths) with that adapter', () => {
    const misread: string[] = [];
    for (const adapter of ALL_SOURCE_ADAPTERS)
      for (const glob of claimedPaths(adapter)) {
        const path = sampleOf(glob);
        if (lookup(path) !== adapter) misread.push(`${adapter.id}: ${glob} (${path} -> ${lookup(path)?.id})`);
      }
    expect(misread).toEqual([]);
  });

  it('the role is the record’s: agent definitions and text are data plane, every other source authority', () => {
    expect(ALL_SOURCE_ADAPTERS.filter((adapter) => roleOf(adapter) === 'text').map((a) => a.id)).toEqual([
      'instructions',
    ]);
    for (const adapter of ALL_SOURCE_ADAPTERS) {
      expect(isAgentDefinition(adapter), adapter.id).toBe(roleOf(adapter) !== 'authority');
      expect(isTextOnlySource(adapter.id), adapter.id).toBe(roleOf(adapter) === 'text');
    }
    // every MCP client config is authority as a whole
    for (const adapter of SOURCE_ADAPTERS) expect(roleOf(adapter), adapter.id).toBe('authority');
  });

  it('the diff’s path classification puts every adapter’s files where its record’s role says', () => {
    const classify = createPathClassification(structuredClone(DEFAULT_CONFIG));
    for (const adapter of ALL_SOURCE_ADAPTERS)
      for (const glob of claimedPaths(adapter)) {
        const path = sampleOf(glob);
        const found = classify(path);
        if (found.kind === 'control' && found.gate) continue; // a gate file (`.github/...`) wins over any source
        expect(found, `${adapter.id}: ${path}`).toEqual(
          roleOf(adapter) === 'authority'
            ? { kind: 'control', gate: false, source: adapter.id }
            : { kind: 'data', source: adapter.id },
        );
      }
  });

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
    expect(lookup(path)?.id).toBe(id);
  });

  it.each([
    'docs/mcp.json',
    'registry/tools/a.yaml',
    '.mcp.json.bak',
    'x.mcp.json',
    'src/server.json',
    '.codex/config.toml/extra',
  ])('finds no adapter for %s', (path) => {
    expect(lookup(path)).toBeUndefined();
  });

  it.each(['.mcp.json\n', '\u001b[31m.mcp.json', '/.mcp.json', '.vscode\\mcp.json', ''])(
    'reads no source at the odd path %j',
    (path) => {
      expect(lookup(path)).toBeUndefined();
    },
  );

  it('never lets two MCP client configs claim the same path (property)', () => {
    const segment = fc.constantFrom(
      '.mcp.json',
      'mcp.json',
      '.cursor',
      '.vscode',
      '.gemini',
      '.codex',
      '.kiro',
      '.roo',
      '.continue',
      'settings',
      'mcpServers',
      'settings.json',
      'config.toml',
      'config.yaml',
      'opencode.json',
      'opencode.jsonc',
      'server.json',
      'claude_desktop_config.json',
      'gemini-extension.json',
      'plugins',
      'a',
    );
    const alone = SOURCE_ADAPTERS.map((adapter) => ({ adapter, claims: only(adapter) }));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
        const path = segments.join('/');
        const claiming = alone.filter((entry) => entry.claims(path));
        expect(claiming.length).toBeLessThanOrEqual(1);
        // and the product's answer is that one claimant
        expect(lookup(path)).toBe(claiming[0]?.adapter);
      }),
    );
  });

  it('where several adapters claim a path, the first registered reads it (property)', () => {
    const alone = ALL_SOURCE_ADAPTERS.map((adapter) => ({ adapter, claims: only(adapter) }));
    const samples = ALL_SOURCE_ADAPTERS.flatMap((adapter) => claimedPaths(adapter).map(sampleOf));
    const segment = fc.constantFrom(
      ...new Set(samples.flatMap((path) => path.split('/'))),
      'plugins',
      'x',
      'AGENTS.md',
    );
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const path = segments.join('/');
        expect(lookup(path)).toBe(alone.find((entry) => entry.claims(path))?.adapter);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any path, and every adapter parses any text without throwing (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (path, text) => {
        lookup(path);
        for (const adapter of ALL_SOURCE_ADAPTERS) {
          const model = adapter.parse({ path: sampleOf(adapter.defaultPaths[0]!), oid: 'o', text });
          expect(Array.isArray(model.servers)).toBe(true);
          expect(Array.isArray(model.findings)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
