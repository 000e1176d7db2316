import { describe, expect, it } from 'vitest';
import { claudeAgentsAdapter } from '../../../src/sources/formats/claude-agents.js';
import { markdown, sourceFile } from '../fixture.js';

const parse = (text: string, path = '.claude/agents/reviewer.md') =>
  claudeAgentsAdapter.parse(sourceFile(path, text));

describe('Claude Code subagents', () => {
  it('reads name, tools as a comma string, model and the body; the id strips the suffix', () => {
    const model = parse(
      markdown(
        'name: reviewer\ndescription: Reviews diffs\ntools: Read, Grep, WebFetch\nmodel: sonnet',
        'You review.\n',
      ),
    );
    expect(model.findings).toEqual([]);
    expect(model.agents).toEqual([
      {
        id: 'claude:agents/reviewer',
        tools: ['Read', 'Grep', 'WebFetch'],
        model: 'sonnet',
        text: 'You review.\n',
        meta: { name: 'reviewer', description: 'Reviews diffs' },
        source: { path: '.claude/agents/reviewer.md', line: 1 },
      },
    ]);
    expect(model.permissions).toEqual([]);
  });

  it('reads tools as a YAML list of quoted names', () => {
    expect(parse(markdown('name: a\ntools: ["Read", \'Grep\']')).agents[0]!.tools).toEqual(['Read', 'Grep']);
  });

  it('a subagent without tools inherits every tool: binding *', () => {
    expect(parse(markdown('name: a\ndescription: no tools line')).agents[0]!.tools).toEqual(['*']);
    expect(parse(markdown('name: a\ntools:')).agents[0]!.tools).toEqual(['*']);
  });

  it('removing the tools line widens the binding to everything', () => {
    const before = parse(markdown('name: a\ntools: Read')).agents[0]!.tools;
    const after = parse(markdown('name: a')).agents[0]!.tools;
    expect(before).toEqual(['Read']);
    expect(after).toEqual(['*']);
  });

  it('tools written as a number is an error finding at its line, and the grant is held as everything', () => {
    const model = parse(markdown('name: a\ntools: 5'));
    expect(model.findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'source-parse', line: 3, field: 'tools' }),
    ]);
    expect(model.agents[0]!.tools).toEqual(['*']);
  });

  it('front matter that does not parse gives an error finding and no agent, never a throw', () => {
    const model = parse('---\nname: a\ntools: [Read\n---\nbody\n');
    expect(model.agents).toEqual([]);
    expect(model.findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'source-parse', tool: 'claude:agents/reviewer' }),
    ]);
  });

  it('disallowedTools are deny rules of the subagent; permissionMode and hooks are gated settings', () => {
    const model = parse(markdown('name: a\ndisallowedTools: Bash, WebFetch\npermissionMode: acceptEdits'));
    expect(model.permissions.map((rule) => [rule.effect, rule.rule, rule.tool])).toEqual([
      ['deny', 'Bash', 'Bash'],
      ['deny', 'WebFetch', 'WebFetch'],
      ['allow', 'permissionMode=acceptEdits', 'permissionMode'],
    ]);
    // an ordered setting: compared by rank, not as text
    expect(model.permissions[2]!.rank).toEqual({ setting: 'permissionMode', rank: 2, unset: 1 });
    expect(model.findings).toEqual([]);
  });

  it('an unknown front-matter key is control plane: an info finding and a rule the digest covers', () => {
    const model = parse(markdown('name: a\ntools: Read\nsudo: true'));
    expect(model.findings).toEqual([
      expect.objectContaining({
        severity: 'info',
        code: 'unknown-authority-key',
        line: 4,
        field: 'sudo',
        tool: 'claude:agents/reviewer',
      }),
    ]);
    expect(model.permissions).toEqual([
      expect.objectContaining({ rule: 'sudo=true', tool: 'sudo', scope: 'claude:agents/reviewer' }),
    ]);
    expect(model.agents[0]!.meta).toEqual({ name: 'a', sudo: true });
  });

  it('inline mcpServers are servers; a list of server names is a gated setting, one rule per name', () => {
    const inline = parse(markdown('name: a\nmcpServers:\n  docs:\n    url: https://docs.example.com/mcp'));
    expect(inline.servers).toEqual([
      expect.objectContaining({ name: 'docs', origin: 'claude-agents', egress: ['docs.example.com'] }),
    ]);
    const named = parse(markdown('name: a\nmcpServers: [github, docs]'));
    expect(named.servers).toEqual([]);
    expect(named.permissions.map((rule) => rule.rule)).toEqual(['mcpServers=github', 'mcpServers=docs']);
  });

  it('names with spaces, quotes and __proto__ stay data', () => {
    const model = parse(
      markdown('name: "a \\"quoted\\" name"\ntools: "Read, mcp__my server__run"\n__proto__: {x: 1}'),
    );
    expect(model.agents[0]!.tools).toEqual(['Read', 'mcp__my server__run']);
    expect(Object.keys(model.agents[0]!.meta)).toEqual(['name', '__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('Claude Code subagent hooks', () => {
  it('each hook command of a subagent is a rule, as in settings', () => {
    const model = parse(
      markdown(
        'name: a\nhooks:\n  PreToolUse:\n    - matcher: Bash\n      hooks:\n        - type: command\n          command: ./check.sh',
      ),
    );
    expect(model.permissions.map((rule) => [rule.rule, rule.tool, rule.source.line])).toEqual([
      ['hooks.PreToolUse[Bash]=./check.sh', 'hooks', 4],
    ]);
    expect(model.findings).toEqual([]);
  });
});
