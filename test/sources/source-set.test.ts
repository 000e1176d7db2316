import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/plane/config.js';
import { createRepoSourceLookup } from '../../src/core/plane/repo-sources.js';
import { createSourceLookup } from '../../src/sources/lookup.js';
import { sourceGlobs } from '../../src/sources/lookup.js';
import { addSources, collectSources, mergeSources } from '../../src/sources/source-set.js';

const file = (path: string, text: string) => ({ path, oid: 'x', text });
const defaults = createSourceLookup();
const configured = (yaml: string) => parseConfig(`version: 1\n${yaml}`, 'agentgate.yaml').config;

describe('source set', () => {
  it('reads MCP configs and agent files alike; other paths are left out', () => {
    const collection = collectSources(
      [
        file('.mcp.json', '{"mcpServers":{"a":{"command":"a"}}}'),
        file('.claude/agents/r.md', '---\nname: r\ntools: Read\n---\nx\n'),
        file('README.md', '# not a source'),
      ],
      defaults,
    );
    expect(collection.paths).toEqual(['.claude/agents/r.md', '.mcp.json']);
    expect(collection.servers.map((s) => s.name)).toEqual(['a']);
    expect(collection.agents.map((a) => a.id)).toEqual(['claude:agents/r']);
  });

  it('reads what the lookup it is handed claims, and nothing the lookup turned off', () => {
    const sourceOf = createSourceLookup({
      'mcp-config': { enabled: true, paths: ['ops/*.json'] },
      'claude-code': { enabled: false, paths: [] },
    });
    const collection = collectSources(
      [
        file('ops/dev.json', '{"mcpServers":{"ops":{"command":"ops"}}}'),
        file('.claude/agents/r.md', '---\nname: r\ntools: Read\n---\nx\n'),
      ],
      sourceOf,
    );
    expect(collection.paths).toEqual(['ops/dev.json']);
    expect(collection.servers.map((s) => s.name)).toEqual(['ops']);
    expect(collection.agents).toEqual([]);
  });

  it('merging twice adds nothing twice: the file path is the key', () => {
    const sources = collectSources(
      [file('.claude/agents/r.md', '---\nname: r\ntools: Read\n---\nx\n')],
      defaults,
    );
    const once = mergeSources({ tools: [], prompts: [], findings: [] }, sources);
    const twice = mergeSources(once, sources);
    expect(twice.prompts).toHaveLength(1);
  });

  it('adding keeps agent files apart from registry prompts (as the diff reads a tree), and adds nothing twice', () => {
    const sources = collectSources(
      [
        file('.claude/agents/r.md', '---\nname: r\ntools: Read\n---\nx\n'),
        file('.mcp.json', '{"mcpServers":{"a":{"command":"a"}}}'),
      ],
      defaults,
    );
    const once = addSources({ tools: [], prompts: [], findings: [] }, sources);
    expect(once.prompts).toEqual([]);
    expect(once.agents?.map((agent) => agent.id)).toEqual(['claude:agents/r']);
    const twice = addSources(once, sources);
    expect(twice.agents).toHaveLength(1);
    expect(twice.servers).toHaveLength(1);
  });

  it('never parses a claimed path whose name does not show as itself: it is refused by name (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('x.agent.md', 'a/.claude/settings.json', 'docs/y.prompt.md'),
        fc.constantFrom('\u0000', '\n', '\u001f', '\u202e', '\u2028', '\u200b', '\ufffd'),
        (path, odd) => {
          const at = `${odd}${path}`;
          const collection = collectSources([file(at, '---\ntools: Bash\n---\nx\n')], defaults);
          expect(collection.agents).toEqual([]);
          expect(collection.permissions).toEqual([]);
          expect(collection.findings).toEqual([expect.objectContaining({ code: 'path-refused', path: at })]);
        },
      ),
    );
  });

  it('never takes a dot segment, a backslash or an absolute path for a source (property)', () => {
    const sourceOf = createRepoSourceLookup(configured('sources:\n  mcp-config: { paths: ["**/*.json"] }\n'));
    fc.assert(
      fc.property(
        fc.constantFrom('.mcp.json', '.claude/settings.json', 'x.agent.md'),
        fc.constantFrom('../', './', '\\', '/', 'a/../'),
        (path, odd) => {
          expect(sourceOf(`${odd}${path}`)).toBeUndefined();
        },
      ),
    );
  });
});

describe('sourceGlobs', () => {
  it('holds every default and nested path, and the paths a config adds to a kind or an adapter', () => {
    const globs = sourceGlobs(
      configured(
        'sources:\n  mcp-config: { paths: ["ops/*.json"] }\n  claude-agents: { paths: ["bots/**/*.md"] }\n',
      ).sources,
    );
    expect(globs).toEqual(
      expect.arrayContaining(['.mcp.json', '**/.claude/settings.json', 'ops/*.json', 'bots/**/*.md']),
    );
  });

  it('keeps a turned-off source (its client still reads it) and adds nothing for a key that is no source', () => {
    const globs = sourceGlobs(
      configured('sources:\n  claude-code: false\n  claud-code: { paths: ["typo/**"] }\n').sources,
    );
    expect(globs).toContain('.claude/agents/**/*.md');
    expect(globs).not.toContain('typo/**');
  });
});
