import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reachAgent, reachAgents } from '../../../src/core/agents/agent-reach.js';
import { RADIUS_ORDER } from '../../../src/core/radius/radius.js';
import type { Prompt, Registry, Server } from '../../../src/model/types.js';
import { makeTool } from '../../helpers/make-tool.js';

const agent = (id: string, tools: string[] | undefined): Prompt => ({
  id,
  ...(tools !== undefined && { tools }),
  text: '',
  meta: {},
  source: { path: 'x.md', line: 1 },
});
const server = (name: string, extra: Partial<Server> = {}): Server => ({
  name,
  origin: 'mcp-json',
  transport: { type: 'stdio', command: 'node', args: ['s.js'] },
  credentials: [],
  egress: ['*'],
  source: { path: '.mcp.json', line: 2 },
  ...extra,
});
const pinned = makeTool({ name: 'wiki.read_page', server: 'wiki', effect: 'read' });
const registry: Registry = {
  tools: [pinned],
  prompts: [],
  findings: [],
  servers: [server('shell'), server('wiki')],
};

describe('reachAgent', () => {
  it('gives built-ins their catalog radius: a shell is privileged, a web fetcher reads', () => {
    const reach = reachAgent(agent('claude:agents/a', ['WebFetch', 'Bash']), registry);
    expect(reach.tools.map((t) => [t.binding, t.kind, t.radius])).toEqual([
      ['WebFetch', 'builtin', 'read'],
      ['Bash', 'builtin', 'privileged'],
    ]);
    expect(reach.radius).toBe('privileged');
  });

  it('a pinned server tool takes its pinned radius; an unpinned server its own (MCP defaults)', () => {
    const reach = reachAgent(agent('claude:agents/a', ['mcp__wiki__read_page', 'mcp__shell']), registry);
    expect(reach.tools.map((t) => [t.kind, t.radius, t.registryTools])).toEqual([
      ['server-tool', 'read', ['wiki.read_page']],
      ['server', 'irreversible', []],
    ]);
  });

  it('an agent file without tools binds everything: privileged; an unknown binding is held at irreversible', () => {
    expect(reachAgent(agent('copilot:agents/a', ['*']), registry)).toMatchObject({
      all: true,
      radius: 'privileged',
    });
    expect(reachAgent(agent('copilot:agents/a', ['nowhere/*']), registry).tools[0]).toMatchObject({
      kind: 'unknown',
      radius: 'irreversible',
    });
  });

  it('lists only prompts with bindings, by id', () => {
    const reg = { ...registry, prompts: [agent('b', ['wiki/*']), agent('a', undefined), agent('a2', [])] };
    expect(reachAgents(reg).map((r) => r.id)).toEqual(['a2', 'b']);
  });

  it('the agent radius is the highest of what it reaches (property)', () => {
    const names = [
      'Read',
      'Bash',
      'WebFetch',
      'Grep',
      'mcp__wiki__read_page',
      'mcp__shell',
      'ghost',
      '*',
      'wiki/*',
    ];
    fc.assert(
      fc.property(fc.subarray(names), (tools) => {
        const reach = reachAgent(agent('claude:agents/p', tools), registry);
        for (const tool of reach.tools)
          expect(RADIUS_ORDER[reach.radius]).toBeGreaterThanOrEqual(RADIUS_ORDER[tool.radius]);
        if (tools.length === 0) expect(reach.radius).toBe('none');
      }),
    );
  });
});
