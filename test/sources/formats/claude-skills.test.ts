import { describe, expect, it } from 'vitest';
import { claudeSkillsAdapter } from '../../../src/sources/formats/claude-skills.js';
import { markdown, sourceFile } from '../fixture.js';

const parse = (text: string) =>
  claudeSkillsAdapter.parse(sourceFile('.claude/skills/pdf-tools/SKILL.md', text));

describe('Claude Code skills', () => {
  it('the id is the skill folder; allowed-tools space separated', () => {
    const model = parse(
      markdown('name: pdf-tools\ndescription: PDFs\nallowed-tools: Read Bash(python:*) Write'),
    );
    expect(model.agents[0]).toMatchObject({
      id: 'claude:skills/pdf-tools',
      tools: ['Read', 'Bash(python:*)', 'Write'],
    });
    expect(model.permissions.map((rule) => rule.tool)).toEqual(['Read', 'Bash', 'Write']);
    expect(model.findings).toEqual([]);
  });

  it('allowed-tools as a block list, and Copilot-style names with spaces', () => {
    const model = parse(markdown("name: x\nallowed-tools:\n  - Read\n  - 'Azure MCP/documentation'"));
    expect(model.agents[0]!.tools).toEqual(['Read', 'Azure MCP/documentation']);
  });

  it('a skill without allowed-tools grants nothing new; license and metadata are data', () => {
    const model = parse(markdown('name: x\ndescription: y\nlicense: MIT\nmetadata: {a: b}'));
    expect(model.agents[0]!.tools).toEqual([]);
    expect(model.permissions).toEqual([]);
    expect(model.findings).toEqual([]);
  });

  it('a skill that runs as another agent is authority', () => {
    const model = parse(markdown('name: x\ncontext: fork\nagent: general-purpose'));
    expect(model.permissions.map((rule) => rule.rule)).toEqual(['context=fork', 'agent=general-purpose']);
  });
});
