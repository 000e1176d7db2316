import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSourceFiles } from '../../../src/core/history/commit-sources.js';
import { describeOverrides, findOverrides } from '../../../src/core/codeowners/codeowners-overrides.js';
import { renderBlock } from '../../../src/core/codeowners/codeowners-block.js';
import { DEFAULT_CONFIG, parseConfig } from '../../../src/core/plane/config.js';
import { createPathClassification } from '../../../src/core/plane/classify-paths.js';
import { planesOfChangedFile } from '../../../src/core/plane/changed-planes.js';
import { createSourceLookup } from '../../../src/sources/lookup.js';

const file = (path: string, text: string) => ({ path, oid: text, text });
const sourceOf = createSourceLookup();

describe('diffSourceFiles', () => {
  it('a new allow rule is added, a dropped deny rule removed', () => {
    const diff = diffSourceFiles(
      [file('.claude/settings.json', '{"permissions":{"deny":["WebFetch"]}}')],
      [file('.claude/settings.json', '{"permissions":{"allow":["Bash"]}}')],
      sourceOf,
    );
    expect(diff.permissions.map((p) => `${p.change} ${p.effect} ${p.rule}`)).toEqual([
      'added allow Bash',
      'removed deny WebFetch',
    ]);
  });

  it('an agent file that stops parsing cannot be shown harmless; one whose text alone changed can', () => {
    const before = file('.claude/agents/a.md', '---\nname: a\ntools: Read\n---\nOne.\n');
    expect(
      diffSourceFiles(
        [before],
        [file('.claude/agents/a.md', '---\nname: a\ntools: Read\n---\nTwo.\n')],
        sourceOf,
      ).unreadablePaths.size,
    ).toBe(0);
    const broken = diffSourceFiles(
      [before],
      [file('.claude/agents/a.md', '---\ntools: [Read\n---\nx\n')],
      sourceOf,
    );
    expect([...broken.unreadablePaths]).toEqual(['.claude/agents/a.md']);
  });

  it('a client config is authority whole, even for an edit that moves nothing', () => {
    const classify = createPathClassification(structuredClone(DEFAULT_CONFIG));
    expect(planesOfChangedFile({ path: '.mcp.json', status: 'modified' }, classify)).toEqual(['control']);
  });
});

describe('describeOverrides', () => {
  it('keeps every comment on one line whatever a source path holds (property)', () => {
    const config = parseConfig(null, 'agentgate.yaml').config;
    fc.assert(
      fc.property(fc.string(), (odd) => {
        const input = {
          config,
          owners: { prompt: ['@p'], tool: ['@t'] },
          codeownersPath: '.github/CODEOWNERS',
          sourcePaths: [`${odd}.mcp.json`, `${odd}/SKILL.md`],
        };
        const lines = describeOverrides(findOverrides('* @a\n', input, renderBlock(input)));
        for (const line of lines) expect(line).not.toMatch(/[\r\n\u2028\u2029]/);
      }),
    );
  });
});
