import { describe, expect, it } from 'vitest';
import { computeEvalDelta } from '../../../src/core/eval/compute-delta.js';
import { parseEvalResults } from '../../../src/core/eval/parse-results.js';
import { loadFixture, setOutcome } from './fixture.js';

const realBase = () => parseEvalResults(loadFixture(), 'base.json');

describe('computeEvalDelta on real promptfoo output', () => {
  it('fails a drop over 2 points when no maxPassRateDrop is configured (SPEC 7 default)', () => {
    const head = loadFixture();
    setOutcome(head, 'mentions the file', 'echo', false);
    setOutcome(head, 'mentions the file', 'upper', false);
    const delta = computeEvalDelta(realBase(), parseEvalResults(head, 'head.json'), {});
    expect(delta.regressions).toHaveLength(4);
    expect(delta.bounds.maxPassRateDrop).toBe(0.02);
    expect(delta.verdict.state).toBe('failure');
    expect(delta.verdict.description).toContain('more than the 2.0 pts allowed');
  });

  it('fails when a head run loses more pass rate than allowed, listing the regressions', () => {
    const head = loadFixture();
    setOutcome(head, 'mentions the file', 'echo', false);
    const delta = computeEvalDelta(realBase(), parseEvalResults(head, 'head.json'), {
      maxPassRateDrop: 0.02,
    });
    expect(delta.base?.passRate).toBe(10 / 16);
    expect(delta.head?.passRate).toBe(8 / 16);
    expect(delta.passRateDelta).toBeCloseTo(-2 / 16);
    expect(delta.regressions.map((flip) => flip.id)).toEqual([
      'mentions the file [prompt 1 @ echo]',
      'mentions the file [prompt 2 @ echo]',
    ]);
    expect(delta.regressions[0]).toEqual({
      id: 'mentions the file [prompt 1 @ echo]',
      base: { passes: 1, runs: 1 },
      head: { passes: 0, runs: 1 },
    });
    expect(delta.fixes).toEqual([]);
    expect(delta.verdict).toEqual({
      state: 'failure',
      description:
        'pass rate dropped 62.5% -> 50.0% (-12.5 pts), more than the 2.0 pts allowed: 2 regressions',
    });
  });

  it('passes an improvement and lists the fixes', () => {
    const head = loadFixture();
    setOutcome(head, 'must say approved (fails)', 'upper', true);
    const delta = computeEvalDelta(realBase(), parseEvalResults(head, 'head.json'), {
      maxPassRateDrop: 0,
      minPassRate: 0.6,
    });
    expect(delta.fixes).toHaveLength(2);
    expect(delta.regressions).toEqual([]);
    expect(delta.verdict.state).toBe('success');
    expect(delta.verdict.description).toBe('pass rate 62.5% -> 75.0% (+12.5 pts): 2 fixes');
  });

  it('lets a drop exactly at the bound through', () => {
    const head = loadFixture();
    setOutcome(head, 'mentions the file', 'echo', false);
    setOutcome(head, 'must say approved (fails)', 'echo', true);
    const before = realBase();
    const after = parseEvalResults(head, 'head.json');
    // 2 regressions and 2 fixes: no net change; then two more regressions, a drop of exactly 2/16
    expect(computeEvalDelta(before, after, { maxPassRateDrop: 0 }).verdict.state).toBe('success');
    setOutcome(head, 'javascript assertion with score', 'upper', false);
    const worse = parseEvalResults(head, 'head.json');
    expect(computeEvalDelta(before, worse, { maxPassRateDrop: 2 / 16 }).verdict.state).toBe('success');
    expect(computeEvalDelta(before, worse, { maxPassRateDrop: 0.12 }).verdict.state).toBe('failure');
  });

  it('fails under minPassRate even when nothing dropped', () => {
    const delta = computeEvalDelta(realBase(), realBase(), { maxPassRateDrop: 0.02, minPassRate: 0.9 });
    expect(delta.verdict).toEqual({
      state: 'failure',
      description: 'pass rate 62.5% is under the minimum 90.0%',
    });
  });
});

describe('computeEvalDelta: missing runs', () => {
  it('judges a head run without a baseline on minPassRate alone and says so', () => {
    const head = realBase();
    expect(computeEvalDelta(null, head, { maxPassRateDrop: 0 }).verdict).toEqual({
      state: 'success',
      description: 'pass rate 62.5% (no baseline)',
    });
    expect(computeEvalDelta(null, head, { minPassRate: 0.8 }).verdict).toEqual({
      state: 'failure',
      description: 'pass rate 62.5% is under the minimum 80.0% (no baseline)',
    });
  });

  it('is pending while the head results are missing', () => {
    const delta = computeEvalDelta(realBase(), null, { minPassRate: 0.5 });
    expect(delta.verdict.state).toBe('pending');
    expect(delta.verdict.description).toMatch(/run the eval/);
    expect(delta.head).toBeNull();
  });
});
