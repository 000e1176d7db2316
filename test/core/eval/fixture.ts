import { readFileSync } from 'node:fs';
import { sharedFixture } from '../../helpers/shared-fixtures.js';

// real promptfoo output, read where it lies in the shared fixtures (never copied into the project)
export const FIXTURE_PATH = sharedFixture('promptfoo', 'results.json');

interface Row {
  success: boolean;
  score: number;
  failureReason: number;
  namedScores: Record<string, number>;
  testCase: { description: string; vars: Record<string, string> };
  promptIdx: number;
  provider: { id: string; label?: string };
  prompt: { raw: string; label: string };
  error?: string;
  [key: string]: unknown;
}

export interface PromptfooOutput {
  results: {
    version: number;
    prompts: { raw: string; label: string; provider: string; [key: string]: unknown }[];
    results: Row[];
    stats: { successes: number; failures: number; errors: number; [key: string]: unknown };
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** A fresh copy of the real promptfoo 0.123.1 output, for tests to derive variants from. */
export function loadFixture(): PromptfooOutput {
  return JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as PromptfooOutput;
}

/** Flips the rows of one test (by description) on one provider label to the given outcome. */
export function setOutcome(
  output: PromptfooOutput,
  description: string,
  provider: string,
  success: boolean,
): void {
  for (const row of output.results.results) {
    if (row.testCase.description !== description || row.provider.label !== provider) continue;
    row.success = success;
    row.score = success ? 1 : 0;
    row.failureReason = success ? 0 : 1;
  }
}
