import { casePasses, compareIds, metricMeans, summarizeRun } from './summarize-run.js';
import type {
  CaseFlip,
  EvalBounds,
  EvalDelta,
  EvalRun,
  EvalSideSummary,
  EvalVerdict,
  MetricDelta,
} from '../../model/eval.js';

// pass rates are ratios of small integers: a drop exactly at the bound must not fail on rounding
const EPSILON = 1e-9;

/**
 * The largest pass-rate drop allowed when none is configured: 2 points. Without a default, a 25-point
 * drop with four regressions would pass, and a gate that passes regressions by default is not a gate.
 */
export const DEFAULT_MAX_PASS_RATE_DROP = 0.02;

/** The bounds a verdict is judged by: the configured ones, with the default drop where none is set. */
export function effectiveBounds(bounds: EvalBounds): EvalBounds {
  return { ...bounds, maxPassRateDrop: bounds.maxPassRateDrop ?? DEFAULT_MAX_PASS_RATE_DROP };
}

/**
 * The data plane's behavioural verdict from two eval runs. Pass rates are case-level; a missing head run
 * is pending (nothing to judge yet), a missing baseline is judged on `minPassRate` alone.
 */
export function computeEvalDelta(
  base: EvalRun | null,
  head: EvalRun | null,
  configured: EvalBounds,
): EvalDelta {
  const bounds = effectiveBounds(configured);
  const baseSummary = base === null ? null : summarizeRun(base);
  const headSummary = head === null ? null : summarizeRun(head);
  const flips = base !== null && head !== null ? compareCases(base, head) : emptyFlips();
  const passRateDelta =
    baseSummary?.passRate != null && headSummary?.passRate != null
      ? headSummary.passRate - baseSummary.passRate
      : null;
  return {
    base: baseSummary,
    head: headSummary,
    passRateDelta,
    ...flips,
    metrics: compareMetrics(base, head),
    bounds,
    verdict: judge(baseSummary, headSummary, passRateDelta, bounds, flips),
  };
}

interface Flips {
  regressions: CaseFlip[];
  fixes: CaseFlip[];
  addedCases: string[];
  removedCases: string[];
}

function emptyFlips(): Flips {
  return { regressions: [], fixes: [], addedCases: [], removedCases: [] };
}

function compareCases(base: EvalRun, head: EvalRun): Flips {
  const flips = emptyFlips();
  for (const [id, before] of base.cases) {
    const after = head.cases.get(id);
    if (after === undefined) {
      flips.removedCases.push(id);
      continue;
    }
    const passedBefore = casePasses(before);
    if (passedBefore === casePasses(after)) continue;
    const flip = { id, base: runs(before), head: runs(after) };
    (passedBefore ? flips.regressions : flips.fixes).push(flip);
  }
  for (const id of head.cases.keys()) if (!base.cases.has(id)) flips.addedCases.push(id);
  flips.regressions.sort((x, y) => compareIds(x.id, y.id));
  flips.fixes.sort((x, y) => compareIds(x.id, y.id));
  flips.addedCases.sort(compareIds);
  flips.removedCases.sort(compareIds);
  return flips;
}

function runs(entry: { passes: number; runs: number }) {
  return { passes: entry.passes, runs: entry.runs };
}

function compareMetrics(base: EvalRun | null, head: EvalRun | null): MetricDelta[] {
  const before = base === null ? new Map<string, number>() : metricMeans(base);
  const after = head === null ? new Map<string, number>() : metricMeans(head);
  const names = [...new Set([...before.keys(), ...after.keys()])].sort(compareIds);
  return names.map((name) => {
    const b = before.get(name) ?? null;
    const a = after.get(name) ?? null;
    return { name, before: b, after: a, delta: a !== null && b !== null ? a - b : null };
  });
}

function judge(
  base: EvalSideSummary | null,
  head: EvalSideSummary | null,
  delta: number | null,
  bounds: EvalBounds,
  flips: Flips,
): EvalVerdict {
  if (head === null) {
    return {
      state: 'pending',
      description: 'waiting for eval results of the head commit: run the eval and supply its results',
    };
  }
  if (head.passRate === null) return { state: 'failure', description: 'head eval results contain no cases' };
  const rate = percent(head.passRate);
  const reasons: string[] = [];
  if (bounds.minPassRate !== undefined && head.passRate < bounds.minPassRate - EPSILON) {
    reasons.push(`pass rate ${rate} is under the minimum ${percent(bounds.minPassRate)}`);
  }
  if (base === null || base.passRate === null || delta === null) {
    const note = base === null ? 'no baseline' : 'baseline has no cases';
    if (reasons.length > 0) return { state: 'failure', description: `${reasons.join('; ')} (${note})` };
    return { state: 'success', description: `pass rate ${rate} (${note})` };
  }
  const movement = `${percent(base.passRate)} -> ${rate} (${points(delta)})`;
  if (bounds.maxPassRateDrop !== undefined && -delta > bounds.maxPassRateDrop + EPSILON) {
    reasons.unshift(
      `pass rate dropped ${movement}, more than the ${(bounds.maxPassRateDrop * 100).toFixed(1)} pts allowed`,
    );
  }
  // a case that stops being run can lift the pass rate without any fix: say so where the verdict is read
  const dropped = flips.removedCases.length === 0 ? '' : `${flips.removedCases.length} no longer run`;
  const counts = [count(flips.regressions.length, 'regression'), count(flips.fixes.length, 'fix'), dropped]
    .filter((part) => part !== '')
    .join(', ');
  const tail = counts === '' ? '' : `: ${counts}`;
  if (reasons.length > 0) return { state: 'failure', description: `${reasons.join('; ')}${tail}` };
  return { state: 'success', description: `pass rate ${movement}${tail}` };
}

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** A signed difference of two rates in percentage points. */
export function points(delta: number): string {
  const value = delta * 100;
  const rounded = Math.abs(value) < 0.05 ? 0 : value;
  return `${rounded > 0 ? '+' : rounded < 0 ? '-' : '±'}${Math.abs(rounded).toFixed(1)} pts`;
}

function count(n: number, noun: string): string {
  if (n === 0) return '';
  return `${n} ${n === 1 ? noun : noun === 'fix' ? 'fixes' : `${noun}s`}`;
}
