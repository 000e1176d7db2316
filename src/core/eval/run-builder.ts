import type { EvalCase, EvalFormat, EvalRun } from '../../model/eval.js';

export interface RunRecord {
  pass: boolean;
  score?: number;
  metrics?: Record<string, number>;
  error?: boolean;
}

export function createRun(path: string, format: EvalFormat): EvalRun {
  return { cases: new Map(), errors: 0, source: { path, format } };
}

/** Adds one run of one case; a case id seen again is a repeat of the same case. */
export function addRun(run: EvalRun, caseId: string, record: RunRecord): void {
  let entry: EvalCase | undefined = run.cases.get(caseId);
  if (entry === undefined) {
    entry = { passes: 0, runs: 0, scores: [], metrics: {} };
    run.cases.set(caseId, entry);
  }
  entry.runs++;
  if (record.pass && !record.error) entry.passes++;
  if (record.error) run.errors++;
  if (record.score !== undefined) entry.scores.push(record.score);
  for (const [name, value] of Object.entries(record.metrics ?? {})) {
    (entry.metrics[name] ??= []).push(value);
  }
}
