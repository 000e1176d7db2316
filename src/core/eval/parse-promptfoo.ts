import { EvalResultsError } from './errors.js';
import { isFiniteNumber, isRecord } from './parse-native.js';
import { buildCaseIds, buildPromptKeys } from './promptfoo-keys.js';
import type { PromptEntry, RowIdentity } from './promptfoo-keys.js';
import { addRun, createRun } from './run-builder.js';
import type { EvalRun } from '../../model/eval.js';

/**
 * promptfoo's `-o results.json` output, or its bare `EvaluateSummary`.
 *
 * Version 3 (current): rows in `results[]` with `success`, `score`, `namedScores`, `failureReason`
 * (0 none, 1 assertion, 2 error), `testCase`, `promptIdx`/`prompt`, `provider`; prompts in `prompts[]`.
 * Version 2: the same `results[]` rows (older ones lack `failureReason` and `testCase`) next to a `table`
 * of `head.prompts` and `body[].outputs[]`; the table is read only when `results[]` is absent or empty.
 */
export function parsePromptfooResults(json: unknown, path: string): EvalRun {
  if (!isRecord(json)) throw new EvalResultsError(path, undefined, 'expected a JSON object');
  const wrapped = isRecord(json['results']);
  const summary = wrapped ? (json['results'] as Record<string, unknown>) : json;
  const prefix = wrapped ? 'results.' : '';
  const version = summary['version'];
  if (version !== undefined && !isFiniteNumber(version)) {
    throw new EvalResultsError(path, `${prefix}version`, 'expected a number');
  }
  const isV3 = version !== undefined && version >= 3;
  const rowsValue = summary['results'];
  const table = summary['table'];

  let rows: NormalisedRow[];
  let prompts: PromptEntry[];
  if (Array.isArray(rowsValue) && (isV3 || rowsValue.length > 0 || !isRecord(table))) {
    prompts = readPromptList(isV3 ? summary['prompts'] : isRecord(table) ? table['head'] : undefined, isV3);
    rows = rowsValue.map((row: unknown, index) =>
      readResultRow(row, index, prompts, path, `${prefix}results`),
    );
  } else if (isRecord(table)) {
    prompts = readPromptList(table['head'], false);
    rows = readTableRows(table, prompts, path, `${prefix}table`);
  } else if (isV3) {
    throw new EvalResultsError(path, `${prefix}results`, 'expected an array of result rows');
  } else {
    throw new EvalResultsError(path, `${prefix}results`, 'expected an array of result rows or a `table`');
  }

  const run = createRun(path, isV3 ? 'promptfoo-v3' : 'promptfoo-v2');
  const ids = buildCaseIds(rows, buildPromptKeys(prompts));
  let sawFailureReason = false;
  rows.forEach((row, index) => {
    if (row.failureReason !== undefined) sawFailureReason = true;
    addRun(run, ids[index]!, {
      pass: row.pass,
      score: row.score,
      metrics: row.metrics,
      error: row.failureReason === 2,
    });
  });
  const stats = summary['stats'];
  // rows older than failureReason cannot tell an error from a failed assertion; the totals can
  if (!sawFailureReason && isRecord(stats) && isFiniteNumber(stats['errors'])) run.errors = stats['errors'];
  return run;
}

interface NormalisedRow extends RowIdentity {
  pass: boolean;
  score?: number;
  metrics?: Record<string, number>;
  failureReason?: number;
}

function readPromptList(value: unknown, isV3: boolean): PromptEntry[] {
  // v3: `prompts` is the list itself; v2: `table.head` holds it under `prompts`
  const list = isV3 ? value : isRecord(value) ? value['prompts'] : undefined;
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) => ({
    label: isRecord(item) ? optionalString(item['label']) : undefined,
    raw: isRecord(item) ? optionalString(item['raw']) : undefined,
    provider: isRecord(item) ? optionalString(item['provider']) : undefined,
  }));
}

