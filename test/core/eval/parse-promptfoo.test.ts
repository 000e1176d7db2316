import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EvalResultsError } from '../../../src/core/eval/errors.js';
import type { parsePromptfooResults } from '../../../src/core/eval/parse-promptfoo.js';
import { parseEvalResults } from '../../../src/core/eval/parse-results.js';

const passing = (run: ReturnType<typeof parsePromptfooResults>) =>
  [...run.cases.values()].filter((entry) => entry.passes * 2 > entry.runs).length;

function errorOf(action: () => unknown): EvalResultsError {
  try {
    action();
  } catch (error) {
    if (error instanceof EvalResultsError) return error;
    throw error;
  }
  throw new Error('expected an EvalResultsError');
}

// agentgate's own small promptfoo output (test/fixtures/promptfoo); promptfoo's real output is read by the corpus tests
const small = (): Record<string, unknown> =>
  JSON.parse(
    readFileSync(new URL('../../fixtures/promptfoo/small-run.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

describe('parsePromptfooResults: version 3 (a small run of our own)', () => {
  it('reads one case per test, prompt and provider; passes and errors match its stats', () => {
    const run = parseEvalResults(small(), 'eval/results.json');
    expect(run.source).toEqual({ path: 'eval/results.json', format: 'promptfoo-v3' });
    expect(run.cases.size).toBe(12);
    expect(passing(run)).toBe(9);
    expect(run.errors).toBe(1);
    expect(run.cases.get('names the queue [prompt 2 @ local-b]')).toMatchObject({ passes: 1, runs: 1 });
    expect(run.cases.get('refuses to guess an owner [prompt 1 @ local-b]')).toMatchObject({ passes: 0 });
    expect(run.cases.get('survives a timeout [prompt 1 @ local-a]')?.metrics).toEqual({ tone: [0.9] });
  });

  it('names the file and field of a row whose success is not a boolean', () => {
    const output = small() as { results: { results: Record<string, unknown>[] } };
    output.results.results[5]!['success'] = 'yes';
    expect(errorOf(() => parseEvalResults(output, 'eval/head.json')).message).toBe(
      'eval/head.json: results.results[5].success: expected true or false',
    );
  });
});

describe('parsePromptfooResults: malformed input', () => {
  it('rejects JSON that is neither promptfoo output nor agentgate results', () => {
    expect(errorOf(() => parseEvalResults({ tests: [] }, 'other.json')).message).toMatch(
      /^other\.json: not eval results/,
    );
    expect(errorOf(() => parseEvalResults([1, 2], 'list.json')).message).toBe(
      'list.json: expected a JSON object',
    );
  });
});
