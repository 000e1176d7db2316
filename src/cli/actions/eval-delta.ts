import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Chalk } from 'chalk';
import { computeEvalDelta } from '../../core/eval/compute-delta.js';
import { EvalResultsError } from '../../core/eval/errors.js';
import { parseEvalResultsText } from '../../core/eval/parse-results.js';
import { parseConfig } from '../../core/plane/config.js';
import { findRepoConfig } from '../../load/find-repo-config.js';
import type { EvalBounds, EvalDelta, EvalRun } from '../../model/eval.js';
import {
  renderEvalDeltaJson,
  renderEvalDeltaMarkdown,
  renderEvalDeltaText,
} from '../../render/eval-delta.js';
import { UsageError } from '../../errors.js';

export interface EvalDeltaOptions {
  baseResults?: string;
  headResults?: string;
  maxDrop?: string;
  minPassRate?: string;
  format: 'text' | 'json' | 'markdown';
}

/**
 * Exit 0 when the verdict is success; 1 on failure or pending (nothing to judge is not a pass). Bounds come from
 * the flags, else from the repository's `planes.data.eval`, else the defaults (a drop over 2 points fails).
 */
export async function runEvalDelta(options: EvalDeltaOptions, cwd: string): Promise<number> {
  const bounds: EvalBounds = await configuredBounds(cwd);
  const maxDrop = parseRate('--max-drop', options.maxDrop);
  const minPassRate = parseRate('--min-pass-rate', options.minPassRate);
  if (maxDrop !== undefined) bounds.maxPassRateDrop = maxDrop;
  if (minPassRate !== undefined) bounds.minPassRate = minPassRate;
  const base = options.baseResults === undefined ? null : await loadRun(options.baseResults, cwd);
  const head = options.headResults === undefined ? null : await loadRun(options.headResults, cwd);
  const delta = computeEvalDelta(base, head, bounds);
  process.stdout.write(render(delta, options.format));
  return delta.verdict.state === 'success' ? 0 : 1;
}

async function configuredBounds(cwd: string): Promise<EvalBounds> {
  const found = await findRepoConfig(cwd);
  if (found === null) return {};
  const { config, errors } = parseConfig(found.text, found.path);
  const first = errors[0];
  if (first) throw new UsageError(first.message);
  const evalConfig = config.planes.data.eval;
  const bounds: EvalBounds = {};
  if (evalConfig?.maxPassRateDrop !== undefined) bounds.maxPassRateDrop = evalConfig.maxPassRateDrop;
  if (evalConfig?.minPassRate !== undefined) bounds.minPassRate = evalConfig.minPassRate;
  return bounds;
}

async function loadRun(path: string, cwd: string): Promise<EvalRun> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new UsageError(`${path}: cannot read eval results: ${reason}`);
  }
  try {
    return parseEvalResultsText(text, path);
  } catch (error) {
    if (error instanceof EvalResultsError) throw new UsageError(error.message);
    throw error;
  }
}

/** A fraction (0.02) or a percentage (2%), between 0 and 1 inclusive. */
export function parseRate(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  const isPercent = text.endsWith('%');
  const number = Number(isPercent ? text.slice(0, -1) : text);
  const rate = isPercent ? number / 100 : number;
  if (text === '' || text === '%' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new UsageError(
      `${flag}: expected a fraction between 0 and 1 (e.g. 0.02) or a percentage (e.g. 2%), got '${value}'`,
    );
  }
  return rate;
}

function render(delta: EvalDelta, format: EvalDeltaOptions['format']): string {
  switch (format) {
    case 'json':
      return renderEvalDeltaJson(delta);
    case 'markdown':
      return renderEvalDeltaMarkdown(delta);
    default: {
      const colour = process.env.NO_COLOR ? 0 : new Chalk().level;
      return renderEvalDeltaText(delta, new Chalk({ level: colour }));
    }
  }
}
