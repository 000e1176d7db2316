import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { computeEvalDelta } from '../core/eval/compute-delta.js';
import { EvalResultsError } from '../core/eval/errors.js';
import { parseEvalResultsText } from '../core/eval/parse-results.js';
import type { EvalDelta } from '../core/eval/types.js';
import type { EvalConfig } from '../core/types.js';
import { readSnapshot } from '../git/snapshot.js';

const MAX_RESULTS_BYTES = 256 * 1024 * 1024;

/**
 * The data plane's behavioural verdict when `planes.data.eval` is configured. Head results are what CI just
 * produced (the working-tree file), else the file committed at head; the baseline is `eval.baseline` (or
 * `eval.results`) as committed on the base branch. Missing head results make the verdict pending; results that
 * cannot be read are returned as such, so that they fail the data plane without touching the control plane.
 */
export async function loadEvalDelta(
  cwd: string,
  config: EvalConfig,
  baseSha: string,
  headSha: string | null,
): Promise<{ delta: EvalDelta } | { invalid: EvalResultsError } | null> {
  if (config.results === undefined) return null;
  const head =
    (await readWorkingFile(cwd, config.results)) ??
    (headSha ? await readCommitted(cwd, headSha, config.results) : null);
  const basePath = config.baseline ?? config.results;
  const base = await readCommitted(cwd, baseSha, basePath);
  const bounds = { maxPassRateDrop: config.maxPassRateDrop, minPassRate: config.minPassRate };
  try {
    const baseRun = base ? parseEvalResultsText(base, basePath) : null;
    const headRun = head ? parseEvalResultsText(head, config.results) : null;
    return { delta: computeEvalDelta(baseRun, headRun, bounds) };
  } catch (error) {
    if (error instanceof EvalResultsError) return { invalid: error };
    throw error;
  }
}

async function readWorkingFile(cwd: string, path: string): Promise<string | null> {
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch {
    return null;
  }
}

async function readCommitted(cwd: string, sha: string, path: string): Promise<string | null> {
  const snapshot = await readSnapshot(cwd, sha, {
    prefixes: [path],
    extraPaths: [],
    maxBytes: MAX_RESULTS_BYTES,
  });
  return snapshot.files.find((file) => file.path === path)?.text ?? null;
}
