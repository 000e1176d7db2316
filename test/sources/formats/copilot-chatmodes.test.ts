import { describe, expect, it } from 'vitest';
import { copilotChatmodesAdapter } from '../../../src/sources/formats/copilot-chatmodes.js';
import { markdown, sourceFile } from '../fixture.js';

const parse = (text: string) =>
  copilotChatmodesAdapter.parse(sourceFile('.github/chatmodes/planner.chatmode.md', text));

describe('VS Code chat modes', () => {
  it('flat tool ids as written, the id without .chatmode.md', () => {
    const model = parse(markdown("description: Plan\ntools: [ 'codebase','fetch', 'create_issue']"));
    expect(model.agents[0]).toMatchObject({
      id: 'copilot:chatmodes/planner',
      tools: ['codebase', 'fetch', 'create_issue'],
    });
    expect(model.findings).toEqual([]);
  });

  it('a chat mode without tools grants nothing new', () => {
    expect(parse(markdown("description: 'Mentor'")).agents[0]!.tools).toEqual([]);
  });

  it('an odd plain model value is kept as written', () => {
    expect(parse(markdown("model: GPT-4.1 | 'gpt-5'")).agents[0]!.model).toBe("GPT-4.1 | 'gpt-5'");
  });

  it('a non-string model goes to meta, not to model', () => {
    const agent = parse(markdown('model: [a, b]')).agents[0]!;
    expect(agent.model).toBeUndefined();
    expect(agent.meta.model).toEqual(['a', 'b']);
  });
});
