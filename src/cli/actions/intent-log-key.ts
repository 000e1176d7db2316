import type { LogKey } from '../../runtime/decision-log.js';
import { UsageError } from '../../errors.js';

/**
 * `AGENTGATE_LOG_KEY`, which keys the decision log's chain (HMAC-SHA256). Set but empty is refused: that is
 * what a CI secret that failed to reach the job looks like, and it must not quietly write an unkeyed log.
 */
export function logKeyFromEnvironment(env: NodeJS.ProcessEnv = process.env): LogKey {
  const key = env.AGENTGATE_LOG_KEY;
  if (key === undefined) return undefined;
  if (key === '') throw new UsageError('AGENTGATE_LOG_KEY is set but empty: give the key, or unset it');
  return key;
}