function readResultRow(
  row: unknown,
  index: number,
  prompts: readonly PromptEntry[],
  path: string,
  at: string,
): NormalisedRow {
  const field = `${at}[${index}]`;
  if (!isRecord(row)) throw new EvalResultsError(path, field, 'expected an object');
  const success = row['success'];
  if (typeof success !== 'boolean')
    throw new EvalResultsError(path, `${field}.success`, 'expected true or false');
  const testCase = isRecord(row['testCase']) ? row['testCase'] : {};
  const promptIdx = isFiniteNumber(row['promptIdx']) ? row['promptIdx'] : undefined;
  const prompt = row['prompt'];
  const promptLabel =
    (isRecord(prompt) ? optionalString(prompt['label']) : undefined) ??
    (promptIdx !== undefined ? prompts[promptIdx]?.label : undefined);
  return {
    description: optionalString(testCase['description']) ?? optionalString(row['description']),
    vars: testCase['vars'] ?? row['vars'],
    testIdx: isFiniteNumber(row['testIdx']) ? row['testIdx'] : undefined,
    promptLabel,
    promptIdx,
    provider: readProvider(row['provider']),
    pass: success,
    score: readScore(row['score'], path, `${field}.score`),
    metrics: readNamedScores(row['namedScores'] ?? gradingNamedScores(row), path, `${field}.namedScores`),
    failureReason: isFiniteNumber(row['failureReason']) ? row['failureReason'] : undefined,
  };
}

function readTableRows(
  table: Record<string, unknown>,
  prompts: readonly PromptEntry[],
  path: string,
  at: string,
): NormalisedRow[] {
  const body = table['body'];
  if (!Array.isArray(body)) throw new EvalResultsError(path, `${at}.body`, 'expected an array');
  const head = isRecord(table['head']) ? table['head'] : {};
  const varNames = Array.isArray(head['vars']) ? head['vars'].map(String) : [];
  const rows: NormalisedRow[] = [];
  body.forEach((entry: unknown, testIdx) => {
    const field = `${at}.body[${testIdx}]`;
    if (!isRecord(entry)) throw new EvalResultsError(path, field, 'expected an object');
    const outputs = entry['outputs'];
    if (!Array.isArray(outputs)) throw new EvalResultsError(path, `${field}.outputs`, 'expected an array');
    const test = isRecord(entry['test']) ? entry['test'] : {};
    const vars = test['vars'] ?? tableVars(varNames, entry['vars']);
    outputs.forEach((output: unknown, promptIdx) => {
      const outAt = `${field}.outputs[${promptIdx}]`;
      if (!isRecord(output)) throw new EvalResultsError(path, outAt, 'expected an object');
      const pass = output['pass'];
      if (typeof pass !== 'boolean')
        throw new EvalResultsError(path, `${outAt}.pass`, 'expected true or false');
      rows.push({
        description: optionalString(entry['description']) ?? optionalString(test['description']),
        vars,
        testIdx,
        promptLabel: prompts[promptIdx]?.label,
        promptIdx,
        provider: optionalString(output['provider']) ?? prompts[promptIdx]?.provider,
        pass,
        score: readScore(output['score'], path, `${outAt}.score`),
        metrics: readNamedScores(output['namedScores'], path, `${outAt}.namedScores`),
        failureReason: isFiniteNumber(output['failureReason']) ? output['failureReason'] : undefined,
      });
    });
  });
  return rows;
}

function tableVars(names: readonly string[], values: unknown): Record<string, unknown> | undefined {
  if (!Array.isArray(values)) return undefined;
  const vars: Record<string, unknown> = {};
  values.forEach((value: unknown, index) => {
    vars[names[index] ?? `var${index + 1}`] = value;
  });
  return vars;
}

function readProvider(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isRecord(value)) return undefined;
  // the label is what the config author chose to tell providers apart (two configs of one model id)
  return optionalString(value['label']) ?? optionalString(value['id']);
}

function readScore(value: unknown, path: string, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isFiniteNumber(value)) throw new EvalResultsError(path, field, 'expected a number');
  return value;
}

function readNamedScores(value: unknown, path: string, field: string): Record<string, number> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new EvalResultsError(path, field, 'expected an object of numbers');
  const metrics: Record<string, number> = {};
  for (const [name, score] of Object.entries(value)) if (isFiniteNumber(score)) metrics[name] = score;
  return metrics;
}

function gradingNamedScores(row: Record<string, unknown>): unknown {
  const grading = row['gradingResult'];
  return isRecord(grading) ? grading['namedScores'] : undefined;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
