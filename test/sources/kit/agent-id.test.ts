import { describe, expect, it } from 'vitest';
import { agentId } from '../../../src/sources/kit/agent-id.js';

describe('agentId', () => {
  it.each([
    ['claude', '.claude/agents/reviewer.md', '.claude', '.md', 'claude:agents/reviewer'],
    ['claude', '.claude/commands/opsx/apply.md', '.claude', '.md', 'claude:commands/opsx/apply'],
    ['claude', '.claude/skills/pdf/SKILL.md', '.claude', '/SKILL.md', 'claude:skills/pdf'],
    ['claude', 'sub/.claude/agents/x.md', '.claude', '.md', 'claude:sub/agents/x'],
    ['claude', '.claude/settings.local.json', '.claude', '.json', 'claude:settings.local'],
    ['copilot', '.github/agents/triage.agent.md', '.github', '.agent.md', 'copilot:agents/triage'],
    ['copilot', 'docs/x.github/a.agent.md', '.github', '.agent.md', 'copilot:docs/x.github/a'],
    ['gh-aw', '.github/workflows/repo-ask.md', '.github', '.md', 'gh-aw:workflows/repo-ask'],
  ])('%s %s', (client, path, folder, suffix, id) => {
    expect(agentId(client, path, folder, suffix)).toBe(id);
  });

  it('strips the full suffix, not only the last extension', () => {
    expect(agentId('copilot', '.github/agents/triage.agent.md', '.github', '.agent.md')).not.toContain(
      '.agent',
    );
  });
});
