import { describe, expect, it } from 'vitest';
import { diffTrees } from '../../helpers/diff-trees.js';
import type { Files } from '../../helpers/diff-trees.js';

const subagent = (tools: string) => `---\nname: helper\ndescription: helps\ntools: ${tools}\n---\nHelp.\n`;
const settings = (value: object) => JSON.stringify(value, null, 2);
const escalates = (base: Files, head: Files) => diffTrees(base, head).planes.control.escalation;

describe('escalation counts every kind whose radius rises', () => {
  it('a subagent that gains a shell escalates; one gaining a reader beside its shell does not', () => {
    const base = { '.claude/agents/helper.md': subagent('Read, Grep') };
    expect(escalates(base, { '.claude/agents/helper.md': subagent('Read, Grep, Bash') })).toBe(true);
    const shell = { '.claude/agents/helper.md': subagent('Bash') };
    expect(escalates(shell, { '.claude/agents/helper.md': subagent('Bash, Read') })).toBe(false);
  });

  it('privileged allow rules escalate; a narrower rule beside a wider one does not', () => {
    const base = { '.claude/settings.json': settings({ permissions: { allow: ['Bash(ls:*)'] } }) };
    const wide = {
      '.claude/settings.json': settings({ permissions: { allow: ['Bash(ls:*)', 'Bash(curl:*)'] } }),
    };
    expect(escalates(base, wide)).toBe(true);
    const narrow = {
      '.claude/settings.json': settings({ permissions: { allow: ['Bash(curl:*)', 'Bash(ls:*)'] } }),
    };
    const before = { '.claude/settings.json': settings({ permissions: { allow: ['Bash(curl:*)'] } }) };
    expect(escalates(before, narrow)).toBe(false);
  });

  it('removing an allow rule or adding a deny rule never escalates', () => {
    const base = { '.claude/settings.json': settings({ permissions: { allow: ['Bash(rm:*)'] } }) };
    expect(escalates(base, { '.claude/settings.json': settings({ permissions: { allow: [] } }) })).toBe(
      false,
    );
    expect(
      escalates(base, {
        '.claude/settings.json': settings({
          permissions: { allow: ['Bash(rm:*)'], deny: ['Bash(rm -rf:*)'] },
        }),
      }),
    ).toBe(false);
  });

  it('a removed deny rule escalates', () => {
    const base = { '.claude/settings.json': settings({ permissions: { deny: ['Bash(git push:*)'] } }) };
    expect(escalates(base, { '.claude/settings.json': settings({ permissions: { deny: [] } }) })).toBe(true);
  });

  it('a setting whose value rises escalates, and falling does not', () => {
    const mode = (defaultMode: string) => ({
      '.claude/settings.json': settings({ permissions: { defaultMode } }),
    });
    expect(escalates(mode('default'), mode('bypassPermissions'))).toBe(true);
    expect(escalates(mode('acceptEdits'), mode('plan'))).toBe(false);
  });
});
