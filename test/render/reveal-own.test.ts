import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/render/markdown-escape.js';
import { renderMarkdownReport } from '../../src/render/markdown.js';
import { revealOwnMarkdown } from '../../src/render/reveal-own.js';
import { makeReport, makeToolChange } from '../helpers/make-report.js';

describe("agentgate's own Markdown in a terminal", () => {
  it('shows its own emoji and mention guard as GitHub shows them', () => {
    const own = '| `t` | added | — → **privileged** ⚠️ |\nsee @\u2060bob <!-\u2060- x -->';
    expect(revealOwnMarkdown(own)).toBe(own);
  });

  it('reveals every other invisible character, a lone selector and a stray joiner included', () => {
    expect(revealOwnMarkdown('a\u001b[2Jb')).toBe('a⟨U+001B⟩[2Jb');
    expect(revealOwnMarkdown('x\uFE0Fy')).toBe('x⟨U+FE0F⟩y');
    expect(revealOwnMarkdown('pay\u2060pal')).toBe('pay⟨U+2060⟩pal');
    expect(revealOwnMarkdown('\u202Eevil ⚠️')).toBe('⟨U+202E⟩evil ⚠️');
  });

  it("text from the PR was revealed when escaped: its own joiners stay visible, agentgate's guard stays hidden", () => {
    const escaped = escapeMarkdown('ping @\u2060alice ⚠️ @bob');
    expect(escaped).toBe('ping @\u2060⟨U\\+2060⟩alice ⚠⟨U\\+FE0F⟩ @\u2060bob');
    expect(revealOwnMarkdown(escaped)).toBe(escaped);
  });

  it('a whole report keeps ⚠️ for an escalation and no ⟨U+…⟩ of its own', () => {
    const md = renderMarkdownReport(
      makeReport({
        control: {
          changed: true,
          escalation: true,
          tools: [makeToolChange({ name: 'admin', radiusAfter: 'privileged', escalation: true })],
        },
        findings: [
          { severity: 'warning', code: 'radius-assumed', path: 'a.yaml', line: 1, message: 'ask @sec' },
        ],
      }),
    );
    const shown = revealOwnMarkdown(md);
    expect(shown).toContain('**privileged** ⚠️');
    expect(shown).toContain('ask @\u2060sec');
    expect(shown).not.toContain('⟨U+');
  });
});
