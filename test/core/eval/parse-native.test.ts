import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { EvalResultsError } from '../../../src/core/eval/errors.js';
import { parseEvalResults } from '../../../src/core/eval/parse-results.js';
import { evalResultsSchema } from '../../../src/schemas/eval-results.js';

function parse(json: unknown) {
  return parseEvalResults(json, 'eval/native.json');
}

function messageOf(json: unknown): string {
  try {
    parse(json);
  } catch (error) {
    if (error instanceof EvalResultsError) return error.message;
    throw error;
  }
  throw new Error('expected an EvalResultsError');
}

describe('native eval results', () => {
  it('reads cases with scores, metrics and errors', () => {
    const run = parse({
      cases: [
        { id: 'refund/damaged', pass: true, score: 0.9, metrics: { tone: 0.8 } },
        { id: 'refund/late', pass: false, error: true },
      ],
    });
    expect(run.source).toEqual({ path: 'eval/native.json', format: 'native' });
    expect(run.errors).toBe(1);
    expect(run.cases.get('refund/damaged')).toEqual({
      passes: 1,
      runs: 1,
      scores: [0.9],
      metrics: { tone: [0.8] },
    });
    expect(run.cases.get('refund/late')).toEqual({ passes: 0, runs: 1, scores: [], metrics: {} });
  });

  it('treats a repeated id as another run of the same case', () => {
    const run = parse({
      cases: [
        { id: 'a', pass: true },
        { id: 'a', pass: false },
        { id: 'a', pass: true },
      ],
    });
    expect(run.cases.get('a')).toMatchObject({ passes: 2, runs: 3 });
  });

  it('names the file and the field of a malformed case', () => {
    expect(messageOf({ cases: {} })).toBe('eval/native.json: cases: expected an array');
    expect(
      messageOf({
        cases: [
          { id: 'a', pass: true },
          { id: 'b', pass: 'yes' },
        ],
      }),
    ).toBe('eval/native.json: cases[1].pass: expected true or false');
    expect(messageOf({ cases: [{ id: '', pass: true }] })).toBe(
      'eval/native.json: cases[0].id: expected a non-empty string',
    );
    expect(messageOf({ cases: [{ id: 'a', pass: true, metrics: { tone: 'good' } }] })).toBe(
      'eval/native.json: cases[0].metrics.tone: expected a number',
    );
  });
});

describe('evalResultsSchema', () => {
  const validate = new Ajv({ strict: false }).compile(evalResultsSchema);
  const samples: unknown[] = [
    { cases: [] },
    { cases: [{ id: 'a', pass: true, score: 1, metrics: { m: 0.5 }, error: false }] },
    { cases: [{ id: 'a', pass: 1 }] },
    { cases: [{ pass: true }] },
    { cases: [{ id: 'a', pass: true, score: 'x' }] },
    { cases: [{ id: 'a', pass: true, metrics: { m: 'x' } }] },
    { cases: [{ id: 'a', pass: true, error: 'boom' }] },
    { cases: 'none' },
  ];

  it('accepts exactly what the parser accepts', () => {
    for (const sample of samples) {
      let parsed = true;
      try {
        parse(sample);
      } catch {
        parsed = false;
      }
      expect({ sample, valid: validate(sample) }).toEqual({ sample, valid: parsed });
    }
  });
});
