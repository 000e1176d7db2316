import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandReferences } from '../../src/runtime/mcp-launch.js';

const context = { root: '/repo', env: { HOME: '/home/me', TOKEN: 't' } };

describe('expandReferences', () => {
  it.each([
    ['${workspaceFolder}/data', '/repo/data'],
    ['${CLAUDE_PROJECT_DIR}', '/repo'],
    ['${HOME}/x', '/home/me/x'],
    ['${env:TOKEN}', 't'],
    ['{env:TOKEN}', 't'],
    ['${MISSING:-fallback}', 'fallback'],
    ['plain $HOME', 'plain $HOME'],
  ])('%s -> %s', (text, expected) => {
    expect(expandReferences(text, context)).toEqual({ kind: 'ok', value: expected });
  });

  it('refuses what it cannot expand, naming the reference', () => {
    expect(expandReferences('${input:root}', context)).toMatchObject({
      kind: 'error',
      reference: '${input:root}',
    });
    expect(expandReferences('${MISSING}', context)).toMatchObject({
      kind: 'error',
      reason: 'needs the environment variable MISSING, which is not set',
    });
    expect(expandReferences('${not a name}', context)).toMatchObject({ kind: 'error' });
  });

  it('leaves text without references as it is', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !text.includes('{')),
        (text) => {
          expect(expandReferences(text, context)).toEqual({ kind: 'ok', value: text });
        },
      ),
    );
  });
});
