import { describe, expect, it } from 'vitest';
import { EvalResultsError } from '../../../src/core/eval/errors.js';
import { parsePromptfooResults } from '../../../src/core/eval/parse-promptfoo.js';
import { parseEvalResults } from '../../../src/core/eval/parse-results.js';
import { loadFixture } from './fixture.js';

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

describe('parsePromptfooResults: version 3 (real promptfoo 0.123.1 output)', () => {
  it('reads 16 cases, 10 passing, 2 provider errors, matching results.stats', () => {
    const output = loadFixture();
    const run = parseEvalResults(output, 'eval/results.json');
    expect(run.source).toEqual({ path: 'eval/results.json', format: 'promptfoo-v3' });
    expect(run.cases.size).toBe(16);
    expect(passing(run)).toBe(output.results.stats.successes);
    expect(run.errors).toBe(output.results.stats.errors);
    expect([...run.cases.values()].every((entry) => entry.runs === 1 && entry.scores.length === 1)).toBe(
      true,
    );
  });

  it('names each case by test description, prompt position and provider label', () => {
    const run = parsePromptfooResults(loadFixture(), 'results.json');
    expect(run.cases.get('mentions the file [prompt 1 @ echo]')).toMatchObject({ passes: 1, runs: 1 });
    expect(run.cases.get('provider error case [prompt 2 @ upper]')).toMatchObject({ passes: 0, runs: 1 });
    expect(run.cases.get('provider error case [prompt 2 @ echo]')).toMatchObject({ passes: 1, runs: 1 });
  });

  it('keeps case ids when the prompt text under review changes', () => {
    const base = loadFixture();
    const head = loadFixture();
    const edited = (text: string) => text.replace('Review this change', 'Carefully review this change');
    for (const prompt of head.results.prompts)
      Object.assign(prompt, { raw: edited(prompt.raw), label: edited(prompt.label) });
    for (const row of head.results.results)
      row.prompt = { raw: edited(row.prompt.raw), label: edited(row.prompt.label) };
    const baseIds = [...parsePromptfooResults(base, 'base.json').cases.keys()].sort();
    const headIds = [...parsePromptfooResults(head, 'head.json').cases.keys()].sort();
    expect(headIds).toEqual(baseIds);
  });

  it('uses an explicit prompt label as written and a file prompt by its path', () => {
    const output = loadFixture();
    const labels = ['support-v2', 'prompts/risk.txt: Summarize risk of: {{change}}'];
    output.results.prompts.forEach((prompt, index) => (prompt.label = labels[index % 2]!));
    for (const row of output.results.results) row.prompt.label = labels[row.promptIdx % 2]!;
    const ids = [...parsePromptfooResults(output, 'r.json').cases.keys()];
    expect(ids).toContain('mentions the file [support-v2 @ echo]');
    expect(ids).toContain('mentions the file [prompts/risk.txt @ upper]');
  });

  it('counts repeated rows (promptfoo --repeat) as runs of one case', () => {
    const output = loadFixture();
    const rows = output.results.results;
    const repeat = structuredClone(rows.filter((row) => row.testCase.description === 'mentions the file'));
    for (const row of repeat) row.success = false;
    output.results.results = [...rows, ...repeat];
    const run = parsePromptfooResults(output, 'r.json');
    expect(run.cases.size).toBe(16);
    expect(run.cases.get('mentions the file [prompt 1 @ echo]')).toMatchObject({ passes: 1, runs: 2 });
  });

  it('tells apart tests that share a description by their vars', () => {
    const output = loadFixture();
    for (const row of output.results.results) row.testCase.description = 'same name';
    const ids = [...parsePromptfooResults(output, 'r.json').cases.keys()];
    expect(new Set(ids).size).toBe(16);
    expect(ids).toContain('same name {"change":"delete README.md"} [prompt 1 @ echo]');
  });

  it('collects namedScores as metrics', () => {
    const output = loadFixture();
    output.results.results.forEach((row, index) => (row.namedScores = { tone: index % 2 }));
    const run = parsePromptfooResults(output, 'r.json');
    const all = [...run.cases.values()].flatMap((entry) => entry.metrics['tone'] ?? []);
    expect(all.sort()).toEqual([...Array(8).fill(0), ...Array(8).fill(1)]);
  });

  it('accepts the bare EvaluateSummary as well as the -o output around it', () => {
    const run = parseEvalResults(loadFixture().results, 'summary.json');
    expect(run.cases.size).toBe(16);
    expect(run.source?.format).toBe('promptfoo-v3');
  });
});

