import { describe, expect, it } from 'vitest';
import { computeEvalDelta } from '../../../src/core/eval/compute-delta.js';
import { parseEvalResults } from '../../../src/core/eval/parse-results.js';
import type { EvalRun } from '../../../src/model/eval.js';

function native(
  cases: { id: string; pass: boolean; score?: number; metrics?: Record<string, number> }[],
): EvalRun {
  return parseEvalResults({ cases }, 'native.json');
}

describe('computeEvalDelta on real promptfoo output', () => {
  it('lets a drop of exactly 2 points pass by default, and one just over it fail', () => {
    const fifty = (passes: number) =>
      native(Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, pass: i < passes })));
    expect(computeEvalDelta(fifty(50), fifty(49), {}).verdict.state).toBe('success');
    expect(computeEvalDelta(fifty(50), fifty(48), {}).verdict.state).toBe('failure');
  });
});

describe('computeEvalDelta: missing runs', () => {
  it('fails head results that hold no cases', () => {
    expect(computeEvalDelta(null, native([]), {}).verdict).toEqual({
      state: 'failure',
      description: 'head eval results contain no cases',
    });
  });
});

describe('computeEvalDelta: repeats, metrics, case sets', () => {
  it('counts a repeated case once by majority, a tie as failing, and lists it as flaky', () => {
    const base = native([
      { id: 'steady', pass: true },
      { id: 'mostly', pass: true },
      { id: 'mostly', pass: true },
      { id: 'mostly', pass: false },
    ]);
    const head = native([
      { id: 'steady', pass: true },
      { id: 'mostly', pass: true },
      { id: 'mostly', pass: false },
    ]);
    const delta = computeEvalDelta(base, head, { maxPassRateDrop: 0.1 });
    expect(delta.base).toMatchObject({ cases: 2, passed: 2, passRate: 1, runs: 4 });
    expect(delta.head).toMatchObject({ cases: 2, passed: 1, passRate: 0.5, runs: 3 });
    expect(delta.base?.flaky).toEqual([{ id: 'mostly', passes: 2, runs: 3 }]);
    expect(delta.head?.flaky).toEqual([{ id: 'mostly', passes: 1, runs: 2 }]);
    expect(delta.regressions).toEqual([
      { id: 'mostly', base: { passes: 2, runs: 3 }, head: { passes: 1, runs: 2 } },
    ]);
    expect(delta.verdict.state).toBe('failure');
  });

  it('compares metric means per case, each case weighted once', () => {
    const base = native([
      { id: 'a', pass: true, score: 1, metrics: { tone: 0.5, accuracy: 1 } },
      { id: 'b', pass: true, score: 0.5, metrics: { tone: 0.7 } },
    ]);
    const head = native([
      { id: 'a', pass: true, score: 1, metrics: { tone: 0.9 } },
      { id: 'a', pass: true, score: 1, metrics: { tone: 0.9 } },
      { id: 'a', pass: true, score: 1, metrics: { tone: 0.9 } },
      { id: 'b', pass: true, score: 0.5, metrics: { tone: 0.5, latency: 3 } },
    ]);
    const delta = computeEvalDelta(base, head, {});
    expect(delta.metrics.map((m) => m.name)).toEqual(['accuracy', 'latency', 'tone']);
    expect(delta.metrics[0]).toEqual({ name: 'accuracy', before: 1, after: null, delta: null });
    expect(delta.metrics[1]).toEqual({ name: 'latency', before: null, after: 3, delta: null });
    expect(delta.metrics[2]?.before).toBeCloseTo(0.6);
    expect(delta.metrics[2]?.after).toBeCloseTo(0.7);
    expect(delta.metrics[2]?.delta).toBeCloseTo(0.1);
    expect(delta.head?.meanScore).toBeCloseTo(0.75);
  });

  it('lists cases that appear or disappear apart from regressions and fixes, and says when cases stopped running', () => {
    const delta = computeEvalDelta(
      native([
        { id: 'kept', pass: true },
        { id: 'dropped', pass: false },
      ]),
      native([
        { id: 'kept', pass: true },
        { id: 'new', pass: false },
      ]),
      {},
    );
    expect(delta.addedCases).toEqual(['new']);
    expect(delta.removedCases).toEqual(['dropped']);
    expect(delta.regressions).toEqual([]);
    expect(delta.fixes).toEqual([]);
    expect(delta.verdict).toEqual({
      state: 'success',
      description: 'pass rate 50.0% -> 50.0% (±0.0 pts): 1 no longer run',
    });
  });
});
