import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTextLines, isLongText } from '../../src/render/line-diff.js';

const lines = (n: number, edit?: (i: number) => string | undefined) =>
  Array.from({ length: n }, (_, i) => edit?.(i) ?? `line ${i}`).join('\n');

/** A final newline ends the last line, it does not start another; an empty text has no lines. */
const linesOf = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

describe('diffTextLines', () => {
  it('shows one edited line of sixty with three lines of context each side', () => {
    const diff = diffTextLines(
      lines(60),
      lines(60, (i) => (i === 30 ? 'line 30, reworded' : undefined)),
    );
    expect(diff.more).toBe(0);
    expect(diff.lines.map((l) => `${l.kind[0]}${l.text}`)).toEqual([
      'h@@ -28,7 +28,7 @@',
      'cline 27',
      'cline 28',
      'cline 29',
      'rline 30',
      'aline 30, reworded',
      'cline 31',
      'cline 32',
      'cline 33',
    ]);
  });

  it('caps a long diff and counts what it left out', () => {
    const diff = diffTextLines(
      lines(200),
      lines(200, (i) => `changed ${i}`),
      { maxLines: 40 },
    );
    expect(diff.lines).toHaveLength(40);
    expect(diff.more).toBe(401 - 40);
  });

  it('prints nothing for equal texts, and a missing final newline is no change', () => {
    expect(diffTextLines('a\nb', 'a\nb').lines).toEqual([]);
    expect(diffTextLines('a\nb', 'a\nb\n').lines).toEqual([]);
  });

  it('calls texts long when they span lines or are long, never non-strings', () => {
    expect(isLongText('a\nb', 'a')).toBe(true);
    expect(isLongText('x'.repeat(100), 'y'.repeat(100))).toBe(true);
    expect(isLongText('short', 'text')).toBe(false);
    expect(isLongText(['a\nb'], 'a\nb')).toBe(false);
    expect(isLongText(undefined, 'a\nb')).toBe(false);
  });

  it('property: with full context, the kept and removed lines are the old text, kept and added the new', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', '', 'd d', '\u200b'), { maxLength: 25 });
    fc.assert(
      fc.property(text, text, (before, after) => {
        const [was, is] = [before.join('\n'), after.join('\n')];
        const diff = diffTextLines(was, is, { context: 1000, maxLines: 10_000 });
        const body = diff.lines.filter((l) => l.kind !== 'hunk');
        if (
          linesOf(was).join('\n') === linesOf(is).join('\n') &&
          linesOf(was).length === linesOf(is).length
        ) {
          expect(body).toEqual([]);
          return;
        }
        const old = body.filter((l) => l.kind !== 'added').map((l) => l.text);
        const now = body.filter((l) => l.kind !== 'removed').map((l) => l.text);
        expect(old).toEqual(linesOf(was));
        expect(now).toEqual(linesOf(is));
      }),
    );
  });
});