describe('parsePromptfooResults: version 2', () => {
  function versionTwo() {
    const output = loadFixture();
    const rows = output.results.results.map((row) => {
      // rows of that era carried neither failureReason nor testCase
      const { failureReason: _f, testCase: _t, promptIdx: _p, ...rest } = row;
      return rest;
    });
    const prompts = output.results.prompts;
    return {
      results: {
        version: 2,
        timestamp: '2024-01-01T00:00:00.000Z',
        results: rows,
        table: { head: { prompts, vars: ['change'] }, body: [] },
        stats: { successes: 10, failures: 4, errors: 2 },
      },
    };
  }

  it('reads result rows keyed by vars, and takes the error count from stats', () => {
    const run = parseEvalResults(versionTwo(), 'v2.json');
    expect(run.source?.format).toBe('promptfoo-v2');
    expect(run.cases.size).toBe(16);
    expect(passing(run)).toBe(10);
    expect(run.errors).toBe(2);
    expect(run.cases.has('{"change":"delete README.md"} [prompt 1 @ echo]')).toBe(true);
  });

  it('falls back to the table when there are no result rows', () => {
    const v2 = versionTwo();
    v2.results.results = [];
    v2.results.table.body = [
      {
        description: 'greets',
        vars: ['hello'],
        test: { vars: { change: 'hello' } },
        outputs: [
          { pass: true, score: 1, namedScores: { tone: 0.5 } },
          { pass: false, score: 0, failureReason: 2 },
        ],
      },
    ] as never;
    const run = parseEvalResults(v2, 'v2.json');
    expect([...run.cases.keys()]).toEqual(['greets [prompt 1 @ echo]', 'greets [prompt 2 @ echo]']);
    expect(run.cases.get('greets [prompt 1 @ echo]')).toEqual({
      passes: 1,
      runs: 1,
      scores: [1],
      metrics: { tone: [0.5] },
    });
    expect(run.errors).toBe(1);
  });
});

describe('parsePromptfooResults: malformed input', () => {
  it('names the file and the field of a row without success', () => {
    const output = loadFixture();
    delete (output.results.results[3] as { success?: boolean }).success;
    const error = errorOf(() => parseEvalResults(output, 'eval/head.json'));
    expect(error.message).toBe('eval/head.json: results.results[3].success: expected true or false');
    expect(error.field).toBe('results.results[3].success');
  });

  it('rejects a non-numeric score and a non-numeric version', () => {
    const badScore = loadFixture();
    (badScore.results.results[0] as { score: unknown }).score = 'high';
    expect(errorOf(() => parseEvalResults(badScore, 'r.json')).message).toBe(
      'r.json: results.results[0].score: expected a number',
    );
    const badVersion = loadFixture();
    (badVersion.results as { version: unknown }).version = 'three';
    expect(errorOf(() => parseEvalResults(badVersion, 'r.json')).message).toBe(
      'r.json: results.version: expected a number',
    );
  });

  it('rejects a version 3 summary without result rows', () => {
    const output = loadFixture();
    (output.results as { results: unknown }).results = { rows: [] };
    expect(errorOf(() => parseEvalResults(output, 'r.json')).message).toBe(
      'r.json: results.results: expected an array of result rows',
    );
  });
});
