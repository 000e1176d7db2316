import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compileGlobs } from '../../src/model/globs.js';

const OPTIONS = { dot: true, flags: 'si' } as const;

// path segments and glob pieces drawn from the characters that matter to a glob engine
// (case look-alikes too: the Kelvin sign and the long s fold onto ASCII letters only under Unicode rules)
const segment = fc.stringMatching(/^[a-zA-Z0-9._\-\n\u2028 \u212A\u017F\u0130]{0,6}$/);
const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
const globPiece = fc.oneof(
  segment,
  fc.constantFrom(
    '*',
    '**',
    '?',
    '*.yaml',
    '*.MD',
    'SKILL.md',
    '[ab]',
    '{a,b}',
    '!x',
    '.*',
    'k',
    's',
    'i',
    '\\*a',
    './',
    '!',
    '',
  ),
);
const glob = fc
  .array(globPiece, { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join('/'))
  .filter((text) => text !== '');

describe('compileGlobs', () => {
  it('answers exactly as picomatch over the same globs, for any globs and path', () => {
    fc.assert(
      fc.property(fc.array(glob, { minLength: 1, maxLength: 4 }), path, (globs, candidate) => {
        expect(compileGlobs(globs)(candidate)).toBe(picomatch(globs, OPTIONS)(candidate));
      }),
      { numRuns: 3000 },
    );
  });

  it('matches across newlines and line separators, and regardless of case', () => {
    const match = compileGlobs(['registry/**']);
    expect(match('registry/tools/a\nb.yaml')).toBe(true);
    expect(match('registry/a\u2028.yaml')).toBe(true);
    expect(match('Registry/Tools/x.yaml')).toBe(true);
    expect(match('other/x.yaml')).toBe(false);
  });

  it('matches a path equal to a glob text that is itself a pattern (picomatch names the file literally)', () => {
    expect(compileGlobs(['tools/a[1].yaml'])('tools/a[1].yaml')).toBe(true);
    expect(compileGlobs(['tools/a[1].yaml'])('tools/a1.yaml')).toBe(true);
  });

  it('tries a glob only on paths ending with its literal tail, up to ASCII case', () => {
    const match = compileGlobs(['**/.mcp.json', '**/SKILL.md']);
    expect(match('a/b/.MCP.JSON')).toBe(true);
    expect(match('deep/x/skill.md')).toBe(true);
    expect(match('a/.mcp.json.bak')).toBe(false);
    expect(match('a/\u212Amcp.json')).toBe(false);
  });

  it('matches nothing with no globs, and never the empty path', () => {
    expect(compileGlobs([])('anything')).toBe(false);
    expect(compileGlobs(['**'])('')).toBe(false);
  });

  it('keeps a negated glob a negation inside the union', () => {
    const match = compileGlobs(['!registry/**', 'registry/tools/*.yaml']);
    expect(match('elsewhere/x')).toBe(true);
    expect(match('registry/tools/a.yaml')).toBe(true);
    expect(match('registry/prompts/a.md')).toBe(false);
  });
});
