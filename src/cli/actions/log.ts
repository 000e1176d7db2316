import { Chalk } from 'chalk';
import { buildLogView } from '../../core/history/log-entries.js';
import { createRepoSourceLookup } from '../../core/plane/repo-sources.js';
import { headSha } from '../../git/refs.js';
import { readGateState, walkHistory } from '../../load/history.js';
import { renderLogText } from '../../render/log.js';
import { UsageError } from '../../errors.js';

export interface LogOptions {
  plane: 'control' | 'data';
  since?: string;
  maxCount?: string;
  format: 'text' | 'json';
  authority?: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const RELATIVE = /^\d+ (?:second|minute|hour|day|week|month|year)s? ago$/;

/** `agentgate log`: the first-parent history of HEAD, one entry per commit that touched the plane. */
export async function runLog(options: LogOptions, cwd: string): Promise<number> {
  const since = options.since?.trim();
  if (since !== undefined && !ISO_DATE.test(since) && !RELATIVE.test(since)) {
    throw new UsageError(
      `--since: expected YYYY-MM-DD, an ISO 8601 time or "<n> <unit>s ago", got '${since.slice(0, 60)}'`,
    );
  }
  const maxCount = parseMaxCount(options.maxCount);
  if (options.authority === true && options.plane === 'data')
    throw new UsageError('--authority: authority lives in the control plane; drop --plane data');
  const sha = await headSha(cwd);
  const { config } = await readGateState(cwd, sha);
  const sourceOf = createRepoSourceLookup(config);
  const history = await walkHistory(
    cwd,
    sha,
    config,
    since === undefined ? { sourceOf } : { since, sourceOf },
  );
  const view = buildLogView(history, {
    plane: options.plane,
    ref: { ref: 'HEAD', sha },
    maxCount,
    authority: options.authority === true,
  });
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
  else
    process.stdout.write(
      renderLogText(view, new Chalk({ level: process.env.NO_COLOR ? 0 : new Chalk().level })),
    );
  return 0;
}

function parseMaxCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`--max-count: expected a positive integer, got '${value.slice(0, 40)}'`);
  return Number(value);
}
