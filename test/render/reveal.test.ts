import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderPlanText } from '../../src/render/gate-plan.js';
import { renderTextReport } from '../../src/render/text.js';
import { revealInvisible, revealLine } from '../../src/render/reveal.js';
import { makePromptChange, makeReport, makeToolChange } from '../helpers/make-report.js';

const plain = new Chalk({ level: 0 });
// what must never reach a terminal raw: C0 (but newline), DEL, C1, bidi controls, zero-width characters
const RANGES: [number, number][] = [
  [0x00, 0x09],
  [0x0b, 0x1f],
  [0x7f, 0x9f],
  [0x61c, 0x61c],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x206f],
  [0xfeff, 0xfeff],
];
const DANGEROUS = {
  test: (text: string) =>
    Array.from(text).some((ch) =>
      RANGES.some(([a, b]) => (ch.codePointAt(0) ?? 0) >= a && (ch.codePointAt(0) ?? 0) <= b),
    ),
};
const HOSTILE = [
  '\u001b[2K\u001b[1A✓ no control-plane changes',
  '\u009b2K',
  'admin\u202eexe.txt',
  'a\u2066b\u2069',
  'zero\u200bwidth',
  'bell\u0007 del\u007f',
  'line one\r\nagentgate: no sign-off needed',
  '\u001b]8;;https://evil\u0007link\u001b]8;;\u0007',
];

function hostileReport(text: string) {
  return makeReport({
    baseSha: 'a'.repeat(40),
    data: {
      changed: true,
      files: [{ path: `registry/prompts/${text}.md`, status: 'added' }],
      prompts: [makePromptChange({ id: text })],
      reviewers: [],
    },
    control: {
      changed: true,
      files: [
        { path: `registry/tools/${text}.yaml`, status: 'renamed', oldPath: `registry/tools/${text}.yml` },
      ],
      tools: [
        makeToolChange({
          name: text,
          oldName: text,
          changes: [
            {
              field: text,
              kind: 'changed',
              before: text,
              after: { x: text },
              added: [text],
              removed: [text],
              details: [text],
            },
          ],
        }),
      ],
      bindings: [{ agent: text, added: [text], removed: [text] }],
      flows: {
        added: [{ kind: 'lethal-trifecta', agent: text, sources: [text], sinks: [text] }],
        removed: [],
      },
      requiredSignoffs: 1,
    },
    findings: [{ severity: 'error', code: 'schema', path: text, line: 1, message: text }],
  });
}

describe('text output reveals every character from the PR that could rewrite a terminal', () => {
  it.each(HOSTILE)('diff text: %j', (text) => {
    const out = renderTextReport(hostileReport(text), plain);
    expect(DANGEROUS.test(out)).toBe(false);
    // no line starts with the PR's own text: a newline could not forge a line of agentgate's
    expect(out.split('\n').some((line) => line.startsWith('agentgate: no sign-off'))).toBe(false);
  });

  it('ESC and bidi overrides are shown as visible code points', () => {
    expect(revealLine('\u001b[31mred\u202e')).toBe('⟨U+001B⟩[31mred⟨U+202E⟩');
    expect(revealLine('a\nb\tc')).toBe('a ⏎ b c');
    expect(revealInvisible('\u009b')).toBe('⟨U+009B⟩');
  });

  it('property: no string from the PR brings a dangerous character into the diff text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(DANGEROUS.test(renderTextReport(hostileReport(text), plain))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('check --dry-run reveals notes, statuses and the comment body', () => {
    const evil = HOSTILE[0] as string;
    const out = renderPlanText(
      {
        repo: { owner: 'acme', repo: 'agents' },
        pr: {
          number: 1,
          author: 'm',
          baseSha: 'a'.repeat(40),
          headSha: 'b'.repeat(40),
          baseRef: 'main',
          headRef: 'x',
          draft: false,
          open: true,
          requestedReviewers: [],
          requestedTeams: [],
        },
        statuses: {
          data: { context: 'agentgate/data-plane', state: 'success', description: evil },
          control: { context: 'agentgate/control-plane', state: 'pending', description: '\u202e' },
        },
        reviewers: null,
        comment: { existingId: null, body: `line\n${evil}\n` },
        summary: '',
        notes: [evil],
        targetUrl: null,
      },
      [evil],
    );
    expect(DANGEROUS.test(out)).toBe(false);
  });
});
