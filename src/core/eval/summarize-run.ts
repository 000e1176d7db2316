import type { EvalCase, EvalRun, EvalSideSummary, FlakyCase } from '../../model/eval.js';

/** A case counts once, by the majority of its runs; a tie fails, so flakiness never reads as a pass. */
export function casePasses(entry: EvalCase): boolean {
  return entry.passes * 2 > entry.runs;
}

export function summarizeRun(run: EvalRun): EvalSideSummary {
  let passed = 0;
  let runs = 0;
  const flaky: FlakyCase[] = [];
  for (const [id, entry] of run.cases) {
    runs += entry.runs;
    if (casePasses(entry)) passed++;
    if (entry.passes > 0 && entry.passes < entry.runs)
      flaky.push({ id, passes: entry.passes, runs: entry.runs });
  }
  flaky.sort((x, y) => compareIds(x.id, y.id));
  const cases = run.cases.size;
  return {
    path: run.source?.path ?? null,
    format: run.source?.format ?? null,
    cases,
    passed,
    passRate: cases === 0 ? null : passed / cases,
    runs,
    errors: run.errors,
    meanScore: meanOfCaseMeans([...run.cases.values()].map((entry) => entry.scores)),
    flaky,
  };
}

/** Mean per metric over the cases that report it, each case weighted once however often it ran. */
export function metricMeans(run: EvalRun): Map<string, number> {
  const perMetric = new Map<string, number[][]>();
  for (const entry of run.cases.values()) {
    for (const [name, values] of Object.entries(entry.metrics)) {
      let list = perMetric.get(name);
      if (list === undefined) perMetric.set(name, (list = []));
      list.push(values);
    }
  }
  const means = new Map<string, number>();
  for (const [name, lists] of perMetric) {
    const mean = meanOfCaseMeans(lists);
    if (mean !== null) means.set(name, mean);
  }
  return means;
}

function meanOfCaseMeans(lists: readonly number[][]): number | null {
  let sum = 0;
  let count = 0;
  for (const values of lists) {
    if (values.length === 0) continue;
    sum += values.reduce((total, value) => total + value, 0) / values.length;
    count++;
  }
  return count === 0 ? null : sum / count;
}

export function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
