import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAUDE_CODE_CATALOG, TOOL_CATALOGS, VSCODE_CATALOG } from '../../../src/sources/catalogs/index.js';
import { bindingFinding, resolveBinding } from '../../../src/sources/resolve/resolve-binding.js';

const servers = [
  { name: 'sentry', tools: ['whoami', 'find_projects'] },
  { name: 'docs', includeTools: ['search', 'whoami'] },
  { name: 'upstash/context7' },
  { name: 'Azure MCP' },
  { name: 'my.server' },
];
const claude = { catalog: CLAUDE_CODE_CATALOG, servers, registryTools: ['issue_refund'] };
const vscode = { catalog: VSCODE_CATALOG, servers };

describe('resolveBinding', () => {
  it('* binds everything', () => {
    expect(resolveBinding('*', claude)).toEqual({ kind: 'all', binding: '*' });
  });

  it('a built-in resolves to its catalog entry; a rule resolves to the tool it names', () => {
    expect(resolveBinding('Bash', claude)).toMatchObject({
      kind: 'builtin',
      entry: { name: 'Bash', radius: 'privileged' },
    });
    expect(resolveBinding('Bash(npm run test:*)', claude)).toMatchObject({
      kind: 'builtin',
      entry: { name: 'Bash' },
    });
    expect(resolveBinding('WebFetch(domain:example.com)', claude)).toMatchObject({
      kind: 'builtin',
      entry: { name: 'WebFetch' },
    });
  });

  it('a registry tool resolves to itself', () => {
    expect(resolveBinding('issue_refund', claude)).toEqual({
      kind: 'registry',
      binding: 'issue_refund',
      tool: 'issue_refund',
    });
  });

  it('mcp__server, mcp__server__*, mcp__server__tool', () => {
    expect(resolveBinding('mcp__sentry', claude)).toEqual({
      kind: 'server',
      binding: 'mcp__sentry',
      server: 'sentry',
    });
    expect(resolveBinding('mcp__sentry__*', claude)).toMatchObject({ kind: 'server', server: 'sentry' });
    expect(resolveBinding('mcp__sentry__whoami', claude)).toEqual({
      kind: 'server-tool',
      binding: 'mcp__sentry__whoami',
      server: 'sentry',
      tool: 'whoami',
    });
    // Claude Code writes characters outside [A-Za-z0-9_-] of a server name as `_`
    expect(resolveBinding('mcp__my_server__run', claude)).toMatchObject({
      kind: 'server-tool',
      server: 'my.server',
      tool: 'run',
    });
    expect(resolveBinding('mcp__nowhere__x', claude)).toMatchObject({
      kind: 'unknown',
      reason: 'unknown-server',
    });
  });

  it('server/* binds the whole server, server/tool one tool; server names may hold slashes and spaces', () => {
    expect(resolveBinding('sentry/*', vscode)).toMatchObject({ kind: 'server', server: 'sentry' });
    expect(resolveBinding('sentry/whoami', vscode)).toMatchObject({
      kind: 'server-tool',
      server: 'sentry',
      tool: 'whoami',
    });
    expect(resolveBinding('upstash/context7/*', vscode)).toMatchObject({
      kind: 'server',
      server: 'upstash/context7',
    });
    expect(resolveBinding('Azure MCP/documentation', vscode)).toMatchObject({
      kind: 'server-tool',
      server: 'Azure MCP',
      tool: 'documentation',
    });
    expect(resolveBinding('nowhere/*', vscode)).toMatchObject({ kind: 'unknown', reason: 'unknown-server' });
  });

  it('a bare server name binds the whole server', () => {
    expect(resolveBinding('sentry', vscode)).toMatchObject({ kind: 'server', server: 'sentry' });
  });

  it('a tool set member resolves through its set; a built-in server resolves from the catalog', () => {
    expect(resolveBinding('edit/editFiles', vscode)).toMatchObject({
      kind: 'builtin',
      entry: { name: 'edit' },
      viaSet: true,
    });
    expect(resolveBinding('execute/somethingNew', vscode)).toMatchObject({
      kind: 'builtin',
      entry: { name: 'execute', radius: 'privileged' },
    });
    expect(resolveBinding('github/*', vscode)).toMatchObject({ kind: 'builtin', entry: { name: 'github' } });
  });

  it('a bare MCP tool name resolves when exactly one server has it', () => {
    expect(resolveBinding('find_projects', vscode)).toEqual({
      kind: 'server-tool',
      binding: 'find_projects',
      server: 'sentry',
      tool: 'find_projects',
    });
    expect(resolveBinding('whoami', vscode)).toEqual({
      kind: 'unknown',
      binding: 'whoami',
      reason: 'ambiguous',
      servers: ['docs', 'sentry'],
    });
  });

  it('an unknown name gets a "did you mean" suggestion', () => {
    expect(resolveBinding('WebFecth', claude)).toMatchObject({
      kind: 'unknown',
      reason: 'unknown',
      suggestion: 'WebFetch',
    });
    expect(resolveBinding('runCommand', vscode)).toMatchObject({
      kind: 'unknown',
      suggestion: 'runCommands',
    });
    expect(resolveBinding('zzzzzzzz', vscode)).toEqual({
      kind: 'unknown',
      binding: 'zzzzzzzz',
      reason: 'unknown',
    });
  });

  it('a name with a hidden character never passes as the built-in it looks like', () => {
    expect(resolveBinding('Re\u200bad', claude)).toMatchObject({ kind: 'unknown', suggestion: 'Read' });
    expect(resolveBinding('Bаsh', claude)).toMatchObject({ kind: 'unknown', suggestion: 'Bash' });
  });

  it('names are case-sensitive as the clients match them', () => {
    expect(resolveBinding('bash', claude)).toMatchObject({ kind: 'unknown', suggestion: 'Bash' });
  });

  it('an unknown binding is a warning finding naming agent, file and line; a resolved one is none', () => {
    const where = { path: '.claude/agents/a.md', line: 3, agent: 'claude:agents/a' };
    expect(bindingFinding(resolveBinding('WebFecth', claude), where)).toEqual({
      severity: 'warning',
      code: 'unknown-tool-binding',
      path: '.claude/agents/a.md',
      line: 3,
      tool: 'claude:agents/a',
      subject: 'agent',
      field: 'tools',
      message:
        '.claude/agents/a.md:3: agent "claude:agents/a" binds "WebFecth", which no built-in tool catalog, registry tool or MCP server knows (did you mean "WebFetch"?)',
    });
    expect(bindingFinding(resolveBinding('whoami', vscode), where)?.message).toContain(
      'several servers have (docs, sentry)',
    );
    expect(bindingFinding(resolveBinding('Bash', claude), where)).toBeUndefined();
  });

  it('property: every catalog name resolves to its own entry', () => {
    for (const catalog of TOOL_CATALOGS) {
      for (const entry of catalog.entries) {
        expect(resolveBinding(entry.name, { catalog })).toMatchObject({
          kind: 'builtin',
          entry: { name: entry.name },
        });
      }
    }
  });

  it('property: one edit away from a Claude Code tool name suggests a name (never resolves silently)', () => {
    const names = CLAUDE_CODE_CATALOG.entries.map((entry) => entry.name).filter((name) => name.length >= 4);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.nat(), fc.constantFrom('q', 'Z', '0'), (name, at, ch) => {
        const index = at % name.length;
        const typo = name.slice(0, index) + ch + name.slice(index + 1);
        fc.pre(!names.includes(typo));
        const resolution = resolveBinding(typo, { catalog: CLAUDE_CODE_CATALOG });
        expect(resolution.kind).toBe('unknown');
        if (resolution.kind === 'unknown') expect(resolution.suggestion).toBeDefined();
      }),
    );
  });

  it('property: never throws, whatever the binding', () => {
    fc.assert(
      fc.property(fc.string(), (binding) => {
        expect(() => resolveBinding(binding, vscode)).not.toThrow();
      }),
    );
  });
});
