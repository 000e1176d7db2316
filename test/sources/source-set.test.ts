import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addSources, collectSources, isSourcePath, mergeSources } from '../../src/sources/source-set.js';

const file = (path: string, text: string) => ({ path, oid: 'x', text });

describe('source set', () => {
  it('reads MCP configs and agent files alike; other paths are left out', () => {
    const collection = collectSources([
      file('.mcp.json', '{"mcpServers":{"a":{"command":"a"}}}'),
      file('.claude/agents/r.md', '---\nname: r\ntools: Read\n---\nx\n'),
      file('README.md', '# not a source'),
    ]);
    expect(collection.paths).toEqual(['.claude/agents/r.md', '.mcp.json']);
    expect(collection.servers.map((s) => s.name)).toEqual(['a']);
    expect(collection.agents.map((a) => a.id)).toEqual(['claude:agents/r']);
  });

  it('merging twice adds nothing twice: the file path is the key', () => {
    const sources = collectSources([file('.claude/agents/r.md', '---\nname: r\ntools: Read\n---\nx\n')]);
    const once = mergeSources({ tools: [], prompts: [], findings: [] }, sources);
    const twice = mergeSources(once, sources);
    expect(twice.prompts).toHaveLength(1);
  });

  it('adding keeps agent files apart from registry prompts (as the diff reads a tree), and adds nothing twice', () => {
    const sources = collectSources([
      file('.claude/agents/r.md', '---\nname: r\ntools: Read\n---\nx\n'),
      file('.mcp.json', '{"mcpServers":{"a":{"command":"a"}}}'),
    ]);
    const once = addSources({ tools: [], prompts: [], findings: [] }, sources);
    expect(once.prompts).toEqual([]);
    expect(once.agents?.map((agent) => agent.id)).toEqual(['claude:agents/r']);
    const twice = addSources(once, sources);
    expect(twice.agents).toHaveLength(1);
    expect(twice.servers).toHaveLength(1);
  });

  it('never takes a path with control bytes, a dot segment or a backslash for a source (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('.mcp.json', '.claude/settings.json', 'x.agent.md'),
        fc.constantFrom('\u0000', '\n', '\u001f', '../', './', '\\'),
        (path, odd) => {
          expect(isSourcePath(`${odd}${path}`)).toBe(false);
        },
      ),
    );
  });
});
