import { describe, expect, it } from 'vitest';
import { copilotPromptsAdapter } from '../../../src/sources/formats/copilot-prompts.js';
import { markdown, sourceFile } from '../fixture.js';

const parse = (text: string) =>
  copilotPromptsAdapter.parse(sourceFile('.github/prompts/review.prompt.md', text));

describe('VS Code prompt files', () => {
  it('tools as written, mode or agent as authority', () => {
    const model = parse(markdown('agent: "agent"\ntools: ["execute", "upstash/context7/*"]'));
    expect(model.agents[0]).toMatchObject({
      id: 'copilot:prompts/review',
      tools: ['execute', 'upstash/context7/*'],
    });
    expect(model.permissions.map((rule) => rule.rule)).toEqual(['agent=agent']);
    expect(parse(markdown("mode: 'agent'")).permissions.map((rule) => rule.rule)).toEqual(['mode=agent']);
  });

  it('a prompt file without tools grants nothing new', () => {
    expect(parse(markdown('description: x')).agents[0]!.tools).toEqual([]);
  });

  it('tools as a number is an error finding at its line', () => {
    expect(parse(markdown('description: x\ntools: 42')).findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'source-parse', line: 3, field: 'tools' }),
    ]);
  });
});
