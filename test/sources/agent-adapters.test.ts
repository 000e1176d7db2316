import { describe, expect, it } from 'vitest';
import { AGENT_SOURCE_ADAPTERS } from '../../src/sources/formats/index.js';
import { createSourceLookup } from '../../src/sources/lookup.js';

// through the lookup the product runs, as no other adapter would read these paths
const lookup = createSourceLookup();
const matching = (path: string) => {
  const adapter = lookup(path);
  return adapter === undefined ? [] : [adapter.id];
};

describe('AGENT_SOURCE_ADAPTERS', () => {
  it('one adapter per id, each with a kind and default paths', () => {
    const ids = AGENT_SOURCE_ADAPTERS.map((adapter) => adapter.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const adapter of AGENT_SOURCE_ADAPTERS) {
      expect(['claude-code', 'copilot', 'gh-aw']).toContain(adapter.kind);
      expect(adapter.defaultPaths.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['.claude/agents/reviewer.md', ['claude-agents']],
    ['.claude/agents/team/reviewer.md', ['claude-agents']],
    ['.claude/commands/opsx/apply.md', ['claude-commands']],
    ['.claude/skills/pdf/SKILL.md', ['claude-skills']],
    ['.claude/settings.json', ['claude-settings']],
    ['.github/agents/triage.agent.md', ['copilot-agents']],
    ['docs/agents/triage.agent.md', ['copilot-agents']],
    ['.github/chatmodes/plan.chatmode.md', ['copilot-chatmodes']],
    ['.github/prompts/review.prompt.md', ['copilot-prompts']],
    ['.github/workflows/repo-ask.md', ['gh-aw-workflows']],
    ['.github/workflows/shared/mcp/grafana.md', ['gh-aw-workflows']],
    ['.claude/skills/pdf/README.md', []],
    ['README.md', []],
  ])('%s is read by %j', (path, ids) => {
    expect(matching(path)).toEqual(ids);
  });

  it('every adapter returns a model and never throws on hostile bytes', () => {
    const hostile = [
      '',
      '---',
      '---\n',
      '\u0000\u0001',
      '---\n: :\n---\n',
      '{"a":',
      '---\n? [a]\n: b\n---\n',
      '---\na: *x\n---\n',
    ];
    for (const adapter of AGENT_SOURCE_ADAPTERS) {
      for (const text of hostile) {
        const model = adapter.parse({
          path: adapter.defaultPaths[0]!.replace(/\*\*\//gu, '').replace(/\*/gu, 'x'),
          oid: '0',
          text,
        });
        expect(model).toMatchObject({
          servers: expect.any(Array),
          agents: expect.any(Array),
          findings: expect.any(Array),
        });
      }
    }
  });
});
