import { describe, expect, it } from 'vitest';
import { claudeCommandsAdapter } from '../../../src/sources/formats/claude-commands.js';
import { markdown, sourceFile } from '../fixture.js';

const parse = (text: string, path = '.claude/commands/ship/release.md') =>
  claudeCommandsAdapter.parse(sourceFile(path, text));

describe('Claude Code slash commands', () => {
  it('allowed-tools are the bindings as written and pre-approvals of the command', () => {
    const model = parse(
      markdown('description: Ship it\nallowed-tools: Bash(git push:*),Bash(gh pr create:*), Read'),
    );
    expect(model.findings).toEqual([]);
    expect(model.agents[0]).toMatchObject({
      id: 'claude:commands/ship/release',
      tools: ['Bash(git push:*)', 'Bash(gh pr create:*)', 'Read'],
    });
    expect(model.permissions.map((rule) => [rule.scope, rule.effect, rule.rule, rule.tool])).toEqual([
      ['claude:commands/ship/release', 'allow', 'Bash(git push:*)', 'Bash'],
      ['claude:commands/ship/release', 'allow', 'Bash(gh pr create:*)', 'Bash'],
      ['claude:commands/ship/release', 'allow', 'Read', 'Read'],
    ]);
    expect(model.permissions[0]!.source).toEqual({ path: '.claude/commands/ship/release.md', line: 3 });
  });

  it('a command without allowed-tools grants nothing new', () => {
    const model = parse(markdown('description: Plan\nmodel: opus'));
    expect(model.agents[0]).toMatchObject({ tools: [], model: 'opus' });
    expect(model.permissions).toEqual([]);
  });

  it('adding allowed-tools to a command is a new rule', () => {
    const before = parse(markdown('description: x')).permissions;
    const after = parse(markdown('description: x\nallowed-tools: Bash')).permissions;
    expect(before).toEqual([]);
    expect(after.map((rule) => rule.rule)).toEqual(['Bash']);
  });

  it('a command without front matter is text only', () => {
    const model = parse('Do the thing.\n');
    expect(model.agents[0]).toMatchObject({ tools: [], text: 'Do the thing.\n', meta: {} });
  });

  it('keys that only describe (category, tags) are inert; a key a command does not document is unknown authority', () => {
    const model = parse(markdown('name: "OPSX: Apply"\ncategory: Workflow\ntags: [a, b]\npriority: high'));
    expect(model.findings.map((finding) => [finding.code, finding.severity, finding.field])).toEqual([
      ['unknown-authority-key', 'info', 'priority'],
    ]);
    expect(model.permissions.map((rule) => rule.rule)).toEqual(['priority=high']);
    expect(model.agents[0]?.meta).toMatchObject({ category: 'Workflow', tags: ['a', 'b'] });
  });

  it('allowed-tools as a mapping is an error finding, never a throw', () => {
    const model = parse(markdown('allowed-tools: {Bash: yes}'));
    expect(model.findings).toEqual([
      expect.objectContaining({ code: 'source-parse', severity: 'error', field: 'allowed-tools' }),
    ]);
  });
});
