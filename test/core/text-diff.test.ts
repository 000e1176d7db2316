import { describe, expect, it } from 'vitest';
import { diffLineOps, unifiedDiff } from '../../src/core/text-diff.js';

/** Length of the longest common subsequence of lines, by the textbook O(NM) table: the reference answer. */
function lcsLength(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const line of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 0; j < b.length; j++) {
      current[j + 1] = line === b[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, current[j]!);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** A deterministic pseudo-random generator, so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function mutate(lines: string[], next: () => number, rate: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const roll = next();
    if (roll < rate / 3) continue; // delete
    if (roll < (2 * rate) / 3)
      out.push(`changed ${Math.floor(next() * 1000)}`); // replace
    else out.push(line);
    if (next() < rate / 3) out.push(`inserted ${Math.floor(next() * 1000)}`);
  }
  return out;
}

describe('unifiedDiff', () => {
  it('returns an empty string for identical texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n')).toBe('');
  });

  it('prints one hunk with three lines of context around a single change', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nd\nE\nf\ng\nh\n';
    expect(unifiedDiff(before, after)).toBe(
      ['@@ -2,7 +2,7 @@', ' b', ' c', ' d', '-e', '+E', ' f', ' g', ' h'].join('\n'),
    );
  });

  it('splits distant changes into separate hunks and merges close ones', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `l${i + 1}`);
    const far = [...lines];
    far[1] = 'X';
    far[17] = 'Y';
    const farDiff = unifiedDiff(lines.join('\n'), far.join('\n'), { context: 2 });
    expect(farDiff.split('\n').filter((line) => line.startsWith('@@'))).toEqual([
      '@@ -1,4 +1,4 @@',
      '@@ -16,5 +16,5 @@',
    ]);

    const near = [...lines];
    near[5] = 'X';
    near[9] = 'Y';
    const nearDiff = unifiedDiff(lines.join('\n'), near.join('\n'), { context: 2 });
    expect(nearDiff.split('\n').filter((line) => line.startsWith('@@'))).toEqual(['@@ -4,9 +4,9 @@']);
  });

  it('names an empty side by the line before it, as GNU diff does', () => {
    expect(unifiedDiff('', 'x\ny\n')).toBe('@@ -0,0 +1,2 @@\n+x\n+y');
    expect(unifiedDiff('x\n', '')).toBe('@@ -1 +0,0 @@\n-x');
  });

  it('marks a last line that lost or gained its newline', () => {
    expect(unifiedDiff('a\nb', 'a\nb\n')).toBe('@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b');
  });

  it('truncates past maxLines and says how many lines were left out', () => {
    const before = Array.from({ length: 50 }, (_, i) => `old ${i}\n`).join('');
    const after = Array.from({ length: 50 }, (_, i) => `new ${i}\n`).join('');
    const full = unifiedDiff(before, after).split('\n');
    const cut = unifiedDiff(before, after, { maxLines: 10 }).split('\n');
    expect(full).toHaveLength(101);
    expect(cut).toHaveLength(11);
    expect(cut.slice(0, 10)).toEqual(full.slice(0, 10));
    expect(cut[10]).toBe('… 91 more lines');
  });

  it('finds a minimal edit script: removed and added lines match an independent LCS', () => {
    const next = random(42);
    for (let round = 0; round < 20; round++) {
      const before = Array.from(
        { length: 60 + Math.floor(next() * 200) },
        () => `w${Math.floor(next() * 30)}`,
      );
      const after = mutate(before, next, 0.3);
      const counts = diffLineOps(`${before.join('\n')}\n`, `${after.join('\n')}\n`);
      const common = lcsLength(before, after);
      expect(counts).toEqual({
        equal: common,
        deleted: before.length - common,
        inserted: after.length - common,
      });
    }
  });

  it('keeps hunk headers consistent with the lines under them on a larger input', () => {
    const next = random(7);
    const before = Array.from({ length: 800 }, (_, i) => `line ${i} ${Math.floor(next() * 5)}`);
    const after = mutate(before, next, 0.05);
    const diff = unifiedDiff(`${before.join('\n')}\n`, `${after.join('\n')}\n`, { context: 3 }).split('\n');
    let removed = 0;
    let added = 0;
    for (let i = 0; i < diff.length;) {
      const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(diff[i]!);
      expect(header).not.toBeNull();
      const oldCount = Number(header![2] ?? 1);
      const newCount = Number(header![4] ?? 1);
      let seenOld = 0;
      let seenNew = 0;
      i++;
      while (i < diff.length && !diff[i]!.startsWith('@@')) {
        const tag = diff[i]!.charAt(0);
        if (tag !== '+') seenOld++;
        if (tag !== '-') seenNew++;
        if (tag === '-') removed++;
        if (tag === '+') added++;
        i++;
      }
      expect([seenOld, seenNew]).toEqual([oldCount, newCount]);
    }
    const common = lcsLength(before, after);
    expect([removed, added]).toEqual([before.length - common, after.length - common]);
  });

  it('stays fast on a 5,000-line prompt, with few edits and with none in common', () => {
    const before = Array.from({ length: 5000 }, (_, i) => `sentence ${i} of the system prompt`);
    const edited = before.map((line, i) => (i % 250 === 0 ? `${line} (edited)` : line));
    const unrelated = Array.from({ length: 5000 }, (_, i) => `something else ${i}`);
    const started = performance.now();
    const fewEdits = diffLineOps(before.join('\n'), edited.join('\n'));
    const allNew = diffLineOps(before.join('\n'), unrelated.join('\n'));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(fewEdits).toEqual({ equal: 4980, deleted: 20, inserted: 20 });
    expect(allNew).toEqual({ equal: 0, deleted: 5000, inserted: 5000 });
  });
});
