import { EvalResultsError } from './errors.js';
import { isRecord, parseNativeResults } from './parse-native.js';
import { parsePromptfooResults } from './parse-promptfoo.js';
import type { EvalRun } from '../../model/eval.js';

/** Reads eval results of any supported format: native `{ cases }`, or promptfoo output (v3 or v2). */
export function parseEvalResults(json: unknown, path: string): EvalRun {
  if (!isRecord(json)) throw new EvalResultsError(path, undefined, 'expected a JSON object');
  if ('cases' in json) return parseNativeResults(json, path);
  if (isRecord(json['results']) || Array.isArray(json['results']) || isRecord(json['table'])) {
    return parsePromptfooResults(json, path);
  }
  throw new EvalResultsError(
    path,
    undefined,
    'not eval results: expected promptfoo output (`results`) or agentgate results (`cases`)',
  );
}

/** The same, from the text of a results file: bad JSON is an EvalResultsError naming the file. */
export function parseEvalResultsText(text: string, path: string): EvalRun {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EvalResultsError(path, undefined, `not valid JSON: ${(error as Error).message}`);
  }
  return parseEvalResults(json, path);
}
