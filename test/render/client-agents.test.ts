import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/plane/config.js';
import { parseSnapshot } from '../../src/core/plane/parse-snapshot.js';
import { flowLine, renderTextReport } from '../../src/render/text.js';
import { createPromptTextLookup } from '../../src/render/prompt-texts.js';
import { diffTrees } from '../helpers/diff-trees.js';
import type { Files } from '../helpers/diff-trees.js';

const plain = new Chalk({ level: 0 });
const agent = (body: string) => `---\nname: critic\ndescription: reviews\ntools: Read\n---\n${body}\n`;
const registryOf = (files: Files) =>
  parseSnapshot(
    Object.entries(files).map(([path, text]) => ({ path, text, oid: text })),
    [],
    DEFAULT_CONFIG,
  ).registry;

describe('client agents in the text report', () => {
  it("a client agent's text edit shows its line diff and no version", () => {
    const base = { '.claude/agents/critic.md': agent('Review the change kindly.') };
    const head = { '.claude/agents/critic.md': agent('Review the change strictly.') };
    const out = renderTextReport(diffTrees(base, head), plain, {
      promptTexts: createPromptTextLookup(registryOf(base), registryOf(head)),
    });
    expect(out).toContain('prompt claude:agents/critic  modified');
    expect(out).not.toContain('version - -> -');
    expect(out).toContain('strictly');
  });

  it('an unattributed path says so', () => {
    const line = flowLine({
      kind: 'untrusted-to-action',
      agent: 'claude:agents/x',
      sources: ['board/*'],
      sinks: ['board/*'],
      unattributed: ['board/*'],
    });
    expect(line).toContain('(unattributed: board/*)');
  });
});
