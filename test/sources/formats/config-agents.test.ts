import { describe, expect, it } from 'vitest';
import { codexAgentsAdapter } from '../../../src/sources/formats/codex-agents.js';
import { kiroAgentsAdapter } from '../../../src/sources/formats/kiro-agents.js';
import { rooModesAdapter } from '../../../src/sources/formats/roo-modes.js';

const roo = (text: string) => rooModesAdapter.parse({ path: '.roomodes', oid: 'x', text });
const kiro = (value: unknown, path = '.kiro/agents/dev.json') =>
  kiroAgentsAdapter.parse({ path, oid: 'x', text: JSON.stringify(value) });
const bindings = (model: { agents: { id: string; tools?: string[] }[] }) =>
  Object.fromEntries(model.agents.map((agent) => [agent.id, agent.tools]));

describe('Roo modes as agents', () => {
  it('binds each mode to its groups: built-in groups by name, mcp as every tool, a tuple by its group', () => {
    const model = roo(`customModes:
  - slug: docs
    groups: [read, ["edit", { fileRegex: "\\\\.md$" }]]
  - slug: ops
    groups: [command, mcp]
`);
    expect(bindings(model)).toEqual({
      'roo:modes/docs': ['read', 'edit'],
      'roo:modes/ops': ['command', '*'],
    });
    expect(model.findings).toEqual([]);
  });

  it('names a nested project in the id', () => {
    const model = rooModesAdapter.parse({
      path: 'app/.roomodes',
      oid: 'x',
      text: '{"customModes":[{"slug":"a","groups":["read"]}]}',
    });
    expect(model.agents.map((agent) => agent.id)).toEqual(['roo:app/modes/a']);
  });

  it.each([
    ['groups as an object', '{ read: true }'],
    ['an unknown group', '[read, teleport]'],
    ['a tuple whose group is not a string', '[[{ fileRegex: x }]]'],
    ['a number', '[7]'],
  ])('holds %s as every tool, with a finding, never a throw', (_what, groups) => {
    const model = roo(`customModes:\n  - slug: odd\n    groups: ${groups}\n`);
    expect(model.agents[0]?.tools).toContain('*');
    expect(model.findings).toContainEqual(
      expect.objectContaining({ code: 'source-shape', tool: 'roo:modes/odd', field: 'groups', line: 3 }),
    );
    // the rules the mode had before it was an agent are still there
    expect(model.permissions.some((rule) => rule.rule.startsWith('customModes.odd.groups'))).toBe(true);
  });

  it('a mode with no groups binds nothing; a mode that is no object is no agent', () => {
    const model = roo('customModes:\n  - slug: quiet\n  - 42\n');
    expect(bindings(model)).toEqual({ 'roo:modes/quiet': [] });
  });
});

describe('Kiro agents as agents', () => {
  it('maps tools: built-ins by name, @builtin to every built-in, @server and @server/tool to the server', () => {
    const model = kiro({ tools: ['fs_read', '@git', '@jira/search', '@builtin/web_fetch'] });
    expect(bindings(model)).toEqual({ 'kiro:agents/dev': ['fs_read', 'git/*', 'jira/search', 'web_fetch'] });
    const all = kiro({ tools: ['@builtin'] }).agents[0]!.tools!;
    expect(all).toEqual(
      expect.arrayContaining(['fs_read', 'fs_write', 'execute_bash', 'use_aws', 'web_fetch']),
    );
    expect(all).not.toContain('*');
  });

  it('binds every tool without a tools key, and with `*`', () => {
    expect(kiro({ name: 'x' }).agents[0]?.tools).toEqual(['*']);
    expect(kiro({ tools: ['*'] }).agents[0]?.tools).toEqual(['*']);
  });

  it.each([
    ['tools as an object', { tools: { fs_read: true } }],
    ['tools as a string', { tools: 'fs_read' }],
    ['a member that is not a string', { tools: ['fs_read', 3] }],
    ['an empty member', { tools: [''] }],
  ])('holds %s as every tool, with a finding, never a throw', (_what, value) => {
    const model = kiro(value);
    expect(model.agents[0]?.tools).toContain('*');
    expect(model.findings).toContainEqual(
      expect.objectContaining({ code: 'source-shape', tool: 'kiro:agents/dev', field: 'tools' }),
    );
  });

  it('a file that does not parse is no agent, one finding', () => {
    const model = kiroAgentsAdapter.parse({ path: '.kiro/agents/x.json', oid: 'x', text: '{"tools": [' });
    expect(model.agents).toEqual([]);
    expect(model.findings[0]?.code).toBe('source-parse');
  });
});

describe('Codex agents as agents', () => {
  it('is one agent binding every tool, its prompt as its text', () => {
    const model = codexAgentsAdapter.parse({
      path: '.codex/agents/review.toml',
      oid: 'x',
      text: 'name = "review"\ndeveloper_instructions = "Review."\n',
    });
    expect(model.agents).toEqual([
      expect.objectContaining({ id: 'codex:agents/review', tools: ['*'], text: 'Review.' }),
    ]);
  });

  it('a file that does not parse is no agent', () => {
    const model = codexAgentsAdapter.parse({ path: '.codex/agents/x.toml', oid: 'x', text: 'a = = 1' });
    expect(model.agents).toEqual([]);
  });
});
