// Shapes of the data-plane eval gate: two eval runs in, one behavioural verdict out.

export type EvalFormat = 'promptfoo-v3' | 'promptfoo-v2' | 'native';

/** Every run of one case (a case repeated with `--repeat` has several). */
export interface EvalCase {
  passes: number;
  runs: number;
  scores: number[];
  metrics: Record<string, number[]>;
}

export interface EvalRun {
  cases: Map<string, EvalCase>;
  /** runs that errored (provider failure, not a failed assertion); they also count as not passing */
  errors: number;
  source?: { path: string; format: EvalFormat };
}

export interface EvalBounds {
  /** largest allowed drop of the pass rate, as a fraction (0.02 = 2 points) */
  maxPassRateDrop?: number;
  /** lowest allowed pass rate, as a fraction */
  minPassRate?: number;
}

export interface CaseRuns {
  passes: number;
  runs: number;
}

export interface FlakyCase extends CaseRuns {
  id: string;
}

export interface CaseFlip {
  id: string;
  base: CaseRuns;
  head: CaseRuns;
}

export interface EvalSideSummary {
  path: string | null;
  format: EvalFormat | null;
  cases: number;
  passed: number;
  /** passed / cases; null when there are no cases */
  passRate: number | null;
  runs: number;
  errors: number;
  /** mean over cases of each case's mean score; null when no run carried a score */
  meanScore: number | null;
  /** cases whose runs disagree; each counts once, by majority, ties failing */
  flaky: FlakyCase[];
}

export interface MetricDelta {
  name: string;
  before: number | null;
  after: number | null;
  delta: number | null;
}

export type EvalVerdictState = 'success' | 'failure' | 'pending';

export interface EvalVerdict {
  state: EvalVerdictState;
  description: string;
}

export interface EvalDelta {
  base: EvalSideSummary | null;
  head: EvalSideSummary | null;
  /** head pass rate minus base pass rate; null without both */
  passRateDelta: number | null;
  /** passed at base, failing at head */
  regressions: CaseFlip[];
  /** failing at base, passing at head */
  fixes: CaseFlip[];
  addedCases: string[];
  removedCases: string[];
  metrics: MetricDelta[];
  bounds: EvalBounds;
  verdict: EvalVerdict;
}
