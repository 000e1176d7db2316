import { EvalResultsError } from './errors.js';
import { addRun, createRun } from './run-builder.js';
import type { EvalRun } from '../../model/eval.js';

/**
 * The native format, `{ "cases": [{ "id", "pass", "score"?, "metrics"?, "error"? }] }` (schema in
 * src/schemas/eval-results.ts). An id that appears more than once is a repeated run of the same case.
 */
export function parseNativeResults(json: unknown, path: string): EvalRun {
  if (!isRecord(json)) throw new EvalResultsError(path, undefined, 'expected a JSON object');
  const cases = json['cases'];
  if (!Array.isArray(cases)) throw new EvalResultsError(path, 'cases', 'expected an array');
  const run = createRun(path, 'native');
  cases.forEach((item: unknown, index) => {
    const at = `cases[${index}]`;
    if (!isRecord(item)) throw new EvalResultsError(path, at, 'expected an object');
    const id = item['id'];
    if (typeof id !== 'string' || id === '')
      throw new EvalResultsError(path, `${at}.id`, 'expected a non-empty string');
    const pass = item['pass'];
    if (typeof pass !== 'boolean') throw new EvalResultsError(path, `${at}.pass`, 'expected true or false');
    const score = item['score'];
    if (score !== undefined && !isFiniteNumber(score)) {
      throw new EvalResultsError(path, `${at}.score`, 'expected a number');
    }
    const error = item['error'];
    if (error !== undefined && typeof error !== 'boolean') {
      throw new EvalResultsError(path, `${at}.error`, 'expected true or false');
    }
    addRun(run, id, { pass, score, metrics: readMetrics(item['metrics'], path, `${at}.metrics`), error });
  });
  return run;
}

function readMetrics(value: unknown, path: string, at: string): Record<string, number> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new EvalResultsError(path, at, 'expected an object of numbers');
  for (const [name, metric] of Object.entries(value)) {
    if (!isFiniteNumber(metric)) throw new EvalResultsError(path, `${at}.${name}`, 'expected a number');
  }
  return value as Record<string, number>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
