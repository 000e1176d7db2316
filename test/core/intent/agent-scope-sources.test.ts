import { describe, expect, it } from 'vitest';
import { resolveAgentScope, agentAllows } from '../../../src/core/intent/agent-scope.js';
import type { Prompt, Registry, Server } from '../../../src/model/types.js';
import { makeTool } from '../../helpers/make-tool.js';

const agent = (id: string, tools: string[]): Prompt => ({
  id,
  tools,
  text: '',
  meta: {},
  source: { path: `${id.replace(':', '/')}.md`, line: 1 },
});
const open = makeTool({ name: 'tracker.open_issue', server: 'tracker', effect: 'write' });
const close = makeTool({ name: 'tracker.close_issue', server: 'tracker', effect: 'write' });
const wiki = makeTool({ name: 'wiki.read_page', server: 'wiki', effect: 'read' });
const local = makeTool({ name: 'read_ticket', effect: 'read' });
const tracker: Server = {
  name: 'tracker',
  origin: 'claude-mcp-json',
  transport: { type: 'http', url: 'https://t.example/mcp' },
  credentials: [],
  egress: ['t.example'],
  source: { path: '.mcp.json', line: 2 },
};

function registry(prompts: Prompt[]): Registry {
  return { tools: [open, close, wiki, local], prompts, findings: [], servers: [tracker] };
}

const allowed = (reg: Registry, id: string) => {
  const scope = resolveAgentScope(reg, id);
  return [open, close, wiki, local].map((t) => t.name).filter((name) => agentAllows(scope, name));
};

describe('--agent with agent files: bindings resolve through catalogs and servers', () => {
  const reg = registry([
    agent('claude:agents/one', ['Read', 'mcp__tracker__open_issue']),
    agent('copilot:agents/whole', ['search', 'tracker/*']),
    agent('claude:agents/prefix', ['mcp__tracker']),
    agent('claude:agents/every', ['*']),
    agent('claude:agents/shell', ['Bash']),
    agent('claude:agents/ghost', ['mcp__nowhere__x', 'nowhere/*']),
    agent('copilot:agents/one-tool', ['tracker/close_issue']),
    agent('ops', ['wiki/*', 'read_ticket']),
  ]);

  it('mcp__server__tool grants that pinned tool only', () => {
    expect(allowed(reg, 'claude:agents/one')).toEqual(['tracker.open_issue']);
  });
  it('server/* and mcp__server grant every pinned tool of the server', () => {
    expect(allowed(reg, 'copilot:agents/whole')).toEqual(['tracker.open_issue', 'tracker.close_issue']);
    expect(allowed(reg, 'claude:agents/prefix')).toEqual(['tracker.open_issue', 'tracker.close_issue']);
  });
  it('server/tool grants that tool', () => {
    expect(allowed(reg, 'copilot:agents/one-tool')).toEqual(['tracker.close_issue']);
  });
  it('* grants everything; a built-in or unknown binding grants no MCP tool', () => {
    expect(allowed(reg, 'claude:agents/every')).toHaveLength(4);
    expect(allowed(reg, 'claude:agents/shell')).toEqual([]);
    expect(allowed(reg, 'claude:agents/ghost')).toEqual([]);
  });
  it('a registry prompt may bind a manifest server no client config declares', () => {
    expect(allowed(reg, 'ops')).toEqual(['wiki.read_page', 'read_ticket']);
  });
  it('an agent id is known by its client prefix; the list of known agents includes agent files', () => {
    const scope = resolveAgentScope(reg, 'agents/one');
    expect(scope.kind).toBe('unknown-agent');
    if (scope.kind === 'unknown-agent') expect(scope.known).toContain('claude:agents/one');
  });
  it('two files with one id grant the union (neither masks the other)', () => {
    const twice = registry([
      agent('copilot:agents/x', ['tracker/open_issue']),
      agent('copilot:agents/x', ['wiki/*']),
    ]);
    expect(allowed(twice, 'copilot:agents/x')).toEqual(['tracker.open_issue', 'wiki.read_page']);
  });
});
